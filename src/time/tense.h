// The tense of the clause around a time expression, from the nearest verb cue: enough to tell
// "seized on Saturday" (the Saturday before the report) from "will meet on Monday" (the one
// after). A heuristic over folded tokens, not a parser.
#ifndef SITREP_TIME_TENSE_H_
#define SITREP_TIME_TENSE_H_

#include <cstdint>

#include "text/text.h"

namespace sitrep::time {

enum class Tense : uint8_t { kUnknown, kPast, kPresent, kFuture };

// The tense of the clause holding tokens [b, e): the verb cue nearest to the span within its
// sentence, looking at most ~12 tokens each way and not across ";" or a quotation mark.
// Cues: "will", "'ll", "is to", "set/due/expected/scheduled/plans to", "going to" -> future;
// "was", "were", "had", "did", "has/have + participle", known past forms, "-ed" verbs -> past;
// "is", "are", "says" -> present.
Tense ClauseTense(const text::Analysis& a, uint32_t b, uint32_t e);

}  // namespace sitrep::time

#endif  // SITREP_TIME_TENSE_H_
