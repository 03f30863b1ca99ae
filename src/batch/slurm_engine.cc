// The Slurm engine of batch/batch_engine.h: one array job per phase with missing tasks
// (sbatch --array=LIST), each phase after the one before (--dependency=afterok, and
// --kill-on-invalid-dep=yes so that the rest of the run is cancelled when a task fails),
// then squeue is polled until every job has left the queue. Success is read from the tasks'
// outputs, not from Slurm's accounting (a one-node cluster runs without it).

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <sstream>
#include <thread>

#include "batch/batch_engine.h"
#include "batch/task_process.h"

namespace quotecheck {
namespace {

std::string IndexList(const std::vector<size_t>& indexes) {
  std::string out;
  for (size_t i : indexes) out += (out.empty() ? "" : ",") + std::to_string(i);
  return out;
}

// The command the array task runs (sbatch --wrap, through /bin/sh), its index from Slurm.
std::string WrappedCommand(const BatchEngineOptions& options, BatchPhase phase) {
  std::vector<std::string> argv = BatchTaskCommand(options, phase, 0);
  argv.pop_back();
  std::string command = "exec";
  for (const std::string& arg : argv) command += " " + ShellQuote(arg);
  return command + " \"$SLURM_ARRAY_TASK_ID\"";
}

}  // namespace

Status RunBatchSlurm(const BatchPlan& plan, const BatchEngineOptions& options) {
  std::map<std::string, BatchPhase> job_phase;  // job id → phase
  std::string previous;                         // the job of the phase before, if any
  for (const BatchPhaseName& phase : kBatchPhases) {
    const size_t total = BatchTaskCount(plan, phase.phase);
    const std::vector<size_t> todo = MissingTasks(plan, options.dir, phase.phase);
    if (todo.empty()) {
      options.progress(fmt::format("{}: {} task(s), all done before", phase.name, total));
      continue;
    }
    for (size_t index : todo) RemoveTaskTemporaries(plan, options.dir, phase.phase, index);
    std::vector<std::string> argv = {
        "sbatch",
        "--parsable",
        "--job-name=quotecheck-" + std::string(phase.name),
        "--array=" + IndexList(todo),
        "--output=" + options.dir + "/logs/" + std::string(phase.name) + "-%a.log",
        "--cpus-per-task=" + std::to_string(std::max(1u, options.jobs)),
        "--kill-on-invalid-dep=yes",
    };
    if (options.memory_mb > 0) argv.push_back("--mem=" + std::to_string(options.memory_mb));
    if (!previous.empty()) argv.push_back("--dependency=afterok:" + previous);
    argv.push_back("--wrap=" + WrappedCommand(options, phase.phase));
    Result<CapturedRun> run = RunCapturing(argv);
    if (!run.ok()) return run.status();
    std::string id = run.value().output.substr(0, run.value().output.find_first_of(";\n"));
    if (run.value().status != 0 || id.empty()) {
      return Status::Error(fmt::format("sbatch failed for phase {} (exit status {})", phase.name,
                                       run.value().status));
    }
    options.progress(fmt::format("{}: {} task(s), {} submitted as job {}, {} done before",
                                 phase.name, total, todo.size(), id, total - todo.size()));
    job_phase[id] = phase.phase;
    previous = id;
  }
  if (job_phase.empty()) return Status::Ok();

  // Wait until no job of the run is in the queue, saying how each phase stands when it
  // changes.
  std::string ids;
  for (const auto& [id, phase] : job_phase) ids += (ids.empty() ? "" : ",") + id;
  std::string last;
  int squeue_failures = 0;
  for (;;) {
    Result<CapturedRun> run = RunCapturing({"squeue", "-h", "-r", "-j", ids, "-o", "%F %T"});
    if (!run.ok() || run.value().status != 0) {
      // squeue of jobs that have all left the controller's memory fails too: give it a few
      // polls before calling the cluster gone.
      if (++squeue_failures >= 5) break;
    } else {
      squeue_failures = 0;
      std::map<BatchPhase, std::map<std::string, size_t>> states;
      std::istringstream lines(run.value().output);
      std::string job, state;
      size_t queued = 0;
      while (lines >> job >> state) {
        auto it = job_phase.find(job);
        if (it == job_phase.end()) continue;
        ++states[it->second][state];
        ++queued;
      }
      std::string now;
      for (const auto& [phase, counts] : states) {
        now += std::string(now.empty() ? "" : "; ") + std::string(BatchPhaseNameOf(phase)) + ":";
        for (const auto& [state, n] : counts) now += fmt::format(" {} {}", n, state);
      }
      if (now != last && !now.empty()) options.progress(now);
      last = now;
      if (queued == 0) break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(options.poll_ms));
  }

  // What ran is what wrote its output: the first phase with a missing output failed there;
  // the phases after it were cancelled.
  for (const BatchPhaseName& phase : kBatchPhases) {
    const std::vector<size_t> missing = MissingTasks(plan, options.dir, phase.phase);
    if (missing.empty()) continue;
    std::string message;
    for (size_t index : missing) {
      message += (message.empty() ? "" : "\n") +
                 TaskFailure(options, phase.phase, index, "no output; see its log");
    }
    return Status::Error(message + "\nthe phases after " + std::string(phase.name) +
                         " were cancelled");
  }
  return Status::Ok();
}

}  // namespace quotecheck
