#pragma once
/// `quotecheck check`: cross-references the quotations of many sources. The passes, in order:
///   load rules → read each input (references first): a quote store is read as it is,
///   any other input is extracted (in parallel, in input order) and its text dropped →
///   cross-reference (candidates, links, clusters, findings) → print → exit status by the
///   fail level.

#include <chrono>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/report_output.h"
#include "core/check_model.h"
#include "core/diagnostic.h"
#include "core/pass_timer.h"
#include "findings/check_findings.h"
#include "xref/cross_reference.h"
#include "xref/link_output.h"

namespace quotecheck {

struct CheckOptions {
  ReportOptions report;
  /// --links: which link records to write (xref/link_output.h).
  LinkOutput links = LinkOutput::kParent;
  /// Primary sources (transcripts, statements): --reference PATHS.
  std::vector<std::string> references;
  std::vector<std::string> paths;
};

/// Registers check's options on `command`: --format, --links, --reference, the report
/// options (cli/command_options.h) and PATHS (at least one input is required).
CommandRunner AddCheckCommand(CLI::App* command);

/// Runs the check command; results to `out` (or options.output_path), diagnostics to `err`.
/// `stdout_is_terminal` decides colour in auto mode (with NO_COLOR honoured). SARIF and
/// GitHub output name files relative to the repository root (the nearest directory up from
/// the working directory holding .git, else the working directory), HTML links relative to
/// the report's directory; the GitHub format also appends a Markdown report to the file
/// named by $GITHUB_STEP_SUMMARY when it is set. The quotations, links and findings are left
/// in `kept_until_exit` when it is given (CommandContext::kept_until_exit).
int RunCheck(const CheckOptions& options, std::ostream& out, std::ostream& err,
             bool stdout_is_terminal,
             std::vector<std::shared_ptr<const void>>* kept_until_exit = nullptr);

/// How check cross-references (shared with `batch`): `jobs` threads, the findings' speaker
/// keyer, every pair decided with --links all.
CrossReferenceOptions CheckCrossReferenceOptions(const CheckOptions& options,
                                                 const FindingContext& findings, unsigned jobs);

/// What check writes on stderr about quotations whose candidates were capped, and about
/// clusters whose pairs --links all writes as parent links ("" when there are none).
std::string CappedCandidatesNote(size_t capped_candidates);
std::string CappedClustersWarning(const LinkOutputStats& links);

/// The passes of check after cross-referencing, shared with `batch` (cli/batch_command.h) so
/// that both print the same bytes: findings (on `jobs` threads), the note on capped
/// candidates, the links to write (options.links), then the report (FinishReport: printed to
/// `output`, committed to `output_file`, the summary line on `err`, `seconds` counted from
/// `started`). `facts`: cross-referencing's keys and speaker evidence (taken), or null.
/// Returns the exit status.
int ReportCheck(const CheckOptions& options, const FindingContext& findings, unsigned jobs,
                PassTimer* timer, std::chrono::steady_clock::time_point started,
                CheckResult* result, QuoteFacts* facts, bool stdout_is_terminal,
                std::ostream* output, OutputFile* output_file, std::ostream& err);

}  // namespace quotecheck
