#include "report/report.h"

#include <algorithm>
#include <cstring>

#include "io/acled.h"
#include "report/assets.h"
#include "util/json_writer.h"

namespace sitrep::report {
namespace {

// Replaces every "<" of JSON text by \u003c: inside an HTML <script> element the data can
// then hold neither "</script>" nor "<!--". Outside strings JSON has no "<", so this is safe
// for a whole serialized value.
void EscapeLt(std::string* json, size_t from) {
  size_t n = static_cast<size_t>(std::count(json->begin() + static_cast<std::ptrdiff_t>(from), json->end(), '<'));
  if (!n) return;
  std::string out;
  out.reserve(json->size() + 5 * n);
  out.append(*json, 0, from);
  for (size_t i = from; i < json->size(); ++i) {
    if ((*json)[i] == '<') {
      out.append("\\u003c");
    } else {
      out.push_back((*json)[i]);
    }
  }
  json->swap(out);
}

// Replaces the first "@NAME@" marker of `page`.
void Fill(std::string* page, std::string_view marker, std::string_view with) {
  size_t at = page->find(marker);
  if (at != std::string::npos) page->replace(at, marker.size(), with);
}

std::string HtmlText(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

// A library's text for a <script> element: the sequences that would end or confuse it are
// broken ("</script" -> "<\/script", valid in the JavaScript string literals they can only
// occur in). The pinned files hold none (report_test.cc checks); this is a safety net.
std::string ScriptSafe(std::string_view js) {
  std::string s(js);
  for (const char* bad : {"</script", "</SCRIPT", "<!--"}) {
    for (size_t at = s.find(bad); at != std::string::npos; at = s.find(bad, at + 2)) {
      s.insert(at + 1, "\\");
    }
  }
  return s;
}

void WriteSpan(JsonWriter& w, const char* key, const Utf16Offsets& u, uint32_t s, uint32_t e) {
  w.Key(key).BeginArray().Int(u(s)).Int(u(e)).EndArray();
}

void WriteActor(JsonWriter& w, const char* key, const std::optional<ActorRef>& a,
                const Utf16Offsets& u) {
  w.Key(key);
  if (!a) {
    w.Null();
    return;
  }
  w.BeginObject();
  w.Field("name", a->name).Field("text", a->text).Field("kind", a->kind);
  if (!a->country.empty()) w.Field("country", a->country);
  if (a->inter) w.Field("inter", a->inter);
  if (a->end > a->start) WriteSpan(w, "span", u, a->start, a->end);
  w.EndObject();
}

}  // namespace

bool AssetsAvailable() { return GetAssets().libraries; }

void AppendScriptJsonString(std::string_view s, std::string* out) {
  size_t from = out->size();
  JsonWriter::AppendEscaped(s, out);
  EscapeLt(out, from);
}

Utf16Offsets::Utf16Offsets(std::string_view text) : at_(text.size() + 1) {
  uint32_t units = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    at_[i] = units;
    auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80) units += c >= 0xF0 ? 2 : 1;  // a lead byte; 4-byte: a pair
  }
  at_[text.size()] = units;
}

uint32_t Utf16Offsets::operator()(uint32_t byte_offset) const {
  return at_[std::min<size_t>(byte_offset, at_.size() - 1)];
}

void ReportFormat::Begin(std::string* out) {
  const Assets& a = GetAssets();
  std::string page(a.page);
  size_t data = page.find("@DATA@");
  std::string head = page.substr(0, data == std::string::npos ? page.size() : data);
  Fill(&head, "@TITLE@", HtmlText(options_.title));
  Fill(&head, "@TITLE@", HtmlText(options_.title));
  Fill(&head, "@STYLE@", a.style);
  Fill(&head, "@GENERATOR@", HtmlText(options_.generator));
  std::string world(a.world);
  EscapeLt(&world, 0);
  Fill(&head, "@WORLD@", world);
  out->append(head);
  // The data: {"meta":{...},"docs":[ ...one object per document... ],"run":{...}}
  size_t from = out->size();
  JsonWriter w(out);
  w.BeginObject();
  w.Key("meta").BeginObject();
  w.Field("title", options_.title).Field("generator", options_.generator);
  w.Field("columns_note", "offsets are UTF-16 code units into each document's text");
  w.EndObject();
  EscapeLt(out, from);
  out->append(",\"docs\":[");
}

size_t ReportFormat::Format(const Document& doc, const DocResult& r, std::string* out) const {
  size_t from = out->size();
  out->push_back(',');  // Emit drops the first document's comma
  Utf16Offsets u(doc.text);
  JsonWriter w(out);
  w.BeginObject();
  w.Field("id", doc.id);
  if (!doc.title.empty()) w.Field("title", doc.title);
  if (!doc.published.empty()) w.Field("published", doc.published);
  if (!doc.source.empty()) w.Field("source", doc.source);
  if (!doc.url.empty()) w.Field("url", doc.url);
  if (!r.dct.empty()) w.Field("dct", r.dct);
  // The text, once, only when something in it is shown.
  if (!r.events.empty() || !r.claims.empty()) w.Field("text", doc.text);
  w.Key("events").BeginArray();
  for (const Event& e : r.events) {
    w.BeginObject();
    w.Field("id", e.id).Field("type", e.type).Field("subtype", e.subtype);
    w.Field("disorder", io::DisorderType(e.type, e.subtype));
    WriteActor(w, "actor1", e.actor1, u);
    WriteActor(w, "actor2", e.actor2, u);
    w.Key("where");
    if (e.where) {
      const Toponym& t = e.where->place;
      w.BeginObject();
      w.Field("name", t.name).Field("text", t.text);
      if (t.has_coords) w.Field("lat", t.lat, 5).Field("lon", t.lon, 5);
      w.Field("cc", t.country).Field("country", names_->Country(t.country));
      if (int iso = io::IsoNumeric(t.country)) w.Field("iso", iso);  // world-atlas feature ids
      std::string a1 = names_->Admin1(t.admin1), a2 = names_->Admin2(t.admin2);
      if (!a1.empty()) w.Field("admin1", a1);
      if (!a2.empty()) w.Field("admin2", a2);
      w.Field("precision", e.where->precision);
      if (t.end > t.start) WriteSpan(w, "span", u, t.start, t.end);
      w.EndObject();
    } else {
      w.Null();
    }
    w.Key("when");
    if (e.when) {
      io::DaySpan d = io::SpanOf(*e.when);
      w.BeginObject();
      w.Field("date", d.first).Field("last", d.last).Field("precision", e.when->precision);
      w.Field("value", e.when->date).Field("basis", e.when->basis);
      if (e.when->basis == "text") {
        w.Field("text", e.when->text);
        if (e.when->end > e.when->start) WriteSpan(w, "span", u, e.when->start, e.when->end);
      }
      w.EndObject();
    } else {
      w.Null();
    }
    if (!e.where_reason.empty()) w.Field("where_reason", e.where_reason);
    if (!e.when_reason.empty()) w.Field("when_reason", e.when_reason);
    if (!e.source.empty()) w.Field("source", e.source);
    w.Field("modality", e.modality);
    w.FieldOrNull("fatalities", e.fatalities);
    WriteSpan(w, "evidence", u, e.evidence_start, e.evidence_end);
    if (e.trigger_end > e.trigger_start) WriteSpan(w, "trigger", u, e.trigger_start, e.trigger_end);
    w.Field("confidence", e.confidence, 3);
    w.EndObject();
  }
  w.EndArray();
  w.Key("claims").BeginArray();
  for (const Claim& c : r.claims) {
    w.BeginObject();
    w.Field("text", c.text);
    WriteSpan(w, "span", u, c.start, c.end);
    w.Field("from", c.from_name).Field("to", c.to_name);
    w.Field("stated_km", c.stated_km, 1);
    if (!c.stated_bearing.empty()) w.Field("stated_bearing", c.stated_bearing);
    w.Field("computed_km", c.computed_km, 1).Field("computed_bearing", c.computed_bearing, 0);
    w.Field("verdict", c.verdict);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  EscapeLt(out, from);
  return r.events.size();
}

void ReportFormat::Emit(std::string* bytes) {
  if (first_ && !bytes->empty()) {
    bytes->erase(0, 1);
    first_ = false;
  }
}

void ReportFormat::End(const io::RunStats& stats, std::string* out) {
  const Assets& a = GetAssets();
  out->append("],\"run\":{");
  out->append("\"documents\":" + std::to_string(stats.documents));
  out->append(",\"failed\":" + std::to_string(stats.failed));
  out->append(",\"events\":" + std::to_string(stats.records) + "}}");
  std::string page(a.page);
  size_t data = page.find("@DATA@");
  std::string tail = data == std::string::npos ? std::string() : page.substr(data + 6);
  std::string scripts;
  for (std::string_view lib : {a.d3_array, a.d3_geo, a.topojson, a.app}) {
    scripts += "<script>\n" + ScriptSafe(lib) + "\n</script>\n";
  }
  Fill(&tail, "@SCRIPTS@", scripts);
  out->append(tail);
}

}  // namespace sitrep::report
