#include "time/time_value.h"

#include <cmath>
#include <cstdio>

namespace sitrep::time {
namespace {

// v >= 0 in decimal, zero-padded to `width` digits.
void AppendNum(std::string* out, int v, int width) {
  char buf[12];
  int n = 0;
  do {
    buf[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v > 0 && n < 11);
  while (n < width && n < 11) buf[n++] = '0';
  while (n > 0) out->push_back(buf[--n]);
}

void AppendField(std::string* out, int v, int width) {
  if (v < 0) {
    out->append(static_cast<size_t>(width), 'X');
  } else {
    AppendNum(out, v, width);
  }
}

const char* SeasonCode(int s) {
  static constexpr const char* kCodes[] = {"SP", "SU", "FA", "WI"};
  return s >= 0 && s < 4 ? kCodes[s] : "XX";
}

std::string FormatDay(const Point& p) {
  std::string out;
  if (p.month == kX && p.day == kX && p.sub != kX) {
    out = "XXXX-WXX-";
    AppendNum(&out, p.sub, 1);
    return out;
  }
  AppendField(&out, p.year, 4);
  out.push_back('-');
  AppendField(&out, p.month, 2);
  out.push_back('-');
  AppendField(&out, p.day, 2);
  return out;
}

}  // namespace

bool Point::Resolved() const {
  if (year != kX && (year < 0 || year > 9999)) return false;
  switch (gran) {
    case Gran::kCentury: case Gran::kDecade: case Gran::kYear:
      return year != kX;
    case Gran::kHalf: case Gran::kQuarter: case Gran::kSeason: case Gran::kWeek:
    case Gran::kWeekend:
      return year != kX && sub != kX;
    case Gran::kMonth:
      return year != kX && month != kX;
    case Gran::kDay: case Gran::kPartOfDay: case Gran::kClock:
      return year != kX && month != kX && day != kX;
  }
  return false;
}

std::string FormatPoint(const Point& p) {
  std::string out;
  switch (p.gran) {
    case Gran::kCentury:
      if (p.year < 0) return "XXXX";
      AppendNum(&out, p.year / 100, 2);
      out.append("XX");
      return out;
    case Gran::kDecade:
      if (p.year < 0) return "XXXX";
      AppendNum(&out, p.year / 10, 3);
      out.push_back('X');
      return out;
    case Gran::kYear:
      AppendField(&out, p.year, 4);
      return out;
    case Gran::kHalf:
      AppendField(&out, p.year, 4);
      out.append("-H");
      AppendField(&out, p.sub, 1);
      return out;
    case Gran::kQuarter:
      AppendField(&out, p.year, 4);
      out.append("-Q");
      AppendField(&out, p.sub, 1);
      return out;
    case Gran::kSeason:
      AppendField(&out, p.year, 4);
      out.push_back('-');
      out.append(SeasonCode(p.sub));
      return out;
    case Gran::kMonth:
      AppendField(&out, p.year, 4);
      out.push_back('-');
      AppendField(&out, p.month, 2);
      return out;
    case Gran::kWeek:
    case Gran::kWeekend:
      AppendField(&out, p.year, 4);
      out.append("-W");
      AppendField(&out, p.sub, 2);
      if (p.gran == Gran::kWeekend) out.append("-WE");
      return out;
    case Gran::kDay:
      return FormatDay(p);
    case Gran::kPartOfDay: {
      out = FormatDay(p);
      static constexpr const char* kPod[] = {"TMO", "TAF", "TEV", "TNI", "T12:00", "T24:00"};
      out.append(kPod[static_cast<int>(p.pod)]);
      return out;
    }
    case Gran::kClock:
      out = FormatDay(p);
      out.push_back('T');
      AppendNum(&out, p.hour, 2);
      out.push_back(':');
      AppendNum(&out, p.minute, 2);
      if (p.zulu) out.push_back('Z');
      return out;
  }
  return out;
}

bool PointSpan(const Point& p, int64_t* first, int64_t* last, const char** precision) {
  if (!p.Resolved()) return false;
  const int y = p.year;
  switch (p.gran) {
    case Gran::kCentury:
    case Gran::kDecade: {
      int len = p.gran == Gran::kCentury ? 100 : 10;
      *first = DaysFromCivil(y, 1, 1);
      *last = DaysFromCivil(y + len - 1, 12, 31);
      *precision = "range";
      return true;
    }
    case Gran::kYear:
      *first = DaysFromCivil(y, 1, 1);
      *last = DaysFromCivil(y, 12, 31);
      *precision = "year";
      return true;
    case Gran::kHalf:
    case Gran::kQuarter: {
      int months = p.gran == Gran::kHalf ? 6 : 3;
      int m0 = (p.sub - 1) * months + 1, m1 = m0 + months - 1;
      *first = DaysFromCivil(y, m0, 1);
      *last = DaysFromCivil(y, m1, DaysInMonth(y, m1));
      *precision = "range";
      return true;
    }
    case Gran::kSeason: {
      static constexpr int kStart[] = {3, 6, 9, 12};
      int sy = y, sm = kStart[p.sub];
      if (p.sub == static_cast<int>(Season::kWinter)) sy = y - 1;
      int ey = sy, em = sm + 2;
      if (em > 12) {
        em -= 12;
        ++ey;
      }
      *first = DaysFromCivil(sy, sm, 1);
      *last = DaysFromCivil(ey, em, DaysInMonth(ey, em));
      *precision = "range";
      return true;
    }
    case Gran::kMonth:
      *first = DaysFromCivil(y, p.month, 1);
      *last = DaysFromCivil(y, p.month, DaysInMonth(y, p.month));
      *precision = "month";
      return true;
    case Gran::kWeek:
      *first = MondayOfIsoWeek(y, p.sub);
      *last = *first + 6;
      *precision = "week";
      return true;
    case Gran::kWeekend:
      *first = MondayOfIsoWeek(y, p.sub) + 5;
      *last = *first + 1;
      *precision = "range";
      return true;
    case Gran::kDay: case Gran::kPartOfDay: case Gran::kClock:
      *first = *last = DaysFromCivil(y, p.month, p.day);
      *precision = "day";
      return true;
  }
  return false;
}

std::string FormatDuration(double amount, Unit unit) {
  const bool unknown = amount < 0;
  const char* letter = "D";
  bool time_part = false;
  switch (unit) {
    case Unit::kSecond: letter = "S"; time_part = true; break;
    case Unit::kMinute: letter = "M"; time_part = true; break;
    case Unit::kHour: letter = "H"; time_part = true; break;
    case Unit::kDay: letter = "D"; break;
    case Unit::kWeek: letter = "W"; break;
    case Unit::kFortnight: letter = "W"; amount *= 2; break;
    case Unit::kMonth: letter = "M"; break;
    case Unit::kQuarter: letter = "Q"; break;
    case Unit::kYear: letter = "Y"; break;
    case Unit::kDecade: letter = unknown ? "DE" : "Y"; amount *= 10; break;
    case Unit::kCentury: letter = unknown ? "CE" : "Y"; amount *= 100; break;
    case Unit::kWeekend: letter = "WE"; break;
  }
  std::string out = time_part ? "PT" : "P";
  if (unknown) {
    out.push_back('X');
  } else if (amount == std::floor(amount) && amount < 1e9) {
    out.append(std::to_string(static_cast<long long>(amount)));
  } else {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", amount);
    out.append(buf);
  }
  out.append(letter);
  return out;
}

}  // namespace sitrep::time
