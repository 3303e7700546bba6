// Readers: plain text, JSON Lines, HTML, directories and stdin, as one stream of documents.
//
// A DocumentStream yields documents one at a time in input order, holding at most one file's
// line in memory for JSON Lines (memory stays bounded on a multi-GB stream). A bad document
// (a line that is not JSON, lacks "text", is over the size limit) is reported as an error
// item naming file and line, and the stream goes on with the next one.
#ifndef SITREP_DOC_READER_H_
#define SITREP_DOC_READER_H_

#include <atomic>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/status.h"

namespace sitrep {

enum class InputFormat { kAuto, kText, kJsonl, kHtml };

struct ReadOptions {
  // Publication date for documents that carry none ("YYYY-MM-DD"); empty: unknown.
  std::string default_date;
  // Names the document when the input is a single text or HTML document.
  std::string id;
  // Documents larger than this (bytes of text) are refused with an error.
  size_t max_document_bytes = 10u << 20;
  // How to read files; kAuto goes by extension (.jsonl/.ndjson, .html/.htm, else text) and,
  // for stdin, by the first byte.
  InputFormat format = InputFormat::kAuto;
  // When set and true, reads stop with an "interrupted" error instead of waiting on: Ctrl-C
  // works while waiting on stdin, also when it came before the read began (reads wait in
  // poll() slices of 100 ms and check the flag between them).
  const std::atomic<bool>* interrupted = nullptr;
};

// One step of the stream: a document, or an error about one input or document.
struct ReadItem {
  std::optional<Document> doc;
  Status error;  // non-OK when this item is an error; `doc` is empty then
};

class DocumentStream {
 public:
  virtual ~DocumentStream() = default;
  // Fills *item and returns true, or returns false at the end of all inputs.
  virtual bool Next(ReadItem* item) = 0;

  // Opens a stream over `inputs` (files, directories, "-" for stdin) in the order given;
  // directories are walked recursively in name order, symlink loops are detected and
  // reported. Fails only for invalid options.
  static Result<std::unique_ptr<DocumentStream>> Open(std::vector<std::string> inputs,
                                                      const ReadOptions& options);
};

// Parses one JSON Lines line into *doc. `where` prefixes error messages ("f.jsonl:3: ").
Status ParseJsonLine(std::string_view line, const ReadOptions& options, std::string_view where,
                     Document* doc);

// Extracts the article from HTML: title, paragraphs (p, h1-h6, li, blockquote, pre, td)
// joined by blank lines; script, style, nav, header, footer, aside, form and hidden
// elements dropped. Fills title, text and published (from <meta> or <time>) when found.
void ExtractHtml(std::string_view html, Document* doc);

// ExtractHtml drops the markup (never the text) of tags nested deeper than MaxHtmlDepth():
// gumbo's time grows with the square of the depth. For tests and fuzzing: the depth of the
// tree gumbo builds for `html` once its nesting is so bounded.
size_t MaxHtmlDepth();
size_t ParsedHtmlDepth(std::string_view html);

// "2021-08-08", "2021-08-08T10:00:00Z", "20210808" -> "2021-08-08"; empty if not a date.
std::string NormalizeDate(std::string_view s);

// Turns raw bytes into document text: removes a BOM, turns CRLF into LF is NOT done
// (offsets must index the text as given), replaces invalid UTF-8 and NUL bytes with U+FFFD
// and notes it in doc->warnings. Returns the number of replacements.
size_t SanitizeText(std::string* text, std::vector<std::string>* warnings);

}  // namespace sitrep

#endif  // SITREP_DOC_READER_H_
