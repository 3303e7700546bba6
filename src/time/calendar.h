// Proleptic Gregorian calendar arithmetic for the time tagger: days since 1970-01-01,
// weekdays, ISO 8601 weeks, month lengths, Easter. Pure functions, no state, no clock.
#ifndef SITREP_TIME_CALENDAR_H_
#define SITREP_TIME_CALENDAR_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace sitrep::time {

// A calendar day. Valid when month in 1..12 and day in 1..DaysInMonth(year, month).
struct Ymd {
  int year = 0, month = 0, day = 0;
  friend bool operator==(const Ymd&, const Ymd&) = default;
};

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);
bool IsValidDate(int year, int month, int day);

// Days since 1970-01-01 (negative before it), and back (H. Hinnant's algorithms).
int64_t DaysFromCivil(int year, int month, int day);
inline int64_t DaysFromCivil(const Ymd& d) { return DaysFromCivil(d.year, d.month, d.day); }
Ymd CivilFromDays(int64_t days);

// ISO weekday of a day count: 1 = Monday ... 7 = Sunday.
int Weekday(int64_t days);

// ISO 8601 week of a day: week 1 holds the year's first Thursday; *iso_year may differ
// from the calendar year near 1 January.
void IsoWeek(int64_t days, int* iso_year, int* week);
// The Monday of ISO week `week` of `iso_year` (week may be out of range; it is carried).
int64_t MondayOfIsoWeek(int iso_year, int week);
// 52 or 53.
int IsoWeeksInYear(int iso_year);

// Adds `months` to (year, month), carrying into the year.
void AddMonths(int* year, int* month, int months);

// Western (Gregorian) Easter Sunday.
Ymd EasterSunday(int year);

// "YYYY-MM-DD" (the first 10 bytes; anything after them, such as a time, is ignored).
// False if `s` does not start with a valid date.
bool ParseIsoDate(std::string_view s, Ymd* out);
// "YYYY-MM-DD" (years 0..9999).
std::string FormatYmd(const Ymd& d);
inline std::string FormatDays(int64_t days) { return FormatYmd(CivilFromDays(days)); }

}  // namespace sitrep::time

#endif  // SITREP_TIME_CALENDAR_H_
