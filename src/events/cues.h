// Cues: what event phrases tell (data/events.tsv). A cue is evidence, not an event: the
// coder collects the cues of a clause and decides the ACLED sub-event type from all of them
// together with the actors and victims (see coder.cc, DecideType).
#ifndef SITREP_EVENTS_CUES_H_
#define SITREP_EVENTS_CUES_H_

#include <cstdint>
#include <string_view>

namespace sitrep::events {

enum class Cue : uint8_t {
  // Means of remote violence.
  kAir, kDrone, kAircraft, kBomb, kShell, kMissile, kIed, kBlast, kSuicide, kGrenade, kChemical,
  // Violence.
  kKill, kShoot, kStab, kBeat, kTorture, kWound, kDie, kBody, kAttack, kRaid, kStrike,
  kOffensive, kAmbush, kClash, kSiege, kOperation, kNeutralize, kMob,
  // Territory.
  kCapture, kFall, kRecapture, kClear, kWithdraw, kHandover, kNoResist,
  // Demonstrations.
  kProtest, kIntervene, kRiotAct, kRiot,
  // Violence against civilians.
  kSexual, kAbduct,
  // Strategic developments.
  kArrest, kLoot, kDestroy, kAgree, kDisrupt, kBase, kChange, kOther,
  // Not conflict.
  kNotConflict,
  kCount
};

// Parses the cue names of events.tsv ("AIR", "CAPTURE", ...). Returns false if unknown.
bool ParseCue(std::string_view name, Cue* out);
std::string_view CueName(Cue c);

}  // namespace sitrep::events

#endif  // SITREP_EVENTS_CUES_H_
