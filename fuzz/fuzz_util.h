// Helpers shared by the libFuzzer targets in this folder (see README.md): a CHECK that
// aborts with a message (so a broken invariant is a finding, like a crash), an in-memory
// file for code that reads paths, and the span invariants every stage promises.
#ifndef SITREP_FUZZ_FUZZ_UTIL_H_
#define SITREP_FUZZ_FUZZ_UTIL_H_

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "util/utf8.h"

#define FUZZ_CHECK(cond)                                                              \
  do {                                                                                \
    if (!(cond)) {                                                                    \
      std::fprintf(stderr, "%s:%d: FUZZ_CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                   \
    }                                                                                 \
  } while (0)

namespace sitrep::fuzz {

inline std::string_view AsView(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Bytes in an anonymous in-memory file, readable by path ("/proc/self/fd/N") for code
// that opens files itself. Closed (and gone) on destruction.
class MemFile {
 public:
  explicit MemFile(std::string_view bytes) {
    fd_ = ::memfd_create("sitrep_fuzz", MFD_CLOEXEC);
    FUZZ_CHECK(fd_ >= 0);
    size_t off = 0;
    while (off < bytes.size()) {
      ssize_t w = ::write(fd_, bytes.data() + off, bytes.size() - off);
      FUZZ_CHECK(w > 0);
      off += static_cast<size_t>(w);
    }
    path_ = "/proc/self/fd/" + std::to_string(fd_);
  }
  ~MemFile() { ::close(fd_); }
  MemFile(const MemFile&) = delete;
  MemFile& operator=(const MemFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  int fd_ = -1;
  std::string path_;
};

// True when [start, end) lies inside `text` and both ends fall on UTF-8 character
// boundaries (never inside a multi-byte sequence).
inline bool IsCharSpan(std::string_view text, uint32_t start, uint32_t end) {
  auto boundary = [&](uint32_t k) {
    return k == text.size() || (static_cast<unsigned char>(text[k]) & 0xC0) != 0x80;
  };
  return start <= end && end <= text.size() && boundary(start) && boundary(end);
}

// The text of a span is exactly the bytes it names.
inline bool SpanIs(std::string_view text, uint32_t start, uint32_t end, std::string_view s) {
  return IsCharSpan(text, start, end) && text.substr(start, end - start) == s;
}

}  // namespace sitrep::fuzz

#endif  // SITREP_FUZZ_FUZZ_UTIL_H_
