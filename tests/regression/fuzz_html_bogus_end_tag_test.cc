// Regression test for a finding of fuzz/html_fuzzer.cc (issue 8; input:
// fuzz/regressions/html/bogus_end_tag_hides_nesting). "</" followed by something other than a
// letter opens a bogus comment that ends at the next '>'; html.cc's nesting scan read the '<'
// as text instead, so a "<!--" inside that bogus comment made it skip the rest of the page as
// one comment while gumbo parsed it: the nesting below was not bounded (depth 177 with a
// bound of 24 in the fuzz build).
#include <gtest/gtest.h>

#include <string>

#include "doc/reader.h"

namespace sitrep {
namespace {

std::string Repeat(std::string_view s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out.append(s);
  return out;
}

TEST(FuzzHtml, Regression_BogusEndTagCommentDoesNotHideNesting) {
  const size_t bound = MaxHtmlDepth();
  for (std::string_view bogus : {"</<!-- x>", "</ <!-->", "</1<!--->", "</\"<!--'>"}) {
    SCOPED_TRACE(bogus);
    std::string html = Repeat("<div>", bound / 2) + std::string(bogus) +
                       Repeat("<span>", 10 * bound) + "Gunmen attacked Gao.";
    EXPECT_LE(ParsedHtmlDepth(html), 6 * bound + 16);
    Document doc;
    ExtractHtml(html, &doc);
    EXPECT_NE(doc.text.find("Gunmen attacked Gao."), std::string::npos) << doc.text;
  }
  // "</>" is dropped whole and "</" at the end of the page is text: neither hides anything.
  Document doc;
  ExtractHtml("<p>a</>b</", &doc);
  EXPECT_EQ(doc.text, "ab</");
}

}  // namespace
}  // namespace sitrep
