// The event coder: from a document's text analysis, places, times and actors, the events
// it tells, typed in ACLED's taxonomy with actor1, actor2, place, date, source, modality,
// fatalities, evidence and confidence.
//
// How it works, per sentence:
//   1. Cues: one pass of the event lexicon over the tokens (longest phrase first) marks what
//      the words tell: a means (airstrike, roadside bomb), an act (killed, seized, protested),
//      an outcome (fell to), a circumstance (without resistance, tear gas).
//   2. Segments: the sentence is cut at clause boundaries that start a new event (";",
//      ", while", ", but"); each segment with an anchor cue (strong, or weak with support: an
//      armed actor, a weapon, a death toll) makes one event, or one per place when it names
//      several places the same way ("seized Kunduz and Sar-e-Pul").
//   3. Roles: agent and patient from the actor mentions around the anchor, in active and
//      passive voice and in noun phrases ("airstrikes on", "clashes between X and Y",
//      "their assault"); pronouns and generic descriptions resolve to the last named group.
//   4. Type: DecideType weighs all the segment's cues with the actors' kinds (a roadside bomb
//      makes an IED event whoever died; killed civilians make an attack, killed soldiers a
//      clash; a protest becomes "with intervention" when police fire tear gas).
//   5. Place, date, source, modality, fatalities, confidence; then duplicates are merged.
#ifndef SITREP_EVENTS_CODER_H_
#define SITREP_EVENTS_CODER_H_

#include <string>
#include <vector>

#include "actors/actors.h"
#include "events/lexicon.h"
#include "geo/gazetteer.h"
#include "sitrep/document.h"
#include "sitrep/event.h"
#include "text/text.h"

namespace sitrep::events {

class EventCoder {
 public:
  // None of the pointers is owned; `gazetteer` may be null (country names then stay codes).
  EventCoder(const EventLexicon* lexicon, const actors::ActorDictionary* actors,
             const geo::Gazetteer* gazetteer)
      : lex_(lexicon), actors_(actors), gaz_(gazetteer) {}

  // Appends the events of the document to r->events (r already holds toponyms and timexes).
  // With `explain`, adds per-sentence notes to r->notes. Thread-safe.
  void Code(const text::Analysis& a, const Document& doc, DocResult* r, bool explain) const;

 private:
  const EventLexicon* lex_;
  const actors::ActorDictionary* actors_;
  const geo::Gazetteer* gaz_;
};

}  // namespace sitrep::events

#endif  // SITREP_EVENTS_CODER_H_
