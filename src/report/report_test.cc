// The report's page on hand-made documents: UTF-16 offsets, escaping inside <script>, the
// embedded libraries, and the data the page reads (parsed back).
#include "report/report.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <string>

#include "report/assets.h"

namespace sitrep::report {
namespace {

class NoNames final : public io::PlaceNames {
 public:
  std::string Country(std::string_view cc) const override { return cc == "UA" ? "Ukraine" : ""; }
  std::string Admin1(std::string_view) const override { return ""; }
  std::string Admin2(std::string_view) const override { return ""; }
};

TEST(Report, Utf16Offsets) {
  // "Ménaka" (é: 2 bytes, 1 unit), "–" (3 bytes, 1 unit), "😀" (4 bytes, 2 units).
  std::string text = "M\xC3\xA9naka \xE2\x80\x93 \xF0\x9F\x98\x80 x";
  Utf16Offsets u(text);
  EXPECT_EQ(u(0), 0u);
  EXPECT_EQ(u(1), 1u);
  EXPECT_EQ(u(3), 2u);   // after é
  EXPECT_EQ(u(7), 6u);   // "Ménaka"
  EXPECT_EQ(u(8), 7u);   // the dash
  EXPECT_EQ(u(11), 8u);  // after the dash
  EXPECT_EQ(u(12), 9u);  // the emoji
  EXPECT_EQ(u(16), 11u);
  EXPECT_EQ(u(static_cast<uint32_t>(text.size())), 13u);
  EXPECT_EQ(u(1000), 13u);  // past the end: the end
}

TEST(Report, ScriptJsonStringsHideMarkup) {
  std::string out;
  AppendScriptJsonString("a </script><!-- b", &out);
  EXPECT_EQ(out.find('<'), std::string::npos);
  EXPECT_EQ(out, "\"a \\u003c/script>\\u003c!-- b\"");
}

TEST(Report, EmbeddedFilesAreSafeInScriptElements) {
  const Assets& a = GetAssets();
  EXPECT_NE(a.page.find("@DATA@"), std::string_view::npos);
  EXPECT_NE(a.app.find("sitrep-data"), std::string_view::npos);
  EXPECT_FALSE(a.style.empty());
  if (!a.libraries) GTEST_SKIP() << "built without third_party/npm";
  EXPECT_NE(a.d3_geo.find("geoMercator"), std::string_view::npos);
  EXPECT_NE(a.topojson.find("feature"), std::string_view::npos);
  EXPECT_NE(a.world.find("\"Topology\""), std::string_view::npos);
  for (std::string_view lib : {a.d3_array, a.d3_geo, a.topojson, a.app}) {
    EXPECT_EQ(lib.find("</script"), std::string_view::npos);
    EXPECT_EQ(lib.find("<!--"), std::string_view::npos);
  }
}

std::string DataOf(const std::string& html) {
  std::string open = "<script type=\"application/json\" id=\"sitrep-data\">";
  size_t b = html.find(open);
  if (b == std::string::npos) return {};
  b += open.size();
  size_t e = html.find("</script>", b);
  return html.substr(b, e - b);
}

TEST(Report, PageHoldsEachDocumentOnceWithUtf16Offsets) {
  if (!AssetsAvailable()) GTEST_SKIP() << "built without third_party/npm";
  NoNames names;
  ReportOptions o;
  o.title = "Test <report>";
  o.generator = "sitrep test";
  ReportFormat f(&names, o);
  std::string html;
  f.Begin(&html);
  Document d;
  d.id = "kyiv";
  d.title = "Strike on Kyiv";
  d.text = "Kyiv \xE2\x80\x93 A drone hit K\xC3\xAF\x79iv on Sunday. </script> x";
  DocResult r;
  Event e;
  e.id = "kyiv#1";
  e.type = "Explosions/Remote violence";
  e.subtype = "Air/drone strike";
  e.evidence_start = 9;   // "A drone ..." starts after "Kyiv – " (4 + 1 + 3 + 1 bytes)
  e.evidence_end = 38;
  Where w;
  w.place.start = 21;
  w.place.end = 27;  // "Kïyiv": 6 bytes, 5 units
  w.place.name = "Kyiv";
  w.place.text = "K\xC3\xAF\x79iv";
  w.place.has_coords = true;
  w.place.lat = 50.45466;
  w.place.lon = 30.5238;
  w.place.country = "UA";
  w.precision = "city";
  e.where = w;
  r.events.push_back(e);
  Document empty;
  empty.id = "nothing";
  empty.text = "No events here.";
  for (const Document* doc : {&d, &empty}) {
    std::string chunk;
    f.Format(*doc, doc == &d ? r : DocResult(), &chunk);
    f.Emit(&chunk);
    html += chunk;
  }
  io::RunStats st;
  st.documents = 2;
  st.records = 1;
  f.End(st, &html);

  EXPECT_NE(html.find("<title>Test &lt;report&gt;</title>"), std::string::npos);
  EXPECT_EQ(html.find("@"
                      "DATA@"),
            std::string::npos);
  EXPECT_EQ(html.find("@SCRIPTS@"), std::string::npos);
  EXPECT_EQ(html.find("</script> x"), std::string::npos) << "document text must not close the script";

  std::string data = DataOf(html);
  ASSERT_FALSE(data.empty());
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  ASSERT_EQ(parser.parse(data).get(root), simdjson::SUCCESS) << data.substr(0, 300);
  simdjson::dom::array docs = root["docs"].get_array();
  ASSERT_EQ(docs.size(), 2u);
  auto first = docs.at(0);
  EXPECT_EQ(std::string_view(first["id"].get_string()), "kyiv");
  EXPECT_EQ(std::string_view(first["text"].get_string()), d.text);  // "<" comes back
  EXPECT_TRUE(docs.at(1)["text"].error() == simdjson::NO_SUCH_FIELD) << "no text without events";
  auto ev = first["events"].get_array().at(0);
  // UTF-16: the dash is one unit, so "A drone" starts at unit 7, not byte 9.
  EXPECT_EQ(int64_t(ev["evidence"].get_array().at(0)), 7);
  EXPECT_EQ(int64_t(ev["where"]["span"].get_array().at(0)), 19);
  EXPECT_EQ(int64_t(ev["where"]["span"].get_array().at(1)), 24);
  EXPECT_EQ(int64_t(ev["where"]["iso"]), 804);
  EXPECT_EQ(std::string_view(ev["where"]["country"].get_string()), "Ukraine");
  EXPECT_EQ(int64_t(root["run"]["documents"]), 2);
}

}  // namespace
}  // namespace sitrep::report
