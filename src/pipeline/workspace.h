// Per-thread scratch for Pipeline::Process: buffers reused from one document to the next.
#ifndef SITREP_PIPELINE_WORKSPACE_H_
#define SITREP_PIPELINE_WORKSPACE_H_

#include <string>
#include <vector>

#include "text/text.h"

namespace sitrep {

class Workspace {
 public:
  text::Analysis analysis;
  std::vector<std::string> country_hints;  // for the geoparser (see Pipeline::Process)
};

}  // namespace sitrep

#endif  // SITREP_PIPELINE_WORKSPACE_H_
