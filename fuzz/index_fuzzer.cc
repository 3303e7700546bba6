// Fuzz target: Gazetteer::Open on mutated index bytes. Byte 0 is a mode, the rest is the
// file. With mode bit 0 set, the header's file size and checksum are recomputed after the
// mutation, so that the fuzzer gets past the checksum and exercises the structural checks
// (section bounds, record ranges, phrase tables, postings) that guard every later read.
// A file Open accepts is then read everywhere a pipeline would read it: every place record,
// code lookups, names and words lookups, and the geoparser over a text full of place names.
// Invariant: Open refuses or accepts; nothing reads outside the mapping (ASan) and nothing
// loops (libFuzzer's -timeout).
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "fuzz/fuzz_util.h"
#include "geo/gazetteer.h"
#include "geo/geoparser.h"
#include "geo/index_format.h"
#include "sitrep/event.h"
#include "text/text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string bytes(sitrep::fuzz::AsView(data + 1, size - 1));
  using sitrep::geo::FileHeader;
  if ((data[0] & 1) && bytes.size() >= sizeof(FileHeader)) {
    FileHeader h;
    std::memcpy(&h, bytes.data(), sizeof h);
    h.file_size = bytes.size();
    h.checksum = sitrep::geo::IndexChecksum(bytes.data() + sizeof h, bytes.size() - sizeof h);
    std::memcpy(bytes.data(), &h, sizeof h);
  }
  sitrep::fuzz::MemFile file(bytes);
  auto g = sitrep::geo::Gazetteer::Open(file.path());
  if (!g.ok()) {
    FUZZ_CHECK(g.status().message().find(file.path()) != std::string::npos);
    return 0;
  }
  const sitrep::geo::Gazetteer& gz = **g;
  const uint32_t n = gz.place_count();
  for (uint32_t i = 0; i < n && i < 4096; ++i) {
    sitrep::Toponym t;
    gz.FillToponym(i, &t);
    (void)gz.PlaceName(i);
    std::string_view code = gz.PlaceCode(i);
    uint32_t p = gz.FindCode(code);
    FUZZ_CHECK(p == sitrep::geo::kNoPlace || p < n);
    (void)gz.CountryName(code);
    (void)gz.Admin1Name(code);
    (void)gz.Admin2Name(code);
  }
  for (const char* name : {"kabul", "kunduz", "gao", "mali", "afghan", "province", "the"}) {
    for (uint32_t v : gz.names().Lookup(name)) FUZZ_CHECK(sitrep::geo::PostingPlace(v) < n);
    (void)gz.words().Lookup(name);
  }
  (void)gz.Describe();
  static sitrep::text::Analysis a;
  static bool analysed = false;
  if (!analysed) {
    sitrep::text::Analyze(
        "KABUL, Aug 8 (Reuters) - The Taliban seized Kunduz, 300 km north of Kabul, and "
        "Sar-e-Pul in northern Afghanistan on Sunday. Clashes near Gao, Mali, and in Kharkiv "
        "province, Ukraine; Afghan forces withdrew from the capital of Helmand.",
        &a);
    analysed = true;
  }
  sitrep::Document doc;
  doc.text = std::string(a.text);
  std::vector<sitrep::Toponym> toponyms;
  std::vector<sitrep::Claim> claims;
  sitrep::geo::Geoparser(&gz).Parse(a, doc, &toponyms, &claims);
  for (const auto& t : toponyms) FUZZ_CHECK(t.place < 0 || static_cast<uint32_t>(t.place) < n);
  return 0;
}
