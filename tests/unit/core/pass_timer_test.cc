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
  TEST_CASE("PassTimer records each pass with its count and memory, in order") {
    PassTimer timer;
    timer.Lap("xref tokenise", 3);
    Lap(&timer, "xref decide");
    Lap(nullptr, "ignored");  // no timer: nothing recorded, nothing fails
    REQUIRE(timer.laps().size() == 2);
    CHECK(timer.laps()[0].pass == "xref tokenise");
    CHECK(timer.laps()[0].count == 3);
    CHECK(timer.laps()[1].pass == "xref decide");
    CHECK(timer.laps()[1].seconds >= 0);
    CHECK(timer.laps()[1].cpu_seconds >= 0);
    CHECK(timer.laps()[1].resident > 0);  // Linux: /proc/self/statm
    CHECK(timer.laps()[1].peak_resident >= timer.laps()[1].resident / 2);
    const std::string text = FormatLaps(timer.laps());
    CHECK(text.find("xref tokenise") == 0);
    CHECK(text.find(" MB (peak ") != std::string::npos);
    CHECK(text.find(" s  cpu ") != std::string::npos);
  }

  TEST_CASE("PassTimer: a pass's CPU time counts the work done in it") {
    constexpr uint64_t kSpin = 2000000;  // 2 ms of this thread's CPU time
    PassTimer timer;
    Spin(kSpin);
    timer.Lap("spin");
    CHECK(timer.laps()[0].cpu_seconds >= 0.002);
  }

  TEST_CASE("CpuLapTimer: laps of the thread's CPU time, nothing when off") {
    constexpr uint64_t kSpin = 2000000;  // 2 ms: well above the clock's resolution
    CpuLapTimer off(false);
    std::atomic<uint64_t> total{0};
    Spin(kSpin);
    CHECK(off.Lap() == 0);
    off.LapInto(&total);
    CHECK(total.load() == 0);

    CpuLapTimer on(true);
    Spin(kSpin);
    on.LapInto(&total);
    CHECK(total.load() >= kSpin);
    Spin(kSpin);
    const uint64_t second = on.Lap();  // from the previous lap, not from the start
    CHECK(second >= kSpin);
  }
}

}  // namespace quotecheck
