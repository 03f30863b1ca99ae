#pragma once
/// The `--format jsonl` printer: writes the records of docs/output-contract.md, one
/// JSON object per line, in input order: per document read, a `document` record (its id and
/// metadata) and a `quote` record per quotation; an `error` record per failed document; and a
/// final `summary` record. This output is also a quote store (ingest/quote_store.h). Output is
/// gathered in a large buffer and written to the stream in big chunks; nothing is flushed per
/// record.

#include <ostream>
#include <string>

#include "core/document_result.h"
#include "core/line_index.h"
#include "core/quote.h"
#include "report/result_sink.h"

namespace quotecheck {

class JsonlPrinter : public ResultSink {
 public:
  /// Writes to `out`, which must outlive the printer. `flush_threshold` is the buffer size
  /// at which the buffer is handed to the stream.
  explicit JsonlPrinter(std::ostream* out, size_t flush_threshold = kDefaultFlushThreshold);
  ~JsonlPrinter() override;

  void OnDocument(const DocumentResult& result) override;
  /// Writes the summary record and hands everything left to the stream (and flushes it).
  void OnFinish(const RunSummary& summary) override;

  static constexpr size_t kDefaultFlushThreshold = size_t{1} << 20;

 private:
  void WriteBufferIfFull();

  std::ostream* out_;
  size_t flush_threshold_;
  std::string buffer_;
};

/// `{"type":"warning","doc":…,"line":…,"col":…,"code":…,"message":…}`: a warning about a
/// document (an unbalanced quote mark, damaged text), so that a quote store keeps it.
void AppendWarningRecord(std::string* out, const Document& doc, const Diagnostic& warning);

/// The fields of a contract `quote` record, whatever model they come from (a Quote of a
/// document just extracted, or a QuoteRecord of check). Pointers are never null.
struct QuoteRecordFields {
  std::string_view doc;
  size_t start = 0;
  size_t end = 0;
  uint32_t line = 0;
  uint32_t col = 0;
  std::string_view text;
  QuoteKind kind = QuoteKind::kDirect;
  const std::vector<ByteSpan>* spans = nullptr;
  std::vector<std::string_view> parts;  // each span's text; written when not empty
  const std::optional<std::string>* speaker = nullptr;
  const std::optional<std::string>* speaker_key = nullptr;
  const std::optional<TextRef>* speaker_mention = nullptr;
  const std::optional<TextRef>* cue = nullptr;
  std::string_view rule;
  double confidence = 0.0;
  std::string_view cluster;  // written when not empty (check and lint)
};

/// One `quote` record (no newline) from its fields, in the contract's order.
void AppendQuoteFields(std::string* out, const QuoteRecordFields& fields);

/// Appends the `document` record of `doc` (without the newline), an addition to the contract:
/// {"type":"document","doc":…,"outlet":…,"date":…,"title":…,"url":…,"role":…} with only the
/// metadata fields that are not empty.
void AppendDocumentRecord(std::string* out, const Document& doc);
/// Appends one `quote` record of `doc` (without the newline). `line_col` is the position
/// of the quote's start. A quotation of several spans also gets the field "parts" (an
/// addition to the contract): the text of each span, so that a quote store keeps the quoted
/// words without the attribution that interrupts them.
void AppendQuoteRecord(std::string* out, const Document& doc, const Quote& quote, LineCol line_col);
/// Appends the `error` record of a failed document (without the newline).
void AppendErrorRecord(std::string* out, const DocumentResult& result);
/// Appends the `summary` record (without the newline). Seconds are rounded to microseconds.
void AppendSummaryRecord(std::string* out, const RunSummary& summary);

}  // namespace quotecheck
