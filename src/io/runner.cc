#include "io/runner.h"

#include "io/progress.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

namespace sitrep::io {

bool FdSink::Write(std::string_view bytes) {
  if (failed_) return false;
  const char* p = bytes.data();
  size_t n = bytes.size();
  while (n) {
    ssize_t w = ::write(fd_, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      failed_ = true;
      errno_ = errno;
      return false;
    }
    p += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

Result<std::unique_ptr<AtomicFileSink>> AtomicFileSink::Create(const std::string& path) {
  std::filesystem::path p(path);
  std::string dir = p.parent_path().empty() ? "." : p.parent_path().string();
  std::string tmpl = dir + "/." + p.filename().string() + ".tmp.XXXXXX";
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back(0);
  int fd = ::mkstemp(buf.data());
  if (fd < 0) return Status::IoError(path + ": cannot create a temporary file in " + dir + ": " +
                                     std::strerror(errno));
  ::fchmod(fd, 0644);
  return std::unique_ptr<AtomicFileSink>(new AtomicFileSink(path, buf.data(), fd));
}

AtomicFileSink::~AtomicFileSink() { Abort(); }

bool AtomicFileSink::Write(std::string_view bytes) {
  if (!ok_ || fd_ < 0) return false;
  const char* p = bytes.data();
  size_t n = bytes.size();
  while (n) {
    ssize_t w = ::write(fd_, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      ok_ = false;
      errno_ = errno;
      return false;
    }
    p += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

Status AtomicFileSink::Commit() {
  if (fd_ < 0) return Status::Internal("output already closed");
  if (!ok_) {
    Abort();
    return Status::IoError(path_ + ": write failed: " + std::strerror(errno_));
  }
  if (::fsync(fd_) != 0 && errno != EINVAL) {
    int e = errno;
    Abort();
    return Status::IoError(path_ + ": " + std::strerror(e));
  }
  ::close(fd_);
  fd_ = -1;
  if (::rename(tmp_.c_str(), path_.c_str()) != 0) {
    int e = errno;
    ::unlink(tmp_.c_str());
    return Status::IoError(path_ + ": cannot rename the temporary file: " + std::strerror(e));
  }
  return Status();
}

void AtomicFileSink::Abort() {
  if (fd_ >= 0) {
    ::close(fd_);
    fd_ = -1;
    ::unlink(tmp_.c_str());
  }
}

std::atomic<bool>& InterruptFlag() {
  static std::atomic<bool> flag{false};
  return flag;
}

namespace {
void OnSignal(int) { InterruptFlag().store(true); }
}  // namespace

void InstallSignalHandlers() {
  struct sigaction sa;
  std::memset(&sa, 0, sizeof sa);
  sa.sa_handler = OnSignal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  signal(SIGPIPE, SIG_IGN);
}

namespace {

struct Slot {
  Document doc;
  DocResult result;
  Status status;
  std::string out;
  std::vector<std::string> warnings;  // the reader's and the pipeline's (DocResult::warnings)
  size_t records = 0;
  bool is_doc = false;  // false: a reader error item
};

// Prints each distinct warning once, with the document it first came from; repeats
// ("no publication date" on every document of a feed) are counted and summed up at the end.
class Warnings {
 public:
  Warnings(std::FILE* err, bool quiet) : err_(quiet ? nullptr : err) {}
  void Add(const std::string& origin, const std::string& w) {
    if (!err_) return;
    auto [it, fresh] = index_.emplace(w, seen_.size());
    if (fresh) {
      seen_.push_back({w, 0});
      std::fprintf(err_, "sitrep: warning: %s: %s\n", origin.c_str(), w.c_str());
    } else {
      ++seen_[it->second].second;
    }
  }
  void Finish() {
    if (!err_) return;
    for (const auto& [w, more] : seen_) {
      if (more) {
        std::fprintf(err_, "sitrep: warning: the same for %llu more document(s): %s\n",
                     static_cast<unsigned long long>(more), w.c_str());
      }
    }
  }

 private:
  std::FILE* err_;
  std::unordered_map<std::string, size_t> index_;
  std::vector<std::pair<std::string, uint64_t>> seen_;
};

}  // namespace

namespace {

// Writes bytes, noting a closed pipe or a failed write in *stats; false on failure.
bool WriteOut(Sink* out, std::string_view bytes, RunStats* stats) {
  if (bytes.empty() || out->Write(bytes)) return true;
  if (auto* fd = dynamic_cast<FdSink*>(out); fd && fd->error() == EPIPE) {
    stats->pipe_closed = true;
  } else {
    stats->output_error = true;
  }
  return false;
}

}  // namespace

RunStats Run(DocumentStream& in, const Pipeline& pipeline, const Formatter& format, Sink* out,
             const RunOptions& options, std::FILE* err) {
  FunctionFormat f(format);
  return Run(in, pipeline, f, out, options, err);
}

RunStats Run(DocumentStream& in, const Pipeline& pipeline, OutputFormat& format, Sink* out,
             const RunOptions& options, std::FILE* err) {
  RunStats stats;
  auto t0 = std::chrono::steady_clock::now();
  const int jobs = std::max(1, options.jobs);
  std::vector<std::unique_ptr<Workspace>> spaces;
  for (int k = 0; k < jobs; ++k) spaces.push_back(pipeline.NewWorkspace());
  Progress progress(err, options.progress && !options.quiet, options.total_input_bytes,
                    options.input_bytes_read);
  Warnings warnings(err, options.quiet);
  std::vector<Slot> batch;
  bool done = false;
  {
    std::string head;
    format.Begin(&head);
    if (!WriteOut(out, head, &stats)) done = true;
  }
  while (!done) {
    if (InterruptFlag().load()) {
      stats.interrupted = true;
      break;
    }
    // 1. Read a batch.
    batch.clear();
    size_t bytes = 0;
    while (batch.size() < options.batch_documents && bytes < options.batch_bytes) {
      ReadItem item;
      if (!in.Next(&item)) {
        done = true;
        break;
      }
      Slot s;
      if (item.doc) {
        s.is_doc = true;
        s.doc = std::move(*item.doc);
        bytes += s.doc.text.size();
      } else {
        s.status = std::move(item.error);
      }
      batch.push_back(std::move(s));
    }
    // A signal while reading (a read of stdin cut short, say): stop before coding.
    if (InterruptFlag().load()) {
      stats.interrupted = true;
      break;
    }
    // 2. Code it in parallel.
    std::atomic<size_t> next{0};
    auto work = [&](int k) {
      for (;;) {
        size_t i = next.fetch_add(1);
        if (i >= batch.size()) return;
        Slot& s = batch[i];
        if (!s.is_doc) continue;
        s.status = pipeline.Process(s.doc, spaces[static_cast<size_t>(k)].get(), &s.result);
        if (s.status.ok()) {
          s.records = format.Format(s.doc, s.result, &s.out);
          s.warnings = std::move(s.result.warnings);
        }
        s.result = DocResult();  // free memory early
      }
    };
    if (jobs == 1 || batch.size() < 2) {
      work(0);
    } else {
      std::vector<std::thread> threads;
      for (int k = 1; k < jobs; ++k) threads.emplace_back(work, k);
      work(0);
      for (auto& t : threads) t.join();
    }
    // 3. Write in input order.
    for (Slot& s : batch) {
      if (!s.status.ok()) {
        ++stats.failed;
        if (err) std::fprintf(err, "sitrep: %s\n", s.status.message().c_str());
        continue;
      }
      ++stats.documents;
      stats.bytes += s.doc.text.size();
      for (const auto& w : s.warnings) warnings.Add(s.doc.origin, w);
      format.Emit(&s.out);
      if (!WriteOut(out, s.out, &stats)) {
        done = true;
        break;
      }
      stats.records += s.records;
    }
    progress.Update(stats.documents, stats.failed, stats.bytes, false);
  }
  // A signal during the last batch still counts: the caller must not commit a file.
  if (InterruptFlag().load()) stats.interrupted = true;
  if (!stats.interrupted && !stats.pipe_closed && !stats.output_error) {
    std::string tail;
    format.End(stats, &tail);
    WriteOut(out, tail, &stats);
  }
  progress.Update(stats.documents, stats.failed, stats.bytes, true);
  warnings.Finish();
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return stats;
}

}  // namespace sitrep::io
