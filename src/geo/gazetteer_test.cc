#include "geo/gazetteer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "geo/geo_test_util.h"

namespace sitrep::geo {
namespace {

using testing::FixtureGazetteer;
using testing::FixtureIndexPath;

std::string ReadAll(const std::string& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::string WriteTemp(const std::string& name, const std::string& bytes) {
  std::string p = ::testing::TempDir() + "/" + name;
  std::ofstream f(p, std::ios::binary | std::ios::trunc);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return p;
}

TEST(Gazetteer, BuildsAndOpensTheFixture) {
  const Gazetteer* g = FixtureGazetteer();
  ASSERT_NE(g, nullptr);
  // 19 countries + 37 admin1 + 4 admin2 + 53 cities + 1 region.
  EXPECT_EQ(g->place_count(), 19u + 37u + 4u + 53u + 1u);
  EXPECT_NE(g->Describe().find("53 cities"), std::string::npos);
}

TEST(Gazetteer, NamesOfCodes) {
  const Gazetteer* g = FixtureGazetteer();
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->CountryName("AF"), "Afghanistan");
  EXPECT_EQ(g->CountryName("ZZ"), "");
  EXPECT_EQ(g->Admin1Name("AF.24"), "Kunduz");
  EXPECT_EQ(g->Admin1Name("AF"), "");  // a country, not an admin1
  EXPECT_EQ(g->Admin2Name("US.NC.077"), "Granville County");
  EXPECT_EQ(g->Admin2Name("AF.24"), "");
}

TEST(Gazetteer, LinksSeatsCapitalsAndPoints) {
  const Gazetteer* g = FixtureGazetteer();
  ASSERT_NE(g, nullptr);
  uint32_t af = g->FindCode("AF");
  ASSERT_NE(af, kNoPlace);
  ASSERT_NE(g->place(af).link, kNoPlace);
  EXPECT_EQ(g->place(g->place(af).link).geonameid, 1138958u);  // Kabul
  uint32_t kunduz = g->FindCode("AF.24");
  ASSERT_NE(kunduz, kNoPlace);
  EXPECT_EQ(g->place(g->place(kunduz).link).geonameid, 1135689u);
  EXPECT_TRUE(g->place(kunduz).flags & kHasCoords);
  EXPECT_NEAR(g->Lat(kunduz), 36.72895, 1e-4);  // one place: the seat's point
}

TEST(Gazetteer, StrippedAndInheritedAreaNames) {
  const Gazetteer* g = FixtureGazetteer();
  ASSERT_NE(g, nullptr);
  uint32_t province = g->FindCode("AF.33");  // "Sar-e Pol Province"
  bool stripped = false, inherited = false;
  for (uint32_t v : g->names().Lookup("sar e pol"))
    stripped |= PostingPlace(v) == province;
  for (uint32_t v : g->names().Lookup("sari pul"))  // a name of its seat, Sar-e Pul
    inherited |= PostingPlace(v) == province;
  EXPECT_TRUE(stripped);
  EXPECT_TRUE(inherited);
}

TEST(Gazetteer, AliasesAndWordClasses) {
  const Gazetteer* g = FixtureGazetteer();
  ASSERT_NE(g, nullptr);
  auto v = g->names().Lookup("britain");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(g->PlaceCode(PostingPlace(v[0])), "GB");
  EXPECT_EQ(PostingKind(v[0]), NameKind::kAlias);
  text::Analysis a;
  text::Analyze("the province of", &a);
  EXPECT_TRUE(g->WordClasses(a, 1) & kWordAdmin1);
  EXPECT_TRUE(g->WordClasses(a, 0) & kWordCommon1);
}

TEST(Gazetteer, RefusesAnotherVersion) {
  std::string bytes = ReadAll(FixtureIndexPath());
  ASSERT_GT(bytes.size(), sizeof(FileHeader));
  uint32_t v = kIndexVersion + 1;
  std::memcpy(bytes.data() + 8, &v, 4);
  auto r = Gazetteer::Open(WriteTemp("geo_version.idx", bytes));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
  EXPECT_NE(r.status().message().find("version " + std::to_string(kIndexVersion + 1)),
            std::string::npos);
  EXPECT_NE(r.status().message().find("sitrep index build"), std::string::npos);
}

TEST(Gazetteer, RefusesTruncatedFiles) {
  std::string bytes = ReadAll(FixtureIndexPath());
  for (size_t keep : {size_t{0}, size_t{10}, size_t{64}, size_t{200}, bytes.size() / 2,
                      bytes.size() - 8}) {
    auto r = Gazetteer::Open(WriteTemp("geo_trunc.idx", bytes.substr(0, keep)));
    EXPECT_FALSE(r.ok()) << keep;
  }
}

TEST(Gazetteer, RefusesCorruptBytesAndWrongMagic) {
  std::string bytes = ReadAll(FixtureIndexPath());
  std::string flipped = bytes;
  flipped[bytes.size() / 3] ^= 0x40;
  auto r = Gazetteer::Open(WriteTemp("geo_flip.idx", flipped));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("checksum"), std::string::npos);
  std::string magic = bytes;
  magic[0] = 'X';
  auto m = Gazetteer::Open(WriteTemp("geo_magic.idx", magic));
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("magic"), std::string::npos);
}

TEST(Gazetteer, RefusesOutOfRangeReferencesEvenWithAValidChecksum) {
  std::string bytes = ReadAll(FixtureIndexPath());
  FileHeader h;
  std::memcpy(&h, bytes.data(), sizeof h);
  SectionEntry e;
  std::memcpy(&e, bytes.data() + sizeof(FileHeader), sizeof e);  // places come first
  ASSERT_EQ(e.id, static_cast<uint32_t>(SectionId::kPlaces));
  uint32_t bad = 0x00FFFFF0;
  std::memcpy(bytes.data() + e.offset + offsetof(PlaceRec, admin1), &bad, 4);
  h.checksum = IndexChecksum(bytes.data() + sizeof(FileHeader), bytes.size() - sizeof(FileHeader));
  std::memcpy(bytes.data(), &h, sizeof h);
  auto r = Gazetteer::Open(WriteTemp("geo_range.idx", bytes));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("out of range"), std::string::npos);
}

// The checksum covers what follows the header, so the header's unused fields are checked
// on their own: a damaged one is refused rather than ignored.
TEST(Gazetteer, RefusesNonZeroReservedHeaderFields) {
  const std::string bytes = ReadAll(FixtureIndexPath());
  for (size_t off : {offsetof(FileHeader, reserved0), offsetof(FileHeader, reserved),
                     offsetof(FileHeader, reserved) + 16}) {
    std::string damaged = bytes;
    damaged[off] = 1;
    auto r = Gazetteer::Open(WriteTemp("geo_reserved.idx", damaged));
    ASSERT_FALSE(r.ok()) << off;
    EXPECT_NE(r.status().message().find("reserved"), std::string::npos) << off;
  }
}

TEST(Gazetteer, MissingFileIsNotFound) {
  auto r = Gazetteer::Open(::testing::TempDir() + "/no_such_index.idx");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kNotFound);
}

TEST(Gazetteer, BuildReportsBadAliasLines) {
  std::string aliases = WriteTemp("geo_bad_aliases.tsv", "name\tZZ.99\tNowhere\n");
  BuildInputs in = testing::FixtureInputs(::testing::TempDir() + "/geo_bad.idx");
  in.aliases = aliases;
  std::string log;
  Status st = Gazetteer::Build(in, &log);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("geo_bad_aliases.tsv:1"), std::string::npos);
}

}  // namespace
}  // namespace sitrep::geo
