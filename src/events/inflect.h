// English inflection for dictionary entries: a verb entry "seize" matches seize, seizes,
// seized, seizing; a noun entry "airstrike" matches airstrike and airstrikes. Irregular
// forms come from a table (take/took/taken, fall/fell/fallen, ...); regular ones from
// spelling rules (consonant doubling, -e, -y, -ie).
#ifndef SITREP_EVENTS_INFLECT_H_
#define SITREP_EVENTS_INFLECT_H_

#include <string>
#include <string_view>
#include <vector>

namespace sitrep::events {

enum class VerbForm { kBase, kThirdPerson, kPast, kParticiple, kGerund };

struct Inflection {
  std::string form;
  VerbForm tag;
};

// Every form of a verb (lower case ASCII): base, -s, past, past participle, -ing.
std::vector<Inflection> VerbForms(std::string_view lemma);
// The noun and its plural.
std::vector<std::string> NounForms(std::string_view noun);

}  // namespace sitrep::events

#endif  // SITREP_EVENTS_INFLECT_H_
