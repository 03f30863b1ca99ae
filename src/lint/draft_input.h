#pragma once
/// The drafts of `lint` (and both sides of `diff`) as read for checking: each draft file read
/// with ReadDraftFile (Markdown and HTML masked, block quotations, inline switches) and
/// extracted, its text and inline-switch suppressions kept by document index; then the
/// suppressions applied to the findings.

#include <cstdint>
#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/check_model.h"
#include "ingest/document_reader.h"
#include "ingest/file_identity.h"
#include "ingest/inline_switches.h"

namespace quotecheck {

class QuoteExtractor;

/// Inline-switch suppressions of each draft, by document index.
using DraftSuppressions = std::unordered_map<uint32_t, std::vector<Suppression>>;

/// Reads the draft files and directories `paths` with ReadDraftFile (Markdown and HTML
/// masked, block quotations, inline switches), extracts them and appends them to `result`
/// marked draft, keeping each one's text and suppressions (JSON and JSON Lines inputs,
/// quote stores included, are read as check reads them, without text). A path that cannot be read
/// is a failed document. Diagnostics at or above `min_shown` are written to `err` (an
/// unbalanced mark is a finding, not a diagnostic). With `seen`, a file already in it is
/// left out and each file read is added (a draft is then never one of the references).
void ReadDrafts(const std::vector<std::string>& paths, const QuoteExtractor& extractor,
                const IngestOptions& ingest, std::ostream& err, CheckResult* result,
                DraftTexts* texts, DraftSuppressions* suppressions, FileSet* seen = nullptr,
                Severity min_shown = Severity::kInfo);

/// Removes the findings an inline switch of their draft turns off; returns how many.
size_t ApplySuppressions(const DraftSuppressions& suppressions, CheckResult* result);

/// Appends the documents, quotations, diagnostics, errors and counts of `from` to `to`
/// (quote document indexes and text keys shifted).
void AppendCheckResult(CheckResult&& from, DraftTexts&& from_texts,
                       DraftSuppressions&& from_suppressions, CheckResult* to, DraftTexts* to_texts,
                       DraftSuppressions* to_suppressions);

}  // namespace quotecheck
