#include "events/coder.h"

#include "util/hash.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <map>
#include <optional>
#include <span>
#include <unordered_map>

#include <chrono>

namespace sitrep::events {
namespace {

using actors::Kind;

// Days since 1970-01-01 of a "YYYY-MM-DD" (or "YYYY-MM", "YYYY": their first day).
std::optional<int64_t> DayNumber(std::string_view s) {
  auto num = [&](size_t b, size_t n) -> int {
    int v = 0;
    for (size_t i = b; i < b + n; ++i) {
      if (i >= s.size() || s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  int y = num(0, 4), m = s.size() >= 7 ? num(5, 2) : 1, d = s.size() >= 10 ? num(8, 2) : 1;
  if (y < 0 || m < 0 || d < 0) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(static_cast<unsigned>(m)),
                                  std::chrono::day(static_cast<unsigned>(d))};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days(ymd).time_since_epoch().count();
}
using actors::Mention;
using text::Analysis;

// ---------------------------------------------------------------------------------------
// Small word classes

// True if the folded word is one of a list's.
template <size_t N>
bool OneOf(std::string_view f, const std::string_view (&words)[N]) {
  for (std::string_view w : words)
    if (f == w) return true;
  return false;
}

// "northern", "central", "north": a part of a country ("in northern Mali").
bool IsCompassAdjective(std::string_view f) {
  static constexpr std::string_view kList[] = {
      "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
      "southeastern", "southwestern", "north", "south", "east", "west", "northeast",
      "northwest", "southeast", "southwest"};
  return OneOf(f, kList);
}

bool IsAdverbish(std::string_view f) {
  return f == "reportedly" || f == "allegedly" || f == "also" || f == "later" || f == "then" ||
         f == "already" || f == "just" || f == "recently" || f == "all" || f == "both" ||
         f == "apparently" || f == "further" || f == "still" || f == "again" || f == "initially" ||
         f == "subsequently" || f == "eventually" || f == "had" || f == "have" || f == "has" ||
         f == "were" || f == "was" || f == "being" || f == "been" || f == "brutally" ||
         f == "fatally" || f == "seriously" || f == "critically" || f == "badly" || f == "fully" ||
         f == "notably" || f == "repeatedly" || f == "heavily" || f == "partially" || f == "briefly";
}

bool IsTerritoryWord(std::string_view f) {
  static constexpr std::string_view kList[] = {
      "town", "towns", "city", "cities", "village", "villages", "district", "districts",
      "territory", "territories", "area", "areas", "region", "regions", "province", "provinces",
      "base", "bases", "post", "posts", "outpost", "outposts", "position", "positions",
      "checkpoint", "checkpoints", "headquarters", "capital", "capitals", "airport", "airbase",
      "hill", "hills", "border", "crossing", "camp", "camps", "barracks", "garrison", "port",
      "county", "municipality", "neighbourhood", "neighborhood", "suburb", "suburbs", "locality",
      "settlement", "settlements", "stronghold", "strongholds", "compound", "building",
      "buildings", "bridge", "road", "highway", "junction", "dam", "oilfield", "oil", "mine",
      "mines", "island", "islands", "valley", "mountain", "mountains", "quarter", "centre",
      "center", "square", "market", "stations", "station", "prison", "palace"};
  return OneOf(f, kList);
}

bool IsMilitaryTargetWord(std::string_view f) {
  static constexpr std::string_view kList[] = {
      "base", "bases", "post", "posts", "outpost", "outposts", "checkpoint", "checkpoints",
      "convoy", "convoys", "barracks", "patrol", "patrols", "position", "positions", "garrison",
      "camp", "airbase", "station", "positions", "troops", "soldiers", "army", "police"};
  return OneOf(f, kList);
}

// Places where civilians are, as the target of an attack ("stormed a bus station",
// "attacked a school"): the attack is on civilians unless soldiers are named.
bool IsCivilianTargetWord(std::string_view f) {
  static constexpr std::string_view kList[] = {
      "school", "schools", "bank", "banks", "market", "markets", "marketplace", "hospital",
      "hospitals", "clinic", "church", "churches", "mosque", "mosques", "temple", "hotel",
      "restaurant", "shop", "shops", "home", "homes", "house", "houses", "village",
      "villages", "bus", "buses", "wedding", "funeral", "mall", "cafe", "bar", "nightclub",
      "university", "college", "concert", "farm", "farms", "displaced", "community",
      "communities"};
  return OneOf(f, kList);
}

bool IsFutureMarker(std::string_view f) {
  return f == "will" || f == "shall" || f == "plan" || f == "plans" || f == "planned" ||
         f == "planning" || f == "threaten" || f == "threatened" || f == "threatens" ||
         f == "threatening" || f == "vowed" || f == "vow" || f == "vows" || f == "intends" ||
         f == "intend" || f == "intended" || f == "scheduled" || f == "preparing" ||
         f == "prepare" || f == "poised" || f == "ready" || f == "urged" || f == "urge" ||
         f == "called" || f == "calls" || f == "call" || f == "warned" || f == "warns" ||
         f == "promised" || f == "pledged" || f == "demanded" || f == "demand" ||
         f == "wants" || f == "want" || f == "ordered" || f == "asked" || f == "allowed" ||
         f == "plot" || f == "plotted" || f == "plotting" || f == "conspiracy";
}

bool IsHypotheticalMarker(std::string_view f) {
  return f == "could" || f == "might" || f == "may" || f == "would" || f == "if" ||
         f == "unless" || f == "should" || f == "fear" || f == "fears" || f == "feared" ||
         f == "risk" || f == "possible" || f == "possibility" || f == "potential" ||
         f == "likely" || f == "whether";
}

bool IsAttemptMarker(const Analysis& a, uint32_t i) {
  std::string_view f = a.Folded(i);
  if (f == "tried" || f == "trying" || f == "try" || f == "tries" || f == "attempted" ||
      f == "attempting" || f == "attempt" || f == "attempts" || f == "sought" ||
      f == "seeking" || f == "failed" || f == "bid" || f == "struggling" || f == "struggled")
    return true;
  return false;
}

bool IsNegation(std::string_view f) {
  return f == "not" || f == "never" || f == "no" || f == "didnt" || f == "wasnt" ||
         f == "werent" || f == "hasnt" || f == "havent" || f == "hadnt" || f == "dont" ||
         f == "doesnt" || f == "cannot" || f == "cant" || f == "couldnt" || f == "wont" ||
         f == "denied" || f == "denies" || f == "deny" || f == "nor" || f == "neither" ||
         f == "nt" || f == "rejected" || f == "dismissed" || f == "false";
}

// Number words and numerals: "12", "10,000", "twelve", "a dozen". -1 if not a number.
int64_t ParseCount(const Analysis& a, uint32_t i, uint32_t* used) {
  *used = 1;
  if (i >= a.tokens.size()) return -1;
  const text::Token& t = a.tokens[i];
  std::string_view f = a.Folded(t);
  if (t.kind == text::TokKind::kNumber) {
    int64_t v = 0;
    for (char c : f) {
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
      if (v > 100000000) return -1;
    }
    return v;
  }
  // Fast rejection: every number word starts with one of these letters.
  if (f.empty() || std::string_view("otfsenhdaw").find(f[0]) == std::string_view::npos) return -1;
  static constexpr std::pair<std::string_view, int> kWords[] = {
      {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},      {"five", 5},
      {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},      {"ten", 10},
      {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},
      {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},
      {"thirty", 30},  {"forty", 40},     {"fifty", 50},    {"sixty", 60},    {"seventy", 70},
      {"eighty", 80},  {"ninety", 90},    {"hundred", 100}, {"dozen", 12},    {"a", -2},
      {"an", -2}};
  for (auto [w, v] : kWords) {
    if (f != w) continue;
    if (v == -2) {
      if (a.Is(i + 1, "dozen")) {
        *used = 2;
        return 12;
      }
      if (a.Is(i + 1, "hundred")) {
        *used = 2;
        return 100;
      }
      return -1;
    }
    // "twenty-five" (hyphen joins: 25), "two hundred"
    if (v >= 20 && v < 100 && i + 1 < a.tokens.size() &&
        (a.tokens[i + 1].flags & text::kHyphenBefore)) {
      uint32_t u2;
      int64_t ones = ParseCount(a, i + 1, &u2);
      if (ones > 0 && ones < 10) {
        *used = 2;
        return v + ones;
      }
    }
    if (v < 20 && a.Is(i + 1, "hundred")) {
      *used = 2;
      return v * 100;
    }
    return v;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------
// Per-document working state

struct CueHit {
  uint32_t b = 0, e = 0;
  Cue cue = Cue::kCount;
  bool weak = false;
  bool verb = false;
  bool participle_possible = false;
  VerbForm form = VerbForm::kBase;
};

struct Segment {
  uint32_t b = 0, e = 0;  // tokens
  uint32_t sentence = 0;
};

// Bodies "dumped", "bullet-riddled", "bound and blindfolded", "decapitated", in a "mass
// grave": someone killed them (ACLED codes an attack on civilians by an unidentified group).
bool BodyShowsKilling(const Analysis& a, const Segment& seg) {
  static constexpr std::string_view kMarks[] = {
      "dumped", "bullet-riddled", "riddled", "gunshot", "bullet", "bound", "blindfolded",
      "handcuffed", "decapitated", "beheaded", "dismembered", "mutilated", "execution-style",
      "grave", "graves", "strangled"};
  for (uint32_t k = seg.b; k < seg.e; ++k)
    if (OneOf(a.Folded(k), kMarks)) return true;
  return false;
}

struct TypeDecision {
  std::string type, subtype;
  int anchor = -1;          // index into the hits of the segment that decided
  const CueHit* hit = nullptr;  // the deciding hit
  bool territorial = false;
  bool protest = false;
  std::string note;
};

struct Ctx {
  const Analysis* a = nullptr;
  const Document* doc = nullptr;
  DocResult* r = nullptr;
  const geo::Gazetteer* gaz = nullptr;
  std::vector<CueHit> hits;
  std::vector<Mention> mentions;
  std::string main_country;  // ISO code of the document's main country
  bool doc_conflict = false;  // an armed actor or a weapon anywhere in the report
  // A report about sport, a film or a disaster (two such words) with no armed actor.
  bool doc_not_conflict = false;
  // A report of ordinary crime: two words of police inquiry or court, nobody armed but the
  // police, no weapon of war, no demonstration.
  bool doc_crime = false;
  bool explain = false;
  std::optional<int64_t> dct;  // day number of the report's date
  // Events made so far (for pronoun fallback: the last event's actor1).
  std::optional<ActorRef> last_actor1;
  uint32_t last_actor1_sentence = 0;

  // Per sentence, the index ranges of its cue hits, mentions, toponyms and timexes (each
  // list is in text order), so every stage works on one sentence at a time: no quadratic
  // path on long documents.
  struct Range {
    uint32_t b = 0, e = 0;
  };
  std::vector<Range> hit_r, men_r, top_r, tim_r;
  // For toponym i, how many earlier toponyms name the same place.
  std::vector<uint32_t> prior_mentions;
  // For mention i, whether it lies in the speaker span of a speech ("a spokesman said").
  std::vector<uint8_t> in_speaker;
  // Per toponym: it is the whole speaker of a speech ("The Kremlin said", "Kyiv says"): an
  // institution speaking, not a place where something happened.
  std::vector<uint8_t> toponym_speaks;

  std::span<const Mention> MentionsIn(uint32_t sent) const {
    return std::span<const Mention>(mentions).subspan(men_r[sent].b, men_r[sent].e - men_r[sent].b);
  }
  std::span<const Toponym> ToponymsIn(uint32_t sent) const {
    return std::span<const Toponym>(r->toponyms).subspan(top_r[sent].b, top_r[sent].e - top_r[sent].b);
  }
  size_t IndexOf(const Mention& m) const { return static_cast<size_t>(&m - mentions.data()); }
  size_t IndexOf(const Toponym& t) const { return static_cast<size_t>(&t - r->toponyms.data()); }

  void Note(uint32_t sentence, std::string s) {
    if (explain) r->notes.emplace_back(sentence, std::move(s));
  }
  // Country names as ACLED writes them in actor names (world-countries' common names
  // differ for a few: "Türkiye", "DR Congo", "Czechia").
  std::string CountryName(const std::string& cc) const {
    static const std::map<std::string, std::string> kAcled = {
        {"TR", "Turkey"}, {"CD", "Democratic Republic of Congo"}, {"CG", "Republic of Congo"},
        {"CZ", "Czech Republic"}, {"MM", "Myanmar"}, {"CI", "Ivory Coast"}, {"KR", "South Korea"},
        {"KP", "North Korea"}, {"PS", "Palestine"}, {"SY", "Syria"}, {"RU", "Russia"},
        {"IR", "Iran"}, {"LA", "Laos"}, {"VN", "Vietnam"}, {"BO", "Bolivia"}, {"VE", "Venezuela"},
        {"TZ", "Tanzania"}, {"MD", "Moldova"}, {"MK", "North Macedonia"}, {"SZ", "eSwatini"},
        {"CV", "Cape Verde"}, {"TL", "East Timor"}, {"GB", "United Kingdom"}, {"US", "United States"}};
    auto it = kAcled.find(cc);
    if (it != kAcled.end()) return it->second;
    if (gaz) {
      std::string_view n = gaz->CountryName(cc);
      if (!n.empty()) return std::string(n);
    }
    return cc;
  }
};

bool Has(const std::vector<const CueHit*>& hs, Cue c) {
  for (const CueHit* h : hs)
    if (h->cue == c) return true;
  return false;
}
bool HasStrong(const std::vector<const CueHit*>& hs, Cue c) {
  for (const CueHit* h : hs)
    if (h->cue == c && !h->weak) return true;
  return false;
}
int Find(const std::vector<const CueHit*>& hs, Cue c) {
  for (size_t i = 0; i < hs.size(); ++i)
    if (hs[i]->cue == c) return static_cast<int>(i);
  return -1;
}

// ---------------------------------------------------------------------------------------
// Cues

void FindCues(const EventLexicon& lex, Ctx& c) {
  const Analysis& a = *c.a;
  for (const text::Sentence& s : a.sentences) {
    for (uint32_t i = s.begin; i < s.end;) {
      if (a.tokens[i].kind == text::TokKind::kPunct) {
        ++i;
        continue;
      }
      lexicon::Match m;
      if (!lex.table().LongestAt(a, i, s.end, &m)) {
        ++i;
        continue;
      }
      CueHit h;
      bool ok = false;
      bool all_weak = true;
      // A form that is both a verb and a noun of different cues ("bombs": BOMB the verb,
      // BLAST the noun): after a determiner, a number or at the start it is the noun.
      bool noun_context = m.begin == s.begin;
      if (m.begin > s.begin) {
        const text::Token& pt = a.tokens[m.begin - 1];
        std::string_view pf = a.Folded(pt);
        noun_context = pt.kind == text::TokKind::kNumber ||
                       (!pf.empty() && pf[0] >= '0' && pf[0] <= '9') ||  // "155mm shells"
                       (pt.kind == text::TokKind::kPunct && pf != "," && pf != ";") ||
                       pf == "the" || pf == "a" || pf == "an" || pf == "of" || pf == "two" ||
                       pf == "three" || pf == "several" || pf == "with" || pf == "by" ||
                       pf == "and" || pf == "more" || pf == "many" || pf == "some" ||
                       ((pt.flags & text::kCap) && !(pt.flags & text::kSentStart) &&
                        pt.kind == text::TokKind::kWord);
      }
      bool has_noun = false;
      for (uint32_t id : m.values) has_noun = has_noun || !lex.form(id).verb;
      for (uint32_t id : m.values) {
        const PhraseForm& f = lex.form(id);
        if (f.lower_case_only && (a.tokens[m.begin].flags & text::kCap)) continue;
        if (has_noun && noun_context && f.verb) continue;
        if (!ok) {
          h.b = m.begin;
          h.e = m.end;
          h.cue = f.cue;
          h.form = f.form;
          ok = true;
        }
        if (f.cue != h.cue) continue;
        all_weak = all_weak && f.weak;
        if (f.verb) {
          if (!h.verb) h.form = f.form;
          h.verb = true;
        }
        if (f.verb && (f.form == VerbForm::kParticiple || f.form == VerbForm::kPast))
          h.participle_possible = true;
      }
      h.weak = all_weak;
      // "the surrounding district", "a wounded man": a participle used as an adjective;
      // "officers on the beat": a verb's base form after an article is a noun.
      if (ok && h.verb && (h.form == VerbForm::kGerund || h.form == VerbForm::kParticiple ||
                           h.form == VerbForm::kPast || h.form == VerbForm::kBase) &&
          m.begin > s.begin && (a.Is(m.begin - 1, "the") || a.Is(m.begin - 1, "a") ||
                                a.Is(m.begin - 1, "an")) && !has_noun && h.e - h.b == 1 &&
          h.cue != Cue::kWound)
        ok = false;
      if (ok) c.hits.push_back(h);
      i = m.end;
    }
  }
}

// Verbs whose particle or complement comes after the object: "set cars on fire", "drove
// the militants out of", "beat a man to death", "took three engineers hostage". The
// contiguous forms are in events.tsv; these rules find the split ones (up to 6 words apart).
struct GappedRule {
  std::string_view lemma;
  std::string_view tail;  // folded tokens separated by spaces
  Cue cue;
  bool weak;
};
constexpr GappedRule kGapped[] = {
    {"set", "on fire", Cue::kRiotAct, true},     {"set", "ablaze", Cue::kRiotAct, true},
    {"set", "alight", Cue::kRiotAct, true},      {"drive", "out of", Cue::kRecapture, true},
    {"push", "out of", Cue::kRecapture, true},   {"force", "out of", Cue::kRecapture, true},
    {"flush", "out of", Cue::kRecapture, true},  {"beat", "to death", Cue::kKill, false},
    {"hack", "to death", Cue::kKill, false},     {"stone", "to death", Cue::kKill, false},
    {"stab", "to death", Cue::kKill, false},     {"club", "to death", Cue::kKill, false},
    {"burn", "alive", Cue::kKill, false},        {"burn", "to death", Cue::kKill, false},
    {"take", "hostage", Cue::kAbduct, false},    {"shoot", "dead", Cue::kKill, false},
    {"gun", "down", Cue::kKill, false},          {"blow", "up", Cue::kBlast, false},
    {"round", "up", Cue::kArrest, false},        {"take", "into custody", Cue::kArrest, false},
    {"push", "back", Cue::kClash, false},        {"beat", "back", Cue::kClash, false},
    {"drive", "back", Cue::kClash, false},       {"hand", "over", Cue::kHandover, false},
    {"take", "captive", Cue::kAbduct, false},    {"hold", "captive", Cue::kAbduct, false},
    {"exchange", "prisoners", Cue::kAgree, false}, {"swap", "prisoners", Cue::kAgree, false},
    {"release", "prisoners", Cue::kAgree, true},
};

void FindGappedCues(Ctx& c) {
  struct Head {
    std::string form;
    VerbForm tag;
    const GappedRule* rule;
  };
  // Heads by the hash of their folded form, so each token costs one lookup.
  static const std::unordered_map<uint64_t, std::vector<Head>> kHeads = [] {
    std::unordered_map<uint64_t, std::vector<Head>> h;
    for (const GappedRule& r : kGapped)
      for (const Inflection& inf : VerbForms(r.lemma)) h[HashBytes(inf.form)].push_back({inf.form, inf.tag, &r});
    return h;
  }();
  // A 4096-bit filter over the heads' hashes rejects most words before the map lookup.
  static const std::array<uint64_t, 64> kHeadBits = [] {
    std::array<uint64_t, 64> bits{};
    for (const auto& [h, heads] : kHeads) bits[(h >> 6) & 63] |= 1ull << (h & 63);
    return bits;
  }();
  const Analysis& a = *c.a;
  std::vector<CueHit> found;
  size_t hi = 0;
  for (const text::Sentence& s : a.sentences) {
    for (uint32_t i = s.begin; i < s.end; ++i) {
      if (a.tokens[i].kind != text::TokKind::kWord) continue;
      const uint64_t th = a.tokens[i].hash;
      if (!(kHeadBits[(th >> 6) & 63] & (1ull << (th & 63)))) continue;  // most words
      auto it = kHeads.find(th);
      if (it == kHeads.end()) continue;
      std::string_view f = a.Folded(i);
      for (const Head& hd : it->second) {
        if (hd.form != f) continue;
        // The tail after 1-4 words of object, within the clause.
        std::vector<std::string_view> tail;
        for (size_t b = 0, e; b < hd.rule->tail.size(); b = e + 1) {
          e = hd.rule->tail.find(' ', b);
          if (e == std::string_view::npos) e = hd.rule->tail.size();
          tail.push_back(hd.rule->tail.substr(b, e - b));
        }
        for (uint32_t k = i + 2; k < std::min(s.end, i + 8); ++k) {
          if (a.tokens[k - 1].kind == text::TokKind::kPunct) break;
          bool ok = k + tail.size() <= s.end;
          for (size_t t = 0; ok && t < tail.size(); ++t) ok = a.Folded(k + static_cast<uint32_t>(t)) == tail[t];
          if (!ok) continue;
          CueHit h;
          h.b = i;
          h.e = k + static_cast<uint32_t>(tail.size());
          h.cue = hd.rule->cue;
          h.weak = hd.rule->weak;
          h.verb = true;
          h.form = hd.tag;
          h.participle_possible = hd.tag == VerbForm::kPast || hd.tag == VerbForm::kParticiple;
          found.push_back(h);
          break;
        }
      }
    }
  }
  if (found.empty()) return;
  // Merge, dropping contiguous hits that start at a gapped head (the gapped reading is
  // the fuller one) and keeping text order.
  std::vector<CueHit> merged;
  merged.reserve(c.hits.size() + found.size());
  for (const CueHit& h : c.hits) {
    bool shadowed = false;
    for (const CueHit& g : found)
      if (h.b >= g.b && h.b < g.e && !(h.b == g.b && h.e > g.e)) shadowed = true;
    if (!shadowed) merged.push_back(h);
  }
  for (const CueHit& g : found) merged.push_back(g);
  std::stable_sort(merged.begin(), merged.end(), [](const CueHit& x, const CueHit& y) { return x.b < y.b; });
  c.hits.swap(merged);
  (void)hi;
}

// Cue phrases inside an actor's name are part of the name ("riot police", "Air Force"),
// except that an air arm still tells of aircraft.
// The object of an attack is an idea or a text: "an attack on the budget plan", "attacked
// the reform", "attacks on press freedom".
bool AttacksAnIdea(const Analysis& a, const CueHit& h, uint32_t end) {
  static constexpr std::string_view kIdeas[] = {
      "plan", "plans", "budget", "policy", "policies", "law", "laws", "bill", "decision",
      "proposal", "proposals", "reform", "reforms", "freedom", "freedoms", "democracy",
      "speech", "press", "media", "constitution", "judiciary", "credibility", "record",
      "reputation", "character", "integrity", "idea", "ideas", "strategy", "agenda", "report",
      "ruling", "verdict", "critics", "opponents", "rival", "rivals", "candidate", "leadership",
      "handling", "remarks", "comments", "statement", "stance", "views", "values", "tariffs"};
  for (uint32_t k = h.e; k < std::min(end, h.e + 7); ++k) {
    if (a.tokens[k].kind == text::TokKind::kPunct) return false;
    std::string_view f = a.Folded(k);
    if (k + 1 < end && (a.Is(k + 1, "enforcers") || a.Is(k + 1, "enforcement") ||
                        a.Is(k + 1, "officers") || a.Is(k + 1, "officials")))
      return false;  // "an attack on law enforcers"
    if (OneOf(f, kIdeas)) return true;
  }
  return false;
}

// The words of a court or police case: "charged with", "convicted of", "counts of".
bool IsCourtWord(std::string_view f) {
  static constexpr std::string_view kList[] = {
      "charged", "charge", "charges", "count", "counts", "convicted", "conviction",
      "convictions", "indicted", "prosecuted", "suspicion", "guilty", "sentenced", "acquitted",
      "trial", "jailed", "imprisoned"};
  return OneOf(f, kList);
}

// "the controversy surrounding the aide", "policies targeting migrants": a gerund right
// after a noun that is not an actor describes that noun; nobody surrounds or targets anyone.
// After an actor ("troops surrounding the city") or a verb ("were surrounding", "began
// surrounding") it is the act.
bool PostModifyingGerund(const Ctx& c, const CueHit& h) {
  if (!h.verb || h.form != VerbForm::kGerund || h.e - h.b != 1) return false;
  if (h.cue != Cue::kSiege && !(h.cue == Cue::kAttack && h.weak)) return false;
  const Analysis& a = *c.a;
  if (h.b == 0 || a.tokens[h.b - 1].sentence != a.tokens[h.b].sentence) return false;
  const text::Token& p = a.tokens[h.b - 1];
  if (p.kind != text::TokKind::kWord || (p.flags & text::kCap)) return false;
  static constexpr std::string_view kActLead[] = {
      "be", "been", "being", "is", "are", "was", "were", "am", "began", "begun", "begin",
      "started", "start", "continued", "continue", "kept", "keep", "keeps", "stopped",
      "after", "before", "while", "by", "from", "for", "of", "in", "on", "and", "or", "but",
      "then", "also", "still", "now", "had", "have", "has", "without", "not", "who", "which",
      "that", "they", "we", "he", "she", "it", "you", "i"};
  std::string_view pf = a.Folded(h.b - 1);
  if (OneOf(pf, kActLead)) return false;
  if (pf.size() > 2 && pf.substr(pf.size() - 2) == "ly") return false;  // "repeatedly targeting"
  auto it = std::upper_bound(c.mentions.begin(), c.mentions.end(), h.b - 1,
                             [](uint32_t k, const Mention& m) { return k < m.tok_begin; });
  return !(it != c.mentions.begin() && std::prev(it)->tok_end >= h.b);
}

// "charged with murder", "two counts of aggravated assault", "arrested on suspicion of
// homicide", "sentenced for the killing of": the word names a charge in a court or police
// case, not an act this report tells.
// (An allegation, "accused of killing", keeps its event, as background: see Modality.)
bool NamesACharge(const Analysis& a, const CueHit& h) {
  const uint32_t sb = a.sentences[a.tokens[h.b].sentence].begin;
  bool link = false;  // "with", "of", "for" between the charge word and the act
  for (uint32_t k = h.b, n = 0; k > sb && n < 10; ++n) {
    --k;
    if (a.tokens[k].kind == text::TokKind::kPunct) return false;
    std::string_view f = a.Folded(k);
    if (f == "with" || f == "of" || f == "for") link = true;
    if (link && IsCourtWord(f)) return true;
  }
  return false;
}

void DropCuesInsideActors(Ctx& c) {
  const Analysis& a = *c.a;
  std::vector<CueHit> kept;
  kept.reserve(c.hits.size());
  size_t mi = 0;
  // Sentences written in title case are headlines: capitals there say nothing.
  std::vector<uint8_t> headline(a.sentences.size(), 0);
  for (uint32_t si = 0; si < a.sentences.size(); ++si) headline[si] = text::TitleCased(a, si);
  for (const CueHit& h : c.hits) {
    const text::Token& t = a.tokens[h.b];
    // "the Battle of Waterloo", "Operation Thunder Strike": a capitalised event word
    // inside running text is part of a name.
    if ((t.flags & text::kCap) && !(t.flags & (text::kSentStart | text::kNewlineBefore)) &&
        !headline[t.sentence] &&
        h.cue != Cue::kAircraft && !(t.flags & text::kAllCaps) &&
        !(h.b > 0 && (a.Folded(h.b - 1) == "\"" || a.Folded(h.b - 1) == ":" ||
                      a.Folded(h.b - 1) == "|" || a.Folded(h.b - 1) == "-" ||
                      a.Folded(h.b - 1) == "\u2013" || a.Folded(h.b - 1) == "\u2014")))
      continue;
    while (mi < c.mentions.size() && c.mentions[mi].tok_end <= h.b) ++mi;
    bool inside = false;
    for (size_t k = mi; k < c.mentions.size() && c.mentions[k].tok_begin <= h.b; ++k) {
      const Mention& m = c.mentions[k];
      if (!m.pronoun && m.tok_begin <= h.b && h.e <= m.tok_end &&
          !(h.cue == Cue::kAircraft || h.cue == Cue::kProtest || h.cue == Cue::kMob))
        inside = true;
    }
    // "Storm Ciaran battered the coast": a named storm, not an assault.
    const bool named_storm = a.Folded(h.b) == "storm" && (t.flags & text::kCap) &&
                             h.e < a.tokens.size() && (a.tokens[h.e].flags & text::kCap) &&
                             a.tokens[h.e].sentence == t.sentence;
    if (named_storm) {  // a weather report: it vetoes the sentence's weaker words of violence
      CueHit w = h;
      w.cue = Cue::kNotConflict;
      w.weak = false;
      kept.push_back(w);
    } else if (!inside && !PostModifyingGerund(c, h) && !NamesACharge(a, h)) {
      kept.push_back(h);
    }
  }
  c.hits.swap(kept);
}

// ---------------------------------------------------------------------------------------
// Places

bool IsCityLevel(const Toponym& t) { return t.precision == "city"; }

// A place inside an actor mention's own phrase ("Kabul government", "the Kunduz police") is
// not where something happened.
bool InsideActor(const Ctx& c, uint32_t si, const Toponym& t) {
  for (const Mention& m : c.MentionsIn(si))
    if (t.tok_begin >= m.tok_begin && t.tok_end <= m.tok_end) return true;
  return false;
}

// A town the gazetteer knows only as its district ("the town of Ceel Dheer", an ADM2): the
// text says it is a town, so "the town" later refers to it.
bool IsTownLike(const Analysis& a, const Toponym& t) {
  if (IsCityLevel(t)) return true;
  if (t.precision != "admin2" || t.tok_begin < 2 || !a.Is(t.tok_begin - 1, "of")) return false;
  return a.Is(t.tok_begin - 2, "town") || a.Is(t.tok_begin - 2, "city") ||
         a.Is(t.tok_begin - 2, "village");
}

// Whether toponym t can be where an event happened (not a reference point, an origin, a
// border neighbour, a demonym or an unresolved name).
bool IsLocationCandidate(const Ctx& c, size_t ti) {
  const Toponym& t = c.r->toponyms[ti];
  const Analysis& a = *c.a;
  if (t.feature == "demonym" || !t.has_coords || c.toponym_speaks[ti]) return false;
  if (t.precision != "city" && t.precision != "admin1" && t.precision != "admin2" &&
      t.precision != "country")
    return false;  // continents and regions ("Central Asia") are not event places
  // The reference place of a stated distance ("300 km north of Kabul").
  for (const Claim& cl : c.r->claims)
    if (t.start >= cl.start && t.end <= cl.end) return false;
  uint32_t b = t.tok_begin;
  auto prev = [&](uint32_t k) -> std::string_view {
    return b >= k ? a.Folded(b - k) : std::string_view();
  };
  // A country is where something happened only when the text says so ("in Mali",
  // "across Syria"); as a subject or modifier it is an actor ("The United States has ...").
  if (t.precision == "country") {
    std::string_view p1 = prev(1);
    if (p1 == "the") p1 = prev(2);
    if (!(p1 == "in" || p1 == "across" || p1 == "into" || p1 == "throughout" || p1 == "inside" ||
          p1 == "within" || p1 == "of" || p1 == "at" || p1 == "on" || p1 == "near" || p1 == "to" ||
          IsCompassAdjective(p1)))
      return false;
  }
  // "km north of X", "west of X" as a reference.
  if (prev(1) == "of" && (prev(2) == "north" || prev(2) == "south" || prev(2) == "east" ||
                          prev(2) == "west" || prev(2) == "northeast" || prev(2) == "northwest" ||
                          prev(2) == "southeast" || prev(2) == "southwest" ||
                          prev(2) == "outside" || prev(2) == "km" || prev(2) == "kilometres" ||
                          prev(2) == "kilometers" || prev(2) == "miles")) {
    // "outside X" is a location, "north of X" a reference unless nothing else.
    if (prev(2) == "outside") return true;
    return false;
  }
  // Where people came from or were going: "farmers from Punjab", "tried to march to Delhi".
  static constexpr std::string_view kMotion[] = {
      "fled", "moved", "march", "marched", "marching", "travel", "travelled", "traveled",
      "head", "headed", "heading", "return", "returned", "returning", "go", "going", "went",
      "drive", "drove", "walk", "walked", "flee", "fleeing", "flown", "flew", "transferred",
      "evacuated", "relocated", "deported", "extradited"};
  if (prev(1) == "from" || (prev(1) == "to" && OneOf(prev(2), kMotion))) return false;
  if ((prev(1) == "with" || prev(1) == "of") && (prev(2) == "border" || prev(2) == "borders"))
    return false;
  if (prev(1) == "bordering") return false;
  // Where a ministry speaks from: "the defence ministry in Moscow said".
  if (prev(1) == "in" && (prev(2) == "ministry" || prev(2) == "government" || prev(2) == "embassy" ||
                          prev(2) == "headquarters" || prev(2) == "command" || prev(2) == "office")) {
    for (uint32_t k = t.tok_end; k < std::min<uint32_t>(t.tok_end + 3, a.tokens.size()); ++k)
      if (a.Is(k, "said") || a.Is(k, "says") || a.Is(k, "told") || a.Is(k, "announced") ||
          a.Is(k, "reported"))
        return false;
  }
  // An actor's name or title: "Kabul government", "Kabul's inability".
  if (t.tok_end < a.tokens.size()) {
    std::string_view nx = a.Folded(t.tok_end);
    if (nx == "government" || nx == "officials" || nx == "authorities")
      return false;
  }
  // A capital as the subject of a verb stands for its government: "after Moscow quit a deal",
  // "Washington has warned". Its clause opens with it (no preposition before it).
  if (t.feature == "PPLC" && t.tok_end < a.tokens.size() &&
      a.tokens[t.tok_end].kind == text::TokKind::kWord && !(a.tokens[t.tok_end].flags & text::kCap)) {
    static constexpr std::string_view kOpeners[] = {"", ",", "after", "before", "and", "that",
                                                    "as", "while", "when", "but", "because",
                                                    "since", "until", "where", "though"};
    static constexpr std::string_view kVerbs[] = {
        "said", "says", "has", "have", "had", "is", "was", "will", "would", "quit", "wants",
        "warned", "accused", "denied", "claimed", "insists", "insisted", "announced", "rejected",
        "demanded", "refused", "responded", "retaliated", "vowed", "blamed", "agreed", "sent",
        "imposed", "ordered", "expelled", "recalled", "pulled", "withdrew", "accuses",
        "denies", "blames", "rejects", "considers", "sees", "hopes", "fears", "backs",
        "supports", "condemned", "condemns"};
    const bool at_start = b == a.sentences[a.tokens[b].sentence].begin;
    if ((at_start || OneOf(prev(1), kOpeners)) && OneOf(a.Folded(t.tok_end), kVerbs)) return false;
  }
  return true;
}

// Places that name a container of another candidate place (a province of a city named in
// the same sentence) or a country when something finer is there are dropped.
std::vector<size_t> FilterContained(const Ctx& c, std::vector<size_t> cands) {
  std::vector<size_t> out;
  const auto& T = c.r->toponyms;
  for (size_t x : cands) {
    bool contained_other = false;
    for (size_t y : cands) {
      if (x == y) continue;
      const Toponym& tx = T[x];
      const Toponym& ty = T[y];
      if (tx.precision == "country" && ty.precision != "country" && ty.country == tx.country)
        contained_other = true;
      if (tx.precision == "admin1" && ty.precision != "country" && ty.precision != "admin1" &&
          ty.admin1 == tx.admin1)
        contained_other = true;
      if (tx.precision == "admin2" && ty.precision == "city" && ty.admin2 == tx.admin2)
        contained_other = true;
      if (tx.precision == "country" && ty.precision != "country" && tx.country != ty.country &&
          x > y)
        contained_other = true;  // a foreign country after a city: "Zaranj ... Iran"
    }
    if (!contained_other) out.push_back(x);
  }
  return out;
}

int PrecisionRank(const Toponym& t) {
  if (t.precision == "city") return 0;
  if (t.precision == "admin2") return 1;
  if (t.precision == "admin1") return 2;
  return 3;
}

// The places listed together with `seed` ("Kunduz and Sar-e-Pul", "Kandahar (south) and
// Herat (west)"): neighbours joined only by commas, "and", "or", "as well as", short
// parentheses and container words.
std::vector<size_t> CoordinatedGroup(const Ctx& c, const std::vector<size_t>& cands, size_t seed) {
  const Analysis& a = *c.a;
  const auto& T = c.r->toponyms;
  std::vector<size_t> sorted = cands;
  std::sort(sorted.begin(), sorted.end(), [&](size_t x, size_t y) { return T[x].tok_begin < T[y].tok_begin; });
  auto joined = [&](const Toponym& p, const Toponym& q) {
    if (PrecisionRank(p) != PrecisionRank(q)) return false;
    bool conj = false;
    int paren = 0, inside = 0;
    for (uint32_t k = p.tok_end; k < q.tok_begin; ++k) {
      std::string_view f = a.Folded(k);
      if (f == "(") { ++paren; continue; }
      if (f == ")") { --paren; continue; }
      if (paren > 0) {
        if (++inside > 3) return false;
        continue;
      }
      if (f == "and" || f == "or" || f == "," || f == "&") { conj = true; continue; }
      if (f == "as" || f == "well" || f == "the" || f == "town" || f == "towns" || f == "city" ||
          f == "cities" || f == "village" || f == "villages" || f == "of" || f == "district" ||
          f == "districts" || f == "province" || f == "provinces" || f == "in" || f == "at" ||
          f == "near" || f == "more" || f == "others" || f == "another" ||
          a.tokens[k].kind == text::TokKind::kNumber || f == "hundreds" || f == "dozens" ||
          f == "several")
        continue;
      return false;
    }
    return conj;
  };
  size_t pos = std::find(sorted.begin(), sorted.end(), seed) - sorted.begin();
  std::vector<size_t> out{seed};
  for (size_t k = pos; k + 1 < sorted.size() && joined(T[sorted[k]], T[sorted[k + 1]]); ++k)
    out.push_back(sorted[k + 1]);
  for (size_t k = pos; k > 0 && joined(T[sorted[k - 1]], T[sorted[k]]); --k)
    out.insert(out.begin(), sorted[k - 1]);
  return out;
}

// "the city": among the cities named in the last three sentences before token k, the one
// the report names most often (the most recent on a tie).
int SalientCity(const Ctx& c, uint32_t k) {
  const Analysis& a = *c.a;
  const auto& T = c.r->toponyms;
  uint32_t sent = a.tokens[k].sentence;
  uint32_t from_sent = sent >= 3 ? sent - 3 : 0;
  int best = -1;
  uint32_t best_count = 0;
  for (uint32_t i = c.top_r[from_sent].b; i < c.top_r[sent].e; ++i) {
    const Toponym& t = T[i];
    if (t.tok_begin >= k || !IsTownLike(a, t) || !t.has_coords) continue;
    if (!IsLocationCandidate(c, i)) continue;
    uint32_t count = c.prior_mentions[i] + 1;
    if (count >= best_count) {
      best_count = count;
      best = static_cast<int>(i);
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------
// Roles

struct Roles {
  int agent = -1, patient = -1;      // indices into c.mentions
  int agent_country_toponym = -1;    // "Russian strikes": the demonym stands for its military
  bool passive = false;
};

// True if the mention is (part of) a speaker: "..., a Taliban spokesman said".
bool MentionInSpeakerSpan(const Ctx& c, const Mention& m) { return c.in_speaker[c.IndexOf(m)]; }

bool IsPassiveAt(const Analysis& a, const CueHit& h, uint32_t seg_b) {
  if (!h.verb) return false;
  if (h.form != VerbForm::kPast && h.form != VerbForm::kParticiple && !h.participle_possible)
    return false;
  // be + (adverbs) + participle
  for (uint32_t k = h.b, steps = 0; k > seg_b && steps < 4; --k, ++steps) {
    std::string_view f = a.Folded(k - 1);
    if (f == "was" || f == "were" || f == "been" || f == "being" || f == "is" || f == "are" ||
        f == "be" || f == "got" || f == "get")
      return true;
    if (!IsAdverbish(f) && f != "reportedly") break;
  }
  // "N people killed in ..." (headline style): participle right after a noun phrase and
  // followed by a preposition or the end.
  if (h.e >= a.tokens.size() || a.tokens[h.e].sentence != a.tokens[h.b].sentence) return h.b > seg_b;
  std::string_view nx = a.Folded(h.e);
  bool prep_next = nx == "in" || nx == "at" || nx == "by" || nx == "near" || nx == "during" ||
                   nx == "after" || nx == "on" || nx == "as" || nx == "when" || nx == ":" ||
                   nx == "," || nx == "." || nx == "outside" || nx == "while" || nx == "-" ||
                   nx == "across" || nx == "since" || nx == "over" || nx == "and";
  // Only verbs that take a victim or a territory as object read as reduced passives.
  bool transitive = h.cue == Cue::kKill || h.cue == Cue::kWound || h.cue == Cue::kAbduct ||
                    h.cue == Cue::kArrest || h.cue == Cue::kAttack || h.cue == Cue::kSexual ||
                    h.cue == Cue::kCapture || h.cue == Cue::kRecapture || h.cue == Cue::kStrike ||
                    h.cue == Cue::kBeat || h.cue == Cue::kStab || h.cue == Cue::kTorture ||
                    h.cue == Cue::kBomb || h.cue == Cue::kShell || h.cue == Cue::kRaid ||
                    h.cue == Cue::kAmbush || h.cue == Cue::kLoot || h.cue == Cue::kDestroy;
  if (!transitive || h.e - h.b > 2) prep_next = false;
  // "killed at least 12", "wounded about 30": a quantity is an object, not a passive.
  if (nx == "at" && (a.Is(h.e + 1, "least") || a.Is(h.e + 1, "most"))) prep_next = false;
  if (nx == "over" || nx == "as") {
    uint32_t used;
    if (ParseCount(a, h.e + 1, &used) > 0 || a.Is(h.e + 1, "many")) prep_next = false;
  }
  if (prep_next && h.b > seg_b) {
    const text::Token& pt = a.tokens[h.b - 1];
    if (pt.kind == text::TokKind::kWord && !IsAdverbish(a.Folded(pt)) &&
        a.Folded(pt) != "have" && a.Folded(pt) != "has" && a.Folded(pt) != "had")
      return true;
  }
  return false;
}

int MentionAt(const Ctx& c, uint32_t tok) {
  for (const Mention& m : c.MentionsIn(c.a->tokens[tok].sentence))
    if (m.tok_begin <= tok && tok < m.tok_end) return static_cast<int>(c.IndexOf(m));
  return -1;
}

// The first token of a mention with the demonym or the country's possessive right before
// it: "Russian Wagner mercenaries", "Rwandan troops", "Yemen's Houthi rebels".
uint32_t StartWithDemonym(const Ctx& c, uint32_t sentence, const Mention& m) {
  uint32_t p = m.tok_begin;
  for (const Toponym& t : c.ToponymsIn(sentence)) {
    if (t.tok_end == p && t.feature == "demonym") p = t.tok_begin;
    if (p > 0 && t.tok_end + 1 == p && t.precision == "country" && c.a->IsPossessive(p - 1))
      p = t.tok_begin;
  }
  return p;
}

Roles FindRolesOfPhrase(const Ctx& c, const Segment& seg, const CueHit& h);

// The agent and the patient of an event phrase (FindRolesOfPhrase), with one turn of the
// roles: whoever "hit", "struck", "stepped on" or "drove over" a mine or a bomb is its victim,
// not its author ("a convoy of soldiers hit an IED").
Roles FindRoles(const Ctx& c, const Segment& seg, const CueHit& h) {
  const Analysis& a = *c.a;
  // The means of an act ("attacked a police station with explosives", "shelled the town
  // using rockets"): the roles are the act's.
  if (!h.verb && h.b > seg.b) {
    uint32_t k = h.b - 1;
    for (int steps = 0; k > seg.b && steps < 2 && a.tokens[k].kind == text::TokKind::kWord &&
                        !a.Is(k, "with") && !a.Is(k, "using");
         ++steps)
      --k;
    if (a.Is(k, "with") || a.Is(k, "using")) {
      const CueHit* act = nullptr;
      for (uint32_t hi = c.hit_r[seg.sentence].b; hi < c.hit_r[seg.sentence].e; ++hi) {
        const CueHit& x = c.hits[hi];
        if (x.verb && x.b >= seg.b && x.e <= k && x.cue != Cue::kNotConflict) act = &x;
      }
      if (act) return FindRoles(c, seg, *act);
    }
  }
  Roles r = FindRolesOfPhrase(c, seg, h);
  // "The Malian army, backed by Russian Wagner mercenaries, took Kidal": the supporters in a
  // "backed by" aside are not the agent; the actor before the aside is.
  if (r.agent >= 0) {
    const Mention& m = c.mentions[static_cast<size_t>(r.agent)];
    const uint32_t p = StartWithDemonym(c, seg.sentence, m);
    if (p > 1 && a.Is(p - 1, "by") &&
        (a.Is(p - 2, "backed") || a.Is(p - 2, "supported") || a.Is(p - 2, "aided") ||
         a.Is(p - 2, "assisted") || a.Is(p - 2, "helped"))) {
      for (size_t k = static_cast<size_t>(r.agent); k-- > 0;) {
        const Mention& x = c.mentions[k];
        if (x.tok_begin < seg.b || x.tok_end > p - 2) break;
        if (x.pronoun || !actors::IsArmed(x.kind) || MentionInSpeakerSpan(c, x)) continue;
        r.agent = static_cast<int>(k);
        break;
      }
    }
  }
  // "Colombia's government and the ELN agreed", "Israel and Hamas agreed": the parties of an
  // agreement are the two sides of the coordination before it.
  if (h.cue == Cue::kAgree && r.agent >= 0 && r.patient < 0) {
    size_t k = static_cast<size_t>(r.agent);
    const Mention& ag = c.mentions[k];
    // (Back over the same group named twice in a row: "the ELN guerrilla".)
    while (k > 0 && c.mentions[k - 1].name == ag.name &&
           c.mentions[k - 1].tok_end + 1 >= c.mentions[k].tok_begin)
      --k;
    uint32_t p = c.mentions[k].tok_begin;
    if (p > 0 && a.Is(p - 1, "the")) --p;
    if (p > seg.b + 1 && a.Is(p - 1, "and")) {
      const uint32_t q = p - 1;  // the left side ends here
      bool found = false;
      for (size_t j = k; j-- > 0;) {
        const Mention& x = c.mentions[j];
        if (x.tok_end < q) break;
        if (x.tok_end == q && !x.pronoun && x.name != ag.name) {
          r.patient = r.agent;
          r.agent = static_cast<int>(j);
          found = true;
          break;
        }
      }
      if (!found)
        for (const Toponym& t : c.ToponymsIn(seg.sentence))
          if (t.tok_end == q && t.precision == "country" && t.feature != "demonym") {
            r.patient = r.agent;
            r.agent = -1;
            r.agent_country_toponym = static_cast<int>(c.IndexOf(t));
            break;
          }
    }
  }
  if (h.cue != Cue::kIed && h.cue != Cue::kBlast) return r;
  uint32_t k = h.b;
  for (int steps = 0; k > seg.b && steps < 4; ++steps) {
    std::string_view f = a.Folded(k - 1);
    if (f != "a" && f != "an" && f != "the" && f != "roadside" && f != "buried" &&
        f != "on" && f != "over" && f != "makeshift" && f != "homemade")
      break;
    --k;
  }
  if (k == seg.b) return r;
  std::string_view v = a.Folded(k - 1);
  if (v == "hit" || v == "hits" || v == "struck" || v == "strikes" || v == "triggered" ||
      v == "stepped" || v == "drove" || v == "ran") {
    if (r.agent >= 0 && r.patient < 0) {
      r.patient = r.agent;
      r.agent = -1;
      // "Five soldiers were killed when their vehicle hit a roadside bomb": "their" is the
      // soldiers named before it.
      if (c.mentions[static_cast<size_t>(r.patient)].pronoun) {
        for (size_t k = static_cast<size_t>(r.patient); k-- > 0;) {
          const Mention& x = c.mentions[k];
          if (x.tok_begin < seg.b) break;
          if (!x.pronoun && !MentionInSpeakerSpan(c, x)) {
            r.patient = static_cast<int>(k);
            break;
          }
        }
      }
    }
  }
  return r;
}

Roles FindRolesOfPhrase(const Ctx& c, const Segment& seg, const CueHit& h) {
  const Analysis& a = *c.a;
  Roles r;
  r.passive = IsPassiveAt(a, h, seg.b);
  // Mentions of the segment, split by side.
  int left = -1, right = -1, by = -1, on = -1, between1 = -1, between2 = -1, poss = -1;
  for (const Mention& m : c.MentionsIn(seg.sentence)) {
    const size_t i = c.IndexOf(m);
    if (m.tok_begin < seg.b || m.tok_end > seg.e) continue;
    if (MentionInSpeakerSpan(c, m)) continue;
    if (m.tok_end <= h.b) {
      // Skip mentions that are objects of "of"/"from" ("a resident of", "spokesman for").
      // Objects of prepositions are not subjects: "a resident of", "backed by Russian
      // Wagner mercenaries", "alongside clan militias".
      auto prep = [&](uint32_t k) {
        return a.Is(k, "of") || a.Is(k, "for") || a.Is(k, "by") || a.Is(k, "with") ||
               a.Is(k, "alongside") || a.Is(k, "against") || a.Is(k, "from");
      };
      uint32_t pb = m.tok_begin;
      while (pb > seg.b && pb + 2 > m.tok_begin && (a.tokens[pb - 1].flags & text::kCap) &&
             !prep(pb - 1))
        --pb;  // skip a capitalised modifier ("Russian Wagner")
      bool of_obj = pb > 0 && prep(pb - 1) && !(pb > 1 && a.Is(pb - 2, "capture"));
      // "Operatives of the DSS", "Dissidents of the FARC", "fighters of the group": the
      // people of the group act as the group.
      {
        uint32_t q = pb;
        if (q > seg.b + 1 && a.Is(q - 1, "the")) --q;
        if (q > seg.b + 1 && a.Is(q - 1, "of")) {
          static constexpr std::string_view kMembers[] = {
              "operatives", "members", "fighters", "militants", "dissidents", "agents",
              "officers", "soldiers", "troops", "units", "elements", "gunmen", "remnants",
              "commanders", "cadres", "militiamen", "loyalists", "leader", "leaders",
              "head", "chief", "delegation", "representatives", "negotiators"};
          if (OneOf(a.Folded(q - 2), kMembers)) of_obj = false;
        }
      }
      // ... or one or two lower-case words before it: "backed by (local) clan militias".
      // ("met by drug hitmen lobbing grenades": there "by" names the agent).
      uint32_t q = pb;  // the preposition sits right before q
      for (int words = 0; words < 2 && q > seg.b + 2 && !prep(q - 1); ++words) {
        if (a.tokens[q - 1].kind != text::TokKind::kWord || (a.tokens[q - 1].flags & text::kCap) ||
            a.Is(q - 1, "the") || a.Is(q - 1, "a") || a.Is(q - 1, "an"))
          break;
        --q;
      }
      if (!of_obj && q < pb && q > seg.b + 1 && prep(q - 1) &&
          (!a.Is(q - 1, "by") || a.Is(q - 2, "backed") || a.Is(q - 2, "supported") ||
           a.Is(q - 2, "aided") || a.Is(q - 2, "assisted") || a.Is(q - 2, "accompanied")))
        of_obj = true;
      if (m.tok_begin > 1 && a.Is(m.tok_begin - 1, "the") && a.Is(m.tok_begin - 2, "of")) of_obj = true;
      // Possessives right before a noun anchor: "their assault", "the Taliban's offensive".
      if (!h.verb && (m.tok_end == h.b || (m.tok_end + 1 == h.b && a.IsPossessive(m.tok_end)) ||
                      (m.tok_end + 2 >= h.b && m.tok_end < h.b && a.IsPossessive(m.tok_end)))) {
        poss = static_cast<int>(i);
      }
      if (!of_obj || left < 0) left = static_cast<int>(i);
      if (!of_obj) left = static_cast<int>(i);
    } else if (m.tok_begin >= h.e) {
      const uint32_t mb = std::max(StartWithDemonym(c, seg.sentence, m), h.e);
      std::string_view pv = mb > 0 ? a.Folded(mb - 1) : std::string_view();
      std::string_view pv2 = mb > 1 ? a.Folded(mb - 2) : std::string_view();
      // "attack by X", "were killed by X": the agent follows the phrase closely.
      if ((pv == "by" || pv2 == "by") && by < 0 && m.tok_begin <= h.e + 3) by = static_cast<int>(i);
      if ((pv == "on" || pv == "against" || pv == "targeting" || pv == "at" || pv2 == "on" ||
           pv2 == "against" || pv2 == "targeting" ||
           ((pv == "of" || pv2 == "of") && m.tok_begin - h.e <= 2)) && on < 0)
        on = static_cast<int>(i);
      if ((pv == "between" || pv2 == "between") && between1 < 0) {
        between1 = static_cast<int>(i);
      } else if (between1 >= 0 && between2 < 0 && (pv == "and" || pv2 == "and")) {
        between2 = static_cast<int>(i);
      }
      if (right < 0 && (m.tok_begin - h.e) <= 6) right = static_cast<int>(i);
    }
  }
  // "clashes between X and Y", "fighting between X and Y"
  if (between1 >= 0 && between2 >= 0) {
    r.agent = between1;
    r.patient = between2;
    return r;
  }
  // "X clashed with Y": with-object is the second side.
  if (h.cue == Cue::kClash && right >= 0 && c.mentions[right].tok_begin > 0 &&
      (a.Is(c.mentions[right].tok_begin - 1, "with") ||
       (c.mentions[right].tok_begin > 1 && a.Is(c.mentions[right].tok_begin - 2, "with")))) {
    r.agent = left;
    r.patient = right;
    return r;
  }
  // The first of coordinated agents is actor1 ("the Malian army and Wagner took Kidal");
  // for a clash the second is actor2 ("ELN and FARC dissidents clashed").
  const int left_last = left;
  if (left >= 0) {
    for (int guard = 0; guard < 3; ++guard) {
      const Mention& lm = c.mentions[static_cast<size_t>(left)];
      uint32_t j = lm.tok_begin;
      if (j >= 1 && (a.Is(j - 1, "the") || a.Is(j - 1, "its") || a.Is(j - 1, "their"))) --j;
      // "troops and clan militias": a lower-case modifier may stand between.
      for (int skip = 0; skip < 2 && j >= 2 && !a.Is(j - 1, "and") && !a.Is(j - 1, ",") &&
                         a.tokens[j - 1].kind == text::TokKind::kWord && MentionAt(c, j - 1) < 0;
           ++skip)
        --j;
      if (j < 2 || !(a.Is(j - 1, "and") || a.Is(j - 1, ","))) break;
      int prev_m = MentionAt(c, j - 2);
      if (prev_m < 0 || static_cast<uint32_t>(c.mentions[static_cast<size_t>(prev_m)].tok_begin) < seg.b) break;
      left = prev_m;
    }
  }
  if ((h.cue == Cue::kClash || h.cue == Cue::kAgree) && left >= 0 && left != left_last && !r.passive) {
    r.agent = left;
    r.patient = left_last;
    return r;
  }
  if (r.passive) {
    r.patient = left;
    r.agent = by;
    return r;
  }
  // Territory taken "from X": X lost it. ("drove Islamic State fighters out of Tikrit": the
  // group inside the phrase lost it.)
  if (h.cue == Cue::kCapture || h.cue == Cue::kRecapture || h.cue == Cue::kClear) {
    for (const Mention& m : c.MentionsIn(seg.sentence))
      if (m.tok_begin > h.b && m.tok_end < h.e && !m.pronoun) {
        r.agent = left;
        r.patient = static_cast<int>(c.IndexOf(m));
        return r;
      }
    for (const Mention& m : c.MentionsIn(seg.sentence)) {
      if (m.tok_begin < h.e || m.tok_end > seg.e || m.tok_begin == 0) continue;
      uint32_t pk = m.tok_begin - 1;
      if (a.Is(pk, "the") && pk > h.e) --pk;  // "from the RSF"
      std::string_view pv = a.Folded(pk);
      if (pv == "from" || (pv == "of" && m.tok_begin > 1 && a.Is(m.tok_begin - 2, "out"))) {
        r.agent = left;
        r.patient = static_cast<int>(c.IndexOf(m));
        return r;
      }
    }
  }
  // "police found the bodies of seven men": the dead follow "of"; who found them is nobody's
  // agent.
  if (h.cue == Cue::kBody && h.e < seg.e && a.Is(h.e, "of")) {
    for (const Mention& m : c.MentionsIn(seg.sentence))
      if (m.tok_begin > h.e && m.tok_begin <= h.e + 4 && m.tok_end <= seg.e && !m.pronoun) {
        r.patient = static_cast<int>(c.IndexOf(m));
        break;
      }
    r.agent = by;
    return r;
  }
  // "two soldiers died", "forces sustained casualties": the subject is the victim.
  if (h.cue == Cue::kDie || h.cue == Cue::kWound || h.cue == Cue::kBody) {
    r.patient = left >= 0 ? left : right;
    r.agent = by;
    return r;
  }
  if (!h.verb) {
    // Noun anchors: "attack by X on Y", "X's attack", "airstrikes on Y".
    r.agent = by >= 0 ? by : (poss >= 0 ? poss : left);
    r.patient = on;
    // A demonym right before the noun: "Russian airstrikes", "Israeli strikes".
    for (const Toponym& t : c.ToponymsIn(seg.sentence)) {
      const size_t ti = c.IndexOf(t);
      if (t.tok_end <= h.b && t.tok_end + 2 >= h.b && t.tok_begin >= seg.b &&
          (t.feature == "demonym" || t.precision == "country") && MentionAt(c, t.tok_begin) < 0) {
        r.agent_country_toponym = static_cast<int>(ti);
        if (poss < 0 && by < 0) r.agent = -1;
      }
    }
    return r;
  }
  r.agent = left;
  r.patient = right;
  // ", killing at least five": the participle's subject is the clause's subject.
  if (h.verb && h.form == VerbForm::kGerund && h.b > seg.b && a.Is(h.b - 1, ",")) {
    r.agent = -1;
    for (const Mention& m : c.MentionsIn(seg.sentence)) {
      if (m.tok_begin < seg.b || m.tok_end > h.b || MentionInSpeakerSpan(c, m)) continue;
      // Only a mention that opens the clause is its subject ("Kenyan police fired ...,
      // killing"), not an object further on ("a bomb hit an army vehicle, killing").
      uint32_t lead = seg.b;
      while (lead < m.tok_begin && (a.Is(lead, "the") || a.Is(lead, "a") || a.Is(lead, "an") ||
                                    a.tokens[lead].kind == text::TokKind::kPunct))
        ++lead;
      bool opens = m.tok_begin <= lead + 1;
      for (const Toponym& t : c.ToponymsIn(seg.sentence))
        if (t.tok_begin == lead && t.tok_end == m.tok_begin) opens = true;  // "Kenyan police"
      if (opens) r.agent = static_cast<int>(c.IndexOf(m));
      break;
    }
  }
  // A country as the subject: "Israel struck targets near Tyre" stands for its military.
  if (r.agent < 0) {
    for (const Toponym& t : c.ToponymsIn(seg.sentence)) {
      if (t.tok_end > h.b || t.tok_begin < seg.b || t.precision != "country" || t.country.empty()) continue;
      // A demonym before an actor's target ("a Somali army vehicle", "an Afghan police
      // post") names the victim's side, not a subject ("Israeli strikes ... killed").
      if (t.feature == "demonym") {
        const int mi = MentionAt(c, t.tok_end);
        if (mi >= 0) {
          const uint32_t after = c.mentions[static_cast<size_t>(mi)].tok_end;
          if (after < seg.e && (IsMilitaryTargetWord(a.Folded(after)) || a.Is(after, "vehicle") ||
                                a.Is(after, "vehicles") || a.Is(after, "truck")))
            continue;
        }
      }
      std::string_view pv = t.tok_begin > 0 ? a.Folded(t.tok_begin - 1) : std::string_view();
      if (pv == "in" || pv == "across" || pv == "into" || pv == "of" || pv == "to" || pv == "from" ||
          pv == "near" || pv == "inside" || pv == "at" || pv == "on" || IsCompassAdjective(pv))
        continue;
      // "Burkina Faso hit by two deadly attacks": after "by" comes the agent; the country
      // was hit.
      bool by_between = false;
      for (uint32_t k = t.tok_end; k < h.b && !by_between; ++k) by_between = a.Is(k, "by");
      if (by_between) continue;
      r.agent_country_toponym = static_cast<int>(c.IndexOf(t));
    }
  }
  return r;
}

ActorRef MakeActor(const Ctx& c, const Mention& m, const std::string& place_country) {
  ActorRef ar;
  ar.start = m.start;
  ar.end = m.end;
  ar.text = std::string(c.a->text.substr(m.start, m.end - m.start));
  ar.kind = std::string(actors::KindName(m.kind));
  ar.inter = static_cast<int>(m.kind);
  std::string cc = m.country;
  if (m.templated) {
    if (cc.empty()) cc = !place_country.empty() ? place_country : c.main_country;
    ar.name = cc.empty() ? actors::FillCountry(m.name, "Unknown") : actors::FillCountry(m.name, c.CountryName(cc));
    if (cc.empty()) {
      // No country known: drop the parenthesis ("Civilians").
      std::string n = m.name;
      size_t p = n.find(" ({country})");
      if (p != std::string::npos) n.erase(p);
      p = n.find(" of {country}");
      if (p != std::string::npos) n.erase(p);
      ar.name = n;
    }
  } else {
    ar.name = m.name;
  }
  ar.country = cc;
  // ACLED codes state forces acting outside their country as external forces.
  if (m.kind == Kind::kStateForces && !cc.empty() && !place_country.empty() && cc != place_country)
    ar.inter = 8;
  return ar;
}

// ---------------------------------------------------------------------------------------
// Type decision

// A sentence that reports a match result: a score ("2-1", "3–0") with a word of winning,
// losing or playing. Its clashes, battles and shots are sport ("beat Liverpool 2-1 in a
// fierce clash").
bool ReportsAScore(const Analysis& a, const text::Sentence& s) {
  bool score = false, sport = false;
  for (uint32_t k = s.begin; k + 1 < s.end; ++k) {
    const text::Token& t = a.tokens[k];
    std::string_view f = a.Folded(k);
    if (f == "beat" || f == "beats" || f == "won" || f == "drew" || f == "defeated" ||
        f == "thrashed" || f == "victory" || f == "defeat" || f == "match" || f == "game" ||
        f == "scored" || f == "goals" || f == "league" || f == "cup" || f == "season" ||
        f == "win" || f == "lost" || f == "draw" || f == "final" || f == "semi")
      sport = true;
    if (t.kind != text::TokKind::kNumber || f.size() > 2) continue;
    uint32_t j = k + 1;
    bool joined = a.tokens[j].flags & text::kHyphenBefore;
    if (!joined && a.Is(j, "-") && j + 1 < s.end) {
      joined = true;
      ++j;
    }
    if (joined && a.tokens[j].kind == text::TokKind::kNumber && a.Folded(j).size() <= 2)
      score = true;
  }
  return score && sport;
}

// An armed actor in the segment. Without the police (`police` false): the armed actors of a
// conflict, since the police alone mark crime news ("police arrested a man for theft").
bool AnyArmed(const Ctx& c, const Segment& seg, bool police = true) {
  for (const Mention& m : c.MentionsIn(seg.sentence))
    if (m.tok_begin >= seg.b && m.tok_end <= seg.e && !m.pronoun && actors::IsArmed(m.kind) &&
        (police || !m.police) && !(m.kind == Kind::kStateForces && m.weak))
      return true;
  return false;
}

bool AnyKind(const Ctx& c, const Segment& seg, Kind k) {
  for (const Mention& m : c.MentionsIn(seg.sentence))
    if (m.tok_begin >= seg.b && m.tok_end <= seg.e && !m.pronoun && m.kind == k) return true;
  return false;
}

bool HasTerritoryObject(const Ctx& c, const Segment& seg, const CueHit& h) {
  const Analysis& a = *c.a;
  const bool left_object = h.cue == Cue::kFall || IsPassiveAt(a, h, seg.b);
  // A place or a territory word after the verb (or before it for "fell", "was captured").
  for (const Toponym& t : c.ToponymsIn(seg.sentence)) {
    if (t.feature == "demonym") continue;
    if (left_object) {
      if (t.tok_end <= h.b && t.tok_begin >= seg.b) return true;
    } else if (t.tok_begin >= h.e && t.tok_begin < seg.e && t.tok_begin - h.e <= 12) {
      return true;
    } else if (t.tok_end <= h.b && t.tok_begin >= seg.b && !h.verb) {
      return true;  // "the capture of Kunduz" handled above; "Kunduz's capture"
    }
  }
  uint32_t lo = left_object ? seg.b : h.e;
  uint32_t hi = left_object ? h.b : std::min(seg.e, h.e + 10);
  for (uint32_t k = lo; k < hi; ++k)
    if (IsTerritoryWord(a.Folded(k))) return true;
  // "the city" anaphora in a quote: "Kunduz has fallen".
  if (h.cue == Cue::kFall) {
    for (uint32_t k = seg.b; k < h.b; ++k)
      if (a.Is(k, "city") || a.Is(k, "town") || a.Is(k, "it")) return true;
  }
  return false;
}

std::optional<int64_t> Fatalities(const Ctx& c, const Segment& seg,
                                  const std::vector<const CueHit*>& hs);
bool IsSingularPerson(std::string_view f);

// One person ("a man", "the suspect"), not a crowd: whatever he does is no mob violence.
bool IsLonePerson(const Analysis& a, const Mention& m) {
  return !m.pronoun && m.tok_end > m.tok_begin && IsSingularPerson(a.Folded(m.tok_end - 1));
}

// "protesting the killing of", "over the death of", "after police shot a teenager": a
// grievance or a cause told inside another event, not an event of this clause.
bool IsGrievance(const Analysis& a, const CueHit& h, uint32_t seg_b) {
  uint32_t lo = h.b > seg_b + 5 ? h.b - 5 : seg_b;
  for (uint32_t k = h.b; k-- > lo;) {
    std::string_view f = a.Folded(k);
    if (f == "over" || f == "against" || f == "protesting" || f == "protest" || f == "protests" ||
        f == "denounce" || f == "denouncing" || f == "condemn" || f == "condemning" ||
        f == "about" || f == "after" || f == "following" || f == "for" || f == "mourn" ||
        f == "mourning" || f == "demanding" || f == "demand" || f == "outrage" || f == "anger")
      return true;
    if (f == "," || f == ";") return false;
  }
  return false;
}

TypeDecision DecideType(const Ctx& c, const Segment& seg, const std::vector<const CueHit*>& hs_in,
                        const std::vector<const CueHit*>& sentence_hs) {
  // In a protest or riot, a killing named as its cause is no part of it.
  bool protest_words = false;
  for (const CueHit* h : hs_in)
    if (h->cue == Cue::kProtest || h->cue == Cue::kRiot || h->cue == Cue::kRiotAct) protest_words = true;
  if (!protest_words) protest_words = AnyKind(c, seg, Kind::kProtesters) || AnyKind(c, seg, Kind::kRioters);
  std::vector<const CueHit*> hs;
  for (const CueHit* h : hs_in) {
    // ... and so are the strikes it denounces ("marched through Berlin to denounce Turkish
    // air strikes in northern Syria").
    bool lethal_cue = h->cue == Cue::kKill || h->cue == Cue::kDie || h->cue == Cue::kShoot ||
                      h->cue == Cue::kSexual ||
                      (!h->verb && (h->cue == Cue::kAir || h->cue == Cue::kDrone ||
                                    h->cue == Cue::kShell || h->cue == Cue::kMissile ||
                                    h->cue == Cue::kIed || h->cue == Cue::kSuicide ||
                                    h->cue == Cue::kBlast || h->cue == Cue::kAttack));
    if (protest_words && lethal_cue && IsGrievance(*c.a, *h, seg.b)) continue;
    hs.push_back(h);
  }
  if (hs.empty()) return TypeDecision();
  // Phrases inside a relative clause describe ("gangs that have fought for months announced
  // a truce"); they decide only when nothing else in the clause can.
  {
    std::vector<const CueHit*> main;
    for (const CueHit* h : hs) {
      bool relative = false;
      uint32_t lo = h->b > seg.b + 4 ? h->b - 4 : seg.b;
      for (uint32_t k = lo; k < h->b; ++k) {
        std::string_view f = c.a->Folded(k);
        if (f == "that" || f == "who" || f == "which" || f == "whose") relative = true;
      }
      if (!relative) main.push_back(h);
    }
    bool main_strong = false;
    for (const CueHit* h : main) main_strong = main_strong || !h->weak;
    if (main_strong && main.size() < hs.size()) hs = main;
  }
  TypeDecision d;
  const Analysis& a = *c.a;
  auto set = [&](const char* type, const char* sub, int anchor) {
    d.type = type;
    d.subtype = sub;
    d.anchor = anchor;
    d.hit = anchor >= 0 && static_cast<size_t>(anchor) < hs.size() ? hs[static_cast<size_t>(anchor)]
                                                                     : (hs.empty() ? nullptr : hs[0]);
  };
  auto first_of = [&](std::initializer_list<Cue> cues) {
    for (size_t i = 0; i < hs.size(); ++i)
      for (Cue q : cues)
        if (hs[i]->cue == q) return static_cast<int>(i);
    return -1;
  };
  bool air_actor = false;
  for (const Mention& m : c.MentionsIn(seg.sentence))
    if (m.tok_begin >= seg.b && m.tok_end <= seg.e && m.air) air_actor = true;
  bool armed = AnyArmed(c, seg);
  bool violent_act = Has(hs, Cue::kKill) || Has(hs, Cue::kShoot) || Has(hs, Cue::kAttack) ||
                     Has(hs, Cue::kClash) || Has(hs, Cue::kRaid) || Has(hs, Cue::kAmbush) ||
                     Has(hs, Cue::kWound) || Has(hs, Cue::kDie) || Has(hs, Cue::kStrike);
  bool lethal = Has(hs, Cue::kKill) || (Has(hs, Cue::kDie) && !Has(hs, Cue::kWound)) ||
                (Has(hs, Cue::kShoot) && (a.Is(hs[Find(hs, Cue::kShoot)]->b, "opened") ||
                                          HasStrong(hs, Cue::kShoot)));
  bool aircraft = Has(sentence_hs, Cue::kAircraft) || air_actor;
  // Who is there: the evidence that this clause is about armed conflict or unrest at all.
  // News about markets, products or sport uses the same words ("rally", "fought for a
  // contract", "killed the deal", "rocket launch") without anyone armed, hurt or marching.
  const bool toll = Fatalities(c, seg, hs).has_value();
  bool people = false;  // protesters, residents, workers... as a group
  for (const Mention& m : c.MentionsIn(seg.sentence))
    if (m.tok_begin >= seg.b && m.tok_end <= seg.e && !m.pronoun &&
        (m.kind == Kind::kProtesters || m.kind == Kind::kRioters || m.kind == Kind::kCivilians))
      people = true;
  bool attack_verb = false;  // what weapons do: hit, struck, landed, fired, exploded
  for (uint32_t k = seg.b; k < seg.e; ++k) {
    std::string_view f = a.Folded(k);
    if (f == "hit" || f == "hits" || f == "struck" || f == "landed" || f == "fired" ||
        f == "exploded" || f == "explodes" || f == "launched" || f == "targeted" ||
        f == "pounded" || f == "rained" || f == "slammed" || f == "destroyed" ||
        f == "damaged" || f == "killed" || f == "wounded" || f == "injured" || f == "fell" ||
        f == "detonated" || f == "went" || f == "intercepted")
      attack_verb = true;
  }
  const bool supported_means = armed || toll || attack_verb || c.doc_conflict;
  const bool conflict_armed = AnyArmed(c, seg, /*police=*/false);
  // A weapon named without its use ("selling artillery", "a drone", "the bomb squad") is
  // no event: weak weapon words need a verb of attack, a toll or someone hurt.
  {
    // Someone hurt, an attack or clash word, or an armed party of a conflict named with it.
    // An arms deal names weapons and armies without anyone using them ("approved a deal to
    // sell NATO ally Germany four drones"): there the armed party is no evidence of use.
    auto is_weapon = [](Cue q) {
      return q == Cue::kAir || q == Cue::kDrone || q == Cue::kShell || q == Cue::kMissile ||
             q == Cue::kIed || q == Cue::kBlast || q == Cue::kGrenade || q == Cue::kChemical;
    };
    bool weak_weapon = false;  // the words below are read only for these
    for (const CueHit* h : hs) weak_weapon = weak_weapon || (is_weapon(h->cue) && h->weak && !h->verb);
    static constexpr std::string_view kTrade[] = {
        "sell", "sells", "sold", "selling", "sale", "sales", "buy", "buys", "bought",
        "buying", "purchase", "purchased", "purchases", "deal", "deals", "contract",
        "contracts", "export", "exports", "exported", "import", "imports", "imported",
        "deliver", "delivered", "delivery", "deliveries", "acquire", "acquired",
        "acquisition", "procure", "procured", "procurement", "manufacture", "manufactured",
        "manufacturer", "unveiled", "unveil", "displayed", "parade", "exhibition"};
    bool trade = false;
    for (uint32_t k = seg.b; weak_weapon && k < seg.e && !trade; ++k) trade = OneOf(a.Folded(k), kTrade);
    bool hurt = Has(hs, Cue::kKill) || Has(hs, Cue::kWound) || Has(hs, Cue::kDie) ||
                Has(hs, Cue::kShoot) || HasStrong(hs, Cue::kAttack) ||
                HasStrong(hs, Cue::kClash) || (conflict_armed && !trade);
    std::vector<const CueHit*> kept;
    for (const CueHit* h : hs) {
      const bool weapon = is_weapon(h->cue);
      // (A chemical carried by a weapon named with it, "a barrel bomb containing chlorine",
      // is used.)
      bool carried = false;
      if (h->cue == Cue::kChemical)
        for (const CueHit* x : hs)
          carried = carried || (!x->weak && x != h &&
                                (x->cue == Cue::kAir || x->cue == Cue::kShell || x->cue == Cue::kMissile ||
                                 x->cue == Cue::kBomb || x->cue == Cue::kGrenade));
      if (weapon && h->weak && !h->verb && !(toll || attack_verb || hurt || carried)) continue;
      // "a fierce attack on the government's budget plan", "attacked the reform": words
      // and ideas under attack, nobody armed or hurt.
      if (h->cue == Cue::kAttack && !conflict_armed && !toll && AttacksAnIdea(a, *h, seg.e)) continue;
      // "shot down a drone" is disrupted weapons use; "shot down rumours" is not.
      if (h->cue == Cue::kDisrupt && h->weak) {
        bool object = false;
        for (uint32_t k = h->e; k < std::min(seg.e, h->e + 5); ++k) {
          std::string_view f = a.Folded(k);
          object = object || f == "drone" || f == "drones" || f == "missile" || f == "missiles" ||
                   f == "rocket" || f == "rockets" || f == "plane" || f == "jet" ||
                   f == "helicopter" || f == "aircraft" || f == "uav" || f == "warplane" ||
                   f == "projectile" || f == "projectiles" || f == "fighter";
        }
        if (!object) continue;
      }
      kept.push_back(h);
    }
    if (kept.empty()) return d;
    hs = kept;
  }
  // A demonstration: the word for one, or protesters with something done to or by them.
  bool protest_word = false, weak_protest_word = false;
  for (const CueHit* h : hs) {
    if (h->cue != Cue::kProtest) continue;
    if (h->weak) weak_protest_word = true;
    else protest_word = true;
  }
  bool protesters_here = AnyKind(c, seg, Kind::kProtesters);
  // Plural or mass words ("protests erupted in X", "thousands marched") carry their crowd.
  bool mass = false;
  for (const CueHit* h : hs) {
    if (h->cue != Cue::kProtest || h->weak) continue;
    std::string_view f = a.Folded(h->e - 1);
    if ((f.size() > 1 && f.back() == 's') || h->e - h->b > 1 || f == "sit-in" || f == "bandh" ||
        f == "hartal" || f == "dharna")
      mass = true;
  }
  bool crowd_words = false, demand_words = false;
  for (uint32_t k = seg.b; k < seg.e; ++k) {
    std::string_view f = a.Folded(k);
    if (f == "thousands" || f == "hundreds" || f == "dozens" || f == "crowds" || f == "scores")
      mass = crowd_words = true;
  }
  // A demand may trail the clause: "blocked the highway for three hours ..., demanding
  // compensation".
  {
    const text::Sentence& ss = a.sentences[seg.sentence];
    for (uint32_t k = ss.begin; k < ss.end; ++k) {
      std::string_view f = a.Folded(k);
      if (f == "demanding" || f == "demand" || f == "demanded" || f == "chanting" ||
          f == "chanted" || f == "slogans" || f == "placards" || f == "banners")
        demand_words = true;
    }
  }
  int protest_words_n = 0;
  for (const CueHit* h : hs) protest_words_n += h->cue == Cue::kProtest;
  if (protest_words_n >= 2) mass = true;
  bool protest_ctx = (protest_word && (people || mass || c.doc_conflict)) ||
                     (weak_protest_word && protesters_here) ||
                     // "thousands of farmers marched, demanding ...", "marched ... police
                     // fired tear gas": a crowd, a demand or a dispersal makes a march one.
                     (weak_protest_word && (crowd_words || demand_words || Has(hs, Cue::kIntervene))) ||
                     (AnyKind(c, seg, Kind::kProtesters) &&
                      (Has(hs, Cue::kIntervene) || Has(hs, Cue::kRiotAct) || Has(hs, Cue::kRiot) ||
                       Has(hs, Cue::kArrest) || Has(hs, Cue::kKill) || Has(hs, Cue::kShoot) ||
                       Has(hs, Cue::kClash) || Has(hs, Cue::kBeat) || Has(hs, Cue::kWound)));

  // An agreement reached, with nothing but weak words of violence around it ("agreed to a
  // truce and the release of hostages").
  bool nonstate_party = false;
  for (const Mention& m : c.MentionsIn(seg.sentence))
    if (m.tok_begin >= seg.b && m.tok_end <= seg.e && !m.pronoun && actors::IsArmed(m.kind) &&
        m.kind != Kind::kStateForces)
      nonstate_party = true;
  // ACLED's agreements are between warring parties: a truce, a ceasefire, a peace deal, a
  // prisoner exchange, or an agreement one of whose parties is an armed group. A trade
  // deal between governments or a company's contract is none.
  const bool conflict_agreement = HasStrong(hs, Cue::kAgree) || nonstate_party;
  if (int i = first_of({Cue::kAgree}); i >= 0 && conflict_agreement) {
    bool concluded = false, other_strong = false;
    for (uint32_t k = seg.b; k < seg.e; ++k)
      if (a.Is(k, "signed") || a.Is(k, "agreed") || a.Is(k, "reached") || a.Is(k, "sign") ||
          a.Is(k, "agree") || a.Is(k, "signs") || a.Is(k, "agrees") || a.Is(k, "brokered") ||
          a.Is(k, "exchanged") || a.Is(k, "swapped"))
        concluded = true;
    for (const CueHit* h : hs)
      if (!h->weak && h->cue != Cue::kAgree && h->cue != Cue::kNotConflict) other_strong = true;
    if (concluded && !other_strong) {
      set("Strategic developments", "Agreement", i);
      return d;
    }
  }
  // Weapons seized, recovered or destroyed are disrupted weapons use.
  for (size_t i = 0; i < hs.size(); ++i) {
    Cue q = hs[i]->cue;
    bool taking = q == Cue::kCapture || q == Cue::kDestroy ||
                  (q == Cue::kArrest && false) || a.Folded(hs[i]->b).rfind("recover", 0) == 0;
    if (!taking) continue;
    for (uint32_t k = hs[i]->e; k < std::min(seg.e, hs[i]->e + 6); ++k) {
      std::string_view f = a.Folded(k);
      if (f == "weapons" || f == "arms" || f == "rifles" || f == "guns" || f == "ammunition" ||
          f == "explosives" || f == "arsenal" || f == "cache" || f == "munitions" ||
          f == "grenades" || f == "detonators" || f == "rounds" || f == "firearms") {
        set("Strategic developments", "Disrupted weapons use", static_cast<int>(i));
        return d;
      }
      if (f == "," || f == ";" || f == "." ) break;
    }
  }
  // Weapons intercepted or defused are not explosions.
  if (int i = first_of({Cue::kDisrupt}); i >= 0) {
    set("Strategic developments", "Disrupted weapons use", i);
    return d;
  }
  if (int i = first_of({Cue::kChemical}); i >= 0) {
    set("Explosions/Remote violence", "Chemical weapon", i);
    return d;
  }
  if (int i = first_of({Cue::kSuicide}); i >= 0) {
    set("Explosions/Remote violence", "Suicide bomb", i);
    return d;
  }
  if (int i = first_of({Cue::kAir, Cue::kDrone}); i >= 0 && supported_means) {
    set("Explosions/Remote violence", "Air/drone strike", i);
    return d;
  }
  if (int i = first_of({Cue::kBomb}); i >= 0 && (aircraft || !Has(hs, Cue::kIed))) {
    if (aircraft || !Has(hs, Cue::kBlast)) {
      set("Explosions/Remote violence", "Air/drone strike", i);
      return d;
    }
  }
  // Fighting in which both sides use heavy weapons or mines is a battle.
  if (int i = first_of({Cue::kClash}); i >= 0 && !hs[i]->weak &&
      (Has(hs, Cue::kShell) || Has(hs, Cue::kMissile) || Has(hs, Cue::kIed) ||
       Has(hs, Cue::kGrenade) || Has(hs, Cue::kBlast))) {
    set("Battles", "Armed clash", i);
    return d;
  }
  if (int i = first_of({Cue::kShell, Cue::kMissile}); i >= 0 && (!hs[i]->weak || supported_means)) {
    set("Explosions/Remote violence", "Shelling/artillery/missile attack", i);
    return d;
  }
  if (int i = first_of({Cue::kGrenade}); i >= 0 && !Has(hs, Cue::kIntervene) && supported_means) {
    set("Explosions/Remote violence", "Grenade", i);
    return d;
  }
  if (int i = first_of({Cue::kIed}); i >= 0 && supported_means) {
    set("Explosions/Remote violence", "Remote explosive/landmine/IED", i);
    return d;
  }
  if (int i = first_of({Cue::kBlast}); i >= 0 && (!hs[i]->weak || violent_act || armed)) {
    if (aircraft) {
      set("Explosions/Remote violence", "Air/drone strike", i);
    } else {
      set("Explosions/Remote violence", "Remote explosive/landmine/IED", i);
    }
    return d;
  }
  if (int i = first_of({Cue::kStrike}); i >= 0 && !protest_ctx) {
    // "strikes" by a military or an air arm are air strikes; by rockets, shelling.
    if (Has(hs, Cue::kMissile) || Has(hs, Cue::kShell)) {
      set("Explosions/Remote violence", "Shelling/artillery/missile attack",
          first_of({Cue::kMissile, Cue::kShell}));
      return d;
    }
    bool military_agent = HasStrong(sentence_hs, Cue::kAircraft) || air_actor;
    for (const Mention& m : c.MentionsIn(seg.sentence))
      if (m.tok_begin >= seg.b && m.tok_end <= hs[i]->b && m.kind == Kind::kStateForces && !m.police)
        military_agent = true;
    for (const Toponym& t : c.ToponymsIn(seg.sentence))
      if ((t.feature == "demonym" || t.precision == "country") && t.tok_end <= hs[i]->b &&
          t.tok_end + 2 >= hs[i]->b && t.tok_begin >= seg.b)
        military_agent = true;
    if (military_agent) {
      set("Explosions/Remote violence", "Air/drone strike", i);
      return d;
    }
  }
  if (int i = first_of({Cue::kSexual}); i >= 0) {
    set("Violence against civilians", "Sexual violence", i);
    return d;
  }
  // A mob, a lynching, vigilantes: mob violence, unless it is a demonstration.
  if (int i = first_of({Cue::kMob}); i >= 0 && !Has(hs, Cue::kProtest)) {
    // "lynched" is the act; "a mob", "vigilantes" need one ("vigilantes arrived" is none).
    // Any of its mob words may be the act ("a mob lynched": the noun comes first).
    bool act = false;
    for (size_t k = 0; k < hs.size() && !act; ++k)
      if (hs[k]->cue == Cue::kMob && (hs[k]->verb || a.Folded(hs[k]->b).rfind("lynch", 0) == 0)) {
        act = true;
        i = static_cast<int>(k);  // the act is the event's phrase: its roles are the mob's
      }
    act = act || Has(hs, Cue::kKill) || Has(hs, Cue::kBeat) || Has(hs, Cue::kStab) ||
               Has(hs, Cue::kAttack) || Has(hs, Cue::kRiotAct) || Has(hs, Cue::kTorture) ||
               Has(hs, Cue::kWound) || Has(hs, Cue::kDestroy);
    if (act) {
      set("Riots", "Mob violence", i);
      return d;
    }
  }
  // Demonstrations.
  if (protest_ctx) {
    d.protest = true;
    int k = first_of({Cue::kKill, Cue::kShoot, Cue::kDie});
    bool protesters_violent = false;
    if (k >= 0) {
      Roles pr = FindRoles(c, seg, *hs[static_cast<size_t>(k)]);
      if (pr.agent >= 0 && (c.mentions[static_cast<size_t>(pr.agent)].kind == Kind::kProtesters ||
                            c.mentions[static_cast<size_t>(pr.agent)].kind == Kind::kRioters) &&
          !pr.passive)
        protesters_violent = true;
    }
    if (k >= 0 && lethal && !protesters_violent) {
      set("Protests", "Excessive force against protesters", k);
      return d;
    }
    if (int i = first_of({Cue::kRiotAct, Cue::kRiot}); i >= 0) {
      set("Riots", "Violent demonstration", i);
      return d;
    }
    if (int i = first_of({Cue::kClash, Cue::kAttack}); i >= 0 && !hs[i]->weak) {
      Roles cr = FindRoles(c, seg, *hs[static_cast<size_t>(i)]);
      bool by_crowd = cr.agent < 0 || c.mentions[static_cast<size_t>(cr.agent)].kind == Kind::kProtesters ||
                      c.mentions[static_cast<size_t>(cr.agent)].kind == Kind::kRioters ||
                      c.mentions[static_cast<size_t>(cr.agent)].kind == Kind::kCivilians;
      if (by_crowd || hs[static_cast<size_t>(i)]->cue == Cue::kClash) {
        if (!(hs[static_cast<size_t>(i)]->cue == Cue::kClash && !by_crowd && Has(hs, Cue::kIntervene))) {
          set("Riots", "Violent demonstration", i);
          return d;
        }
      }
    }
    // What the protest is about is no intervention: "protested against the arrest of their
    // leader", "rallied over the killing of a student".
    auto grievance = [&](const CueHit& h) {
      for (uint32_t k = h.b, steps = 0; k > seg.b && steps < 4; --k, ++steps) {
        std::string_view f = a.Folded(k - 1);
        if (f == "against" || f == "over" || f == "demanding" || f == "denouncing" ||
            f == "condemning" || f == "protesting" || f == "about")
          return true;
        if (f != "the" && f != "a" && f != "an" && f != "their" && f != "his" && f != "her" &&
            f != "its" && f != "alleged" && f != "recent" && f != "last" && f != "mass")
          return false;
      }
      return false;
    };
    for (size_t i = 0; i < hs.size(); ++i) {
      const Cue q = hs[i]->cue;
      if ((q == Cue::kIntervene || q == Cue::kArrest || q == Cue::kBeat || q == Cue::kGrenade) &&
          !grievance(*hs[i])) {
        set("Protests", "Protest with intervention", static_cast<int>(i));
        return d;
      }
      // Others attacking the protesters ("Hezbollah supporters attacked protesters with
      // sticks"): ACLED's protest with intervention, by whoever intervened.
      if (q == Cue::kAttack && !grievance(*hs[i])) {
        Roles ar = FindRoles(c, seg, *hs[i]);
        auto kind = [&](int mi) { return c.mentions[static_cast<size_t>(mi)].kind; };
        // (Another crowd counts: "party supporters attacked protesters".)
        const auto head = [&](int mi) {
          return a.Folded(c.mentions[static_cast<size_t>(mi)].tok_end - 1);
        };
        if (ar.patient >= 0 && kind(ar.patient) == Kind::kProtesters &&
            (ar.agent < 0 || kind(ar.agent) != Kind::kProtesters || head(ar.agent) != head(ar.patient))) {
          set("Protests", "Protest with intervention", static_cast<int>(i));
          return d;
        }
      }
    }
    if (Has(sentence_hs, Cue::kIntervene)) {
      set("Protests", "Protest with intervention", first_of({Cue::kProtest}));
      return d;
    }
    int p = first_of({Cue::kProtest});
    if (p >= 0 || AnyKind(c, seg, Kind::kProtesters)) {
      set("Protests", "Peaceful protest", p >= 0 ? p : 0);
      return d;
    }
  }
  if (int i = first_of({Cue::kRiot}); i >= 0 && (!hs[i]->weak || violent_act)) {
    set("Riots", "Violent demonstration", i);
    return d;
  }
  // A crowd that kills or beats someone: mob violence.
  if (int i = first_of({Cue::kKill, Cue::kBeat, Cue::kStab}); i >= 0) {
    Roles mr = FindRoles(c, seg, *hs[static_cast<size_t>(i)]);
    if (mr.agent >= 0 && !mr.passive) {
      Kind k = c.mentions[static_cast<size_t>(mr.agent)].kind;
      const Mention& am = c.mentions[static_cast<size_t>(mr.agent)];
      if ((k == Kind::kRioters || k == Kind::kCivilians) && !am.pronoun && !IsLonePerson(a, am) &&
          !protest_ctx) {
        set("Riots", "Mob violence", i);
        return d;
      }
    }
  }
  // Rioters doing damage or fighting: a violent demonstration.
  if (AnyKind(c, seg, Kind::kRioters)) {
    if (int i = first_of({Cue::kRiotAct, Cue::kRiot, Cue::kAttack}); i >= 0) {
      Roles rr = FindRoles(c, seg, *hs[static_cast<size_t>(i)]);
      bool rioters_act = rr.agent >= 0 && c.mentions[static_cast<size_t>(rr.agent)].kind == Kind::kRioters;
      if (rioters_act || hs[static_cast<size_t>(i)]->cue != Cue::kAttack) {
        set("Riots", "Violent demonstration", i);
        return d;
      }
    }
  }
  if (int i = first_of({Cue::kAbduct}); i >= 0 && (!hs[i]->weak || armed)) {
    set("Violence against civilians", "Abduction/forced disappearance", i);
    return d;
  }
  // A base set up: "set up", "established", "opened" make one only with a base word after
  // them. It is the clause's event when nobody is hurt in it, even in an operation's context
  // ("set up a new base ... as part of its operation against the PKK").
  int base_cue = -1;
  if (int i = first_of({Cue::kBase}); i >= 0) {
    bool base_word = !hs[i]->weak;
    for (uint32_t k = hs[i]->e; k < std::min(seg.e, hs[i]->e + 5) && !base_word; ++k) {
      std::string_view f = a.Folded(k);
      base_word = f == "base" || f == "bases" || f == "camp" || f == "camps" || f == "headquarters" ||
                  f == "outpost" || f == "outposts" || f == "garrison" || f == "barracks";
    }
    if (base_word && (armed || !hs[i]->weak)) base_cue = i;
  }
  if (base_cue >= 0 && !Has(hs, Cue::kKill) && !Has(hs, Cue::kShoot) && !Has(hs, Cue::kDie) &&
      !Has(hs, Cue::kWound) && !HasStrong(hs, Cue::kAttack) && !HasStrong(hs, Cue::kClash) &&
      !HasStrong(hs, Cue::kAir) && !HasStrong(hs, Cue::kShell)) {
    set("Strategic developments", "Headquarters or base established", base_cue);
    return d;
  }
  // Territory.
  {
    int i = first_of({Cue::kWithdraw, Cue::kHandover, Cue::kRecapture, Cue::kCapture, Cue::kFall,
                      Cue::kClear});
    bool fall_of_place = false;
    if (i >= 0 && hs[i]->cue == Cue::kFall) {
      for (const Toponym& t : c.ToponymsIn(seg.sentence))
        if (t.has_coords && t.feature != "demonym" &&
            ((t.tok_begin >= hs[i]->e && t.tok_begin <= hs[i]->e + 1) || t.tok_end <= hs[i]->b))
          fall_of_place = true;
    }
    // "withdrew from X" hands X over; "withdrawing towards the border" does not.
    if (i >= 0 && hs[i]->cue == Cue::kWithdraw && hs[i]->weak &&
        !(a.Is(hs[i]->e, "from") || a.Is(hs[i]->e + 1, "from")))
      i = -1;
    if (i >= 0 && (conflict_armed || fall_of_place || (c.doc_conflict && !hs[i]->weak) ||
                   AnyKind(c, seg, Kind::kExternal)) &&
        HasTerritoryObject(c, seg, *hs[i]) &&
        !(hs[i]->cue == Cue::kCapture && !hs[i]->verb && Has(hs, Cue::kArrest))) {
      d.territorial = true;
      Cue q = hs[i]->cue;
      // Who took it decides between the two battle types.
      bool state_agent = false, nonstate_agent = false;
      for (const Mention& m : c.MentionsIn(seg.sentence)) {
        if (m.tok_begin < seg.b || m.tok_end > seg.e || m.pronoun) continue;
        bool before = m.tok_end <= hs[i]->b;
        bool to_obj = m.tok_begin >= hs[i]->e && m.tok_begin > 0 &&
                      (a.Is(m.tok_begin - 1, "to") || a.Is(m.tok_begin - 1, "by") ||
                       (m.tok_begin > 1 && a.Is(m.tok_begin - 2, "to")));
        if (!(before || (to_obj && (q == Cue::kFall || q == Cue::kCapture)))) continue;
        // A foreign army taking territory is, for that country, a non-state taker.
        bool foreign = false;
        if (m.kind == Kind::kStateForces || m.kind == Kind::kExternal) {
          std::string place_cc;
          for (const Toponym& t : c.ToponymsIn(seg.sentence))
            if (t.tok_begin >= hs[i]->e && t.has_coords && t.feature != "demonym" && place_cc.empty())
              place_cc = t.country;
          if (place_cc.empty() && !c.main_country.empty()) place_cc = c.main_country;
          foreign = m.kind == Kind::kExternal ||
                    (!m.country.empty() && !place_cc.empty() && m.country != place_cc);
        }
        if ((m.kind == Kind::kStateForces || m.kind == Kind::kExternal) && !foreign) {
          if (q != Cue::kFall || to_obj) state_agent = true;
        } else if (actors::IsArmed(m.kind)) {
          nonstate_agent = true;
        }
      }
      // The taker named as the verb's agent decides when there is one.
      {
        Roles tr = FindRoles(c, seg, *hs[i]);
        int ag = tr.agent;
        if (q == Cue::kFall) {
          ag = -1;
          for (const Mention& m : c.MentionsIn(seg.sentence))
            if (m.tok_begin >= hs[i]->e && m.tok_begin <= hs[i]->e + 3 && !m.pronoun) {
              ag = static_cast<int>(c.IndexOf(m));
              break;
            }
        }
        if (ag >= 0 && !c.mentions[static_cast<size_t>(ag)].pronoun) {
          const Mention& m = c.mentions[static_cast<size_t>(ag)];
          // The country of the territory taken: a place after the verb, else one in the clause.
          std::string place_cc;
          for (const Toponym& t : c.ToponymsIn(seg.sentence))
            if (t.has_coords && t.feature != "demonym" && place_cc.empty() && t.tok_begin >= hs[i]->e)
              place_cc = t.country;
          for (const Toponym& t : c.ToponymsIn(seg.sentence))
            if (t.has_coords && t.feature != "demonym" && place_cc.empty() && t.tok_begin >= seg.b)
              place_cc = t.country;
          if (place_cc.empty()) place_cc = c.main_country;
          bool state = m.kind == Kind::kStateForces &&
                       (m.country.empty() || place_cc.empty() || m.country == place_cc);
          // "the Malian army and Wagner took Kidal", "Mozambican and Rwandan troops retook
          // Mocimboa": with the country's own forces in the coordination, the state regains.
          if (!state && !place_cc.empty()) {
            const uint32_t p = StartWithDemonym(c, seg.sentence, m);
            if (p > 1 && a.Is(p - 1, "and")) {
              for (const Toponym& t : c.ToponymsIn(seg.sentence))
                if (t.tok_end == p - 1 && t.feature == "demonym" && t.country == place_cc) state = true;
              for (const Mention& x : c.MentionsIn(seg.sentence))
                if (x.tok_end == p - 1 && x.kind == Kind::kStateForces && !x.police &&
                    (x.country.empty() || x.country == place_cc))
                  state = true;
            }
          }
          if (actors::IsArmed(m.kind)) {
            state_agent = state;
            nonstate_agent = !state;
          }
        }
      }
      if (q == Cue::kWithdraw || q == Cue::kHandover || Has(sentence_hs, Cue::kNoResist) ||
          (q == Cue::kCapture && Has(sentence_hs, Cue::kWithdraw))) {
        set("Strategic developments", "Non-violent transfer of territory", i);
      } else if (q == Cue::kRecapture && nonstate_agent && !state_agent) {
        set("Battles", "Non-state actor overtakes territory", i);
      } else if (q == Cue::kRecapture || (q == Cue::kClear && state_agent) ||
                 ((q == Cue::kCapture || q == Cue::kFall) && state_agent && !nonstate_agent)) {
        set("Battles", "Government regains territory", i);
      } else if (q == Cue::kClear) {
        d.territorial = false;
        set("Battles", "Armed clash", i);
        if (!state_agent && !armed) d.type.clear();
      } else {
        set("Battles", "Non-state actor overtakes territory", i);
      }
      if (!d.type.empty()) return d;
    }
  }
  auto has_person_object = [&](const CueHit& h) {
    Roles pr = FindRoles(c, seg, h);
    if (pr.patient >= 0) return true;
    for (uint32_t k = h.e; k < std::min(seg.e, h.e + 5); ++k) {
      uint32_t used;
      if (ParseCount(a, k, &used) > 0 || IsSingularPerson(a.Folded(k)) || a.Is(k, "people") ||
          a.Is(k, "suspects") || a.Is(k, "members") || a.Is(k, "leaders") || a.Is(k, "him") ||
          a.Is(k, "her") || a.Is(k, "them") || (a.tokens[k].flags & text::kCap))
        return true;
    }
    if (pr.passive) {
      for (uint32_t k = h.b > seg.b + 6 ? h.b - 6 : seg.b; k < h.b; ++k) {
        uint32_t used;
        // A capital at the start of the sentence says nothing ("The projects were executed").
        if (ParseCount(a, k, &used) > 0 || IsSingularPerson(a.Folded(k)) || a.Is(k, "people") ||
            ((a.tokens[k].flags & text::kCap) && !(a.tokens[k].flags & text::kSentStart)))
          return true;
      }
    }
    return false;
  };
  if (int i = first_of({Cue::kArrest}); i >= 0 &&
      !(HasStrong(hs, Cue::kKill) || HasStrong(hs, Cue::kShoot)) &&
      has_person_object(*hs[static_cast<size_t>(i)])) {
    // Rounded up by an armed group, it is an abduction.
    Roles ar = FindRoles(c, seg, *hs[static_cast<size_t>(i)]);
    if (ar.agent >= 0 && !ar.passive) {
      Kind k = c.mentions[static_cast<size_t>(ar.agent)].kind;
      if (k == Kind::kRebelGroup || k == Kind::kPoliticalMilitia || k == Kind::kIdentityMilitia) {
        set("Violence against civilians", "Abduction/forced disappearance", i);
        return d;
      }
    }
    // ACLED codes arrests of political or armed actors, not routine crime: someone armed
    // or political was arrested, or the report is about a conflict.
    // "detained dozens of people who protested against the mobilisation": people arrested
    // at or for a protest told in the same sentence are a protest broken up.
    if (HasStrong(sentence_hs, Cue::kProtest) && !Has(hs, Cue::kProtest)) {
      for (const CueHit* x : sentence_hs)
        if (x->cue == Cue::kProtest && !x->weak && x->b > hs[static_cast<size_t>(i)]->e &&
            x->b <= hs[static_cast<size_t>(i)]->e + 8) {
          set("Protests", "Protest with intervention", i);
          return d;
        }
    }
    bool political = c.doc_conflict || protest_ctx;
    Roles pr = FindRoles(c, seg, *hs[static_cast<size_t>(i)]);
    if (pr.patient >= 0) {
      const Mention& pm = c.mentions[static_cast<size_t>(pr.patient)];
      if (actors::IsArmed(pm.kind) || pm.kind == Kind::kProtesters || pm.kind == Kind::kRioters)
        political = true;
    }
    for (uint32_t k = seg.b; k < seg.e && !political; ++k) {
      std::string_view f = a.Folded(k);
      political = f == "activist" || f == "activists" || f == "journalist" || f == "journalists" ||
                  f == "opposition" || f == "politician" || f == "politicians" || f == "dissident" ||
                  f == "dissidents" || f == "leader" || f == "leaders" || f == "party" ||
                  f == "lawmaker" || f == "mp" || f == "critic" || f == "critics" ||
                  f == "separatist" || f == "separatists" || f == "militant" || f == "militants" ||
                  f == "insurgents" || f == "rebels" || f == "terrorism" || f == "terrorist" ||
                  f == "treason" || f == "sedition" || f == "extremism" || f == "protest" ||
                  f == "protests" || f == "rally" || f == "blogger" || f == "student" ||
                  f == "students" || f == "union" || f == "unionists" || f == "espionage" ||
                  f == "spying" || f == "sabotage" || f == "saboteur" || f == "coup" ||
                  f == "protested" || f == "protesting" || f == "protesters" ||
                  f == "demonstrators" || f == "demonstration" || f == "rallies" ||
                  f == "dissent" || f == "anti-war" || f == "mobilisation" || f == "mobilization" ||
                  f == "political" || f == "repression" || f == "vigil" || f == "vigils" ||
                  f == "memorial" || f == "picket" || f == "pickets" || f == "ovd-info" ||
                  f == "anti-government";
    }
    if (political) {
      set("Strategic developments", "Arrests", i);
      return d;
    }
  }
  // An agreement is made when the text says it was reached: signed, agreed, announced,
  // brokered, took effect. Talks about one, or one that failed, are none.
  if (int i = first_of({Cue::kAgree}); i >= 0 && conflict_agreement) {
    bool concluded = false, failed = false;
    for (uint32_t k = seg.b; k < seg.e; ++k) {
      std::string_view f = a.Folded(k);
      if (f == "signed" || f == "sign" || f == "signs" || f == "signing" || f == "agreed" ||
          f == "agree" || f == "agrees" || f == "reached" || f == "reach" || f == "announced" ||
          f == "announce" || f == "announces" || f == "declared" || f == "declare" ||
          f == "brokered" || f == "concluded" || f == "sealed" || f == "struck" ||
          f == "accepted" || f == "exchanged" || f == "exchange" || f == "swapped" ||
          f == "swap" || f == "effect" || f == "force" || f == "began" || f == "holding")
        concluded = true;
      if (f == "postponed" || f == "delayed" || f == "collapsed" || f == "stalled" ||
          f == "failed" || f == "violated" || f == "violation" || f == "broke" || f == "rejected" ||
          f == "suspended" || f == "talks" || f == "negotiations" || f == "calls" ||
          f == "called" || f == "urged" || f == "proposed")
        failed = true;
    }
    if (concluded && !(failed && !Has(hs, Cue::kAgree))) {
      bool only_talk = failed;
      for (uint32_t k = seg.b; k < seg.e; ++k)
        if (a.Is(k, "signed") || a.Is(k, "agreed") || a.Is(k, "reached") || a.Is(k, "exchanged") ||
            a.Is(k, "announced") || a.Is(k, "took") || a.Is(k, "swapped") || a.Is(k, "declared"))
          only_talk = false;
      if (!only_talk) {
        set("Strategic developments", "Agreement", i);
        return d;
      }
    }
  }
  // A raid that only loots or burns, with nobody killed, hurt or fought: property.
  if (int i = first_of({Cue::kLoot, Cue::kDestroy}); i >= 0 && !hs[i]->weak &&
      !Has(hs, Cue::kKill) && !Has(hs, Cue::kShoot) && !Has(hs, Cue::kWound) &&
      !Has(hs, Cue::kDie) && !Has(hs, Cue::kClash) && !Has(hs, Cue::kAbduct) &&
      !Has(hs, Cue::kStab) && !Has(hs, Cue::kBeat)) {
    set("Strategic developments", "Looting/property destruction", i);
    return d;
  }
  // Violence between armed actors or against civilians.
  {
    int i = first_of({Cue::kClash, Cue::kAmbush, Cue::kSiege, Cue::kOperation, Cue::kNeutralize,
                      Cue::kKill, Cue::kShoot, Cue::kAttack, Cue::kRaid,
                      Cue::kStrike, Cue::kStab, Cue::kBeat, Cue::kTorture, Cue::kDie, Cue::kWound,
                      Cue::kBody});
    if (i >= 0) {
      const CueHit& h = *hs[i];
      Segment sg = seg;
      Roles roles = FindRoles(c, sg, h);
      auto kind_of = [&](int mi) -> int {
        if (mi < 0) return 0;
        const Mention& m = c.mentions[static_cast<size_t>(mi)];
        // A pronoun stands for an armed group most of the time, in a report about conflict;
        // elsewhere ("they saw themselves as targets") it is nobody armed.
        if (m.pronoun) return c.doc_conflict ? 2 : 0;
        return static_cast<int>(m.kind);
      };
      auto armed_k = [](int k) { return k == 1 || k == 2 || k == 3 || k == 4 || k == 8; };
      int ak = kind_of(roles.agent), pk = kind_of(roles.patient);
      // Victims named anywhere in the segment ("killing 12 civilians", "two soldiers died").
      bool civ_victims = pk == 7, armed_victims = armed_k(pk);
      if (pk == 0) {
        for (const Mention& m : c.MentionsIn(seg.sentence)) {
          // The speaker ("police said") is no victim.
          if (m.tok_begin < seg.b || m.tok_end > seg.e || m.pronoun || MentionInSpeakerSpan(c, m)) continue;
          // ... nor the subject of an act ("many feared killed as a militia attacks").
          bool acts = false;
          for (const CueHit* x : hs)
            acts = acts || (x->verb && x->b >= m.tok_end && x->b <= m.tok_end + 1 &&
                            (x->form == VerbForm::kThirdPerson || x->form == VerbForm::kBase ||
                             (x->form == VerbForm::kPast && !IsPassiveAt(a, *x, seg.b))));
          if (acts) continue;
          if (roles.agent >= 0 && (&m == &c.mentions[static_cast<size_t>(roles.agent)] ||
                                   m.name == c.mentions[static_cast<size_t>(roles.agent)].name))
            continue;
          if (m.kind == Kind::kCivilians) civ_victims = true;
          else if (actors::IsArmed(m.kind) && !m.weak) armed_victims = true;
        }
      }
      bool two_sided = Has(hs, Cue::kClash) || Has(hs, Cue::kAmbush) || Has(hs, Cue::kSiege) ||
                       Has(hs, Cue::kOffensive) ||
                       Has(hs, Cue::kOperation) || Has(hs, Cue::kNeutralize);
      bool one_sided = Has(hs, Cue::kStab) || Has(hs, Cue::kBeat) || Has(hs, Cue::kTorture) ||
                       Has(hs, Cue::kBody);
      // The target named after the act: the first word of a military or a civilian place
      // decides ("a police station" is military, "a bus station" civilian).
      // An attack word's target counts too ("many killed as militia attacks a community").
      bool military_target = false, civilian_target = false;
      for (const CueHit* x : hs) {
        if (x != &h && x->cue != Cue::kAttack && x->cue != Cue::kRaid) continue;
        bool found = false;
        for (uint32_t k = x->e; k < std::min(seg.e, x->e + 8) && !found; ++k) {
          if (IsMilitaryTargetWord(a.Folded(k))) found = military_target = true;
          else if (k < x->e + 4 && IsCivilianTargetWord(a.Folded(k))) found = civilian_target = true;
        }
        // ... or before the noun: "village attacks", "a market bombing".
        if (!x->verb && !found && x->b > seg.b && IsCivilianTargetWord(a.Folded(x->b - 1)))
          civilian_target = true;
      }
      // Support: weak cues alone (fight, strike, dead) need an armed actor or a victim.
      bool strong = false;
      for (const CueHit* x : hs)
        if (!x->weak && x->cue != Cue::kWound && x->cue != Cue::kNotConflict) strong = true;
      // Violence needs someone in it: an armed actor, a death toll, or victims that are the
      // object of the violent word ("killed the deal" has none).
      // One clashes with an armed side; "clashed with the president's adviser" is a quarrel
      // unless the report is about conflict.
      bool victims_in_role = (pk == 7 && (h.cue != Cue::kClash || c.doc_conflict)) || armed_k(pk);
      // A strong word of violence where a place is named ("clashes near Aleppo", "a guard
      // shot dead in Kabul") is an event even when nobody is named.
      bool located = false;
      for (const Toponym& t : c.ToponymsIn(seg.sentence))
        if (t.tok_begin >= seg.b && t.tok_end <= seg.e && t.has_coords && t.feature != "demonym" &&
            (t.precision != "country" || (t.tok_begin > 0 && (a.Is(t.tok_begin - 1, "in") ||
                                                             a.Is(t.tok_begin - 1, "across")))))
          located = true;
      bool vague_toll = false;  // "several killed", "dozens dead"
      for (uint32_t k = seg.b; k < seg.e; ++k)
        if (a.Is(k, "several") || a.Is(k, "dozens") || a.Is(k, "many") || a.Is(k, "scores") ||
            a.Is(k, "hundreds"))
          vague_toll = vague_toll || Has(hs, Cue::kKill) || Has(hs, Cue::kDie) || Has(hs, Cue::kWound);
      // "two new deadly attacks", "a bloody clash": the adjective tells of deaths.
      bool deadly = false;
      for (uint32_t k = h.b > seg.b + 2 ? h.b - 2 : seg.b; k < h.b; ++k)
        deadly = deadly || a.Is(k, "deadly") || a.Is(k, "fatal") || a.Is(k, "bloody") ||
                 a.Is(k, "lethal") || a.Is(k, "murderous");
      bool supported = armed || armed_victims || toll || victims_in_role || vague_toll || deadly ||
                       (civ_victims && c.doc_conflict) || (strong && located);
      if (!strong) supported = armed || armed_victims || toll || deadly;
      // Weak words of killing or beating need someone killed or beaten: "projects executed
      // by army engineers", "held on to beat the Athletics" have an actor but no victim.
      if (!strong && (h.cue == Cue::kKill || h.cue == Cue::kBeat)) {
        // ... next to the word, on its side of the verb: "the army" of "built by the army,
        // and the projects were executed by army engineers" was killed by nobody.
        bool near = false;
        if (roles.patient >= 0) {
          const Mention& pm = c.mentions[static_cast<size_t>(roles.patient)];
          near = roles.passive ? pm.tok_end <= h.b && pm.tok_end + 6 >= h.b
                               : pm.tok_begin >= h.e && pm.tok_begin <= h.e + 6;
          for (uint32_t k = std::min(pm.tok_end, h.e); near && k < std::max(pm.tok_begin, h.b); ++k)
            if (a.tokens[k].kind == text::TokKind::kPunct) near = false;  // another clause
        }
        const bool role_victim = near && (pk == 7 || armed_k(pk) ||
                                          pk == static_cast<int>(Kind::kProtesters));
        supported = toll || role_victim || (pk == 0 && (armed_victims || civ_victims));
        // "Brother of an opposition figure executed by the Taliban": a person before the
        // passive verb is the one killed.
        if (h.cue == Cue::kKill && roles.passive)
          for (uint32_t k = h.b > seg.b + 6 ? h.b - 6 : seg.b; k < h.b; ++k)
            if (IsSingularPerson(a.Folded(k)) || a.Is(k, "people") ||
                ((a.tokens[k].flags & text::kCap) && !(a.tokens[k].flags & text::kSentStart)))
              supported = true;
        // "the driver to beat -": an infinitive with no object names nobody beaten.
        if (h.b > seg.b && a.Is(h.b - 1, "to") &&
            (h.e >= seg.e || a.tokens[h.e].kind == text::TokKind::kPunct))
          supported = false;
      }
      // A body found with the marks of a killing ("bodies of three men executed", "a body
      // with signs of torture") is the victim.
      const bool killed_body = Has(hs, Cue::kBody) && BodyShowsKilling(a, seg);
      if (Has(hs, Cue::kBody) && (Has(hs, Cue::kKill) || Has(hs, Cue::kTorture) ||
                                  Has(hs, Cue::kShoot) || Has(hs, Cue::kStab) ||
                                  Has(hs, Cue::kBeat) || killed_body))
        supported = true;
      // "Two workers were killed in the explosion" in a report about a fire at a plant, with
      // nobody armed anywhere: the deaths of an accident.
      // So are those of "A bus carrying pilgrims overturned ..., killing 23 people": an
      // accident word in the sentence, nobody armed in it, nobody doing the killing.
      bool accident_here = false;
      for (const CueHit* x : sentence_hs) accident_here = accident_here || x->cue == Cue::kNotConflict;
      accident_here = accident_here && !AnyArmed(c, seg);
      if ((c.doc_not_conflict || accident_here) && roles.agent < 0 &&
          (h.cue == Cue::kDie ||
           (h.cue == Cue::kKill && (roles.passive || h.form == VerbForm::kGerund))) &&
          !Has(hs, Cue::kShoot) && !Has(hs, Cue::kStab) && !Has(hs, Cue::kBeat)) {
        d.note = "deaths with nobody to cause them in a report about an accident or a disaster: no event";
        return d;
      }
      if (!supported) {
        d.note = std::string("weak cue \"") + std::string(a.Span(h.b, h.e)) +
                 "\" without an armed actor, weapon or victims: no event";
        return d;
      }
      bool cause = Has(hs, Cue::kKill) || Has(hs, Cue::kShoot) || Has(hs, Cue::kAttack) ||
                   Has(hs, Cue::kClash) || Has(hs, Cue::kRaid) || Has(hs, Cue::kAmbush) ||
                   Has(hs, Cue::kStab) || Has(hs, Cue::kBeat) || Has(hs, Cue::kTorture) ||
                   killed_body;
      // ... or in another clause of the sentence: "The fighting is intensifying in Al
      // Dhale'e, and dozens of Houthi fighters are wounded".
      for (const CueHit* x : sentence_hs)
        if (x->cue == Cue::kClash || x->cue == Cue::kAttack || x->cue == Cue::kShell ||
            x->cue == Cue::kMissile || x->cue == Cue::kAir || x->cue == Cue::kDrone ||
            x->cue == Cue::kIed || x->cue == Cue::kSuicide || x->cue == Cue::kGrenade ||
            x->cue == Cue::kAmbush || x->cue == Cue::kShoot)
          cause = true;
      // Fighters of an armed group who die ("200 terrorists perished", "militants were
      // killed") died fighting: that is the cause.
      bool fighters_died = false;
      if (h.cue == Cue::kDie)
        for (const Mention& m : c.MentionsIn(seg.sentence))
          // ... the fighters themselves: next to the word of death ("200 terrorists
          // perished", "the deaths of 12 militants"), not a group named elsewhere in the
          // clause ("the death of the opposition icon ... the MDC").
          if (m.tok_begin >= seg.b && m.tok_end <= seg.e && !m.pronoun &&
              actors::IsArmed(m.kind) && m.kind != Kind::kStateForces && !m.weak &&
              m.tok_end + 4 >= h.b && m.tok_begin <= h.e + 4)
            fighters_died = true;
      if ((h.cue == Cue::kDie || h.cue == Cue::kWound || h.cue == Cue::kBody) && !cause &&
          !fighters_died) {
        if (!(h.cue == Cue::kBody && Has(hs, Cue::kShoot))) {
          d.note = "deaths or injuries without a cause of violence: no event";
          return d;
        }
      }
      // A raid to arrest people, with nobody hurt, is the arrest ("raided the homes of
      // believers, detaining six"): that event is coded from the arrest word.
      // So is a police raid on a warehouse with nobody hurt (a drug seizure, a search).
      if (h.cue == Cue::kRaid && (Has(sentence_hs, Cue::kArrest) || !conflict_armed) &&
          !Has(hs, Cue::kKill) &&
          !Has(hs, Cue::kShoot) && !Has(hs, Cue::kWound) && !Has(hs, Cue::kDie) && !toll) {
        d.note = "a raid that detains people: the arrest is the event";
        return d;
      }
      // Two crowds fighting with stones and sticks, party workers or villagers clashing,
      // nobody armed with guns: a riot between communities, not a battle ("BJP and TMC
      // workers clashed", "two groups clashed over a land dispute; stones were hurled").
      bool armed_side = false, crowd = false;
      for (const Mention& m : c.MentionsIn(seg.sentence)) {
        if (m.tok_begin < seg.b || m.tok_end > seg.e || m.pronoun) continue;
        if (m.kind == Kind::kCivilians || m.kind == Kind::kProtesters || m.kind == Kind::kRioters) {
          // (a speaker is no party; "People's" in a group's name is no crowd)
          if (!MentionInSpeakerSpan(c, m) && !(a.tokens[m.tok_begin].flags & text::kCap))
            crowd = true;
        } else if (actors::IsArmed(m.kind) && !m.police) {
          // A party's workers or supporters are a crowd of the party, not its militia.
          const bool party_crowd =
              m.kind == Kind::kPoliticalMilitia && m.tok_end < seg.e &&
              (a.Is(m.tok_end, "workers") || a.Is(m.tok_end, "supporters") ||
               a.Is(m.tok_end, "activists") || a.Is(m.tok_end, "cadres") ||
               a.Is(m.tok_end, "members") || a.Is(m.tok_end, "followers") ||
               (a.Is(m.tok_end, "and") && m.tok_end + 2 < seg.e &&
                (a.Is(m.tok_end + 2, "workers") || a.Is(m.tok_end + 2, "supporters"))));
          if (!party_crowd) armed_side = true;
        }
      }
      if (Has(hs, Cue::kClash) && !armed_side) {
        bool melee = false, guns = false;
        const text::Sentence& ss = a.sentences[seg.sentence];
        for (uint32_t k = ss.begin; k < ss.end; ++k) {
          std::string_view f = a.Folded(k);
          if (f == "groups" || f == "supporters" || f == "workers" || f == "villagers" ||
              f == "communities" || f == "clans" || f == "tribes")
            crowd = true;
          if (f == "stones" || f == "stone" || f == "sticks" || f == "rods" || f == "machetes" ||
              f == "knives" || f == "clubs" || f == "brickbats" || f == "bricks" || f == "axes" ||
              f == "swords" || f == "spears" || f == "torched")
            melee = true;
          if (f == "gunfire" || f == "guns" || f == "gun" || f == "rifles" || f == "bullets" ||
              f == "firing" || f == "shots" || f == "shot" || f == "shooting" || f == "gunmen" ||
              f == "fire" || f == "fired" || f == "artillery" || f == "mortars" || f == "rockets" ||
              f == "forces" || f == "troops" || f == "soldiers")
            guns = true;
        }
        if ((crowd || melee) && !guns && (crowd || !c.doc_conflict)) {
          set("Riots", "Mob violence", i);
          return d;
        }
      }
      // A mob is a crowd: one man who shot or stabbed someone is no riot ("a man
      // threatening people with a gun", "the suspect stabbed him").
      const bool lone_agent =
          roles.agent >= 0 && IsLonePerson(a, c.mentions[static_cast<size_t>(roles.agent)]);
      const bool mob_agent = (ak == 5 || ak == 7) && !roles.passive && !lone_agent;
      if (mob_agent && !two_sided && !armed_victims &&
          roles.agent >= 0 && !c.mentions[static_cast<size_t>(roles.agent)].pronoun) {
        set("Riots", "Mob violence", i);
      } else if (two_sided && !(civ_victims && !armed_victims && !Has(hs, Cue::kClash))) {
        set("Battles", "Armed clash", i);
      } else if (one_sided || (civ_victims && !armed_victims) ||
                 (civilian_target && !armed_victims && !armed_k(pk))) {
        set("Violence against civilians", "Attack", i);
      } else if (armed_victims || (armed_k(ak) && armed_k(pk)) || military_target) {
        set("Battles", "Armed clash", i);
      } else if (mob_agent) {
        set("Riots", "Mob violence", i);
      } else if (armed_k(ak) && !civilian_target && !civ_victims && !toll &&
                 (h.cue == Cue::kAttack || h.cue == Cue::kRaid) && h.verb && !roles.passive &&
                 h.e < seg.e && a.tokens[h.e].kind == text::TokKind::kWord &&
                 !a.Is(h.e, "in") && !a.Is(h.e, "on") && !a.Is(h.e, "at") && !a.Is(h.e, "near")) {
        // An armed group storming a bridge, a headquarters or a town, with nobody named
        // hurt: an assault on whoever holds it, a battle. (The noun alone, "terrorist
        // attacks", stays an attack.)
        set("Battles", "Armed clash", i);
      } else {
        set("Violence against civilians", "Attack", i);
      }
      return d;
    }
  }
  if (int i = first_of({Cue::kLoot}); i >= 0 && (!hs[i]->weak || armed)) {
    set("Strategic developments", "Looting/property destruction", i);
    return d;
  }
  if (int i = first_of({Cue::kDestroy}); i >= 0) {
    // "destroyed 65 soldiers", "destroyed enemy positions": a battle report.
    Roles dr = FindRoles(c, seg, *hs[i]);
    bool armed_obj = dr.patient >= 0 && actors::IsArmed(c.mentions[static_cast<size_t>(dr.patient)].kind) &&
                     !dr.passive;
    for (uint32_t k = hs[i]->e; k < std::min(seg.e, hs[i]->e + 5); ++k)
      if (a.Is(k, "positions") || a.Is(k, "tanks") || a.Is(k, "tank") || a.Is(k, "vehicles") ||
          a.Is(k, "armoured") || a.Is(k, "armored") || a.Is(k, "artillery"))
        armed_obj = true;
    if (armed_obj && armed) {
      set("Battles", "Armed clash", i);
      return d;
    }
  }
  if (int i = first_of({Cue::kDestroy, Cue::kRiotAct}); i >= 0 && (!hs[i]->weak || armed)) {
    set("Strategic developments", "Looting/property destruction", i);
    return d;
  }
  if (base_cue >= 0) {
    set("Strategic developments", "Headquarters or base established", base_cue);
    return d;
  }
  if (int i = first_of({Cue::kChange}); i >= 0 && armed) {
    set("Strategic developments", "Change to group/activity", i);
    return d;
  }
  if (int i = first_of({Cue::kOther}); i >= 0) {
    set("Strategic developments", "Other", i);
    return d;
  }
  return d;
}

// The phrases a decision accounts for: the deciding family's and the violence it implies.
std::vector<const CueHit*> Remaining(const std::vector<const CueHit*>& hs, const TypeDecision& d) {
  auto violence = [](Cue q) {
    return q == Cue::kKill || q == Cue::kShoot || q == Cue::kStab || q == Cue::kBeat ||
           q == Cue::kTorture || q == Cue::kWound || q == Cue::kDie || q == Cue::kBody ||
           q == Cue::kAttack || q == Cue::kRaid || q == Cue::kStrike || q == Cue::kOffensive ||
           q == Cue::kAmbush || q == Cue::kClash || q == Cue::kSiege || q == Cue::kOperation ||
           q == Cue::kNeutralize;
  };
  auto means = [](Cue q) {
    return q == Cue::kAir || q == Cue::kDrone || q == Cue::kAircraft || q == Cue::kBomb ||
           q == Cue::kShell || q == Cue::kMissile || q == Cue::kIed || q == Cue::kBlast ||
           q == Cue::kSuicide || q == Cue::kGrenade || q == Cue::kChemical || q == Cue::kStrike;
  };
  auto territory = [](Cue q) {
    return q == Cue::kCapture || q == Cue::kFall || q == Cue::kRecapture || q == Cue::kClear ||
           q == Cue::kWithdraw || q == Cue::kHandover || q == Cue::kNoResist;
  };
  auto demo = [](Cue q) {
    return q == Cue::kProtest || q == Cue::kIntervene || q == Cue::kRiotAct || q == Cue::kRiot;
  };
  std::vector<const CueHit*> out;
  for (const CueHit* h : hs) {
    Cue q = h->cue;
    bool used = h == d.hit;
    if (d.type == "Explosions/Remote violence") used = used || means(q) || violence(q);
    else if (d.type == "Battles") used = used || violence(q) || territory(q) || means(q);
    else if (d.subtype == "Attack") used = used || violence(q);
    else if (d.subtype == "Sexual violence") used = used || q == Cue::kSexual || violence(q);
    else if (d.subtype == "Abduction/forced disappearance") used = used || q == Cue::kAbduct;
    else if (d.type == "Protests" || d.type == "Riots")
      used = used || demo(q) || violence(q) || q == Cue::kMob || q == Cue::kArrest ||
             q == Cue::kDestroy || q == Cue::kLoot;
    else if (d.subtype == "Non-violent transfer of territory") used = used || territory(q);
    else if (d.subtype == "Disrupted weapons use") used = used || q == Cue::kDisrupt || means(q) || q == Cue::kCapture || q == Cue::kDestroy;
    else if (d.subtype == "Looting/property destruction") used = used || q == Cue::kLoot || q == Cue::kDestroy || q == Cue::kRiotAct;
    else used = used || h->cue == d.hit->cue;
    if (!used) out.push_back(h);
  }
  return out;
}

std::string Cameo(const std::string& sub) {
  static const std::map<std::string, std::string> kMap = {
      {"Armed clash", "193"},
      {"Government regains territory", "192"},
      {"Non-state actor overtakes territory", "192"},
      {"Chemical weapon", "2041"},
      {"Air/drone strike", "195"},
      {"Suicide bomb", "1831"},
      {"Shelling/artillery/missile attack", "194"},
      {"Remote explosive/landmine/IED", "1833"},
      {"Grenade", "183"},
      {"Sexual violence", "1821"},
      {"Attack", "180"},
      {"Abduction/forced disappearance", "181"},
      {"Peaceful protest", "141"},
      {"Protest with intervention", "141"},
      {"Excessive force against protesters", "175"},
      {"Violent demonstration", "145"},
      {"Mob violence", "145"},
      {"Agreement", "057"},
      {"Arrests", "173"},
      {"Looting/property destruction", "171"},
      {"Non-violent transfer of territory", "0874"},
  };
  auto it = kMap.find(sub);
  return it == kMap.end() ? std::string() : it->second;
}

// ---------------------------------------------------------------------------------------
// Segments

std::vector<Segment> Segments(const Analysis& a, const text::Sentence& s, uint32_t si,
                              const std::vector<const CueHit*>& hits) {
  std::vector<Segment> out;
  uint32_t b = s.begin;
  for (uint32_t i = s.begin; i < s.end; ++i) {
    std::string_view f = a.Folded(i);
    bool cut = false;
    uint32_t next = i + 1;
    if (f == ";") cut = true;
    // "..., a day after a rally turned violent": the subordinate clause tells its own event.
    if ((f == "after" || f == "before" || f == "following") && i > b + 2 && i + 2 < s.end) {
      // Only a clause that tells something of its own (an event phrase before the next
      // comma) is cut off: "a day after a rally turned violent", not "after Friday prayers".
      uint32_t stop = i + 1;
      while (stop < s.end && !a.Is(stop, ",") && !a.Is(stop, ";")) ++stop;
      for (const CueHit* h : hits)
        if (h->b > i && h->b < stop && h->cue != Cue::kNotConflict && h->verb) cut = true;
    }
    if (f == "," && i + 2 < s.end && a.Is(i + 1, "and") && i > b + 2) {
      uint32_t stop = i + 2;
      while (stop < s.end && !a.Is(stop, ",") && !a.Is(stop, ";")) ++stop;
      bool subject = false, event = false;
      for (uint32_t k = i + 2; k < std::min(stop, i + 6); ++k)
        if (a.tokens[k].kind == text::TokKind::kNumber || (a.tokens[k].flags & text::kCap) ||
            a.Is(k, "the") || a.Is(k, "a") || a.Is(k, "an") || a.Is(k, "they") || a.Is(k, "he"))
          subject = true;
      for (const CueHit* h : hits)
        if (h->b > i + 1 && h->b < stop && h->cue != Cue::kNotConflict && !h->weak) event = true;
      if (subject && event) {
        out.push_back({b, i, si});
        b = i + 2;
        continue;
      }
    }
    if (f == "," && i + 1 < s.end) {
      std::string_view nx = a.Folded(i + 1);
      if (nx == "while" || nx == "whereas" || nx == "but" || nx == "meanwhile") cut = true;
    }
    if (cut && i > b) {
      out.push_back({b, i, si});
      b = next;
    }
  }
  if (b < s.end) out.push_back({b, s.end, si});
  return out;
}

// ---------------------------------------------------------------------------------------
// Modality

// "The attack was the latest in a series of deadly clashes between farmers and herders":
// the series is the report's background.
bool InLatestSeries(const Analysis& a, const CueHit& h) {
  const uint32_t s0 = a.sentences[a.tokens[h.b].sentence].begin;
  for (uint32_t k = h.b; k-- > (h.b > s0 + 5 ? h.b - 5 : s0);) {
    if (!a.Is(k + 1, "of") || !(a.Is(k, "series") || a.Is(k, "string") || a.Is(k, "spate") ||
                                 a.Is(k, "wave") || a.Is(k, "cycle")))
      continue;
    for (uint32_t j = k > s0 + 4 ? k - 4 : s0; j < k; ++j)
      if (a.Is(j, "latest")) return true;
  }
  return false;
}

std::string Modality(const Ctx& c, const Segment& seg, const CueHit& h, bool* planned_future) {
  const Analysis& a = *c.a;
  *planned_future = false;
  // Said inside a denial: "the army denied that its forces shelled the town".
  int sp = a.SpeechOf(h.b);
  if (sp >= 0) {
    const text::Speech& speech = a.speech[static_cast<size_t>(sp)];
    if (speech.verb >= 0) {
      std::string_view vf = a.Folded(static_cast<uint32_t>(speech.verb));
      if (vf == "denied" || vf == "denies" || vf == "deny" || vf == "rejected" || vf == "dismissed")
        return "negated";
    }
  }
  // "Ten years after militants seized Mosul": told as the past of the report.
  {
    uint32_t sb = a.sentences[a.tokens[h.b].sentence].begin;
    for (uint32_t k = h.b; k-- > sb && h.b - k < 10;) {
      if (!(a.Is(k, "after") || a.Is(k, "since"))) continue;
      for (uint32_t j = k > sb + 3 ? k - 3 : sb; j < k; ++j)
        if (a.Is(j, "years") || a.Is(j, "decade") || a.Is(j, "decades") || a.Is(j, "year"))
          return "background";
      break;
    }
  }
  // A war's cumulative toll ("The war has killed tens of thousands") and a struggle told as
  // lasting since long ago ("which has been fighting the army since April 2023") are the
  // report's background, not new events.
  {
    if (h.cue == Cue::kKill && h.b > seg.b && (a.Is(h.b - 1, "has") || a.Is(h.b - 1, "have"))) {
      // The subject may sit before an aside: "The war, which erupted in April, has killed".
      const uint32_t s0 = a.sentences[seg.sentence].begin;
      for (uint32_t k = h.b > s0 + 12 ? h.b - 12 : s0; k < h.b; ++k)
        if (a.Is(k, "war") || a.Is(k, "conflict") || a.Is(k, "violence") || a.Is(k, "insurgency") ||
            a.Is(k, "crisis") || a.Is(k, "fighting") || a.Is(k, "civil"))
          return "background";
    }
    // "Clashes ... have killed more than 130 people since May": a toll summed over months,
    // whichever of the clause's words the event hangs on. The time expression after "since"
    // names a month or a year (value "2023-05", "2019"), not a day.
    uint32_t perfect = seg.e;
    for (uint32_t k = seg.b; k + 1 < seg.e && perfect == seg.e; ++k)
      if ((a.Is(k, "has") || a.Is(k, "have")) && (a.Is(k + 1, "killed") || a.Is(k + 1, "left")))
        perfect = k + 2;
    {
      for (uint32_t k = perfect; k + 1 < seg.e; ++k) {
        if (!a.Is(k, "since")) continue;
        const Ctx::Range tr = c.tim_r[seg.sentence];
        for (uint32_t ti = tr.b; ti < tr.e; ++ti) {
          const Timex& t = c.r->timex[ti];
          if (t.tok_begin == k + 1 && t.type == "DATE" && (t.value.size() == 7 || t.value.size() == 4))
            return "background";
        }
      }
    }
    if (h.verb && h.form == VerbForm::kGerund && h.b > seg.b && a.Is(h.b - 1, "been")) {
      for (uint32_t k = h.e; k + 1 < seg.e; ++k) {
        if (!a.Is(k, "since") && !a.Is(k, "for")) continue;
        for (uint32_t j = k + 1; j < std::min(seg.e, k + 5); ++j) {
          std::string_view f = a.Folded(j);
          if (f == "years" || f == "decades" || f == "decade" || f == "months" ||
              (f.size() == 4 && f[0] >= '1' && f[0] <= '2' && f[1] >= '0' && f[1] <= '9'))
            return "background";
        }
      }
    }
  }
  if (InLatestSeries(a, h)) return "background";
  // A court's frame tells of an earlier deed, not a new event: "convicted of attempting to
  // possess", "charged with killing", "accused of murdering", "sentenced for".
  {
    uint32_t lo2 = h.b > seg.b + 7 ? h.b - 7 : seg.b;
    for (uint32_t k = lo2; k < h.b; ++k) {
      std::string_view f = a.Folded(k);
      if (IsCourtWord(f) || f == "accused" || (f == "suspected" && a.Is(k + 1, "of")))
        return "background";
    }
  }
  // The marker nearest to the phrase decides ("warned that rebels could attack": could).
  uint32_t lo = h.b > seg.b + 6 ? h.b - 6 : seg.b;
  for (uint32_t k = h.b; k-- > lo;) {
    std::string_view f = a.Folded(k);
    if (f == "," || f == ";") break;
    if (IsNegation(f) || f == "nobody" || f == "none") {
      if (f == "not" && a.Is(k + 1, "only")) continue;
      return "negated";
    }
    if (IsAttemptMarker(a, k)) return "attempted";
    // "Many feared killed", "three feared dead": a toll told with caution, not a fear of one.
    if (IsHypotheticalMarker(f) && !(f == "feared" && k + 1 == h.b)) return "hypothetical";
    if (IsFutureMarker(f) && ((f != "called" && f != "calls" && f != "call") || a.Is(k + 1, "for"))) {
      *planned_future = true;
      return "planned";
    }
    if (f == "to" && k + 1 == h.b && h.verb && h.form == VerbForm::kBase) {
      // "trying to retake": attempted; "could try to": hypothetical; else planned.
      if (k > lo && IsAttemptMarker(a, k - 1)) return "attempted";
      if (k > lo && IsHypotheticalMarker(a.Folded(k - 1))) return "hypothetical";
      if (k > lo && IsNegation(a.Folded(k - 1))) return "negated";
      bool attempt_before = false;
      for (uint32_t j = k; j-- > lo;) {
        if (IsAttemptMarker(a, j)) attempt_before = true;
        if (a.Is(j, ",")) break;
      }
      if (attempt_before) return "attempted";
      *planned_future = true;
      return "planned";
    }
  }
  return "asserted";
}

// ---------------------------------------------------------------------------------------
// Fatalities

bool IsSingularPerson(std::string_view f) {
  static constexpr std::string_view kList[] = {
      "man", "woman", "boy", "girl", "child", "teenager", "person", "civilian", "resident",
      "villager", "farmer", "journalist", "reporter", "teacher", "student", "driver", "soldier",
      "policeman", "policewoman", "officer", "official", "trader", "shopkeeper", "herder",
      "shepherd", "priest", "imam", "pastor", "chief", "elder", "activist", "lawyer", "judge",
      "doctor", "nurse", "worker", "passenger", "baby", "infant", "pilgrim", "motorist",
      "pedestrian", "protester", "demonstrator", "fighter", "militant", "manager",
      "businessman", "leader", "commander", "guard", "politician", "councillor", "councilor",
      "mayor", "classmate", "son", "daughter", "father", "mother", "husband", "wife", "youth",
      "teen", "monk", "nun", "gendarme", "serviceman", "rebel", "insurgent", "jihadist",
      "collaborator", "informant", "suspect", "thief", "vendor", "engineer", "contractor",
      "brother", "sister", "uncle", "aunt", "cousin", "nephew", "niece", "grandson",
      "granddaughter", "relative"};
  return OneOf(f, kList);
}

std::optional<int64_t> Fatalities(const Ctx& c, const Segment& seg,
                                  const std::vector<const CueHit*>& hs) {
  const Analysis& a = *c.a;
  for (const CueHit* h : hs) {
    bool lynch = h->cue == Cue::kMob && a.Folded(h->b).rfind("lynch", 0) == 0;
    // The dead of a killing found later count too ("the bodies of seven men dumped").
    if (h->cue != Cue::kKill && h->cue != Cue::kDie && h->cue != Cue::kBody && !lynch) continue;
    std::string_view hf = a.Folded(h->b);
    if (h->cue == Cue::kDie && (hf == "death" || hf == "deaths") && !a.Is(h->b + 1, "toll")) continue;
    auto is_timey = [&](uint32_t k) {
      const Ctx::Range tr = c.tim_r[seg.sentence];
      for (uint32_t ti = tr.b; ti < tr.e; ++ti)
        if (const Timex& t = c.r->timex[ti]; k >= t.tok_begin && k < t.tok_end) return true;
      if (k + 1 < a.tokens.size()) {
        std::string_view nx = a.Folded(k + 1);
        if (nx == "km" || nx == "kilometres" || nx == "kilometers" || nx == "miles" ||
            nx == "percent" || nx == "%" || nx == "years" || nx == "year" || nx == "hours" ||
            nx == "days" || nx == "metres" || nx == "meters")
          return true;
      }
      return false;
    };
    // The victims named in a phrase, summed over its parts: "two security personnel and
    // three Maoists" (5), "ten policemen and their driver" (11), "a woman and her two
    // children" (3). The phrase ends at a verb, a preposition or a clause break.
    auto victims = [&](uint32_t b, uint32_t e) -> int64_t {
      int64_t sum = 0;
      bool found = false;
      bool joined = true;  // a new part may start: at the beginning or after "and" / ","
      for (uint32_t k = b; k < e; ++k) {
        std::string_view f = a.Folded(k);
        // Quantifiers before a number: "at least 40", "more than 20", "up to 12".
        if ((f == "at" && (a.Is(k + 1, "least") || a.Is(k + 1, "most"))) ||
            (f == "more" && a.Is(k + 1, "than")) || (f == "up" && a.Is(k + 1, "to")) ||
            (f == "as" && a.Is(k + 1, "many"))) {
          ++k;
          if (a.Is(k + 1, "as")) ++k;
          continue;
        }
        if (f == "about" || f == "nearly" || f == "almost" || f == "around" || f == "some" ||
            f == "over" || f == "roughly" || f == "approximately")
          continue;
        if (f == "and") {
          joined = true;
          continue;
        }
        if (f == ",") {
          // A comma joins parts only in a list that goes on to "and" ("X, Y and Z"); else
          // it ends the phrase ("killing four people, the mayor said").
          bool list = false;
          for (uint32_t j = k + 1; j < std::min(e, k + 7); ++j)
            if (a.Is(j, "and")) list = true;
          if (!list) break;
          joined = true;
          continue;
        }
        if (f == "of" || f == "for" || f == "to" || f == "in" || f == "were" || f == "was" || f == "when" || f == "after" || f == "on" ||
            f == "at" || f == "by" || f == "during" || f == "while" || f == "as" || f == "have" ||
            f == "had" || f == "has" || f == "killed" || f == "died" || f == "dead" || f == ";" ||
            f == "." || f == "wounding" || f == "injuring" || f == "wounded" || f == "injured" ||
            f == "including" || f == "among" || f == "near" || f == "from" || f == "with" ||
            f == "displaced" || f == "displacing" || f == "forced" || f == "leaving" ||
            f == "uprooted" || f == "left")
          break;
        uint32_t used;
        int64_t v = ParseCount(a, k, &used);
        if (v > 0 && !is_timey(k)) {
          if (!joined) break;  // a number inside a part ("seven members of one family")
          sum += v;
          found = true;
          joined = false;
          k += used - 1;
          continue;
        }
        if (IsSingularPerson(f) && k > b && joined) {
          std::string_view d = a.Folded(k - 1);
          std::string_view d2 = k > b + 1 ? a.Folded(k - 2) : std::string_view();
          auto det = [](std::string_view x) {
            return x == "a" || x == "an" || x == "his" || x == "her" || x == "their" ||
                   x == "its" || x == "the";
          };
          if (det(d) || det(d2)) {
            sum += 1;
            found = true;
            joined = false;
          }
        }
      }
      return found ? sum : -1;
    };
    // Intransitive and passive words have their victims before them ("two soldiers died",
    // "12 people were killed"); active ones after ("killing at least 12").
    // "the bodies of seven men" name them after "of"; "seven men were found dead" before.
    const bool bodies_of = h->cue == Cue::kBody && a.Is(h->e, "of");
    const bool victims_before =
        h->cue == Cue::kDie || (h->cue == Cue::kBody && !bodies_of) || IsPassiveAt(a, *h, seg.b);
    // After the cue: "killing at least 12", "death toll rose to 30", "killed 5 soldiers".
    if (!victims_before || (h->cue == Cue::kDie && a.Is(h->b + 1, "toll"))) {
      int64_t v = victims(h->e + (bodies_of ? 1 : 0), std::min(seg.e, h->e + 14));
      if (v > 0) return v;
    }
    // Before it: "12 people were killed", "two soldiers died", "left 5 dead": the phrase
    // starts after the last clause break before the cue.
    {
      uint32_t lo = h->b > seg.b + 14 ? h->b - 14 : seg.b;
      uint32_t start = lo;
      for (uint32_t k = h->b; k-- > lo;) {
        std::string_view f = a.Folded(k);
        if (f == ";" || f == ":" || (f == "," && !(k + 1 < h->b && a.tokens[k + 1].kind == text::TokKind::kNumber))) {
          start = k + 1;
          break;
        }
      }
      int64_t v = victims(start, h->b);
      if (v > 0) return v;
    }
    // One named victim: "killed a farmer", "a journalist was shot dead", "lynched a man".
    if (h->cue == Cue::kDie && !lynch) continue;
    auto singular_at = [&](uint32_t b, uint32_t e) {
      for (uint32_t k = b; k < e && k < seg.e; ++k) {
        std::string_view f = a.Folded(k);
        if (f == "," || f == ";" || f == "and") return false;
        if (IsSingularPerson(f)) {
          // "a/an/one/the ... farmer", not "farmers" (the list holds singular forms only).
          for (uint32_t j = k; j-- > b;) {
            std::string_view d = a.Folded(j);
            if (d == "a" || d == "an" || d == "one" || d == "the" || d == "his" || d == "her" ||
                d == "their" || d == "its")
              return true;
          }
          return k == b;
        }
      }
      return false;
    };
    if (singular_at(h->e, std::min(seg.e, h->e + 5))) return 1;
    uint32_t lo2 = h->b > seg.b + 6 ? h->b - 6 : seg.b;
    if (singular_at(lo2, h->b)) return 1;
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------
// Dates

std::optional<When> WhenFromTimex(const Timex& t) {
  if (t.first_day.empty() || t.type == "DURATION" || t.type == "SET" || !t.anchored)
    return std::nullopt;
  When w;
  w.start = t.start;
  w.end = t.end;
  w.text = t.text;
  w.precision = t.precision.empty() ? "day" : t.precision;
  if (w.precision == "day") {
    w.date = t.first_day;
  } else if (w.precision == "month") {
    w.date = t.first_day.substr(0, 7);
    w.end_date = t.last_day;
  } else if (w.precision == "year") {
    w.date = t.first_day.substr(0, 4);
    w.end_date = t.last_day;
  } else {
    w.date = t.first_day;
    w.end_date = t.last_day;
  }
  return w;
}

bool TimexUsableForEvent(const Analysis& a, const Timex& t) {
  if (t.first_day.empty() || t.type == "DURATION" || t.type == "SET" || !t.anchored) return false;
  if (t.mod == "AFTER" || t.mod == "ON_OR_AFTER" || t.mod == "BEFORE" || t.mod == "ON_OR_BEFORE")
    return false;
  if (t.tok_begin > 0) {
    std::string_view p = a.Folded(t.tok_begin - 1);
    if (p == "since" || p == "until" || p == "by" || p == "till" || p == "before" || p == "for")
      return false;
  }
  std::string_view f = a.Folded(t.tok_begin);
  if (f == "since" || f == "until" || f == "by") return false;
  return true;
}

}  // namespace

// ---------------------------------------------------------------------------------------

// The evidence of an event is its sentence. A "sentence" of a feed without punctuation can
// run to megabytes, and quoting it whole for each of its events would make the output grow
// with the square of the input: past kMaxEvidenceBytes the evidence is the stretch of whole
// tokens from the first to the last part of the event found in the sentence (trigger, actors,
// place, date) with some context, and at most kMaxEvidenceBytes around the trigger.
namespace {

constexpr uint32_t kMaxEvidenceBytes = 2000, kEvidenceContextBytes = 200;

void SetEvidence(const text::Analysis& a, const text::Sentence& s, Event* e) {
  uint32_t lo = s.start, hi = s.stop;
  if (hi - lo > kMaxEvidenceBytes) {
    lo = e->trigger_start;
    hi = e->trigger_end;
    auto widen = [&](uint32_t b, uint32_t en) {
      if (b < s.start || en > s.stop || b >= en) return;
      lo = std::min(lo, b);
      hi = std::max(hi, en);
    };
    if (e->actor1) widen(e->actor1->start, e->actor1->end);
    if (e->actor2) widen(e->actor2->start, e->actor2->end);
    if (e->where) widen(e->where->place.start, e->where->place.end);
    if (e->when && e->when->basis == "text") widen(e->when->start, e->when->end);
    lo = lo - s.start > kEvidenceContextBytes ? lo - kEvidenceContextBytes : s.start;
    hi = s.stop - hi > kEvidenceContextBytes ? hi + kEvidenceContextBytes : s.stop;
    if (hi - lo > kMaxEvidenceBytes) {  // parts far apart: the trigger's neighbourhood
      const uint32_t half = kMaxEvidenceBytes / 2;
      lo = e->trigger_start - s.start > half ? e->trigger_start - half : s.start;
      hi = s.stop - e->trigger_end > half ? e->trigger_end + half : s.stop;
    }
    // Whole tokens only: the first token starting at or after lo, the last ending by hi.
    auto first = std::lower_bound(a.tokens.begin() + s.begin, a.tokens.begin() + s.end, lo,
                                  [](const text::Token& t, uint32_t v) { return t.start < v; });
    auto past = std::upper_bound(a.tokens.begin() + s.begin, a.tokens.begin() + s.end, hi,
                                 [](uint32_t v, const text::Token& t) { return v < t.end; });
    if (first < past) {
      lo = first->start;
      hi = (past - 1)->end;
    }
    lo = std::min(lo, e->trigger_start);
    hi = std::max(hi, e->trigger_end);
  }
  e->evidence_start = lo;
  e->evidence_end = hi;
  e->evidence.assign(a.text.substr(lo, hi - lo));
}

}  // namespace

// "causing damage but no injuries", "without casualties": harm the text says did not happen.
bool IsDeniedHarm(const Analysis& a, const CueHit& h) {
  if (h.cue != Cue::kWound && h.cue != Cue::kDie && h.cue != Cue::kKill) return false;
  if (h.verb || h.b == 0) return false;
  std::string_view pv = a.Folded(h.b - 1);
  return pv == "no" || pv == "without" || pv == "zero";
}

// "tear gas shells, some dropped from drones": drones over a crowd carry tear gas, not bombs.
bool IsCrowdControlDrone(const std::vector<const CueHit*>& sentence_hs, const CueHit& h) {
  if (h.cue != Cue::kDrone || !h.weak) return false;
  for (const CueHit* x : sentence_hs)
    if (x->cue == Cue::kIntervene && !x->weak) return true;
  return false;
}

// "A roadside bomb struck a vehicle in Pakistan's restive northwest ... The attack took place
// in the Bajaur district of Khyber Pakhtunkhwa": a sentence that only refers back to the
// event just told ("The attack", "The strikes") and names a place finer than the event's, in
// the same country, gives the event that place. It never moves an event to another country
// nor away from a town its own sentence named.
void RefinePlacesFromLaterSentences(const Ctx& c, std::vector<Event>* events) {
  const Analysis& a = *c.a;
  if (events->empty()) return;
  // Per sentence: whether it made an event, and the last current event it made (one pass
  // over the events, not one per sentence).
  const size_t nsent = a.sentences.size();
  std::vector<uint8_t> made(nsent, 0);
  std::vector<long> last_current(nsent, -1);
  for (size_t i = 0; i < events->size(); ++i) {
    const Event& e = (*events)[i];
    if (e.sentence >= nsent) continue;
    made[e.sentence] = 1;
    if (e.modality != "background") last_current[e.sentence] = static_cast<long>(i);
  }
  for (uint32_t si = 1; si < nsent; ++si) {
    const text::Sentence& s = a.sentences[si];
    // The sentence made no event of its own ...
    if (made[si]) continue;
    // ... and opens with a definite event noun: "The attack", "The blast", "These strikes".
    bool refers = false;
    for (uint32_t hi = c.hit_r[si].b; hi < c.hit_r[si].e && !refers; ++hi) {
      const CueHit& h = c.hits[hi];
      // Words of an act, not of its dead ("The bodies of 49 men were found near X" is news
      // of its own).
      const bool act = h.cue == Cue::kAttack || h.cue == Cue::kBlast || h.cue == Cue::kIed ||
                       h.cue == Cue::kSuicide || h.cue == Cue::kStrike || h.cue == Cue::kAir ||
                       h.cue == Cue::kDrone || h.cue == Cue::kShell || h.cue == Cue::kMissile ||
                       h.cue == Cue::kClash || h.cue == Cue::kRaid || h.cue == Cue::kAmbush ||
                       h.cue == Cue::kGrenade || h.cue == Cue::kOffensive;
      if (h.verb || h.b > s.begin + 3 || !act) continue;
      for (uint32_t k = s.begin; k < h.b; ++k)
        if (a.Is(k, "the") || a.Is(k, "this") || a.Is(k, "these") || a.Is(k, "that")) refers = true;
    }
    if (!refers) continue;
    // The event it refers to: the last one told in the two sentences before.
    long last = last_current[si - 1];
    if (si >= 2) last = std::max(last, last_current[si - 2]);
    if (last < 0) continue;
    Event* ev = &(*events)[static_cast<size_t>(last)];
    // The finest place of the sentence that is a place of events.
    const Toponym* best = nullptr;
    for (const Toponym& t : c.ToponymsIn(si)) {
      const size_t ti = c.IndexOf(t);
      if (!IsLocationCandidate(c, ti) || InsideActor(c, si, t)) continue;
      if (!best || PrecisionRank(t) < PrecisionRank(*best)) best = &t;
    }
    if (!best) continue;
    bool take = !ev->where;
    if (ev->where && ev->where->place.country == best->country) {
      const Toponym& old = ev->where->place;
      if (!ev->where_reason.empty())  // the dateline or an earlier sentence: as fine will do
        take = PrecisionRank(*best) <= PrecisionRank(old) &&
               (old.geonameid != best->geonameid || old.name != best->name);
      else if (old.precision == "country")
        take = true;
      else if (old.precision == "admin1" || old.precision == "admin2")
        take = PrecisionRank(*best) < PrecisionRank(old) && best->admin1 == old.admin1;
    }
    if (!take) continue;
    Where w;
    w.place = *best;
    w.precision = best->precision.empty() ? "city" : best->precision;
    ev->where = w;
    ev->where_reason = "place from the sentence after, which tells of the same event";
  }
}

void EventCoder::Code(const text::Analysis& a, const Document& doc, DocResult* r,
                      bool explain) const {
  Ctx c;
  c.a = &a;
  c.doc = &doc;
  c.r = r;
  c.gaz = gaz_;
  c.explain = explain;
  if (!r->dct.empty()) c.dct = DayNumber(r->dct);
  FindCues(*lex_, c);
  FindGappedCues(c);
  actors::ActorFinder(actors_).Find(a, r->toponyms, &c.mentions);
  DropCuesInsideActors(c);

  // The document's main country: where its places are.
  {
    std::map<std::string, double> w;
    for (const Toponym& t : r->toponyms) {
      if (t.country.empty()) continue;
      w[t.country] += t.feature == "demonym" ? 1.0 : (t.precision == "country" ? 2.0 : 1.0);
    }
    double best = 0;
    for (auto& [cc, x] : w)
      if (x > best) {
        best = x;
        c.main_country = cc;
      }
  }
  // Per-sentence ranges of every list (each is in text order).
  const uint32_t nsent = static_cast<uint32_t>(a.sentences.size());
  auto ranges = [&](auto&& count, auto&& first_tok, std::vector<Ctx::Range>* out) {
    out->assign(nsent + 1, Ctx::Range{});
    uint32_t i = 0;
    const uint32_t n = static_cast<uint32_t>(count());
    for (uint32_t s = 0; s < nsent; ++s) {
      while (i < n && first_tok(i) < a.sentences[s].begin) ++i;
      (*out)[s].b = i;
      while (i < n && first_tok(i) < a.sentences[s].end) ++i;
      (*out)[s].e = i;
    }
    (*out)[nsent] = {n, n};
  };
  ranges([&] { return c.hits.size(); }, [&](uint32_t i) { return c.hits[i].b; }, &c.hit_r);
  ranges([&] { return c.mentions.size(); }, [&](uint32_t i) { return c.mentions[i].tok_begin; }, &c.men_r);
  ranges([&] { return r->toponyms.size(); }, [&](uint32_t i) { return r->toponyms[i].tok_begin; }, &c.top_r);
  ranges([&] { return r->timex.size(); }, [&](uint32_t i) { return r->timex[i].tok_begin; }, &c.tim_r);
  {
    // Speaker spans by first token, each with the furthest end of the spans up to it: a
    // mention lies in a span iff the furthest end among spans starting at or before it
    // reaches its end. One sort and a binary search per mention, not a pass over all speech.
    std::vector<std::pair<uint32_t, uint32_t>> reach;
    for (const text::Speech& sp : a.speech)
      if (sp.speaker_end > sp.speaker_begin) reach.emplace_back(sp.speaker_begin, sp.speaker_end);
    std::sort(reach.begin(), reach.end());
    for (size_t i = 1; i < reach.size(); ++i) reach[i].second = std::max(reach[i].second, reach[i - 1].second);
    c.in_speaker.assign(c.mentions.size(), 0);
    for (size_t i = 0; i < c.mentions.size() && !reach.empty(); ++i) {
      const Mention& m = c.mentions[i];
      auto it = std::upper_bound(reach.begin(), reach.end(), std::pair{m.tok_begin, UINT32_MAX});
      c.in_speaker[i] = it != reach.begin() && std::prev(it)->second >= m.tok_end;
    }
    c.toponym_speaks.assign(r->toponyms.size(), 0);
    for (const text::Speech& sp : a.speech) {
      if (sp.speaker_end <= sp.speaker_begin) continue;
      const uint32_t b = sp.speaker_begin + (a.Is(sp.speaker_begin, "the") ? 1 : 0);
      const Ctx::Range tr = c.top_r[a.tokens[b].sentence];
      for (uint32_t ti = tr.b; ti < tr.e; ++ti)
        if (r->toponyms[ti].tok_begin == b && r->toponyms[ti].tok_end == sp.speaker_end)
          c.toponym_speaks[ti] = 1;
    }
  }
  {
    std::unordered_map<int32_t, uint32_t> seen;
    c.prior_mentions.resize(r->toponyms.size());
    for (size_t i = 0; i < r->toponyms.size(); ++i) c.prior_mentions[i] = seen[r->toponyms[i].place]++;
  }
  // The last city named before each sentence (for "the story stays there").
  std::vector<int32_t> last_city_at_sentence(nsent + 1, -1);
  {
    int32_t last = -1;
    for (uint32_t s = 0; s < nsent; ++s) {
      last_city_at_sentence[s] = last;
      for (uint32_t i = c.top_r[s].b; i < c.top_r[s].e; ++i)
        if (IsTownLike(a, r->toponyms[i]) && r->toponyms[i].has_coords && IsLocationCandidate(c, i))
          last = static_cast<int32_t>(i);
    }
  }

  for (const Mention& m : c.mentions)
    if (!m.pronoun && !m.weak && !m.police && actors::IsArmed(m.kind)) c.doc_conflict = true;
  for (const CueHit& h : c.hits)
    if (!h.weak && (h.cue == Cue::kAir || h.cue == Cue::kDrone || h.cue == Cue::kIed ||
                    h.cue == Cue::kSuicide || h.cue == Cue::kShell || h.cue == Cue::kGrenade ||
                    h.cue == Cue::kChemical))
      c.doc_conflict = true;
  // A dateline ("KABUL, Aug 8 (Reuters) -", "DOUENTZA, Mali -"): the place the report is
  // filed from, the last resort for an event's place.
  int dateline_place = -1;
  if (!a.sentences.empty()) {
    const text::Sentence& s0 = a.sentences[0];
    for (uint32_t i = c.top_r[0].b; i < c.top_r[0].e; ++i) {
      const Toponym& t = r->toponyms[i];
      if (t.tok_begin > s0.begin + 1 || !t.has_coords || t.precision != "city") break;
      // In capitals, or followed by a comma/dash/parenthesis, and a dash or an agency
      // mark within the first dozen tokens.
      bool caps = (a.tokens[t.tok_begin].flags & text::kAllCaps) != 0;
      bool mark = false;
      for (uint32_t k = t.tok_end; k < std::min(s0.end, t.tok_end + 12); ++k) {
        std::string_view f = a.Folded(k);
        if (f == "-" || f == "--" || f == "reuters" || f == "afp" || f == "ap" || f == "xinhua" ||
            f == "anadolu" || f == "efe" || f == "dpa" || f == "ians" || f == "pti" || f == "ani")
          mark = true;
      }
      if (caps || mark) dateline_place = static_cast<int>(i);
      break;
    }
  }
  // The dateline's own date ("MOGADISHU, Aug 15 -") is the filing date, not an event's:
  // the tokens up to its dash.
  uint32_t dateline_end = 0;
  if (dateline_place >= 0) {
    const text::Sentence& s0 = a.sentences[0];
    for (uint32_t k = s0.begin; k < std::min(s0.end, s0.begin + 14); ++k) {
      std::string_view f = a.Folded(k);
      if (f == "-" || f == "--" || f == "\u2013" || f == "\u2014") {
        dateline_end = k;
        break;
      }
    }
  }

  // A report about sport, a film or a disaster, with no armed actor anywhere: its weak
  // phrases ("clash", "battle", "shot") are not conflict.
  bool doc_not_conflict = false;
  {
    int notconf = 0;
    for (const CueHit& h : c.hits) notconf += h.cue == Cue::kNotConflict;
    bool any_armed = false;
    for (const Mention& m : c.mentions)
      if (!m.pronoun && !m.weak && actors::IsArmed(m.kind)) any_armed = true;
    doc_not_conflict = notconf >= 2 && !any_armed;
    c.doc_not_conflict = doc_not_conflict;
    if (!c.doc_conflict) {
      static constexpr std::string_view kJustice[] = {
          "detectives", "detective", "prosecutor", "prosecutors", "jury", "trial", "defendant",
          "defendants", "felony", "misdemeanor", "misdemeanour", "lawsuit", "coroner", "inquest",
          "sheriff", "qc", "homicide", "manslaughter", "bail", "custody", "convicted",
          "sentenced", "testified", "plaintiff", "suspect", "suspicion"};
      int justice = 0;
      for (uint32_t k = 0; k < a.tokens.size() && justice < 2; ++k)
        if (a.tokens[k].kind == text::TokKind::kWord && OneOf(a.Folded(k), kJustice)) ++justice;
      bool crowd = false;
      for (const CueHit& h : c.hits) crowd = crowd || h.cue == Cue::kProtest || h.cue == Cue::kRiot;
      c.doc_crime = justice >= 2 && !crowd;
    }
  }

  std::vector<Event> events;
  // An Event is large (about 1 KB): growing the vector one doubling at a time moves each
  // event several times. A sentence with cues rarely makes more than two events.
  events.reserve(std::min<size_t>(c.hits.size() * 2, 4096));
  for (uint32_t si = 0; si < a.sentences.size(); ++si) {
    const text::Sentence& s = a.sentences[si];
    if (explain) {
      // The actors of the sentence as the coder sees them (after coreference).
      for (const Mention& m : c.MentionsIn(si)) {
        std::string flags;
        for (auto [on, word] : {std::pair{m.pronoun, "pronoun"}, {m.coreferent, "coreferent"},
                                {m.generic, "generic"}, {m.weak, "weak"}, {m.police, "police"},
                                {m.air, "air"}})
          if (on) flags += std::string(flags.empty() ? "" : ",") + word;
        c.Note(si, "actor \"" + std::string(a.Span(m.tok_begin, m.tok_end)) + "\" -> " +
                       m.name + " (" + std::string(actors::KindName(m.kind)) +
                       (m.country.empty() ? "" : ", " + m.country) + ")" +
                       (flags.empty() ? "" : " [" + flags + "]"));
      }
    }
    std::vector<const CueHit*> sentence_hs;
    for (uint32_t hi = c.hit_r[si].b; hi < c.hit_r[si].e; ++hi) sentence_hs.push_back(&c.hits[hi]);
    if (sentence_hs.empty()) continue;
    if (explain) {
      std::string cues;
      for (const CueHit* h : sentence_hs) {
        cues += std::string(CueName(h->cue)) + (h->weak ? "?" : "") + "(\"" +
                std::string(a.Span(h->b, h->e)) + "\") ";
      }
      c.Note(si, "cues: " + cues);
    }
    // Not conflict: accidents, disasters, sport, films veto weak cues.
    bool veto_strong = ReportsAScore(a, s), veto_weak = doc_not_conflict;
    for (const CueHit* h : sentence_hs) {
      if (h->cue != Cue::kNotConflict) continue;
      if (h->weak) veto_weak = true;
      else veto_strong = true;
    }
    for (const Segment& seg : Segments(a, s, si, sentence_hs)) {
      std::vector<const CueHit*> hs;
      for (const CueHit* h : sentence_hs)
        if (h->b >= seg.b && h->e <= seg.e && h->cue != Cue::kNotConflict &&
            !IsDeniedHarm(a, *h) && !IsCrowdControlDrone(sentence_hs, *h))
          hs.push_back(h);
      if (hs.empty()) continue;
      bool means = false;
      for (const CueHit* h : hs)
        if (!h->weak && (h->cue == Cue::kAir || h->cue == Cue::kDrone || h->cue == Cue::kShell ||
                         h->cue == Cue::kMissile || h->cue == Cue::kIed || h->cue == Cue::kSuicide ||
                         h->cue == Cue::kGrenade || h->cue == Cue::kChemical))
          means = true;
      // The police alone do not make a match result conflict ("the Texas Rangers beat ...").
      const bool vetoed = veto_strong && !means;
      const bool armed_here = vetoed && AnyArmed(c, seg, /*police=*/false);
      if (vetoed && !armed_here) {
        // A protest about an accident or a disaster is still a protest ("blocked the highway
        // after a road accident, demanding compensation"): only its protest words stay.
        std::vector<const CueHit*> kept;
        for (const CueHit* h : hs)
          if (h->cue == Cue::kProtest || h->cue == Cue::kIntervene) kept.push_back(h);
        if (kept.empty()) {
          c.Note(si, "vetoed: a non-conflict phrase (accident, disaster, sport, film) and no weapon or armed actor");
          continue;
        }
        hs = kept;
      }
      // A sentence about sport, a film, an accident or the economy keeps only its strong words,
      // also when an armed actor is named in it ("the film, shot in Morocco, tells of a
      // soldier").
      if (veto_weak || armed_here) {
        std::vector<const CueHit*> kept;
        for (const CueHit* h : hs)
          if (!h->weak) kept.push_back(h);
        if (kept.empty()) {
          c.Note(si, "vetoed: only weak cues in a sentence about sport, a film, an accident or economy");
          continue;
        }
        hs = kept;
      }
      // "The UN condemned the attack", "the bombing was the deadliest this year": a definite
      // noun with no new act refers back to an event the report has already told.
      if (!events.empty()) {
        bool only_references = true;
        int definite_nouns = 0;
        for (const CueHit* h : hs) {
          if (h->cue == Cue::kAircraft || h->cue == Cue::kNoResist || h->cue == Cue::kDie ||
              h->cue == Cue::kWound || h->weak || InLatestSeries(a, *h))
            continue;
          if (h->verb) {
            only_references = false;
            break;
          }
          bool definite = false;
          for (uint32_t k = h->b, steps = 0; k > seg.b && steps < 3; --k, ++steps) {
            std::string_view f = a.Folded(k - 1);
            if (f == "the" || f == "this" || f == "that" || f == "these" || f == "those" ||
                f == "its" || f == "their" || a.IsPossessive(k - 1)) {
              definite = true;
              break;
            }
            if (f == "a" || f == "an" || f == "another" || f == "new" || f == "latest" ||
                f == "fresh" || f == "second" || a.tokens[k - 1].kind != text::TokKind::kWord)
              break;
          }
          if (!definite) {
            only_references = false;
            break;
          }
          ++definite_nouns;
        }
        if (only_references && definite_nouns > 0) {
          c.Note(si, "a reference back to an event told earlier (\"the attack\"): no new event");
          continue;
        }
      }
      // One clause may tell events of different kinds ("police arrested the party's leader;
      // his supporters torched buses"): decide, set the deciding family's phrases aside,
      // decide again on what is left while a strong phrase remains.
      std::vector<const CueHit*> pending = hs;
      for (int round = 0; round < 3 && !pending.empty(); ++round) {
      TypeDecision d = DecideType(c, seg, pending, sentence_hs);
      if (d.type.empty() || !d.hit) {
        if (round == 0) {
          if (!d.note.empty()) c.Note(si, d.note);
          else c.Note(si, "no event: the cues here do not make one on their own");
        }
        break;
      }
      if (round > 0 && d.hit->weak) break;
      const CueHit& anchor = *d.hit;
      pending = Remaining(pending, d);
      Roles roles = FindRoles(c, seg, anchor);
      // A report of ordinary crime, told through its police and courts with nobody armed but the
      // police: ACLED codes political violence, not a stabbing outside a nightclub or a murder
      // trial. (What the police themselves do stays: a police killing is an event.)
      if (c.doc_crime && (d.type == "Violence against civilians" || d.type == "Riots" ||
                          d.subtype == "Armed clash" || d.subtype == "Looting/property destruction") &&
          !(roles.agent >= 0 && c.mentions[static_cast<size_t>(roles.agent)].kind == Kind::kStateForces)) {
        c.Note(si, "no event: " + d.subtype + " in a report of ordinary crime (police, courts, nobody armed)");
        continue;
      }
      // A role the anchor leaves open ("soldiers killed in Boko Haram attack", "a roadside
      // bomb killed three soldiers"): take it from another violent phrase of the clause.
      if ((roles.agent < 0 && roles.agent_country_toponym < 0) || roles.patient < 0) {
        for (const CueHit* h : hs) {
          if (h == &anchor) continue;
          if (h->cue != Cue::kAttack && h->cue != Cue::kRaid && h->cue != Cue::kAmbush &&
              h->cue != Cue::kBlast && h->cue != Cue::kAir && h->cue != Cue::kShell &&
              h->cue != Cue::kMissile && h->cue != Cue::kClash && h->cue != Cue::kKill &&
              h->cue != Cue::kDrone && h->cue != Cue::kStrike && h->cue != Cue::kIed &&
              h->cue != Cue::kShoot && h->cue != Cue::kWound && h->cue != Cue::kSexual &&
              h->cue != Cue::kAbduct && h->cue != Cue::kSuicide)
            continue;
          Roles other = FindRoles(c, seg, *h);
          if (roles.agent < 0 && roles.agent_country_toponym < 0) {
            if (other.agent >= 0 && other.agent != roles.patient) roles.agent = other.agent;
            else if (other.agent_country_toponym >= 0) roles.agent_country_toponym = other.agent_country_toponym;
          }
          if (roles.patient < 0 && other.patient >= 0 && other.patient != roles.agent)
            roles.patient = other.patient;
        }
      }
      // "The Houthis vowed on Tuesday to attack any ship": who vows or threatens to act is
      // the one who would, though the text layer reads them as a speaker.
      if (roles.agent < 0 && roles.agent_country_toponym < 0 && anchor.verb && anchor.b > seg.b &&
          a.Is(anchor.b - 1, "to")) {
        for (const Mention& m : c.MentionsIn(si)) {
          if (m.tok_begin < seg.b || m.tok_end > anchor.b || m.pronoun || !MentionInSpeakerSpan(c, m) ||
              !actors::IsArmed(m.kind))
            continue;
          bool vow = false;
          for (uint32_t k = m.tok_end; k < anchor.b && !vow; ++k) {
            std::string_view f = a.Folded(k);
            vow = f == "vowed" || f == "vows" || f == "threatened" || f == "threatens" ||
                  f == "pledged" || f == "pledges" || f == "promised" || f == "promises";
          }
          if (vow) roles.agent = static_cast<int>(c.IndexOf(m));
        }
      }
      // "X repelled Y's assault": Y started it, and ACLED's actor1 is who started it.
      {
        std::string_view af = a.Folded(anchor.b);
        bool repel = anchor.cue == Cue::kClash &&
                     (af.rfind("repel", 0) == 0 || af.rfind("repuls", 0) == 0 ||
                      af.rfind("fend", 0) == 0 || af == "pushed" || af == "push" || af == "pushes" ||
                      af == "drove" || af == "driven" || af == "beat");
        if (repel && !roles.passive) {
          std::swap(roles.agent, roles.patient);
          if (roles.agent < 0) {
            for (const Toponym& t : c.ToponymsIn(si))
              if (t.tok_begin >= anchor.e && t.tok_begin <= anchor.e + 4 &&
                  (t.feature == "demonym" || t.precision == "country"))
                roles.agent_country_toponym = static_cast<int>(c.IndexOf(t));
          } else {
            roles.agent_country_toponym = -1;
          }
        }
      }
      // Unarmed people do not drop bombs or fight battles: a civilian or a crowd found in the
      // agent's place is a victim ("a suicide bomber blew himself up among the crowd").
      bool unarmed_type = d.type == "Protests" || d.type == "Riots" ||
                          d.subtype == "Arrests" || d.subtype == "Agreement" ||
                          d.subtype == "Change to group/activity" || d.subtype == "Other" ||
                          d.subtype == "Looting/property destruction";
      if (!unarmed_type && roles.agent >= 0) {
        const Mention& am = c.mentions[static_cast<size_t>(roles.agent)];
        if (!am.pronoun && !actors::IsArmed(am.kind)) {
          if (roles.patient < 0) roles.patient = roles.agent;
          roles.agent = -1;
        }
      }
      // ---- Places ----
      std::vector<size_t> cands;
      for (const Toponym& t : c.ToponymsIn(si)) {
        const size_t ti = c.IndexOf(t);
        if (t.tok_begin < seg.b || t.tok_end > seg.e) continue;
        if (!IsLocationCandidate(c, ti)) continue;
        // Places inside an actor mention's own phrase are not locations.
        if (InsideActor(c, si, t)) continue;
        // "the southern Gaza city of Khan Younis": the first name only places the second.
        // ("Kupwara district of Jammu and Kashmir" is the other way round: the district is
        // the finer place, and the container gives way to it below.)
        if (t.tok_end + 2 < seg.e && a.Is(t.tok_end + 1, "of") &&
            (a.Is(t.tok_end, "city") || a.Is(t.tok_end, "town") || a.Is(t.tok_end, "village")))
          continue;
        cands.push_back(ti);
      }
      if (anchor.cue == Cue::kWithdraw) {
        // "withdrew from X": X is where it happened.
        for (const Toponym& t : c.ToponymsIn(si)) {
          const size_t ti = c.IndexOf(t);
          if (t.tok_begin >= anchor.e && t.tok_begin <= anchor.e + 3 && t.tok_end <= seg.e &&
              t.has_coords && t.feature != "demonym")
            cands.push_back(ti);
        }
      }
      // The dateline is where the report was filed: another place of the clause finer than a
      // country, or a country with a direction ("in northern Burkina Faso"), says where the
      // event was. ("in Somalia's capital" keeps "MOGADISHU -".)
      if (si == 0 && dateline_place >= 0 &&
          std::find(cands.begin(), cands.end(), static_cast<size_t>(dateline_place)) != cands.end()) {
        bool elsewhere = false;
        for (size_t ti : cands) {
          const Toponym& t = r->toponyms[ti];
          if (ti == static_cast<size_t>(dateline_place)) continue;
          std::string_view pv = t.tok_begin > 0 ? a.Folded(t.tok_begin - 1) : std::string_view();
          if (t.precision != "country" || IsCompassAdjective(pv)) elsewhere = true;
          // "in Pakistan's restive northwest"
          for (uint32_t k = t.tok_end + 1; k < std::min(seg.e, t.tok_end + 4); ++k)
            if (a.IsPossessive(t.tok_end) && IsCompassAdjective(a.Folded(k))) elsewhere = true;
        }
        if (elsewhere)
          cands.erase(std::find(cands.begin(), cands.end(), static_cast<size_t>(dateline_place)));
      }
      cands = FilterContained(c, cands);
      std::vector<size_t> places;  // one event per entry
      if (d.territorial) {
        // The objects of the territorial verb: after it (before it for "fell").
        const bool left_object = anchor.cue == Cue::kFall || roles.passive;
        for (size_t ti : cands) {
          const Toponym& t = r->toponyms[ti];
          bool obj = left_object ? t.tok_end <= anchor.b : t.tok_begin >= anchor.e;
          if (!anchor.verb && anchor.cue != Cue::kFall) obj = obj || t.tok_end <= anchor.b;
          if (obj) places.push_back(ti);
        }
        if (places.empty() && !cands.empty()) {
          // "swept into Aleppo ... and took control of several districts": the clause's place.
          size_t best = cands[0];
          for (size_t ti : cands)
            if (PrecisionRank(r->toponyms[ti]) < PrecisionRank(r->toponyms[best])) best = ti;
          places.push_back(best);
        }
        if (left_object && places.size() > 1) {
          // "After Kunduz, Sar-e-Pul ... fell": the subject is the nearest place before.
          size_t best = places.back();
          places = {best};
        }
      } else if (!cands.empty()) {
        // The nearest place to the anchor, preferring "in/at/near X" and finer places, with
        // the places listed together with it ("in Kandahar and Herat"): one event each.
        long best = -1;
        long best_score = 1L << 40;
        for (size_t ti : cands) {
          const Toponym& t = r->toponyms[ti];
          long dist = t.tok_begin >= anchor.e ? static_cast<long>(t.tok_begin - anchor.e)
                                              : static_cast<long>(anchor.b - t.tok_end) + 3;
          std::string_view pv = t.tok_begin > 0 ? a.Folded(t.tok_begin - 1) : std::string_view();
          if (pv == "in" || pv == "at" || pv == "near" || pv == "outside" || pv == "on" ||
              pv == "into")
            dist -= 4;
          long score = dist + 30L * PrecisionRank(t);
          if (score < best_score) {
            best_score = score;
            best = static_cast<long>(ti);
          }
        }
        places = CoordinatedGroup(c, cands, static_cast<size_t>(best));
        // "..., as has Lashkar Gah": the same predicate for another place, and for the
        // clause's subject places too.
        bool as_has = false;
        for (size_t ti : cands) {
          const Toponym& t = r->toponyms[ti];
          if (t.tok_begin < 2) continue;
          std::string_view p1 = a.Folded(t.tok_begin - 1), p2 = a.Folded(t.tok_begin - 2);
          if (p2 == "as" && (p1 == "has" || p1 == "have" || p1 == "had" || p1 == "did" ||
                             p1 == "was" || p1 == "were" || p1 == "does" || p1 == "is")) {
            for (size_t g : CoordinatedGroup(c, cands, ti))
              if (std::find(places.begin(), places.end(), g) == places.end()) places.push_back(g);
            as_has = true;
          }
        }
        if (as_has) {
          size_t first = cands[0];
          for (size_t ti : cands)
            if (r->toponyms[ti].tok_begin < r->toponyms[first].tok_begin) first = ti;
          if (r->toponyms[first].tok_end <= anchor.b)
            for (size_t g : CoordinatedGroup(c, cands, first))
              if (std::find(places.begin(), places.end(), g) == places.end()) places.push_back(g);
        }
      }
      std::string where_basis = "clause";
      // "a village south of Nablus in the occupied West Bank": the town the text measures from
      // is nearer the event than the region or country the clause also names.
      bool coarse_only = !places.empty();
      for (size_t ti : places) coarse_only = coarse_only && r->toponyms[ti].precision != "city";
      if (places.empty() || coarse_only) {
        const size_t had = places.size();
        // "three villages north of Jawhar": near the place the text measures from.
        for (const Toponym& t : c.ToponymsIn(si)) {
          if (t.tok_begin < seg.b || t.tok_end > seg.e || !t.has_coords || t.feature == "demonym" ||
              t.precision != "city" || t.tok_begin < 2)
            continue;
          std::string_view p2 = a.Folded(t.tok_begin - 2);
          if (a.Is(t.tok_begin - 1, "of") &&
              (p2 == "north" || p2 == "south" || p2 == "east" || p2 == "west" || p2 == "northeast" ||
               p2 == "northwest" || p2 == "southeast" || p2 == "southwest" || p2 == "outskirts")) {
            // (Not over the clause's region when a distance is stated: "300 km north of".)
            std::string_view p3 = t.tok_begin > 2 ? a.Folded(t.tok_begin - 3) : std::string_view();
            if (had > 0 && (p3 == "km" || p3 == "kilometres" || p3 == "kilometers" || p3 == "miles"))
              continue;
            places.assign(1, c.IndexOf(t));
            where_basis = "near";
            break;
          }
        }
      }
      if (places.empty()) {
        // "the city", "the town": the last city named; in a quote, the speaker's place.
        int anaphor = -1;
        for (uint32_t k = seg.b; k + 1 < seg.e; ++k) {
          if (a.Is(k, "the") && (a.Is(k + 1, "city") || a.Is(k + 1, "town") ||
                                 a.Is(k + 1, "village") || a.Is(k + 1, "area")) &&
              !a.Is(k + 2, "of")) {
            int sp = a.SpeechOf(k);
            if (sp >= 0) {
              auto [sb, se] = a.SpeakerOf(sp);
              // The speaker's description runs to the end of the attribution sentence.
              uint32_t desc_end = se;
              if (se > sb) {
                uint32_t ssent = a.tokens[sb].sentence;
                desc_end = a.sentences[ssent].end;
              }
              for (size_t ti = 0; ti < r->toponyms.size() && se > sb; ++ti) {
                const Toponym& t = r->toponyms[ti];
                if (t.tok_begin >= sb && t.tok_end <= desc_end && t.has_coords &&
                    t.feature != "demonym") {
                  anaphor = static_cast<int>(ti);
                  // "a council member from Sar-e-Pul province": the province's capital,
                  // when the report names it.
                  if (t.precision == "admin1") {
                    for (size_t u = 0; u < r->toponyms.size() && u < 4096; ++u) {
                      const Toponym& cty = r->toponyms[u];
                      if (cty.precision == "city" && cty.admin1 == t.admin1 &&
                          cty.feature == "PPLA") {
                        anaphor = static_cast<int>(u);
                        break;
                      }
                    }
                  }
                  break;
                }
              }
            }
            if (anaphor < 0) anaphor = SalientCity(c, k);
            break;
          }
        }
        if (anaphor >= 0) {
          places.push_back(static_cast<size_t>(anaphor));
          where_basis = "the city";
        }
      }
      if (places.empty()) {
        // Another clause of the sentence: "The fighting is intensifying around Taiz, and
        // dozens of fighters are wounded". The nearest place, finer places first.
        long best = -1, best_score = 1L << 40;
        for (const Toponym& t : c.ToponymsIn(si)) {
          const size_t ti = c.IndexOf(t);
          if ((t.tok_begin >= seg.b && t.tok_end <= seg.e) || !IsLocationCandidate(c, ti)) continue;
          if (InsideActor(c, si, t)) continue;
          long dist = t.tok_begin >= anchor.e ? static_cast<long>(t.tok_begin - anchor.e)
                                              : static_cast<long>(anchor.b - t.tok_end);
          long score = dist + 30L * PrecisionRank(t);
          if (score < best_score) {
            best_score = score;
            best = static_cast<long>(ti);
          }
        }
        if (best >= 0) {
          places.push_back(static_cast<size_t>(best));
          where_basis = "sentence";
        }
      }
      if (places.empty() && !events.empty()) {
        // The place of the event told just before, if the story stays there ("Hundreds
        // protested in Tel Aviv demanding the release of hostages held in Gaza. Police used
        // water cannon": Tel Aviv, not the last city named).
        const Event& pe = events.back();
        if (pe.where && pe.sentence + 1 == si && pe.where->precision == "city" &&
            pe.modality != "background") {
          const Ctx::Range tr = c.top_r[pe.sentence];
          for (uint32_t ti = tr.b; ti < tr.e; ++ti)
            if (r->toponyms[ti].tok_begin == pe.where->place.tok_begin &&
                r->toponyms[ti].tok_end == pe.where->place.tok_end) {
              places.push_back(ti);
              where_basis = "previous sentence";
              break;
            }
        }
      }
      if (places.empty()) {
        // The previous sentence's city, if the story stays there.
        int prev = last_city_at_sentence[si];
        if (prev >= 0 && r->toponyms[static_cast<size_t>(prev)].tok_begin >=
                             a.sentences[si > 1 ? si - 2 : 0].begin) {
          places.push_back(static_cast<size_t>(prev));
          where_basis = "previous sentence";
        }
      }
      if (places.empty() && dateline_place >= 0) {
        places.push_back(static_cast<size_t>(dateline_place));
        where_basis = "dateline";
      }

      // ---- Actors ----
      auto resolve_pronoun = [&](int mi) -> std::optional<ActorRef> {
        if (mi < 0) return std::nullopt;
        const Mention& m = c.mentions[static_cast<size_t>(mi)];
        if (!m.pronoun) return std::nullopt;
        // The last named armed group before the pronoun, else the last event's actor1.
        for (size_t k = static_cast<size_t>(mi); k-- > 0;) {
          const Mention& x = c.mentions[k];
          if (x.pronoun || (x.generic && !x.coreferent) || !actors::IsArmed(x.kind)) continue;
          ActorRef ar = MakeActor(c, x, "");
          ar.start = m.start;
          ar.end = m.end;
          ar.text = std::string(a.text.substr(m.start, m.end - m.start));
          return ar;
        }
        if (c.last_actor1) {
          ActorRef ar = *c.last_actor1;
          ar.start = m.start;
          ar.end = m.end;
          ar.text = std::string(a.text.substr(m.start, m.end - m.start));
          return ar;
        }
        return std::nullopt;
      };

      // ---- Date ----
      std::optional<When> when;
      std::string when_basis;
      {
        const Timex* best = nullptr;
        long best_d = 1L << 40;
        for (uint32_t tx = c.tim_r[si].b; tx < c.tim_r[si].e; ++tx) {
          const Timex& t = r->timex[tx];
          if (t.tok_begin < s.begin || t.tok_end > s.end) continue;
          if (!TimexUsableForEvent(a, t) || (si == 0 && t.tok_end <= dateline_end)) continue;
          bool in_seg = t.tok_begin >= seg.b && t.tok_end <= seg.e;
          long dist = t.tok_begin >= anchor.e ? static_cast<long>(t.tok_begin - anchor.e)
                                              : static_cast<long>(anchor.b - t.tok_end);
          if (!in_seg) dist += 50;
          if (dist < best_d) {
            best_d = dist;
            best = &t;
          }
        }
        if (best) {
          when = WhenFromTimex(*best);
          when_basis = "clause";
        }
      }

      bool planned_future = false;
      std::string modality = Modality(c, seg, anchor, &planned_future);
      // Background: told as history, dated well before the report.
      if (when && c.dct) {
        auto last = DayNumber(when->end_date.empty() ? when->date : when->end_date);
        auto first = DayNumber(when->date);
        if (last && *c.dct - *last > 180 && modality == "asserted") modality = "background";
        if (first && *first - *c.dct > 1 && modality == "asserted") modality = "planned";
      }
      if (!when && modality != "planned" && modality != "hypothetical") {
        // The story goes on: the date of the last dated event one or two sentences back in
        // the same paragraph ("Gunmen raided Konduga on Saturday. They burned houses.").
        for (size_t k = events.size(); k-- > 0;) {
          const Event& pe = events[k];
          if (!pe.when || pe.when->basis != "text" || pe.modality == "background" ||
              pe.when->precision != "day")
            continue;
          uint32_t ps = a.tokens.empty() ? 0 : 0;
          for (uint32_t q = si; q-- > 0 && si - q <= 2;)
            if (a.sentences[q].start <= pe.trigger_start && pe.trigger_start < a.sentences[q].stop) ps = q + 1;
          if (ps == 0 || a.sentences[ps - 1].paragraph != s.paragraph) break;
          when = pe.when;
          when_basis = "previous sentence";
          break;
        }
      }
      if (!when && c.dct && modality != "planned" && modality != "hypothetical") {
        // The report's own date.
        When w;
        w.date = r->dct;
        w.precision = "day";
        w.basis = "publication date";
        when = w;
        when_basis = "publication date";
      }

      // Source: the speaker of the speech holding the anchor, else the document's source.
      std::string source;
      bool party_source = false;
      {
        int sp = a.SpeechOf(anchor.b);
        if (sp >= 0) {
          auto [sb, se] = a.SpeakerOf(sp);
          while (sb < se && (a.Is(sb, "the") || a.Is(sb, "a") || a.Is(sb, "an"))) ++sb;
          while (se > sb && (a.Is(se - 1, "there") || a.Is(se - 1, "here") ||
                             a.Is(se - 1, "on") || a.Is(se - 1, "in")))
            --se;
          if (se > sb) source = std::string(a.Span(sb, se));
          const text::Speech& speech = a.speech[static_cast<size_t>(sp)];
          if (speech.verb >= 0) {
            std::string_view vf = a.Folded(static_cast<uint32_t>(speech.verb));
            if (vf == "claimed" || vf == "claims" || vf == "alleged" || vf == "alleges")
              party_source = true;
          }
          std::string low;
          for (char ch : source) low.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
          if (low.find("ministry") != std::string::npos || low.find("army") != std::string::npos ||
              low.find("military") != std::string::npos || low.find("spokes") != std::string::npos ||
              low.find("taliban") != std::string::npos || low.find("command") != std::string::npos)
            party_source = true;
        }
        if (source.empty()) source = doc.source;
      }
      if (party_source && modality == "asserted") modality = "claimed";

      // One event per place (or one without a place).
      std::vector<int> place_list;
      for (size_t p : places) place_list.push_back(static_cast<int>(p));
      if (place_list.empty()) place_list.push_back(-1);
      for (int pi : place_list) {
        Event e;
        e.doc = doc.id;
        e.type = d.type;
        e.subtype = d.subtype;
        e.cameo = Cameo(d.subtype);
        std::string place_country;
        if (pi >= 0) {
          const Toponym& t = r->toponyms[static_cast<size_t>(pi)];
          Where w;
          w.place = t;
          w.precision = t.precision.empty() ? "city" : t.precision;
          e.where = w;
          place_country = t.country;
          if (where_basis == "near") e.where_reason = "the text places it relative to this place";
          else if (where_basis != "clause") e.where_reason = "place from " + where_basis;
        } else {
          e.where_reason = "no place named in or near this sentence";
        }
        // Actors.
        std::optional<ActorRef> a1, a2;
        if (roles.agent >= 0) {
          const Mention& m = c.mentions[static_cast<size_t>(roles.agent)];
          a1 = m.pronoun ? resolve_pronoun(roles.agent) : MakeActor(c, m, place_country);
        }
        // "The FSB said it had arrested a man", "the army said they killed 12 militants": a
        // pronoun subject right before the event phrase, in what a speaker reports, is the
        // speaker.
        if (!a1) {
          uint32_t k = anchor.b;
          while (k > seg.b && (a.Is(k - 1, "had") || a.Is(k - 1, "has") || a.Is(k - 1, "have") ||
                               a.Is(k - 1, "also") || a.Is(k - 1, "successfully") ||
                               a.Is(k - 1, "was") || a.Is(k - 1, "were") || a.Is(k - 1, "would")))
            --k;
          if (k > seg.b && (a.Is(k - 1, "it") || a.Is(k - 1, "they") || a.Is(k - 1, "we"))) {
            for (const text::Speech& sp : a.speech) {
              if (sp.quoted || anchor.b < sp.content_begin || anchor.b >= sp.content_end) continue;
              for (const Mention& m : c.MentionsIn(a.tokens[anchor.b].sentence)) {
                if (m.tok_begin < sp.speaker_begin || m.tok_end > sp.speaker_end || m.pronoun ||
                    m.kind == Kind::kCivilians)
                  continue;
                a1 = MakeActor(c, m, place_country);
                break;
              }
              break;
            }
          }
        }
        if (!a1 && roles.agent_country_toponym >= 0) {
          const Toponym& t = r->toponyms[static_cast<size_t>(roles.agent_country_toponym)];
          ActorRef ar;
          ar.start = t.start;
          ar.end = t.end;
          ar.text = t.text;
          ar.country = t.country;
          ar.kind = "state forces";
          ar.name = actors::FillCountry("Military Forces of {country}", c.CountryName(t.country));
          ar.inter = (!place_country.empty() && place_country != t.country) ? 8 : 1;
          a1 = ar;
        }
        if (roles.patient >= 0) {
          const Mention& m = c.mentions[static_cast<size_t>(roles.patient)];
          a2 = m.pronoun ? resolve_pronoun(roles.patient) : MakeActor(c, m, place_country);
        }
        // Territory that "fell" or was "seized" with no agent in the clause: the last named
        // armed group of the report is the likely taker (coded with lower confidence).
        bool guessed_actor = false;
        if (!a1 && d.territorial && d.subtype == "Non-state actor overtakes territory") {
          for (size_t k = c.mentions.size(); k-- > 0;) {
            const Mention& x = c.mentions[k];
            if (x.tok_begin >= anchor.b || x.pronoun || x.generic || !actors::IsArmed(x.kind) ||
                x.kind == Kind::kStateForces)
              continue;
            a1 = MakeActor(c, x, place_country);
            guessed_actor = true;
            break;
          }
        }
        if (a1 && a2 && a1->name == a2->name) a2.reset();
        // ACLED's defaults: the victims of violence against civilians are civilians; arrests
        // are made by the police.
        auto synth = [&](const char* tmpl, const char* kind, int inter) {
          ActorRef ar;
          std::string cc = !place_country.empty() ? place_country : c.main_country;
          ar.name = cc.empty() ? std::string(tmpl).substr(0, std::string(tmpl).find(" (")) 
                               : actors::FillCountry(tmpl, c.CountryName(cc));
          if (cc.empty() && ar.name.find(" of {country}") != std::string::npos)
            ar.name = ar.name.substr(0, ar.name.find(" of {country}"));
          ar.kind = kind;
          ar.country = cc;
          ar.inter = inter;
          return ar;
        };
        if (d.type == "Violence against civilians" && !a2) a2 = synth("Civilians ({country})", "civilians", 7);
        if (d.subtype == "Arrests" && !a1) a1 = synth("Police Forces of {country}", "state forces", 1);
        e.actor1 = a1;
        e.actor2 = a2;
        e.when = when;
        if (!when) e.when_reason = c.dct ? "no date for this event in its sentence" : "no publication date and no date in the sentence";
        else if (when_basis == "publication date") e.when_reason = "date from the publication date";
        else if (when_basis == "previous sentence") e.when_reason = "date from the previous sentence";
        e.source = source;
        e.modality = modality;
        e.fatalities = Fatalities(c, seg, hs);
        e.trigger_start = a.tokens[anchor.b].start;
        e.trigger_end = a.tokens[anchor.e - 1].end;
        e.trigger = std::string(a.Span(anchor.b, anchor.e));
        e.sentence = si;
        SetEvidence(a, s, &e);
        // Confidence: how completely the text supports the event. Each part is evidence a
        // coder would check; the weights were set so that, over the golden tests, events
        // above 0.8 are right at least 9 times in 10 (see tests/golden/events_golden_test.cc).
        double conf = 0.40;
        if (!anchor.weak) conf += 0.12;
        // A type named by its own words (a weapon, a protest, a capture) is surer than one
        // inferred from who was hurt.
        bool specific = d.type == "Explosions/Remote violence" || d.type == "Protests" ||
                        d.territorial || d.subtype == "Sexual violence" ||
                        d.subtype == "Abduction/forced disappearance" || d.subtype == "Agreement" ||
                        d.subtype == "Mob violence";
        if (specific) conf += d.territorial ? 0.05 : 0.08;  // who took it is often unclear
        if (e.actor1 && !guessed_actor) {
          bool named = e.actor1->name.find('(') == std::string::npos &&
                       e.actor1->name.find(" of ") == std::string::npos;
          bool unidentified = e.actor1->name.rfind("Unidentified", 0) == 0;
          conf += named ? 0.10 : (unidentified ? 0.02 : 0.05);
        }
        // Raids and stormings say less about who was hurt than killings do.
        if (anchor.cue == Cue::kRaid || (anchor.cue == Cue::kAttack && anchor.verb)) conf -= 0.03;
        bool needs_victim = d.type == "Battles" || d.type == "Violence against civilians";
        if (needs_victim && e.actor2) conf += 0.04;
        if (e.where && where_basis == "clause") conf += e.where->precision == "city" ? 0.14 : 0.08;
        else if (e.where) conf += 0.03;
        if (e.when && when_basis == "clause") conf += 0.05;
        if (modality != "asserted") conf -= 0.10;
        if (round > 0) conf -= 0.10;              // a second event read from the same clause
        if (place_list.size() > 1) conf -= 0.03;  // one of several places
        if (d.subtype == "Other" || d.subtype == "Change to group/activity") conf -= 0.10;
        e.confidence = std::clamp(conf, 0.05, 0.97);
        e.confidence = std::round(e.confidence * 1000) / 1000;
        if (explain) {
          c.Note(si, "event " + d.subtype + " from \"" + e.trigger + "\"" +
                         (roles.passive ? " (passive)" : "") + "; actor1 " +
                         (e.actor1 ? e.actor1->name : "-") + ", actor2 " +
                         (e.actor2 ? e.actor2->name : "-") + "; place " +
                         (e.where ? e.where->place.name + " (" + where_basis + ")" : "-") +
                         "; modality " + modality);
        }
        events.push_back(std::move(e));
      }
      if (events.size() && events.back().actor1 && events.back().modality != "background") {
        c.last_actor1 = events.back().actor1;
        c.last_actor1_sentence = si;
      }
      }  // rounds
    }
  }

  // "The death toll rose to 30", "Two fatalities were reported": a toll told in a sentence
  // of its own belongs to the last event before it that could have killed.
  // Events are in sentence order: one pass keeps the first event of sentence si or later
  // (ev_next) and the last event before it that could have killed (last_killer).
  auto could_kill = [](const Event& e) {
    return e.fatalities || e.type == "Explosions/Remote violence" ||
           e.type == "Violence against civilians" || e.type == "Battles" ||
           e.subtype == "Excessive force against protesters" || e.subtype == "Mob violence";
  };
  size_t ev_next = 0;
  Event* last_killer = nullptr;
  for (uint32_t si = 1; si < a.sentences.size(); ++si) {
    const text::Sentence& st = a.sentences[si];
    for (; ev_next < events.size() && events[ev_next].sentence < si; ++ev_next)
      if (could_kill(events[ev_next])) last_killer = &events[ev_next];
    // Only sentences with a word of death can carry a toll.
    bool deadly = false;
    for (uint32_t hx = c.hit_r[si].b; hx < c.hit_r[si].e; ++hx)
      deadly = deadly || c.hits[hx].cue == Cue::kDie || c.hits[hx].cue == Cue::kKill;
    if (!deadly) continue;
    const bool has_event = ev_next < events.size() && events[ev_next].sentence == si;
    int64_t toll = -1;
    bool toll_phrase = false;
    for (uint32_t k = st.begin; k + 1 < st.end; ++k) {
      if (a.Is(k, "death") && a.Is(k + 1, "toll")) {
        toll_phrase = true;
        for (uint32_t j = k + 2; j < std::min(st.end, k + 10) && toll < 0; ++j) {
          uint32_t used;
          int64_t v = ParseCount(a, j, &used);
          if (v > 0 && !a.Is(j + 1, "percent")) toll = v;
        }
        break;
      }
      uint32_t used;
      int64_t v = ParseCount(a, k, &used);
      std::string_view nx = a.Folded(k + used);
      if (v > 0 && !has_event &&
          (nx == "fatalities" || nx == "dead" || nx == "deaths" || nx == "killed" ||
           (nx == "people" && (a.Is(k + used + 1, "died") || a.Is(k + used + 1, "killed") ||
                               a.Is(k + used + 2, "killed"))))) {
        toll = v;
        break;
      }
    }
    if (toll < 0) continue;
    Event* last = last_killer;
    if (last && (!last->fatalities || (toll_phrase && *last->fatalities < toll)))
      last->fatalities = toll;
  }

  // "Islamic State claimed responsibility": the claimant is actor1 of the attacks nearby
  // that name no armed perpetrator.
  {
    std::vector<std::pair<uint32_t, int>> claims;  // (sentence, mention)
    for (uint32_t si = 0; si < a.sentences.size(); ++si) {
      const text::Sentence& st = a.sentences[si];
      for (uint32_t k = st.begin; k + 1 < st.end; ++k) {
        std::string_view f = a.Folded(k);
        bool claim = (f == "claimed" || f == "claims" || f == "claim" || f == "claiming") &&
                     (a.Is(k + 1, "responsibility") || a.Is(k + 1, "credit"));
        if (!claim && (f == "claimed" || f == "claims")) {
          // "claimed a ballistic missile attack on Eilat", "claimed the bombing"
          // ("claimed on Thursday to have fired a ballistic missile at Eilat")
          for (uint32_t j = k + 1; j < std::min(st.end, k + 9); ++j)
            for (uint32_t hx = c.hit_r[si].b; hx < c.hit_r[si].e; ++hx)
              if (c.hits[hx].b == j && c.hits[hx].cue != Cue::kNotConflict && !c.hits[hx].verb) claim = true;
        }
        // "Al-Shabaab said it carried out the attack", "the group said it was behind the
        // blast".
        if (!claim && (f == "it" || f == "they") && k > st.begin &&
            (a.Is(k - 1, "said") || a.Is(k - 1, "says"))) {
          uint32_t j = k + 1;
          if (a.Is(j, "had") || a.Is(j, "has") || a.Is(j, "have")) ++j;
          claim = (a.Is(j, "carried") && a.Is(j + 1, "out")) ||
                  ((a.Is(j, "was") || a.Is(j, "were")) && a.Is(j + 1, "behind")) ||
                  a.Is(j, "conducted") || a.Is(j, "staged") || a.Is(j, "perpetrated");
        }
        if (!claim) continue;
        int who = -1;
        for (const Mention& m : c.MentionsIn(si))
          if (m.tok_end <= k && !m.generic && actors::IsArmed(m.kind)) who = static_cast<int>(c.IndexOf(m));
        if (who < 0)
          for (const Mention& m : c.MentionsIn(si))
            if (m.tok_begin > k && !m.generic && actors::IsArmed(m.kind) && who < 0) who = static_cast<int>(c.IndexOf(m));
        if (who >= 0) claims.push_back({si, who});
        break;
      }
    }
    for (Event& e : events) {
      if (claims.empty()) break;
      if (e.type != "Explosions/Remote violence" && e.type != "Violence against civilians" &&
          e.type != "Battles")
        continue;
      if (e.actor1 && (e.actor1->kind == "rebel group" || e.actor1->kind == "political militia" ||
                       e.actor1->kind == "identity militia" || e.actor1->kind == "state forces") &&
          e.actor1->name.find("Unidentified") == std::string::npos)
        continue;
      uint32_t es = a.tokens.empty() ? 0 : 0;
      for (uint32_t si = 0; si < a.sentences.size(); ++si)
        if (a.sentences[si].start <= e.trigger_start && e.trigger_start < a.sentences[si].stop) es = si;
      for (auto [cs, mi] : claims) {
        if (cs + 3 < es || es + 3 < cs) continue;
        e.actor1 = MakeActor(c, c.mentions[static_cast<size_t>(mi)],
                             e.where ? e.where->place.country : std::string());
        break;
      }
    }
  }

  RefinePlacesFromLaterSentences(c, &events);

  // ACLED names the people of a demonstration by what they did: protesters in a protest,
  // rioters in a riot or a mob; the police who intervene are actor2, and in "excessive
  // force" the forces are actor1 and the protesters actor2.
  for (Event& e : events) {
    if (e.type != "Protests" && e.type != "Riots") continue;
    std::string cc = e.where ? e.where->place.country : c.main_country;
    const bool riot = e.type == "Riots";
    const char* crowd_kind = riot ? "rioters" : "protesters";
    std::string crowd_name = riot ? "Rioters ({country})" : "Protesters ({country})";
    auto crowd = [&](std::optional<ActorRef> base) {
      ActorRef ar = base ? *base : ActorRef();
      // Named by where they marched ("Pro-Palestinian demonstrators" in London are
      // Protesters (United Kingdom)); by their own country only where no place is known.
      std::string country = e.where && !cc.empty() ? cc : (!ar.country.empty() ? ar.country : cc);
      ar.name = country.empty() ? (riot ? "Rioters" : "Protesters")
                                : actors::FillCountry(crowd_name, c.CountryName(country));
      ar.kind = crowd_kind;
      ar.country = country;
      ar.inter = riot ? 5 : 6;
      return ar;
    };
    auto is_crowd = [](const std::optional<ActorRef>& x) {
      return x && (x->kind == "protesters" || x->kind == "rioters" || x->kind == "civilians");
    };
    auto is_force = [](const std::optional<ActorRef>& x) {
      return x && (x->kind == "state forces" || x->kind == "external/other forces");
    };
    if (e.subtype == "Excessive force against protesters") {
      if (is_crowd(e.actor1) && !e.actor2) std::swap(e.actor1, e.actor2);
      if (is_crowd(e.actor1) && is_force(e.actor2)) std::swap(e.actor1, e.actor2);
      e.actor2 = crowd(is_crowd(e.actor2) ? e.actor2 : std::nullopt);
      // The forces the sentence names are its authors, even where the text layer took them
      // for a speaker ("Police responded with live rounds, killing three protesters").
      if (!e.actor1)
        for (const Mention& m : c.MentionsIn(e.sentence))
          if (m.kind == Kind::kStateForces && !m.pronoun) {
            e.actor1 = MakeActor(c, m, cc);
            break;
          }
      continue;
    }
    if (e.subtype == "Mob violence") {
      if (!is_force(e.actor1)) e.actor1 = crowd(is_crowd(e.actor1) ? e.actor1 : std::nullopt);
      continue;
    }
    if (is_force(e.actor1)) {
      std::optional<ActorRef> forces = e.actor1;
      e.actor1 = crowd(is_crowd(e.actor2) ? e.actor2 : std::nullopt);
      e.actor2 = forces;
    } else {
      e.actor1 = crowd(is_crowd(e.actor1) ? e.actor1 : std::nullopt);
      if (is_crowd(e.actor2) && e.actor2->name == e.actor1->name) e.actor2.reset();
    }
  }

  // One demonstration told in steps ("students rallied; police fired tear gas") is one
  // event: at the same place and date keep the most severe of its protest and riot codings.
  {
    auto severity = [](const std::string& sub) {
      if (sub == "Peaceful protest") return 1;
      if (sub == "Protest with intervention") return 2;
      if (sub == "Violent demonstration") return 3;
      if (sub == "Excessive force against protesters") return 4;
      return 0;
    };
    // The most severe coding per place, date and modality; the others fold into it.
    auto group = [](const Event& e) {
      return e.where->place.name + '\x1f' + e.when->date + '\x1f' + e.modality;
    };
    std::unordered_map<std::string, int> most;
    for (const Event& e : events)
      if (int sv = severity(e.subtype); sv && e.where && e.when) {
        int& m = most[group(e)];
        m = std::max(m, sv);
      }
    for (Event& e : events)
      if (int sv = severity(e.subtype); sv && e.where && e.when && sv < most[group(e)])
        e.subtype = "";  // folded into the more severe one
    std::vector<Event> kept;
    kept.reserve(events.size());
    for (Event& e : events)
      if (!e.subtype.empty()) kept.push_back(std::move(e));
    events.swap(kept);
  }

  // The same event told twice: same subtype, place and date, compatible actors. Keep the
  // one with the strongest evidence (highest confidence), and the first one's position.
  std::vector<Event> merged;
  merged.reserve(events.size());
  std::unordered_map<std::string, size_t> by_key;
  std::unordered_map<std::string, std::string> first_day_of_month;  // month key -> first day key
  for (Event& e : events) {
    // One side's claim and the report's own telling of the same act are one event.
    std::string key = e.subtype + "|" + (e.modality == "claimed" ? std::string("asserted") : e.modality) + "|" +
                      (e.where ? (e.where->place.geonameid ? std::to_string(*e.where->place.geonameid)
                                                           : e.where->place.name)
                               : "@" + std::to_string(e.sentence)) +
                      "|" + (e.when ? e.when->date : "");
    auto it = by_key.find(key);
    // A day and the month holding it are the same telling ("in April" / "on 3 April").
    if (it == by_key.end() && e.when && e.when->date.size() == 10) {
      std::string k2 = key.substr(0, key.size() - e.when->date.size()) + e.when->date.substr(0, 7);
      it = by_key.find(k2);
    }
    if (it == by_key.end() && e.when && e.when->date.size() == 7) {
      auto day = first_day_of_month.find(key);
      if (day != first_day_of_month.end()) it = by_key.find(day->second);
    }
    size_t into = it != by_key.end() ? it->second : merged.size();
    bool continuation = false;
    // A sentence that goes on telling the act of the sentence before, with no place of its
    // own ("The assailants arrived on motorbikes and opened fire on residents"): the same
    // event, at the place the first telling gave.
    // So is "Two militants were killed in the gunfight" after the gunfight: no author and no
    // place of its own, in the next sentence.
    const bool placeless = !e.where || (e.where_reason.rfind("place from ", 0) == 0 &&
                                        e.where_reason != "place from the city");
    if (into == merged.size() && placeless) {
      for (size_t j = merged.size(); j-- > 0;) {
        const Event& m = merged[j];
        if (m.sentence + 2 < e.sentence) break;
        const bool same_author = e.actor1 ? m.actor1 && m.actor1->name == e.actor1->name
                                          : m.sentence + 1 >= e.sentence;
        if (m.subtype == e.subtype && m.modality == e.modality && same_author &&
            (!m.actor2 || !e.actor2 || m.actor2->name == e.actor2->name) &&
            (m.when ? m.when->date : "") == (e.when ? e.when->date : "")) {
          into = j;
          continuation = true;
          break;
        }
      }
    }
    // "Gunmen abducted 15 pupils ... The kidnappers stormed the school": storming with nobody
    // killed is how the abduction was done, not an attack of its own.
    auto starts = [&](std::string_view p) { return e.trigger.size() >= p.size() &&
                                                  std::equal(p.begin(), p.end(), e.trigger.begin(),
                                                             [](char x, char y) { return x == (y | 0x20); }); };
    if (into == merged.size() && e.subtype == "Attack" && !e.fatalities && e.actor1 &&
        (starts("storm") || starts("raid") || starts("attack") || starts("invad"))) {
      for (size_t j = merged.size(); j-- > 0;) {
        const Event& m = merged[j];
        if (m.sentence + 2 < e.sentence) break;
        if (m.subtype == "Abduction/forced disappearance" && m.actor1 &&
            m.actor1->name == e.actor1->name && m.modality == e.modality) {
          into = j;
          continuation = true;
          break;
        }
      }
    }
    bool dup = false;
    if (into < merged.size()) {
      Event& m = merged[into];
      bool same_actor = !m.actor1 || !e.actor1 || m.actor1->name == e.actor1->name;
      if (same_actor) {
        if (e.confidence > m.confidence && !continuation) {
          if (!e.fatalities) e.fatalities = m.fatalities;
          if (!e.actor2) e.actor2 = m.actor2;
          if (!e.actor1) e.actor1 = m.actor1;
          m = std::move(e);
        } else {
          if (!m.fatalities) m.fatalities = e.fatalities;
          // (Not one side twice: "18 soldiers killed" names the army as its victim, the
          // army already being the clash's actor1.)
          if (!m.actor2 && e.actor2 && (!m.actor1 || m.actor1->name != e.actor2->name))
            m.actor2 = e.actor2;
          if (!m.actor1 && e.actor1 && (!m.actor2 || m.actor2->name != e.actor1->name))
            m.actor1 = e.actor1;
        }
        dup = true;
      }
    }
    if (!dup) {
      if (e.when && e.when->date.size() == 10)  // "...|2021-08-08" is also "...|2021-08" + day
        first_day_of_month.emplace(key.substr(0, key.size() - 3), key);
      by_key[key] = merged.size();
      merged.push_back(std::move(e));
    }
  }
  r->events.reserve(r->events.size() + merged.size());
  size_t k = 0;
  for (Event& e : merged) {
    e.id = doc.id + "#" + std::to_string(++k);
    r->events.push_back(std::move(e));
  }
}

}  // namespace sitrep::events
