// The local engine of batch/batch_engine.h: each phase's missing tasks as child processes,
// at most `jobs` at a time; a phase starts when every task of the one before has succeeded.

#include <fmt/format.h>
#include <sys/wait.h>

#include <map>

#include "batch/batch_engine.h"
#include "batch/task_process.h"

namespace quotecheck {

Status RunBatchLocal(const BatchPlan& plan, const BatchEngineOptions& options) {
  const unsigned jobs = std::max(1u, options.jobs);
  for (const BatchPhaseName& phase : kBatchPhases) {
    const size_t total = BatchTaskCount(plan, phase.phase);
    const std::vector<size_t> todo = MissingTasks(plan, options.dir, phase.phase);
    options.progress(fmt::format("{}: {} task(s), {} to run, {} done before", phase.name, total,
                                 todo.size(), total - todo.size()));
    std::map<pid_t, size_t> running;
    std::vector<std::string> failures;
    size_t next = 0, finished = 0;
    while (next < todo.size() || !running.empty()) {
      while (next < todo.size() && running.size() < jobs && failures.empty()) {
        const size_t index = todo[next++];
        const std::string log = BatchTaskLog(options.dir, phase.phase, index);
        Result<pid_t> pid = StartProcess(BatchTaskCommand(options, phase.phase, index), log);
        if (!pid.ok()) {
          failures.push_back(TaskFailure(options, phase.phase, index, pid.status().message()));
          continue;
        }
        running[pid.value()] = index;
      }
      if (running.empty()) break;
      // Whichever child ends first.
      int status = 0;
      const pid_t pid = waitpid(-1, &status, 0);
      auto it = running.find(pid);
      if (it == running.end()) continue;
      const size_t index = it->second;
      running.erase(it);
      ++finished;
      if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        const std::string why = WIFSIGNALED(status)
                                    ? fmt::format("killed by signal {}", WTERMSIG(status))
                                    : fmt::format("exit status {}", WEXITSTATUS(status));
        failures.push_back(TaskFailure(options, phase.phase, index, why));
      }
      options.progress(fmt::format("{}: {}/{} run", phase.name, finished, todo.size()));
    }
    if (!failures.empty()) {
      std::string message;
      for (const std::string& f : failures) message += (message.empty() ? "" : "\n") + f;
      return Status::Error(message);
    }
    for (size_t index : MissingTasks(plan, options.dir, phase.phase)) {
      return Status::Error(TaskFailure(options, phase.phase, index, "it wrote no output"));
    }
  }
  return Status::Ok();
}

}  // namespace quotecheck
