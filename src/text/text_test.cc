// Tests for the text layer: tokens and their folded forms, sentences, quoted and reported
// speech with speakers, and Normalize's offset map.
#include "text/text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "util/hash.h"

namespace sitrep::text {
namespace {

// "a|b|c": the surfaces of the tokens.
std::string Surfaces(std::string_view text) {
  Analysis a;
  Tokenize(text, &a);
  std::string out;
  for (const Token& t : a.tokens) {
    if (!out.empty()) out += '|';
    out += a.Surface(t);
  }
  return out;
}

// "a|b|c": the folded forms of the tokens.
std::string Folds(std::string_view text) {
  Analysis a;
  Tokenize(text, &a);
  std::string out;
  for (const Token& t : a.tokens) {
    if (!out.empty()) out += '|';
    out += a.Folded(t);
  }
  return out;
}

std::vector<std::string> Sentences(std::string_view text) {
  Analysis a;
  Analyze(text, &a);
  std::vector<std::string> out;
  for (const Sentence& s : a.sentences) out.emplace_back(text.substr(s.start, s.stop - s.start));
  return out;
}

// The token whose surface is `surface` (the n-th such), or -1.
int Find(const Analysis& a, std::string_view surface, int nth = 0) {
  for (size_t i = 0; i < a.tokens.size(); ++i)
    if (a.Surface(static_cast<uint32_t>(i)) == surface && nth-- == 0) return static_cast<int>(i);
  return -1;
}

std::string Speaker(const Analysis& a, int s) {
  auto [b, e] = a.SpeakerOf(s);
  return std::string(a.Span(b, e));
}

std::string Content(const Analysis& a, const Speech& sp) {
  return std::string(a.Span(sp.content_begin, sp.content_end));
}

// ---------------------------------------------------------------------------------------
// Tokens

struct TokCase {
  const char* text;
  const char* surfaces;
  const char* folds;
};

TEST(Tokenize, TrickyCases) {
  const TokCase cases[] = {
      // Hyphenated names split into parts so "Sar-e-Pul" matches "Sar-e Pul" and "Sar e Pul".
      {"Sar-e-Pul", "Sar|e|Pul", "sar|e|pul"},
      {"al-Qaeda", "al|Qaeda", "al|qaeda"},
      {"self-defence", "self|defence", "self|defence"},
      {"a 5-year-old boy", "a|5|year|old|boy", "a|5|year|old|boy"},
      // Possessives: the 's is its own token, folded without the apostrophe.
      {"Taliban's", "Taliban|'s", "taliban|s"},
      {"Taliban\xE2\x80\x99s", "Taliban|\xE2\x80\x99s", "taliban|s"},
      // An apostrophe inside a word stays in the surface, not in the folded form.
      {"Sana'a", "Sana'a", "sanaa"},
      {"O'Neill", "O'Neill", "oneill"},
      // Dotted abbreviations are one token folded without dots.
      {"U.S.", "U.S.", "us"},
      {"U.S.-led", "U.S.|led", "us|led"},
      {"U.N. troops", "U.N.|troops", "un|troops"},
      {"10 a.m. today", "10|a.m.|today", "10|am|today"},
      // Numbers keep their separators.
      {"10,000", "10,000", "10000"},
      {"1,200.50", "1,200.50", "1200.50"},
      {"9/11", "9/11", "9/11"},
      {"3.5", "3.5", "3.5"},
      {"10:30", "10:30", "10:30"},
      {"2021-08-08", "2021-08-08", "2021-08-08"},
      {"on 2021-08-08.", "on|2021-08-08|.", "on|2021-08-08|."},
      // Ordinals and decades stay whole; other unit suffixes split.
      {"9th", "9th", "9th"},
      {"21st 2nd 3RD", "21st|2nd|3RD", "21st|2nd|3rd"},
      {"1990s", "1990s", "1990s"},
      {"10km", "10|km", "10|km"},
      {"killed 12.", "killed|12|.", "killed|12|."},
      // Punctuation: one token per mark, runs of dots and hyphens kept together.
      {"(AFP) -", "(|AFP|)|-", "(|afp|)|-"},
      {"continues...", "continues|...", "continues|..."},
      {"a -- b", "a|--|b", "a|--|b"},
      // Case and diacritics fold away.
      {"H\xC3\xA9rat KABUL", "H\xC3\xA9rat|KABUL", "herat|kabul"},
      {"\xC4\x90" "akovica \xC5\x81\xC3\xB3" "d\xC5\xBA", "\xC4\x90" "akovica|\xC5\x81\xC3\xB3" "d\xC5\xBA",
       "dakovica|lodz"},
      // Typographic quotes and dashes fold to ASCII.
      {"\xE2\x80\x9CQuote\xE2\x80\x9D \xE2\x80\x94 \xC2\xABx\xC2\xBB",
       "\xE2\x80\x9C|Quote|\xE2\x80\x9D|\xE2\x80\x94|\xC2\xAB|x|\xC2\xBB", "\"|quote|\"|-|\"|x|\""},
      // Invisible joiners inside a word do not split it and vanish from the folded form.
      {"Kun\xC2\xAD" "duz", "Kun\xC2\xAD" "duz", "kunduz"},
      {"Ir\xE2\x80\x8C" "ani", "Ir\xE2\x80\x8C" "ani", "irani"},
      // Non-breaking space separates like a space.
      {"Lashkar\xC2\xA0Gah", "Lashkar|Gah", "lashkar|gah"},
      {"", "", ""},
      {"  \n\t ", "", ""},
  };
  for (const TokCase& c : cases) {
    EXPECT_EQ(Surfaces(c.text), c.surfaces) << c.text;
    EXPECT_EQ(Folds(c.text), c.folds) << c.text;
  }
}

TEST(Tokenize, KindsAndFlags) {
  Analysis a;
  Tokenize("KABUL, Sar-e-Pul U.S. 10,000 AFP said\n\nNext", &a);
  ASSERT_EQ(a.tokens.size(), 10u);
  EXPECT_EQ(a.tokens[0].kind, TokKind::kWord);
  EXPECT_TRUE(a.tokens[0].flags & kCap);
  EXPECT_TRUE(a.tokens[0].flags & kAllCaps);
  EXPECT_EQ(a.tokens[1].kind, TokKind::kPunct);
  EXPECT_FALSE(a.tokens[1].flags & kSpaceBefore);
  EXPECT_TRUE(a.tokens[2].flags & kSpaceBefore);      // Sar
  EXPECT_FALSE(a.tokens[2].flags & kHyphenBefore);
  EXPECT_TRUE(a.tokens[3].flags & kHyphenBefore);     // e
  EXPECT_FALSE(a.tokens[3].flags & kCap);
  EXPECT_TRUE(a.tokens[4].flags & kHyphenBefore);     // Pul
  EXPECT_TRUE(a.tokens[5].flags & kAbbrev);           // U.S.
  EXPECT_EQ(a.tokens[6].kind, TokKind::kNumber);      // 10,000
  EXPECT_TRUE(a.tokens[6].flags & kHasDigit);
  EXPECT_TRUE(a.tokens[7].flags & kAllCaps);          // AFP
  EXPECT_FALSE(a.tokens[8].flags & kCap);             // said
  EXPECT_FALSE(a.tokens[8].flags & kNewlineBefore);
  EXPECT_TRUE(a.tokens[9].flags & kNewlineBefore);    // Next
  EXPECT_TRUE(a.tokens[9].flags & kParaBefore);
}

TEST(Tokenize, OffsetsIndexTheOriginalBytes) {
  std::string text = "\xE2\x80\x9CH\xC3\xA9rat\xE2\x80\x9D, 10,000";
  Analysis a;
  Tokenize(text, &a);
  ASSERT_EQ(a.tokens.size(), 5u);
  EXPECT_EQ(a.tokens[0].start, 0u);
  EXPECT_EQ(a.tokens[0].end, 3u);
  EXPECT_EQ(a.tokens[1].start, 3u);
  EXPECT_EQ(a.tokens[1].end, 9u);  // H é(2 bytes) r a t
  EXPECT_EQ(a.Surface(1), "H\xC3\xA9rat");
  EXPECT_EQ(a.Surface(4), "10,000");
  for (const Token& t : a.tokens) {
    EXPECT_LT(t.start, t.end);
    EXPECT_LE(t.end, text.size());
    EXPECT_EQ(t.hash, HashBytes(a.Folded(t)));
  }
}

TEST(Tokenize, NonAsciiCaseIsDetected) {
  Analysis a;
  Tokenize("\xC3\x9Cr\xC3\xBCmqi \xC3\xBCr\xC3\xBCmqi \xC3\x9C\xC3\x9C", &a);
  ASSERT_EQ(a.tokens.size(), 3u);
  EXPECT_TRUE(a.tokens[0].flags & kCap);
  EXPECT_TRUE(a.tokens[0].flags & kNonAscii);
  EXPECT_FALSE(a.tokens[1].flags & kCap);
  EXPECT_TRUE(a.tokens[2].flags & kAllCaps);
}

// Non-ASCII punctuation and letters take the code point table (CpFacts) when they can: the
// same folded forms, flags and hashes as utf8proc gives.
TEST(Tokenize, NonAsciiPunctuationAndLettersFold) {
  Analysis a;
  Tokenize("\xE2\x80\x9CM\xC3\xA9naka\xE2\x80\x9D \xE2\x80\x94 \xC3\x86r\xC3\xB8 wait\xE2\x80\xA6", &a);
  ASSERT_EQ(a.tokens.size(), 7u);
  EXPECT_EQ(Folds("\xE2\x80\x9CM\xC3\xA9naka\xE2\x80\x9D \xE2\x80\x94 \xC3\x86r\xC3\xB8 wait\xE2\x80\xA6"),
            "\"|menaka|\"|-|aero|wait|...");
  for (int q : {0, 2}) {
    EXPECT_EQ(a.tokens[q].kind, TokKind::kPunct);
    EXPECT_EQ(a.tokens[q].flags & (kQuote | kNonAscii), kQuote | kNonAscii);
  }
  EXPECT_TRUE(a.tokens[1].flags & kCap);
  EXPECT_FALSE(a.tokens[3].flags & (kQuote | kTerminal));  // the em dash
  EXPECT_TRUE(a.tokens[3].flags & kSpaceBefore);
  EXPECT_TRUE(a.tokens[4].flags & kCap);
  EXPECT_TRUE(a.tokens[6].flags & kTerminal);  // the ellipsis
  for (const Token& t : a.tokens) EXPECT_EQ(t.hash, HashBytes(a.Folded(t)));
}

TEST(FoldPhrase, JoinsFoldedTokensWithSpaces) {
  EXPECT_EQ(FoldPhrase("Sar-e-Pul"), "sar e pul");
  EXPECT_EQ(FoldPhrase("  Lashkar   Gah "), "lashkar gah");
  EXPECT_EQ(FoldPhrase("the U.S. Army"), "the us army");
  EXPECT_EQ(FoldPhrase("Mazar-i-Sharif"), FoldPhrase("Mazar i Sharif"));
  EXPECT_EQ(FoldPhrase(""), "");
}

// ---------------------------------------------------------------------------------------
// Sentences

struct SentCase {
  const char* name;
  const char* text;
  std::vector<std::string> sentences;
};

TEST(SplitSentences, TrickyCases) {
  const SentCase cases[] = {
      {"plain", "The army retreated. The Taliban advanced.",
       {"The army retreated.", "The Taliban advanced."}},
      {"title abbreviation", "Gen. Smith arrived. He left.", {"Gen. Smith arrived.", "He left."}},
      {"several titles", "Mr. Karzai met Lt. Col. Ahmad and Dr. Abdullah.",
       {"Mr. Karzai met Lt. Col. Ahmad and Dr. Abdullah."}},
      {"month abbreviation before a day", "It began on Aug. 8 in Kunduz. It ended.",
       {"It began on Aug. 8 in Kunduz.", "It ended."}},
      {"month abbreviation ending a sentence", "It began in Aug. The city fell.",
       {"It began in Aug.", "The city fell."}},
      {"initial", "The warlord Abdul R. Dostom fled. Kabul fell.",
       {"The warlord Abdul R. Dostom fled.", "Kabul fell."}},
      {"decimal", "The rate rose 3.5 percent. Prices fell.",
       {"The rate rose 3.5 percent.", "Prices fell."}},
      {"dotted abbreviation mid-sentence", "Troops from the U.S. Army arrived.",
       {"Troops from the U.S. Army arrived."}},
      {"dotted abbreviation ends a sentence", "The envoy flew to the U.S. He met officials.",
       {"The envoy flew to the U.S.", "He met officials."}},
      {"a.m. ends a sentence", "They met at 10 a.m. The talks failed.",
       {"They met at 10 a.m.", "The talks failed."}},
      {"lower case after e.g.", "Some towns, e.g. the capital, held.",
       {"Some towns, e.g. the capital, held."}},
      {"No. before a number", "It was the No. 1 target. Police came.",
       {"It was the No. 1 target.", "Police came."}},
      {"question and exclamation", "Is it over? No one knows! The fighting continues.",
       {"Is it over?", "No one knows!", "The fighting continues."}},
      {"ellipsis", "The fighting continues... The city waits.",
       {"The fighting continues...", "The city waits."}},
      {"quote ends a sentence", "\"It is over.\" He left.", {"\"It is over.\"", "He left."}},
      {"question in a quote, attribution after", "\"Is it over?\" she asked.",
       {"\"Is it over?\" she asked."}},
      {"curly quote ends a sentence", "\xE2\x80\x9CWe will fight.\xE2\x80\x9D The group vowed.",
       {"\xE2\x80\x9CWe will fight.\xE2\x80\x9D", "The group vowed."}},
      {"bracket after the full stop", "He arrived (on Monday.) Then he left.",
       {"He arrived (on Monday.)", "Then he left."}},
      {"number starts the next sentence", "Shelling resumed. 12 people died.",
       {"Shelling resumed.", "12 people died."}},
      {"headline without full stop", "Taliban seize Kunduz\nThe Taliban seized the city on Sunday.",
       {"Taliban seize Kunduz", "The Taliban seized the city on Sunday."}},
      {"headline, blank line, dateline", "Clashes in Marib\n\nMARIB, Yemen (AP) - Fighting resumed.",
       {"Clashes in Marib", "MARIB, Yemen (AP) - Fighting resumed."}},
      {"line wrapped mid-sentence", "The Taliban\nseized Kunduz.", {"The Taliban\nseized Kunduz."}},
      {"line wrapped after a comma", "In Kunduz,\nTaliban fighters arrived.",
       {"In Kunduz,\nTaliban fighters arrived."}},
      {"paragraph break without a full stop", "First paragraph\n\nSecond paragraph",
       {"First paragraph", "Second paragraph"}},
      {"blank line with spaces and CRLF", "One.\r\n \r\nTwo.", {"One.", "Two."}},
      {"lower case after a full stop is not a new sentence", "He said no. the rest followed.",
       {"He said no. the rest followed."}},
      {"uncased script after a full stop", "He left. \xD9\x82\xD8\xA7\xD9\x84 more.",
       {"He left.", "\xD9\x82\xD8\xA7\xD9\x84 more."}},
      {"capitalised non-ASCII start",
       "It is far. \xC3\x9Cr\xC3\xBCmqi is farther.",
       {"It is far.", "\xC3\x9Cr\xC3\xBCmqi is farther."}},
      {"trailing text without a full stop", "The Taliban were ousted from power in 2001",
       {"The Taliban were ousted from power in 2001"}},
      {"stray second full stop stays with its sentence", "Sar-e-Pul province. . Next one.",
       {"Sar-e-Pul province. .", "Next one."}},
  };
  for (const SentCase& c : cases) EXPECT_EQ(Sentences(c.text), c.sentences) << c.name;
}

TEST(SplitSentences, ParagraphNumbersTokenRangesAndStartFlags) {
  std::string text = "One. Two.\n\nThree.\n\n\nFour";
  Analysis a;
  Analyze(text, &a);
  ASSERT_EQ(a.sentences.size(), 4u);
  EXPECT_EQ(a.sentences[0].paragraph, 0u);
  EXPECT_EQ(a.sentences[1].paragraph, 0u);
  EXPECT_EQ(a.sentences[2].paragraph, 1u);
  EXPECT_EQ(a.sentences[3].paragraph, 2u);
  uint32_t next = 0;
  for (uint32_t si = 0; si < a.sentences.size(); ++si) {
    const Sentence& s = a.sentences[si];
    EXPECT_EQ(s.begin, next);  // sentences tile the tokens
    next = s.end;
    EXPECT_TRUE(a.tokens[s.begin].flags & kSentStart);
    for (uint32_t k = s.begin; k < s.end; ++k) EXPECT_EQ(a.tokens[k].sentence, si);
    EXPECT_EQ(s.start, a.tokens[s.begin].start);
    EXPECT_EQ(s.stop, a.tokens[s.end - 1].end);
  }
  EXPECT_EQ(next, a.tokens.size());
}

TEST(SplitSentences, EmptyTextHasNoSentences) {
  Analysis a;
  Analyze("", &a);
  EXPECT_TRUE(a.tokens.empty());
  EXPECT_TRUE(a.sentences.empty());
  EXPECT_TRUE(a.speech.empty());
}

TEST(Analyze, ReusesTheAnalysisBetweenDocuments) {
  Analysis a;
  Analyze("\"A long first document,\" he said. Another sentence here.", &a);
  Analyze("Short.", &a);
  EXPECT_EQ(a.tokens.size(), 2u);
  EXPECT_EQ(a.sentences.size(), 1u);
  EXPECT_TRUE(a.speech.empty());
  EXPECT_EQ(a.Folded(0u), "short");
}

// ---------------------------------------------------------------------------------------
// Speech

TEST(Speech, QuoteThenSaidThenSpeaker) {
  std::string text =
      "\"Kunduz has fallen. The Taliban have taken control of all key buildings in the city,\" "
      "said an AFP correspondent there.";
  Analysis a;
  Analyze(text, &a);
  ASSERT_EQ(a.speech.size(), 1u);
  const Speech& sp = a.speech[0];
  EXPECT_TRUE(sp.quoted);
  EXPECT_FALSE(sp.pronoun);
  EXPECT_EQ(Content(a, sp),
            "Kunduz has fallen. The Taliban have taken control of all key buildings in the city,");
  EXPECT_EQ(Speaker(a, 0), "an AFP correspondent there");
  EXPECT_EQ(a.Surface(static_cast<uint32_t>(sp.verb)), "said");
  EXPECT_TRUE(a.tokens[static_cast<uint32_t>(Find(a, "Kunduz"))].flags & kInQuote);
  EXPECT_FALSE(a.tokens[static_cast<uint32_t>(Find(a, "AFP"))].flags & kInQuote);
}

TEST(Speech, PronounSpeakerTakesTheEarlierNamedSpeaker) {
  std::string text =
      "\"The Taliban have reached the central square of Kunduz,\" said Abdul Aziz, a resident "
      "of central Kunduz. \"It's total chaos,\" he added, contacted by phone by AFP.";
  Analysis a;
  Analyze(text, &a);
  ASSERT_EQ(a.speech.size(), 2u);
  EXPECT_EQ(Speaker(a, 0), "Abdul Aziz");  // the apposition after the comma is not the name
  const Speech& he = a.speech[1];
  EXPECT_TRUE(he.pronoun);
  EXPECT_EQ(he.antecedent, 0);
  EXPECT_EQ(a.Span(he.speaker_begin, he.speaker_end), "he");
  EXPECT_EQ(Speaker(a, 1), "Abdul Aziz");
  EXPECT_EQ(Content(a, he), "It's total chaos,");
  // Tokens inside the second quote belong to it.
  int chaos = Find(a, "chaos");
  ASSERT_GE(chaos, 0);
  EXPECT_EQ(a.SpeechOf(static_cast<uint32_t>(chaos)), 1);
  EXPECT_EQ(a.SpeechOf(static_cast<uint32_t>(Find(a, "resident"))), -1);
}

TEST(Speech, PronounWithoutAntecedentHasNone) {
  Analysis a;
  Analyze("\"It's total chaos,\" he added.", &a);
  ASSERT_EQ(a.speech.size(), 1u);
  EXPECT_TRUE(a.speech[0].pronoun);
  EXPECT_EQ(a.speech[0].antecedent, -1);
  EXPECT_EQ(Speaker(a, 0), "he");
}

TEST(Speech, SpeakerBeforeTheQuoteWithColon) {
  Analysis a;
  Analyze("Abdul Aziz said: \"It is total chaos.\" He was afraid.", &a);
  ASSERT_GE(a.speech.size(), 1u);
  EXPECT_TRUE(a.speech[0].quoted);
  EXPECT_EQ(Content(a, a.speech[0]), "It is total chaos.");
  EXPECT_EQ(Speaker(a, 0), "Abdul Aziz");
}

TEST(Speech, InvertedAttributionWithAVerbBeforeAName) {
  Analysis a;
  Analyze(
      "The United States has stepped up its airstrikes, admitted Commander Nicole Ferrara, "
      "who told AFP on Saturday: \"US forces have carried out several strikes.\"",
      &a);
  ASSERT_EQ(a.speech.size(), 1u);
  EXPECT_EQ(Speaker(a, 0), "Commander Nicole Ferrara");
  EXPECT_EQ(Content(a, a.speech[0]), "US forces have carried out several strikes.");
}

TEST(Speech, CapitalisedVerbInsideANameIsNotSpeech) {
  // Regression: "States" in "United States" was read as the verb "states".
  Analysis a;
  Analyze("They were driven out by a coalition led by the United States, for their refusal.", &a);
  EXPECT_TRUE(a.speech.empty());
}

TEST(Speech, CurlyQuotesAreQuotes) {
  // Regression: “ and ” did not fold to ", so curly-quoted speech was never found.
  Analysis a;
  Analyze("\xE2\x80\x9CWe will fight,\xE2\x80\x9D said Ahmad Massoud, the resistance leader.", &a);
  ASSERT_EQ(a.speech.size(), 1u);
  EXPECT_TRUE(a.speech[0].quoted);
  EXPECT_EQ(Content(a, a.speech[0]), "We will fight,");
  EXPECT_EQ(Speaker(a, 0), "Ahmad Massoud");
}

TEST(Speech, SpeakerAndAskedAfterAQuestion) {
  Analysis a;
  Analyze("\"Is it over?\" she asked.", &a);
  ASSERT_EQ(a.speech.size(), 1u);
  EXPECT_EQ(Speaker(a, 0), "she");
  EXPECT_TRUE(a.speech[0].pronoun);
}

TEST(Speech, ReportedSpeechSubjectSaidClause) {
  Analysis a;
  Analyze("The Defense Ministry said government troops were trying to retake key areas of the city.",
          &a);
  ASSERT_EQ(a.speech.size(), 1u);
  const Speech& sp = a.speech[0];
  EXPECT_FALSE(sp.quoted);
  EXPECT_EQ(Speaker(a, 0), "The Defense Ministry");
  EXPECT_EQ(Content(a, sp), "government troops were trying to retake key areas of the city.");
  EXPECT_EQ(a.SpeechOf(static_cast<uint32_t>(Find(a, "troops"))), 0);
}

TEST(Speech, ReportedSpeechTellsSkipsTheHearer) {
  Analysis a;
  Analyze("A police spokesman told AFP that 12 people died.", &a);
  ASSERT_EQ(a.speech.size(), 1u);
  EXPECT_EQ(Speaker(a, 0), "A police spokesman");
  EXPECT_EQ(Content(a, a.speech[0]), "12 people died.");
}

TEST(Speech, ReportedSpeechAtTheEndOfTheSentence) {
  Analysis a;
  Analyze("Twelve people were killed in the blast, a local official said.", &a);
  ASSERT_EQ(a.speech.size(), 1u);
  EXPECT_EQ(Speaker(a, 0), "a local official");
  EXPECT_EQ(Content(a, a.speech[0]), "Twelve people were killed in the blast");
  Analysis b;
  Analyze("Twelve people were killed in the blast, said a local official.", &b);
  ASSERT_EQ(b.speech.size(), 1u);
  EXPECT_EQ(Speaker(b, 0), "a local official");
}

TEST(Speech, AuxiliariesAreNotPartOfTheSpeaker) {
  Analysis a;
  Analyze("The army had earlier said the road was open.", &a);
  ASSERT_EQ(a.speech.size(), 1u);
  EXPECT_EQ(Speaker(a, 0), "The army");
}

TEST(Speech, AccordingToAfterAndBefore) {
  Analysis a;
  Analyze("At least 12 people were killed, according to police.", &a);
  ASSERT_EQ(a.speech.size(), 1u);
  EXPECT_EQ(Speaker(a, 0), "police");
  EXPECT_EQ(Content(a, a.speech[0]), "At least 12 people were killed,");
  Analysis b;
  Analyze("According to the army, the town was retaken on Tuesday.", &b);
  ASSERT_EQ(b.speech.size(), 1u);
  EXPECT_EQ(Speaker(b, 0), "the army");
  EXPECT_EQ(Content(b, b.speech[0]), "the town was retaken on Tuesday.");  // no leading comma
}

TEST(Speech, SaidWithNothingSaidIsNoSpeech) {
  Analysis a;
  Analyze("Police said.", &a);
  EXPECT_TRUE(a.speech.empty());
}

TEST(Speech, QuoteWithoutAttributionHasNoSpeaker) {
  Analysis a;
  Analyze("\"It's total chaos\"\n\nThe capture of Kunduz followed.", &a);
  ASSERT_EQ(a.speech.size(), 1u);
  EXPECT_TRUE(a.speech[0].quoted);
  EXPECT_EQ(Speaker(a, 0), "");
}

TEST(Speech, UnclosedQuoteEndsAtTheParagraph) {
  Analysis a;
  Analyze("\"We will never surrender, he said\n\nThe next paragraph is narration.", &a);
  ASSERT_GE(a.speech.size(), 1u);
  EXPECT_TRUE(a.speech[0].quoted);
  EXPECT_FALSE(a.tokens[static_cast<uint32_t>(Find(a, "narration"))].flags & kInQuote);
}

TEST(Speech, SpeakerOfOutOfRangeIsEmpty) {
  Analysis a;
  Analyze("No speech here.", &a);
  EXPECT_EQ(a.SpeakerOf(-1), (std::pair<uint32_t, uint32_t>{0, 0}));
  EXPECT_EQ(a.SpeakerOf(5), (std::pair<uint32_t, uint32_t>{0, 0}));
  EXPECT_EQ(a.SpeechOf(0), -1);
}

// ---------------------------------------------------------------------------------------
// Normalize

// A long document (hundreds of speech spans, nested and reported): SpeechOf's bounded scan
// and the stable sort give what a scan of every span gives (issue 7: no quadratic paths).
TEST(Speech, ManySpansAgreeWithAFullScan) {
  std::string text;
  for (int k = 0; k < 300; ++k) {
    text += "\"We left at night,\" said Amina Keita. \"It was dark,\" he added. ";
    text += "Officials said that the army, which \"holds the town\", had withdrawn. ";
    if (k % 7 == 0) text += "\n\n";
  }
  Analysis a;
  Analyze(text, &a);
  ASSERT_GT(a.speech.size(), 600u);
  for (size_t k = 1; k < a.speech.size(); ++k)
    ASSERT_LE(a.speech[k - 1].content_begin, a.speech[k].content_begin);
  for (uint32_t i = 0; i < a.tokens.size(); ++i) {
    int want = -1;
    uint32_t best = ~0u;
    for (size_t k = 0; k < a.speech.size(); ++k) {
      const Speech& sp = a.speech[k];
      if (i >= sp.content_begin && i < sp.content_end && sp.content_end - sp.content_begin < best) {
        best = sp.content_end - sp.content_begin;
        want = static_cast<int>(k);
      }
    }
    ASSERT_EQ(a.SpeechOf(i), want) << "token " << i;
  }
  for (size_t k = 0; k < a.speech.size(); ++k) {
    if (!a.speech[k].pronoun) continue;
    int want = -1;
    for (size_t j = k; j-- > 0;)
      if (!a.speech[j].pronoun && a.speech[j].speaker_end > a.speech[j].speaker_begin) {
        want = static_cast<int>(j);
        break;
      }
    EXPECT_EQ(a.speech[k].antecedent, want);
  }
}

TEST(Normalize, AsciiIsUnchangedWithIdentityOffsets) {
  std::string text = "KABUL (AFP) - 12 killed.";
  Normalized n = Normalize(text);
  EXPECT_EQ(n.text, text);
  ASSERT_EQ(n.orig_offsets.size(), text.size() + 1);
  for (size_t i = 0; i <= text.size(); ++i) EXPECT_EQ(n.orig_offsets[i], i);
}

TEST(Normalize, QuotesApostrophesAndDashesBecomeAsciiAndMapBack) {
  // “Kabul’s” — x
  std::string text = "\xE2\x80\x9CKabul\xE2\x80\x99s\xE2\x80\x9D \xE2\x80\x94 x";
  Normalized n = Normalize(text);
  EXPECT_EQ(n.text, "\"Kabul's\" - x");
  ASSERT_EQ(n.orig_offsets.size(), n.text.size() + 1);
  EXPECT_EQ(n.orig_offsets[0], 0u);   // " <- “ at 0
  EXPECT_EQ(n.orig_offsets[1], 3u);   // K
  EXPECT_EQ(n.orig_offsets[6], 8u);   // ' <- ’ at 8
  EXPECT_EQ(n.orig_offsets[7], 11u);  // s
  EXPECT_EQ(n.orig_offsets[8], 12u);  // " <- ” at 12
  EXPECT_EQ(n.orig_offsets[10], 16u); // - <- — at 16
  EXPECT_EQ(n.orig_offsets[12], 20u); // x
  EXPECT_EQ(n.orig_offsets.back(), text.size());
}

TEST(Normalize, ComposesToNfcAfterAsciiAndNonAsciiBases) {
  // "He" + U+0301, "rat" -> "Hérat"; "A" U+030A -> "Å"; "ö" written as o + U+0308.
  std::string text = "He\xCC\x81rat \xC3\xA5\xCC\x81 Ko\xCC\x88ln";
  Normalized n = Normalize(text);
  EXPECT_EQ(n.text, "H\xC3\xA9rat \xC7\xBB K\xC3\xB6ln");
  ASSERT_EQ(n.orig_offsets.size(), n.text.size() + 1);
  EXPECT_EQ(n.orig_offsets[1], 1u);  // é (2 bytes) both map to the 'e' at 1
  EXPECT_EQ(n.orig_offsets[2], 1u);
  EXPECT_EQ(n.orig_offsets[3], 4u);  // r after e + U+0301 (1 + 2 bytes)
  EXPECT_EQ(n.orig_offsets.back(), text.size());
  // Offsets never decrease.
  for (size_t i = 1; i < n.orig_offsets.size(); ++i)
    EXPECT_LE(n.orig_offsets[i - 1], n.orig_offsets[i]);
}

TEST(Normalize, NonBreakingSpaceBecomesSpace) {
  Normalized n = Normalize("Lashkar\xC2\xA0Gah");
  EXPECT_EQ(n.text, "Lashkar Gah");
  EXPECT_EQ(n.orig_offsets[7], 7u);
  EXPECT_EQ(n.orig_offsets[8], 9u);
}

TEST(Normalize, EmptyText) {
  Normalized n = Normalize("");
  EXPECT_EQ(n.text, "");
  ASSERT_EQ(n.orig_offsets.size(), 1u);
  EXPECT_EQ(n.orig_offsets[0], 0u);
}

TEST(Tokenize, PossessiveIsItsOwnTokenFoldedToS) {
  Analysis a;
  Analyze("Sudan's army, Mali\u2019s troops and the Sudans", &a);
  ASSERT_GE(a.tokens.size(), 8u);
  EXPECT_TRUE(a.IsPossessive(1));   // 's
  EXPECT_FALSE(a.IsPossessive(2));  // army
  EXPECT_TRUE(a.IsPossessive(5));   // \u2019s
  EXPECT_FALSE(a.IsPossessive(static_cast<uint32_t>(a.tokens.size() - 1)));
}

TEST(Sentences, OverlongOnesAreCutPreferablyAfterACommaAndCoverEveryToken) {
  std::string text;
  for (int i = 0; i < 300; ++i) text += "word" + std::to_string(i) + (i % 50 == 49 ? ", " : " ");
  Analysis a;
  Analyze(text, &a);
  ASSERT_GE(a.sentences.size(), 2u);
  uint32_t next = 0;
  for (const Sentence& s : a.sentences) {
    EXPECT_EQ(s.begin, next);
    EXPECT_LE(s.end - s.begin, kMaxSentenceTokens);
    for (uint32_t k = s.begin; k < s.end; ++k) EXPECT_EQ(a.tokens[k].sentence, &s - a.sentences.data());
    next = s.end;
  }
  EXPECT_EQ(next, a.tokens.size());
  // The first cut falls after a comma in the second half of the first piece.
  const Sentence& first = a.sentences[0];
  EXPECT_EQ(a.Folded(first.end - 1), ",");
  EXPECT_GT(first.end - first.begin, kMaxSentenceTokens / 2);
}

}  // namespace
}  // namespace sitrep::text
