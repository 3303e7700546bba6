// PhraseTable: the one multi-word phrase matcher every dictionary shares (place names, actor
// names, event phrases, time words).
//
// A phrase is a sequence of folded tokens (text::Analysis); its key is the chained hash
// PhraseExtend(...PhraseExtend(PhraseStart(), h1)..., hn) of the tokens' hashes. The table is
// an open-addressing hash table of keys; each slot says whether the key is a complete phrase
// (with a posting list of uint32 values: place ids, entry ids) and whether longer phrases
// continue it. Matching at a token walks forward one hash step per token and stops at the
// first key that is not a prefix, so finding every phrase in a document costs one probe per
// token plus one per extra token of the phrases that start there.
//
// The table is position-independent bytes: built in memory by PhraseTableBuilder, written
// into the gazetteer index, and used in place from a memory-mapped file.
//
// Most probes miss (a capitalised word that starts no place name, a word of no class), and a
// miss in a table of millions of slots costs a cache miss. View therefore builds a small
// filter over the keys (two bits per key in a bit set of about two bits per slot, 512 KB for
// the gazetteer's names): a probe whose bits are not both set is answered without touching
// the slots. The filter is blocked: both bits of a key lie in one 64-bit word, so a probe
// reads one cache line of it, not two. It is rebuilt at every View (a pass over the slots
// that View makes anyway to validate them), so the file format does not change.
//
// A caller that scans many tokens can hide the remaining misses by asking for a key a few
// tokens ahead with Prefetch (a hint only: results never depend on it).
//
// Layout (little-endian):
//   u64 slot_count (a power of two)   u64 posting_count
//   Slot[slot_count]  { u64 key; u32 postings; u32 info }   info: bit 31 terminal,
//                                                          bit 30 prefix, bits 0-29 count
//   u32 postings[posting_count]
// A key of 0 marks an empty slot (real keys are never 0).
#ifndef SITREP_LEXICON_PHRASE_TABLE_H_
#define SITREP_LEXICON_PHRASE_TABLE_H_

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sitrep/status.h"
#include "text/text.h"
#include "util/hash.h"

namespace sitrep::lexicon {

inline constexpr uint32_t kMaxPhraseTokens = 12;

// One slot of the serialized hash table (see the layout above).
struct PhraseSlot {
  uint64_t key;
  uint32_t postings;
  uint32_t info;
};
inline constexpr uint32_t kPhraseTerminal = 1u << 31, kPhrasePrefix = 1u << 30,
                          kPhraseCountMask = (1u << 30) - 1;
// The home slot of a key in a table of mask + 1 slots (linear probing from there).
inline uint64_t PhraseBucket(uint64_t key, uint64_t mask) { return (key ^ (key >> 29)) & mask; }

struct Match {
  uint32_t begin = 0, end = 0;            // token range [begin, end)
  std::span<const uint32_t> values;       // posting list (ids)
};

class PhraseTable {
 public:
  PhraseTable() = default;
  // Views serialized bytes (not copied: `bytes` must outlive the table). Checks sizes.
  static Result<PhraseTable> View(std::string_view bytes);

  // The longest phrase that starts at token i and ends before `limit` (clamped to the
  // number of tokens); false if none.
  bool LongestAt(const text::Analysis& a, uint32_t i, uint32_t limit, Match* m) const;
  // Every phrase that starts at token i (shortest first) appended to *out.
  void AllAt(const text::Analysis& a, uint32_t i, uint32_t limit, std::vector<Match>* out) const;
  // As AllAt, with the hash of token j (i <= j < stop, stop clamped to i + kMaxPhraseTokens)
  // given by token_hash(j) rather than the token's own: a respelling of the text looked up
  // under keys of its own (geo/index_format.h Squeeze).
  template <typename TokenHash>
  void AllAtWith(uint32_t i, uint32_t stop, TokenHash token_hash, std::vector<Match>* out) const {
    uint64_t h = PhraseStart();
    stop = std::min(stop, i + std::min<uint32_t>(kMaxPhraseTokens, ~i));
    for (uint32_t j = i; j < stop; ++j) {
      h = PhraseExtend(h, token_hash(j));
      const Slot* s = Find(h ? h : 1);
      if (!s) break;
      if (s->info & kPhraseTerminal)
        out->push_back(Match{i, j + 1, {postings_ + s->postings, s->info & kPhraseCountMask}});
      if (!(s->info & kPhrasePrefix)) break;
    }
  }
  // The values of an exact phrase given as folded text ("lashkar gah"); empty if absent.
  std::span<const uint32_t> Lookup(std::string_view folded_phrase) const;
  std::span<const uint32_t> LookupKey(uint64_t key) const;
  // True if `key` is a phrase or the start of a longer one (a walk from it may find one).
  bool Has(uint64_t key) const { return Find(key ? key : 1) != nullptr; }

  // Starts loading what a lookup of `key` reads first (its filter word and home slot) into
  // the cache, without waiting for it. Key of a one-token phrase: TokenKey below.
  void Prefetch(uint64_t key) const {
    if (!slot_count_) return;
    __builtin_prefetch(&filter_[FilterWord(key)]);
    __builtin_prefetch(&slots_[PhraseBucket(key, slot_count_ - 1)]);
  }

  bool empty() const { return slot_count_ == 0; }
  uint64_t size_bytes() const { return size_; }

 private:
  using Slot = PhraseSlot;
  const Slot* Find(uint64_t key) const;

  // The filter: a key's two bits, both in word FilterWord(key), are FilterBits(key).
  static uint64_t FilterMix(uint64_t key) { return (key ^ (key >> 31)) * 0x9E3779B97F4A7C15ull; }
  uint64_t FilterWord(uint64_t key) const { return (FilterMix(key) >> 12) & filter_word_mask_; }
  static uint64_t FilterBits(uint64_t key) {
    const uint64_t x = FilterMix(key);
    return (uint64_t{1} << (x >> 52 & 63)) | (uint64_t{1} << (x >> 58));
  }
  bool MayContain(uint64_t key) const {
    const uint64_t bits = FilterBits(key);
    return (filter_[FilterWord(key)] & bits) == bits;
  }

  const Slot* slots_ = nullptr;
  const uint32_t* postings_ = nullptr;
  uint64_t slot_count_ = 0, posting_count_ = 0, size_ = 0;
  std::vector<uint64_t> filter_;   // the key filter (see above); empty for an empty table
  uint64_t filter_word_mask_ = 0;  // word count - 1 (a power of two)
};

// Collects phrases and serialises a PhraseTable.
class PhraseTableBuilder {
 public:
  // Adds `value` under the phrase given by token hashes (1..kMaxPhraseTokens of them).
  void Add(std::span<const uint64_t> token_hashes, uint32_t value);
  // Tokenises `phrase` with the text layer and adds it; returns false if it has no tokens
  // or too many.
  bool AddText(std::string_view phrase, uint32_t value);
  size_t phrase_count() const { return entries_.size(); }
  // Writes the table; values of each phrase are sorted and de-duplicated.
  void Serialize(std::string* out) const;

 private:
  struct Entry {
    std::vector<uint32_t> values;
    bool terminal = false;
    bool prefix = false;
  };
  std::unordered_map<uint64_t, Entry> entries_;
  text::Analysis scratch_;
};

// Chained key of the folded tokens [b, e) of an analysis.
uint64_t PhraseKey(const text::Analysis& a, uint32_t b, uint32_t e);
// The key of the one-token phrase of a token with this hash (PhraseKey(a, i, i + 1) for
// token_hash = a.tokens[i].hash), inline for per-token loops.
inline uint64_t TokenKey(uint64_t token_hash) {
  const uint64_t h = PhraseExtend(PhraseStart(), token_hash);
  return h ? h : 1;
}

// An in-memory PhraseTable that owns its bytes (for dictionaries built at start-up).
class OwnedPhraseTable {
 public:
  OwnedPhraseTable() = default;
  // Copies view their own bytes (a defaulted copy would point into the source's bytes).
  OwnedPhraseTable(const OwnedPhraseTable& o);
  OwnedPhraseTable& operator=(const OwnedPhraseTable& o);
  OwnedPhraseTable(OwnedPhraseTable&& o) noexcept;
  OwnedPhraseTable& operator=(OwnedPhraseTable&& o) noexcept;

  void Build(const PhraseTableBuilder& b);
  const PhraseTable& table() const { return table_; }

 private:
  void Review();  // points table_ at bytes_

  std::string bytes_;
  PhraseTable table_;
};

}  // namespace sitrep::lexicon

#endif  // SITREP_LEXICON_PHRASE_TABLE_H_
