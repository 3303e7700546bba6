// The text layer: tokens, sentences, quoted and reported speech, over a document's original
// UTF-8 text. Every span is a byte offset into that text; the folded form of each token
// (case, diacritics, quotes and dashes folded) is what the dictionaries match on.
//
// Tokenisation rules (see text_test.cc for the cases):
//   * words are runs of letters, digits and marks; a hyphen between two word characters
//     splits the word and marks the right part kHyphenBefore ("Sar-e-Pul" is sar|e|pul, so it
//     matches "Sar-e Pul"); an apostrophe inside a word is kept in the surface and dropped from
//     the folded form ("Sana'a" folds to "sanaa"); a possessive "'s" is its own token;
//   * numbers keep their separators: "10,000", "3.5", "9/11", "10:30", "2021-08-08"; ordinals
//     and decades stay whole ("9th", "1990s");
//   * dotted abbreviations are one token folded without dots: "U.S." folds to "us";
//   * every other character that is not a space is a punctuation token of its own.
// Sentences end at . ! ? (not after a known abbreviation, an initial or inside a number), at a
// blank line, and at a line break before a line that does not continue the sentence
// (headlines without a full stop).
#ifndef SITREP_TEXT_TEXT_H_
#define SITREP_TEXT_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/default_init_allocator.h"

namespace sitrep::text {

enum class TokKind : uint8_t { kWord, kNumber, kPunct };

enum TokFlag : uint16_t {
  kCap = 1 << 0,            // first letter upper case ("Kunduz", "AFP")
  kAllCaps = 1 << 1,        // every letter upper case and at least two letters ("AFP", "US")
  kHyphenBefore = 1 << 2,   // joined to the previous token by a hyphen ("Sar-e-Pul")
  kSpaceBefore = 1 << 3,    // white space before this token
  kNewlineBefore = 1 << 4,  // a line break before this token
  kParaBefore = 1 << 5,     // a blank line (paragraph break) before this token
  kSentStart = 1 << 6,      // first token of its sentence
  kInQuote = 1 << 7,        // inside quoted speech
  kHasDigit = 1 << 8,
  kAbbrev = 1 << 9,         // a dotted abbreviation ("U.S.", "a.m.")
  kNonAscii = 1 << 10,
  kQuote = 1 << 11,         // a double quotation mark, straight or typographic (folds to ")
  kTerminal = 1 << 12,      // . ! ? or an ellipsis: may end a sentence
};

struct Token {
  uint32_t start = 0, end = 0;           // bytes in the original text, [start, end)
  uint32_t fold_start = 0, fold_len = 0; // the folded form in Analysis::folded
  uint64_t hash = 0;                     // HashBytes(folded form)
  uint32_t sentence = 0;                 // index into Analysis::sentences
  uint16_t flags = 0;
  TokKind kind = TokKind::kWord;
};

struct Sentence {
  uint32_t begin = 0, end = 0;  // token range [begin, end)
  uint32_t start = 0, stop = 0; // bytes [start, stop)
  uint32_t paragraph = 0;       // paragraph number (blank-line separated), from 0
};

// Speech: quoted ("...," said X) or reported (X said that ...; according to X).
struct Speech {
  uint32_t content_begin = 0, content_end = 0;  // tokens of what was said
  uint32_t speaker_begin = 0, speaker_end = 0;  // tokens naming the speaker (may be empty)
  int32_t verb = -1;                            // the speech verb token, -1 if none
  bool quoted = false;
  bool pronoun = false;  // the speaker as written is a pronoun ("he said")
  // For a pronoun speaker: the speech this one inherits its speaker from, or -1.
  int32_t antecedent = -1;
};

struct Analysis {
  std::string_view text;            // the original text (not owned)
  std::string folded;               // folded forms of all tokens, concatenated
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<Speech> speech;       // sorted by content_begin
  // speech_reach[k]: the largest content_end of speech[0..k] (filled by Analyze), so that
  // SpeechOf stops its backward scan at the first entry nothing before reaches past.
  std::vector<uint32_t> speech_reach;

  // Tokens always lie inside text and folded: no bounds checks (these run per token).
  std::string_view Surface(const Token& t) const { return {text.data() + t.start, t.end - t.start}; }
  std::string_view Folded(const Token& t) const {
    return {folded.data() + t.fold_start, t.fold_len};
  }
  std::string_view Surface(uint32_t i) const { return Surface(tokens[i]); }
  std::string_view Folded(uint32_t i) const { return Folded(tokens[i]); }
  bool Is(uint32_t i, std::string_view folded_form) const {
    return i < tokens.size() && Folded(i) == folded_form;
  }
  // True if token i is a possessive 's ("Sudan's", "Mali’s"): its own token, folded to "s".
  bool IsPossessive(uint32_t i) const {
    return Is(i, "s") && Surface(i).size() > 1 && Surface(i)[0] != 's' && Surface(i)[0] != 'S';
  }
  // The bytes from the start of token `b` to the end of token `e - 1`.
  std::string_view Span(uint32_t b, uint32_t e) const {
    if (b >= e) return {};
    return text.substr(tokens[b].start, tokens[e - 1].end - tokens[b].start);
  }
  // The speech whose content holds token i, preferring the innermost (then the first); -1
  // if none. A binary search and a backward scan bounded by speech_reach: it costs the
  // number of spans that start before i and reach past it, not the number of spans.
  int SpeechOf(uint32_t i) const;
  // The speaker's tokens for speech s, following pronoun antecedents; empty range if none.
  std::pair<uint32_t, uint32_t> SpeakerOf(int s) const;
};

// No sentence is longer than this many tokens: a longer one (a list, a feed without
// punctuation) is cut into pieces, after a comma, semicolon or colon where there is one. Real
// sentences stay far below it (news sentences run to about 30 words, rarely 100), and every
// stage's cost per sentence stays bounded.
inline constexpr uint32_t kMaxSentenceTokens = 256;

// Tokenises `text` (valid UTF-8) and finds sentences and speech. Reuses `out`'s buffers.
void Analyze(std::string_view text, Analysis* out);

// Tokenisation only (no sentences or speech): used to fold dictionary entries and names so
// that they hash exactly as text does.
void Tokenize(std::string_view text, Analysis* out);

// True if the sentence is written in title case, as headlines are ("One Villager Killed as
// Army Escalates Attacks"): three in four of its words of four letters or more are
// capitalised. Running text full of names still has its common words in lower case.
bool TitleCased(const Analysis& a, uint32_t sentence);

// Folds one piece of text to the form tokens are matched on, tokens joined by one space.
std::string FoldPhrase(std::string_view text);

// NFC, with typographic quotes, apostrophes and dashes mapped to ASCII, and a map from each
// byte of the normalised text back to the original byte offset (sentencepiece's
// Normalize(input, &normalized, &norm_to_orig)). orig_offsets has normalized.size() + 1
// entries; the last one is text.size().
struct Normalized {
  std::string text;
  // Grows without zero-filling (DefaultInitAllocator): Normalize writes every entry.
  std::vector<uint32_t, DefaultInitAllocator<uint32_t>> orig_offsets;
};
Normalized Normalize(std::string_view text);
// The same into *out, reusing its buffers (for a loop over many documents).
void Normalize(std::string_view text, Normalized* out);

}  // namespace sitrep::text

#endif  // SITREP_TEXT_TEXT_H_
