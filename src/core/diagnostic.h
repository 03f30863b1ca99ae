#pragma once
/// Diagnostics in the ninja/compiler style:
///   path:line:col: severity: message [code]
///   the source line
///       ^
/// Library code collects Diagnostic values; only the CLI prints them.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace quotecheck {

class LineIndex;

enum class Severity { kInfo, kWarning, kError };

std::string_view SeverityName(Severity severity);

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string path;   // file the position refers to
  uint32_t line = 0;  // 1-based; 0 when the error has no position
  uint32_t col = 0;   // 1-based, in code points
  std::string message;
  std::string code;         // stable id such as "unbalanced-quote"; may be empty
  std::string source_line;  // the line's text, for the caret display; may be empty
  /// A position inside the text of a JSON record (line and col then count in that text):
  /// the record's id and the line of the file the record is on. The header names the file
  /// line, so that an editor's jump lands on the record, and the text position after it:
  ///   wire.jsonl:27: warning: message (record wire-7, text 1:161) [code]
  std::string record;
  uint32_t record_line = 0;
};

/// Longer lines are not copied into a diagnostic's source_line (no caret display): one
/// 200 MB line copied into each of its warnings would exhaust memory and flood the terminal.
inline constexpr size_t kMaxSourceLine = 1000;

/// `line` when it is short enough to show (kMaxSourceLine), else empty.
std::string_view ShownSourceLine(std::string_view line);

/// A diagnostic at `offset` of `text`, with line, column and (ShownSourceLine) source line
/// filled in.
Diagnostic DiagnosticAt(Severity severity, std::string path, const LineIndex& lines, size_t offset,
                        std::string message, std::string code = {});

/// An error diagnostic without a position: "path: error: message".
Diagnostic ErrorDiagnostic(std::string path, std::string message);

/// "path:line:col: severity: message [code]" (no trailing newline). Parts that are absent
/// (no line, no code) are left out. In a JSON record: "path:record_line: severity: message
/// (record ID, text line:col) [code]".
std::string FormatDiagnosticHeader(const Diagnostic& d);

/// The header, then, when the source line is known, the line and a caret under the column.
/// Ends with a newline.
std::string FormatDiagnostic(const Diagnostic& d);

using Diagnostics = std::vector<Diagnostic>;

/// Marks the diagnostics of `diagnostics` from index `first` on, whose positions count in
/// the text of the JSON record `record` on file line `record_line`, as such (see
/// Diagnostic::record). Nothing changes when `record_line` is 0 (a whole file).
void PlaceInRecord(const std::string& record, uint32_t record_line, size_t first,
                   Diagnostics* diagnostics);

bool HasErrors(const Diagnostics& diagnostics);

}  // namespace quotecheck
