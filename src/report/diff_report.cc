#include "report/diff_report.h"

#include <fmt/format.h>

#include "diff/quote_diff.h"
#include "report/check_html_printer.h"
#include "report/check_markdown_printer.h"
#include "report/check_report_view.h"
#include "report/text_printer.h"

namespace quotecheck {
namespace {

// Quotations in one-line listings are cut to this many code points (full text in JSONL).
constexpr size_t kQuoteWidth = 70;
// Equal text of an unchanged pair shown in full up to this many code points.
constexpr size_t kSameWidth = 200;

std::string Speaker(const QuoteRecord& q) {
  return q.speaker ? *q.speaker : std::string("(unattributed)");
}

std::string Curly(std::string_view text) {
  return "\xE2\x80\x9C" + std::string(text) + "\xE2\x80\x9D";
}

std::string SpeakerCell(const CheckResult& result, const DiffPair& pair) {
  const Link& link = result.links[pair.link];
  if (link.speakers_agree) return Speaker(result.quotes[pair.a]);
  return fmt::format("speakers differ: {} / {}", Speaker(result.quotes[pair.a]),
                     Speaker(result.quotes[pair.b]));
}

// The count line shared by every format.
std::string CountLine(const CheckResult& result, const DiffView& view) {
  size_t counts[3] = {0, 0, 0};
  for (const Finding& f : result.findings) ++counts[SeverityRank(f.severity)];
  std::string out = fmt::format("{} shared, {} only in A, {} only in B; {} finding{}",
                                view.shared_a, view.only_a.size(), view.only_b.size(),
                                result.findings.size(), result.findings.size() == 1 ? "" : "s");
  std::vector<std::string> parts;
  if (counts[2] > 0)
    parts.push_back(fmt::format("{} error{}", counts[2], counts[2] == 1 ? "" : "s"));
  if (counts[1] > 0) {
    parts.push_back(fmt::format("{} warning{}", counts[1], counts[1] == 1 ? "" : "s"));
  }
  if (counts[0] > 0) parts.push_back(fmt::format("{} info", counts[0]));
  if (!parts.empty()) out.append(fmt::format(" ({})", fmt::join(parts, ", ")));
  return out;
}

}  // namespace

DiffView BuildDiffView(const CheckResult& result) {
  const auto& quotes = result.quotes;
  auto side_a = [&](size_t q) { return result.documents[quotes[q].doc].draft; };
  std::vector<std::vector<size_t>> links_of(quotes.size());
  for (size_t l = 0; l < result.links.size(); ++l) {
    const Link& link = result.links[l];
    if (side_a(link.a) == side_a(link.b)) continue;
    links_of[link.a].push_back(l);
    links_of[link.b].push_back(l);
  }
  DiffView view;
  for (size_t q = 0; q < quotes.size(); ++q) {
    if (!links_of[q].empty()) {
      if (!side_a(q)) continue;
      ++view.shared_a;
      for (size_t l : links_of[q]) {
        const Link& link = result.links[l];
        view.shared.push_back({q, link.a == q ? link.b : link.a, l});
      }
    } else {
      (side_a(q) ? view.only_a : view.only_b).push_back(q);
    }
  }
  return view;
}

std::vector<DiffOp> DiffFromB(const CheckResult& result, const DiffPair& pair) {
  const Link& link = result.links[pair.link];
  std::vector<DiffOp> ops = LinkDiff(result, link).ops;  // links keep no ops (diff/quote_diff.h)
  return link.a == pair.b ? ops : ReversedDiff(ops);
}

std::string FormatDiffText(const CheckResult& result, bool color) {
  const DiffView view = BuildDiffView(result);
  const WordDiffStyle style = TerminalDiffStyle(color);
  std::string out;
  for (const DiffPair& pair : view.shared) {
    const Link& link = result.links[pair.link];
    out.append(fmt::format("{} = {}  {}  {}\n", QuoteLocation(result, pair.a),
                           QuoteLocation(result, pair.b), RelationName(link.relation),
                           SpeakerCell(result, pair)));
    const std::vector<DiffOp> ops = DiffFromB(result, pair);
    out.append("  ").append(HasChanges(ops)
                                ? FormatWordDiff(ops, style)
                                : ShortenForDisplay(result.quotes[pair.a].text, kSameWidth));
    out.push_back('\n');
  }
  for (const auto* list : {&view.only_a, &view.only_b}) {
    for (size_t q : *list) {
      out.append(fmt::format("only in {}  {}  {}\n", QuoteLocation(result, q),
                             Speaker(result.quotes[q]),
                             Curly(ShortenForDisplay(result.quotes[q].text, kQuoteWidth))));
    }
  }
  out.append(CountLine(result, view)).push_back('\n');
  return out;
}

std::string FormatDiffSummaryLine(const CheckResult& result) {
  return CountLine(result, BuildDiffView(result));
}

std::string FormatDiffMarkdown(const CheckResult& result, const std::string& a,
                               const std::string& b) {
  const DiffView view = BuildDiffView(result);
  auto esc = [](std::string_view s) { return EscapeMarkdown(s); };
  std::string out = fmt::format("## Quotation diff: {} against {}\n\n", esc(a), esc(b));
  out.append(esc(CountLine(result, view))).append(".\n\n");
  out.append("Word diffs run from B's words to A's: ~~B only~~ **A only**.\n\n");
  if (!view.shared.empty()) {
    out.append(
        "### Shared\n\n| A | B | Relation | Speaker | Words |\n| --- | --- | --- | --- | --- |\n");
    const WordDiffStyle style = MarkdownDiffStyle();
    for (const DiffPair& pair : view.shared) {
      const std::vector<DiffOp> ops = DiffFromB(result, pair);
      out.append(fmt::format(
          "| {} | {} | {} | {} | {} |\n", esc(QuoteLocation(result, pair.a)),
          esc(QuoteLocation(result, pair.b)), RelationName(result.links[pair.link].relation),
          esc(SpeakerCell(result, pair)),
          HasChanges(ops) ? FormatWordDiff(ops, style)
                          : esc(ShortenForDisplay(result.quotes[pair.a].text, kSameWidth))));
    }
    out.push_back('\n');
  }
  const std::pair<const char*, const std::vector<size_t>*> parts[] = {{"Only in A", &view.only_a},
                                                                      {"Only in B", &view.only_b}};
  for (const auto& [title, list] : parts) {
    if (list->empty()) continue;
    out.append(
        fmt::format("### {}\n\n| Location | Speaker | Quotation |\n| --- | --- | --- |\n", title));
    for (size_t q : *list) {
      out.append(fmt::format("| {} | {} | {} |\n", esc(QuoteLocation(result, q)),
                             esc(Speaker(result.quotes[q])),
                             esc(Curly(ShortenForDisplay(result.quotes[q].text, kQuoteWidth)))));
    }
    out.push_back('\n');
  }
  if (!result.findings.empty()) {
    out.append(
        "### Findings\n\n| Severity | Rule | Location | Message |\n| --- | --- | --- | --- |\n");
    for (const Finding& f : result.findings) {
      const Diagnostic d = FindingDiagnostic(result, f);
      std::string where = d.path;
      if (d.line > 0) where.append(fmt::format(":{}:{}", d.line, d.col));
      out.append(fmt::format("| {} | {} | {} | {} |\n", SeverityName(f.severity), esc(f.rule),
                             esc(where), esc(f.message)));
    }
    out.push_back('\n');
  }
  return out;
}

std::string FormatDiffHtml(const CheckResult& result, const std::string& a, const std::string& b,
                           const std::string& tool_version) {
  static constexpr std::string_view kStyle = R"css(
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem;color:#1d1d1f}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}
.loc{font-family:ui-monospace,monospace;font-size:.85rem;word-break:break-all}
del{background:#ffe4e4;color:#8b0000}ins{background:#e2f7e2;color:#064d06;text-decoration:none}
.error{color:#b00020}.warning{color:#8a5a00}.info{color:#555}
footer{margin-top:2rem;color:#666;font-size:.85rem}
@media (max-width:600px){table,tr,td,th,tbody,thead{display:block}thead{display:none}td{border:0}tr{border-bottom:1px solid #ddd}}
)css";
  const DiffView view = BuildDiffView(result);
  auto esc = [](std::string_view s) { return EscapeHtml(s); };
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out.append(fmt::format("<title>Quotation diff: {} against {}</title>\n<style>{}</style>\n",
                         esc(a), esc(b), kStyle));
  out.append("</head>\n<body>\n");
  out.append(
      fmt::format("<h1>Quotation diff: <span class=\"loc\">{}</span> against "
                  "<span class=\"loc\">{}</span></h1>\n",
                  esc(a), esc(b)));
  out.append(
      fmt::format("<p class=\"summary\">{}. Word diffs run from B's words "
                  "(<del>B only</del>) to A's (<ins>A only</ins>).</p>\n",
                  esc(CountLine(result, view))));
  const WordDiffStyle style = HtmlDiffStyle();
  out.append("<section id=\"shared\"><h2>Shared</h2>\n");
  if (view.shared.empty()) {
    out.append("<p class=\"empty\">No quotation of A is in B.</p>\n");
  } else {
    out.append(
        "<table><thead><tr><th>A</th><th>B</th><th>Relation</th><th>Speaker</th>"
        "<th>Words</th></tr></thead><tbody>\n");
    for (const DiffPair& pair : view.shared) {
      const std::vector<DiffOp> ops = DiffFromB(result, pair);
      out.append(fmt::format(
          "<tr><td class=\"loc\">{}</td><td class=\"loc\">{}</td><td>{}</td><td>{}</td>"
          "<td>“{}”</td></tr>\n",
          esc(QuoteLocation(result, pair.a)), esc(QuoteLocation(result, pair.b)),
          esc(RelationName(result.links[pair.link].relation)), esc(SpeakerCell(result, pair)),
          HasChanges(ops) ? FormatWordDiff(ops, style) : esc(result.quotes[pair.a].text)));
    }
    out.append("</tbody></table>\n");
  }
  out.append("</section>\n");
  const std::tuple<const char*, const char*, const std::vector<size_t>*> parts[] = {
      {"only-a", "Only in A", &view.only_a}, {"only-b", "Only in B", &view.only_b}};
  for (const auto& [id, title, list] : parts) {
    out.append(fmt::format("<section id=\"{}\"><h2>{}</h2>\n", id, title));
    if (list->empty()) {
      out.append("<p class=\"empty\">None.</p>\n</section>\n");
      continue;
    }
    out.append(
        "<table><thead><tr><th>Location</th><th>Speaker</th><th>Quotation</th></tr>"
        "</thead><tbody>\n");
    for (size_t q : *list) {
      out.append(fmt::format("<tr><td class=\"loc\">{}</td><td>{}</td><td>“{}”</td></tr>\n",
                             esc(QuoteLocation(result, q)), esc(Speaker(result.quotes[q])),
                             esc(result.quotes[q].text)));
    }
    out.append("</tbody></table>\n</section>\n");
  }
  out.append("<section id=\"findings\"><h2>Findings</h2>\n");
  if (result.findings.empty()) {
    out.append("<p class=\"empty\">No findings.</p>\n");
  } else {
    out.append(
        "<table><thead><tr><th>Severity</th><th>Rule</th><th>Location</th>"
        "<th>Message</th></tr></thead><tbody>\n");
    for (const Finding& f : result.findings) {
      const Diagnostic d = FindingDiagnostic(result, f);
      std::string where = d.path;
      if (d.line > 0) where.append(fmt::format(":{}:{}", d.line, d.col));
      out.append(fmt::format(
          "<tr><td class=\"{0}\">{0}</td><td>{1}</td><td class=\"loc\">{2}</td><td>{3}</td>"
          "</tr>\n",
          SeverityName(f.severity), esc(f.rule), esc(where), esc(f.message)));
    }
    out.append("</tbody></table>\n");
  }
  out.append("</section>\n");
  out.append(fmt::format("<footer>quotecheck {}</footer>\n</body>\n</html>\n", esc(tool_version)));
  return out;
}

}  // namespace quotecheck
