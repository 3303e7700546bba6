// Calendar arithmetic. DaysFromCivil / CivilFromDays follow Howard Hinnant's
// "chrono-Compatible Low-Level Date Algorithms" (public domain): eras of 400 years, March-based
// years so that the leap day falls at the end.
#include "time/calendar.h"

namespace sitrep::time {

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && IsLeapYear(y) ? 29 : kDays[m - 1];
}

bool IsValidDate(int y, int m, int d) { return m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m); }

int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;                                     // [0, 399]
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;    // [0, 365]
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;             // [0, 146096]
  return era * 146097 + doe - 719468;
}

Ymd CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = yoe + era * 400;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return Ymd{static_cast<int>(y + (m <= 2)), m, d};
}

int Weekday(int64_t days) {
  // 1970-01-01 was a Thursday (4).
  int64_t w = (days + 3) % 7;
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

int64_t MondayOfIsoWeek(int iso_year, int week) {
  // 4 January is always in week 1.
  int64_t jan4 = DaysFromCivil(iso_year, 1, 4);
  int64_t monday1 = jan4 - (Weekday(jan4) - 1);
  return monday1 + 7 * static_cast<int64_t>(week - 1);
}

void IsoWeek(int64_t days, int* iso_year, int* week) {
  // The week's Thursday decides the year.
  int64_t thursday = days + (4 - Weekday(days));
  int y = CivilFromDays(thursday).year;
  *iso_year = y;
  *week = static_cast<int>((thursday - DaysFromCivil(y, 1, 1)) / 7) + 1;
}

int IsoWeeksInYear(int iso_year) {
  int y, w;
  IsoWeek(DaysFromCivil(iso_year, 12, 28), &y, &w);
  return w;
}

void AddMonths(int* year, int* month, int months) {
  int total = *year * 12 + (*month - 1) + months;
  int y = total >= 0 ? total / 12 : (total - 11) / 12;
  *year = y;
  *month = total - y * 12 + 1;
}

Ymd EasterSunday(int y) {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
  int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return Ymd{y, month, day};
}

bool ParseIsoDate(std::string_view s, Ymd* out) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
  auto num = [&](size_t b, size_t n, int* v) {
    int r = 0;
    for (size_t i = b; i < b + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      r = r * 10 + (s[i] - '0');
    }
    *v = r;
    return true;
  };
  Ymd d;
  if (!num(0, 4, &d.year) || !num(5, 2, &d.month) || !num(8, 2, &d.day)) return false;
  if (s.size() > 10 && s[10] >= '0' && s[10] <= '9') return false;
  if (!IsValidDate(d.year, d.month, d.day)) return false;
  *out = d;
  return true;
}

std::string FormatYmd(const Ymd& d) {
  char buf[16];
  int y = d.year < 0 ? 0 : d.year > 9999 ? 9999 : d.year;
  buf[0] = static_cast<char>('0' + y / 1000);
  buf[1] = static_cast<char>('0' + y / 100 % 10);
  buf[2] = static_cast<char>('0' + y / 10 % 10);
  buf[3] = static_cast<char>('0' + y % 10);
  buf[4] = '-';
  buf[5] = static_cast<char>('0' + d.month / 10);
  buf[6] = static_cast<char>('0' + d.month % 10);
  buf[7] = '-';
  buf[8] = static_cast<char>('0' + d.day / 10);
  buf[9] = static_cast<char>('0' + d.day % 10);
  return std::string(buf, 10);
}

}  // namespace sitrep::time
