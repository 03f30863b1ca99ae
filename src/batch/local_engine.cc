// The local engine of batch/batch_engine.h: each phase's missing tasks as child processes,
// at most `jobs` at a time; a phase starts when every task of the one before has succeeded.
// Each phase ends with a line of what it took: wall time, the slowest task, the largest peak
// memory of a task (the kernel's ru_maxrss of the child) and the bytes its outputs hold.

#include <fmt/format.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <chrono>
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
    using Clock = std::chrono::steady_clock;
    const Clock::time_point phase_started = Clock::now();
    std::map<pid_t, std::pair<size_t, Clock::time_point>> running;  // pid → task, start
    double slowest = 0;
    long peak_kb = 0;
    std::vector<std::string> failures;
    size_t next = 0, finished = 0;
    while (next < todo.size() || !running.empty()) {
      while (next < todo.size() && running.size() < jobs && failures.empty()) {
        const size_t index = todo[next++];
        const std::string log = BatchTaskLog(options.dir, phase.phase, index);
        RemoveTaskTemporaries(plan, options.dir, phase.phase, index);
        Result<pid_t> pid = StartProcess(BatchTaskCommand(options, phase.phase, index), log);
        if (!pid.ok()) {
          failures.push_back(TaskFailure(options, phase.phase, index, pid.status().message()));
          continue;
        }
        running[pid.value()] = {index, Clock::now()};
      }
      if (running.empty()) break;
      // Whichever child ends first.
      int status = 0;
      struct rusage usage {};
      const pid_t pid = wait4(-1, &status, 0, &usage);
      auto it = running.find(pid);
      if (it == running.end()) continue;
      const size_t index = it->second.first;
      slowest = std::max(slowest,
                         std::chrono::duration<double>(Clock::now() - it->second.second).count());
      peak_kb = std::max(peak_kb, usage.ru_maxrss);
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
    if (!todo.empty()) {
      uint64_t bytes = 0;
      for (size_t index = 0; index < total; ++index) {
        for (const std::string& file : BatchTaskFiles(plan, options.dir, phase.phase, index)) {
          struct stat st {};
          if (stat(file.c_str(), &st) == 0) bytes += static_cast<uint64_t>(st.st_size);
        }
      }
      options.progress(fmt::format(
          "{}: done in {:.2f} s; slowest task {:.2f} s, largest peak memory {:.1f} MB, "
          "output {:.2f} MB",
          phase.name, std::chrono::duration<double>(Clock::now() - phase_started).count(), slowest,
          static_cast<double>(peak_kb) / 1024.0, static_cast<double>(bytes) / (1024.0 * 1024.0)));
    }
  }
  return Status::Ok();
}

}  // namespace quotecheck
