// `sitrep report`: one self-contained HTML file with a map, a timeline, a filterable table
// and each event's evidence in its source text. It makes no network request: the page's
// script and style, d3-geo, d3-array and topojson-client (pinned in tools/data.lock) and
// the Natural Earth country outlines of world-atlas are inlined at build time
// (src/report/assets.cc), and a Content-Security-Policy forbids any fetch.
//
// The page is written as it is coded: a head (style, outlines), then one JSON object per
// document (its text once, its events and distance claims, offsets in UTF-16 code units
// for the browser), then the scripts. Memory stays bounded whatever the number of events.
#ifndef SITREP_REPORT_REPORT_H_
#define SITREP_REPORT_REPORT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/event_table.h"
#include "io/runner.h"

namespace sitrep::report {

struct ReportOptions {
  std::string title = "sitrep report";  // the page's heading and <title>
  std::string generator;                // "sitrep 0.1.0", shown in the footer
};

// True when this binary was built with the front-end libraries (third_party/npm present at
// configure time); without them Begin() writes nothing useful and the CLI refuses to run.
bool AssetsAvailable();

// Appends the UTF-8 text `s` as a JSON string that is also safe inside an HTML <script>
// element ("<" written as \u003c).
void AppendScriptJsonString(std::string_view s, std::string* out);

// UTF-16 code units before byte `offset` of the UTF-8 `text` (offsets past the end count to
// the end). The report's offsets are in these units, as JavaScript strings index.
class Utf16Offsets {
 public:
  explicit Utf16Offsets(std::string_view text);
  uint32_t operator()(uint32_t byte_offset) const;

 private:
  std::vector<uint32_t> at_;  // at_[i]: units before byte i
};

class ReportFormat final : public io::OutputFormat {
 public:
  // `names` (not owned) must outlive the format.
  ReportFormat(const io::PlaceNames* names, ReportOptions options)
      : names_(names), options_(std::move(options)) {}
  void Begin(std::string* out) override;
  size_t Format(const Document& doc, const DocResult& r, std::string* out) const override;
  void Emit(std::string* bytes) override;
  void End(const io::RunStats& stats, std::string* out) override;

 private:
  const io::PlaceNames* names_;
  ReportOptions options_;
  bool first_ = true;
};

}  // namespace sitrep::report

#endif  // SITREP_REPORT_REPORT_H_
