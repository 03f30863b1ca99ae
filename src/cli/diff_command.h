#pragma once
/// `quotecheck diff A B`: compares the quotations of two documents or two sets of documents
/// (a draft revision against the published text, one outlet against another). Both sides
/// are read as lint reads drafts (Markdown and HTML through ingest/draft_reader.h, other
/// files as text, quote stores as they are), cross-referenced together,
/// and the report lists every quotation of A with the quotations of B that are the same
/// words (relation and word diff from B, the reference, to A: [-B-]{+A+}), then the
/// quotations only A has and those only B has. The findings are lint's for A checked
/// against B (findings/lint_findings.h), less "unverified-quote" (a quotation only A has is
/// listed as such), so --fail-level works as for lint. Text, Markdown and HTML are diff's
/// own report (report/diff_report.h); jsonl, sarif and github the check printers, with A's
/// documents marked draft:
///
///   a.md:3:2 = b.txt:7:10  variant  Corina Allsop   (or "speakers differ: X / Y")
///     The repairs will take at least [-18-]{+28+} weeks,
///   only in a.md:9:1  Nils Brandvold  “I have taken this train…”
///   only in b.txt:2:4  (unattributed)  “…”
///   3 shared, 1 only in A, 1 only in B; 2 findings (1 error, 1 warning)

#include <ostream>
#include <string>

#include "cli/command.h"
#include "cli/report_output.h"

namespace quotecheck {

struct DiffOptions {
  ReportOptions report;  // --min-confidence is not an option of diff
  std::string a;         // file or directory
  std::string b;
};

/// Registers diff's options on `command`: --format, the report options
/// (cli/command_options.h) but --min-confidence, and A and B (both required).
CommandRunner AddDiffCommand(CLI::App* command);

/// Runs diff; the report (report/diff_text_printer.h for text) to `out` (or -o), diagnostics
/// to `err`.
int RunDiff(const DiffOptions& options, std::ostream& out, std::ostream& err,
            bool stdout_is_terminal);

}  // namespace quotecheck
