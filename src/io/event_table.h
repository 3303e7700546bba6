// Events as rows of one flat table: ACLED's column names where a column means the same,
// then sitrep's own. The CSV and GeoJSON outputs share these columns (GeoJSON as typed
// feature properties), so a column means the same in both.
//
// ACLED's columns: event_id_cnty (sitrep's event id, "doc#n"), event_date (the first day the
// date covers, YYYY-MM-DD), year, time_precision (io/acled.h), disorder_type, event_type,
// sub_event_type, actor1/actor2 (canonical names), inter1/inter2 (ACLED actor type codes),
// interaction, country, iso (ISO 3166-1 numeric), admin1, admin2 (names), location (the
// gazetteer's name of the place), latitude, longitude, geo_precision, source (the publisher,
// then whom the report attributes the event to, "; " between, as ACLED lists its sources),
// notes (the evidence sentence, verbatim), fatalities (the number the text states).
// sitrep's own: doc, modality, confidence, evidence_start/_end and trigger(_start/_end)
// (byte offsets into the document's text, as in the JSON Lines), date_precision and
// last_date (sitrep's reading of the date), date_text(_start/_end), date_basis,
// place_text(_start/_end), place_precision, geonameid, country_code (ISO alpha-2),
// admin1_code, admin2_code, actorN_text/_kind/_text_start/_text_end, attribution (who the
// report says said so), publisher (the document's source), cameo, where_reason, when_reason.
// A value the text does not give is an empty cell (JSON null), never 0: fatalities "" is
// "not stated", 0 is "none".
#ifndef SITREP_IO_EVENT_TABLE_H_
#define SITREP_IO_EVENT_TABLE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/event.h"

namespace sitrep::geo {
class Gazetteer;
}

namespace sitrep::io {

// Names of countries and administrative areas for the `country`, `admin1` and `admin2`
// columns. Must be safe to call from several threads.
class PlaceNames {
 public:
  virtual ~PlaceNames() = default;
  virtual std::string Country(std::string_view alpha2) const = 0;
  virtual std::string Admin1(std::string_view code) const = 0;
  virtual std::string Admin2(std::string_view code) const = 0;
};

// PlaceNames from the gazetteer index (not owned; may be null: every name empty).
class GazetteerNames final : public PlaceNames {
 public:
  explicit GazetteerNames(const geo::Gazetteer* g) : g_(g) {}
  std::string Country(std::string_view alpha2) const override;
  std::string Admin1(std::string_view code) const override;
  std::string Admin2(std::string_view code) const override;

 private:
  const geo::Gazetteer* g_;
};

// One cell: empty (CSV "", JSON null), text, an integer or a real number.
struct Cell {
  enum class Kind { kEmpty, kText, kInt, kReal };
  Kind kind = Kind::kEmpty;
  std::string text;
  int64_t integer = 0;
  double real = 0;
  int precision = 6;  // decimals for kReal, trailing zeros trimmed

  static Cell Empty() { return Cell(); }
  static Cell Text(std::string_view s);  // empty text is an empty cell
  static Cell Int(int64_t v);
  static Cell Real(double v, int precision);
  // A real as written in the outputs ("36.72895"); an integer in decimal; text as is.
  std::string ToString() const;
};

// The column names, in order.
const std::vector<std::string_view>& EventColumns();

// Fills *row (one cell per column of EventColumns()) for event `e` of document `doc`.
void EventRow(const Document& doc, const Event& e, const PlaceNames& names, std::vector<Cell>* row);

// True when the event has a place with coordinates (a GeoJSON Point, a map marker).
inline bool Located(const Event& e) { return e.where && e.where->place.has_coords; }

}  // namespace sitrep::io

#endif  // SITREP_IO_EVENT_TABLE_H_
