#pragma once
/// The `--format markdown` report of `check`, to paste into a ticket:
///
///   # Quotation check
///   a summary table (documents, failed documents, quotations, clusters, findings per rule)
///   ## Divergent quotations
///   ### Cluster c1            per cluster shown (see check_report_view.h):
///   > the canonical quotation
///   speakers and first appearance; a table of every member (source, date, speaker,
///   relation); the word diffs of the divergent members, removed words as ~~struck~~ and
///   added words in **bold**
///   ## Findings
///   a table (location, severity, rule, message)
///
/// Text from the documents (quotations, names, ids, messages) has its Markdown specials
/// escaped and its white space runs made one space.

#include <ostream>
#include <string>
#include <string_view>

#include "core/check_model.h"
#include "report/check_report_view.h"

namespace quotecheck {

/// `text` on one line with the characters that Markdown would read escaped by "\":
/// \ ` * _ [ ] < > | ~ # &, and a "-", "+", "=" or "1." that would start a list or heading.
std::string EscapeMarkdown(std::string_view text);

/// A word diff in Markdown: ~~removed~~ and **added**, text escaped.
WordDiffStyle MarkdownDiffStyle();

/// The whole report.
std::string FormatCheckMarkdown(const CheckResult& result);

/// Writes the report to `out` and flushes it: the clusters formatted on up to `jobs` threads,
/// a few at a time and written in order (OrderedRecords), never the whole report held. The
/// same text as FormatCheckMarkdown for any `jobs`.
void PrintCheckMarkdown(const CheckResult& result, std::ostream* out, unsigned jobs = 1);

}  // namespace quotecheck
