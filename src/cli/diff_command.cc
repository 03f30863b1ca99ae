#include "cli/diff_command.h"

#include <fmt/format.h>

#include <cerrno>
#include <chrono>
#include <fstream>

#include "attribute/attributor.h"
#include "attribute/rule_set.h"
#include "cli/document_pipeline.h"
#include "cli/exit_code.h"
#include "cli/lint_command.h"
#include "cli/report_output.h"
#include "cli/rule_set_loading.h"
#include "extract/quote_extractor.h"
#include "findings/lint_findings.h"
#include "report/check_report_view.h"
#include "report/text_printer.h"
#include "xref/cross_reference.h"

namespace quotecheck {
namespace {

constexpr size_t kQuoteWidth = 70;

std::string Speaker(const QuoteRecord& q) {
  return q.speaker ? *q.speaker : std::string("(unattributed)");
}

std::string Quoted(std::string_view text) {
  return "\xE2\x80\x9C" + ShortenForDisplay(text, kQuoteWidth) + "\xE2\x80\x9D";
}

}  // namespace

std::string FormatDiffText(const CheckResult& result, bool color) {
  const auto& quotes = result.quotes;
  auto side_a = [&](size_t q) { return result.documents[quotes[q].doc].draft; };
  std::vector<std::vector<size_t>> links_of(quotes.size());
  for (size_t l = 0; l < result.links.size(); ++l) {
    const Link& link = result.links[l];
    if (side_a(link.a) == side_a(link.b)) continue;
    links_of[link.a].push_back(l);
    links_of[link.b].push_back(l);
  }
  const WordDiffStyle style = TerminalDiffStyle(color);

  std::string out;
  size_t shared = 0, only_a = 0, only_b = 0;
  for (size_t q = 0; q < quotes.size(); ++q) {
    if (!side_a(q) || links_of[q].empty()) continue;
    ++shared;
    for (size_t l : links_of[q]) {
      const Link& link = result.links[l];
      const size_t other = link.a == q ? link.b : link.a;
      out.append(fmt::format("{} = {}  {}  {}\n", QuoteLocation(result, q),
                             QuoteLocation(result, other), RelationName(link.relation),
                             link.speakers_agree
                                 ? Speaker(quotes[q])
                                 : fmt::format("speakers differ: {} / {}", Speaker(quotes[q]),
                                               Speaker(quotes[other]))));
      const QuoteDiff diff = OrientedDiff(link, q);
      out.append("  ").append(HasChanges(diff.ops) ? FormatWordDiff(diff.ops, style)
                                                   : ShortenForDisplay(quotes[q].text, 200));
      out.push_back('\n');
    }
  }
  for (const bool a : {true, false}) {
    for (size_t q = 0; q < quotes.size(); ++q) {
      if (side_a(q) != a || !links_of[q].empty()) continue;
      ++(a ? only_a : only_b);
      out.append(fmt::format("only in {}  {}  {}\n", QuoteLocation(result, q), Speaker(quotes[q]),
                             Quoted(quotes[q].text)));
    }
  }
  size_t counts[3] = {0, 0, 0};
  for (const Finding& f : result.findings) ++counts[SeverityRank(f.severity)];
  out.append(fmt::format("{} shared, {} only in A, {} only in B; {} finding{}", shared, only_a,
                         only_b, result.findings.size(), result.findings.size() == 1 ? "" : "s"));
  std::vector<std::string> parts;
  if (counts[2] > 0)
    parts.push_back(fmt::format("{} error{}", counts[2], counts[2] == 1 ? "" : "s"));
  if (counts[1] > 0) {
    parts.push_back(fmt::format("{} warning{}", counts[1], counts[1] == 1 ? "" : "s"));
  }
  if (counts[0] > 0) parts.push_back(fmt::format("{} info", counts[0]));
  if (!parts.empty()) out.append(fmt::format(" ({})", fmt::join(parts, ", ")));
  out.push_back('\n');
  return out;
}

int RunDiff(const DiffOptions& options, std::ostream& out, std::ostream& err,
            bool stdout_is_terminal) {
  const auto started = std::chrono::steady_clock::now();
  RuleSet rules;
  if (!LoadRuleSetReportingDiagnostics(options.rule_dirs, &rules, err)) return kExitError;
  const Attributor attributor(&rules);
  const QuoteExtractor extractor(&attributor);

  OutputFile output_file;
  std::ostream* output = OpenOutput(options.output_path, out, &output_file, err);
  if (output == nullptr) return kExitError;

  // Both sides read as drafts (Markdown and HTML masked, plain text, quote stores), so that
  // a draft revision compares with its published text; side B is then unmarked.
  const IngestOptions ingest{.text_fields = options.text_fields};
  CheckResult result;
  DraftTexts texts;
  DraftSuppressions suppressions;
  ReadDrafts({options.a}, extractor, ingest, err, &result, &texts, &suppressions);
  const size_t first_b = result.documents.size();
  ReadDrafts({options.b}, extractor, ingest, err, &result, &texts, &suppressions);
  for (size_t i = first_b; i < result.documents.size(); ++i) result.documents[i].draft = false;
  CrossReferenceOptions xref;
  xref.jobs = static_cast<unsigned>(ResolveJobCount(options.jobs));
  const FindingContext findings(rules);
  xref.keyer = &findings.keyer;
  CrossReference(xref, &result);
  ComputeLintFindings(findings, &result);
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  const std::string text =
      options.format == ReportFormat::kText
          ? FormatDiffText(result, UseColorFor(options.color, stdout_is_terminal,
                                               !options.output_path.empty()))
          : std::string();
  if (!PrintReport(result, options.format, options.output_path, text, output, err)) {
    return kExitError;
  }
  if (!FinishOutput(output, &output_file, options.output_path, err)) return kExitError;
  if (result.documents_failed > 0) return kExitError;
  return ExitStatusForFindings(result, options.fail_level, options.no_exit);
}

}  // namespace quotecheck
