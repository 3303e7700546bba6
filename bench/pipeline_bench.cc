// The whole pipeline in process, on the generated corpus (bench/corpus/gen_corpus.py): what
// `sitrep code`, `places` and `times` do per document on one thread (parse the JSON line,
// Pipeline::Process, format the JSON Lines output), the start-up (Pipeline::Open and the
// first document), and where the time of `code` goes stage by stage.
//
//   build-bench/bench/pipeline_bench [--corpus=FILE] [--check=FILE --expected=FILE]
//   build-bench/bench/pipeline_bench --record     print the answers (bench/expected format)
//
// Answers first: before anything is timed, the answer-check corpus (news-5mb-seed1.jsonl)
// is coded and its counts of documents, events, toponyms and timexes must equal
// bench/expected/news-5mb-seed1.txt; `places` and `times` must find the same toponyms and
// timexes as `code`; the stage-by-stage run must make the same events as Pipeline. Otherwise
// the binary prints the difference and exits 1 without timing anything: a fast wrong build
// cannot pass. When behaviour changes on purpose, re-record with `bench/run.sh --record`.
//
// Targets (issue 7), per core: code >= 20 MB/s, places >= 50 MB/s, times >= 100 MB/s, text
// layer >= 200 MB/s; start-up < 100 ms. MB/s counts JSON Lines input bytes (10^6).
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "actors/actors.h"
#include "bench_util.h"
#include "events/coder.h"
#include "events/lexicon.h"
#include "geo/gazetteer.h"
#include "geo/geoparser.h"
#include "io/jsonl.h"
#include "pipeline/workspace.h"
#include "sitrep/pipeline.h"
#include "text/text.h"
#include "time/time_tagger.h"

namespace sitrep::bench {
namespace {

enum Mode { kCode = 0, kPlaces = 1, kTimes = 2 };
constexpr const char* kModeName[] = {"code", "places", "times"};

PipelineOptions Options(Mode m) {
  PipelineOptions o;
  o.index_path = GetFlags().index;
  o.places = m != kTimes;
  o.times = m != kPlaces;
  o.events = m == kCode;
  return o;
}

struct Counts {
  uint64_t documents = 0, failed = 0, events = 0, toponyms = 0, timexes = 0, output_bytes = 0;
};

// What the CLI does per line, on one thread: parse, code, format.
Counts Run(const Pipeline& p, Workspace* ws, Mode m, const Corpus& c) {
  Counts n;
  ReadOptions ro;
  Document doc;
  DocResult r;
  std::string out;
  for (std::string_view line : c.lines) {
    doc = Document();
    if (!ParseJsonLine(line, ro, "", &doc).ok() || !p.Process(doc, ws, &r).ok()) {
      ++n.failed;
      continue;
    }
    out.clear();
    if (m == kCode) io::AppendEventsJsonl(r, &out);
    if (m == kPlaces) io::AppendPlacesJsonl(r, &out);
    if (m == kTimes) io::AppendTimesJsonl(r, &out);
    ++n.documents;
    n.events += r.events.size();
    n.toponyms += r.toponyms.size();
    n.timexes += r.timex.size();
    n.output_bytes += out.size();
  }
  return n;
}

std::unique_ptr<Pipeline> OpenOrDie(Mode m) {
  auto p = Pipeline::Open(Options(m));
  if (!p.ok()) {
    std::fprintf(stderr, "pipeline_bench: %s\n", p.status().message().c_str());
    std::exit(2);
  }
  return std::move(p).value();
}

// ---------------------------------------------------------------------------------------
// Stage by stage, over the check corpus analysed once (for events, geo and time alone).

struct Staged {
  std::unique_ptr<geo::Gazetteer> gazetteer;
  std::unique_ptr<actors::ActorDictionary> actors;
  std::unique_ptr<events::EventLexicon> lexicon;
  std::unique_ptr<events::EventCoder> coder;
  std::unique_ptr<geo::Geoparser> geoparser;
  time::TimeTagger tagger;
  std::vector<text::Analysis> analyses;
  std::vector<DocResult> results;  // toponyms and timexes filled, events empty
};

// The same steps as Pipeline::Process for documents that carry a date (the corpus's do).
Staged& GetStaged() {
  static Staged* s = [] {
    auto* s = new Staged;
    auto g = geo::Gazetteer::Open(GetFlags().index);
    std::string data = std::string(SITREP_SOURCE_DIR) + "/data/";
    auto act = actors::ActorDictionary::Load({data + "actors.tsv"});
    auto lex = events::EventLexicon::Load({data + "events.tsv"});
    if (!g.ok() || !act.ok() || !lex.ok()) {
      std::fprintf(stderr, "pipeline_bench: cannot open the index or dictionaries\n");
      std::exit(2);
    }
    s->gazetteer = std::move(g).value();
    s->actors = std::move(act).value();
    s->lexicon = std::move(lex).value();
    s->coder = std::make_unique<events::EventCoder>(s->lexicon.get(), s->actors.get(),
                                                    s->gazetteer.get());
    s->geoparser = std::make_unique<geo::Geoparser>(s->gazetteer.get());
    const Corpus& c = LoadCorpus(GetFlags().check);
    s->analyses.resize(c.docs.size());
    s->results.resize(c.docs.size());
    for (size_t i = 0; i < c.docs.size(); ++i) {
      const Document& d = c.docs[i];
      text::Analyze(d.text, &s->analyses[i]);
      DocResult& r = s->results[i];
      r.doc = d.id;
      r.dct = d.published;
      s->geoparser->Parse(s->analyses[i], d, &r.toponyms, &r.claims);
      s->tagger.Tag(s->analyses[i], r.dct, &r.timex);
    }
    return s;
  }();
  return *s;
}

uint64_t CodeStaged(Staged& s, const Corpus& c) {
  uint64_t events = 0;
  for (size_t i = 0; i < c.docs.size(); ++i) {
    DocResult& r = s.results[i];
    r.events.clear();
    s.coder->Code(s.analyses[i], c.docs[i], &r, false);
    events += r.events.size();
  }
  return events;
}

// ---------------------------------------------------------------------------------------
// Answers

int CheckAnswers() {
  const Flags& f = GetFlags();
  const Corpus& c = LoadCorpus(f.check);
  Counts got[3];
  for (Mode m : {kCode, kPlaces, kTimes}) {
    auto p = OpenOrDie(m);
    auto ws = p->NewWorkspace();
    got[m] = Run(*p, ws.get(), m, c);
  }
  const Counts& n = got[kCode];
  if (f.record) {
    std::printf("documents %llu\nevents %llu\ntoponyms %llu\ntimexes %llu\n",
                static_cast<unsigned long long>(n.documents),
                static_cast<unsigned long long>(n.events),
                static_cast<unsigned long long>(n.toponyms),
                static_cast<unsigned long long>(n.timexes));
    return 0;
  }
  int bad = 0;
  auto expect = [&](const char* what, uint64_t have, uint64_t want) {
    if (have == want) return;
    std::fprintf(stderr, "pipeline_bench: WRONG ANSWER: %s: %llu, expected %llu\n", what,
                 static_cast<unsigned long long>(have), static_cast<unsigned long long>(want));
    ++bad;
  };
  Expectation e = ReadExpectation(f.expected);
  if (e.empty()) {
    std::fprintf(stderr, "pipeline_bench: no expectation in %s (record one: bench/run.sh --record)\n",
                 f.expected.c_str());
    return 1;
  }
  auto num = [&](const char* k) { return std::strtoull(e[k].c_str(), nullptr, 10); };
  expect("documents", n.documents, num("documents"));
  expect("events", n.events, num("events"));
  expect("toponyms", n.toponyms, num("toponyms"));
  expect("timexes", n.timexes, num("timexes"));
  expect("failed documents", n.failed, 0);
  expect("places: toponyms (same as code)", got[kPlaces].toponyms, n.toponyms);
  expect("times: timexes (same as code)", got[kTimes].timexes, n.timexes);
  expect("stage by stage: events (same as Pipeline)", CodeStaged(GetStaged(), c), n.events);
  if (bad) {
    std::fprintf(stderr,
                 "pipeline_bench: %d answer(s) differ from %s.\n  If the change is intended, "
                 "re-record with `bench/run.sh --record` and commit the file with the change.\n",
                 bad, f.expected.c_str());
    return 1;
  }
  std::fprintf(stderr,
               "pipeline_bench: answers OK on %s: %llu documents, %llu events, %llu toponyms, "
               "%llu timexes\n",
               c.path.c_str(), static_cast<unsigned long long>(n.documents),
               static_cast<unsigned long long>(n.events),
               static_cast<unsigned long long>(n.toponyms),
               static_cast<unsigned long long>(n.timexes));
  return 0;
}

// ---------------------------------------------------------------------------------------
// Benchmarks

void SetRates(benchmark::State& state, const Corpus& c) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes.size()));
  state.counters["MB/s"] = benchmark::Counter(c.mb() * static_cast<double>(state.iterations()),
                                              benchmark::Counter::kIsRate);
  state.counters["docs/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * c.lines.size()), benchmark::Counter::kIsRate);
  state.counters["peak_rss_MB"] = PeakRssMb();
}

// Start-up: Pipeline::Open (index mapped and validated, dictionaries compiled), a workspace,
// and the first document coded.
void BM_Startup(benchmark::State& state) {
  const Mode m = static_cast<Mode>(state.range(0));
  const Corpus& c = LoadCorpus(GetFlags().check);
  for (auto _ : state) {
    auto p = OpenOrDie(m);
    auto ws = p->NewWorkspace();
    DocResult r;
    benchmark::DoNotOptimize(p->Process(c.docs[0], ws.get(), &r));
  }
  state.SetLabel(kModeName[m]);
}
BENCHMARK(BM_Startup)->Name("Startup")->DenseRange(0, 2)->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()->UseRealTime();

void BM_Pipeline(benchmark::State& state) {
  const Mode m = static_cast<Mode>(state.range(0));
  const Corpus& c = LoadCorpus(GetFlags().corpus);
  auto p = OpenOrDie(m);
  auto ws = p->NewWorkspace();
  Counts n;
  for (auto _ : state) n = Run(*p, ws.get(), m, c);
  if (n.failed) state.SkipWithError("some documents failed");
  SetRates(state, c);
  state.counters["events"] = static_cast<double>(n.events);
  state.counters["toponyms"] = static_cast<double>(n.toponyms);
  state.counters["timexes"] = static_cast<double>(n.timexes);
  state.SetLabel(kModeName[m]);
}
// Rates are per CPU second of the process (the machine is shared: wall time is in "Time").
BENCHMARK(BM_Pipeline)->Name("Pipeline")->DenseRange(0, 2)->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime();

// Stages of `code` alone, on the check corpus; MB/s counts the JSON Lines bytes, so the
// stages' times add up to (about) Pipeline/code.
void BM_StageRead(benchmark::State& state) {
  const Corpus& c = LoadCorpus(GetFlags().check);
  ReadOptions ro;
  Document doc;
  for (auto _ : state)
    for (std::string_view line : c.lines) {
      doc = Document();
      benchmark::DoNotOptimize(ParseJsonLine(line, ro, "", &doc));
    }
  SetRates(state, c);
}
BENCHMARK(BM_StageRead)->Name("Stage/read")->Unit(benchmark::kMillisecond);

void BM_StageText(benchmark::State& state) {
  const Corpus& c = LoadCorpus(GetFlags().check);
  text::Analysis a;
  for (auto _ : state)
    for (const Document& d : c.docs) {
      text::Analyze(d.text, &a);
      benchmark::DoNotOptimize(a.tokens.data());
    }
  SetRates(state, c);
}
BENCHMARK(BM_StageText)->Name("Stage/text")->Unit(benchmark::kMillisecond);

// The text layer as the pipeline runs it: read the JSON line, then tokens, sentences and
// speech (text::Analyze). Target: 200 MB/s per core.
void BM_StageReadText(benchmark::State& state) {
  const Corpus& c = LoadCorpus(GetFlags().check);
  ReadOptions ro;
  Document doc;
  text::Analysis a;
  for (auto _ : state)
    for (std::string_view line : c.lines) {
      doc = Document();
      if (ParseJsonLine(line, ro, "", &doc).ok()) text::Analyze(doc.text, &a);
      benchmark::DoNotOptimize(a.tokens.data());
    }
  SetRates(state, c);
}
BENCHMARK(BM_StageReadText)->Name("Stage/read+text")->Unit(benchmark::kMillisecond);

void BM_StageGeo(benchmark::State& state) {
  Staged& s = GetStaged();
  const Corpus& c = LoadCorpus(GetFlags().check);
  std::vector<Toponym> t;
  std::vector<Claim> cl;
  uint64_t n = 0;
  for (auto _ : state) {
    n = 0;
    for (size_t i = 0; i < c.docs.size(); ++i) {
      t.clear();
      cl.clear();
      s.geoparser->Parse(s.analyses[i], c.docs[i], &t, &cl);
      n += t.size();
    }
  }
  uint64_t want = 0;
  for (const DocResult& r : s.results) want += r.toponyms.size();
  if (n != want) state.SkipWithError("toponym count changed between runs");
  SetRates(state, c);
}
BENCHMARK(BM_StageGeo)->Name("Stage/geo")->Unit(benchmark::kMillisecond);

void BM_StageTime(benchmark::State& state) {
  Staged& s = GetStaged();
  const Corpus& c = LoadCorpus(GetFlags().check);
  std::vector<Timex> t;
  uint64_t n = 0;
  for (auto _ : state) {
    n = 0;
    for (size_t i = 0; i < c.docs.size(); ++i) {
      t.clear();
      s.tagger.Tag(s.analyses[i], s.results[i].dct, &t);
      n += t.size();
    }
  }
  uint64_t want = 0;
  for (const DocResult& r : s.results) want += r.timex.size();
  if (n != want) state.SkipWithError("timex count changed between runs");
  SetRates(state, c);
}
BENCHMARK(BM_StageTime)->Name("Stage/time")->Unit(benchmark::kMillisecond);

void BM_StageEvents(benchmark::State& state) {
  Staged& s = GetStaged();
  const Corpus& c = LoadCorpus(GetFlags().check);
  const uint64_t want = CodeStaged(s, c);
  uint64_t n = 0;
  for (auto _ : state) n = CodeStaged(s, c);
  if (n != want) state.SkipWithError("event count changed between runs");
  SetRates(state, c);
  state.counters["events"] = static_cast<double>(n);
}
BENCHMARK(BM_StageEvents)->Name("Stage/events")->Unit(benchmark::kMillisecond);

void BM_StageFormat(benchmark::State& state) {
  Staged& s = GetStaged();
  const Corpus& c = LoadCorpus(GetFlags().check);
  CodeStaged(s, c);
  std::string out;
  for (auto _ : state)
    for (const DocResult& r : s.results) {
      out.clear();
      io::AppendEventsJsonl(r, &out);
      benchmark::DoNotOptimize(out.data());
    }
  SetRates(state, c);
}
BENCHMARK(BM_StageFormat)->Name("Stage/format")->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sitrep::bench

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (!sitrep::bench::ParseFlags(argc, argv)) return 2;
  if (sitrep::bench::GetFlags().index.empty()) {
    std::fprintf(stderr, "pipeline_bench: no gazetteer index (run `sitrep index build`, or "
                         "--index=FILE)\n");
    return 2;
  }
  if (int rc = sitrep::bench::CheckAnswers(); rc != 0 || sitrep::bench::GetFlags().record) {
    return rc;
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
