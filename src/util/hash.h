// Hashes for folded tokens and token sequences. The gazetteer index stores phrase hashes
// computed with these functions, so changing them changes the index format (bump
// kIndexVersion in geo/index_format.h).
#ifndef SITREP_UTIL_HASH_H_
#define SITREP_UTIL_HASH_H_

#include <cstdint>
#include <cstring>
#include <string_view>

namespace sitrep {

// 64-bit hash of a byte string: wyhash-style multiply-mix over 8-byte words. Stable across
// platforms of the same endianness (little-endian only, checked by the index header).
inline uint64_t HashBytes(std::string_view s) {
  constexpr uint64_t kP0 = 0xa0761d6478bd642full, kP1 = 0xe7037ed1a0b428dbull;
  uint64_t h = 0x9e3779b97f4a7c15ull ^ (s.size() * kP0);
  const char* p = s.data();
  size_t n = s.size();
  auto mix = [](uint64_t a, uint64_t b) {
    __uint128_t r = static_cast<__uint128_t>(a) * b;
    return static_cast<uint64_t>(r) ^ static_cast<uint64_t>(r >> 64);
  };
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = mix(h ^ w, kP1);
    p += 8;
    n -= 8;
  }
  if (n) {
    uint64_t w = 0;
    std::memcpy(&w, p, n);
    h = mix(h ^ w ^ (static_cast<uint64_t>(n) << 56), kP1);
  }
  return mix(h, kP0);
}

// HashBytes(string_view(p, n)) for bytes followed by at least 7 more readable bytes (a
// padded buffer, as the tokeniser's): the same value, with one 8-byte load for the tail
// instead of a variable-length copy.
inline uint64_t HashBytesPadded(const char* p, size_t n) {
  constexpr uint64_t kP0 = 0xa0761d6478bd642full, kP1 = 0xe7037ed1a0b428dbull;
  uint64_t h = 0x9e3779b97f4a7c15ull ^ (n * kP0);
  auto mix = [](uint64_t a, uint64_t b) {
    __uint128_t r = static_cast<__uint128_t>(a) * b;
    return static_cast<uint64_t>(r) ^ static_cast<uint64_t>(r >> 64);
  };
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = mix(h ^ w, kP1);
    p += 8;
    n -= 8;
  }
  if (n) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    w &= ~uint64_t{0} >> (64 - 8 * n);
    h = mix(h ^ w ^ (static_cast<uint64_t>(n) << 56), kP1);
  }
  return mix(h, kP0);
}

// HashBytes of n bytes, 1 <= n <= 7, given as a little-endian word whose other bytes are
// zero: the same value, for a caller that has the bytes in a register already.
inline uint64_t HashShort(uint64_t w, size_t n) {
  constexpr uint64_t kP0 = 0xa0761d6478bd642full, kP1 = 0xe7037ed1a0b428dbull;
  auto mix = [](uint64_t a, uint64_t b) {
    __uint128_t r = static_cast<__uint128_t>(a) * b;
    return static_cast<uint64_t>(r) ^ static_cast<uint64_t>(r >> 64);
  };
  uint64_t h = 0x9e3779b97f4a7c15ull ^ (n * kP0);
  h = mix(h ^ w ^ (static_cast<uint64_t>(n) << 56), kP1);
  return mix(h, kP0);
}

// The hash of a phrase is built token by token: PhraseStart(), then PhraseExtend per token.
inline constexpr uint64_t PhraseStart() { return 0x243f6a8885a308d3ull; }
inline uint64_t PhraseExtend(uint64_t phrase, uint64_t token) {
  __uint128_t r = static_cast<__uint128_t>(phrase ^ token) * 0x9fb21c651e98df25ull;
  return (static_cast<uint64_t>(r) ^ static_cast<uint64_t>(r >> 64)) + token;
}

}  // namespace sitrep

#endif  // SITREP_UTIL_HASH_H_
