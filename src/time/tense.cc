// Clause tense from verb cues. Each token near the time expression is asked what tense it
// signals (Cue); the nearest one that signals anything wins, the left one on a tie. Passive and
// perfect participles ("will be completed", "has seized") defer to their auxiliary.
#include "time/tense.h"

#include <string_view>

namespace sitrep::time {
namespace {

using text::Analysis;

bool In(std::string_view f, std::initializer_list<std::string_view> list) {
  for (auto s : list)
    if (f == s) return true;
  return false;
}

// Simple past forms of irregular verbs common in news that are never participles.
bool IsIrregularPast(std::string_view f) {
  return In(f, {"took", "fell", "began", "met", "came", "went", "saw", "spoke", "wrote", "ran",
                "rose", "became", "broke", "chose", "drove", "flew", "knew", "swore", "threw",
                "withdrew", "overran", "overthrew", "shook", "woke", "arose", "slew", "bore",
                "tore", "wore", "underwent", "undertook", "oversaw", "froze", "sank", "sprang",
                "drew", "grew", "blew", "ate", "rode", "did", "didnt", "was", "were", "wasnt",
                "werent", "had", "hadnt", "gave", "forbade", "stole", "hid"});
}

// Irregular forms that are both simple past and participle ("held": "they held talks",
// "talks will be held").
bool IsIrregularPastOrParticiple(std::string_view f) {
  return In(f, {"said", "told", "won", "lost", "held", "left", "made", "sent", "struck",
                "fought", "led", "brought", "bought", "sold", "got", "stood", "thought",
                "sought", "caught", "felt", "kept", "paid", "spent", "built", "fled", "found",
                "heard", "meant", "dealt", "shot", "hit", "laid", "seized", "killed"});
}

bool IsFutureModal(std::string_view f) {
  return In(f, {"will", "shall", "wont", "would", "wouldnt", "should", "must", "may", "might",
                "could", "gonna", "shant"});
}

// Words that, followed by "to", announce something still to happen: "set to", "due to".
bool IsFutureLead(std::string_view f) {
  return In(f, {"set", "due", "expected", "scheduled", "slated", "poised", "planned", "plans",
                "plan", "planning", "intends", "intend", "aims", "aim", "going", "hopes",
                "ready", "likely", "about"});
}

bool IsBe(std::string_view f) { return In(f, {"be", "been", "being", "is", "are", "am"}); }

bool IsDeterminer(std::string_view f) {
  return In(f, {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its",
                "their", "our", "my", "your", "of", "and", "or", "s"});
}

// Adverbs skipped between an auxiliary and its verb ("had already seized").
bool IsAdverb(std::string_view f) {
  return In(f, {"also", "already", "fully", "not", "reportedly", "later", "then", "just",
                "recently", "since", "previously", "again", "finally", "initially", "still",
                "never", "allegedly", "apparently", "successfully", "partially", "largely",
                "quickly", "first", "once", "effectively", "officially", "jointly"});
}

bool IsWordTok(const Analysis& a, uint32_t i) {
  return a.tokens[i].kind == text::TokKind::kWord;
}

// A regular past or participle form: "seized", "strengthened".
bool LooksEd(const Analysis& a, uint32_t i) {
  std::string_view f = a.Folded(i);
  if (f.size() < 5 || f[f.size() - 2] != 'e' || f[f.size() - 1] != 'd') return false;
  if (f.ends_with("eed") || In(f, {"hundred", "thousand", "kindred", "sacred", "naked"}))
    return false;
  const text::Token& t = a.tokens[i];
  if ((t.flags & text::kCap) && !(t.flags & text::kSentStart)) return false;
  return !(t.flags & text::kHyphenBefore);
}

// The previous token skipping adverbs, or -1.
int PrevSkippingAdverbs(const Analysis& a, uint32_t i, uint32_t lo) {
  while (i > lo) {
    --i;
    if (!IsAdverb(a.Folded(i))) return static_cast<int>(i);
  }
  return -1;
}

// A participle or base verb after token i (skipping adverbs) within 3 tokens.
bool ParticipleAfter(const Analysis& a, uint32_t i, uint32_t hi) {
  for (uint32_t k = i + 1; k < hi && k <= i + 4; ++k) {
    std::string_view f = a.Folded(k);
    if (IsAdverb(f)) continue;
    return f == "been" || LooksEd(a, k) || IsIrregularPastOrParticiple(f) ||
           In(f, {"taken", "fallen", "seen", "given", "begun", "gone", "come", "become",
                  "written", "spoken", "driven", "risen", "done", "known", "shown", "grown",
                  "thrown", "drawn", "withdrawn", "overrun", "stolen", "broken", "chosen"});
  }
  return false;
}

// The tense token i signals, or kUnknown.
Tense Cue(const Analysis& a, uint32_t i, uint32_t lo, uint32_t hi) {
  if (!IsWordTok(a, i)) return Tense::kUnknown;
  std::string_view f = a.Folded(i);
  const text::Token& t = a.tokens[i];
  std::string_view surf = a.Surface(i);
  auto next_is = [&](std::string_view w) { return i + 1 < hi && a.Folded(i + 1) == w; };
  if (surf.ends_with("'ll") || surf.ends_with("\xE2\x80\x99ll")) return Tense::kFuture;
  if (IsFutureModal(f)) {
    // "May" in mid-sentence capitals is the month.
    if (f == "may" && (t.flags & text::kCap) && !(t.flags & text::kSentStart))
      return Tense::kUnknown;
    return Tense::kFuture;
  }
  if (IsFutureLead(f) && next_is("to")) return Tense::kFuture;
  // Arrangements point ahead whatever their auxiliary: "has been scheduled for June 3".
  if (In(f, {"scheduled", "slated", "due", "planned", "expected", "upcoming"})) {
    int p = PrevSkippingAdverbs(a, i, lo);
    if (p < 0 || !In(a.Folded(static_cast<uint32_t>(p)), {"as", "than", "the", "a", "an"}))
      return Tense::kFuture;
  }
  if (f == "to" && next_is("be")) return Tense::kFuture;  // "to be held on October 12"
  if (f == "set" && (next_is("for") || next_is("to"))) return Tense::kFuture;
  // "it arrives", "he says": a third-person present after a subject pronoun.
  if (f.size() > 3 && f.back() == 's' && i > lo &&
      In(a.Folded(i - 1), {"he", "she", "it"}) && !In(f, {"was", "has", "is", "does"}))
    return Tense::kPresent;
  if (f == "is" || f == "are" || f == "am" || f == "isnt" || f == "arent") {
    if (next_is("to")) return Tense::kFuture;  // "the president is to visit"
    if (i + 2 < hi && IsFutureLead(a.Folded(i + 1)) && a.Folded(i + 2) == "to")
      return Tense::kFuture;
    return Tense::kPresent;
  }
  if (f == "has" || f == "have" || f == "hasnt" || f == "havent") {
    return ParticipleAfter(a, i, hi) ? Tense::kPast : Tense::kPresent;
  }
  if (IsIrregularPast(f)) return Tense::kPast;
  if (In(f, {"says", "remains", "continues", "seems", "appears"})) return Tense::kPresent;
  if (LooksEd(a, i) || IsIrregularPastOrParticiple(f)) {
    int p = PrevSkippingAdverbs(a, i, lo);
    if (p >= 0) {
      std::string_view pf = a.Folded(static_cast<uint32_t>(p));
      // Participles defer to their auxiliary; adjectives after a determiner say nothing.
      if (IsBe(pf) || IsFutureModal(pf) || pf == "to" || pf == "has" || pf == "have" ||
          pf == "get" || pf == "got" || IsDeterminer(pf))
        return Tense::kUnknown;
    }
    return Tense::kPast;
  }
  return Tense::kUnknown;
}

// "--" or "(" opening an aside that the right-hand scan skips: "On Sunday, the countries --
// that is, those which use the euro -- had agreed".
uint32_t SkipAside(const Analysis& a, uint32_t i, uint32_t hi) {
  if (a.tokens[i].kind != text::TokKind::kPunct) return i;
  std::string_view f = a.Folded(i);
  std::string_view close = f == "(" ? ")" : f == "--" ? "--" : std::string_view();
  if (close.empty()) return i;
  for (uint32_t k = i + 1; k < hi && k < i + 30; ++k)
    if (a.Folded(k) == close) return k;
  return i;
}

bool IsBarrier(const Analysis& a, uint32_t i) {
  if (a.tokens[i].kind != text::TokKind::kPunct) return false;
  std::string_view f = a.Folded(i);
  return f == ";" || f == "\"" || f == ":";
}

}  // namespace

Tense ClauseTense(const Analysis& a, uint32_t b, uint32_t e) {
  if (b >= a.tokens.size() || e <= b) return Tense::kUnknown;
  const text::Sentence& s = a.sentences.empty() ? text::Sentence{} : a.sentences[a.tokens[b].sentence];
  uint32_t lo = a.sentences.empty() ? 0 : s.begin;
  uint32_t hi = a.sentences.empty() ? static_cast<uint32_t>(a.tokens.size()) : s.end;
  constexpr uint32_t kReach = 12;
  // "postponed until September", "extended to 31 May": a deferral points ahead.
  uint32_t p = b;
  while (p > lo && In(a.Folded(p - 1), {"early", "mid", "late", "the", "end", "beginning",
                                        "start", "middle", "of", "very"}))
    --p;
  if (p > lo && In(a.Folded(p - 1), {"until", "till", "to"})) {
    for (uint32_t k = p - 1; k > lo && k + 6 > p; --k) {
      if (In(a.Folded(k - 1), {"postponed", "delayed", "deferred", "extended", "adjourned",
                                "rescheduled", "prolonged", "suspended", "pushed", "put"}))
        return Tense::kFuture;
    }
  }
  bool left_open = true, right_open = true;
  uint32_t skipped = 0;  // tokens of asides skipped on the right
  for (uint32_t d = 1; d <= kReach && (left_open || right_open); ++d) {
    if (left_open) {
      if (b < lo + d) {
        left_open = false;
      } else {
        uint32_t k = b - d;
        if (IsBarrier(a, k)) {
          left_open = false;
        } else if (Tense t = Cue(a, k, lo, hi); t != Tense::kUnknown) {
          return t;
        }
      }
    }
    if (right_open) {
      uint32_t k = e - 1 + d + skipped;
      if (k < hi) {
        uint32_t after = SkipAside(a, k, hi);
        skipped += after - k;
        k = after;
      }
      if (k >= hi) {
        right_open = false;
      } else if (IsBarrier(a, k)) {
        right_open = false;
      } else if (Tense t = Cue(a, k, lo, hi); t != Tense::kUnknown) {
        return t;
      }
    }
  }
  return Tense::kUnknown;
}

}  // namespace sitrep::time
