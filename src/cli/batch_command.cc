#include "cli/batch_command.h"

#include <fmt/format.h>
#include <stdlib.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <climits>
#include <fstream>
#include <sstream>
#include <vector>

#include "batch/batch_engine.h"
#include "batch/batch_files.h"
#include "batch/batch_plan.h"
#include "batch/batch_tasks.h"
#include "batch/task_process.h"
#include "cli/check_command.h"
#include "cli/command_options.h"
#include "cli/exit_code.h"
#include "cli/rule_set_loading.h"
#include "core/document_pipeline.h"
#include "extract/quote_extractor.h"
#include "ingest/text_decoder.h"

namespace quotecheck {
namespace {

// The report is copied to the output in blocks of this size: large enough for few writes,
// small beside any report worth cutting into tasks.
constexpr size_t kReportCopyBuffer = size_t{1} << 20;

// The settings of the plan: check's options that the tasks need, by name.
void StoreSettings(const CheckOptions& options, const ReportFlags& flags, const std::string& links,
                   BatchPlan* plan) {
  auto& s = plan->settings;
  for (const std::string& dir : options.report.rule_dirs) s.emplace_back("rules", dir);
  for (const std::string& field : options.report.text_fields) s.emplace_back("text-field", field);
  s.emplace_back("encoding", std::string(EncodingName(options.report.encoding)));
  s.emplace_back("min-confidence", fmt::format("{:a}", options.report.min_confidence));
  s.emplace_back("links", links);
  s.emplace_back("fail-level", flags.fail_level);
  s.emplace_back("no-exit", options.report.no_exit ? "1" : "0");
  s.emplace_back("quiet", options.report.quiet ? "1" : "0");
  s.emplace_back("jobs", std::to_string(options.report.jobs));
}

CheckOptions LoadSettings(const BatchPlan& plan) {
  CheckOptions options;
  ReportFlags flags;
  flags.format = "jsonl";
  flags.fail_level = plan.Value("fail-level", "error");
  ApplyReportFlags(flags, &options.report);
  options.report.rule_dirs = plan.Values("rules");
  options.report.text_fields = plan.Values("text-field");
  options.report.encoding =
      ParseEncodingName(plan.Value("encoding", "auto")).value_or(Encoding::kAuto);
  options.report.min_confidence = std::strtod(plan.Value("min-confidence", "0").c_str(), nullptr);
  const std::string links = plan.Value("links", "parent");
  options.links = links == "all"    ? LinkOutput::kAll
                  : links == "none" ? LinkOutput::kNone
                                    : LinkOutput::kParent;
  options.report.no_exit = plan.Value("no-exit") == "1";
  options.report.quiet = plan.Value("quiet") == "1";
  options.report.jobs =
      static_cast<unsigned>(std::strtoul(plan.Value("jobs", "0").c_str(), nullptr, 10));
  return options;
}

std::string AbsolutePath(const std::string& path) {
  char buf[PATH_MAX];
  if (realpath(path.c_str(), buf) != nullptr) return buf;
  return path;
}

// The write task: check's report streamed from the tasks' files into DIR/report.jsonl; what
// check would print on stderr into report.stderr (ReportCheck's notes, FinishReport's
// summary line); the exit status into report.status, last.
int RunWriteTask(const BatchPlan& plan, const std::string& dir, std::ostream& err) {
  const auto started = std::chrono::steady_clock::now();
  const CheckOptions options = LoadSettings(plan);
  const std::unique_ptr<RuleExtraction> extraction =
      LoadRuleExtraction(options.report.rule_dirs, err);
  if (extraction == nullptr) return kExitError;
  const FindingContext findings(extraction->rules);
  OutputFile output_file;
  std::ostream* output = OpenOutput(BatchReportPath(dir), err, &output_file, err);
  if (output == nullptr) return kExitError;
  BatchReport report;
  const Severity shown = options.report.quiet ? Severity::kError : Severity::kInfo;
  Status s = WriteReportFromTasks(plan, dir, findings.keyer, shown, started, output, &report);
  if (!s.ok()) {
    err << "quotecheck: error: " << s.message() << '\n';
    return kExitError;
  }
  if (!FinishOutput(output, &output_file, BatchReportPath(dir), err)) return kExitError;
  std::string report_err = report.diagnostics + CappedCandidatesNote(report.capped_candidates) +
                           CappedClustersWarning(report.capped);
  if (!options.report.quiet) report_err += FormatCheckSummaryLine(report.counts) + "\n";
  const int rc = report.counts.documents_failed > 0
                     ? kExitError
                     : ExitStatusForSeverities(report.counts.findings, options.report.fail_level,
                                               options.report.no_exit);
  s = WriteFileAtomically(BatchReportErrPath(dir), report_err);
  if (s.ok()) {
    s = WriteFileAtomically(BatchTaskOutput(dir, BatchPhase::kWrite, 0), std::to_string(rc) + "\n");
  }
  if (!s.ok()) {
    err << "quotecheck: error: " << s.message() << '\n';
    return kExitError;
  }
  return kExitOk;
}

}  // namespace

CommandRunner AddBatchTaskCommand(CLI::App* command) {
  struct CommandLine {
    std::string dir, phase;
    size_t index = 0;
  };
  auto line = std::make_shared<CommandLine>();
  command->group("");  // not listed in --help: the engines run it, people rerun it from a log
  command->add_option("--work", line->dir, "The work directory of the batch run")
      ->required()
      ->type_name("DIR");
  std::vector<std::string> names;
  for (const BatchPhaseName& p : kBatchPhases) names.emplace_back(p.name);
  command->add_option("PHASE", line->phase, "The phase")->required()->check(CLI::IsMember(names));
  command->add_option("INDEX", line->index, "The task's index in its phase")->required();
  return [line](const CommandContext& context) {
    Result<std::string> text = ReadWholeFile(BatchPlanPath(line->dir));
    Result<BatchPlan> plan = text.ok() ? ParseBatchPlan(text.value()) : text.status();
    if (!plan.ok()) {
      context.err << "quotecheck: error: " << plan.status().message() << '\n';
      return kExitError;
    }
    BatchPhase phase = BatchPhase::kRead;
    for (const BatchPhaseName& p : kBatchPhases) {
      if (p.name == line->phase) phase = p.phase;
    }
    if (line->index >= BatchTaskCount(plan.value(), phase)) {
      context.err << fmt::format("quotecheck: error: phase {} has {} task(s); no task {}\n",
                                 line->phase, BatchTaskCount(plan.value(), phase), line->index);
      return kExitError;
    }
    if (phase == BatchPhase::kWrite) return RunWriteTask(plan.value(), line->dir, context.err);
    const CheckOptions options = LoadSettings(plan.value());
    const std::unique_ptr<RuleExtraction> extraction =
        LoadRuleExtraction(options.report.rule_dirs, context.err);
    if (extraction == nullptr) return kExitError;
    const auto jobs = static_cast<unsigned>(ResolveJobCount(options.report.jobs));
    Status s;
    if (phase == BatchPhase::kRead) {
      const IngestOptions ingest{.text_fields = options.report.text_fields,
                                 .walk = {},
                                 .encoding = options.report.encoding};
      s = RunReadTask(plan.value(), line->dir, line->index, extraction->extractor, ingest, jobs,
                      context.err);
    } else if (phase == BatchPhase::kShingles) {
      s = RunShinglesTask(plan.value(), line->dir, line->index, jobs);
    } else if (phase == BatchPhase::kCount) {
      s = RunCountTask(plan.value(), line->dir, line->index);
    } else if (phase == BatchPhase::kGroups) {
      s = RunGroupsTask(plan.value(), line->dir);
    } else {
      FindingContext findings(extraction->rules);
      findings.min_confidence = options.report.min_confidence;
      if (phase == BatchPhase::kDecide) {
        s = RunDecideTask(plan.value(), line->dir, line->index, findings.keyer, jobs);
      } else if (phase == BatchPhase::kClusters) {
        s = RunClustersTask(plan.value(), line->dir,
                            CheckCrossReferenceOptions(options, findings, jobs));
      } else {
        s = RunFindingsTask(plan.value(), line->dir, line->index, findings, options.links, jobs);
      }
    }
    if (!s.ok()) {
      context.err << "quotecheck: error: " << s.message() << '\n';
      return kExitError;
    }
    return kExitOk;
  };
}

CommandRunner AddBatchCommand(CLI::App* command) {
  struct CommandLine {
    CheckOptions options;
    ReportFlags flags;
    std::string links = "parent";
    std::string engine = "local";
    std::string dir;
    size_t shards = 1;
    size_t partitions = 1;
    size_t blocks = 1;
    unsigned tasks = 0;
    size_t memory_mb = 0;
  };
  auto line = std::make_shared<CommandLine>();
  command->add_option("--engine", line->engine, "local (this machine) or slurm (sbatch)")
      ->check(CLI::IsMember({"local", "slurm"}))
      ->capture_default_str();
  command
      ->add_option("--work", line->dir,
                   "The work directory (on a filesystem every node shares, for slurm): the plan, "
                   "each task's output and log; a rerun skips the tasks already done")
      ->required()
      ->type_name("DIR");
  command->add_option("--shards", line->shards, "Input shards, each read by a task")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  command
      ->add_option("--partitions", line->partitions,
                   "Shingle partitions (by hash), each indexed by a task")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  command
      ->add_option("--blocks", line->blocks,
                   "Blocks of quotations and of candidate pairs, each counted and decided by a "
                   "task")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  command->add_option("--tasks", line->tasks,
                      "local: tasks run at a time (0: one per core, -j of each task 1)");
  command->add_option("--mem", line->memory_mb,
                      "slurm: memory per task in MB (sbatch --mem; 0: the cluster's default)");
  command
      ->add_option("--links", line->links,
                   "Link records to write: parent, all or none (as check --links)")
      ->check(CLI::IsMember({"parent", "all", "none"}))
      ->capture_default_str();
  AddRepeatable(command, "--reference", &line->options.references,
                "A primary source every quotation is compared with (repeatable)", "PATH");
  AddReportOptions(command,
                   "Exit 1 when a finding is at or above this severity: error, warning, info or "
                   "none",
                   /*with_min_confidence=*/true, &line->flags, &line->options.report);
  command->add_option("PATHS", line->options.paths,
                      "Articles, directories, JSONL corpora and quote stores");
  return [line](const CommandContext& context) {
    CheckOptions& options = line->options;
    std::ostream& err = context.err;
    if (options.paths.empty() && options.references.empty()) {
      err << "quotecheck batch: no input: give PATHS\nRun with --help for more information.\n";
      return kExitError;
    }
    for (const auto* list : {&options.paths, &options.references}) {
      for (const std::string& p : *list) {
        if (p == "-") {
          err << "quotecheck batch: standard input cannot be cut into tasks; give files\n";
          return kExitError;
        }
      }
    }
    ApplyReportFlags(line->flags, &options.report);
    const unsigned cores = static_cast<unsigned>(ResolveJobCount(0));
    const unsigned tasks = line->tasks > 0 ? line->tasks : cores;
    // Local tasks share the cores: each on one thread unless -j says otherwise.
    if (line->engine == "local" && options.report.jobs == 0) options.report.jobs = 1;
    BatchPlan plan = MakeBatchPlan(options.references, options.paths, options.report.walk,
                                   line->shards, line->partitions, line->blocks);
    StoreSettings(options, line->flags, line->links, &plan);
    Status s = MakeBatchDirectories(line->dir);
    const std::string dir = AbsolutePath(line->dir);
    const std::string plan_text = FormatBatchPlan(plan);
    if (s.ok()) {
      Result<std::string> old = ReadWholeFile(BatchPlanPath(dir));
      if (!old.ok()) {
        s = WriteFileAtomically(BatchPlanPath(dir), plan_text);
      } else if (old.value() != plan_text) {
        s = Status::Error(fmt::format(
            "{}: the work directory holds the plan of another run (other inputs or options); "
            "give a new --work or remove it",
            dir));
      }
    }
    if (!s.ok()) {
      err << "quotecheck batch: error: " << s.message() << '\n';
      return kExitError;
    }
    BatchEngineOptions engine;
    engine.executable = SelfExecutable();
    engine.dir = dir;
    engine.jobs = line->engine == "local" ? tasks : std::max(1u, options.report.jobs);
    engine.memory_mb = line->memory_mb;
    const bool quiet = options.report.quiet;
    engine.progress = [&err, quiet](std::string_view progress) {
      if (!quiet) err << "quotecheck batch: " << progress << '\n' << std::flush;
    };
    s = line->engine == "slurm" ? RunBatchSlurm(plan, engine) : RunBatchLocal(plan, engine);
    if (!s.ok()) {
      err << "quotecheck batch: error: " << s.message() << '\n';
      return kExitError;
    }
    // The finish task's report, as check would have written it: copied through a buffer (a
    // report grows with the archive; this process runs on a login node).
    std::ifstream report(BatchReportPath(dir), std::ios::binary);
    Result<std::string> report_err = ReadWholeFile(BatchReportErrPath(dir));
    Result<std::string> status = ReadWholeFile(BatchTaskOutput(dir, BatchPhase::kWrite, 0));
    if (!report) {
      err << "quotecheck batch: error: " << BatchReportPath(dir) << ": cannot open\n";
      return kExitError;
    }
    for (const auto* r : {&report_err, &status}) {
      if (!r->ok()) {
        err << "quotecheck batch: error: " << r->status().message() << '\n';
        return kExitError;
      }
    }
    OutputFile output_file;
    std::ostream* output = OpenOutput(options.report.output_path, context.out, &output_file, err);
    if (output == nullptr) return kExitError;
    std::vector<char> buf(kReportCopyBuffer);
    while (report.read(buf.data(), static_cast<std::streamsize>(buf.size())) ||
           report.gcount() > 0) {
      output->write(buf.data(), report.gcount());
    }
    if (report.bad()) {
      err << "quotecheck batch: error: " << BatchReportPath(dir) << ": cannot read\n";
      return kExitError;
    }
    if (!FinishOutput(output, &output_file, options.report.output_path, err)) return kExitError;
    err << report_err.value();
    return std::atoi(status.value().c_str());
  };
}

}  // namespace quotecheck
