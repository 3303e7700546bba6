// Fuzz target: the time normaliser. The first input byte picks the document date: none, a
// fixed one (ordinary, leap day, the calendar's ends), or the next ten bytes as given (a
// library caller may pass anything); the rest is the text. Tag runs with no date and with
// that date, FindDateline with and without a hint. Invariants: every timex lies inside the
// text on character boundaries and its text is those bytes; first_day <= last_day when
// both are set; every string printed later is valid UTF-8.
#include <cstdint>
#include <string>
#include <vector>

#include "doc/reader.h"
#include "fuzz/fuzz_util.h"
#include "text/text.h"
#include "time/time_tagger.h"

namespace {

void CheckTimexes(std::string_view text, const std::vector<sitrep::Timex>& out) {
  for (const auto& t : out) {
    FUZZ_CHECK(t.start < t.end);
    FUZZ_CHECK(sitrep::fuzz::SpanIs(text, t.start, t.end, t.text));
    FUZZ_CHECK(!t.type.empty() && sitrep::IsValidUtf8(t.value) && sitrep::IsValidUtf8(t.mod));
    if (!t.first_day.empty() && !t.last_day.empty()) FUZZ_CHECK(t.first_day <= t.last_day);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const sitrep::time::TimeTagger tagger;
  static const char* kDates[] = {"2021-08-08", "2020-02-29", "0001-01-01", "9999-12-31",
                                 "1970-01-01", "2000-12-31", "2023-01-01"};
  if (size == 0) return 0;
  std::string dct;
  size_t skip = 1;
  uint8_t sel = data[0];
  if (sel < 8) {
    dct = sel == 0 ? "" : kDates[sel - 1];
  } else if (sel == 8 && size >= 11) {
    dct.assign(reinterpret_cast<const char*>(data) + 1, 10);  // unchecked: as a caller may
    skip = 11;
  } else {
    dct = kDates[sel % 7];
  }
  std::string text(sitrep::fuzz::AsView(data + skip, size - skip));
  sitrep::SanitizeText(&text, nullptr);
  static sitrep::text::Analysis a;
  sitrep::text::Analyze(text, &a);

  std::vector<sitrep::Timex> out;
  tagger.Tag(a, "", &out);
  CheckTimexes(text, out);
  out.clear();
  tagger.Tag(a, dct, &out);
  CheckTimexes(text, out);

  for (std::string_view hint : {std::string_view(), std::string_view(dct)}) {
    std::string d = tagger.FindDateline(a, hint);
    FUZZ_CHECK(d.empty() || sitrep::NormalizeDate(d) == d);
  }
  return 0;
}
