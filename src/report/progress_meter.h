#pragma once
/// A one-line progress display on a terminal's standard error during long runs, as cargo
/// and ninja show one: documents, megabytes (of the total, when known), quotations, rate
/// and the time left.
///
///   quotecheck: 1204 documents, 45.3/120.0 MB, 3012 quotations, 12.1 MB/s, 0:06 left
///
/// The caller shows it only when standard error is a terminal and the run is not --quiet;
/// it redraws the line in place ("\r" and erase to the end of line) at most every
/// kProgressInterval, and Clear() erases it before anything else is written to the terminal.

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>

namespace quotecheck {

/// How often the line is redrawn: often enough to look alive, rarely enough to cost nothing.
inline constexpr std::chrono::milliseconds kProgressInterval{100};

/// The line without "\r" or erasing: `total_bytes` 0 when unknown (standard input), then no
/// total and no time left.
std::string FormatProgress(size_t documents, uint64_t bytes, uint64_t total_bytes, size_t quotes,
                           double seconds);

class ProgressMeter {
 public:
  /// Draws on `err` (a terminal) when `enabled`; `total_bytes` as for FormatProgress.
  ProgressMeter(std::ostream* err, bool enabled, uint64_t total_bytes);

  /// Counts one more document of `bytes` with `quotes` quotations; redraws when due.
  void Add(uint64_t bytes, size_t quotes);

  /// Erases the line (before a diagnostic, and at the end).
  void Clear();

  bool enabled() const { return enabled_; }

 private:
  std::ostream* err_;
  bool enabled_;
  uint64_t total_bytes_;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point last_draw_{};
  bool shown_ = false;
  size_t documents_ = 0;
  uint64_t bytes_ = 0;
  size_t quotes_ = 0;
};

}  // namespace quotecheck
