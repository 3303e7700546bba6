// Tokeniser, sentence splitter and speech finder. One left-to-right pass builds the tokens
// (folding each into Analysis::folded); a second pass over tokens finds sentence
// boundaries; a third pairs quotation marks and finds speakers.
#include "text/text.h"

#include <utf8proc.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <cstring>

#include "util/hash.h"
#include "util/utf8.h"

namespace sitrep::text {
namespace {

enum Cls : uint8_t { kSp, kNl, kLetter, kDigit, kMark, kApos, kHyph, kPunct, kIgnore };

// The flags of a token that SplitSentences must look at: the others neither follow a line
// break nor can end a sentence.
constexpr uint16_t kBreakCue = kParaBefore | kNewlineBefore | kTerminal | kAbbrev;

constexpr std::array<uint8_t, 128> MakeAsciiTable() {
  std::array<uint8_t, 128> t{};
  for (int c = 0; c < 128; ++c) {
    uint8_t v = kPunct;
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') v = kSp;
    else if (c == '\n') v = kNl;
    else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) v = kLetter;
    else if (c >= '0' && c <= '9') v = kDigit;
    else if (c == '\'') v = kApos;
    else if (c == '-') v = kHyph;
    else if (c < 0x20 || c == 0x7f) v = kSp;
    t[c] = v;
  }
  return t;
}
constexpr auto kAscii = MakeAsciiTable();

inline bool IsApostropheCp(uint32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x02BB ||
         cp == 0x02BF || cp == 0x02BE || cp == 0x0060 || cp == 0x00B4;
}

// The class of a code point from its Unicode properties (CpFacts keeps it for the common
// ones: call ClassifyCp).
Cls ComputeCls(uint32_t cp) {
  if (cp < 128) return static_cast<Cls>(kAscii[cp]);
  if (cp == 0x2019 || cp == 0x02BC || cp == 0x02BB || cp == 0x02BF || cp == 0x02BE) return kApos;
  if (cp == 0x2010 || cp == 0x2011) return kHyph;
  if (cp == 0x2028 || cp == 0x2029 || cp == 0x85) return kNl;
  if (cp == 0x00AD || cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF ||
      cp == 0x2060)
    return kIgnore;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
      return kLetter;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
      return kMark;
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
      return kDigit;
    case UTF8PROC_CATEGORY_ZS:
      return kSp;
    case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
      return kNl;
    case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF:
      return kIgnore;
    default:
      return kPunct;
  }
}

// Per-byte facts for folding ASCII tokens (Tokenizer::EmitAscii).
enum : uint8_t {
  kFiUpper = 1, kFiLower = 2, kFiDigit = 4, kFiApos = 8, kFiDot = 16, kFiComma = 32,
  kFiHigh = 128,  // not ASCII
};
constexpr std::array<uint8_t, 256> MakeFoldInfo() {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    uint8_t v = 0;
    if (c >= 0x80) v = kFiHigh;
    else if (c >= 'A' && c <= 'Z') v = kFiUpper;
    else if (c >= 'a' && c <= 'z') v = kFiLower;
    else if (c >= '0' && c <= '9') v = kFiDigit;
    else if (c == '\'') v = kFiApos;
    else if (c == '.') v = kFiDot;
    else if (c == ',') v = kFiComma;
    t[static_cast<size_t>(c)] = v;
  }
  return t;
}
constexpr auto kFoldInfo = MakeFoldInfo();
static_assert((kFiUpper << 5) == 0x20, "upper-case bit shifts to the ASCII case bit");

// Bit 7 of each byte of the result is set where that byte of w is ASCII and in [lo, hi]
// (lo <= hi <= 127): a SWAR range test, no carries between bytes.
inline uint64_t BytesInRange(uint64_t w, unsigned lo, unsigned hi) {
  constexpr uint64_t k01 = 0x0101010101010101ull, k7F = 0x7F7F7F7F7F7F7F7Full,
                     k80 = 0x8080808080808080ull;
  const uint64_t x = w & k7F;
  const uint64_t ge_lo = x + k01 * (128 - lo);  // bit 7 set iff x >= lo
  const uint64_t gt_hi = x + k01 * (127 - hi);  // bit 7 set iff x > hi
  return ge_lo & ~gt_hi & ~w & k80;
}

// Single ASCII punctuation characters the tokeniser emits directly: whether it may, the
// token flags (what PunctFlags gives) and HashBytes of the one-byte folded form.
struct PunctInfo {
  bool simple[256] = {};
  uint16_t flags[256] = {};
  uint64_t hash[256] = {};
  PunctInfo() {
    for (int c = 0x21; c < 0x7F; ++c) {
      bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (alnum || c == '\'' || c == '`') continue;  // may start a possessive 's
      simple[c] = true;
      const char ch = static_cast<char>(c);
      hash[c] = HashBytes(std::string_view(&ch, 1));
      flags[c] = c == '"' ? kQuote : (c == '.' || c == '!' || c == '?') ? kTerminal : 0;
    }
  }
};
const PunctInfo kPunctInfo;
const uint64_t kHashS = HashBytes("s");  // the folded possessive 's

// o[k] = first + k for k < count: the offsets of an ASCII run, eight per turn in vector
// registers (GCC's -O2 leaves the plain loop scalar).
inline void FillOffsets(uint32_t* o, uint32_t first, uint32_t count) {
  using V4 = uint32_t __attribute__((vector_size(16)));
  uint32_t k = 0;
  if (count >= 8) {
    V4 a = {first, first + 1, first + 2, first + 3};
    V4 b = a + 4;
    for (; k + 8 <= count; k += 8) {
      std::memcpy(o + k, &a, 16);
      std::memcpy(o + k + 4, &b, 16);
      a += 8;
      b += 8;
    }
  }
  for (; k < count; ++k) o[k] = first + k;
}

inline bool IsWordCls(Cls c) { return c == kLetter || c == kDigit || c == kMark; }

// Invisible characters that may sit inside a word without splitting it: soft hyphen, zero
// width non-joiner and joiner (Persian and Arabic names), word joiner. Dropped when folding.
inline bool IsInWordJoiner(uint32_t cp) {
  return cp == 0x00AD || cp == 0x200C || cp == 0x200D || cp == 0x2060;
}

// Quotation marks as ASCII. utf8proc's LUMP folds U+2018/U+2019 to ' but leaves double and
// angle quotes alone, so without this the quote finder would never see “...”.
const char* QuoteFold(uint32_t cp) {
  switch (cp) {
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
    case 0x2033: case 0x301D: case 0x301E: case 0xFF02:
      return "\"";
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2039: case 0x203A:
    case 0x2032:
      return "'";
    default:
      return nullptr;
  }
}

// Letters with no Unicode decomposition that news transliterations still write plainly.
const char* SpecialFold(uint32_t cp) {
  switch (cp) {
    case 0x00F8: case 0x00D8: return "o";   // ø
    case 0x0142: case 0x0141: return "l";   // ł
    case 0x0111: case 0x0110: return "d";   // đ
    case 0x00F0: case 0x00D0: return "d";   // ð
    case 0x0131: return "i";                // dotless ı
    case 0x0130: return "i";                // İ
    case 0x00E6: case 0x00C6: return "ae";  // æ
    case 0x0153: case 0x0152: return "oe";  // œ
    case 0x00FE: case 0x00DE: return "th";  // þ
    case 0x0127: case 0x0126: return "h";   // ħ
    case 0x0180: return "b";
    case 0x01B6: case 0x01B5: return "z";
    default: return QuoteFold(cp);
  }
}

// Appends the folded form of one non-ASCII code point of a token of this kind to *out: an
// apostrophe in a word and an in-word joiner fold to nothing; the rest is decomposed,
// case-folded and stripped of marks (CpFacts keeps the result for the common ones).
void FoldCp(uint32_t cp, TokKind kind, std::string* out) {
  constexpr int kOpts = UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                        UTF8PROC_STRIPMARK | UTF8PROC_LUMP;
  if (kind == TokKind::kWord && IsApostropheCp(cp)) return;
  if (IsInWordJoiner(cp)) return;
  if (const char* sp = SpecialFold(cp)) {
    out->append(sp);
    return;
  }
  utf8proc_int32_t buf[8];
  int last = 0;
  utf8proc_ssize_t n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), buf, 8,
                                               static_cast<utf8proc_option_t>(kOpts), &last);
  if (n < 0 || n > 8) {
    AppendUtf8(cp, out);
    return;
  }
  for (utf8proc_ssize_t k = 0; k < n; ++k) {
    uint32_t d = static_cast<uint32_t>(buf[k]);
    if (kind == TokKind::kWord && d == '\'') continue;
    if (const char* sp2 = SpecialFold(d)) {
      out->append(sp2);
    } else {
      AppendUtf8(d, out);
    }
  }
}

// Appends one cluster of Normalize (a code point and the combining marks after it) to *out:
// utf8proc_map's steps (decompose and order marks, compose, encode) on a stack buffer, no
// allocation per cluster; a cluster too long to compose is kept as it is.
void NfcCluster(std::string_view cluster, std::string* out) {
  constexpr auto kOpts =
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_LUMP);
  utf8proc_int32_t buf[32];
  utf8proc_ssize_t n =
      utf8proc_decompose(reinterpret_cast<const utf8proc_uint8_t*>(cluster.data()),
                         static_cast<utf8proc_ssize_t>(cluster.size()), buf, 32, kOpts);
  if (n > 0 && n <= 32) {
    n = utf8proc_normalize_utf32(buf, n, kOpts);
    for (utf8proc_ssize_t k = 0; k < n; ++k) AppendUtf8(static_cast<uint32_t>(buf[k]), out);
  } else {
    out->append(cluster);
  }
}

// kQuote and kTerminal for a punctuation token's folded form.
uint16_t PunctFlags(std::string_view f) {
  if (f == "\"") return kQuote;
  if (f == "." || f == "!" || f == "?" || f == "..." || f == "\xE2\x80\xA6") return kTerminal;
  return 0;
}

// Upper-case letters (LU, LT) count as 1, other letters but modifiers (LL, LO) as 2, the
// rest as 0: what Emit counts for kCap and kAllCaps on a token with non-ASCII letters.
uint8_t ComputeLetterCase(uint32_t cp) {
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT:
      return 1;
    case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LO:
      return 2;
    default:
      return 0;
  }
}

// ---------------------------------------------------------------------------------------
// Code point facts

// A short folded or normalised form; len kNoPiece when it is longer than bytes (then the
// caller computes it).
constexpr uint8_t kNoPiece = 0xFF;
struct Piece {
  uint8_t len = kNoPiece;
  char bytes[7] = {};
  std::string_view view() const { return {bytes, len}; }
  void Set(const std::string& s) {
    if (s.size() > sizeof bytes) return;
    len = static_cast<uint8_t>(s.size());
    std::memcpy(bytes, s.data(), s.size());
  }
};

// What the tokeniser and Normalize compute for one non-ASCII code point on its own, computed
// once by the same functions and read from a table instead of asking utf8proc per code point.
// It covers the non-ASCII text of news: two-byte UTF-8 (Latin-1 and Latin Extended, Greek,
// Cyrillic, Hebrew, Arabic) and General Punctuation (dashes, curly quotes).
struct CpFacts {
  Cls cls = kPunct;           // ComputeCls
  uint8_t letter_case = 0;    // ComputeLetterCase
  uint16_t punct_flags = 0;   // PunctFlags(fold_other)
  Piece fold_word, fold_other;  // FoldCp in a word, in another token
  Piece nfc;                  // Normalize of the code point followed by no mark
  uint64_t hash_other = 0;    // HashBytes(fold_other)
};

class CpTable {
 public:
  static constexpr uint32_t kTwoByteEnd = 0x800, kPunctBegin = 0x2000, kPunctEnd = 0x2070;
  CpTable() {
    for (uint32_t cp = 0x80; cp < kTwoByteEnd; ++cp) Fill(cp);
    for (uint32_t cp = kPunctBegin; cp < kPunctEnd; ++cp) Fill(cp);
  }
  // The facts of a non-ASCII code point, or nullptr outside the table (and for ASCII).
  const CpFacts* Find(uint32_t cp) const {
    const bool in = cp - 0x80 < kTwoByteEnd - 0x80 || cp - kPunctBegin < kPunctEnd - kPunctBegin;
    return in ? &facts_[Slot(cp)] : nullptr;
  }

 private:
  static constexpr uint32_t kPunctSlot = kTwoByteEnd - 0x80;
  static uint32_t Slot(uint32_t cp) {
    return cp < kTwoByteEnd ? cp - 0x80 : kPunctSlot + cp - kPunctBegin;
  }
  void Fill(uint32_t cp) {
    CpFacts& f = facts_[Slot(cp)];
    f.cls = ComputeCls(cp);
    f.letter_case = ComputeLetterCase(cp);
    std::string word, other, utf8, nfc;
    FoldCp(cp, TokKind::kWord, &word);
    FoldCp(cp, TokKind::kPunct, &other);
    f.fold_word.Set(word);
    f.fold_other.Set(other);
    f.punct_flags = PunctFlags(other);
    f.hash_other = HashBytes(other);
    AppendUtf8(cp, &utf8);
    if (const char* quote = QuoteFold(cp)) {
      nfc = quote;
    } else {
      NfcCluster(utf8, &nfc);
    }
    f.nfc.Set(nfc);
  }
  CpFacts facts_[kPunctSlot + (kPunctEnd - kPunctBegin)];
};
// Built on first use (by the first non-ASCII code point), not at start-up.
const CpTable& Cps() {
  static const CpTable table;
  return table;
}

Cls ClassifyCp(uint32_t cp) {
  const CpFacts* f = Cps().Find(cp);
  return f ? f->cls : ComputeCls(cp);
}

// ComputeLetterCase, from the table where it can.
uint8_t LetterCase(uint32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? 1 : (cp >= 'a' && cp <= 'z') ? 2 : 0;
  const CpFacts* f = Cps().Find(cp);
  return f ? f->letter_case : ComputeLetterCase(cp);
}

// A cursor over UTF-8 that classifies the code point under it.
struct Cursor {
  std::string_view s;
  inline Cls ClassAt(size_t i, uint32_t* cp, int* len) const {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      *cp = c;
      *len = 1;
      return static_cast<Cls>(kAscii[c]);
    }
    *cp = DecodeUtf8(s, i, len);
    return ClassifyCp(*cp);
  }
  inline Cls ClassAt(size_t i) const {
    if (i >= s.size()) return kSp;
    uint32_t cp;
    int len;
    return ClassAt(i, &cp, &len);
  }
};

// Appends the folded form of surface text s to *out. Apostrophes inside words and the dots
// of dotted abbreviations are dropped; commas inside numbers are dropped.
void FoldAppend(std::string_view s, TokKind kind, bool abbrev, std::string* out) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      if (kind == TokKind::kWord && (c == '\'' || (abbrev && c == '.'))) continue;
      if (kind == TokKind::kNumber && c == ',') continue;
      out->push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      continue;
    }
    int len;
    uint32_t cp = DecodeUtf8(s, i, &len);
    i += static_cast<size_t>(len);
    const CpFacts* f = Cps().Find(cp);
    const Piece* piece = f ? (kind == TokKind::kWord ? &f->fold_word : &f->fold_other) : nullptr;
    if (piece && piece->len != kNoPiece) {
      out->append(piece->view());
    } else {
      FoldCp(cp, kind, out);
    }
  }
}

// True for a lower-case ASCII suffix allowed after digits in one token: 9th, 1990s.
bool IsNumberSuffix(std::string_view s) {
  if (s.size() == 1) return s[0] == 's' || s[0] == 'S';
  if (s.size() != 2) return false;
  char a = static_cast<char>(s[0] | 0x20), b = static_cast<char>(s[1] | 0x20);
  return (a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
         (a == 't' && b == 'h');
}

inline bool IsDigitAt(std::string_view s, size_t i) {
  return i < s.size() && s[i] >= '0' && s[i] <= '9';
}
inline bool IsAsciiLetterAt(std::string_view s, size_t i) {
  return i < s.size() && ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z');
}

// Speech verbs, and a filter over their hashes (with "according", as in "according to")
// that the tokeniser applies to every word so the speech finder visits only those that pass.
constexpr std::string_view kSpeechVerbs[] = {
      "said", "says", "say", "added", "adds", "told", "tells", "stated", "states", "explained",
      "claimed", "claims", "declared", "announced", "announces", "reported", "reports",
      "tweeted", "wrote", "writes", "noted", "insisted", "warned", "confirmed", "confirms",
      "denied", "admitted", "acknowledged", "alleged", "alleges", "asserted", "recalled",
      "testified", "continued", "quoted", "posted", "argued", "maintained", "indicated",
      "disclosed", "revealed", "estimated", "suggested", "asked", "asks", "replied",
      "responded", "shouted", "stressed", "emphasised", "emphasized", "urged", "vowed"};

// A 1024-bit filter over the verbs' hashes: most words are turned away with one load.
struct HashFilter {
  uint64_t bits[16] = {};
  template <size_t N>
  explicit HashFilter(const std::string_view (&words)[N]) {
    for (std::string_view w : words) Set(HashBytes(w));
  }
  void Set(uint64_t h) { bits[(h >> 6) & 15] |= uint64_t{1} << (h & 63); }
  bool MayContain(uint64_t h) const { return (bits[(h >> 6) & 15] >> (h & 63)) & 1; }
};
const HashFilter kSpeechVerbFilter(kSpeechVerbs);
// The same plus "according" (as in "according to"): the reported-speech scan's first test.
const HashFilter kReportFilter = [] {
  HashFilter f(kSpeechVerbs);
  f.Set(HashBytes("according"));
  return f;
}();

// The tokens the sentence splitter and the speech finder visit, in token order (per thread;
// Analyze runs Tokenize, SplitSentences and FindSpeech back to back): tokens that may end a
// sentence or follow a line break (breaks, kBreakCue) and tokens that are quotation marks or
// start a paragraph (marks), both listed by the tokeniser; and words that pass kReportFilter
// (words, listed by SplitSentences: only the first n_words entries count).
struct SpeechCues {
  std::vector<uint32_t> breaks, marks;
  std::vector<uint32_t> words;
  size_t n_words;
};
// Plain aggregate with no constructor: thread_local access needs no initialisation guard.
thread_local SpeechCues* t_cues_ptr = nullptr;
SpeechCues& Cues() {
  thread_local SpeechCues cues;
  if (!t_cues_ptr) t_cues_ptr = &cues;
  return *t_cues_ptr;
}

class Tokenizer {
 public:
  Tokenizer(std::string_view text, Analysis* a) : s_(text), cur_{text}, a_(a) {}

  void Run() {
    const size_t n = s_.size();
    a_->tokens.reserve(n / 4 + 16);
    // Folded forms are written by position into a buffer sized once (ASCII folding never
    // lengthens a token); Run() trims it at the end.
    a_->folded.resize(n + 16);
    fpos_ = 0;
    breaks_ = &Cues().breaks;
    breaks_->clear();
    marks_ = &Cues().marks;
    marks_->clear();
    size_t i = 0;
    uint16_t pending = 0;
    int newlines = 0;
    while (i < n) {
      const unsigned char c0 = static_cast<unsigned char>(s_[i]);
      if (c0 == ' ') {
        pending |= kSpaceBefore;
        ++i;
        continue;
      }
      // The hot path: a word of ASCII letters and digits, scanned and folded in one pass.
      size_t fast_end;
      if ((kFoldInfo[c0] & (kFiUpper | kFiLower)) && FastWord(i, pending, &fast_end)) {
        newlines = 0;
        pending = 0;
        if (fast_end + 1 < n && s_[fast_end] == '-' &&
            IsWordCls(cur_.ClassAt(fast_end + 1))) {
          i = fast_end + 1;
          pending = kHyphenBefore;
          continue;
        }
        i = fast_end;
        if (i < n && s_[i] == '\'') {  // FastWord stopped before a possessive 's
          EmitPossessive(i);
          i += 2;
        }
        if (i < n && s_[i] == ' ') {  // the usual space after a word, without a loop turn
          pending = kSpaceBefore;
          ++i;
        }
        continue;
      }
      // A number of ASCII digits alone ("3", "1990", not "3.5" or "9th").
      if ((kFoldInfo[c0] & kFiDigit) && FastNumber(i, pending, &fast_end)) {
        newlines = 0;
        pending = 0;
        i = fast_end;
        if (i < n && s_[i] == ' ') {
          pending = kSpaceBefore;
          ++i;
        }
        continue;
      }
      // Single ASCII punctuation (not a run of dots or hyphens, not an apostrophe): its
      // folded form is itself and its hash is precomputed.
      if (kPunctInfo.simple[c0] && !((c0 == '.' || c0 == '-') && i + 1 < n && s_[i + 1] == c0)) {
        newlines = 0;
        EmitPunct(i, c0, pending);
        pending = 0;
        ++i;
        if (i < n && s_[i] == ' ') {
          pending = kSpaceBefore;
          ++i;
        }
        continue;
      }
      uint32_t cp;
      int len;
      Cls c = cur_.ClassAt(i, &cp, &len);
      if (c == kSp) {
        pending |= kSpaceBefore;
        i += static_cast<size_t>(len);
        continue;
      }
      if (c == kNl) {
        pending |= kSpaceBefore | kNewlineBefore;
        if (++newlines >= 2) pending |= kParaBefore;
        i += static_cast<size_t>(len);
        continue;
      }
      if (c == kIgnore) {
        i += static_cast<size_t>(len);
        continue;
      }
      newlines = 0;
      if (c == kPunct && c0 >= 0x80 && EmitKnownPunct(i, cp, len, pending)) {
        pending = 0;
        i += static_cast<size_t>(len);
        continue;
      }
      size_t end;
      TokKind kind;
      bool abbrev = false;
      if (IsWordCls(c)) {
        end = ScanWord(i, &kind, &abbrev);
      } else {
        end = ScanPunct(i, cp, len, &kind);
      }
      uint16_t flags = pending;
      pending = 0;
      Emit(i, end, kind, abbrev, flags);
      // A hyphen joining two words is not a token: the right part carries kHyphenBefore.
      if (end < n && kind != TokKind::kPunct) {
        uint32_t cp2;
        int len2;
        Cls c2 = cur_.ClassAt(end, &cp2, &len2);
        if (c2 == kHyph && IsWordCls(cur_.ClassAt(end + static_cast<size_t>(len2)))) {
          i = end + static_cast<size_t>(len2);
          pending = kHyphenBefore;
          continue;
        }
      }
      i = end;
    }
    a_->folded.resize(fpos_);
  }

 private:
  [[gnu::always_inline]] void EmitPunct(size_t i, unsigned char c, uint16_t flags) {
    std::string& folded = a_->folded;
    if (fpos_ + 16 > folded.size()) folded.resize(2 * folded.size() + 16);
    folded[fpos_] = static_cast<char>(c);
    Token t;
    t.start = static_cast<uint32_t>(i);
    t.end = static_cast<uint32_t>(i + 1);
    t.kind = TokKind::kPunct;
    t.flags = flags | kPunctInfo.flags[c];
    t.fold_start = static_cast<uint32_t>(fpos_);
    t.fold_len = 1;
    t.hash = kPunctInfo.hash[c];
    ++fpos_;
    Push(t);
  }

  // A non-ASCII punctuation mark at i (a dash, a curly double quote) that the code point
  // table knows: emits what ScanPunct + Emit would make of it and returns true; false,
  // having emitted nothing, for an apostrophe (it may start a possessive 's) or a mark the
  // table does not know.
  bool EmitKnownPunct(size_t i, uint32_t cp, int len, uint16_t flags) {
    if (IsApostropheCp(cp)) return false;
    const CpFacts* f = Cps().Find(cp);
    if (!f || f->fold_other.len == kNoPiece || f->letter_case != 0) return false;
    std::string& folded = a_->folded;
    if (fpos_ + 16 > folded.size()) folded.resize(2 * folded.size() + 16);
    std::memcpy(folded.data() + fpos_, f->fold_other.bytes, f->fold_other.len);
    Token t;
    t.start = static_cast<uint32_t>(i);
    t.end = static_cast<uint32_t>(i + static_cast<size_t>(len));
    t.kind = TokKind::kPunct;
    t.flags = flags | kNonAscii | f->punct_flags;
    t.fold_start = static_cast<uint32_t>(fpos_);
    t.fold_len = f->fold_other.len;
    t.hash = f->hash_other;
    fpos_ += f->fold_other.len;
    Push(t);
    return true;
  }

  // A word that starts with an ASCII letter at i and runs over ASCII letters and digits to an
  // ASCII character that is neither an apostrophe nor the dot of an abbreviation ("U.S."):
  // emits it (what ScanWord + Emit would make of it) and stores its end. Returns false,
  // having emitted nothing, for any other word: the general path takes it.
  [[gnu::always_inline]] bool FastWord(size_t i, uint16_t flags, size_t* end) {
    const size_t n = s_.size();
    std::string& folded = a_->folded;
    // HashBytesPadded reads up to 7 bytes past a word: keep 16 bytes of slack after it.
    if (fpos_ + (n - i) + 16 > folded.size()) folded.resize(fpos_ + (n - i) + 16);
    char* out = folded.data() + fpos_;
    const unsigned char* p = reinterpret_cast<const unsigned char*>(s_.data());
    size_t j = i;
    int upper = 0;
    uint8_t seen = 0;
    uint64_t short_word = 0;  // a word of 1-7 bytes, folded, in a register (0: longer)
#if defined(__SSE2__)
    // Sixteen bytes at a time while sixteen remain (SSE2, in every x86-64): the same as the
    // SWAR loop below, which takes the rest. Signed compares: bytes from 0x80 are negative,
    // in no range.
    while (j + 16 <= n) {
      const __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + j));
      auto in = [&w](char lo, char hi) {
        return _mm_and_si128(_mm_cmpgt_epi8(w, _mm_set1_epi8(static_cast<char>(lo - 1))),
                             _mm_cmplt_epi8(w, _mm_set1_epi8(static_cast<char>(hi + 1))));
      };
      const __m128i up = in('A', 'Z');
      const __m128i folded16 = _mm_or_si128(w, _mm_and_si128(up, _mm_set1_epi8(0x20)));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(out + (j - i)), folded16);
      const unsigned upm = static_cast<unsigned>(_mm_movemask_epi8(up));
      const unsigned lom = static_cast<unsigned>(_mm_movemask_epi8(in('a', 'z')));
      const unsigned dgm = static_cast<unsigned>(_mm_movemask_epi8(in('0', '9')));
      const unsigned stop = ~(upm | lom | dgm) & 0xFFFFu;
      const int len = stop ? __builtin_ctz(stop) : 16;
      const unsigned keep = (1u << len) - 1;
      const unsigned u = upm & keep;  // upper counts to 2 at most: all AllCaps needs
      upper += (u != 0) + ((u & (u - 1)) != 0);
      if (lom & keep) seen |= kFiLower;
      if (dgm & keep) seen |= kFiDigit;
      if (j == i && len < 8)
        short_word = static_cast<uint64_t>(_mm_cvtsi128_si64(folded16)) &
                     ((uint64_t{1} << (8 * len)) - 1);
      j += static_cast<size_t>(len);
      if (len < 16) goto done;
    }
#endif
    // Eight bytes at a time while eight remain (SWAR): which bytes are ASCII upper, lower,
    // digit; the word ends at the first that is none of them. Folded bytes are stored eight
    // at a time too (folded has slack; bytes past the word are overwritten later).
    while (j + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + j, 8);
      const uint64_t up = BytesInRange(w, 'A', 'Z'), lo = BytesInRange(w, 'a', 'z'),
                     dig = BytesInRange(w, '0', '9');
      const uint64_t stop = ~((up | lo | dig) & ~w) & 0x8080808080808080ull;
      const uint64_t folded8 = w | (up >> 2);  // 0x80 >> 2 == 0x20, the ASCII case bit
      std::memcpy(out + (j - i), &folded8, 8);
      const int len = stop ? __builtin_ctzll(stop) >> 3 : 8;
      const uint64_t keep = len == 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * len)) - 1;
      const uint64_t u = up & keep;  // upper counts to 2 at most: all AllCaps needs
      upper += (u != 0) + ((u & (u - 1)) != 0);
      if (lo & keep) seen |= kFiLower;
      if (dig & keep) seen |= kFiDigit;
      if (j == i && len < 8) short_word = folded8 & keep;
      j += static_cast<size_t>(len);
      if (len < 8) goto done;
    }
    for (; j < n; ++j) {
      const unsigned char c = p[j];
      const uint8_t info = kFoldInfo[c];
      if (!(info & (kFiUpper | kFiLower | kFiDigit))) break;
      out[j - i] = static_cast<char>(c | ((info & kFiUpper) << 5));
      upper += info & kFiUpper;
      seen |= info;
    }
  done:
    if (j < n && (p[j] >= 0x80 || (p[j] == '\'' && !IsPossessiveAt(j)) ||
                  (p[j] == '.' && j == i + 1)))
      return false;
    Token t;
    t.start = static_cast<uint32_t>(i);
    t.end = static_cast<uint32_t>(j);
    t.kind = TokKind::kWord;
    if (kFoldInfo[p[i]] & kFiUpper) flags |= kCap;
    if (seen & kFiDigit) flags |= kHasDigit;
    if (upper >= 2 && !(seen & kFiLower)) flags |= kAllCaps;  // every letter upper case
    t.flags = flags;
    t.fold_start = static_cast<uint32_t>(fpos_);
    t.fold_len = static_cast<uint32_t>(j - i);
    t.hash = short_word ? HashShort(short_word, j - i)
                        : HashBytesPadded(out, j - i);  // folded has >= 16 bytes of slack
    fpos_ += j - i;
    Push(t);
    *end = j;
    return true;
  }

  // True if an ASCII apostrophe at j, after a word, starts a possessive 's that ScanPunct
  // would make a token of ('s or 'S, then no word character) and that no hyphen follows
  // (Run's hyphen rule after it is left to the general path): EmitPossessive makes it.
  bool IsPossessiveAt(size_t j) const {
    const size_t n = s_.size();
    if (j + 1 >= n || (s_[j + 1] != 's' && s_[j + 1] != 'S')) return false;
    if (j + 2 == n) return true;
    const unsigned char c = static_cast<unsigned char>(s_[j + 2]);
    return c < 0x80 && c != '-' && !(kFoldInfo[c] & (kFiUpper | kFiLower | kFiDigit));
  }

  // The possessive 's at j (IsPossessiveAt): what ScanPunct + Emit make of it, a word folded
  // to "s", capitalised if the s is.
  [[gnu::always_inline]] void EmitPossessive(size_t j) {
    std::string& folded = a_->folded;
    if (fpos_ + 16 > folded.size()) folded.resize(2 * folded.size() + 16);
    folded[fpos_] = 's';
    Token t;
    t.start = static_cast<uint32_t>(j);
    t.end = static_cast<uint32_t>(j + 2);
    t.kind = TokKind::kWord;
    t.flags = s_[j + 1] == 'S' ? kCap : 0;
    t.fold_start = static_cast<uint32_t>(fpos_);
    t.fold_len = 1;
    t.hash = kHashS;
    ++fpos_;
    Push(t);
  }

  // A number of ASCII digits from i that ScanWord would end where the digits end (at no
  // letter, hyphen, non-ASCII byte, nor separator before a digit as in "3.5" or "10,000"):
  // emits it (what ScanWord + Emit would make of it) and stores its end. Returns false,
  // having emitted nothing, otherwise.
  [[gnu::always_inline]] bool FastNumber(size_t i, uint16_t flags, size_t* end) {
    const size_t n = s_.size();
    const unsigned char* p = reinterpret_cast<const unsigned char*>(s_.data());
    size_t j = i + 1;
    while (j < n && static_cast<unsigned>(p[j] - '0') < 10u) ++j;
    if (j < n) {
      const unsigned char c = p[j];
      if (c >= 0x80 || c == '-' || (kFoldInfo[c] & (kFiUpper | kFiLower))) return false;
      if ((c == ',' || c == '.' || c == ':' || c == '/') && j + 1 < n &&
          static_cast<unsigned>(p[j + 1] - '0') < 10u)
        return false;
    }
    std::string& folded = a_->folded;
    if (fpos_ + (j - i) + 16 > folded.size()) folded.resize(fpos_ + (j - i) + 16);
    char* out = folded.data() + fpos_;
    if (i + 16 <= n && j - i <= 16) {
      std::memcpy(out, p + i, 16);  // folded has 16 bytes of slack: no call for a short copy
    } else {
      std::memcpy(out, p + i, j - i);
    }
    Token t;
    t.start = static_cast<uint32_t>(i);
    t.end = static_cast<uint32_t>(j);
    t.kind = TokKind::kNumber;
    t.flags = flags | kHasDigit;
    t.fold_start = static_cast<uint32_t>(fpos_);
    t.fold_len = static_cast<uint32_t>(j - i);
    t.hash = HashBytesPadded(out, j - i);  // folded has >= 16 bytes of slack
    fpos_ += j - i;
    Push(t);
    *end = j;
    return true;
  }

  // Scans a word or number starting at i; returns its end.
  size_t ScanWord(size_t i, TokKind* kind, bool* abbrev) {
    const size_t n = s_.size();
    // Dotted abbreviation: L.L. (U.S., U.N., a.m.)
    if (i + 3 < n && s_[i + 1] == '.' && s_[i + 3] == '.' && IsAsciiLetterAt(s_, i) &&
        IsAsciiLetterAt(s_, i + 2) && (i == 0 || !IsWordCls(cur_.ClassAt(i - 1)))) {
      size_t j = i;
      while (IsAsciiLetterAt(s_, j) && j + 1 < n && s_[j + 1] == '.') j += 2;
      if (!IsWordCls(cur_.ClassAt(j))) {
        *kind = TokKind::kWord;
        *abbrev = true;
        return j;
      }
    }
    // Fast path: a word of ASCII letters (and digits) that ends at an ASCII character other
    // than an apostrophe ends exactly where the general loop below would end it.
    if (IsAsciiLetterAt(s_, i)) {
      size_t j = i + 1;
      while (j < n && (kAscii[static_cast<unsigned char>(s_[j]) & 0x7F] == kLetter ||
                       kAscii[static_cast<unsigned char>(s_[j]) & 0x7F] == kDigit) &&
             static_cast<unsigned char>(s_[j]) < 0x80)
        ++j;
      if (j == n || (static_cast<unsigned char>(s_[j]) < 0x80 && s_[j] != '\'')) {
        *kind = TokKind::kWord;
        return j;
      }
    }
    // ISO date 2021-08-08 as one number token.
    if (i + 10 <= n && s_[i + 4] == '-' && s_[i + 7] == '-' && IsDigitAt(s_, i) &&
        IsDigitAt(s_, i + 1) && IsDigitAt(s_, i + 2) &&
        IsDigitAt(s_, i + 3) && IsDigitAt(s_, i + 5) &&
        IsDigitAt(s_, i + 6) && IsDigitAt(s_, i + 8) &&
        IsDigitAt(s_, i + 9) && !IsWordCls(cur_.ClassAt(i + 10))) {
      *kind = TokKind::kNumber;
      return i + 10;
    }
    size_t j = i;
    bool numeric = true;  // only digits (and separators) so far
    bool any = false;
    while (j < n) {
      uint32_t cp;
      int len;
      Cls c = cur_.ClassAt(j, &cp, &len);
      if (c == kDigit || c == kMark) {
        j += static_cast<size_t>(len);
        any = true;
        continue;
      }
      if (c == kIgnore && IsInWordJoiner(cp) &&
          IsWordCls(cur_.ClassAt(j + static_cast<size_t>(len)))) {
        j += static_cast<size_t>(len);
        continue;
      }
      if (c == kLetter) {
        if (numeric && any) {
          // Digits then letters: keep ordinals and decades whole, else split (10km).
          size_t k = j;
          while (k < n && IsAsciiLetterAt(s_, k)) ++k;
          if (k > j && IsNumberSuffix(s_.substr(j, k - j)) && !IsWordCls(cur_.ClassAt(k))) {
            j = k;
            break;
          }
          break;
        }
        numeric = false;
        any = true;
        j += static_cast<size_t>(len);
        // Fast path: the rest of an ASCII word (letters and digits) in a tight loop.
        while (j < n) {
          unsigned char ch = static_cast<unsigned char>(s_[j]);
          if (ch >= 0x80 || (kAscii[ch] != kLetter && kAscii[ch] != kDigit)) break;
          ++j;
        }
        continue;
      }
      if (numeric && any && (cp == ',' || cp == '.' || cp == ':' || cp == '/') &&
          IsDigitAt(s_, j + 1)) {
        j += 2;
        continue;
      }
      if (c == kApos && !numeric && j + static_cast<size_t>(len) < n) {
        uint32_t cp2;
        int len2;
        Cls c2 = cur_.ClassAt(j + static_cast<size_t>(len), &cp2, &len2);
        if (c2 == kLetter) {
          // Possessive 's ends the word; the 's becomes its own token.
          size_t after = j + static_cast<size_t>(len) + static_cast<size_t>(len2);
          if ((cp2 == 's' || cp2 == 'S') && !IsWordCls(cur_.ClassAt(after))) break;
          j += static_cast<size_t>(len);
          continue;
        }
      }
      break;
    }
    *kind = numeric ? TokKind::kNumber : TokKind::kWord;
    return j;
  }

  size_t ScanPunct(size_t i, uint32_t cp, int len, TokKind* kind) {
    *kind = TokKind::kPunct;
    const size_t n = s_.size();
    // Possessive 's after a word: "Taliban's".
    if (IsApostropheCp(cp) && !a_->tokens.empty() && a_->tokens.back().end == i &&
        a_->tokens.back().kind == TokKind::kWord) {
      size_t k = i + static_cast<size_t>(len);
      if (k < n && (s_[k] == 's' || s_[k] == 'S') && !IsWordCls(cur_.ClassAt(k + 1))) {
        *kind = TokKind::kWord;
        return k + 1;
      }
    }
    size_t j = i + static_cast<size_t>(len);
    if (cp == '.' || cp == '-') {
      while (j < n && static_cast<uint32_t>(static_cast<unsigned char>(s_[j])) == cp) ++j;
    }
    return j;
  }

  // The common case, an all-ASCII token: case flags and the folded form in one pass, written
  // straight into Analysis::folded. Returns false (leaving folded as it was) at the first
  // byte that is not ASCII; Emit then takes the Unicode path. Same result as FoldAppend.
  bool EmitAscii(std::string_view surf, TokKind kind, bool abbrev, uint16_t* flags) {
    std::string& folded = a_->folded;
    if (fpos_ + surf.size() + 16 > folded.size())
      folded.resize(2 * folded.size() + surf.size() + 16);  // slack for HashBytesPadded
    char* out = folded.data() + fpos_;
    size_t w = 0;
    int letters = 0, upper = 0;
    uint8_t seen = 0, cap = 0;
    uint16_t f = *flags;
    const bool word = kind == TokKind::kWord;
    const uint8_t drop = static_cast<uint8_t>((word ? kFiApos : 0) | (word && abbrev ? kFiDot : 0) |
                                              (kind == TokKind::kNumber ? kFiComma : 0));
    for (char ch : surf) {
      unsigned char c = static_cast<unsigned char>(ch);
      uint8_t info = kFoldInfo[c];
      if (info & kFiHigh) return false;
      uint8_t letter = info & (kFiUpper | kFiLower);
      cap = (letter && letters == 0) ? static_cast<uint8_t>(info & kFiUpper) : cap;
      letters += letter != 0;
      upper += info & kFiUpper;
      seen |= info;
      out[w] = static_cast<char>(c | ((info & kFiUpper) << 5));  // 'A' | 0x20 == 'a'
      w += (info & drop) == 0;
    }
    fpos_ += w;
    if (cap) f |= kCap;
    if (seen & kFiDigit) f |= kHasDigit;
    if (letters >= 2 && upper == letters) f |= kAllCaps;
    if (abbrev) f |= kAbbrev;
    *flags = f;
    return true;
  }

  void Emit(size_t b, size_t e, TokKind kind, bool abbrev, uint16_t flags) {
    Token t;
    t.start = static_cast<uint32_t>(b);
    t.end = static_cast<uint32_t>(e);
    t.kind = kind;
    std::string_view surf = s_.substr(b, e - b);
    t.fold_start = static_cast<uint32_t>(fpos_);
    if (EmitAscii(surf, kind, abbrev, &flags)) {
      t.fold_len = static_cast<uint32_t>(fpos_) - t.fold_start;
      if (kind == TokKind::kPunct) flags |= PunctFlags({a_->folded.data() + t.fold_start, t.fold_len});
      t.flags = flags;
      t.hash = t.fold_len + 8 <= a_->folded.size() - t.fold_start
                   ? HashBytesPadded(a_->folded.data() + t.fold_start, t.fold_len)
                   : HashBytes(std::string_view(a_->folded.data() + t.fold_start, t.fold_len));
      Push(t);
      return;
    }
    bool ascii = true;
    int letters = 0, upper = 0;
    bool first_letter_seen = false;
    for (unsigned char ch : surf) {
      if (ch >= 0x80) { ascii = false; continue; }
      if (ch >= '0' && ch <= '9') flags |= kHasDigit;
      bool up = ch >= 'A' && ch <= 'Z', lo = ch >= 'a' && ch <= 'z';
      if (up || lo) {
        ++letters;
        if (up) ++upper;
        if (!first_letter_seen) {
          first_letter_seen = true;
          if (up) flags |= kCap;
        }
      }
    }
    if (!ascii) {
      flags |= kNonAscii;
      // Recompute case on code points.
      letters = upper = 0;
      first_letter_seen = false;
      for (size_t i = 0; i < surf.size();) {
        int len;
        uint32_t cp = DecodeUtf8(surf, i, &len);
        i += static_cast<size_t>(len);
        const uint8_t letter_case = LetterCase(cp);
        if (letter_case) {
          bool up = letter_case == 1;
          ++letters;
          if (up) ++upper;
          if (!first_letter_seen) {
            first_letter_seen = true;
            if (up) flags = static_cast<uint16_t>(flags | kCap);
          }
        }
      }
    }
    if (letters >= 2 && upper == letters) flags |= kAllCaps;
    if (abbrev) flags |= kAbbrev;
    t.flags = flags;
    scratch_.clear();
    FoldAppend(surf, kind, abbrev, &scratch_);
    std::string& folded = a_->folded;
    if (fpos_ + scratch_.size() + 16 > folded.size())
      folded.resize(2 * folded.size() + scratch_.size() + 16);  // slack for HashBytesPadded
    std::memcpy(folded.data() + fpos_, scratch_.data(), scratch_.size());
    fpos_ += scratch_.size();
    t.fold_len = static_cast<uint32_t>(scratch_.size());
    if (kind == TokKind::kPunct) t.flags |= PunctFlags(scratch_);
    t.hash = HashBytes(scratch_);
    Push(t);
  }

  // Appends t, and lists it in Cues() if SplitSentences or FindSpeech will visit it. Inlined at each call: t is built field by
  // field with 4-byte stores, and a Push that is called reads it back with 16-byte loads
  // (GCC merges the field copies) that cannot be forwarded from those stores, a stall per
  // token. Inlined, t's fields stay in registers.
  [[gnu::always_inline]] void Push(const Token& t) {
    if (t.flags & kBreakCue) breaks_->push_back(static_cast<uint32_t>(a_->tokens.size()));
    if (t.flags & (kQuote | kParaBefore)) marks_->push_back(static_cast<uint32_t>(a_->tokens.size()));
    Token& d = a_->tokens.emplace_back();
    d.start = t.start;
    d.end = t.end;
    d.fold_start = t.fold_start;
    d.fold_len = t.fold_len;
    d.hash = t.hash;
    d.flags = t.flags;
    d.kind = t.kind;
  }

  std::string_view s_;
  Cursor cur_;
  Analysis* a_;
  size_t fpos_ = 0;      // bytes of a_->folded written
  std::vector<uint32_t>* breaks_ = nullptr;  // Cues().breaks
  std::vector<uint32_t>* marks_ = nullptr;   // Cues().marks
  std::string scratch_;  // the folded form of a non-ASCII token
};

// ---------------------------------------------------------------------------------------
// Sentences

// A fixed set of folded words, looked up by the token's hash: one probe, then one compare.
// (The speech finder asks about every token of every sentence.)
class WordSet {
 public:
  template <size_t N>
  explicit WordSet(const std::string_view (&words)[N]) {
    size_t cap = 16;
    while (cap < 2 * N) cap <<= 1;
    slots_.resize(cap);
    mask_ = cap - 1;
    for (std::string_view w : words) {
      uint64_t h = HashBytes(w);
      size_t b = h & mask_;
      while (!slots_[b].word.empty()) b = (b + 1) & mask_;
      slots_[b] = {h, w};
    }
  }
  bool Contains(uint64_t hash, std::string_view f) const {
    for (size_t b = hash & mask_;; b = (b + 1) & mask_) {
      const Slot& s = slots_[b];
      if (s.word.empty()) return false;
      if (s.hash == hash && s.word == f) return true;
    }
  }

 private:
  struct Slot {
    uint64_t hash = 0;
    std::string_view word;
  };
  std::vector<Slot> slots_;
  size_t mask_ = 0;
};

bool IsTitleAbbrev(uint64_t hash, std::string_view f) {
  static constexpr std::string_view kList[] = {
      "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt",
      "adm", "cmdr", "cdr", "rep", "sen", "gov", "pres", "prof", "rev", "st", "mt", "ft",
      "no", "nos", "vs", "v", "brig", "lieut", "supt", "insp", "sr", "jr", "messrs", "hon",
      "fr", "sheikh", "approx", "dept", "est", "fig", "ref", "vol", "pp", "para", "art",
      "lt.col", "maj.gen", "rs", "al"};
  static const WordSet kSet(kList);
  return kSet.Contains(hash, f);
}

bool IsMonthAbbrev(uint64_t hash, std::string_view f) {
  static constexpr std::string_view kList[] = {"jan", "feb", "mar", "apr", "jun", "jul",
                                               "aug", "sep", "sept", "oct", "nov", "dec"};
  static const WordSet kSet(kList);
  return kSet.Contains(hash, f);
}

bool IsSentenceStarterWord(uint64_t hash, std::string_view f) {
  static constexpr std::string_view kList[] = {
      "the", "a", "an", "he", "she", "it", "they", "we", "i", "in", "on", "at", "but", "and",
      "this", "that", "there", "his", "her", "their", "its", "however", "meanwhile", "earlier",
      "later", "after", "before", "when", "while", "police", "officials", "authorities",
      "according", "some", "many", "more", "no", "one", "two", "three", "several", "both"};
  static const WordSet kSet(kList);
  return kSet.Contains(hash, f);
}

bool IsOpeningQuote(const Analysis& a, uint32_t i);

bool IsQuoteTok(const Analysis& a, uint32_t i) { return a.tokens[i].flags & kQuote; }
bool IsCloser(const Analysis& a, uint32_t i) {
  if (a.tokens[i].kind != TokKind::kPunct) return false;
  std::string_view f = a.Folded(i);
  if (f == ")" || f == "]" || f == "'") return true;
  if (f == "\"") return !IsOpeningQuote(a, i);
  return false;
}

// A quotation mark opens a quote when the text says so (curly “ «) or, for a straight ",
// when it follows a space or an opening bracket and precedes a word.
bool IsOpeningQuote(const Analysis& a, uint32_t i) {
  std::string_view s = a.Surface(i);
  if (s == "\xE2\x80\x9C" || s == "\xC2\xAB" || s == "\xE2\x80\x9E") return true;   // “ « „
  if (s == "\xE2\x80\x9D" || s == "\xC2\xBB") return false;                          // ” »
  const Token& t = a.tokens[i];
  bool before_space = i == 0 || (t.flags & kSpaceBefore) ||
                      (a.tokens[i - 1].kind == TokKind::kPunct &&
                       (a.Folded(i - 1) == "(" || a.Folded(i - 1) == "["));
  bool after_space = i + 1 >= a.tokens.size() || (a.tokens[i + 1].flags & kSpaceBefore);
  if (before_space && !after_space) return true;
  if (!before_space && after_space) return false;
  return before_space;  // ambiguous: treat as opening after a space
}

bool EndsSentence(const Analysis& a, uint32_t i, uint32_t* resume) {
  // Token i is a candidate terminal; returns true if a sentence ends after it (and any
  // closing quotes/brackets), storing the first token of the next sentence.
  const auto& toks = a.tokens;
  const uint32_t n = static_cast<uint32_t>(toks.size());
  uint32_t j = i + 1;
  while (j < n && IsCloser(a, j) && !(toks[j].flags & kSpaceBefore)) ++j;
  // A closing quote after a space right after the terminal still belongs to it: ...chaos. "
  *resume = j;
  if (j >= n) return true;
  const Token& next = toks[j];
  if (next.flags & kParaBefore) return true;
  std::string_view fi = a.Folded(i);
  if (fi == ".") {
    if (i > 0 && !(toks[i].flags & kSpaceBefore)) {
      const Token& prev = toks[i - 1];
      std::string_view pf = a.Folded(prev);
      if (prev.kind == TokKind::kWord) {
        if ((prev.flags & kCap) && IsTitleAbbrev(prev.hash, pf)) return false;
        if (next.kind == TokKind::kNumber && IsMonthAbbrev(prev.hash, pf)) return false;
        // An initial: "Abdul R. Dostom".
        if (prev.end - prev.start == 1 && (prev.flags & kCap) && (next.flags & kCap) &&
            !(next.flags & kNewlineBefore))
          return false;
      }
    }
  }
  // The next sentence starts with a capital, a digit, a quote or a bracket.
  if (next.kind == TokKind::kPunct) {
    std::string_view nf = a.Folded(next);
    return nf == "\"" || nf == "(" || nf == "[" || nf == "-" || nf == "'";
  }
  if (next.flags & (kCap | kHasDigit)) return true;
  if (next.flags & kNonAscii) {
    // Scripts without case: treat as a new sentence.
    return !(a.Surface(next).size() && (a.Surface(next)[0] & 0x80) == 0);
  }
  return false;
}

void SplitSentences(Analysis* a) {
  auto& toks = a->tokens;
  const uint32_t n = static_cast<uint32_t>(toks.size());
  a->sentences.clear();
  // The speech finder's words are listed as each sentence's tokens get their sentence
  // number, with no branch per token: every index is stored at the next free slot, and the
  // count moves on only when the word passes kReportFilter (a branch on the hash filter
  // would be mispredicted for a word in ten or so).
  SpeechCues& cues = Cues();
  if (cues.words.size() < n) cues.words.resize(n);  // grows only: keeps its room
  uint32_t* const words = cues.words.data();
  size_t n_words = 0;
  cues.n_words = 0;
  if (n == 0) return;
  uint32_t paragraph = 0;
  uint32_t begin = 0;
  auto emit = [&](uint32_t end) {
    Sentence s;
    s.begin = begin;
    s.end = end;
    s.start = toks[begin].start;
    s.stop = toks[end - 1].end;
    s.paragraph = paragraph;
    uint32_t idx = static_cast<uint32_t>(a->sentences.size());
    size_t nw = n_words;
    for (uint32_t k = begin; k < end; ++k) {
      Token& t = toks[k];
      t.sentence = idx;
      words[nw] = k;
      nw += (t.kind == TokKind::kWord) & kReportFilter.MayContain(t.hash);  // &: no branch
    }
    n_words = nw;
    toks[begin].flags |= kSentStart;
    a->sentences.push_back(s);
    begin = end;
  };
  auto close = [&](uint32_t end) {
    if (end <= begin) return;
    // A "sentence" longer than kMaxSentenceTokens is a list, a table or a feed without
    // punctuation; every later stage looks at whole sentences, so it is cut into pieces,
    // after a comma, semicolon or colon in the second half of each piece where there is one.
    while (end - begin > kMaxSentenceTokens) {
      uint32_t cut = begin + kMaxSentenceTokens;
      for (uint32_t k = cut; k > begin + kMaxSentenceTokens / 2; --k) {
        const Token& p = toks[k - 1];
        if (p.kind != TokKind::kPunct || p.fold_len != 1) continue;
        const char ch = a->folded[p.fold_start];
        if (ch == ',' || ch == ';' || ch == ':') {
          cut = k;
          break;
        }
      }
      emit(cut);
    }
    emit(end);
  };
  // Most tokens neither follow a line break nor can end a sentence: visit only those the
  // tokeniser listed (kBreakCue), from the first that no sentence end has passed.
  uint32_t skip = 0;
  for (const uint32_t i : cues.breaks) {
    if (i < skip) continue;
    const Token& t = toks[i];
    if (i > begin) {
      bool brk = false;
      if (t.flags & kParaBefore) {
        brk = true;
      } else if (t.flags & kNewlineBefore) {
        // A line break ends a sentence unless the next line continues it in lower case
        // or the line ended with a joining mark.
        std::string_view pf = a->Folded(toks[i - 1]);
        bool lower_start = t.kind == TokKind::kWord && !(t.flags & kCap) &&
                           !(t.flags & kNonAscii);
        bool joiner = pf == "," || pf == "-" || pf == "(" || pf == ":" || pf == "&";
        brk = !lower_start && !joiner;
      }
      if (brk) {
        close(i);
        if (t.flags & kParaBefore) ++paragraph;
      }
    }
    if (!(t.flags & (kTerminal | kAbbrev))) continue;
    std::string_view f = a->Folded(t);
    bool terminal = t.flags & kTerminal;
    uint32_t resume = i + 1;
    if (terminal && EndsSentence(*a, i, &resume)) {
      uint32_t next = resume;
      close(next);
      if (next < n && (toks[next].flags & kParaBefore)) ++paragraph;
      skip = next;
      continue;
    }
    if ((t.flags & kAbbrev) && i + 1 < n && f.size() <= 3 && a->Surface(t).back() == '.') {
      const Token& nx = toks[i + 1];
      if ((nx.flags & kCap) && IsSentenceStarterWord(nx.hash, a->Folded(nx)) &&
          !(nx.flags & kNewlineBefore)) {
        close(i + 1);
      }
    }
  }
  close(n);
  cues.n_words = n_words;
}

// ---------------------------------------------------------------------------------------
// Speech

bool IsSpeechVerb(uint64_t hash, std::string_view f) {
  if (!kSpeechVerbFilter.MayContain(hash)) return false;
  static const WordSet kSet(kSpeechVerbs);
  return kSet.Contains(hash, f);
}

// A speech verb in running text. A capitalised one inside a sentence is a name, not a verb:
// "the United States, for ...", "Reports Without Borders".
inline bool IsSpeechVerbAt(const Analysis& a, uint32_t i) {
  const Token& t = a.tokens[i];
  if (t.kind != TokKind::kWord) return false;
  if ((t.flags & kCap) && !(t.flags & kSentStart) && !(t.flags & kAllCaps)) return false;
  return IsSpeechVerb(t.hash, a.Folded(i));
}

bool IsPronounSpeaker(std::string_view f) {
  return f == "he" || f == "she" || f == "they" || f == "it" || f == "we" || f == "i" ||
         f == "you";
}

// Words between a speaker and the speech verb ("the army had earlier said").
bool IsAuxiliary(const Analysis& a, uint32_t i) {
  static constexpr std::string_view kList[] = {
      "has", "have", "had", "was", "were", "is", "are", "also", "later", "earlier",
      "previously", "reportedly", "will", "would", "could", "then", "further", "on"};
  static const WordSet kSet(kList);
  return kSet.Contains(a.tokens[i].hash, a.Folded(i));
}

bool IsClauseBreak(const Analysis& a, uint32_t i) {
  const Token& t = a.tokens[i];
  if (t.kind != TokKind::kPunct) return false;
  const char* f = a.folded.data() + t.fold_start;
  if (t.fold_len == 2) return f[0] == '-' && f[1] == '-';
  if (t.fold_len != 1) return false;
  switch (f[0]) {
    case ',': case '.': case ';': case ':': case '"': case '(': case ')': case '!': case '?':
    case '-':
      return true;
    default:
      return false;
  }
}

// The noun phrase that starts at token b and runs until a clause break (at most `max`).
uint32_t NpForward(const Analysis& a, uint32_t b, uint32_t limit, uint32_t max) {
  uint32_t e = b;
  while (e < limit && e - b < max && !IsClauseBreak(a, e)) {
    std::string_view f = a.Folded(e);
    if (e > b && (f == "that" || f == "who" || f == "which")) break;
    if (e > b && IsSpeechVerbAt(a, e)) break;
    ++e;
  }
  return e;
}

void FindSpeech(Analysis* a) {
  a->speech.clear();
  a->speech_reach.clear();
  const auto& toks = a->tokens;
  const uint32_t n = static_cast<uint32_t>(toks.size());
  // 1. Quotes.
  int32_t open = -1;
  uint32_t open_para_sent = 0;
  thread_local std::vector<std::pair<uint32_t, uint32_t>> quotes;  // [open, close] tokens
  quotes.clear();
  // Only quotation marks and paragraph starts matter here: the tokeniser listed them.
  const SpeechCues& tok_cues = Cues();
  for (const uint32_t i : tok_cues.marks) {
    if (open >= 0 && (toks[i].flags & kParaBefore)) {
      quotes.push_back({static_cast<uint32_t>(open), i});  // unclosed at paragraph end
      open = -1;
    }
    if (!IsQuoteTok(*a, i)) continue;
    if (open < 0) {
      if (IsOpeningQuote(*a, i)) {
        open = static_cast<int32_t>(i);
        open_para_sent = toks[i].sentence;
      }
    } else {
      quotes.push_back({static_cast<uint32_t>(open), i});
      open = -1;
    }
  }
  if (open >= 0) quotes.push_back({static_cast<uint32_t>(open), n});
  (void)open_para_sent;

  for (auto [qo, qc] : quotes) {
    Speech sp;
    sp.quoted = true;
    sp.content_begin = qo + 1;
    sp.content_end = qc;
    for (uint32_t k = qo + 1; k < qc && k < n; ++k) a->tokens[k].flags |= kInQuote;
    // After the quote: [,] said X | [,] X said
    uint32_t j = qc + 1;
    if (j < n && a->Folded(j) == ",") ++j;
    bool found = false;
    if (qc < n && j < n) {
      uint32_t lim = std::min<uint32_t>(n, j + 12);
      if (IsSpeechVerbAt(*a, j)) {
        sp.verb = static_cast<int32_t>(j);
        sp.speaker_begin = j + 1;
        sp.speaker_end = NpForward(*a, j + 1, n, 10);
        found = true;
      } else {
        for (uint32_t k = j; k < lim; ++k) {
          if (IsClauseBreak(*a, k)) break;
          if (IsSpeechVerbAt(*a, k)) {
            sp.verb = static_cast<int32_t>(k);
            sp.speaker_begin = j;
            uint32_t e = k;
            while (e > j && IsAuxiliary(*a, e - 1)) --e;
            sp.speaker_end = e;
            found = true;
            break;
          }
        }
      }
    }
    // Before the quote: X said: "..." / X told AFP on Saturday: "..."
    if (!found && qo > 0) {
      uint32_t sent_begin = a->sentences[toks[qo].sentence].begin;
      // Look back in the sentence of the opening quote for a speech verb.
      for (uint32_t k = qo; k-- > sent_begin;) {
        if (IsSpeechVerbAt(*a, k)) {
          // Find the first speech verb of this clause chain.
          uint32_t v = k;
          for (uint32_t m = sent_begin; m < k; ++m) {
            if (IsSpeechVerbAt(*a, m)) {
              v = m;
              break;
            }
          }
          sp.verb = static_cast<int32_t>(v);
          // Inverted ("admitted Commander X") when a capitalised name follows the verb.
          if (v + 1 < qo && (toks[v + 1].flags & kCap) && toks[v + 1].kind == TokKind::kWord) {
            sp.speaker_begin = v + 1;
            sp.speaker_end = NpForward(*a, v + 1, qo, 10);
          } else {
            uint32_t b = v;
            while (b > sent_begin && !IsClauseBreak(*a, b - 1) && v - b < 10) --b;
            uint32_t e = v;
            while (e > b && IsAuxiliary(*a, e - 1)) --e;
            sp.speaker_begin = b;
            sp.speaker_end = e;
          }
          found = true;
          break;
        }
      }
    }
    if (found && sp.speaker_end > sp.speaker_begin) {
      sp.pronoun = sp.speaker_end - sp.speaker_begin == 1 &&
                   IsPronounSpeaker(a->Folded(sp.speaker_begin));
    } else if (!found) {
      sp.speaker_begin = sp.speaker_end = 0;
    }
    a->speech.push_back(sp);
  }

  // The verbs of the quotes' attributions, sorted, for the reported-speech scan to skip.
  thread_local std::vector<int32_t> quote_verbs;
  quote_verbs.clear();
  for (const Speech& q : a->speech)
    if (q.verb >= 0) quote_verbs.push_back(q.verb);
  std::sort(quote_verbs.begin(), quote_verbs.end());

  // 2. Reported speech outside quotes, one per sentence at most.
  // Only words that may be speech verbs (or "according") matter: SplitSentences listed them.
  const uint32_t* cues = tok_cues.words.data();
  const size_t n_cues = tok_cues.n_words;
  size_t first_cue = 0;
  for (const Sentence& s : a->sentences) {
    while (first_cue < n_cues && cues[first_cue] < s.begin) ++first_cue;
    for (size_t c = first_cue; c < n_cues && cues[c] < s.end; ++c) {
      const uint32_t k = cues[c];
      if (toks[k].flags & kInQuote) continue;
      std::string_view f = a->Folded(k);
      if (f == "according" && k + 1 < s.end && a->Folded(k + 1) == "to") {
        Speech sp;
        sp.verb = static_cast<int32_t>(k);
        sp.speaker_begin = k + 2;
        sp.speaker_end = NpForward(*a, k + 2, s.end, 10);
        // The content is the rest of the sentence outside the phrase.
        if (k > s.begin + 1) {
          sp.content_begin = s.begin;
          sp.content_end = k;
        } else {
          sp.content_begin = sp.speaker_end;
          if (sp.content_begin < s.end && a->Folded(sp.content_begin) == ",") ++sp.content_begin;
          sp.content_end = s.end;
        }
        a->speech.push_back(sp);
        break;
      }
      if (!IsSpeechVerbAt(*a, k)) continue;
      // Skip speech verbs that belong to a quote attribution already found.
      if (std::binary_search(quote_verbs.begin(), quote_verbs.end(), static_cast<int32_t>(k)))
        break;
      Speech sp;
      sp.verb = static_cast<int32_t>(k);
      // "..., X said." or "..., said X." at the end: content is what precedes the comma.
      uint32_t comma = k;
      while (comma > s.begin && a->Folded(comma - 1) != "," && k - comma < 10) --comma;
      bool tail = comma > s.begin + 2 && a->Folded(comma - 1) == ",";
      if (tail) {
        uint32_t after = NpForward(*a, k + 1, s.end, 10);
        bool ends = after >= s.end || IsClauseBreak(*a, after);
        if (comma == k) {
          sp.speaker_begin = k + 1;
          sp.speaker_end = after;
        } else {
          sp.speaker_begin = comma;
          uint32_t e = k;
          while (e > comma && IsAuxiliary(*a, e - 1)) --e;
          sp.speaker_end = e;
        }
        if (ends) {
          sp.content_begin = s.begin;
          sp.content_end = comma - 1;
        } else {
          tail = false;
        }
      }
      if (!tail) {
        // "X said (that) ...": the subject from the clause start to the verb.
        uint32_t b = k;
        while (b > s.begin && !IsClauseBreak(*a, b - 1) && k - b < 12) --b;
        uint32_t e = k;
        while (e > b && IsAuxiliary(*a, e - 1)) --e;
        sp.speaker_begin = b;
        sp.speaker_end = e;
        uint32_t cb = k + 1;
        if (f == "told" || f == "tells") {
          // told AFP / told reporters: skip the hearer
          uint32_t m = cb;
          while (m < s.end && m - cb < 4 && !IsClauseBreak(*a, m) && a->Folded(m) != "that")
            ++m;
          cb = m;
        }
        if (cb < s.end && (a->Folded(cb) == "that" || a->Folded(cb) == ",")) ++cb;
        sp.content_begin = cb;
        sp.content_end = s.end;
        bool any_word = false;
        for (uint32_t m = cb; m < s.end && !any_word; ++m)
          any_word = toks[m].kind != TokKind::kPunct;
        if (!any_word) break;
      }
      if (sp.speaker_end > sp.speaker_begin)
        sp.pronoun = sp.speaker_end - sp.speaker_begin == 1 &&
                     IsPronounSpeaker(a->Folded(sp.speaker_begin));
      a->speech.push_back(sp);
      break;
    }
  }
  // Stable sort by content start. The list is two sorted runs (quotes, then reported
  // speech), usually of a dozen entries: insertion sort, with no temporary buffer as
  // stable_sort's. Insertion sort is quadratic, so a long document (thousands of entries)
  // takes stable_sort.
  if (a->speech.size() > 64) {
    std::stable_sort(a->speech.begin(), a->speech.end(), [](const Speech& x, const Speech& y) {
      return x.content_begin < y.content_begin;
    });
  } else {
    for (size_t i = 1; i < a->speech.size(); ++i) {
      Speech x = a->speech[i];
      size_t j = i;
      for (; j > 0 && x.content_begin < a->speech[j - 1].content_begin; --j)
        a->speech[j] = a->speech[j - 1];
      a->speech[j] = x;
    }
  }
  // Pronoun speakers inherit from the nearest earlier named speaker (one forward pass).
  int32_t last_named = -1;
  for (size_t i = 0; i < a->speech.size(); ++i) {
    Speech& sp = a->speech[i];
    if (sp.pronoun) {
      if (last_named >= 0) sp.antecedent = last_named;
    } else if (sp.speaker_end > sp.speaker_begin) {
      last_named = static_cast<int32_t>(i);
    }
  }
  a->speech_reach.resize(a->speech.size());
  uint32_t reach = 0;
  for (size_t k = 0; k < a->speech.size(); ++k) {
    reach = std::max(reach, a->speech[k].content_end);
    a->speech_reach[k] = reach;
  }
}

}  // namespace

int Analysis::SpeechOf(uint32_t i) const {
  int best = -1;
  uint32_t best_len = ~0u;
  if (speech_reach.size() != speech.size()) {  // speech not made by Analyze: scan it all
    for (size_t k = 0; k < speech.size(); ++k) {
      const Speech& sp = speech[k];
      if (i >= sp.content_begin && i < sp.content_end) {
        uint32_t len = sp.content_end - sp.content_begin;
        if (len < best_len) {
          best_len = len;
          best = static_cast<int>(k);
        }
      }
    }
    return best;
  }
  // Entries starting after i cannot hold it; below that, stop where nothing reaches i.
  size_t k = static_cast<size_t>(
      std::upper_bound(speech.begin(), speech.end(), i,
                       [](uint32_t t, const Speech& sp) { return t < sp.content_begin; }) -
      speech.begin());
  while (k-- > 0 && speech_reach[k] > i) {
    const Speech& sp = speech[k];
    if (i < sp.content_end) {
      uint32_t len = sp.content_end - sp.content_begin;
      if (len <= best_len) {  // <=: the first of equally short ones, as a forward scan
        best_len = len;
        best = static_cast<int>(k);
      }
    }
  }
  return best;
}

std::pair<uint32_t, uint32_t> Analysis::SpeakerOf(int s) const {
  if (s < 0 || static_cast<size_t>(s) >= speech.size()) return {0, 0};
  const Speech* sp = &speech[static_cast<size_t>(s)];
  if (sp->pronoun && sp->antecedent >= 0) sp = &speech[static_cast<size_t>(sp->antecedent)];
  return {sp->speaker_begin, sp->speaker_end};
}

bool TitleCased(const Analysis& a, uint32_t sentence) {
  uint32_t words = 0, caps = 0;
  for (uint32_t k = a.sentences[sentence].begin; k < a.sentences[sentence].end; ++k) {
    if (a.tokens[k].kind != TokKind::kWord || a.Folded(k).size() < 4) continue;
    ++words;
    if (a.tokens[k].flags & kCap) ++caps;
  }
  return words > 0 && caps * 4 >= words * 3;
}

void Tokenize(std::string_view text, Analysis* out) {
  out->text = text;
  out->folded.clear();
  out->tokens.clear();
  out->sentences.clear();
  out->speech.clear();
  out->speech_reach.clear();
  // Room for the tokens of ordinary prose (one per 4 bytes; English averages one per 5 to 6
  // with its spaces) before the first: a long document then fills one buffer instead of a
  // chain of doubling copies, each written once more and first touched page by page.
  // Unused room is never touched, so it costs address space, not memory.
  out->tokens.reserve(text.size() / 4 + 16);
  Tokenizer(text, out).Run();
}

void Analyze(std::string_view text, Analysis* out) {
  Tokenize(text, out);
  SplitSentences(out);
  FindSpeech(out);
}

std::string FoldPhrase(std::string_view text) {
  Analysis a;
  Tokenize(text, &a);
  std::string out;
  for (const Token& t : a.tokens) {
    if (!out.empty()) out.push_back(' ');
    out.append(a.Folded(t));
  }
  return out;
}

Normalized Normalize(std::string_view text) {
  Normalized r;
  Normalize(text, &r);
  return r;
}

void Normalize(std::string_view text, Normalized* out) {
  Normalized& r = *out;
  r.text.clear();
  r.orig_offsets.clear();
  r.text.reserve(text.size());
  r.orig_offsets.reserve(text.size() + 1);
  // Process one grapheme-ish run at a time: a base code point and its combining marks are
  // composed together (NFC), quotes and dashes are lumped to ASCII.
  auto is_mark_at = [&](size_t k) {
    if (k >= text.size() || static_cast<unsigned char>(text[k]) < 0x80) return false;
    int l;
    auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(DecodeUtf8(text, k, &l)));
    return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC ||
           cat == UTF8PROC_CATEGORY_ME;
  };
  const size_t size = text.size();
  size_t i = 0;
  while (i < size) {
    // ASCII stays as it is unless a combining mark follows ("e" U+0301 composes to "é"):
    // copy the run up to the next non-ASCII byte in one go, eight bytes at a time.
    size_t p = i;
    while (p + 8 <= size) {
      uint64_t w;
      std::memcpy(&w, text.data() + p, 8);
      if (w & 0x8080808080808080ull) break;
      p += 8;
    }
    while (p < size && static_cast<unsigned char>(text[p]) < 0x80) ++p;
    size_t run_end = (p < size && p > i && is_mark_at(p)) ? p - 1 : p;
    if (run_end > i) {
      r.text.append(text.data() + i, run_end - i);
      size_t base = r.orig_offsets.size();
      r.orig_offsets.resize(base + (run_end - i));
      uint32_t* o = r.orig_offsets.data() + base;
      const uint32_t first = static_cast<uint32_t>(i), count = static_cast<uint32_t>(run_end - i);
      FillOffsets(o, first, count);
      i = run_end;
      if (i >= size) break;
    }
    size_t j = i;
    int len;
    const uint32_t cp = DecodeUtf8(text, j, &len);
    j += static_cast<size_t>(len);
    // A code point with no mark after it: its form alone, from the table (or a quote).
    const CpFacts* f = Cps().Find(cp);
    const bool known = f && f->nfc.len != kNoPiece;
    const char* quote = known ? nullptr : QuoteFold(cp);
    const size_t before = r.text.size();
    if ((known || quote) && !is_mark_at(j)) {
      if (known) {
        r.text.append(f->nfc.view());
      } else {
        r.text.append(quote);
      }
    } else {
      while (j < text.size()) {
        uint32_t mark = DecodeUtf8(text, j, &len);
        auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(mark));
        if (cat != UTF8PROC_CATEGORY_MN && cat != UTF8PROC_CATEGORY_MC &&
            cat != UTF8PROC_CATEGORY_ME)
          break;
        j += static_cast<size_t>(len);
      }
      NfcCluster(text.substr(i, j - i), &r.text);
    }
    r.orig_offsets.resize(r.orig_offsets.size() + (r.text.size() - before),
                          static_cast<uint32_t>(i));
    i = j;
  }
  r.orig_offsets.push_back(static_cast<uint32_t>(text.size()));
}

}  // namespace sitrep::text
