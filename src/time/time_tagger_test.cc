#include "time/time_tagger.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace sitrep::time {
namespace {

std::vector<Timex> TagText(const std::string& text, std::string_view dct) {
  text::Analysis a;
  text::Analyze(text, &a);
  std::vector<Timex> out;
  TimeTagger().Tag(a, dct, &out);
  return out;
}

const Timex* FindText(const std::vector<Timex>& v, std::string_view s) {
  for (const Timex& t : v)
    if (t.text == s) return &t;
  return nullptr;
}

// src/time/testdata/golden.tsv: one expected expression per line (the file says how).
TEST(TimeTaggerGolden, AllCases) {
  std::ifstream in(std::string(SITREP_SOURCE_DIR) + "/src/time/testdata/golden.tsv");
  ASSERT_TRUE(in) << "missing golden.tsv";
  std::string line;
  int line_no = 0, cases = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> col;
    std::stringstream ss(line);
    std::string c;
    while (std::getline(ss, c, '\t')) col.push_back(c);
    ASSERT_GE(col.size(), 3u) << "line " << line_no;
    SCOPED_TRACE("golden.tsv:" + std::to_string(line_no) + ": " + col[1]);
    ++cases;
    std::string text = col[1];
    size_t open = text.find("[["), close = text.find("]]");
    if (col[2] == "NONE" && open == std::string::npos) {
      auto got = TagText(text, col[0] == "-" ? "" : col[0]);
      EXPECT_TRUE(got.empty()) << "unexpected: " << got[0].text << " = " << got[0].value;
      continue;
    }
    ASSERT_NE(open, std::string::npos);
    ASSERT_NE(close, std::string::npos);
    text.erase(close, 2);
    text.erase(open, 2);
    const uint32_t start = static_cast<uint32_t>(open), end = static_cast<uint32_t>(close - 2);
    auto got = TagText(text, col[0] == "-" ? "" : col[0]);
    const Timex* hit = nullptr;
    for (const Timex& t : got)
      if (t.start == start && t.end == end) hit = &t;
    std::string seen;
    for (const Timex& t : got) seen += " [" + t.text + "]=" + t.value;
    ASSERT_NE(hit, nullptr) << "no expression at [" << text.substr(start, end - start)
                            << "]; got" << seen;
    ASSERT_GE(col.size(), 4u);
    EXPECT_EQ(hit->type, col[2]);
    EXPECT_EQ(hit->value, col[3]);
    std::string mod = col.size() > 4 && col[4] != "-" ? col[4] : "";
    EXPECT_EQ(hit->mod, mod);
  }
  EXPECT_GE(cases, 60);
}

// An original wire-style report with the kinds of dates the project's example has.
TEST(TimeTagger, WireReport) {
  const std::string text =
      "Rebels took the town of Amran on Sunday, a week after they had encircled it.\n\n"
      "Since the start of their campaign in April, the rebels have seized six districts. "
      "At the end of May, they had cut the main road, and on Saturday they shelled the airport. "
      "Friday, the insurgents had also overrun a police post.\n\n"
      "The town already changed hands twice in recent years, in 2015 and 2016. "
      "The movement ruled the province between 1994 and 1999, and was strong in the 1980s. "
      "Foreign troops must leave by June 30.";
  auto got = TagText(text, "2021-06-06");  // a Sunday
  struct Want {
    const char* text;
    const char* value;
    const char* mod;
  };
  const Want want[] = {
      {"Sunday", "2021-06-06", ""},     {"April", "2021-04", ""},
      {"the end of May", "2021-05", "END"}, {"Saturday", "2021-06-05", ""},
      {"Friday", "2021-06-04", ""},     {"recent years", "PAST_REF", ""},
      {"2015", "2015", ""},             {"2016", "2016", ""},
      {"1994", "1994", ""},             {"1999", "1999", ""},
      {"the 1980s", "198X", ""},        {"June 30", "2021-06-30", "ON_OR_BEFORE"},
  };
  for (const Want& w : want) {
    const Timex* t = FindText(got, w.text);
    ASSERT_NE(t, nullptr) << w.text;
    EXPECT_EQ(t->value, w.value) << w.text;
    EXPECT_EQ(t->mod, w.mod) << w.text;
    EXPECT_EQ(text.substr(t->start, t->end - t->start), t->text);
  }
  // Text order, and ranges before their ends.
  for (size_t i = 1; i < got.size(); ++i) EXPECT_LE(got[i - 1].start, got[i].start);
}

TEST(TimeTagger, CalendarSpans) {
  auto got = TagText(
      "The group emerged in the 1990s, split in 2015, lost its leader in June and "
      "regrouped last week. It ruled between 1996 and 2001. The truce held for three days.",
      "2021-08-08");
  const Timex* t = FindText(got, "the 1990s");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->first_day, "1990-01-01");
  EXPECT_EQ(t->last_day, "1999-12-31");
  EXPECT_EQ(t->precision, "range");
  t = FindText(got, "2015");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->first_day, "2015-01-01");
  EXPECT_EQ(t->last_day, "2015-12-31");
  EXPECT_EQ(t->precision, "year");
  t = FindText(got, "June");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->value, "2021-06");
  EXPECT_EQ(t->first_day, "2021-06-01");
  EXPECT_EQ(t->last_day, "2021-06-30");
  EXPECT_EQ(t->precision, "month");
  t = FindText(got, "last week");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->value, "2021-W30");
  EXPECT_EQ(t->first_day, "2021-07-26");
  EXPECT_EQ(t->last_day, "2021-08-01");
  EXPECT_EQ(t->precision, "week");
  t = FindText(got, "between 1996 and 2001");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->type, "DURATION");
  EXPECT_EQ(t->first_day, "1996-01-01");
  EXPECT_EQ(t->last_day, "2001-12-31");
  EXPECT_EQ(t->precision, "range");
  t = FindText(got, "three days");
  ASSERT_NE(t, nullptr);
  EXPECT_TRUE(t->first_day.empty());
  EXPECT_TRUE(t->precision.empty());
}

TEST(TimeTagger, NoPublicationDateLeavesRelativeValuesUnanchored) {
  auto got = TagText("On Saturday the army said it had retaken the town it lost in 2019 and "
                     "in May last year.", "");
  const Timex* sat = FindText(got, "Saturday");
  ASSERT_NE(sat, nullptr);
  EXPECT_EQ(sat->value, "XXXX-WXX-6");
  EXPECT_FALSE(sat->anchored);
  EXPECT_TRUE(sat->first_day.empty());
  const Timex* y = FindText(got, "2019");
  ASSERT_NE(y, nullptr);
  EXPECT_TRUE(y->anchored);
  const Timex* may = FindText(got, "May last year");
  ASSERT_NE(may, nullptr);
  EXPECT_EQ(may->value, "XXXX-05");
  EXPECT_FALSE(may->anchored);
}

TEST(TimeTagger, OffsetsAreBytesOfTheOriginalText) {
  const std::string text = "Au café « Le Zinc », on a vu les rebelles le 9 mai. "
                           "Clashes erupted in Ḥamāh on 9 May 2020.";
  auto got = TagText(text, "2021-08-08");
  const Timex* t = FindText(got, "9 May 2020");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(text.substr(t->start, t->end - t->start), "9 May 2020");
  EXPECT_EQ(t->tok_end - t->tok_begin, 3u);
}

TEST(TimeTagger, Dateline) {
  TimeTagger tagger;
  text::Analysis a;
  text::Analyze("KABUL, Aug 8 (Reuters) - Taliban fighters took the city on Sunday.", &a);
  EXPECT_EQ(tagger.FindDateline(a, "2021-08-09"), "2021-08-08");
  EXPECT_EQ(tagger.FindDateline(a, ""), "");  // no year anywhere
  text::Analyze("Thursday 3 January 2013\n\nGunmen attacked a bus on Wednesday.", &a);
  EXPECT_EQ(tagger.FindDateline(a, ""), "2013-01-03");
  text::Analyze("December 10, 2013\nThe company named a new chief today.", &a);
  EXPECT_EQ(tagger.FindDateline(a, ""), "2013-12-10");
  text::Analyze("Yesterday the rebels attacked.\nThey retreated.", &a);
  EXPECT_EQ(tagger.FindDateline(a, "2021-08-09"), "");
  std::string late = "The rebels attacked the base and the airport and the town hall and the "
                     "market and the school and the clinic and the mosque and the bridge. "
                     "It was the deadliest attack since 4 March 2012.";
  text::Analyze(late, &a);
  EXPECT_EQ(tagger.FindDateline(a, ""), "");
}

TEST(TimeTagger, ConcurrentCallsAgree) {
  const std::string text =
      "On Monday gunmen attacked the convoy. Two days later, troops retook the road. "
      "The ceasefire signed in March 2020 held until the end of the year.";
  text::Analysis a;
  text::Analyze(text, &a);
  TimeTagger tagger;
  std::vector<Timex> ref;
  tagger.Tag(a, "2021-08-08", &ref);
  ASSERT_FALSE(ref.empty());
  std::vector<std::vector<Timex>> results(4);
  std::vector<std::thread> threads;
  for (auto& r : results) {
    threads.emplace_back([&] {
      for (int k = 0; k < 200; ++k) {
        r.clear();
        tagger.Tag(a, "2021-08-08", &r);
      }
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& r : results) {
    ASSERT_EQ(r.size(), ref.size());
    for (size_t i = 0; i < r.size(); ++i) EXPECT_EQ(r[i].value, ref[i].value);
  }
}

}  // namespace
}  // namespace sitrep::time
