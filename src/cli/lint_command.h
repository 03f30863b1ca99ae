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

#include <ostream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/report_output.h"

namespace quotecheck {

struct LintOptions {
  /// report.fail_level_given false: the configuration's fail level, else error.
  ReportOptions report;
  std::string config_path;              // --config FILE
  std::string baseline_path;            // --baseline FILE
  std::string write_baseline_path;      // --write-baseline FILE
  std::vector<std::string> references;  // --against PATHS
  std::vector<std::string> primary;     // --primary PATHS: primary-source references
  std::vector<std::string> drafts;
};

/// Registers lint's options on `command`: --format, --against, --primary, --config,
/// --baseline, --write-baseline, the report options (cli/command_options.h) and DRAFTS
/// (at least one is required).
CommandRunner AddLintCommand(CLI::App* command);

/// Runs lint; the report to `out` (or options.output_path), diagnostics to `err`.
int RunLint(const LintOptions& options, std::ostream& out, std::ostream& err,
            bool stdout_is_terminal);

}  // namespace quotecheck
