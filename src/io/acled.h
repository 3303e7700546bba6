// ACLED's coding conventions for the columns sitrep's CSV and GeoJSON share with ACLED data:
// disorder type, time and geo precision codes, interaction codes, numeric ISO country codes.
// Sources: ACLED's codebook (interaction "recorded as lowest joint number", "10 = Sole
// Military Action"; spatial and time precision codes) and its 2023 guide to column changes,
// which added `disorder_type`.
#ifndef SITREP_IO_ACLED_H_
#define SITREP_IO_ACLED_H_

#include <string>
#include <string_view>

#include "sitrep/event.h"

namespace sitrep::io {

// "Political violence", "Demonstrations", "Strategic developments", or ACLED's combined
// "Political violence; Demonstrations" (excessive force against protesters). Empty for an
// unknown type. Riots split: violent demonstrations are Demonstrations, mob violence is
// Political violence.
std::string_view DisorderType(std::string_view type, std::string_view subtype);

// A date span read from When: first and last day "YYYY-MM-DD" (empty when unreadable).
struct DaySpan {
  std::string first, last;
};
DaySpan SpanOf(const When& w);

// ACLED time precision: 1 the day is known; 2 the week (or a span of up to 7 days); 3 only the
// month or a longer span (ACLED's coarsest code; year-only dates get it too). 0: no date.
int TimePrecision(const When& w);

// ACLED geo precision: 1 a populated place; 2 a district (admin2); 3 a province (admin1) or
// only the country (ACLED's coarsest code). 0: no place.
int GeoPrecision(const Where& w);

// Two-digit interaction code from the actors' inter codes, lower first ("12": state forces
// versus rebels); one actor: inter1 * 10 ("20": sole rebel action). 0 when inter1 is unknown.
int Interaction(int inter1, int inter2);

// ISO 3166-1 numeric code of an alpha-2 code ("ML" -> 466); 0 when unknown or none (Kosovo).
int IsoNumeric(std::string_view alpha2);
// ISO 3166-1 alpha-3 code ("ML" -> "MLI"); empty when unknown.
std::string_view IsoAlpha3(std::string_view alpha2);

}  // namespace sitrep::io

#endif  // SITREP_IO_ACLED_H_
