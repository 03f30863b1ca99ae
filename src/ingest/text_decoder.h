#pragma once
/// Text decoding for input files. quotecheck keeps a UTF-8 document as the file's own bytes
/// so that offsets stay byte offsets into the file; decoding then only removes a leading
/// UTF-8 byte order mark and reports, without changing anything, the bytes that are not
/// valid UTF-8 and the NUL bytes. CRLF line endings are left in place (LineIndex handles them).
///
/// Text in another encoding is converted to UTF-8 (with iconv(3)); offsets then count in
/// the UTF-8 text. Without --encoding, the encoding is detected:
///   UTF-16LE / UTF-16BE   a byte order mark (FF FE / FE FF), or, without one, NUL bytes in
///                         most odd (LE) or even (BE) positions of the first 4 KB
///   Windows-1252          not valid UTF-8 and without one valid multi-byte UTF-8 sequence
///                         (a UTF-8 file with a damaged byte keeps its other characters and
///                         stays UTF-8 with a warning); 0x93/0x94 are “ and ”. Latin-1 text
///                         reads the same (Windows-1252 only adds characters at 0x80–0x9F)
///   UTF-8                 everything else
/// UTF-32 (a UTF-32 byte order mark) is refused with one error naming it.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace quotecheck {

/// The encodings quotecheck reads (--encoding NAME).
enum class Encoding { kAuto, kUtf8, kUtf16Le, kUtf16Be, kWindows1252, kLatin1 };

/// The encoding named `name` (any letter case): auto, utf-8 (utf8), utf-16le, utf-16be,
/// utf-16 (by its byte order mark, else little-endian), windows-1252 (cp1252), latin-1
/// (latin1, iso-8859-1); nullopt for another name.
std::optional<Encoding> ParseEncodingName(std::string_view name);

/// The names ParseEncodingName takes, for --help and error messages.
const std::vector<std::string>& EncodingNames();

/// "UTF-8", "UTF-16LE", "UTF-16BE", "Windows-1252", "Latin-1" ("auto" for kAuto).
std::string_view EncodingName(Encoding encoding);

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

/// What DecodeText did.
struct DecodedText {
  Encoding encoding = Encoding::kUtf8;  // what the bytes were read as
  /// Problems of the text (offsets into the decoded text): invalid UTF-8, NUL bytes, and
  /// sequences the encoding has no character for ("invalid-encoding"; each became U+FFFD).
  std::vector<TextIssue> issues;
  /// Not empty when the text cannot be read ("UTF-32 text is not supported: convert it to
  /// UTF-8"); the bytes are then left alone.
  std::string error;
};

/// Turns raw file bytes into document text in place: with `encoding` (kAuto: detected, see
/// above) converted to UTF-8 without its byte order mark. UTF-8 text is only stripped of
/// its BOM; its issues are reported, not repaired.
DecodedText DecodeText(std::string* bytes, Encoding encoding = Encoding::kAuto,
                       size_t max_issues = kMaxTextIssues);

/// One warning per issue, "path:line:col: warning: message [code]", with the line and
/// column of the issue's offset in `text`.
Diagnostics TextIssueDiagnostics(const std::string& path, std::string_view text,
                                 const std::vector<TextIssue>& issues);

}  // namespace quotecheck
