#include "io/event_table.h"

#include "geo/gazetteer.h"
#include "io/acled.h"
#include "util/json_writer.h"

namespace sitrep::io {

std::string GazetteerNames::Country(std::string_view alpha2) const {
  return g_ && !alpha2.empty() ? std::string(g_->CountryName(alpha2)) : std::string();
}
std::string GazetteerNames::Admin1(std::string_view code) const {
  return g_ && !code.empty() ? std::string(g_->Admin1Name(code)) : std::string();
}
std::string GazetteerNames::Admin2(std::string_view code) const {
  return g_ && !code.empty() ? std::string(g_->Admin2Name(code)) : std::string();
}

Cell Cell::Text(std::string_view s) {
  Cell c;
  if (!s.empty()) {
    c.kind = Kind::kText;
    c.text = std::string(s);
  }
  return c;
}

Cell Cell::Int(int64_t v) {
  Cell c;
  c.kind = Kind::kInt;
  c.integer = v;
  return c;
}

Cell Cell::Real(double v, int precision) {
  Cell c;
  c.kind = Kind::kReal;
  c.real = v;
  c.precision = precision;
  return c;
}

std::string Cell::ToString() const {
  switch (kind) {
    case Kind::kEmpty: return {};
    case Kind::kText: return text;
    case Kind::kInt: return std::to_string(integer);
    case Kind::kReal: {
      std::string s;
      JsonWriter(&s).Double(real, precision);  // the same digits as the JSON Lines output
      return s == "null" ? std::string() : s;
    }
  }
  return {};
}

namespace {

// Column order; EventRow fills cells in exactly this order (checked in debug builds).
const char* const kColumns[] = {
    // ACLED's columns.
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "inter1", "actor2", "inter2", "interaction", "country", "iso",
    "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "source", "notes",
    "fatalities",
    // sitrep's own.
    "doc", "modality", "confidence", "evidence_start", "evidence_end", "trigger",
    "trigger_start", "trigger_end", "date_precision", "last_date", "date_text",
    "date_text_start", "date_text_end", "date_basis", "place_text", "place_text_start",
    "place_text_end", "place_precision", "geonameid", "country_code", "admin1_code",
    "admin2_code", "actor1_text", "actor1_kind", "actor1_text_start", "actor1_text_end",
    "actor2_text", "actor2_kind", "actor2_text_start", "actor2_text_end", "attribution",
    "publisher", "cameo", "where_reason", "when_reason"};

Cell Offset(uint32_t v) { return Cell::Int(static_cast<int64_t>(v)); }

void ActorCells(const std::optional<ActorRef>& a, std::vector<Cell>* row) {
  if (!a) {
    for (int i = 0; i < 4; ++i) row->push_back(Cell::Empty());
    return;
  }
  row->push_back(Cell::Text(a->text));
  row->push_back(Cell::Text(a->kind));
  row->push_back(Offset(a->start));
  row->push_back(Offset(a->end));
}

}  // namespace

const std::vector<std::string_view>& EventColumns() {
  static const std::vector<std::string_view> cols(std::begin(kColumns), std::end(kColumns));
  return cols;
}

void EventRow(const Document& doc, const Event& e, const PlaceNames& names, std::vector<Cell>* row) {
  row->clear();
  row->reserve(std::size(kColumns));
  // ACLED's columns.
  row->push_back(Cell::Text(e.id));
  DaySpan span;
  if (e.when) span = SpanOf(*e.when);
  row->push_back(Cell::Text(span.first));
  row->push_back(span.first.empty() ? Cell::Empty()
                                    : Cell::Int(std::stoll(span.first.substr(0, 4))));
  int tp = e.when ? TimePrecision(*e.when) : 0;
  row->push_back(tp ? Cell::Int(tp) : Cell::Empty());
  row->push_back(Cell::Text(DisorderType(e.type, e.subtype)));
  row->push_back(Cell::Text(e.type));
  row->push_back(Cell::Text(e.subtype));
  int inter1 = e.actor1 ? e.actor1->inter : 0;
  int inter2 = e.actor2 ? e.actor2->inter : 0;
  row->push_back(Cell::Text(e.actor1 ? e.actor1->name : std::string()));
  row->push_back(inter1 > 0 ? Cell::Int(inter1) : Cell::Empty());
  row->push_back(Cell::Text(e.actor2 ? e.actor2->name : std::string()));
  row->push_back(inter2 > 0 ? Cell::Int(inter2) : Cell::Empty());
  int interaction = Interaction(inter1, e.actor2 ? inter2 : 0);
  // With a second actor of unknown type the pair is unknown too.
  if (e.actor2 && inter2 <= 0) interaction = 0;
  row->push_back(interaction ? Cell::Int(interaction) : Cell::Empty());
  const Toponym* t = e.where ? &e.where->place : nullptr;
  row->push_back(Cell::Text(t ? names.Country(t->country) : std::string()));
  int iso = t ? IsoNumeric(t->country) : 0;
  row->push_back(iso ? Cell::Int(iso) : Cell::Empty());
  row->push_back(Cell::Text(t ? names.Admin1(t->admin1) : std::string()));
  row->push_back(Cell::Text(t ? names.Admin2(t->admin2) : std::string()));
  row->push_back(Cell::Text(t ? t->name : std::string()));
  if (t && t->has_coords) {
    row->push_back(Cell::Real(t->lat, 5));
    row->push_back(Cell::Real(t->lon, 5));
  } else {
    row->push_back(Cell::Empty());
    row->push_back(Cell::Empty());
  }
  int gp = e.where ? GeoPrecision(*e.where) : 0;
  row->push_back(gp ? Cell::Int(gp) : Cell::Empty());
  // ACLED's `source` names every source of the event, separated by "; ": the publisher, and
  // who the report attributes the event to when that is someone else.
  std::string source = doc.source;
  if (!e.source.empty() && e.source != doc.source) {
    source += source.empty() ? e.source : "; " + e.source;
  }
  row->push_back(Cell::Text(source));
  row->push_back(Cell::Text(e.evidence));
  row->push_back(e.fatalities ? Cell::Int(*e.fatalities) : Cell::Empty());
  // sitrep's own.
  row->push_back(Cell::Text(e.doc));
  row->push_back(Cell::Text(e.modality));
  row->push_back(Cell::Real(e.confidence, 3));
  row->push_back(Offset(e.evidence_start));
  row->push_back(Offset(e.evidence_end));
  row->push_back(Cell::Text(e.trigger));
  row->push_back(Offset(e.trigger_start));
  row->push_back(Offset(e.trigger_end));
  const bool from_text = e.when && e.when->basis == "text";
  row->push_back(Cell::Text(e.when ? e.when->precision : std::string()));
  row->push_back(Cell::Text(span.last));
  row->push_back(Cell::Text(from_text ? e.when->text : std::string()));
  row->push_back(from_text ? Offset(e.when->start) : Cell::Empty());
  row->push_back(from_text ? Offset(e.when->end) : Cell::Empty());
  row->push_back(Cell::Text(e.when ? e.when->basis : std::string()));
  row->push_back(Cell::Text(t ? t->text : std::string()));
  row->push_back(t ? Offset(t->start) : Cell::Empty());
  row->push_back(t ? Offset(t->end) : Cell::Empty());
  row->push_back(Cell::Text(e.where ? e.where->precision : std::string()));
  row->push_back(t && t->geonameid ? Cell::Int(*t->geonameid) : Cell::Empty());
  row->push_back(Cell::Text(t ? t->country : std::string()));
  row->push_back(Cell::Text(t ? t->admin1 : std::string()));
  row->push_back(Cell::Text(t ? t->admin2 : std::string()));
  ActorCells(e.actor1, row);
  ActorCells(e.actor2, row);
  row->push_back(Cell::Text(e.source));
  row->push_back(Cell::Text(doc.source));
  row->push_back(Cell::Text(e.cameo));
  row->push_back(Cell::Text(e.where_reason));
  row->push_back(Cell::Text(e.when_reason));
}

}  // namespace sitrep::io
