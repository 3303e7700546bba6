#include "io/acled.h"

#include <algorithm>
#include <cstdlib>
#include <iterator>

namespace sitrep::io {
namespace {

struct IsoRow {
  const char* alpha2;
  int numeric;
  const char* alpha3;
};

constexpr IsoRow kIso[] = {
#include "io/iso3166.inc"
};

const IsoRow* FindIso(std::string_view a2) {
  auto it = std::lower_bound(std::begin(kIso), std::end(kIso), a2,
                             [](const IsoRow& r, std::string_view k) { return r.alpha2 < k; });
  if (it == std::end(kIso) || it->alpha2 != a2) return nullptr;
  return it;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

std::string CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y0 = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = y0 + (m <= 2);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
  return buf;
}

bool Digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsDay(std::string_view s) {
  return s.size() == 10 && s[4] == '-' && s[7] == '-' && Digits(s.substr(0, 4)) &&
         Digits(s.substr(5, 2)) && Digits(s.substr(8, 2));
}

int64_t DayNumber(std::string_view s) {
  return DaysFromCivil(std::atoi(std::string(s.substr(0, 4)).c_str()),
                       static_cast<unsigned>(std::atoi(std::string(s.substr(5, 2)).c_str())),
                       static_cast<unsigned>(std::atoi(std::string(s.substr(8, 2)).c_str())));
}

std::string LastOfMonth(int y, int m) {
  int64_t next = m == 12 ? DaysFromCivil(y + 1, 1, 1) : DaysFromCivil(y, static_cast<unsigned>(m + 1), 1);
  return CivilFromDays(next - 1);
}

}  // namespace

std::string_view DisorderType(std::string_view type, std::string_view subtype) {
  if (type == "Battles" || type == "Explosions/Remote violence" ||
      type == "Violence against civilians") {
    return "Political violence";
  }
  if (type == "Protests") {
    return subtype == "Excessive force against protesters" ? "Political violence; Demonstrations"
                                                           : "Demonstrations";
  }
  if (type == "Riots") return subtype == "Mob violence" ? "Political violence" : "Demonstrations";
  if (type == "Strategic developments") return "Strategic developments";
  return {};
}

DaySpan SpanOf(const When& w) {
  DaySpan s;
  std::string_view d = w.date;
  if (IsDay(d)) {
    s.first = std::string(d);
  } else if (d.size() == 7 && d[4] == '-' && Digits(d.substr(0, 4)) && Digits(d.substr(5, 2))) {
    s.first = std::string(d) + "-01";
    if (w.end_date.empty()) {
      s.last = LastOfMonth(std::atoi(std::string(d.substr(0, 4)).c_str()),
                           std::atoi(std::string(d.substr(5, 2)).c_str()));
    }
  } else if (d.size() == 4 && Digits(d)) {
    s.first = std::string(d) + "-01-01";
    if (w.end_date.empty()) s.last = std::string(d) + "-12-31";
  } else if (d.size() == 8 && d[4] == '-' && d[5] == 'W' && Digits(d.substr(0, 4)) &&
             Digits(d.substr(6, 2))) {
    // ISO week: the Monday of week 1 is the Monday on or before 4 January.
    int y = std::atoi(std::string(d.substr(0, 4)).c_str());
    int wk = std::atoi(std::string(d.substr(6, 2)).c_str());
    int64_t jan4 = DaysFromCivil(y, 1, 4);
    int64_t weekday = ((jan4 % 7) + 7 + 3) % 7;  // 0 = Monday (1970-01-01 was a Thursday)
    int64_t monday = jan4 - weekday + 7 * (wk - 1);
    s.first = CivilFromDays(monday);
    if (w.end_date.empty()) s.last = CivilFromDays(monday + 6);
  } else {
    return s;
  }
  if (IsDay(w.end_date)) s.last = w.end_date;
  if (s.last.empty() || DayNumber(s.last) < DayNumber(s.first)) s.last = s.first;
  return s;
}

int TimePrecision(const When& w) {
  DaySpan s = SpanOf(w);
  if (s.first.empty()) return 0;
  if (w.precision == "day") return 1;
  if (w.precision == "week") return 2;
  if (w.precision == "month" || w.precision == "year") return 3;
  int64_t days = DayNumber(s.last) - DayNumber(s.first) + 1;
  return days <= 1 ? 1 : days <= 7 ? 2 : 3;
}

int GeoPrecision(const Where& w) {
  std::string_view p = w.precision.empty() ? std::string_view(w.place.precision) : w.precision;
  if (p == "city") return 1;
  if (p == "admin2") return 2;
  if (p == "admin1" || p == "country") return 3;
  return 0;
}

int Interaction(int inter1, int inter2) {
  if (inter1 <= 0) return 0;
  if (inter2 <= 0) return inter1 * 10;
  return std::min(inter1, inter2) * 10 + std::max(inter1, inter2);
}

int IsoNumeric(std::string_view alpha2) {
  const IsoRow* r = FindIso(alpha2);
  return r ? r->numeric : 0;
}

std::string_view IsoAlpha3(std::string_view alpha2) {
  const IsoRow* r = FindIso(alpha2);
  return r ? std::string_view(r->alpha3) : std::string_view();
}

}  // namespace sitrep::io
