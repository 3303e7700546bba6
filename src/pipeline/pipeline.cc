// Pipeline: document -> text -> places, times -> events. See include/sitrep/pipeline.h.
#include "sitrep/pipeline.h"

#include <unistd.h>

#include <cstdlib>
#include <algorithm>
#include <filesystem>

#include "actors/actors.h"
#include "events/coder.h"
#include "events/lexicon.h"
#include "geo/gazetteer.h"
#include "geo/geoparser.h"
#include "pipeline/workspace.h"
#include "time/time_tagger.h"

namespace sitrep {

struct Pipeline::Impl {
  PipelineOptions options;
  std::unique_ptr<geo::Gazetteer> gazetteer;
  std::unique_ptr<geo::Geoparser> geoparser;
  time::TimeTagger times;
  std::unique_ptr<actors::ActorDictionary> actors;
  std::unique_ptr<events::EventLexicon> lexicon;
  std::unique_ptr<events::EventCoder> coder;
};

namespace {

#ifndef SITREP_DATA_DIR
#define SITREP_DATA_DIR "data"
#endif

std::string DataDir(const PipelineOptions& o) {
  if (!o.data_dir.empty()) return o.data_dir;
  if (const char* env = std::getenv("SITREP_DATA"); env && *env) return env;
  return SITREP_DATA_DIR;
}

// The built-in file, then every file in the users' folders whose name starts with `stem`
// and ends in .tsv ("actors.tsv", "actors_mexico.tsv").
Result<std::vector<std::string>> DictionaryFiles(const PipelineOptions& o, const std::string& stem) {
  std::vector<std::string> files;
  std::string builtin = DataDir(o) + "/" + stem + ".tsv";
  std::error_code ec;
  if (!std::filesystem::exists(builtin, ec)) {
    return Status::NotFound(builtin + ": dictionary not found (set $SITREP_DATA to the data/ folder)");
  }
  files.push_back(builtin);
  for (const auto& dir : o.extra_dict_dirs) {
    if (!std::filesystem::is_directory(dir, ec)) {
      return Status::NotFound(dir + ": --dict must name a folder of *.tsv dictionaries");
    }
    std::vector<std::string> found;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
      std::string name = e.path().filename().string();
      if (name.rfind(stem, 0) == 0 && name.size() > 4 && name.substr(name.size() - 4) == ".tsv")
        found.push_back(e.path().string());
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

}  // namespace

Pipeline::Pipeline(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Pipeline::~Pipeline() = default;

std::string DefaultIndexPath() {
  if (const char* env = std::getenv("SITREP_INDEX"); env && *env) return env;
  // Next to the running binary (build/sitrep -> build/gazetteer.idx).
  char buf[4096];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n > 0) {
    buf[n] = 0;
    std::filesystem::path p(buf);
    auto candidate = p.parent_path() / "gazetteer.idx";
    std::error_code ec;
    if (std::filesystem::exists(candidate, ec)) return candidate.string();
  }
  return "build/gazetteer.idx";
}

Result<std::unique_ptr<Pipeline>> Pipeline::Open(const PipelineOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  if (impl->options.index_path.empty()) impl->options.index_path = DefaultIndexPath();
  if (options.places || options.events) {
    auto g = geo::Gazetteer::Open(impl->options.index_path);
    if (!g.ok()) {
      return Status(g.status().code(),
                    g.status().message() +
                        "\n  (build it with `sitrep index build`, or run ./setup.sh; "
                        "--index FILE or $SITREP_INDEX point to another one)");
    }
    impl->gazetteer = std::move(g).value();
  }
  impl->geoparser = std::make_unique<geo::Geoparser>(impl->gazetteer.get());
  if (options.events) {
    ASSIGN_OR_RETURN(auto actor_files, DictionaryFiles(options, "actors"));
    ASSIGN_OR_RETURN(impl->actors, actors::ActorDictionary::Load(actor_files));
    ASSIGN_OR_RETURN(auto event_files, DictionaryFiles(options, "events"));
    ASSIGN_OR_RETURN(impl->lexicon, events::EventLexicon::Load(event_files));
    impl->coder = std::make_unique<events::EventCoder>(impl->lexicon.get(), impl->actors.get(),
                                                       impl->gazetteer.get());
  }
  return std::unique_ptr<Pipeline>(new Pipeline(std::move(impl)));
}

std::unique_ptr<Workspace> Pipeline::NewWorkspace() const { return std::make_unique<Workspace>(); }

const PipelineOptions& Pipeline::options() const { return impl_->options; }

std::string Pipeline::Describe() const {
  return impl_->gazetteer ? impl_->gazetteer->Describe() : std::string("no gazetteer loaded");
}

Status Pipeline::Process(const Document& doc, Workspace* ws, DocResult* out) const {
  *out = DocResult();
  out->doc = doc.id;
  out->warnings = doc.warnings;
  try {
    text::Analysis& a = ws->analysis;
    text::Analyze(doc.text, &a);
    const PipelineOptions& o = impl_->options;
    // The anchor date: the document's, else a dateline in the text.
    out->dct = doc.published;
    if (!out->dct.empty()) out->dct_source = "document";
    if (out->dct.empty() && (o.times || o.events)) {
      out->dct = impl_->times.FindDateline(a, {});
      if (!out->dct.empty()) out->dct_source = "dateline";
    }
    // When coding events, the home countries of the armed groups the report names are
    // hints for its places: "Hiran region" in a report about Al Shabaab is Somalia's.
    // (`places` alone loads no actor dictionary and reads places from the text only.)
    std::vector<std::string>* hints = nullptr;
    if (o.events && impl_->actors) {
      actors::ActorFinder(impl_->actors.get()).GroupCountries(a, &ws->country_hints);
      if (!ws->country_hints.empty()) hints = &ws->country_hints;
    }
    if (o.places || o.events)
      impl_->geoparser->Parse(a, doc, &out->toponyms, &out->claims, hints);
    if (o.times || o.events) impl_->times.Tag(a, out->dct, &out->timex);
    if (o.events && impl_->coder) impl_->coder->Code(a, doc, out, o.explain);
    if (out->dct.empty() && (o.times || o.events)) {
      out->warnings.push_back("no publication date (give --date YYYY-MM-DD or a \"date\" field): "
                              "relative dates are left unresolved");
    }
  } catch (const std::exception& e) {
    return Status::Internal(std::string("while coding ") + doc.id + ": " + e.what());
  }
  return Status();
}

}  // namespace sitrep
