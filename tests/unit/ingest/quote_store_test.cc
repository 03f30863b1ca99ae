#include "ingest/quote_store.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/line_index.h"
#include "report/check_jsonl_printer.h"
#include "report/jsonl_printer.h"
#include "unit/report/printer_test_documents.h"
#include "unit/temp_dir.h"

namespace quotecheck {
namespace {

// What `extract --format jsonl` writes for `result` (without the summary).
std::string ExtractJsonl(const DocumentResult& result) {
  std::string out;
  if (result.failed) {
    AppendErrorRecord(&out, result);
    out.push_back('\n');
    return out;
  }
  AppendDocumentRecord(&out, result.doc);
  out.push_back('\n');
  const LineIndex lines(result.doc.text);
  for (const Quote& quote : result.quotes) {
    AppendQuoteRecord(&out, result.doc, quote, lines.At(quote.start()));
    out.push_back('\n');
  }
  return out;
}

std::vector<std::string> Headers(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics) out.push_back(FormatDiagnosticHeader(d));
  return out;
}

std::vector<std::string> CheckQuoteRecords(const CheckResult& result) {
  std::vector<std::string> out;
  for (size_t q = 0; q < result.quotes.size(); ++q) {
    std::string record;
    AppendCheckQuoteRecord(&record, result, q);
    out.push_back(record);
  }
  return out;
}

}  // namespace

TEST_SUITE("ingest") {
  TEST_CASE("Quote store round trip: extract JSONL -> CheckResult -> check quote records") {
    const DocumentResult extracted = testing::PrinterTestResult();
    std::string store = ExtractJsonl(extracted);
    DocumentResult failed;
    failed.doc.id = "gone.txt";
    failed.failed = true;
    failed.error_message = "cannot open";
    store += ExtractJsonl(failed);
    AppendSummaryRecord(&store, RunSummary{});
    store.push_back('\n');

    CheckResult from_store;
    ReadQuoteStoreBytes("store.jsonl", store, &from_store);
    CHECK(from_store.diagnostics.empty());
    REQUIRE(from_store.documents.size() == 1);
    CHECK(from_store.documents[0].id == "a.txt");
    CHECK(from_store.documents[0].path == "a.txt");
    CHECK(from_store.documents[0].meta.outlet == "Reuters");
    CHECK(from_store.documents[0].meta.date == "2024-01-02");
    CHECK(from_store.documents_read == 1);
    CHECK(from_store.bytes == store.size());
    REQUIRE(from_store.quotes.size() == 2);
    const QuoteRecord& q = from_store.quotes[1];
    CHECK(q.doc == 0);
    CHECK(q.start == 17);
    CHECK(q.end == 59);
    CHECK(q.spans == std::vector<ByteSpan>{{17, 28}, {52, 59}});
    CHECK(q.line == 2);
    CHECK(q.col == 4);
    CHECK(q.text == "I think so, really.");
    CHECK(q.kind == QuoteKind::kDirect);
    CHECK(q.speaker == "Donald Trump");
    REQUIRE(q.speaker_mention);
    CHECK(q.speaker_mention->span == ByteSpan{32, 37});
    CHECK(q.speaker_mention->text == "Trump");
    REQUIRE(q.cue);
    CHECK(q.cue->text == "whispered");
    CHECK(q.rule == "after-quote/name-verb");
    CHECK(q.confidence == 0.93);
    CHECK(from_store.quotes[0].kind == QuoteKind::kTerm);
    CHECK(from_store.quotes[0].text == "Intro");
    CHECK(!from_store.quotes[0].speaker);

    // The same quotations taken from the document in memory.
    CheckResult from_memory;
    AppendDocumentQuotes(extracted, &from_memory);
    CHECK(from_memory.documents_read == 1);
    CHECK(from_memory.bytes == extracted.doc.text.size());
    CHECK(CheckQuoteRecords(from_memory) == CheckQuoteRecords(from_store));

    // Check's quote records carry extract's fields; an interrupted quotation's text is
    // its parts joined (the document text is gone).
    std::vector<std::string> want;
    const LineIndex lines(extracted.doc.text);
    for (const Quote& quote : extracted.quotes) {
      std::string record;
      AppendQuoteRecord(&record, extracted.doc, quote, lines.At(quote.start()));
      want.push_back(record);
    }
    const std::string interrupted =
        "\"text\":\"I think so,\xE2\x80\x9D Trump whispered, "
        "\xE2\x80\x9Creally.\"";
    REQUIRE(want[1].find(interrupted) != std::string::npos);
    want[1].replace(want[1].find(interrupted), interrupted.size(),
                    R"("text":"I think so, really.")");
    CHECK(CheckQuoteRecords(from_store) == want);
  }

  TEST_CASE("Quote store: a malformed line is reported and the rest is read") {
    const std::string store =
        "{\"type\":\"document\",\"doc\":\"a.txt\"}\n"
        "{\"type\":\"quote\",\"doc\":\"a.txt\",\"start\":1,\"end\":3,\"text\":\"ab\"\n"
        "\n"
        "{\"type\":\"quote\",\"doc\":\"a.txt\",\"start\":5,\"end\":7,\"text\":\"cd\"}\n"
        "[1]\n"
        "{\"doc\":\"a.txt\"}\n"
        "{\"type\":\"quote\",\"doc\":\"a.txt\",\"end\":7}\n"
        "{\"type\":\"quote\",\"doc\":\"a.txt\",\"start\":\"5\",\"end\":7}\n"
        "{\"type\":\"quote\",\"doc\":\"a.txt\",\"start\":5,\"end\":7,\"kind\":\"shout\"}\n"
        "{\"type\":\"quote\",\"doc\":\"a.txt\",\"start\":5,\"end\":7} x\n"
        "{\"type\":\"error\",\"doc\":\"b.txt\",\"message\":\"cannot open\"}\n";
    CheckResult result;
    ReadQuoteStoreBytes("s.jsonl", store, &result);
    REQUIRE(result.quotes.size() == 1);
    CHECK(result.quotes[0].text == "cd");
    CHECK(result.quotes[0].spans == std::vector<ByteSpan>{{5, 7}});
    CHECK(result.documents.size() == 1);
    const std::vector<std::string> headers = Headers(result.diagnostics);
    REQUIRE(headers.size() == 7);
    CHECK(headers[0].rfind("s.jsonl:2:", 0) == 0);
    CHECK(headers[0].find(": error: malformed JSON: ") != std::string::npos);
    CHECK(headers[1] == "s.jsonl:5:1: error: record is not a JSON object");
    CHECK(headers[2] == "s.jsonl:6:1: error: record has no \"type\"");
    CHECK(headers[3] == "s.jsonl:7:1: error: quote record: field \"start\" is missing");
    CHECK(headers[4] ==
          "s.jsonl:8:1: error: quote record: field \"start\" is not a non-negative integer");
    CHECK(headers[5] ==
          "s.jsonl:9:1: error: quote record: field \"kind\" is not direct, partial or term");
    CHECK(headers[6].rfind("s.jsonl:10:", 0) == 0);
    CHECK(headers[6].find("malformed JSON") != std::string::npos);
    CHECK(result.diagnostics[1].source_line == "[1]");
  }

  TEST_CASE("Quote store: the text of an interrupted quotation") {
    const std::string store =
        // parts, joined by one space
        R"({"type":"quote","doc":"d","start":1,"end":30,"text":"A,” she said, “B.",)"
        R"("spans":[[1,3],[28,30]],"parts":["A,","B."]})"
        "\n"
        // no parts (an older store): the spans cut out of a byte-exact text
        R"({"type":"quote","doc":"d","start":0,"end":11,"text":"one\" x \"two",)"
        R"("spans":[[0,3],[8,11]]})"
        "\n"
        // no parts and a text that is not start..end: kept as it is
        R"({"type":"quote","doc":"d","start":0,"end":50,"text":"short",)"
        R"("spans":[[0,3],[9,50]]})"
        "\n";
    CheckResult result;
    ReadQuoteStoreBytes("s.jsonl", store, &result);
    CHECK(result.diagnostics.empty());
    REQUIRE(result.quotes.size() == 3);
    CHECK(result.quotes[0].text == "A, B.");
    CHECK(result.quotes[1].text == "one two");
    CHECK(result.quotes[2].text == "short");
  }

  TEST_CASE("Quote store: documents by first appearance, metadata from document records") {
    const std::string store =
        "\xEF\xBB\xBF"
        R"({"type":"quote","doc":"x","start":0,"end":1,"text":"a"})"
        "\n"
        R"({"type":"quote","doc":"y","start":0,"end":1,"text":"b"})"
        "\r\n"
        R"({"type":"document","doc":"x","outlet":"AP","role":"primary","title":"T","url":"u"})"
        "\n"
        R"({"type":"quote","doc":"x","start":2,"end":3,"text":"c"})"
        "\n"
        // The same document id again with its own record: another input.
        R"({"type":"document","doc":"x","date":"2024-05-06"})"
        "\n"
        R"({"type":"quote","doc":"x","start":0,"end":1,"text":"a"})"
        "\n"
        R"({"type":"summary","documents":3})";
    CheckResult result;
    ReadQuoteStoreBytes("s.jsonl", store, &result);
    CHECK(Headers(result.diagnostics).empty());
    REQUIRE(result.documents.size() == 3);
    CHECK(result.documents_read == 3);
    CHECK(result.documents[0].id == "x");
    CHECK(result.documents[0].meta.outlet == "AP");
    CHECK(result.documents[0].meta.title == "T");
    CHECK(result.documents[0].meta.url == "u");
    CHECK(result.documents[0].primary);
    CHECK(result.documents[1].id == "y");
    CHECK(!result.documents[1].primary);
    CHECK(result.documents[2].id == "x");
    CHECK(result.documents[2].meta.date == "2024-05-06");
    std::vector<uint32_t> docs;
    for (const QuoteRecord& q : result.quotes) docs.push_back(q.doc);
    CHECK(docs == std::vector<uint32_t>{0, 1, 0, 2});
  }

  TEST_CASE("Quote store: warning records become diagnostics") {
    const std::string store =
        "{\"type\":\"document\",\"doc\":\"a.txt\"}\n"
        "{\"type\":\"warning\",\"doc\":\"a.txt\",\"line\":3,\"col\":12,"
        "\"code\":\"unbalanced-quote\",\"message\":\"quotation mark is never closed\"}\n";
    CheckResult result;
    ReadQuoteStoreBytes("s.jsonl", store, &result);
    REQUIRE(result.diagnostics.size() == 1);
    const Diagnostic& d = result.diagnostics[0];
    CHECK(d.severity == Severity::kWarning);
    CHECK(d.path == "a.txt");
    CHECK(d.line == 3);
    CHECK(d.col == 12);
    CHECK(d.code == "unbalanced-quote");
    CHECK(FormatDiagnosticHeader(d) ==
          "a.txt:3:12: warning: quotation mark is never closed [unbalanced-quote]");
  }

  TEST_CASE("Quote store detection") {
    CHECK(IsQuoteStoreRecord(R"({"type":"quote","doc":"a"})"));
    CHECK(IsQuoteStoreRecord(R"({"doc":"a", "type" : "document"})"));
    CHECK(IsQuoteStoreRecord(R"({"type":"summary","documents":0})"));
    CHECK(!IsQuoteStoreRecord(R"({"id":"a","text":"He said \"type\":\"quote\""})"));
    CHECK(!IsQuoteStoreRecord(R"({"type":"article","text":"x"})"));
    CHECK(!IsQuoteStoreRecord("not json"));
    CHECK(LooksLikeQuoteStore("\xEF\xBB\xBF\n  \n{\"type\":\"summary\"}\n"));
    CHECK(!LooksLikeQuoteStore("{\"id\":1,\"text\":\"x\"}\n{\"type\":\"quote\"}\n"));
    CHECK(!LooksLikeQuoteStore("\n\n"));

    testing::TempDir dir;
    const std::string store = dir.Write("out.jsonl", "\n{\"type\":\"document\",\"doc\":\"a\"}\n");
    const std::string no_newline = dir.Write("one.ndjson", "{\"type\":\"quote\"}");
    const std::string articles = dir.Write("in.jsonl", "{\"id\":\"a\",\"text\":\"x\"}\n");
    const std::string text = dir.Write("out.txt", "{\"type\":\"quote\"}\n");
    const std::string empty = dir.Write("empty.jsonl", "");
    std::string long_first_line = "{\"type\":\"quote\",\"text\":\"";
    long_first_line.append(200000, 'x').append("\"}\n");
    const std::string long_store = dir.Write("long.jsonl", long_first_line);
    CHECK(IsQuoteStoreFile(store));
    CHECK(IsQuoteStoreFile(no_newline));
    CHECK(IsQuoteStoreFile(long_store));
    CHECK(!IsQuoteStoreFile(articles));
    CHECK(!IsQuoteStoreFile(text));
    CHECK(!IsQuoteStoreFile(empty));
    CHECK(!IsQuoteStoreFile(dir.path() + "/missing.jsonl"));
  }

  TEST_CASE("ReadQuoteStore reads a file; an unreadable one is a failed document") {
    testing::TempDir dir;
    const std::string path = dir.Write(
        "s.jsonl", "{\"type\":\"quote\",\"doc\":\"a\",\"start\":0,\"end\":1,\"text\":\"a\"}\n");
    CheckResult result;
    ReadQuoteStore(path, &result);
    CHECK(result.quotes.size() == 1);
    CHECK(result.documents.size() == 1);
    CHECK(result.diagnostics.empty());

    const std::string missing = dir.path() + "/missing.jsonl";
    ReadQuoteStore(missing, &result);
    CHECK(result.documents_failed == 1);
    CHECK(result.documents_read == 2);
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].doc == missing);
    CHECK(result.errors[0].message == "cannot open: No such file or directory");
    CHECK(Headers(result.diagnostics) ==
          std::vector<std::string>{missing + ": error: cannot open: No such file or directory"});
  }

  TEST_CASE("ReadQuoteStore on several threads reads what one thread reads") {
    // Lines of every kind, repeated past several of the blocks a threaded read cuts the file
    // into (256 KB), with a line longer than a block: a BOM, CRLF and blank lines, malformed
    // lines, records of the wrong shape, warnings, quotations before their record, an id's
    // record again, speakers and cues.
    std::string store = "\xEF\xBB\xBF";
    std::string shape;
    for (int i = 0; i < 3000; ++i) {
      const std::string id = "doc-" + std::to_string(i % 700);
      store += "{\"type\":\"document\",\"doc\":\"" + id + "\",\"outlet\":\"Wire " +
               std::to_string(i % 7) + "\"" + (i % 11 == 0 ? ",\"role\":\"primary\"" : "") + "}\n";
      store += "{\"type\":\"quote\",\"doc\":\"" + id +
               "\",\"start\":4,\"end\":30,\"line\":" + std::to_string(i + 1) +
               ",\"col\":3,\"kind\":\"direct\",\"text\":\"We will rebuild pier " +
               std::to_string(i) +
               "\",\"speaker\":\"Ada Park\",\"speaker_key\":\"ada park\",\"cue\":{\"start\":40,"
               "\"end\":44,\"text\":\"said\"},\"rule\":\"after/said\",\"confidence\":0.9}" +
               (i % 5 == 0 ? "\r\n" : "\n");
      if (i % 97 == 0) store += "\n   \n";
      if (i % 131 == 0) store += "{\"type\":\"quote\",\"doc\":\"" + id + "\",\"start\":\n";
      if (i % 149 == 0) store += "[1,2]\n{\"doc\":\"x\"}\n{\"type\":\"quote\",\"doc\":\"y\"}\n";
      if (i % 173 == 0) {
        store +=
            "{\"type\":\"warning\",\"doc\":\"" + id +
            "\",\"line\":3,\"col\":9,\"code\":\"unbalanced-quote\",\"message\":\"no close\"}\n";
      }
      if (i == 1500) {
        store += "{\"type\":\"quote\",\"doc\":\"long\",\"start\":0,\"end\":1,\"text\":\"" +
                 std::string(300000, 'w') + "\"}\n";
      }
    }
    store += "{\"type\":\"quote\",\"doc\":\"last\",\"start\":0,\"end\":3,\"text\":\"end\"}";
    testing::TempDir dir;
    const std::string path = dir.Write("big.jsonl", store);
    auto describe = [&](unsigned jobs) {
      CheckResult r;
      ReadQuoteStore(path, &r, jobs);
      std::string out;
      for (const DocumentInfo& d : r.documents) {
        out += d.id + " " + d.meta.outlet + " " + d.meta.role + (d.primary ? " primary\n" : "\n");
      }
      for (const QuoteRecord& q : r.quotes) {
        out += std::to_string(q.doc) + " " + q.text + " " + std::to_string(q.line) + ":" +
               std::to_string(q.col) + " " + q.speaker.value_or("-") + " " +
               (q.cue ? q.cue->text : "-") + " " + q.rule + "\n";
      }
      for (const Diagnostic& d : r.diagnostics) {
        out += FormatDiagnosticHeader(d) + " |" + d.source_line + "\n";
      }
      for (const DocumentError& e : r.errors) out += e.doc + " " + e.message + "\n";
      out += std::to_string(r.documents_read) + " " + std::to_string(r.documents_failed) + " " +
             std::to_string(r.bytes) + "\n";
      return out;
    };
    const std::string one = describe(1);
    CHECK(one.find("big.jsonl:3:1: error: malformed JSON") == std::string::npos);
    CHECK(one.find("error: record is not a JSON object") != std::string::npos);
    CHECK(one.find("warning: no close") != std::string::npos);
    CHECK(one.find(std::string(300000, 'w')) != std::string::npos);
    CHECK(describe(2) == one);
    CHECK(describe(3) == one);
  }

  TEST_CASE("AppendDocumentQuotes: line and col, joined spans, failed documents") {
    DocumentResult result;
    result.doc.id = "r1";
    result.doc.path = "in.jsonl";
    result.doc.text = "x\n\xC3\xA9 \"A,\" he said, \"B.\"";
    result.doc.meta.role = "primary";
    Quote quote;
    quote.spans = {{6, 8}, {20, 22}};
    result.quotes.push_back(quote);
    Diagnostic warning;
    warning.severity = Severity::kWarning;
    result.diagnostics.push_back(warning);

    CheckResult check;
    AppendDocumentQuotes(result, &check);
    REQUIRE(check.documents.size() == 1);
    CHECK(check.documents[0].id == "r1");
    CHECK(check.documents[0].path == "in.jsonl");
    CHECK(check.documents[0].primary);
    REQUIRE(check.quotes.size() == 1);
    CHECK(check.quotes[0].line == 2);
    CHECK(check.quotes[0].col == 4);
    CHECK(check.quotes[0].text == "A, B.");
    CHECK(check.diagnostics.size() == 1);

    DocumentResult failed;
    failed.doc.id = "r2";
    failed.failed = true;
    failed.error_message = "malformed JSON: bad";
    AppendDocumentQuotes(failed, &check);
    CHECK(check.documents.size() == 1);
    CHECK(check.documents_read == 2);
    CHECK(check.documents_failed == 1);
    REQUIRE(check.errors.size() == 1);
    CHECK(check.errors[0].doc == "r2");
    CHECK(check.errors[0].message == "malformed JSON: bad");
  }
}

}  // namespace quotecheck
