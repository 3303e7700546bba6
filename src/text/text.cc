// Tokeniser, sentence splitter and speech finder. One left-to-right pass builds the tokens
// (folding each into Analysis::folded); a second pass over tokens finds sentence
// boundaries; a third pairs quotation marks and finds speakers.
#include "text/text.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>

#include "util/hash.h"
#include "util/utf8.h"

namespace sitrep::text {
namespace {

enum Cls : uint8_t { kSp, kNl, kLetter, kDigit, kMark, kApos, kHyph, kPunct, kIgnore };

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

Cls ClassifyCp(uint32_t cp) {
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

// Appends the folded form of surface text s to *out. Apostrophes inside words and the dots
// of dotted abbreviations are dropped; commas inside numbers are dropped.
void FoldAppend(std::string_view s, TokKind kind, bool abbrev, std::string* out) {
  constexpr int kOpts = UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                        UTF8PROC_STRIPMARK | UTF8PROC_LUMP;
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
    if (kind == TokKind::kWord && IsApostropheCp(cp)) continue;
    if (IsInWordJoiner(cp)) continue;
    if (const char* sp = SpecialFold(cp)) {
      out->append(sp);
      continue;
    }
    utf8proc_int32_t buf[8];
    int last = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), buf, 8,
                                                 static_cast<utf8proc_option_t>(kOpts), &last);
    if (n < 0 || n > 8) {
      AppendUtf8(cp, out);
      continue;
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

class Tokenizer {
 public:
  Tokenizer(std::string_view text, Analysis* a) : s_(text), cur_{text}, a_(a) {}

  void Run() {
    const size_t n = s_.size();
    size_t i = 0;
    uint16_t pending = 0;
    int newlines = 0;
    while (i < n) {
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
  }

 private:
  // Scans a word or number starting at i; returns its end.
  size_t ScanWord(size_t i, TokKind* kind, bool* abbrev) {
    const size_t n = s_.size();
    // Dotted abbreviation: L.L. (U.S., U.N., a.m.)
    if (IsAsciiLetterAt(s_, i) && i + 3 < n + 1 && i + 1 < n && s_[i + 1] == '.' &&
        IsAsciiLetterAt(s_, i + 2) && i + 3 < n && s_[i + 3] == '.' &&
        (i == 0 || !IsWordCls(cur_.ClassAt(i - 1)))) {
      size_t j = i;
      while (IsAsciiLetterAt(s_, j) && j + 1 < n && s_[j + 1] == '.') j += 2;
      if (!IsWordCls(cur_.ClassAt(j))) {
        *kind = TokKind::kWord;
        *abbrev = true;
        return j;
      }
    }
    // ISO date 2021-08-08 as one number token.
    if (i + 10 <= n && IsDigitAt(s_, i) && IsDigitAt(s_, i + 1) && IsDigitAt(s_, i + 2) &&
        IsDigitAt(s_, i + 3) && s_[i + 4] == '-' && IsDigitAt(s_, i + 5) &&
        IsDigitAt(s_, i + 6) && s_[i + 7] == '-' && IsDigitAt(s_, i + 8) &&
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

  void Emit(size_t b, size_t e, TokKind kind, bool abbrev, uint16_t flags) {
    Token t;
    t.start = static_cast<uint32_t>(b);
    t.end = static_cast<uint32_t>(e);
    t.kind = kind;
    std::string_view surf = s_.substr(b, e - b);
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
        auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
        if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT ||
            cat == UTF8PROC_CATEGORY_LL || cat == UTF8PROC_CATEGORY_LO) {
          bool up = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
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
    t.fold_start = static_cast<uint32_t>(a_->folded.size());
    FoldAppend(surf, kind, abbrev, &a_->folded);
    t.fold_len = static_cast<uint32_t>(a_->folded.size()) - t.fold_start;
    t.hash = HashBytes(std::string_view(a_->folded).substr(t.fold_start, t.fold_len));
    a_->tokens.push_back(t);
  }

  std::string_view s_;
  Cursor cur_;
  Analysis* a_;
};

// ---------------------------------------------------------------------------------------
// Sentences

bool IsTitleAbbrev(std::string_view f) {
  static constexpr std::string_view kList[] = {
      "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt",
      "adm", "cmdr", "cdr", "rep", "sen", "gov", "pres", "prof", "rev", "st", "mt", "ft",
      "no", "nos", "vs", "v", "brig", "lieut", "supt", "insp", "sr", "jr", "messrs", "hon",
      "fr", "sheikh", "approx", "dept", "est", "fig", "ref", "vol", "pp", "para", "art",
      "lt.col", "maj.gen", "rs", "al"};
  for (auto k : kList)
    if (f == k) return true;
  return false;
}

bool IsMonthAbbrev(std::string_view f) {
  static constexpr std::string_view kList[] = {"jan", "feb", "mar", "apr", "jun", "jul",
                                               "aug", "sep", "sept", "oct", "nov", "dec"};
  for (auto k : kList)
    if (f == k) return true;
  return false;
}

bool IsSentenceStarterWord(std::string_view f) {
  static constexpr std::string_view kList[] = {
      "the", "a", "an", "he", "she", "it", "they", "we", "i", "in", "on", "at", "but", "and",
      "this", "that", "there", "his", "her", "their", "its", "however", "meanwhile", "earlier",
      "later", "after", "before", "when", "while", "police", "officials", "authorities",
      "according", "some", "many", "more", "no", "one", "two", "three", "several", "both"};
  for (auto k : kList)
    if (f == k) return true;
  return false;
}

bool IsOpeningQuote(const Analysis& a, uint32_t i);
bool IsQuoteTok(const Analysis& a, uint32_t i) {
  const Token& t = a.tokens[i];
  return t.kind == TokKind::kPunct && a.Folded(t) == "\"";
}
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
        if (IsTitleAbbrev(pf) && (prev.flags & kCap)) return false;
        if (IsMonthAbbrev(pf) && next.kind == TokKind::kNumber) return false;
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
  if (n == 0) return;
  uint32_t paragraph = 0;
  uint32_t begin = 0;
  auto close = [&](uint32_t end) {
    if (end <= begin) return;
    Sentence s;
    s.begin = begin;
    s.end = end;
    s.start = toks[begin].start;
    s.stop = toks[end - 1].end;
    s.paragraph = paragraph;
    uint32_t idx = static_cast<uint32_t>(a->sentences.size());
    for (uint32_t k = begin; k < end; ++k) toks[k].sentence = idx;
    toks[begin].flags |= kSentStart;
    a->sentences.push_back(s);
    begin = end;
  };
  for (uint32_t i = 0; i < n; ++i) {
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
    std::string_view f = a->Folded(t);
    bool terminal = t.kind == TokKind::kPunct && (f == "." || f == "!" || f == "?" ||
                                                  f == "..." || f == "\xE2\x80\xA6");
    uint32_t resume = i + 1;
    if (terminal && EndsSentence(*a, i, &resume)) {
      uint32_t next = resume;
      close(next);
      if (next < n && (toks[next].flags & kParaBefore)) ++paragraph;
      i = next - 1;
      continue;
    }
    if ((t.flags & kAbbrev) && i + 1 < n && f.size() <= 3 && a->Surface(t).back() == '.') {
      const Token& nx = toks[i + 1];
      if ((nx.flags & kCap) && IsSentenceStarterWord(a->Folded(nx)) &&
          !(nx.flags & kNewlineBefore)) {
        close(i + 1);
      }
    }
  }
  close(n);
}

// ---------------------------------------------------------------------------------------
// Speech

bool IsSpeechVerb(std::string_view f) {
  static constexpr std::string_view kList[] = {
      "said", "says", "say", "added", "adds", "told", "tells", "stated", "states", "explained",
      "claimed", "claims", "declared", "announced", "announces", "reported", "reports",
      "tweeted", "wrote", "writes", "noted", "insisted", "warned", "confirmed", "confirms",
      "denied", "admitted", "acknowledged", "alleged", "alleges", "asserted", "recalled",
      "testified", "continued", "quoted", "posted", "argued", "maintained", "indicated",
      "disclosed", "revealed", "estimated", "suggested", "asked", "asks", "replied",
      "responded", "shouted", "stressed", "emphasised", "emphasized", "urged", "vowed"};
  for (auto k : kList)
    if (f == k) return true;
  return false;
}

// A speech verb in running text. A capitalised one inside a sentence is a name, not a verb:
// "the United States, for ...", "Reports Without Borders".
bool IsSpeechVerbAt(const Analysis& a, uint32_t i) {
  const Token& t = a.tokens[i];
  if (t.kind != TokKind::kWord) return false;
  if ((t.flags & kCap) && !(t.flags & kSentStart) && !(t.flags & kAllCaps)) return false;
  return IsSpeechVerb(a.Folded(i));
}

bool IsPronounSpeaker(std::string_view f) {
  return f == "he" || f == "she" || f == "they" || f == "it" || f == "we" || f == "i" ||
         f == "you";
}

bool IsAuxiliary(std::string_view f) {
  return f == "has" || f == "have" || f == "had" || f == "was" || f == "were" || f == "is" ||
         f == "are" || f == "also" || f == "later" || f == "earlier" || f == "previously" ||
         f == "reportedly" || f == "had" || f == "will" || f == "would" || f == "could" ||
         f == "then" || f == "further" || f == "on";
}

bool IsClauseBreak(const Analysis& a, uint32_t i) {
  if (a.tokens[i].kind != TokKind::kPunct) return false;
  std::string_view f = a.Folded(i);
  return f == "," || f == "." || f == ";" || f == ":" || f == "\"" || f == "(" || f == ")" ||
         f == "!" || f == "?" || f == "-" || f == "--";
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
  const auto& toks = a->tokens;
  const uint32_t n = static_cast<uint32_t>(toks.size());
  // 1. Quotes.
  int32_t open = -1;
  uint32_t open_para_sent = 0;
  std::vector<std::pair<uint32_t, uint32_t>> quotes;  // [open, close] quote token indices
  for (uint32_t i = 0; i < n; ++i) {
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
            while (e > j && IsAuxiliary(a->Folded(e - 1))) --e;
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
            while (e > b && IsAuxiliary(a->Folded(e - 1))) --e;
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

  // 2. Reported speech outside quotes, one per sentence at most.
  for (const Sentence& s : a->sentences) {
    for (uint32_t k = s.begin; k < s.end; ++k) {
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
      bool taken = false;
      for (const Speech& q : a->speech)
        if (q.verb == static_cast<int32_t>(k)) taken = true;
      if (taken) break;
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
          while (e > comma && IsAuxiliary(a->Folded(e - 1))) --e;
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
        while (e > b && IsAuxiliary(a->Folded(e - 1))) --e;
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
  std::stable_sort(a->speech.begin(), a->speech.end(), [](const Speech& x, const Speech& y) {
    return x.content_begin < y.content_begin;
  });
  // Pronoun speakers inherit from the nearest earlier named speaker.
  for (size_t i = 0; i < a->speech.size(); ++i) {
    Speech& sp = a->speech[i];
    if (!sp.pronoun) continue;
    for (size_t k = i; k-- > 0;) {
      const Speech& prev = a->speech[k];
      if (!prev.pronoun && prev.speaker_end > prev.speaker_begin) {
        sp.antecedent = static_cast<int32_t>(k);
        break;
      }
    }
  }
}

}  // namespace

int Analysis::SpeechOf(uint32_t i) const {
  int best = -1;
  uint32_t best_len = ~0u;
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

std::pair<uint32_t, uint32_t> Analysis::SpeakerOf(int s) const {
  if (s < 0 || static_cast<size_t>(s) >= speech.size()) return {0, 0};
  const Speech* sp = &speech[static_cast<size_t>(s)];
  if (sp->pronoun && sp->antecedent >= 0) sp = &speech[static_cast<size_t>(sp->antecedent)];
  return {sp->speaker_begin, sp->speaker_end};
}

void Tokenize(std::string_view text, Analysis* out) {
  out->text = text;
  out->folded.clear();
  out->tokens.clear();
  out->sentences.clear();
  out->speech.clear();
  out->folded.reserve(text.size());
  out->tokens.reserve(text.size() / 5 + 8);
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
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    // ASCII stays as it is unless a combining mark follows ("e" U+0301 composes to "é").
    if (c < 0x80 && !is_mark_at(i + 1)) {
      r.text.push_back(static_cast<char>(c));
      r.orig_offsets.push_back(static_cast<uint32_t>(i));
      ++i;
      continue;
    }
    size_t j = i;
    int len;
    const char* quote = QuoteFold(DecodeUtf8(text, j, &len));
    j += static_cast<size_t>(len);
    if (quote && !is_mark_at(j)) {
      r.text.append(quote);
      r.orig_offsets.push_back(static_cast<uint32_t>(i));
      i = j;
      continue;
    }
    while (j < text.size()) {
      uint32_t cp = DecodeUtf8(text, j, &len);
      auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
      if (cat != UTF8PROC_CATEGORY_MN && cat != UTF8PROC_CATEGORY_MC &&
          cat != UTF8PROC_CATEGORY_ME)
        break;
      j += static_cast<size_t>(len);
    }
    utf8proc_uint8_t* res = nullptr;
    utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                      static_cast<utf8proc_ssize_t>(j - i), &res,
                                      static_cast<utf8proc_option_t>(UTF8PROC_STABLE |
                                                                     UTF8PROC_COMPOSE |
                                                                     UTF8PROC_LUMP));
    if (n >= 0 && res) {
      for (utf8proc_ssize_t k = 0; k < n; ++k) {
        r.text.push_back(static_cast<char>(res[k]));
        r.orig_offsets.push_back(static_cast<uint32_t>(i));
      }
    } else {
      for (size_t k = i; k < j; ++k) {
        r.text.push_back(text[k]);
        r.orig_offsets.push_back(static_cast<uint32_t>(i));
      }
    }
    free(res);
    i = j;
  }
  r.orig_offsets.push_back(static_cast<uint32_t>(text.size()));
  return r;
}

}  // namespace sitrep::text
