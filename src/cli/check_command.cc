#include "cli/check_command.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <memory>

#include "attribute/rule_set.h"
#include "cli/command_options.h"
#include "cli/exit_code.h"
#include "cli/rule_set_loading.h"
#include "core/check_model.h"
#include "core/document_pipeline.h"
#include "core/pass_timer.h"
#include "extract/read_documents.h"
#include "findings/check_findings.h"
#include "report/check_report_view.h"
#include "report/check_text_printer.h"
#include "xref/cross_reference.h"

namespace quotecheck {

CommandRunner AddCheckCommand(CLI::App* command) {
  struct CommandLine {
    CheckOptions options;
    ReportFlags flags;
    std::string links = "parent";
  };
  auto line = std::make_shared<CommandLine>();
  AddFormatOption(command, &line->flags,
                  "text (for people), jsonl (the output contract), markdown (for a ticket), "
                  "sarif (code scanning), github (Actions annotations), html (a report page), "
                  "csv (a row per finding) or claimreview (schema.org ClaimReview JSON-LD)");
  command
      ->add_option("--links", line->links,
                   "Link records to write: parent (each quotation's link to its parent in its "
                   "cluster), all (every linked pair) or none")
      ->check(CLI::IsMember({"parent", "all", "none"}))
      ->capture_default_str();
  AddRepeatable(command, "--reference", &line->options.references,
                "A primary source (transcript, statement) every quotation is compared with "
                "(repeatable)",
                "PATH");
  AddReportOptions(command,
                   "Exit 1 when a finding is at or above this severity: error, warning, info or "
                   "none",
                   /*with_min_confidence=*/true, &line->flags, &line->options.report);
  command->add_option(
      "PATHS", line->options.paths,
      "Articles, directories, JSONL corpora and quote stores (extract --format jsonl output)");
  return [line](const CommandContext& context) {
    CheckOptions& options = line->options;
    ApplyReportFlags(line->flags, &options.report);
    options.links = line->links == "all"    ? LinkOutput::kAll
                    : line->links == "none" ? LinkOutput::kNone
                                            : LinkOutput::kParent;
    if (options.paths.empty() && options.references.empty()) {
      context.err
          << "quotecheck check: no input: give PATHS\nRun with --help for more information.\n";
      return kExitError;
    }
    return RunCheck(options, context.out, context.err, context.stdout_is_terminal,
                    context.kept_until_exit);
  };
}

CrossReferenceOptions CheckCrossReferenceOptions(const CheckOptions& options,
                                                 const FindingContext& findings, unsigned jobs) {
  CrossReferenceOptions xref;
  xref.jobs = jobs;
  xref.keyer = &findings.keyer;
  xref.decide_every_pair = options.links == LinkOutput::kAll;
  return xref;
}

std::string CappedCandidatesNote(size_t capped_candidates) {
  if (capped_candidates == 0) return "";
  return fmt::format(
      "quotecheck: note: {} quotation(s) shared words with more than {} others; each was "
      "compared with the {} sharing the most\n",
      capped_candidates, NgramIndexOptions{}.max_candidates, NgramIndexOptions{}.max_candidates);
}

std::string CappedClustersWarning(const LinkOutputStats& links) {
  if (links.capped_clusters == 0) return "";
  return fmt::format(
      "quotecheck: warning: --links all: {} cluster(s) have more than {} linked pairs; their "
      "{} pairs are written as each member's link to its parent\n",
      links.capped_clusters, kMaxLinksPerCluster, links.capped_pairs);
}

int ReportCheck(const CheckOptions& options, const FindingContext& findings, unsigned jobs,
                PassTimer* timer, std::chrono::steady_clock::time_point started,
                CheckResult* result_in, QuoteFacts* facts, bool stdout_is_terminal,
                std::ostream* output, OutputFile* output_file, std::ostream& err) {
  CheckResult& result = *result_in;
  const ReportOptions& report = options.report;
  AddCheckFindings(findings, &result, jobs, facts);
  Lap(timer, "check findings", result.findings.size());
  err << CappedCandidatesNote(result.capped_candidates);
  const LinkOutputStats links = SelectOutputLinks(options.links, findings.keyer, &result);
  Lap(timer, "check links", result.links.size());
  err << CappedClustersWarning(links);
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  // The text report ends with the summary line (check_text_printer.h).
  return FinishReport(
      result, report, report.fail_level,
      [&result, jobs](bool color, std::ostream* out) {
        PrintCheckText(result, color, out, jobs);
        return true;
      },
      stdout_is_terminal, output, output_file, err, FormatCheckSummaryLine(result));
}

int RunCheck(const CheckOptions& options, std::ostream& out, std::ostream& err,
             bool stdout_is_terminal, std::vector<std::shared_ptr<const void>>* kept_until_exit) {
  const auto started = std::chrono::steady_clock::now();
  const ReportOptions& report = options.report;

  const std::unique_ptr<RuleExtraction> extraction = LoadRuleExtraction(report.rule_dirs, err);
  if (extraction == nullptr) return kExitError;
  const RuleSet& rules = extraction->rules;
  const QuoteExtractor& extractor = extraction->extractor;

  OutputFile output_file;
  std::ostream* output = OpenOutput(report.output_path, out, &output_file, err);
  if (output == nullptr) return kExitError;

  // Passes.
  const std::unique_ptr<PassTimer> timer = PassTimerFromEnvironment();
  const auto kept = std::make_shared<CheckResult>();
  if (kept_until_exit != nullptr) kept_until_exit->push_back(kept);
  CheckResult& result = *kept;
  const IngestOptions ingest{
      .text_fields = report.text_fields, .walk = report.walk, .encoding = report.encoding};
  // A file named twice (as a reference and a path, or twice either way) is one document.
  FileSet seen;
  const Severity shown = report.quiet ? Severity::kError : Severity::kInfo;
  ReadDocuments(options.references, /*primary=*/true, /*draft=*/false, shown, extractor, ingest,
                report.jobs, /*keep=*/nullptr, err, &result, /*texts=*/nullptr, &seen);
  ReadDocuments(options.paths, /*primary=*/false, /*draft=*/false, shown, extractor, ingest,
                report.jobs, /*keep=*/nullptr, err, &result, /*texts=*/nullptr, &seen);
  Lap(timer.get(), "check read", result.quotes.size());
  FindingContext findings(rules);
  findings.min_confidence = report.min_confidence;
  CrossReferenceOptions xref = CheckCrossReferenceOptions(
      options, findings, static_cast<unsigned>(ResolveJobCount(report.jobs)));
  xref.timer = timer.get();
  QuoteFacts facts;
  CrossReference(xref, &result, &facts);
  const int rc = ReportCheck(options, findings, xref.jobs, timer.get(), started, &result, &facts,
                             stdout_is_terminal, output, &output_file, err);
  if (timer) {  // QUOTECHECK_TIMING=1 (scripts/bench)
    timer->Lap("check write");
    err << FormatLaps(timer->laps());
  }
  return rc;
}

}  // namespace quotecheck
