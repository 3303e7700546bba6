// Actors: the dictionary of who acts in conflict news (data/actors.tsv plus users' own
// folders) and the finder that marks actor mentions in a document, ties templated names to
// a country ("Afghan security forces" -> Military Forces of Afghanistan) and resolves
// generic descriptions to the last named actor of the same kind ("the insurgents" after
// "the Taliban").
#ifndef SITREP_ACTORS_ACTORS_H_
#define SITREP_ACTORS_ACTORS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/phrase_table.h"
#include "sitrep/event.h"
#include "sitrep/status.h"
#include "text/text.h"

namespace sitrep::actors {

enum class Kind : uint8_t {
  kStateForces = 1,
  kRebelGroup = 2,
  kPoliticalMilitia = 3,
  kIdentityMilitia = 4,
  kRioters = 5,
  kProtesters = 6,
  kCivilians = 7,
  kExternal = 8,
};

std::string_view KindName(Kind k);
inline bool IsArmed(Kind k) {
  return k == Kind::kStateForces || k == Kind::kRebelGroup || k == Kind::kPoliticalMilitia ||
         k == Kind::kIdentityMilitia || k == Kind::kExternal;
}

struct ActorEntry {
  std::string name;       // may contain "{country}"
  Kind kind = Kind::kCivilians;
  std::string country;    // a named group's home country, may be empty
  bool police = false;
  bool generic = false;
  bool weak = false;
  bool air = false;
  std::string origin;     // "actors.tsv:12"
};

class ActorDictionary {
 public:
  // Loads every *.tsv named actors*.tsv in `dirs` (in order). Errors name file and line.
  static Result<std::unique_ptr<ActorDictionary>> Load(const std::vector<std::string>& files);
  // Parses one file's content (for tests and for Load).
  Status AddFile(std::string_view content, const std::string& name);
  void Finish();  // builds the phrase table

  const lexicon::PhraseTable& table() const { return table_.table(); }
  const ActorEntry& entry(uint32_t i) const { return entries_[i]; }
  // How an alias must be written to match: 0 any case, 1 with a capital first letter,
  // 2 in capitals (short names and acronyms).
  uint8_t CaseRule(uint32_t alias) const;
  size_t size() const { return entries_.size(); }

 private:
  std::vector<ActorEntry> entries_;
  // Phrase value = alias id; alias -> (entry, acronym?)
  struct Alias {
    uint32_t entry;
    uint8_t case_rule;
  };
  std::vector<Alias> aliases_;
  lexicon::PhraseTableBuilder builder_;
  lexicon::OwnedPhraseTable table_;

 public:
  uint32_t EntryOfAlias(uint32_t alias) const { return aliases_[alias].entry; }
};

// One actor mention in a document, after country and coreference resolution.
struct Mention {
  uint32_t tok_begin = 0, tok_end = 0;  // the phrase (tokens)
  uint32_t start = 0, end = 0;          // bytes, including a leading determiner
  uint32_t entry = 0;
  Kind kind = Kind::kCivilians;
  std::string name;                     // resolved, "{country}" filled or left for later
  std::string country;                  // ISO alpha-2 or empty
  bool templated = false;               // name still needs a country ("{country}")
  bool generic = false;
  bool coreferent = false;              // replaced by an earlier named actor
  bool country_from_text = false;       // a demonym/country word tied it to its country
  bool pronoun = false;                 // "they", "their", "the group"
  bool police = false;
  bool air = false;
  bool weak = false;
};

// Fills a templated name: "Military Forces of {country}" + "Afghanistan".
std::string FillCountry(std::string_view name, std::string_view country_name);

class ActorFinder {
 public:
  explicit ActorFinder(const ActorDictionary* dict) : dict_(dict) {}
  // Finds the mentions of `a` (in text order). `toponyms` (with demonyms and countries) tie
  // templated actors to countries. Thread-safe.
  void Find(const text::Analysis& a, const std::vector<Toponym>& toponyms,
            std::vector<Mention>* out) const;
  // The home countries of the armed groups named in `a` (Al Shabaab: SO; not state forces,
  // whose country is where they fight only at home), each once, in text order: the
  // geoparser takes them as hints ("Hiran region" in a report about Al Shabaab is Somalia's).
  void GroupCountries(const text::Analysis& a, std::vector<std::string>* out) const;

 private:
  // The alias of match m whose case rule the text meets, or -1.
  int ChosenAlias(const text::Analysis& a, const lexicon::Match& m) const;
  const ActorDictionary* dict_;
};

}  // namespace sitrep::actors

#endif  // SITREP_ACTORS_ACTORS_H_
