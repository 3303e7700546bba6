// UTF-8 checks and repair. Validation uses simdjson's validator (SIMD); repair replaces each
// maximal invalid subpart (Unicode's recommended practice, chapter 3) with U+FFFD.
#ifndef SITREP_UTIL_UTF8_H_
#define SITREP_UTIL_UTF8_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "sitrep/status.h"

namespace sitrep {

bool IsValidUtf8(std::string_view s);

// Returns a copy of `s` with every invalid sequence replaced by U+FFFD (EF BF BD) and NUL
// bytes replaced by U+FFFD as well. `*replaced` receives the number of replacements.
std::string RepairUtf8(std::string_view s, size_t* replaced);

// Decodes the code point at s[i] (which must be valid UTF-8) and stores its byte length.
inline uint32_t DecodeUtf8(std::string_view s, size_t i, int* len) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  size_t n = s.size() - i;
  unsigned char c = p[0];
  if (c < 0x80) { *len = 1; return c; }
  if ((c >> 5) == 6 && n >= 2) { *len = 2; return ((c & 0x1Fu) << 6) | (p[1] & 0x3Fu); }
  if ((c >> 4) == 14 && n >= 3) {
    *len = 3;
    return ((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
  }
  if ((c >> 3) == 30 && n >= 4) {
    *len = 4;
    return ((c & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
  }
  *len = 1;
  return 0xFFFD;
}

void AppendUtf8(uint32_t cp, std::string* out);

// The offset of the first byte of `s` that is NUL or starts an invalid UTF-8 sequence
// (Unicode Table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF), or npos.
size_t FirstInvalidUtf8(std::string_view s);

// Checks a text file a user supplies (a dictionary) before it is parsed: removes a leading
// byte order mark from *content, and refuses NUL bytes and invalid UTF-8 with an error that
// names the file, the line and the byte ("my.tsv:3: invalid UTF-8 (byte 0xFF at column 7)").
Status CheckTextFile(std::string_view* content, const std::string& name);

}  // namespace sitrep

#endif  // SITREP_UTIL_UTF8_H_
