#include "report/jsonl_printer.h"

#include <algorithm>
#include <cmath>

#include "core/line_index.h"
#include "report/json_writer.h"

namespace quotecheck {
namespace {

// The bytes of `span` in `text`, clamped to the text so that a bad offset cannot read
// out of bounds.
std::string_view Slice(std::string_view text, size_t start, size_t end) {
  start = std::min(start, text.size());
  end = std::clamp(end, start, text.size());
  return text.substr(start, end - start);
}

void WriteTextRef(JsonWriter& json, const std::optional<TextRef>& ref) {
  if (!ref) {
    json.Null();
    return;
  }
  json.BeginObject();
  json.Key("start");
  json.Uint(ref->span.start);
  json.Key("end");
  json.Uint(ref->span.end);
  json.Key("text");
  json.String(ref->text);
  json.EndObject();
}

void MaybeStringField(JsonWriter& json, std::string_view key, std::string_view value) {
  if (value.empty()) return;
  json.Key(key);
  json.String(value);
}

}  // namespace

void AppendDocumentRecord(std::string* out, const Document& doc) {
  JsonWriter json(out);
  json.BeginObject();
  json.Key("type");
  json.String("document");
  json.Key("doc");
  json.String(doc.id);
  MaybeStringField(json, "outlet", doc.meta.outlet);
  MaybeStringField(json, "date", doc.meta.date);
  MaybeStringField(json, "title", doc.meta.title);
  MaybeStringField(json, "url", doc.meta.url);
  MaybeStringField(json, "role", doc.meta.role);
  json.EndObject();
}

void AppendQuoteRecord(std::string* out, const Document& doc, const Quote& quote,
                       LineCol line_col) {
  JsonWriter json(out);
  json.BeginObject();
  json.Key("type");
  json.String("quote");
  json.Key("doc");
  json.String(doc.id);
  json.Key("start");
  json.Uint(quote.start());
  json.Key("end");
  json.Uint(quote.end());
  json.Key("line");
  json.Uint(line_col.line);
  json.Key("col");
  json.Uint(line_col.col);
  json.Key("text");
  json.String(Slice(doc.text, quote.start(), quote.end()));
  json.Key("kind");
  json.String(QuoteKindName(quote.kind));
  json.Key("spans");
  json.BeginArray();
  for (const ByteSpan& span : quote.spans) {
    json.BeginArray();
    json.Uint(span.start);
    json.Uint(span.end);
    json.EndArray();
  }
  json.EndArray();
  if (quote.spans.size() > 1) {
    json.Key("parts");
    json.BeginArray();
    for (const ByteSpan& span : quote.spans) json.String(Slice(doc.text, span.start, span.end));
    json.EndArray();
  }
  json.Key("speaker");
  if (quote.speaker) {
    json.String(*quote.speaker);
  } else {
    json.Null();
  }
  json.Key("speaker_mention");
  WriteTextRef(json, quote.speaker_mention);
  json.Key("cue");
  WriteTextRef(json, quote.cue);
  json.Key("rule");
  if (quote.rule.empty()) {
    json.Null();
  } else {
    json.String(quote.rule);
  }
  json.Key("confidence");
  json.Double(quote.confidence);
  json.EndObject();
}

void AppendErrorRecord(std::string* out, const DocumentResult& result) {
  JsonWriter json(out);
  json.BeginObject();
  json.Key("type");
  json.String("error");
  json.Key("doc");
  json.String(result.doc.id);
  json.Key("message");
  json.String(result.error_message);
  json.EndObject();
}

void AppendWarningRecord(std::string* out, const Document& doc, const Diagnostic& warning) {
  JsonWriter json(out);
  json.BeginObject();
  json.Key("type");
  json.String("warning");
  json.Key("doc");
  json.String(doc.id);
  if (warning.line > 0) {
    json.Key("line");
    json.Uint(warning.line);
    json.Key("col");
    json.Uint(warning.col);
  }
  if (!warning.code.empty()) {
    json.Key("code");
    json.String(warning.code);
  }
  json.Key("message");
  json.String(warning.message);
  json.EndObject();
}

void AppendSummaryRecord(std::string* out, const RunSummary& summary) {
  JsonWriter json(out);
  json.BeginObject();
  json.Key("type");
  json.String("summary");
  json.Key("documents");
  json.Uint(summary.documents);
  json.Key("failed");
  json.Uint(summary.failed);
  json.Key("quotes");
  json.Uint(summary.quotes);
  json.Key("clusters");
  json.Uint(summary.clusters);
  json.Key("findings");
  json.Uint(summary.findings);
  json.Key("bytes");
  json.Uint(summary.bytes);
  json.Key("seconds");
  json.Double(std::round(summary.seconds * 1e6) / 1e6);
  json.EndObject();
}

JsonlPrinter::JsonlPrinter(std::ostream* out, size_t flush_threshold)
    : out_(out), flush_threshold_(flush_threshold) {
  buffer_.reserve(flush_threshold_ + flush_threshold_ / 4);
}

JsonlPrinter::~JsonlPrinter() {
  if (!buffer_.empty()) out_->write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
}

void JsonlPrinter::OnDocument(const DocumentResult& result) {
  if (result.failed) {
    AppendErrorRecord(&buffer_, result);
    buffer_.push_back('\n');
    WriteBufferIfFull();
    return;
  }
  AppendDocumentRecord(&buffer_, result.doc);
  buffer_.push_back('\n');
  for (const Diagnostic& d : result.diagnostics) {
    if (d.severity != Severity::kWarning) continue;
    AppendWarningRecord(&buffer_, result.doc, d);
    buffer_.push_back('\n');
  }
  if (!result.quotes.empty()) {
    const LineIndex lines(result.doc.text);
    for (const Quote& quote : result.quotes) {
      if (quote.spans.empty()) continue;  // not a quotation; the model says never empty
      AppendQuoteRecord(&buffer_, result.doc, quote, lines.At(quote.start()));
      buffer_.push_back('\n');
    }
  }
  WriteBufferIfFull();
}

void JsonlPrinter::OnFinish(const RunSummary& summary) {
  AppendSummaryRecord(&buffer_, summary);
  buffer_.push_back('\n');
  out_->write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.clear();
  out_->flush();
}

void JsonlPrinter::WriteBufferIfFull() {
  if (buffer_.size() < flush_threshold_) return;
  out_->write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.clear();
}

}  // namespace quotecheck
