// Tests for src/util: Status and Result, UTF-8 validation and repair, JsonWriter, hashes,
// MappedFile.
#include <gtest/gtest.h>
#include <simdjson.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <string>

#include "sitrep/status.h"
#include "util/hash.h"
#include "util/json_writer.h"
#include "util/mapped_file.h"
#include "util/utf8.h"

namespace sitrep {
namespace {

// ---------------------------------------------------------------------------------------
// Status and Result

TEST(Status, DefaultIsOkAndCostsNothing) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kOk);
  EXPECT_EQ(s.message(), "");
  EXPECT_EQ(s.ToString(), "OK");
  EXPECT_TRUE(Status::Ok().ok());
  // OK is a null pointer: no bigger than one.
  EXPECT_EQ(sizeof(Status), sizeof(void*));
}

TEST(Status, FactoriesCarryCodeAndMessage) {
  struct Case {
    Status st;
    Status::Code code;
    const char* prefix;
  } cases[] = {
      {Status::InvalidArgument("m"), Status::Code::kInvalidArgument, "invalid argument: m"},
      {Status::NotFound("m"), Status::Code::kNotFound, "not found: m"},
      {Status::IoError("m"), Status::Code::kIoError, "I/O error: m"},
      {Status::Corruption("m"), Status::Code::kCorruption, "corrupt data: m"},
      {Status::TooLarge("m"), Status::Code::kTooLarge, "too large: m"},
      {Status::Internal("m"), Status::Code::kInternal, "internal error: m"},
  };
  for (const Case& c : cases) {
    EXPECT_FALSE(c.st.ok());
    EXPECT_EQ(c.st.code(), c.code);
    EXPECT_EQ(c.st.message(), "m");
    EXPECT_EQ(c.st.ToString(), c.prefix);
  }
}

TEST(Status, ConstructedWithOkCodeIsOk) {
  Status s(Status::Code::kOk, "ignored");
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.message(), "");
}

TEST(Status, CopyIsDeepAndMoveLeavesOk) {
  Status a = Status::NotFound("x.txt");
  Status b = a;
  EXPECT_EQ(b.code(), Status::Code::kNotFound);
  EXPECT_EQ(b.message(), "x.txt");
  a = Status::Ok();
  EXPECT_EQ(b.message(), "x.txt");  // b did not share a's representation
  Status c = std::move(b);
  EXPECT_EQ(c.message(), "x.txt");
  Status d;
  d = c;
  EXPECT_EQ(d.ToString(), "not found: x.txt");
  Status& same = d;
  d = same;  // self-assignment is harmless (through a reference: clang warns on `d = d`)
  EXPECT_EQ(d.ToString(), "not found: x.txt");
  d = Status();
  EXPECT_TRUE(d.ok());
}

TEST(Status, WithContextPrefixesMessageAndKeepsCode) {
  Status s = Status::InvalidArgument("not JSON").WithContext("news.jsonl:12: ");
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(s.message(), "news.jsonl:12: not JSON");
  EXPECT_TRUE(Status().WithContext("ctx: ").ok());
}

Result<int> Half(int x) {
  if (x % 2) return Status::InvalidArgument("odd");
  return x / 2;
}

Status Quarter(int x, int* out) {
  ASSIGN_OR_RETURN(int h, Half(x));
  ASSIGN_OR_RETURN(int q, Half(h));
  *out = q;
  return Status();
}

Status FailIfNegative(int x) {
  return x < 0 ? Status::InvalidArgument("negative") : Status();
}

Status Both(int a, int b) {
  RETURN_IF_ERROR(FailIfNegative(a));
  RETURN_IF_ERROR(FailIfNegative(b));
  return Status();
}

TEST(Result, HoldsValueOrStatus) {
  Result<int> r = Half(8);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value(), 4);
  EXPECT_EQ(*r, 4);
  EXPECT_TRUE(r.status().ok());
  Result<int> e = Half(3);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(e.status().message(), "odd");
}

TEST(Result, MovesOutMoveOnlyValues) {
  Result<std::unique_ptr<std::string>> r(std::make_unique<std::string>("abc"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->get()->size(), 3u);
  std::unique_ptr<std::string> p = std::move(r).value();
  EXPECT_EQ(*p, "abc");
}

TEST(Result, MacrosPropagateErrors) {
  int q = 0;
  EXPECT_TRUE(Quarter(8, &q).ok());
  EXPECT_EQ(q, 2);
  Status st = Quarter(6, &q);  // 6 -> 3 -> odd
  EXPECT_EQ(st.message(), "odd");
  EXPECT_TRUE(Both(1, 2).ok());
  EXPECT_EQ(Both(1, -2).message(), "negative");
  EXPECT_EQ(Both(-1, 2).message(), "negative");
}

// ---------------------------------------------------------------------------------------
// UTF-8

const std::string kFffd = "\xEF\xBF\xBD";

std::string Rep(int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += kFffd;
  return s;
}

struct Utf8Case {
  const char* name;
  std::string in;
  std::string want;  // after repair
  size_t replaced;
};

TEST(Utf8, ValidInputIsUnchanged) {
  const std::string valid[] = {
      "",
      "plain ASCII",
      "caf\xC3\xA9",                  // U+00E9
      "\xE2\x80\x9Cquoted\xE2\x80\x9D",  // U+201C U+201D
      "\xF0\x9F\x98\x80",             // U+1F600
      "\xC2\x80",                     // U+0080, smallest 2-byte
      "\xDF\xBF",                     // U+07FF
      "\xE0\xA0\x80",                 // U+0800, smallest 3-byte
      "\xED\x9F\xBF",                 // U+D7FF, just below the surrogates
      "\xEE\x80\x80",                 // U+E000, just above them
      "\xEF\xBF\xBF",                 // U+FFFF (a noncharacter, but valid UTF-8)
      "\xF0\x90\x80\x80",             // U+10000, smallest 4-byte
      "\xF4\x8F\xBF\xBF",             // U+10FFFF, the largest code point
  };
  for (const std::string& s : valid) {
    EXPECT_TRUE(IsValidUtf8(s)) << s;
    size_t n = 99;
    EXPECT_EQ(RepairUtf8(s, &n), s);
    EXPECT_EQ(n, 0u);
  }
}

TEST(Utf8, EveryKindOfInvalidSequenceIsReplaced) {
  // Replacement follows Unicode's "maximal subpart" practice (chapter 3, U+FFFD substitution).
  const Utf8Case cases[] = {
      {"stray continuation", "a\x80z", "a" + Rep(1) + "z", 1},
      {"two stray continuations", "\x80\xBF", Rep(2), 2},
      {"truncated 2-byte at end", "ab\xC3", "ab" + Rep(1), 1},
      {"truncated 2-byte before ASCII", "\xC3z", Rep(1) + "z", 1},
      {"truncated 3-byte at end", "\xE2\x82", Rep(1), 1},
      {"truncated 3-byte before ASCII", "\xE2\x82z", Rep(1) + "z", 1},
      {"truncated 4-byte at end", "\xF0\x9F\x98", Rep(1), 1},
      {"truncated 4-byte before a valid char", "\xF0\x9F\xC3\xA9", Rep(1) + "\xC3\xA9", 1},
      {"overlong 2-byte C0", "\xC0\xAF", Rep(2), 2},
      {"overlong 2-byte C1", "\xC1\xBF", Rep(2), 2},
      {"overlong 3-byte", "\xE0\x80\xAF", Rep(3), 3},
      {"overlong 3-byte max", "\xE0\x9F\xBF", Rep(3), 3},
      {"overlong 4-byte", "\xF0\x80\x80\xAF", Rep(4), 4},
      {"overlong 4-byte max", "\xF0\x8F\xBF\xBF", Rep(4), 4},
      {"high surrogate D800", "\xED\xA0\x80", Rep(3), 3},
      {"low surrogate DFFF", "\xED\xBF\xBF", Rep(3), 3},
      {"surrogate pair encoded as two", "\xED\xA0\xBD\xED\xB8\x80", Rep(6), 6},
      {"above U+10FFFF (F4 90)", "\xF4\x90\x80\x80", Rep(4), 4},
      {"above U+10FFFF (F5 lead)", "\xF5\x80\x80\x80", Rep(4), 4},
      {"5-byte form", "\xF8\x88\x80\x80\x80", Rep(5), 5},
      {"FE and FF", "\xFE\xFF", Rep(2), 2},
      {"NUL", std::string("a\0b", 3), "a" + Rep(1) + "b", 1},
      {"mixed", "ok \xC3\xA9 \xFF ok", "ok \xC3\xA9 " + Rep(1) + " ok", 1},
  };
  for (const Utf8Case& c : cases) {
    if (c.in.find('\0') == std::string::npos) {
      EXPECT_FALSE(IsValidUtf8(c.in)) << c.name;
    }
    size_t n = 0;
    std::string out = RepairUtf8(c.in, &n);
    EXPECT_EQ(out, c.want) << c.name;
    EXPECT_EQ(n, c.replaced) << c.name;
    EXPECT_TRUE(IsValidUtf8(out)) << c.name;
  }
}

TEST(Utf8, NulIsValidUtf8ButRepairReplacesIt) {
  std::string s("a\0b", 3);
  EXPECT_TRUE(IsValidUtf8(s));  // NUL is U+0000; RepairUtf8 removes it for the text layer
  size_t n = 0;
  EXPECT_EQ(RepairUtf8(s, &n), "a" + kFffd + "b");
  EXPECT_EQ(n, 1u);
  EXPECT_EQ(RepairUtf8(s, nullptr), "a" + kFffd + "b");  // the count is optional
}

TEST(Utf8, DecodeAndAppendRoundTrip) {
  const uint32_t cps[] = {0x41, 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0x201C, 0xFFFD, 0xFFFF,
                          0x10000, 0x1F600, 0x10FFFF};
  for (uint32_t cp : cps) {
    std::string s;
    AppendUtf8(cp, &s);
    EXPECT_TRUE(IsValidUtf8(s)) << cp;
    int len = 0;
    EXPECT_EQ(DecodeUtf8(s, 0, &len), cp);
    EXPECT_EQ(static_cast<size_t>(len), s.size());
  }
}

TEST(Utf8, DecodeOfTruncatedInputDoesNotReadPastEnd) {
  std::string s = "\xE2\x80";  // 3-byte lead with only 2 bytes left
  int len = 0;
  EXPECT_EQ(DecodeUtf8(s, 0, &len), 0xFFFDu);
  EXPECT_EQ(len, 1);
}

// ---------------------------------------------------------------------------------------
// JsonWriter

std::string Escaped(std::string_view s) {
  std::string out;
  JsonWriter::AppendEscaped(s, &out);
  return out;
}

TEST(JsonWriter, EscapesQuotesBackslashesAndControls) {
  EXPECT_EQ(Escaped(""), "\"\"");
  EXPECT_EQ(Escaped("plain"), "\"plain\"");
  EXPECT_EQ(Escaped("say \"hi\""), "\"say \\\"hi\\\"\"");
  EXPECT_EQ(Escaped("C:\\dir"), "\"C:\\\\dir\"");
  EXPECT_EQ(Escaped("a\nb\rc\td\be\ff"), "\"a\\nb\\rc\\td\\be\\ff\"");
  EXPECT_EQ(Escaped(std::string("\0\x01\x1F", 3)), "\"\\u0000\\u0001\\u001f\"");
  EXPECT_EQ(Escaped("/"), "\"/\"");         // solidus need not be escaped
  EXPECT_EQ(Escaped("\x7F"), "\"\x7F\"");   // DEL is not a JSON control character
  EXPECT_EQ(Escaped("caf\xC3\xA9 \xE2\x80\x9C"), "\"caf\xC3\xA9 \xE2\x80\x9C\"");  // UTF-8 as is
}

// AppendEscaped scans eight bytes at a time: a byte to escape is found at every position.
TEST(JsonWriter, EscapesAtEveryPositionOfLongStrings) {
  auto reference = [](std::string_view s) {
    std::string r = "\"";
    for (unsigned char c : s) {
      if (c == '"') r += "\\\"";
      else if (c == '\\') r += "\\\\";
      else if (c == '\n') r += "\\n";
      else if (c < 0x20) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        r += (c == '\r') ? "\\r" : (c == '\t') ? "\\t" : (c == '\b') ? "\\b" : (c == '\f') ? "\\f" : buf;
      } else {
        r.push_back(static_cast<char>(c));
      }
    }
    return r + "\"";
  };
  for (char special : {'"', '\\', '\n', '\x01', '\x1F', '\0'}) {
    for (size_t len = 1; len <= 24; ++len) {
      for (size_t at = 0; at < len; ++at) {
        std::string s(len, 'a');
        s[at] = special;
        if (at + 1 < len) s[at + 1] = '\xC3';  // a UTF-8 lead byte next to it stays as is
        ASSERT_EQ(Escaped(s), reference(s)) << len << " " << at << " " << int(special);
      }
    }
  }
  EXPECT_EQ(Escaped("0123456789abcdef\x7F~ !#"), "\"0123456789abcdef\x7F~ !#\"");
}

TEST(JsonWriter, EscapedStringsParseBack) {
  std::string all;
  for (int c = 1; c < 128; ++c) all.push_back(static_cast<char>(c));
  all += "\xC3\xA9\xF0\x9F\x98\x80";
  std::string json;
  JsonWriter w(&json);
  w.BeginObject().Field("s", all).EndObject();
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_FALSE(parser.parse(json).get(doc));
  std::string_view back;
  ASSERT_FALSE(doc["s"].get_string().get(back));
  EXPECT_EQ(back, all);
}

TEST(JsonWriter, NestsObjectsAndArraysWithCommas) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("a").BeginArray().Int(1).Int(2).BeginObject().FieldNull("b").EndObject().EndArray();
  w.FieldBool("c", true).FieldBool("d", false);
  w.Key("e").BeginObject().EndObject();
  w.Key("f").BeginArray().EndArray();
  w.Field("g", "x").Field("h", std::string_view("y"));
  w.FieldOrNull("i", std::optional<int64_t>(7)).FieldOrNull("j", std::nullopt);
  w.EndObject();
  EXPECT_EQ(out,
            R"({"a":[1,2,{"b":null}],"c":true,"d":false,"e":{},"f":[],"g":"x","h":"y","i":7,"j":null})");
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  EXPECT_FALSE(parser.parse(out).get(doc));
}

TEST(JsonWriter, AppendsToExistingOutput) {
  std::string out = "prefix ";
  JsonWriter(&out).BeginArray().String("x").EndArray();
  EXPECT_EQ(out, "prefix [\"x\"]");
}

std::string Num(double v, int precision = 6) {
  std::string out;
  JsonWriter(&out).Double(v, precision);
  return out;
}

TEST(JsonWriter, FormatsIntegersExactly) {
  auto I = [](int64_t v) {
    std::string out;
    JsonWriter(&out).Int(v);
    return out;
  };
  EXPECT_EQ(I(0), "0");
  EXPECT_EQ(I(-1), "-1");
  EXPECT_EQ(I(1135689), "1135689");
  EXPECT_EQ(I(std::numeric_limits<int64_t>::max()), "9223372036854775807");
  EXPECT_EQ(I(std::numeric_limits<int64_t>::min()), "-9223372036854775808");
}

TEST(JsonWriter, FormatsDoublesShortWithoutTrailingZeros) {
  EXPECT_EQ(Num(36.72895, 5), "36.72895");
  EXPECT_EQ(Num(68.857, 5), "68.857");
  EXPECT_EQ(Num(0.9, 3), "0.9");
  EXPECT_EQ(Num(0.1 + 0.2), "0.3");
  EXPECT_EQ(Num(1.0), "1");
  EXPECT_EQ(Num(300.0, 1), "300");
  EXPECT_EQ(Num(-12.5, 1), "-12.5");
  EXPECT_EQ(Num(0.0), "0");
  EXPECT_EQ(Num(-0.0), "0");
  EXPECT_EQ(Num(-0.0001, 3), "0");  // rounds to zero: no "-0"
  EXPECT_EQ(Num(2.0 / 3.0, 3), "0.667");
  EXPECT_EQ(Num(1e-7), "0");
}

TEST(JsonWriter, PrecisionZeroKeepsTrailingZerosOfIntegers) {
  // Bearings are written with precision 0: 350 must not become 35.
  EXPECT_EQ(Num(350.0, 0), "350");
  EXPECT_EQ(Num(100.0, 0), "100");
  EXPECT_EQ(Num(0.0, 0), "0");
  EXPECT_EQ(Num(352.6, 0), "353");
  EXPECT_EQ(Num(-0.4, 0), "0");
}

TEST(JsonWriter, LargeAndNonFiniteNumbersStayValidJson) {
  EXPECT_EQ(Num(std::numeric_limits<double>::quiet_NaN()), "null");
  EXPECT_EQ(Num(std::numeric_limits<double>::infinity()), "null");
  EXPECT_EQ(Num(-std::numeric_limits<double>::infinity()), "null");
  EXPECT_EQ(Num(1e20), "1e+20");
  EXPECT_EQ(Num(-1e300), "-1e+300");
  EXPECT_EQ(Num(123456789012345.0, 2), "123456789012345");
  EXPECT_EQ(Num(0.5, 40), "0.5");  // precision beyond the buffer is clamped, not "null"
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  EXPECT_FALSE(parser.parse(std::string("[") + Num(-1e300) + "]").get(doc));
}

// Double writes with std::to_chars: the same digits as printf's "%.*f" (the format it
// replaced), checked on many values, including halfway cases and coordinates.
TEST(JsonWriter, DoublesMatchPrintfFixedNotation) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> coord(-180.0, 180.0), wide(-1e9, 1e9);
  auto printf_form = [](double v, int precision) {
    char buf[64];
    int n = std::snprintf(buf, sizeof buf, "%.*f", precision, v);
    std::string s(buf, static_cast<size_t>(n));
    if (precision > 0) {
      while (s.size() > 1 && s.back() == '0') s.pop_back();
      if (s.size() > 1 && s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    return s;
  };
  for (int k = 0; k < 20000; ++k) {
    const double v = k % 2 ? coord(rng) : wide(rng);
    const int precision = k % 8;
    ASSERT_EQ(Num(v, precision), printf_form(v, precision)) << v << " " << precision;
  }
  for (double v : {0.5, 1.5, 2.5, -2.5, 0.125, 0.0625, 36.728955, 1.00005, 68.857})
    for (int precision = 0; precision <= 6; ++precision)
      EXPECT_EQ(Num(v, precision), printf_form(v, precision)) << v << " " << precision;
}

// ---------------------------------------------------------------------------------------
// Hashes

TEST(Hash, StableDistinctAndLengthSensitive) {
  EXPECT_EQ(HashBytes("kunduz"), HashBytes(std::string("kunduz")));
  EXPECT_NE(HashBytes("kunduz"), HashBytes("kabul"));
  EXPECT_NE(HashBytes(""), HashBytes(std::string_view("\0", 1)));
  EXPECT_NE(HashBytes("a"), HashBytes(std::string_view("a\0", 2)));
  EXPECT_NE(HashBytes("abcdefgh"), HashBytes(std::string_view("abcdefgh\0", 9)));
  // The index stores these hashes: they must never change silently.
  EXPECT_EQ(HashBytes("kunduz"), HashBytes("kunduz"));
  uint64_t ab = PhraseExtend(PhraseExtend(PhraseStart(), HashBytes("a")), HashBytes("b"));
  uint64_t ba = PhraseExtend(PhraseExtend(PhraseStart(), HashBytes("b")), HashBytes("a"));
  EXPECT_NE(ab, ba);  // order matters
}

TEST(Hash, ShortVariantEqualsHashBytes) {
  const std::string_view words[] = {"a", "us", "the", "said", "kabul", "kunduz", "taliban"};
  for (std::string_view s : words) {
    uint64_t w = 0;
    std::memcpy(&w, s.data(), s.size());
    EXPECT_EQ(HashShort(w, s.size()), HashBytes(s)) << s;
  }
}

TEST(Hash, PaddedVariantEqualsHashBytes) {
  std::string buf = "kunduz lashkar gah sar e pul 2021-08-08 10000 abcdefghijklmnopqrstuvwxyz";
  std::string padded = buf + std::string(8, '\xff');  // garbage after the bytes hashed
  for (size_t b = 0; b < buf.size(); ++b) {
    for (size_t n = 0; b + n <= buf.size(); ++n) {
      ASSERT_EQ(HashBytesPadded(padded.data() + b, n), HashBytes(std::string_view(buf).substr(b, n)))
          << b << " " << n;
    }
  }
}

// ---------------------------------------------------------------------------------------
// MappedFile

class TempFile {
 public:
  explicit TempFile(std::string_view content) {
    char tmpl[] = "/tmp/sitrep_util_test_XXXXXX";
    int fd = ::mkstemp(tmpl);
    path_ = tmpl;
    if (fd >= 0) {
      if (!content.empty()) {
        ssize_t w = ::write(fd, content.data(), content.size());
        (void)w;
      }
      ::close(fd);
    }
  }
  ~TempFile() { ::unlink(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

TEST(MappedFile, MapsContentAndEmptyFiles) {
  TempFile f("hello\nworld");
  auto m = MappedFile::Open(f.path());
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->view(), "hello\nworld");
  EXPECT_EQ(m->size(), 11u);
  TempFile e("");
  auto me = MappedFile::Open(e.path());
  ASSERT_TRUE(me.ok());
  EXPECT_EQ(me->size(), 0u);
  EXPECT_TRUE(me->view().empty());
}

TEST(MappedFile, MoveTransfersTheMapping) {
  TempFile f("abc");
  auto m = MappedFile::Open(f.path());
  ASSERT_TRUE(m.ok());
  MappedFile a = std::move(m).value();
  MappedFile b = std::move(a);
  EXPECT_EQ(a.size(), 0u);  // NOLINT: moved-from is empty by contract
  EXPECT_EQ(b.view(), "abc");
  MappedFile c;
  c = std::move(b);
  EXPECT_EQ(c.view(), "abc");
}

TEST(MappedFile, ErrorsNameThePath) {
  auto m = MappedFile::Open("/nonexistent/sitrep/file");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), Status::Code::kNotFound);
  EXPECT_NE(m.status().message().find("/nonexistent/sitrep/file"), std::string::npos);
  auto d = MappedFile::Open("/tmp");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), Status::Code::kInvalidArgument);
  auto s = ReadFileToString("/nonexistent/sitrep/file");
  EXPECT_FALSE(s.ok());
  TempFile f("xyz");
  auto r = ReadFileToString(f.path());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, "xyz");
}

}  // namespace
}  // namespace sitrep
