#include "ingest/input_documents.h"

#include <utility>

#include "ingest/input_paths.h"

namespace quotecheck {

InputDocuments::InputDocuments(std::vector<std::string> paths, IngestOptions options)
    : paths_(std::move(paths)), options_(std::move(options)) {}

bool InputDocuments::ExpandNextPath() {
  if (next_path_ == paths_.size()) return false;
  const std::string& path = paths_[next_path_++];
  InputExpansion expansion = ExpandInputPaths({path}, options_.walk);
  pending_files_ = std::move(expansion.files);
  next_file_ = 0;
  pending_failures_.clear();
  next_failure_ = 0;
  for (Diagnostic& diagnostic : expansion.diagnostics) {
    DocumentResult failure;
    failure.doc.id = diagnostic.path.empty() ? path : diagnostic.path;
    failure.doc.path = failure.doc.id;
    failure.failed = true;  // the expansion only reports paths it could not use
    failure.error_message = diagnostic.message;
    failure.diagnostics.push_back(std::move(diagnostic));
    pending_failures_.push_back(std::move(failure));
  }
  for (Diagnostic& warning : expansion.warnings) {
    // A skipped entry (a FIFO in a walked directory): an empty document carrying the warning,
    // so that the warning is shown and the summary still accounts for the entry.
    DocumentResult skipped;
    skipped.doc.id = warning.path;
    skipped.doc.path = warning.path;
    skipped.diagnostics.push_back(std::move(warning));
    pending_failures_.push_back(std::move(skipped));
  }
  return true;
}

bool InputDocuments::Next(DocumentResult* out) {
  for (;;) {
    if (reader_) {
      if (reader_->Next(out)) return true;
      reader_.reset();
    }
    if (next_failure_ < pending_failures_.size()) {
      *out = std::move(pending_failures_[next_failure_++]);
      return true;
    }
    if (next_file_ < pending_files_.size()) {
      reader_.emplace(DocumentReader::Open(pending_files_[next_file_++], options_));
      continue;
    }
    if (!ExpandNextPath()) return false;
  }
}

}  // namespace quotecheck
