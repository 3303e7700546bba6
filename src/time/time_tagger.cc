// The time tagger: finds time expressions and gives each a TIMEX3 value.
//
// How it works
//   1. One pass over the tokens looks each word up in the time lexicon (time_lexicon.cc: one
//      hash probe per token) and tries the fixed phrases and the grammar only at "core"
//      tokens: numbers, month and weekday names, units ("week"), deictic words ("today"),
//      parts of the day, seasons, holidays, frequencies.
//   2. Each core has a rule (Try*) that reads the words around it: left for counts,
//      determiners and modifiers ("the past three", "last", "early"), right for days, years
//      and "ago". Generic steps then add what applies to every date: "the end of", "early",
//      "mid-" (ExtendEdges), the mod a preposition before it implies ("since", "by";
//      ApplyPrepMod), and ranges ("between 1996 and 2001", "from May to July").
//   3. A rule's result is a Point (time_value.h) or a literal value. Relative points are
//      resolved against the anchor: the document creation time (dct) for deictic words
//      ("yesterday", "last week", "two days ago"); the clause's tense (tense.h) for names
//      without a year or week ("Saturday", "in December", "the fourth quarter"); and the
//      last date mentioned (the reference time) for anaphoric ones ("the next day").
//
// Conventions (TimeML TIMEX3, as in TimeBank and MEANTIME)
//   * Spans leave out prepositions ("on [Sunday]", "since [May]") and a possessive "'s";
//     they include determiners and modifiers ("[the end of June]", "[the past nine days]",
//     "[nearly five months]", "[two days ago]", "[earlier this month]").
//   * A weekday takes the tense of its clause: past -> the latest such day on or before the
//     dct, future or present -> the next one on or after it, unknown -> past (news reports
//     the past). The dct's own weekday is the dct. "last"/"next" force the direction.
//   * A month, day or season without a year: past -> the latest one starting on or before
//     the dct, future -> the earliest one ending on or after it, else the nearest one. So a
//     "December" in a January report is last December when the clause is past.
//   * "the 1990s" -> 199X, "the 20th century" -> 19XX; "recent years" -> PAST_REF; "now",
//     "currently", "current" -> PRESENT_REF; "the future", "soon" -> FUTURE_REF.
//   * "September 11" next to "attacks", and "9/11", are the 2001 attacks (2001-09-11): news
//     names that day as a historical event; elsewhere "September 11" is an ordinary date.
//   * A range gives three expressions: the whole as a DURATION whose first and last days
//     cover both ends ("between 1996 and 2001", P5Y), and each end as a DATE.
//   * The mod of a date comes from the text: START/MID/END for "early/mid/late" and "the
//     beginning/middle/end of"; ON_OR_AFTER "since", AFTER "after", BEFORE "before",
//     ON_OR_BEFORE "by"/"until"; APPROX, MORE_THAN, LESS_THAN, EQUAL_OR_MORE for counts.
//   * Without a dct, relative expressions keep X's ("XXXX-XX-XX", "XXXX-WXX-5", "XXXX-05")
//     and anchored = false. Nothing comes from the wall clock.
#include "time/time_tagger.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>

#include "time/calendar.h"
#include "time/tense.h"
#include "time/time_lexicon.h"
#include "time/time_value.h"

namespace sitrep::time {
namespace {

using text::Analysis;
using text::TokKind;

// A day of a span, kept within the calendar sitrep prints (0001-01-01 .. 9999-12-31): "this
// week" in the last days of 9999 ends in year 10000, which printed as "9999-01-02", before
// the span's first day (found by fuzz/time_fuzzer.cc).
std::string FormatDay(int64_t days) {
  static const int64_t kFirst = DaysFromCivil(1, 1, 1), kLast = DaysFromCivil(9999, 12, 31);
  return FormatDays(std::clamp(days, kFirst, kLast));
}

enum class TType : uint8_t { kDate, kTime, kDuration, kSet };

const char* TypeName(TType t) {
  switch (t) {
    case TType::kDate: return "DATE";
    case TType::kTime: return "TIME";
    case TType::kDuration: return "DURATION";
    case TType::kSet: return "SET";
  }
  return "DATE";
}

// What a rule found: a token span and a point or a literal value.
struct Found {
  uint32_t b = 0, e = 0;
  TType type = TType::kDate;
  bool is_point = false;
  Point point;
  std::string value;          // when !is_point
  Mod mod = Mod::kNone;
  bool relative = false;      // the value depends on the anchor
  bool explicit_year = false; // the text gave the year
  bool possessive = false;    // followed by "'s" ("Sunday's attack")
  // For a counted duration ("two days"): the count and unit, for "two days after May 9".
  double amount = -1;
  Unit unit = Unit::kDay;
  // For a range (DURATION): the first and last day covered.
  bool has_span = false;
  int64_t span_first = 0, span_last = 0;
};

bool In(std::string_view f, std::initializer_list<std::string_view> list) {
  for (auto s : list)
    if (f == s) return true;
  return false;
}

// Digits only: its value, else -1.
int DigitsValue(std::string_view s) {
  if (s.empty() || s.size() > 9) return -1;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

// "9th", "1st", "22nd", "3rd": the number, else -1.
int NumericOrdinal(std::string_view s) {
  if (s.size() < 3) return -1;
  std::string_view suf = s.substr(s.size() - 2);
  if (!In(suf, {"st", "nd", "rd", "th"})) return -1;
  return DigitsValue(s.substr(0, s.size() - 2));
}

class Parser {
 public:
  Parser(const Analysis& a, std::string_view dct, std::vector<Timex>* out)
      : a_(a), lex_(Lexicon::Get()), n_(static_cast<uint32_t>(a.tokens.size())), out_(out) {
    has_dct_ = ParseIsoDate(dct, &dct_);
    if (has_dct_) {
      dct_days_ = DaysFromCivil(dct_);
      ref_ = ref_day_ = Point::Day(dct_);
    }
  }

  // Tags tokens [0, end). With `trace`, also keeps every rule result (for FindDateline).
  void Run(uint32_t end, std::vector<Found>* trace = nullptr);

 private:
  // ---- tokens ----
  std::string_view F(uint32_t i) const { return i < n_ ? a_.Folded(i) : std::string_view(); }
  const WordInfo* W(uint32_t i) const { return i < n_ ? lex_.Word(a_, i) : nullptr; }
  Cls C(uint32_t i) const {
    const WordInfo* w = W(i);
    return w ? w->cls : Cls::kNone;
  }
  int V(uint32_t i) const { return W(i)->val; }
  bool IsNum(uint32_t i) const { return i < n_ && a_.tokens[i].kind == TokKind::kNumber; }
  bool IsWord(uint32_t i) const { return i < n_ && a_.tokens[i].kind == TokKind::kWord; }
  bool IsPunct(uint32_t i) const { return i >= n_ || a_.tokens[i].kind == TokKind::kPunct; }
  bool Cap(uint32_t i) const { return i < n_ && (a_.tokens[i].flags & text::kCap); }
  bool SentStart(uint32_t i) const { return i < n_ && (a_.tokens[i].flags & text::kSentStart); }
  bool Hyph(uint32_t i) const { return i < n_ && (a_.tokens[i].flags & text::kHyphenBefore); }
  bool SpaceBefore(uint32_t i) const {
    return i < n_ && (a_.tokens[i].flags & text::kSpaceBefore);
  }
  // The plain integer value of a number token ("2015", "08"), else -1.
  int Int(uint32_t i) const { return IsNum(i) ? DigitsValue(F(i)) : -1; }
  int DigitCount(uint32_t i) const { return static_cast<int>(F(i).size()); }

  // ---- rules ----
  bool TryAt(uint32_t i, const WordInfo* w, Found* f);
  bool TryPhrase(uint32_t i, Found* f);
  bool TryNumber(uint32_t i, Found* f);
  bool TryYear(uint32_t i, Found* f);
  bool TryClock(uint32_t i, Found* f);
  bool TrySlashDate(uint32_t i, Found* f);
  bool TryDecade(uint32_t i, Found* f);
  bool TryMonth(uint32_t i, Found* f);
  bool TryWeekday(uint32_t i, Found* f);
  bool TryUnit(uint32_t i, Found* f);
  bool TryWeekend(uint32_t i, Found* f);
  bool TryQuarter(uint32_t i, Found* f);
  bool TryPartOfDay(uint32_t i, Found* f);
  bool TryDeictic(uint32_t i, Found* f);
  bool TrySeason(uint32_t i, Found* f);
  bool TryHoliday(uint32_t i, Found* f);
  bool TryFreq(uint32_t i, Found* f);
  bool TryQuarterName(uint32_t i, Found* f);
  bool TryDecadeWord(uint32_t i, Found* f);

  // ---- pieces of rules ----
  bool DayNumberAt(uint32_t i, int* day) const;
  bool QuantityAfter(uint32_t i, bool with_verbs = false) const;
  bool YearAt(uint32_t i, int* year, bool allow_two_digit) const;
  // A year after a month, quarter or season: "2009", "of 2009", "last year", "of next year".
  bool YearAfter(uint32_t k, int* year, uint32_t* end, bool* is_explicit, bool* relative) const;
  bool CountSpan(uint32_t s, uint32_t u, double* amount, bool* approx) const;
  uint32_t CountStart(uint32_t u, double* amount, bool* approx) const;
  uint32_t ApproxBefore(uint32_t b, Mod* mod) const;
  void ExtendEdges(Found* f) const;
  void ApplyPrepMod(Found* f) const;
  bool TryRange(Found* x, std::vector<Found>* extra);
  void SamePeriodYearBefore(Found* f) const;
  bool TryAnchoredDuration(Found* d, std::vector<Found>* extra);
  bool ParseFrom(uint32_t k, Found* out);

  // ---- resolution ----
  Tense TenseOf(uint32_t b, uint32_t e) const { return ClauseTense(a_, b, e); }
  Point PointOfUnit(Unit u, int64_t days) const;
  Point ShiftPoint(const Point& p, Unit u, int n) const;
  bool UnitGran(Unit u) const;
  Point Unknown(Gran g) const {
    Point p;
    p.gran = g;
    return p;
  }
  Point RelativeUnit(Unit u, int n) const;  // the unit holding the dct, shifted n units
  Point RefPoint(Unit u) const;             // the reference time at unit u
  Point PickByTense(Tense t, const std::vector<Point>& cands) const;
  Point ResolveWeekday(int wd, Tense t, int direction) const;
  Point ResolveYearless(Point p, Tense t) const;
  Point ResolveDayOfMonth(int day, Tense t) const;
  int FullYear(int two_digits) const;

  void Emit(const Found& f);

  const Analysis& a_;
  const Lexicon& lex_;
  const uint32_t n_;
  std::vector<Timex>* out_;
  bool has_dct_ = false;
  Ymd dct_;
  int64_t dct_days_ = 0;
  Point ref_;            // the reference time: the last date mentioned (initially the dct)
  Point ref_day_;        // the last day mentioned (initially the dct)
  uint32_t floor_ = 0;   // tokens before this are taken
  uint32_t lo_ = 0, hi_ = 0;  // the current sentence, clipped to floor_
  uint32_t sb_ = 0;           // the current sentence's first token (not clipped)
};

// ---------------------------------------------------------------------------------------
// Resolution

bool Parser::UnitGran(Unit u) const {
  return u == Unit::kDay || u == Unit::kWeek || u == Unit::kMonth || u == Unit::kQuarter ||
         u == Unit::kYear || u == Unit::kDecade || u == Unit::kCentury || u == Unit::kWeekend;
}

Point Parser::PointOfUnit(Unit u, int64_t days) const {
  Ymd d = CivilFromDays(days);
  Point p;
  switch (u) {
    case Unit::kWeek:
    case Unit::kWeekend:
      p.gran = u == Unit::kWeek ? Gran::kWeek : Gran::kWeekend;
      IsoWeek(days, &p.year, &p.sub);
      return p;
    case Unit::kMonth:
      p.gran = Gran::kMonth;
      p.year = d.year;
      p.month = d.month;
      return p;
    case Unit::kQuarter:
      p.gran = Gran::kQuarter;
      p.year = d.year;
      p.sub = (d.month - 1) / 3 + 1;
      return p;
    case Unit::kYear:
      p.gran = Gran::kYear;
      p.year = d.year;
      return p;
    case Unit::kDecade:
      p.gran = Gran::kDecade;
      p.year = d.year / 10 * 10;
      return p;
    case Unit::kCentury:
      p.gran = Gran::kCentury;
      p.year = d.year / 100 * 100;
      return p;
    default:
      return Point::Day(d);
  }
}

Point Parser::ShiftPoint(const Point& p, Unit u, int n) const {
  if (!p.Resolved()) return p;
  Point r = p;
  switch (p.gran) {
    case Gran::kDay: case Gran::kPartOfDay: case Gran::kClock: {
      int64_t d = DaysFromCivil(p.year, p.month, p.day);
      if (u == Unit::kDay) d += n;
      else if (u == Unit::kWeek) d += 7 * n;
      else if (u == Unit::kFortnight) d += 14 * n;
      else {
        int y = p.year, m = p.month;
        int months = u == Unit::kMonth ? n : u == Unit::kQuarter ? 3 * n
                     : u == Unit::kYear ? 12 * n : u == Unit::kDecade ? 120 * n : 1200 * n;
        AddMonths(&y, &m, months);
        d = DaysFromCivil(y, m, std::min(p.day, DaysInMonth(y, m)));
      }
      Ymd c = CivilFromDays(d);
      r.year = c.year;
      r.month = c.month;
      r.day = c.day;
      return r;
    }
    case Gran::kWeek: case Gran::kWeekend: {
      int64_t monday = MondayOfIsoWeek(p.year, p.sub);
      int weeks = u == Unit::kWeek || u == Unit::kWeekend ? n : u == Unit::kYear ? 52 * n : n;
      if (u == Unit::kYear) {
        // The same week number a year away.
        r.year = p.year + n;
        r.sub = std::min(p.sub, IsoWeeksInYear(r.year));
        return r;
      }
      IsoWeek(monday + 7 * weeks, &r.year, &r.sub);
      return r;
    }
    case Gran::kMonth: {
      int months = u == Unit::kMonth ? n : u == Unit::kQuarter ? 3 * n : 12 * n;
      AddMonths(&r.year, &r.month, months);
      return r;
    }
    case Gran::kQuarter: {
      int q = (p.year * 4 + p.sub - 1) + (u == Unit::kQuarter ? n : 4 * n);
      r.year = q / 4;
      r.sub = q % 4 + 1;
      return r;
    }
    case Gran::kHalf: case Gran::kSeason:
      r.year = p.year + (u == Unit::kYear ? n : 0);
      return r;
    case Gran::kYear:
      r.year = p.year + (u == Unit::kDecade ? 10 * n : u == Unit::kCentury ? 100 * n : n);
      return r;
    case Gran::kDecade:
      r.year = p.year + (u == Unit::kCentury ? 100 * n : 10 * n);
      return r;
    case Gran::kCentury:
      r.year = p.year + 100 * n;
      return r;
  }
  return r;
}

Point Parser::RelativeUnit(Unit u, int n) const {
  if (!has_dct_) {
    switch (u) {
      case Unit::kWeek: return Unknown(Gran::kWeek);
      case Unit::kWeekend: return Unknown(Gran::kWeekend);
      case Unit::kMonth: return Unknown(Gran::kMonth);
      case Unit::kQuarter: return Unknown(Gran::kQuarter);
      case Unit::kYear: return Unknown(Gran::kYear);
      case Unit::kDecade: return Unknown(Gran::kDecade);
      case Unit::kCentury: return Unknown(Gran::kCentury);
      default: return Unknown(Gran::kDay);
    }
  }
  return ShiftPoint(PointOfUnit(u, dct_days_), u, n);
}

// The reference time at unit u: the last date mentioned when it is at least that fine,
// else the dct.
Point Parser::RefPoint(Unit u) const {
  if (u == Unit::kDay || u == Unit::kFortnight || u == Unit::kHour || u == Unit::kMinute) {
    if (ref_day_.Resolved()) return Point::Day(Ymd{ref_day_.year, ref_day_.month, ref_day_.day});
    return RelativeUnit(Unit::kDay, 0);
  }
  if (ref_.Resolved()) {
    bool fine_enough = false;
    switch (ref_.gran) {
      case Gran::kDay: case Gran::kPartOfDay: case Gran::kClock:
        fine_enough = true;
        break;
      case Gran::kWeek: case Gran::kWeekend:
        fine_enough = u == Unit::kWeek || u == Unit::kWeekend || u == Unit::kYear;
        break;
      case Gran::kMonth:
        fine_enough = u == Unit::kMonth || u == Unit::kQuarter || u == Unit::kYear;
        break;
      case Gran::kQuarter:
        fine_enough = u == Unit::kQuarter || u == Unit::kYear;
        break;
      case Gran::kHalf: case Gran::kSeason: case Gran::kYear:
        fine_enough = u == Unit::kYear;
        break;
      default:
        break;
    }
    if (fine_enough) {
      int64_t first, last;
      const char* prec;
      if (u == Unit::kYear || u == Unit::kDecade) {
        Point p;
        p.gran = Gran::kYear;
        p.year = ref_.year;
        if (ref_.gran == Gran::kWeek || ref_.gran == Gran::kWeekend) {
          PointSpan(ref_, &first, &last, &prec);
          p.year = CivilFromDays(first + 3).year;
        }
        return u == Unit::kYear ? p : PointOfUnit(u, DaysFromCivil(p.year, 1, 1));
      }
      if (ref_.gran == Gran::kMonth && u == Unit::kMonth) return ref_;
      if (ref_.gran == Gran::kQuarter && u == Unit::kQuarter) return ref_;
      if ((ref_.gran == Gran::kWeek || ref_.gran == Gran::kWeekend) && u == Unit::kWeek) {
        Point p = ref_;
        p.gran = Gran::kWeek;
        return p;
      }
      PointSpan(ref_, &first, &last, &prec);
      return PointOfUnit(u, first);
    }
  }
  return RelativeUnit(u, 0);
}

// Chooses among candidate points by tense (see the conventions at the top).
Point Parser::PickByTense(Tense t, const std::vector<Point>& cands) const {
  const Point* best = nullptr;
  int64_t best_key = 0;
  for (const Point& c : cands) {
    int64_t first, last;
    const char* prec;
    if (!PointSpan(c, &first, &last, &prec)) continue;
    int64_t key;
    if (t == Tense::kPast) {
      if (first > dct_days_) continue;
      key = -first;  // the latest start
    } else if (t == Tense::kFuture) {
      if (last < dct_days_) continue;
      key = first;  // the earliest
    } else {
      key = first > dct_days_ ? first - dct_days_ : last < dct_days_ ? dct_days_ - last : 0;
      key = key * 2 + (first > dct_days_ ? 1 : 0);  // a tie goes to the past
    }
    if (!best || key < best_key) {
      best = &c;
      best_key = key;
    }
  }
  if (best) return *best;
  return cands.empty() ? Point() : cands[cands.size() / 2];
}

// A point with an unknown year (month, month-day, quarter, season, half), resolved by tense.
Point Parser::ResolveYearless(Point p, Tense t) const {
  if (!has_dct_) {
    p.year = kX;
    return p;
  }
  // The years around the dct's; a 29 February needs the leap years up to four away.
  const bool leap_day = p.month == 2 && p.day == 29 &&
                        (p.gran == Gran::kDay || p.gran == Gran::kPartOfDay ||
                         p.gran == Gran::kClock);
  const int reach = leap_day ? 4 : 1;
  std::vector<Point> cands;
  for (int y = dct_.year - reach; y <= dct_.year + reach; ++y) {
    if (leap_day && !IsLeapYear(y)) continue;
    Point c = p;
    c.year = y;
    cands.push_back(c);
  }
  if (t == Tense::kPresent) t = Tense::kUnknown;
  return PickByTense(t, cands);
}

// "the 9th": a day of a month near the dct.
Point Parser::ResolveDayOfMonth(int day, Tense t) const {
  Point p = Unknown(Gran::kDay);
  p.day = day;
  if (!has_dct_) return p;
  std::vector<Point> cands;
  for (int k = -3; k <= 3; ++k) {
    int y = dct_.year, m = dct_.month;
    AddMonths(&y, &m, k);
    if (IsValidDate(y, m, day)) cands.push_back(Point::Day(Ymd{y, m, day}));
  }
  if (t == Tense::kPresent) t = Tense::kUnknown;
  return PickByTense(t, cands);
}

// direction: -1 "last", +1 "next", 0 by tense, 2 the nearest (a tie goes ahead).
Point Parser::ResolveWeekday(int wd, Tense t, int direction) const {
  if (!has_dct_) {
    Point p = Unknown(Gran::kDay);
    p.sub = wd;
    return p;
  }
  int dw = Weekday(dct_days_);
  int back = (dw - wd + 7) % 7, ahead = (wd - dw + 7) % 7;
  int64_t d;
  if (direction == 2) {
    d = ahead <= back ? dct_days_ + ahead : dct_days_ - back;
  } else if (direction < 0) {
    d = dct_days_ - (back == 0 ? 7 : back);
  } else if (direction > 0) {
    d = dct_days_ + (ahead == 0 ? 7 : ahead);
  } else if (t == Tense::kFuture || t == Tense::kPresent) {
    d = dct_days_ + ahead;
  } else {
    d = dct_days_ - back;
  }
  return Point::Days(d);
}

int Parser::FullYear(int yy) const {
  int base = has_dct_ ? dct_.year : 2000;
  int y = base / 100 * 100 + yy;
  if (y > base + 10) y -= 100;
  else if (y < base - 89) y += 100;
  return y;
}

// ---------------------------------------------------------------------------------------
// Pieces

// A day of the month at token i: "9", "09", "9th", "1st".
bool Parser::DayNumberAt(uint32_t i, int* day) const {
  if (!IsNum(i)) return false;
  std::string_view f = F(i);
  int v = f.size() <= 2 ? DigitsValue(f) : NumericOrdinal(f);
  if (v < 1 || v > 31) return false;
  *day = v;
  return true;
}

// A count's noun after a number: "20 [people]", "2000 [troops]", "3 [percent]".
bool Parser::QuantityAfter(uint32_t i, bool with_verbs) const {
  if (i >= n_) return false;
  std::string_view f = F(i);
  // "2000 killed": a count; "December 28 killed 14": a date. Only years take this reading.
  if (with_verbs && In(f, {"killed", "dead", "wounded", "injured", "died", "arrested"}))
    return true;
  if (f == "%" || f == "percent" || f == "per") return true;
  if (!IsWord(i) || Cap(i)) return false;
  if (In(f, {"people", "men", "women", "children", "police", "personnel", "staff", "troops",
             "km", "kilometres", "kilometers", "miles", "metres", "meters", "feet", "dollars",
             "euros", "pounds", "tonnes", "tons", "million", "billion", "thousand",
             "hundred", "more", "others", "other", "of", "civilians", "soldiers"}))
    return true;
  // A plural noun ("20 rockets"), not "press", "bus", "crisis", "elections".
  if (f.size() > 3 && f.back() == 's' && !f.ends_with("ss") && !f.ends_with("us") &&
      !f.ends_with("is") && !In(f, {"elections", "polls", "games", "olympics", "was", "has",
                                    "this", "its", "his"}))
    return true;
  return false;
}

// A year at token i: four digits 1000-2999, or two digits hyphen-joined ("9-May-20") or
// after an apostrophe ("'82") when allowed.
bool Parser::YearAt(uint32_t i, int* year, bool allow_two_digit) const {
  if (!IsNum(i)) return false;
  int v = Int(i);
  if (v < 0) return false;
  if (DigitCount(i) == 4 && v >= 1000 && v <= 2999) {
    if (QuantityAfter(i + 1)) return false;
    *year = v;
    return true;
  }
  if (DigitCount(i) == 2 && allow_two_digit) {
    *year = FullYear(v);
    return true;
  }
  return false;
}

bool Parser::YearAfter(uint32_t k, int* year, uint32_t* end, bool* is_explicit,
                       bool* relative) const {
  uint32_t j = k;
  if (F(j) == "of" || F(j) == ",") ++j;
  if (j < hi_ && YearAt(j, year, false)) {
    *end = j + 1;
    *is_explicit = true;
    return true;
  }
  // "of last year", "this year", "of the previous year"
  if (F(j) == "the" && In(F(j + 1), {"previous", "following"}) && F(j + 2) == "year" &&
      j + 2 < hi_) {
    Point r = RefPoint(Unit::kYear);
    *year = ShiftPoint(r, Unit::kYear, F(j + 1) == "previous" ? -1 : 1).year;
    *end = j + 3;
    *relative = true;
    return true;
  }
  if (In(F(j), {"last", "this", "next"}) && F(j + 1) == "year" && j + 1 < hi_) {
    int n = F(j) == "last" ? -1 : F(j) == "next" ? 1 : 0;
    *year = has_dct_ ? dct_.year + n : kX;
    *end = j + 2;
    *relative = true;
    return true;
  }
  return false;
}

// A count in tokens [s, u): "three", "33", "twenty-five", "two and a half", "a", "a few",
// "several", "a couple of", "dozens of", "half a", "some 30". amount < 0: unspecified.
bool Parser::CountSpan(uint32_t s, uint32_t u, double* amount, bool* approx) const {
  uint32_t p = s;
  double v = 0;
  bool have = false;
  *approx = false;
  if (p < u && In(F(p), {"a", "an"})) {
    ++p;
    if (p == u) {
      *amount = 1;
      return true;
    }
    if (F(p) == "few") {
      v = -1;
      ++p;
      have = true;
    } else if (F(p) == "couple") {
      v = 2;
      ++p;
      if (p < u && F(p) == "of") ++p;
      have = true;
    } else if (F(p) == "dozen") {
      v = 12;
      ++p;
      if (p < u && F(p) == "of") ++p;
      have = true;
    } else if (F(p) == "half") {
      v = 0.5;
      ++p;
      have = true;
    } else if (!IsNum(p) && C(p) != Cls::kNumWord) {
      // "a full year": one adjective
      v = 1;
      have = true;
    } else {
      return false;  // "a 12-year siege": the count starts at the number
    }
  }
  if (!have && p < u) {
    if (F(p) == "some" && p + 1 < u && (IsNum(p + 1) || C(p + 1) == Cls::kNumWord)) {
      *approx = true;
      ++p;
    }
    if (C(p) == Cls::kFewWord) {
      v = V(p) ? V(p) : -1;
      ++p;
      if (p < u && F(p) == "of") ++p;
      have = true;
    } else if (F(p) == "half" && p + 1 < u && In(F(p + 1), {"a", "an"})) {
      v = 0.5;
      p += 2;
      have = true;
    } else if (IsNum(p)) {
      std::string_view f = F(p);
      if (f.find_first_of(":/-") != std::string_view::npos) return false;
      char* endp = nullptr;
      std::string tmp(f);
      v = std::strtod(tmp.c_str(), &endp);
      if (endp != tmp.c_str() + tmp.size() || v <= 0) return false;
      ++p;
      have = true;
    } else if (C(p) == Cls::kNumWord) {
      v = V(p);
      ++p;
      if (v >= 20 && v < 100 && static_cast<int>(v) % 10 == 0 && p < u &&
          C(p) == Cls::kNumWord && V(p) < 10) {
        v += V(p);
        ++p;
      }
      if (p < u && F(p) == "hundred") {
        v *= 100;
        ++p;
      }
      have = true;
    }
  }
  if (!have) return false;
  if (p + 2 < u && F(p) == "and" && In(F(p + 1), {"a", "one"}) && F(p + 2) == "half") {
    v += 0.5;
    p += 3;
  }
  if (p < u && In(F(p), {"straight", "consecutive", "successive", "full", "whole", "more",
                         "additional", "extra", "further", "long", "trading", "working",
                         "business", "calendar", "solid", "short"}))
    ++p;
  if (p != u) return false;
  *amount = v;
  return true;
}

// The first token of the count before unit u (u if none).
uint32_t Parser::CountStart(uint32_t u, double* amount, bool* approx) const {
  uint32_t from = u >= lo_ + 7 ? u - 7 : lo_;
  for (uint32_t s = from; s < u; ++s) {
    if (CountSpan(s, u, amount, approx)) return s;
  }
  return u;
}

// Bounds and approximations before a count: "about", "more than", "at least", "up to".
uint32_t Parser::ApproxBefore(uint32_t b, Mod* mod) const {
  if (b > lo_ + 1 && F(b - 1) == "than") {
    std::string_view w = F(b - 2);
    if (w == "more" || w == "longer") {
      *mod = Mod::kMoreThan;
      return b - 2;
    }
    if (w == "less" || w == "fewer" || w == "shorter") {
      *mod = Mod::kLessThan;
      return b - 2;
    }
  }
  if (b > lo_ + 1 && F(b - 2) == "at" && In(F(b - 1), {"least", "most"})) {
    *mod = F(b - 1) == "least" ? Mod::kEqualOrMore : Mod::kEqualOrLess;
    return b - 2;
  }
  if (b > lo_ + 1 && F(b - 2) == "up" && F(b - 1) == "to") {
    *mod = Mod::kEqualOrLess;
    return b - 2;
  }
  if (b > lo_ && C(b - 1) == Cls::kApprox) {
    *mod = static_cast<Mod>(V(b - 1));
    uint32_t k = b - 1;
    if (k > lo_ && In(F(k - 1), {"just", "well", "slightly"})) --k;
    return k;
  }
  return b;
}

// "early June", "mid-2011", "the end of June", "the first half of 2009",
// "the last week of March", "earlier this month".
void Parser::ExtendEdges(Found* f) const {
  if (!f->is_point) return;
  uint32_t b = f->b;
  const Gran g = f->point.gran;
  // "the first half of", "the first/last week of"
  if (b >= lo_ + 4 && F(b - 1) == "of" && F(b - 4) == "the" &&
      (C(b - 3) == Cls::kOrdWord || F(b - 3) == "last")) {
    std::string_view unit = F(b - 2);
    int ord = F(b - 3) == "last" ? 99 : V(b - 3);
    if (unit == "half" && g == Gran::kYear && (ord == 1 || ord == 2 || ord == 99)) {
      f->point.gran = Gran::kHalf;
      f->point.sub = ord == 1 ? 1 : 2;
      f->b = b - 4;
      return;
    }
    if (unit == "week" && g == Gran::kMonth && (ord == 1 || ord == 99)) {
      Point& p = f->point;
      if (p.Resolved()) {
        int day = ord == 1 ? 4 : DaysInMonth(p.year, p.month) - 3;
        int iy, iw;
        IsoWeek(DaysFromCivil(p.year, p.month, day), &iy, &iw);
        p.gran = Gran::kWeek;
        p.year = iy;
        p.sub = iw;
      } else {
        p = Unknown(Gran::kWeek);
      }
      f->b = b - 4;
      return;
    }
  }
  // "the early hours of Sunday", "the small hours of 9 May"
  if (g == Gran::kDay && b >= lo_ + 4 && F(b - 1) == "of" && F(b - 2) == "hours" &&
      In(F(b - 3), {"early", "small", "wee"}) && F(b - 4) == "the") {
    f->b = b - 4;
    f->mod = Mod::kStart;
    return;
  }
  // "the (very) end of", "the beginning of"
  if (b >= lo_ + 2 && F(b - 1) == "of" && C(b - 2) == Cls::kEdgeNoun) {
    uint32_t k = b - 2;
    Mod m = static_cast<Mod>(V(k));
    if (k > lo_ && F(k - 1) == "very") --k;
    if (k > lo_ && F(k - 1) == "the") {
      f->b = k - 1;
      if (f->mod == Mod::kNone || f->mod == Mod::kApprox) f->mod = m;
      return;
    }
  }
  // "early", "mid", "late" (also "mid-August")
  if (b > lo_ && C(b - 1) == Cls::kEdgeMod && g != Gran::kClock) {
    f->mod = static_cast<Mod>(V(b - 1));
    f->b = b - 1;
    if (f->b > lo_ && F(f->b - 1) == "the" &&
        (g == Gran::kDecade || g == Gran::kCentury)) {
      --f->b;
    }
    return;
  }
  // "earlier this month", "later today"
  if (b > lo_ && In(F(b - 1), {"earlier", "later"}) && f->relative &&
      In(F(b), {"this", "today", "tonight", "last", "next"})) {
    f->b = b - 1;
    return;
  }
  // "early on Sunday": the mod, outside the span like the preposition.
  if (b >= lo_ + 2 && F(b - 1) == "on" && C(b - 2) == Cls::kEdgeMod && g == Gran::kDay &&
      f->mod == Mod::kNone) {
    f->mod = static_cast<Mod>(V(b - 2));
  }
}

// The mod a preposition before a date implies: "since May" -> ON_OR_AFTER.
void Parser::ApplyPrepMod(Found* f) const {
  if (!f->is_point || f->mod != Mod::kNone || f->possessive || f->b == 0) return;
  const uint32_t k = f->b - 1;
  if (a_.tokens[k].sentence != a_.tokens[f->b].sentence) return;
  if (C(k) == Cls::kPrep) {
    f->mod = static_cast<Mod>(V(k));
    return;
  }
  std::string_view w = F(k);
  if (w == "than" && k >= 2 && F(k - 1) == "later" && F(k - 2) == "no") {
    f->mod = Mod::kOnOrBefore;  // "no later than"
  } else if (w == "to" && k >= 1 && In(F(k - 1), {"up", "prior"})) {
    f->mod = F(k - 1) == "up" ? Mod::kOnOrBefore : Mod::kBefore;
  } else if (w == "starting") {
    f->mod = Mod::kOnOrAfter;
  } else if (In(w, {"around", "about", "circa", "approximately"})) {
    f->mod = Mod::kApprox;
  }
}

// "the same period last year", "the same period a year earlier": the reference time (at its
// own granularity) a year back. f is the "last year" / "a year earlier" just found.
void Parser::SamePeriodYearBefore(Found* f) const {
  uint32_t b = f->b;
  if (b > lo_ && F(b - 1) == "of") --b;
  if (!(b >= lo_ + 3 && F(b - 1) == "period" && F(b - 2) == "same" && F(b - 3) == "the")) return;
  if (!ref_.Resolved()) return;
  f->b = b - 3;
  f->point = ShiftPoint(ref_, Unit::kYear, -1);
}

// ---------------------------------------------------------------------------------------
// Rules

bool Parser::TryAt(uint32_t i, const WordInfo* w, Found* f) {
  if (w && (w->flags & kPhraseStart) && TryPhrase(i, f)) return true;
  if (IsNum(i)) return TryNumber(i, f);
  if (!w || !(w->flags & kCore)) return false;
  switch (w->cls) {
    case Cls::kMonth: return TryMonth(i, f);
    case Cls::kWeekday: return TryWeekday(i, f);
    case Cls::kUnit: return TryUnit(i, f);
    case Cls::kPartOfDay: return TryPartOfDay(i, f);
    case Cls::kDeictic: return TryDeictic(i, f);
    case Cls::kSeason: return TrySeason(i, f);
    case Cls::kHoliday: return TryHoliday(i, f);
    case Cls::kFreq: return TryFreq(i, f);
    case Cls::kQuarterName: return TryQuarterName(i, f);
    case Cls::kDecadeWord: return TryDecadeWord(i, f);
    default: return false;
  }
}

bool Parser::TryPhrase(uint32_t i, Found* f) {
  uint32_t end;
  const PhraseInfo* info;
  if (!lex_.PhraseAt(a_, i, hi_, &end, &info)) return false;
  if (info->not_before_count && end < n_) {
    Cls c = C(end);
    if (IsNum(end) || c == Cls::kUnit || c == Cls::kNumWord || c == Cls::kFewWord ||
        c == Cls::kOrdWord || F(end) == "of")
      return false;
  }
  f->b = i + info->skip_left;
  f->e = end - info->skip_right;
  // "the long-term goal": a hyphenated adjective, not "the long term".
  if (info->kind == PhraseKind::kRef) {
    for (uint32_t k = f->b + 1; k < f->e; ++k)
      if (Hyph(k)) return false;
  }
  switch (info->kind) {
    case PhraseKind::kRef:
      f->value = info->value;
      f->relative = true;
      return true;
    case PhraseKind::kDayOffset:
      f->is_point = true;
      f->relative = true;
      f->point = has_dct_ ? Point::Days(dct_days_ + info->number) : Unknown(Gran::kDay);
      return true;
    case PhraseKind::kMonthDay: {
      f->is_point = true;
      f->relative = true;
      Point p = Unknown(Gran::kDay);
      p.month = info->number / 100;
      p.day = info->number % 100;
      int year;
      uint32_t ye;
      bool ex = false, rel = false;
      if (YearAfter(f->e, &year, &ye, &ex, &rel)) {
        p.year = year;
        f->e = ye;
        f->relative = rel;
        f->explicit_year = ex;
      } else {
        p = ResolveYearless(p, TenseOf(f->b, f->e));
      }
      f->point = p;
      return true;
    }
    case PhraseKind::kFixedDate: {
      Ymd d;
      if (!ParseIsoDate(info->value, &d)) return false;
      f->is_point = true;
      f->point = Point::Day(d);
      f->explicit_year = true;
      return true;
    }
  }
  return false;
}

bool Parser::TryNumber(uint32_t i, Found* f) {
  std::string_view s = F(i);
  // ISO date: 2021-08-08
  if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
    Ymd d;
    if (!ParseIsoDate(s, &d)) return false;
    f->b = i;
    f->e = i + 1;
    f->is_point = true;
    f->point = Point::Day(d);
    f->explicit_year = true;
    return true;
  }
  int slashes = 0, dots = 0, colons = 0;
  for (char ch : s) {
    slashes += ch == '/';
    dots += ch == '.';
    colons += ch == ':';
  }
  if (slashes > 0 || dots == 2) return TrySlashDate(i, f);
  if (colons > 0) return TryClock(i, f);
  if (s.size() >= 3 && s.back() == 's' && NumericOrdinal(s) < 0) return TryDecade(i, f);
  const int v = Int(i);
  if (v < 0) {
    // "the 9th": a day of this month (when no month follows).
    int ord = NumericOrdinal(s);
    if (ord >= 1 && ord <= 31 && i > lo_ && F(i - 1) == "the") {
      uint32_t j = i + 1;
      if (F(j) == "of" && C(j + 1) == Cls::kMonth) return false;  // the month rule's
      if (C(j) == Cls::kMonth) return false;
      if (IsWord(j) && !In(F(j), {"and", "or", "when", "at", "to", "in", "until", "till"}))
        return false;  // "the 9th division"
      f->b = i - 1;
      f->e = i + 1;
      f->is_point = true;
      f->relative = true;
      f->point = ResolveDayOfMonth(ord, TenseOf(f->b, f->e));
      // "Monday the 9th"
      if (f->b > lo_ && C(f->b - 1) == Cls::kWeekday) --f->b;
      return true;
    }
    return false;
  }
  const uint32_t j = i + 1;
  // Clock times: "10 am", "10 a.m.", "0800 GMT", "3 o'clock".
  if (j < hi_ && (C(j) == Cls::kAmPm || F(j) == "oclock") && v >= 0 && v <= 12) {
    return TryClock(i, f);
  }
  const bool local_time = F(j) == "local" && F(j + 1) == "time";
  if (DigitCount(i) == 4 && j < hi_ &&
      (C(j) == Cls::kZone || local_time || In(F(j), {"hrs", "hours"})) && v % 100 < 60 &&
      v / 100 <= 24 && s[0] <= '2' &&
      (C(j) == Cls::kZone || local_time || F(j) == "hrs" || (i > lo_ && F(i - 1) == "at"))) {
    return TryClock(i, f);
  }
  // A day before a month, or a count before a unit: the month or unit rule takes it.
  if (DigitCount(i) <= 2 && v >= 1 && v <= 31 &&
      (C(j) == Cls::kMonth || (F(j) == "of" && C(j + 1) == Cls::kMonth)))
    return false;
  if (C(j) == Cls::kUnit) return false;
  // '82
  if (DigitCount(i) == 2 && i > lo_ && F(i - 1) == "'" && !SpaceBefore(i) &&
      SpaceBefore(i - 1) && i - 1 >= lo_ &&
      (i < 2 || In(F(i - 2), {"in", "since", "of", "from", "until", "by", "the", "and"}))) {
    f->b = i - 1;
    f->e = i + 1;
    f->is_point = true;
    f->point.gran = Gran::kYear;
    f->point.year = FullYear(v);
    f->explicit_year = true;
    return true;
  }
  return TryYear(i, f);
}

bool Parser::TryYear(uint32_t i, Found* f) {
  if (DigitCount(i) != 4 || (Hyph(i) && (i == 0 || IsNum(i - 1)))) return false;
  std::string_view surf = a_.Surface(i);
  if (surf.find(',') != std::string_view::npos) return false;
  const int v = Int(i);
  if (v < 1000 || v > 2999) return false;
  std::string_view prev = i > lo_ ? F(i - 1) : std::string_view();
  const bool strong = In(prev, {"in", "since", "by", "until", "till", "of", "from", "between",
                                "before", "after", "during", "early", "mid", "late", "the",
                                "and", "to", "through", "circa", "s", "summer", "spring",
                                "autumn", "fall", "winter", "year", "fiscal"});
  const int hi_year = has_dct_ ? dct_.year + 30 : 2100;
  if ((v < 1900 || v > hi_year) && !strong) return false;
  if (In(prev, {"$", "\xE2\x82\xAC", "\xC2\xA3", "us", "usd", "about", "some", "nearly",
                "almost", "approximately", "roughly", "over", "than", "least", "estimated",
                "only", "just", "no", "number", "flight", "route", "resolution", "#"}))
    return false;
  // "2000 killed" is a count; "attacks in 2007 killed 18" a year: a preposition of time
  // before the number reads it as a year unless a count's noun follows ("in 2000 troops").
  const bool time_prep = In(prev, {"in", "since", "until", "till", "during", "before", "after"});
  if (prev != "the" && prev != "s" && QuantityAfter(i + 1, !time_prep)) return false;
  // "Russell 2000 Index", "Windows 2000 Server": a name.
  if (i > lo_ && Cap(i - 1) && IsWord(i - 1) && C(i - 1) == Cls::kNone && !SentStart(i - 1) &&
      Cap(i + 1) && IsWord(i + 1) && !SentStart(i + 1) && C(i + 1) == Cls::kNone)
    return false;
  if (i + 1 < n_ && IsNum(i + 1) && !Hyph(i + 1)) return false;  // "2015 3"
  f->b = i;
  f->e = i + 1;
  f->is_point = true;
  f->point.gran = Gran::kYear;
  f->point.year = v;
  f->explicit_year = true;
  // "fiscal 2021", "fiscal year 2021", "FY 2021": a fiscal year, whose calendar depends on
  // the country or company (no first and last day).
  uint32_t fb = i;
  if (fb > lo_ && F(fb - 1) == "year" && fb >= lo_ + 2 && F(fb - 2) == "fiscal") fb -= 2;
  else if (fb > lo_ && In(F(fb - 1), {"fiscal", "fy"})) fb -= 1;
  if (fb < i) {
    f->b = fb;
    f->is_point = false;
    f->value = "FY" + std::to_string(v);
  }
  return true;
}

// "10:30", "10:30 a.m.", "10 pm", "0800 GMT", "16:08 UTC", "12:00 UTC Monday".
bool Parser::TryClock(uint32_t i, Found* f) {
  std::string_view s = F(i);
  int h = -1, m = 0;
  size_t colon = s.find(':');
  if (colon != std::string_view::npos) {
    h = DigitsValue(s.substr(0, colon));
    std::string_view rest = s.substr(colon + 1);
    if (rest.size() > 2 && rest[2] == ':') rest = rest.substr(0, 2);  // seconds
    if (rest.size() != 2) return false;
    m = DigitsValue(rest);
  } else if (s.size() == 4) {
    int v = DigitsValue(s);
    h = v / 100;
    m = v % 100;
  } else {
    h = DigitsValue(s);
  }
  if (h < 0 || h > 24 || m < 0 || m > 59) return false;
  uint32_t j = i + 1;
  bool marked = false;
  if (j < hi_ && C(j) == Cls::kAmPm) {
    if (h < 1 || h > 12) return false;
    h = h % 12 + V(j);
    ++j;
    marked = true;
  } else if (j < hi_ && F(j) == "oclock") {
    ++j;
    marked = true;
  }
  bool zulu = false;
  if (j < hi_ && C(j) == Cls::kZone) {
    zulu = V(j) == 1;
    ++j;
    marked = true;
  } else if (j + 1 < hi_ && F(j) == "local" && F(j + 1) == "time") {
    j += 2;
    marked = true;
  } else if (j < hi_ && In(F(j), {"hrs", "hours", "h"}) && s.size() == 4) {
    ++j;
    marked = true;
  }
  if (!marked) {
    // A bare "10:30" needs a preposition of time before it (not a score or a ratio).
    if (!(i > lo_ && In(F(i - 1), {"at", "around", "about", "by", "before", "after", "until",
                                   "till", "since", "from", "to", "between", "and"})))
      return false;
    if (colon == std::string_view::npos) return false;
  }
  f->b = i;
  f->is_point = true;
  f->type = TType::kTime;
  Point day;
  bool have_day = false;
  // A day right after: "16:00 UTC today", "12:00 UTC Monday".
  if (j < hi_) {
    Cls c = C(j);
    if (c == Cls::kDeictic && In(F(j), {"today", "yesterday", "tomorrow", "tonight"})) {
      int off = F(j) == "yesterday" ? -1 : F(j) == "tomorrow" ? 1 : 0;
      day = has_dct_ ? Point::Days(dct_days_ + off) : Unknown(Gran::kDay);
      have_day = true;
      f->relative = true;
      ++j;
    } else if (c == Cls::kWeekday && !(W(j)->flags & kPlural) && Cap(j)) {
      day = ResolveWeekday(V(j), TenseOf(i, j + 1), 0);
      have_day = true;
      f->relative = true;
      ++j;
    }
  }
  if (!have_day) {
    day = RefPoint(Unit::kDay);
    f->relative = true;
  }
  f->e = j;
  Point p = day;
  p.gran = Gran::kClock;
  p.hour = h;
  p.minute = m;
  p.zulu = zulu;
  f->point = p;
  return true;
}

// "7/8/07", "08/08/2021", "2021/08/08", "08.08.2021".
bool Parser::TrySlashDate(uint32_t i, Found* f) {
  std::string_view s = F(i);
  char sep = s.find('/') != std::string_view::npos ? '/' : '.';
  int parts[3], widths[3], np = 0;
  size_t start = 0;
  for (size_t k = 0; k <= s.size(); ++k) {
    if (k == s.size() || s[k] == sep) {
      if (np == 3) return false;
      parts[np] = DigitsValue(s.substr(start, k - start));
      widths[np] = static_cast<int>(k - start);
      if (parts[np] < 0) return false;
      ++np;
      start = k + 1;
    }
  }
  if (np != 3) return false;  // "9/11" alone is the phrase table's
  int y, mo, d;
  if (widths[0] == 4) {
    y = parts[0];
    mo = parts[1];
    d = parts[2];
  } else {
    if (widths[2] != 4 && widths[2] != 2) return false;
    y = widths[2] == 4 ? parts[2] : FullYear(parts[2]);
    int a = parts[0], b = parts[1];
    bool md = IsValidDate(y, a, b), dm = IsValidDate(y, b, a);
    if (sep == '.') md = false;  // dotted dates are day.month.year
    if (md && dm && a != b) {
      // Ambiguous: the reading nearer the dct; US order without one.
      if (has_dct_) {
        int64_t dmd = std::llabs(DaysFromCivil(y, a, b) - dct_days_);
        int64_t ddm = std::llabs(DaysFromCivil(y, b, a) - dct_days_);
        if (ddm < dmd) md = false;
      }
    }
    if (md) {
      mo = a;
      d = b;
    } else if (dm) {
      mo = b;
      d = a;
    } else {
      return false;
    }
  }
  if (!IsValidDate(y, mo, d)) return false;
  f->b = i;
  f->e = i + 1;
  f->is_point = true;
  f->point = Point::Day(Ymd{y, mo, d});
  f->explicit_year = true;
  return true;
}

// "1990s", "the '90s", "the 90s", "the 1900s".
bool Parser::TryDecade(uint32_t i, Found* f) {
  std::string_view s = F(i);
  int v = DigitsValue(s.substr(0, s.size() - 1));
  if (v < 0 || v % 10 != 0) return false;
  uint32_t b = i;
  int year;
  if (s.size() == 5) {
    year = v;
  } else if (s.size() == 3) {
    bool apos = i > lo_ && F(i - 1) == "'" && !SpaceBefore(i);
    if (apos) --b;
    // "the 90s", "the early 80s", "the 70s and 80s"
    bool listed = b >= sb_ + 2 && In(F(b - 1), {"and", "or", ","}) && IsNum(b - 2) &&
                  F(b - 2).size() == 3 && F(b - 2).back() == 's';
    if (!apos && !listed && !(b > lo_ && In(F(b - 1), {"the", "early", "mid", "late"})))
      return false;
    year = FullYear(v) / 10 * 10;
    if (has_dct_ && year > dct_.year) year -= 100;
  } else {
    return false;
  }
  if (b > lo_ && F(b - 1) == "the") --b;
  f->b = b;
  f->e = i + 1;
  f->is_point = true;
  f->point.gran = Gran::kDecade;
  f->point.year = year;
  f->explicit_year = true;
  return true;
}

bool Parser::TryMonth(uint32_t i, Found* f) {
  const WordInfo* w = W(i);
  const int month = w->val;
  if (!Cap(i)) return false;
  const bool abbrev = w->flags & kAbbrevWord;
  uint32_t j = i + 1;
  if (abbrev && F(j) == "." && !SpaceBefore(j)) ++j;
  uint32_t e = i + 1;
  if (abbrev && j > i + 1) e = j;  // keep "Aug." whole when a day follows
  int day = -1;
  uint32_t b = i;
  // Day after: "May 9", "Aug. 8", "June 1st" (but "9-May-20" is day-month-year).
  int next_year;
  const bool dmy_hyphen = Hyph(i) && i > lo_ && IsNum(i - 1) && Hyph(i + 1) && IsNum(i + 1);
  if (!dmy_hyphen && j < hi_ && DayNumberAt(j, &day) && !QuantityAfter(j + 1) && F(j + 1) != ":" &&
      !(IsNum(j + 1) && !Hyph(j + 1) && !YearAt(j + 1, &next_year, false))) {
    e = j + 1;
  } else {
    day = -1;
    e = i + 1;
    // Day before: "9 May", "9th May", "the 9th of May", "9-May-20".
    if (i > lo_ && DayNumberAt(i - 1, &day)) {
      b = i - 1;
    } else if (i >= lo_ + 2 && F(i - 1) == "of" && DayNumberAt(i - 2, &day)) {
      b = i - 2;
    } else if (i >= lo_ + 2 && F(i - 1) == "of" && C(i - 2) == Cls::kOrdWord &&
               V(i - 2) <= 31 && i >= lo_ + 3 && F(i - 3) == "the") {
      day = V(i - 2);
      b = i - 2;
    } else {
      day = -1;
    }
    if (day > 0 && b > lo_ && F(b - 1) == "the") --b;
  }
  // Year after: "May 9, 2020", "9 May 2020", "October 1997", "October of 2009",
  // "9-May-20", "May last year".
  int year = kX;
  bool explicit_year = false, rel_year = false;
  {
    uint32_t k = e;
    if (Hyph(k) && IsNum(k) && DigitCount(k) == 2 && day > 0) {
      year = FullYear(Int(k));
      explicit_year = true;
      e = k + 1;
    } else {
      uint32_t ye;
      if (F(k) == "," && day < 0) {
        // "May, 2020" only with a year right after the comma
        if (YearAt(k + 1, &year, false)) {
          e = k + 2;
          explicit_year = true;
        }
      } else if (YearAfter(k, &year, &ye, &explicit_year, &rel_year)) {
        if (!(F(k) == "of" && day > 0)) e = ye;
        else year = kX, explicit_year = rel_year = false;
      }
    }
  }
  if (abbrev && day < 0 && year == kX) return false;
  // "June Carter", "Director April Ryan": a first name before a surname.
  if (day < 0 && year == kX && b == i && IsWord(i + 1) && Cap(i + 1) && C(i + 1) == Cls::kNone &&
      !(i > lo_ && In(F(i - 1), {"in", "since", "until", "till", "by", "early", "mid", "late",
                                  "last", "next", "this", "of", "during", "from", "before",
                                  "after", "between", "through", "throughout"})))
    return false;
  if ((w->flags & kAmbiguous) && day < 0 && year == kX) {
    // "May" and "March" alone: only after a word that introduces a date.
    std::string_view prev = i > lo_ ? F(i - 1) : std::string_view();
    bool ctx = In(prev, {"in", "since", "until", "till", "by", "of", "early", "mid", "late",
                         "last", "next", "this", "from", "through", "during", "before", "after",
                         "between", "throughout", "end", "beginning", "that"});
    if (!ctx) return false;
    if (month == 5 && prev == "of" && i >= 2 && Cap(i - 2) && !SentStart(i - 2)) return false;
  }
  // A weekday before a full date: "Monday, May 9", "Thursday 3 January 2013".
  if (day > 0 && b > lo_) {
    uint32_t q = b - 1;
    if (F(q) == "," && q > lo_) --q;
    if (q >= lo_ && C(q) == Cls::kWeekday && !(W(q)->flags & kPlural) && Cap(q)) b = q;
  }
  Point p;
  if (day > 0) {
    p.gran = Gran::kDay;
    p.month = month;
    p.day = day;
    if (year != kX) {
      if (!IsValidDate(year, month, day)) return false;
      p.year = year;
    }
  } else {
    p.gran = Gran::kMonth;
    p.month = month;
    p.year = year;
  }
  f->b = b;
  f->e = e;
  f->is_point = true;
  f->explicit_year = explicit_year;
  if (year == kX && day < 0 && b == i && i > lo_ && In(F(i - 1), {"last", "next", "this"})) {
    // "last July": the latest July before this month; "next May", "this May".
    f->b = i - 1;
    f->relative = true;
    if (has_dct_) {
      std::string_view r = F(i - 1);
      p.year = r == "this"   ? dct_.year
               : r == "last" ? (month < dct_.month ? dct_.year : dct_.year - 1)
                             : (month > dct_.month ? dct_.year : dct_.year + 1);
    }
  } else if (year == kX) {
    if (day > 0 && !IsValidDate(2000, month, day)) return false;  // "February 30"
    f->relative = true;
    p = ResolveYearless(p, TenseOf(b, e));
  } else if (rel_year) {
    f->relative = true;
  }
  f->point = p;
  return true;
}

bool Parser::TryWeekday(uint32_t i, Found* f) {
  const WordInfo* w = W(i);
  const int wd = w->val;
  if (!Cap(i)) return false;
  std::string_view prev = i > lo_ ? F(i - 1) : std::string_view();
  if (i > lo_ && Cap(i - 1) &&
      In(prev, {"black", "good", "holy", "ash", "cyber", "super", "bloody", "palm", "maundy",
                "blue", "great"}))
    return false;
  // "Sunday Times", "Sunday Telegraph": newspapers.
  if (i + 1 < n_ && Cap(i + 1) &&
      In(F(i + 1), {"times", "telegraph", "herald", "express", "mirror", "post", "mail",
                    "tribune", "observer", "independent", "sport", "star"}))
    return false;
  f->b = i;
  f->e = i + 1;
  if (w->flags & kPlural) {
    f->type = TType::kSet;
    f->value = "XXXX-WXX-" + std::to_string(wd);
    if (i > lo_ && In(prev, {"every", "each"})) f->b = i - 1;
    return true;
  }
  // A full date follows ("Monday, May 9", "Monday 3 January 2013"): the month rule's.
  for (uint32_t k = i + 1; k < hi_ && k <= i + 3; ++k) {
    if (C(k) == Cls::kMonth && Cap(k)) {
      int d;
      if (DayNumberAt(k + 1, &d) || DayNumberAt(k - 1, &d)) return false;
    }
  }
  if (i > lo_ && In(prev, {"every", "each"})) {
    f->b = i - 1;
    f->type = TType::kSet;
    f->value = "XXXX-WXX-" + std::to_string(wd);
    return true;
  }
  int direction = 0;
  if (i > lo_ && C(i - 1) == Cls::kRel) {
    Rel r = static_cast<Rel>(V(i - 1));
    if (r == Rel::kLast || r == Rel::kPast || r == Rel::kPrevious) direction = -1;
    else if (r == Rel::kNext || r == Rel::kComing || r == Rel::kFollowing) direction = 1;
    if (r != Rel::kSame && r != Rel::kThese && r != Rel::kThat) f->b = i - 1;
  }
  f->is_point = true;
  f->relative = true;
  uint32_t e = i + 1;
  // "Monday the 9th"
  int dom;
  if (F(e) == "the" && e + 1 < hi_ && NumericOrdinal(F(e + 1)) > 0 && DayNumberAt(e + 1, &dom) &&
      !IsWord(e + 2)) {
    f->e = e + 2;
    f->point = ResolveDayOfMonth(dom, TenseOf(f->b, f->e));
    return true;
  }
  // "Monday last week", "Friday next week": that weekday of that week.
  if (direction == 0 && In(F(e), {"last", "this", "next"}) && F(e + 1) == "week" && e + 1 < hi_) {
    f->e = e + 2;
    if (has_dct_) {
      int n = F(e) == "last" ? -1 : F(e) == "next" ? 1 : 0;
      int64_t monday = dct_days_ - (Weekday(dct_days_) - 1) + 7 * n;
      f->point = Point::Days(monday + wd - 1);
    } else {
      f->point = ResolveWeekday(wd, Tense::kUnknown, 0);
    }
    return true;
  }
  Tense t = TenseOf(f->b, e);
  // "closed until Friday", "by Monday": a boundary, the nearest such day unless the clause is
  // future.
  if (direction == 0 && t != Tense::kFuture && In(prev, {"until", "till", "by"})) direction = 2;
  Point p = ResolveWeekday(wd, t, direction);
  // "Monday morning", "Friday night"
  if (e < hi_ && C(e) == Cls::kPartOfDay) {
    p.gran = Gran::kPartOfDay;
    p.pod = static_cast<Pod>(V(e));
    f->type = TType::kTime;
    ++e;
  }
  if (F(e) == "s" && IsWord(e) && !SpaceBefore(e)) f->possessive = true;
  f->e = e;
  f->point = p;
  return true;
}

bool Parser::TryWeekend(uint32_t i, Found* f) {
  const WordInfo* w = W(i);
  f->b = i;
  f->e = i + 1;
  if (w->flags & kPlural) {
    if (!(i > lo_ && In(F(i - 1), {"on", "at", "every", "most", "all"}))) return false;
    f->type = TType::kSet;
    f->value = "XXXX-WXX-WE";
    return true;
  }
  if (i == lo_) return false;
  std::string_view prev = F(i - 1);
  int n = 0;
  bool by_tense = false, this_weekend = false;
  if (prev == "this") {
    f->b = i - 1;
    this_weekend = true;
  } else if (prev == "last" || prev == "past" || prev == "previous") {
    f->b = i - 1;
    n = -1;
  } else if (prev == "next" || prev == "coming") {
    f->b = i - 1;
    n = 1;
  } else if (prev == "the") {
    f->b = i - 1;
    by_tense = true;
    if (f->b > lo_ && C(f->b - 1) == Cls::kRel) {
      Rel r = static_cast<Rel>(V(f->b - 1));
      if (r == Rel::kPrevious || r == Rel::kLast || r == Rel::kPast) return false;
    }
  } else if (prev == "every" || prev == "each") {
    f->b = i - 1;
    f->type = TType::kSet;
    f->value = "XXXX-WXX-WE";
    return true;
  } else {
    return false;
  }
  if (F(f->b) == "the" && f->b > lo_ && In(F(f->b - 1), {"previous", "following", "same"}))
    return false;
  f->is_point = true;
  f->relative = true;
  if (!has_dct_) {
    f->point = Unknown(Gran::kWeekend);
    return true;
  }
  int dw = Weekday(dct_days_);
  bool in_weekend = dw >= 6;
  int shift;
  if (this_weekend) {
    // The weekend of the dct's week; early in a week, a past clause means the one just gone.
    Tense t = TenseOf(f->b, f->e);
    shift = dw <= 2 && (t == Tense::kPast || t == Tense::kUnknown) ? -1 : 0;
  } else if (by_tense) {
    // As for weekdays, an unknown tense is read as past.
    Tense t = TenseOf(f->b, f->e);
    if (t == Tense::kPast || t == Tense::kUnknown) shift = in_weekend ? 0 : -1;
    else shift = 0;
  } else if (n < 0) {
    shift = -1;
  } else {
    shift = in_weekend ? 1 : 0;
  }
  Point p;
  p.gran = Gran::kWeekend;
  IsoWeek(dct_days_ + 7 * shift, &p.year, &p.sub);
  f->point = p;
  return true;
}

// "the first quarter of 2009", "the third quarter", "third-quarter", "the last quarter",
// "the final quarter of 2009", "last quarter", "this quarter".
bool Parser::TryQuarter(uint32_t i, Found* f) {
  if (i == lo_) return false;
  uint32_t b = i;
  int q = -1;
  int rel = 0;  // 0 none; -1 last; 1 next; 2 this
  uint32_t k = i - 1;
  if (C(k) == Cls::kOrdWord && (V(k) <= 4 || V(k) == 99)) {
    q = V(k) == 99 ? 4 : V(k);
    b = k;
  } else if (In(F(k), {"last", "previous", "past"})) {
    rel = -1;
    b = k;
  } else if (In(F(k), {"next", "coming", "following"})) {
    rel = 1;
    b = k;
  } else if (In(F(k), {"this", "current"})) {
    rel = 2;
    b = k;
  } else {
    return false;
  }
  if (b > lo_ && F(b - 1) == "the") --b;
  else if (q > 0 && !Hyph(i) && !(b > lo_ && In(F(b - 1), {"its", "their", "our", "his", "her"})))
    return false;
  f->b = b;
  f->e = i + 1;
  f->is_point = true;
  Point p;
  p.gran = Gran::kQuarter;
  if (q > 0) {
    p.sub = q;
    int year;
    uint32_t ye;
    bool ex = false, relyear = false;
    if (YearAfter(i + 1, &year, &ye, &ex, &relyear)) {
      p.year = year;
      f->e = ye;
      f->explicit_year = ex;
      f->relative = relyear;
    } else {
      f->relative = true;
      p = ResolveYearless(p, TenseOf(f->b, f->e));
    }
  } else {
    if (F(b) == "the" && rel != 2) {
      // "the following quarter": anaphoric
      if (rel == 1 && In(F(i - 1), {"following", "next"})) {
        p = ShiftPoint(RefPoint(Unit::kQuarter), Unit::kQuarter, 1);
      } else if (rel == -1 && F(i - 1) == "previous") {
        p = ShiftPoint(RefPoint(Unit::kQuarter), Unit::kQuarter, -1);
      } else {
        p = RelativeUnit(Unit::kQuarter, rel == 2 ? 0 : rel);
      }
    } else {
      p = RelativeUnit(Unit::kQuarter, rel == 2 ? 0 : rel);
    }
    f->relative = true;
  }
  f->point = p;
  return true;
}

bool Parser::TryUnit(uint32_t u, Found* f) {
  const WordInfo* w = W(u);
  const Unit unit = static_cast<Unit>(w->val);
  const bool plural = w->flags & kPlural;
  if (unit == Unit::kWeekend) return TryWeekend(u, f);
  if (unit == Unit::kQuarter && !plural && TryQuarter(u, f)) return true;
  f->b = u;
  f->e = u + 1;
  std::string_view prev = u > lo_ ? F(u - 1) : std::string_view();
  const Cls prev_cls = u > lo_ ? C(u - 1) : Cls::kNone;

  // "every day", "each year", "per week", "every two weeks", "every other day".
  {
    uint32_t k = u;
    double amount = 1;
    bool approx;
    uint32_t cs = CountStart(u, &amount, &approx);
    if (cs < u && !In(F(cs), {"a", "an"})) k = cs;
    else amount = 1;
    if (k > lo_ && F(k - 1) == "other" && k - 1 > lo_ && F(k - 2) == "every") {
      f->b = k - 2;
      f->type = TType::kSet;
      f->value = FormatDuration(2, unit);
      return true;
    }
    if (k > lo_ && In(F(k - 1), {"every", "each", "per"}) &&
        (k < u || !plural || F(k - 1) == "every")) {
      if (plural && k == u) return false;
      f->b = k - 1;
      f->type = TType::kSet;
      f->value = FormatDuration(amount, unit);
      return true;
    }
    // "twice a week", "15 a year": a rate.
    if (!plural && u >= lo_ + 2 && In(prev, {"a", "an"}) &&
        (IsNum(u - 2) || In(F(u - 2), {"once", "twice", "times"}))) {
      f->b = In(F(u - 2), {"once", "twice"}) ? u - 2 : u - 1;
      f->type = TType::kSet;
      f->value = FormatDuration(1, unit);
      return true;
    }
  }

  // "the 20th century", "the twentieth century", "the 19th-century fort".
  if (unit == Unit::kCentury && !plural && u > lo_) {
    int ord = C(u - 1) == Cls::kOrdWord ? V(u - 1) : IsNum(u - 1) ? NumericOrdinal(F(u - 1)) : -1;
    if (C(u - 1) == Cls::kOrdWord && ord == 20 && u >= lo_ + 2 && F(u - 2) == "twenty") ord = -1;
    if (C(u - 1) == Cls::kOrdWord && u >= lo_ + 2 && Hyph(u - 1) && C(u - 2) == Cls::kNumWord) {
      ord += V(u - 2);  // "twenty-first"
      f->b = u - 2;
    } else {
      f->b = u - 1;
    }
    if (ord >= 1 && ord <= 30) {
      if (f->b > lo_ && C(f->b - 1) == Cls::kEdgeMod) {
        f->mod = static_cast<Mod>(V(f->b - 1));
        --f->b;
      }
      if (f->b > lo_ && F(f->b - 1) == "the") --f->b;
      f->is_point = true;
      f->explicit_year = true;
      f->point.gran = Gran::kCentury;
      f->point.year = (ord - 1) * 100;
      return true;
    }
    f->b = u;
  }

  // Relative determiner + unit: "last week", "this year", "the previous day", "the past year".
  if (prev_cls == Cls::kRel && !plural) {
    Rel r = static_cast<Rel>(V(u - 1));
    // "the last week of March": the month's rule (ExtendEdges) takes it.
    if (r == Rel::kLast && unit == Unit::kWeek && F(u + 1) == "of" && C(u + 2) == Cls::kMonth)
      return false;
    uint32_t b = u - 1;
    bool the = b > lo_ && F(b - 1) == "the";
    if (the) --b;
    std::string_view before = b > lo_ ? F(b - 1) : std::string_view();
    bool duration_prep =
        In(before, {"over", "in", "during", "within", "for", "throughout", "through"});
    if (unit == Unit::kSecond || unit == Unit::kMinute || unit == Unit::kHour) {
      if ((r == Rel::kPast || r == Rel::kLast || r == Rel::kNext) && the) {
        f->b = b;
        f->type = TType::kDuration;
        f->value = FormatDuration(1, unit);
        return true;
      }
      return false;
    }
    f->b = b;
    f->is_point = true;
    f->relative = true;
    switch (r) {
      case Rel::kThis:
        if (unit == Unit::kDay || unit == Unit::kFortnight) return false;
        f->point = RelativeUnit(unit, 0);
        return true;
      case Rel::kLast:
      case Rel::kPast:
        if (r == Rel::kPast || (the && duration_prep)) {
          f->is_point = false;
          f->type = TType::kDuration;
          f->value = FormatDuration(1, unit);
          return true;
        }
        // "(the|his) last day" is a final day, not yesterday.
        if (unit == Unit::kDay || unit == Unit::kFortnight) return false;
        f->point = RelativeUnit(unit, -1);
        if (unit == Unit::kYear) SamePeriodYearBefore(f);
        return true;
      case Rel::kNext:
      case Rel::kComing:
      case Rel::kFollowing:
        if (the && duration_prep && r != Rel::kFollowing) {
          f->is_point = false;
          f->type = TType::kDuration;
          f->value = FormatDuration(1, unit);
          return true;
        }
        if (the && r != Rel::kComing) {
          f->point = ShiftPoint(RefPoint(unit), unit, 1);
          return true;
        }
        if (unit == Unit::kFortnight) return false;
        f->point = RelativeUnit(unit, 1);
        return true;
      case Rel::kPrevious:
        if (!the) return false;
        f->point = ShiftPoint(RefPoint(unit), unit, -1);
        return true;
      case Rel::kSame:
      case Rel::kThat: {
        if (r == Rel::kSame && !the) return false;
        if (r == Rel::kThat && the) return false;
        Point p = RefPoint(unit);
        // "the same month a year ago", "the same period last year"
        uint32_t e = u + 1;
        if (F(e) == "a" && F(e + 1) == "year" && In(F(e + 2), {"ago", "earlier", "before"})) {
          p = ShiftPoint(p, Unit::kYear, -1);
          e += 3;
        } else if (F(e) == "last" && F(e + 1) == "year") {
          p = ShiftPoint(p, Unit::kYear, -1);
          e += 2;
        }
        f->e = e;
        f->point = p;
        return true;
      }
      default:
        return false;
    }
  }

  // "the same period last year" (period is not a unit word)
  // Count + unit: "three days", "a few weeks", "nearly five months", "12-year".
  double amount = -1;
  bool approx = false;
  uint32_t cs = CountStart(u, &amount, &approx);
  if (cs < u) {
    if (unit == Unit::kQuarter) {
      // "a quarter of its dealers", "three quarters of the vote": fractions, not periods;
      // "two consecutive quarters of growth", "a quarter of a century" are periods.
      bool century = F(u + 1) == "of" && F(u + 2) == "a" && F(u + 3) == "century";
      bool period = In(F(u - 1), {"consecutive", "straight", "successive", "fiscal"});
      if (!century && !period && (amount < 2 || F(u + 1) == "of")) return false;
    }
    f->b = cs;
    f->type = TType::kDuration;
    Mod mod = approx ? Mod::kApprox : Mod::kNone;
    // "the past nine days", "the next four years", "the last few weeks", "the first two days"
    uint32_t b = cs;
    if (b > lo_ && C(b - 1) == Cls::kRel) {
      Rel r = static_cast<Rel>(V(b - 1));
      bool the = b >= lo_ + 2 && F(b - 2) == "the";
      // "the past nine days", "last two years"; "coming", "previous" and "following" need
      // their article ("following a month-long trial" is no period).
      if (r == Rel::kPast || r == Rel::kLast || r == Rel::kNext ||
          (the && (r == Rel::kComing || r == Rel::kPrevious || r == Rel::kFollowing))) {
        --b;
        if (the) --b;
      }
    } else if (b > lo_ + 1 && F(b - 1) == "first" && F(b - 2) == "the") {
      b -= 2;
    } else {
      Mod am = Mod::kNone;
      uint32_t ab = ApproxBefore(b, &am);
      if (ab < b) {
        b = ab;
        mod = am;
      }
    }
    f->b = b;
    uint32_t e = u + 1;
    // "a year and a half"
    if (F(e) == "and" && F(e + 1) == "a" && F(e + 2) == "half" && amount > 0) {
      amount += 0.5;
      e += 3;
    }
    // "of a century": "a quarter of a century"
    if (unit == Unit::kQuarter && F(e) == "of" && F(e + 1) == "a" && F(e + 2) == "century") {
      f->e = e + 3;
      f->value = FormatDuration(amount * 25, Unit::kYear);
      f->mod = mod;
      return true;
    }
    f->e = e;
    f->mod = mod;
    std::string_view next = F(e);
    if (next == "ago" || (next == "from" && F(e + 1) == "now") || next == "hence") {
      // "two days ago": a date.
      int sign = next == "ago" ? -1 : 1;
      f->e = e + (next == "from" ? 2 : 1);
      f->type = TType::kDate;
      f->relative = true;
      if (amount < 0 || amount != std::floor(amount) || amount > 999 || !UnitGran(unit) ||
          unit == Unit::kWeekend) {
        if (unit == Unit::kHour || unit == Unit::kMinute || unit == Unit::kSecond) {
          f->is_point = true;
          f->point = has_dct_ ? Point::Day(dct_) : Unknown(Gran::kDay);
          return true;
        }
        f->value = sign < 0 ? "PAST_REF" : "FUTURE_REF";
        return true;
      }
      int n = static_cast<int>(amount) * sign;
      f->is_point = true;
      if (!has_dct_) {
        f->point = RelativeUnit(unit == Unit::kWeek ? Unit::kDay : unit, 0);
      } else if (unit == Unit::kDay || unit == Unit::kWeek) {
        f->point = Point::Days(dct_days_ + (unit == Unit::kWeek ? 7 : 1) * n);
      } else {
        f->point = ShiftPoint(PointOfUnit(unit, dct_days_), unit, n);
      }
      f->mod = mod == Mod::kApprox ? Mod::kApprox : Mod::kNone;
      if (unit == Unit::kYear && n == -1) SamePeriodYearBefore(f);
      return true;
    }
    if ((next == "later" || next == "earlier") && amount > 0 && amount == std::floor(amount) &&
        amount <= 999 && UnitGran(unit) && unit != Unit::kWeekend && F(e + 1) != "than") {
      int n = static_cast<int>(amount) * (next == "later" ? 1 : -1);
      f->e = e + 1;
      f->type = TType::kDate;
      f->relative = true;
      f->is_point = true;
      Unit base = unit == Unit::kWeek ? Unit::kDay : unit;
      Point r = RefPoint(base);
      f->point = ShiftPoint(r, unit == Unit::kWeek ? Unit::kDay : unit,
                            unit == Unit::kWeek ? 7 * n : n);
      if (unit == Unit::kYear && n == -1) SamePeriodYearBefore(f);
      return true;
    }
    f->value = FormatDuration(amount, unit);
    f->amount = amount;
    f->unit = unit;
    return true;
  }

  // "the day" (of the report's events), "that day", "the year", "the entire year".
  if (!plural && (unit == Unit::kDay || unit == Unit::kWeek || unit == Unit::kMonth ||
                  unit == Unit::kYear)) {
    uint32_t b = u;
    bool whole = false;
    if (b > lo_ && In(F(b - 1), {"entire", "whole", "full"})) {
      --b;
      whole = true;
    }
    if (b > lo_ && F(b - 1) == "the") {
      --b;
      std::string_view before = b > lo_ ? F(b - 1) : std::string_view();
      std::string_view next = F(u + 1);
      // "The day before, rebels had shelled the town": a step from the reference time (but
      // "the day before the vote" is relative to an event).
      if (!whole && In(next, {"before", "after"}) && (IsPunct(u + 2) || u + 2 >= hi_)) {
        f->b = b;
        f->e = u + 2;
        f->is_point = true;
        f->relative = true;
        f->point = ShiftPoint(RefPoint(unit), unit, next == "before" ? -1 : 1);
        return true;
      }
      bool ok = whole || In(before, {"in", "during", "throughout"}) ||
                (before == "of" && b >= lo_ + 2 && C(b - 2) == Cls::kEdgeNoun) ||
                (unit == Unit::kDay && (IsPunct(u + 1) || In(next, {"at", "with", "down", "up"})) &&
                 !In(before, {"all", "of", "by", "per", "a"}));
      if (unit == Unit::kWeek && !(before == "of" && b >= lo_ + 2 && C(b - 2) == Cls::kEdgeNoun))
        ok = false;
      if (!ok) return false;
      f->b = b;
      f->is_point = true;
      f->relative = true;
      f->point = RefPoint(unit);
      return true;
    }
    return false;
  }

  // "the coming days", "the past weeks": an unspecified stretch.
  if (plural && prev_cls == Cls::kRel && u >= lo_ + 2 && F(u - 2) == "the" &&
      In(prev, {"past", "last", "coming", "next", "previous", "following"})) {
    f->b = u - 2;
    f->type = TType::kDuration;
    f->value = FormatDuration(-1, unit);
    return true;
  }

  // Bare plural: "for years", "within hours", "years ago", "decades of war" (but "the early
  // hours of Sunday" is Sunday's: ExtendEdges).
  if (plural) {
    if (unit == Unit::kHour && In(prev, {"early", "small", "wee"})) return false;
    std::string_view next = F(u + 1);
    std::string_view p2 = In(prev, {"just", "only", "mere"}) && u >= lo_ + 2 ? F(u - 2) : prev;
    bool ok = In(p2, {"for", "in", "within", "over", "after", "took", "spent", "lasted",
                      "than", "recent"}) ||
              In(next, {"ago", "later", "earlier", "before", "after", "of"});
    if (Hyph(u + 1) && next == "long") {
      // "decades-long", "months-long"
      f->e = u + 2;
      f->type = TType::kDuration;
      f->value = FormatDuration(-1, unit);
      return true;
    }
    if (!ok) return false;
    if (unit == Unit::kQuarter) return false;
    if (next == "ago") {
      f->e = u + 2;
      f->type = TType::kDate;
      f->value = "PAST_REF";
      f->relative = true;
      return true;
    }
    f->type = TType::kDuration;
    f->value = FormatDuration(-1, unit);
    return true;
  }
  return false;
}

// "this morning", "last night", "tonight" (deictic), "the morning of May 9", "at dawn".
bool Parser::TryPartOfDay(uint32_t i, Found* f) {
  const Pod pod = static_cast<Pod>(V(i));
  if (i == lo_) return false;
  std::string_view prev = F(i - 1);
  f->b = i;
  f->e = i + 1;
  f->type = TType::kTime;
  f->is_point = true;
  f->relative = true;
  Point day;
  if (prev == "this" || prev == "tonight") {
    f->b = i - 1;
    day = RelativeUnit(Unit::kDay, 0);
  } else if (prev == "last" && (pod == Pod::kNight || pod == Pod::kEvening)) {
    f->b = i - 1;
    day = RelativeUnit(Unit::kDay, -1);
  } else if (In(prev, {"every", "each"})) {
    f->b = i - 1;
    f->is_point = false;
    f->type = TType::kSet;
    static constexpr const char* kSet[] = {"XXXX-XX-XXTMO", "XXXX-XX-XXTAF", "XXXX-XX-XXTEV",
                                           "XXXX-XX-XXTNI", "XXXX-XX-XXT12:00",
                                           "XXXX-XX-XXT24:00"};
    f->value = kSet[static_cast<int>(pod)];
    return true;
  } else if (prev == "that" || (prev == "the" && i >= lo_ + 2 &&
                                In(F(i - 2), {"next", "following", "previous", "same"}))) {
    // "that night", "the next morning"
    if (prev == "that") {
      f->b = i - 1;
      day = RefPoint(Unit::kDay);
    } else {
      return false;
    }
  } else if (In(prev, {"next", "following", "previous"}) && i >= lo_ + 2 && F(i - 2) == "the") {
    f->b = i - 2;
    int n = prev == "previous" ? -1 : 1;
    day = ShiftPoint(RefPoint(Unit::kDay), Unit::kDay, n);
  } else if (prev == "the" && F(i + 1) == "of") {
    // "the morning of May 9", "the night of 8 August"
    Found d;
    bool got = ParseFrom(i + 2, &d);
    if (!got || !d.is_point || d.point.gran != Gran::kDay || d.b != i + 2) return false;
    f->b = i - 1;
    f->e = d.e;
    day = d.point;
    f->relative = d.relative;
  } else if ((prev == "at" || prev == "before" || prev == "after" || prev == "by") &&
             (pod == Pod::kNoon || pod == Pod::kMidnight || F(i) == "dawn" ||
              F(i) == "dusk" || F(i) == "daybreak" || F(i) == "nightfall")) {
    day = RefPoint(Unit::kDay);
  } else {
    return false;
  }
  Point p = day;
  p.gran = Gran::kPartOfDay;
  p.pod = pod;
  f->point = p;
  return true;
}

bool Parser::TryDeictic(uint32_t i, Found* f) {
  const Deixis d = static_cast<Deixis>(V(i));
  f->b = i;
  f->e = i + 1;
  f->relative = true;
  std::string_view prev = i > lo_ ? F(i - 1) : std::string_view();
  std::string_view next = F(i + 1);
  switch (d) {
    case Deixis::kToday:
    case Deixis::kYesterday:
    case Deixis::kTomorrow:
    case Deixis::kTonight: {
      int off = d == Deixis::kYesterday ? -1 : d == Deixis::kTomorrow ? 1 : 0;
      Point p = has_dct_ ? Point::Days(dct_days_ + off) : Unknown(Gran::kDay);
      f->is_point = true;
      if (d == Deixis::kTonight) {
        p.gran = Gran::kPartOfDay;
        p.pod = Pod::kNight;
        f->type = TType::kTime;
      } else if (i + 1 < hi_ && C(i + 1) == Cls::kPartOfDay) {
        p.gran = Gran::kPartOfDay;
        p.pod = static_cast<Pod>(V(i + 1));
        f->type = TType::kTime;
        f->e = i + 2;
      }
      if (In(prev, {"earlier", "later"}) && d != Deixis::kYesterday) f->b = i - 1;
      if (F(f->e) == "s" && !SpaceBefore(f->e)) f->possessive = true;
      f->point = p;
      return true;
    }
    case Deixis::kNow:
      if (Hyph(i + 1) || next == "that") return false;  // "now-defunct", "now that"
      if (prev == "right" || prev == "just" || prev == "until") f->b = i - 1;
      if (prev == "until") f->b = i;
      f->value = "PRESENT_REF";
      return true;
    case Deixis::kPresentAdv:
      f->value = "PRESENT_REF";
      return true;
    case Deixis::kRecentAdv:
      if (In(prev, {"more", "most", "very", "only"})) f->b = i - 1;
      f->value = "PAST_REF";
      return true;
    case Deixis::kRecentAdj: {
      const WordInfo* w = W(i + 1);
      if (w && w->cls == Cls::kUnit && (w->flags & kPlural)) f->e = i + 2;
      if (prev == "most" || prev == "more") return false;  // "the most recent attack"
      f->value = "PAST_REF";
      return true;
    }
    case Deixis::kCurrentAdj: {
      const WordInfo* w = W(i + 1);
      if (w && w->cls == Cls::kUnit && !(w->flags & kPlural)) {
        Unit u = static_cast<Unit>(w->val);
        if (!UnitGran(u) || u == Unit::kDay) return false;
        f->e = i + 2;
        if (prev == "the") f->b = i - 1;
        f->is_point = true;
        f->point = RelativeUnit(u, 0);
        return true;
      }
      f->value = "PRESENT_REF";
      return true;
    }
    case Deixis::kOvernight: {
      Tense t = TenseOf(i, i + 1);
      f->is_point = true;
      f->type = TType::kTime;
      Point p = RelativeUnit(Unit::kDay, t == Tense::kFuture ? 0 : -1);
      p.gran = Gran::kPartOfDay;
      p.pod = Pod::kNight;
      f->point = p;
      return true;
    }
    case Deixis::kSoon:
      if (Hyph(i + 1) || prev == "as" || In(next, {"after", "afterwards", "afterward", "thereafter", "as"}))
        return false;
      if (In(prev, {"very", "too"})) f->b = i - 1;
      f->value = "FUTURE_REF";
      return true;
  }
  return false;
}

bool Parser::TrySeason(uint32_t i, Found* f) {
  const WordInfo* w = W(i);
  Point p;
  p.gran = Gran::kSeason;
  p.sub = w->val;
  std::string_view prev = i > lo_ ? F(i - 1) : std::string_view();
  // "Arab Spring", "Prague Spring": a name.
  if (Cap(i) && i > lo_ && Cap(i - 1) && !SentStart(i - 1) && IsWord(i - 1) &&
      C(i - 1) == Cls::kNone)
    return false;
  f->b = i;
  f->e = i + 1;
  f->is_point = true;
  int year;
  uint32_t ye;
  bool ex = false, relyear = false;
  bool have_year = YearAfter(i + 1, &year, &ye, &ex, &relyear);
  if (have_year && F(i + 1) == "," ) have_year = false;
  if (w->flags & kAmbiguous) {
    // "fall": only "this/last/next fall", "fall 2009", "the fall of 2009", "in the fall."
    bool ok = have_year || In(prev, {"this", "last", "next", "early", "late", "past"}) ||
              (prev == "the" && i >= lo_ + 2 && In(F(i - 2), {"in", "during", "by", "until"}) &&
               (IsPunct(i + 1) || In(F(i + 1), {"and", "when"})));
    if (!ok) return false;
  }
  if (have_year) {
    p.year = year;
    f->e = ye;
    f->explicit_year = ex;
    f->relative = relyear;
    if (p.sub == static_cast<int>(Season::kWinter) && ex) {
      // "winter 2009" is the winter that starts in December 2009 when the text says of year
      // of its start; TimeML keeps the year as written.
    }
  }
  if (i > lo_ && C(i - 1) == Cls::kRel && !have_year) {
    Rel r = static_cast<Rel>(V(i - 1));
    f->b = i - 1;
    f->relative = true;
    if (!has_dct_) {
      f->point = p;
      return true;
    }
    // The season holding the dct.
    int y = dct_.year, m = dct_.month;
    int cur = m >= 3 && m <= 5 ? 0 : m >= 6 && m <= 8 ? 1 : m >= 9 && m <= 11 ? 2 : 3;
    int cur_year = (m == 12) ? y + 1 : y;
    if (r == Rel::kThis) {
      p.year = p.sub == 3 ? (cur == 3 ? cur_year : y + 1) : y;
      if (p.sub == cur) p.year = cur_year;
    } else if (r == Rel::kLast || r == Rel::kPast || r == Rel::kPrevious) {
      std::vector<Point> cands;
      for (int yy = y - 2; yy <= y + 1; ++yy) {
        Point c = p;
        c.year = yy;
        int64_t first, last;
        const char* prec;
        PointSpan(c, &first, &last, &prec);
        // Ended before the current season began (or before the dct, if a different season).
        if (last < dct_days_ && !(c.sub == cur && c.year == cur_year)) cands.push_back(c);
      }
      p = cands.empty() ? p : cands.back();
      if (p.sub == cur && p.year == cur_year) p.year -= 1;
    } else if (r == Rel::kNext || r == Rel::kComing) {
      for (int yy = y - 1; yy <= y + 2; ++yy) {
        Point c = p;
        c.year = yy;
        int64_t first, last;
        const char* prec;
        PointSpan(c, &first, &last, &prec);
        if (first > dct_days_) {
          p = c;
          break;
        }
      }
    } else {
      return false;
    }
    f->point = p;
    return true;
  }
  if (prev == "the" || prev == "this") f->b = i - 1;
  if (!have_year) {
    f->relative = true;
    p = ResolveYearless(p, TenseOf(f->b, f->e));
  }
  f->point = p;
  return true;
}

bool Parser::TryHoliday(uint32_t i, Found* f) {
  if (!Cap(i)) return false;
  const Holiday h = static_cast<Holiday>(V(i));
  f->b = i;
  f->e = i + 1;
  f->is_point = true;
  int year = kX;
  uint32_t ye;
  bool ex = false, relyear = false;
  if (YearAfter(i + 1, &year, &ye, &ex, &relyear) && F(i + 1) != ",") {
    f->e = ye;
    f->explicit_year = ex;
    f->relative = relyear;
  } else {
    year = kX;
  }
  int direction = 0;
  if (i > lo_ && In(F(i - 1), {"last", "this", "next"})) {
    f->b = i - 1;
    direction = F(i - 1) == "last" ? -1 : F(i - 1) == "next" ? 1 : 0;
  }
  auto day_of = [&](int y) -> Ymd {
    switch (h) {
      case Holiday::kChristmas: return Ymd{y, 12, 25};
      case Holiday::kHalloween: return Ymd{y, 10, 31};
      case Holiday::kEaster: return EasterSunday(y);
      case Holiday::kThanksgiving: {
        int64_t nov1 = DaysFromCivil(y, 11, 1);
        int first_thu = static_cast<int>((4 - Weekday(nov1) + 7) % 7);
        return CivilFromDays(nov1 + first_thu + 21);
      }
    }
    return Ymd{y, 1, 1};
  };
  if (year != kX) {
    f->point = Point::Day(day_of(year));
    return true;
  }
  f->relative = true;
  if (!has_dct_) {
    Point p = Unknown(Gran::kDay);
    if (h == Holiday::kChristmas || h == Holiday::kHalloween) {
      Ymd d = day_of(2000);
      p.month = d.month;
      p.day = d.day;
    }
    f->point = p;
    return true;
  }
  std::vector<Point> cands;
  for (int y = dct_.year - 1; y <= dct_.year + 1; ++y) cands.push_back(Point::Day(day_of(y)));
  Tense t = direction < 0 ? Tense::kPast : direction > 0 ? Tense::kFuture : TenseOf(f->b, f->e);
  if (direction != 0) {
    // "last Christmas" is strictly before the dct, "next Christmas" strictly after.
    std::vector<Point> strict;
    for (const Point& c : cands) {
      int64_t d = DaysFromCivil(c.year, c.month, c.day);
      if ((direction < 0 && d < dct_days_) || (direction > 0 && d > dct_days_))
        strict.push_back(c);
    }
    cands = strict;
  }
  f->point = PickByTense(t == Tense::kPresent ? Tense::kUnknown : t, cands);
  return true;
}

bool Parser::TryFreq(uint32_t i, Found* f) {
  // "China Daily", "Daily Mail": names.
  if (Cap(i) && !SentStart(i)) return false;
  if (Cap(i) && Cap(i + 1) && IsWord(i + 1)) return false;
  f->b = i;
  f->e = i + 1;
  f->type = TType::kSet;
  f->value = FormatDuration(1, static_cast<Unit>(V(i)));
  return true;
}

// "Q3", "Q3 2009", "H1 2019".
bool Parser::TryQuarterName(uint32_t i, Found* f) {
  int v = V(i);
  Point p;
  p.gran = v > 10 ? Gran::kHalf : Gran::kQuarter;
  p.sub = v > 10 ? v - 10 : v;
  f->b = i;
  f->e = i + 1;
  f->is_point = true;
  int year;
  uint32_t ye;
  bool ex = false, relyear = false;
  if (YearAfter(i + 1, &year, &ye, &ex, &relyear)) {
    p.year = year;
    f->e = ye;
    f->explicit_year = ex;
    f->relative = relyear;
  } else if (i > lo_ && YearAt(i - 1, &year, false)) {
    p.year = year;
    f->b = i - 1;
    f->explicit_year = true;
  } else {
    if (!Cap(i)) return false;
    f->relative = true;
    p = ResolveYearless(p, TenseOf(i, i + 1));
  }
  f->point = p;
  return true;
}

// "the nineties", "the early eighties".
bool Parser::TryDecadeWord(uint32_t i, Found* f) {
  uint32_t b = i;
  if (b > lo_ && C(b - 1) == Cls::kEdgeMod) --b;
  if (!(b > lo_ && F(b - 1) == "the")) return false;
  f->b = i;
  f->e = i + 1;
  f->is_point = true;
  f->point.gran = Gran::kDecade;
  f->point.year = V(i) * 10;
  f->explicit_year = true;
  if (b == i) f->b = i - 1;
  return true;
}

// "between 1996 and 2001", "from May to July", "1996-2001": the whole as a DURATION.
bool Parser::TryRange(Found* x, std::vector<Found>* extra) {
  if (!x->is_point) return false;
  const Gran g = x->point.gran;
  if (g != Gran::kYear && g != Gran::kMonth && g != Gran::kDay) return false;
  uint32_t k = x->e;
  uint32_t start = x->b;
  bool hyphen = false;
  if (x->b > lo_ && F(x->b - 1) == "between" && F(k) == "and") {
    start = x->b - 1;
    ++k;
  } else if (x->b > lo_ && F(x->b - 1) == "from" && In(F(k), {"to", "until", "till", "through"})) {
    start = x->b - 1;
    ++k;
  } else if (g == Gran::kYear && Hyph(k) && IsNum(k) && x->b == x->e - 1 &&
             x->point.Resolved()) {
    hyphen = true;
  } else if (g == Gran::kMonth && Hyph(k) && C(k) == Cls::kMonth && x->b == x->e - 1) {
    // "October-December 1994"
  } else {
    return false;
  }
  if (k >= hi_) return false;
  Found y;
  bool got = false;
  if (hyphen) {
    int v = Int(k);
    if (DigitCount(k) == 2 && v >= 0) v = x->point.year / 100 * 100 + v;
    else if (DigitCount(k) != 4) v = -1;
    if (v > x->point.year && v < x->point.year + 100) {
      y.b = k;
      y.e = k + 1;
      y.is_point = true;
      y.point.gran = Gran::kYear;
      y.point.year = v;
      y.explicit_year = true;
      got = true;
    }
  } else {
    got = ParseFrom(k, &y);
  }
  if (!got || !y.is_point) return false;
  // Fill a missing year from the other end: "between May and June 2021".
  if (!x->explicit_year && y.explicit_year && y.point.gran != Gran::kYear &&
      x->point.gran != Gran::kYear) {
    x->point.year = y.point.year;
    x->explicit_year = true;
    x->relative = false;
  }
  if (!x->point.Resolved()) return false;
  // ... or from the start: "from May 2020 to July".
  if (x->explicit_year && !y.explicit_year && y.point.gran == g && g != Gran::kYear) {
    y.point.year = x->point.year;
    if (y.point.month < x->point.month) ++y.point.year;
    y.relative = false;
  }
  if (!y.point.Resolved() || y.point.gran != g) {
    if (!(g == Gran::kDay && y.point.gran == Gran::kDay)) return false;
  }
  int64_t xf, xl, yf, yl;
  const char* prec;
  if (!PointSpan(x->point, &xf, &xl, &prec) || !PointSpan(y.point, &yf, &yl, &prec)) return false;
  if (yf <= xf) return false;
  Found r;
  r.b = start;
  r.e = y.e;
  r.type = TType::kDuration;
  r.has_span = true;
  r.span_first = xf;
  r.span_last = yl;
  r.relative = x->relative || y.relative;
  if (g == Gran::kYear) {
    r.value = FormatDuration(y.point.year - x->point.year, Unit::kYear);
  } else if (g == Gran::kMonth) {
    r.value = FormatDuration((y.point.year * 12 + y.point.month) -
                                 (x->point.year * 12 + x->point.month), Unit::kMonth);
  } else {
    r.value = FormatDuration(static_cast<double>(yf - xf), Unit::kDay);
  }
  ApplyPrepMod(&y);
  extra->push_back(r);
  extra->push_back(*x);
  extra->push_back(y);
  return true;
}

// An expression that starts exactly at token k ("between 1996 and [2001]"): its core may be
// a few tokens in ("and [the end of 2004]", "after [9 May 2020]").
bool Parser::ParseFrom(uint32_t k, Found* out) {
  const uint32_t save_floor = floor_, save_lo = lo_;
  floor_ = lo_ = k;
  bool got = false;
  for (uint32_t c = k; c < hi_ && c <= k + 4 && !got; ++c) {
    const WordInfo* w = W(c);
    if (!IsNum(c) && !(w && (w->flags & (kCore | kPhraseStart)))) continue;
    Found f;
    if (TryAt(c, w, &f)) {
      ExtendEdges(&f);
      if (f.b == k) {
        *out = f;
        got = true;
      } else if (f.b > k) {
        break;  // something else starts the text after k
      }
    }
  }
  floor_ = save_floor;
  lo_ = save_lo;
  return got;
}

// "a year after 29 February 2020", "two days before 9 May": the date that far from a date.
bool Parser::TryAnchoredDuration(Found* d, std::vector<Found>* extra) {
  if (d->type != TType::kDuration || d->is_point || d->amount <= 0 || d->amount > 999 ||
      d->amount != std::floor(d->amount) || d->mod != Mod::kNone)
    return false;
  const uint32_t k = d->e;
  if (k + 1 >= hi_ || !In(F(k), {"after", "before"})) return false;
  Found a;
  if (!ParseFrom(k + 1, &a) || !a.is_point || !a.point.Resolved()) return false;
  const Unit u = d->unit;
  const Gran g = a.point.gran;
  bool fits = g == Gran::kDay ? (u == Unit::kDay || u == Unit::kWeek || u == Unit::kFortnight ||
                                 u == Unit::kMonth || u == Unit::kYear)
              : g == Gran::kMonth ? (u == Unit::kMonth || u == Unit::kQuarter || u == Unit::kYear)
              : g == Gran::kYear ? (u == Unit::kYear || u == Unit::kDecade)
                                 : false;
  if (!fits) return false;
  int n = static_cast<int>(d->amount) * (F(k) == "after" ? 1 : -1);
  Found c;
  c.b = d->b;
  c.e = a.e;
  c.is_point = true;
  c.relative = a.relative;
  c.explicit_year = a.explicit_year;
  c.point = ShiftPoint(a.point, u, n);
  extra->push_back(c);
  extra->push_back(a);
  return true;
}

// ---------------------------------------------------------------------------------------
// Output

void Parser::Emit(const Found& f) {
  int64_t first = 0, last = 0;
  const char* prec = "";
  const bool spans = f.is_point && PointSpan(f.point, &first, &last, &prec);
  Timex t;
  t.tok_begin = f.b;
  t.tok_end = f.e;
  t.start = a_.tokens[f.b].start;
  t.end = a_.tokens[f.e - 1].end;
  t.text = std::string(a_.Span(f.b, f.e));
  t.type = TypeName(f.type);
  if (f.is_point) {
    t.type = (f.point.gran == Gran::kClock || f.point.gran == Gran::kPartOfDay)
                 ? "TIME"
                 : f.type == TType::kSet ? "SET" : "DATE";
    t.value = FormatPoint(f.point);
    if (spans) {
      const Point& p = f.point;
      t.first_day = p.gran >= Gran::kDay ? FormatYmd(Ymd{p.year, p.month, p.day})
                                         : FormatDay(first);
      t.last_day = first == last ? t.first_day : FormatDay(last);
      t.precision = prec;
    }
  } else {
    t.value = f.value;
    if (f.has_span) {
      t.first_day = FormatDay(f.span_first);
      t.last_day = FormatDay(f.span_last);
      t.precision = "range";
    } else if (t.value == "PRESENT_REF" && has_dct_) {
      t.first_day = t.last_day = FormatYmd(dct_);
      t.precision = "day";
    }
  }
  t.mod = ModName(f.mod);
  t.anchored = !(f.relative && !has_dct_);
  out_->push_back(std::move(t));
  // The reference time for anaphora ("the next day", "at midday") follows the dates the text
  // mentions, except plans and forecasts ("tomorrow", "in 2030"): news narrates the past.
  if (spans && f.type != TType::kSet && f.type != TType::kDuration &&
      (!has_dct_ || first <= dct_days_)) {
    ref_ = f.point;
    if (f.point.gran == Gran::kDay || f.point.gran == Gran::kPartOfDay ||
        f.point.gran == Gran::kClock)
      ref_day_ = f.point;
  }
}

void Parser::Run(uint32_t end, std::vector<Found>* trace) {
  const auto& toks = a_.tokens;
  const size_t first_out = out_->size();
  std::vector<Found> range;
  end = std::min(end, n_);
  for (uint32_t i = 0; i < end; ++i) {
    const text::Token& t = toks[i];
    if (t.kind == TokKind::kPunct) continue;
    const WordInfo* w = lex_.Word(a_, i);
    if (t.kind == TokKind::kWord && (!w || !(w->flags & (kCore | kPhraseStart)))) continue;
    // The current sentence, clipped to what earlier expressions took.
    if (a_.sentences.empty()) {
      sb_ = 0;
      lo_ = floor_;
      hi_ = n_;
    } else {
      const text::Sentence& s = a_.sentences[t.sentence];
      sb_ = s.begin;
      lo_ = std::max(s.begin, floor_);
      hi_ = s.end;
    }
    Found f;
    if (!TryAt(i, w, &f)) continue;
    if (f.e <= f.b || f.b < lo_) continue;
    ExtendEdges(&f);
    range.clear();
    if (TryAnchoredDuration(&f, &range) || TryRange(&f, &range)) {
      for (Found& r : range) Emit(r);
      floor_ = range.back().e;
      if (trace) trace->insert(trace->end(), range.begin(), range.end());
    } else {
      ApplyPrepMod(&f);
      Emit(f);
      floor_ = f.e;
      if (trace) trace->push_back(f);
    }
    i = floor_ - 1;
  }
  // "16:15 UTC, June 1st", "0630 GMT on Monday": a clock time takes the day written right
  // after it.
  for (size_t k = first_out; k + 1 < out_->size(); ++k) {
    Timex& tm = (*out_)[k];
    const Timex& next = (*out_)[k + 1];
    if (tm.type != "TIME" || tm.value.size() < 13 || tm.value[10] != 'T') continue;
    if (next.tok_begin != tm.tok_end + 1 || !In(a_.Folded(tm.tok_end), {",", "on"})) continue;
    if (next.type != "DATE" || next.precision != "day" || next.value.size() != 10) continue;
    tm.value = next.value + tm.value.substr(10);
    tm.first_day = next.first_day;
    tm.last_day = next.last_day;
  }
}

}  // namespace

TimeTagger::TimeTagger() = default;
TimeTagger::~TimeTagger() = default;

void TimeTagger::Tag(const text::Analysis& a, std::string_view dct,
                     std::vector<Timex>* out) const {
  Parser(a, dct, out).Run(static_cast<uint32_t>(a.tokens.size()));
}

namespace {

// A date at the top looks like a dateline when it has a line of its own ("Thursday 3 January
// 2013") or opens the text followed by an agency mark or dash ("KABUL, Aug 8 (Reuters) -").
bool LooksLikeDateline(const text::Analysis& a, uint32_t b, uint32_t e) {
  const uint32_t n = static_cast<uint32_t>(a.tokens.size());
  uint32_t lb = b, le = e;
  while (lb > 0 && !(a.tokens[lb].flags & text::kNewlineBefore)) --lb;
  while (le < n && !(a.tokens[le].flags & text::kNewlineBefore)) ++le;
  if (le - lb <= (e - b) + 4) return true;
  if (b > 12) return false;
  for (uint32_t k = e; k < n && k < e + 4; ++k) {
    std::string_view f = a.Folded(k);
    if (f == "(" || f == "-" || f == "--" || f == "|" || f == "/" || f == ":") return true;
  }
  return false;
}

}  // namespace

std::string TimeTagger::FindDateline(const text::Analysis& a, std::string_view hint) const {
  // The dateline is in the first three lines and the first 40 tokens.
  const uint32_t n = static_cast<uint32_t>(a.tokens.size());
  uint32_t limit = std::min<uint32_t>(n, 40);
  uint32_t lines = 0;
  for (uint32_t i = 1; i < limit; ++i) {
    if ((a.tokens[i].flags & (text::kNewlineBefore | text::kSentStart)) && ++lines >= 3) {
      limit = i;
      break;
    }
  }
  // A full date: "Thursday 3 January 2013", "December 10, 2013", "2013-01-03".
  std::vector<Timex> out;
  std::vector<Found> trace;
  Parser(a, {}, &out).Run(limit, &trace);
  for (const Found& f : trace) {
    if (f.is_point && f.point.gran == Gran::kDay && f.point.Resolved() && f.explicit_year &&
        LooksLikeDateline(a, f.b, f.e))
      return FormatPoint(f.point);
  }
  // A day and month ("KABUL, Aug 8 (Reuters) -"): the year nearest the hint's date.
  Ymd hint_day;
  if (!ParseIsoDate(hint, &hint_day)) return {};
  out.clear();
  trace.clear();
  Parser(a, hint, &out).Run(limit, &trace);
  for (const Found& f : trace) {
    if (!f.is_point || f.point.gran != Gran::kDay || !f.point.Resolved() ||
        !LooksLikeDateline(a, f.b, f.e))
      continue;
    // Month-and-day rules only: deictic words ("today") are not datelines.
    bool named_month = false;
    for (uint32_t k = f.b; k < f.e; ++k) {
      const WordInfo* w = Lexicon::Get().Word(a, k);
      named_month |= w && w->cls == Cls::kMonth;
    }
    if (!named_month) continue;
    const int64_t hint_days = DaysFromCivil(hint_day);
    int64_t best = 0;
    bool have = false;
    // Years stay in 0001..9999: a date written with four digits (a Feb 29 next to a hint of
    // 9999-12-31 gave "10000-02-29"; found by fuzz/time_fuzzer.cc).
    for (int y = std::max(1, hint_day.year - 1); y <= std::min(9999, hint_day.year + 1); ++y) {
      if (!IsValidDate(y, f.point.month, f.point.day)) continue;
      int64_t d = DaysFromCivil(y, f.point.month, f.point.day);
      if (!have || std::llabs(d - hint_days) < std::llabs(best - hint_days)) best = d;
      have = true;
    }
    if (have) return FormatDays(best);
  }
  return {};
}

}  // namespace sitrep::time
