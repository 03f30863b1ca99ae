#pragma once
/// The diagnostics of a run on standard error, as a batch tool writes them: every error;
/// warnings and notes unless the run is quiet (--quiet prints only errors); and at most
/// kMaxShownPerRuleAndFile warnings of one code in one file, the rest counted and said once
/// at the end ("big.jsonl: warning: and 397 more unbalanced-quote warnings"), so that one
/// damaged corpus file does not bury everything else.

#include <cstddef>
#include <map>
#include <ostream>
#include <string>
#include <utility>

#include "core/diagnostic.h"

namespace quotecheck {

/// Warnings of one code shown per file before the rest are only counted: enough to see the
/// pattern and fix the first ones, few enough to keep other files' messages in sight.
inline constexpr size_t kMaxShownPerRuleAndFile = 20;

class DiagnosticPrinter {
 public:
  /// Writes to `err`, which must outlive the printer.
  explicit DiagnosticPrinter(std::ostream* err, bool quiet = false,
                             size_t max_per_rule_and_file = kMaxShownPerRuleAndFile)
      : err_(err), quiet_(quiet), max_(max_per_rule_and_file) {}

  /// Writes `d` (FormatDiagnostic) unless it is left out; returns whether it was written.
  bool Print(const Diagnostic& d);

  /// One line per (file, code) with warnings left out: "path: warning: and N more CODE
  /// warnings". Nothing when quiet.
  void Finish();

  bool quiet() const { return quiet_; }

 private:
  std::ostream* err_;
  bool quiet_;
  size_t max_;
  // (path, code) → (shown, left out)
  std::map<std::pair<std::string, std::string>, std::pair<size_t, size_t>> counts_;
};

}  // namespace quotecheck
