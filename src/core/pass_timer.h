#pragma once
/// CPU time of the calling thread, lapped pass by pass: the per-pass breakdown that
/// QUOTECHECK_TIMING=1 prints for scripts/bench. Thread CPU time, not wall time, because the
/// machines it runs on are shared: wall time would count the waits for a core too.

#include <time.h>

#include <atomic>
#include <cstdint>

namespace quotecheck {

/// Nanoseconds of CPU time the calling thread has used.
inline uint64_t ThreadCpuNanos() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000000000u + static_cast<uint64_t>(ts.tv_nsec);
}

/// Laps of one thread's CPU time; off (`on` false), it reads no clock and adds nothing.
class PassTimer {
 public:
  explicit PassTimer(bool on) : on_(on), last_(on ? ThreadCpuNanos() : 0) {}

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
