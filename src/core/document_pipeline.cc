#include "core/document_pipeline.h"

#include <algorithm>
#include <thread>

#include "core/ordered_pipeline.h"

namespace quotecheck {
size_t RunDocumentPipeline(const DocumentPipelineOptions& options,
                           const DocumentPipelineSteps& steps) {
  OrderedPipelineSteps<DocumentResult> ordered;
  ordered.read = [&](DocumentResult* result, size_t sequence) {
    if (!steps.read(result)) return false;
    result->sequence = sequence;
    return true;
  };
  ordered.process = steps.process;
  ordered.deliver = steps.deliver;
  return RunOrderedPipeline({.jobs = options.jobs, .max_in_flight = options.max_in_flight},
                            ordered);
}

size_t ResolveJobCount(unsigned requested) {
  if (requested > 0) return std::min<size_t>(requested, kMaxJobs);
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace quotecheck
