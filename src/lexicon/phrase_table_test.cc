// Tests for PhraseTable: building, serialising, viewing, matching, and refusing bad bytes.
#include "lexicon/phrase_table.h"

#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "text/text.h"

namespace sitrep::lexicon {
namespace {

std::vector<uint32_t> Values(std::span<const uint32_t> s) { return {s.begin(), s.end()}; }

// Serialized bytes copied into 8-byte aligned storage, viewed as a table.
class Viewed {
 public:
  explicit Viewed(const std::string& bytes) : storage_((bytes.size() + 7) / 8 + 1) {
    std::memcpy(storage_.data(), bytes.data(), bytes.size());
    size_ = bytes.size();
  }
  Result<PhraseTable> View() const {
    return PhraseTable::View({reinterpret_cast<const char*>(storage_.data()), size_});
  }
  char* data() { return reinterpret_cast<char*>(storage_.data()); }
  size_t size() const { return size_; }

 private:
  std::vector<uint64_t> storage_;
  size_t size_;
};

PhraseTableBuilder Places() {
  PhraseTableBuilder b;
  EXPECT_TRUE(b.AddText("Kunduz", 1));
  EXPECT_TRUE(b.AddText("Lashkar Gah", 2));
  EXPECT_TRUE(b.AddText("Sar-e-Pul", 3));
  EXPECT_TRUE(b.AddText("Sar-e Pul", 4));   // same tokens: values merge
  EXPECT_TRUE(b.AddText("Kabul", 6));
  EXPECT_TRUE(b.AddText("KABUL", 5));       // folds to the same phrase
  EXPECT_TRUE(b.AddText("Kabul", 6));       // duplicate value: kept once
  EXPECT_TRUE(b.AddText("New York", 7));
  EXPECT_TRUE(b.AddText("New York City", 8));
  EXPECT_TRUE(b.AddText("H\xC3\xA9rat", 9));
  return b;
}

TEST(PhraseTableBuilder, AddTextRefusesEmptyAndOverlongPhrases) {
  PhraseTableBuilder b;
  EXPECT_FALSE(b.AddText("", 1));
  EXPECT_FALSE(b.AddText("   ", 1));
  EXPECT_FALSE(b.AddText("a b c d e f g h i j k l m", 1));  // 13 tokens
  EXPECT_TRUE(b.AddText("a b c d e f g h i j k l", 1));     // 12 tokens
  b.Add({}, 2);  // ignored
  // 12 keys: every prefix of the 12-token phrase is an entry.
  EXPECT_EQ(b.phrase_count(), 12u);
}

TEST(PhraseTable, LongestMatchAtEachToken) {
  OwnedPhraseTable owned;
  owned.Build(Places());
  const PhraseTable& t = owned.table();
  text::Analysis a;
  text::Analyze("The Taliban entered LASHKAR GAH, Sar e Pul and New York City via Herat.", &a);
  const uint32_t n = static_cast<uint32_t>(a.tokens.size());
  std::vector<std::string> found;
  for (uint32_t i = 0; i < n;) {
    Match m;
    if (t.LongestAt(a, i, n, &m)) {
      EXPECT_EQ(m.begin, i);
      found.push_back(std::string(a.Span(m.begin, m.end)));
      i = m.end;
    } else {
      ++i;
    }
  }
  EXPECT_EQ(found, (std::vector<std::string>{"LASHKAR GAH", "Sar e Pul", "New York City", "Herat"}));
}

TEST(PhraseTable, ValuesAreSortedAndDeduplicated) {
  OwnedPhraseTable owned;
  owned.Build(Places());
  const PhraseTable& t = owned.table();
  EXPECT_EQ(Values(t.Lookup("kabul")), (std::vector<uint32_t>{5, 6}));
  EXPECT_EQ(Values(t.Lookup("sar e pul")), (std::vector<uint32_t>{3, 4}));
  EXPECT_EQ(Values(t.Lookup("Sar-e-Pul")), (std::vector<uint32_t>{3, 4}));
  EXPECT_EQ(Values(t.Lookup("herat")), (std::vector<uint32_t>{9}));
  EXPECT_TRUE(t.Lookup("new").empty());       // a prefix, not a phrase
  EXPECT_TRUE(t.Lookup("mazar").empty());     // absent
  EXPECT_TRUE(t.Lookup("").empty());
  text::Analysis a;
  text::Tokenize("lashkar gah", &a);
  EXPECT_EQ(Values(t.LookupKey(PhraseKey(a, 0, 2))), (std::vector<uint32_t>{2}));
}

TEST(PhraseTable, AllAtListsEveryPhraseShortestFirst) {
  OwnedPhraseTable owned;
  owned.Build(Places());
  text::Analysis a;
  text::Tokenize("in New York City today", &a);
  std::vector<Match> out;
  owned.table().AllAt(a, 1, static_cast<uint32_t>(a.tokens.size()), &out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].begin, 1u);
  EXPECT_EQ(out[0].end, 3u);
  EXPECT_EQ(Values(out[0].values), (std::vector<uint32_t>{7}));
  EXPECT_EQ(out[1].end, 4u);
  EXPECT_EQ(Values(out[1].values), (std::vector<uint32_t>{8}));
  out.clear();
  owned.table().AllAt(a, 0, static_cast<uint32_t>(a.tokens.size()), &out);
  EXPECT_TRUE(out.empty());
}

TEST(PhraseTable, LimitStopsMatchesAndIsClampedToTheTokens) {
  OwnedPhraseTable owned;
  owned.Build(Places());
  text::Analysis a;
  text::Tokenize("New York City", &a);
  Match m;
  ASSERT_TRUE(owned.table().LongestAt(a, 0, 2, &m));  // City is past the limit
  EXPECT_EQ(m.end, 2u);
  EXPECT_FALSE(owned.table().LongestAt(a, 0, 1, &m));  // "New" alone is no phrase
  EXPECT_FALSE(owned.table().LongestAt(a, 3, 3, &m));
  // A limit past the last token must not read beyond it.
  ASSERT_TRUE(owned.table().LongestAt(a, 0, ~0u, &m));
  EXPECT_EQ(m.end, 3u);
  std::vector<Match> all;
  owned.table().AllAt(a, 2, ~0u, &all);
  EXPECT_TRUE(all.empty());
  EXPECT_FALSE(owned.table().LongestAt(a, 7, ~0u, &m));  // start past the end
}

TEST(PhraseTable, EmptyTablesMatchNothing) {
  PhraseTable empty;
  EXPECT_TRUE(empty.empty());
  text::Analysis a;
  text::Tokenize("Kunduz", &a);
  Match m;
  EXPECT_FALSE(empty.LongestAt(a, 0, 1, &m));
  EXPECT_TRUE(empty.Lookup("kunduz").empty());
  OwnedPhraseTable built;
  built.Build(PhraseTableBuilder());
  EXPECT_FALSE(built.table().LongestAt(a, 0, 1, &m));
}

TEST(PhraseTable, SerializeIsDeterministicAndRoundTrips) {
  PhraseTableBuilder x, y;
  const char* names[] = {"Kunduz", "Lashkar Gah", "Sar-e-Pul", "Kabul", "Mazar-i-Sharif"};
  for (uint32_t k = 0; k < 5; ++k) x.AddText(names[k], k);
  for (uint32_t k = 5; k-- > 0;) y.AddText(names[k], k);  // reverse order
  std::string bx, by;
  x.Serialize(&bx);
  y.Serialize(&by);
  EXPECT_EQ(bx, by);
  Viewed v(bx);
  auto t = v.View();
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->size_bytes(), bx.size());
  EXPECT_EQ(Values(t->Lookup("mazar i sharif")), (std::vector<uint32_t>{4}));
  // Serialize appends: a table after 8 bytes of header is viewed from there.
  std::string prefixed = "HEADER!!";
  x.Serialize(&prefixed);
  Viewed pv(prefixed);
  auto pt = PhraseTable::View(std::string_view(pv.data(), pv.size()).substr(8));
  ASSERT_TRUE(pt.ok());
  EXPECT_EQ(Values(pt->Lookup("kunduz")), (std::vector<uint32_t>{0}));
}

TEST(PhraseTable, ManyPhrasesAreAllFound) {
  PhraseTableBuilder b;
  for (uint32_t k = 0; k < 5000; ++k) b.AddText("place " + std::to_string(k) + " town", k);
  OwnedPhraseTable owned;
  owned.Build(b);
  for (uint32_t k = 0; k < 5000; k += 7) {
    auto v = owned.table().Lookup("place " + std::to_string(k) + " town");
    ASSERT_EQ(v.size(), 1u) << k;
    EXPECT_EQ(v[0], k);
  }
  EXPECT_TRUE(owned.table().Lookup("place 5000 town").empty());
  EXPECT_TRUE(owned.table().Lookup("place 12").empty());  // a prefix only
}

// The blocked key filter must never hide a key (no false negatives), and Prefetch is a hint
// that changes no answer.
TEST(PhraseTable, FilterHidesNoKeyAndPrefetchChangesNothing) {
  PhraseTableBuilder b;
  for (uint32_t k = 0; k < 20000; ++k) b.AddText("w" + std::to_string(k), k);
  OwnedPhraseTable owned;
  owned.Build(b);
  const PhraseTable& t = owned.table();
  for (uint32_t k = 0; k < 20000; ++k) {
    text::Analysis a;
    text::Analyze("w" + std::to_string(k), &a);
    ASSERT_EQ(a.tokens.size(), 1u);
    const uint64_t key = TokenKey(a.tokens[0].hash);
    ASSERT_EQ(key, PhraseKey(a, 0, 1)) << k;
    t.Prefetch(key);
    auto v = t.LookupKey(key);
    ASSERT_EQ(v.size(), 1u) << k;
    EXPECT_EQ(v[0], k);
  }
  // Keys that are not there: the filter answers most of them, and none is found.
  size_t found = 0;
  for (uint32_t k = 20000; k < 30000; ++k) found += !t.Lookup("w" + std::to_string(k)).empty();
  EXPECT_EQ(found, 0u);
  OwnedPhraseTable empty;
  empty.Build(PhraseTableBuilder());
  empty.table().Prefetch(12345);  // an empty table: a no-op
  EXPECT_TRUE(empty.table().LookupKey(12345).empty());
}

TEST(OwnedPhraseTable, CopiesAndMovesOwnTheirBytes) {
  auto make = [] {
    OwnedPhraseTable o;
    o.Build(Places());
    return o;
  };
  OwnedPhraseTable copy;
  {
    OwnedPhraseTable original = make();
    copy = original;
    OwnedPhraseTable copy2(original);
    EXPECT_EQ(Values(copy2.table().Lookup("kunduz")), (std::vector<uint32_t>{1}));
  }  // original destroyed: the copy must not point into its bytes
  EXPECT_EQ(Values(copy.table().Lookup("kunduz")), (std::vector<uint32_t>{1}));
  OwnedPhraseTable moved(std::move(copy));
  EXPECT_EQ(Values(moved.table().Lookup("lashkar gah")), (std::vector<uint32_t>{2}));
  std::vector<OwnedPhraseTable> v;
  for (int k = 0; k < 10; ++k) v.push_back(make());  // reallocation moves them
  for (const auto& o : v) EXPECT_EQ(Values(o.table().Lookup("herat")), (std::vector<uint32_t>{9}));
}

// ---------------------------------------------------------------------------------------
// Corrupt bytes

std::string Serialized() {
  std::string s;
  Places().Serialize(&s);
  return s;
}

void Put64(std::string* s, size_t at, uint64_t v) { std::memcpy(s->data() + at, &v, 8); }

TEST(PhraseTableView, RefusesTruncatedHeaderAndData) {
  std::string good = Serialized();
  for (size_t n : {size_t{0}, size_t{8}, size_t{15}}) {
    Viewed v(good.substr(0, n));
    auto t = v.View();
    ASSERT_FALSE(t.ok()) << n;
    EXPECT_EQ(t.status().code(), Status::Code::kCorruption);
  }
  Viewed cut(good.substr(0, good.size() - 4));  // one posting short
  EXPECT_FALSE(cut.View().ok());
  Viewed half(good.substr(0, good.size() / 2));
  EXPECT_FALSE(half.View().ok());
}

TEST(PhraseTableView, RefusesBadCounts) {
  std::string bad_slots = Serialized();
  Put64(&bad_slots, 0, 12);  // not a power of two
  EXPECT_FALSE(Viewed(bad_slots).View().ok());
  std::string huge_slots = Serialized();
  Put64(&huge_slots, 0, uint64_t{1} << 62);  // would overflow a size computation
  EXPECT_FALSE(Viewed(huge_slots).View().ok());
  std::string huge_posts = Serialized();
  Put64(&huge_posts, 8, ~uint64_t{0});
  EXPECT_FALSE(Viewed(huge_posts).View().ok());
}

TEST(PhraseTableView, RefusesPostingListsOutOfRange) {
  std::string s = Serialized();
  uint64_t slots;
  std::memcpy(&slots, s.data(), 8);
  // Point the first occupied slot's postings past the end.
  for (uint64_t k = 0; k < slots; ++k) {
    PhraseSlot slot;
    std::memcpy(&slot, s.data() + 16 + k * sizeof(PhraseSlot), sizeof slot);
    if (!slot.key) continue;
    slot.postings = 1u << 30;
    std::memcpy(s.data() + 16 + k * sizeof(PhraseSlot), &slot, sizeof slot);
    break;
  }
  auto t = Viewed(s).View();
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("out of range"), std::string::npos);
}

TEST(PhraseTableView, RefusesMisalignedBytes) {
  std::string s = Serialized();
  std::string shifted = "x" + s;
  Viewed v(shifted);
  auto t = PhraseTable::View(std::string_view(v.data() + 1, s.size()));
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("misaligned"), std::string::npos);
}

TEST(PhraseTableView, FullTableWithoutEmptySlotsStillTerminates) {
  std::string s = Serialized();
  uint64_t slots;
  std::memcpy(&slots, s.data(), 8);
  for (uint64_t k = 0; k < slots; ++k) {
    PhraseSlot slot;
    std::memcpy(&slot, s.data() + 16 + k * sizeof(PhraseSlot), sizeof slot);
    if (!slot.key) {
      slot = PhraseSlot{0x1234567800000000ull + k, 0, 0};
      std::memcpy(s.data() + 16 + k * sizeof(PhraseSlot), &slot, sizeof slot);
    }
  }
  Viewed v(s);
  auto t = v.View();
  ASSERT_TRUE(t.ok());
  EXPECT_TRUE(t->Lookup("absent phrase").empty());  // probes every slot, then gives up
  EXPECT_EQ(Values(t->Lookup("kunduz")), (std::vector<uint32_t>{1}));
}

TEST(PhraseTableView, RandomCorruptionIsRefusedOrSafe) {
  const std::string good = Serialized();
  std::mt19937_64 rng(42);
  text::Analysis a;
  text::Tokenize("Kunduz Lashkar Gah Sar e Pul New York City Kabul Herat absent", &a);
  const uint32_t n = static_cast<uint32_t>(a.tokens.size());
  int refused = 0;
  for (int round = 0; round < 2000; ++round) {
    std::string s = good;
    int flips = 1 + static_cast<int>(rng() % 4);
    for (int f = 0; f < flips; ++f) s[rng() % s.size()] ^= static_cast<char>(1 + rng() % 255);
    if (rng() % 5 == 0) s.resize(rng() % s.size());
    Viewed v(s);
    auto t = v.View();
    if (!t.ok()) {
      ++refused;
      continue;
    }
    // Accepted: every lookup stays inside the bytes (ASan checks this in sanitizer builds).
    for (uint32_t i = 0; i < n; ++i) {
      Match m;
      if (t->LongestAt(a, i, n, &m)) {
        for (uint32_t val : m.values) (void)val;
        EXPECT_LE(m.end, n);
      }
      std::vector<Match> all;
      t->AllAt(a, i, n, &all);
    }
  }
  EXPECT_GT(refused, 0);
}

}  // namespace
}  // namespace sitrep::lexicon
