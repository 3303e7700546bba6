#include "lexicon/phrase_table.h"

#include <algorithm>
#include <cstring>

#include "util/hash.h"

namespace sitrep::lexicon {
namespace {
inline uint64_t NonZero(uint64_t k) { return k ? k : 1; }
}  // namespace

uint64_t PhraseKey(const text::Analysis& a, uint32_t b, uint32_t e) {
  uint64_t h = PhraseStart();
  for (uint32_t i = b; i < e; ++i) h = PhraseExtend(h, a.tokens[i].hash);
  return NonZero(h);
}

Result<PhraseTable> PhraseTable::View(std::string_view bytes) {
  PhraseTable t;
  if (bytes.size() < 16) return Status::Corruption("phrase table: truncated header");
  uint64_t slots, posts;
  std::memcpy(&slots, bytes.data(), 8);
  std::memcpy(&posts, bytes.data() + 8, 8);
  if (slots && (slots & (slots - 1))) return Status::Corruption("phrase table: bad slot count");
  if (slots > (bytes.size() / sizeof(PhraseSlot)) || posts > bytes.size() / 4)
    return Status::Corruption("phrase table: counts exceed the data");
  uint64_t need = 16 + slots * sizeof(PhraseSlot) + posts * 4;
  if (need > bytes.size()) return Status::Corruption("phrase table: truncated");
  if (reinterpret_cast<uintptr_t>(bytes.data()) % 8 != 0)
    return Status::Corruption("phrase table: misaligned");
  t.slot_count_ = slots;
  t.posting_count_ = posts;
  t.slots_ = reinterpret_cast<const Slot*>(bytes.data() + 16);
  t.postings_ = reinterpret_cast<const uint32_t*>(bytes.data() + 16 + slots * sizeof(PhraseSlot));
  t.size_ = need;
  // Validate posting ranges once so lookups never read out of bounds, and fill the filter.
  if (slots) {
    const uint64_t bits = std::max<uint64_t>(512, slots * 2);  // a power of two
    t.filter_.assign(bits / 64, 0);
    t.filter_word_mask_ = bits / 64 - 1;
  }
  for (uint64_t i = 0; i < slots; ++i) {
    const Slot& s = t.slots_[i];
    if (!s.key) continue;
    uint64_t count = s.info & kPhraseCountMask;
    if (static_cast<uint64_t>(s.postings) + count > posts)
      return Status::Corruption("phrase table: posting list out of range");
    t.filter_[t.FilterWord(s.key)] |= FilterBits(s.key);
  }
  return t;
}

const PhraseTable::Slot* PhraseTable::Find(uint64_t key) const {
  if (!slot_count_ || !MayContain(key)) return nullptr;
  const uint64_t mask = slot_count_ - 1;
  for (uint64_t b = PhraseBucket(key, mask), probes = 0; probes < slot_count_; b = (b + 1) & mask, ++probes) {
    const Slot& s = slots_[b];
    if (s.key == key) return &s;
    if (s.key == 0) return nullptr;
  }
  return nullptr;
}

bool PhraseTable::LongestAt(const text::Analysis& a, uint32_t i, uint32_t limit, Match* m) const {
  uint64_t h = PhraseStart();
  bool found = false;
  const uint32_t stop = std::min({limit, static_cast<uint32_t>(a.tokens.size()),
                                   i + std::min<uint32_t>(kMaxPhraseTokens, ~i)});
  for (uint32_t j = i; j < stop; ++j) {
    h = PhraseExtend(h, a.tokens[j].hash);
    const Slot* s = Find(NonZero(h));
    if (!s) break;
    if (s->info & kPhraseTerminal) {
      m->begin = i;
      m->end = j + 1;
      m->values = {postings_ + s->postings, s->info & kPhraseCountMask};
      found = true;
    }
    if (!(s->info & kPhrasePrefix)) break;
  }
  return found;
}

void PhraseTable::AllAt(const text::Analysis& a, uint32_t i, uint32_t limit,
                        std::vector<Match>* out) const {
  uint64_t h = PhraseStart();
  const uint32_t stop = std::min({limit, static_cast<uint32_t>(a.tokens.size()),
                                   i + std::min<uint32_t>(kMaxPhraseTokens, ~i)});
  for (uint32_t j = i; j < stop; ++j) {
    h = PhraseExtend(h, a.tokens[j].hash);
    const Slot* s = Find(NonZero(h));
    if (!s) break;
    if (s->info & kPhraseTerminal) {
      out->push_back(Match{i, j + 1, {postings_ + s->postings, s->info & kPhraseCountMask}});
    }
    if (!(s->info & kPhrasePrefix)) break;
  }
}

std::span<const uint32_t> PhraseTable::LookupKey(uint64_t key) const {
  const Slot* s = Find(NonZero(key));
  if (!s || !(s->info & kPhraseTerminal)) return {};
  return {postings_ + s->postings, s->info & kPhraseCountMask};
}

std::span<const uint32_t> PhraseTable::Lookup(std::string_view folded_phrase) const {
  text::Analysis a;
  text::Tokenize(folded_phrase, &a);
  if (a.tokens.empty() || a.tokens.size() > kMaxPhraseTokens) return {};
  return LookupKey(PhraseKey(a, 0, static_cast<uint32_t>(a.tokens.size())));
}

void PhraseTableBuilder::Add(std::span<const uint64_t> token_hashes, uint32_t value) {
  if (token_hashes.empty() || token_hashes.size() > kMaxPhraseTokens) return;
  uint64_t h = PhraseStart();
  for (size_t k = 0; k < token_hashes.size(); ++k) {
    h = PhraseExtend(h, token_hashes[k]);
    Entry& e = entries_[NonZero(h)];
    if (k + 1 == token_hashes.size()) {
      e.terminal = true;
      e.values.push_back(value);
    } else {
      e.prefix = true;
    }
  }
}

bool PhraseTableBuilder::AddText(std::string_view phrase, uint32_t value) {
  text::Tokenize(phrase, &scratch_);
  if (scratch_.tokens.empty() || scratch_.tokens.size() > kMaxPhraseTokens) return false;
  uint64_t hashes[kMaxPhraseTokens];
  for (size_t k = 0; k < scratch_.tokens.size(); ++k) hashes[k] = scratch_.tokens[k].hash;
  Add({hashes, scratch_.tokens.size()}, value);
  return true;
}

void PhraseTableBuilder::Serialize(std::string* out) const {
  uint64_t slots = 16;
  while (slots < entries_.size() * 2) slots <<= 1;  // load factor <= 0.5
  std::vector<PhraseSlot> table(slots, PhraseSlot{0, 0, 0});
  std::vector<uint32_t> postings;
  // Deterministic output: insert keys in sorted order.
  std::vector<uint64_t> keys;
  keys.reserve(entries_.size());
  for (const auto& [k, e] : entries_) keys.push_back(k);
  std::sort(keys.begin(), keys.end());
  const uint64_t mask = slots - 1;
  for (uint64_t k : keys) {
    const Entry& e = entries_.at(k);
    std::vector<uint32_t> v = e.values;
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    PhraseSlot s{k, static_cast<uint32_t>(postings.size()),
           static_cast<uint32_t>(v.size() & kPhraseCountMask) | (e.terminal ? kPhraseTerminal : 0u) |
               (e.prefix ? kPhrasePrefix : 0u)};
    postings.insert(postings.end(), v.begin(), v.end());
    uint64_t b = PhraseBucket(k, mask);
    while (table[b].key) b = (b + 1) & mask;
    table[b] = s;
  }
  uint64_t posts = postings.size();
  size_t base = out->size();
  out->resize(base + 16 + slots * sizeof(PhraseSlot) + posts * 4);
  char* p = out->data() + base;
  std::memcpy(p, &slots, 8);
  std::memcpy(p + 8, &posts, 8);
  std::memcpy(p + 16, table.data(), slots * sizeof(PhraseSlot));
  if (posts) std::memcpy(p + 16 + slots * sizeof(PhraseSlot), postings.data(), posts * 4);
}

void OwnedPhraseTable::Build(const PhraseTableBuilder& b) {
  bytes_.clear();
  b.Serialize(&bytes_);
  Review();
}

void OwnedPhraseTable::Review() {
  // std::string data is at least 8-byte aligned from operator new (16 on x86-64); tables
  // are never short enough for the small-string buffer (16 + 16 * 16 bytes at least).
  if (bytes_.empty()) {
    table_ = PhraseTable();
    return;
  }
  auto t = PhraseTable::View(bytes_);
  table_ = t.ok() ? std::move(t).value() : PhraseTable();
}

OwnedPhraseTable::OwnedPhraseTable(const OwnedPhraseTable& o) : bytes_(o.bytes_) { Review(); }

OwnedPhraseTable& OwnedPhraseTable::operator=(const OwnedPhraseTable& o) {
  if (this != &o) {
    bytes_ = o.bytes_;
    Review();
  }
  return *this;
}

OwnedPhraseTable::OwnedPhraseTable(OwnedPhraseTable&& o) noexcept
    : bytes_(std::move(o.bytes_)) {
  o.bytes_.clear();
  o.table_ = PhraseTable();
  Review();  // cannot fail: the bytes were written by Serialize
}

OwnedPhraseTable& OwnedPhraseTable::operator=(OwnedPhraseTable&& o) noexcept {
  if (this != &o) {
    bytes_ = std::move(o.bytes_);
    o.bytes_.clear();
    o.table_ = PhraseTable();
    Review();
  }
  return *this;
}

}  // namespace sitrep::lexicon
