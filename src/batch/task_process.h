#pragma once
/// Child processes for the batch engines: a task run with its output to a log file, and a
/// command (sbatch, squeue) whose standard output is captured. No shell is involved: the
/// arguments reach the program as given.

#include <sys/types.h>

#include <string>
#include <vector>

#include "core/status.h"

namespace quotecheck {

/// Starts argv[0] (searched on PATH) with stdin from /dev/null and stdout and stderr
/// appended to `log_path`; the child's pid, or an error.
Result<pid_t> StartProcess(const std::vector<std::string>& argv, const std::string& log_path);

/// Waits for `pid`; its exit status, or 128 + the signal that ended it.
int WaitProcess(pid_t pid);

struct CapturedRun {
  int status = 0;      // as WaitProcess
  std::string output;  // standard output; stderr goes to the caller's stderr
};
/// Runs argv to its end, capturing its standard output.
Result<CapturedRun> RunCapturing(const std::vector<std::string>& argv);

/// `arg` quoted for a POSIX shell when it needs to be (for the rerun commands shown to people
/// and the commands sbatch runs).
std::string ShellQuote(const std::string& arg);

/// The path of the running executable (/proc/self/exe), for the tasks it starts.
std::string SelfExecutable();

}  // namespace quotecheck
