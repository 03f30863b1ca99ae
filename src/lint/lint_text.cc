#include "lint/lint_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "core/code_point.h"
#include "core/diagnostic.h"
#include "core/line_index.h"
#include "findings/lint_findings.h"
#include "report/check_report_view.h"
#include "report/text_printer.h"

namespace quotecheck {
namespace {

constexpr std::string_view kBold = "\x1B[1m";
constexpr std::string_view kReset = "\x1B[0m";
constexpr size_t kWindowWidth = 120;  // code points of a source line shown
constexpr size_t kWindowBefore = 40;  // of them before the caret, when the line is cut

// The source line and a caret under the column; a long line is cut to a window around it.
std::string SourceWindow(const Diagnostic& d) {
  if (d.line == 0 || d.source_line.empty()) return {};
  // Byte offsets of each code point's start.
  std::vector<size_t> starts;
  for (size_t i = 0; i < d.source_line.size(); ++i) {
    if (!IsUtf8Continuation(static_cast<unsigned char>(d.source_line[i]))) starts.push_back(i);
  }
  const size_t n = starts.size();
  const size_t col = std::min<size_t>(d.col == 0 ? 0 : d.col - 1, n);
  size_t first = 0;
  size_t last = n;  // code points [first, last)
  if (n > kWindowWidth) {
    first = col > kWindowBefore ? col - kWindowBefore : 0;
    last = std::min(n, first + kWindowWidth);
  }
  auto byte_at = [&](size_t cp) { return cp < n ? starts[cp] : d.source_line.size(); };
  std::string out;
  std::string pad;
  if (first > 0) {
    out.append("\xE2\x80\xA6");
    pad.push_back(' ');
  }
  out.append(d.source_line, byte_at(first), byte_at(last) - byte_at(first));
  if (last < n) out.append("\xE2\x80\xA6");
  for (size_t cp = first; cp < col; ++cp) {
    pad.push_back(d.source_line[byte_at(cp)] == '\t' ? '\t' : ' ');
  }
  return out + "\n" + pad + "^\n";
}

}  // namespace

std::string FormatLintSummaryLine(const CheckResult& result, const LintSummary& summary) {
  std::string line = fmt::format("{}, {} ({}): {}", CountOf(summary.drafts, "draft", "drafts"),
                                 CountOf(summary.references, "reference", "references"),
                                 CountOf(summary.reference_quotes, "quotation", "quotations"),
                                 FormatFindingCount(result.findings));
  if (summary.accepted > 0) {
    line.append(fmt::format("; {} accepted by the baseline", summary.accepted));
  }
  if (summary.suppressed > 0) {
    line.append(fmt::format("; {} turned off inline", summary.suppressed));
  }
  return line;
}

std::string FormatLintText(const CheckResult& result, const DraftTexts& texts,
                           const LintSummary& summary, bool color) {
  std::unordered_map<uint32_t, LineIndex> indexes;
  std::string out;
  const WordDiffStyle style = TerminalDiffStyle(color);
  for (const Finding& f : result.findings) {
    Diagnostic d = FindingDiagnostic(result, f);
    d.code = f.rule;
    if (!f.quotes.empty()) {
      const QuoteRecord& q = result.quotes[f.quotes.front()];
      if (auto text = texts.find(q.doc); text != texts.end()) {
        auto [it, inserted] = indexes.try_emplace(q.doc, text->second);
        d.source_line = std::string(ShownSourceLine(it->second.LineText(q.start)));
      }
    }
    std::string block = FormatDiagnosticHeader(d) + "\n" + SourceWindow(d);
    if (color) block = std::string(kBold) + block.insert(block.find('\n'), kReset);
    out.append(block);
    if (f.diff && f.quotes.size() > 1 && HasChanges(f.diff->ops)) {
      // From the reference (removed) to the draft (added), as every report writes a diff.
      out.append("  ").append(QuoteLocation(result, f.quotes[1])).append(": ");
      out.append(FormatWordDiff(ReversedDiff(f.diff->ops), style)).push_back('\n');
    } else if (f.quotes.size() > 1) {  // the reference quotation, with its speaker
      const QuoteRecord& ref = result.quotes[f.quotes[1]];
      out.append("  ").append(QuoteLocation(result, f.quotes[1])).append(": ");
      out.append(ref.speaker ? *ref.speaker : std::string("(unattributed)")).append(": ");
      out.append("\xE2\x80\x9C").append(ShortenForDisplay(ref.text, 200));
      out.append("\xE2\x80\x9D\n");
    }
    out.push_back('\n');
  }
  out.append(FormatLintSummaryLine(result, summary)).push_back('\n');
  return out;
}

}  // namespace quotecheck
