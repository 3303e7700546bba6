// Geoparser: finds the place names of a document (recognition), picks the gazetteer entry
// each one means (resolution), and checks stated distances ("300 km north of Kabul").
#ifndef SITREP_GEO_GEOPARSER_H_
#define SITREP_GEO_GEOPARSER_H_

#include <vector>

#include "geo/gazetteer.h"
#include "sitrep/document.h"
#include "sitrep/event.h"
#include "text/text.h"

namespace sitrep::geo {

class Geoparser {
 public:
  // `gazetteer` may be null: then no place is found (every stage still runs).
  explicit Geoparser(const Gazetteer* gazetteer) : gaz_(gazetteer) {}

  // Appends the document's toponyms (in text order) and distance claims. Thread-safe.
  void Parse(const text::Analysis& a, const Document& doc, std::vector<Toponym>* toponyms,
             std::vector<Claim>* claims) const;

 private:
  const Gazetteer* gaz_;
};

}  // namespace sitrep::geo

#endif  // SITREP_GEO_GEOPARSER_H_
