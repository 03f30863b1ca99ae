#pragma once
/// Text decoding for input files. quotecheck keeps every document as the file's own bytes so
/// that offsets stay byte offsets into the file; decoding therefore only removes a leading
/// UTF-8 byte order mark and reports, without changing anything, the bytes that are not
/// valid UTF-8 and the NUL bytes. CRLF line endings are left in place (LineIndex handles them).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace quotecheck {

/// One problem found in a text.
struct TextIssue {
  /// Byte offset into the text (after the BOM, if one was removed).
  size_t offset = 0;
  /// "invalid UTF-8 byte 0xFF", "NUL byte", or, for the extra issue that closes a capped
  /// list, "N more encoding problems not reported".
  std::string message;
  /// Stable id: "invalid-utf8", "nul-byte" or "encoding-truncated".
  std::string code;

  friend bool operator==(const TextIssue&, const TextIssue&) = default;
};

/// How many issues one text reports before the rest are summed up in one closing issue.
inline constexpr size_t kMaxTextIssues = 20;

/// Length of the UTF-8 byte order mark (EF BB BF) at the start of `bytes`: 3, or 0 if none.
size_t Utf8BomLength(std::string_view bytes);

/// The invalid UTF-8 sequences and NUL bytes of `text`, in offset order. An invalid sequence
/// is reported once, at its first byte, and scanning resumes after its longest valid prefix
/// (Unicode's "maximal subpart" rule), so a truncated 3-byte sequence is one issue, not two.
/// Overlong forms, surrogates and code points above U+10FFFF are invalid. At most
/// `max_issues` are listed; if there are more, one extra issue at the first unlisted offset
/// (code "encoding-truncated") says how many were left out. Valid text is checked with a
/// SIMD fast path (several GB/s); only text with problems is scanned byte by byte.
std::vector<TextIssue> FindTextIssues(std::string_view text, size_t max_issues = kMaxTextIssues);

/// Turns raw file bytes into document text in place: removes a leading BOM and returns the
/// issues of what remains (offsets count from after the BOM). Nothing else is changed.
std::vector<TextIssue> DecodeText(std::string* bytes, size_t max_issues = kMaxTextIssues);

/// One warning per issue, "path:line:col: warning: message [code]", with the line and
/// column of the issue's offset in `text`.
Diagnostics TextIssueDiagnostics(const std::string& path, std::string_view text,
                                 const std::vector<TextIssue>& issues);

}  // namespace quotecheck
