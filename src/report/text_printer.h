#pragma once
/// The human-readable printer (the default `--format text`): per document a header line
/// with its id (and outlet and date when known), then one line per quotation:
///   `  line:col  Speaker Name  kind     “shortened text…”`
/// and at the end one summary line. Failed documents print nothing here: their errors go
/// to stderr with the other diagnostics.

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

#include "core/document_result.h"
#include "report/result_sink.h"

namespace quotecheck {

/// Display width of quote text, in code points, before it is shortened (a terminal line
/// with the position, speaker and kind columns).
inline constexpr size_t kQuoteDisplayWidth = 80;

class TextPrinter : public ResultSink {
 public:
  /// Writes to `out`, which must outlive the printer. Quotations longer than `width` code
  /// points are cut in the middle with "…" (--width; 0: never cut, -v).
  explicit TextPrinter(std::ostream* out, size_t width = kQuoteDisplayWidth)
      : out_(out), width_(width) {}

  void OnDocument(const DocumentResult& result) override;
  /// Writes the summary line and flushes the stream.
  void OnFinish(const RunSummary& summary) override;

 private:
  std::ostream* out_;
  size_t width_;
  std::string buffer_;
  size_t unattributed_ = 0;
};

/// `text` made fit for one terminal line: whitespace runs (line breaks included) become one
/// space, other control characters become spaces, invalid UTF-8 becomes U+FFFD, and the
/// ends are trimmed. When longer than `max_code_points`, the middle is replaced by "…" so
/// that the result has at most `max_code_points` code points; sequences are never split.
std::string ShortenForDisplay(std::string_view text, size_t max_code_points);

/// "a.txt" or "a.txt  (Reuters, 2024-01-02)": the document's header line, no newline.
std::string FormatDocumentHeader(const Document& doc);

/// "5 documents (0 failed), 47 quotes, 2 unattributed, 37464 bytes in 0.004 s", no newline.
std::string FormatSummaryLine(const RunSummary& summary, size_t unattributed);

}  // namespace quotecheck
