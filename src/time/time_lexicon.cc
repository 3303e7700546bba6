// The time words, one line each. To teach the tagger a word, add it here with its class
// (time_lexicon.h says what each class means); forms are folded (lower case, no diacritics,
// no apostrophes, no dots: "a.m." is "am", "o'clock" is "oclock"). How words combine into
// expressions is the grammar in time_tagger.cc.
#include "time/time_lexicon.h"

#include <bit>
#include <string>

#include "util/hash.h"

namespace sitrep::time {
namespace {

struct Entry {
  const char* word;
  Cls cls;
  int val;
  uint8_t flags;
};

#define U(x) static_cast<int>(Unit::x)
#define P(x) static_cast<int>(Pod::x)
#define D(x) static_cast<int>(Deixis::x)
#define R(x) static_cast<int>(Rel::x)
#define M(x) static_cast<int>(Mod::x)

constexpr Entry kWords[] = {
    // Months. Abbreviations count only before a day or year ("Aug. 8", "Sept 2014");
    // "May" and "March" only in a date context (not "May I", "a march on").
    {"january", Cls::kMonth, 1, 0}, {"jan", Cls::kMonth, 1, kAbbrevWord},
    {"february", Cls::kMonth, 2, 0}, {"feb", Cls::kMonth, 2, kAbbrevWord},
    {"march", Cls::kMonth, 3, kAmbiguous}, {"mar", Cls::kMonth, 3, kAbbrevWord},
    {"april", Cls::kMonth, 4, 0}, {"apr", Cls::kMonth, 4, kAbbrevWord},
    {"may", Cls::kMonth, 5, kAmbiguous},
    {"june", Cls::kMonth, 6, 0}, {"jun", Cls::kMonth, 6, kAbbrevWord},
    {"july", Cls::kMonth, 7, 0}, {"jul", Cls::kMonth, 7, kAbbrevWord},
    {"august", Cls::kMonth, 8, 0}, {"aug", Cls::kMonth, 8, kAbbrevWord},
    {"september", Cls::kMonth, 9, 0}, {"sep", Cls::kMonth, 9, kAbbrevWord},
    {"sept", Cls::kMonth, 9, kAbbrevWord},
    {"october", Cls::kMonth, 10, 0}, {"oct", Cls::kMonth, 10, kAbbrevWord},
    {"november", Cls::kMonth, 11, 0}, {"nov", Cls::kMonth, 11, kAbbrevWord},
    {"december", Cls::kMonth, 12, 0}, {"dec", Cls::kMonth, 12, kAbbrevWord},

    // Weekdays; plurals ("on Fridays") are sets.
    {"monday", Cls::kWeekday, 1, 0}, {"tuesday", Cls::kWeekday, 2, 0},
    {"wednesday", Cls::kWeekday, 3, 0}, {"thursday", Cls::kWeekday, 4, 0},
    {"friday", Cls::kWeekday, 5, 0}, {"saturday", Cls::kWeekday, 6, 0},
    {"sunday", Cls::kWeekday, 7, 0},
    {"mondays", Cls::kWeekday, 1, kPlural}, {"tuesdays", Cls::kWeekday, 2, kPlural},
    {"wednesdays", Cls::kWeekday, 3, kPlural}, {"thursdays", Cls::kWeekday, 4, kPlural},
    {"fridays", Cls::kWeekday, 5, kPlural}, {"saturdays", Cls::kWeekday, 6, kPlural},
    {"sundays", Cls::kWeekday, 7, kPlural},

    // Units of time. "second" is an ordinal (below); only "seconds" is a unit.
    {"seconds", Cls::kUnit, U(kSecond), kPlural},
    {"minute", Cls::kUnit, U(kMinute), 0}, {"minutes", Cls::kUnit, U(kMinute), kPlural},
    {"mins", Cls::kUnit, U(kMinute), kPlural},
    {"hour", Cls::kUnit, U(kHour), 0}, {"hours", Cls::kUnit, U(kHour), kPlural},
    {"hrs", Cls::kUnit, U(kHour), kPlural},
    {"day", Cls::kUnit, U(kDay), 0}, {"days", Cls::kUnit, U(kDay), kPlural},
    {"week", Cls::kUnit, U(kWeek), 0}, {"weeks", Cls::kUnit, U(kWeek), kPlural},
    {"fortnight", Cls::kUnit, U(kFortnight), 0},
    {"fortnights", Cls::kUnit, U(kFortnight), kPlural},
    {"month", Cls::kUnit, U(kMonth), 0}, {"months", Cls::kUnit, U(kMonth), kPlural},
    {"quarter", Cls::kUnit, U(kQuarter), 0}, {"quarters", Cls::kUnit, U(kQuarter), kPlural},
    {"year", Cls::kUnit, U(kYear), 0}, {"years", Cls::kUnit, U(kYear), kPlural},
    {"decade", Cls::kUnit, U(kDecade), 0}, {"decades", Cls::kUnit, U(kDecade), kPlural},
    {"century", Cls::kUnit, U(kCentury), 0},
    {"centuries", Cls::kUnit, U(kCentury), kPlural},
    {"weekend", Cls::kUnit, U(kWeekend), 0}, {"weekends", Cls::kUnit, U(kWeekend), kPlural},

    // Parts of the day.
    {"morning", Cls::kPartOfDay, P(kMorning), 0}, {"dawn", Cls::kPartOfDay, P(kMorning), 0},
    {"daybreak", Cls::kPartOfDay, P(kMorning), 0},
    {"afternoon", Cls::kPartOfDay, P(kAfternoon), 0},
    {"evening", Cls::kPartOfDay, P(kEvening), 0}, {"dusk", Cls::kPartOfDay, P(kEvening), 0},
    {"nightfall", Cls::kPartOfDay, P(kEvening), 0},
    {"night", Cls::kPartOfDay, P(kNight), 0},
    {"noon", Cls::kPartOfDay, P(kNoon), 0}, {"midday", Cls::kPartOfDay, P(kNoon), 0},
    {"midnight", Cls::kPartOfDay, P(kMidnight), 0},

    // Seasons ("fall" only after a determiner or before a year).
    {"spring", Cls::kSeason, static_cast<int>(Season::kSpring), 0},
    {"summer", Cls::kSeason, static_cast<int>(Season::kSummer), 0},
    {"autumn", Cls::kSeason, static_cast<int>(Season::kFall), 0},
    {"fall", Cls::kSeason, static_cast<int>(Season::kFall), kAmbiguous},
    {"winter", Cls::kSeason, static_cast<int>(Season::kWinter), 0},

    // Holidays with a computable date (more in kPhrases).
    {"christmas", Cls::kHoliday, static_cast<int>(Holiday::kChristmas), 0},
    {"easter", Cls::kHoliday, static_cast<int>(Holiday::kEaster), 0},
    {"thanksgiving", Cls::kHoliday, static_cast<int>(Holiday::kThanksgiving), 0},
    {"halloween", Cls::kHoliday, static_cast<int>(Holiday::kHalloween), 0},

    // Frequencies: sets.
    {"hourly", Cls::kFreq, U(kHour), 0}, {"daily", Cls::kFreq, U(kDay), 0},
    {"nightly", Cls::kFreq, U(kDay), 0}, {"weekly", Cls::kFreq, U(kWeek), 0},
    {"fortnightly", Cls::kFreq, U(kFortnight), 0}, {"monthly", Cls::kFreq, U(kMonth), 0},
    {"quarterly", Cls::kFreq, U(kQuarter), 0}, {"yearly", Cls::kFreq, U(kYear), 0},
    {"annual", Cls::kFreq, U(kYear), 0}, {"annually", Cls::kFreq, U(kYear), 0},

    // Words that point at the time of writing.
    {"today", Cls::kDeictic, D(kToday), 0}, {"yesterday", Cls::kDeictic, D(kYesterday), 0},
    {"tomorrow", Cls::kDeictic, D(kTomorrow), 0}, {"tonight", Cls::kDeictic, D(kTonight), 0},
    {"now", Cls::kDeictic, D(kNow), 0}, {"currently", Cls::kDeictic, D(kPresentAdv), 0},
    {"presently", Cls::kDeictic, D(kPresentAdv), 0},
    {"nowadays", Cls::kDeictic, D(kPresentAdv), 0},
    {"recently", Cls::kDeictic, D(kRecentAdv), 0}, {"lately", Cls::kDeictic, D(kRecentAdv), 0},
    {"recent", Cls::kDeictic, D(kRecentAdj), 0}, {"current", Cls::kDeictic, D(kCurrentAdj), 0},
{"overnight", Cls::kDeictic, D(kOvernight), 0},
    {"soon", Cls::kDeictic, D(kSoon), 0},

    // Quarters and halves by name.
    {"q1", Cls::kQuarterName, 1, 0}, {"q2", Cls::kQuarterName, 2, 0},
    {"q3", Cls::kQuarterName, 3, 0}, {"q4", Cls::kQuarterName, 4, 0},
    {"h1", Cls::kQuarterName, 11, 0}, {"h2", Cls::kQuarterName, 12, 0},

    // Decades by name ("the nineties"); the century is assumed to be the 1900s.
    {"twenties", Cls::kDecadeWord, 192, 0}, {"thirties", Cls::kDecadeWord, 193, 0},
    {"forties", Cls::kDecadeWord, 194, 0}, {"fifties", Cls::kDecadeWord, 195, 0},
    {"sixties", Cls::kDecadeWord, 196, 0}, {"seventies", Cls::kDecadeWord, 197, 0},
    {"eighties", Cls::kDecadeWord, 198, 0}, {"nineties", Cls::kDecadeWord, 199, 0},

    // Counts.
    {"one", Cls::kNumWord, 1, 0}, {"single", Cls::kNumWord, 1, 0},
    {"two", Cls::kNumWord, 2, 0}, {"three", Cls::kNumWord, 3, 0},
    {"four", Cls::kNumWord, 4, 0}, {"five", Cls::kNumWord, 5, 0},
    {"six", Cls::kNumWord, 6, 0}, {"seven", Cls::kNumWord, 7, 0},
    {"eight", Cls::kNumWord, 8, 0}, {"nine", Cls::kNumWord, 9, 0},
    {"ten", Cls::kNumWord, 10, 0}, {"eleven", Cls::kNumWord, 11, 0},
    {"twelve", Cls::kNumWord, 12, 0}, {"thirteen", Cls::kNumWord, 13, 0},
    {"fourteen", Cls::kNumWord, 14, 0}, {"fifteen", Cls::kNumWord, 15, 0},
    {"sixteen", Cls::kNumWord, 16, 0}, {"seventeen", Cls::kNumWord, 17, 0},
    {"eighteen", Cls::kNumWord, 18, 0}, {"nineteen", Cls::kNumWord, 19, 0},
    {"twenty", Cls::kNumWord, 20, 0}, {"thirty", Cls::kNumWord, 30, 0},
    {"forty", Cls::kNumWord, 40, 0}, {"fifty", Cls::kNumWord, 50, 0},
    {"sixty", Cls::kNumWord, 60, 0}, {"seventy", Cls::kNumWord, 70, 0},
    {"eighty", Cls::kNumWord, 80, 0}, {"ninety", Cls::kNumWord, 90, 0},
    {"hundred", Cls::kNumWord, 100, 0}, {"dozen", Cls::kNumWord, 12, 0},
    {"few", Cls::kFewWord, 0, 0}, {"several", Cls::kFewWord, 0, 0},
    {"many", Cls::kFewWord, 0, 0}, {"some", Cls::kFewWord, 0, 0},
    {"numerous", Cls::kFewWord, 0, 0}, {"dozens", Cls::kFewWord, 0, 0},
    {"hundreds", Cls::kFewWord, 0, 0}, {"thousands", Cls::kFewWord, 0, 0},
    {"couple", Cls::kFewWord, 2, 0},

    // Ordinals (days of the month, quarters, weeks of a month).
    {"first", Cls::kOrdWord, 1, 0}, {"second", Cls::kOrdWord, 2, 0},
    {"third", Cls::kOrdWord, 3, 0}, {"fourth", Cls::kOrdWord, 4, 0},
    {"fifth", Cls::kOrdWord, 5, 0}, {"sixth", Cls::kOrdWord, 6, 0},
    {"seventh", Cls::kOrdWord, 7, 0}, {"eighth", Cls::kOrdWord, 8, 0},
    {"ninth", Cls::kOrdWord, 9, 0}, {"tenth", Cls::kOrdWord, 10, 0},
    {"eleventh", Cls::kOrdWord, 11, 0}, {"twelfth", Cls::kOrdWord, 12, 0},
    {"thirteenth", Cls::kOrdWord, 13, 0}, {"fourteenth", Cls::kOrdWord, 14, 0},
    {"fifteenth", Cls::kOrdWord, 15, 0}, {"sixteenth", Cls::kOrdWord, 16, 0},
    {"seventeenth", Cls::kOrdWord, 17, 0}, {"eighteenth", Cls::kOrdWord, 18, 0},
    {"nineteenth", Cls::kOrdWord, 19, 0}, {"twentieth", Cls::kOrdWord, 20, 0},
    {"thirtieth", Cls::kOrdWord, 30, 0}, {"final", Cls::kOrdWord, 99, 0},

    // Relative determiners.
    {"this", Cls::kRel, R(kThis), 0}, {"last", Cls::kRel, R(kLast), 0},
    {"next", Cls::kRel, R(kNext), 0}, {"past", Cls::kRel, R(kPast), 0},
    {"previous", Cls::kRel, R(kPrevious), 0}, {"prior", Cls::kRel, R(kPrevious), 0},
    {"preceding", Cls::kRel, R(kPrevious), 0}, {"coming", Cls::kRel, R(kComing), 0},
    {"upcoming", Cls::kRel, R(kComing), 0}, {"following", Cls::kRel, R(kFollowing), 0},
    {"same", Cls::kRel, R(kSame), 0}, {"these", Cls::kRel, R(kThese), 0},
    {"that", Cls::kRel, R(kThat), 0},

    // Where in a period: "early June", "mid-2011", "the end of June".
    {"early", Cls::kEdgeMod, M(kStart), 0}, {"mid", Cls::kEdgeMod, M(kMid), 0},
    {"late", Cls::kEdgeMod, M(kEnd), 0},
    {"beginning", Cls::kEdgeNoun, M(kStart), 0}, {"start", Cls::kEdgeNoun, M(kStart), 0},
    {"outset", Cls::kEdgeNoun, M(kStart), 0}, {"middle", Cls::kEdgeNoun, M(kMid), 0},
    {"end", Cls::kEdgeNoun, M(kEnd), 0}, {"close", Cls::kEdgeNoun, M(kEnd), 0},

    // Approximations and bounds before a count ("nearly five months", "over a decade").
    {"about", Cls::kApprox, M(kApprox), 0}, {"around", Cls::kApprox, M(kApprox), 0},
    {"approximately", Cls::kApprox, M(kApprox), 0}, {"roughly", Cls::kApprox, M(kApprox), 0},
    {"nearly", Cls::kApprox, M(kApprox), 0}, {"almost", Cls::kApprox, M(kApprox), 0},
    {"circa", Cls::kApprox, M(kApprox), 0},
    {"over", Cls::kApprox, M(kMoreThan), 0}, {"under", Cls::kApprox, M(kLessThan), 0},

    // Time zones after a clock time; UTC and GMT give "Z".
    {"utc", Cls::kZone, 1, 0}, {"gmt", Cls::kZone, 1, 0}, {"z", Cls::kZone, 1, 0},
    {"est", Cls::kZone, 0, 0}, {"edt", Cls::kZone, 0, 0}, {"cet", Cls::kZone, 0, 0},
    {"cest", Cls::kZone, 0, 0}, {"bst", Cls::kZone, 0, 0}, {"pst", Cls::kZone, 0, 0},
    {"pdt", Cls::kZone, 0, 0}, {"ist", Cls::kZone, 0, 0}, {"eet", Cls::kZone, 0, 0},
    {"msk", Cls::kZone, 0, 0},
    {"am", Cls::kAmPm, 0, 0}, {"pm", Cls::kAmPm, 12, 0},

    // Prepositions that bound the date after them (outside its span): mod of the date.
    {"since", Cls::kPrep, M(kOnOrAfter), 0}, {"after", Cls::kPrep, M(kAfter), 0},
    {"before", Cls::kPrep, M(kBefore), 0}, {"until", Cls::kPrep, M(kOnOrBefore), 0},
    {"till", Cls::kPrep, M(kOnOrBefore), 0}, {"til", Cls::kPrep, M(kOnOrBefore), 0},
    {"by", Cls::kPrep, M(kOnOrBefore), 0},
};

#undef U
#undef P
#undef D
#undef R
#undef M

// Fixed expressions. Braces mark the expression's span inside the matched words: "at {the
// moment}" matches three words and tags the last two. Matched before the grammar.
struct PhraseEntry {
  const char* text;
  PhraseKind kind;
  const char* value;
  int number;
  bool not_before_count;
};
constexpr PhraseEntry kPhrases[] = {
    {"{the time being}", PhraseKind::kRef, "PRESENT_REF", 0, false},
    {"at {the moment}", PhraseKind::kRef, "PRESENT_REF", 0, false},
    {"for {the moment}", PhraseKind::kRef, "PRESENT_REF", 0, false},
    {"at {present}", PhraseKind::kRef, "PRESENT_REF", 0, false},
    {"{these days}", PhraseKind::kRef, "PRESENT_REF", 0, false},
    {"{right now}", PhraseKind::kRef, "PRESENT_REF", 0, false},
    {"{the present day}", PhraseKind::kRef, "PRESENT_REF", 0, false},
    {"{the past}", PhraseKind::kRef, "PAST_REF", 0, true},
    {"{the recent past}", PhraseKind::kRef, "PAST_REF", 0, false},
    {"{the other day}", PhraseKind::kRef, "PAST_REF", 0, false},
    {"{the future}", PhraseKind::kRef, "FUTURE_REF", 0, true},
    {"{the near future}", PhraseKind::kRef, "FUTURE_REF", 0, false},
    {"{the foreseeable future}", PhraseKind::kRef, "FUTURE_REF", 0, false},
    {"{the immediate future}", PhraseKind::kRef, "FUTURE_REF", 0, false},
    {"{the distant future}", PhraseKind::kRef, "FUTURE_REF", 0, false},
    {"{the long term}", PhraseKind::kRef, "FUTURE_REF", 0, false},
    {"{the longer term}", PhraseKind::kRef, "FUTURE_REF", 0, false},
    {"{the short term}", PhraseKind::kRef, "FUTURE_REF", 0, false},
    {"{the near term}", PhraseKind::kRef, "FUTURE_REF", 0, false},
    {"{the medium term}", PhraseKind::kRef, "FUTURE_REF", 0, false},
    {"{the day before yesterday}", PhraseKind::kDayOffset, nullptr, -2, false},
    {"{the day after tomorrow}", PhraseKind::kDayOffset, nullptr, 2, false},
    {"{new year's day}", PhraseKind::kMonthDay, nullptr, 101, false},
    {"{new year's eve}", PhraseKind::kMonthDay, nullptr, 1231, false},
    {"{christmas eve}", PhraseKind::kMonthDay, nullptr, 1224, false},
    {"{christmas day}", PhraseKind::kMonthDay, nullptr, 1225, false},
    {"{boxing day}", PhraseKind::kMonthDay, nullptr, 1226, false},
    {"{valentine's day}", PhraseKind::kMonthDay, nullptr, 214, false},
    {"{may day}", PhraseKind::kMonthDay, nullptr, 501, false},
    // The attacks of 11 September 2001, by the names news gives them. A bare "September 11"
    // is an ordinary date; next to "attacks" it is this one.
    {"{9/11}", PhraseKind::kFixedDate, "2001-09-11", 0, false},
    {"{september 11} attacks", PhraseKind::kFixedDate, "2001-09-11", 0, false},
    {"{september 11th} attacks", PhraseKind::kFixedDate, "2001-09-11", 0, false},
    {"{sept 11} attacks", PhraseKind::kFixedDate, "2001-09-11", 0, false},
    {"{sept. 11} attacks", PhraseKind::kFixedDate, "2001-09-11", 0, false},
    {"{september 11} terrorist attacks", PhraseKind::kFixedDate, "2001-09-11", 0, false},
    {"{september 11th} terrorist attacks", PhraseKind::kFixedDate, "2001-09-11", 0, false},
    {"{september 11} terror attacks", PhraseKind::kFixedDate, "2001-09-11", 0, false},
    {"attacks of {september 11}", PhraseKind::kFixedDate, "2001-09-11", 0, false},
    {"attacks of {september 11th}", PhraseKind::kFixedDate, "2001-09-11", 0, false},
    {"attacks of {11 september}", PhraseKind::kFixedDate, "2001-09-11", 0, false},
    {"attacks on {september 11}", PhraseKind::kFixedDate, "2001-09-11", 0, false},
    {"attack of {september 11}", PhraseKind::kFixedDate, "2001-09-11", 0, false},
};

// Class -> may it start a search?
bool IsCoreClass(Cls c) {
  switch (c) {
    case Cls::kMonth: case Cls::kWeekday: case Cls::kUnit: case Cls::kPartOfDay:
    case Cls::kSeason: case Cls::kHoliday: case Cls::kFreq: case Cls::kDeictic:
    case Cls::kQuarterName: case Cls::kDecadeWord:
      return true;
    default:
      return false;
  }
}

}  // namespace

const char* ModName(Mod m) {
  static constexpr const char* kNames[] = {"",        "START",       "MID",          "END",
                                           "BEFORE",  "AFTER",       "ON_OR_AFTER",  "ON_OR_BEFORE",
                                           "APPROX",  "LESS_THAN",   "MORE_THAN",    "EQUAL_OR_MORE",
                                           "EQUAL_OR_LESS"};
  return kNames[static_cast<int>(m)];
}

const Lexicon& Lexicon::Get() {
  static const Lexicon* lex = new Lexicon();
  return *lex;
}

void Lexicon::Add(std::string_view folded, WordInfo info) {
  uint64_t h = HashBytes(folded);
  for (uint32_t s = static_cast<uint32_t>(h) & mask_;; s = (s + 1) & mask_) {
    Slot& slot = slots_[s];
    if (slot.hash == h) {
      // A phrase may start with, or continue with, a known word.
      slot.info.flags |= info.flags & (kPhraseStart | kPhraseSecond | kPhraseWhole);
      return;
    }
    if (slot.hash == 0) {
      slot.hash = h;
      slot.info = info;
      return;
    }
  }
}

Lexicon::Lexicon() {
  constexpr size_t kWordCount = sizeof(kWords) / sizeof(kWords[0]);
  size_t cap = std::bit_ceil((kWordCount + std::size(kPhrases)) * 4);
  slots_.resize(cap);
  mask_ = static_cast<uint32_t>(cap - 1);
  for (const Entry& e : kWords) {
    WordInfo w;
    w.cls = e.cls;
    w.val = static_cast<uint8_t>(e.val);
    w.flags = e.flags | (IsCoreClass(e.cls) ? kCore : 0);
    Add(e.word, w);
  }
  lexicon::PhraseTableBuilder builder;
  text::Analysis scratch;
  auto count_tokens = [&](std::string_view t) {
    text::Tokenize(t, &scratch);
    return static_cast<uint8_t>(scratch.tokens.size());
  };
  for (size_t k = 0; k < std::size(kPhrases); ++k) {
    const PhraseEntry& e = kPhrases[k];
    std::string_view text = e.text;
    size_t open = text.find('{'), close = text.find('}');
    std::string plain(text.substr(0, open));
    plain.append(text.substr(open + 1, close - open - 1));
    plain.append(text.substr(close + 1));
    PhraseInfo info;
    info.kind = e.kind;
    info.value = e.value;
    info.number = e.number;
    info.not_before_count = e.not_before_count;
    info.skip_left = count_tokens(text.substr(0, open));
    info.skip_right = count_tokens(text.substr(close + 1));
    phrase_infos_.push_back(info);
    builder.AddText(plain, static_cast<uint32_t>(k));
    text::Tokenize(plain, &scratch);
    if (!scratch.tokens.empty()) {
      WordInfo w;
      w.flags = scratch.tokens.size() == 1 ? (kPhraseStart | kPhraseWhole) : kPhraseStart;
      Add(scratch.Folded(0), w);
    }
    if (scratch.tokens.size() > 1) {
      WordInfo w;
      w.flags = kPhraseSecond;
      Add(scratch.Folded(1), w);
    }
  }
  phrases_.Build(builder);
}

bool Lexicon::PhraseAt(const text::Analysis& a, uint32_t i, uint32_t limit, uint32_t* end,
                       const PhraseInfo** info) const {
  // Most "the", "at", "for" start no phrase: look at the next word before the phrase table.
  const WordInfo* first = Word(a, i);
  if (!first || !(first->flags & kPhraseWhole)) {
    if (i + 1 >= limit) return false;
    const WordInfo* second = Word(a, i + 1);
    if (!second || !(second->flags & kPhraseSecond)) return false;
  }
  lexicon::Match m;
  if (!phrases_.table().LongestAt(a, i, limit, &m) || m.values.empty()) return false;
  *end = m.end;
  *info = &phrase_infos_[m.values[0]];
  return true;
}

}  // namespace sitrep::time
