// What sitrep makes of a document: toponyms, distance claims, time expressions and events.
// Field names follow the output contract in docs/design.md (DESIGN.md of the project);
// offsets are bytes into Document::text, [start, end).
#ifndef SITREP_EVENT_H_
#define SITREP_EVENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sitrep {

// A place name in the text and the gazetteer entry chosen for it.
struct Toponym {
  uint32_t start = 0, end = 0;
  std::string text;
  std::optional<int64_t> geonameid;  // GeoNames id of a populated place; null for areas
  std::string name;                  // the gazetteer's name
  bool has_coords = false;
  double lat = 0, lon = 0;
  std::string country;               // ISO 3166-1 alpha-2
  std::string admin1;                // "AF.24"
  std::string admin2;                // "AF.24.1401"
  std::string feature;               // GeoNames feature code (PPLA, ADM1, PCLI) or "demonym"
  std::string precision;             // city, admin2, admin1, country
  double score = 0;                  // confidence in the choice, [0, 1]
  std::string reason;                // why it is unresolved, or how it was chosen
  int32_t place = -1;                // internal: gazetteer place index, -1 if none
  uint32_t tok_begin = 0, tok_end = 0;  // internal: token range in the analysis
};

// "Kunduz, 300 km north of Kabul": a stated distance checked against the gazetteer.
struct Claim {
  uint32_t start = 0, end = 0;
  std::string text;
  std::optional<int64_t> from, to;   // geonameids (from: the reference place)
  std::string from_name, to_name;
  double stated_km = 0;
  std::string stated_bearing;        // N, NE, ..., or empty
  double computed_km = 0;
  double computed_bearing = 0;       // degrees from north, [0, 360)
  std::string verdict;               // plausible, implausible, unchecked
  int32_t from_toponym = -1, to_toponym = -1;
};

// A time expression, TIMEX3 style.
struct Timex {
  uint32_t start = 0, end = 0;
  std::string text;
  std::string type;                  // DATE, TIME, DURATION, SET
  std::string value;                 // 2021-08-08, 2021-06, 2021-W31, P3D, PRESENT_REF, XXXX-XX-XX
  std::string mod;                   // START, MID, END, BEFORE, AFTER, ON_OR_AFTER, ...
  bool anchored = true;              // false when relative and no anchor date was known
  // Calendar reading used for event dates: first and last day covered, empty if none.
  std::string first_day, last_day;
  std::string precision;             // day, week, month, year, range; empty for non-dates
  uint32_t tok_begin = 0, tok_end = 0;  // internal: token range in the analysis
};

struct ActorRef {
  uint32_t start = 0, end = 0;
  std::string text;                  // as written: "the insurgents"
  std::string name;                  // canonical: "Taliban", "Military Forces of Afghanistan"
  std::string kind;                  // ACLED actor type: "state forces", "rebel group", ...
  std::string country;               // ISO alpha-2, may be empty
  int inter = 0;                     // ACLED inter code 1-8, 0 unknown
};

struct Where {
  Toponym place;
  std::string precision;             // city, admin2, admin1, country
};

struct When {
  uint32_t start = 0, end = 0;
  std::string text;
  std::string date;                  // YYYY-MM-DD, YYYY-MM, YYYY, or YYYY-Www
  std::string precision;             // day, week, month, year, range
  std::string end_date;              // the last day, for precision "range" (and month/year)
  // "text": a time expression of the text; "publication date": the report's own date
  // (then text is empty and start/end are not printed).
  std::string basis = "text";
};

struct Event {
  std::string doc, id;
  std::string type, subtype;         // ACLED event type and sub-event type
  std::string cameo;                 // CAMEO code, e.g. "190"
  std::optional<ActorRef> actor1, actor2;
  std::optional<Where> where;
  std::string where_reason;          // why `where` is null
  std::optional<When> when;
  std::string when_reason;           // why `when` is null
  std::string source;                // who says so; empty: the document's source or none
  std::string modality = "asserted";
  std::optional<int64_t> fatalities;
  uint32_t evidence_start = 0, evidence_end = 0;
  std::string evidence;              // the sentence the event rests on (a window of it when
                                     // the sentence is very long: see kMaxEvidenceBytes)
  uint32_t sentence = 0;             // index of that sentence in the document
  uint32_t trigger_start = 0, trigger_end = 0;
  std::string trigger;               // the event phrase
  double confidence = 0;
};

// Everything sitrep found in one document.
struct DocResult {
  std::string doc;
  std::string dct;                   // the anchor date used ("YYYY-MM-DD"), empty if none
  std::string dct_source;            // "document", "--date", "dateline", or empty
  std::vector<Toponym> toponyms;
  std::vector<Claim> claims;
  std::vector<Timex> timex;
  std::vector<Event> events;
  std::vector<std::string> warnings;
  // Filled only when PipelineOptions::explain is set: per sentence, why events were or were
  // not made (for `sitrep explain`).
  std::vector<std::pair<uint32_t, std::string>> notes;  // (sentence index, note)
};

}  // namespace sitrep

#endif  // SITREP_EVENT_H_
