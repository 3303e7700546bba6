#include "io/progress.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cinttypes>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace sitrep::io {
namespace fs = std::filesystem;

namespace {

// Adds the size of `path` (a file, or a folder walked as DocumentStream walks it) to *sum;
// false when a size cannot be known.
bool AddSize(const std::string& path, int depth, uint64_t* sum) {
  if (depth > 64) return true;  // a link loop: the reader reports and skips it
  struct stat st;
  if (path == "-") {
    if (::fstat(STDIN_FILENO, &st) != 0 || !S_ISREG(st.st_mode)) return false;
    *sum += static_cast<uint64_t>(st.st_size);
    return true;
  }
  if (::stat(path.c_str(), &st) != 0) return true;  // reported as an error by the reader
  if (S_ISREG(st.st_mode)) {
    *sum += static_cast<uint64_t>(st.st_size);
    return true;
  }
  if (!S_ISDIR(st.st_mode)) return !S_ISFIFO(st.st_mode) && !S_ISCHR(st.st_mode);
  std::error_code ec;
  for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;  // hidden: the reader skips them too
    if (!AddSize(it->path().string(), depth + 1, sum)) return false;
  }
  return true;
}

std::string Thousands(uint64_t v) {
  std::string s = std::to_string(v);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
  return s;
}

}  // namespace

uint64_t InputSize(const std::vector<std::string>& inputs) {
  uint64_t sum = 0;
  if (inputs.empty()) return AddSize("-", 0, &sum) ? sum : 0;
  for (const auto& in : inputs) {
    if (!AddSize(in, 0, &sum)) return 0;
  }
  return sum;
}

bool ReadCounter::Rchar(uint64_t* v) {
  std::FILE* f = std::fopen("/proc/self/io", "r");
  if (!f) return false;
  char line[128];
  bool found = false;
  while (std::fgets(line, sizeof line, f)) {
    if (std::sscanf(line, "rchar: %" SCNu64, v) == 1) {
      found = true;
      break;
    }
  }
  std::fclose(f);
  return found;
}

ReadCounter::ReadCounter() { ok_ = Rchar(&base_); }

uint64_t ReadCounter::BytesRead() const {
  uint64_t v = 0;
  if (!ok_ || !Rchar(&v) || v < base_) return 0;
  return v - base_;
}

std::string FormatDuration(double seconds) {
  if (!(seconds >= 0)) seconds = 0;
  auto t = static_cast<uint64_t>(seconds + 0.5);
  char buf[48];
  if (t >= 3600) {
    std::snprintf(buf, sizeof buf, "%" PRIu64 ":%02" PRIu64 ":%02" PRIu64, t / 3600,
                  (t / 60) % 60, t % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%" PRIu64 ":%02" PRIu64, t / 60, t % 60);
  }
  return buf;
}

std::string FormatProgress(const ProgressSnapshot& s) {
  std::string out = Thousands(s.documents) + (s.documents == 1 ? " document" : " documents");
  if (s.failed) out += ", " + Thousands(s.failed) + " failed";
  char buf[96];
  double mb = static_cast<double>(s.text_bytes) / 1e6;
  double t = s.seconds > 0 ? s.seconds : 0;
  std::snprintf(buf, sizeof buf, ", %.1f MB, %.0f docs/s, %.1f MB/s", mb,
                t > 0 ? static_cast<double>(s.documents) / t : 0.0, t > 0 ? mb / t : 0.0);
  out += buf;
  if (s.total_bytes > 0) {
    double f = static_cast<double>(s.read_bytes) / static_cast<double>(s.total_bytes);
    f = std::clamp(f, 0.0, 0.99);  // the reader runs a batch ahead; "100%" only at the end
    std::snprintf(buf, sizeof buf, ", %.0f%%", f * 100);
    out += buf;
    if (f >= 0.005 && t > 0) out += ", ETA " + FormatDuration(t * (1 - f) / f);
  }
  return out;
}

Progress::Progress(std::FILE* err, bool enabled, uint64_t total_bytes,
                   std::function<uint64_t()> read_bytes)
    : err_(err),
      enabled_(enabled && err && ::isatty(::fileno(err))),
      total_(total_bytes),
      read_(std::move(read_bytes)),
      start_(std::chrono::steady_clock::now()) {}

void Progress::Update(uint64_t documents, uint64_t failed, uint64_t text_bytes, bool final) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  double t = std::chrono::duration<double>(now - start_).count();
  if (!final && (t < 2.0 || std::chrono::duration<double>(now - last_).count() < 0.5)) return;
  if (final && !shown_) return;
  last_ = now;
  shown_ = true;
  ProgressSnapshot s;
  s.documents = documents;
  s.failed = failed;
  s.text_bytes = text_bytes;
  s.seconds = t;
  if (!final) {  // the last line states what was done, without a percentage or ETA
    s.total_bytes = total_;
    // Without a read counter, text coded stands in for input read (an underestimate).
    s.read_bytes = read_ ? read_() : text_bytes;
  }
  std::fprintf(err_, "\r\033[K%s", FormatProgress(s).c_str());
  if (final) std::fputc('\n', err_);
  std::fflush(err_);
}

}  // namespace sitrep::io
