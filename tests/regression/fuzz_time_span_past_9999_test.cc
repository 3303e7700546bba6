// Regression test for a finding of fuzz/time_fuzzer.cc (issue 8; input:
// fuzz/regressions/time/week_span_past_9999): "this week" against a publication date of
// 9999-12-31 spans 9999-12-27 .. 10000-01-02; the last day printed as "9999-01-02", before
// the first. Span days are now kept within 0001-01-01 .. 9999-12-31.
#include <gtest/gtest.h>

#include <vector>

#include "text/text.h"
#include "time/time_tagger.h"

namespace sitrep {
namespace {

TEST(FuzzTime, Regression_SpanPastYear9999EndsAtTheCalendarsEnd) {
  time::TimeTagger tagger;
  text::Analysis a;
  text::Analyze("Clashes went on this week and this month.", &a);
  for (const char* dct : {"9999-12-31", "0001-01-01", "2021-08-08"}) {
    SCOPED_TRACE(dct);
    std::vector<Timex> out;
    tagger.Tag(a, dct, &out);
    ASSERT_FALSE(out.empty());
    for (const Timex& t : out) {
      if (!t.first_day.empty() && !t.last_day.empty()) {
        EXPECT_LE(t.first_day, t.last_day) << t.text;
      }
    }
  }
  std::vector<Timex> out;
  tagger.Tag(a, "9999-12-31", &out);
  EXPECT_EQ(out[0].first_day, "9999-12-27");
  EXPECT_EQ(out[0].last_day, "9999-12-31");
}

}  // namespace
}  // namespace sitrep
