// Gazetteer::Open and the read side of the index (layout: geo/index_format.h). Open checks
// everything a later read could trust: the header, every section's bounds and alignment, a
// checksum of the body, and every cross-reference (string offsets, place indices, posting
// lists), so that no method below can read outside the mapping.
#include "geo/gazetteer.h"

#include <algorithm>
#include <cstring>

#include "sitrep/event.h"
#include "util/mapped_file.h"

namespace sitrep::geo {

struct Gazetteer::Impl {
  std::string path;
  MappedFile file;
  const PlaceRec* places = nullptr;
  uint32_t place_count = 0;
  const char* strings = nullptr;
  uint64_t strings_size = 0;
  const CodeRec* codes = nullptr;
  uint32_t code_count = 0;
  std::string_view meta;
  lexicon::PhraseTable names;
  lexicon::PhraseTable words;
};

Gazetteer::Gazetteer(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)), places_(impl_->places), place_count_(impl_->place_count) {}
Gazetteer::~Gazetteer() = default;

namespace {

Status Bad(const std::string& path, const std::string& what) {
  return Status::Corruption(path + ": not a usable gazetteer index (" + what +
                            "); rebuild it with `sitrep index build`");
}

}  // namespace

Result<std::unique_ptr<Gazetteer>> Gazetteer::Open(const std::string& path) {
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  auto mf = MappedFile::Open(path);
  if (!mf.ok()) return mf.status();
  impl->file = std::move(mf).value();
  std::string_view bytes = impl->file.view();
  if (bytes.size() < sizeof(FileHeader)) return Bad(path, "truncated header");
  FileHeader h;
  std::memcpy(&h, bytes.data(), sizeof h);
  if (std::memcmp(h.magic, kIndexMagic, sizeof h.magic) != 0)
    return Bad(path, "wrong magic number: not a sitrep index");
  if (h.endian != kEndianMark) return Bad(path, "built on a machine of another byte order");
  if (h.version != kIndexVersion) {
    return Status::Corruption(path + ": index format version " + std::to_string(h.version) +
                              ", but this sitrep reads version " + std::to_string(kIndexVersion) +
                              "; rebuild it with `sitrep index build` (or ./setup.sh)");
  }
  if (h.file_size != bytes.size()) {
    return Bad(path, "file is " + std::to_string(bytes.size()) + " bytes, header says " +
                         std::to_string(h.file_size) + ": truncated or damaged");
  }
  // The checksum starts after the header: the header's own unused fields must be zero.
  if (h.reserved0 != 0 || h.reserved[0] != 0 || h.reserved[1] != 0 || h.reserved[2] != 0)
    return Bad(path, "reserved header fields are not zero: the file is damaged");
  if (h.section_count == 0 || h.section_count > 64) return Bad(path, "bad section count");
  // The checksum starts after the header: the header's own unused fields must be zero.
  if (h.reserved0 != 0 || h.reserved[0] != 0 || h.reserved[1] != 0 || h.reserved[2] != 0)
    return Bad(path, "reserved header fields are not zero: the file is damaged");
  const uint64_t table_end = sizeof(FileHeader) + uint64_t{h.section_count} * sizeof(SectionEntry);
  if (table_end > bytes.size()) return Bad(path, "truncated section table");
  if (IndexChecksum(bytes.data() + sizeof(FileHeader), bytes.size() - sizeof(FileHeader)) !=
      h.checksum)
    return Bad(path, "checksum mismatch: the file is damaged");

  std::string_view sec[8];
  bool seen[8] = {};
  for (uint32_t k = 0; k < h.section_count; ++k) {
    SectionEntry e;
    std::memcpy(&e, bytes.data() + sizeof(FileHeader) + k * sizeof(SectionEntry), sizeof e);
    if (e.offset % 8 != 0 || e.offset < table_end || e.offset > bytes.size() ||
        e.size > bytes.size() - e.offset)
      return Bad(path, "section out of bounds");
    if (e.id < 8) {
      sec[e.id] = bytes.substr(e.offset, e.size);
      seen[e.id] = true;
    }
  }
  for (SectionId id : {SectionId::kPlaces, SectionId::kStrings, SectionId::kNames,
                       SectionId::kWords, SectionId::kCodes, SectionId::kMeta}) {
    if (!seen[static_cast<uint32_t>(id)])
      return Bad(path, "missing section " + std::to_string(static_cast<uint32_t>(id)));
  }
  // Strings: a non-empty pool ending with NUL, so every offset below its size is a string.
  std::string_view s = sec[static_cast<int>(SectionId::kStrings)];
  if (s.empty() || s.back() != '\0') return Bad(path, "string pool not terminated");
  impl->strings = s.data();
  impl->strings_size = s.size();
  // Places.
  std::string_view p = sec[static_cast<int>(SectionId::kPlaces)];
  if (p.size() % sizeof(PlaceRec) != 0 || p.size() / sizeof(PlaceRec) >= kPostingPlaceMask)
    return Bad(path, "bad places section size");
  impl->places = reinterpret_cast<const PlaceRec*>(p.data());
  impl->place_count = static_cast<uint32_t>(p.size() / sizeof(PlaceRec));
  const uint32_t n = impl->place_count;
  for (uint32_t i = 0; i < n; ++i) {
    const PlaceRec& r = impl->places[i];
    auto idx_ok = [n](uint32_t v) { return v == kNoPlace || v < n; };
    if (r.name >= s.size() || r.code >= s.size() || !idx_ok(r.country) || !idx_ok(r.admin1) ||
        !idx_ok(r.admin2) || !idx_ok(r.link) || r.kind > static_cast<uint8_t>(PlaceKind::kRegion) ||
        r.feature >= kFeatureCount)
      return Bad(path, "place record " + std::to_string(i) + " out of range");
  }
  // Phrase tables.
  auto names = lexicon::PhraseTable::View(sec[static_cast<int>(SectionId::kNames)]);
  if (!names.ok()) return Bad(path, names.status().message());
  impl->names = std::move(names).value();
  auto words = lexicon::PhraseTable::View(sec[static_cast<int>(SectionId::kWords)]);
  if (!words.ok()) return Bad(path, words.status().message());
  impl->words = std::move(words).value();
  {
    // Every posting must name a place of this file.
    std::string_view nb = sec[static_cast<int>(SectionId::kNames)];
    uint64_t slots, posts;
    std::memcpy(&slots, nb.data(), 8);
    std::memcpy(&posts, nb.data() + 8, 8);
    const uint32_t* post =
        reinterpret_cast<const uint32_t*>(nb.data() + 16 + slots * sizeof(lexicon::PhraseSlot));
    for (uint64_t k = 0; k < posts; ++k)
      if (PostingPlace(post[k]) >= n) return Bad(path, "posting out of range");
  }
  // Codes.
  std::string_view c = sec[static_cast<int>(SectionId::kCodes)];
  if (c.size() % sizeof(CodeRec) != 0) return Bad(path, "bad codes section size");
  impl->codes = reinterpret_cast<const CodeRec*>(c.data());
  impl->code_count = static_cast<uint32_t>(c.size() / sizeof(CodeRec));
  for (uint32_t i = 0; i < impl->code_count; ++i) {
    if (impl->codes[i].code >= s.size() || impl->codes[i].place >= n)
      return Bad(path, "code record out of range");
  }
  impl->meta = sec[static_cast<int>(SectionId::kMeta)];
  return std::unique_ptr<Gazetteer>(new Gazetteer(std::move(impl)));
}

const lexicon::PhraseTable& Gazetteer::names() const { return impl_->names; }
const lexicon::PhraseTable& Gazetteer::words() const { return impl_->words; }

uint32_t Gazetteer::WordClasses(const text::Analysis& a, uint32_t i) const {
  if (i >= a.tokens.size()) return 0;
  auto v = impl_->words.LookupKey(lexicon::PhraseKey(a, i, i + 1));
  return v.empty() ? 0 : v[0];
}


std::string_view Gazetteer::String(uint32_t offset) const {
  if (offset >= impl_->strings_size) return {};
  return std::string_view(impl_->strings + offset);
}

uint32_t Gazetteer::FindCode(std::string_view code) const {
  const CodeRec* b = impl_->codes;
  const CodeRec* e = b + impl_->code_count;
  const CodeRec* it = std::lower_bound(
      b, e, code, [this](const CodeRec& r, std::string_view k) { return String(r.code) < k; });
  if (it != e && String(it->code) == code) return it->place;
  return kNoPlace;
}

std::string_view Gazetteer::CountryName(std::string_view cc) const {
  uint32_t p = FindCode(cc);
  if (p == kNoPlace || place(p).kind != static_cast<uint8_t>(PlaceKind::kCountry)) return {};
  return PlaceName(p);
}

std::string_view Gazetteer::Admin1Name(std::string_view admin1_code) const {
  uint32_t p = FindCode(admin1_code);
  if (p == kNoPlace || place(p).kind != static_cast<uint8_t>(PlaceKind::kAdmin1)) return {};
  return PlaceName(p);
}

std::string_view Gazetteer::Admin2Name(std::string_view admin2_code) const {
  uint32_t p = FindCode(admin2_code);
  if (p == kNoPlace || place(p).kind != static_cast<uint8_t>(PlaceKind::kAdmin2)) return {};
  return PlaceName(p);
}

void Gazetteer::FillToponym(uint32_t p, Toponym* t) const {
  if (p >= place_count_) return;
  const PlaceRec& r = place(p);
  t->place = static_cast<int32_t>(p);
  // assign() rather than a temporary string: this runs for every toponym of a document.
  t->name.assign(PlaceName(p));
  t->has_coords = (r.flags & kHasCoords) != 0;
  t->lat = t->has_coords ? r.lat_e5 / 1e5 : 0;
  t->lon = t->has_coords ? r.lon_e5 / 1e5 : 0;
  t->country.assign(r.cc[0] != ' ' ? std::string_view(r.cc, 2) : std::string_view());
  t->admin1.assign(r.admin1 != kNoPlace ? PlaceCode(r.admin1) : std::string_view());
  t->admin2.assign(r.admin2 != kNoPlace ? PlaceCode(r.admin2) : std::string_view());
  t->feature.assign(kFeatureCodes[r.feature]);
  t->geonameid.reset();
  switch (static_cast<PlaceKind>(r.kind)) {
    case PlaceKind::kCity:
      t->geonameid = r.geonameid;
      t->precision = "city";
      break;
    case PlaceKind::kAdmin1: t->precision = "admin1"; break;
    case PlaceKind::kAdmin2: t->precision = "admin2"; break;
    case PlaceKind::kCountry: t->precision = "country"; break;
    case PlaceKind::kRegion: t->precision = "region"; break;
  }
}

std::string Gazetteer::Describe() const {
  std::string m(impl_->meta);
  return impl_->path + " (format " + std::to_string(kIndexVersion) + ", " +
         std::to_string(impl_->place_count) + " places, " +
         std::to_string(impl_->file.size() >> 20) + " MiB" + (m.empty() ? "" : "; " + m) + ")";
}

}  // namespace sitrep::geo
