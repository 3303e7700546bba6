#include "io/csv.h"

namespace sitrep::io {

void AppendCsvField(std::string_view field, std::string* out) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(field);
    return;
  }
  out->push_back('"');
  for (char c : field) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

void AppendCsvRecord(const std::vector<std::string>& fields, std::string* out) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out->push_back(',');
    AppendCsvField(fields[i], out);
  }
  out->append("\r\n");
}

std::vector<std::vector<std::string>> ParseCsv(std::string_view in) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;     // the current field began with a quote
  bool in_quotes = false;  // inside its quotes
  bool any = false;        // the current record has begun
  auto end_field = [&] {
    row.push_back(std::move(field));
    field.clear();
    quoted = false;
  };
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    any = true;
    if (in_quotes) {
      if (c == '"' && i + 1 < in.size() && in[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        in_quotes = false;
      } else {
        field.push_back(c);
      }
    } else if (c == '"' && field.empty() && !quoted) {
      in_quotes = quoted = true;
    } else if (c == ',') {
      end_field();
    } else if (c == '\n' || (c == '\r' && i + 1 < in.size() && in[i + 1] == '\n')) {
      if (c == '\r') ++i;
      end_field();
      rows.push_back(std::move(row));
      row.clear();
      any = false;
    } else {
      field.push_back(c);
    }
  }
  if (any) {
    end_field();
    rows.push_back(std::move(row));
  }
  return rows;
}

void CsvFormat::Begin(std::string* out) {
  const auto& cols = EventColumns();
  AppendCsvRecord(std::vector<std::string>(cols.begin(), cols.end()), out);
}

size_t CsvFormat::Format(const Document& doc, const DocResult& r, std::string* out) const {
  std::vector<Cell> row;
  std::vector<std::string> fields;
  for (const Event& e : r.events) {
    EventRow(doc, e, *names_, &row);
    fields.clear();
    for (const Cell& c : row) fields.push_back(c.ToString());
    AppendCsvRecord(fields, out);
  }
  return r.events.size();
}

}  // namespace sitrep::io
