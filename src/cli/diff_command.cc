#include "cli/diff_command.h"

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
#include "report/diff_report.h"
#include "xref/cross_reference.h"

namespace quotecheck {
int RunDiff(const DiffOptions& options, std::ostream& out, std::ostream& err,
            bool stdout_is_terminal) {
  const auto started = std::chrono::steady_clock::now();
  RuleSet rules;
  if (!LoadRuleSetReportingDiagnostics(options.rule_dirs, &rules, err)) return kExitError;
  const Attributor attributor(&rules);
  const QuoteExtractor extractor(&attributor);

  std::ofstream output_file;
  std::ostream* output = OpenOutput(options.output_path, out, &output_file, err);
  if (output == nullptr) return kExitError;

  // Both sides read as drafts (Markdown and HTML masked, plain text, quote stores), so that
  // a draft revision compares with its published text; side B is then unmarked.
  const IngestOptions ingest{
      .text_fields = options.text_fields, .walk = options.walk, .encoding = options.encoding};
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
  // A quotation only A has is listed as such, not as unverified: B is no reference set.
  std::erase_if(result.findings, [](const Finding& f) { return f.rule == "unverified-quote"; });
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  // Text, Markdown and HTML: diff's own report; the other formats print the findings.
  std::string text;
  ReportFormat format = options.format;
  if (format == ReportFormat::kText) {
    text = FormatDiffText(
        result, UseColorFor(options.color, stdout_is_terminal, !options.output_path.empty()));
  } else if (format == ReportFormat::kMarkdown) {
    text = FormatDiffMarkdown(result, options.a, options.b);
    format = ReportFormat::kText;
  } else if (format == ReportFormat::kHtml) {
    text = FormatDiffHtml(result, options.a, options.b, QUOTECHECK_VERSION);
    format = ReportFormat::kText;
  }
  if (!PrintReport(result, format, options.output_path, text, output, err)) return kExitError;
  if (!FinishOutput(output, options.output_path, err)) return kExitError;
  if (result.documents_failed > 0) return kExitError;
  return ExitStatusForFindings(result, options.fail_level, options.no_exit);
}

}  // namespace quotecheck
