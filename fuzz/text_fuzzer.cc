// Fuzz target: the text layer. Normalize on raw bytes, Analyze (tokens, sentences, speech)
// on the text as the reader hands it over (valid UTF-8), Tokenize and FoldPhrase.
// Invariants: every token and sentence lies inside the text on character boundaries, in
// order; folded forms lie inside Analysis::folded; speech ranges name existing tokens;
// Normalize's offset map has one entry per output byte plus one, never decreasing, ending at
// the input's size.
#include <algorithm>
#include <cstdint>
#include <string>

#include "doc/reader.h"
#include "fuzz/fuzz_util.h"
#include "text/text.h"

using sitrep::fuzz::IsCharSpan;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(sitrep::fuzz::AsView(data, size));
  auto check_normalized = [](const std::string& in, bool valid) {
    sitrep::text::Normalized n = sitrep::text::Normalize(in);
    FUZZ_CHECK(n.orig_offsets.size() == n.text.size() + 1);
    FUZZ_CHECK(n.orig_offsets.back() == in.size());
    for (size_t k = 1; k < n.orig_offsets.size(); ++k)
      FUZZ_CHECK(n.orig_offsets[k - 1] <= n.orig_offsets[k]);
    if (valid) FUZZ_CHECK(sitrep::IsValidUtf8(n.text));
  };
  check_normalized(text, false);  // raw bytes: offsets must still hold
  sitrep::SanitizeText(&text, nullptr);
  check_normalized(text, true);

  static sitrep::text::Analysis a;  // reused, as a Workspace is
  sitrep::text::Analyze(text, &a);
  uint32_t prev_end = 0;
  for (uint32_t i = 0; i < a.tokens.size(); ++i) {
    const auto& t = a.tokens[i];
    FUZZ_CHECK(t.start < t.end && IsCharSpan(text, t.start, t.end));
    FUZZ_CHECK(t.start >= prev_end);
    prev_end = t.end;
    FUZZ_CHECK(uint64_t{t.fold_start} + t.fold_len <= a.folded.size());
    FUZZ_CHECK(t.sentence < a.sentences.size());
  }
  uint32_t next = 0;
  for (const auto& s : a.sentences) {
    FUZZ_CHECK(s.begin == next && s.begin < s.end && s.end <= a.tokens.size());
    next = s.end;
    FUZZ_CHECK(IsCharSpan(text, s.start, s.stop));
  }
  FUZZ_CHECK(next == a.tokens.size());
  FUZZ_CHECK(a.speech_reach.size() == a.speech.size());
  for (int k = 0; k < static_cast<int>(a.speech.size()); ++k) {
    const auto& sp = a.speech[static_cast<size_t>(k)];
    FUZZ_CHECK(sp.content_begin <= sp.content_end && sp.content_end <= a.tokens.size());
    FUZZ_CHECK(sp.speaker_begin <= sp.speaker_end && sp.speaker_end <= a.tokens.size());
    FUZZ_CHECK(sp.verb < static_cast<int32_t>(a.tokens.size()));
    FUZZ_CHECK(sp.antecedent < static_cast<int32_t>(a.speech.size()));
    auto [b, e] = a.SpeakerOf(k);
    FUZZ_CHECK(b <= e && e <= a.tokens.size());
  }
  for (uint32_t i = 0; i < a.tokens.size(); i += 7) {
    int s = a.SpeechOf(i);
    FUZZ_CHECK(s >= -1 && s < static_cast<int>(a.speech.size()));
  }

  size_t cut = std::min<size_t>(text.size(), 256);
  while (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) ++cut;
  std::string folded = sitrep::text::FoldPhrase(text.substr(0, cut));
  FUZZ_CHECK(sitrep::IsValidUtf8(folded));
  return 0;
}
