// Geoparser: finds the place names of a document (recognition), picks the gazetteer entry
// each one means (resolution), and checks stated distances ("300 km north of Kabul").
//
// Recognition: the names table gives every longest capitalised match; each match is then
// weighed on what else it could be (a common English word, a month, a person's first or last
// name, part of an organisation's name) against the evidence that it is a place (a cue word
// before it, a type word after it, "X, Y" containment, how prominent the place is).
// Demonyms ("Afghan forces") are kept, tagged with their country and feature "demonym".
// Resolution: every candidate place is scored on its prior (population, feature class, name
// kind), the document's countries, containment ("Kunduz province", "Oxford, North
// Carolina", "Zaranj, capital of Nimroz"), stated distances, and proximity to the places
// resolved in a first pass; the best wins if it is supported, else the toponym is reported
// with no place and a reason. The same name resolves the same way throughout a document.
// Claims: "X, N km [further] DIR [of Y]" (geo/claims.h).
#ifndef SITREP_GEO_GEOPARSER_H_
#define SITREP_GEO_GEOPARSER_H_

#include <string>
#include <vector>

#include "geo/gazetteer.h"
#include "sitrep/document.h"
#include "sitrep/event.h"
#include "text/text.h"

namespace sitrep::geo {

class Geoparser {
 public:
  // `gazetteer` may be null: then no place is found (every stage still runs). Not owned.
  explicit Geoparser(const Gazetteer* gazetteer) : gaz_(gazetteer) {}

  // Appends the document's toponyms (in text order) and distance claims. Thread-safe: keeps
  // no state between calls.
  //
  // `country_hints` (optional, not owned, may be null): ISO 3166-1 alpha-2 codes ("CD") the
  // caller knows the document is about, e.g. the countries of its actors ("ADF" -> CD). Each
  // counts as one mention of that country when candidates are weighed, so "Beni" near an ADF
  // attack is Beni in DR Congo, not the Bolivian department. Codes of another form are
  // ignored; hints never add toponyms.
  void Parse(const text::Analysis& a, const Document& doc, std::vector<Toponym>* toponyms,
             std::vector<Claim>* claims,
             const std::vector<std::string>* country_hints = nullptr) const;

 private:
  const Gazetteer* gaz_;
};

// Great-circle (geodesic, WGS84) distance in km and initial bearing in degrees [0, 360)
// from (lat1, lon1) to (lat2, lon2).
void Geodesic(double lat1, double lon1, double lat2, double lon2, double* km, double* bearing);

}  // namespace sitrep::geo

#endif  // SITREP_GEO_GEOPARSER_H_
