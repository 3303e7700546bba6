#include "util/json_writer.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace sitrep {

void JsonWriter::Separator() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (need_comma_) out_->push_back(',');
}

JsonWriter& JsonWriter::BeginObject() {
  Separator();
  out_->push_back('{');
  need_comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::EndObject() {
  out_->push_back('}');
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::BeginArray() {
  Separator();
  out_->push_back('[');
  need_comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::EndArray() {
  out_->push_back(']');
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view s) {
  Separator();
  AppendEscaped(s, out_);
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::Int(int64_t v) {
  Separator();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_->append(buf, r.ptr);
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::Double(double v, int precision) {
  Separator();
  if (!std::isfinite(v)) {
    out_->append("null");
  } else if (std::fabs(v) >= 1e15) {
    // Too long for fixed notation: the shortest round-trip form ("1e+300"), valid JSON.
    char buf[40];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_->append(buf, r.ptr);
  } else {
    char buf[40];
    // Fixed notation with trailing zeros trimmed: 36.72895, 68.857, 0.9. Precision is
    // clamped so the digits always fit the buffer (|v| < 1e15: at most 16 + 1 + 17 chars).
    // std::to_chars with a precision writes what printf's "%.*f" writes (C locale), at a
    // fraction of snprintf's cost: every toponym has two coordinates.
    precision = std::clamp(precision, 0, 17);
    int n = -1;
    // The common case (coordinates, scores): the value scaled by 10^precision is an integer
    // k plus less than a quarter, so both this and printf round it to k; k is then written
    // as digits with the point put in. Elsewhere (near a tie) to_chars decides.
    static constexpr double kPow10[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    const double x = precision <= 9 && std::fabs(v) < 1e9 ? v * kPow10[precision] : 0;
    const double k = std::nearbyint(x);
    if (precision <= 9 && std::fabs(v) < 1e9 && std::fabs(x - k) < 0.25) {
      uint64_t digits = static_cast<uint64_t>(std::fabs(k));
      char tmp[24] = {};
      int len = static_cast<int>(std::to_chars(tmp, tmp + sizeof tmp, digits).ptr - tmp);
      n = 0;
      if (k < 0 || (k == 0 && std::signbit(v))) buf[n++] = '-';  // as printf: "-0.000"
      if (precision == 0) {
        std::memcpy(buf + n, tmp, static_cast<size_t>(len));
        n += len;
      } else {
        const int int_len = len > precision ? len - precision : 0;
        if (int_len == 0) buf[n++] = '0';
        std::memcpy(buf + n, tmp, static_cast<size_t>(int_len));
        n += int_len;
        buf[n++] = '.';
        for (int z = len; z < precision; ++z) buf[n++] = '0';
        std::memcpy(buf + n, tmp + int_len, static_cast<size_t>(len - int_len));
        n += len - int_len;
      }
    } else {
      auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, precision);
      if (r.ec == std::errc()) n = static_cast<int>(r.ptr - buf);
    }
    if (n > 0 && static_cast<size_t>(n) < sizeof buf) {
      if (precision > 0) {  // trim only after a decimal point: 250 stays 250
        while (n > 1 && buf[n - 1] == '0') --n;
        if (n > 1 && buf[n - 1] == '.') --n;
      }
      if (n == 2 && buf[0] == '-' && buf[1] == '0') { buf[0] = '0'; n = 1; }
      out_->append(buf, static_cast<size_t>(n));
    } else {
      out_->append("null");
    }
  }
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::Bool(bool b) {
  Separator();
  out_->append(b ? "true" : "false");
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::Null() {
  Separator();
  out_->append("null");
  need_comma_ = true;
  return *this;
}

namespace {
// True if none of the 8 bytes of w needs an escape (a control character, '"' or '\\').
// Exact: a borrow in these subtractions only starts at a byte that matches.
inline bool EightPlain(uint64_t w) {
  constexpr uint64_t k01 = 0x0101010101010101ull, k80 = 0x8080808080808080ull;
  const uint64_t quote = w ^ (k01 * '"'), backslash = w ^ (k01 * '\\');
  const uint64_t control = (w - k01 * 0x20) & ~w;  // high bit: a byte below 0x20
  const uint64_t zero_q = (quote - k01) & ~quote, zero_b = (backslash - k01) & ~backslash;
  return ((control | zero_q | zero_b) & k80) == 0;
}
inline bool Plain(unsigned char c) { return c >= 0x20 && c != '"' && c != '\\'; }

// The length of the prefix of s that needs no escape, eight bytes at a time.
inline size_t PlainPrefix(std::string_view s) {
  size_t first = 0;
  for (uint64_t w; first + 8 <= s.size(); first += 8) {
    std::memcpy(&w, s.data() + first, 8);
    if (!EightPlain(w)) break;
  }
  while (first < s.size() && Plain(static_cast<unsigned char>(s[first]))) ++first;
  return first;
}

// Appends '"' s '"' and then `suffix` unless it is 0, for an s that needs no escape: one
// append for a short string (std::string::push_back is not inlined, and most of the strings
// written are short keys, names and codes).
inline void AppendQuotedPlain(std::string_view s, char suffix, std::string* out) {
  char buf[64];
  if (s.size() + 3 <= sizeof buf) {
    buf[0] = '"';
    std::memcpy(buf + 1, s.data(), s.size());
    buf[s.size() + 1] = '"';
    buf[s.size() + 2] = suffix;
    out->append(buf, s.size() + (suffix ? 3 : 2));
    return;
  }
  out->reserve(out->size() + s.size() + 3);
  out->push_back('"');
  out->append(s.data(), s.size());
  out->push_back('"');
  if (suffix) out->push_back(suffix);
}
}  // namespace

JsonWriter& JsonWriter::Key(std::string_view k) {
  Separator();
  if (PlainPrefix(k) == k.size()) {
    AppendQuotedPlain(k, ':', out_);
  } else {
    AppendEscaped(k, out_);
    out_->push_back(':');
  }
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::Field(std::string_view k, std::string_view v) {
  // The common case, a short key and value that need no escape, in one append:
  // [,]"k":"v".
  char buf[96];
  if (k.size() + v.size() + 6 <= sizeof buf && !after_key_ && PlainPrefix(k) == k.size() &&
      PlainPrefix(v) == v.size()) {
    size_t n = 0;
    if (need_comma_) buf[n++] = ',';
    buf[n++] = '"';
    if (!k.empty()) std::memcpy(buf + n, k.data(), k.size());
    n += k.size();
    buf[n++] = '"';
    buf[n++] = ':';
    buf[n++] = '"';
    if (!v.empty()) std::memcpy(buf + n, v.data(), v.size());
    n += v.size();
    buf[n++] = '"';
    out_->append(buf, n);
    need_comma_ = true;
    return *this;
  }
  return Key(k).String(v);
}

void JsonWriter::AppendEscaped(std::string_view s, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  // Most strings (keys, names, codes) need no escape: find the first byte that does, and
  // copy everything before it in one go.
  const size_t first = PlainPrefix(s);
  if (first == s.size()) {
    AppendQuotedPlain(s, 0, out);
    return;
  }
  out->push_back('"');
  out->append(s.data(), first);
  size_t run = first;
  for (size_t i = first; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 15]);
    }
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

}  // namespace sitrep
