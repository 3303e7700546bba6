#include "geo/geoparser.h"

namespace sitrep::geo {

void Geoparser::Parse(const text::Analysis&, const Document&, std::vector<Toponym>*,
                      std::vector<Claim>*) const {}

}  // namespace sitrep::geo
