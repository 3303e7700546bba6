// The time tagger's words: every English word that can be part of a time expression, with its
// class and value (time_lexicon.cc holds the table, one readable line per word), and the fixed
// multi-word expressions ("the time being", "9/11") matched with the shared PhraseTable.
//
// Lookup is by the text layer's folded-token hash, so a document is classified with one hash
// probe per token (the time tagger's hot loop).
#ifndef SITREP_TIME_TIME_LEXICON_H_
#define SITREP_TIME_TIME_LEXICON_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "lexicon/phrase_table.h"
#include "text/text.h"

namespace sitrep::time {

// Word classes. "Core" classes start a search for an expression; the others only extend one.
enum class Cls : uint8_t {
  kNone,
  kMonth,      // val 1..12
  kWeekday,    // val 1 (Monday) .. 7 (Sunday)
  kUnit,       // val: Unit
  kPartOfDay,  // val: Pod
  kSeason,     // val: Season
  kHoliday,    // val: Holiday
  kFreq,       // "daily", "annual": val: Unit of the period
  kDeictic,    // "today", "now", "recent": val: Deixis
  kQuarterName,  // "q3": val 1..4; "h1": val 11..12 (halves)
  kDecadeWord,   // "nineties": val 1990
  kNumWord,    // "two": val 2
  kOrdWord,    // "second": val 2
  kFewWord,    // "several", "few", "many": an unspecified count
  kRel,        // "last", "next", "this": val: Rel
  kEdgeMod,    // "early", "mid", "late": val: Mod
  kEdgeNoun,   // "beginning", "end", "middle": val: Mod
  kApprox,     // "about", "nearly", "over": val: Mod
  kZone,       // "utc", "gmt": val 1 for UTC/GMT ("Z"), 0 for others
  kAmPm,       // "am": val 0, "pm": val 12
  kPrep,       // "since", "until", "by": val: Mod given to the expression that follows
};

enum class Unit : uint8_t {
  kSecond, kMinute, kHour, kDay, kWeek, kFortnight, kMonth, kQuarter, kYear, kDecade, kCentury,
  kWeekend,
};
enum class Pod : uint8_t { kMorning, kAfternoon, kEvening, kNight, kNoon, kMidnight };
enum class Season : uint8_t { kSpring, kSummer, kFall, kWinter };
enum class Holiday : uint8_t { kChristmas, kEaster, kThanksgiving, kHalloween };
enum class Deixis : uint8_t {
  kToday, kYesterday, kTomorrow, kTonight, kNow, kPresentAdv, kRecentAdv, kRecentAdj,
  kCurrentAdj, kOvernight, kSoon,
};
enum class Rel : uint8_t {
  kThis, kLast, kNext, kPast, kPrevious, kComing, kFollowing, kSame, kThese, kThat,
};
// TIMEX3 mod values (and the ones prepositions imply), as an index into ModName().
enum class Mod : uint8_t {
  kNone, kStart, kMid, kEnd, kBefore, kAfter, kOnOrAfter, kOnOrBefore, kApprox, kLessThan,
  kMoreThan, kEqualOrMore, kEqualOrLess,
};
const char* ModName(Mod m);

// Flags of a word.
enum WordFlag : uint8_t {
  kPlural = 1 << 0,       // "days", "Mondays"
  kAbbrevWord = 1 << 1,   // "Aug", "Sept": a month only before a number or a period
  kAmbiguous = 1 << 2,    // "May", "March", "fall": a time word only in a time context
  kCore = 1 << 3,         // may start a search (set from the class)
  kPhraseStart = 1 << 4,  // the first word of a fixed phrase in the phrase table
  kPhraseSecond = 1 << 5, // the second word of one (a cheap test before the phrase table)
  kPhraseWhole = 1 << 6,  // a one-word fixed phrase ("9/11")
};

struct WordInfo {
  Cls cls = Cls::kNone;
  uint8_t val = 0;
  uint8_t flags = 0;
};

// A fixed multi-word expression (time_lexicon.cc, kPhrases).
enum class PhraseKind : uint8_t {
  kRef,        // value is PAST_REF / PRESENT_REF / FUTURE_REF
  kDayOffset,  // a day relative to the anchor: number = offset
  kMonthDay,   // a yearless date: number = month * 100 + day, resolved by tense
  kFixedDate,  // a named historical date: value as written
};
struct PhraseInfo {
  PhraseKind kind = PhraseKind::kRef;
  const char* value = nullptr;    // TIMEX3 value for kRef / kFixedDate
  int number = 0;                 // for kDayOffset, kMonthDay
  uint8_t skip_left = 0;          // matched words before the expression ("at {the moment}")
  uint8_t skip_right = 0;         // matched words after it ("{september 11} attacks")
  bool not_before_count = false;  // rejected before a count or a unit ("the past" + "week")
};

class Lexicon {
 public:
  // The one shared instance (built on first use; thread-safe).
  static const Lexicon& Get();

  // The word at token i, or nullptr.
  const WordInfo* Word(const text::Analysis& a, uint32_t i) const {
    uint64_t h = a.tokens[i].hash;
    for (uint32_t s = static_cast<uint32_t>(h) & mask_;; s = (s + 1) & mask_) {
      const Slot& slot = slots_[s];
      if (slot.hash == h) return &slot.info;
      if (slot.hash == 0) return nullptr;
    }
  }

  // The longest fixed phrase starting at token i and ending before `limit`.
  bool PhraseAt(const text::Analysis& a, uint32_t i, uint32_t limit, uint32_t* end,
                const PhraseInfo** info) const;

 private:
  Lexicon();
  struct Slot {
    uint64_t hash = 0;
    WordInfo info;
  };
  void Add(std::string_view folded, WordInfo info);
  std::vector<Slot> slots_;
  uint32_t mask_ = 0;
  lexicon::OwnedPhraseTable phrases_;
  std::vector<PhraseInfo> phrase_infos_;  // parallel to kPhrases
};

}  // namespace sitrep::time

#endif  // SITREP_TIME_TIME_LEXICON_H_
