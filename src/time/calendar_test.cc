#include "time/calendar.h"

#include <gtest/gtest.h>

#include "time/time_value.h"

namespace sitrep::time {
namespace {

TEST(Calendar, DaysRoundTrip) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1) - DaysFromCivil(2000, 2, 28), 2);  // 2000 is leap
  EXPECT_EQ(DaysFromCivil(1900, 3, 1) - DaysFromCivil(1900, 2, 28), 1);  // 1900 is not
  for (int64_t d = -800000; d < 800000; d += 997) {
    Ymd c = CivilFromDays(d);
    ASSERT_TRUE(IsValidDate(c.year, c.month, c.day));
    ASSERT_EQ(DaysFromCivil(c), d);
  }
}

TEST(Calendar, LeapYears) {
  EXPECT_TRUE(IsLeapYear(2024));
  EXPECT_TRUE(IsLeapYear(2000));
  EXPECT_FALSE(IsLeapYear(2100));
  EXPECT_FALSE(IsLeapYear(2023));
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(2023, 2), 28);
  EXPECT_FALSE(IsValidDate(2021, 2, 29));
  EXPECT_FALSE(IsValidDate(2021, 4, 31));
}

TEST(Calendar, Weekdays) {
  EXPECT_EQ(Weekday(DaysFromCivil(2021, 8, 8)), 7);   // Sunday
  EXPECT_EQ(Weekday(DaysFromCivil(2024, 2, 29)), 4);  // Thursday
  EXPECT_EQ(Weekday(DaysFromCivil(1969, 12, 31)), 3); // Wednesday, before the epoch
}

TEST(Calendar, IsoWeeks) {
  int y, w;
  IsoWeek(DaysFromCivil(2021, 8, 8), &y, &w);
  EXPECT_EQ(y, 2021);
  EXPECT_EQ(w, 31);
  IsoWeek(DaysFromCivil(2021, 1, 3), &y, &w);  // Sunday: still the last week of 2020
  EXPECT_EQ(y, 2020);
  EXPECT_EQ(w, 53);
  IsoWeek(DaysFromCivil(2019, 12, 31), &y, &w);  // Tuesday: already week 1 of 2020
  EXPECT_EQ(y, 2020);
  EXPECT_EQ(w, 1);
  EXPECT_EQ(FormatDays(MondayOfIsoWeek(2020, 53)), "2020-12-28");
  EXPECT_EQ(IsoWeeksInYear(2020), 53);
  EXPECT_EQ(IsoWeeksInYear(2021), 52);
}

TEST(Calendar, MonthsAndEaster) {
  int y = 2021, m = 11;
  AddMonths(&y, &m, 3);
  EXPECT_EQ(y, 2022);
  EXPECT_EQ(m, 2);
  AddMonths(&y, &m, -14);
  EXPECT_EQ(y, 2020);
  EXPECT_EQ(m, 12);
  EXPECT_EQ(FormatYmd(EasterSunday(2024)), "2024-03-31");
  EXPECT_EQ(FormatYmd(EasterSunday(2019)), "2019-04-21");
}

TEST(Calendar, ParseIsoDate) {
  Ymd d;
  EXPECT_TRUE(ParseIsoDate("2021-08-08", &d));
  EXPECT_EQ(d, (Ymd{2021, 8, 8}));
  EXPECT_TRUE(ParseIsoDate("2021-08-08T10:00:00Z", &d));
  EXPECT_FALSE(ParseIsoDate("2021-02-29", &d));
  EXPECT_FALSE(ParseIsoDate("2021-8-8", &d));
  EXPECT_FALSE(ParseIsoDate("", &d));
}

TEST(TimeValue, Format) {
  Point p;
  p.gran = Gran::kDecade;
  p.year = 1990;
  EXPECT_EQ(FormatPoint(p), "199X");
  p.gran = Gran::kCentury;
  p.year = 1900;
  EXPECT_EQ(FormatPoint(p), "19XX");
  p = Point::Day(Ymd{2021, 8, 8});
  EXPECT_EQ(FormatPoint(p), "2021-08-08");
  p.gran = Gran::kClock;
  p.hour = 6;
  p.minute = 30;
  p.zulu = true;
  EXPECT_EQ(FormatPoint(p), "2021-08-08T06:30Z");
  Point u;
  u.gran = Gran::kDay;
  u.sub = 6;
  EXPECT_EQ(FormatPoint(u), "XXXX-WXX-6");
  u.sub = kX;
  u.month = 5;
  EXPECT_EQ(FormatPoint(u), "XXXX-05-XX");
  EXPECT_EQ(FormatDuration(3, Unit::kDay), "P3D");
  EXPECT_EQ(FormatDuration(2, Unit::kHour), "PT2H");
  EXPECT_EQ(FormatDuration(2.5, Unit::kYear), "P2.5Y");
  EXPECT_EQ(FormatDuration(-1, Unit::kWeek), "PXW");
  EXPECT_EQ(FormatDuration(1, Unit::kDecade), "P10Y");
  EXPECT_EQ(FormatDuration(-1, Unit::kDecade), "PXDE");
}

TEST(TimeValue, Spans) {
  int64_t first, last;
  const char* prec;
  Point p;
  p.gran = Gran::kWeek;
  p.year = 2021;
  p.sub = 31;
  ASSERT_TRUE(PointSpan(p, &first, &last, &prec));
  EXPECT_EQ(FormatDays(first), "2021-08-02");
  EXPECT_EQ(FormatDays(last), "2021-08-08");
  EXPECT_STREQ(prec, "week");
  p.gran = Gran::kMonth;
  p.year = 2024;
  p.month = 2;
  ASSERT_TRUE(PointSpan(p, &first, &last, &prec));
  EXPECT_EQ(FormatDays(last), "2024-02-29");
  EXPECT_STREQ(prec, "month");
  p.gran = Gran::kDecade;
  p.year = 1990;
  ASSERT_TRUE(PointSpan(p, &first, &last, &prec));
  EXPECT_EQ(FormatDays(first), "1990-01-01");
  EXPECT_EQ(FormatDays(last), "1999-12-31");
  EXPECT_STREQ(prec, "range");
  p.gran = Gran::kSeason;
  p.year = 2021;
  p.sub = static_cast<int>(Season::kWinter);
  ASSERT_TRUE(PointSpan(p, &first, &last, &prec));
  EXPECT_EQ(FormatDays(first), "2020-12-01");
  EXPECT_EQ(FormatDays(last), "2021-02-28");
  p.year = kX;
  EXPECT_FALSE(PointSpan(p, &first, &last, &prec));
}

}  // namespace
}  // namespace sitrep::time
