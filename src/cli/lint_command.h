#pragma once
/// `quotecheck lint DRAFTS… --against REFS…`: checks each quotation of the drafts against
/// the references. The passes:
///   configuration (--config, or the nearest .quotecheck.toml of each draft) → rules →
///   drafts (extracted, their text kept for the report) → references: quote stores read
///   filtered to the quotations that share a 4-word shingle with a draft quotation
///   (lint/quote_shingles.h), other references extracted as primary sources → the drafts'
///   quotations appended after the references → cross-reference → lint findings
///   (findings/lint_findings.h) → severities from the configuration (off drops a finding) →
///   --write-baseline, then --baseline drops the accepted findings → print → exit status.

#include <optional>
#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "cli/check_command.h"
#include "core/check_model.h"
#include "core/status.h"
#include "ingest/document_reader.h"
#include "ingest/file_identity.h"
#include "ingest/inline_switches.h"
#include "ingest/quote_store.h"
#include "lint/lint_text.h"

namespace quotecheck {

class QuoteExtractor;

struct LintOptions {
  ReportFormat format = ReportFormat::kText;
  ColorMode color = ColorMode::kAuto;
  /// --fail-level when given (the inner nullopt is "none"); else the configuration's, else
  /// error.
  std::optional<std::optional<Severity>> fail_level;
  bool no_exit = false;
  /// --min-confidence: findings less sure than this (0..1) are not reported.
  double min_confidence = 0.0;
  unsigned jobs = 0;  // -j: 0 (the default) = one worker per core, as ripgrep and ninja
  std::vector<std::string> rule_dirs;
  std::vector<std::string> text_fields;
  PathFilter walk;                      // --glob, --exclude
  Encoding encoding = Encoding::kAuto;  // --encoding
  std::string output_path;
  std::string config_path;              // --config FILE
  std::string baseline_path;            // --baseline FILE
  std::string write_baseline_path;      // --write-baseline FILE
  std::vector<std::string> references;  // --against PATHS
  std::vector<std::string> primary;     // --primary PATHS: primary-source references
  std::vector<std::string> drafts;
};

/// Runs lint; the report to `out` (or options.output_path), diagnostics to `err`.
int RunLint(const LintOptions& options, std::ostream& out, std::ostream& err,
            bool stdout_is_terminal);

/// Inline-switch suppressions of each draft, by document index.
using DraftSuppressions = std::unordered_map<uint32_t, std::vector<Suppression>>;

/// Reads the draft files and directories `paths` with ReadDraftFile (Markdown and HTML
/// masked, block quotations, inline switches), extracts them and appends them to `result`
/// marked draft, keeping each one's text and suppressions (JSON and JSON Lines inputs,
/// quote stores included, are read as check reads them, without text). A path that cannot be read
/// is a failed document. Diagnostics are written to `err`. With `seen`, a file already in it
/// is left out and each file read is added (a draft is then never one of the references).
void ReadDrafts(const std::vector<std::string>& paths, const QuoteExtractor& extractor,
                const IngestOptions& ingest, std::ostream& err, CheckResult* result,
                DraftTexts* texts, DraftSuppressions* suppressions, FileSet* seen = nullptr);

/// Removes the findings an inline switch of their draft turns off; returns how many.
size_t ApplySuppressions(const DraftSuppressions& suppressions, CheckResult* result);

/// Appends the documents, quotations, diagnostics, errors and counts of `from` to `to`
/// (quote document indexes and text keys shifted).
void AppendCheckResult(CheckResult&& from, DraftTexts&& from_texts,
                       DraftSuppressions&& from_suppressions, CheckResult* to, DraftTexts* to_texts,
                       DraftSuppressions* to_suppressions);

}  // namespace quotecheck
