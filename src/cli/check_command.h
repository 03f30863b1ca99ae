#pragma once
/// `quotecheck check`: cross-references the quotations of many sources. The passes, in order:
///   load rules → read each input (references first): a quote store is read as it is,
///   any other input is extracted (in parallel, in input order) and its text dropped →
///   cross-reference (candidates, links, clusters, findings) → print → exit status by the
///   fail level.

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/report_output.h"
#include "core/diagnostic.h"
#include "ingest/path_filter.h"
#include "ingest/text_decoder.h"
#include "xref/link_output.h"

namespace quotecheck {

struct CheckOptions {
  ReportFormat format = ReportFormat::kText;
  ColorMode color = ColorMode::kAuto;
  /// Findings at or above this severity make the exit status 1; none: never.
  std::optional<Severity> fail_level = Severity::kError;
  bool no_exit = false;  // --no-exit: exit 0 whatever the findings
  /// --min-confidence: findings less sure than this (0..1) are not reported.
  double min_confidence = 0.0;
  /// --links: which link records to write (xref/link_output.h).
  LinkOutput links = LinkOutput::kParent;
  unsigned jobs = 0;  // -j: 0 (the default) = one worker per core, as ripgrep and ninja
  std::vector<std::string> rule_dirs;
  std::vector<std::string> text_fields;
  PathFilter walk;                      // --glob, --exclude
  Encoding encoding = Encoding::kAuto;  // --encoding
  std::string output_path;
  /// Primary sources (transcripts, statements): --reference PATHS.
  std::vector<std::string> references;
  std::vector<std::string> paths;
};

/// Runs the check command; results to `out` (or options.output_path), diagnostics to `err`.
/// `stdout_is_terminal` decides colour in auto mode (with NO_COLOR honoured). SARIF and
/// GitHub output name files relative to the repository root (the nearest directory up from
/// the working directory holding .git, else the working directory), HTML links relative to
/// the report's directory; the GitHub format also appends a Markdown report to the file
/// named by $GITHUB_STEP_SUMMARY when it is set.
int RunCheck(const CheckOptions& options, std::ostream& out, std::ostream& err,
             bool stdout_is_terminal);

}  // namespace quotecheck
