#include "io/acled.h"

#include <gtest/gtest.h>

namespace sitrep::io {
namespace {

When Date(std::string date, std::string precision, std::string end = "") {
  When w;
  w.date = std::move(date);
  w.precision = std::move(precision);
  w.end_date = std::move(end);
  return w;
}

TEST(Acled, DisorderType) {
  EXPECT_EQ(DisorderType("Battles", "Armed clash"), "Political violence");
  EXPECT_EQ(DisorderType("Explosions/Remote violence", "Air/drone strike"), "Political violence");
  EXPECT_EQ(DisorderType("Violence against civilians", "Attack"), "Political violence");
  EXPECT_EQ(DisorderType("Protests", "Peaceful protest"), "Demonstrations");
  EXPECT_EQ(DisorderType("Protests", "Protest with intervention"), "Demonstrations");
  EXPECT_EQ(DisorderType("Protests", "Excessive force against protesters"),
            "Political violence; Demonstrations");
  EXPECT_EQ(DisorderType("Riots", "Violent demonstration"), "Demonstrations");
  EXPECT_EQ(DisorderType("Riots", "Mob violence"), "Political violence");
  EXPECT_EQ(DisorderType("Strategic developments", "Arrests"), "Strategic developments");
  EXPECT_EQ(DisorderType("Something else", ""), "");
}

TEST(Acled, SpansOfEveryDateForm) {
  EXPECT_EQ(SpanOf(Date("2023-05-16", "day")).first, "2023-05-16");
  EXPECT_EQ(SpanOf(Date("2023-05-16", "day")).last, "2023-05-16");
  auto m = SpanOf(Date("2024-02", "month", "2024-02-29"));
  EXPECT_EQ(m.first, "2024-02-01");
  EXPECT_EQ(m.last, "2024-02-29");
  EXPECT_EQ(SpanOf(Date("2023-02", "month")).last, "2023-02-28");  // last day computed
  auto y = SpanOf(Date("2015", "year"));
  EXPECT_EQ(y.first, "2015-01-01");
  EXPECT_EQ(y.last, "2015-12-31");
  auto w = SpanOf(Date("2021-W31", "week"));  // ISO week 31 of 2021: 2 to 8 August
  EXPECT_EQ(w.first, "2021-08-02");
  EXPECT_EQ(w.last, "2021-08-08");
  EXPECT_EQ(SpanOf(Date("2020-W01", "week")).first, "2019-12-30");
  auto r = SpanOf(Date("2023-05-08", "range", "2023-05-14"));
  EXPECT_EQ(r.first, "2023-05-08");
  EXPECT_EQ(r.last, "2023-05-14");
  EXPECT_TRUE(SpanOf(Date("soon", "day")).first.empty());
  EXPECT_EQ(SpanOf(Date("2023-05-10", "range", "2023-05-01")).last, "2023-05-10");  // no inversion
}

TEST(Acled, TimePrecision) {
  EXPECT_EQ(TimePrecision(Date("2023-05-16", "day")), 1);
  EXPECT_EQ(TimePrecision(Date("2023-05-08", "week", "2023-05-14")), 2);
  EXPECT_EQ(TimePrecision(Date("2023-05-08", "range", "2023-05-10")), 2);
  EXPECT_EQ(TimePrecision(Date("2023-05-01", "range", "2023-05-20")), 3);
  EXPECT_EQ(TimePrecision(Date("2023-05", "month", "2023-05-31")), 3);
  EXPECT_EQ(TimePrecision(Date("2012", "year", "2012-12-31")), 3);
  EXPECT_EQ(TimePrecision(Date("", "day")), 0);
}

TEST(Acled, GeoPrecision) {
  Where w;
  w.precision = "city";
  EXPECT_EQ(GeoPrecision(w), 1);
  w.precision = "admin2";
  EXPECT_EQ(GeoPrecision(w), 2);
  w.precision = "admin1";
  EXPECT_EQ(GeoPrecision(w), 3);
  w.precision = "country";
  EXPECT_EQ(GeoPrecision(w), 3);
}

TEST(Acled, InteractionIsLowerCodeFirst) {
  EXPECT_EQ(Interaction(1, 2), 12);
  EXPECT_EQ(Interaction(2, 1), 12);
  EXPECT_EQ(Interaction(7, 3), 37);
  EXPECT_EQ(Interaction(1, 1), 11);
  EXPECT_EQ(Interaction(2, 0), 20);  // sole rebel action
  EXPECT_EQ(Interaction(0, 3), 0);
}

TEST(Acled, IsoCodes) {
  EXPECT_EQ(IsoNumeric("ML"), 466);
  EXPECT_EQ(IsoNumeric("AF"), 4);
  EXPECT_EQ(IsoNumeric("UA"), 804);
  EXPECT_EQ(IsoNumeric("XK"), 0);  // Kosovo has no ISO numeric code
  EXPECT_EQ(IsoNumeric("??"), 0);
  EXPECT_EQ(IsoNumeric(""), 0);
  EXPECT_EQ(IsoAlpha3("BD"), "BGD");
}

}  // namespace
}  // namespace sitrep::io
