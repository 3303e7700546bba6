// Runs the pipeline over a document stream on N threads, writing each document's output in
// input order. Documents are read in batches (bounded memory), coded in parallel, written
// in order. One bad document is reported on the error stream and the rest go on.
#ifndef SITREP_IO_RUNNER_H_
#define SITREP_IO_RUNNER_H_

#include <atomic>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "doc/reader.h"
#include "pipeline/workspace.h"
#include "sitrep/pipeline.h"

namespace sitrep::io {

// Where output goes. Write returns false when the reader went away (a closed pipe).
class Sink {
 public:
  virtual ~Sink() = default;
  virtual bool Write(std::string_view bytes) = 0;
};

// Writes to a file descriptor (stdout). A closed pipe makes Write return false.
class FdSink : public Sink {
 public:
  explicit FdSink(int fd) : fd_(fd) {}
  bool Write(std::string_view bytes) override;
  bool failed() const { return failed_; }
  int error() const { return errno_; }

 private:
  int fd_;
  bool failed_ = false;
  int errno_ = 0;
};

// Writes to a temporary file beside `path`; Commit() renames it into place, so a reader of
// `path` never sees a half-written file. Destroyed without Commit(), it removes the
// temporary file.
class AtomicFileSink : public Sink {
 public:
  static Result<std::unique_ptr<AtomicFileSink>> Create(const std::string& path);
  ~AtomicFileSink() override;
  bool Write(std::string_view bytes) override;
  Status Commit();
  void Abort();
  const std::string& temp_path() const { return tmp_; }

 private:
  AtomicFileSink(std::string path, std::string tmp, int fd) : path_(path), tmp_(tmp), fd_(fd) {}
  std::string path_, tmp_;
  int fd_;
  bool ok_ = true;
  int errno_ = 0;
};

struct RunOptions {
  int jobs = 1;                     // worker threads (>= 1)
  bool quiet = false;               // no warnings and no progress line
  bool progress = true;             // a progress line on a terminal for runs over 2 s
  size_t batch_documents = 256;     // at most this many documents in memory at once...
  size_t batch_bytes = 16u << 20;   // ...or this many bytes of text
  // For the progress line's ETA: the size of all inputs in bytes (0: unknown, no ETA) and
  // how many of them have been read so far (see io/progress.h). Both optional.
  uint64_t total_input_bytes = 0;
  std::function<uint64_t()> input_bytes_read;
};

struct RunStats {
  uint64_t documents = 0;           // coded
  uint64_t failed = 0;              // reported and skipped
  uint64_t bytes = 0;               // text bytes coded
  uint64_t records = 0;             // lines written
  bool pipe_closed = false;         // the output's reader went away; stopped quietly
  bool interrupted = false;         // SIGINT/SIGTERM: stopped after the current batch
  bool output_error = false;        // a write failed (disk full)
  double seconds = 0;
};

// Formats one document's result, appending to *out; returns the number of records.
using Formatter = std::function<size_t(const Document&, const DocResult&, std::string* out)>;

// An output with framing: CSV's header row, GeoJSON's FeatureCollection, the HTML report's
// page around its data. The runner calls Begin once, Format for each document (on worker
// threads, in any order), Emit for each document's bytes on the writing thread in input
// order just before they are written, and End once after the last document. On an
// interrupt, a closed pipe or a write error End is not called (the output is abandoned).
class OutputFormat {
 public:
  virtual ~OutputFormat() = default;
  // Bytes that open the output (a header); written even when no document follows.
  virtual void Begin(std::string* out) { (void)out; }
  // Appends one document's records to *out and returns how many. Called concurrently from
  // several threads: must not touch shared mutable state (atomics excepted).
  virtual size_t Format(const Document& doc, const DocResult& r, std::string* out) const = 0;
  // Sees (and may rewrite) one document's formatted bytes in input order, on the writing
  // thread: the place to drop the separator before the first record of a JSON array.
  virtual void Emit(std::string* bytes) { (void)bytes; }
  // Bytes that close the output (a footer).
  virtual void End(const RunStats& stats, std::string* out) {
    (void)stats;
    (void)out;
  }
};

// A Formatter as an OutputFormat with no framing (JSON Lines).
class FunctionFormat final : public OutputFormat {
 public:
  explicit FunctionFormat(Formatter f) : f_(std::move(f)) {}
  size_t Format(const Document& d, const DocResult& r, std::string* out) const override {
    return f_(d, r, out);
  }

 private:
  Formatter f_;
};

// Set by the signal handler; the runner stops at the next batch boundary when it is set.
std::atomic<bool>& InterruptFlag();
// Installs SIGINT/SIGTERM handlers that set InterruptFlag(), and ignores SIGPIPE.
void InstallSignalHandlers();

RunStats Run(DocumentStream& in, const Pipeline& pipeline, OutputFormat& format, Sink* out,
             const RunOptions& options, std::FILE* err);
// The same for a format without framing (JSON Lines).
RunStats Run(DocumentStream& in, const Pipeline& pipeline, const Formatter& format, Sink* out,
             const RunOptions& options, std::FILE* err);

}  // namespace sitrep::io

#endif  // SITREP_IO_RUNNER_H_
