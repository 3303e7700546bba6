// Geoparser benchmarks on the real gazetteer index ($SITREP_INDEX, else build-geo/ or build/
// gazetteer.idx in the source tree; run `sitrep index build` first).
//
//   GeoIndexOpen      Gazetteer::Open: map and validate the whole file (checksum included).
//   GeoPlaces         what `sitrep places` does per document: text::Analyze + Geoparser::Parse,
//                     over a generated news-like corpus (our own templates: wire-style reports
//                     with cities, provinces, countries, demonyms, people, distances).
//   GeoPlacesWithOpen the same corpus once per iteration with the index opened inside the
//                     iteration (index open included once, as for one `places` run).
//   GeoPlacesNews     the templates mixed with sentences that name no place, at the density
//                     of toponyms in news (about one per 300 bytes; the dense corpus above
//                     has one per 42 bytes), index open included once per iteration.
//   GeoPlacesFile     a JSON Lines file of real news named by $SITREP_BENCH_CORPUS (its
//                     "text" fields), index open included once; skipped when unset.
//
// Before timing, each benchmark checks answers: the example sentence must give Kunduz
// (1135689), Kabul (1138958) and a plausible 300 km claim, and the corpus must yield the
// toponym count recorded on its first pass; otherwise the benchmark stops with an error.
// Target (issue 3): at least 50 MB/s per core end to end. Single-threaded.
#include <benchmark/benchmark.h>

#include <simdjson.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "geo/gazetteer.h"
#include "geo/geoparser.h"
#include "text/text.h"

namespace sitrep::geo {
namespace {

std::string IndexPath() {
  if (const char* e = std::getenv("SITREP_INDEX"); e && *e) return e;
  for (const char* d : {"/build-geo/gazetteer.idx", "/build/gazetteer.idx"}) {
    std::string p = std::string(SITREP_SOURCE_DIR) + d;
    if (std::filesystem::exists(p)) return p;
  }
  return "";
}

class Rng {
 public:
  explicit Rng(uint64_t s) : s_(s) {}
  size_t Below(size_t n) {
    s_ ^= s_ >> 12;
    s_ ^= s_ << 25;
    s_ ^= s_ >> 27;
    return static_cast<size_t>((s_ * 0x2545F4914F6CDD1Dull) % n);
  }
  template <typename T, size_t N>
  const T& Pick(const T (&a)[N]) { return a[Below(N)]; }

 private:
  uint64_t s_;
};

constexpr const char* kCities[] = {
    "Kunduz", "Sar-e-Pul", "Lashkar Gah", "Kandahar", "Herat", "Mopti", "Gao", "Aden", "Taiz",
    "Kramatorsk", "Bakhmut", "Kharkiv", "Aleppo", "Idlib", "Mogadishu", "Maiduguri", "Goma",
    "Khartoum", "El Fasher", "Peshawar", "Quetta", "Culiacan", "Mandalay", "Cali", "Tripoli",
    "Hyderabad", "Srinagar", "Lagos", "Kidal", "Ouagadougou"};
constexpr const char* kAreas[] = {"Helmand", "Nimroz", "Kunduz", "Donetsk", "Borno", "Sinaloa",
                                  "North Kivu", "Idlib", "Balochistan", "Rakhine", "Hodeidah"};
constexpr const char* kCountries[] = {"Afghanistan", "Mali", "Yemen", "Ukraine", "Syria",
                                      "Somalia", "Nigeria", "Sudan", "Pakistan", "Mexico",
                                      "Myanmar", "Colombia", "India", "Russia", "Iran"};
constexpr const char* kDemonyms[] = {"Afghan", "Malian", "Yemeni", "Ukrainian", "Syrian",
                                     "Somali", "Nigerian", "Sudanese", "Pakistani", "Russian"};
constexpr const char* kPeople[] = {"Abdul Rashid", "Nicole Ferrara", "Mohammad Hussein",
                                   "Gen. Ahmed Ali", "Maria Lopez", "Col. Ivan Petrov"};
constexpr const char* kTemplates[] = {
    "Fighters attacked a checkpoint near %C on Sunday, killing %N soldiers, officials said.",
    "The army said it had retaken %C, %N km north of %C, after two days of clashes.",
    "%D forces shelled villages in %A province, according to residents.",
    "Police in %C arrested %N people after protests spread across %K.",
    "\"We have lost control of the city,\" said %P, a council member from %A.",
    "An air strike hit a market in %C, in northern %K, the ministry said in a statement.",
    "Aid agencies warned that %N families had fled %C for %C since March.",
    "The governor of %A said the road to %C remained closed.",
    "Witnesses said the convoy left %C at dawn and reached %C, %N km further west.",
    "%D officials met their counterparts in %C to discuss the ceasefire.",
};

// Sentences of news that name no place (our own).
constexpr const char* kFiller[] = {
    "The spokesman declined to give further details, saying an investigation was under way.",
    "Officials said the number of casualties could rise as rescue teams continued to search.",
    "The statement did not say how many people had been detained or what charges they faced.",
    "Residents described hearing several loud explosions shortly before dawn on Tuesday.",
    "The group has not commented on the claims, which could not be independently verified.",
    "Prices of fuel and bread have doubled since the start of the year, traders said.",
    "\"We are doing everything we can to protect civilians,\" the commander told reporters.",
    "Talks between the two sides broke down last month after a dispute over prisoners.",
    "Many of those displaced are women and children who are sheltering in schools.",
    "The ministry said it would publish a full report once the inquiry was complete.",
};

// `filler`: sentences that name no place per template sentence.
std::string MakeCorpus(size_t bytes, int filler = 0) {
  Rng rng(42);
  std::string out;
  while (out.size() < bytes) {
    for (int s = 0; s < 8; ++s) {
      for (int f = 0; f < filler; ++f) {
        out += rng.Pick(kFiller);
        out.push_back(' ');
      }
      const char* t = rng.Pick(kTemplates);
      for (const char* p = t; *p; ++p) {
        if (*p != '%') {
          out.push_back(*p);
          continue;
        }
        switch (*++p) {
          case 'C': out += rng.Pick(kCities); break;
          case 'A': out += rng.Pick(kAreas); break;
          case 'K': out += rng.Pick(kCountries); break;
          case 'D': out += rng.Pick(kDemonyms); break;
          case 'P': out += rng.Pick(kPeople); break;
          case 'N': out += std::to_string(10 + rng.Below(400)); break;
        }
      }
      out.push_back(' ');
    }
    out += "\n\n";
  }
  return out;
}

// Documents of about 3 KB, as news reports are.
std::vector<std::string> Documents(size_t total, int filler = 0) {
  std::string all = MakeCorpus(total, filler);
  std::vector<std::string> docs;
  size_t b = 0;
  while (b < all.size()) {
    size_t e = all.find("\n\n", b + 3000);
    if (e == std::string::npos) e = all.size();
    docs.push_back(all.substr(b, e - b));
    b = e;
  }
  return docs;
}

bool CheckExample(const Gazetteer& g, std::string* why) {
  const std::string text =
      "The insurgents took control of Kunduz, 300 km north of Kabul, on Sunday.";
  text::Analysis a;
  text::Analyze(text, &a);
  std::vector<Toponym> t;
  std::vector<Claim> c;
  Geoparser(&g).Parse(a, Document{}, &t, &c);
  bool ok = t.size() == 2 && t[0].geonameid == 1135689 && t[1].geonameid == 1138958 &&
            c.size() == 1 && c[0].verdict == "plausible";
  if (!ok) *why = "the example sentence no longer gives Kunduz, Kabul and a plausible claim";
  return ok;
}

size_t ParseAll(const Gazetteer& g, const std::vector<std::string>& docs, text::Analysis* a) {
  Geoparser gp(&g);
  size_t n = 0;
  std::vector<Toponym> t;
  std::vector<Claim> c;
  for (const auto& d : docs) {
    t.clear();
    c.clear();
    text::Analyze(d, a);
    gp.Parse(*a, Document{}, &t, &c);
    n += t.size();
  }
  return n;
}

void GeoIndexOpen(benchmark::State& state) {
  std::string path = IndexPath();
  if (path.empty()) {
    state.SkipWithError("no gazetteer index: run `sitrep index build` first");
    return;
  }
  for (auto _ : state) {
    auto g = Gazetteer::Open(path);
    if (!g.ok()) {
      state.SkipWithError(g.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(g->get());
  }
}
BENCHMARK(GeoIndexOpen)->Unit(benchmark::kMillisecond);

void GeoPlaces(benchmark::State& state) {
  std::string path = IndexPath();
  auto g = path.empty() ? Result<std::unique_ptr<Gazetteer>>(Status::NotFound("no index"))
                        : Gazetteer::Open(path);
  if (!g.ok()) {
    state.SkipWithError(g.status().ToString().c_str());
    return;
  }
  std::string why;
  if (!CheckExample(**g, &why)) {
    state.SkipWithError(why.c_str());
    return;
  }
  auto docs = Documents(static_cast<size_t>(state.range(0)));
  size_t bytes = 0;
  for (const auto& d : docs) bytes += d.size();
  text::Analysis a;
  const size_t expect = ParseAll(**g, docs, &a);
  size_t found = 0;
  for (auto _ : state) {
    found = ParseAll(**g, docs, &a);
    if (found != expect) {
      state.SkipWithError("toponym count changed between runs");
      return;
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["toponyms_per_doc"] = static_cast<double>(found) / static_cast<double>(docs.size());
}
BENCHMARK(GeoPlaces)->Arg(1 << 20)->Arg(8 << 20)->Unit(benchmark::kMillisecond);

void GeoPlacesWithOpen(benchmark::State& state) {
  std::string path = IndexPath();
  if (path.empty()) {
    state.SkipWithError("no gazetteer index: run `sitrep index build` first");
    return;
  }
  auto docs = Documents(static_cast<size_t>(state.range(0)));
  size_t bytes = 0;
  for (const auto& d : docs) bytes += d.size();
  text::Analysis a;
  for (auto _ : state) {
    auto g = Gazetteer::Open(path);
    if (!g.ok()) {
      state.SkipWithError(g.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(ParseAll(**g, docs, &a));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(GeoPlacesWithOpen)->Arg(16 << 20)->Unit(benchmark::kMillisecond);

void RunWithOpen(benchmark::State& state, const std::vector<std::string>& docs) {
  std::string path = IndexPath();
  if (path.empty()) {
    state.SkipWithError("no gazetteer index: run `sitrep index build` first");
    return;
  }
  size_t bytes = 0;
  for (const auto& d : docs) bytes += d.size();
  text::Analysis a;
  size_t found = 0;
  for (auto _ : state) {
    auto g = Gazetteer::Open(path);
    if (!g.ok()) {
      state.SkipWithError(g.status().ToString().c_str());
      return;
    }
    found = ParseAll(**g, docs, &a);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["bytes_per_toponym"] =
      found ? static_cast<double>(bytes) / static_cast<double>(found) : 0.0;
}

void GeoPlacesNews(benchmark::State& state) {
  // Six sentences without a place per template sentence: about one toponym per 300 bytes.
  RunWithOpen(state, Documents(static_cast<size_t>(state.range(0)), 6));
}
BENCHMARK(GeoPlacesNews)->Arg(16 << 20)->Unit(benchmark::kMillisecond);

void GeoPlacesFile(benchmark::State& state) {
  const char* path = std::getenv("SITREP_BENCH_CORPUS");
  if (!path || !*path) {
    state.SkipWithError("set SITREP_BENCH_CORPUS to a JSON Lines file of news");
    return;
  }
  std::vector<std::string> docs;
  std::ifstream in(path);
  std::string line;
  simdjson::dom::parser parser;
  while (std::getline(in, line)) {
    simdjson::dom::element e;
    std::string_view t;
    if (parser.parse(line).get(e) || e["text"].get_string().get(t)) continue;
    docs.emplace_back(t);
  }
  if (docs.empty()) {
    state.SkipWithError("no \"text\" fields in $SITREP_BENCH_CORPUS");
    return;
  }
  RunWithOpen(state, docs);
}
BENCHMARK(GeoPlacesFile)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sitrep::geo

BENCHMARK_MAIN();
