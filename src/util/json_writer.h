// A small streaming JSON writer for sitrep's records: objects, arrays, strings, numbers,
// booleans and null, written into a caller's std::string with no intermediate tree.
// Strings must be valid UTF-8 (sitrep repairs every input first); control characters,
// quotes and backslashes are escaped.
#ifndef SITREP_UTIL_JSON_WRITER_H_
#define SITREP_UTIL_JSON_WRITER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sitrep {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view k);
  JsonWriter& String(std::string_view s);
  JsonWriter& Int(int64_t v);
  JsonWriter& Double(double v, int precision = 6);  // shortest round-trippable up to precision
  JsonWriter& Bool(bool b);
  JsonWriter& Null();

  // Key plus value helpers.
  JsonWriter& Field(std::string_view k, std::string_view v);  // Key(k).String(v)
  JsonWriter& Field(std::string_view k, const char* v) { return Field(k, std::string_view(v)); }
  JsonWriter& Field(std::string_view k, int64_t v) { return Key(k).Int(v); }
  JsonWriter& Field(std::string_view k, int v) { return Key(k).Int(v); }
  JsonWriter& Field(std::string_view k, double v, int precision = 6) {
    return Key(k).Double(v, precision);
  }
  JsonWriter& FieldBool(std::string_view k, bool v) { return Key(k).Bool(v); }
  JsonWriter& FieldNull(std::string_view k) { return Key(k).Null(); }
  JsonWriter& FieldOrNull(std::string_view k, const std::optional<int64_t>& v) {
    return v ? Field(k, *v) : FieldNull(k);
  }

  static void AppendEscaped(std::string_view s, std::string* out);

 private:
  void Separator();
  std::string* out_;
  bool need_comma_ = false;
  bool after_key_ = false;
};

}  // namespace sitrep

#endif  // SITREP_UTIL_JSON_WRITER_H_
