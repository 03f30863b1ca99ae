#pragma once
/// The ordered parallel runner (core/ordered_pipeline.h) over documents: they are read in
/// input order on the calling thread, processed by `jobs` threads (the calling thread among
/// them), and delivered back
/// on the calling thread strictly in input order (by sequence number). At most
/// `max_in_flight` documents are between reading and delivery at any time, so memory stays
/// bounded however many documents there are. With one job everything runs on the calling
/// thread, without threads or locks.

#include <cstddef>
#include <functional>

#include "core/document_result.h"

namespace quotecheck {

struct DocumentPipelineSteps {
  /// Reads the next document into `*result` (a fresh DocumentResult); returns false at the
  /// end of the input. Called on the calling thread only.
  std::function<bool(DocumentResult* result)> read;
  /// Processes one document in place. Called on worker threads and the calling thread,
  /// concurrently for different documents: must be thread-safe.
  std::function<void(DocumentResult* result)> process;
  /// Receives each processed document, in input order, on the calling thread. Returns
  /// false to stop the run early (e.g. the output cannot be written): nothing more is read,
  /// and documents already in flight are dropped undelivered.
  std::function<bool(DocumentResult& result)> deliver;
};

struct DocumentPipelineOptions {
  /// Threads that process documents, the calling thread among them; 1 (or 0) runs
  /// everything on the calling thread.
  size_t jobs = 1;
  /// Documents read but not yet delivered; 0 means 4 × jobs.
  size_t max_in_flight = 0;
};

/// Runs read → process → deliver over the whole input. Each result's `sequence` is set to
/// its 0-based position in the input before it is processed. Returns the number of
/// documents delivered.
size_t RunDocumentPipeline(const DocumentPipelineOptions& options,
                           const DocumentPipelineSteps& steps);

/// Most worker threads a run starts: more only contend for the cores, and thousands fail
/// to start at all (`-j 100000`). A larger -j is cut to this with a warning (command line);
/// if even these cannot all be started, the pipeline goes on with those that were.
inline constexpr unsigned kMaxJobs = 256;

/// The worker count for `-j N`: N itself (at most kMaxJobs), or the hardware concurrency
/// (at least 1) for 0.
size_t ResolveJobCount(unsigned requested);

}  // namespace quotecheck
