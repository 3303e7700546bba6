// Golden tests of `sitrep code --format csv|geojson`.
//
// 1. A fixed fixture (hand-made events, no gazetteer) against the golden files in
//    tests/io/golden/, byte for byte and parsed back. SITREP_UPDATE_GOLDEN=1 rewrites them.
// 2. The example reports (examples/reports.jsonl) through the whole pipeline: the CSV and the
//    GeoJSON are parsed back and compared field by field with the JSON Lines records of the
//    same run (the output contract), with the ACLED conventions re-derived here; the GeoJSON
//    is checked against RFC 7946's rules. Needs the gazetteer index; skipped without.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "doc/reader.h"
#include "geo/gazetteer.h"
#include "io/acled.h"
#include "io/csv.h"
#include "io/event_table.h"
#include "io/geojson.h"
#include "io/jsonl.h"
#include "io/runner.h"
#include "sitrep/pipeline.h"

namespace sitrep::io {
namespace {

namespace fs = std::filesystem;
using simdjson::dom::element;

std::string GoldenDir() { return std::string(SITREP_SOURCE_DIR) + "/tests/io/golden"; }

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class StringSink final : public Sink {
 public:
  bool Write(std::string_view bytes) override {
    out.append(bytes);
    return true;
  }
  std::string out;
};

class FakeNames final : public PlaceNames {
 public:
  std::string Country(std::string_view cc) const override {
    return cc == "ML" ? "Mali" : cc == "CI" ? "Côte d'Ivoire" : "";
  }
  std::string Admin1(std::string_view c) const override { return c == "ML.04" ? "Mopti" : ""; }
  std::string Admin2(std::string_view c) const override { return c == "CI.80.8" ? "Tonkpi" : ""; }
};

size_t Column(std::string_view name) {
  const auto& cols = EventColumns();
  for (size_t i = 0; i < cols.size(); ++i)
    if (cols[i] == name) return i;
  ADD_FAILURE() << "no column " << name;
  return 0;
}

// ---------------------------------------------------------------------------------------
// RFC 7946 checks of a parsed GeoJSON text. Returns the features.
std::vector<element> CheckGeoJson(element root, std::string* why) {
  std::vector<element> features;
  auto fail = [&](const std::string& w) {
    if (why->empty()) *why = w;
  };
  std::string_view type;
  if (root["type"].get(type) != simdjson::SUCCESS || type != "FeatureCollection")
    fail("root type is not FeatureCollection");
  if (root["crs"].error() != simdjson::NO_SUCH_FIELD) fail("RFC 7946 removed the crs member");
  simdjson::dom::array arr;
  if (root["features"].get(arr) != simdjson::SUCCESS) {
    fail("no features array");
    return features;
  }
  double w = 180, s = 90, e = -180, n = -90;
  for (element f : arr) {
    features.push_back(f);
    std::string_view ft, gt;
    if (f["type"].get(ft) != simdjson::SUCCESS || ft != "Feature") fail("feature type");
    element id = f["id"];
    if (!(id.is_string() || id.is_number())) fail("feature id must be a string or number");
    element g = f["geometry"];
    if (g["type"].get(gt) != simdjson::SUCCESS || gt != "Point") fail("geometry is not a Point");
    simdjson::dom::array c;
    if (g["coordinates"].get(c) != simdjson::SUCCESS || c.size() != 2) {
      fail("a Point needs [longitude, latitude]");
      continue;
    }
    double lon = 0, lat = 0;
    if (c.at(0).get(lon) != simdjson::SUCCESS || c.at(1).get(lat) != simdjson::SUCCESS)
      fail("coordinates must be numbers");
    if (!(lon >= -180 && lon <= 180)) fail("longitude out of range");
    if (!(lat >= -90 && lat <= 90)) fail("latitude out of range");
    w = std::min(w, lon), e = std::max(e, lon), s = std::min(s, lat), n = std::max(n, lat);
    element props = f["properties"];
    if (!(props.is_object() || props.is_null())) fail("properties must be an object or null");
  }
  simdjson::dom::array bbox;
  if (root["bbox"].get(bbox) == simdjson::SUCCESS) {
    if (bbox.size() != 4) {
      fail("bbox needs 4 numbers in 2D");
    } else {
      double b[4];
      for (size_t i = 0; i < 4; ++i) {
        if (bbox.at(i).get(b[i]) != simdjson::SUCCESS) fail("bbox values must be numbers");
      }
      if (!(b[0] <= w + 1e-9 && b[1] <= s + 1e-9 && b[2] >= e - 1e-9 && b[3] >= n - 1e-9))
        fail("bbox does not contain every point");
      if (!(b[1] <= b[3])) fail("bbox south above north");
    }
  } else if (!features.empty()) {
    fail("no bbox");
  }
  return features;
}

// A GeoJSON property equals its CSV cell: null for "", the same number, the same text.
bool SameCell(const std::string& csv, element v, std::string* got) {
  if (v.is_null()) {
    *got = "null";
    return csv.empty();
  }
  std::string_view s;
  if (v.get(s) == simdjson::SUCCESS) {
    *got = std::string(s);
    return !csv.empty() && csv == s;
  }
  double d = 0;
  if (v.get(d) == simdjson::SUCCESS) {
    *got = std::to_string(d);
    return !csv.empty() && std::fabs(std::strtod(csv.c_str(), nullptr) - d) < 1e-9;
  }
  *got = "?";
  return false;
}

void ExpectFeaturesMatchCsv(const std::vector<element>& features,
                            const std::vector<std::vector<std::string>>& csv_rows) {
  const auto& cols = EventColumns();
  std::map<std::string, const std::vector<std::string>*> by_id;
  for (size_t i = 1; i < csv_rows.size(); ++i) by_id[csv_rows[i][0]] = &csv_rows[i];
  for (element f : features) {
    std::string_view id = f["id"].get_string();
    auto it = by_id.find(std::string(id));
    ASSERT_NE(it, by_id.end()) << id;
    const auto& row = *it->second;
    simdjson::dom::object props = f["properties"].get_object();
    // The same columns, in the same order.
    size_t i = 0;
    for (auto [key, value] : props) {
      ASSERT_LT(i, cols.size());
      EXPECT_EQ(key, cols[i]) << id;
      std::string got;
      EXPECT_TRUE(SameCell(row[i], value, &got))
          << id << " " << key << ": csv \"" << row[i] << "\", geojson " << got;
      ++i;
    }
    EXPECT_EQ(i, cols.size()) << id;
    // [longitude, latitude], the CSV's longitude and latitude.
    simdjson::dom::array c = f["geometry"]["coordinates"].get_array();
    EXPECT_NEAR(double(c.at(0)), std::strtod(row[Column("longitude")].c_str(), nullptr), 1e-9) << id;
    EXPECT_NEAR(double(c.at(1)), std::strtod(row[Column("latitude")].c_str(), nullptr), 1e-9) << id;
  }
}

// ---------------------------------------------------------------------------------------
// 1. The fixture.

struct Fixture {
  std::vector<Document> docs;
  std::vector<DocResult> results;
};

Fixture MakeFixture() {
  Fixture f;
  Document d;
  d.id = "mali";
  d.source = "Example Wire, Bamako";
  d.text = "unused";
  DocResult r;
  Event e;
  e.doc = "mali";
  e.id = "mali#1";
  e.type = "Battles";
  e.subtype = "Armed clash";
  e.actor1 = ActorRef{10, 16, "gunmen", "Unidentified Armed Group (Mali)", "political militia", "ML", 3};
  e.actor2 = ActorRef{30, 38, "soldiers", "Military Forces of Mali", "state forces", "ML", 1};
  Where w;
  w.place = Toponym{};
  w.place.start = 50, w.place.end = 58, w.place.text = "Douentza", w.place.geonameid = 2458334;
  w.place.name = "Douentza", w.place.has_coords = true, w.place.lat = 15.00155, w.place.lon = -2.94978;
  w.place.country = "ML", w.place.admin1 = "ML.04";
  w.precision = "city";
  e.where = w;
  When t;
  t.start = 60, t.end = 70, t.text = "on Tuesday", t.date = "2023-05-16", t.precision = "day";
  e.when = t;
  e.source = "the army";
  e.modality = "claimed";
  e.fatalities = 12;
  e.evidence_start = 0, e.evidence_end = 90;
  e.evidence = "Gunmen \"attacked\" a post, killing 12;\r\nthe army said";
  e.trigger = "attacked", e.trigger_start = 7, e.trigger_end = 15;
  e.confidence = 0.9;
  r.events.push_back(e);
  // No place: not in the GeoJSON.
  Event u = e;
  u.id = "mali#2";
  u.type = "Riots";
  u.subtype = "Mob violence";
  u.where.reset();
  u.where_reason = "no place in the sentence";
  u.actor2.reset();
  u.actor1->inter = 5;
  u.fatalities.reset();
  u.when->date = "2023-W20";
  u.when->precision = "week";
  r.events.push_back(u);
  f.docs.push_back(d);
  f.results.push_back(r);
  // A second document: an accented place at admin2 level, a month.
  Document d2;
  d2.id = "man";
  d2.text = "unused";
  DocResult r2;
  Event m;
  m.doc = "man";
  m.id = "man#1";
  m.type = "Protests";
  m.subtype = "Excessive force against protesters";
  m.actor1 = ActorRef{0, 10, "protesters", "Protesters (Côte d'Ivoire)", "protesters", "CI", 6};
  m.actor2 = ActorRef{20, 26, "police", "Police Forces of Côte d'Ivoire", "state forces", "CI", 1};
  Where w2;
  w2.place.text = "Tonkpi", w2.place.name = "Tonkpi", w2.place.has_coords = true;
  w2.place.lat = 7.41667, w2.place.lon = -7.58333, w2.place.country = "CI";
  w2.place.admin2 = "CI.80.8";
  w2.precision = "admin2";
  m.where = w2;
  When mo;
  mo.text = "in May", mo.date = "2024-05", mo.end_date = "2024-05-31", mo.precision = "month";
  m.when = mo;
  m.fatalities = 0;
  m.evidence = "Police fired on protesters in Man in May, killing none.";
  m.confidence = 0.75;
  r2.events.push_back(m);
  f.docs.push_back(d2);
  f.results.push_back(r2);
  return f;
}

std::string Render(OutputFormat& fmt, const Fixture& f) {
  std::string out;
  fmt.Begin(&out);
  RunStats st;
  for (size_t i = 0; i < f.docs.size(); ++i) {
    std::string chunk;
    st.records += fmt.Format(f.docs[i], f.results[i], &chunk);
    fmt.Emit(&chunk);
    out += chunk;
    ++st.documents;
  }
  fmt.End(st, &out);
  return out;
}

void CompareGolden(const std::string& name, const std::string& got) {
  std::string path = GoldenDir() + "/" + name;
  if (const char* u = std::getenv("SITREP_UPDATE_GOLDEN"); u && *u == '1') {
    std::ofstream(path, std::ios::binary) << got;
  }
  std::string want = ReadFile(path);
  ASSERT_FALSE(want.empty()) << path << " missing (SITREP_UPDATE_GOLDEN=1 writes it)";
  EXPECT_EQ(got, want) << "differs from " << path << " (SITREP_UPDATE_GOLDEN=1 rewrites it)";
}

TEST(OutputsGolden, FixtureCsv) {
  FakeNames names;
  CsvFormat csv(&names);
  std::string got = Render(csv, MakeFixture());
  CompareGolden("fixture.csv", got);
  auto rows = ParseCsv(got);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1][Column("notes")], "Gunmen \"attacked\" a post, killing 12;\r\nthe army said");
  EXPECT_EQ(rows[1][Column("source")], "Example Wire, Bamako; the army");
  EXPECT_EQ(rows[2][Column("disorder_type")], "Political violence");  // mob violence
  EXPECT_EQ(rows[2][Column("event_date")], "2023-05-15");             // Monday of week 20
  EXPECT_EQ(rows[2][Column("last_date")], "2023-05-21");
  EXPECT_EQ(rows[2][Column("time_precision")], "2");
  EXPECT_EQ(rows[2][Column("interaction")], "50");
  EXPECT_EQ(rows[3][Column("disorder_type")], "Political violence; Demonstrations");
  EXPECT_EQ(rows[3][Column("country")], "Côte d'Ivoire");
  EXPECT_EQ(rows[3][Column("iso")], "384");
  EXPECT_EQ(rows[3][Column("admin2")], "Tonkpi");
  EXPECT_EQ(rows[3][Column("geo_precision")], "2");
  EXPECT_EQ(rows[3][Column("time_precision")], "3");
  EXPECT_EQ(rows[3][Column("event_date")], "2024-05-01");
  EXPECT_EQ(rows[3][Column("fatalities")], "0");  // zero stated, not unknown
  EXPECT_EQ(rows[3][Column("interaction")], "16");
}

TEST(OutputsGolden, FixtureGeojson) {
  FakeNames names;
  GeoJsonFormat geo(&names);
  std::string got = Render(geo, MakeFixture());
  CompareGolden("fixture.geojson", got);
  simdjson::dom::parser parser;
  element root;
  ASSERT_EQ(parser.parse(got).get(root), simdjson::SUCCESS);
  std::string why;
  auto features = CheckGeoJson(root, &why);
  EXPECT_EQ(why, "");
  ASSERT_EQ(features.size(), 2u);  // mali#2 has no place
  EXPECT_EQ(int64_t(root["sitrep"]["left_out"]), 1);
  EXPECT_EQ(int64_t(root["sitrep"]["events"]), 3);
  CsvFormat csv(&names);
  ExpectFeaturesMatchCsv(features, ParseCsv(Render(csv, MakeFixture())));
}

// ---------------------------------------------------------------------------------------
// 2. The example reports through the pipeline.

class ExampleReports : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(SITREP_INDEX_FOR_TESTS)) GTEST_SKIP() << "no gazetteer index at " << SITREP_INDEX_FOR_TESTS;
    PipelineOptions o;
    o.index_path = SITREP_INDEX_FOR_TESTS;
    auto p = Pipeline::Open(o);
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    pipeline_ = std::move(p).value();
    auto g = geo::Gazetteer::Open(SITREP_INDEX_FOR_TESTS);
    ASSERT_TRUE(g.ok());
    gazetteer_ = std::move(g).value();
    names_ = std::make_unique<GazetteerNames>(gazetteer_.get());
    // The documents' own fields (publisher), from the input.
    simdjson::dom::parser parser;
    std::ifstream in(Input());
    for (std::string line; std::getline(in, line);) {
      if (line.empty()) continue;
      element d;
      ASSERT_EQ(parser.parse(line).get(d), simdjson::SUCCESS);
      std::string_view id, source;
      ASSERT_EQ(d["id"].get(id), simdjson::SUCCESS);
      if (d["source"].get(source) != simdjson::SUCCESS) source = "";
      publisher_[std::string(id)] = std::string(source);
    }
  }

  static std::string Input() { return std::string(SITREP_SOURCE_DIR) + "/examples/reports.jsonl"; }

  std::string RunFormat(OutputFormat& fmt) {
    ReadOptions ro;
    auto stream = DocumentStream::Open({Input()}, ro);
    EXPECT_TRUE(stream.ok());
    StringSink sink;
    RunOptions opts;
    opts.jobs = 2;
    opts.quiet = true;
    opts.batch_documents = 1;  // several batches: the header must still come once
    RunStats st = io::Run(**stream, *pipeline_, fmt, &sink, opts, nullptr);
    EXPECT_EQ(st.failed, 0u);
    EXPECT_EQ(st.documents, publisher_.size());
    return sink.out;
  }

  std::unique_ptr<Pipeline> pipeline_;
  std::unique_ptr<geo::Gazetteer> gazetteer_;
  std::unique_ptr<GazetteerNames> names_;
  std::map<std::string, std::string> publisher_;
};

std::string Str(element v) {
  if (v.is_null()) return "";
  std::string_view s;
  if (v.get(s) == simdjson::SUCCESS) return std::string(s);
  int64_t i;
  if (v.get(i) == simdjson::SUCCESS) return std::to_string(i);
  double d;
  if (v.get(d) == simdjson::SUCCESS) {
    std::ostringstream o;
    o.precision(17);
    o << d;
    return o.str();
  }
  return "?";
}

// The value of a path in a record, "" for null or missing ("where.lat").
std::string At(element rec, std::string_view path) {
  element cur = rec;
  size_t i = 0;
  while (i <= path.size()) {
    size_t dot = path.find('.', i);
    std::string_view key = path.substr(i, dot == std::string_view::npos ? std::string_view::npos : dot - i);
    if (cur.is_null()) return "";
    element next;
    if (cur[key].get(next) != simdjson::SUCCESS) return "";
    cur = next;
    if (dot == std::string_view::npos) break;
    i = dot + 1;
  }
  return Str(cur);
}

bool SameNumber(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return a == b;
  return std::fabs(std::strtod(a.c_str(), nullptr) - std::strtod(b.c_str(), nullptr)) < 1e-9;
}

// The CSV cells the output contract's record implies, derived independently of event_table.cc.
std::map<std::string, std::string> Expected(element j, const std::string& publisher,
                                            const geo::Gazetteer& g) {
  std::map<std::string, std::string> x;
  x["event_id_cnty"] = At(j, "id");
  std::string date = At(j, "when.date"), prec = At(j, "when.precision");
  std::string first = date.size() == 10 ? date : date.size() == 7 ? date + "-01" : date.size() == 4 ? date + "-01-01" : "";
  std::string last = At(j, "when.end_date").empty() ? first : At(j, "when.end_date");
  x["event_date"] = first;
  x["year"] = first.substr(0, first.empty() ? 0 : 4);
  if (first.empty()) {
    x["time_precision"] = "";
  } else if (prec == "day") {
    x["time_precision"] = "1";
  } else if (prec == "week") {
    x["time_precision"] = "2";
  } else if (prec == "month" || prec == "year") {
    x["time_precision"] = "3";
  } else {  // a range: by its length
    auto day = [](const std::string& s) {
      std::tm t{};
      t.tm_year = std::stoi(s.substr(0, 4)) - 1900, t.tm_mon = std::stoi(s.substr(5, 2)) - 1;
      t.tm_mday = std::stoi(s.substr(8, 2));
      return static_cast<long>(timegm(&t) / 86400);
    };
    long n = day(last) - day(first) + 1;
    x["time_precision"] = n <= 1 ? "1" : n <= 7 ? "2" : "3";
  }
  std::string type = At(j, "type"), sub = At(j, "subtype");
  static const std::map<std::string, std::string> kDisorder = {
      {"Battles", "Political violence"}, {"Explosions/Remote violence", "Political violence"},
      {"Violence against civilians", "Political violence"}, {"Protests", "Demonstrations"},
      {"Riots", "Demonstrations"}, {"Strategic developments", "Strategic developments"}};
  x["disorder_type"] = sub == "Excessive force against protesters" ? "Political violence; Demonstrations"
                       : sub == "Mob violence"                     ? "Political violence"
                                                                   : kDisorder.at(type);
  x["event_type"] = type;
  x["sub_event_type"] = sub;
  x["actor1"] = At(j, "actor1.name");
  x["inter1"] = At(j, "actor1.inter");
  x["actor2"] = At(j, "actor2.name");
  x["inter2"] = At(j, "actor2.inter");
  std::string i1 = x["inter1"], i2 = x["inter2"];
  bool has2 = !At(j, "actor2.name").empty() || !At(j, "actor2.text").empty();
  if (i1.empty() || (has2 && i2.empty())) {
    x["interaction"] = "";
  } else if (!has2) {
    x["interaction"] = i1 + "0";
  } else {
    x["interaction"] = std::min(i1, i2) + std::max(i1, i2);  // single digits
  }
  std::string cc = At(j, "where.country");
  x["country"] = cc.empty() ? "" : std::string(g.CountryName(cc));
  int iso = IsoNumeric(cc);
  x["iso"] = iso ? std::to_string(iso) : "";
  x["admin1"] = At(j, "where.admin1").empty() ? "" : std::string(g.Admin1Name(At(j, "where.admin1")));
  x["admin2"] = At(j, "where.admin2").empty() ? "" : std::string(g.Admin2Name(At(j, "where.admin2")));
  x["location"] = At(j, "where.name");
  x["latitude"] = At(j, "where.lat");
  x["longitude"] = At(j, "where.lon");
  static const std::map<std::string, std::string> kGeo = {
      {"city", "1"}, {"admin2", "2"}, {"admin1", "3"}, {"country", "3"}, {"", ""}};
  x["geo_precision"] = kGeo.at(At(j, "where.precision"));
  std::string src = At(j, "source");
  x["source"] = src.empty() || src == publisher ? publisher : publisher.empty() ? src : publisher + "; " + src;
  x["notes"] = At(j, "evidence.text");
  x["fatalities"] = At(j, "fatalities");
  x["doc"] = At(j, "doc");
  x["modality"] = At(j, "modality");
  x["confidence"] = At(j, "confidence");
  x["evidence_start"] = At(j, "evidence.start");
  x["evidence_end"] = At(j, "evidence.end");
  x["trigger"] = At(j, "trigger.text");
  x["trigger_start"] = At(j, "trigger.start");
  x["trigger_end"] = At(j, "trigger.end");
  x["date_precision"] = prec;
  x["last_date"] = first.empty() ? "" : last;
  x["date_text"] = At(j, "when.text");
  x["date_text_start"] = At(j, "when.start");
  x["date_text_end"] = At(j, "when.end");
  x["date_basis"] = At(j, "when.basis");
  x["place_text"] = At(j, "where.text");
  x["place_text_start"] = At(j, "where.start");
  x["place_text_end"] = At(j, "where.end");
  x["place_precision"] = At(j, "where.precision");
  x["geonameid"] = At(j, "where.geonameid");
  x["country_code"] = cc;
  x["admin1_code"] = At(j, "where.admin1");
  x["admin2_code"] = At(j, "where.admin2");
  for (const char* a : {"actor1", "actor2"}) {
    std::string k(a);
    x[k + "_text"] = At(j, k + ".text");
    x[k + "_kind"] = At(j, k + ".kind");
    x[k + "_text_start"] = At(j, k + ".start");
    x[k + "_text_end"] = At(j, k + ".end");
  }
  x["attribution"] = src;
  x["publisher"] = publisher;
  x["cameo"] = At(j, "cameo");
  x["where_reason"] = At(j, "where_reason");
  x["when_reason"] = At(j, "when_reason");
  return x;
}

TEST_F(ExampleReports, CsvMatchesTheJsonLinesFieldByField) {
  FunctionFormat jsonl_fmt([](const Document&, const DocResult& r, std::string* out) {
    AppendEventsJsonl(r, out);
    return r.events.size();
  });
  std::string jsonl = RunFormat(jsonl_fmt);
  CsvFormat csv_fmt(names_.get());
  std::string csv = RunFormat(csv_fmt);

  auto rows = ParseCsv(csv);
  const auto& cols = EventColumns();
  ASSERT_GE(rows.size(), 2u);
  ASSERT_EQ(rows[0].size(), cols.size());
  for (size_t i = 0; i < cols.size(); ++i) EXPECT_EQ(rows[0][i], cols[i]);
  for (size_t r = 1; r < rows.size(); ++r) {
    EXPECT_NE(rows[r], rows[0]) << "a second header row at " << r;
    EXPECT_EQ(rows[r].size(), cols.size()) << "row " << r;
  }
  EXPECT_EQ(csv.find("\n\n"), std::string::npos);
  EXPECT_EQ(csv.substr(csv.size() - 2), "\r\n");

  simdjson::dom::parser parser;
  std::istringstream lines(jsonl);
  size_t r = 0, located = 0, compared = 0;
  for (std::string line; std::getline(lines, line); ++r) {
    element j;
    ASSERT_EQ(parser.parse(line).get(j), simdjson::SUCCESS);
    ASSERT_LT(r + 1, rows.size()) << "fewer CSV rows than events";
    const auto& row = rows[r + 1];
    std::string doc = At(j, "doc");
    auto x = Expected(j, publisher_[doc], *gazetteer_);
    ASSERT_EQ(x.size(), cols.size()) << "the test derives every column";
    for (size_t c = 0; c < cols.size(); ++c) {
      std::string col(cols[c]);
      ASSERT_TRUE(x.count(col)) << col;
      bool numeric = col == "latitude" || col == "longitude" || col == "confidence";
      bool same = numeric ? SameNumber(row[c], x[col]) : row[c] == x[col];
      EXPECT_TRUE(same) << At(j, "id") << " " << col << ": csv \"" << row[c] << "\", want \"" << x[col] << "\"";
      ++compared;
    }
    if (!At(j, "where.lat").empty()) ++located;
  }
  EXPECT_EQ(r + 1, rows.size()) << "a row per event";
  EXPECT_GE(r, 5u) << "the examples should give events";
  EXPECT_GE(located, 3u);
  std::cout << "[ csv      ] " << r << " events, " << compared << " fields compared\n";
}

TEST_F(ExampleReports, GeojsonIsValidAndMatchesTheCsv) {
  FunctionFormat jsonl_fmt([](const Document&, const DocResult& r, std::string* out) {
    AppendEventsJsonl(r, out);
    return r.events.size();
  });
  std::string jsonl = RunFormat(jsonl_fmt);
  GeoJsonFormat geo_fmt(names_.get());
  std::string geojson = RunFormat(geo_fmt);
  CsvFormat csv_fmt(names_.get());
  auto rows = ParseCsv(RunFormat(csv_fmt));

  simdjson::dom::parser parser;
  element root;
  ASSERT_EQ(parser.parse(geojson).get(root), simdjson::SUCCESS) << geojson.substr(0, 200);
  std::string why;
  auto features = CheckGeoJson(root, &why);
  EXPECT_EQ(why, "");

  // One feature per located event, in order, [lon, lat] the record's.
  simdjson::dom::parser lp;
  std::istringstream lines(jsonl);
  size_t k = 0, events = 0;
  for (std::string line; std::getline(lines, line); ++events) {
    element j;
    ASSERT_EQ(lp.parse(line).get(j), simdjson::SUCCESS);
    if (At(j, "where.lat").empty()) continue;
    ASSERT_LT(k, features.size());
    element f = features[k++];
    EXPECT_EQ(std::string_view(f["id"].get_string()), At(j, "id"));
    simdjson::dom::array c = f["geometry"]["coordinates"].get_array();
    EXPECT_TRUE(SameNumber(Str(c.at(0)), At(j, "where.lon"))) << At(j, "id") << " longitude first";
    EXPECT_TRUE(SameNumber(Str(c.at(1)), At(j, "where.lat"))) << At(j, "id");
  }
  EXPECT_EQ(k, features.size());
  EXPECT_EQ(int64_t(root["sitrep"]["events"]), static_cast<int64_t>(events));
  EXPECT_EQ(int64_t(root["sitrep"]["located"]), static_cast<int64_t>(features.size()));
  EXPECT_EQ(int64_t(root["sitrep"]["left_out"]), static_cast<int64_t>(events - features.size()));
  ExpectFeaturesMatchCsv(features, rows);
  std::cout << "[ geojson  ] " << features.size() << " features of " << events << " events\n";
}

}  // namespace
}  // namespace sitrep::io
