// TIMEX3 values: a calendar point at some granularity (a day, a week, a quarter, a decade...)
// that may be underspecified, and a duration; their ISO/TimeML spellings and the first and
// last day a point covers.
#ifndef SITREP_TIME_TIME_VALUE_H_
#define SITREP_TIME_TIME_VALUE_H_

#include <cstdint>
#include <string>

#include "time/calendar.h"
#include "time/time_lexicon.h"

namespace sitrep::time {

inline constexpr int kX = -1;  // an unknown field ("XXXX", "XX")

enum class Gran : uint8_t {
  kCentury,   // year = first year (1900): "19XX"
  kDecade,    // year = first year (1990): "199X"
  kYear,      // "2015"
  kHalf,      // sub = 1..2: "2015-H1"
  kQuarter,   // sub = 1..4: "2015-Q3"
  kSeason,    // sub = Season: "2015-SU"; winter Y runs from December Y-1 to February Y
  kMonth,     // "2015-06"
  kWeek,      // year = ISO year, sub = ISO week: "2015-W31"
  kWeekend,   // as kWeek: "2015-W31-WE"
  kDay,       // "2015-06-09"; with unknown fields "XXXX-06-09", "XXXX-WXX-5" (sub = weekday)
  kPartOfDay, // a day and pod: "2015-06-09TMO"
  kClock,     // a day and hour:minute: "2015-06-09T10:30", zulu adds "Z"
};

struct Point {
  Gran gran = Gran::kDay;
  int year = kX, month = kX, day = kX;
  int sub = kX;     // half, quarter, season, ISO week, or weekday of an underspecified day
  Pod pod = Pod::kMorning;
  int hour = 0, minute = 0;
  bool zulu = false;

  bool Resolved() const;  // every field the granularity needs is known
  static Point Day(const Ymd& d) {
    Point p;
    p.gran = Gran::kDay;
    p.year = d.year;
    p.month = d.month;
    p.day = d.day;
    return p;
  }
  static Point Days(int64_t days) { return Day(CivilFromDays(days)); }
};

// The TIMEX3 value of a point.
std::string FormatPoint(const Point& p);

// First and last day (days since 1970) a resolved point covers, and the precision word of the
// output contract (day, week, month, year, range). False for unresolved points.
bool PointSpan(const Point& p, int64_t* first, int64_t* last, const char** precision);

// A duration: `amount` units, or an unspecified number of them (amount < 0): "P3D", "PT2H",
// "P1.5Y", "PXY". Decades and centuries are spelled in years when counted ("P10Y"), in TimeML's
// DE / CE when not ("PXDE").
std::string FormatDuration(double amount, Unit unit);

}  // namespace sitrep::time

#endif  // SITREP_TIME_TIME_VALUE_H_
