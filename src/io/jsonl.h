// JSON Lines records of the output contract (docs/design.md): one event per line for
// `code`, one line per document for `places` and `times`.
#ifndef SITREP_IO_JSONL_H_
#define SITREP_IO_JSONL_H_

#include <string>

#include "sitrep/document.h"
#include "sitrep/event.h"

namespace sitrep::io {

void AppendEventsJsonl(const DocResult& r, std::string* out);
void AppendPlacesJsonl(const DocResult& r, std::string* out);
void AppendTimesJsonl(const DocResult& r, std::string* out);

}  // namespace sitrep::io

#endif  // SITREP_IO_JSONL_H_
