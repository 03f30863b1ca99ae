#include "report/csv_printer.h"

#include <fmt/format.h>

#include <sstream>

#include "core/line_index.h"
#include "report/check_report_view.h"
#include "report/ordered_records.h"

namespace quotecheck {
namespace {

// The stream gets the buffer in chunks of about this size (as the JSONL printer does).
constexpr size_t kFlushBytes = 1 << 20;

const std::vector<std::string> kQuoteHeader = {"doc", "outlet", "date",       "url",  "line",
                                               "col", "start",  "end",        "kind", "speaker",
                                               "cue", "rule",   "confidence", "text"};

const std::vector<std::string> kFindingHeader = {"severity",
                                                 "rule",
                                                 "confidence",
                                                 "doc",
                                                 "outlet",
                                                 "date",
                                                 "url",
                                                 "line",
                                                 "col",
                                                 "speaker",
                                                 "quotation",
                                                 "reference_doc",
                                                 "reference_outlet",
                                                 "reference_date",
                                                 "reference_url",
                                                 "reference_line",
                                                 "reference_col",
                                                 "reference_speaker",
                                                 "reference_quotation",
                                                 "diff",
                                                 "message"};

std::string Confidence(double value) { return fmt::format("{:.2f}", value); }

// The columns doc … quotation of `quote` (9 fields), or as many empty ones.
void AppendQuoteColumns(const CheckResult& result, std::optional<size_t> quote,
                        std::vector<std::string>* row) {
  if (!quote) {
    row->insert(row->end(), 8, std::string());
    return;
  }
  const QuoteRecord& q = result.quotes[*quote];
  const DocumentInfo& doc = result.documents[q.doc];
  row->push_back(doc.id);
  row->push_back(doc.meta.outlet);
  row->push_back(doc.meta.date);
  row->push_back(doc.meta.url);
  row->push_back(std::to_string(q.line));
  row->push_back(std::to_string(q.col));
  row->push_back(q.speaker.value_or(""));
  row->push_back(q.text);
}

}  // namespace

void AppendCsvField(std::string* out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(field);
    return;
  }
  out->push_back('"');
  for (char c : field) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

void AppendCsvRow(std::string* out, const std::vector<std::string>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out->push_back(',');
    AppendCsvField(out, fields[i]);
  }
  out->append("\r\n");
}

CsvPrinter::CsvPrinter(std::ostream* out) : out_(out) { AppendCsvRow(&buffer_, kQuoteHeader); }

void CsvPrinter::OnDocument(const DocumentResult& result) {
  if (result.failed || result.quotes.empty()) return;
  const Document& doc = result.doc;
  const LineIndex lines(doc.text);
  for (const Quote& quote : result.quotes) {
    const LineCol lc = lines.At(quote.start());
    AppendCsvRow(
        &buffer_,
        {doc.id, doc.meta.outlet, doc.meta.date, doc.meta.url, std::to_string(lc.line),
         std::to_string(lc.col), std::to_string(quote.start()), std::to_string(quote.end()),
         std::string(QuoteKindName(quote.kind)), quote.speaker.value_or(""),
         quote.cue ? quote.cue->text : std::string(), quote.rule, Confidence(quote.confidence),
         doc.text.substr(quote.start(), quote.end() - quote.start())});
  }
  if (buffer_.size() >= kFlushBytes) {
    out_->write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }
}

void CsvPrinter::OnFinish(const RunSummary&) {
  out_->write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.clear();
  out_->flush();
}

void PrintCheckCsv(const CheckResult& result, std::ostream* out, unsigned jobs) {
  OrderedRecords writer(out, jobs);
  AppendCsvRow(&writer.buffer(), kFindingHeader);
  // A row a finding, formatted on the threads.
  writer.Write(result.findings.size(), kRecordsPerChunk,
               [&](std::string* text, size_t i, unsigned) {
                 const Finding& f = result.findings[i];
                 std::vector<std::string> row = {std::string(SeverityName(f.severity)), f.rule,
                                                 Confidence(f.confidence)};
                 if (!f.quotes.empty()) {
                   AppendQuoteColumns(result, f.quotes.front(), &row);
                 } else {  // about no quotation (an unbalanced mark): its place, no words
                   const Diagnostic d = FindingDiagnostic(result, f);
                   const DocumentInfo* doc = f.doc ? &result.documents[*f.doc] : nullptr;
                   row.push_back(doc != nullptr ? doc->id : d.path);
                   row.push_back(doc != nullptr ? doc->meta.outlet : std::string());
                   row.push_back(doc != nullptr ? doc->meta.date : std::string());
                   row.push_back(doc != nullptr ? doc->meta.url : std::string());
                   row.push_back(d.line > 0 ? std::to_string(d.line) : std::string());
                   row.push_back(d.line > 0 ? std::to_string(d.col) : std::string());
                   row.insert(row.end(), 2, std::string());
                 }
                 AppendQuoteColumns(
                     result, f.quotes.size() > 1 ? std::optional(f.quotes[1]) : std::nullopt, &row);
                 // Finding::diff runs from the reported quotation (a) to the reference (b).
                 row.push_back(f.diff && HasChanges(f.diff->ops)
                                   ? FormatWordDiff(ReversedDiff(f.diff->ops), WordDiffStyle{})
                                   : std::string());
                 row.push_back(f.message);
                 AppendCsvRow(text, row);
               });
  writer.Finish();
}

std::string FormatCheckCsv(const CheckResult& result) {
  std::ostringstream out;
  PrintCheckCsv(result, &out, /*jobs=*/1);
  return std::move(out).str();
}

}  // namespace quotecheck
