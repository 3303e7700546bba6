// A read-only memory-mapped file. Movable, not copyable; unmaps on destruction.
#ifndef SITREP_UTIL_MAPPED_FILE_H_
#define SITREP_UTIL_MAPPED_FILE_H_

#include <string>
#include <string_view>

#include "sitrep/status.h"

namespace sitrep {

class MappedFile {
 public:
  MappedFile() = default;
  ~MappedFile();
  MappedFile(MappedFile&& o) noexcept;
  MappedFile& operator=(MappedFile&& o) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  // Maps `path` read-only. An empty file maps to an empty view.
  static Result<MappedFile> Open(const std::string& path);

  std::string_view view() const { return {static_cast<const char*>(data_), size_}; }
  const void* data() const { return data_; }
  size_t size() const { return size_; }

 private:
  void* data_ = nullptr;
  size_t size_ = 0;
};

// Reads a whole file into a string (for small files: dictionaries, configuration).
Result<std::string> ReadFileToString(const std::string& path);

}  // namespace sitrep

#endif  // SITREP_UTIL_MAPPED_FILE_H_
