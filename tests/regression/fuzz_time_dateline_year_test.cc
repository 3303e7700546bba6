// Regression test for a finding of fuzz/time_fuzzer.cc (issue 8; input:
// fuzz/regressions/time/dateline_year_10000): a dateline "Feb 29" read against a publication
// date of 9999-12-31 took the nearest leap year, 10000, and gave "10000-02-29", which is not
// a date sitrep can print or read back.
#include <gtest/gtest.h>

#include "doc/reader.h"
#include "text/text.h"
#include "time/time_tagger.h"

namespace sitrep {
namespace {

TEST(FuzzTime, Regression_DatelineYearStaysWithinFourDigits) {
  time::TimeTagger tagger;
  text::Analysis a;
  text::Analyze("KABUL, Feb 29 (Reuters) - Clashes broke out.", &a);
  EXPECT_EQ(tagger.FindDateline(a, "9999-12-31"), "");  // 9998 and 9999 have no Feb 29
  EXPECT_EQ(tagger.FindDateline(a, "2021-03-01"), "2020-02-29");
  text::Analyze("KABUL, Jan 1 (Reuters) - Clashes broke out.", &a);
  EXPECT_EQ(tagger.FindDateline(a, "9999-12-31"), "9999-01-01");
  EXPECT_EQ(tagger.FindDateline(a, "0001-01-01"), "0001-01-01");
  text::Analyze("KABUL, Dec 31 (Reuters) - Clashes broke out.", &a);
  std::string d = tagger.FindDateline(a, "0001-01-01");  // not year 0
  EXPECT_TRUE(d.empty() || NormalizeDate(d) == d) << d;
}

}  // namespace
}  // namespace sitrep
