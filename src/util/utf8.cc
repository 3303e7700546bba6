#include "util/utf8.h"

#include <simdjson.h>

namespace sitrep {

bool IsValidUtf8(std::string_view s) { return simdjson::validate_utf8(s.data(), s.size()); }

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string RepairUtf8(std::string_view s, size_t* replaced) {
  static constexpr char kFffd[] = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(s.size() + 16);
  size_t count = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c == 0) {
      out.append(kFffd, 3);
      ++count;
      ++i;
      continue;
    }
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    // Expected length and the valid range of the second byte (Unicode Table 3-7).
    int len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c == 0xE0) {
      len = 3; lo = 0xA0;
    } else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
      len = 3;
    } else if (c == 0xED) {
      len = 3; hi = 0x9F;  // no surrogates
    } else if (c == 0xF0) {
      len = 4; lo = 0x90;
    } else if (c >= 0xF1 && c <= 0xF3) {
      len = 4;
    } else if (c == 0xF4) {
      len = 4; hi = 0x8F;
    }
    if (len == 0) {
      out.append(kFffd, 3);
      ++count;
      ++i;
      continue;
    }
    // Consume the maximal valid prefix; replace it as one unit if incomplete.
    size_t j = i + 1;
    bool ok = true;
    for (int k = 1; k < len; ++k, ++j) {
      if (j >= n) { ok = false; break; }
      unsigned char b = p[j];
      unsigned char l = (k == 1) ? lo : 0x80, h = (k == 1) ? hi : 0xBF;
      if (b < l || b > h) { ok = false; break; }
    }
    if (ok) {
      out.append(s.substr(i, len));
    } else {
      out.append(kFffd, 3);
      ++count;
    }
    i = j;
  }
  if (replaced) *replaced = count;
  return out;
}

size_t FirstInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  for (size_t i = 0; i < n;) {
    unsigned char c = p[i];
    if (c == 0) return i;
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c == 0xE0) len = 3, lo = 0xA0;
    else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) len = 3;
    else if (c == 0xED) len = 3, hi = 0x9F;
    else if (c == 0xF0) len = 4, lo = 0x90;
    else if (c >= 0xF1 && c <= 0xF3) len = 4;
    else if (c == 0xF4) len = 4, hi = 0x8F;
    if (len == 0 || i + static_cast<size_t>(len) > n) return i;
    for (int k = 1; k < len; ++k) {
      unsigned char b = p[i + static_cast<size_t>(k)];
      if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return i;
    }
    i += static_cast<size_t>(len);
  }
  return std::string_view::npos;
}

Status CheckTextFile(std::string_view* content, const std::string& name) {
  if (content->substr(0, 3) == "\xEF\xBB\xBF") content->remove_prefix(3);
  if (IsValidUtf8(*content) && content->find('\0') == std::string_view::npos) return Status();
  size_t bad = FirstInvalidUtf8(*content);
  if (bad == std::string_view::npos) return Status();
  size_t line_start = content->rfind('\n', bad == 0 ? 0 : bad - 1);
  line_start = (line_start == std::string_view::npos || bad == 0) ? 0 : line_start + 1;
  size_t line = 1;
  for (size_t k = 0; k < line_start; ++k) line += (*content)[k] == '\n';
  static constexpr char kHex[] = "0123456789ABCDEF";
  unsigned char b = static_cast<unsigned char>((*content)[bad]);
  std::string what = b == 0 ? std::string("a NUL byte")
                            : std::string("invalid UTF-8 (byte 0x") + kHex[b >> 4] + kHex[b & 15] + ")";
  return Status::InvalidArgument(name + ":" + std::to_string(line) + ": " + what + " at column " +
                                 std::to_string(bad - line_start + 1) +
                                 "; save the file as UTF-8");
}

}  // namespace sitrep
