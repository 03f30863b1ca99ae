#pragma once
/// Reading the input paths of check, lint and diff into one CheckResult: quote stores are
/// read as they are, every other input is extracted through the parallel document pipeline
/// (runs of articles between stores, in input order).

#include <ostream>
#include <string>
#include <vector>

#include "core/check_model.h"
#include "core/diagnostic.h"
#include "ingest/document_reader.h"
#include "ingest/file_identity.h"
#include "ingest/quote_store.h"

namespace quotecheck {

class QuoteExtractor;

/// Reads `paths` into `result` (quote stores as they are, or through `keep`
/// when it is given; every other input extracted on `jobs` threads), marks the documents
/// added primary (`primary`, or role "primary") and draft (`draft`), and keeps the text of
/// each extracted document in `texts` when it is not null. Every diagnostic is kept in
/// `result`; those at or above `min_shown` are also written to `err`. With `seen`, a file
/// already in it (named twice, or read as a draft) is left out, and each file read is added.
void ReadDocuments(const std::vector<std::string>& paths, bool primary, bool draft,
                   Severity min_shown, const QuoteExtractor& extractor, const IngestOptions& ingest,
                   unsigned jobs, const QuoteStoreFilter* keep, std::ostream& err,
                   CheckResult* result, DraftTexts* texts, FileSet* seen = nullptr);

}  // namespace quotecheck
