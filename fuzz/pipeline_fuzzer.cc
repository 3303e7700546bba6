// Fuzz target: the whole pipeline on one document (text, places, times, actors, events) and
// the three JSON Lines outputs. The gazetteer is $SITREP_FUZZ_INDEX when set (the real
// index: build-X/gazetteer.idx), else the small fixture index of src/geo/testdata, built once
// at start-up. The first byte picks the publication date (none, or one of a few).
// Invariants: Process succeeds; every span it reports lies inside the text on character
// boundaries and its text is those bytes; every output line is valid JSON.
#include <simdjson.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "doc/reader.h"
#include "fuzz/fuzz_util.h"
#include "geo/gazetteer.h"
#include "io/jsonl.h"
#include "pipeline/workspace.h"
#include "sitrep/pipeline.h"

#ifndef SITREP_SOURCE_DIR
#define SITREP_SOURCE_DIR "."
#endif

namespace {

using sitrep::fuzz::SpanIs;

std::unique_ptr<sitrep::Pipeline> g_pipeline;
std::unique_ptr<sitrep::Workspace> g_workspace;

std::string FixtureIndex() {
  const std::string dir = std::string(SITREP_SOURCE_DIR) + "/src/geo/testdata";
  sitrep::geo::BuildInputs in;
  in.cities500 = dir + "/cities500.txt";
  in.admin1 = dir + "/admin1.json";
  in.admin2 = dir + "/admin2.json";
  in.countries = dir + "/countries.json";
  in.aliases = dir + "/aliases.tsv";
  in.words_dir = std::string(SITREP_SOURCE_DIR) + "/data";
  const char* tmp = std::getenv("TMPDIR");
  in.output = std::string(tmp && *tmp ? tmp : "/tmp") + "/sitrep_fuzz_fixture." +
              std::to_string(::getpid()) + ".idx";
  std::string log;
  sitrep::Status st = sitrep::geo::Gazetteer::Build(in, &log);
  if (!st.ok()) {
    std::fprintf(stderr, "fixture index: %s\n", st.ToString().c_str());
    std::abort();
  }
  return in.output;
}

void CheckJson(const std::string& out) {
  thread_local simdjson::dom::parser parser;
  for (size_t b = 0; b < out.size();) {
    size_t e = out.find('\n', b);
    FUZZ_CHECK(e != std::string::npos);  // every record ends its line
    simdjson::dom::element el;
    auto err = parser.parse(out.data() + b, e - b).get(el);
    if (err) std::fprintf(stderr, "bad JSON line: %.*s\n", static_cast<int>(e - b), out.data() + b);
    FUZZ_CHECK(!err);
    b = e + 1;
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  sitrep::PipelineOptions o;
  const char* idx = std::getenv("SITREP_FUZZ_INDEX");
  std::string fixture;
  if (idx && *idx) {
    o.index_path = idx;
  } else {
    fixture = FixtureIndex();
    o.index_path = fixture;
  }
  o.data_dir = std::string(SITREP_SOURCE_DIR) + "/data";
  auto p = sitrep::Pipeline::Open(o);
  if (!p.ok()) {
    std::fprintf(stderr, "pipeline: %s\n", p.status().ToString().c_str());
    std::abort();
  }
  g_pipeline = std::move(p).value();
  g_workspace = g_pipeline->NewWorkspace();
  if (!fixture.empty()) ::unlink(fixture.c_str());  // mapped: stays readable until exit
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* kDates[] = {"", "2021-08-08", "2020-02-29", "0001-01-01", "9999-12-31"};
  sitrep::Document doc;
  doc.id = "fuzz";
  doc.published = kDates[data[0] % 5];
  doc.text.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  sitrep::SanitizeText(&doc.text, &doc.warnings);
  sitrep::DocResult r;
  sitrep::Status st = g_pipeline->Process(doc, g_workspace.get(), &r);
  if (!st.ok()) std::fprintf(stderr, "%s\n", st.ToString().c_str());
  FUZZ_CHECK(st.ok());
  const std::string& t = doc.text;
  for (const auto& p : r.toponyms) FUZZ_CHECK(SpanIs(t, p.start, p.end, p.text));
  for (const auto& c : r.claims) FUZZ_CHECK(SpanIs(t, c.start, c.end, c.text));
  for (const auto& x : r.timex) FUZZ_CHECK(SpanIs(t, x.start, x.end, x.text));
  for (const auto& e : r.events) {
    FUZZ_CHECK(SpanIs(t, e.evidence_start, e.evidence_end, e.evidence));
    FUZZ_CHECK(SpanIs(t, e.trigger_start, e.trigger_end, e.trigger));
    if (e.actor1) FUZZ_CHECK(SpanIs(t, e.actor1->start, e.actor1->end, e.actor1->text));
    if (e.actor2) FUZZ_CHECK(SpanIs(t, e.actor2->start, e.actor2->end, e.actor2->text));
    if (e.where) FUZZ_CHECK(SpanIs(t, e.where->place.start, e.where->place.end, e.where->place.text));
    if (e.when) FUZZ_CHECK(SpanIs(t, e.when->start, e.when->end, e.when->text));
    if (e.fatalities) FUZZ_CHECK(*e.fatalities >= 0);
    FUZZ_CHECK(e.confidence >= 0 && e.confidence <= 1);
  }
  std::string out;
  sitrep::io::AppendEventsJsonl(r, &out);
  sitrep::io::AppendPlacesJsonl(r, &out);
  sitrep::io::AppendTimesJsonl(r, &out);
  CheckJson(out);
  return 0;
}
