#pragma once
/// How the subcommands write their reports: the output stream (standard output or -o FILE),
/// colour, and the report formats printed over one CheckResult (check, lint and diff).

#include <fstream>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/check_model.h"
#include "core/diagnostic.h"
#include "core/output_file.h"
#include "core/status.h"
#include "ingest/path_filter.h"
#include "ingest/text_decoder.h"
#include "report/check_report_view.h"

namespace quotecheck {

/// The output formats of check, lint and diff.
enum class ReportFormat { kText, kJsonl, kMarkdown, kSarif, kGithub, kHtml, kCsv, kClaimReview };

/// Each format's --format name: the one list of the formats (the CLI's choices come from it).
struct ReportFormatName {
  std::string_view name;
  ReportFormat format;
};
inline constexpr ReportFormatName kReportFormats[] = {
    {"text", ReportFormat::kText},         {"jsonl", ReportFormat::kJsonl},
    {"markdown", ReportFormat::kMarkdown}, {"sarif", ReportFormat::kSarif},
    {"github", ReportFormat::kGithub},     {"html", ReportFormat::kHtml},
    {"csv", ReportFormat::kCsv},           {"claimreview", ReportFormat::kClaimReview},
};

/// The format named `name` (one of kReportFormats); nullopt for any other name.
std::optional<ReportFormat> FindReportFormat(std::string_view name);

enum class ColorMode { kAuto, kAlways, kNever };

/// The options check, lint and diff share: how to read the inputs and how to report.
struct ReportOptions {
  ReportFormat format = ReportFormat::kText;
  ColorMode color = ColorMode::kAuto;
  /// Findings at or above this severity make the exit status 1; nullopt ("none"): never.
  std::optional<Severity> fail_level = Severity::kError;
  /// False when the command line left the fail level to lint's configuration.
  bool fail_level_given = true;
  bool no_exit = false;  // --no-exit: exit 0 whatever the findings
  bool quiet = false;    // --quiet: only errors on stderr, no summary line
  /// --min-confidence: findings less sure than this (0..1) are not reported.
  double min_confidence = 0.0;
  /// Worker threads; 0 (the default) = one per core, as ripgrep and ninja.
  unsigned jobs = 0;
  /// Extra rule directories (--rules), after the built-in rules.
  std::vector<std::string> rule_dirs;
  /// JSON field names holding the text (--text-field), before the defaults.
  std::vector<std::string> text_fields;
  PathFilter walk;                      // --glob, --exclude
  Encoding encoding = Encoding::kAuto;  // --encoding
  /// Output file (-o); empty for standard output.
  std::string output_path;
};

/// Whether colour is on (--color, NO_COLOR, a terminal, not writing to a file).
bool UseColorFor(ColorMode mode, bool stdout_is_terminal, bool to_file);

/// The stream to write the report to: `out`, or the temporary file of `path` (opened into
/// `*file`). On failure writes "path: error: cannot open for writing: …" to `err` and
/// returns nullptr.
std::ostream* OpenOutput(const std::string& path, std::ostream& out, OutputFile* file,
                         std::ostream& err);

/// Flushes `output` and commits `file` when it is open (`file` may be nullptr); false (with "path:
/// error: cannot write output: …" on `err`) when writing failed (a full disk, a closed pipe,
/// /dev/full).
bool FinishOutput(std::ostream* output, OutputFile* file, const std::string& path,
                  std::ostream& err);

/// Prints `result` in `format` with the check printers (SARIF and GitHub paths relative to the
/// repository root, HTML links relative to the directory of `output_path`; github also appends
/// to $GITHUB_STEP_SUMMARY); text, each subcommand's own report, is written by FinishReport.
/// False, with the error on `err`, when the step summary could not be written. `jobs`: threads
/// the JSONL printer formats records on.
bool PrintReport(const CheckResult& result, ReportFormat format, const std::string& output_path,
                 std::ostream* out, std::ostream& err, unsigned jobs = 1);

/// A subcommand's text report: writes it to `out`, in colour when `color`, and says whether
/// its last line is the run's summary line.
using TextReport = std::function<bool(bool color, std::ostream* out)>;
/// The TextReport that writes `format(color)`, a report made whole, ending with `summary_line`
/// or not.
TextReport WholeTextReport(std::function<std::string(bool color)> format, std::string summary_line);

/// Prints `result` as `options` say (the text report by `text_report`, only when the format is
/// text; else PrintReport), then flushes and commits `output_file` (FinishOutput). Then, unless
/// quiet, `summary_line` ends the run on `err`, except when the text report on standard output
/// already ends with it. Returns the exit status: kExitError when printing failed or an input
/// could not be read, else the status for the findings at `fail_level`.
int FinishReport(const CheckResult& result, const ReportOptions& options,
                 const std::optional<Severity>& fail_level, const TextReport& text_report,
                 bool stdout_is_terminal, std::ostream* output, OutputFile* output_file,
                 std::ostream& err, const std::string& summary_line);

/// The exit status for findings: kExitFindings when one is at or above `fail_level`.
int ExitStatusForFindings(const CheckResult& result, const std::optional<Severity>& fail_level,
                          bool no_exit);
/// The same from findings counted by severity.
int ExitStatusForSeverities(const SeverityCounts& by_severity,
                            const std::optional<Severity>& fail_level, bool no_exit);

}  // namespace quotecheck
