// Clause tense from verb cues. Each token near the time expression is asked what tense it
// signals (Cue); the nearest one that signals anything wins, the left one on a tie. Passive and
// perfect participles ("will be completed", "has seized") defer to their auxiliary.
//
// The cue words are classes in one table (kCueWords), looked up by the folded token's hash.
#include "time/tense.h"

#include <bit>
#include <string_view>
#include <vector>

#include "util/hash.h"

namespace sitrep::time {
namespace {

using text::Analysis;

enum CueClass : uint32_t {
  kPast = 1 << 0,          // simple past, never a participle: "took", "was", "had"
  kPastOrPart = 1 << 1,    // past or participle: "held", "said" (a participle defers)
  kPerfectPart = 1 << 2,   // participles only: "taken", "fallen" (after has/have)
  kModal = 1 << 3,         // future or possible: "will", "would", "may", "must"
  kFutureLead = 1 << 4,    // + "to": "set to", "due to", "going to"
  kArrangement = 1 << 5,   // points ahead on its own: "scheduled", "due", "planned"
  kDeferral = 1 << 6,      // + until/to: "postponed until", "extended to"
  kBe = 1 << 7,            // "be", "been", "being"
  kPresentBe = 1 << 8,     // "is", "are", "am"
  kHave = 1 << 9,          // "has", "have"
  kPresentVerb = 1 << 10,  // "says", "remains"
  kDeterminer = 1 << 11,   // "the", "a", "his": an -ed word after it is an adjective
  kAdverb = 1 << 12,       // skipped between an auxiliary and its verb: "had already seized"
  kNotEd = 1 << 13,        // ends in -ed but is no verb: "hundred", "sacred"
  kEdgeWord = 1 << 14,     // "early", "the end of": skipped before "until"
  kUntil = 1 << 15,        // "until", "till", "to"
  kSubjectPronoun = 1 << 16,  // "he", "she", "it" before a present "-s" verb
  kNotPresentS = 1 << 17,  // ends in -s after a pronoun but is no present verb: "was", "has"
  kPlanVerb = 1 << 18,     // a headline's "to" + verb announces it: "Council to meet Monday"
};

struct CueWords {
  uint32_t cls;
  std::initializer_list<const char*> words;
};

const CueWords kCueWords[] = {
    {kPast, {"took", "fell", "began", "met", "came", "went", "saw", "spoke", "wrote", "ran",
             "rose", "became", "broke", "chose", "drove", "flew", "knew", "swore", "threw",
             "withdrew", "overran", "overthrew", "shook", "woke", "arose", "slew", "bore",
             "tore", "wore", "underwent", "undertook", "oversaw", "froze", "sank", "sprang",
             "drew", "grew", "blew", "ate", "rode", "did", "didnt", "was", "were", "wasnt",
             "werent", "had", "hadnt", "gave", "forbade", "stole", "hid"}},
    {kPastOrPart, {"said", "told", "won", "lost", "held", "left", "made", "sent", "struck",
                   "fought", "led", "brought", "bought", "sold", "got", "stood", "thought",
                   "sought", "caught", "felt", "kept", "paid", "spent", "built", "fled",
                   "found", "heard", "meant", "dealt", "shot", "hit", "laid", "seized",
                   "killed"}},
    {kPerfectPart, {"been", "taken", "fallen", "seen", "given", "begun", "gone", "come",
                    "become", "written", "spoken", "driven", "risen", "done", "known", "shown",
                    "grown", "thrown", "drawn", "withdrawn", "overrun", "stolen", "broken",
                    "chosen"}},
    {kModal, {"will", "shall", "wont", "would", "wouldnt", "should", "must", "may", "might",
              "could", "gonna", "shant"}},
    {kFutureLead, {"set", "due", "expected", "scheduled", "slated", "poised", "planned",
                   "plans", "plan", "planning", "intends", "intend", "aims", "aim", "going",
                   "hopes", "ready", "likely", "about"}},
    {kArrangement, {"scheduled", "slated", "due", "planned", "expected", "upcoming"}},
    {kDeferral, {"postponed", "delayed", "deferred", "extended", "adjourned", "rescheduled",
                 "prolonged", "suspended", "pushed", "put"}},
    {kBe, {"be", "been", "being"}},
    {kPresentBe, {"is", "are", "am", "isnt", "arent"}},
    {kHave, {"has", "have", "hasnt", "havent"}},
    {kPresentVerb, {"says", "remains", "continues", "seems", "appears"}},
    {kDeterminer, {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its",
                   "their", "our", "my", "your", "of", "and", "or", "s", "as", "than"}},
    {kAdverb, {"also", "already", "fully", "not", "reportedly", "later", "then", "just",
               "recently", "since", "previously", "again", "finally", "initially", "still",
               "never", "allegedly", "apparently", "successfully", "partially", "largely",
               "quickly", "first", "once", "effectively", "officially", "jointly"}},
    {kNotEd, {"hundred", "thousand", "kindred", "sacred", "naked"}},
    {kEdgeWord, {"early", "mid", "late", "the", "end", "beginning", "start", "middle", "of",
                 "very"}},
    {kUntil, {"until", "till", "to"}},
    {kSubjectPronoun, {"he", "she", "it"}},
    {kNotPresentS, {"was", "has", "is", "does"}},
    {kPlanVerb, {"meet", "visit", "hold", "begin", "start", "resume", "open", "reopen", "close",
                 "vote", "sign", "attend", "travel", "announce", "launch", "host", "receive",
                 "release", "remain", "stay", "arrive", "testify", "appear", "review",
                 "consider", "present", "publish", "unveil", "elect", "appoint", "expire",
                 "end", "lift", "impose", "extend", "discuss", "debate", "decide", "rule",
                 "sentence", "hear", "be", "get", "face", "stage", "mark", "observe"}},
};

// Folded-token hash -> CueClass bits.
class CueTable {
 public:
  static const CueTable& Get() {
    static const CueTable* t = new CueTable();
    return *t;
  }
  uint32_t Classes(const Analysis& a, uint32_t i) const {
    uint64_t h = a.tokens[i].hash;
    for (uint32_t s = static_cast<uint32_t>(h) & mask_;; s = (s + 1) & mask_) {
      if (slots_[s].hash == h) return slots_[s].cls;
      if (slots_[s].hash == 0) return 0;
    }
  }

 private:
  CueTable() {
    size_t words = 0;
    for (const CueWords& c : kCueWords) words += c.words.size();
    slots_.resize(std::bit_ceil(words * 4));
    mask_ = static_cast<uint32_t>(slots_.size() - 1);
    for (const CueWords& c : kCueWords) {
      for (const char* w : c.words) {
        uint64_t h = HashBytes(w);
        for (uint32_t s = static_cast<uint32_t>(h) & mask_;; s = (s + 1) & mask_) {
          if (slots_[s].hash == 0 || slots_[s].hash == h) {
            slots_[s].hash = h;
            slots_[s].cls |= c.cls;
            break;
          }
        }
      }
    }
  }
  struct Slot {
    uint64_t hash = 0;
    uint32_t cls = 0;
  };
  std::vector<Slot> slots_;
  uint32_t mask_ = 0;
};

class TenseFinder {
 public:
  TenseFinder(const Analysis& a, uint32_t lo, uint32_t hi)
      : a_(a), cues_(CueTable::Get()), lo_(lo), hi_(hi) {
    // A headline: no full stop at the end ("UN council to meet on Monday").
    if (hi > lo) {
      std::string_view last = a.Folded(hi - 1);
      headline_ = last != "." && last != "!" && last != "?" && last != "\"";
    }
  }

  uint32_t Cls(uint32_t i) const { return i < hi_ ? cues_.Classes(a_, i) : 0; }
  bool Is(uint32_t i, std::string_view w) const { return i < hi_ && a_.Folded(i) == w; }

  // A regular past or participle form: "seized", "strengthened".
  bool LooksEd(uint32_t i) const {
    std::string_view f = a_.Folded(i);
    if (f.size() < 5 || f[f.size() - 2] != 'e' || f[f.size() - 1] != 'd') return false;
    if (f.ends_with("eed") || (Cls(i) & kNotEd)) return false;
    const text::Token& t = a_.tokens[i];
    if ((t.flags & text::kCap) && !(t.flags & text::kSentStart)) return false;
    return !(t.flags & text::kHyphenBefore);
  }

  // The previous token skipping adverbs, or -1.
  int PrevSkippingAdverbs(uint32_t i) const {
    while (i > lo_) {
      --i;
      if (!(Cls(i) & kAdverb)) return static_cast<int>(i);
    }
    return -1;
  }

  // A participle after token i (skipping adverbs) within 4 tokens: "has [already] seized".
  bool ParticipleAfter(uint32_t i) const {
    for (uint32_t k = i + 1; k < hi_ && k <= i + 4; ++k) {
      uint32_t c = Cls(k);
      if (c & kAdverb) continue;
      return (c & (kPerfectPart | kPastOrPart)) || LooksEd(k);
    }
    return false;
  }

  // The tense token i signals, or kUnknown.
  Tense Cue(uint32_t i) const {
    const text::Token& t = a_.tokens[i];
    if (t.kind != text::TokKind::kWord) return Tense::kUnknown;
    const uint32_t c = Cls(i);
    std::string_view surf = a_.Surface(i);
    if (surf.ends_with("'ll") || surf.ends_with("\xE2\x80\x99ll")) return Tense::kFuture;
    if (c & kModal) {
      // "May" in mid-sentence capitals is the month.
      if (a_.Folded(i) == "may" && (t.flags & text::kCap) && !(t.flags & text::kSentStart))
        return Tense::kUnknown;
      return Tense::kFuture;
    }
    if ((c & kFutureLead) && Is(i + 1, "to")) return Tense::kFuture;
    // Arrangements point ahead whatever their auxiliary: "has been scheduled for June 3".
    if (c & kArrangement) {
      int p = PrevSkippingAdverbs(i);
      if (p < 0 || !(Cls(static_cast<uint32_t>(p)) & kDeterminer)) return Tense::kFuture;
    }
    if (Is(i, "to") && Is(i + 1, "be")) return Tense::kFuture;  // "to be held on October 12"
    if (headline_ && Is(i, "to") && (Cls(i + 1) & kPlanVerb)) return Tense::kFuture;
    if (Is(i, "set") && Is(i + 1, "for")) return Tense::kFuture;
    // "it arrives", "he says": a third-person present after a subject pronoun.
    std::string_view f = a_.Folded(i);
    if (f.size() > 3 && f.back() == 's' && i > lo_ && (Cls(i - 1) & kSubjectPronoun) &&
        !(c & kNotPresentS))
      return Tense::kPresent;
    if (c & kPresentBe) {
      if (Is(i + 1, "to")) return Tense::kFuture;  // "the president is to visit"
      if ((Cls(i + 1) & kFutureLead) && Is(i + 2, "to")) return Tense::kFuture;
      return Tense::kPresent;
    }
    if (c & kHave) {
      // "has been scheduled for June 3" points ahead like "is scheduled".
      for (uint32_t k = i + 1; k < hi_ && k <= i + 3; ++k) {
        uint32_t ck = Cls(k);
        if (ck & kArrangement) return Tense::kFuture;
        if (!(ck & (kAdverb | kBe))) break;
      }
      return ParticipleAfter(i) ? Tense::kPast : Tense::kPresent;
    }
    if (c & kPast) return Tense::kPast;
    if (c & kPresentVerb) return Tense::kPresent;
    if ((c & kPastOrPart) || LooksEd(i)) {
      int p = PrevSkippingAdverbs(i);
      if (p >= 0) {
        // Participles defer to their auxiliary; adjectives after a determiner say nothing.
        uint32_t pc = Cls(static_cast<uint32_t>(p));
        std::string_view pf = a_.Folded(static_cast<uint32_t>(p));
        if ((pc & (kBe | kPresentBe | kModal | kHave | kDeterminer)) || pf == "to" ||
            pf == "get" || pf == "got")
          return Tense::kUnknown;
      }
      return Tense::kPast;
    }
    return Tense::kUnknown;
  }

  // "--" or "(" opening an aside that the right-hand scan skips: "On Sunday, the countries
  // -- that is, those which use the euro -- had agreed".
  uint32_t SkipAside(uint32_t i) const {
    if (a_.tokens[i].kind != text::TokKind::kPunct) return i;
    std::string_view f = a_.Folded(i);
    std::string_view close = f == "(" ? ")" : f == "--" ? "--" : std::string_view();
    if (close.empty()) return i;
    for (uint32_t k = i + 1; k < hi_ && k < i + 30; ++k)
      if (a_.Folded(k) == close) return k;
    return i;
  }

  bool IsBarrier(uint32_t i) const {
    if (a_.tokens[i].kind != text::TokKind::kPunct) return false;
    std::string_view f = a_.Folded(i);
    return f == ";" || f == "\"" || f == ":";
  }

  Tense Find(uint32_t b, uint32_t e) const {
    // "postponed until September", "extended to 31 May": a deferral points ahead.
    uint32_t p = b;
    while (p > lo_ && (Cls(p - 1) & kEdgeWord)) --p;
    if (p > lo_ && (Cls(p - 1) & kUntil)) {
      for (uint32_t k = p - 1; k > lo_ && k + 6 > p; --k)
        if (Cls(k - 1) & kDeferral) return Tense::kFuture;
    }
    constexpr uint32_t kReach = 12;
    bool left_open = true, right_open = true;
    uint32_t skipped = 0;  // tokens of asides skipped on the right
    for (uint32_t d = 1; d <= kReach && (left_open || right_open); ++d) {
      if (left_open) {
        if (b < lo_ + d) {
          left_open = false;
        } else {
          uint32_t k = b - d;
          if (IsBarrier(k)) {
            left_open = false;
          } else if (Tense t = Cue(k); t != Tense::kUnknown) {
            return t;
          }
        }
      }
      if (right_open) {
        uint32_t k = e - 1 + d + skipped;
        if (k < hi_) {
          uint32_t after = SkipAside(k);
          skipped += after - k;
          k = after;
        }
        if (k >= hi_ || IsBarrier(k)) {
          right_open = false;
        } else if (Tense t = Cue(k); t != Tense::kUnknown) {
          return t;
        }
      }
    }
    return Tense::kUnknown;
  }

 private:
  const Analysis& a_;
  const CueTable& cues_;
  const uint32_t lo_, hi_;
  bool headline_ = false;
};

}  // namespace

Tense ClauseTense(const Analysis& a, uint32_t b, uint32_t e) {
  if (b >= a.tokens.size() || e <= b) return Tense::kUnknown;
  uint32_t lo = 0, hi = static_cast<uint32_t>(a.tokens.size());
  if (!a.sentences.empty()) {
    const text::Sentence& s = a.sentences[a.tokens[b].sentence];
    lo = s.begin;
    hi = s.end;
  }
  return TenseFinder(a, lo, hi).Find(b, e);
}

}  // namespace sitrep::time
