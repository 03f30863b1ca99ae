#pragma once
/// How the subcommands write their reports: the output stream (standard output or -o FILE),
/// colour, and the report formats printed over one CheckResult (check, lint and diff).

#include <fstream>
#include <optional>
#include <ostream>
#include <string>

#include "core/check_model.h"
#include "core/diagnostic.h"
#include "core/status.h"

namespace quotecheck {

/// The output formats of check, lint and diff.
enum class ReportFormat { kText, kJsonl, kMarkdown, kSarif, kGithub, kHtml, kCsv, kClaimReview };
enum class ColorMode { kAuto, kAlways, kNever };

/// An error diagnostic without a position: "path: error: message".
Diagnostic ErrorDiagnostic(std::string path, std::string message);

/// Whether colour is on (--color, NO_COLOR, a terminal, not writing to a file).
bool UseColorFor(ColorMode mode, bool stdout_is_terminal, bool to_file);

/// The stream to write the report to: `out`, or the file `path` (opened into `*file`). On
/// failure writes "path: error: cannot open for writing: …" to `err` and returns nullptr.
std::ostream* OpenOutput(const std::string& path, std::ostream& out, std::ofstream* file,
                         std::ostream& err);

/// Flushes `output`; false (with "path: error: cannot write output" on `err`) when writing
/// failed.
bool FinishOutput(std::ostream* output, const std::string& path, std::ostream& err);

/// Prints `result` in `format`: text with the subcommand's own `text` (each has its own text
/// report), every other format with the check printers (SARIF and GitHub paths relative to
/// the repository root, HTML links relative to the directory of `output_path`; github also
/// appends to $GITHUB_STEP_SUMMARY). False, with the error on `err`, when the step summary
/// could not be written.
bool PrintReport(const CheckResult& result, ReportFormat format, const std::string& output_path,
                 const std::string& text, std::ostream* out, std::ostream& err);

/// The exit status for findings: kExitFindings when one is at or above `fail_level`.
int ExitStatusForFindings(const CheckResult& result, const std::optional<Severity>& fail_level,
                          bool no_exit);

}  // namespace quotecheck
