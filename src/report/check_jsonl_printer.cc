#include "report/check_jsonl_printer.h"

#include <cmath>
#include <string_view>
#include <vector>

#include "diff/quote_diff.h"
#include "report/check_report_view.h"
#include "report/json_writer.h"
#include "report/jsonl_printer.h"
#include "report/ordered_records.h"

namespace quotecheck {
namespace {

// The text of each span, when `quote.text` is those texts joined by single spaces (the
// sizes add up and a space sits at each join); false otherwise.
bool SplitParts(const QuoteRecord& quote, std::vector<std::string_view>* parts) {
  parts->clear();
  const std::string_view text = quote.text;
  size_t pos = 0;
  for (size_t i = 0; i < quote.spans.size(); ++i) {
    const ByteSpan& span = quote.spans[i];
    if (span.end < span.start) return false;
    if (i > 0) {
      if (pos >= text.size() || text[pos] != ' ') return false;
      ++pos;
    }
    if (span.size() > text.size() - pos) return false;
    parts->push_back(text.substr(pos, span.size()));
    pos += span.size();
  }
  return pos == text.size();
}

// {"doc":…,"start":…,"end":…} of a quotation.
void WriteQuoteRef(JsonWriter& json, const CheckResult& result, size_t quote) {
  const QuoteRecord& q = result.quotes[quote];
  json.BeginObject();
  json.Key("doc");
  json.String(result.documents[q.doc].id);
  json.Key("start");
  json.Uint(q.start);
  json.Key("end");
  json.Uint(q.end);
  json.EndObject();
}

void WriteNames(JsonWriter& json, const std::vector<std::string_view>& names) {
  json.BeginArray();
  for (std::string_view name : names) json.String(name);
  json.EndArray();
}

}  // namespace

void AppendCheckQuoteRecord(std::string* out, const CheckResult& result, size_t quote) {
  const QuoteRecord& q = result.quotes[quote];
  QuoteRecordFields f;
  f.doc = result.documents[q.doc].id;
  f.start = q.start;
  f.end = q.end;
  f.line = q.line;
  f.col = q.col;
  f.text = q.text;
  f.kind = q.kind;
  f.spans = &q.spans;
  if (q.spans.size() > 1 && !SplitParts(q, &f.parts)) f.parts.clear();
  f.speaker = &q.speaker;
  f.speaker_key = &q.speaker_key;
  f.speaker_mention = &q.speaker_mention;
  f.cue = &q.cue;
  f.rule = q.rule;
  f.confidence = q.confidence;
  f.cluster = q.cluster;
  AppendQuoteFields(out, f);
}

void AppendLinkRecord(std::string* out, const CheckResult& result, size_t link,
                      LinkDiffer& differ) {
  const Link& l = result.links[link];
  JsonWriter json(out);
  json.BeginObject();
  json.Key("type");
  json.String("link");
  if (!l.cluster.empty()) {
    json.Key("cluster");
    json.String(l.cluster);
  }
  json.Key("a");
  WriteQuoteRef(json, result, l.a);
  json.Key("b");
  WriteQuoteRef(json, result, l.b);
  json.Key("relation");
  json.String(RelationName(l.relation));
  json.Key("similarity");
  json.Double(std::round(l.similarity * 1000) / 1000);
  json.Key("speakers_agree");
  json.Bool(l.speakers_agree);
  json.Key("diff");
  json.BeginArray();
  for (const DiffOpView& op : differ.Ops(l)) {
    json.BeginObject();
    json.Key("op");
    json.String(DiffOpName(op.kind));
    if (op.kind != DiffOp::Kind::kInsert) {
      json.Key("a");
      json.String(op.a);
    }
    if (op.kind != DiffOp::Kind::kDelete) {
      json.Key("b");
      json.String(op.b);
    }
    json.EndObject();
  }
  json.EndArray();
  json.Key("classes");
  WriteNames(json, ChangeClassNames(l.diff.classes));
  json.Key("flags");
  WriteNames(json, MeaningFlagNames(l.diff.flags));
  json.EndObject();
}

void AppendFindingRecord(std::string* out, const CheckResult& result, size_t finding) {
  const Finding& f = result.findings[finding];
  JsonWriter json(out);
  json.BeginObject();
  json.Key("type");
  json.String("finding");
  json.Key("rule");
  json.String(f.rule);
  json.Key("severity");
  json.String(SeverityName(f.severity));
  json.Key("quotes");
  json.BeginArray();
  for (size_t q : f.quotes) WriteQuoteRef(json, result, q);
  json.EndArray();
  json.Key("message");
  json.String(f.message);
  json.Key("confidence");
  json.Double(f.confidence);
  const FindingEvidence& e = f.evidence;
  if (!e.shared_words.empty() || e.relation || !e.speaker_keys.empty()) {
    json.Key("evidence");
    json.BeginObject();
    if (e.relation) {
      json.Key("relation");
      json.String(RelationName(*e.relation));
    }
    json.Key("shared_words");
    json.BeginArray();
    for (const std::string& w : e.shared_words) json.String(w);
    json.EndArray();
    if (!e.speaker_keys.empty()) {
      json.Key("speaker_keys");
      json.BeginArray();
      for (const std::string& k : e.speaker_keys) json.String(k);
      json.EndArray();
    }
    json.EndObject();
  }
  // Where it is reported: its first quote, else its own location.
  if (!f.quotes.empty()) {
    const QuoteRecord& q = result.quotes[f.quotes.front()];
    json.Key("doc");
    json.String(result.documents[q.doc].id);
    json.Key("line");
    json.Uint(q.line);
    json.Key("col");
    json.Uint(q.col);
  } else if (f.location) {
    if (f.doc && *f.doc < result.documents.size()) {
      json.Key("doc");
      json.String(result.documents[*f.doc].id);
    }
    if (f.location->line > 0) {
      json.Key("line");
      json.Uint(f.location->line);
      json.Key("col");
      json.Uint(f.location->col);
    }
  }
  json.EndObject();
}

void AppendErrorRecord(std::string* out, const DocumentError& error) {
  JsonWriter json(out);
  json.BeginObject();
  json.Key("type");
  json.String("error");
  json.Key("doc");
  json.String(error.doc);
  json.Key("message");
  json.String(error.message);
  json.EndObject();
}

void PrintCheckJsonl(const CheckResult& result, std::ostream* out, unsigned jobs) {
  OrderedRecords writer(out, jobs);
  // Records [0, n) of one kind, each by append(&text, i, worker) and a line end.
  auto records = [&](size_t n, auto append) {
    writer.Write(n, kRecordsPerChunk, [&](std::string* text, size_t i, unsigned worker) {
      append(text, i, worker);
      text->push_back('\n');
    });
  };
  records(result.quotes.size(),
          [&](std::string* text, size_t q, unsigned) { AppendCheckQuoteRecord(text, result, q); });
  std::vector<LinkDiffer> differs(std::max(1u, jobs), LinkDiffer(result));
  records(result.links.size(), [&](std::string* text, size_t l, unsigned worker) {
    AppendLinkRecord(text, result, l, differs[worker]);
  });
  records(result.findings.size(),
          [&](std::string* text, size_t f, unsigned) { AppendFindingRecord(text, result, f); });
  for (const DocumentError& error : result.errors) {
    AppendErrorRecord(&writer.buffer(), error);
    writer.buffer().push_back('\n');
    writer.MaybeFlush();
  }
  AppendSummaryRecord(&writer.buffer(), SummaryOf(CountsOf(result)));
  writer.buffer().push_back('\n');
  writer.Finish();
}

}  // namespace quotecheck
