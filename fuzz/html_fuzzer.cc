// Fuzz target: the HTML reader (gumbo and our article extraction), as the stream calls it
// (SanitizeText first), and on the raw bytes. Invariants: the text and the title are valid
// UTF-8 without NUL bytes; a date found in the page is a calendar date; the tree gumbo builds
// stays within a few times the nesting bound (in fuzz builds the bound is small: html.cc).
#include <cstdint>
#include <cstdio>
#include <string>

#include "doc/reader.h"
#include "fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string html(sitrep::fuzz::AsView(data, size));
  {
    sitrep::Document raw;
    sitrep::ExtractHtml(html, &raw);  // must not crash on bytes the stream would repair
  }
  sitrep::Document doc;
  sitrep::SanitizeText(&html, &doc.warnings);
  FUZZ_CHECK(sitrep::IsValidUtf8(html));
  sitrep::ExtractHtml(html, &doc);
  FUZZ_CHECK(sitrep::IsValidUtf8(doc.text));
  FUZZ_CHECK(sitrep::IsValidUtf8(doc.title));
  FUZZ_CHECK(doc.text.find('\0') == std::string::npos);
  FUZZ_CHECK(doc.published.empty() || sitrep::NormalizeDate(doc.published) == doc.published);
  // Nesting is bounded before gumbo sees the page (its time is quadratic in the depth):
  // the tree stays within a small multiple of the bound, whatever the markup.
  const size_t depth = sitrep::ParsedHtmlDepth(html);
  if (depth > 6 * sitrep::MaxHtmlDepth() + 16) std::fprintf(stderr, "gumbo depth %zu\n", depth);
  FUZZ_CHECK(depth <= 6 * sitrep::MaxHtmlDepth() + 16);
  return 0;
}
