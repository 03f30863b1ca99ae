#pragma once
/// The report of `quotecheck diff A B` in every human format, from one view of a
/// CheckResult whose side A documents are marked draft (cli/diff_command.h):
///   shared   each quotation of A with each quotation of B that is the same words: the
///            relation, the speakers, and the word diff from B to A (B is the reference A
///            is checked against: [-B's words-]{+A's words+}, the direction of every
///            report, see README "Word diffs")
///   only A   the quotations of A that B does not have
///   only B   the quotations of B that A does not have
/// then the findings (A checked against B) and a count line. Text, Markdown and a
/// self-contained HTML page titled "Quotation diff" print this view; JSON Lines, SARIF
/// and GitHub print the findings with the check printers.

#include <cstddef>
#include <string>
#include <vector>

#include "core/check_model.h"

namespace quotecheck {

struct DiffPair {
  size_t a = 0;     // quote index on side A
  size_t b = 0;     // quote index on side B
  size_t link = 0;  // index into CheckResult::links
};

struct DiffView {
  std::vector<DiffPair> shared;  // by A's quotation, in result order
  std::vector<size_t> only_a;    // quote indexes, in result order
  std::vector<size_t> only_b;
  size_t shared_a = 0;  // quotations of A that B has (a quotation may pair with several)
};

/// Side A: the quotations of documents marked draft; side B: the others. Only links
/// between the two sides count.
DiffView BuildDiffView(const CheckResult& result);

/// The word diff of `pair` from B's words (removed) to A's (added).
std::vector<DiffOp> DiffFromB(const CheckResult& result, const DiffPair& pair);

/// The text report (ANSI colour when `color`), one line per pair, quotation and a count
/// line: "3 shared, 1 only in A, 1 only in B; 2 findings (1 error, 1 warning)".
std::string FormatDiffText(const CheckResult& result, bool color);

/// The count line the text report ends with (no newline).
std::string FormatDiffSummaryLine(const CheckResult& result);

/// The Markdown report: a heading naming A and B, a table per part, the findings.
std::string FormatDiffMarkdown(const CheckResult& result, const std::string& a,
                               const std::string& b);

/// The HTML page (inline CSS, nothing fetched, everything escaped).
std::string FormatDiffHtml(const CheckResult& result, const std::string& a, const std::string& b,
                           const std::string& tool_version);

}  // namespace quotecheck
