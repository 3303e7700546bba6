// Throughput of the text layer on JSON Lines input: reading (ParseJsonLine, and the whole
// DocumentStream over a file), normalising, tokenising, sentence splitting and speech.
//
// The corpus is generated here, deterministically, from our own sentence templates: wire-style
// reports with places, numbers, dates, abbreviations, quotes (straight and curly), accented
// names and dashes. Every benchmark first checks its answer (token, sentence and speech
// counts) against the counts recorded below, and refuses to time a changed answer.
//
//   build-found/bench/text_bench --benchmark_filter=TextLayer
//
// Target (issue 2): at least 200 MB/s per core for reading, normalising, tokenising and
// sentence splitting JSON Lines. Every benchmark here runs on one thread.
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "doc/reader.h"
#include "sitrep/document.h"
#include "text/text.h"
#include "util/json_writer.h"

namespace sitrep {
namespace {

// ---------------------------------------------------------------------------------------
// The corpus

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
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  template <typename T, size_t N>
  const T& Pick(const T (&a)[N]) {
    return a[Below(N)];
  }

 private:
  uint64_t s_;
};

constexpr const char* kPlaces[] = {
    "Kunduz", "Sar-e-Pul", "Lashkar Gah", "Douentza", "Mopti", "M\xC3\xA9naka", "Gao",
    "Bandiagara", "Dhaka", "Chattogram", "Narayanganj", "Kostiantynivka", "Kramatorsk",
    "Bakhmut", "Ma'rib", "Taiz", "Aden", "H\xC3\xA9rat", "Sana'a", "Mazar-i-Sharif"};
constexpr const char* kDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                 "Friday", "Saturday", "Sunday"};
constexpr const char* kActors[] = {
    "Gunmen", "Suspected jihadist fighters", "Government troops", "The Taliban",
    "Houthi rebels", "Unidentified assailants", "Security forces", "Protesters",
    "Police", "Armed men on motorbikes"};
constexpr const char* kSpeakers[] = {
    "a local official", "the army", "police", "a security source", "the regional governor",
    "Gen. Ahmad Rahimi", "Abdul R. Dostom", "an AFP correspondent there",
    "the U.S. embassy", "a spokesman for the ministry"};
constexpr const char* kVerbs[] = {"attacked", "shelled", "stormed", "surrounded",
                                  "raided", "bombed", "seized", "fired on"};
constexpr const char* kTargets[] = {"a military post", "a police checkpoint", "a market",
                                    "a convoy of trucks", "the district headquarters",
                                    "a village", "an army base", "a school"};
constexpr const char* kNouns[] = {"market", "police station", "hospital", "bridge",
                                  "power plant", "mosque", "bus station"};

std::string Sentence(Rng& r) {
  std::string p = r.Pick(kPlaces), d = r.Pick(kDays), a = r.Pick(kActors), s = r.Pick(kSpeakers);
  std::string n = std::to_string(2 + r.Below(40));
  switch (r.Below(12)) {
    case 0:
      return a + " " + r.Pick(kVerbs) + " " + r.Pick(kTargets) + " near " + p + " on " + d +
             ", killing at least " + n + " people, " + s + " said.";
    case 1:
      return "\"We could not leave our houses for three days,\" said a resident of " + p + ".";
    case 2:
      return "\xE2\x80\x9CThe situation is very tense,\xE2\x80\x9D " + s + " told reporters on " +
             d + ".";
    case 3:
      return "According to " + s + ", " + n + " civilians were wounded and " +
             std::to_string(1000 + r.Below(9000)) + " people fled towards " + p + ".";
    case 4:
      return "The " + std::string(r.Pick(kNouns)) + " in " + p + " was hit by " + n +
             " shells shortly after 10 a.m., " + s + " said.";
    case 5:
      return "Prices of fuel rose 3.5 percent in " + p + " last week \xE2\x80\x94 the 9th " +
             "increase since the 1990s.";
    case 6:
      return s.substr(0, 1) == "a" || s.substr(0, 1) == "t"
                 ? "The Defense Ministry said " + std::string(r.Pick(kActors)) +
                       " were trying to retake key areas of " + p + "."
                 : "Officials in " + p + " said the road to Kabul was cut on Aug. 8.";
    case 7:
      return "Residents said " + n + " people were abducted on 2021-08-08 and their shops " +
             "looted, in the worst attack on " + p + "'s market since 9/11.";
    case 8:
      return "\"It's total chaos,\" he added.";
    case 9:
      return "The town fell in 2012 and was retaken the following year by U.S.-backed forces.";
    case 10:
      return "Hundreds of people marched peacefully in " + p + " on " + d +
             " to demand the release of 10,000 detainees.";
    default:
      return "Police arrested " + n + " men in " + p + " on " + d +
             " suspected of supplying fuel to the militants.";
  }
}

// One JSON line: {"id","date","title","source","text"}, text of 3-12 paragraphs.
std::string Line(Rng& r, int k) {
  std::string text = "KABUL (Example Wire) - ";
  int paras = 3 + static_cast<int>(r.Below(10));
  for (int p = 0; p < paras; ++p) {
    if (p) text += "\n\n";
    int sents = 1 + static_cast<int>(r.Below(4));
    for (int s = 0; s < sents; ++s) {
      if (s) text += ' ';
      text += Sentence(r);
    }
  }
  std::string line;
  JsonWriter w(&line);
  w.BeginObject()
      .Field("id", "doc-" + std::to_string(k))
      .Field("date", "2023-05-" + std::to_string(10 + k % 19))
      .Field("title", "Clashes reported near " + std::string(r.Pick(kPlaces)))
      .Field("source", "Example Wire")
      .Field("url", "https://example.org/" + std::to_string(k))
      .Field("text", text)
      .EndObject();
  line.push_back('\n');
  return line;
}

struct Corpus {
  std::string jsonl;                    // every line, newline-terminated
  std::vector<std::string_view> lines;  // views into jsonl (without the newline)
};

const Corpus& GetCorpus(size_t bytes) {
  static std::vector<std::pair<size_t, Corpus*>> cache;
  for (auto& [b, c] : cache)
    if (b == bytes) return *c;
  auto* c = new Corpus;
  Rng r(0x5172e9ull);
  for (int k = 0; c->jsonl.size() < bytes; ++k) c->jsonl += Line(r, k);
  for (size_t pos = 0; pos < c->jsonl.size();) {
    size_t nl = c->jsonl.find('\n', pos);
    c->lines.emplace_back(c->jsonl.data() + pos, nl - pos);
    pos = nl + 1;
  }
  cache.push_back({bytes, c});
  return *c;
}

// ---------------------------------------------------------------------------------------
// Answers

struct Counts {
  uint64_t docs = 0, text_bytes = 0, normalized_bytes = 0, tokens = 0, sentences = 0,
           speech = 0, speakers = 0;
  uint64_t checksum = 0;  // over every token's span, hash, flags and sentence
  bool operator==(const Counts&) const = default;
};

std::string ToString(const Counts& c) {
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "{%llu docs, %llu text bytes, %llu normalized bytes, %llu tokens, "
                "%llu sentences, %llu speech, %llu speakers, checksum 0x%llx}",
                static_cast<unsigned long long>(c.docs),
                static_cast<unsigned long long>(c.text_bytes),
                static_cast<unsigned long long>(c.normalized_bytes),
                static_cast<unsigned long long>(c.tokens),
                static_cast<unsigned long long>(c.sentences),
                static_cast<unsigned long long>(c.speech),
                static_cast<unsigned long long>(c.speakers),
                static_cast<unsigned long long>(c.checksum));
  return buf;
}

// The recorded answers for each corpus size. Regenerate (and review the change) with
// --benchmark_filter=Answers, which prints the counts.
Counts Expected(size_t bytes) {
  if (bytes == (1u << 20))
    return {572, 957534, 952210, 189083, 10580, 7197, 7032, 0x1ec0a483149572a4ull};
  if (bytes == (8u << 20))
    return {4478, 7652465, 7610257, 1510349, 84259, 57311, 55926, 0x15d05a4ec44c7b06ull};
  return {};
}

// The whole text layer on one line: read, normalise, tokenise, sentences, speech.
inline void TextLayer(std::string_view line, const ReadOptions& o, Document* doc,
                      text::Normalized* norm, text::Analysis* a, Counts* c,
                      bool with_checksum = false) {
  *doc = Document();
  Status st = ParseJsonLine(line, o, "bench: ", doc);
  if (!st.ok()) return;
  text::Normalize(doc->text, norm);
  const text::Normalized& n = *norm;
  text::Analyze(doc->text, a);
  ++c->docs;
  c->text_bytes += doc->text.size();
  c->normalized_bytes += n.text.size();
  c->tokens += a->tokens.size();
  c->sentences += a->sentences.size();
  c->speech += a->speech.size();
  for (size_t s = 0; s < a->speech.size(); ++s) {
    auto [b, e] = a->SpeakerOf(static_cast<int>(s));
    c->speakers += e > b;
  }
  if (with_checksum) {
    uint64_t h = c->checksum;
    for (const text::Token& t : a->tokens) {
      h = (h ^ t.hash) * 0x100000001b3ull;
      h = (h ^ (uint64_t{t.start} << 32 | t.end)) * 0x100000001b3ull;
      h = (h ^ (uint64_t{t.flags} << 40 | uint64_t{t.sentence} << 8 |
                static_cast<uint64_t>(t.kind))) * 0x100000001b3ull;
    }
    for (const text::Speech& sp : a->speech) {
      h = (h ^ (uint64_t{sp.content_begin} << 32 | sp.content_end)) * 0x100000001b3ull;
      h = (h ^ (uint64_t{sp.speaker_begin} << 32 | sp.speaker_end)) * 0x100000001b3ull;
    }
    h = (h ^ n.text.size() ^ (n.orig_offsets.empty() ? 0 : n.orig_offsets[n.orig_offsets.size() / 2])) *
        0x100000001b3ull;
    c->checksum = h;
  }
}

Counts Count(const Corpus& corpus) {
  Counts c;
  ReadOptions o;
  Document doc;
  text::Normalized norm;
  text::Analysis a;
  for (std::string_view line : corpus.lines) TextLayer(line, o, &doc, &norm, &a, &c, true);
  return c;
}

// Checks the answer before timing; false (and the benchmark is skipped) if it changed.
bool CheckAnswer(benchmark::State& state, size_t bytes) {
  Counts got = Count(GetCorpus(bytes));
  Counts want = Expected(bytes);
  if (got == want) return true;
  state.SkipWithError(("answer changed: got " + ToString(got) + ", want " + ToString(want)).c_str());
  return false;
}

// ---------------------------------------------------------------------------------------
// Benchmarks

// Prints the answers (for recording them in Expected()).
void BM_Answers(benchmark::State& state) {
  const size_t bytes = static_cast<size_t>(state.range(0));
  Counts c;
  for (auto _ : state) c = Count(GetCorpus(bytes));
  state.SetLabel(ToString(c));
}
BENCHMARK(BM_Answers)->Arg(1 << 20)->Arg(8 << 20)->Iterations(1)->Unit(benchmark::kMillisecond);

// The acceptance figure: reading + normalising + tokenising + sentences + speech.
void BM_TextLayer(benchmark::State& state) {
  const size_t bytes = static_cast<size_t>(state.range(0));
  if (!CheckAnswer(state, bytes)) return;
  const Corpus& corpus = GetCorpus(bytes);
  ReadOptions o;
  Document doc;
  text::Normalized norm;
  text::Analysis a;
  for (auto _ : state) {
    Counts c;
    for (std::string_view line : corpus.lines) TextLayer(line, o, &doc, &norm, &a, &c);
    benchmark::DoNotOptimize(c);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.jsonl.size()));
  state.counters["docs/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * corpus.lines.size()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TextLayer)->Arg(1 << 20)->Arg(8 << 20)->Unit(benchmark::kMillisecond);

// The same through DocumentStream over a file: the reader's line splitting and system calls.
void BM_TextLayerFromFile(benchmark::State& state) {
  const size_t bytes = static_cast<size_t>(state.range(0));
  if (!CheckAnswer(state, bytes)) return;
  const Corpus& corpus = GetCorpus(bytes);
  char path[] = "/tmp/sitrep_text_bench_XXXXXX";
  int fd = ::mkstemp(path);
  if (fd < 0 || ::write(fd, corpus.jsonl.data(), corpus.jsonl.size()) !=
                    static_cast<ssize_t>(corpus.jsonl.size())) {
    state.SkipWithError("cannot write the corpus to /tmp");
    return;
  }
  ::close(fd);
  std::string file = std::string(path) + ".jsonl";
  ::rename(path, file.c_str());
  text::Analysis a;
  text::Normalized n;
  Counts last;
  for (auto _ : state) {
    Counts c;
    auto stream = DocumentStream::Open({file}, ReadOptions());
    ReadItem item;
    while ((*stream)->Next(&item)) {
      if (!item.doc) continue;
      text::Normalize(item.doc->text, &n);
      text::Analyze(item.doc->text, &a);
      ++c.docs;
      c.text_bytes += item.doc->text.size();
      c.normalized_bytes += n.text.size();
      c.tokens += a.tokens.size();
      c.sentences += a.sentences.size();
    }
    last = c;
  }
  ::unlink(file.c_str());
  Counts want = Expected(bytes);
  if (last.tokens != want.tokens || last.sentences != want.sentences || last.docs != want.docs) {
    state.SkipWithError("the stream read a different corpus");
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.jsonl.size()));
}
BENCHMARK(BM_TextLayerFromFile)->Arg(8 << 20)->Unit(benchmark::kMillisecond);

// Stage by stage, on the 8 MB corpus; MB/s counts JSON Lines input bytes throughout.
void BM_ParseJsonLine(benchmark::State& state) {
  const Corpus& corpus = GetCorpus(8 << 20);
  ReadOptions o;
  Document doc;
  for (auto _ : state) {
    for (std::string_view line : corpus.lines) {
      doc = Document();
      benchmark::DoNotOptimize(ParseJsonLine(line, o, "bench: ", &doc));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.jsonl.size()));
}
BENCHMARK(BM_ParseJsonLine)->Unit(benchmark::kMillisecond);

// Texts parsed once, outside the timing.
const std::vector<std::string>& Texts() {
  static std::vector<std::string>* texts = [] {
    auto* t = new std::vector<std::string>;
    for (std::string_view line : GetCorpus(8 << 20).lines) {
      Document d;
      if (ParseJsonLine(line, ReadOptions(), "", &d).ok()) t->push_back(std::move(d.text));
    }
    return t;
  }();
  return *texts;
}

void BM_Normalize(benchmark::State& state) {
  const auto& texts = Texts();
  text::Normalized n;
  for (auto _ : state)
    for (const std::string& t : texts) {
      text::Normalize(t, &n);
      benchmark::DoNotOptimize(n.text.data());
    }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * GetCorpus(8 << 20).jsonl.size()));
}
BENCHMARK(BM_Normalize)->Unit(benchmark::kMillisecond);

void BM_Tokenize(benchmark::State& state) {
  const auto& texts = Texts();
  text::Analysis a;
  for (auto _ : state)
    for (const std::string& t : texts) {
      text::Tokenize(t, &a);
      benchmark::DoNotOptimize(a.tokens.data());
    }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * GetCorpus(8 << 20).jsonl.size()));
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

void BM_Analyze(benchmark::State& state) {
  const auto& texts = Texts();
  text::Analysis a;
  for (auto _ : state)
    for (const std::string& t : texts) {
      text::Analyze(t, &a);
      benchmark::DoNotOptimize(a.speech.data());
    }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * GetCorpus(8 << 20).jsonl.size()));
}
BENCHMARK(BM_Analyze)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sitrep

BENCHMARK_MAIN();
