#include "io/geojson.h"

#include <algorithm>
#include <vector>

#include "util/json_writer.h"

namespace sitrep::io {

void GeoJsonFormat::Begin(std::string* out) {
  out->append("{\"type\":\"FeatureCollection\",\"features\":[");
}

size_t GeoJsonFormat::Format(const Document& doc, const DocResult& r, std::string* out) const {
  const auto& cols = EventColumns();
  std::vector<Cell> row;
  size_t n = 0;
  double w = 0, s = 0, e = 0, nn = 0;
  for (const Event& ev : r.events) {
    if (!Located(ev)) continue;
    const Toponym& t = ev.where->place;
    EventRow(doc, ev, *names_, &row);
    // Every feature but the first is preceded by a comma; Emit drops the first one's.
    out->append(",\n");
    JsonWriter j(out);
    j.BeginObject();
    j.Field("type", "Feature").Field("id", ev.id);
    j.Key("geometry").BeginObject().Field("type", "Point");
    j.Key("coordinates").BeginArray().Double(t.lon, 5).Double(t.lat, 5).EndArray();
    j.EndObject();
    j.Key("properties").BeginObject();
    for (size_t i = 0; i < cols.size(); ++i) {
      j.Key(cols[i]);
      const Cell& c = row[i];
      switch (c.kind) {
        case Cell::Kind::kEmpty: j.Null(); break;
        case Cell::Kind::kText: j.String(c.text); break;
        case Cell::Kind::kInt: j.Int(c.integer); break;
        case Cell::Kind::kReal: j.Double(c.real, c.precision); break;
      }
    }
    j.EndObject();
    j.EndObject();
    if (n == 0) {
      w = e = t.lon;
      s = nn = t.lat;
    } else {
      w = std::min(w, t.lon), e = std::max(e, t.lon);
      s = std::min(s, t.lat), nn = std::max(nn, t.lat);
    }
    ++n;
  }
  events_ += r.events.size();
  left_out_ += r.events.size() - n;
  if (n) {
    std::lock_guard<std::mutex> lock(box_mu_);
    if (!any_) {
      west_ = w, south_ = s, east_ = e, north_ = nn;
      any_ = true;
    } else {
      west_ = std::min(west_, w), east_ = std::max(east_, e);
      south_ = std::min(south_, s), north_ = std::max(north_, nn);
    }
  }
  return n;
}

void GeoJsonFormat::Emit(std::string* bytes) {
  if (first_ && !bytes->empty()) {
    bytes->erase(0, 1);  // the first feature's comma
    first_ = false;
  }
}

void GeoJsonFormat::End(const RunStats& stats, std::string* out) {
  out->append("\n]");
  {
    std::lock_guard<std::mutex> lock(box_mu_);
    if (any_) {
      out->append(",\"bbox\":");
      JsonWriter(out).BeginArray().Double(west_, 5).Double(south_, 5).Double(east_, 5).Double(north_, 5).EndArray();
    }
  }
  out->append(",\"sitrep\":");
  JsonWriter m(out);
  m.BeginObject();
  m.Field("events", static_cast<int64_t>(events_.load()));
  m.Field("located", static_cast<int64_t>(stats.records));
  m.Field("left_out", static_cast<int64_t>(left_out_.load()));
  m.Field("documents", static_cast<int64_t>(stats.documents));
  m.EndObject();
  out->append("}\n");
}

}  // namespace sitrep::io
