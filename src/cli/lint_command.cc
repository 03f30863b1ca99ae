#include "cli/lint_command.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdlib>
#include <fstream>

#include "attribute/rule_set.h"
#include "cli/command_options.h"
#include "cli/exit_code.h"
#include "cli/report_output.h"
#include "cli/rule_set_loading.h"
#include "core/document_pipeline.h"
#include "core/pass_timer.h"
#include "extract/read_documents.h"
#include "findings/lint_findings.h"
#include "ingest/input_paths.h"
#include "lint/baseline.h"
#include "lint/draft_input.h"
#include "lint/lint_config.h"
#include "lint/lint_text.h"
#include "lint/quote_shingles.h"
#include "xref/cross_reference.h"

namespace quotecheck {

CommandRunner AddLintCommand(CLI::App* command) {
  struct CommandLine {
    LintOptions options;
    ReportFlags flags{.fail_level = ""};
  };
  auto line = std::make_shared<CommandLine>();
  LintOptions& options = line->options;
  AddFormatOption(command, &line->flags,
                  "text (path:line:col diagnostics), jsonl (the output contract), markdown, "
                  "sarif (code scanning), github (workflow commands), html, csv or claimreview");
  // --against and --primary take every path up to the next option or "--" (the synopsis
  // reads DRAFTS… --against REFS…), and are repeatable.
  command
      ->add_option("--against", options.references,
                   "References: articles, transcripts, statements, directories or quote stores, "
                   "up to the next option or -- (repeatable)")
      ->allow_extra_args(true)
      ->type_name("PATH...");
  command
      ->add_option("--primary", options.primary,
                   "References that are primary sources (transcript, statement), preferred over "
                   "the others, up to the next option or -- (repeatable; role: primary in a "
                   "document's metadata does the same)")
      ->allow_extra_args(true)
      ->type_name("PATH...");
  command
      ->add_option("--config", options.config_path,
                   "Use this configuration instead of the nearest .quotecheck.toml")
      ->type_name("FILE");
  command
      ->add_option("--baseline", options.baseline_path,
                   "Accept the findings listed in FILE (written by --write-baseline)")
      ->type_name("FILE");
  command
      ->add_option("--write-baseline", options.write_baseline_path,
                   "Write the findings of this run to FILE as a baseline")
      ->type_name("FILE");
  AddReportOptions(command,
                   "Exit 1 when a finding is at or above this severity: error, warning, info or "
                   "none (default: the configuration's, else error)",
                   /*with_min_confidence=*/true, &line->flags, &options.report);
  command->add_option("DRAFTS", options.drafts, "Draft files and directories to lint");
  return [line](const CommandContext& context) {
    ApplyReportFlags(line->flags, &line->options.report);
    if (line->options.drafts.empty()) {
      context.err
          << "quotecheck lint: no input: give DRAFTS\nRun with --help for more information.\n";
      return kExitError;
    }
    return RunLint(line->options, context.out, context.err, context.stdout_is_terminal);
  };
}

int RunLint(const LintOptions& options, std::ostream& out, std::ostream& err,
            bool stdout_is_terminal) {
  const auto started = std::chrono::steady_clock::now();
  // QUOTECHECK_TIMING=1: each pass's time and memory on stderr (scripts/bench).
  const std::unique_ptr<PassTimer> timer = PassTimerFromEnvironment();
  const ReportOptions& report = options.report;

  // Configuration: one named, or the nearest of each draft file.
  DraftConfigs configs;
  Diagnostics config_errors;
  if (!configs.Load(options.config_path, ExpandInputPaths(options.drafts, report.walk).files,
                    &config_errors)) {
    for (const Diagnostic& d : config_errors) err << FormatDiagnostic(d);
    return kExitError;
  }
  std::vector<std::string> rule_dirs = report.rule_dirs;
  std::vector<std::string> references = options.references;
  std::vector<std::string> primary = options.primary;
  configs.AppendSources(&rule_dirs, &references, &primary);
  if (references.empty() && primary.empty()) {
    err << "quotecheck lint: no references: give --against PATHS, or references in "
        << kLintConfigName << "\nRun with --help for more information.\n";
    return kExitError;
  }

  const std::unique_ptr<RuleExtraction> extraction = LoadRuleExtraction(rule_dirs, err);
  if (extraction == nullptr) return kExitError;
  const RuleSet& rules = extraction->rules;
  const QuoteExtractor& extractor = extraction->extractor;
  const IngestOptions ingest{
      .text_fields = report.text_fields, .walk = report.walk, .encoding = report.encoding};

  Baseline baseline;
  if (!options.baseline_path.empty()) {
    Diagnostics problems;
    if (!ReadBaseline(options.baseline_path, &baseline, &problems)) {
      for (const Diagnostic& d : problems) err << FormatDiagnostic(d);
      return kExitError;
    }
  }

  OutputFile output_file;
  std::ostream* output = OpenOutput(report.output_path, out, &output_file, err);
  if (output == nullptr) return kExitError;

  // Drafts first (their shingles filter the references), appended after the references.
  CheckResult draft_result;
  DraftTexts draft_texts;
  DraftSuppressions draft_suppressions;
  // A file is read once: a draft that is also a reference (inside --against DIR) is left out
  // of the references, never verified against itself.
  FileSet seen;
  ReadDrafts(options.drafts, extractor, ingest, err, &draft_result, &draft_texts,
             &draft_suppressions, &seen, report.quiet ? Severity::kError : Severity::kInfo);
  QuoteShingles shingles;
  for (const QuoteRecord& q : draft_result.quotes) shingles.Add(q.text);
  QuoteStoreFilter keep;
  keep.keep = [&shingles](std::string_view text) { return shingles.Take(text); };
  keep.probe = [&shingles](std::string_view text, std::vector<uint64_t>* facts) {
    return shingles.Probe(text, facts);
  };
  keep.keep_probed = [&shingles](std::span<const uint64_t> facts) {
    return shingles.TakeProbed(facts);
  };
  keep.jobs = static_cast<unsigned>(ResolveJobCount(report.jobs));

  CheckResult result;
  DraftTexts texts;
  DraftSuppressions suppressions;
  // References are primary sources only by their role (transcripts, statements): a draft
  // is checked against them first. Their warnings (an unbalanced mark in someone else's
  // article) are not the draft's business; errors are shown.
  ReadDocuments(primary, /*primary=*/true, /*draft=*/false, Severity::kError, extractor, ingest,
                report.jobs, &keep, err, &result, nullptr, &seen);
  ReadDocuments(references, /*primary=*/false, /*draft=*/false, Severity::kError, extractor, ingest,
                report.jobs, &keep, err, &result, nullptr, &seen);
  Lap(timer.get(), "lint load", result.quotes.size());
  LintSummary summary;
  summary.references = result.documents_read;
  summary.reference_quotes = result.quotes.size();
  summary.drafts = draft_result.documents_read;
  const size_t first_draft_quote = result.quotes.size();
  AppendCheckResult(std::move(draft_result), std::move(draft_texts), std::move(draft_suppressions),
                    &result, &texts, &suppressions);

  CrossReferenceOptions xref;
  xref.jobs = static_cast<unsigned>(ResolveJobCount(report.jobs));
  xref.first_focus_quote = first_draft_quote;
  FindingContext findings(rules);
  findings.min_confidence = report.min_confidence;
  xref.keyer = &findings.keyer;
  xref.timer = timer.get();
  CrossReference(xref, &result);
  ComputeLintFindings(findings, &result);
  Lap(timer.get(), "lint findings", result.findings.size());
  if (timer) err << FormatLaps(timer->laps());

  // Severities from the configuration; off drops the finding.
  ApplyConfiguredSeverities(configs, &result);
  summary.suppressed = ApplySuppressions(suppressions, &result);

  if (!options.write_baseline_path.empty()) {
    OutputFile baseline_file;
    std::ostream* file = OpenOutput(options.write_baseline_path, out, &baseline_file, err);
    if (file == nullptr) return kExitError;
    *file << FormatBaseline(result);
    if (!FinishOutput(file, &baseline_file, options.write_baseline_path, err)) return kExitError;
  }
  summary.accepted = ApplyBaseline(baseline, &result);
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  std::optional<Severity> fail_level = Severity::kError;
  if (report.fail_level_given) {
    fail_level = report.fail_level;
  } else if (configs.Main() != nullptr && configs.Main()->fail_level) {
    fail_level = *configs.Main()->fail_level;
  }
  const std::string summary_line = FormatLintSummaryLine(result, summary);
  return FinishReport(
      result, report, fail_level,
      WholeTextReport([&](bool color) { return FormatLintText(result, texts, summary, color); },
                      summary_line),
      stdout_is_terminal, output, &output_file, err, summary_line);
}

}  // namespace quotecheck
