#include "core/pass_timer.h"

#include <fmt/format.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

namespace quotecheck {
namespace {

// Resident memory now, from /proc/self/statm (Linux); 0 elsewhere.
size_t ResidentBytes() {
  std::ifstream statm("/proc/self/statm");
  size_t pages = 0, resident = 0;
  if (!(statm >> pages >> resident)) return 0;
  return resident * static_cast<size_t>(sysconf(_SC_PAGESIZE));
}

size_t PeakResidentBytes() {
  rusage usage{};
  if (getrusage(RUSAGE_SELF, &usage) != 0) return 0;
  return static_cast<size_t>(usage.ru_maxrss) * 1024;  // Linux reports kilobytes
}

}  // namespace

PassTimer::PassTimer()
    : started_(std::chrono::steady_clock::now()), started_cpu_(ProcessCpuNanos()) {}

void PassTimer::Lap(std::string_view pass, size_t count) {
  const auto now = std::chrono::steady_clock::now();
  const uint64_t now_cpu = ProcessCpuNanos();
  PassLap lap;
  lap.pass = std::string(pass);
  lap.seconds = std::chrono::duration<double>(now - started_).count();
  lap.cpu_seconds = static_cast<double>(now_cpu - started_cpu_) / 1e9;
  lap.count = count;
  lap.resident = ResidentBytes();
  lap.peak_resident = PeakResidentBytes();
  laps_.push_back(std::move(lap));
  started_ = now;
  started_cpu_ = now_cpu;
}

std::unique_ptr<PassTimer> PassTimerFromEnvironment() {
  if (std::getenv("QUOTECHECK_TIMING") == nullptr) return nullptr;
  return std::make_unique<PassTimer>();
}

std::string FormatLaps(const std::vector<PassLap>& laps) {
  constexpr double kMiB = 1024.0 * 1024.0;
  std::string out;
  for (const PassLap& lap : laps) {
    out += fmt::format("{:<18} {:8.3f} s  cpu {:7.3f} s {:>10}  {:7.0f} MB (peak {:.0f} MB)\n",
                       lap.pass, lap.seconds, lap.cpu_seconds, lap.count,
                       static_cast<double>(lap.resident) / kMiB,
                       static_cast<double>(lap.peak_resident) / kMiB);
  }
  return out;
}

}  // namespace quotecheck
