#include "doc/reader.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <simdjson.h>

#include "util/utf8.h"

namespace sitrep {
namespace fs = std::filesystem;

std::string NormalizeDate(std::string_view s) {
  auto digits = [&](size_t b, size_t n) {
    if (b + n > s.size()) return false;
    for (size_t i = b; i < b + n; ++i)
      if (s[i] < '0' || s[i] > '9') return false;
    return true;
  };
  std::string out;
  // A date may be followed by a time ("T10:00:00Z", " 10:00") but not by more digits.
  if (digits(0, 4) && s.size() >= 10 && s[4] == '-' && digits(5, 2) && s[7] == '-' &&
      digits(8, 2) && (s.size() == 10 || !std::isdigit(static_cast<unsigned char>(s[10])))) {
    out = std::string(s.substr(0, 10));
  } else if (digits(0, 8) && (s.size() == 8 || !std::isdigit(static_cast<unsigned char>(s[8])))) {
    out = std::string(s.substr(0, 4)) + "-" + std::string(s.substr(4, 2)) + "-" +
          std::string(s.substr(6, 2));
  } else {
    return {};
  }
  int m = (out[5] - '0') * 10 + (out[6] - '0');
  int d = (out[8] - '0') * 10 + (out[9] - '0');
  int y = std::stoi(out.substr(0, 4));
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return {};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m == 2 && d == 29 && !leap) return {};
  return out;
}

size_t SanitizeText(std::string* text, std::vector<std::string>* warnings) {
  if (text->size() >= 3 && static_cast<unsigned char>((*text)[0]) == 0xEF &&
      static_cast<unsigned char>((*text)[1]) == 0xBB &&
      static_cast<unsigned char>((*text)[2]) == 0xBF) {
    text->erase(0, 3);
  }
  bool has_nul = std::memchr(text->data(), 0, text->size()) != nullptr;
  if (!has_nul && IsValidUtf8(*text)) return 0;
  size_t replaced = 0;
  *text = RepairUtf8(*text, &replaced);
  if (warnings && replaced) {
    warnings->push_back("invalid UTF-8 or NUL bytes replaced with U+FFFD at " +
                        std::to_string(replaced) + " place(s); offsets count the repaired text");
  }
  return replaced;
}

namespace {

std::string Stem(const std::string& path) {
  fs::path p(path);
  return p.stem().string();
}

bool EndsWith(std::string_view s, std::string_view suf) {
  if (s.size() < suf.size()) return false;
  for (size_t i = 0; i < suf.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[s.size() - suf.size() + i])) != suf[i])
      return false;
  return true;
}

InputFormat FormatFor(const std::string& path, InputFormat forced) {
  if (forced != InputFormat::kAuto) return forced;
  if (EndsWith(path, ".jsonl") || EndsWith(path, ".ndjson") || EndsWith(path, ".json"))
    return InputFormat::kJsonl;
  if (EndsWith(path, ".html") || EndsWith(path, ".htm") || EndsWith(path, ".xhtml"))
    return InputFormat::kHtml;
  return InputFormat::kText;
}

// Reads lines from a file descriptor with a bounded line buffer: a line longer than `cap`
// is skipped (reported as too long) without holding it in memory.
// True when a read that failed with EINTR should give up: the user pressed Ctrl-C.
bool StopOnEintr(const std::atomic<bool>* interrupted) {
  return interrupted && interrupted->load();
}

// read(2) that an interrupt stops even when the signal came before the read began (a
// signal that lands while sitrep is still starting up, before it waits on a silent pipe, would
// otherwise leave it blocked for good): waits with poll() in short slices and checks the flag
// between them. Returns -1 with errno EINTR once *interrupted is set.
ssize_t InterruptibleRead(int fd, char* buf, size_t n, const std::atomic<bool>* interrupted) {
  if (!interrupted) return ::read(fd, buf, n);
  for (;;) {
    if (interrupted->load()) {
      errno = EINTR;
      return -1;
    }
    pollfd p{fd, POLLIN, 0};
    int r = ::poll(&p, 1, 100);
    if (r < 0 && errno != EINTR) return ::read(fd, buf, n);  // not pollable: a plain read
    if (r > 0) return ::read(fd, buf, n);  // readable, at its end, or an error to report
  }
}

class LineReader {
 public:
  // `prefix`: bytes already read from fd (format detection on stdin); they come first.
  LineReader(int fd, size_t cap, std::string_view prefix = {},
             const std::atomic<bool>* interrupted = nullptr)
      : fd_(fd), cap_(cap), interrupted_(interrupted) {
    // Not zeroed (make_unique_for_overwrite): read() fills it, and a reader per small file
    // would otherwise clear a megabyte each time.
    buf_size_ = std::max<size_t>(1 << 20, prefix.size());
    buf_ = std::make_unique_for_overwrite<char[]>(buf_size_);
    if (!prefix.empty()) std::memcpy(buf_.get(), prefix.data(), prefix.size());
    len_ = prefix.size();
  }
  // Returns false at EOF. *too_long is set when the line exceeded the cap (line is empty).
  bool Next(std::string* line, bool* too_long, Status* err) {
    line->clear();
    *too_long = false;
    bool any = false;
    for (;;) {
      if (pos_ == len_) {
        if (eof_) return any;
        ssize_t r = InterruptibleRead(fd_, buf_.get(), buf_size_, interrupted_);
        if (r < 0) {
          if (errno == EINTR && !StopOnEintr(interrupted_)) continue;
          *err = Status::IoError(std::strerror(errno));
          eof_ = true;
          return any;
        }
        if (r == 0) {
          eof_ = true;
          return any;
        }
        pos_ = 0;
        len_ = static_cast<size_t>(r);
      }
      any = true;
      const char* start = buf_.get() + pos_;
      const void* nl = std::memchr(start, '\n', len_ - pos_);
      size_t take = nl ? static_cast<size_t>(static_cast<const char*>(nl) - start) : len_ - pos_;
      if (!*too_long) {
        if (line->size() + take > cap_) {
          *too_long = true;
          line->clear();
          line->shrink_to_fit();
        } else {
          line->append(start, take);
        }
      }
      pos_ += take;
      if (nl) {
        ++pos_;
        return true;
      }
    }
  }

 private:
  int fd_;
  size_t cap_;
  const std::atomic<bool>* interrupted_;
  std::unique_ptr<char[]> buf_;
  size_t buf_size_ = 0;
  size_t pos_ = 0, len_ = 0;
  bool eof_ = false;
};

// Reads fd to its end, appending to *out (which may hold bytes already read). Over `cap`
// bytes, sets *too_large, stops reading and leaves *out empty: an endless input (a device,
// a pipe that never closes) is refused once it passes the cap instead of being read forever.
Status ReadAll(int fd, size_t cap, std::string* out, bool* too_large,
               const std::atomic<bool>* interrupted) {
  *too_large = false;
  char buf[1 << 16];
  while (out->size() <= cap) {
    ssize_t r = InterruptibleRead(fd, buf, sizeof buf, interrupted);
    if (r < 0) {
      if (errno == EINTR && !StopOnEintr(interrupted)) continue;
      return Status::IoError(std::strerror(errno));
    }
    if (r == 0) return Status();
    out->append(buf, static_cast<size_t>(r));
  }
  *too_large = true;
  out->clear();
  out->shrink_to_fit();
  return Status();
}

class Stream final : public DocumentStream {
 public:
  Stream(std::vector<std::string> inputs, const ReadOptions& o) : opts_(o) {
    for (auto it = inputs.rbegin(); it != inputs.rend(); ++it) pending_.push_back({*it, 0, ""});
    single_ = inputs.size() == 1;
  }
  ~Stream() override { CloseCurrent(); }

  bool Next(ReadItem* item) override {
    item->doc.reset();
    item->error = Status();
    for (;;) {
      if (reader_) {
        if (NextJsonLine(item)) return true;
        continue;
      }
      if (pending_.empty()) return false;
      Pending p = pending_.back();
      pending_.pop_back();
      if (OpenInput(p, item)) return true;
    }
  }

 private:
  struct Pending {
    std::string path;
    int depth;
    std::string root;  // the input folder this file was found under ("" for a top-level file)
  };

  // A document's default id: the file's stem, or for files found in a folder the path
  // below that folder without its extension ("2023/mali/report"), so that files with the
  // same name in different subfolders keep distinct ids.
  static std::string IdFor(const std::string& path, const std::string& root) {
    if (root.empty()) return Stem(path);
    std::error_code ec;
    fs::path rel = fs::path(path).lexically_relative(fs::path(root));
    if (rel.empty() || ec) return Stem(path);
    rel.replace_extension();
    return rel.generic_string();
  }

  void CloseCurrent() {
    reader_.reset();
    if (fd_ >= 0 && fd_ != 0) ::close(fd_);
    fd_ = -1;
  }

  bool Fail(ReadItem* item, Status st) {
    item->error = std::move(st);
    return true;
  }

  // Opens a path; returns true if it produced an item (a document or an error).
  bool OpenInput(const Pending& p, ReadItem* item) {
    const std::string& path = p.path;
    if (path == "-") {
      return OpenFd(0, "<stdin>", opts_.format, item, /*from_dir=*/false);
    }
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      int e = errno;
      if (e == ELOOP) return Fail(item, Status::IoError(path + ": symbolic link loop"));
      if (e == ENOENT) return Fail(item, Status::NotFound(path + ": no such file or directory"));
      return Fail(item, Status::IoError(path + ": " + std::strerror(e)));
    }
    if (S_ISDIR(st.st_mode)) {
      auto key = std::make_pair(static_cast<uint64_t>(st.st_dev), static_cast<uint64_t>(st.st_ino));
      if (!visited_dirs_.insert(key).second) {
        return Fail(item, Status::InvalidArgument(
                              path + ": directory already visited (a symbolic link loop?); skipped"));
      }
      std::error_code ec;
      std::vector<std::string> children;
      fs::directory_iterator it(path, ec), end;
      if (ec) return Fail(item, Status::IoError(path + ": " + ec.message()));
      for (; it != end; it.increment(ec)) {
        if (ec) break;
        std::string name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') continue;  // hidden files and folders
        children.push_back(it->path().string());
      }
      if (ec) return Fail(item, Status::IoError(path + ": " + ec.message()));
      std::sort(children.begin(), children.end());
      for (auto c = children.rbegin(); c != children.rend(); ++c)
        pending_.push_back({*c, p.depth + 1, p.depth == 0 ? path : p.root});
      return false;
    }
    // A pipe or a device is read only when named on the command line (`<(zcat feed.gz)`,
    // /dev/stdin): found in a folder, a FIFO without a writer would block the run forever.
    if (!S_ISREG(st.st_mode) &&
        (p.depth > 0 || (!S_ISFIFO(st.st_mode) && !S_ISCHR(st.st_mode)))) {
      return Fail(item, Status::InvalidArgument(path + ": not a regular file; skipped"));
    }
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Fail(item, Status::IoError(path + ": " + std::strerror(errno)));
    root_ = p.root;
    return OpenFd(fd, path, opts_.format, item, p.depth > 0);
  }

  bool OpenFd(int fd, const std::string& path, InputFormat forced, ReadItem* item, bool from_dir) {
    fd_ = fd;
    InputFormat fmt = fd == 0 ? forced : FormatFor(path, forced);
    std::string content;
    if (fmt == InputFormat::kAuto) {
      // stdin: read up to the first byte that is not white space (or a BOM) and go by it:
      // '{' JSON Lines, '<' HTML, else plain text. JSON Lines then streams line by line,
      // so memory stays bounded however long the input is.
      Status st = PeekFormat(fd, &content, &fmt, opts_.interrupted);
      if (!st.ok()) {
        fd_ = -1;
        return Fail(item, st.WithContext(path + ": "));
      }
    }
    if (fmt == InputFormat::kJsonl) {
      path_ = path;
      line_no_ = 0;
      any_line_ = false;
      reader_ = std::make_unique<LineReader>(fd, opts_.max_document_bytes * 2 + (1 << 16), content,
                                             opts_.interrupted);
      return false;
    }
    bool too_large = false;
    Status st = ReadAll(fd, opts_.max_document_bytes * (fmt == InputFormat::kHtml ? 4 : 1),
                        &content, &too_large, opts_.interrupted);
    if (fd != 0) ::close(fd);
    fd_ = -1;
    if (!st.ok()) return Fail(item, st.WithContext(path + ": "));
    if (too_large) {
      return Fail(item, Status::TooLarge(path + ": larger than the document size limit (" +
                                         std::to_string(opts_.max_document_bytes) +
                                         " bytes; see --max-bytes); skipped"));
    }
    Document doc;
    doc.origin = path;
    if (content.empty()) {
      return Fail(item, Status::InvalidArgument(path + ": empty file; nothing to code"));
    }
    if (fmt == InputFormat::kHtml) {
      SanitizeText(&content, &doc.warnings);
      ExtractHtml(content, &doc);
    } else {
      doc.text = std::move(content);
      SanitizeText(&doc.text, &doc.warnings);
    }
    if (doc.text.size() > opts_.max_document_bytes) {
      return Fail(item, Status::TooLarge(path + ": text larger than the document size limit; skipped"));
    }
    doc.id = (!opts_.id.empty() && single_ && !from_dir) ? opts_.id
             : fd == 0                                   ? std::string("stdin")
                                                         : IdFor(path, root_);
    if (doc.published.empty()) doc.published = opts_.default_date;
    item->doc = std::move(doc);
    return true;
  }

  // Reads from fd into *prefix until a byte that is not white space or a BOM, and chooses
  // the format by it. An empty input reads as (empty) text.
  static Status PeekFormat(int fd, std::string* prefix, InputFormat* fmt,
                           const std::atomic<bool>* interrupted) {
    char buf[1 << 16];
    size_t k = 0;
    for (;;) {
      while (k < prefix->size()) {
        unsigned char c = static_cast<unsigned char>((*prefix)[k]);
        if (c == 0xEF && k + 3 <= prefix->size() && (*prefix)[k + 1] == '\xBB' &&
            (*prefix)[k + 2] == '\xBF') {
          k += 3;
        } else if (c == 0xEF && k + 3 > prefix->size()) {
          break;  // maybe a BOM cut by the read: read more
        } else if (std::isspace(c)) {
          ++k;
        } else {
          *fmt = c == '{' ? InputFormat::kJsonl : c == '<' ? InputFormat::kHtml : InputFormat::kText;
          return Status();
        }
      }
      ssize_t r = InterruptibleRead(fd, buf, sizeof buf, interrupted);
      if (r < 0) {
        if (errno == EINTR && !StopOnEintr(interrupted)) continue;
        return Status::IoError(std::strerror(errno));
      }
      if (r == 0) {
        *fmt = InputFormat::kText;
        return Status();
      }
      prefix->append(buf, static_cast<size_t>(r));
    }
  }

  bool ParseLine(std::string_view line, ReadItem* item) {
    size_t k = 0;
    if (line.substr(0, 3) == "\xEF\xBB\xBF") k = 3;  // a byte order mark
    while (k < line.size() && (line[k] == ' ' || line[k] == '\t' || line[k] == '\r')) ++k;
    if (k == line.size()) return false;  // blank line
    any_line_ = true;
    std::string where = path_ + ":" + std::to_string(line_no_) + ": ";
    Document doc;
    Status st = ParseJsonLine(line, opts_, where, &doc);
    if (!st.ok()) return Fail(item, st);
    doc.origin = path_ + ":" + std::to_string(line_no_);
    if (doc.id.empty()) doc.id = IdFor(path_, root_) + "#" + std::to_string(line_no_);
    item->doc = std::move(doc);
    return true;
  }

  bool NextJsonLine(ReadItem* item) {
    std::string& line = line_;
    bool too_long = false;
    Status err;
    while (reader_->Next(&line, &too_long, &err)) {
      ++line_no_;
      if (too_long) {
        any_line_ = true;
        return Fail(item, Status::TooLarge(path_ + ":" + std::to_string(line_no_) +
                                           ": line longer than the document size limit; skipped"));
      }
      if (ParseLine(line, item)) return true;
    }
    bool empty = !any_line_;
    CloseCurrent();
    if (!err.ok()) return Fail(item, err.WithContext(path_ + ": "));
    if (empty) return Fail(item, Status::InvalidArgument(path_ + ": empty file; nothing to code"));
    return false;
  }

  ReadOptions opts_;
  std::vector<Pending> pending_;
  std::set<std::pair<uint64_t, uint64_t>> visited_dirs_;
  bool single_ = false;
  int fd_ = -1;
  std::string root_;  // see Pending::root
  std::unique_ptr<LineReader> reader_;
  std::string path_;
  uint64_t line_no_ = 0;
  bool any_line_ = false;
  std::string line_;  // the current JSON line, its buffer reused
};

}  // namespace

namespace {

// JSON forbids raw control characters (U+0000-U+001F) inside strings, but feeds carry raw
// tabs and NULs all the same. Returns the line with those inside strings written as
// \u00XX escapes (outside strings they are left for the parser to refuse).
std::string EscapeControlsInStrings(std::string_view line) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(line.size() + 16);
  bool in_string = false, escaped = false;
  for (char ch : line) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (in_string && c < 0x20) {
      out.append("\\u00");
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
      escaped = false;
      continue;
    }
    out.push_back(ch);
    if (escaped) {
      escaped = false;
    } else if (in_string && c == '\\') {
      escaped = true;
    } else if (c == '"') {
      in_string = !in_string;
    }
  }
  return out;
}

// JSON escapes of UTF-16 surrogates that are not a high-low pair ("\ud800" alone, as
// Python writes the bytes of a mis-decoded feed) make simdjson refuse the whole line.
// Returns the line with each such escape written as \ufffd, and their number in *count.
std::string ReplaceLoneSurrogateEscapes(std::string_view line, size_t* count) {
  auto hex4 = [&](size_t k, uint32_t* v) {
    if (k + 4 > line.size()) return false;
    uint32_t x = 0;
    for (size_t j = k; j < k + 4; ++j) {
      char c = line[j];
      int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) return false;
      x = x * 16 + static_cast<uint32_t>(d);
    }
    *v = x;
    return true;
  };
  auto is_escape_at = [&](size_t k, uint32_t* v) {
    return k + 6 <= line.size() && line[k] == '\\' && line[k + 1] == 'u' && hex4(k + 2, v);
  };
  std::string out;
  out.reserve(line.size());
  *count = 0;
  bool in_string = false;
  for (size_t i = 0; i < line.size();) {
    char c = line[i];
    if (!in_string) {
      if (c == '"') in_string = true;
      out.push_back(c);
      ++i;
      continue;
    }
    if (c == '"') {
      in_string = false;
      out.push_back(c);
      ++i;
      continue;
    }
    if (c != '\\' || i + 1 >= line.size()) {
      out.push_back(c);
      ++i;
      continue;
    }
    uint32_t v = 0, w = 0;
    if (is_escape_at(i, &v) && v >= 0xD800 && v <= 0xDFFF) {
      if (v <= 0xDBFF && is_escape_at(i + 6, &w) && w >= 0xDC00 && w <= 0xDFFF) {
        out.append(line.substr(i, 12));  // a pair: kept
        i += 12;
      } else {
        out.append("\\ufffd");
        ++*count;
        i += 6;
      }
      continue;
    }
    out.append(line.substr(i, 2));  // any other escape, kept as it is
    i += 2;
  }
  return out;
}

}  // namespace

Status ParseJsonLine(std::string_view line, const ReadOptions& options, std::string_view where,
                     Document* doc) {
  // The DOM parser picks the best SIMD kernel at run time (haswell, westmere, ...).
  thread_local simdjson::dom::parser parser;
  if (line.size() >= 3 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);  // BOM
  std::string repaired;
  bool was_repaired = false, controls_escaped = false, surrogates_checked = false;
  size_t lone_surrogates = 0;
  std::string_view input = line;
  simdjson::dom::element root;
  // simdjson validates UTF-8 as it parses: repair only a line it refuses for that, for raw
  // control characters in strings, or for lone surrogate escapes (each once, one after the
  // other, if need be).
  auto err = parser.parse(input.data(), input.size()).get(root);
  for (int round = 0; round < 3 && err; ++round) {
    std::string next;
    if (err == simdjson::UTF8_ERROR && !was_repaired) {
      size_t n = 0;
      next = RepairUtf8(input, &n);
      was_repaired = true;
    } else if (err == simdjson::UNESCAPED_CHARS && !controls_escaped) {
      next = EscapeControlsInStrings(input);
      controls_escaped = true;
    } else if (err == simdjson::STRING_ERROR && !surrogates_checked) {
      next = ReplaceLoneSurrogateEscapes(input, &lone_surrogates);
      surrogates_checked = true;
      if (lone_surrogates == 0) break;  // another string error: not JSON
    } else {
      break;
    }
    repaired = std::move(next);
    input = repaired;
    err = parser.parse(input.data(), input.size()).get(root);
  }
  auto w = [where] { return std::string(where); };  // built only for an error
  if (err) return Status::InvalidArgument(w() + "not JSON (" + simdjson::error_message(err) + ")");
  simdjson::dom::object obj;
  if (root.get_object().get(obj)) return Status::InvalidArgument(w() + "not a JSON object");
  bool have_text = false, have_id = false, have_date = false;
  bool seen_title = false, seen_source = false, seen_url = false, seen_lang = false;
  bool duplicate_text = false;
  auto type_name = [](simdjson::dom::element_type t) {
    switch (t) {
      case simdjson::dom::element_type::NULL_VALUE: return "null";
      case simdjson::dom::element_type::BOOL: return "a boolean";
      case simdjson::dom::element_type::ARRAY: return "an array";
      case simdjson::dom::element_type::OBJECT: return "an object";
      case simdjson::dom::element_type::STRING: return "a string";
      default: return "a number";
    }
  };
  auto get_str = [](simdjson::dom::element v, bool* seen, std::string* out) {
    if (*seen) return;  // duplicate key: the first one wins
    *seen = true;
    std::string_view sv;
    if (!v.get_string().get(sv)) out->assign(sv);
  };
  for (auto field : obj) {
    std::string_view key = field.key;
    simdjson::dom::element value = field.value;
    if (key == "text") {
      if (have_text) {
        duplicate_text = true;
        continue;
      }
      std::string_view sv;
      if (value.get_string().get(sv)) {
        return Status::InvalidArgument(w() + "\"text\" is " + type_name(value.type()) +
                                       ", not a string");
      }
      if (sv.size() > options.max_document_bytes) {
        return Status::TooLarge(w() + "\"text\" larger than the document size limit (" +
                                std::to_string(options.max_document_bytes) + " bytes); skipped");
      }
      doc->text.assign(sv);
      have_text = true;
    } else if (key == "id" || key == "doc") {
      if (have_id) continue;
      std::string_view sv;
      if (!value.get_string().get(sv)) {
        doc->id.assign(sv);
        have_id = true;
      } else if (value.is_int64() || value.is_uint64()) {
        doc->id = simdjson::to_string(value);
        have_id = true;
      }
    } else if (key == "title") {
      get_str(value, &seen_title, &doc->title);
    } else if (key == "date" || key == "published" || key == "dct" || key == "publication_date") {
      if (have_date) continue;
      std::string_view sv;
      if (value.get_string().get(sv)) continue;
      std::string nd = NormalizeDate(sv);
      if (!nd.empty()) {
        doc->published = nd;
        have_date = true;
      } else if (!sv.empty()) {
        doc->warnings.push_back("\"" + std::string(key) + "\": \"" + std::string(sv) +
                                "\" is not a date (YYYY-MM-DD); ignored");
      }
    } else if (key == "source") {
      get_str(value, &seen_source, &doc->source);
    } else if (key == "url") {
      get_str(value, &seen_url, &doc->url);
    } else if (key == "lang" || key == "language") {
      get_str(value, &seen_lang, &doc->lang);
    }
    // Unknown fields are ignored.
  }
  if (!have_text) return Status::InvalidArgument(w() + "no \"text\" field");
  if (was_repaired) {
    doc->warnings.push_back("invalid UTF-8 replaced with U+FFFD; offsets count the repaired text");
  }
  if (controls_escaped) {
    doc->warnings.push_back("raw control characters inside JSON strings read as escapes");
  }
  if (lone_surrogates) {
    doc->warnings.push_back("lone UTF-16 surrogate escapes (\\ud800-\\udfff) replaced with "
                            "U+FFFD at " + std::to_string(lone_surrogates) + " place(s)");
  }
  if (duplicate_text) {
    doc->warnings.push_back("more than one \"text\" key: the first one is read, the others ignored");
  }
  if (std::memchr(doc->text.data(), 0, doc->text.size()) != nullptr) {
    SanitizeText(&doc->text, &doc->warnings);
  }
  if (doc->published.empty()) doc->published = options.default_date;
  return Status();
}

Result<std::unique_ptr<DocumentStream>> DocumentStream::Open(std::vector<std::string> inputs,
                                                             const ReadOptions& options) {
  if (!options.default_date.empty() && NormalizeDate(options.default_date) != options.default_date) {
    return Status::InvalidArgument("--date must be YYYY-MM-DD, got \"" + options.default_date + "\"");
  }
  if (options.max_document_bytes == 0) return Status::InvalidArgument("--max-bytes must be positive");
  if (inputs.empty()) inputs.push_back("-");
  return std::unique_ptr<DocumentStream>(new Stream(std::move(inputs), options));
}

}  // namespace sitrep
