// Regression test for a finding of fuzz/text_fuzzer.cc (issue 8; input:
// fuzz/regressions/text/fold_slack_overread): the tokeniser hashes each folded word with
// HashBytesPadded, which loads 8 bytes for a word's tail and so needs slack after it; the
// buffer grew only when a word did not fit at all, so a word ending within 7 bytes of the
// buffer's end was read past it (a heap-buffer-overflow under ASan; garbage bits masked out
// otherwise). Run by the sanitizer job, this test fails there without the fix.
#include <gtest/gtest.h>

#include <string>

#include "doc/reader.h"
#include "text/text.h"

namespace sitrep {
namespace {

TEST(FuzzText, Regression_FoldedWordsKeepSlackForPaddedHashing) {
  const std::string crash("\xb4\x00\x2d\x71\xeb\xb4\xb4\x00\x2d\x71\xeb\xb4\xb4\x5a\x5a\x5a\x81\x63\x35",
                          19);
  std::string text = crash;
  SanitizeText(&text, nullptr);
  text::Analysis a;
  text::Analyze(text, &a);
  EXPECT_FALSE(a.tokens.empty());
  // Every length of word near the end of a text whose folding grows it (U+FFFD folds to
  // itself, 'Z' to 'z'): the folded buffer's end falls at every offset of a word's tail.
  for (size_t n = 1; n < 40; ++n) {
    std::string s;
    for (size_t k = 0; k < n; ++k) s += "\xEF\xBF\xBD-q";
    s += std::string(n % 9, 'Z');
    std::string folded = text::FoldPhrase(s);
    text::Analyze(s, &a);
    for (const auto& t : a.tokens) EXPECT_LE(t.fold_start + t.fold_len, a.folded.size());
  }
}

}  // namespace
}  // namespace sitrep
