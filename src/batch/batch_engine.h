#pragma once
/// The engines that run the tasks of a batch plan (batch/batch_tasks.h), phase after phase:
/// each task is `quotecheck batch-task --work DIR PHASE INDEX` in a process of its own, its
/// output and error in DIR/logs/PHASE-INDEX.log. A task whose output exists is skipped, so a
/// run after a failure redoes only the missing tasks and those after them.
///   local  (batch/local_engine.cc) up to `jobs` tasks at a time on this machine;
///   slurm  (batch/slurm_engine.cc) one array job per phase (sbatch --array), each after the
///          previous (--dependency=afterok, --kill-on-invalid-dep=yes), then waits.
/// Library code: progress lines go to `progress`, failures come back as the Status.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "batch/batch_plan.h"
#include "batch/batch_tasks.h"
#include "core/status.h"

namespace quotecheck {

struct BatchEngineOptions {
  std::string executable;  // this binary, by absolute path
  std::string dir;         // the work directory, absolute
  unsigned jobs = 1;       // local: tasks at a time; slurm: CPUs per task
  /// slurm: memory per task in MB (sbatch --mem); 0: the cluster's DefMemPerCPU.
  size_t memory_mb = 0;
  /// slurm: how often squeue is asked, in milliseconds.
  unsigned poll_ms = 500;
  std::function<void(std::string_view line)> progress = [](std::string_view) {};
};

/// The arguments of the process that runs task `index` of `phase`: the binary run through
/// `env` with the tasks' allocator setting (batch_engine.cc).
std::vector<std::string> BatchTaskCommand(const BatchEngineOptions& options, BatchPhase phase,
                                          size_t index);

/// The tasks of `phase` whose output is missing.
std::vector<size_t> MissingTasks(const BatchPlan& plan, const std::string& dir, BatchPhase phase);

/// Removes what a killed run of task `index` of `phase` may have left: its outputs' temporary
/// files (a read task's keys file's, the clusters and findings tasks' other files too)
/// (batch/batch_files.h WriteFileAtomically:
/// "OUTPUT.tmp-XXXXXX"), which a rerun never takes as done but which would otherwise pile up.
/// Called for each task just before it is (re)run.
void RemoveTaskTemporaries(const BatchPlan& plan, const std::string& dir, BatchPhase phase,
                           size_t index);

/// "PHASE task INDEX failed (WHY); log: LOG; rerun it alone with: COMMAND, or rerun batch".
std::string TaskFailure(const BatchEngineOptions& options, BatchPhase phase, size_t index,
                        std::string_view why);

Status RunBatchLocal(const BatchPlan& plan, const BatchEngineOptions& options);
Status RunBatchSlurm(const BatchPlan& plan, const BatchEngineOptions& options);

}  // namespace quotecheck
