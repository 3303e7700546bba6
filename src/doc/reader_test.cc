// Tests for the readers: plain text, JSON Lines, HTML, directories, stdin, and every kind of
// bad input (each reported, the rest read).
#include "doc/reader.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace sitrep {
namespace {

namespace fs = std::filesystem;

const std::string kFffd = "\xEF\xBF\xBD";

bool Contains(std::string_view hay, std::string_view needle) {
  return hay.find(needle) != std::string_view::npos;
}

// A fresh directory under /tmp, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/sitrep_reader_test_XXXXXX";
    const char* p = ::mkdtemp(tmpl);
    path_ = p ? p : "/tmp/sitrep_reader_test_fallback";
    ::chmod(path_.c_str(), 0755);
  }
  ~TempDir() {
    std::error_code ec;
    // Make everything removable again (chmod 000 files, loops are symlinks: not followed).
    for (auto it = fs::recursive_directory_iterator(path_, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
      if (!it->is_symlink()) ::chmod(it->path().c_str(), 0755);
    }
    fs::remove_all(path_, ec);
  }
  std::string Write(const std::string& name, std::string_view content) const {
    std::string p = path_ + "/" + name;
    fs::create_directories(fs::path(p).parent_path());
    int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
      size_t off = 0;
      while (off < content.size()) {
        ssize_t w = ::write(fd, content.data() + off, content.size() - off);
        if (w <= 0) break;
        off += static_cast<size_t>(w);
      }
      ::close(fd);
    }
    return p;
  }
  std::string Mkdir(const std::string& name) const {
    std::string p = path_ + "/" + name;
    fs::create_directories(p);
    return p;
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Every item of a stream over `inputs`.
std::vector<ReadItem> ReadItems(std::vector<std::string> inputs, const ReadOptions& o = {}) {
  std::vector<ReadItem> items;
  auto s = DocumentStream::Open(std::move(inputs), o);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  if (!s.ok()) return items;
  ReadItem item;
  while ((*s)->Next(&item)) {
    EXPECT_TRUE(item.doc.has_value() != !item.error.ok()) << "an item is a doc or an error";
    items.push_back(std::move(item));
    if (items.size() > 10000) break;
  }
  return items;
}

// "id" for documents, "!message" for errors: a compact view of a stream for assertions.
std::vector<std::string> Summary(const std::vector<ReadItem>& items) {
  std::vector<std::string> out;
  for (const ReadItem& it : items) out.push_back(it.doc ? it.doc->id : "!" + it.error.message());
  return out;
}

Document ParseOk(std::string_view line, const ReadOptions& o = {}) {
  Document d;
  Status st = ParseJsonLine(line, o, "f.jsonl:7: ", &d);
  EXPECT_TRUE(st.ok()) << st.ToString() << " for " << line;
  return d;
}

Status ParseErr(std::string_view line, const ReadOptions& o = {}) {
  Document d;
  Status st = ParseJsonLine(line, o, "f.jsonl:7: ", &d);
  EXPECT_FALSE(st.ok()) << "accepted " << line;
  if (!st.ok()) {
    EXPECT_EQ(st.message().rfind("f.jsonl:7: ", 0), 0u) << st.message();
  }
  return st;
}

// ---------------------------------------------------------------------------------------
// NormalizeDate and SanitizeText

TEST(NormalizeDate, AcceptsIsoAndCompactForms) {
  EXPECT_EQ(NormalizeDate("2021-08-08"), "2021-08-08");
  EXPECT_EQ(NormalizeDate("2021-08-08T10:00:00Z"), "2021-08-08");
  EXPECT_EQ(NormalizeDate("2021-08-08 10:00"), "2021-08-08");
  EXPECT_EQ(NormalizeDate("2021-08-08T10:00:00+04:30"), "2021-08-08");
  EXPECT_EQ(NormalizeDate("20210808"), "2021-08-08");
  EXPECT_EQ(NormalizeDate("20210808T100000"), "2021-08-08");
  EXPECT_EQ(NormalizeDate("2020-02-29"), "2020-02-29");  // leap year
  EXPECT_EQ(NormalizeDate("2000-02-29"), "2000-02-29");  // divisible by 400
  EXPECT_EQ(NormalizeDate("2021-12-31"), "2021-12-31");
}

TEST(NormalizeDate, RejectsWhatIsNotACalendarDate) {
  const char* bad[] = {"",           "2021",        "2021-08",     "2021-8-8",    "2021/08/08",
                       "08-08-2021", "Aug 8, 2021", "2021-13-01",  "2021-00-10",  "2021-08-00",
                       "2021-08-32", "2021-04-31",  "2021-02-29",  "1900-02-29",  "2021-08-081",
                       "202108081",  "2021080",     "yesterday",   "2021-0a-08"};
  for (const char* s : bad) EXPECT_EQ(NormalizeDate(s), "") << s;
}

TEST(SanitizeText, RemovesBomAndRepairsWithOneWarning) {
  std::string t = "\xEF\xBB\xBFKabul";
  std::vector<std::string> w;
  EXPECT_EQ(SanitizeText(&t, &w), 0u);
  EXPECT_EQ(t, "Kabul");
  EXPECT_TRUE(w.empty());

  t = std::string("a\0b\xFF", 4);
  EXPECT_EQ(SanitizeText(&t, &w), 2u);
  EXPECT_EQ(t, "a" + kFffd + "b" + kFffd);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_TRUE(Contains(w[0], "2 place(s)")) << w[0];

  t = "caf\xC3\xA9\r\n";  // valid: unchanged, CRLF kept (offsets index the text as given)
  EXPECT_EQ(SanitizeText(&t, nullptr), 0u);
  EXPECT_EQ(t, "caf\xC3\xA9\r\n");
}

// ---------------------------------------------------------------------------------------
// ParseJsonLine

TEST(ParseJsonLine, ReadsEveryFieldAndIgnoresUnknownOnes) {
  ReadOptions o;
  o.default_date = "2000-01-01";
  Document d = ParseOk(
      R"({"id":"kunduz","title":"Taliban take Kunduz","date":"2021-08-08T09:30:00Z",)"
      R"("source":"AFP","url":"https://example.org/a","lang":"en","text":"Kunduz fell.\nThe army left.",)"
      R"("tags":["a",{"b":[1,2]}],"score":0.5,"extra":null,"nested":{"text":"not this"}})",
      o);
  EXPECT_EQ(d.id, "kunduz");
  EXPECT_EQ(d.title, "Taliban take Kunduz");
  EXPECT_EQ(d.published, "2021-08-08");
  EXPECT_EQ(d.source, "AFP");
  EXPECT_EQ(d.url, "https://example.org/a");
  EXPECT_EQ(d.lang, "en");
  EXPECT_EQ(d.text, "Kunduz fell.\nThe army left.");  // JSON escapes decoded
  EXPECT_TRUE(d.warnings.empty());
}

TEST(ParseJsonLine, AcceptsFieldAliases) {
  Document d = ParseOk(R"({"doc":"x1","published":"20210808","language":"en","text":"t"})");
  EXPECT_EQ(d.id, "x1");
  EXPECT_EQ(d.published, "2021-08-08");
  EXPECT_EQ(d.lang, "en");
}

TEST(ParseJsonLine, NumericIdBecomesItsDecimalText) {
  EXPECT_EQ(ParseOk(R"({"id":42,"text":"t"})").id, "42");
  EXPECT_EQ(ParseOk(R"({"id":-12,"text":"t"})").id, "-12");
  EXPECT_EQ(ParseOk(R"({"id":12345678901234567890,"text":"t"})").id, "12345678901234567890");
}

TEST(ParseJsonLine, MissingOrUnusableIdIsLeftEmptyForTheStream) {
  EXPECT_EQ(ParseOk(R"({"text":"t"})").id, "");
  EXPECT_EQ(ParseOk(R"({"id":null,"text":"t"})").id, "");
  EXPECT_EQ(ParseOk(R"({"id":[1],"text":"t"})").id, "");
}

TEST(ParseJsonLine, TextMustBeAPresentString) {
  EXPECT_TRUE(Contains(ParseErr(R"({"id":"a","text":42})").message(), "\"text\" is a number"));
  EXPECT_TRUE(Contains(ParseErr(R"({"id":"a","text":null})").message(), "\"text\" is null"));
  EXPECT_TRUE(Contains(ParseErr(R"({"id":"a","text":["x"]})").message(), "\"text\" is an array"));
  EXPECT_TRUE(Contains(ParseErr(R"({"id":"a","text":true})").message(), "a boolean"));
  EXPECT_TRUE(Contains(ParseErr(R"({"id":"a","body":"x"})").message(), "no \"text\" field"));
  EXPECT_EQ(ParseErr(R"({"id":"a"})").code(), Status::Code::kInvalidArgument);
}

TEST(ParseJsonLine, EmptyTextIsAnEmptyDocumentNotAnError) {
  EXPECT_EQ(ParseOk(R"({"id":"a","text":""})").text, "");
}

TEST(ParseJsonLine, RefusesWhatIsNotJsonOrNotAnObject) {
  EXPECT_TRUE(Contains(ParseErr("this is not json").message(), "not JSON"));
  EXPECT_TRUE(Contains(ParseErr(R"({"id":"a","text":"x")").message(), "not JSON"));  // truncated
  EXPECT_TRUE(Contains(ParseErr(R"({"id":"a","text":"x"} {"id":"b"})").message(), "not JSON"));
  EXPECT_TRUE(Contains(ParseErr(R"({'id':'a'})").message(), "not JSON"));
  EXPECT_TRUE(Contains(ParseErr(R"(["id","text"])").message(), "not a JSON object"));
  EXPECT_TRUE(Contains(ParseErr(R"("text")").message(), "not a JSON object"));
  EXPECT_TRUE(Contains(ParseErr("42").message(), "not a JSON object"));
  EXPECT_TRUE(Contains(ParseErr("null").message(), "not a JSON object"));
}

TEST(ParseJsonLine, DuplicateKeysFirstOneWins) {
  Document d = ParseOk(
      R"({"id":"first","id":"second","text":"one","text":"two","title":"A","title":"B",)"
      R"("date":"2021-08-08","date":"2022-01-01","source":"S1","source":"S2"})");
  EXPECT_EQ(d.id, "first");
  EXPECT_EQ(d.text, "one");
  EXPECT_EQ(d.title, "A");
  EXPECT_EQ(d.published, "2021-08-08");
  EXPECT_EQ(d.source, "S1");
}

TEST(ParseJsonLine, ByteOrderMarkAndCarriageReturnAreIgnored) {
  EXPECT_EQ(ParseOk("\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"x\"}").id, "a");
  EXPECT_EQ(ParseOk("{\"id\":\"a\",\"text\":\"x\"}\r").text, "x");
  EXPECT_EQ(ParseOk("  {\"id\":\"a\",\"text\":\"x\"}  ").id, "a");
}

TEST(ParseJsonLine, InvalidUtf8IsRepairedWithAWarning) {
  Document d = ParseOk("{\"id\":\"a\",\"text\":\"Kabul \xFF\xFE city \xC3\"}");
  EXPECT_EQ(d.text, "Kabul " + kFffd + kFffd + " city " + kFffd);
  ASSERT_EQ(d.warnings.size(), 1u);
  EXPECT_TRUE(Contains(d.warnings[0], "invalid UTF-8"));
}

TEST(ParseJsonLine, NulBytesBecomeReplacementCharactersWithAWarning) {
  // Escaped: valid JSON carrying U+0000.
  Document d = ParseOk(R"({"id":"a","text":"a\u0000b"})");
  EXPECT_EQ(d.text, "a" + kFffd + "b");
  EXPECT_EQ(d.warnings.size(), 1u);
  // Raw: not valid JSON, read all the same.
  std::string raw = std::string("{\"id\":\"a\",\"text\":\"a") + '\0' + "b\"}";
  Document r = ParseOk(raw);
  EXPECT_EQ(r.text, "a" + kFffd + "b");
  EXPECT_EQ(r.warnings.size(), 2u);  // control characters escaped; NUL replaced
}

TEST(ParseJsonLine, RawTabsInStringsAreReadWithAWarning) {
  Document d = ParseOk("{\"id\":\"a\",\"text\":\"col1\tcol2\"}");
  EXPECT_EQ(d.text, "col1\tcol2");
  ASSERT_EQ(d.warnings.size(), 1u);
  EXPECT_TRUE(Contains(d.warnings[0], "control characters"));
  // Outside strings a raw control character is still an error.
  EXPECT_TRUE(Contains(ParseErr(std::string("{\"id\":\"a\",\x01\"text\":\"x\"}")).message(),
                       "not JSON"));
}

TEST(ParseJsonLine, InvalidUtf8AndRawControlsInOneLine) {
  Document d = ParseOk("{\"id\":\"a\",\"text\":\"a\tb\xFF\"}");
  EXPECT_EQ(d.text, "a\tb" + kFffd);
  EXPECT_EQ(d.warnings.size(), 2u);
}

TEST(ParseJsonLine, DatesAreNormalisedOrWarnedAbout) {
  ReadOptions o;
  o.default_date = "2020-01-01";
  EXPECT_EQ(ParseOk(R"({"text":"t","date":"2021-08-08T10:00:00Z"})", o).published, "2021-08-08");
  EXPECT_EQ(ParseOk(R"({"text":"t"})", o).published, "2020-01-01");
  Document bad = ParseOk(R"({"text":"t","date":"last Sunday"})", o);
  EXPECT_EQ(bad.published, "2020-01-01");
  ASSERT_EQ(bad.warnings.size(), 1u);
  EXPECT_TRUE(Contains(bad.warnings[0], "not a date"));
  EXPECT_EQ(ParseOk(R"({"text":"t","date":123})", o).published, "2020-01-01");
  // A bad first date does not hide a good alias after it.
  EXPECT_EQ(ParseOk(R"({"text":"t","date":"soon","published":"2021-08-09"})", o).published,
            "2021-08-09");
}

TEST(ParseJsonLine, TextOverTheSizeLimitIsRefused) {
  ReadOptions o;
  o.max_document_bytes = 10;
  Status st = ParseErr(R"({"id":"a","text":"0123456789x"})", o);
  EXPECT_EQ(st.code(), Status::Code::kTooLarge);
  EXPECT_EQ(ParseOk(R"({"id":"a","text":"0123456789"})", o).text, "0123456789");
}

// ---------------------------------------------------------------------------------------
// DocumentStream: files

TEST(DocumentStream, OpenValidatesOptions) {
  ReadOptions o;
  o.default_date = "08/08/2021";
  auto s = DocumentStream::Open({"x"}, o);
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(Contains(s.status().message(), "--date"));
  o.default_date = "2021-02-30";
  EXPECT_FALSE(DocumentStream::Open({"x"}, o).ok());
  ReadOptions z;
  z.max_document_bytes = 0;
  EXPECT_FALSE(DocumentStream::Open({"x"}, z).ok());
}

TEST(DocumentStream, PlainTextFileIsOneDocumentNamedByItsStem) {
  TempDir t;
  std::string p = t.Write("kunduz.txt", "KABUL (AFP) - The Taliban seized Kunduz.\n");
  ReadOptions o;
  o.default_date = "2021-08-08";
  auto items = ReadItems({p}, o);
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].doc);
  const Document& d = *items[0].doc;
  EXPECT_EQ(d.id, "kunduz");
  EXPECT_EQ(d.text, "KABUL (AFP) - The Taliban seized Kunduz.\n");
  EXPECT_EQ(d.published, "2021-08-08");
  EXPECT_EQ(d.origin, p);
  EXPECT_TRUE(d.title.empty());
}

TEST(DocumentStream, IdOptionNamesASingleDocument) {
  TempDir t;
  std::string p = t.Write("a.txt", "text");
  ReadOptions o;
  o.id = "mine";
  EXPECT_EQ(Summary(ReadItems({p}, o)), std::vector<std::string>{"mine"});
  // Two inputs: each keeps its own name.
  std::string q = t.Write("b.txt", "text");
  EXPECT_EQ(Summary(ReadItems({p, q}, o)), (std::vector<std::string>{"a", "b"}));
}

TEST(DocumentStream, TextFileBomRemovedCrlfKept) {
  TempDir t;
  std::string p = t.Write("crlf.txt", "\xEF\xBB\xBFLine one.\r\nLine two.\r\n");
  auto items = ReadItems({p});
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].doc);
  EXPECT_EQ(items[0].doc->text, "Line one.\r\nLine two.\r\n");
  EXPECT_TRUE(items[0].doc->warnings.empty());
}

TEST(DocumentStream, InvalidUtf8AndNulInTextAreRepairedWithAWarning) {
  TempDir t;
  std::string p = t.Write("bad.txt", std::string("Herat\xE2\x82 and \0Kabul.", 19));
  auto items = ReadItems({p});
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].doc);
  EXPECT_EQ(items[0].doc->text, "Herat" + kFffd + " and " + kFffd + "Kabul.");
  ASSERT_EQ(items[0].doc->warnings.size(), 1u);
  EXPECT_TRUE(Contains(items[0].doc->warnings[0], "2 place(s)"));
}

TEST(DocumentStream, JsonLinesFileOneDocumentPerLineBadLinesReportedOthersRead) {
  TempDir t;
  std::string p = t.Write("feed.jsonl",
                          "{\"id\":\"a\",\"text\":\"first\",\"date\":\"2021-08-08\"}\n"
                          "\n"                                // blank: skipped, still counted
                          "not json at all\n"                 // line 3
                          "{\"id\":\"b\",\"text\":\"second\"}\n"
                          "[1,2]\n"                           // line 5: not an object
                          "{\"id\":\"c\"}\n"                  // line 6: no text
                          "{\"text\":\"no id\"}\n"            // line 7: id from file and line
                          "{\"id\":7,\"text\":\"numeric\"}");  // no final newline
  ReadOptions o;
  o.default_date = "2020-05-05";
  auto items = ReadItems({p}, o);
  std::vector<std::string> s = Summary(items);
  ASSERT_EQ(s.size(), 7u);
  EXPECT_EQ(s[0], "a");
  EXPECT_TRUE(Contains(s[1], "feed.jsonl:3: not JSON")) << s[1];
  EXPECT_EQ(s[2], "b");
  EXPECT_TRUE(Contains(s[3], "feed.jsonl:5: not a JSON object")) << s[3];
  EXPECT_TRUE(Contains(s[4], "feed.jsonl:6: no \"text\" field")) << s[4];
  EXPECT_EQ(s[5], "feed#7");
  EXPECT_EQ(s[6], "7");
  EXPECT_EQ(items[0].doc->published, "2021-08-08");
  EXPECT_EQ(items[2].doc->published, "2020-05-05");
  EXPECT_EQ(items[2].doc->origin, p + ":4");
}

TEST(DocumentStream, JsonLinesWithBomAndCrlf) {
  TempDir t;
  std::string p = t.Write("win.jsonl",
                          "\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"one\"}\r\n"
                          "{\"id\":\"b\",\"text\":\"two\\r\\nlines\"}\r\n"
                          "\r\n");
  auto items = ReadItems({p});
  ASSERT_EQ(Summary(items), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(items[0].doc->text, "one");
  EXPECT_EQ(items[1].doc->text, "two\r\nlines");  // escaped CRLF inside text is kept
}

TEST(DocumentStream, EmptyFilesAreReported) {
  TempDir t;
  std::string txt = t.Write("empty.txt", "");
  std::string jl = t.Write("empty.jsonl", "");
  std::string blank = t.Write("blank.jsonl", "\n\n  \n");
  std::string good = t.Write("good.txt", "Some text.");
  auto s = Summary(ReadItems({txt, jl, blank, good}));
  ASSERT_EQ(s.size(), 4u);
  EXPECT_TRUE(Contains(s[0], "empty.txt: empty file")) << s[0];
  EXPECT_TRUE(Contains(s[1], "empty.jsonl: empty file")) << s[1];
  EXPECT_TRUE(Contains(s[2], "blank.jsonl: empty file")) << s[2];
  EXPECT_EQ(s[3], "good");
}

TEST(DocumentStream, MissingAndNonRegularInputsAreReported) {
  TempDir t;
  std::string good = t.Write("good.txt", "x");
  std::string missing = t.path() + "/missing.txt";
  std::string under_file = good + "/child.txt";  // ENOTDIR
  auto items = ReadItems({missing, under_file, "/dev/null", good});
  auto s = Summary(items);
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(items[0].error.code(), Status::Code::kNotFound);
  EXPECT_TRUE(Contains(s[0], "missing.txt: no such file")) << s[0];
  EXPECT_EQ(items[1].error.code(), Status::Code::kIoError);
  EXPECT_TRUE(Contains(s[1], "child.txt")) << s[1];
  EXPECT_TRUE(Contains(s[2], "/dev/null")) << s[2];  // a character device that is empty
  EXPECT_EQ(s[3], "good");
}

// Reads `path` (chmod 000) and returns the error message, or "" if it was read.
std::string ReadUnreadable(const std::string& path) {
  auto items = ReadItems({path});
  if (items.size() != 1 || items[0].doc) return "";
  return items[0].error.message();
}

TEST(DocumentStream, UnreadableFileIsReported) {
  TempDir t;
  std::string p = t.Write("secret.txt", "classified");
  ASSERT_EQ(::chmod(p.c_str(), 0), 0);
  if (::geteuid() != 0) {
    std::string m = ReadUnreadable(p);
    EXPECT_TRUE(Contains(m, "secret.txt")) << m;
    EXPECT_TRUE(Contains(m, "Permission denied")) << m;
    return;
  }
  // As root chmod does not stop reads: read as an unprivileged user in a child process.
  pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    if (::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(3);
    int fd = ::open(p.c_str(), O_RDONLY);
    if (fd >= 0) ::_exit(4);  // the check below would prove nothing
    std::string m = ReadUnreadable(p);
    ::_exit(Contains(m, "secret.txt") && Contains(m, "Permission denied") ? 0 : 1);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status));
  if (WEXITSTATUS(status) == 3) GTEST_SKIP() << "cannot drop privileges to test chmod 000";
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST(DocumentStream, DocumentsOverTheSizeLimitAreSkipped) {
  TempDir t;
  std::string big = t.Write("big.txt", std::string(2000, 'a'));
  std::string ok = t.Write("ok.txt", std::string(1000, 'b'));
  std::string jl = t.Write("mixed.jsonl", "{\"id\":\"long\",\"text\":\"" + std::string(1500, 'c') +
                                              "\"}\n"
                                              "{\"id\":\"huge\",\"text\":\"" +
                                              std::string(5000, 'd') +
                                              "\"}\n"
                                              "{\"id\":\"fine\",\"text\":\"short\"}\n");
  std::string html = t.Write("page.html", "<p>" + std::string(3000, 'e') + "</p>");
  ReadOptions o;
  o.max_document_bytes = 1000;
  auto items = ReadItems({big, ok, jl, html}, o);
  auto s = Summary(items);
  ASSERT_EQ(s.size(), 6u);
  EXPECT_EQ(items[0].error.code(), Status::Code::kTooLarge);
  EXPECT_TRUE(Contains(s[0], "big.txt")) << s[0];
  EXPECT_EQ(s[1], "ok");
  EXPECT_EQ(items[2].error.code(), Status::Code::kTooLarge);  // text over the limit
  EXPECT_TRUE(Contains(s[2], "mixed.jsonl:1")) << s[2];
  EXPECT_EQ(items[3].error.code(), Status::Code::kTooLarge);  // line over the line cap
  EXPECT_TRUE(Contains(s[3], "mixed.jsonl:2")) << s[3];
  EXPECT_EQ(s[4], "fine");
  EXPECT_EQ(items[5].error.code(), Status::Code::kTooLarge);  // extracted text over the limit
}

TEST(DocumentStream, DirectoriesAreWalkedRecursivelyInNameOrder) {
  TempDir t;
  t.Write("dir/b.txt", "b");
  t.Write("dir/a.txt", "a");
  t.Write("dir/Z.txt", "Z");  // upper case sorts first (byte order)
  t.Write("dir/sub/c.txt", "c");
  t.Write("dir/sub/feed.jsonl", "{\"id\":\"j1\",\"text\":\"x\"}\n{\"id\":\"j2\",\"text\":\"y\"}\n");
  t.Write("dir/sub/deeper/d.html", "<p>d</p>");
  t.Write("dir/a0/e.txt", "e");
  t.Write("dir/.hidden.txt", "hidden");
  t.Write("dir/.git/config", "hidden too");
  std::string single = t.Write("other.txt", "o");
  ReadOptions o;
  o.id = "ignored-for-directories";
  auto s = Summary(ReadItems({t.path() + "/dir", single}, o));
  // Files found in a folder are named by their path below it, without the extension.
  EXPECT_EQ(s, (std::vector<std::string>{"Z", "a", "a0/e", "b", "sub/c", "sub/deeper/d", "j1", "j2",
                                         "other"}));
}

TEST(DocumentStream, SameFileNamesInDifferentFoldersKeepDistinctIds) {
  TempDir t;
  t.Write("in/a/report.txt", "one");
  t.Write("in/b/report.txt", "two");
  auto s = Summary(ReadItems({t.path() + "/in"}));
  EXPECT_EQ(s, (std::vector<std::string>{"a/report", "b/report"}));
}

TEST(DocumentStream, SymlinkLoopsAreReportedAndTheRestRead) {
  TempDir t;
  t.Write("tree/a.txt", "a");
  t.Write("tree/sub/b.txt", "b");
  ASSERT_EQ(::symlink((t.path() + "/tree").c_str(), (t.path() + "/tree/sub/up").c_str()), 0);
  ASSERT_EQ(::symlink("self", (t.path() + "/tree/self").c_str()), 0);  // self -> self
  auto items = ReadItems({t.path() + "/tree"});
  auto s = Summary(items);
  ASSERT_EQ(s.size(), 4u) << ::testing::PrintToString(s);
  EXPECT_EQ(s[0], "a");
  EXPECT_TRUE(Contains(s[1], "self: symbolic link loop")) << s[1];
  EXPECT_EQ(s[2], "sub/b");
  EXPECT_TRUE(Contains(s[3], "sub/up")) << s[3];
  EXPECT_TRUE(Contains(s[3], "loop")) << s[3];
}

TEST(DocumentStream, HtmlFileGetsTitleTextAndDate) {
  TempDir t;
  std::string p = t.Write(
      "story.html",
      "<html lang=en><head><title>Clashes in Marib</title>"
      "<meta property=\"article:published_time\" content=\"2023-03-14T08:00:00Z\"></head>"
      "<body><nav>Home | World</nav><p>Fighting resumed near Marib.</p></body></html>");
  ReadOptions o;
  o.default_date = "2000-01-01";
  auto items = ReadItems({p}, o);
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].doc);
  EXPECT_EQ(items[0].doc->id, "story");
  EXPECT_EQ(items[0].doc->title, "Clashes in Marib");
  EXPECT_EQ(items[0].doc->text, "Fighting resumed near Marib.");
  EXPECT_EQ(items[0].doc->published, "2023-03-14");  // the page's own date wins over --date
  EXPECT_EQ(items[0].doc->lang, "en");
}

// ---------------------------------------------------------------------------------------
// stdin

// Points fd 0 at a file for the lifetime of the object.
class StdinFrom {
 public:
  explicit StdinFrom(const std::string& path) {
    saved_ = ::dup(0);
    int fd = ::open(path.c_str(), O_RDONLY);
    ::dup2(fd, 0);
    ::close(fd);
  }
  ~StdinFrom() {
    ::dup2(saved_, 0);
    ::close(saved_);
  }

 private:
  int saved_;
};

TEST(DocumentStream, StdinIsDetectedAsJsonLines) {
  TempDir t;
  std::string p = t.Write("in", "\xEF\xBB\xBF\n  {\"id\":\"s1\",\"text\":\"one\"}\n{\"id\":\"s2\",\"text\":\"two\"}\n");
  StdinFrom in(p);
  auto items = ReadItems({"-"});
  EXPECT_EQ(Summary(items), (std::vector<std::string>{"s1", "s2"}));
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[1].doc->origin, "<stdin>:3");
}

TEST(DocumentStream, StdinIsDetectedAsHtml) {
  TempDir t;
  std::string p = t.Write("in", "  <!doctype html><title>T</title><p>Body text.</p>");
  StdinFrom in(p);
  auto items = ReadItems({});  // no inputs: stdin
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].doc);
  EXPECT_EQ(items[0].doc->id, "stdin");
  EXPECT_EQ(items[0].doc->title, "T");
  EXPECT_EQ(items[0].doc->text, "Body text.");
}

TEST(DocumentStream, StdinIsDetectedAsPlainTextAndNamedById) {
  TempDir t;
  std::string p = t.Write("in", "\n\nKABUL - Plain text {with braces} later.");
  StdinFrom in(p);
  ReadOptions o;
  o.id = "named";
  auto items = ReadItems({"-"}, o);
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].doc);
  EXPECT_EQ(items[0].doc->id, "named");
  EXPECT_EQ(items[0].doc->text, "\n\nKABUL - Plain text {with braces} later.");
}

TEST(DocumentStream, EmptyStdinIsReported) {
  TempDir t;
  std::string p = t.Write("in", "");
  StdinFrom in(p);
  auto s = Summary(ReadItems({"-"}));
  ASSERT_EQ(s.size(), 1u);
  EXPECT_TRUE(Contains(s[0], "<stdin>: empty")) << s[0];
}

TEST(DocumentStream, StdinJsonLinesStreamsPastAnyWholeInputLimit) {
  // Regression: stdin used to be read whole and refused past 4x the document limit.
  TempDir t;
  std::string data;
  for (int i = 0; i < 500; ++i)
    data += "{\"id\":\"d" + std::to_string(i) + "\",\"text\":\"" + std::string(200, 'x') + "\"}\n";
  std::string p = t.Write("in", data);
  StdinFrom in(p);
  ReadOptions o;
  o.max_document_bytes = 1000;  // data is ~110 KB: far over 4 x 1000
  auto items = ReadItems({"-"}, o);
  ASSERT_EQ(items.size(), 500u);
  for (const ReadItem& it : items) ASSERT_TRUE(it.doc) << it.error.ToString();
  EXPECT_EQ(items[499].doc->id, "d499");
}

// ---------------------------------------------------------------------------------------
// HTML extraction

TEST(ExtractHtml, TitleParagraphsAndBlankLinesBetweenBlocks) {
  Document d;
  ExtractHtml(
      "<html><head><title> Kunduz   falls </title></head><body>"
      "<h1>Kunduz falls to the Taliban</h1>"
      "<p>The Taliban   seized\n Kunduz on Sunday.</p>"
      "<p>Residents fled &amp; shops closed.<br>Roads were cut.</p>"
      "<ul><li>First item</li><li>Second item</li></ul>"
      "</body></html>",
      &d);
  EXPECT_EQ(d.title, "Kunduz falls");
  EXPECT_EQ(d.text,
            "Kunduz falls to the Taliban\n\n"
            "The Taliban seized Kunduz on Sunday.\n\n"
            "Residents fled & shops closed.\nRoads were cut.\n\n"
            "First item\n\n"
            "Second item");
}

TEST(ExtractHtml, DropsScriptsStylesNavigationAndHiddenElements) {
  Document d;
  ExtractHtml(
      "<html><head><style>p{color:red}</style><script>var x = 'Kabul';</script></head><body>"
      "<header>Site header</header><nav><a href=/>Home</a></nav>"
      "<div role=navigation>Menu</div><div hidden>Hidden</div>"
      "<div style=\"display: none\">Also hidden</div><div aria-hidden=\"true\">Aria</div>"
      "<article><p>Only this survives.</p><script>track()</script><noscript>Enable JS</noscript>"
      "<aside>Related stories</aside><form><input value=q></form>"
      "<figure><img src=x><figcaption>Caption</figcaption></figure></article>"
      "<footer>Copyright</footer></body></html>",
      &d);
  EXPECT_EQ(d.text, "Only this survives.");
}

TEST(ExtractHtml, PublishedDateFromMetaOrTime) {
  Document a;
  ExtractHtml("<meta name=\"pubdate\" content=\"20220224\"><p>x</p>", &a);
  EXPECT_EQ(a.published, "2022-02-24");
  Document b;
  ExtractHtml("<meta property=\"ARTICLE:PUBLISHED_TIME\" content=\"2022-02-24T05:00:00+02:00\">", &b);
  EXPECT_EQ(b.published, "2022-02-24");
  Document c;
  ExtractHtml("<body><p>Posted <time datetime=\"2021-08-08\">Sunday</time></p></body>", &c);
  EXPECT_EQ(c.published, "2021-08-08");
  EXPECT_EQ(c.text, "Posted Sunday");
  Document d;
  ExtractHtml("<meta name=\"date\" content=\"not a date\"><p>x</p>", &d);
  EXPECT_EQ(d.published, "");
}

TEST(ExtractHtml, TitleFallsBackToOgTitleThenH1AndSiteNameIsTheSource) {
  Document a;
  ExtractHtml("<meta property=\"og:title\" content=\"OG title\"><meta property=\"og:site_name\" "
              "content=\"Example Wire\"><h1>Heading</h1>",
              &a);
  EXPECT_EQ(a.title, "OG title");
  EXPECT_EQ(a.source, "Example Wire");
  Document b;
  ExtractHtml("<body><h1>Heading  one</h1><p>x</p></body>", &b);
  EXPECT_EQ(b.title, "Heading one");
}

TEST(ExtractHtml, MalformedAndEmptyHtmlDoNotCrash) {
  Document a;
  ExtractHtml("<p>unclosed <b>bold <i>italic</p><p>next", &a);
  EXPECT_EQ(a.text, "unclosed bold italic\n\nnext");
  Document b;
  ExtractHtml("", &b);
  EXPECT_EQ(b.text, "");
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<div>";
  deep += "deep text";
  Document c;
  ExtractHtml(deep, &c);  // deeper than the walker's limit: no stack overflow
  SUCCEED();
}

}  // namespace
}  // namespace sitrep
