// Per-thread scratch for Pipeline::Process: buffers reused from one document to the next.
#ifndef SITREP_PIPELINE_WORKSPACE_H_
#define SITREP_PIPELINE_WORKSPACE_H_

#include "text/text.h"

namespace sitrep {

class Workspace {
 public:
  text::Analysis analysis;
};

}  // namespace sitrep

#endif  // SITREP_PIPELINE_WORKSPACE_H_
