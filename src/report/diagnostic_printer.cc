#include "report/diagnostic_printer.h"

#include <fmt/format.h>

namespace quotecheck {

bool DiagnosticPrinter::Print(const Diagnostic& d) {
  if (d.severity != Severity::kError) {
    if (quiet_) return false;
    auto& [shown, left_out] = counts_[{d.path, d.code.empty() ? d.message : d.code}];
    if (shown >= max_) {
      ++left_out;
      return false;
    }
    ++shown;
  }
  *err_ << FormatDiagnostic(d);
  return true;
}

void DiagnosticPrinter::Finish() {
  if (quiet_) return;
  for (const auto& [key, count] : counts_) {
    const auto& [path, code] = key;
    if (count.second == 0) continue;
    *err_ << fmt::format("{}: warning: and {} more {} warning{}\n", path, count.second, code,
                         count.second == 1 ? "" : "s");
  }
}

}  // namespace quotecheck
