// CSV quoting (RFC 4180) and the event table's ACLED columns, on hand-made events.
#include "io/csv.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "io/event_table.h"

namespace sitrep::io {
namespace {

std::string Field(std::string_view s) {
  std::string out;
  AppendCsvField(s, &out);
  return out;
}

class FakeNames final : public PlaceNames {
 public:
  std::string Country(std::string_view cc) const override { return cc == "ML" ? "Mali" : ""; }
  std::string Admin1(std::string_view c) const override { return c == "ML.04" ? "Mopti" : ""; }
  std::string Admin2(std::string_view) const override { return ""; }
};

Event MaliEvent() {
  Event e;
  e.doc = "mali";
  e.id = "mali#1";
  e.type = "Battles";
  e.subtype = "Armed clash";
  e.actor1 = ActorRef{10, 16, "gunmen", "Unidentified Armed Group (Mali)", "political militia", "ML", 3};
  e.actor2 = ActorRef{30, 38, "soldiers", "Military Forces of Mali", "state forces", "ML", 1};
  Where w;
  w.place.start = 50;
  w.place.end = 58;
  w.place.text = "Douentza";
  w.place.geonameid = 2458334;
  w.place.name = "Douentza";
  w.place.has_coords = true;
  w.place.lat = 15.00155;
  w.place.lon = -2.94978;
  w.place.country = "ML";
  w.place.admin1 = "ML.04";
  w.precision = "city";
  e.where = w;
  When t;
  t.start = 60;
  t.end = 70;
  t.text = "on Tuesday";
  t.date = "2023-05-16";
  t.precision = "day";
  e.when = t;
  e.source = "the army";
  e.modality = "claimed";
  e.fatalities = 12;
  e.evidence_start = 0;
  e.evidence_end = 90;
  e.evidence = "Gunmen attacked a post, \"killing 12\",\nthe army said";
  e.trigger = "attacked";
  e.confidence = 0.9;
  return e;
}

TEST(Csv, PlainFieldsAreNotQuoted) {
  EXPECT_EQ(Field("Douentza"), "Douentza");
  EXPECT_EQ(Field(""), "");
  EXPECT_EQ(Field(" leading and trailing "), " leading and trailing ");
  EXPECT_EQ(Field("Ménaka"), "Ménaka");
  EXPECT_EQ(Field("-2.94978"), "-2.94978");
}

TEST(Csv, SpecialCharactersAreQuoted) {
  EXPECT_EQ(Field("Mopti, Mali"), "\"Mopti, Mali\"");
  EXPECT_EQ(Field("the \"army\""), "\"the \"\"army\"\"\"");
  EXPECT_EQ(Field("\""), "\"\"\"\"");
  EXPECT_EQ(Field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(Field("cr\rhere"), "\"cr\rhere\"");
  EXPECT_EQ(Field("crlf\r\nhere"), "\"crlf\r\nhere\"");
}

TEST(Csv, RecordsEndInCrlf) {
  std::string out;
  AppendCsvRecord({"a", "b,c", ""}, &out);
  EXPECT_EQ(out, "a,\"b,c\",\r\n");
}

TEST(Csv, RoundTripsAwkwardFields) {
  std::vector<std::string> fields = {"", ",", "\"", "\"\"", "a\r\nb", "\n", " ", "x,\"y\"\nz", "é,ü"};
  std::string out;
  AppendCsvRecord(fields, &out);
  AppendCsvRecord(fields, &out);
  auto rows = ParseCsv(out);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], fields);
  EXPECT_EQ(rows[1], fields);
}

TEST(Csv, HeaderOnceThenOneRowPerEvent) {
  FakeNames names;
  CsvFormat csv(&names);
  std::string out;
  csv.Begin(&out);
  Document d;
  d.id = "mali";
  d.source = "Example Wire";
  DocResult r;
  r.events = {MaliEvent(), MaliEvent()};
  r.events[1].id = "mali#2";
  r.events[1].where.reset();
  EXPECT_EQ(csv.Format(d, r, &out), 2u);
  EXPECT_EQ(csv.Format(d, r, &out), 2u);
  auto rows = ParseCsv(out);
  ASSERT_EQ(rows.size(), 5u);
  const auto& cols = EventColumns();
  ASSERT_EQ(rows[0].size(), cols.size());
  for (size_t i = 0; i < cols.size(); ++i) EXPECT_EQ(rows[0][i], cols[i]);
  for (size_t k = 1; k < rows.size(); ++k) EXPECT_EQ(rows[k].size(), cols.size()) << "row " << k;
  auto col = [&](size_t row, std::string_view name) {
    for (size_t i = 0; i < cols.size(); ++i)
      if (cols[i] == name) return rows[row][i];
    ADD_FAILURE() << "no column " << name;
    return std::string();
  };
  EXPECT_EQ(col(1, "event_id_cnty"), "mali#1");
  EXPECT_EQ(col(1, "event_date"), "2023-05-16");
  EXPECT_EQ(col(1, "year"), "2023");
  EXPECT_EQ(col(1, "time_precision"), "1");
  EXPECT_EQ(col(1, "disorder_type"), "Political violence");
  EXPECT_EQ(col(1, "inter1"), "3");
  EXPECT_EQ(col(1, "inter2"), "1");
  EXPECT_EQ(col(1, "interaction"), "13");
  EXPECT_EQ(col(1, "country"), "Mali");
  EXPECT_EQ(col(1, "iso"), "466");
  EXPECT_EQ(col(1, "admin1"), "Mopti");
  EXPECT_EQ(col(1, "admin2"), "");
  EXPECT_EQ(col(1, "location"), "Douentza");
  EXPECT_EQ(col(1, "latitude"), "15.00155");
  EXPECT_EQ(col(1, "longitude"), "-2.94978");
  EXPECT_EQ(col(1, "geo_precision"), "1");
  EXPECT_EQ(col(1, "source"), "Example Wire; the army");
  EXPECT_EQ(col(1, "notes"), MaliEvent().evidence);  // quotes, comma and line break survive
  EXPECT_EQ(col(1, "fatalities"), "12");
  EXPECT_EQ(col(1, "confidence"), "0.9");
  EXPECT_EQ(col(1, "geonameid"), "2458334");
  EXPECT_EQ(col(1, "date_text"), "on Tuesday");
  EXPECT_EQ(col(1, "date_text_start"), "60");
  // No place: the place columns are empty, not zero.
  EXPECT_EQ(col(2, "location"), "");
  EXPECT_EQ(col(2, "latitude"), "");
  EXPECT_EQ(col(2, "iso"), "");
  EXPECT_EQ(col(2, "geo_precision"), "");
}

TEST(EventTable, UnknownFatalitiesAndDatesAreEmpty) {
  FakeNames names;
  Event e = MaliEvent();
  e.fatalities.reset();
  e.when.reset();
  e.actor2.reset();
  std::vector<Cell> row;
  Document d;
  EventRow(d, e, names, &row);
  const auto& cols = EventColumns();
  ASSERT_EQ(row.size(), cols.size());
  for (size_t i = 0; i < cols.size(); ++i) {
    if (cols[i] == "fatalities" || cols[i] == "event_date" || cols[i] == "year" ||
        cols[i] == "time_precision" || cols[i] == "actor2" || cols[i] == "inter2") {
      EXPECT_EQ(row[i].kind, Cell::Kind::kEmpty) << cols[i];
    }
    if (cols[i] == "interaction") {
      EXPECT_EQ(row[i].ToString(), "30") << "sole actor: inter1 * 10";
    }
    if (cols[i] == "source") {
      EXPECT_EQ(row[i].ToString(), "the army");
    }
  }
}

TEST(EventTable, ColumnsStartWithAcledsNames) {
  const auto& cols = EventColumns();
  const char* acled[] = {"event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
                         "event_type", "sub_event_type", "actor1", "inter1", "actor2", "inter2",
                         "interaction", "country", "iso", "admin1", "admin2", "location",
                         "latitude", "longitude", "geo_precision", "source", "notes", "fatalities"};
  ASSERT_GE(cols.size(), std::size(acled));
  for (size_t i = 0; i < std::size(acled); ++i) EXPECT_EQ(cols[i], acled[i]);
  std::vector<std::string_view> sorted(cols.begin(), cols.end());
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end()) << "duplicate column";
}

}  // namespace
}  // namespace sitrep::io
