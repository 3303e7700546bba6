// The event-phrase lexicon: data/events.tsv (and users' own files) compiled into one
// PhraseTable, with verb and noun inflections generated (see inflect.h).
#ifndef SITREP_EVENTS_LEXICON_H_
#define SITREP_EVENTS_LEXICON_H_

#include <memory>
#include <string>
#include <vector>

#include "events/cues.h"
#include "events/inflect.h"
#include "lexicon/phrase_table.h"
#include "sitrep/status.h"

namespace sitrep::events {

// One generated form of one phrase.
struct PhraseForm {
  Cue cue = Cue::kCount;
  bool weak = false;
  bool lower_case_only = false;
  bool verb = false;             // the phrase is a verb form
  VerbForm form = VerbForm::kBase;
  std::string pattern;           // the line's pattern, for explain
  std::string origin;            // "events.tsv:12"
};

class EventLexicon {
 public:
  static Result<std::unique_ptr<EventLexicon>> Load(const std::vector<std::string>& files);
  Status AddFile(std::string_view content, const std::string& name);
  void Finish();

  const lexicon::PhraseTable& table() const { return table_.table(); }
  const PhraseForm& form(uint32_t i) const { return forms_[i]; }
  size_t size() const { return forms_.size(); }

 private:
  std::vector<PhraseForm> forms_;
  lexicon::PhraseTableBuilder builder_;
  lexicon::OwnedPhraseTable table_;
};

}  // namespace sitrep::events

#endif  // SITREP_EVENTS_LEXICON_H_
