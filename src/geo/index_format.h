// The gazetteer index file: one little-endian, position-independent file written by
// `sitrep index build` and memory-mapped by Gazetteer::Open. The layout is documented in
// docs/formats/index.md; change kIndexVersion with any change to it (setup.sh greps this
// constant to know when to rebuild the index).
//
//   FileHeader (64 bytes)
//   SectionEntry[section_count]
//   sections, each starting at a multiple of 8
//
// Every section is bounds-checked once at Open, and every cross-reference inside the file
// (string offsets, place indices, posting lists) is validated there too, so later reads never
// leave the mapping. A checksum over everything after the header detects corruption.
#ifndef SITREP_GEO_INDEX_FORMAT_H_
#define SITREP_GEO_INDEX_FORMAT_H_

#include <cstdint>
#include <cstring>
#include <string_view>

namespace sitrep::geo {

inline constexpr char kIndexMagic[8] = {'S', 'I', 'T', 'R', 'E', 'P', 'G', 'Z'};
inline constexpr uint32_t kIndexVersion = 6;  // 6: doubled-letter variants (Squeeze), kWordActor; 5: IndexChecksum keeps every bit of each lane
inline constexpr uint32_t kEndianMark = 0x01020304;

struct FileHeader {
  char magic[8];
  uint32_t version;
  uint32_t endian;         // kEndianMark as written on the building machine
  uint64_t file_size;      // the whole file, for truncation checks
  uint32_t section_count;
  uint32_t reserved0;
  uint64_t checksum;       // IndexChecksum of bytes [sizeof(FileHeader), file_size)
  uint64_t reserved[3];
};
static_assert(sizeof(FileHeader) == 64);

enum class SectionId : uint32_t {
  kPlaces = 1,   // PlaceRec[place_count]
  kStrings = 2,  // string pool: NUL-terminated UTF-8 strings
  kNames = 3,    // lexicon::PhraseTable: folded place names -> posting values (see below)
  kWords = 4,    // lexicon::PhraseTable: folded words -> WordClass bit set (one value)
  kCodes = 5,    // CodeRec[]: admin and country codes, sorted by code, for lookups
  kMeta = 6,     // UTF-8 text: what the index was built from (for `sitrep version`)
};

struct SectionEntry {
  uint32_t id;
  uint32_t reserved;
  uint64_t offset;
  uint64_t size;
};
static_assert(sizeof(SectionEntry) == 24);

// What a place record stands for.
enum class PlaceKind : uint8_t {
  kCity = 0,     // a GeoNames populated place (cities500)
  kAdmin1 = 1,   // a first-level administrative area (province, state)
  kAdmin2 = 2,   // a second-level administrative area (district, county)
  kCountry = 3,  // a country or territory
  kRegion = 4,   // a continent or region defined in data/place_aliases.tsv
};

inline constexpr uint32_t kNoPlace = 0xFFFFFFFFu;

// One place. Coordinates are fixed-point 1e-5 degrees (the precision the output prints).
struct PlaceRec {
  uint32_t geonameid;   // 0 for areas, countries and regions (no GeoNames id in the data)
  int32_t lat_e5, lon_e5;
  uint32_t population;  // cities: GeoNames population; areas: the sum of their places
  uint32_t name;        // string offset: the display name
  uint32_t code;        // string offset: "AF", "AF.24", "AF.24.1401"; 0 (empty) for cities
  uint32_t country;     // place index of the country, or kNoPlace
  uint32_t admin1;      // place index of the admin1 area, or kNoPlace
  uint32_t admin2;      // place index of the admin2 area, or kNoPlace
  uint32_t link;        // areas: the seat; countries: the capital; cities: kNoPlace
  char cc[2];           // ISO 3166-1 alpha-2, or two spaces
  uint8_t kind;         // PlaceKind
  uint8_t feature;      // index into kFeatureCodes
  uint8_t flags;        // PlaceFlag
  uint8_t reserved[3];
};
static_assert(sizeof(PlaceRec) == 48);

enum PlaceFlag : uint8_t {
  kHasCoords = 1 << 0,
};

// Feature codes, by index (PlaceRec::feature). Index 0 is the empty code.
inline constexpr std::string_view kFeatureCodes[] = {
    "",      "PPL",   "PPLA",  "PPLA2", "PPLA3", "PPLA4", "PPLA5", "PPLC", "PPLX",
    "PPLL",  "PPLF",  "PPLG",  "PPLH",  "PPLQ",  "PPLR",  "PPLS",  "PPLW", "STLMT",
    "PPLCH", "ADM1",  "ADM2",  "PCLI",  "CONT",  "RGN",   "PCLD"};
inline constexpr uint8_t kFeatureCount = sizeof(kFeatureCodes) / sizeof(kFeatureCodes[0]);

// A posting in the names table: place index in the low 24 bits, NameKind in bits 24-27.
inline constexpr uint32_t kPostingPlaceMask = (1u << 24) - 1;
inline constexpr uint32_t kPostingKindShift = 24;
enum class NameKind : uint8_t {
  kPrimary = 0,    // GeoNames name/asciiname, an area's name, a country's common name
  kStripped = 1,   // an area's name without its " Province"/" Oblast"... suffix
  kOfficial = 2,   // a country's official name or a translation
  kAlias = 3,      // from data/place_aliases.tsv
  kAlternate = 4,  // a GeoNames alternate name, or one inherited from an area's seat
  kAbbrev = 5,     // a short code or abbreviation ("US", "UK", "Va."): needs capitals
  kDemonym = 6,    // "Afghan", "Syrians": the country (or area) as an adjective or people
};
inline uint32_t MakePosting(uint32_t place, NameKind k) {
  return place | (static_cast<uint32_t>(k) << kPostingKindShift);
}
inline uint32_t PostingPlace(uint32_t v) { return v & kPostingPlaceMask; }
inline NameKind PostingKind(uint32_t v) {
  return static_cast<NameKind>((v >> kPostingKindShift) & 0xF);
}

// Doubled-letter spellings. News and the data often differ by a doubled letter or vowel:
// "Hiran" / "Hiiraan", "Lower Shabelle" / "Lower Shabeelle", "Middle Shabelle" / "Middle
// Shabele". A token's squeezed form has every run of one ASCII letter cut to one letter
// ("shabeelle" -> "shabele"). Besides its names, the names table holds, under salted keys
// (SqueezedTokenHash, every token of the phrase salted), the squeezed form of each name that
// has such a run and passes SqueezeVariantOk. The geoparser reads a name this way only where
// the exact spelling finds no name as long, looking the squeezed text up both under salted
// keys (a doubled letter in the data) and under plain keys (in the text only).
inline constexpr uint64_t kSqueezeSalt = 0x6a09e667f3bcc909ull;
// Longest token squeezed (a longer one has no squeezed form).
inline constexpr size_t kMaxSqueezeBytes = 48;
// Writes the squeezed form of folded token `f` (at most kMaxSqueezeBytes) to out; returns
// its length, 0 if f is empty or too long.
inline size_t Squeeze(std::string_view f, char* out) {
  if (f.empty() || f.size() > kMaxSqueezeBytes) return 0;
  size_t n = 0;
  for (size_t k = 0; k < f.size(); ++k) {
    const char c = f[k];
    if (n > 0 && c == out[n - 1] && c >= 'a' && c <= 'z') continue;
    out[n++] = c;
  }
  return n;
}
// Which names get a squeezed form: a place's own names (not GeoNames' alternate names,
// abbreviations or demonyms) of an area, or of a town of 1,000 people or more, whose
// squeezed form has 4 letters or more. The geoparser applies the same test to what a
// squeezed look-up finds under plain keys.
inline constexpr uint32_t kSqueezeMinPopulation = 1000;
inline constexpr size_t kSqueezeMinBytes = 4;
inline bool SqueezeVariantOk(PlaceKind kind, uint32_t population, NameKind nk) {
  if (nk > NameKind::kAlias) return false;
  return kind != PlaceKind::kCity || population >= kSqueezeMinPopulation;
}

// Word classes (the kWords table). A word may have several.
enum WordClass : uint32_t {
  kWordCommon1 = 1u << 0,      // among the most frequent English words (SCOWL 10)
  kWordCommon2 = 1u << 1,      // frequent (SCOWL 20)
  kWordCommon3 = 1u << 2,      // common (SCOWL 35)
  kWordFirstName = 1u << 3,    // a given name ("Nicole", "Mohammad")
  kWordTitle = 1u << 4,        // "Mr", "President", "Gen": a person follows
  kWordOrg = 1u << 5,          // "Ministry", "University", "Army": an organisation's head noun
  kWordAdmin1 = 1u << 6,       // "province", "state", "governorate", "oblast", "region"
  kWordAdmin2 = 1u << 7,       // "district", "county", "municipality"
  kWordCity = 1u << 8,         // "city", "town", "village"
  kWordCountry = 1u << 9,      // "country", "nation", "republic"
  kWordMonth = 1u << 10,       // months and days of the week
  kWordCue = 1u << 11,         // "in", "near", "outside": a place often follows
  kWordFacility = 1u << 12,    // "Street", "Airport", "Hospital": the name is of a facility
  kWordPersonAfter = 1u << 13, // "said", "told": a person's name often comes just before
  kWordDirection = 1u << 14,   // "north", "northern", "south-east"
  kWordNotPlace = 1u << 15,    // never a place on its own ("Of", "Said" as a name)
  kWordPeople = 1u << 16,      // "forces", "troops", "officials": a demonym precedes
  kWordSurname = 1u << 17,     // a frequent family name ("Smith", "Khan")
  kWordActor = 1u << 18,       // a one-word name of a group in data/actors*.tsv ("Wagner", "Fano")
};

// An entry of the codes section: the code string and the place it names.
struct CodeRec {
  uint32_t code;   // string offset
  uint32_t place;  // place index
};
static_assert(sizeof(CodeRec) == 8);

// Checksum of the index body: a 64-bit multiply-mix over 8-byte words (the tail is padded
// with zeros). Fast enough to run at every Open (about 5 GB/s).
inline uint64_t IndexChecksum(const char* p, uint64_t n) {
  uint64_t h0 = 0x9e3779b97f4a7c15ull ^ n, h1 = 0xc2b2ae3d27d4eb4full, h2 = 0x165667b19e3779f9ull,
           h3 = 0x27d4eb2f165667c5ull;
  uint64_t i = 0;
  for (; i + 32 <= n; i += 32) {
    uint64_t w[4];
    std::memcpy(w, p + i, 32);
    h0 = (h0 ^ w[0]) * 0x9fb21c651e98df25ull;
    h1 = (h1 ^ w[1]) * 0x9fb21c651e98df25ull;
    h2 = (h2 ^ w[2]) * 0x9fb21c651e98df25ull;
    h3 = (h3 ^ w[3]) * 0x9fb21c651e98df25ull;
  }
  for (; i < n; i += 8) {
    uint64_t w = 0;
    std::memcpy(&w, p + i, n - i < 8 ? n - i : 8);
    h0 = (h0 ^ w) * 0x9fb21c651e98df25ull;
    h0 ^= h0 >> 32;
  }
  // Rotations, not shifts: every step above is a bijection of its lane for a given word, so
  // a change in any one word changes its lane, and a rotation keeps all 64 bits of it (the
  // shifts used before version 5 dropped the top bits of lane 2: about 1% of single bit
  // flips went unseen; found by the hostile suite's flipped-bit cases).
  auto rotl = [](uint64_t x, int r) { return (x << r) | (x >> (64 - r)); };
  uint64_t h = h0 ^ rotl(h1, 7) ^ rotl(h2, 11) ^ rotl(h3, 19);
  h ^= h >> 29;
  h *= 0xbf58476d1ce4e5b9ull;
  return h ^ (h >> 32);
}

}  // namespace sitrep::geo

#endif  // SITREP_GEO_INDEX_FORMAT_H_
