#pragma once
/// `--format csv`: results as RFC 4180 CSV for spreadsheets (fact-checkers open them in
/// LibreOffice or Excel): a header row, then CRLF-ended rows; a field holding a comma, a
/// double quote, CR or LF is put in double quotes, with its double quotes doubled. Every
/// row has as many fields as the header. The document's outlet, date and url are joined
/// into each row, so that a row stands alone.
///
///   extract      one row per quotation (CsvPrinter, a sink next to the JSONL and text
///                printers): doc, outlet, date, url, line, col, start, end, kind, speaker,
///                cue, rule, confidence, text (the contract's `text`: start..end)
///   check, lint  one row per finding (PrintCheckCsv): severity, rule, confidence, doc,
///                outlet, date, url, line, col, speaker, quotation, then the same for the
///                quotation it is compared with (reference_…; empty when none), diff (the
///                word diff from the reference to the quotation, [-ref-]{+quoted+}),
///                message
/// Failed documents have no row: their errors go to stderr.

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/check_model.h"
#include "report/result_sink.h"

namespace quotecheck {

/// Appends `field` to `out` as one RFC 4180 field (quoted only when it must be).
void AppendCsvField(std::string* out, std::string_view field);

/// Appends one CRLF-ended row of `fields` to `out`.
void AppendCsvRow(std::string* out, const std::vector<std::string>& fields);

class CsvPrinter : public ResultSink {
 public:
  /// Writes to `out`, which must outlive the printer; the header row comes first.
  explicit CsvPrinter(std::ostream* out);

  void OnDocument(const DocumentResult& result) override;
  /// Hands what is left to the stream and flushes it (CSV has no summary row).
  void OnFinish(const RunSummary& summary) override;

 private:
  std::ostream* out_;
  std::string buffer_;
};

/// One row per finding of `result`, after the header row.
std::string FormatCheckCsv(const CheckResult& result);
/// Writes the rows as they are made, formatted on up to `jobs` threads a chunk at a time and
/// written in order (the same bytes for any `jobs`), and flushes `out`.
void PrintCheckCsv(const CheckResult& result, std::ostream* out, unsigned jobs = 1);

}  // namespace quotecheck
