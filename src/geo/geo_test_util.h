// Test helpers: a gazetteer index built once from the fixture in src/geo/testdata (a few
// dozen GeoNames-format lines written for these tests, with the repository's word lists).
#ifndef SITREP_GEO_GEO_TEST_UTIL_H_
#define SITREP_GEO_GEO_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <memory>
#include <unistd.h>

#include <string>
#include <vector>

#include "geo/gazetteer.h"
#include "geo/geoparser.h"

#ifndef SITREP_SOURCE_DIR
#define SITREP_SOURCE_DIR "."
#endif

namespace sitrep::geo::testing {

inline std::string FixtureDir() { return std::string(SITREP_SOURCE_DIR) + "/src/geo/testdata"; }

inline BuildInputs FixtureInputs(const std::string& output) {
  BuildInputs in;
  in.cities500 = FixtureDir() + "/cities500.txt";
  in.admin1 = FixtureDir() + "/admin1.json";
  in.admin2 = FixtureDir() + "/admin2.json";
  in.countries = FixtureDir() + "/countries.json";
  in.aliases = FixtureDir() + "/aliases.tsv";
  in.words_dir = std::string(SITREP_SOURCE_DIR) + "/data";
  in.output = output;
  return in;
}

// The fixture index path, built on first use.
inline const std::string& FixtureIndexPath() {
  static const std::string path = [] {
    // One file per process: ctest runs tests in parallel processes.
    std::string p = ::testing::TempDir() + "/sitrep_geo_fixture." + std::to_string(::getpid()) + ".idx";
    std::string log;
    Status st = Gazetteer::Build(FixtureInputs(p), &log);
    if (!st.ok()) ADD_FAILURE() << st.ToString();
    return p;
  }();
  return path;
}

// The fixture gazetteer, opened once and shared by the tests (it is immutable).
inline const Gazetteer* FixtureGazetteer() {
  static const std::unique_ptr<Gazetteer> g = []() -> std::unique_ptr<Gazetteer> {
    auto r = Gazetteer::Open(FixtureIndexPath());
    if (!r.ok()) {
      ADD_FAILURE() << r.status().ToString();
      return nullptr;
    }
    return std::move(r).value();
  }();
  return g.get();
}

struct Parsed {
  std::vector<Toponym> toponyms;
  std::vector<Claim> claims;
  // The toponym whose text is `t` (the first one), or nullptr.
  const Toponym* Find(std::string_view t) const {
    for (const auto& x : toponyms)
      if (x.text == t) return &x;
    return nullptr;
  }
};

inline Parsed ParseText(const std::string& text, const Gazetteer* g = FixtureGazetteer()) {
  static thread_local text::Analysis a;
  text::Analyze(text, &a);
  Document doc;
  doc.text = text;
  Parsed p;
  Geoparser(g).Parse(a, doc, &p.toponyms, &p.claims);
  return p;
}

}  // namespace sitrep::geo::testing

#endif  // SITREP_GEO_GEO_TEST_UTIL_H_
