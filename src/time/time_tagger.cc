#include "time/time_tagger.h"

namespace sitrep::time {

TimeTagger::TimeTagger() = default;
TimeTagger::~TimeTagger() = default;

void TimeTagger::Tag(const text::Analysis&, std::string_view, std::vector<Timex>*) const {}

std::string TimeTagger::FindDateline(const text::Analysis&, std::string_view) const { return {}; }

}  // namespace sitrep::time
