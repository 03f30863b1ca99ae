#include "core/pass_timer.h"

#include <doctest/doctest.h>

#include <atomic>
#include <cstdint>

namespace quotecheck {
namespace {

// Burns CPU time on this thread until at least `ns` nanoseconds of it have passed.
void Spin(uint64_t ns) {
  const uint64_t until = ThreadCpuNanos() + ns;
  volatile uint64_t sink = 0;
  while (ThreadCpuNanos() < until) sink = sink + 1;
}

}  // namespace

TEST_SUITE("core") {
  TEST_CASE("PassTimer: laps of the thread's CPU time, nothing when off") {
    constexpr uint64_t kSpin = 2000000;  // 2 ms: well above the clock's resolution
    PassTimer off(false);
    std::atomic<uint64_t> total{0};
    Spin(kSpin);
    CHECK(off.Lap() == 0);
    off.LapInto(&total);
    CHECK(total.load() == 0);

    PassTimer on(true);
    Spin(kSpin);
    on.LapInto(&total);
    CHECK(total.load() >= kSpin);
    Spin(kSpin);
    const uint64_t second = on.Lap();  // from the previous lap, not from the start
    CHECK(second >= kSpin);
  }
}

}  // namespace quotecheck
