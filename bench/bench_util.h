// Helpers shared by the benchmarks that run on the generated corpus (bench/corpus/): where
// the corpus, the expectation file and the gazetteer index are, loading JSON Lines into
// documents, reading an expectation file, and the process's peak RSS.
//
// Flags (after Google Benchmark's own, which it removes from argv first):
//   --corpus=FILE     JSON Lines to time (default: the answer-check corpus below)
//   --check=FILE      the answer-check corpus (default bench/corpus/out/news-5mb-seed1.jsonl)
//   --expected=FILE   its recorded answers (default bench/expected/news-5mb-seed1.txt)
//   --index=FILE      gazetteer index (default $SITREP_INDEX, else build-bench/, build/)
//   --record          print the answers on the check corpus in the expectation format, exit
#ifndef SITREP_BENCH_BENCH_UTIL_H_
#define SITREP_BENCH_BENCH_UTIL_H_

#include <sys/resource.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "doc/reader.h"
#include "sitrep/document.h"

#ifndef SITREP_SOURCE_DIR
#define SITREP_SOURCE_DIR "."
#endif

namespace sitrep::bench {

struct Flags {
  std::string corpus;
  std::string check = std::string(SITREP_SOURCE_DIR) + "/bench/corpus/out/news-5mb-seed1.jsonl";
  std::string expected = std::string(SITREP_SOURCE_DIR) + "/bench/expected/news-5mb-seed1.txt";
  std::string index;
  bool record = false;
};

inline Flags& GetFlags() {
  static Flags f;
  return f;
}

// Parses our flags out of argv (call after benchmark::Initialize). False on an unknown one.
inline bool ParseFlags(int argc, char** argv) {
  Flags& f = GetFlags();
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    auto value = [&](std::string_view name, std::string* out) {
      if (a.substr(0, name.size()) != name) return false;
      *out = std::string(a.substr(name.size()));
      return true;
    };
    if (value("--corpus=", &f.corpus) || value("--check=", &f.check) ||
        value("--expected=", &f.expected) || value("--index=", &f.index)) {
      continue;
    }
    if (a == "--record") {
      f.record = true;
      continue;
    }
    std::fprintf(stderr, "unknown flag %s\n", argv[i]);
    return false;
  }
  if (f.corpus.empty()) f.corpus = f.check;
  if (f.index.empty()) {
    if (const char* e = std::getenv("SITREP_INDEX"); e && *e) {
      f.index = e;
    } else {
      for (const char* d : {"/build-bench/gazetteer.idx", "/build/gazetteer.idx"}) {
        std::string p = std::string(SITREP_SOURCE_DIR) + d;
        if (std::filesystem::exists(p)) {
          f.index = p;
          break;
        }
      }
    }
  }
  return true;
}

// A JSON Lines file in memory: its bytes, its lines, and its documents (parsed once).
struct Corpus {
  std::string path;
  std::string bytes;
  std::vector<std::string_view> lines;  // without the newline
  std::vector<Document> docs;
  uint64_t text_bytes = 0;
  double mb() const { return static_cast<double>(bytes.size()) / 1e6; }
};

// Loads `path`; exits with a message if it cannot (the corpus is an input, not optional).
inline const Corpus& LoadCorpus(const std::string& path) {
  static std::map<std::string, Corpus*> cache;
  if (auto it = cache.find(path); it != cache.end()) return *it->second;
  auto* c = new Corpus;
  c->path = path;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr,
                 "bench: cannot read %s\n  (generate it: bench/corpus/gen_corpus.py --mb 5 --seed 1 "
                 "-o bench/corpus/out/news-5mb-seed1.jsonl, or run bench/run.sh)\n",
                 path.c_str());
    std::exit(2);
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  c->bytes = ss.str();
  for (size_t pos = 0; pos < c->bytes.size();) {
    size_t nl = c->bytes.find('\n', pos);
    if (nl == std::string::npos) nl = c->bytes.size();
    if (nl > pos) c->lines.emplace_back(c->bytes.data() + pos, nl - pos);
    pos = nl + 1;
  }
  ReadOptions o;
  o.max_document_bytes = 64u << 20;
  for (size_t i = 0; i < c->lines.size(); ++i) {
    Document d;
    Status st = ParseJsonLine(c->lines[i], o, path + ":" + std::to_string(i + 1) + ": ", &d);
    if (!st.ok()) {
      std::fprintf(stderr, "bench: %s\n", st.message().c_str());
      std::exit(2);
    }
    c->text_bytes += d.text.size();
    c->docs.push_back(std::move(d));
  }
  cache[path] = c;
  return *c;
}

// "key value" lines; '#' starts a comment.
using Expectation = std::map<std::string, std::string>;

inline Expectation ReadExpectation(const std::string& path) {
  Expectation e;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t sp = line.find(' ');
    if (sp == std::string::npos) continue;
    e[line.substr(0, sp)] = line.substr(sp + 1);
  }
  return e;
}

// Peak resident set size of this process so far, in MB (10^6 bytes).
inline double PeakRssMb() {
  struct rusage ru;
  ::getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) * 1024.0 / 1e6;
}

}  // namespace sitrep::bench

#endif  // SITREP_BENCH_BENCH_UTIL_H_
