#include "report/check_text_printer.h"

#include <fmt/format.h>

#include <optional>
#include <sstream>

#include "report/check_report_view.h"
#include "report/text_printer.h"

namespace quotecheck {
namespace {

constexpr std::string_view kOpenQuote = "\xE2\x80\x9C";   // “
constexpr std::string_view kCloseQuote = "\xE2\x80\x9D";  // ”
constexpr std::string_view kUnattributed = "(unattributed)";
constexpr size_t kNoLimit = static_cast<size_t>(-1);

constexpr std::string_view kBold = "\x1B[1m";
constexpr std::string_view kDim = "\x1B[2m";
constexpr std::string_view kReset = "\x1B[0m";

// Appends `text` in `style` when colour is on.
void AppendStyled(std::string* out, bool color, std::string_view style, std::string_view text) {
  if (color) out->append(style);
  out->append(text);
  if (color) out->append(kReset);
}

std::string OneLine(std::string_view text) { return ShortenForDisplay(text, kNoLimit); }

std::string SpeakerShown(const QuoteRecord& quote) {
  return quote.speaker ? ShortenForDisplay(*quote.speaker, kNoLimit) : std::string(kUnattributed);
}

std::string ClusterAbout(const CheckResult& result, const Cluster& cluster) {
  std::string out;
  if (cluster.speakers.empty()) {
    out.append("speaker: ").append(kUnattributed);
  } else {
    std::vector<std::string> speakers;
    for (const std::string& s : cluster.speakers) speakers.push_back(OneLine(s));
    out.append(speakers.size() == 1 ? "speaker: " : "speakers: ");
    out.append(fmt::format("{}", fmt::join(speakers, ", ")));
  }
  auto document_of = [&](size_t quote) {
    const DocumentInfo& doc = result.documents[result.quotes[quote].doc];
    std::string s = OneLine(doc.id);
    const std::string about = OutletAndDate(doc.meta);
    if (!about.empty()) s.append(" ").append(about);
    return s;
  };
  out.append("; first: ").append(document_of(cluster.first));
  if (cluster.primary) out.append("; primary source: ").append(document_of(*cluster.primary));
  return out;
}

void AppendCluster(const CheckResult& result, const ClusterReport& report, bool color,
                   std::string* out) {
  const Cluster& cluster = result.clusters[report.cluster];
  std::string header = OneLine(cluster.id);
  header.append("  ").append(kOpenQuote);
  header.append(ShortenForDisplay(result.quotes[cluster.canonical].text, kQuoteDisplayWidth));
  header.append(kCloseQuote);
  AppendStyled(out, color, kBold, header);
  out->append("\n  ");
  AppendStyled(out, color, kDim, ClusterAbout(result, cluster));
  out->push_back('\n');

  const WordDiffStyle style = TerminalDiffStyle(color);
  for (const MemberReport& member : report.members) {
    if (!member.divergent) continue;
    const QuoteRecord& quote = result.quotes[member.quote];
    out->append("  ").append(QuoteLocation(result, member.quote));
    const std::string about = OutletAndDate(result.documents[quote.doc].meta);
    if (!about.empty()) out->append("  ").append(about);
    out->append("  ").append(SpeakerShown(quote));
    out->append("  ").append(RelationLabel(result, report, member));
    out->push_back('\n');
    if (HasChanges(member.diff)) {
      out->append("    ").append(FormatWordDiff(member.diff, style)).push_back('\n');
    }
    for (size_t f : member.findings) {
      const Finding& finding = result.findings[f];
      out->append("    ").append(SeverityName(finding.severity)).append(": ");
      out->append(OneLine(finding.message));
      if (!finding.rule.empty()) out->append(" [").append(finding.rule).append("]");
      out->push_back('\n');
    }
  }
  out->push_back('\n');
}

}  // namespace

void PrintCheckText(const CheckResult& result, bool color, std::ostream* out, unsigned jobs) {
  const CheckReportIndex index(result);
  OrderedRecords writer(out, jobs);
  WriteShownClusters(index, result.clusters.size(), &writer,
                     [&](const ClusterReport& report, std::string* text) {
                       AppendCluster(result, report, color, text);
                     });
  std::string& tail = writer.buffer();
  for (size_t f : index.loose_findings()) {
    Diagnostic d = FindingDiagnostic(result, result.findings[f]);
    d.message = OneLine(d.message);
    if (d.path.empty()) d.line = 0;  // no place: "severity: message [rule]"
    std::string line = FormatDiagnosticHeader(d);
    if (d.path.empty()) line.erase(0, 2);
    tail.append(line).push_back('\n');
    writer.MaybeFlush();
  }
  if (!index.loose_findings().empty()) tail.push_back('\n');
  tail.append(FormatCheckSummaryLine(result)).push_back('\n');
  writer.Finish();
}

std::string FormatCheckText(const CheckResult& result, bool color) {
  std::ostringstream out;
  PrintCheckText(result, color, &out, /*jobs=*/1);
  return std::move(out).str();
}

}  // namespace quotecheck
