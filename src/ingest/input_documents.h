#pragma once
/// All the documents of the PATHS named on the command line, as one stream in input order:
/// each path is expanded (directories walked, see ingest/input_paths.h) and each file read
/// with a DocumentReader. A path that cannot be used becomes a *failed* DocumentResult in
/// its place (id = the path, the expansion's error as message and diagnostic), so that it
/// is counted, reported and given an `error` record like any unreadable document.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/document_result.h"
#include "ingest/document_reader.h"

namespace quotecheck {

class InputDocuments {
 public:
  /// Paths as named by the user ("-" for standard input). `options` is copied.
  InputDocuments(std::vector<std::string> paths, IngestOptions options);

  /// Fills `*out` with the next document (or failure) and returns true; false at the end.
  bool Next(DocumentResult* out);

 private:
  // Expands the next user path into pending_files_ / pending_failures_; false when none.
  bool ExpandNextPath();

  std::vector<std::string> paths_;
  IngestOptions options_;
  size_t next_path_ = 0;
  // The current path's expansion: failures first go out in order, then files.
  std::vector<DocumentResult> pending_failures_;  // and the warnings of skipped entries
  size_t next_failure_ = 0;
  std::vector<std::string> pending_files_;
  size_t next_file_ = 0;
  std::optional<DocumentReader> reader_;
};

}  // namespace quotecheck
