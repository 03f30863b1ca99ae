#pragma once
/// The text report of `lint`, one block per finding:
///
///   drafts/a.md:12:2: warning: quoted with other words than ref.md:7:1 [wording-divergence]
///   “The repairs will take at least 28 weeks,” Allsop said.
///    ^
///     ref.md:7:1: The repairs will take at least [-18-]{+28+} weeks,
///
/// (the draft's source line and a caret under the quotation when its text is known; the word
/// diff from the reference to the draft, [-reference-]{+draft+}, when the finding has one;
/// else the reference quotation with its speaker, when the finding names one), a blank line after
/// each, then a summary line. ANSI colour only when `color` is true.

#include <string>

#include "core/check_model.h"

namespace quotecheck {

struct LintSummary {
  size_t drafts = 0;
  size_t references = 0;  // reference documents read
  size_t reference_quotes = 0;
  size_t accepted = 0;    // findings the baseline accepted
  size_t suppressed = 0;  // findings an inline switch turned off
};

/// "12:2"-style diagnostics for every finding of `result`, then the summary line.
std::string FormatLintText(const CheckResult& result, const DraftTexts& texts,
                           const LintSummary& summary, bool color);

/// "2 drafts, 3 references (120 quotations): 4 findings (1 error, 3 warnings); 1 accepted
/// by the baseline" (no trailing newline).
std::string FormatLintSummaryLine(const CheckResult& result, const LintSummary& summary);

}  // namespace quotecheck
