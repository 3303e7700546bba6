// CSV output (`sitrep code --format csv`): one row per event with the columns of
// io/event_table.h, a header row once at the top. RFC 4180: fields that hold a comma, a
// double quote, CR or LF are quoted and their quotes doubled; records end in CRLF; UTF-8
// without a byte order mark, so that pandas, R and spreadsheets read it unchanged.
#ifndef SITREP_IO_CSV_H_
#define SITREP_IO_CSV_H_

#include <string>
#include <string_view>
#include <vector>

#include "io/event_table.h"
#include "io/runner.h"

namespace sitrep::io {

// Appends one field, quoted when RFC 4180 requires it.
void AppendCsvField(std::string_view field, std::string* out);
// Appends fields separated by commas and ended by CRLF.
void AppendCsvRecord(const std::vector<std::string>& fields, std::string* out);
// Reads RFC 4180 text back into records of fields (CRLF or LF line ends; quoted fields may
// hold commas, doubled quotes and line breaks). For tests and tools.
std::vector<std::vector<std::string>> ParseCsv(std::string_view text);

class CsvFormat final : public OutputFormat {
 public:
  // `names` (not owned) must outlive the format.
  explicit CsvFormat(const PlaceNames* names) : names_(names) {}
  void Begin(std::string* out) override;
  size_t Format(const Document& doc, const DocResult& r, std::string* out) const override;

 private:
  const PlaceNames* names_;
};

}  // namespace sitrep::io

#endif  // SITREP_IO_CSV_H_
