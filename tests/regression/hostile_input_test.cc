// Regression tests for what the hostile-input suite (tests/hostile/, issue 8) found. Each
// test is named after the input that broke sitrep; see tests/hostile/README.md.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <pthread.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "actors/actors.h"
#include "doc/reader.h"
#include "events/lexicon.h"
#include "geo/index_format.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

bool Contains(std::string_view hay, std::string_view needle) {
  return hay.find(needle) != std::string_view::npos;
}

std::string Repeat(std::string_view s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out.append(s);
  return out;
}

// Runs f in a forked child that is killed after `seconds`; true if f returned true in time.
// For bugs that hang: a regression fails instead of blocking the test run.
bool InChildWithin(int seconds, const std::function<bool()>& f) {
  pid_t pid = ::fork();
  if (pid == 0) {
    ::alarm(static_cast<unsigned>(seconds));
    ::_exit(f() ? 0 : 1);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// Runs f on a thread with a small stack: deep recursion anywhere in f overflows it.
void OnSmallStack(size_t bytes, const std::function<void()>& f) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, bytes);
  pthread_t t;
  auto run = [](void* p) -> void* {
    (*static_cast<const std::function<void()>*>(p))();
    return nullptr;
  };
  ASSERT_EQ(pthread_create(&t, &attr, run, const_cast<std::function<void()>*>(&f)), 0);
  pthread_join(t, nullptr);
  pthread_attr_destroy(&attr);
}

double SecondsFor(const std::function<void()>& f) {
  auto t0 = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

const char kSentence[] = "Gunmen attacked a checkpoint near Gao on Sunday.";

// ---------------------------------------------------------------------------------------
// HTML bombs. gumbo's tree building is quadratic in the nesting depth: 100,000 nested
// <div>s took 53 s, 30,000 nested tables 11 s and 970 MB, and the text below depth 2000
// was dropped by the old recursive walker. Now the markup past MaxHtmlDepth() is ignored
// before gumbo runs, the text is kept, and nothing recurses per level.

struct Bomb {
  const char* name;
  std::string html;
};

std::vector<Bomb> HtmlBombs() {
  const size_t n = 100000;
  return {
      {"nested div", Repeat("<div>", n) + "<p>" + kSentence + "</p>" + Repeat("</div>", n)},
      {"unclosed div", "<body>" + Repeat("<div>", n) + kSentence},
      {"nested table", Repeat("<table><tr><td>", 30000) + kSentence},
      {"nested b", Repeat("<b>", n) + kSentence},
      {"span", Repeat("<span>", n) + kSentence},
      {"self-closing div", Repeat("<div/>", n) + kSentence},
      {"li in h1", Repeat("<h1><li>", n / 2) + kSentence},
      {"misnested span", Repeat("<span><div></span>", n / 2) + kSentence},
      {"formatting reopened", [&] {
         std::string s;
         for (size_t i = 0; i < 20000; ++i) s += "<div><b id=" + std::to_string(i) + "></div>";
         return s + kSentence + Repeat("<i>x</i>", 20000);
       }()},
      {"optgroup", Repeat("<optgroup>", n) + kSentence},
      // Text inside an <svg> is not article text (html.cc skips the element): the sentence
      // follows it, and must survive the 100,000 groups before it.
      {"svg", "<svg>" + Repeat("<g>", n) + "<text>label</text></svg><p>" + kSentence},
      {"empty comment", "<!-->" + Repeat("<div>", n) + kSentence},
      {"quote in a name", "<div a'b>" + Repeat("<div>", n) + kSentence},
  };
}

TEST(HostileInput, Regression_HtmlNestingBombsAreBoundedAndKeepTheirText) {
  for (const Bomb& b : HtmlBombs()) {
    SCOPED_TRACE(b.name);
    Document doc;
    double s = SecondsFor([&] { ExtractHtml(b.html, &doc); });
    EXPECT_LT(s, 20.0);  // seconds, under sanitizers too; about 0.1 s in a release build
    EXPECT_TRUE(Contains(doc.text, kSentence)) << doc.text.substr(0, 200);
    EXPECT_LE(ParsedHtmlDepth(b.html), 6 * MaxHtmlDepth() + 16);
  }
}

TEST(HostileInput, Regression_HtmlNestingBombWarnsThatMarkupWasIgnored) {
  Document doc;
  ExtractHtml(Repeat("<div>", 5000) + kSentence, &doc);
  ASSERT_EQ(doc.warnings.size(), 1u);
  EXPECT_TRUE(Contains(doc.warnings[0], "nested deeper than")) << doc.warnings[0];
}

TEST(HostileInput, Regression_HtmlWithinTheBoundIsUntouched) {
  // Ordinary pages: no warning, and blocks still become paragraphs.
  std::string page = "<html><body>" + Repeat("<div>", 40) + "<p>One.</p><p>Two.</p>" +
                     Repeat("</div>", 40) + Repeat("<p>unclosed paragraph", 500) +
                     Repeat("<li>item", 500) + "</body></html>";
  Document doc;
  ExtractHtml(page, &doc);
  EXPECT_TRUE(doc.warnings.empty());
  EXPECT_TRUE(Contains(doc.text, "One.\n\nTwo.")) << doc.text.substr(0, 100);
  EXPECT_TRUE(Contains(doc.text, "unclosed paragraph\n\nunclosed paragraph"));
}

TEST(HostileInput, Regression_HtmlIsParsedAndFreedWithoutDeepRecursion) {
  // gumbo_destroy_output frees the tree by recursion; ExtractHtml no longer calls it, and
  // its own walk is iterative: a deep page runs on a 256 KiB stack.
  std::string html = Repeat("<div>", 100000) + kSentence + Repeat("</div>", 100000);
  Document doc;
  OnSmallStack(256 << 10, [&] { ExtractHtml(html, &doc); });
  EXPECT_TRUE(Contains(doc.text, kSentence));
}

// ---------------------------------------------------------------------------------------
// JSON Lines

TEST(HostileInput, Regression_JsonLoneSurrogateEscapesAreRepairedNotRefused) {
  // Python writes undecodable bytes as "\udcXX": simdjson refused the whole line.
  Document d;
  Status st = ParseJsonLine(R"({"id":"a","text":"Gao \udcff and \ud800 x \ud83d\ude00"})",
                            ReadOptions(), "f:1: ", &d);
  ASSERT_TRUE(st.ok()) << st.message();
  EXPECT_EQ(d.text, "Gao \xEF\xBF\xBD and \xEF\xBF\xBD x \xF0\x9F\x98\x80");
  ASSERT_EQ(d.warnings.size(), 1u);
  EXPECT_TRUE(Contains(d.warnings[0], "surrogate")) << d.warnings[0];
  // An escaped backslash before "ud800" is text, and a bad \u escape is still refused.
  ASSERT_TRUE(ParseJsonLine(R"({"text":"a \\ud800"})", ReadOptions(), "f:1: ", &d).ok());
  EXPECT_EQ(d.text, "a \\ud800");
  EXPECT_FALSE(ParseJsonLine(R"({"text":"a \uZZZZ"})", ReadOptions(), "f:1: ", &d).ok());
}

TEST(HostileInput, Regression_JsonDuplicateTextKeyIsReadOnceWithAWarning) {
  Document d;
  ASSERT_TRUE(ParseJsonLine(R"({"text":"one","text":"two"})", ReadOptions(), "", &d).ok());
  EXPECT_EQ(d.text, "one");
  ASSERT_EQ(d.warnings.size(), 1u);
  EXPECT_TRUE(Contains(d.warnings[0], "more than one \"text\"")) << d.warnings[0];
}

// ---------------------------------------------------------------------------------------
// Gazetteer index

TEST(HostileInput, Regression_IndexChecksumSeesEveryBitFlip) {
  // The hostile suite's flipped-bit cases found an index with one bit flipped that opened:
  // IndexChecksum combined its lanes with shifts, dropping the top 11 bits of lane 2.
  std::string bytes(4096 + 24, '\0');
  uint64_t x = 88172645463325252ull;
  for (char& c : bytes) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    c = static_cast<char>(x);
  }
  const uint64_t want = geo::IndexChecksum(bytes.data(), bytes.size());
  size_t unseen = 0;
  for (size_t i = 0; i < bytes.size(); ++i) {
    for (int b = 0; b < 8; ++b) {
      bytes[i] = static_cast<char>(bytes[i] ^ (1 << b));
      unseen += geo::IndexChecksum(bytes.data(), bytes.size()) == want;
      bytes[i] = static_cast<char>(bytes[i] ^ (1 << b));
    }
  }
  EXPECT_EQ(unseen, 0u);
}

// ---------------------------------------------------------------------------------------
// Files that never end

TEST(HostileInput, Regression_FifoInAFolderIsSkippedNotWaitedOn) {
  // open() of a FIFO without a writer blocks: found in a folder, it hung the whole run.
  std::string dir = ::testing::TempDir() + "/sitrep_fifo_" + std::to_string(::getpid());
  fs::create_directories(dir);
  ASSERT_EQ(::mkfifo((dir + "/a.fifo").c_str(), 0644), 0);
  {
    int fd = ::open((dir + "/b.txt").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ASSERT_EQ(::write(fd, kSentence, sizeof kSentence - 1), static_cast<ssize_t>(sizeof kSentence - 1));
    ::close(fd);
  }
  EXPECT_TRUE(InChildWithin(20, [&] {
    auto s = DocumentStream::Open({dir}, ReadOptions());
    if (!s.ok()) return false;
    ReadItem item;
    std::vector<std::string> got;
    while ((*s)->Next(&item)) got.push_back(item.doc ? item.doc->id : item.error.message());
    return got.size() == 2 && Contains(got[0], "a.fifo: not a regular file") && got[1] == "b";
  }));
  fs::remove_all(dir);
}

TEST(HostileInput, Regression_EndlessDeviceIsRefusedAtTheSizeLimit) {
  // Over the limit the reader drained the rest of the input: /dev/zero never ended.
  EXPECT_TRUE(InChildWithin(20, [] {
    ReadOptions o;
    o.max_document_bytes = 1 << 20;
    auto s = DocumentStream::Open({"/dev/zero"}, o);
    if (!s.ok()) return false;
    ReadItem item;
    return (*s)->Next(&item) && !item.doc && item.error.code() == Status::Code::kTooLarge;
  }));
}

TEST(HostileInput, Regression_InterruptBeforeTheReadStopsAWaitOnASilentPipe) {
  // Found by the CLI tests under ASan (slower start-up): a SIGINT that came before sitrep began
  // to read a silent pipe set the flag, but the read then blocked for good (only a read
  // already waiting gets EINTR).
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);  // the write end stays open and silent
  std::atomic<bool> stop{true};
  EXPECT_TRUE(InChildWithin(20, [&] {
    ReadOptions o;
    o.interrupted = &stop;
    auto s = DocumentStream::Open({"/proc/self/fd/" + std::to_string(fds[0])}, o);
    if (!s.ok()) return false;
    ReadItem item;
    while ((*s)->Next(&item)) {
    }
    return true;
  }));
  ::close(fds[0]);
  ::close(fds[1]);
}

// ---------------------------------------------------------------------------------------
// User dictionaries

TEST(HostileInput, Regression_DictionaryWithByteOrderMarkAndCrlfLoads) {
  // A BOM (a spreadsheet's "UTF-8" export) made the first line unparseable.
  actors::ActorDictionary a;
  Status st = a.AddFile("\xEF\xBB\xBF# my actors\r\nrebels\tRebels\trebel group\tML\r\n", "mine.tsv");
  EXPECT_TRUE(st.ok()) << st.message();
  EXPECT_EQ(a.size(), 1u);
  events::EventLexicon e;
  st = e.AddFile("\xEF\xBB\xBFpillage:v\tLOOT\r\n", "mine.tsv");
  EXPECT_TRUE(st.ok()) << st.message();
}

TEST(HostileInput, Regression_DictionaryWithInvalidUtf8NamesFileLineAndColumn) {
  actors::ActorDictionary a;
  Status st = a.AddFile("# ok\nrebels\tRebels\trebel group\nr\xE9volte\tX\trebel group\n", "mine.tsv");
  ASSERT_FALSE(st.ok());
  EXPECT_TRUE(Contains(st.message(), "mine.tsv:3: invalid UTF-8 (byte 0xE9) at column 2"))
      << st.message();
  events::EventLexicon e;
  st = e.AddFile(std::string("kill:v\tKILL\nx\0y\tKILL\n", 20), "ev.tsv");
  ASSERT_FALSE(st.ok());
  EXPECT_TRUE(Contains(st.message(), "ev.tsv:2: a NUL byte at column 2")) << st.message();
}

}  // namespace
}  // namespace sitrep
