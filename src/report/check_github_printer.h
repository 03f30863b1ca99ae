#pragma once
/// The `--format github` output of `check` (and `lint`): GitHub Actions workflow commands,
/// one line per finding, in result order:
///
///   ::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE
///
/// `error`, `warning` or `notice` from the finding's severity; PATH relative to the
/// repository root (SourceLocator); the region as SARIF's (QuoteRegion: code point columns,
/// end just past the quotation); MESSAGE the finding's message and, on a second line, its
/// word diff. A finding in a document that is no file (a JSON record) has no file property
/// and its message starts with "ID:LINE:COL: ". Values are escaped as GitHub's runner
/// expects (EscapeGithubData, EscapeGithubProperty).
///
/// GitHub shows only the first 10 annotations of each type per step, so the whole report is
/// also appended, as Markdown (FormatCheckMarkdown), to the step summary file when one is
/// given ($GITHUB_STEP_SUMMARY; the caller reads the environment).

#include <ostream>
#include <string>
#include <string_view>

#include "core/check_model.h"
#include "core/status.h"
#include "report/check_sarif_printer.h"

namespace quotecheck {

/// A command's data (the text after "::"): % → %25, CR → %0D, LF → %0A.
std::string EscapeGithubData(std::string_view text);
/// A property value: as data, and also : → %3A and , → %2C.
std::string EscapeGithubProperty(std::string_view text);

struct GithubOptions {
  SourceLocator locator;
  /// The file to append the Markdown report to; empty: none.
  std::string step_summary_path;
};

/// The workflow command lines of every finding (each ends with a newline).
std::string FormatCheckGithub(const CheckResult& result, const SourceLocator& locator);

/// Writes the commands to `out` (flushed), then appends the Markdown report to the step
/// summary file when one is named. An error when that file cannot be written.
Status PrintCheckGithub(const CheckResult& result, const GithubOptions& options, std::ostream* out);

}  // namespace quotecheck
