// The progress line of long runs: documents done, rate, and an ETA when the size of the
// input is known. Shown on stderr only when it is a terminal and the run has taken more than
// two seconds; never on stdout.
#ifndef SITREP_IO_PROGRESS_H_
#define SITREP_IO_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace sitrep::io {

// The total size in bytes of the inputs as DocumentStream reads them (files, folders walked
// recursively without hidden entries, "-" for stdin), or 0 when it cannot be known (stdin
// from a pipe or a terminal, a FIFO, an unreadable path). Empty `inputs` means stdin.
uint64_t InputSize(const std::vector<std::string>& inputs);

// Bytes this process has read through read(2) since the counter was made (/proc/self/io
// "rchar"): with the gazetteer memory-mapped and the dictionaries loaded before, that is the
// input the reader has consumed. Returns false from ok() where /proc is not available.
class ReadCounter {
 public:
  ReadCounter();
  bool ok() const { return ok_; }
  uint64_t BytesRead() const;

 private:
  static bool Rchar(uint64_t* v);
  bool ok_ = false;
  uint64_t base_ = 0;
};

struct ProgressSnapshot {
  uint64_t documents = 0, failed = 0;
  uint64_t text_bytes = 0;     // text coded
  double seconds = 0;          // since the start
  uint64_t total_bytes = 0;    // input size, 0 unknown
  uint64_t read_bytes = 0;     // input consumed so far
};

// "1,204 documents, 3 failed, 12.4 MB, 310 docs/s, 3.2 MB/s, 41%, ETA 0:17".
std::string FormatProgress(const ProgressSnapshot& s);
// "0:07", "12:05", "1:02:03".
std::string FormatDuration(double seconds);

// Draws the line on a terminal, at most twice a second, from two seconds into the run.
class Progress {
 public:
  // `enabled` false, or `err` not a terminal: does nothing.
  Progress(std::FILE* err, bool enabled, uint64_t total_bytes,
           std::function<uint64_t()> read_bytes);
  // Called between batches. The ETA reads the input consumed, which runs ahead of the coding
  // by the reader's buffer (1 MiB for JSON Lines): negligible on the long runs it is for.
  void Update(uint64_t documents, uint64_t failed, uint64_t text_bytes, bool final);

 private:
  std::FILE* err_;
  bool enabled_;
  bool shown_ = false;
  uint64_t total_;
  std::function<uint64_t()> read_;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace sitrep::io

#endif  // SITREP_IO_PROGRESS_H_
