#pragma once
/// The `--format html` report of `check` (and `lint`): one self-contained page (inline CSS
/// and JavaScript; nothing is fetched, no external fonts or scripts) for editors:
///
///   a summary      documents, quotations, clusters, links, findings per rule and severity
///   filters        a checkbox per severity and per rule; plain JavaScript hides what is
///                  unchecked (the `is-hidden` class); without JavaScript everything shows
///   clusters       per cluster shown (check_report_view.h): the reference wording, the
///                  speakers and first appearance, then a side-by-side table, one row per
///                  other member: the reference words with the words this member drops or
///                  replaces in <del>, and the member's words with the words it adds or
///                  substitutes in <ins>; each side names its source (outlet, date, a link
///                  to the document's URL when known, else to its path, line:col), its
///                  speaker and relation; the member's findings under its words
///   findings       every finding: severity, rule, location, message, word diff
///
/// Readable on a phone (a viewport meta, the side-by-side table stacks under 600px wide)
/// and printable (@media print hides the filters). Every text from the inputs is
/// HTML-escaped; links only ever carry http(s) URLs or relative paths. Nothing volatile
/// (time, host) is written, so output is reproducible.

#include <ostream>
#include <string>
#include <string_view>

#include "core/check_model.h"
#include "report/check_report_view.h"
#include "report/check_sarif_printer.h"

namespace quotecheck {

/// `text` with & < > " ' written as character references.
std::string EscapeHtml(std::string_view text);

/// A word diff in HTML: removed words in <del>, added words in <ins>, text escaped.
WordDiffStyle HtmlDiffStyle();

struct HtmlOptions {
  std::string tool_version;  // shown in the footer
  /// Turns document paths into link targets: paths are written relative to
  /// locator.source_root, which should be the directory the report is written to.
  SourceLocator locator;
};

/// The whole page.
std::string FormatCheckHtml(const CheckResult& result, const HtmlOptions& options);

/// Writes the page to `out` as it is made and flushes it: the clusters formatted on up to
/// `jobs` threads a few at a time, written in order (the page is the same for any `jobs`), so
/// that no more than a few clusters' rows are held at once, not the whole page.
void PrintCheckHtml(const CheckResult& result, const HtmlOptions& options, std::ostream* out,
                    unsigned jobs = 1);

}  // namespace quotecheck
