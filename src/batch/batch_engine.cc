#include "batch/batch_engine.h"

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>

#include "batch/task_process.h"

namespace quotecheck {

namespace {

// The allocator setting of every task's process. A task is sized by its peak memory (Slurm's
// --mem), which with the binary's own settings (for check's speed: cli/jemalloc_tuning.cc)
// holds memory the task has freed or barely uses:
//  - thp:never: no transparent huge pages, with which sparse and freed memory stays resident
//    2 MB at a time;
//  - dirty_decay_ms:1000: freed pages go back to the system within a second rather than ten
//    (a task runs for seconds: with ten, what it freed early is still resident at its peak,
//    more so the faster it runs).
// At 1M quotations, S = H = B = 8, the clusters task peaked at 388 MB with the binary's
// settings, 343 MB without huge pages and 316 MB with both (10.2, 10.2 and 10.7 s of CPU); the
// largest decide task at 349, 291 and 254 MB (12.8 s of CPU without huge pages, 15.8 s with
// both). Only jemalloc reads MALLOC_CONF (a binary built with the system allocator ignores
// it), and it overrides only these options.
constexpr const char* kTaskAllocatorSetting = "MALLOC_CONF=thp:never,dirty_decay_ms:1000";

}  // namespace

std::vector<std::string> BatchTaskCommand(const BatchEngineOptions& options, BatchPhase phase,
                                          size_t index) {
  return {"env",
          kTaskAllocatorSetting,
          options.executable,
          "batch-task",
          "--work",
          options.dir,
          std::string(BatchPhaseNameOf(phase)),
          std::to_string(index)};
}

std::vector<size_t> MissingTasks(const BatchPlan& plan, const std::string& dir, BatchPhase phase) {
  std::vector<size_t> out;
  for (size_t i = 0; i < BatchTaskCount(plan, phase); ++i) {
    if (access(BatchTaskOutput(dir, phase, i).c_str(), F_OK) != 0) out.push_back(i);
  }
  return out;
}

void RemoveTaskTemporaries(const BatchPlan& plan, const std::string& dir, BatchPhase phase,
                           size_t index) {
  const std::vector<std::string> files = BatchTaskFiles(plan, dir, phase, index);
  std::vector<std::filesystem::path> outputs(files.begin(), files.end());
  std::error_code ec;
  std::vector<std::filesystem::path> stale;
  for (const std::filesystem::path& output : outputs) {
    const std::string prefix = output.filename().string() + ".tmp-";
    for (const auto& entry : std::filesystem::directory_iterator(output.parent_path(), ec)) {
      if (entry.path().filename().string().starts_with(prefix)) stale.push_back(entry.path());
    }
  }
  for (const auto& path : stale) std::filesystem::remove(path, ec);
}

std::string TaskFailure(const BatchEngineOptions& options, BatchPhase phase, size_t index,
                        std::string_view why) {
  std::string command;
  for (const std::string& arg : BatchTaskCommand(options, phase, index)) {
    if (!command.empty()) command += ' ';
    command += ShellQuote(arg);
  }
  return fmt::format(
      "{} task {} failed ({}); log: {}; rerun it alone with: {} (or rerun batch: it redoes "
      "only what is missing)",
      BatchPhaseNameOf(phase), index, why, BatchTaskLog(options.dir, phase, index), command);
}

}  // namespace quotecheck
