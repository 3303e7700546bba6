#include "util/json_writer.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

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

JsonWriter& JsonWriter::Key(std::string_view k) {
  Separator();
  AppendEscaped(k, out_);
  out_->push_back(':');
  after_key_ = true;
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
    precision = std::clamp(precision, 0, 17);
    // to_chars gives printf's "%.*f" digits (both exact) without its locale and format parsing.
    auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, precision);
    int n = res.ec == std::errc() ? static_cast<int>(res.ptr - buf) : -1;
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

void JsonWriter::AppendEscaped(std::string_view s, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
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
