// Time expressions: recognition and normalisation in TimeML's TIMEX3 style, relative to the
// document's creation time (its publication date, --date, or a dateline in the text).
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

  // Appends the time expressions of `a` in text order. `dct` is "YYYY-MM-DD" or empty (then
  // relative expressions stay underspecified, e.g. "XXXX-XX-XX", with anchored = false).
  // Thread-safe.
  void Tag(const text::Analysis& a, std::string_view dct, std::vector<Timex>* out) const;

  // A date in a dateline at the top of the text ("KABUL, Aug 8 (Reuters) -",
  // "Thursday 3 January 2013"), as "YYYY-MM-DD", or empty. `hint` (a "YYYY-MM-DD" or empty)
  // supplies a missing year.
  std::string FindDateline(const text::Analysis& a, std::string_view hint) const;
};

}  // namespace sitrep::time

#endif  // SITREP_TIME_TIME_TAGGER_H_
