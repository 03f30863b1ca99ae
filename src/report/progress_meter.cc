#include "report/progress_meter.h"

#include <fmt/format.h>

namespace quotecheck {
namespace {

constexpr double kMegabyte = 1e6;

std::string Duration(double seconds) {
  const auto total = static_cast<uint64_t>(seconds + 0.5);
  if (total >= 3600) {
    return fmt::format("{}:{:02}:{:02}", total / 3600, total / 60 % 60, total % 60);
  }
  return fmt::format("{}:{:02}", total / 60, total % 60);
}

}  // namespace

std::string FormatProgress(size_t documents, uint64_t bytes, uint64_t total_bytes, size_t quotes,
                           double seconds) {
  const double mb = static_cast<double>(bytes) / kMegabyte;
  std::string line =
      fmt::format("quotecheck: {} document{}, ", documents, documents == 1 ? "" : "s");
  if (total_bytes > 0) {
    line += fmt::format("{:.1f}/{:.1f} MB", mb, static_cast<double>(total_bytes) / kMegabyte);
  } else {
    line += fmt::format("{:.1f} MB", mb);
  }
  line += fmt::format(", {} quotation{}", quotes, quotes == 1 ? "" : "s");
  if (seconds > 0 && bytes > 0) {
    const double rate = mb / seconds;
    line += fmt::format(", {:.1f} MB/s", rate);
    if (total_bytes > bytes) {
      line += fmt::format(", {} left",
                          Duration(static_cast<double>(total_bytes - bytes) / kMegabyte / rate));
    }
  }
  return line;
}

ProgressMeter::ProgressMeter(std::ostream* err, bool enabled, uint64_t total_bytes)
    : err_(err),
      enabled_(enabled),
      total_bytes_(total_bytes),
      started_(std::chrono::steady_clock::now()) {}

void ProgressMeter::Add(uint64_t bytes, size_t quotes) {
  ++documents_;
  bytes_ += bytes;
  quotes_ += quotes;
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (shown_ && now - last_draw_ < kProgressInterval) return;
  last_draw_ = now;
  shown_ = true;
  const double seconds = std::chrono::duration<double>(now - started_).count();
  *err_ << "\r\x1B[K" << FormatProgress(documents_, bytes_, total_bytes_, quotes_, seconds)
        << std::flush;
}

void ProgressMeter::Clear() {
  if (!enabled_ || !shown_) return;
  *err_ << "\r\x1B[K" << std::flush;
  shown_ = false;
}

}  // namespace quotecheck
