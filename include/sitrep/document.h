// A news report as sitrep reads it.
#ifndef SITREP_DOCUMENT_H_
#define SITREP_DOCUMENT_H_

#include <string>
#include <vector>

namespace sitrep {

struct Document {
  std::string id;         // unique within a run: the JSON "id", --id, or the file name
  std::string title;      // may be empty; never part of `text` offsets
  std::string text;       // the body, valid UTF-8; every offset sitrep prints indexes this
  std::string published;  // publication date "YYYY-MM-DD", or empty when unknown
  std::string source;     // publisher or agency, may be empty
  std::string url;
  std::string lang;       // BCP 47 tag when given ("en"); sitrep reads English
  std::string origin;     // where it came from, for messages: "news.jsonl:12", "a.html"
  // Things the reader repaired or assumed ("invalid UTF-8 replaced at 3 places").
  std::vector<std::string> warnings;
};

}  // namespace sitrep

#endif  // SITREP_DOCUMENT_H_
