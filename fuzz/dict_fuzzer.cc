// Fuzz target: the parsers of user dictionaries (actors*.tsv and events*.tsv, given with
// --dict). The first byte picks the parser; the rest is the file. Invariants: an error
// names the file and a line that exists ("mine.tsv:3: ..."); a dictionary that loads can
// be built and matched against a text.
#include <cstdint>
#include <string>
#include <vector>

#include "actors/actors.h"
#include "events/lexicon.h"
#include "fuzz/fuzz_util.h"
#include "text/text.h"

namespace {

void CheckError(const sitrep::Status& st, std::string_view content) {
  const std::string& m = st.message();
  const std::string prefix = "mine.tsv:";
  FUZZ_CHECK(m.rfind(prefix, 0) == 0);
  size_t k = prefix.size();
  uint64_t line = 0;
  while (k < m.size() && m[k] >= '0' && m[k] <= '9') line = line * 10 + static_cast<uint64_t>(m[k++] - '0');
  FUZZ_CHECK(k > prefix.size() && k + 1 < m.size() && m[k] == ':' && m[k + 1] == ' ');
  uint64_t lines = 1;
  for (char c : content) lines += c == '\n';
  FUZZ_CHECK(line >= 1 && line <= lines);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view content = sitrep::fuzz::AsView(data + 1, size - 1);
  static sitrep::text::Analysis a;
  static bool analysed = false;
  if (!analysed) {
    sitrep::text::Analyze(
        "Gunmen attacked a checkpoint near Gao on Sunday, killing three soldiers, the army "
        "said. Protesters were arrested by police in Kabul. The Taliban seized the town.",
        &a);
    analysed = true;
  }
  if (data[0] & 1) {
    sitrep::events::EventLexicon lex;
    sitrep::Status st = lex.AddFile(content, "mine.tsv");
    if (!st.ok()) {
      CheckError(st, content);
      return 0;
    }
    lex.Finish();
    for (uint32_t i = 0; i < a.tokens.size(); ++i) {
      sitrep::lexicon::Match m;
      if (lex.table().LongestAt(a, i, static_cast<uint32_t>(a.tokens.size()), &m)) {
        for (uint32_t v : m.values) FUZZ_CHECK(v < lex.size());
      }
    }
  } else {
    sitrep::actors::ActorDictionary dict;
    sitrep::Status st = dict.AddFile(content, "mine.tsv");
    if (!st.ok()) {
      CheckError(st, content);
      return 0;
    }
    dict.Finish();
    std::vector<sitrep::actors::Mention> mentions;
    sitrep::actors::ActorFinder(&dict).Find(a, {}, &mentions);
    for (const auto& m : mentions) {
      FUZZ_CHECK(m.tok_begin < m.tok_end && m.tok_end <= a.tokens.size());
      FUZZ_CHECK(m.start <= m.end && m.end <= a.text.size());
      if (!m.pronoun) FUZZ_CHECK(m.entry < dict.size());
    }
  }
  return 0;
}
