#pragma once
/// Wall time and memory of each pass of a run, for `scripts/bench` (QUOTECHECK_TIMING=1 makes
/// `check` and `lint` print them to stderr). Library passes record laps into a PassTimer the
/// caller owns (or none: a null timer costs nothing); only cli/ prints them.

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace quotecheck {

struct PassLap {
  std::string pass;          // "xref tokenise", "check findings", …
  double seconds = 0;        // since the previous lap (or the timer's start)
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
  std::vector<PassLap> laps_;
};

/// Lap on `timer` when there is one.
inline void Lap(PassTimer* timer, std::string_view pass, size_t count = 0) {
  if (timer != nullptr) timer->Lap(pass, count);
}

/// A timer when the environment asks for one (QUOTECHECK_TIMING set), else none.
std::unique_ptr<PassTimer> PassTimerFromEnvironment();

/// One line per lap: "pass  seconds s  count  RSS MB (peak MB)".
std::string FormatLaps(const std::vector<PassLap>& laps);

}  // namespace quotecheck
