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

void AppendQuoteFields(std::string* out, const QuoteRecordFields& f) {
  JsonWriter json(out);
  json.BeginObject();
  json.Key("type");
  json.String("quote");
  json.Key("doc");
  json.String(f.doc);
  json.Key("start");
  json.Uint(f.start);
  json.Key("end");
  json.Uint(f.end);
  json.Key("line");
  json.Uint(f.line);
  json.Key("col");
  json.Uint(f.col);
  json.Key("text");
  json.String(f.text);
  json.Key("kind");
  json.String(QuoteKindName(f.kind));
  json.Key("spans");
  json.BeginArray();
  for (const ByteSpan& span : *f.spans) {
    json.BeginArray();
    json.Uint(span.start);
    json.Uint(span.end);
    json.EndArray();
  }
  json.EndArray();
  if (!f.parts.empty()) {
    json.Key("parts");
    json.BeginArray();
    for (std::string_view part : f.parts) json.String(part);
    json.EndArray();
  }
  json.Key("speaker");
  if (*f.speaker) {
    json.String(**f.speaker);
  } else {
    json.Null();
  }
  if (f.speaker_key != nullptr && *f.speaker_key) {
    json.Key("speaker_key");
    json.String(**f.speaker_key);
  }
  json.Key("speaker_mention");
  WriteTextRef(json, *f.speaker_mention);
  json.Key("cue");
  WriteTextRef(json, *f.cue);
  json.Key("rule");
  if (f.rule.empty()) {
    json.Null();
  } else {
    json.String(f.rule);
  }
  json.Key("confidence");
  json.Double(f.confidence);
  if (!f.cluster.empty()) {
    json.Key("cluster");
    json.String(f.cluster);
  }
  json.EndObject();
}

void AppendQuoteRecord(std::string* out, const Document& doc, const Quote& quote,
                       LineCol line_col) {
  QuoteRecordFields f;
  f.doc = doc.id;
  f.start = quote.start();
  f.end = quote.end();
  f.line = line_col.line;
  f.col = line_col.col;
  f.text = Slice(doc.text, quote.start(), quote.end());
  f.kind = quote.kind;
  f.spans = &quote.spans;
  if (quote.spans.size() > 1) {
    for (const ByteSpan& span : quote.spans)
      f.parts.push_back(Slice(doc.text, span.start, span.end));
  }
  f.speaker = &quote.speaker;
  f.speaker_key = &quote.speaker_key;
  f.speaker_mention = &quote.speaker_mention;
  f.cue = &quote.cue;
  f.rule = quote.rule;
  f.confidence = quote.confidence;
  AppendQuoteFields(out, f);
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
