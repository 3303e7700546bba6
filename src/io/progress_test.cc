#include "io/progress.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace sitrep::io {
namespace {

TEST(Progress, Durations) {
  EXPECT_EQ(FormatDuration(0), "0:00");
  EXPECT_EQ(FormatDuration(7.4), "0:07");
  EXPECT_EQ(FormatDuration(725), "12:05");
  EXPECT_EQ(FormatDuration(3723), "1:02:03");
  EXPECT_EQ(FormatDuration(-1), "0:00");
}

TEST(Progress, LineWithoutKnownSize) {
  ProgressSnapshot s;
  s.documents = 1204;
  s.text_bytes = 12'400'000;
  s.seconds = 4;
  EXPECT_EQ(FormatProgress(s), "1,204 documents, 12.4 MB, 301 docs/s, 3.1 MB/s");
}

TEST(Progress, LineWithEta) {
  ProgressSnapshot s;
  s.documents = 100;
  s.failed = 2;
  s.text_bytes = 1'000'000;
  s.seconds = 10;
  s.total_bytes = 4'000'000;
  s.read_bytes = 1'000'000;  // a quarter in 10 s: 30 s to go
  EXPECT_EQ(FormatProgress(s), "100 documents, 2 failed, 1.0 MB, 10 docs/s, 0.1 MB/s, 25%, ETA 0:30");
  s.read_bytes = 9'000'000;  // the read counter ahead of the total: never past 99%
  EXPECT_NE(FormatProgress(s).find("99%"), std::string::npos);
}

TEST(Progress, InputSizeWalksFoldersLikeTheReader) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("sitrep_progress_" + std::to_string(::getpid()));
  fs::create_directories(dir / "sub");
  std::ofstream(dir / "a.txt") << std::string(100, 'a');
  std::ofstream(dir / "sub" / "b.jsonl") << std::string(50, 'b');
  std::ofstream(dir / ".hidden") << std::string(1000, 'h');  // the reader skips it
  EXPECT_EQ(InputSize({dir.string()}), 150u);
  EXPECT_EQ(InputSize({(dir / "a.txt").string(), (dir / "sub").string()}), 150u);
  EXPECT_EQ(InputSize({(dir / "missing").string()}), 0u);
  fs::remove_all(dir);
}

TEST(Progress, ReadCounterCountsReads) {
  ReadCounter c;
  if (!c.ok()) GTEST_SKIP() << "no /proc/self/io";
  std::FILE* f = std::fopen("/proc/self/exe", "rb");
  ASSERT_NE(f, nullptr);
  char buf[4096];
  size_t n = std::fread(buf, 1, sizeof buf, f);
  std::fclose(f);
  EXPECT_GE(c.BytesRead(), n);
}

}  // namespace
}  // namespace sitrep::io
