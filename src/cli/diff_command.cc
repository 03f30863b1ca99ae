#include "cli/diff_command.h"

#include <CLI/CLI.hpp>
#include <chrono>
#include <fstream>

#include "attribute/rule_set.h"
#include "cli/command_options.h"
#include "cli/exit_code.h"
#include "cli/report_output.h"
#include "cli/rule_set_loading.h"
#include "core/document_pipeline.h"
#include "findings/lint_findings.h"
#include "lint/draft_input.h"
#include "report/diff_report.h"
#include "xref/cross_reference.h"

namespace quotecheck {

CommandRunner AddDiffCommand(CLI::App* command) {
  struct CommandLine {
    DiffOptions options;
    ReportFlags flags;
  };
  auto line = std::make_shared<CommandLine>();
  AddFormatOption(command, &line->flags,
                  "text, jsonl (the output contract), markdown, sarif, github, html, csv or "
                  "claimreview");
  AddReportOptions(command,
                   "Exit 1 when a finding (A against B) is at or above this severity: error, "
                   "warning, info or none",
                   /*with_min_confidence=*/false, &line->flags, &line->options.report);
  command->add_option("A", line->options.a, "The first document or directory")->required();
  command->add_option("B", line->options.b, "The second document or directory")->required();
  return [line](const CommandContext& context) {
    ApplyReportFlags(line->flags, &line->options.report);
    return RunDiff(line->options, context.out, context.err, context.stdout_is_terminal);
  };
}

int RunDiff(const DiffOptions& options, std::ostream& out, std::ostream& err,
            bool stdout_is_terminal) {
  const auto started = std::chrono::steady_clock::now();
  const ReportOptions& report = options.report;

  const std::unique_ptr<RuleExtraction> extraction = LoadRuleExtraction(report.rule_dirs, err);
  if (extraction == nullptr) return kExitError;
  const RuleSet& rules = extraction->rules;
  const QuoteExtractor& extractor = extraction->extractor;

  OutputFile output_file;
  std::ostream* output = OpenOutput(report.output_path, out, &output_file, err);
  if (output == nullptr) return kExitError;

  // Both sides read as drafts (Markdown and HTML masked, plain text, quote stores), so that
  // a draft revision compares with its published text; side B is then unmarked.
  const IngestOptions ingest{
      .text_fields = report.text_fields, .walk = report.walk, .encoding = report.encoding};
  CheckResult result;
  DraftTexts texts;
  DraftSuppressions suppressions;
  const Severity min_shown = report.quiet ? Severity::kError : Severity::kInfo;
  ReadDrafts({options.a}, extractor, ingest, err, &result, &texts, &suppressions, nullptr,
             min_shown);
  const size_t first_b = result.documents.size();
  ReadDrafts({options.b}, extractor, ingest, err, &result, &texts, &suppressions, nullptr,
             min_shown);
  for (size_t i = first_b; i < result.documents.size(); ++i) result.documents[i].draft = false;
  CrossReferenceOptions xref;
  xref.jobs = static_cast<unsigned>(ResolveJobCount(report.jobs));
  const FindingContext findings(rules);
  xref.keyer = &findings.keyer;
  CrossReference(xref, &result);
  ComputeLintFindings(findings, &result);
  // A quotation only A has is listed as such, not as unverified: B is no reference set.
  std::erase_if(result.findings, [](const Finding& f) { return f.rule == "unverified-quote"; });
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  // Text, Markdown and HTML: diff's own report; the other formats print the findings.
  const ReportFormat asked = report.format;
  ReportOptions shown = report;
  if (asked == ReportFormat::kMarkdown || asked == ReportFormat::kHtml) {
    shown.format = ReportFormat::kText;
  }
  const std::string summary_line = FormatDiffSummaryLine(result);
  return FinishReport(result, shown, report.fail_level,
                      WholeTextReport(
                          [&](bool color) {
                            if (asked == ReportFormat::kMarkdown)
                              return FormatDiffMarkdown(result, options.a, options.b);
                            if (asked == ReportFormat::kHtml) {
                              return FormatDiffHtml(result, options.a, options.b,
                                                    QUOTECHECK_VERSION);
                            }
                            return FormatDiffText(result, color);
                          },
                          summary_line),
                      stdout_is_terminal, output, &output_file, err, summary_line);
}

}  // namespace quotecheck
