// Throughput of the time tagger (`sitrep times` minus reading and the text layer).
//
// The corpus is generated here, deterministically, from our own sentence templates: wire-style
// conflict reports where about half the sentences carry time expressions in the forms news
// uses (weekdays, full dates, "two days ago", ranges, clock times, durations, sets). Each
// template knows how many expressions it holds, and the absolute ones know their value, so
// every benchmark first checks the tagger's answer (the count of expressions, and each
// absolute value at its offset) and refuses to time a wrong one.
//
//   build-time/bench/time_bench --benchmark_filter=TimeTagger
//
// Target (issue 4): at least 100 MB/s per core for tagging. TimeTagger/Tag times the tagger
// alone over analysed documents; TimeTagger/AnalyzeAndTag adds the text layer, for context.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "sitrep/event.h"
#include "text/text.h"
#include "time/time_tagger.h"

namespace sitrep {
namespace {

// xorshift64*: the same numbers on every platform (std:: distributions are not specified).
class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t Next() {
    s_ ^= s_ >> 12;
    s_ ^= s_ << 25;
    s_ ^= s_ >> 27;
    return s_ * 0x2545F4914F6CDD1Dull;
  }
  int Below(int n) { return static_cast<int>(Next() % static_cast<uint64_t>(n)); }
  template <typename T, size_t N>
  const T& Pick(const T (&a)[N]) {
    return a[Below(static_cast<int>(N))];
  }

 private:
  uint64_t s_;
};

constexpr const char* kTowns[] = {"Amran", "Zinjibar", "Marib", "Kidal", "Gao", "Beni",
                                  "Bunia", "Idlib", "Raqqa", "Kunduz", "Taiz", "Douentza",
                                  "Menaka", "Goma", "Sirte", "Baidoa", "Kismayo", "Mosul"};
constexpr const char* kGroups[] = {"Northern Front", "Liberation Army", "People's Brigades",
                                   "Mountain Battalions", "Coastal Militia", "Unity Movement"};
constexpr const char* kWeekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                     "Friday", "Saturday", "Sunday"};
constexpr const char* kMonths[] = {"January", "February", "March", "April", "May", "June",
                                   "July", "August", "September", "October", "November",
                                   "December"};

// Sentences without a time expression: most of a report.
constexpr const char* kPlain[] = {
    "Government forces clashed with fighters of the {G} near {T}, officials said.",
    "The {G} denied any involvement in the attack on the convoy.",
    "Residents reported heavy gunfire and explosions in the northern districts of {T}.",
    "Aid agencies warned that thousands of families had been displaced by the fighting.",
    "A spokesman for the ministry said the situation in {T} was under control.",
    "The {G} claimed responsibility in a statement posted on social media.",
    "Local leaders called for calm and urged both sides to return to negotiations.",
    "Hospitals in {T} struggled to treat the wounded as supplies ran low.",
    "The United Nations said {N} people had fled across the border.",
    "\"We have lost everything,\" said a farmer who left his village with his children.",
};

struct TimeTemplate {
  const char* text;
  int count;  // expressions the tagger must find in it
};
// {W} weekday, {D} day, {M} month, {Y}/{Y2} years (absolute values checked), {N} a count.
constexpr TimeTemplate kTimed[] = {
    {"Fighters of the {G} seized {T} on {W}, a local official said.", 1},
    {"The attack on {D} {M} {Y} killed {N} civilians.", 1},
    {"Talks are expected to resume next week in {T}.", 1},
    {"The {G} has controlled the area since {Y}.", 1},
    {"Clashes erupted again on {M} {D}, {Y}, and lasted for three days.", 2},
    {"The army said it had retaken {T} two days ago.", 1},
    {"Fighting has intensified in recent weeks, the monitor said.", 1},
    {"The curfew imposed at the end of {M} is still in force in {T}.", 1},
    {"Between {Y} and {Y2}, the {G} ruled most of the province.", 3},
    {"Yesterday, security forces arrested {N} suspects in {T}.", 1},
    {"The convoy was ambushed overnight on the road to {T}.", 1},
    {"The ceasefire, signed in {M} {Y}, collapsed after a few weeks.", 2},
    {"Troops must leave the region by {M} {D}.", 1},
    {"The group emerged in the 1990s and expanded in the early 2000s.", 2},
    {"Protests are held every Friday in the main square of {T}.", 1},
    {"Officials said the offensive would continue for several months.", 1},
    {"{N} people were killed last year in {T}, up from {N} in {Y}.", 2},
    {"The blast occurred at 10:30 a.m. local time on {W}.", 2},
};

struct Check {
  uint32_t start;
  std::string value;
};

struct Corpus {
  std::vector<std::string> docs;
  size_t bytes = 0;
  uint64_t expected = 0;                  // expressions in all documents
  std::vector<std::vector<Check>> checks;  // absolute values, per document
};

std::string Num(int v) { return std::to_string(v); }
std::string Two(int v) {
  char b[4];
  std::snprintf(b, sizeof b, "%02d", v);
  return b;
}

// Expands a template into *out, recording the absolute values it writes.
void Expand(const char* tpl, Rng* rng, std::string* out, std::vector<Check>* checks) {
  int d = 1 + rng->Below(28), m = 1 + rng->Below(12), y = 1995 + rng->Below(26);
  int y2 = y + 1 + rng->Below(6);
  const std::string t(tpl);
  const bool full_date = t.find("{D}") != std::string::npos && t.find("{Y}") != std::string::npos;
  const bool month_year = t.find("{M} {Y}") != std::string::npos && !full_date;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] != '{') {
      out->push_back(t[i]);
      continue;
    }
    size_t close = t.find('}', i);
    std::string key = t.substr(i + 1, close - i - 1);
    i = close;
    const uint32_t at = static_cast<uint32_t>(out->size());
    if (key == "T") {
      out->append(rng->Pick(kTowns));
    } else if (key == "G") {
      out->append(rng->Pick(kGroups));
    } else if (key == "W") {
      out->append(rng->Pick(kWeekdays));
    } else if (key == "N") {
      out->append(Num(3 + rng->Below(900)));
    } else if (key == "D") {
      out->append(Num(d));
      // "{D} {M} {Y}" starts here
      if (full_date && t.find("{D} {M}") != std::string::npos)
        checks->push_back({at, Num(y) + "-" + Two(m) + "-" + Two(d)});
    } else if (key == "M") {
      out->append(kMonths[m - 1]);
      if (full_date && t.find("{M} {D}") != std::string::npos)
        checks->push_back({at, Num(y) + "-" + Two(m) + "-" + Two(d)});
      if (month_year) checks->push_back({at, Num(y) + "-" + Two(m)});
    } else if (key == "Y") {
      out->append(Num(y));
      if (!full_date && !month_year) checks->push_back({at, Num(y)});
    } else if (key == "Y2") {
      out->append(Num(y2));
      checks->push_back({at, Num(y2)});
    }
  }
}

// Documents of 12-28 sentences, about half of them timed, until `bytes` of text.
Corpus MakeCorpus(size_t bytes) {
  Corpus c;
  Rng rng(0x5171e7a9u);
  while (c.bytes < bytes) {
    std::string doc;
    std::vector<Check> checks;
    int sentences = 12 + rng.Below(17);
    for (int s = 0; s < sentences; ++s) {
      if (!doc.empty()) doc.append(s % 5 == 0 ? "\n\n" : " ");
      if (rng.Below(2) == 0) {
        const TimeTemplate& tt = rng.Pick(kTimed);
        Expand(tt.text, &rng, &doc, &checks);
        c.expected += static_cast<uint64_t>(tt.count);
      } else {
        Expand(rng.Pick(kPlain), &rng, &doc, &checks);
      }
    }
    c.bytes += doc.size();
    c.docs.push_back(std::move(doc));
    c.checks.push_back(std::move(checks));
  }
  return c;
}

constexpr const char* kDct = "2021-08-08";

// Tags every document once and checks the answer; exits on a wrong one.
void Verify(const Corpus& c, const std::vector<text::Analysis>& analyses) {
  time::TimeTagger tagger;
  std::vector<Timex> out;
  uint64_t found = 0;
  for (size_t d = 0; d < analyses.size(); ++d) {
    out.clear();
    tagger.Tag(analyses[d], kDct, &out);
    found += out.size();
    for (const Check& ck : c.checks[d]) {
      bool ok = false;
      for (const Timex& t : out) ok |= t.start == ck.start && t.value == ck.value;
      if (!ok) {
        std::fprintf(stderr, "time_bench: document %zu: no %s at byte %u: \"%.60s\"\n", d,
                     ck.value.c_str(), ck.start, c.docs[d].c_str() + ck.start);
        for (const Timex& t : out)
          std::fprintf(stderr, "  found %u [%s] %s\n", t.start, t.text.c_str(), t.value.c_str());
        std::exit(1);
      }
    }
  }
  if (found != c.expected) {
    std::fprintf(stderr, "time_bench: found %llu expressions, expected %llu\n",
                 static_cast<unsigned long long>(found),
                 static_cast<unsigned long long>(c.expected));
    std::exit(1);
  }
}

void BM_Tag(benchmark::State& state) {
  Corpus c = MakeCorpus(static_cast<size_t>(state.range(0)));
  std::vector<text::Analysis> analyses(c.docs.size());
  for (size_t d = 0; d < c.docs.size(); ++d) text::Analyze(c.docs[d], &analyses[d]);
  Verify(c, analyses);
  time::TimeTagger tagger;
  std::vector<Timex> out;
  uint64_t found = 0;
  for (auto _ : state) {
    for (const text::Analysis& a : analyses) {
      out.clear();
      tagger.Tag(a, kDct, &out);
      found += out.size();
    }
    benchmark::DoNotOptimize(found);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(c.bytes));
  state.counters["docs"] = static_cast<double>(c.docs.size());
  state.counters["timex"] = static_cast<double>(c.expected);
}
BENCHMARK(BM_Tag)->Name("TimeTagger/Tag")->RangeMultiplier(8)->Range(64 << 10, 8 << 20)
    ->Unit(benchmark::kMillisecond);

void BM_AnalyzeAndTag(benchmark::State& state) {
  Corpus c = MakeCorpus(static_cast<size_t>(state.range(0)));
  {
    std::vector<text::Analysis> analyses(c.docs.size());
    for (size_t d = 0; d < c.docs.size(); ++d) text::Analyze(c.docs[d], &analyses[d]);
    Verify(c, analyses);
  }
  time::TimeTagger tagger;
  text::Analysis a;
  std::vector<Timex> out;
  uint64_t found = 0;
  for (auto _ : state) {
    for (const std::string& doc : c.docs) {
      text::Analyze(doc, &a);
      out.clear();
      tagger.Tag(a, kDct, &out);
      found += out.size();
    }
    benchmark::DoNotOptimize(found);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(c.bytes));
}
BENCHMARK(BM_AnalyzeAndTag)->Name("TimeTagger/AnalyzeAndTag")->Arg(8 << 20)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sitrep

BENCHMARK_MAIN();
