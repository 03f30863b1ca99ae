#include "batch/batch_engine.h"

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>

#include "batch/task_process.h"

namespace quotecheck {

std::vector<std::string> BatchTaskCommand(const BatchEngineOptions& options, BatchPhase phase,
                                          size_t index) {
  return {options.executable,
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
