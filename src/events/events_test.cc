// Unit tests for the event stage's parts: inflection, the lexicon and actor dictionary
// parsers (errors name file and line), and users' own dictionaries (--dict).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "actors/actors.h"
#include "events/inflect.h"
#include "events/lexicon.h"
#include "pipeline/workspace.h"
#include "sitrep/pipeline.h"

namespace sitrep::events {
namespace {

std::vector<std::string> Forms(std::string_view lemma) {
  std::vector<std::string> out;
  for (const auto& f : VerbForms(lemma)) out.push_back(f.form);
  return out;
}

TEST(Inflect, RegularVerbs) {
  EXPECT_EQ(Forms("seize"), (std::vector<std::string>{"seize", "seizes", "seized", "seized", "seizing"}));
  EXPECT_EQ(Forms("kill"), (std::vector<std::string>{"kill", "kills", "killed", "killed", "killing"}));
  EXPECT_EQ(Forms("bury"), (std::vector<std::string>{"bury", "buries", "buried", "buried", "burying"}));
}

TEST(Inflect, IrregularAndDoublingVerbs) {
  EXPECT_EQ(Forms("take"), (std::vector<std::string>{"take", "takes", "took", "taken", "taking"}));
  EXPECT_EQ(Forms("fall"), (std::vector<std::string>{"fall", "falls", "fell", "fallen", "falling"}));
  EXPECT_EQ(Forms("kidnap"), (std::vector<std::string>{"kidnap", "kidnaps", "kidnapped", "kidnapped", "kidnapping"}));
  EXPECT_EQ(Forms("ambush"), (std::vector<std::string>{"ambush", "ambushes", "ambushed", "ambushed", "ambushing"}));
  EXPECT_EQ(Forms("die"), (std::vector<std::string>{"die", "dies", "died", "died", "dying"}));
}

TEST(Inflect, Nouns) {
  EXPECT_EQ(NounForms("airstrike"), (std::vector<std::string>{"airstrike", "airstrikes"}));
  EXPECT_EQ(NounForms("clash"), (std::vector<std::string>{"clash", "clashes"}));
  EXPECT_EQ(NounForms("casualty"), (std::vector<std::string>{"casualty", "casualties"}));
  EXPECT_EQ(NounForms("gunman"), (std::vector<std::string>{"gunman", "gunmen"}));
}

TEST(EventLexicon, GeneratesFormsAndMatchesThem) {
  EventLexicon lex;
  ASSERT_TRUE(lex.AddFile("# comment\ntake:v control of\tCAPTURE\nairstrike:n\tAIR\n", "t.tsv").ok());
  lex.Finish();
  for (const char* phrase : {"took control of", "taken control of", "airstrikes", "take control of"}) {
    text::Analysis a;
    text::Tokenize(phrase, &a);
    lexicon::Match m;
    ASSERT_TRUE(lex.table().LongestAt(a, 0, static_cast<uint32_t>(a.tokens.size()), &m)) << phrase;
    EXPECT_EQ(m.end, a.tokens.size()) << phrase;
  }
}

TEST(EventLexicon, ErrorsNameFileAndLine) {
  EventLexicon lex;
  Status st = lex.AddFile("airstrike:n\tAIR\nbogus\tNOT_A_CUE\n", "mine.tsv");
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("mine.tsv:2"), std::string::npos) << st.message();
  EXPECT_NE(st.message().find("NOT_A_CUE"), std::string::npos) << st.message();
  EventLexicon lex2;
  st = lex2.AddFile("no tab here\n", "x.tsv");
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("x.tsv:1"), std::string::npos);
}

TEST(ActorDictionary, ErrorsNameFileAndLine) {
  actors::ActorDictionary d;
  Status st = d.AddFile("taliban\tTaliban\trebel group\tAF\nfoo\tFoo\twizards\n", "actors_x.tsv");
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("actors_x.tsv:2"), std::string::npos) << st.message();
  actors::ActorDictionary d2;
  st = d2.AddFile("foo\tFoo\trebel group\tAfghanistan\n", "a.tsv");
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("ISO alpha-2"), std::string::npos) << st.message();
}

TEST(ActorDictionary, TemplatesTakeTheCountryName) {
  EXPECT_EQ(actors::FillCountry("Military Forces of {country}", "Afghanistan"),
            "Military Forces of Afghanistan");
  EXPECT_EQ(actors::FillCountry("Military Forces of {country}", "United States"),
            "Military Forces of the United States");
  EXPECT_EQ(actors::FillCountry("Civilians ({country})", "Mali"), "Civilians (Mali)");
}

// A user's own dictionaries (--dict DIR) add actors and event phrases to the built-in ones.
TEST(UserDictionaries, AddActorsAndPhrases) {
  std::string index = SITREP_INDEX_FOR_TESTS;
  if (const char* env = std::getenv("SITREP_INDEX"); env && *env) index = env;
  if (!std::filesystem::exists(index)) GTEST_SKIP() << "no gazetteer index at " << index;
  std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) / "sitrep_user_dict";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "actors_mine.tsv") << "zebra brigade\tZebra Brigade\tpolitical militia\tML\n";
  std::ofstream(dir / "events_mine.tsv") << "zap:v\tKILL\n";
  Document doc;
  doc.id = "d";
  doc.published = "2023-05-10";
  doc.text = "The Zebra Brigade zapped three villagers in Douentza on Monday.";
  for (bool with_dict : {false, true}) {
    PipelineOptions o;
    o.index_path = index;
    if (with_dict) o.extra_dict_dirs.push_back(dir.string());
    auto p = Pipeline::Open(o);
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    auto ws = (*p)->NewWorkspace();
    DocResult r;
    ASSERT_TRUE((*p)->Process(doc, ws.get(), &r).ok());
    if (!with_dict) {
      EXPECT_TRUE(r.events.empty());
      continue;
    }
    ASSERT_EQ(r.events.size(), 1u);
    const Event& e = r.events[0];
    EXPECT_EQ(e.subtype, "Attack");
    ASSERT_TRUE(e.actor1.has_value());
    EXPECT_EQ(e.actor1->name, "Zebra Brigade");
    EXPECT_EQ(e.fatalities, 3);
    ASSERT_TRUE(e.when.has_value());
    EXPECT_EQ(e.when->date, "2023-05-08");
  }
}

// A feed without punctuation makes one enormous "sentence". Each of its events must quote
// a bounded window of it (the output would otherwise grow with the square of the input),
// and that window must hold the event's own words.
TEST(Evidence, LongSentenceGivesABoundedWindow) {
  std::string index = SITREP_INDEX_FOR_TESTS;
  if (const char* env = std::getenv("SITREP_INDEX"); env && *env) index = env;
  if (!std::filesystem::exists(index)) GTEST_SKIP() << "no gazetteer index at " << index;
  Document doc;
  doc.id = "feed";
  doc.published = "2023-05-10";
  for (int i = 0; i < 400; ++i)
    doc.text += "gunmen killed two villagers in Douentza on Monday and residents fled ";
  PipelineOptions o;
  o.index_path = index;
  auto p = Pipeline::Open(o);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  auto ws = (*p)->NewWorkspace();
  DocResult r;
  ASSERT_TRUE((*p)->Process(doc, ws.get(), &r).ok());
  ASSERT_FALSE(r.events.empty());
  for (const Event& e : r.events) {
    EXPECT_LE(e.evidence.size(), 2000u);
    EXPECT_LE(e.evidence_start, e.trigger_start);
    EXPECT_GE(e.evidence_end, e.trigger_end);
    EXPECT_EQ(e.evidence, doc.text.substr(e.evidence_start, e.evidence_end - e.evidence_start));
  }
}

}  // namespace
}  // namespace sitrep::events
