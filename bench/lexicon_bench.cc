// The phrase matcher (lexicon::PhraseTable) alone, as the stages use it: one longest-match
// probe per token of analysed documents, over the gazetteer's place names (millions of keys,
// memory-mapped) and over the event lexicon (thousands of keys, built at start-up). The
// documents are the answer-check corpus (bench/corpus/out/news-5mb-seed1.jsonl), analysed
// once outside the timing. MB/s counts the corpus's JSON Lines bytes, as pipeline_bench does.
//
//   build-bench/bench/lexicon_bench [--check=FILE] [--index=FILE]
//
// Answers first: "Fighters seized Lashkar Gah and Kunduz" must match "lashkar gah" as one
// two-token place name and "kunduz" as another, and "seized" in the event lexicon; the match
// counts must not change between iterations.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "bench_util.h"
#include "events/lexicon.h"
#include "geo/gazetteer.h"
#include "lexicon/phrase_table.h"
#include "text/text.h"

namespace sitrep::bench {
namespace {

struct Tables {
  std::unique_ptr<geo::Gazetteer> gazetteer;
  std::unique_ptr<events::EventLexicon> events;
  std::vector<text::Analysis> analyses;
};

Tables& GetTables() {
  static Tables* t = [] {
    auto* t = new Tables;
    auto g = geo::Gazetteer::Open(GetFlags().index);
    auto lex = events::EventLexicon::Load({std::string(SITREP_SOURCE_DIR) + "/data/events.tsv"});
    if (!g.ok() || !lex.ok()) {
      std::fprintf(stderr, "lexicon_bench: cannot open the index (%s) or data/events.tsv\n",
                   GetFlags().index.c_str());
      std::exit(2);
    }
    t->gazetteer = std::move(g).value();
    t->events = std::move(lex).value();
    const Corpus& c = LoadCorpus(GetFlags().check);
    t->analyses.resize(c.docs.size());
    for (size_t i = 0; i < c.docs.size(); ++i) text::Analyze(c.docs[i].text, &t->analyses[i]);
    return t;
  }();
  return *t;
}

bool CheckExample(std::string* why) {
  Tables& t = GetTables();
  text::Analysis a;
  text::Analyze("Fighters seized Lashkar Gah and Kunduz", &a);
  lexicon::Match m;
  const auto& names = t.gazetteer->names();
  const uint32_t n = static_cast<uint32_t>(a.tokens.size());
  bool ok = n == 6 && names.LongestAt(a, 2, n, &m) && m.end == 4 && !m.values.empty() &&
            names.LongestAt(a, 5, n, &m) && m.end == 6 &&
            t.events->table().LongestAt(a, 1, n, &m) && m.end == 2;
  if (!ok) *why = "the example sentence no longer matches Lashkar Gah, Kunduz and seized";
  return ok;
}

// One LongestAt per token (a match skips its tokens); returns matches.
uint64_t MatchAll(const lexicon::PhraseTable& table, const std::vector<text::Analysis>& docs) {
  uint64_t found = 0;
  lexicon::Match m;
  for (const text::Analysis& a : docs) {
    const uint32_t n = static_cast<uint32_t>(a.tokens.size());
    for (uint32_t i = 0; i < n;) {
      if (table.LongestAt(a, i, n, &m)) {
        ++found;
        i = m.end;
      } else {
        ++i;
      }
    }
  }
  return found;
}

void Run(benchmark::State& state, const lexicon::PhraseTable& table) {
  std::string why;
  if (!CheckExample(&why)) {
    state.SkipWithError(why.c_str());
    return;
  }
  Tables& t = GetTables();
  const Corpus& c = LoadCorpus(GetFlags().check);
  const uint64_t want = MatchAll(table, t.analyses);
  uint64_t got = 0, tokens = 0;
  for (const auto& a : t.analyses) tokens += a.tokens.size();
  for (auto _ : state) {
    got = MatchAll(table, t.analyses);
    if (got != want) {
      state.SkipWithError("match count changed between runs");
      return;
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes.size()));
  state.counters["MB/s"] = benchmark::Counter(c.mb() * static_cast<double>(state.iterations()),
                                              benchmark::Counter::kIsRate);
  state.counters["Mtokens/s"] = benchmark::Counter(
      static_cast<double>(tokens) / 1e6 * static_cast<double>(state.iterations()),
      benchmark::Counter::kIsRate);
  state.counters["matches"] = static_cast<double>(got);
}

void BM_PlaceNames(benchmark::State& state) { Run(state, GetTables().gazetteer->names()); }
BENCHMARK(BM_PlaceNames)->Name("PhraseMatcher/place_names")->Unit(benchmark::kMillisecond);

void BM_EventPhrases(benchmark::State& state) { Run(state, GetTables().events->table()); }
BENCHMARK(BM_EventPhrases)->Name("PhraseMatcher/event_phrases")->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sitrep::bench

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (!sitrep::bench::ParseFlags(argc, argv)) return 2;
  if (sitrep::bench::GetFlags().index.empty()) {
    std::fprintf(stderr, "lexicon_bench: no gazetteer index (run `sitrep index build`)\n");
    return 2;
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
