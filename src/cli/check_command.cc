#include "cli/check_command.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <fstream>

#include "attribute/attributor.h"
#include "attribute/rule_set.h"
#include "cli/document_pipeline.h"
#include "cli/exit_code.h"
#include "cli/read_documents.h"
#include "cli/rule_set_loading.h"
#include "core/check_model.h"
#include "extract/quote_extractor.h"
#include "findings/check_findings.h"
#include "report/check_github_printer.h"
#include "report/check_html_printer.h"
#include "report/check_jsonl_printer.h"
#include "report/check_markdown_printer.h"
#include "report/check_sarif_printer.h"
#include "report/check_text_printer.h"
#include "xref/cross_reference.h"

namespace quotecheck {

int RunCheck(const CheckOptions& options, std::ostream& out, std::ostream& err,
             bool stdout_is_terminal) {
  const auto started = std::chrono::steady_clock::now();

  RuleSet rules;
  if (!LoadRuleSetReportingDiagnostics(options.rule_dirs, &rules, err)) return kExitError;
  const Attributor attributor(&rules);
  const QuoteExtractor extractor(&attributor);

  OutputFile output_file;
  std::ostream* output = OpenOutput(options.output_path, out, &output_file, err);
  if (output == nullptr) return kExitError;

  // Passes.
  CheckResult result;
  const IngestOptions ingest{.text_fields = options.text_fields};
  ReadDocuments(options.references, /*primary=*/true, /*draft=*/false, Severity::kInfo, extractor,
                ingest, options.jobs, /*keep=*/nullptr, err, &result, /*texts=*/nullptr);
  ReadDocuments(options.paths, /*primary=*/false, /*draft=*/false, Severity::kInfo, extractor,
                ingest, options.jobs, /*keep=*/nullptr, err, &result, /*texts=*/nullptr);
  CrossReferenceOptions xref;
  xref.jobs = static_cast<unsigned>(ResolveJobCount(options.jobs));
  FindingContext findings(rules);
  findings.min_confidence = options.min_confidence;
  xref.keyer = &findings.keyer;
  CrossReference(xref, &result);
  // QUOTECHECK_TIMING=1: the time of the findings and link-output passes too (scripts/bench).
  const bool timing = std::getenv("QUOTECHECK_TIMING") != nullptr;
  auto lap_started = std::chrono::steady_clock::now();
  auto lap = [&](const char* pass) {
    if (!timing) return;
    const auto now = std::chrono::steady_clock::now();
    err << fmt::format("check: {:<10} {:8.3f} s\n", pass,
                       std::chrono::duration<double>(now - lap_started).count());
    lap_started = now;
  };
  AddCheckFindings(findings, &result, xref.jobs);
  lap("findings");
  if (result.capped_candidates > 0) {
    err << fmt::format(
        "quotecheck: note: {} quotation(s) shared words with more than {} others; each was "
        "compared with the {} sharing the most\n",
        result.capped_candidates, NgramIndexOptions{}.max_candidates,
        NgramIndexOptions{}.max_candidates);
  }
  const LinkOutputStats links = SelectOutputLinks(options.links, findings.keyer, &result);
  lap("links");
  if (links.capped_clusters > 0) {
    err << fmt::format(
        "quotecheck: warning: --links all: {} cluster(s) have more than {} linked pairs; their "
        "{} pairs are written as each member's link to its parent\n",
        links.capped_clusters, kMaxLinksPerCluster, links.capped_pairs);
  }
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  const bool color = UseColorFor(options.color, stdout_is_terminal, !options.output_path.empty());
  const std::string text =
      options.format == ReportFormat::kText ? FormatCheckText(result, color) : std::string();
  if (!PrintReport(result, options.format, options.output_path, text, output, err)) {
    return kExitError;
  }
  if (!FinishOutput(output, &output_file, options.output_path, err)) return kExitError;
  if (result.documents_failed > 0) return kExitError;
  return ExitStatusForFindings(result, options.fail_level, options.no_exit);
}

}  // namespace quotecheck
