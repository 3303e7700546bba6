// `sitrep explain`: a human-readable account of one document, sentence by sentence: the
// tokens that matched a dictionary, places, times, speech, and events with their reasons.
#ifndef SITREP_PIPELINE_EXPLAIN_H_
#define SITREP_PIPELINE_EXPLAIN_H_

#include <string>

#include "sitrep/document.h"
#include "sitrep/event.h"

namespace sitrep {

void AppendExplanation(const Document& doc, const DocResult& r, std::string* out);

}  // namespace sitrep

#endif  // SITREP_PIPELINE_EXPLAIN_H_
