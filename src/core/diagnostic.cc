#include "core/diagnostic.h"

#include <fmt/format.h>

#include <utility>

#include "core/code_point.h"
#include "core/line_index.h"

namespace quotecheck {

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "error";
}

std::string_view ShownSourceLine(std::string_view line) {
  return line.size() <= kMaxSourceLine ? line : std::string_view();
}

Diagnostic DiagnosticAt(Severity severity, std::string path, const LineIndex& lines, size_t offset,
                        std::string message, std::string code) {
  LineCol lc = lines.At(offset);
  Diagnostic d;
  d.severity = severity;
  d.path = std::move(path);
  d.line = lc.line;
  d.col = lc.col;
  d.message = std::move(message);
  d.code = std::move(code);
  d.source_line = std::string(ShownSourceLine(lines.LineText(offset)));
  return d;
}

Diagnostic ErrorDiagnostic(std::string path, std::string message) {
  Diagnostic diagnostic;
  diagnostic.severity = Severity::kError;
  diagnostic.path = std::move(path);
  diagnostic.message = std::move(message);
  return diagnostic;
}

std::string FormatDiagnosticHeader(const Diagnostic& d) {
  std::string out = d.path;
  if (d.record_line > 0) {
    out += fmt::format(":{}: {}: {} (record {}", d.record_line, SeverityName(d.severity), d.message,
                       d.record);
    if (d.line > 0) out += fmt::format(", text {}:{}", d.line, d.col);
    out += ')';
    if (!d.code.empty()) out += fmt::format(" [{}]", d.code);
    return out;
  }
  if (d.line > 0) out += fmt::format(":{}:{}", d.line, d.col);
  out += fmt::format(": {}: {}", SeverityName(d.severity), d.message);
  if (!d.code.empty()) out += fmt::format(" [{}]", d.code);
  return out;
}

std::string FormatDiagnostic(const Diagnostic& d) {
  std::string out = FormatDiagnosticHeader(d);
  out += '\n';
  if (d.line > 0 && !d.source_line.empty()) {
    // Tabs are kept so that the caret lines up under the same character.
    std::string pad;
    uint32_t col = 1;
    for (size_t i = 0; i < d.source_line.size() && col < d.col; ++i) {
      unsigned char c = static_cast<unsigned char>(d.source_line[i]);
      if (IsUtf8Continuation(c)) continue;
      pad += c == '\t' ? '\t' : ' ';
      ++col;
    }
    out += d.source_line;
    out += '\n';
    out += pad;
    out += "^\n";
  }
  return out;
}

void PlaceInRecord(const std::string& record, uint32_t record_line, size_t first,
                   Diagnostics* diagnostics) {
  if (record_line == 0) return;
  for (size_t i = first; i < diagnostics->size(); ++i) {
    Diagnostic& d = (*diagnostics)[i];
    d.record = record;
    d.record_line = record_line;
  }
}

bool HasErrors(const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics) {
    if (d.severity == Severity::kError) return true;
  }
  return false;
}

}  // namespace quotecheck
