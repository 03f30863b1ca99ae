#include "report/check_markdown_printer.h"

#include <fmt/format.h>

#include <map>
#include <optional>
#include <sstream>

#include "report/check_report_view.h"
#include "report/text_printer.h"

namespace quotecheck {
namespace {

constexpr size_t kNoLimit = static_cast<size_t>(-1);

std::string Escaped(std::string_view text) { return EscapeMarkdown(text); }

void AppendRow(std::string* out, std::initializer_list<std::string_view> cells) {
  out->append("|");
  for (std::string_view cell : cells) out->append(" ").append(cell).append(" |");
  out->push_back('\n');
}

std::string DocumentWithMeta(const CheckResult& result, size_t quote) {
  const DocumentInfo& doc = result.documents[result.quotes[quote].doc];
  std::string out = Escaped(doc.id);
  const std::string about = OutletAndDate(doc.meta);
  if (!about.empty()) out.append(" ").append(Escaped(about));
  return out;
}

void AppendSummary(const CheckResult& result, std::string* out) {
  out->append("| | Count |\n| --- | ---: |\n");
  AppendRow(out, {"Documents", std::to_string(result.documents_read)});
  AppendRow(out, {"Failed documents", std::to_string(result.documents_failed)});
  AppendRow(out, {"Quotations", std::to_string(result.quotes.size())});
  AppendRow(out, {"Clusters", std::to_string(result.clusters.size())});
  std::map<std::string_view, size_t> by_rule;
  for (const Finding& f : result.findings) ++by_rule[f.rule];
  if (by_rule.empty()) AppendRow(out, {"Findings", "0"});
  for (const auto& [rule, n] : by_rule) {
    std::string label = "Findings: ";
    label.append(Escaped(rule));
    AppendRow(out, {label, std::to_string(n)});
  }
}

void AppendCluster(const CheckResult& result, const ClusterReport& report, std::string* out) {
  const Cluster& cluster = result.clusters[report.cluster];
  out->append("### Cluster ").append(Escaped(cluster.id)).append("\n\n");
  out->append("> ").append(Escaped(result.quotes[cluster.canonical].text)).append("\n\n");

  std::vector<std::string> speakers;
  for (const std::string& s : cluster.speakers) speakers.push_back(Escaped(s));
  if (speakers.empty()) {
    out->append("Speaker: (unattributed)");
  } else {
    out->append(speakers.size() == 1 ? "Speaker: " : "Speakers: ");
    out->append(fmt::format("{}", fmt::join(speakers, ", ")));
  }
  out->append(". First: ").append(DocumentWithMeta(result, cluster.first));
  if (cluster.primary) {
    out->append(". Primary source: ").append(DocumentWithMeta(result, *cluster.primary));
  }
  out->append(".\n\n");

  out->append("| Source | Date | Speaker | Relation |\n| --- | --- | --- | --- |\n");
  for (const MemberReport& member : report.members) {
    const QuoteRecord& quote = result.quotes[member.quote];
    const DocumentMeta& meta = result.documents[quote.doc].meta;
    std::string source = Escaped(QuoteLocation(result, member.quote));
    if (!meta.outlet.empty()) source.append(" (").append(Escaped(meta.outlet)).append(")");
    AppendRow(out, {source, Escaped(meta.date),
                    quote.speaker ? Escaped(*quote.speaker) : std::string("(unattributed)"),
                    Escaped(RelationLabel(result, report, member))});
  }

  WordDiffStyle style = MarkdownDiffStyle();
  style.max_edge_change = 60;
  bool any_diff = false;
  for (const MemberReport& member : report.members) {
    if (!member.divergent || !HasChanges(member.diff)) continue;
    if (!any_diff) out->append("\nWord differences from the reference form:\n\n");
    any_diff = true;
    out->append("- ").append(Escaped(QuoteLocation(result, member.quote))).append(": ");
    out->append(FormatWordDiff(member.diff, style)).push_back('\n');
  }
  out->push_back('\n');
}

}  // namespace

std::string EscapeMarkdown(std::string_view text) {
  static constexpr std::string_view kSpecials = "\\`*_[]<>|~#&";
  const std::string line = ShortenForDisplay(text, kNoLimit);
  std::string out;
  out.reserve(line.size() + line.size() / 8);
  // A line start that Markdown reads as a list item or heading underline.
  size_t digits = 0;
  while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
  const bool list_start =
      (!line.empty() && (line[0] == '-' || line[0] == '+' || line[0] == '=')) ||
      (digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')'));
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (kSpecials.find(c) != std::string_view::npos || (list_start && i == digits)) {
      out.push_back('\\');
    }
    out.push_back(c);
  }
  return out;
}

void PrintCheckMarkdown(const CheckResult& result, std::ostream* out, unsigned jobs) {
  const CheckReportIndex index(result);
  OrderedRecords writer(out, jobs);
  writer.buffer().append("# Quotation check\n\n");
  AppendSummary(result, &writer.buffer());
  writer.buffer().append("\n## Divergent quotations\n\n");
  const bool any_shown = WriteShownClusters(
      index, result.clusters.size(), &writer,
      [&](const ClusterReport& report, std::string* text) { AppendCluster(result, report, text); });
  if (!any_shown) writer.buffer().append("None.\n\n");
  // The findings table.
  std::string& tail = writer.buffer();
  tail.append("## Findings\n\n");
  if (result.findings.empty()) {
    tail.append("No findings.\n");
  } else {
    tail.append("| Location | Severity | Rule | Message |\n| --- | --- | --- | --- |\n");
  }
  // A row a finding, formatted on the threads.
  writer.Write(result.findings.size(), kRecordsPerChunk, [&](std::string* row, size_t f, unsigned) {
    const Finding& finding = result.findings[f];
    const Diagnostic d = FindingDiagnostic(result, finding);
    std::string location = d.path;
    if (d.line > 0) location.append(fmt::format(":{}:{}", d.line, d.col));
    AppendRow(row, {Escaped(location), SeverityName(finding.severity), Escaped(finding.rule),
                    Escaped(finding.message)});
  });
  writer.Finish();
}

std::string FormatCheckMarkdown(const CheckResult& result) {
  std::ostringstream out;
  PrintCheckMarkdown(result, &out, /*jobs=*/1);
  return std::move(out).str();
}

WordDiffStyle MarkdownDiffStyle() {
  WordDiffStyle style;
  style.removed_open = "~~";
  style.removed_close = "~~";
  style.added_open = "**";
  style.added_close = "**";
  style.escape = &EscapeMarkdown;
  return style;
}

}  // namespace quotecheck
