// Golden cases for the geoparser on the fixture gazetteer (src/geo/testdata). Every sentence
// here was written for these tests.
#include "geo/geoparser.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <thread>

#include "geo/geo_test_util.h"

namespace sitrep::geo {
namespace {

using testing::Parsed;
using testing::ParseText;

int64_t Id(const Toponym* t) { return t && t->geonameid ? *t->geonameid : -1; }

// --- Ambiguous names -----------------------------------------------------------------------

TEST(GeoAmbiguous, ParisAloneIsTheFrenchCapital) {
  Parsed p = ParseText("Thousands marched in Paris on Saturday.");
  EXPECT_EQ(Id(p.Find("Paris")), 2988507);
}

TEST(GeoAmbiguous, ParisTexasByContainment) {
  Parsed p = ParseText("A tornado hit Paris, Texas, late on Monday.");
  EXPECT_EQ(Id(p.Find("Paris")), 4717560);
  ASSERT_NE(p.Find("Texas"), nullptr);
  EXPECT_EQ(p.Find("Texas")->admin1, "US.TX");
}

TEST(GeoAmbiguous, ParisNearOtherTexasPlaces) {
  Parsed p = ParseText("Storms moved from Dallas toward Paris before reaching Austin.");
  EXPECT_EQ(Id(p.Find("Paris")), 4717560);
}

TEST(GeoAmbiguous, TripoliDefaultsToLibya) {
  Parsed p = ParseText("Militias clashed in Tripoli overnight.");
  EXPECT_EQ(Id(p.Find("Tripoli")), 2210247);
}

TEST(GeoAmbiguous, TripoliInALebaneseStory) {
  Parsed p = ParseText(
      "Lebanese troops deployed in Beirut. Later, gunmen opened fire in Tripoli, in the north "
      "of Lebanon.");
  EXPECT_EQ(Id(p.Find("Tripoli")), 266826);
}

TEST(GeoAmbiguous, HyderabadDefaultsToIndia) {
  Parsed p = ParseText("Protesters gathered in Hyderabad after the verdict.");
  EXPECT_EQ(Id(p.Find("Hyderabad")), 1269843);
}

TEST(GeoAmbiguous, HyderabadInSindh) {
  Parsed p = ParseText("Police in Karachi and Hyderabad, Pakistan, arrested 12 people.");
  EXPECT_EQ(Id(p.Find("Hyderabad")), 1176734);
}

TEST(GeoAmbiguous, HyderabadInAPakistaniStory) {
  Parsed p = ParseText("Pakistani officials said a bomb exploded in Hyderabad on Friday.");
  EXPECT_EQ(Id(p.Find("Hyderabad")), 1176734);
}

TEST(GeoAmbiguous, SarePulInAfghanistan) {
  Parsed p = ParseText("The Taliban captured Sar-e-Pul, in northern Afghanistan.");
  EXPECT_EQ(Id(p.Find("Sar-e-Pul")), 1127110);
}

TEST(GeoAmbiguous, SarePulSpellingsFoldTogether) {
  for (const char* s : {"Fighting reached Sar-e Pul on Monday.", "Fighting reached Sari Pul on Monday.",
                        "Fighting reached SAR-E-PUL on Monday."}) {
    Parsed p = ParseText(s);
    ASSERT_EQ(p.toponyms.size(), 1u) << s;
    EXPECT_EQ(Id(&p.toponyms[0]), 1127110) << s;
  }
}

TEST(GeoAmbiguous, SarePulInIran) {
  Parsed p = ParseText(
      "An earthquake struck Iran's Kermanshah province. In Sar-e Pul, near the Iraqi border, "
      "hundreds of houses collapsed.");
  EXPECT_EQ(Id(p.Find("Sar-e Pul")), 1900002);
}

TEST(GeoAmbiguous, OxfordDefaultsToEngland) {
  Parsed p = ParseText("Students in Oxford held a vigil.");
  EXPECT_EQ(Id(p.Find("Oxford")), 2640729);
}

TEST(GeoAmbiguous, OxfordNorthCarolinaByContainment) {
  Parsed p = ParseText("The shooting happened in Oxford, North Carolina, on Friday.");
  EXPECT_EQ(Id(p.Find("Oxford")), 4482370);
}

TEST(GeoAmbiguous, OxfordWithAStateAbbreviation) {
  Parsed p = ParseText("The rally in Oxford, N.C., drew a crowd.");
  EXPECT_EQ(Id(p.Find("Oxford")), 4482370);
}

TEST(GeoAmbiguous, GeorgiaTheCountry) {
  Parsed p = ParseText("Protests spread across Georgia after the vote in Tbilisi.");
  ASSERT_NE(p.Find("Georgia"), nullptr);
  EXPECT_EQ(p.Find("Georgia")->feature, "PCLI");
  EXPECT_EQ(p.Find("Georgia")->country, "GE");
}

TEST(GeoAmbiguous, GeorgiaTheState) {
  Parsed p = ParseText("Police in Atlanta, Georgia, said two men were arrested.");
  ASSERT_NE(p.Find("Georgia"), nullptr);
  EXPECT_EQ(p.Find("Georgia")->admin1, "US.GA");
  EXPECT_EQ(p.Find("Georgia")->precision, "admin1");
}

TEST(GeoAmbiguous, WashingtonIsTheCapital) {
  Parsed p = ParseText("Officials in Washington rejected the plan.");
  EXPECT_EQ(Id(p.Find("Washington")), 4140963);
}

// --- Provinces and cities of the same name --------------------------------------------------

TEST(GeoProvince, BareNameIsTheCity) {
  Parsed p = ParseText("The Taliban entered Kunduz on Sunday.");
  const Toponym* t = p.Find("Kunduz");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(Id(t), 1135689);
  EXPECT_EQ(t->precision, "city");
  EXPECT_EQ(t->admin1, "AF.24");
}

TEST(GeoProvince, TypeWordMeansTheProvince) {
  Parsed p = ParseText("Clashes were reported across Kunduz province.");
  // The span takes the type word: the bare name would be the city.
  const Toponym* t = p.Find("Kunduz province");
  ASSERT_NE(t, nullptr);
  EXPECT_FALSE(t->geonameid.has_value());
  EXPECT_EQ(t->feature, "ADM1");
  EXPECT_EQ(t->precision, "admin1");
  EXPECT_EQ(t->admin1, "AF.24");
  EXPECT_TRUE(t->has_coords);
}

TEST(GeoProvince, ProvinceOnlyNameKeepsItsSpan) {
  Parsed p = ParseText("Lashkar Gah is the capital of Helmand province.");
  const Toponym* t = p.Find("Helmand");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->admin1, "AF.10");
  EXPECT_EQ(t->precision, "admin1");
  EXPECT_EQ(Id(p.Find("Lashkar Gah")), 1134720);
}

TEST(GeoProvince, TheProvinceOf) {
  Parsed p = ParseText("Zaranj, capital of the distant province of Nimroz, fell on Friday.");
  EXPECT_EQ(Id(p.Find("Zaranj")), 1120985);
  ASSERT_NE(p.Find("Nimroz"), nullptr);
  EXPECT_EQ(p.Find("Nimroz")->admin1, "AF.19");
}

TEST(GeoProvince, AreaNameWithoutItsSuffix) {
  Parsed p = ParseText("A council member from Sar-e Pol province said the city had fallen.");
  ASSERT_EQ(p.toponyms.size(), 1u);
  EXPECT_EQ(p.toponyms[0].admin1, "AF.33");
  EXPECT_EQ(p.toponyms[0].feature, "ADM1");
}

TEST(GeoProvince, HaifaCity) {
  Parsed p = ParseText("Rockets were fired at Haifa city late on Tuesday.");
  ASSERT_FALSE(p.toponyms.empty());
  EXPECT_EQ(Id(&p.toponyms[0]), 294801);
}

TEST(GeoProvince, CapitalOfTheCountry) {
  Parsed p = ParseText("Jerusalem, the capital of Israel, was quiet.");
  EXPECT_EQ(Id(p.Find("Jerusalem")), 281184);
  EXPECT_EQ(p.Find("Israel")->feature, "PCLI");
}

// --- Demonyms -------------------------------------------------------------------------------

TEST(GeoDemonym, AfghanForces) {
  Parsed p = ParseText("Afghan forces withdrew from the base.");
  const Toponym* t = p.Find("Afghan");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->feature, "demonym");
  EXPECT_EQ(t->country, "AF");
  EXPECT_FALSE(t->geonameid.has_value());
  EXPECT_EQ(t->precision, "country");
}

TEST(GeoDemonym, PluralAndAliasDemonyms) {
  Parsed p = ParseText("Syrians and Turks met at the border.");
  ASSERT_NE(p.Find("Syrians"), nullptr);
  EXPECT_EQ(p.Find("Syrians")->country, "SY");
  ASSERT_NE(p.Find("Turks"), nullptr);
  EXPECT_EQ(p.Find("Turks")->country, "TR");
}

TEST(GeoDemonym, DemonymCountsForTheDocumentCountry) {
  Parsed p = ParseText("Libyan officials said the convoy reached Tripoli.");
  EXPECT_EQ(Id(p.Find("Tripoli")), 2210247);
  Parsed q = ParseText("Lebanese officials said the convoy reached Tripoli.");
  EXPECT_EQ(Id(q.Find("Tripoli")), 266826);
}

// --- Person names that are places -----------------------------------------------------------

TEST(GeoPerson, FirstNameBeforeAPlaceName) {
  Parsed p = ParseText("\"We will hold the line,\" said Nicole Ferrara, a spokeswoman.");
  EXPECT_EQ(p.Find("Ferrara"), nullptr);
}

TEST(GeoPerson, TitleBeforeAPlaceName) {
  Parsed p = ParseText("The stronghold of Gen. Abdul Rashid Dostom was shelled.");
  EXPECT_EQ(p.Find("Dostom"), nullptr);
}

TEST(GeoPerson, SurnameAloneAfterTheFullName) {
  Parsed p = ParseText(
      "Governor David Paterson declared an emergency. Paterson said the state would help.");
  EXPECT_EQ(p.Find("Paterson"), nullptr);
  EXPECT_EQ(p.Find("David"), nullptr);
}

TEST(GeoPerson, FirstNameThatIsAPlaceBeforeASurname) {
  Parsed p = ParseText("The striker Dallas Whitcombe scored twice.");
  EXPECT_EQ(p.Find("Dallas"), nullptr);
}

TEST(GeoPerson, PlaceAfterACountryNameIsKept) {
  Parsed p = ParseText("Georgia Tbilisi talks ended without a deal.");
  EXPECT_NE(p.Find("Tbilisi"), nullptr);
}

// --- Common words, months, organisations ----------------------------------------------------

TEST(GeoRecognition, CommonWordsAreNotPlaces) {
  Parsed p = ParseText("Police said the attack began in March. Mobile phones were cut off.");
  EXPECT_TRUE(p.toponyms.empty()) << p.toponyms[0].text;
}

TEST(GeoRecognition, CommonWordIsAPlaceWithContainment) {
  Parsed p = ParseText("The storm flooded streets in Mobile, Alabama.");
  EXPECT_EQ(Id(p.Find("Mobile")), 4076598);
}

TEST(GeoRecognition, LowerCaseIsNotAName) {
  Parsed p = ParseText("they told us that the turkey was cooked in paris style.");
  EXPECT_TRUE(p.toponyms.empty());
}

TEST(GeoRecognition, AbbreviationsAndAliases) {
  Parsed p = ParseText("U.S. and UK officials met in Turkey with US envoys from Britain.");
  ASSERT_NE(p.Find("U.S."), nullptr);
  EXPECT_EQ(p.Find("U.S.")->country, "US");
  EXPECT_EQ(p.Find("US")->country, "US");
  EXPECT_EQ(p.Find("UK")->country, "GB");
  EXPECT_EQ(p.Find("Britain")->country, "GB");
  EXPECT_EQ(p.Find("Turkey")->country, "TR");
  EXPECT_EQ(p.Find("Turkey")->precision, "country");
}

TEST(GeoRecognition, OrganisationNamesAreNotPlaces) {
  Parsed p = ParseText("A statement from the Kabul Ministry said nothing.");
  EXPECT_EQ(p.Find("Kabul"), nullptr);
}

TEST(GeoRecognition, MetonymicCapital) {
  Parsed p = ParseText("Kabul's inability to hold the north could prove crucial.");
  EXPECT_EQ(Id(p.Find("Kabul")), 1138958);
}

// A street named after a place is not in that place: no point rather than a guess.
TEST(GeoRecognition, StreetNamedAfterACityIsUnresolved) {
  Parsed p = ParseText("Police closed Dallas Avenue after the protest.");
  const Toponym* t = p.Find("Dallas Avenue");
  ASSERT_NE(t, nullptr);
  EXPECT_FALSE(t->geonameid.has_value());
  EXPECT_FALSE(t->has_coords);
  EXPECT_NE(t->reason.find("Dallas"), std::string::npos);
}

// "Bost" is only an alternate name of Lashkar Gah (Afghanistan). In a report about Iran it
// is some place the gazetteer lacks, not Lashkar Gah: unresolved, with a reason.
TEST(GeoAmbiguous, ForeignAlternateNameIsUnresolved) {
  Parsed p = ParseText("Iranian forces shelled Bost on Monday, officials in Tehran said.");
  const Toponym* t = p.Find("Bost");
  ASSERT_NE(t, nullptr);
  EXPECT_FALSE(t->geonameid.has_value());
  EXPECT_NE(t->reason.find("alternate"), std::string::npos);
  // In an Afghan report the alternate name stands.
  Parsed q = ParseText("Afghan forces retook Bost on Monday, officials in Kabul said.");
  const Toponym* u = q.Find("Bost");
  ASSERT_NE(u, nullptr);
  EXPECT_EQ(u->geonameid, 1134720);
}

// A small town of a country nothing else in the report names, while the report names
// others, is some place the gazetteer lacks: unresolved, with a reason. In a report that
// names its country it stands.
TEST(GeoAmbiguous, SmallForeignTownIsUnresolved) {
  Parsed p = ParseText("Turkish jets struck Kurdish militants near Lido, Iraqi officials said.");
  const Toponym* t = p.Find("Lido");
  ASSERT_NE(t, nullptr);
  EXPECT_FALSE(t->geonameid.has_value());
  EXPECT_FALSE(t->has_coords);
  EXPECT_NE(t->reason.find("small place"), std::string::npos);
  Parsed q = ParseText("Italian police said a fire broke out near Lido on Monday.");
  EXPECT_EQ(Id(q.Find("Lido")), 3174748);
}

// "City's X" holds X to the city's country, as "Country's X" does: "Mogadishu's Lido" is
// no Lido in Italy; "Rome's Lido" may be.
TEST(GeoContainment, PossessiveCityHoldsTheCountry) {
  Parsed p = ParseText("Militants stormed a hotel in Mogadishu's Lido beach area.");
  EXPECT_EQ(Id(p.Find("Mogadishu")), 53654);
  const Toponym* t = p.Find("Lido");
  ASSERT_NE(t, nullptr);
  EXPECT_FALSE(t->geonameid.has_value());
  EXPECT_NE(t->reason.find("possessor"), std::string::npos);
  Parsed q = ParseText("Crowds filled Rome's Lido on Sunday.");
  EXPECT_EQ(Id(q.Find("Lido")), 3174748);
}

// A one-word name right before a capitalised word of no class is the head of a longer name
// the gazetteer lacks ("the town of Lido Warsame"): unresolved, the span the whole name.
// Where the report names the place's country, the place stands.
TEST(GeoAmbiguous, HeadOfLongerUnknownNameIsUnresolved) {
  Parsed p = ParseText("Al-Shabaab militants briefly seized the town of Lido Warsame, residents said.");
  const Toponym* t = p.Find("Lido Warsame");
  ASSERT_NE(t, nullptr);
  EXPECT_FALSE(t->geonameid.has_value());
  EXPECT_NE(t->reason.find("longer name"), std::string::npos);
  Parsed q = ParseText("Italian police said the town of Lido Marconi was flooded.");
  EXPECT_EQ(Id(q.Find("Lido")), 3174748);
}

// "Y's X": the possessor holds the place, also across words that describe it.
TEST(GeoContainment, PossessiveAcrossDescribingWords) {
  Parsed p = ParseText("Libya and Lebanon held talks. Clashes erupted in Lebanon's northern city "
                       "of Tripoli.");
  EXPECT_EQ(Id(p.Find("Tripoli")), 266826);
  Parsed q = ParseText("India and Pakistan traded fire. Floods hit Pakistan's southern Hyderabad.");
  EXPECT_EQ(Id(q.Find("Hyderabad")), 1176734);
  Parsed r = ParseText("India and Pakistan traded fire. Floods hit Pakistan's Hyderabad.");
  EXPECT_EQ(Id(r.Find("Hyderabad")), 1176734);
}

// A group's name is no place (the fixture has Wagner, South Dakota; data/actors.tsv the
// Wagner Group), unless a type word or containment says so.
TEST(GeoRecognition, GroupNamesAreNotPlaces) {
  for (const char* s : {"Wagner mercenaries were deployed to the front.",
                        "The Wagner group fought alongside the army.",
                        "Fighters from Wagner attacked the village, officials said."}) {
    EXPECT_EQ(ParseText(s).Find("Wagner"), nullptr) << s;
  }
  EXPECT_EQ(Id(ParseText("A storm hit the town of Wagner overnight.").Find("Wagner")), 5232661);
  // A demonym before "group" stays one.
  Parsed p = ParseText("The Afghan group left the talks.");  // (t points into p)
  const Toponym* t = p.Find("Afghan");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->feature, "demonym");
}

// --- Doubled-letter spellings (the fixture has "Afgooye", "Buulobarde", "Hiiraan", "Lower
// Shabeelle" as the data spell them, and an Iraqi town "Hīrān") -----------------------------

TEST(GeoSpelling, ASingleLetterForTheDataDoubleOne) {
  // Read as alternate names, they need what any such name needs to be a place (here "in").
  Parsed p = ParseText("Al-Shabaab fighters attacked Afgoye, in Lower Shabelle, on Tuesday and "
                       "clashed with troops in Bulobarde, Somali officials said.");
  EXPECT_EQ(Id(p.Find("Afgoye")), 65785);
  EXPECT_EQ(Id(p.Find("Bulobarde")), 63689);
  const Toponym* t = p.Find("Lower Shabelle");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->admin1, "SO.14");
  EXPECT_EQ(t->precision, "admin1");
}

TEST(GeoSpelling, ADoubleLetterForTheDataSingleOne) {
  Parsed p = ParseText("Somali troops moved into Beledweyyne on Monday.");
  EXPECT_EQ(Id(p.Find("Beledweyyne")), 64460);
}

TEST(GeoSpelling, BesideAnExactNameOfAnotherPlace) {
  // "Hiran" is exactly the Iraqi town's name; the Somali region is spelled "Hiiraan". In a
  // Somali report, with the type word, the region.
  Parsed p = ParseText("Somali forces retook villages in Hiran region near Beledweyne.");
  const Toponym* t = p.Find("Hiran");
  if (!t) t = p.Find("Hiran region");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->admin1, "SO.07");
  EXPECT_EQ(t->precision, "admin1");
  // In an Iraqi report, the exact name's town.
  Parsed q = ParseText("Iraqi forces entered Hiran on Monday.");
  EXPECT_EQ(Id(q.Find("Hiran")), 95804);
}

TEST(GeoSpelling, AnyTownOfTheData) {
  // Not a spelling news use, but any name of the data is found so.
  EXPECT_EQ(Id(ParseText("They drove to Kabbul at night.").Find("Kabbul")), 1138958);
}

TEST(GeoRecognition, FacilityNamedAfterACity) {
  Parsed p = ParseText("Flights left Kabul Airport at dawn.");
  const Toponym* t = p.Find("Kabul Airport");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(Id(t), 1138958);
}

TEST(GeoRecognition, RegionFromTheAliasFile) {
  Parsed p = ParseText("Oil prices rose across the Middle East.");
  ASSERT_NE(p.Find("Middle East"), nullptr);
  EXPECT_EQ(p.Find("Middle East")->precision, "region");
  EXPECT_TRUE(p.Find("Middle East")->has_coords);
}

TEST(GeoRecognition, TokenRangeAndOffsets) {
  std::string s = "Fighting near Lashkar Gah continued.";
  Parsed p = ParseText(s);
  ASSERT_EQ(p.toponyms.size(), 1u);
  const Toponym& t = p.toponyms[0];
  EXPECT_EQ(s.substr(t.start, t.end - t.start), "Lashkar Gah");
  EXPECT_EQ(t.tok_begin, 2u);
  EXPECT_EQ(t.tok_end, 4u);
  EXPECT_GE(t.score, 0.0);
  EXPECT_LE(t.score, 1.0);
  EXPECT_GE(t.place, 0);
}

TEST(GeoRecognition, OneSensePerDocument) {
  Parsed p = ParseText("Kunduz fell. The Taliban took Kunduz, then Kunduz airport.");
  for (const auto& t : p.toponyms)
    if (t.text == "Kunduz") {
      EXPECT_EQ(Id(&t), 1135689);
    }
}

// --- Distance claims ------------------------------------------------------------------------

TEST(GeoClaims, DistanceAndBearingOfAPlace) {
  Parsed p = ParseText("The insurgents took Kunduz, 300 km north of Kabul, on Sunday.");
  ASSERT_EQ(p.claims.size(), 1u);
  const Claim& c = p.claims[0];
  EXPECT_EQ(c.text, "300 km north of Kabul");
  EXPECT_EQ(c.from, 1138958);
  EXPECT_EQ(c.to, 1135689);
  EXPECT_EQ(c.stated_km, 300);
  EXPECT_EQ(c.stated_bearing, "N");
  EXPECT_NEAR(c.computed_km, 246, 3);
  EXPECT_NEAR(c.computed_bearing, 353, 2);
  EXPECT_EQ(c.verdict, "plausible");
}

TEST(GeoClaims, FurtherIsRelativeToThePlaceNamedBefore) {
  Parsed p = ParseText(
      "They took Kunduz, 300 km north of Kabul, and Sar-e-Pul, 400 km further west. They "
      "seized Sheberghan, 50 km further north.");
  ASSERT_EQ(p.claims.size(), 3u);
  EXPECT_EQ(p.claims[1].from, 1135689);  // Kunduz, not Kabul
  EXPECT_EQ(p.claims[1].to, 1127110);
  EXPECT_EQ(p.claims[1].stated_bearing, "W");
  EXPECT_EQ(p.claims[1].text, "400 km further west");
  EXPECT_EQ(p.claims[2].from, 1127110);
  EXPECT_EQ(p.claims[2].to, 1125444);
  EXPECT_EQ(p.claims[2].verdict, "plausible");
}

TEST(GeoClaims, ImplausibleStatement) {
  Parsed p = ParseText("The army retook Kunduz, 40 km south of Kabul.");
  ASSERT_EQ(p.claims.size(), 1u);
  EXPECT_EQ(p.claims[0].verdict, "implausible");
}

TEST(GeoClaims, MilesAreConverted) {
  Parsed p = ParseText("Rebels reached Kunduz, about 150 miles north of Kabul.");
  ASSERT_EQ(p.claims.size(), 1u);
  EXPECT_NEAR(p.claims[0].stated_km, 241.4, 0.1);
  EXPECT_EQ(p.claims[0].verdict, "plausible");
}

TEST(GeoClaims, GeodesicMatchesKnownDistance) {
  double km, bearing;
  Geodesic(34.52813, 69.17233, 36.72895, 68.857, &km, &bearing);
  EXPECT_NEAR(km, 246.0, 1.5);
  EXPECT_NEAR(bearing, 353.4, 1.0);
  Geodesic(0, 0, 0, 1, &km, &bearing);
  EXPECT_NEAR(bearing, 90.0, 1e-6);
}

// --- Lists ------------------------------------------------------------------------------

// "A, B, C and D": the commas separate items of one kind, and no item contains the one
// before it; "X, Y" with X no country or state stays containment.
TEST(GeoList, StatesInAListAreStates) {
  Parsed p = ParseText("Outbreaks were reported in Texas, Georgia, North Carolina and Alabama.");
  ASSERT_NE(p.Find("Georgia"), nullptr);
  EXPECT_EQ(p.Find("Georgia")->admin1, "US.GA");
  EXPECT_EQ(p.Find("Georgia")->country, "US");
}

// The fixture has a hamlet named Alabama in Georgia: "Alabama, Georgia" alone would be
// that hamlet, but here Georgia goes on into a list of states.
TEST(GeoList, AListIsNoContainment) {
  Parsed p = ParseText("Cases were confirmed in Alabama, Georgia and Texas this week.");
  ASSERT_NE(p.Find("Alabama"), nullptr);
  EXPECT_EQ(p.Find("Alabama")->admin1, "US.AL");
  EXPECT_EQ(p.Find("Alabama")->precision, "admin1");
  Parsed q = ParseText("The farm lies outside Alabama, Georgia.");
  ASSERT_NE(q.Find("Alabama"), nullptr);
  EXPECT_EQ(q.Find("Alabama")->admin1, "US.GA");
}

TEST(GeoList, CountriesInAListAreCountries) {
  Parsed p = ParseText("Delegations from Lebanon, Georgia, Turkey and Iran arrived on Monday.");
  ASSERT_NE(p.Find("Georgia"), nullptr);
  EXPECT_EQ(p.Find("Georgia")->country, "GE");
  EXPECT_EQ(p.Find("Georgia")->precision, "country");
}

TEST(GeoList, ContainmentBeforeAListStays) {
  Parsed p = ParseText("Storms hit Paris, Texas, Georgia and Alabama overnight.");
  ASSERT_NE(p.Find("Paris"), nullptr);
  EXPECT_EQ(p.Find("Paris")->country, "US");
  Parsed q = ParseText("He grew up in Oxford, North Carolina, United States, and moved away.");
  ASSERT_NE(q.Find("Oxford"), nullptr);
  EXPECT_EQ(q.Find("Oxford")->country, "US");
}

// --- Robustness -----------------------------------------------------------------------------

TEST(GeoParser, NullGazetteerFindsNothing) {
  Parsed p = ParseText("Kunduz fell.", nullptr);
  EXPECT_TRUE(p.toponyms.empty());
}

TEST(GeoParser, ConcurrentParsesAgree) {
  const std::string text =
      "Afghan forces left Kunduz province as the Taliban neared Kabul, 300 km south.";
  Parsed ref = ParseText(text);
  std::vector<std::thread> threads;
  std::vector<size_t> counts(4);
  for (int k = 0; k < 4; ++k) {
    threads.emplace_back([&, k] {
      for (int r = 0; r < 50; ++r) counts[k] = ParseText(text).toponyms.size();
    });
  }
  for (auto& t : threads) t.join();
  for (size_t c : counts) EXPECT_EQ(c, ref.toponyms.size());
}

// Parse reuses per-thread buffers from one document to the next: nothing may carry over.
TEST(GeoParser, ReusedBuffersCarryNothingOver) {
  auto summary = [](const Parsed& p) {
    std::string s;
    for (const Toponym& t : p.toponyms)
      s += t.text + "@" + std::to_string(t.start) + "=" + std::to_string(Id(&t)) + ";";
    for (const Claim& c : p.claims) s += "claim" + std::to_string(c.stated_km) + ";";
    return s;
  };
  const std::string a = "Afghan forces left Kunduz province as the Taliban neared Kabul, 300 km south.";
  const std::string b = "Protesters marched in Paris, Texas, and in Tripoli, Lebanon, on Sunday.";
  const std::string first_a = summary(ParseText(a));
  const std::string first_b = summary(ParseText(b));
  ASSERT_FALSE(first_a.empty());
  ASSERT_FALSE(first_b.empty());
  for (int r = 0; r < 3; ++r) {
    EXPECT_EQ(summary(ParseText(b)), first_b);
    EXPECT_EQ(summary(ParseText("")), "");
    EXPECT_EQ(summary(ParseText(a)), first_a);
  }
}

// A long document reads each repeated paragraph as the short one: the per-document look-ups
// by name and country (hash indexes that grow past their first size) agree with the
// short document's.
TEST(GeoParser, RepeatedParagraphsResolveAsOne) {
  const std::string para =
      "Protesters marched in Tripoli, Lebanon, and in Paris, Texas. Afghan forces left Kunduz "
      "province as the Taliban neared Kabul, 300 km south. ";
  const Parsed one = ParseText(para);
  ASSERT_GE(one.toponyms.size(), 5u);
  std::string text;
  constexpr size_t kCopies = 300;
  for (size_t k = 0; k < kCopies; ++k) text += para;
  const Parsed many = ParseText(text);
  ASSERT_EQ(many.toponyms.size(), one.toponyms.size() * kCopies);
  for (size_t k = 0; k < many.toponyms.size(); ++k) {
    const Toponym& a = one.toponyms[k % one.toponyms.size()];
    const Toponym& b = many.toponyms[k];
    ASSERT_EQ(b.text, a.text) << k;
    ASSERT_EQ(Id(&b), Id(&a)) << k << " " << b.text;
  }
}

TEST(GeoParser, EmptyAndPunctuationOnlyText) {
  EXPECT_TRUE(ParseText("").toponyms.empty());
  EXPECT_TRUE(ParseText(" ,,, -- !!").toponyms.empty());
}

// The real index: $SITREP_INDEX, else build-geo/ or build/gazetteer.idx; "" when none.
std::string RealIndexPath() {
  if (const char* env = std::getenv("SITREP_INDEX"); env && *env) return env;
  for (const char* dir : {"build-geo", "build"}) {
    std::string p = std::string(SITREP_SOURCE_DIR) + "/" + dir + "/gazetteer.idx";
    if (std::filesystem::exists(p)) return p;
  }
  return "";
}

// Tests on the real index (SITREP_INDEX or build*/gazetteer.idx), skipped when there is none.
class GeoRealIndex : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string path = RealIndexPath();
    if (path.empty()) GTEST_SKIP() << "no real gazetteer index";
    auto g = Gazetteer::Open(path);
    if (!g.ok()) GTEST_SKIP() << g.status().ToString();
    gazetteer_ = std::move(g).value();
  }
  const Gazetteer* gazetteer() const { return gazetteer_.get(); }

 private:
  std::unique_ptr<Gazetteer> gazetteer_;
};

TEST_F(GeoRealIndex, KunduzExampleSentence) {
  Parsed p = ParseText(
      "A few hours apart, the insurgents took control of Kunduz, 300 km north of Kabul, and of "
      "Sar-e-Pul, 400 km further west, on the border with Iran.",
      gazetteer());
  EXPECT_EQ(Id(p.Find("Kunduz")), 1135689);
  EXPECT_EQ(Id(p.Find("Sar-e-Pul")), 1127110);
  EXPECT_EQ(Id(p.Find("Kabul")), 1138958);
  ASSERT_NE(p.Find("Iran"), nullptr);
  EXPECT_EQ(p.Find("Iran")->country, "IR");
  EXPECT_EQ(p.claims.size(), 2u);
}

// Doubled-letter spellings on the real data: Somali places as news spell them, and words
// that are something else as they stand (a given name, a common word) left alone although
// the data have a town spelled like them but for a doubled letter ("Mauren", "Gose").
TEST_F(GeoRealIndex, DoubledLetterSpellings) {
  Parsed p = ParseText(
      "Al-Shabaab fighters attacked a base in Hiran region and clashed with troops in Lower "
      "Shabelle and Middle Shabelle, officials in Beledweyne said.",
      gazetteer());
  for (const auto& [text, admin1] : {std::pair{"Hiran", "SO.07"}, {"Lower Shabelle", "SO.14"},
                                     {"Middle Shabelle", "SO.13"}}) {
    const Toponym* t = p.Find(text);
    if (!t) t = p.Find(std::string(text) + " region");
    ASSERT_NE(t, nullptr) << text;
    EXPECT_EQ(t->admin1, admin1) << text;
  }
  Parsed q = ParseText("Maureen said the Goose Creek team would play on Sunday.", gazetteer());
  EXPECT_EQ(q.Find("Maureen"), nullptr);
  EXPECT_EQ(q.Find("Goose"), nullptr);
}

// A one-word near spelling needs the text or the gazetteer to say "place": a list of people
// and where they come from gives neither ("Grannum" is no Granum, Alberta); "in" does.
TEST_F(GeoRealIndex, DoubledLetterSpellingNeedsPlaceContext) {
  Parsed p = ParseText("Tawfik, from Kilburn, Grannum, of no fixed abode, and the youth were charged.",
                       gazetteer());
  EXPECT_EQ(p.Find("Grannum"), nullptr);
  Parsed q = ParseText("Somali troops moved into Beledweyyne on Monday.", gazetteer());
  EXPECT_EQ(Id(q.Find("Beledweyyne")), 64460);
}

// "Y's X" with Y a country: X is read in Y, also where Y's name is ambiguous ("Congo" names
// both Congos: the one that holds Beni) and where X is a region of the world ("Kurdistan
// region": "region" fits a region as it fits a province, and Iran's Kurdistan province is
// not Iraq's).
TEST_F(GeoRealIndex, PossessiveCountryHoldsThePlace) {
  Parsed p = ParseText("Rebels attacked Congo's Beni on Tuesday.", gazetteer());
  ASSERT_NE(p.Find("Beni"), nullptr);
  EXPECT_EQ(p.Find("Beni")->country, "CD");
  ASSERT_NE(p.Find("Congo"), nullptr);
  EXPECT_EQ(p.Find("Congo")->country, "CD");
  Parsed q = ParseText("Protesters gathered in Brazzaville, Congo.", gazetteer());
  ASSERT_NE(q.Find("Congo"), nullptr);
  EXPECT_EQ(q.Find("Congo")->country, "CG");
  Parsed r = ParseText("Fighting broke out in Iraq's Kurdistan region on Monday.", gazetteer());
  const Toponym* t = r.Find("Kurdistan");
  if (!t) t = r.Find("Kurdistan region");
  ASSERT_NE(t, nullptr);
  EXPECT_NE(t->country, "IR");
  EXPECT_EQ(t->precision, "region");
}

// "on" after an attack or advance says a place follows ("an assault on Daraya"); a headline
// in title case says nothing by its capitals, and takes the body's reading of a name.
TEST_F(GeoRealIndex, PlaceCuesOnAndHeadlines) {
  Parsed p = ParseText("Government forces launched an assault on Daraya on Friday.", gazetteer());
  ASSERT_NE(p.Find("Daraya"), nullptr);
  EXPECT_EQ(p.Find("Daraya")->country, "SY");
  Parsed q = ParseText(
      "Ethiopian Rebels Seize UNESCO World Heritage Site Lalibela\n\n"
      "Rebels seized Lalibela on Thursday, residents said.",
      gazetteer());
  int lalibela = 0;
  for (const Toponym& t : q.toponyms) lalibela += t.text == "Lalibela" && t.country == "ET";
  EXPECT_EQ(lalibela, 2);
  // In running text a capitalised word before a name still makes it a longer name's tail.
  Parsed r = ParseText("The talks were led by Abdul Rashid Dostom on Monday.", gazetteer());
  EXPECT_EQ(r.Find("Dostom"), nullptr);
}

// "the English city of Salisbury": "city of" introduces Salisbury; "English" stays a demonym
// (it was English, Indiana, and Salisbury then Harare, once called so). A place's own type
// word with "of" after it stays its own ("the Helmand province of Afghanistan").
TEST_F(GeoRealIndex, DemonymBeforeTypeWordOf) {
  Parsed p = ParseText("The pair were found on a bench in the English city of Salisbury.", gazetteer());
  ASSERT_NE(p.Find("English"), nullptr);
  EXPECT_EQ(p.Find("English")->feature, "demonym");
  ASSERT_NE(p.Find("Salisbury"), nullptr);
  EXPECT_EQ(p.Find("Salisbury")->country, "GB");
  Parsed q = ParseText("Fighting went on in the southern Helmand province of Afghanistan.", gazetteer());
  const Toponym* t = q.Find("Helmand");
  if (!t) t = q.Find("Helmand province");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->precision, "admin1");
}

// Two names joined by "and"/"or" are a list of two: read as one kind where both can be
// ("California or Washington": states), each on its own otherwise ("Moscow and Washington").
TEST_F(GeoRealIndex, PairOfNamesIsAList) {
  Parsed p = ParseText("Tech jobs moved from western states such as California or Washington.", gazetteer());
  ASSERT_NE(p.Find("Washington"), nullptr);
  EXPECT_EQ(p.Find("Washington")->precision, "admin1");
  Parsed q = ParseText("Talks between Moscow and Washington stalled.", gazetteer());
  ASSERT_NE(q.Find("Washington"), nullptr);
  EXPECT_EQ(q.Find("Washington")->precision, "city");
}

// Spellings news use for places the data hold under another name (data/place_aliases.tsv).
TEST_F(GeoRealIndex, NewsSpellingsOfDataPlaces) {
  Parsed p = ParseText("Settlers rampaged through Huwara. Fighting went on near Mokha, Yemen.", gazetteer());
  EXPECT_EQ(Id(p.Find("Huwara")), 283636);
  ASSERT_NE(p.Find("Mokha"), nullptr);
  EXPECT_EQ(p.Find("Mokha")->country, "YE");
}

// --- Arabic article, notation, people, neighbouring names ----------------------------------

TEST(GeoArticle, HyphenatedArticleIsPartOfTheSpanNotTheName) {
  // The gazetteer knows only "Ar Raqqah"; the name without its article is indexed too.
  Parsed p = ParseText("Fighters entered al-Raqqah on Monday.");
  const Toponym* t = p.Find("al-Raqqah");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(Id(t), 172955);
}

TEST(GeoArticle, ArticleAloneIsNeverAPlace) {
  Parsed p = ParseText("Al-Shabaab fighters attacked a base in al-Shabaab territory.");
  for (const auto& t : p.toponyms) EXPECT_NE(t.text.substr(0, 2), "Al") << t.text;
}

TEST(GeoNotation, CurrencyIsNoCountry) {
  Parsed p = ParseText("The company paid a fine of US$460 million.");
  EXPECT_EQ(p.Find("US"), nullptr);
}

TEST(GeoPeople, NameThatSaysSomethingIsAPerson) {
  Parsed p = ParseText("\"We will stay,\" Dostom said on Tuesday.");
  EXPECT_EQ(p.Find("Dostom"), nullptr);
}

// --- Country hints and FillToponym (API for the event coder) --------------------------------

TEST(GeoHints, CallerCountryPicksTheReading) {
  const std::string text = "Gunmen attacked a market in Hyderabad.";
  text::Analysis a;
  text::Analyze(text, &a);
  Document doc;
  doc.text = text;
  std::vector<Toponym> plain, hinted;
  std::vector<Claim> c1, c2;
  Geoparser g(testing::FixtureGazetteer());
  g.Parse(a, doc, &plain, &c1);
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_EQ(Id(&plain[0]), 1269843);  // India's, the larger
  const std::vector<std::string> hints = {"PK", "bad", "pk"};
  g.Parse(a, doc, &hinted, &c2, &hints);
  ASSERT_EQ(hinted.size(), 1u);
  EXPECT_EQ(Id(&hinted[0]), 1176734);  // Pakistan's
}

TEST(GeoHints, NullHintsAreTheOldSignature) {
  const std::string text = "Militias clashed in Tripoli overnight.";
  text::Analysis a;
  text::Analyze(text, &a);
  std::vector<Toponym> t;
  std::vector<Claim> c;
  Geoparser(testing::FixtureGazetteer()).Parse(a, Document{}, &t, &c, nullptr);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(Id(&t[0]), 2210247);
}

TEST(GeoFillToponym, SeatOfAProvinceBecomesAFullToponym) {
  const Gazetteer* g = testing::FixtureGazetteer();
  ASSERT_NE(g, nullptr);
  uint32_t prov = g->FindCode("AF.24");
  ASSERT_NE(prov, kNoPlace);
  uint32_t seat = g->place(prov).link;
  ASSERT_NE(seat, kNoPlace);
  Toponym t;
  t.start = 7;
  t.text = "Kunduz province";
  g->FillToponym(seat, &t);
  EXPECT_EQ(Id(&t), 1135689);
  EXPECT_EQ(t.precision, "city");
  EXPECT_EQ(t.country, "AF");
  EXPECT_EQ(t.admin1, "AF.24");
  EXPECT_TRUE(t.has_coords);
  EXPECT_EQ(t.start, 7u);  // span fields untouched
  EXPECT_EQ(t.text, "Kunduz province");
  Toponym area;
  g->FillToponym(prov, &area);
  EXPECT_EQ(area.precision, "admin1");
  EXPECT_FALSE(area.geonameid.has_value());
}

}  // namespace
}  // namespace sitrep::geo
