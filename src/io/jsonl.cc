#include "io/jsonl.h"

#include "util/json_writer.h"

namespace sitrep::io {
namespace {

void WriteToponymFields(JsonWriter& w, const Toponym& t) {
  w.Field("start", static_cast<int64_t>(t.start)).Field("end", static_cast<int64_t>(t.end));
  w.Field("text", t.text);
  w.FieldOrNull("geonameid", t.geonameid);
  w.Field("name", t.name);
  if (t.has_coords) {
    w.Field("lat", t.lat, 5).Field("lon", t.lon, 5);
  } else {
    w.FieldNull("lat").FieldNull("lon");
  }
  w.Field("country", t.country).Field("admin1", t.admin1);
  if (!t.admin2.empty()) w.Field("admin2", t.admin2);
  w.Field("feature", t.feature);
}

void WriteActor(JsonWriter& w, const char* key, const std::optional<ActorRef>& a) {
  w.Key(key);
  if (!a) {
    w.Null();
    return;
  }
  w.BeginObject();
  w.Field("text", a->text).Field("name", a->name).Field("kind", a->kind);
  w.Field("country", a->country);
  w.Field("start", static_cast<int64_t>(a->start)).Field("end", static_cast<int64_t>(a->end));
  if (a->inter) w.Field("inter", a->inter);
  w.EndObject();
}

}  // namespace

void AppendEventsJsonl(const DocResult& r, std::string* out) {
  for (const Event& e : r.events) {
    JsonWriter w(out);
    w.BeginObject();
    w.Field("doc", e.doc).Field("id", e.id).Field("type", e.type).Field("subtype", e.subtype);
    WriteActor(w, "actor1", e.actor1);
    WriteActor(w, "actor2", e.actor2);
    w.Key("where");
    if (e.where) {
      const Toponym& t = e.where->place;
      w.BeginObject();
      WriteToponymFields(w, t);
      w.Field("precision", e.where->precision);
      w.EndObject();
    } else {
      w.Null();
    }
    if (!e.where_reason.empty()) w.Field("where_reason", e.where_reason);
    w.Key("when");
    if (e.when) {
      w.BeginObject();
      if (e.when->basis == "text") {
        w.Field("text", e.when->text);
        w.Field("start", static_cast<int64_t>(e.when->start))
            .Field("end", static_cast<int64_t>(e.when->end));
      } else {
        w.FieldNull("text").FieldNull("start").FieldNull("end");
      }
      w.Field("date", e.when->date).Field("precision", e.when->precision);
      if (!e.when->end_date.empty()) w.Field("end_date", e.when->end_date);
      w.Field("basis", e.when->basis);
      w.EndObject();
    } else {
      w.Null();
    }
    if (!e.when_reason.empty()) w.Field("when_reason", e.when_reason);
    w.Key("source");
    if (e.source.empty()) {
      w.Null();
    } else {
      w.String(e.source);
    }
    w.Field("modality", e.modality);
    w.FieldOrNull("fatalities", e.fatalities);
    w.Key("evidence").BeginObject();
    w.Field("start", static_cast<int64_t>(e.evidence_start))
        .Field("end", static_cast<int64_t>(e.evidence_end))
        .Field("text", e.evidence);
    w.EndObject();
    w.Key("trigger").BeginObject();
    w.Field("start", static_cast<int64_t>(e.trigger_start))
        .Field("end", static_cast<int64_t>(e.trigger_end))
        .Field("text", e.trigger);
    w.EndObject();
    if (!e.cameo.empty()) w.Field("cameo", e.cameo);
    w.Field("confidence", e.confidence, 3);
    w.EndObject();
    out->push_back('\n');
  }
}

void AppendPlacesJsonl(const DocResult& r, std::string* out) {
  // About 230 bytes a toponym and 400 a claim: one allocation for the line, not a chain of
  // doubling copies (a long document's line runs to megabytes).
  out->reserve(out->size() + 64 + r.doc.size() + r.toponyms.size() * 256 + r.claims.size() * 512);
  JsonWriter w(out);
  w.BeginObject();
  w.Field("doc", r.doc);
  w.Key("toponyms").BeginArray();
  for (const Toponym& t : r.toponyms) {
    w.BeginObject();
    WriteToponymFields(w, t);
    w.Field("precision", t.precision);
    w.Field("score", t.score, 3);
    if (!t.reason.empty()) w.Field("reason", t.reason);
    w.EndObject();
  }
  w.EndArray();
  w.Key("claims").BeginArray();
  for (const Claim& c : r.claims) {
    w.BeginObject();
    w.Field("start", static_cast<int64_t>(c.start)).Field("end", static_cast<int64_t>(c.end));
    w.Field("text", c.text);
    w.FieldOrNull("from", c.from).FieldOrNull("to", c.to);
    w.Field("from_name", c.from_name).Field("to_name", c.to_name);
    w.Field("stated_km", c.stated_km, 1);
    if (c.stated_bearing.empty()) {
      w.FieldNull("stated_bearing");
    } else {
      w.Field("stated_bearing", c.stated_bearing);
    }
    w.Field("computed_km", c.computed_km, 1).Field("computed_bearing", c.computed_bearing, 0);
    w.Field("verdict", c.verdict);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out->push_back('\n');
}

void AppendTimesJsonl(const DocResult& r, std::string* out) {
  JsonWriter w(out);
  w.BeginObject();
  w.Field("doc", r.doc);
  if (r.dct.empty()) {
    w.FieldNull("dct");
  } else {
    w.Field("dct", r.dct);
  }
  w.Key("timex").BeginArray();
  for (const Timex& t : r.timex) {
    w.BeginObject();
    w.Field("start", static_cast<int64_t>(t.start)).Field("end", static_cast<int64_t>(t.end));
    w.Field("text", t.text).Field("type", t.type).Field("value", t.value);
    if (!t.mod.empty()) w.Field("mod", t.mod);
    if (!t.anchored) w.FieldBool("anchored", false);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out->push_back('\n');
}

}  // namespace sitrep::io
