// Fuzz target: the JSON Lines reader. Each line through ParseJsonLine, then the whole input
// as a .jsonl file through DocumentStream (LineReader, BOMs, blank lines, the size limit).
// Invariants: a document's text is valid UTF-8 without NUL bytes, its date is a calendar
// date or empty; an error names its file and line; every non-blank line gives exactly one
// item (a document or an error), so nothing is lost silently.
#include <cstdint>
#include <string>
#include <string_view>

#include "doc/reader.h"
#include "fuzz/fuzz_util.h"

namespace {

using sitrep::fuzz::AsView;

void CheckDocument(const sitrep::Document& d) {
  FUZZ_CHECK(sitrep::IsValidUtf8(d.text));
  FUZZ_CHECK(d.text.find('\0') == std::string::npos);
  FUZZ_CHECK(d.published.empty() || sitrep::NormalizeDate(d.published) == d.published);
}

bool IsBlank(std::string_view line) {
  size_t k = 0;
  if (line.substr(0, 3) == "\xEF\xBB\xBF") k = 3;
  while (k < line.size() && (line[k] == ' ' || line[k] == '\t' || line[k] == '\r')) ++k;
  return k == line.size();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in = AsView(data, size);
  sitrep::ReadOptions opts;
  opts.max_document_bytes = 2048;  // small, so that the limit is reached too
  opts.default_date = "2021-08-08";

  // 1. Line by line.
  size_t nonblank = 0;
  for (size_t b = 0; b <= in.size();) {
    size_t e = in.find('\n', b);
    if (e == std::string_view::npos) e = in.size();
    std::string_view line = in.substr(b, e - b);
    if (!IsBlank(line)) {
      ++nonblank;
      sitrep::Document doc;
      sitrep::Status st = sitrep::ParseJsonLine(line, opts, "in.jsonl:7: ", &doc);
      if (st.ok()) {
        CheckDocument(doc);
        FUZZ_CHECK(doc.text.size() <= opts.max_document_bytes * 3);  // repair may grow it
      } else {
        FUZZ_CHECK(st.message().rfind("in.jsonl:7: ", 0) == 0);
      }
    }
    if (e == in.size()) break;
    b = e + 1;
  }

  // 2. As a file.
  sitrep::fuzz::MemFile file(in);
  opts.format = sitrep::InputFormat::kJsonl;
  auto stream = sitrep::DocumentStream::Open({file.path()}, opts);
  FUZZ_CHECK(stream.ok());
  size_t items = 0;
  sitrep::ReadItem item;
  while ((*stream)->Next(&item)) {
    ++items;
    FUZZ_CHECK(item.doc.has_value() != !item.error.ok());
    if (item.doc) {
      CheckDocument(*item.doc);
      FUZZ_CHECK(!item.doc->id.empty());
    } else {
      FUZZ_CHECK(item.error.message().rfind(file.path() + ":", 0) == 0);
    }
    FUZZ_CHECK(items <= nonblank + 1);
  }
  FUZZ_CHECK(items == (nonblank ? nonblank : 1));  // an input of blank lines: "empty file"
  return 0;
}
