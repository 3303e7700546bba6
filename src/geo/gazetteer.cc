// PLACEHOLDER until the geoparser issue lands: no index format yet.
#include "geo/gazetteer.h"

namespace sitrep::geo {

struct Gazetteer::Impl {
  lexicon::PhraseTable names;
};

Gazetteer::Gazetteer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Gazetteer::~Gazetteer() = default;

Result<std::unique_ptr<Gazetteer>> Gazetteer::Open(const std::string& path) {
  return Status::NotFound(path + ": gazetteer index not built yet");
}

Status Gazetteer::Build(const BuildInputs&, std::string*) {
  return Status::Internal("index build is not implemented yet");
}

const lexicon::PhraseTable& Gazetteer::names() const { return impl_->names; }
std::string_view Gazetteer::CountryName(std::string_view) const { return {}; }
std::string Gazetteer::Describe() const { return "no index"; }

}  // namespace sitrep::geo
