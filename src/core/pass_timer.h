#pragma once
/// Time and memory of each pass of a run, for `scripts/bench` (QUOTECHECK_TIMING=1 makes
/// `extract`, `check` and `lint` print them to stderr). Two ways to lap:
/// - PassTimer: passes that run one after the other (check, lint): wall time, the CPU time of
///   all threads (how well a pass used its threads: on a shared machine wall time alone does
///   not say), a count, the resident memory after each pass and the peak so far.
/// - CpuLapTimer: passes that interleave on worker threads (extract's scan, attribution, …):
///   the calling thread's CPU time, summed over threads. Thread CPU time rather than wall time
///   also because the machines it runs on are shared: wall time would count waits for a core.
/// Library passes record into a timer the caller owns (or none: a null or off timer costs
/// nothing); only cli/ prints.

#include <time.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace quotecheck {

struct PassLap {
  std::string pass;          // "xref tokenise", "check findings", …
  double seconds = 0;        // since the previous lap (or the timer's start)
  double cpu_seconds = 0;    // CPU time of all the process's threads over the same span
  size_t count = 0;          // what the pass produced (quotations, pairs, links), 0 if none
  size_t resident = 0;       // resident memory at the lap's end, bytes (0 where unknown)
  size_t peak_resident = 0;  // the process's peak resident memory so far, bytes
};

class PassTimer {
 public:
  PassTimer();
  /// Ends the current pass.
  void Lap(std::string_view pass, size_t count = 0);
  const std::vector<PassLap>& laps() const { return laps_; }

 private:
  std::chrono::steady_clock::time_point started_;
  uint64_t started_cpu_ = 0;  // ProcessCpuNanos() at the pass's start
  std::vector<PassLap> laps_;
};

/// Lap on `timer` when there is one.
inline void Lap(PassTimer* timer, std::string_view pass, size_t count = 0) {
  if (timer != nullptr) timer->Lap(pass, count);
}

/// A timer when the environment asks for one (QUOTECHECK_TIMING set), else none.
std::unique_ptr<PassTimer> PassTimerFromEnvironment();

/// One line per lap: "pass  seconds s  cpu seconds s  count  RSS MB (peak MB)".
std::string FormatLaps(const std::vector<PassLap>& laps);

/// Nanoseconds of CPU time the calling thread has used.
inline uint64_t ThreadCpuNanos() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000000000u + static_cast<uint64_t>(ts.tv_nsec);
}

/// Nanoseconds of CPU time all threads of the process have used.
inline uint64_t ProcessCpuNanos() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000000000u + static_cast<uint64_t>(ts.tv_nsec);
}

/// Laps of one thread's CPU time, to be summed over the threads of a pass (extract runs
/// documents on worker threads, so wall time per pass is not defined there); off (`on` false), it
/// reads no clock and adds nothing.
class CpuLapTimer {
 public:
  explicit CpuLapTimer(bool on) : on_(on), last_(on ? ThreadCpuNanos() : 0) {}

  /// The nanoseconds since the previous lap (or the start); 0 when off.
  uint64_t Lap() {
    if (!on_) return 0;
    const uint64_t now = ThreadCpuNanos();
    const uint64_t lap = now - last_;
    last_ = now;
    return lap;
  }

  /// Adds the lap to `*total` (which other threads may add to as well).
  void LapInto(std::atomic<uint64_t>* total) {
    if (on_) total->fetch_add(Lap(), std::memory_order_relaxed);
  }

 private:
  bool on_;
  uint64_t last_;
};

}  // namespace quotecheck
