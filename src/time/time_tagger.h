// Time expressions: recognition and normalisation in TimeML's TIMEX3 style, relative to the
// document's creation time (its publication date, --date, or a dateline in the text).
//
// The rules, the conventions they follow (spans, tense, anchoring, ranges, mods) and the
// choices made where TimeML leaves room are described at the top of time_tagger.cc; the words
// they use are in time_lexicon.cc. Golden cases: testdata/golden.tsv.
#ifndef SITREP_TIME_TIME_TAGGER_H_
#define SITREP_TIME_TIME_TAGGER_H_

#include <string>
#include <string_view>
#include <vector>

#include "sitrep/event.h"
#include "text/text.h"

namespace sitrep::time {

class TimeTagger {
 public:
  TimeTagger();
  ~TimeTagger();

  // Appends the time expressions of `a` in text order (a range such as "between 1996 and
  // 2001" comes before the two dates inside it). `dct` is "YYYY-MM-DD" (anything after the
  // tenth byte is ignored) or empty: then relative expressions stay underspecified
  // ("XXXX-XX-XX", "XXXX-WXX-6") with anchored = false. Every Timex field is filled:
  // first_day/last_day/precision for values that name calendar days (empty for durations,
  // sets, PAST_REF/FUTURE_REF and underspecified values; PRESENT_REF is the dct's day).
  // Never reads the clock. Thread-safe: the tagger holds no mutable state.
  void Tag(const text::Analysis& a, std::string_view dct, std::vector<Timex>* out) const;

  // A date in a dateline at the top of the text ("KABUL, Aug 8 (Reuters) -",
  // "Thursday 3 January 2013"), as "YYYY-MM-DD", or empty. `hint` (a "YYYY-MM-DD" or empty)
  // supplies a missing year: the one that puts the date nearest the hint. Only a date on a
  // line of its own, or one that opens the text followed by an agency mark or a dash, counts.
  std::string FindDateline(const text::Analysis& a, std::string_view hint) const;
};

}  // namespace sitrep::time

#endif  // SITREP_TIME_TIME_TAGGER_H_
