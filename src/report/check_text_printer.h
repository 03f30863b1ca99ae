#pragma once
/// The human-readable report of `check` (the default `--format text`). For each cluster
/// with a divergent member or a finding (see check_report_view.h):
///
///   c1  “I think so, really.”                                   (bold)
///     speakers: Donald Trump, Joe Biden; first: a.txt (Reuters, 2024-01-02)   (dim)
///     b.txt:1:2  (AP, 2024-01-03)  Joe Biden  variant, speaker differs
///       I think so, [-really-]{+truly+}.                         (red, green)
///       error: attributed to Joe Biden here but … [misattribution]
///
/// a blank line after each; then the findings tied to no cluster, one a line as
/// `path:line:col: severity: message [rule]`; then one summary line (FormatCheckSummaryLine).
/// ANSI colour only when `color` is true: the caller decides (--color, NO_COLOR, isatty).

#include <ostream>
#include <string>

#include "core/check_model.h"

namespace quotecheck {

/// The whole report as text.
std::string FormatCheckText(const CheckResult& result, bool color);

/// Writes the report to `out` and flushes it: the clusters formatted on up to `jobs`
/// threads, a few at a time and written in order (OrderedRecords), so that the report of a
/// large check is never held whole. The same text as FormatCheckText for any `jobs`.
void PrintCheckText(const CheckResult& result, bool color, std::ostream* out, unsigned jobs = 1);

}  // namespace quotecheck
