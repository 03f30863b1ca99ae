#include "cli/extract_command.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <utility>

#include "attribute/rule_set.h"
#include "cli/command_options.h"
#include "cli/exit_code.h"
#include "cli/report_output.h"
#include "cli/rule_set_loading.h"
#include "core/diagnostic.h"
#include "core/document_pipeline.h"
#include "core/pass_timer.h"
#include "extract/quote_extractor.h"
#include "ingest/input_documents.h"
#include "ingest/input_paths.h"
#include "report/csv_printer.h"
#include "report/diagnostic_printer.h"
#include "report/jsonl_printer.h"
#include "report/progress_meter.h"
#include "report/result_sink.h"
#include "report/text_printer.h"

namespace quotecheck {
namespace {

std::unique_ptr<ResultSink> MakePrinter(OutputFormat format, size_t width, std::ostream* out) {
  switch (format) {
    case OutputFormat::kJsonl:
      return std::make_unique<JsonlPrinter>(out);
    case OutputFormat::kCsv:
      return std::make_unique<CsvPrinter>(out);
    case OutputFormat::kText:
      break;
  }
  return std::make_unique<TextPrinter>(out, width);
}

void CountInSummary(const DocumentResult& result, RunSummary* summary) {
  ++summary->documents;
  if (result.failed) ++summary->failed;
  summary->quotes += result.quotes.size();
  summary->bytes += result.doc.text.size();
}

}  // namespace

CommandRunner AddExtractCommand(CLI::App* command) {
  struct CommandLine {
    ExtractOptions options;
    std::string format = "text";
    bool verbose = false;
  };
  auto line = std::make_shared<CommandLine>();
  command
      ->add_option("--format", line->format,
                   "text (for people), jsonl (the output contract) or csv (a row per quotation, "
                   "for spreadsheets)")
      ->check(CLI::IsMember({"text", "jsonl", "csv"}))
      ->capture_default_str();
  command
      ->add_option("--width", line->options.width,
                   "Text output: cut quotations to N characters (0: never cut)")
      ->capture_default_str()
      ->type_name("N");
  command->add_flag("-v,--verbose", line->verbose, "Text output: every quotation in full");
  command->add_flag("-q,--quiet", line->options.quiet,
                    "Print only errors on stderr: no warnings, no progress, no summary line");
  AddReadOptions(command, &line->options.jobs, &line->options.rule_dirs, &line->options.text_fields,
                 &line->options.encoding, &line->options.walk, &line->options.output_path,
                 "Write results to FILE, not stdout");
  command->add_option(
      "PATHS", line->options.paths,
      "Files (.txt, .md, .json, .jsonl, …) and directories to read; - or none for stdin");
  return [line](const CommandContext& context) {
    ExtractOptions& options = line->options;
    options.format = line->format == "jsonl" ? OutputFormat::kJsonl
                     : line->format == "csv" ? OutputFormat::kCsv
                                             : OutputFormat::kText;
    if (line->verbose) options.width = 0;
    if (options.paths.empty()) {
      if (context.stdin_is_terminal) {
        context.err << "quotecheck extract: no input: give PATHS, or pipe text to standard input\n"
                       "Run with --help for more information.\n";
        return kExitError;
      }
      options.paths.push_back("-");
    }
    options.progress = context.stderr_is_terminal && !options.quiet;
    return RunExtract(options, context.out, context.err);
  };
}

int RunExtract(const ExtractOptions& options, std::ostream& out, std::ostream& err) {
  const auto started = std::chrono::steady_clock::now();
  // QUOTECHECK_TIMING=1 prints the CPU time of the start-up and of each pass to stderr (for
  // scripts/bench); the passes run on worker threads are summed over them.
  const bool timing = std::getenv("QUOTECHECK_TIMING") != nullptr;
  ExtractPassTimes pass_times;
  std::atomic<uint64_t> startup_ns{0}, ingest_ns{0}, output_ns{0};
  CpuLapTimer main_thread(timing);
  // The rules may compile on several threads: start-up is the process's CPU time.
  const uint64_t process_cpu_before = timing ? ProcessCpuNanos() : 0;

  const size_t jobs = ResolveJobCount(options.jobs);
  const std::unique_ptr<RuleExtraction> extraction =
      LoadRuleExtraction(options.rule_dirs, err, jobs);
  if (extraction == nullptr) return kExitError;
  QuoteExtractor& extractor = extraction->extractor;
  if (timing) extractor.set_pass_times(&pass_times);
  main_thread.Lap();
  if (timing) startup_ns = ProcessCpuNanos() - process_cpu_before;
  const double startup_wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  OutputFile output_file;
  std::ostream* output = OpenOutput(options.output_path, out, &output_file, err);
  if (output == nullptr) return kExitError;
  const std::unique_ptr<ResultSink> printer = MakePrinter(options.format, options.width, output);

  InputDocuments inputs(options.paths, IngestOptions{.text_fields = options.text_fields,
                                                     .walk = options.walk,
                                                     .encoding = options.encoding});
  RunSummary summary;
  size_t unattributed = 0;
  DiagnosticPrinter diagnostics(&err, options.quiet);
  ProgressMeter progress(
      &err, options.progress,
      options.progress ? TotalFileBytes(ExpandInputPaths(options.paths, options.walk).files) : 0);
  DocumentPipelineSteps steps;
  steps.read = [&](DocumentResult* result) {
    CpuLapTimer read(timing);
    const bool more = inputs.Next(result);
    read.LapInto(&ingest_ns);
    return more;
  };
  steps.process = [&](DocumentResult* result) { extractor.Process(result); };
  steps.deliver = [&](DocumentResult& result) {
    CpuLapTimer write(timing);
    if (!result.diagnostics.empty()) progress.Clear();
    for (const Diagnostic& diagnostic : result.diagnostics) diagnostics.Print(diagnostic);
    if (result.skipped) return true;  // a notice, no document
    CountInSummary(result, &summary);
    for (const Quote& q : result.quotes) unattributed += q.speaker ? 0 : 1;
    progress.Add(result.doc.text.size(), result.quotes.size());
    printer->OnDocument(result);
    write.LapInto(&output_ns);
    return output->good();
  };
  RunDocumentPipeline({.jobs = jobs}, steps);
  progress.Clear();
  diagnostics.Finish();

  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  printer->OnFinish(summary);
  // The summary line ends every run on stderr, unless the text report on standard output
  // already ends with it.
  if (!options.quiet && (options.format != OutputFormat::kText || !options.output_path.empty())) {
    err << FormatSummaryLine(summary, unattributed) << '\n';
  }
  if (timing) {
    auto secs = [](const std::atomic<uint64_t>& ns) { return ns.load() / 1e9; };
    err << fmt::format(
        "extract: startup {:.4f} s\nextract: startup wall {:.4f} s\nextract: ingest {:.4f} s\n"
        "extract: scan {:.4f} s\n"
        "extract: attribute {:.4f} s\nextract: kinds {:.4f} s\nextract: keys {:.4f} s\n"
        "extract: output {:.4f} s\n",
        secs(startup_ns), startup_wall, secs(ingest_ns), secs(pass_times.scan_ns),
        secs(pass_times.attribute_ns), secs(pass_times.kinds_ns), secs(pass_times.keys_ns),
        secs(output_ns));
  }
  if (!FinishOutput(output, &output_file, options.output_path, err)) return kExitError;
  return summary.failed > 0 ? kExitError : kExitOk;
}

}  // namespace quotecheck
