// Geoparser: recognition, resolution and distance claims. See geoparser.h for the outline.
//
// One Parse call works on local state only:
//   1. Match: at each capitalised token, the longest names-table match whose words are
//      capitalised (lower-case joiners such as "e", "de", "al" allowed inside).
//   2. Context: type words ("province", "city of"), "X, Y" / "X in Y" containment,
//      "capital of Y", stated distances.
//   3. Recognise: an evidence score per match (geo/geoparser.cc Recognize).
//   4. Resolve in two passes: priors + containment, then the document's countries and the
//      proximity of the places resolved in the first pass.
//   5. Claims and output records.
#include "geo/geoparser.h"

#include <GeographicLib/Geodesic.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdlib>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "util/hash.h"

namespace sitrep::geo {

void Geodesic(double lat1, double lon1, double lat2, double lon2, double* km, double* bearing) {
  double s12 = 0, azi1 = 0, azi2 = 0;
  GeographicLib::Geodesic::WGS84().Inverse(lat1, lon1, lat2, lon2, s12, azi1, azi2);
  *km = s12 / 1000.0;
  double b = std::fmod(azi1 + 360.0, 360.0);
  *bearing = b >= 360.0 ? 0.0 : b;
}

namespace {

using text::Analysis;
using text::Token;
using text::TokKind;

// Type words around a name.
enum class Desig : uint8_t { kNone, kAdmin1, kAdmin2, kCity, kCountry };

// Why a name the gazetteer knows was left unresolved rather than put at a place the
// document gives no reason to believe in (Parser::Resolve). Emit words the reason.
enum class Held : uint8_t {
  kNone,
  kForeignAlternate,  // only another country's town, by an alternate name
  kForeignSmall,      // only a small town of a country nothing else in the document names
  kOutsidePossessive, // "Mogadishu's Lido": no reading in the possessor's country
  kFragment,          // the head of a longer capitalised name the gazetteer lacks
};

// Held::kForeignSmall: a town of at most this many people, in a document whose other
// countries have at least this many votes (a country or demonym is one vote).
constexpr uint32_t kForeignPopulation = 20000;
constexpr double kForeignOthers = 0.99;

struct Mention {
  uint32_t b = 0, e = 0;            // the name's tokens
  uint32_t span_b = 0, span_e = 0;  // the output span (may add a type word)
  uint32_t post_off = 0, post_n = 0;  // postings (Scratch::posts), one per place (best kind)
  // Places of the name's doubled-letter spelling (Parser::SqueezedMatch) beside the exact
  // name's, as alternate names: postings in Scratch::posts that join the mention's after
  // recognition (Parser::Run), so that they never make a name a place.
  uint32_t held_off = 0, held_n = 0;
  bool squeezed = false;            // found only through its doubled-letter spelling
  bool demonym = false;             // read as a demonym
  Desig desig = Desig::kNone;       // a type word after ("Kunduz province") or before
  bool desig_in_name = false;       // the type word disambiguates: it joins the span
  bool region_word = false;         // the type word is "region": a region fits it as well
  int container = -1;               // mention that contains this one ("X, Y", "X in Y")
  int list_next = -1;               // "X, Y, Z", "X, Y and Z": Y, read as a list, not "X in Y"
  int capital_of = -1;              // "X, capital of Y"
  bool capital_word = false;        // "the capital Kabul", "provincial capital X"
  int claim_ref = -1;               // "X, N km DIR of Y": Y's mention
  double claim_km = 0;
  int claim_bearing = -1;           // degrees, -1 if none stated
  uint32_t facility_end = 0;        // "Kabul Airport", "Mississippi River": the name's end
  bool has_primary = false;         // some candidate has this as its own name (not alternate)
  uint64_t key = 0;                 // the folded name's phrase key
  double ev = 0;                    // recognition evidence
  bool accepted = false;
  bool possessive = false;          // the container is a possessive before: "Mogadishu's X"
  bool fragment = false;            // the head of a longer unknown name: "Bulo Marer"
  Held held = Held::kNone;          // why Resolve left it unresolved (see Resolve)
  uint32_t chosen = kNoPlace;
  double score = 0;
};

// Word lists are tested per token, so a word is compared as one integer: Pack gives a
// word of at most 7 bytes as its bytes and its length in one uint64_t (distinct words,
// distinct values), 0 for a longer or empty word; a list is a sorted array of those.
constexpr uint64_t Pack(std::string_view f) {
  if (f.empty() || f.size() > 7) return 0;
  uint64_t w = static_cast<uint64_t>(f.size()) << 56;
  for (size_t k = 0; k < f.size(); ++k) w |= static_cast<uint64_t>(static_cast<uint8_t>(f[k])) << (8 * k);
  return w;
}
template <size_t N>
constexpr std::array<uint64_t, N> PackedSet(const std::string_view (&words)[N]) {
  std::array<uint64_t, N> set{};
  for (size_t k = 0; k < N; ++k) set[k] = Pack(words[k]);
  std::sort(set.begin(), set.end());
  return set;
}
template <size_t N>
bool InSet(const std::array<uint64_t, N>& set, std::string_view f) {
  const uint64_t w = Pack(f);
  return w != 0 && std::binary_search(set.begin(), set.end(), w);
}

// True if a folded word and a gazetteer name begin with the same three letters (ASCII
// letters compared without case; other bytes must be equal): "jisr" and "Jisr ash Shughur",
// not "boni" and "Watampone".
bool SameStem(std::string_view folded, std::string_view name) {
  if (folded.size() < 3 || name.size() < 3) return false;
  for (size_t i = 0; i < 3; ++i) {
    char x = folded[i], y = name[i];
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool IsJoiner(std::string_view f) {
  static constexpr std::string_view kJoiners[] = {
      "e",  "i",   "o",   "a",   "de",  "del", "della", "di",  "da",   "do",  "dos", "das",
      "du", "des", "la",  "le",  "les", "el",  "al",    "ul",  "ol",   "of",  "the", "and",
      "on", "upon", "sur", "am", "an",  "im",  "y",     "van", "von",  "der", "den", "bin",
      "ibn", "ad", "ar",  "as",  "ash", "at",  "az",    "en",  "op",   "aan", "bei", "na",
      "nad", "pod", "zu", "zum", "ez",  "es",  "ed",    "et",  "sous", "en",  "d",   "l",
      "s",  "t",   "e",   "al",  "il",  "ak",  "um",    "ah",  "ath",  "adh", "ir",  "ud"};
  static constexpr auto kSet = PackedSet(kJoiners);
  return InSet(kSet, f);
}

bool Capitalised(const Token& t) { return t.flags & (text::kCap | text::kAllCaps); }

// Facility words (data/geo_words.tsv) that name a street or a square: a street named after
// a place is rarely in that place.
bool IsStreetWord(std::string_view f) {
  static constexpr std::string_view kStreets[] = {"avenue", "ave",     "street",   "road",
                                                  "rd",     "boulevard", "blvd",   "lane",
                                                  "highway", "freeway", "motorway", "square",
                                                  "plaza"};
  for (std::string_view w : kStreets)
    if (f == w) return true;
  return false;
}

// The Arabic article as news write it before a name: "al-Raqqa", "Al-Shabaab", "ad-Dawr".
bool IsArticle(std::string_view f) {
  static constexpr std::string_view kArticles[] = {"al", "el", "ad", "adh", "ar", "as", "ash",
                                                   "at", "ath", "az", "an", "ed", "es", "ul"};
  static constexpr auto kSet = PackedSet(kArticles);
  return InSet(kSet, f);
}

// A number token as a value ("300", "1,000", "3.5"); false if it is not one.
bool NumberValue(const Analysis& a, uint32_t i, double* v) {
  if (i >= a.tokens.size() || a.tokens[i].kind != TokKind::kNumber) return false;
  std::string f(a.Folded(i));
  char* end = nullptr;
  *v = std::strtod(f.c_str(), &end);
  return end && *end == '\0' && *v > 0;
}

bool IsKmUnit(std::string_view f, double* factor) {
  if (f == "km" || f == "kms" || f == "kilometres" || f == "kilometers" || f == "kilometre" ||
      f == "kilometer") {
    *factor = 1.0;
    return true;
  }
  if (f == "miles" || f == "mile" || f == "mi") {
    *factor = 1.609344;
    return true;
  }
  return false;
}

// "north" -> 0, "north-west"/"northwest" -> 315 (consumes 1 or 2 tokens); -1 if none.
int Bearing(const Analysis& a, uint32_t i, uint32_t* next) {
  auto base = [](std::string_view f) {
    if (f == "north" || f == "northern") return 0;
    if (f == "east" || f == "eastern") return 90;
    if (f == "south" || f == "southern") return 180;
    if (f == "west" || f == "western") return 270;
    if (f == "northeast" || f == "northeastern") return 45;
    if (f == "southeast" || f == "southeastern") return 135;
    if (f == "southwest" || f == "southwestern") return 225;
    if (f == "northwest" || f == "northwestern") return 315;
    return -1;
  };
  if (i >= a.tokens.size()) return -1;
  int b = base(a.Folded(i));
  if (b < 0) return -1;
  *next = i + 1;
  if ((b == 0 || b == 180) && i + 1 < a.tokens.size() &&
      (a.tokens[i + 1].flags & text::kHyphenBefore)) {
    int c = base(a.Folded(i + 1));
    if (c == 90 || c == 270) {
      *next = i + 2;
      if (b == 0) return c == 90 ? 45 : 315;
      return c == 90 ? 135 : 225;
    }
  }
  return b;
}

const char* BearingName(int deg) {
  switch (deg) {
    case 0: return "N";
    case 45: return "NE";
    case 90: return "E";
    case 135: return "SE";
    case 180: return "S";
    case 225: return "SW";
    case 270: return "W";
    case 315: return "NW";
    default: return "";
  }
}

double Haversine(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kR = 6371.0088, kD = M_PI / 180.0;
  double p1 = lat1 * kD, p2 = lat2 * kD, dp = p2 - p1, dl = (lon2 - lon1) * kD;
  double h = std::sin(dp / 2) * std::sin(dp / 2) +
             std::cos(p1) * std::cos(p2) * std::sin(dl / 2) * std::sin(dl / 2);
  return 2 * kR * std::asin(std::min(1.0, std::sqrt(h)));
}

// The document's countries as votes: (country code as 16 bits, weight).
using CountryVote = std::pair<uint16_t, double>;
// A country vote contributed by the mentions of one name (its phrase key), so that a name
// does not vote for its own reading.
struct NameVote {
  uint64_t key;
  uint16_t cc;
  double w;
  bool operator==(const NameVote&) const = default;
};
// A resolution shared by the mentions of one name in the same setting (no containment,
// capital or distance statement of their own).
struct Resolved {
  uint64_t key;  // the candidate-list key
  uint32_t place;
  double margin;
  Held held;     // why place is kNoPlace, if it is
};
// A place resolved with confidence, which makes places near it likelier.
struct Anchor {
  uint32_t place;
  double weight;
  uint64_t key;  // the name it was resolved from (a name does not anchor itself)
  double lat, lon, coslat;
  uint32_t admin1;  // the place's admin1 area
  bool area;        // an area (may contain candidates), not a city
  bool operator==(const Anchor&) const = default;
};
// A candidate reading of a mention: (posting, prior score).
using Cand = std::pair<uint32_t, double>;
// A range of a pool vector.
struct Range {
  uint32_t off = 0, n = 0;
};

// A map from 64-bit keys (any value, 0 included) to uint32 values, for the per-document
// look-ups by name or country that a linear search would make quadratic in a long document
// (thousands of distinct names in one text). Open addressing, capacity reused across
// documents; Reset costs O(expected), so a short document stays cheap.
class KeyIndex {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;
  // Empties the map, sized for about `expected` keys (it grows past that as needed).
  void Reset(size_t expected) {
    const size_t cap = std::bit_ceil(std::max<size_t>(16, expected * 2));
    keys_.resize(cap);
    vals_.assign(cap, kNone);
    mask_ = cap - 1;
    size_ = 0;
  }
  // The value of key, or kNone.
  uint32_t Find(uint64_t key) const {
    for (size_t h = Home(key);; h = (h + 1) & mask_) {
      if (vals_[h] == kNone) return kNone;
      if (keys_[h] == key) return vals_[h];
    }
  }
  // The value of key, inserting `value` first if the key is new (value != kNone).
  uint32_t FindOrInsert(uint64_t key, uint32_t value) {
    if ((size_ + 1) * 2 > vals_.size()) Grow();
    size_t h = Home(key);
    for (; vals_[h] != kNone; h = (h + 1) & mask_)
      if (keys_[h] == key) return vals_[h];
    keys_[h] = key;
    vals_[h] = value;
    ++size_;
    return value;
  }
  // Sets the value of a key already present.
  void Set(uint64_t key, uint32_t value) {
    for (size_t h = Home(key);; h = (h + 1) & mask_)
      if (vals_[h] != kNone && keys_[h] == key) {
        vals_[h] = value;
        return;
      }
  }

 private:
  size_t Home(uint64_t key) const { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 29) & mask_; }
  void Grow() {
    std::vector<uint64_t> keys = std::move(keys_);
    std::vector<uint32_t> vals = std::move(vals_);
    Reset(vals.size());  // twice the capacity
    for (size_t i = 0; i < vals.size(); ++i)
      if (vals[i] != kNone) FindOrInsert(keys[i], vals[i]);
  }
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> vals_;
  size_t mask_ = 0, size_ = 0;
};

// The buffers of one Parse call. Parse is const and runs on many threads at once, so each
// thread keeps one Scratch (thread_local in Geoparser::Parse) and reuses its capacity from
// one document to the next: after the first few documents a Parse call allocates nothing
// but its output. Parser::Run clears every field before use; nothing carries over.
struct Scratch {
  std::vector<uint32_t> words;          // word classes per token (kUnknownWord: not yet)
  std::vector<uint8_t> caps_sentence;   // per sentence: mostly capital letters (a headline)
  std::vector<int8_t> title_sentence;   // per sentence: title case (TitleCase; -1: not yet known)
  std::vector<uint32_t> starts;         // tokens where a name may start (Match)
  std::vector<std::pair<uint32_t, uint32_t>> sentence_counts;  // Scan
  std::vector<lexicon::Match> matches;  // names-table matches at one token
  // SqueezedMatch: its matches, their postings, and what it found and computed.
  std::vector<lexicon::Match> squeezed_matches;
  std::vector<uint32_t> squeezed_values;
  std::vector<std::pair<uint32_t, uint32_t>> squeezed_found;
  std::vector<uint64_t> squeezed_hash;
  std::vector<uint32_t> dedup;          // Match: a hash table of places
  std::vector<Mention> ms;
  std::vector<uint32_t> posts;          // postings of every mention (Mention::post_off/n)
  std::vector<int> tok_mention;         // token -> mention index or -1
  std::vector<uint32_t> holder_count;   // per mention: how many "X, Y" name it as Y
  std::vector<CountryVote> doc_cc;
  std::vector<NameVote> name_cc;
  std::vector<uint16_t> hints;
  std::vector<Resolved> resolved;
  std::vector<Anchor> anchors;
  std::vector<Cand> cand_pool;          // candidate lists of every mention
  std::vector<Range> cands;             // per mention: its list in cand_pool
  std::vector<uint32_t> contained_off;  // per mention + 1: its range in contained
  std::vector<int> contained;           // mentions contained, grouped by container
  std::vector<uint64_t> cand_key;
  std::vector<std::pair<uint64_t, size_t>> cand_cache;
  std::vector<uint64_t> person_names;
  std::vector<std::pair<uint64_t, double>> name_ev;  // Run: one sense per document
  std::vector<uint64_t> name_hash;                   // Run: per mention, its name as written
  std::vector<std::pair<uint64_t, size_t>> best;     // Consistency
  // Run: the choices before pass 2 and what pass 2 started from.
  std::vector<uint32_t> chosen;
  std::vector<CountryVote> gathered_cc;
  std::vector<NameVote> gathered_names;
  std::vector<Anchor> gathered_anchors;
  std::vector<int> out_index;                        // Emit
  // Look-ups by key (KeyIndex): person names; candidate lists, resolutions and consistency
  // by name; evidence by name as written; country votes by country, name votes by (name,
  // country), and each name's first vote (then name_next: its next vote, in order).
  KeyIndex person_index, cand_index, resolved_index, best_index, ev_index, cc_index,
      name_cc_index, name_first;
  std::vector<uint32_t> name_next;
  // Per mention: its neighbours in a list of names ("A, B and C"), -1 if none (Candidates).
  std::vector<std::pair<int, int>> list_nb;
  std::vector<uint8_t> is_ref;                       // Emit
};

class Parser {
 public:
  Parser(const Gazetteer& g, const Analysis& a, const std::vector<std::string>* hints,
         Scratch* scratch)
      : g_(g), a_(a), n_(static_cast<uint32_t>(a.tokens.size())), s_(*scratch) {
    hints_.clear();
    if (hints) {
      for (const std::string& h : *hints) {
        if (h.size() != 2 || h[0] < 'A' || h[0] > 'Z' || h[1] < 'A' || h[1] > 'Z') continue;
        uint16_t cc = static_cast<uint16_t>(static_cast<uint8_t>(h[0]) << 8 | static_cast<uint8_t>(h[1]));
        if (std::find(hints_.begin(), hints_.end(), cc) == hints_.end()) hints_.push_back(cc);
      }
    }
  }

  void Run(std::vector<Toponym>* toponyms, std::vector<Claim>* claims);

 private:
  const PlaceRec& P(uint32_t i) const { return g_.place(i); }
  PlaceKind Kind(uint32_t i) const { return static_cast<PlaceKind>(P(i).kind); }
  bool IsArea(uint32_t i) const {
    PlaceKind k = Kind(i);
    return k == PlaceKind::kAdmin1 || k == PlaceKind::kAdmin2 || k == PlaceKind::kCountry ||
           k == PlaceKind::kRegion;
  }
  // Word classes of token i, looked up on first use (most tokens are never asked about;
  // Scan looks up the capitalised words in one batch).
  uint32_t W(uint32_t i) const {
    if (i >= n_) return 0;
    uint32_t& w = words_[i];
    if (w == kUnknownWord) w = a_.tokens[i].kind == TokKind::kWord ? g_.WordClasses(a_, i) : 0;
    return w;
  }
  static constexpr uint32_t kUnknownWord = 0xFFFFFFFFu;
  bool Is(uint32_t i, std::string_view f) const { return i < n_ && a_.Folded(i) == f; }
  uint32_t SentEnd(uint32_t i) const { return a_.sentences.empty() ? n_ : a_.sentences[a_.tokens[i].sentence].end; }
  uint32_t SentBegin(uint32_t i) const { return a_.sentences.empty() ? 0 : a_.sentences[a_.tokens[i].sentence].begin; }
  bool SentenceInitial(uint32_t i) const;
  bool Contains(uint32_t area, uint32_t place) const;
  double Prior(const Mention& m, uint32_t post) const;
  int MentionAt(uint32_t tok) const;
  // The postings of a mention (in Scratch::posts).
  std::span<uint32_t> Posts(const Mention& m) const { return {s_.posts.data() + m.post_off, m.post_n}; }
  // Keeps the postings of m for which keep(v) holds, in their order.
  template <typename Pred>
  void KeepPosts(Mention& m, Pred keep) {
    std::span<uint32_t> p = Posts(m);
    m.post_n = static_cast<uint32_t>(
        std::remove_if(p.begin(), p.end(), [&](uint32_t v) { return !keep(v); }) - p.begin());
  }
  // Candidates of mention k (after Candidates()), best prior first.
  std::span<const Cand> Cands(size_t k) const {
    return {s_.cand_pool.data() + s_.cands[k].off, s_.cands[k].n};
  }
  // The mentions that name mention k as their container ("X, Y": X for Y).
  std::span<const int> ContainedIn(size_t k) const {
    return {s_.contained.data() + s_.contained_off[k], s_.contained_off[k + 1] - s_.contained_off[k]};
  }

  // True if "X, Y" (mention x, then y) is part of a list ("X, Y, Z", "X, Y and Z") rather
  // than Y naming X's area ("Springfield, Illinois").
  bool InList(const Mention& x, size_t y) const;
  uint32_t PossessiveBefore(uint32_t b) const;
  void Scan();
  const lexicon::Match* LongestWritten(const std::vector<lexicon::Match>& list) const;
  bool ContainmentConfirmed(const Mention& m, int index) const;
  bool TitleCase(uint32_t sentence);
  bool PlaceCueBefore(uint32_t b) const;
  bool HeadOfLongerName(uint32_t b);
  Held Unsupported(const Mention& m, uint32_t place, double mine, double others) const;
  void HoldUnevidenced();
  uint64_t SqueezedHash(uint32_t j, bool* changed) const;
  const lexicon::Match* SqueezedMatch(uint32_t i, uint32_t min_end, uint64_t first,
                                      bool first_changed, uint32_t reach);
  void Match();
  void Context();
  void Recognize(Mention* m, int index);
  void Resolve(bool second_pass);
  void Consistency();
  void Emit(std::vector<Toponym>* toponyms, std::vector<Claim>* claims);

  const Gazetteer& g_;
  const Analysis& a_;
  const uint32_t n_;
  Scratch& s_;
  // Short names for the scratch buffers used throughout.
  std::vector<uint32_t>& words_ = s_.words;
  std::vector<uint8_t>& caps_sentence_ = s_.caps_sentence;
  std::vector<Mention>& ms_ = s_.ms;
  std::vector<int>& tok_mention_ = s_.tok_mention;
  std::vector<uint32_t>& holder_count_ = s_.holder_count;
  // The document's countries (a handful per document) and the votes of each name.
  std::vector<CountryVote>& doc_cc_ = s_.doc_cc;
  std::vector<NameVote>& name_cc_ = s_.name_cc;
  std::vector<uint16_t>& hints_ = s_.hints;  // the caller's country hints (16-bit codes)
  static uint16_t CC(const PlaceRec& r) {
    return static_cast<uint16_t>(static_cast<uint8_t>(r.cc[0]) << 8 | static_cast<uint8_t>(r.cc[1]));
  }
  std::vector<Resolved>& resolved_ = s_.resolved;
  std::vector<Anchor>& anchors_ = s_.anchors;  // places resolved with confidence
  // Per mention: the key of its candidate list (0: its own), and candidate-list key ->
  // the mention that computed it.
  std::vector<uint64_t>& cand_key_ = s_.cand_key;
  std::vector<std::pair<uint64_t, size_t>>& cand_cache_ = s_.cand_cache;
  void Candidates();
  // Folded-token hashes of surnames of people named here.
  std::vector<uint64_t>& person_names_ = s_.person_names;
  bool IsPersonName(uint32_t tok) const {
    return s_.person_index.Find(a_.tokens[tok].hash) != KeyIndex::kNone;
  }
  void FindPeople();
};

// People named with a title or a first name: "Gen. Abdul Rashid Dostom", "Tim Whitley",
// "Governor David Paterson". Their last word alone later names the person, not a place.
void Parser::FindPeople() {
  for (uint32_t i : s_.starts) {  // every capitalised word is a start
    const Token& t = a_.tokens[i];
    if (i + 1 >= n_ || !Capitalised(t) || (t.flags & text::kAllCaps)) continue;
    uint32_t c = W(i);
    bool title = c & kWordTitle;
    bool first = (c & kWordFirstName) && !(c & (kWordCommon1 | kWordCommon2));
    if (!title && !first) continue;
    uint32_t j = i + 1;
    if (title && Is(j, ".")) ++j;
    uint32_t last = 0;
    bool any = false;
    for (uint32_t k = j; k < n_ && k < j + 3; ++k) {
      const Token& u = a_.tokens[k];
      if (u.kind != TokKind::kWord || !Capitalised(u) || (u.flags & text::kAllCaps)) break;
      if (W(k) & (kWordOrg | kWordFacility | kWordCue | kWordMonth | kWordAdmin1 | kWordAdmin2)) break;
      last = k;
      any = true;
    }
    if (!any || (!title && last == i)) continue;
    if (first && last == i + 1 && (W(last) & (kWordCommon1 | kWordCommon2 | kWordCommon3))) continue;
    // The place-name test: a country or province right after a first name is not a surname.
    int mi = MentionAt(last);
    if (mi >= 0) {
      bool strong = false;
      for (uint32_t v : Posts(ms_[static_cast<size_t>(mi)])) {
        PlaceKind k = Kind(PostingPlace(v));
        strong |= k == PlaceKind::kCountry || k == PlaceKind::kAdmin1 || k == PlaceKind::kRegion;
      }
      if (strong) continue;
    }
    if (s_.person_index.FindOrInsert(a_.tokens[last].hash, static_cast<uint32_t>(person_names_.size())) ==
        person_names_.size())
      person_names_.push_back(a_.tokens[last].hash);
  }
}

bool Parser::SentenceInitial(uint32_t i) const {
  // First word of its sentence, after any opening quotes, brackets or a dateline dash.
  uint32_t s = SentBegin(i);
  for (uint32_t k = s; k < i; ++k)
    if (a_.tokens[k].kind != TokKind::kPunct) return false;
  return true;
}

inline bool Parser::Contains(uint32_t area, uint32_t p) const {
  if (area == p) return false;
  const PlaceRec& a = P(area);
  const PlaceRec& r = P(p);
  switch (static_cast<PlaceKind>(a.kind)) {
    case PlaceKind::kCountry: return r.country == area || (a.cc[0] == r.cc[0] && a.cc[1] == r.cc[1] && r.kind != a.kind);
    case PlaceKind::kAdmin1: return r.admin1 == area && r.kind != a.kind;
    case PlaceKind::kAdmin2: return r.admin2 == area && r.kind == static_cast<uint8_t>(PlaceKind::kCity);
    case PlaceKind::kRegion: {
      if (a.country != kNoPlace) return r.country == a.country;
      return false;
    }
    default: return false;
  }
}

int Parser::MentionAt(uint32_t tok) const {
  if (tok >= n_) return -1;
  return tok_mention_[tok];
}

// "Mexico, China, Japan and Brazil", "Georgia, Oklahoma, Pennsylvania": Y is followed by
// another name after ",", "and", "or" (or ", and"), and X and Y can both be places of one
// rank (countries; first-level areas of one country), so the commas separate list items
// and Y does not contain X. Read as containment, "China" became a village in Japan and
// "Oklahoma" a borough in Pennsylvania. "Hyderabad, Pakistan and Delhi" and "Atlanta,
// Georgia, United States" stay containment: Hyderabad and Atlanta are no country, Georgia
// and the United States no pair of states.
bool Parser::InList(const Mention& x, size_t y) const {
  const Mention& my = ms_[y];
  uint32_t j = my.e;
  if (j < n_ && Is(j, ",")) ++j;
  if (j < n_ && (Is(j, "and") || Is(j, "or"))) ++j;
  if (j == my.e || j >= n_) return false;
  const int z = MentionAt(j);
  if (z < 0 || ms_[static_cast<size_t>(z)].b != j) return false;
  // The ranks a name can have by its own name (not a demonym or an alternate spelling):
  // country, and the countries of its first-level areas.
  auto has_country = [this](const Mention& m) {
    for (uint32_t v : Posts(m))
      if (Kind(PostingPlace(v)) == PlaceKind::kCountry && PostingKind(v) <= NameKind::kAlias) return true;
    return false;
  };
  if (has_country(x) && has_country(my)) return true;
  for (uint32_t v : Posts(x)) {
    const uint32_t p = PostingPlace(v);
    if (Kind(p) != PlaceKind::kAdmin1 || PostingKind(v) > NameKind::kAlias) continue;
    for (uint32_t w : Posts(my)) {
      const uint32_t q = PostingPlace(w);
      if (Kind(q) == PlaceKind::kAdmin1 && PostingKind(w) <= NameKind::kAlias && CC(P(p)) == CC(P(q)))
        return true;
    }
  }
  return false;
}

// One pass over the tokens before matching: which sentences are headlines (mostly capital
// letters), where a name may start, and the word classes of the capitalised words (the
// later steps ask about nearly all of them). The word-class lookups of a few words ahead
// are started early (PhraseTable::Prefetch) so that their cache misses overlap.
// How many starts ahead Scan and Match prefetch (a hint: results never depend on it).
constexpr size_t kPrefetchAhead = 8;
void Parser::Scan() {
  words_.assign(n_, kUnknownWord);
  // Per sentence: words of two letters or more, and how many of them are in capitals.
  // (Analyze's sentences partition the tokens and Token::sentence names each one's.)
  std::vector<std::pair<uint32_t, uint32_t>>& counts = s_.sentence_counts;
  counts.assign(a_.sentences.size(), {0, 0});
  std::vector<uint32_t>& starts = s_.starts;
  starts.clear();
  for (uint32_t i = 0; i < n_; ++i) {
    const Token& t = a_.tokens[i];
    if (t.kind != TokKind::kWord) continue;
    if (!counts.empty() && t.end - t.start >= 2) {
      counts[t.sentence].first += 1;
      counts[t.sentence].second += (t.flags & text::kAllCaps) ? 1 : 0;
    }
    if (Capitalised(t) ||
        // "al-Raqqa", "ad-Dawr": a lower-case article hyphen-joined to a name
        (i + 1 < n_ && (a_.tokens[i + 1].flags & text::kHyphenBefore) &&
         Capitalised(a_.tokens[i + 1]) && a_.Folded(i).size() <= 3 && IsJoiner(a_.Folded(i))))
      starts.push_back(i);
  }
  caps_sentence_.resize(counts.size());
  for (size_t s = 0; s < counts.size(); ++s)
    caps_sentence_[s] = counts[s].first >= 3 && counts[s].second * 10 >= counts[s].first * 6;
  const lexicon::PhraseTable& words = g_.words();
  for (size_t k = 0; k < starts.size(); ++k) {
    if (k + kPrefetchAhead < starts.size())
      words.Prefetch(lexicon::TokenKey(a_.tokens[starts[k + kPrefetchAhead]].hash));
    const uint32_t i = starts[k];
    if (Capitalised(a_.tokens[i])) words_[i] = g_.WordClasses(a_, i);
  }
}

// At most this many places of a doubled-letter spelling join a name's (Match).
constexpr size_t kMaxHeld = 16;
// Word classes of a word that is something else as it stands: a name read through its
// doubled-letter spelling needs a word of none of them (SqueezedMatch).
constexpr uint32_t kOtherWord = kWordCommon1 | kWordCommon2 | kWordCommon3 | kWordFirstName |
                                kWordTitle | kWordOrg | kWordAdmin1 | kWordAdmin2 | kWordCity |
                                kWordCountry | kWordMonth | kWordFacility | kWordPersonAfter |
                                kWordDirection | kWordNotPlace | kWordPeople | kWordSurname;

// The longest match of a list (AllAt order: shortest first) written as a name: every word
// capitalised, but for joiners; the last word capitalised unless hyphen-joined ("Sar-e-Pul"
// ends in "Pul"; "Dar es Salaam"). Null if none.
const lexicon::Match* Parser::LongestWritten(const std::vector<lexicon::Match>& list) const {
  for (auto it = list.rbegin(); it != list.rend(); ++it) {
    bool ok = true;
    for (uint32_t k = it->begin; k < it->end && ok; ++k) {
      const Token& tk = a_.tokens[k];
      if (tk.kind == TokKind::kPunct) {
        std::string_view f = a_.Folded(k);
        ok = k > it->begin && k + 1 < it->end && (f == "." || f == "'" || f == "&" || f == "/");
        continue;
      }
      if (tk.kind == TokKind::kNumber) continue;
      if (Capitalised(tk)) continue;
      bool joiner = IsJoiner(a_.Folded(k)) && (k + 1 < it->end || (tk.flags & text::kHyphenBefore));
      if (k == it->begin) joiner = joiner && (a_.tokens[k + 1 < n_ ? k + 1 : k].flags & text::kHyphenBefore);
      ok = joiner || (tk.flags & text::kHyphenBefore && k + 1 < it->end);
    }
    if (ok) return &*it;
  }
  return nullptr;
}

// The hash of token j's squeezed form (index_format.h Squeeze); *changed if it differs from
// the token's own.
uint64_t Parser::SqueezedHash(uint32_t j, bool* changed) const {
  const Token& t = a_.tokens[j];
  const std::string_view f = a_.Folded(j);
  *changed = false;
  // Most tokens have no doubled letter: their own hash.
  size_t k = 1;
  while (k < f.size() && !(f[k] == f[k - 1] && f[k] >= 'a' && f[k] <= 'z')) ++k;
  if (k >= f.size()) return t.hash;
  char buf[kMaxSqueezeBytes];
  const size_t len = Squeeze(f, buf);
  *changed = len != 0 && len != f.size();
  return *changed ? HashBytes({buf, len}) : t.hash;
}

// The longest name at token i read through its squeezed spelling (index_format.h Squeeze)
// that ends after token min_end - 1 and is written as a name; null if none. Looked up under
// salted keys (the data's name has a doubled letter) and under plain keys (only the text's
// has one: then a token of the match must have changed, and the postings must pass
// SqueezeVariantOk as the salted ones did when the index was built). `first` is
// SqueezedHash(i), `reach` the last token the exact look-up at i read: under plain keys the
// text as it stands reads the same up to its first changed token, so that look-up is made
// only if a token up to `reach` changed. The match's postings are in s_.squeezed_values,
// those of one span merged.
const lexicon::Match* Parser::SqueezedMatch(uint32_t i, uint32_t min_end, uint64_t first,
                                            bool first_changed_too, uint32_t reach) {
  const lexicon::PhraseTable& names = g_.names();
  // Most starts: no doubled letter where the exact look-up read, and no squeezed name
  // begins with the token.
  if (!first_changed_too && reach == i && !names.Has(lexicon::TokenKey(first ^ kSqueezeSalt)))
    return nullptr;
  const uint32_t stop = SentEnd(i);
  // (end, posting) of every match found, then grouped by end.
  std::vector<std::pair<uint32_t, uint32_t>>& found = s_.squeezed_found;
  found.clear();
  uint32_t first_changed = first_changed_too ? i : UINT32_MAX;  // the first changed token
  std::vector<uint64_t>& plain = s_.squeezed_hash;
  plain.assign(1, first);
  auto squeezed_hash = [&](uint32_t j) -> uint64_t {
    if (j - i < plain.size()) return plain[j - i];
    bool changed = false;
    const uint64_t h = SqueezedHash(j, &changed);
    if (changed) first_changed = std::min(first_changed, j);
    plain.push_back(h);
    return h;
  };
  std::vector<lexicon::Match>& out = s_.squeezed_matches;
  out.clear();
  names.AllAtWith(i, stop, [&](uint32_t j) { return squeezed_hash(j) ^ kSqueezeSalt; }, &out);
  for (const lexicon::Match& x : out)
    if (x.end > min_end)
      for (uint32_t v : x.values) found.push_back({x.end, v});
  for (uint32_t j = i + 1; j <= reach && j < stop && first_changed == UINT32_MAX; ++j) squeezed_hash(j);
  if (first_changed != UINT32_MAX) {
    out.clear();
    names.AllAtWith(i, stop, squeezed_hash, &out);
    for (const lexicon::Match& x : out) {
      if (x.end <= min_end || first_changed >= x.end) continue;
      size_t len = 0;
      for (uint32_t k = x.begin; k < x.end; ++k) len += a_.Folded(k).size();
      if (len < kSqueezeMinBytes) continue;
      for (uint32_t v : x.values) {
        const PlaceRec& r = P(PostingPlace(v));
        if (SqueezeVariantOk(static_cast<PlaceKind>(r.kind), r.population, PostingKind(v)))
          found.push_back({x.end, v});
      }
    }
  }
  out.clear();
  if (found.empty()) return nullptr;
  std::sort(found.begin(), found.end());
  // A near spelling is no evidence for a word that is something else as it stands: a name
  // of common words ("State" for a Stätte, "Goose"), of a given name ("Maureen") or of type
  // and organisation words needs one word outside those classes ("Lower Shabelle").
  uint32_t own_word_end = UINT32_MAX;  // the end of the first match with a word of its own
  for (uint32_t k = i; k < found.back().first && own_word_end == UINT32_MAX; ++k)
    if (a_.tokens[k].kind == TokKind::kWord && !(W(k) & kOtherWord)) own_word_end = k + 1;
  // The postings, as alternate names: a near spelling counts less than the name itself.
  std::vector<uint32_t>& values = s_.squeezed_values;
  values.clear();
  for (const auto& [end, v] : found) values.push_back(MakePosting(PostingPlace(v), NameKind::kAlternate));
  for (size_t k = 0; k < found.size();) {
    size_t e = k;
    while (e < found.size() && found[e].first == found[k].first) ++e;
    if (found[k].first >= own_word_end)
      out.push_back(lexicon::Match{i, found[k].first, {values.data() + k, e - k}});
    k = e;
  }
  return LongestWritten(out);
}

// At each token where a name may start (Scan), the longest names-table match whose words
// are capitalised (lower-case joiners allowed inside). As in Scan, the names-table probe of
// a start a few ahead is begun early.
void Parser::Match() {
  const auto& names = g_.names();
  std::vector<lexicon::Match>& all = s_.matches;
  const std::vector<uint32_t>& starts = s_.starts;
  std::vector<uint32_t>& posts = s_.posts;
  ms_.reserve(starts.size());  // at most one mention per start (no regrowth in a long text)
  uint32_t i = 0;  // the first token not inside a name found already
  // SqueezedHash of the starts si .. si + kPrefetchAhead, by si modulo kPrefetchAhead1.
  constexpr size_t kPrefetchAhead1 = kPrefetchAhead + 1;
  std::array<std::pair<uint64_t, bool>, kPrefetchAhead1> sq_first;
  for (size_t si = 0; si < std::min(starts.size(), kPrefetchAhead); ++si) {
    bool changed = false;
    const uint64_t h = SqueezedHash(starts[si], &changed);
    sq_first[si % kPrefetchAhead1] = {h, changed};
  }
  for (size_t si = 0; si < starts.size(); ++si) {
    if (si + kPrefetchAhead < starts.size()) {
      const uint32_t ahead = starts[si + kPrefetchAhead];
      names.Prefetch(lexicon::TokenKey(a_.tokens[ahead].hash));
      // And the first key of its squeezed look-up (SqueezedMatch), kept for it.
      if (Capitalised(a_.tokens[ahead])) {
        bool changed = false;
        const uint64_t h = SqueezedHash(ahead, &changed);
        sq_first[(si + kPrefetchAhead) % kPrefetchAhead1] = {h, changed};
        names.Prefetch(lexicon::TokenKey(h ^ kSqueezeSalt));
      }
    }
    if (starts[si] < i) continue;
    i = starts[si];
    all.clear();
    uint32_t reach = i;  // the last token the look-up read
    names.AllAtWith(i, SentEnd(i), [&](uint32_t j) { reach = j; return a_.tokens[j].hash; }, &all);
    // "al-Raqqa", "Al-Shabaab": the article alone is never the name ("Al" folds like Ål,
    // Norway); the name is looked up without it, and the span keeps it.
    bool skip_article = false;
    if (i + 1 < n_ && (a_.tokens[i + 1].flags & text::kHyphenBefore) &&
        a_.tokens[i + 1].kind == TokKind::kWord && IsArticle(a_.Folded(i))) {
      std::erase_if(all, [&](const lexicon::Match& x) { return x.end == i + 1; });
      if (all.empty()) {
        names.AllAt(a_, i + 1, SentEnd(i), &all);
        skip_article = !all.empty();
      }
    }
    const lexicon::Match* best = LongestWritten(all);
    // A doubled-letter spelling ("Lower Shabelle" for Lower Shabeelle, "Hiran" for
    // Hiiraan). Longer than the exact spelling's name, it is the name; as long, its places
    // are held back (Mention::held_off) to join the exact name's after recognition, as
    // alternate names ("Hiran region": Hiiraan beside the Iraqi town Hīrān).
    const lexicon::Match* held = nullptr;
    bool squeezed = false;
    if (!skip_article && Capitalised(a_.tokens[i])) {
      const auto [first, changed] = sq_first[si % kPrefetchAhead1];
      const lexicon::Match* sq = SqueezedMatch(i, best ? best->end - 1 : i, first, changed, reach);
      if (sq && (!best || sq->end > best->end)) {
        best = sq;
        squeezed = true;
      } else if (sq) {
        held = sq;  // as long as the exact name
      }
    }
    if (!best) continue;
    const std::span<const uint32_t> values = best->values;
    Mention m;
    m.squeezed = squeezed;
    m.b = m.span_b = skip_article ? i : best->begin;
    m.e = m.span_e = best->end;
    // One posting per place: the first of its postings with the best (lowest) name kind,
    // at the place of its first posting.
    m.post_off = static_cast<uint32_t>(posts.size());
    if (values.size() <= 16) {
      for (uint32_t v : values) {
        const uint32_t p = PostingPlace(v);
        bool seen = false;
        for (size_t w = m.post_off; w < posts.size(); ++w) {
          if (PostingPlace(posts[w]) == p) {
            if (PostingKind(v) < PostingKind(posts[w])) posts[w] = v;
            seen = true;
          }
        }
        if (!seen) posts.push_back(v);
      }
    } else {
      // The same for a long list ("Victoria", "San Jose": dozens of places) in linear time,
      // finding a place's posting through a small hash table of places (a slot holds the
      // posting's index among this mention's postings + 1; 0 is empty).
      std::vector<uint32_t>& slots = s_.dedup;
      const size_t mask = std::bit_ceil(values.size() * 2) - 1;
      slots.assign(mask + 1, 0);
      for (uint32_t v : values) {
        const uint32_t p = PostingPlace(v);
        size_t h = static_cast<size_t>((p * 0x9E3779B97F4A7C15ull) >> 32) & mask;
        while (slots[h] && PostingPlace(posts[m.post_off + slots[h] - 1]) != p) h = (h + 1) & mask;
        if (!slots[h]) {
          posts.push_back(v);
          slots[h] = static_cast<uint32_t>(posts.size() - m.post_off);
          continue;
        }
        uint32_t& w = posts[m.post_off + slots[h] - 1];
        if (PostingKind(v) < PostingKind(w)) w = v;
      }
    }
    m.post_n = static_cast<uint32_t>(posts.size() - m.post_off);
    if (held) {
      m.held_off = static_cast<uint32_t>(posts.size());
      for (size_t h = 0; h < held->values.size() && h < kMaxHeld; ++h) {
        const uint32_t p = PostingPlace(held->values[h]);
        bool seen = false;
        for (size_t w = m.post_off; w < posts.size() && !seen; ++w) seen = PostingPlace(posts[w]) == p;
        if (!seen) posts.push_back(MakePosting(p, NameKind::kAlternate));
      }
      m.held_n = static_cast<uint32_t>(posts.size() - m.held_off);
    }
    ms_.push_back(m);
    i = best->end;
  }
  tok_mention_.assign(n_, -1);
  for (size_t k = 0; k < ms_.size(); ++k)
    for (uint32_t t = ms_[k].b; t < ms_[k].e; ++t) tok_mention_[t] = static_cast<int>(k);
}

// Where the possessive before a name would be, skipping back from token b over at most
// five words that describe the place: direction words ("northern"), type words and "of"
// after one ("city of"), hyphenated compounds ("semi-autonomous", "rebel-held") and a few
// adjectives news use so ("restive", "central", "coastal"). Returns b if there is nothing to
// skip; stops at anything else ("Lebanon's army shelled Tripoli" links nothing).
uint32_t Parser::PossessiveBefore(uint32_t b) const {
  static constexpr std::string_view kAdjectives[] = {
      "restive", "central", "remote", "volatile", "troubled", "embattled", "besieged",
      "coastal", "largest", "biggest", "main", "second", "third", "capital", "provincial",
      "commercial", "border", "mountainous", "rural", "autonomous", "breakaway", "disputed",
      "occupied", "far", "oil", "port", "holy", "ancient", "southernmost", "northernmost",
      "easternmost", "westernmost"};
  // Most names have no possessive within reach: nothing to skip then.
  bool possessive = false;
  for (uint32_t k = b; k >= 1 && k + 6 >= b && !possessive; --k) possessive = Is(k - 1, "s") || Is(k - 1, "'s");
  if (!possessive) return b;
  uint32_t q = b;
  for (int skipped = 0; q >= 1 && skipped < 5; ++skipped) {
    const uint32_t k = q - 1;
    const Token& t = a_.tokens[k];
    if (t.kind != TokKind::kWord || Capitalised(t)) break;
    const std::string_view f = a_.Folded(k);
    const bool compound = (t.flags & text::kHyphenBefore) ||
                          (k + 1 < b && (a_.tokens[k + 1].flags & text::kHyphenBefore));
    const bool typed_of = f == "of" && k >= 1 && (W(k - 1) & (kWordAdmin1 | kWordAdmin2 | kWordCity));
    bool adjective = false;
    for (std::string_view w : kAdjectives) adjective |= f == w;
    if (!(compound || typed_of || adjective ||
          (W(k) & (kWordDirection | kWordAdmin1 | kWordAdmin2 | kWordCity))))
      break;
    q = k;
  }
  return q;
}

// Type words, containment, "capital of", stated distances.
void Parser::Context() {
  for (size_t k = 0; k < ms_.size(); ++k) {
    Mention& m = ms_[k];
    // "Kunduz province", "Haifa city", "Jowzjan provinces".
    uint32_t w = W(m.e);
    // "Ohio State University", "Kansas City Chiefs": a capitalised type word that heads an
    // organisation's name is no type word of the place.
    // So does one that is an organisation's head noun itself: "United States Department of
    // Agriculture".
    bool org_after = m.e + 1 < n_ && Capitalised(a_.tokens[m.e]) &&
                     ((a_.tokens[m.e + 1].kind == TokKind::kWord && Capitalised(a_.tokens[m.e + 1]) &&
                       (W(m.e + 1) & (kWordOrg | kWordFacility))) ||
                      ((W(m.e) & kWordOrg) && (Is(m.e + 1, "of") || Is(m.e + 1, "for"))));
    // "the English city of Salisbury", "the Syrian town of X": a demonym before "TYPE of"
    // describes the place the type word introduces; the type word is not its own.
    bool introduces = false;
    if (m.e + 1 < n_ && Is(m.e + 1, "of"))
      for (uint32_t v : Posts(m)) introduces |= PostingKind(v) == NameKind::kDemonym;
    if (m.e < n_ && !(a_.tokens[m.e].flags & text::kHyphenBefore) && !org_after && !introduces) {
      m.region_word = Is(m.e, "region") || Is(m.e, "regions");
      if (w & kWordAdmin1) m.desig = Desig::kAdmin1;
      else if (w & kWordAdmin2) m.desig = Desig::kAdmin2;
      else if (w & kWordCity) m.desig = Desig::kCity;
    }
    // "the province of Nimroz", "the city of Kunduz", "the town of X", "X state of".
    if (m.b >= 2 && Is(m.b - 1, "of")) {
      uint32_t pw = W(m.b - 2);
      m.region_word = Is(m.b - 2, "region");
      if (pw & kWordAdmin1) m.desig = Desig::kAdmin1;
      else if (pw & kWordAdmin2) m.desig = Desig::kAdmin2;
      else if (pw & kWordCity) m.desig = Desig::kCity;
      else if (pw & kWordCountry) m.desig = Desig::kCountry;
    }
    // "the capital Kabul", "provincial capital Lashkar Gah".
    if (m.b >= 1 && Is(m.b - 1, "capital")) m.capital_word = true;
    // Containment: "X, Y" (Y right after the comma), "X in Y", "X (Y)".
    uint32_t j = m.e;
    if (m.desig != Desig::kNone && j < n_ && (W(j) & (kWordAdmin1 | kWordAdmin2 | kWordCity))) ++j;
    if (j + 1 < n_ && (Is(j, ",") || Is(j, "(") || Is(j, "in"))) {
      int y = MentionAt(j + 1);
      if (y >= 0 && ms_[static_cast<size_t>(y)].b == j + 1) {
        if (Is(j, ",") && InList(m, static_cast<size_t>(y))) m.list_next = y;
        else m.container = y;
      }
    }
    // "Y's X": "Afghanistan's Kunduz province", also across what describes X: "Lebanon's
    // northern Tripoli", "Pakistan's southern city of Hyderabad", "Iraq's semi-autonomous
    // Kurdistan region".
    if (m.container < 0) {
      const uint32_t q = PossessiveBefore(m.b);
      if (q >= 2 && (Is(q - 1, "s") || Is(q - 1, "'s"))) {
        int y = MentionAt(q - 2);
        if (y >= 0 && y != static_cast<int>(k) && ms_[static_cast<size_t>(y)].e == q - 1) {
          m.container = y;
          m.possessive = true;
        }
      }
    }
    // "X, capital of [the] [distant] [province of] Y", "X, the capital of Y".
    uint32_t c = m.span_e;
    if (c < n_ && (Is(c, ",") || Is(c, "("))) {
      ++c;
      for (int skip = 0; skip < 3 && c < n_ && !Is(c, "capital"); ++skip) {
        if (!(Is(c, "the") || Is(c, "provincial") || Is(c, "regional") || Is(c, "state") ||
              Is(c, "district")))
          break;
        ++c;
      }
      if (Is(c, "capital") && Is(c + 1, "of")) {
        uint32_t d = c + 2;
        for (int skip = 0; skip < 5 && d < n_ && MentionAt(d) < 0 && !Is(d, ",") && !Is(d, "."); ++skip) ++d;
        int y = MentionAt(d);
        if (y >= 0 && y != static_cast<int>(k)) m.capital_of = y;
      }
    }
    // "X, [about] N km [further] DIR [of|from] Y".
    uint32_t d = m.span_e;
    if (d < n_ && Is(d, ",")) {
      ++d;
      static constexpr std::string_view kFill[] = {"about", "some", "around", "roughly", "nearly",
                                                   "approximately", "almost", "over", "just",
                                                   "located", "which", "is", "lies", "situated",
                                                   "only", "another", "a", "further"};
      for (int skip = 0; skip < 3 && d < n_; ++skip) {
        bool f = false;
        for (auto s : kFill) f |= Is(d, s);
        if (!f) break;
        ++d;
      }
      double km, factor;
      if (NumberValue(a_, d, &km) && d + 1 < n_ && IsKmUnit(a_.Folded(d + 1), &factor)) {
        uint32_t e = d + 2;
        // "(186 miles)"
        if (Is(e, "(")) {
          uint32_t q = e + 1;
          while (q < n_ && q < e + 5 && !Is(q, ")")) ++q;
          if (Is(q, ")")) e = q + 1;
        }
        bool further = false;
        if (Is(e, "further") || Is(e, "farther") || Is(e, "more")) {
          further = true;
          ++e;
        }
        uint32_t after = e;
        int bearing = Bearing(a_, e, &after);
        int ref = -1;
        if (Is(after, "of") || Is(after, "from")) {
          int y = MentionAt(after + 1);
          if (y >= 0 && ms_[static_cast<size_t>(y)].b == after + 1) ref = y;
        }
        if (ref >= 0 || further) {
          m.claim_km = km * factor;
          m.claim_bearing = bearing;
          m.claim_ref = ref >= 0 ? ref : -2;  // -2: relative to the place named before
        }
      }
    }
  }
}

// True if sentence `sentence` is written in title case, as headlines are ("Rebels Seize World
// Heritage Site Lalibela"): at least three words of four letters or more, and at least 80% of
// them capitalised. Then a capitalised word says nothing about the next one. Computed when
// first asked (few sentences are) and kept for the document.
bool Parser::TitleCase(uint32_t sentence) {
  if (a_.sentences.empty()) return false;
  int8_t& known = s_.title_sentence[sentence];
  if (known < 0) {
    uint32_t words = 0, caps = 0;
    const text::Sentence& st = a_.sentences[sentence];
    for (uint32_t k = st.begin; k < st.end; ++k) {
      const Token& t = a_.tokens[k];
      if (t.kind != TokKind::kWord || t.end - t.start < 4) continue;
      ++words;
      caps += Capitalised(t) ? 1 : 0;
    }
    known = words >= 3 && caps * 10 >= words * 8;
  }
  return known > 0;
}

// True if the words before token b say that a place follows: a cue word ("in", "near",
// "seized"), "on" after an attack or advance ("an assault on Daraya", "airstrikes on
// Idlib", "the march on Kyiv"), or "of" after a word of territory.
bool Parser::PlaceCueBefore(uint32_t b) const {
  if (b >= 1 && (W(b - 1) & kWordCue)) return true;
  static constexpr std::string_view kOnAfter[] = {
      "attack", "attacks", "assault", "assaults", "offensive", "raid", "raids", "strike",
      "strikes", "airstrike", "airstrikes", "bombardment", "bombing", "bombings",
      "shelling", "advance", "march", "push", "onslaught", "incursion", "incursions"};
  // ... or "of" after a word of territory ("took control of Lalibela", "the fall of Kabul",
  // "the siege of Mariupol", "the outskirts of Goma").
  static constexpr std::string_view kOfAfter[] = {
      "control", "capture", "recapture", "fall", "siege", "outskirts", "liberation", "seizure",
      "encirclement", "blockade", "suburbs", "centre", "center", "heart", "ruins"};
  if (b >= 2 && Is(b - 1, "of"))
    for (std::string_view w : kOfAfter)
      if (Is(b - 2, w)) return true;
  if (b < 2 || !Is(b - 1, "on")) return false;
  for (std::string_view w : kOnAfter)
    if (Is(b - 2, w)) return true;
  return false;
}

// True if the gazetteer confirms a containment the text states with mention m (index
// `index`): a reading of its container holds one of its readings, or one of its readings
// holds a reading of a mention it contains.
bool Parser::ContainmentConfirmed(const Mention& m, int index) const {
  auto holds = [this](const Mention& area, const Mention& x) {
    for (uint32_t v : Posts(area))
      for (uint32_t w : Posts(x))
        if (Contains(PostingPlace(v), PostingPlace(w))) return true;
    return false;
  };
  if (m.container >= 0 && holds(ms_[static_cast<size_t>(m.container)], m)) return true;
  if (holder_count_[static_cast<size_t>(index)] == 0) return false;
  for (const Mention& x : ms_)
    if (x.container == index && holds(m, x)) return true;
  return false;
}

// Recognition: is this match a place (or a demonym)? Sets m->accepted and m->ev.
// True if the one-word name at token b is the head of a longer capitalised name the
// gazetteer lacks: the next word is capitalised, set off by a space, of no word class (no
// type word, organisation, month, title or common word), no acronym and no name of its own,
// in a sentence that is no title-case headline. "the town of Bulo Marer": Bulo, Philippines
// is no reading of it.
bool Parser::HeadOfLongerName(uint32_t b) {
  const uint32_t e = b + 1;
  if (e >= n_) return false;
  const Token& t = a_.tokens[e];
  if (t.kind != TokKind::kWord || !(t.flags & text::kCap) || (t.flags & text::kAllCaps) ||
      !(t.flags & text::kSpaceBefore) || (t.flags & text::kHyphenBefore) || MentionAt(e) >= 0 || W(e) != 0)
    return false;
  const bool headline = !caps_sentence_.empty() && caps_sentence_[t.sentence];
  return !headline && !TitleCase(t.sentence);
}

// Whether the document gives no reason to believe in `place`, the best reading of m (the
// reason, Held::kNone if it does): m is the head of a longer unknown name (HeadOfLongerName);
// the possessor of "Y's X" is resolved and X's town or district lies in another country
// ("Mogadishu's Lido" is no Lido in Italy); or the place is a small town (no capital, no
// administrative seat) of a country that nothing else in the document names, while the
// document names others (`mine`, `others`: the document's country votes for the place's
// country and for the rest, less m's own), unless the name is one of the alias list.
// Countries, first-level areas and regions are never held: a misread list must not lose them.
Held Parser::Unsupported(const Mention& m, uint32_t place, double mine, double others) const {
  const PlaceKind kind = Kind(place);
  if (kind != PlaceKind::kCity && kind != PlaceKind::kAdmin2) return Held::kNone;
  const PlaceRec& r = P(place);
  const std::string_view fc = kFeatureCodes[r.feature];
  const bool seat = fc == "PPLC" || fc == "PPLG" || fc.starts_with("PPLA");
  // (A place the document's countries hold is the namesake of "Seattle Seahawks",
  // "Randwick Racecourse".)
  if (m.fragment && mine < 1e-9 && !seat) return Held::kFragment;
  if (m.possessive && m.container >= 0) {
    const Mention& y = ms_[static_cast<size_t>(m.container)];
    if (y.accepted && !y.demonym && y.chosen != kNoPlace && P(y.chosen).cc[0] != ' ' && r.cc[0] != ' ' &&
        CC(P(y.chosen)) != CC(r))
      return Held::kOutsidePossessive;
  }
  // (A name of the alias list, data/place_aliases.tsv, is a news spelling of that very
  // place: "Huwara".)
  bool alias = false;
  for (uint32_t v : Posts(m)) alias |= PostingPlace(v) == place && PostingKind(v) == NameKind::kAlias;
  if (kind == PlaceKind::kCity && mine < 1e-9 && others >= kForeignOthers && r.population < kForeignPopulation &&
      !seat && !alias)
    return Held::kForeignSmall;
  return Held::kNone;
}

// The words Emit gives a held toponym (Held) as its reason.
const char* HeldReason(Held held) {
  switch (held) {
    case Held::kForeignAlternate: return "only another country's place has this name, as an alternate name";
    case Held::kForeignSmall: return "only a small place of a country the document does not otherwise name";
    case Held::kOutsidePossessive: return "no place of this name in the possessor's country";
    case Held::kFragment: return "part of a longer name not in the gazetteer";
    case Held::kNone: break;
  }
  return "no candidate supported";
}

void Parser::Recognize(Mention* mp, int index) {
  Mention& m = *mp;
  const uint32_t b = m.b, e = m.e;
  const Token& first = a_.tokens[b];
  const bool single = e - b == 1;
  const uint32_t wc = single ? W(b) : 0;
  const bool headline = caps_sentence_.empty() ? false : caps_sentence_[first.sentence];
  // Abbreviations count only in capitals or with dots ("US", "U.S."), or as ", Va.".
  {
    const Token& last = a_.tokens[e - 1];
    bool caps_form = (last.flags & (text::kAllCaps | text::kAbbrev)) && !headline;
    bool state_form = b >= 1 && Is(b - 1, ",") && Is(e, ".") && Capitalised(first);
    bool abbrev = false;
    for (uint32_t v : Posts(m)) abbrev |= PostingKind(v) == NameKind::kAbbrev;
    const bool state_abbrev = state_form && abbrev && single && a_.Folded(b).size() <= 4;
    KeepPosts(m, [&](uint32_t v) {
      bool is_abbrev = PostingKind(v) == NameKind::kAbbrev;
      if (state_abbrev) return is_abbrev;  // "Gainesville, Va.": the state, not "Va" (Wa)
      return !is_abbrev || caps_form || state_form;
    });
    if (m.post_n == 0) return;
    // "U.S." written as an abbreviation means the abbreviation's place, not a village whose
    // name folds the same ("Us", France).
    if (abbrev && (last.flags & text::kAbbrev)) {
      KeepPosts(m, [](uint32_t v) { return PostingKind(v) == NameKind::kAbbrev; });
      if (m.post_n == 0) return;
    }
  }
  // From here on a return is a firm "not a place": a weak reading of the same name elsewhere
  // (one sense per document) must not bring it back.
  m.ev = -10;
  if (single && (wc & (kWordMonth | kWordNotPlace))) return;
  // An all-capital short word in running text is an acronym ("DOH", "FAO"), unless the name
  // is an abbreviation of the list ("US", "UK", "DRC").
  bool has_abbrev = false;
  for (uint32_t v : Posts(m)) has_abbrev |= PostingKind(v) == NameKind::kAbbrev;
  if (single && (first.flags & text::kAllCaps) && !headline && a_.Folded(b).size() <= 5 && !has_abbrev)
    return;
  // A name of one or two letters that is not an abbreviation of the list: "St", "Al", "Lu".
  if (single && a_.Folded(b).size() <= 2 && !has_abbrev) return;
  // "US$460", "A/California/7/2009" (a virus strain): currency and code notation.
  if (e < n_ && !(a_.tokens[e].flags & text::kSpaceBefore) &&
      (Is(e, "$") || (Is(e, "/") && b >= 1 && Is(b - 1, "/"))))
    return;
  // A surname of a person named elsewhere in the document ("Governor David Paterson" ...
  // "Paterson said").
  if (single && IsPersonName(b) && m.desig == Desig::kNone &&
      m.container < 0 && m.list_next < 0)
    return;
  // A direction word named as an area ("Eastern", "North": provinces of Saudi Arabia and
  // Cameroon) at the head of a longer name: "Eastern Ghouta", "North Africa", "Northern
  // Europe". And a type or organisation word after a name: "Rogers Centre", "SOS Children's
  // Village", "Salinas Valley", "European Union".
  if (single && m.desig == Desig::kNone && Capitalised(first)) {
    if ((wc & kWordDirection) && e < n_ && a_.tokens[e].kind == TokKind::kWord &&
        Capitalised(a_.tokens[e]) && !(a_.tokens[e].flags & text::kHyphenBefore))
      return;
    if ((wc & (kWordOrg | kWordFacility | kWordCity | kWordAdmin1 | kWordAdmin2)) && b >= 1 &&
        a_.tokens[b - 1].kind == TokKind::kWord && Capitalised(a_.tokens[b - 1]) &&
        !SentenceInitial(b - 1))
      return;
  }
  // The name of a group ("Wagner mercenaries", "Fano fighters", "Azov"): one of the actor
  // dictionaries' (kWordActor), or any name before a lower-case "group" or "mercenaries"
  // ("the Wagner group"). It is a place only as a country, first-level area or region by its
  // own name, or where a type word or containment says so ("the town of Azov"); a demonym
  // stays one ("the Italian group").
  if (single && m.desig == Desig::kNone && m.container < 0 && m.list_next < 0 &&
      holder_count_[static_cast<size_t>(index)] == 0 &&
      ((wc & kWordActor) || (e < n_ && !Capitalised(a_.tokens[e]) &&
                             (Is(e, "group") || Is(e, "mercenaries") || Is(e, "mercenary"))))) {
    bool own_area = false;  // (or a demonym: "the Italian group")
    for (uint32_t v : Posts(m)) {
      const PlaceKind k = Kind(PostingPlace(v));
      own_area |= ((k == PlaceKind::kCountry || k == PlaceKind::kAdmin1 || k == PlaceKind::kRegion) &&
                   PostingKind(v) <= NameKind::kAlias) ||
                  PostingKind(v) == NameKind::kDemonym;
    }
    if (!own_area) return;
  }
  m.ev = 0;
  // Demonym reading: a posting of kind demonym for a country or region.
  bool has_demonym = false, has_other = false;
  for (uint32_t v : Posts(m)) {
    if (PostingKind(v) == NameKind::kDemonym) has_demonym = true;
    else has_other = true;
  }
  // Prominence of the best reading.
  double prom = 0;
  bool strong = false;  // a country, admin1 or region by its own name
  for (uint32_t v : Posts(m)) {
    uint32_t p = PostingPlace(v);
    const PlaceRec& r = P(p);
    double s = 0;
    switch (static_cast<PlaceKind>(r.kind)) {
      case PlaceKind::kCountry: s = 4; strong = true; break;
      case PlaceKind::kRegion: s = 3.5; strong = true; break;
      case PlaceKind::kAdmin1: s = PostingKind(v) <= NameKind::kAlias ? 3 : 1.5; strong |= PostingKind(v) <= NameKind::kAlias; break;
      case PlaceKind::kAdmin2: s = PostingKind(v) <= NameKind::kAlias ? 1.5 : 0.5; break;
      case PlaceKind::kCity: {
        std::string_view fc = kFeatureCodes[r.feature];
        // (log10(population + 1) - 3) / 1.2 in [0, 3]: 0 for fewer than 999 people (the
        // logarithm is below 3), which spares the logarithm for most small places.
        s = r.population < 999 ? 0.0
                               : std::clamp((std::log10(r.population + 1.0) - 3.0) / 1.2, 0.0, 3.0);
        if (fc == "PPLC") s += 1.0;
        else if (fc == "PPLA") s += 0.5;
        if (PostingKind(v) == NameKind::kAlternate) s -= 0.7;
        break;
      }
    }
    if (PostingKind(v) == NameKind::kDemonym) s = std::max(s, 2.5);
    prom = std::max(prom, s);
  }
  double ev = prom;
  // Context that says "place".
  uint32_t pw = b >= 1 ? W(b - 1) : 0;
  const bool cue = PlaceCueBefore(b);
  if (cue) ev += 1.5;
  if (b >= 1 && (pw & kWordDirection)) {
    // "northern Syria"; but "North Eastern", "West Midlands": a longer name we lack.
    if (Capitalised(a_.tokens[b - 1]) && !SentenceInitial(b - 1) && !strong) ev -= 2.0;
    else ev += 1.0;
  }
  if (m.desig != Desig::kNone) ev += 2.0;
  if (m.container >= 0 || m.list_next >= 0 || m.capital_of >= 0 || m.claim_ref != -1 || m.capital_word) ev += 2.0;
  ev += holder_count_[static_cast<size_t>(index)];  // "Y" of someone's "X, Y"
  if (e < n_ && (a_.tokens[e].flags & text::kHyphenBefore) && Is(e, "based")) ev += 2.0;
  if (!single) {
    // "Red Cross", "Long Beach": a name made of common words needs a prominent place.
    bool all_common = true;
    for (uint32_t k = b; k < e; ++k)
      all_common &= a_.tokens[k].kind != TokKind::kWord || IsJoiner(a_.Folded(k)) ||
                    (W(k) & (kWordCommon1 | kWordCommon2 | kWordCommon3 | kWordDirection));
    ev += all_common ? -0.5 : 1.0;
  }
  // Part of an organisation's name: "Los Angeles Times", "Fiji Health Ministry", "United
  // States Department of Agriculture", "University of Georgia", "Voice of America". The
  // name is the organisation's, not a place of the report.
  {
    bool org = false;
    for (uint32_t k = e; k < n_ && k < e + 4; ++k) {
      const Token& t = a_.tokens[k];
      if (t.kind != TokKind::kWord || !Capitalised(t) || (t.flags & text::kHyphenBefore)) break;
      if (W(k) & kWordOrg) {
        org = true;
        break;
      }
    }
    if (b >= 2 && Is(b - 1, "of") && a_.tokens[b - 2].kind == TokKind::kWord &&
        Capitalised(a_.tokens[b - 2]) && (W(b - 2) & kWordOrg))
      org = true;
    if (org && m.desig == Desig::kNone) {
      m.ev = -10;
      return;
    }
  }
  // Context that says "not a place".
  const bool initial = SentenceInitial(b);
  if (single) {
    double common = (wc & kWordCommon1) ? 3.0 : (wc & kWordCommon2) ? 2.2 : (wc & kWordCommon3) ? 1.6 : 0;
    // "US", "U.S.": written as an abbreviation, not the pronoun.
    if ((first.flags & (text::kAllCaps | text::kAbbrev)) && !headline) common = 0;
    if (common > 0 && (initial || headline)) common += 1.5;
    if (!Capitalised(first)) common += 2;
    ev -= common;
    if (has_demonym && !has_other && common == 0) ev = std::max(ev, 1.0);
  }
  // A person: a title or a first name just before, or a first name followed by a surname.
  uint32_t prev = b;
  while (prev > 0 && Is(prev - 1, ".") && prev - 1 > 0 && (W(prev - 2) & kWordTitle)) prev -= 1;
  if (prev >= 1) {
    uint32_t p = prev - 1;
    const Token& pt = a_.tokens[p];
    bool prev_place = MentionAt(p) >= 0;
    if (pt.kind == TokKind::kWord && Capitalised(pt) && !prev_place) {
      uint32_t pwc = W(p);
      if (pwc & kWordTitle) ev -= 4;
      else if (pwc & kWordFirstName) ev -= 4;
      else if (!(pwc & (kWordCue | kWordDirection)) && !IsJoiner(a_.Folded(p)) && !SentenceInitial(p) &&
               !(pt.flags & text::kAllCaps) &&
               // In a title-case headline a common word is capitalised as every word is.
               !((pwc & (kWordCommon1 | kWordCommon2 | kWordCommon3)) && (headline || TitleCase(pt.sentence)))) {
        // The tail of a longer proper name ("Abdul Rashid Dostom", "Shir Khan Bandar").
        ev -= 2.5;
        if (p >= 1 && a_.tokens[p - 1].kind == TokKind::kWord && Capitalised(a_.tokens[p - 1]) &&
            MentionAt(p - 1) < 0)
          ev -= 1.0;
      }
    }
  }
  if (e < n_) {
    const Token& nt = a_.tokens[e];
    uint32_t nwc = W(e);
    bool next_place = MentionAt(e) >= 0;
    uint32_t fw = single ? wc : W(b);
    if (nt.kind == TokKind::kWord && Capitalised(nt) && (fw & kWordFirstName) && !strong &&
        !(nt.flags & text::kHyphenBefore) &&
        !(nwc & (kWordCommon1 | kWordCommon2 | kWordCommon3 | kWordOrg | kWordFacility |
                 kWordAdmin1 | kWordAdmin2 | kWordCity))) {
      ev -= 4;  // "Jordan Henderson", "David Paterson", "Luis Gomes Sambo"
    } else if (nt.kind == TokKind::kWord && Capitalised(nt) && !next_place &&
        !(nt.flags & text::kHyphenBefore)) {
      if ((wc & kWordFirstName) && !(nwc & (kWordCommon1 | kWordCommon2 | kWordCommon3 | kWordOrg |
                                             kWordFacility | kWordAdmin1 | kWordAdmin2 | kWordCity)))
        ev -= 4;  // "Jordan Henderson", "Israel Katz"
      else if (!(nwc & (kWordOrg | kWordFacility | kWordAdmin1 | kWordAdmin2 | kWordCity |
                        kWordCommon1 | kWordCommon2 | kWordCommon3 | kWordPeople)) &&
               !strong && !has_demonym) {
        ev -= 1.0;  // the head of a longer proper name
        m.fragment = single && HeadOfLongerName(b);
      }
    }
    if ((nwc & kWordPersonAfter) && single && prom < 2.5 && b >= 1 && Capitalised(a_.tokens[b - 1]) &&
        MentionAt(b - 1) < 0)
      ev -= 2;
  }
  // Two names side by side with nothing between ("Boko Haram": Boko, Kazakhstan and Haram,
  // Norway) are one longer name, unless one holds the other ("Houston Texas") or one is a
  // demonym ("Iraqi Kurdistan").
  {
    auto demonym_of = [this](const Mention& x) {
      for (uint32_t v : Posts(x))
        if (PostingKind(v) == NameKind::kDemonym) return true;
      return false;
    };
    auto holds = [&](const Mention& x, const Mention& y) {
      for (uint32_t v : Posts(y))
        for (uint32_t w : Posts(x))
          if (Contains(PostingPlace(v), PostingPlace(w)) || Contains(PostingPlace(w), PostingPlace(v)))
            return true;
      return false;
    };
    int nx = MentionAt(e);
    if (nx > index && ms_[static_cast<size_t>(nx)].b == e && !(a_.tokens[e].flags & text::kHyphenBefore) &&
        Capitalised(a_.tokens[e]) && !has_demonym && !demonym_of(ms_[static_cast<size_t>(nx)]) &&
        !holds(m, ms_[static_cast<size_t>(nx)]))
      ev -= 2.5;
    int pv = b >= 1 ? MentionAt(b - 1) : -1;
    if (pv >= 0 && pv < index && ms_[static_cast<size_t>(pv)].e == b && ms_[static_cast<size_t>(pv)].ev > -10 &&
        Capitalised(a_.tokens[b]) &&
        !(a_.tokens[b].flags & text::kHyphenBefore) && !has_demonym &&
        !demonym_of(ms_[static_cast<size_t>(pv)]) && !holds(ms_[static_cast<size_t>(pv)], m))
      ev -= 2.5;
  }
  // "Navarro-Valls", "Caroline-Anne", "Jakob-Hoff": part of a hyphenated name that is not a
  // place.
  if (single && e < n_ && (a_.tokens[e].flags & text::kHyphenBefore) && a_.tokens[e].kind == TokKind::kWord &&
      Capitalised(a_.tokens[e]) && MentionAt(e) < 0 && !has_demonym)
    ev -= 2.5;
  if (single && b >= 1 && (first.flags & text::kHyphenBefore) && a_.tokens[b - 1].kind == TokKind::kWord &&
      Capitalised(a_.tokens[b - 1]) && MentionAt(b - 1) < 0)
    ev -= 2.5;
  // A given name ("Franklin", "Thomas", "Douglas") that is no country or province needs
  // something that says "place"; so does a name that says or is told something ("Ali said",
  // "added McCracken").
  if (single && (wc & kWordFirstName) && !strong && !has_demonym) ev -= 1.5;
  if (single && !strong && !has_demonym && prom < 2.5 && m.desig == Desig::kNone && m.container < 0 &&
      m.list_next < 0) {
    bool says_after = e < n_ && (W(e) & kWordPersonAfter);
    if (!says_after && e + 1 < n_ && (Is(e, "also") || Is(e, "then") || Is(e, "has") || Is(e, "had")))
      says_after = W(e + 1) & kWordPersonAfter;
    bool says_before = b >= 1 && (W(b - 1) & kWordPersonAfter) && !cue;
    if (says_after || says_before) ev -= 2.0;
  }
  // "Abo al-Dohur", "Deir ez-Zor"-like names we lack: the head of a longer name joined by an
  // article.
  if (e + 1 < n_ && !Capitalised(a_.tokens[e]) && (a_.tokens[e + 1].flags & text::kHyphenBefore) &&
      Capitalised(a_.tokens[e + 1]) && IsArticle(a_.Folded(e)))
    ev -= 3.0;
  // "Mississippi River", "Kabul Airport", "Russian Embassy": a feature named after a place.
  if (e < n_ && Capitalised(a_.tokens[e]) && (W(e) & kWordFacility) && !(a_.tokens[e].flags & text::kHyphenBefore) &&
      MentionAt(e) < 0) {
    uint32_t f = e + 1;
    while (f < n_ && f < e + 4 && a_.tokens[f].kind == TokKind::kWord && Capitalised(a_.tokens[f]) &&
           MentionAt(f) < 0 && !(a_.tokens[f].flags & text::kHyphenBefore))
      ++f;
    m.facility_end = f;
    ev += 1.0;
  }
  // A one-word name found only through its doubled-letter spelling is a near spelling, and
  // a surname or a company is as often spelled so: it is a place where the text says so (a
  // cue such as "in", a type word) or where the gazetteer confirms a stated containment
  // ("Afgoye, Lower Shabelle"); a place in a list or before a comma is not enough ("Tawfik,
  // from Kilburn, Grannum, of no fixed abode": Grannum is a person, not Granum, Alberta).
  // (Two words spelled near a place's two, "Middle Shabelle", are no accident.)
  if (m.squeezed && single && !cue && m.desig == Desig::kNone &&
      !ContainmentConfirmed(m, index))
    ev = std::min(ev, 0.0);
  m.ev = ev;
  m.accepted = ev >= 1.0;
  // A demonym reading wins over a place of the same name ("Canadian", Texas) unless the
  // context asks for a place ("in Canadian").
  bool place_context = (cue && !Is(b - 1, "of")) || m.desig != Desig::kNone ||
                       m.container >= 0 || m.list_next >= 0;
  m.demonym = has_demonym && (!has_other || !place_context);
  if (m.demonym) {
    KeepPosts(m, [](uint32_t v) { return PostingKind(v) == NameKind::kDemonym; });
  } else if (has_demonym) {
    KeepPosts(m, [](uint32_t v) { return PostingKind(v) != NameKind::kDemonym; });
  }
}

// The score of reading mention m as posting `post`, before document context.
double Parser::Prior(const Mention& m, uint32_t post) const {
  uint32_t p = PostingPlace(post);
  const PlaceRec& r = P(p);
  NameKind nk = PostingKind(post);
  double s = 0;
  switch (static_cast<PlaceKind>(r.kind)) {
    case PlaceKind::kCity: {
      std::string_view fc = kFeatureCodes[r.feature];
      s = std::log10(r.population + 10.0);
      if (fc == "PPLC") s += 2.0;
      else if (fc == "PPLA") s += 1.2;
      else if (fc == "PPLA2") s += 0.5;
      else if (fc == "PPLX" || fc == "PPLH" || fc == "PPLQ" || fc == "PPLW" || fc == "PPLCH") s -= 1.5;
      if (m.capital_word && (fc == "PPLC" || fc == "PPLA")) s += 1.5;
      break;
    }
    case PlaceKind::kAdmin1: s = std::log10(r.population + 10.0) + 0.3; break;
    case PlaceKind::kAdmin2: s = std::log10(r.population + 10.0) - 1.0; break;
    case PlaceKind::kCountry: s = 7.0 + 0.3 * std::log10(r.population + 10.0); break;
    case PlaceKind::kRegion: s = 8.5; break;
  }
  if (nk == NameKind::kAlternate) {
    // An alternate name (often a former or foreign one: Harare was "Salisbury") counts
    // less, and much less when the name is another candidate's own.
    s -= m.has_primary ? 2.0 : 1.0;
  }
  // Type words.
  switch (m.desig) {
    // "Kurdistan region", "the Sahel region": a region of the world fits "region" as a
    // province does.
    case Desig::kAdmin1: s += r.kind == static_cast<uint8_t>(PlaceKind::kAdmin1) ||
                                      (m.region_word && r.kind == static_cast<uint8_t>(PlaceKind::kRegion))
                                  ? 6
                              : r.kind == static_cast<uint8_t>(PlaceKind::kAdmin2) ? 2 : -2; break;
    case Desig::kAdmin2: s += r.kind == static_cast<uint8_t>(PlaceKind::kAdmin2) ? 6 : r.kind == static_cast<uint8_t>(PlaceKind::kAdmin1) ? 2 : -1; break;
    case Desig::kCity: s += r.kind == static_cast<uint8_t>(PlaceKind::kCity) ? 3 : -3; break;
    case Desig::kCountry: s += r.kind == static_cast<uint8_t>(PlaceKind::kCountry) ? 3 : -3; break;
    case Desig::kNone: break;
  }
  // An area named like its own seat, with no type word: the city is meant ("Kunduz").
  if (m.desig == Desig::kNone && (r.kind == static_cast<uint8_t>(PlaceKind::kAdmin1) ||
                                  r.kind == static_cast<uint8_t>(PlaceKind::kAdmin2))) {
    for (uint32_t v : Posts(m)) {
      uint32_t q = PostingPlace(v);
      if (q == r.link || (Kind(q) == PlaceKind::kCity && Contains(p, q) &&
                          P(q).population * 4 > r.population / 8))
        s -= 2.5;
    }
  }
  // Containment stated in the text.
  if (m.container >= 0) {
    const Mention& y = ms_[static_cast<size_t>(m.container)];
    for (uint32_t v : Posts(y)) {
      if (Contains(PostingPlace(v), p)) {
        s += 5;
        break;
      }
    }
  }
  return s;
}

// The candidates of each accepted mention with their priors, best first; at most kMaxCands
// (the document context adds at most a few points, far less than the prior spread beyond).
void Parser::Candidates() {
  constexpr size_t kMaxCands = 24;
  // Lists: the items next to each item of "A, B, C and D" (found by Context through
  // list_next), whose readings say what kind of place the item is.
  {
    std::vector<std::pair<int, int>>& nb = s_.list_nb;
    nb.assign(ms_.size(), {-1, -1});
    std::vector<uint8_t>& in_list = s_.is_ref;  // (borrowed: Emit refills it)
    in_list.assign(ms_.size(), 0);
    for (size_t k = 0; k < ms_.size(); ++k) {
      if (ms_[k].list_next < 0) continue;
      in_list[k] = 1;
      in_list[static_cast<size_t>(ms_[k].list_next)] = 1;
    }
    for (size_t k = 0; k < ms_.size(); ++k) {
      const Mention& m = ms_[k];
      uint32_t j = m.e;
      if (j < n_ && Is(j, ",")) ++j;
      if (j < n_ && (Is(j, "and") || Is(j, "or"))) ++j;
      if (j == m.e || j >= n_) continue;
      const int z = MentionAt(j);
      if (z < 0 || ms_[static_cast<size_t>(z)].b != j || m.container == z) continue;
      nb[k].second = z;
      nb[static_cast<size_t>(z)].first = static_cast<int>(k);
    }
    // "..., C and D": D follows an item of the list without a comma-pair of its own.
    for (size_t k = 0; k < ms_.size(); ++k)
      if (!in_list[k] && nb[k].first >= 0 && in_list[static_cast<size_t>(nb[k].first)] &&
          ms_[static_cast<size_t>(nb[k].first)].list_next < 0)
        in_list[k] = 2;
    // "California or Washington", "Georgia and Armenia": a pair of names joined by "and" or
    // "or", neither in a longer list, is a list of two.
    for (size_t k = 0; k < ms_.size(); ++k) {
      const int z = nb[k].second;
      if (in_list[k] || z < 0 || in_list[static_cast<size_t>(z)] || nb[static_cast<size_t>(z)].second >= 0 ||
          !(Is(ms_[k].e, "and") || Is(ms_[k].e, "or")))
        continue;
      in_list[k] = 3;
      in_list[static_cast<size_t>(z)] = 3;
    }
    for (size_t k = 0; k < ms_.size(); ++k)
      if (!in_list[k]) nb[k] = {-1, -1};
  }
  s_.cands.assign(ms_.size(), Range{});
  s_.cand_pool.clear();
  cand_key_.assign(ms_.size(), 0);
  cand_cache_.clear();
  s_.cand_index.Reset(ms_.size());
  // The mentions each mention contains, in mention order (a counting sort by container).
  std::vector<uint32_t>& off = s_.contained_off;
  off.assign(ms_.size() + 1, 0);
  for (const Mention& m : ms_)
    if (m.container >= 0) ++off[static_cast<size_t>(m.container) + 1];
  for (size_t k = 0; k < ms_.size(); ++k) off[k + 1] += off[k];
  s_.contained.resize(off[ms_.size()]);
  for (size_t k = 0; k < ms_.size(); ++k)
    if (ms_[k].container >= 0)
      s_.contained[off[static_cast<size_t>(ms_[k].container)]++] = static_cast<int>(k);
  // Filling advanced each group's start to the next group's: shift the starts back.
  for (size_t k = ms_.size(); k > 0; --k) off[k] = off[k - 1];
  off[0] = 0;
  for (size_t k = 0; k < ms_.size(); ++k) {
    Mention& m = ms_[k];
    if (!m.accepted) continue;
    for (uint32_t v : Posts(m)) m.has_primary |= PostingKind(v) <= NameKind::kAlias;
    m.key = lexicon::PhraseKey(a_, m.b, m.e);
    // The priors depend on the name's postings, its type word and "the capital" before it,
    // and on a container of its own; mentions that share all of these share the list.
    uint64_t ck = 0;
    if (m.container < 0) {
      ck = m.key * 0x9E3779B97F4A7C15ull + (static_cast<uint64_t>(m.desig) << 1) + m.capital_word;
      for (uint32_t v : Posts(m)) ck = (ck ^ v) * 0xFF51AFD7ED558CCDull;
      ck |= 1;  // 0 means "not shared"
    }
    cand_key_[k] = ck;
    if (ck) {
      const uint32_t first_k = s_.cand_index.FindOrInsert(ck, static_cast<uint32_t>(k));
      if (first_k != k) {
        s_.cands[k] = s_.cands[first_k];  // the same list (read-only from here)
        continue;
      }
      cand_cache_.push_back({ck, k});
    }
    std::vector<Cand>& pool = s_.cand_pool;
    const size_t first = pool.size();
    for (uint32_t v : Posts(m)) pool.push_back({v, Prior(m, v)});
    std::sort(pool.begin() + static_cast<std::ptrdiff_t>(first), pool.end(),
              [](const auto& x, const auto& y) { return x.second > y.second; });
    if (pool.size() - first > kMaxCands) pool.resize(first + kMaxCands);
    s_.cands[k] = {static_cast<uint32_t>(first), static_cast<uint32_t>(pool.size() - first)};
  }
}

// What a list's kind adds to a reading of that kind (Resolve).
constexpr double kListBonus = 2.5;

void Parser::Resolve(bool second_pass) {
  double wsum_all = 0;
  for (auto& [c, w] : doc_cc_) wsum_all += w;
  resolved_.clear();
  s_.resolved_index.Reset(ms_.size());
  for (size_t k = 0; k < ms_.size(); ++k) {
    Mention& m = ms_[k];
    if (!m.accepted || s_.cands[k].n == 0) continue;
    // A mention whose score depends on nothing of its own takes the result of an earlier
    // mention of the same name in the same setting.
    // In a list, the kind of place its neighbours were read as (pass 2: from the pass before):
    // "Georgia, Oklahoma, Pennsylvania and Texas" are states, "Mexico, China and Japan"
    // countries. Both neighbours there are, read as one kind (a country, or a first-level
    // area of one country).
    PlaceKind list_kind = PlaceKind::kCity;
    uint16_t list_cc = 0;
    bool in_list = false;
    if (second_pass) {
      int agree = 0, seen = 0;
      for (int x : {s_.list_nb[k].first, s_.list_nb[k].second}) {
        if (x < 0) continue;
        const Mention& y = ms_[static_cast<size_t>(x)];
        if (!y.accepted || y.chosen == kNoPlace || y.demonym) continue;
        const PlaceKind yk = Kind(y.chosen);
        const uint16_t ycc = CC(P(y.chosen));
        if (yk != PlaceKind::kCountry && yk != PlaceKind::kAdmin1) {
          agree = -1;
          break;
        }
        if (seen == 0) {
          list_kind = yk;
          list_cc = ycc;
        } else if (yk != list_kind || (yk == PlaceKind::kAdmin1 && ycc != list_cc)) {
          agree = -1;
          break;
        }
        ++seen;
        ++agree;
      }
      in_list = agree > 0;
    }
    const uint64_t rk = cand_key_[k] && ContainedIn(k).empty() && m.capital_of < 0 && m.claim_ref < 0 &&
                                !in_list && !m.fragment
                            ? cand_key_[k] : 0;
    if (rk) {
      const uint32_t ri = s_.resolved_index.Find(rk);
      if (ri != KeyIndex::kNone) {
        const Resolved* it = &resolved_[ri];
        m.chosen = it->place;
        m.held = it->held;
        m.score = 1.0 / (1.0 + std::exp(-(it->margin + 0.5 * (m.ev - 1.0))));
        continue;
      }
    }
    double best = -1e9, second = -1e9;
    uint32_t best_place = kNoPlace, best_post = 0;
    double best_mine = 0, best_others = 0;  // the best reading's country votes, and the rest
    // This name's own country votes, which do not count for its readings.
    double own_sum = 0;
    // (This name's votes, in the order of name_cc_: the chain from name_first.)
    const uint32_t own_first = second_pass ? s_.name_first.Find(m.key) : KeyIndex::kNone;
    for (uint32_t i = own_first; i != KeyIndex::kNone; i = s_.name_next[i]) own_sum += name_cc_[i].w;
    // The most the context below can add to a prior: candidates (sorted by prior) that
    // cannot reach the second-best score even so are not scored at all.
    const double reach = (second_pass ? 4.0 + 1.5 : 0.0) + 4.0 * static_cast<double>(ContainedIn(k).size()) +
                         (m.capital_of >= 0 ? 1e9 : 0.0) + (m.claim_ref >= 0 ? 2.5 : 0.0) +
                         (in_list ? kListBonus : 0.0) + 1e-9;
    for (const auto& [v, prior] : Cands(k)) {
      if (prior + reach < second) break;
      uint32_t p = PostingPlace(v);
      double s = prior;
      const PlaceRec& r = P(p);
      double mine_votes = 0, other_votes = 0;
      // The document's countries (not counting this name's own votes).
      if (second_pass && !doc_cc_.empty() && Kind(p) != PlaceKind::kRegion && r.cc[0] != ' ') {
        const uint16_t cc = CC(r);
        double wsum = wsum_all - own_sum, mine = 0;
        const uint32_t ci = s_.cc_index.Find(cc);
        if (ci != KeyIndex::kNone) mine = doc_cc_[ci].second;
        if (mine > 0 && own_sum > 0)
          for (uint32_t i = own_first; i != KeyIndex::kNone; i = s_.name_next[i])
            if (name_cc_[i].cc == cc) mine -= name_cc_[i].w;
        // The country's share of the document's votes, scaled by how much evidence there is
        // for it at all: one weak vote (a person's name read as a small town) does not
        // outweigh a large city's prior.
        if (wsum > 1e-9 && mine > 1e-9) s += (3.0 * mine / wsum + 1.0) * std::min(1.0, mine);
        mine_votes = mine;
        other_votes = wsum - mine;
      }
      // A reading of the kind the list's other items have.
      if (in_list && Kind(p) == list_kind && (list_kind != PlaceKind::kAdmin1 || CC(r) == list_cc))
        s += kListBonus;
      // The area of "X, Y" / "X in Y" that holds one of X's readings.
      for (int xi : ContainedIn(k)) {
        for (uint32_t xv : Posts(ms_[static_cast<size_t>(xi)])) {
          if (Contains(p, PostingPlace(xv))) {
            s += 4;
            break;
          }
        }
      }
      // Near the places already resolved.
      if (second_pass && (r.flags & kHasCoords) && Kind(p) != PlaceKind::kCountry &&
          Kind(p) != PlaceKind::kRegion) {
        double bonus = 0;
        const double lat = r.lat_e5 / 1e5, lon = r.lon_e5 / 1e5;
        for (const Anchor& an : anchors_) {
          if (an.place == p || an.key == m.key) continue;
          double b = 0;
          if ((r.admin1 != kNoPlace && r.admin1 == an.admin1) || (an.area && Contains(an.place, p))) b = 1.0;
          double dlat = lat - an.lat;
          if (std::fabs(dlat) < 4.0) {
            // Equirectangular distance: exact enough below 400 km.
            double dl = lon - an.lon;
            if (dl > 180) dl -= 360;
            if (dl < -180) dl += 360;
            double dlon = dl * an.coslat;
            double d = 111.195 * std::sqrt(dlat * dlat + dlon * dlon);
            b = std::max(b, d < 50 ? 1.5 : d < 150 ? 1.0 : d < 400 ? 0.5 : 0);
          }
          bonus = std::max(bonus, b * an.weight);
        }
        s += bonus;
      }
      // "X, capital of Y".
      if (m.capital_of >= 0) {
        const Mention& y = ms_[static_cast<size_t>(m.capital_of)];
        for (uint32_t yv : Posts(y))
          if (P(PostingPlace(yv)).link == p) s += 6;
      }
      // "X, N km DIR of Y": candidates at about that distance from Y.
      if (m.claim_ref >= 0) {
        const Mention& y = ms_[static_cast<size_t>(m.claim_ref)];
        if (y.chosen != kNoPlace && (r.flags & kHasCoords)) {
          double d = Haversine(r.lat_e5 / 1e5, r.lon_e5 / 1e5, g_.Lat(y.chosen), g_.Lon(y.chosen));
          if (d >= 0.4 * m.claim_km && d <= 1.3 * m.claim_km) s += 2.5;
          else s -= 1.0;
        }
      }
      if (s > best) {
        second = best;
        best = s;
        best_place = p;
        best_post = v;
        best_mine = mine_votes;
        best_others = other_votes;
      } else if (s > second) {
        second = s;
      }
    }
    // (A spelling of the town's own name, "Jisr al-Shughour" for Jisr ash Shughur, is kept:
    // SameStem compares the first letters of the name read and the town's own name.)
    // A town read only through an alternate name (a former or foreign spelling) in a country
    // the report does not otherwise mention, while it is clearly about another country, is
    // a guess: "Boni" between Malian towns is not Watampone, Indonesia (once called Boni).
    // Left unresolved, with a reason, rather than put on the wrong continent.
    m.held = Held::kNone;
    if (second_pass && best_place != kNoPlace && PostingKind(best_post) == NameKind::kAlternate &&
        Kind(best_place) == PlaceKind::kCity && best_mine < 1e-9 && best_others >= 0.99 &&
        P(best_place).population < 200000 && kFeatureCodes[P(best_place).feature] != "PPLC" &&
        !SameStem(a_.Folded(m.b), g_.PlaceName(best_place))) {
      m.held = Held::kForeignAlternate;
    } else if (best_place != kNoPlace) {
      // Only the possessor's country holds a place back here; the document's countries do so
      // once all is resolved (HoldUnevidenced), so that the other names are read with this
      // one's vote as before ("Castlegar" is what makes "Nelson" the Canadian town).
      m.held = Unsupported(m, best_place, 1.0, 0.0);
    }
    if (m.held != Held::kNone) best_place = kNoPlace;
    m.chosen = best_place;
    double margin = second < -1e8 ? 4.0 : best - second;
    m.score = 1.0 / (1.0 + std::exp(-(margin + 0.5 * (m.ev - 1.0))));
    if (rk) {
      s_.resolved_index.FindOrInsert(rk, static_cast<uint32_t>(resolved_.size()));
      resolved_.push_back({rk, best_place, margin, m.held});
    }
  }
}

// Leaves unresolved (Unsupported) the places the document, once resolved, gives no reason
// to believe in: each is weighed on the country votes of the last pass (doc_cc_), less the
// name's own.
void Parser::HoldUnevidenced() {
  double wsum_all = 0;
  for (auto& [c, w] : doc_cc_) wsum_all += w;
  for (Mention& m : ms_) {
    if (!m.accepted || m.demonym || m.chosen == kNoPlace || P(m.chosen).cc[0] == ' ') continue;
    const uint16_t cc = CC(P(m.chosen));
    double mine = 0, own = 0;
    const uint32_t ci = s_.cc_index.Find(cc);
    if (ci != KeyIndex::kNone) mine = doc_cc_[ci].second;
    for (uint32_t i = s_.name_first.Find(m.key); i != KeyIndex::kNone; i = s_.name_next[i]) {
      own += name_cc_[i].w;
      if (name_cc_[i].cc == cc) mine -= name_cc_[i].w;
    }
    const Held held = Unsupported(m, m.chosen, mine, wsum_all - own - mine);
    if (held == Held::kNone) continue;
    m.held = held;
    m.chosen = kNoPlace;
  }
}

// One sense per document: the same name (and type word) resolves to the same place, the one
// chosen with the most support.
void Parser::Consistency() {
  // (folded name and type word, the mention chosen with the most support).
  std::vector<std::pair<uint64_t, size_t>>& best = s_.best;
  best.clear();
  s_.best_index.Reset(ms_.size());
  auto key_of = [](const Mention& m) {
    return (m.key ^ static_cast<uint64_t>(m.desig)) * 0x9E3779B97F4A7C15ull;
  };
  for (size_t k = 0; k < ms_.size(); ++k) {
    const Mention& m = ms_[k];
    if (!m.accepted || m.chosen == kNoPlace || m.container >= 0 || m.capital_of >= 0) continue;
    const uint64_t key = key_of(m);
    const uint32_t bi = s_.best_index.FindOrInsert(key, static_cast<uint32_t>(best.size()));
    if (bi == best.size()) best.push_back({key, k});
    else if (ms_[best[bi].second].score < m.score) best[bi].second = k;
  }
  for (size_t k = 0; k < ms_.size(); ++k) {
    Mention& m = ms_[k];
    if (!m.accepted || m.chosen == kNoPlace || m.container >= 0 || m.capital_of >= 0) continue;
    const uint64_t key = key_of(m);
    const Mention& src = ms_[best[s_.best_index.Find(key)].second];
    if (src.chosen != m.chosen) {
      for (uint32_t v : Posts(m))
        if (PostingPlace(v) == src.chosen) {
          m.chosen = src.chosen;
          m.score = src.score;
        }
    }
  }
}

void Parser::Run(std::vector<Toponym>* toponyms, std::vector<Claim>* claims) {
  // The scratch buffers that are appended to (the others are assigned where filled).
  ms_.clear();
  s_.posts.clear();
  doc_cc_.clear();
  name_cc_.clear();
  anchors_.clear();
  person_names_.clear();
  s_.person_index.Reset(16);
  Scan();
  Match();
  Context();
  FindPeople();
  holder_count_.assign(ms_.size(), 0);
  s_.title_sentence.assign(a_.sentences.size(), -1);
  for (const Mention& x : ms_) {
    // (A list's next item counts as the holder did before lists were told apart.)
    const int h = x.container >= 0 ? x.container : x.list_next;
    if (h >= 0 && x.e + 2 >= ms_[static_cast<size_t>(h)].b) holder_count_[static_cast<size_t>(h)] += 1;
  }
  for (size_t k = 0; k < ms_.size(); ++k) Recognize(&ms_[k], static_cast<int>(k));
  // One sense per document for recognition: a name accepted with good evidence somewhere
  // is accepted where it stands weakly (sentence-initial, in a list), and a name that is a
  // person's name somewhere (after a title or first name) is rejected where it stands alone.
  {
    // (hash of the name as written, best evidence), a few dozen per document.
    std::vector<std::pair<uint64_t, double>>& ev = s_.name_ev;
    std::vector<uint64_t>& keys = s_.name_hash;
    ev.clear();
    keys.assign(ms_.size(), 0);
    KeyIndex& ev_index = s_.ev_index;
    ev_index.Reset(ms_.size());
    for (size_t k = 0; k < ms_.size(); ++k) {
      const Mention& m = ms_[k];
      keys[k] = HashBytes(a_.Span(m.b, m.e));
      const uint32_t ei = ev_index.FindOrInsert(keys[k], static_cast<uint32_t>(ev.size()));
      if (ei == ev.size()) ev.push_back({keys[k], m.ev});
      else ev[ei].second = std::max(ev[ei].second, m.ev);
    }
    for (size_t k = 0; k < ms_.size(); ++k) {
      Mention& m = ms_[k];
      if (m.accepted || m.post_n == 0 || m.ev <= -1.0) continue;
      // (A headline, where every word is capitalised and context is short, takes the body's
      // reading: "World Heritage Site Lalibela" over "rebels seized Lalibela".)
      const double best = ev[ev_index.Find(keys[k])].second;
      const uint32_t sent = a_.tokens[m.b].sentence;
      const bool headline = !caps_sentence_.empty() && (caps_sentence_[sent] || TitleCase(sent));
      if (best >= 2.5 || (best >= 1.0 && headline)) m.accepted = true;
    }
  }
  // The places held back from recognition join a name read as a place (not a demonym) whose
  // type word fits none of its own readings, if they fit it ("Hiran region": the Iraqi town
  // Hīrān is no region; Hiiraan is). Without one, the exact name stands: "Samarra" is not
  // Samara.
  auto fits = [this](Desig d, uint32_t v) {
    const PlaceKind k = Kind(PostingPlace(v));
    switch (d) {
      case Desig::kAdmin1: return k == PlaceKind::kAdmin1;
      case Desig::kAdmin2: return k == PlaceKind::kAdmin2;
      case Desig::kCity: return k == PlaceKind::kCity;
      case Desig::kCountry: return k == PlaceKind::kCountry;
      case Desig::kNone: return false;
    }
    return false;
  };
  for (Mention& m : ms_) {
    if (m.held_n == 0) continue;
    const uint32_t held_off = m.held_off, held_n = m.held_n;
    m.held_n = 0;
    if (!m.accepted || m.demonym || m.post_n == 0 || m.desig == Desig::kNone) continue;
    bool own_fits = false;
    for (uint32_t v : Posts(m)) own_fits |= fits(m.desig, v);
    if (own_fits) continue;
    // KeepPosts only removed postings: the held ones that fit move down to follow the rest.
    for (uint32_t h = held_off; h < held_off + held_n; ++h)
      if (fits(m.desig, s_.posts[h])) s_.posts[m.post_off + m.post_n++] = s_.posts[h];
  }
  // Pass 1, then the document's countries and anchor places, then pass 2.
  Candidates();
  Resolve(false);
  auto gather = [&] {
    doc_cc_.clear();
    name_cc_.clear();
    anchors_.clear();
    s_.cc_index.Reset(16);
    s_.name_cc_index.Reset(ms_.size());
    s_.name_first.Reset(ms_.size());
    s_.name_next.clear();
    // The caller's hints: one vote each, owned by no name (hints_ holds no duplicates).
    for (uint16_t cc : hints_) {
      s_.cc_index.FindOrInsert(cc, static_cast<uint32_t>(doc_cc_.size()));
      doc_cc_.push_back({cc, 1.0});
    }
    for (const Mention& m : ms_) {
      if (!m.accepted || m.chosen == kNoPlace) continue;
      const PlaceRec& r = P(m.chosen);
      if (r.cc[0] == ' ') continue;
      const uint16_t cc = CC(r);
      double w = Kind(m.chosen) == PlaceKind::kCountry || m.demonym ? 1.0 : 0.5 * m.score;
      const uint32_t dc = s_.cc_index.FindOrInsert(cc, static_cast<uint32_t>(doc_cc_.size()));
      if (dc == doc_cc_.size()) doc_cc_.push_back({cc, w});
      else doc_cc_[dc].second += w;
      // (name, country) as one key: the name key mixed with the country.
      const uint64_t nk = (m.key ^ (uint64_t{cc} * 0xC2B2AE3D27D4EB4Full)) * 0x9E3779B97F4A7C15ull + cc;
      uint32_t nv = s_.name_cc_index.FindOrInsert(nk, static_cast<uint32_t>(name_cc_.size()));
      if (nv != name_cc_.size() && (name_cc_[nv].key != m.key || name_cc_[nv].cc != cc)) {
        // Two pairs with one mixed key (never seen; kept exact all the same).
        nv = static_cast<uint32_t>(
            std::find_if(name_cc_.begin(), name_cc_.end(),
                         [&](const NameVote& x) { return x.key == m.key && x.cc == cc; }) -
            name_cc_.begin());
      }
      if (nv == name_cc_.size()) {
        // A new vote: chained after the name's last one, so that a name's votes are visited
        // in the order of name_cc_.
        const uint32_t at = static_cast<uint32_t>(name_cc_.size());
        name_cc_.push_back({m.key, cc, w});
        s_.name_next.push_back(KeyIndex::kNone);
        const uint32_t first = s_.name_first.FindOrInsert(m.key, at);
        if (first != at) {
          uint32_t last = first;
          while (s_.name_next[last] != KeyIndex::kNone) last = s_.name_next[last];
          s_.name_next[last] = at;
        }
      } else {
        name_cc_[nv].w += w;
      }
      if (Kind(m.chosen) != PlaceKind::kCountry && Kind(m.chosen) != PlaceKind::kRegion &&
          m.score >= 0.6)
      {
        uint64_t key = m.key;
        bool dup = false;
        for (Anchor& an : anchors_) {
          if (an.place == m.chosen && an.key == key) {
            an.weight = std::max(an.weight, m.score);
            dup = true;
          }
        }
        if (!dup && anchors_.size() < 48) {
          double lat = g_.Lat(m.chosen);
          anchors_.push_back({m.chosen, m.score, key, lat, g_.Lon(m.chosen),
                              std::cos(lat * M_PI / 180.0), P(m.chosen).admin1, IsArea(m.chosen)});
        }
      }
    }
  };
  // Pass 2 runs twice, the second time on the countries and anchors gathered from the first.
  // A pass depends only on those and on the places chosen before it (through stated
  // distances), so when the first pass 2 changed neither, the second would repeat it
  // exactly: it is skipped then.
  std::vector<uint32_t>& chosen = s_.chosen;
  chosen.resize(ms_.size());
  for (size_t k = 0; k < ms_.size(); ++k) chosen[k] = ms_[k].chosen;
  gather();
  s_.gathered_cc = doc_cc_;
  s_.gathered_names = name_cc_;
  s_.gathered_anchors = anchors_;
  Resolve(true);
  gather();
  bool same = doc_cc_ == s_.gathered_cc && name_cc_ == s_.gathered_names &&
              anchors_ == s_.gathered_anchors;
  for (size_t k = 0; k < ms_.size() && same; ++k) same = ms_[k].chosen == chosen[k];
  if (!same) Resolve(true);
  Consistency();
  HoldUnevidenced();
  Emit(toponyms, claims);
}

void Parser::Emit(std::vector<Toponym>* toponyms, std::vector<Claim>* claims) {
  std::vector<int>& out_index = s_.out_index;
  out_index.assign(ms_.size(), -1);
  size_t accepted = 0;
  for (const Mention& m : ms_) accepted += m.accepted;
  toponyms->reserve(toponyms->size() + accepted);
  for (size_t k = 0; k < ms_.size(); ++k) {
    Mention& m = ms_[k];
    if (!m.accepted) continue;
    // Filled in place (reserved above): no move and destruction of a temporary.
    out_index[k] = static_cast<int>(toponyms->size());
    Toponym& t = toponyms->emplace_back();
    // A type word joins the span when the bare name means another place here: "Kunduz
    // province" (the city is "Kunduz"), not "Helmand province".
    uint32_t span_e = m.e;
    if (m.chosen != kNoPlace && m.desig != Desig::kNone && m.e < n_ &&
        (W(m.e) & (kWordAdmin1 | kWordAdmin2 | kWordCity)) && IsArea(m.chosen)) {
      for (uint32_t v : Posts(m)) {
        uint32_t q = PostingPlace(v);
        if (q != m.chosen && Kind(q) == PlaceKind::kCity && (q == P(m.chosen).link || Contains(m.chosen, q)))
          span_e = m.e + 1;
      }
    }
    // "Bulo Marer": the longer name's next word joins the span.
    if (m.held == Held::kFragment) span_e = m.e + 1;
    bool facility = m.facility_end > m.e;
    if (facility) span_e = m.facility_end;
    m.span_e = span_e;
    t.tok_begin = m.b;
    t.tok_end = span_e;
    t.start = a_.tokens[m.b].start;
    t.end = a_.tokens[span_e - 1].end;
    t.text.assign(a_.text.substr(t.start, t.end - t.start));
    if (m.chosen == kNoPlace) {
      t.reason = m.post_n == 0 ? "no gazetteer entry" : HeldReason(m.held);
    } else {
      g_.FillToponym(m.chosen, &t);
      t.score = std::clamp(m.score, 0.0, 1.0);
      if (m.demonym) {
        t.feature = "demonym";
        t.reason = "demonym";
      }
      if (!t.has_coords) t.reason = "the gazetteer has no coordinates for this place";
      if (facility && (IsArea(m.chosen) || m.demonym || IsStreetWord(a_.Folded(m.e)))) {
        // "Mississippi River", "Russian Embassy": not at the area's point. "Collins Avenue",
        // "Hampton Road": a street is named after a place elsewhere, it is not in it (an
        // airport or a base named after a city is, and keeps the city's point).
        std::string named = t.name;
        t = Toponym();
        t.tok_begin = m.b;
        t.tok_end = span_e;
        t.start = a_.tokens[m.b].start;
        t.end = a_.tokens[span_e - 1].end;
        t.text = std::string(a_.text.substr(t.start, t.end - t.start));
        t.reason = "a feature or facility named after " + named + ", not in the gazetteer";
      }
    }
  }
  // Claims.
  int prev_subject = -1;  // the last place named that was not a claim's reference
  std::vector<uint8_t>& is_ref = s_.is_ref;
  is_ref.assign(ms_.size(), 0);
  for (const Mention& m : ms_)
    if (m.claim_ref >= 0) is_ref[static_cast<size_t>(m.claim_ref)] = 1;
  for (size_t k = 0; k < ms_.size(); ++k) {
    Mention& m = ms_[k];
    if (!m.accepted || m.demonym) continue;
    if (m.claim_ref != -1) {
      int ref = m.claim_ref >= 0 ? m.claim_ref : prev_subject;
      if (ref >= 0 && ms_[static_cast<size_t>(ref)].accepted) {
        const Mention& y = ms_[static_cast<size_t>(ref)];
        Claim c;
        // The span: from the number to the reference (or the direction word).
        uint32_t d = m.span_e;
        while (d < n_ && a_.tokens[d].kind != TokKind::kNumber) ++d;
        uint32_t end = d + 2;
        if (m.claim_ref >= 0) {
          end = y.span_e;
        } else {
          uint32_t nb = 0;
          for (uint32_t q = end; q < n_ && q < d + 8 && !Is(q, ",") && !Is(q, "."); ++q) {
            if (Bearing(a_, q, &nb) >= 0) {
              end = nb;
              break;
            }
          }
        }
        if (d < n_ && end <= n_ && end > d) {
          c.start = a_.tokens[d].start;
          c.end = a_.tokens[end - 1].end;
          c.text = std::string(a_.text.substr(c.start, c.end - c.start));
        }
        c.stated_km = m.claim_km;
        c.stated_bearing = m.claim_bearing >= 0 ? BearingName(m.claim_bearing) : "";
        c.from_toponym = out_index[static_cast<size_t>(ref)];
        c.to_toponym = out_index[k];
        bool ok = y.chosen != kNoPlace && m.chosen != kNoPlace &&
                  (P(y.chosen).flags & kHasCoords) && (P(m.chosen).flags & kHasCoords);
        if (y.chosen != kNoPlace) {
          c.from_name = std::string(g_.PlaceName(y.chosen));
          if (P(y.chosen).geonameid) c.from = P(y.chosen).geonameid;
        }
        if (m.chosen != kNoPlace) {
          c.to_name = std::string(g_.PlaceName(m.chosen));
          if (P(m.chosen).geonameid) c.to = P(m.chosen).geonameid;
        }
        if (ok) {
          Geodesic(g_.Lat(y.chosen), g_.Lon(y.chosen), g_.Lat(m.chosen), g_.Lon(m.chosen),
                   &c.computed_km, &c.computed_bearing);
          // Road distance runs longer than the great circle; a stated figure is rounded.
          bool dist_ok = c.computed_km <= c.stated_km * 1.15 && c.computed_km >= c.stated_km * 0.4;
          bool dir_ok = true;
          if (m.claim_bearing >= 0) {
            double diff = std::fabs(c.computed_bearing - m.claim_bearing);
            diff = std::min(diff, 360.0 - diff);
            dir_ok = diff <= 45.0;
          }
          c.verdict = dist_ok && dir_ok ? "plausible" : "implausible";
        } else {
          c.verdict = "unchecked";
        }
        claims->push_back(std::move(c));
      }
    }
    if (!is_ref[k] && m.chosen != kNoPlace && Kind(m.chosen) == PlaceKind::kCity) prev_subject = static_cast<int>(k);
  }
}

}  // namespace

void Geoparser::Parse(const text::Analysis& a, const Document&, std::vector<Toponym>* toponyms,
                      std::vector<Claim>* claims,
                      const std::vector<std::string>* country_hints) const {
  if (!gaz_ || a.tokens.empty()) return;
  thread_local Scratch scratch;  // see Scratch
  Parser p(*gaz_, a, country_hints, &scratch);
  p.Run(toponyms, claims);
}

}  // namespace sitrep::geo
