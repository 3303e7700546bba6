// Pipeline: codes one document at a time. Built once (the gazetteer index memory-mapped,
// dictionaries loaded), then shared read-only by every thread: Process() is const and
// thread-safe; each thread passes its own Workspace so no allocation is repeated per
// document.
#ifndef SITREP_PIPELINE_H_
#define SITREP_PIPELINE_H_

#include <memory>
#include <string>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/event.h"
#include "sitrep/status.h"

namespace sitrep {

struct PipelineOptions {
  // The gazetteer index built by `sitrep index build`. Empty: $SITREP_INDEX, else
  // data/gazetteer.idx next to the binary's source tree, else ./data/gazetteer.idx.
  std::string index_path;
  // Folder of the repository's dictionaries (actors.tsv, events.tsv, ...). Empty: the
  // built-in default (SITREP_DATA_DIR at build time, or $SITREP_DATA).
  std::string data_dir;
  // Users' own dictionary folders, added after the built-in ones (--dict DIR).
  std::vector<std::string> extra_dict_dirs;
  // Which stages to run. Events need places and times.
  bool places = true;
  bool times = true;
  bool events = true;
  // Record why events were or were not made (DocResult::notes), for `sitrep explain`.
  bool explain = false;
};

class Workspace;  // per-thread scratch, opaque

class Pipeline {
 public:
  // Opens the index and loads dictionaries. Stores nullptr on error.
  static Result<std::unique_ptr<Pipeline>> Open(const PipelineOptions& options);
  ~Pipeline();

  // A fresh workspace for one thread.
  std::unique_ptr<Workspace> NewWorkspace() const;

  // Codes `doc` into *out (cleared first). Never throws; a non-OK status means this
  // document could not be coded (the caller reports it and goes on).
  Status Process(const Document& doc, Workspace* ws, DocResult* out) const;

  const PipelineOptions& options() const;
  // Where the index came from and what it holds, for `sitrep version`.
  std::string Describe() const;

  struct Impl;

 private:
  explicit Pipeline(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sitrep

#endif  // SITREP_PIPELINE_H_
