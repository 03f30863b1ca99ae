#include "report/jsonl_printer.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "printer_test_documents.h"

namespace quotecheck {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_SUITE("report") {
  TEST_CASE("JsonlPrinter writes document, quote, error and summary records per the contract") {
    std::ostringstream out;
    JsonlPrinter printer(&out);
    printer.OnDocument(testing::PrinterTestResult());

    DocumentResult failed;
    failed.sequence = 1;
    failed.doc.id = "missing \"b\".txt";
    failed.failed = true;
    failed.error_message = "cannot open: No such file or directory";
    printer.OnDocument(failed);

    RunSummary summary;
    summary.documents = 2;
    summary.failed = 1;
    summary.quotes = 2;
    summary.bytes = 62;
    summary.seconds = 0.0041999;
    printer.OnFinish(summary);

    const std::vector<std::string> want = {
        R"({"type":"document","doc":"a.txt","outlet":"Reuters","date":"2024-01-02"})",
        R"({"type":"quote","doc":"a.txt","start":0,"end":5,"line":1,"col":1,"text":"Intro",)"
        R"("kind":"term","spans":[[0,5]],"speaker":null,"speaker_mention":null,"cue":null,)"
        R"("rule":null,"confidence":0})",
        R"({"type":"quote","doc":"a.txt","start":17,"end":59,"line":2,"col":4,)"
        "\"text\":\"I think so,\xE2\x80\x9D Trump whispered, \xE2\x80\x9Creally.\","
        R"("kind":"direct","spans":[[17,28],[52,59]],"parts":["I think so,","really."],)"
        R"("speaker":"Donald Trump",)"
        R"("speaker_mention":{"start":32,"end":37,"text":"Trump"},)"
        R"("cue":{"start":38,"end":47,"text":"whispered"},)"
        R"("rule":"after-quote/name-verb","confidence":0.93})",
        R"({"type":"error","doc":"missing \"b\".txt",)"
        R"("message":"cannot open: No such file or directory"})",
        R"({"type":"summary","documents":2,"failed":1,"quotes":2,"clusters":0,"findings":0,)"
        R"("bytes":62,"seconds":0.0042})",
    };
    CHECK(Lines(out.str()) == want);
    CHECK(out.str().back() == '\n');
  }

  TEST_CASE("JsonlPrinter keeps the output valid JSON for text with invalid UTF-8") {
    DocumentResult result;
    result.doc.id = "bad\xFF.txt";
    result.doc.text = "x \"a\xE2\x80 b\\\" y";
    Quote quote;
    quote.spans = {{3, 9}};
    quote.speaker = "Ann\tLee";
    result.quotes.push_back(quote);

    std::string out;
    const LineIndex lines(result.doc.text);
    AppendQuoteRecord(&out, result.doc, result.quotes[0], lines.At(3));
    CHECK(out ==
          "{\"type\":\"quote\",\"doc\":\"bad\xEF\xBF\xBD.txt\",\"start\":3,\"end\":9,\"line\":1,"
          "\"col\":4,\"text\":\"a\xEF\xBF\xBD b\\\\\",\"kind\":\"direct\",\"spans\":[[3,9]],"
          "\"speaker\":\"Ann\\tLee\",\"speaker_mention\":null,\"cue\":null,\"rule\":null,"
          "\"confidence\":0}");
  }

  TEST_CASE("JsonlPrinter clamps offsets beyond the text") {
    Document doc;
    doc.id = "d";
    doc.text = "abc";
    Quote quote;
    quote.spans = {{2, 10}};
    std::string out;
    AppendQuoteRecord(&out, doc, quote, LineCol{1, 3});
    CHECK(out.find(R"("text":"c")") != std::string::npos);
  }

  TEST_CASE("JsonlPrinter hands output to the stream in chunks, not per record") {
    std::ostringstream out;
    JsonlPrinter printer(&out, /*flush_threshold=*/1000);
    const DocumentResult result = testing::PrinterTestResult();
    printer.OnDocument(result);
    CHECK(out.str().empty());  // below the threshold: still buffered
    for (int i = 0; i < 5; ++i) printer.OnDocument(result);
    CHECK(!out.str().empty());
    printer.OnFinish(RunSummary{});
    CHECK(Lines(out.str()).size() == 6 * 3 + 1);
  }

  TEST_CASE("AppendDocumentRecord writes only the metadata that is known") {
    Document doc;
    doc.id = "x.txt";
    std::string out;
    AppendDocumentRecord(&out, doc);
    CHECK(out == R"({"type":"document","doc":"x.txt"})");

    doc.meta.title = "T";
    doc.meta.outlet = "AP";
    doc.meta.url = "https://e.com/x";
    doc.meta.date = "2024-03-04";
    doc.meta.role = "primary";
    out.clear();
    AppendDocumentRecord(&out, doc);
    CHECK(out == R"({"type":"document","doc":"x.txt","outlet":"AP","date":"2024-03-04",)"
                 R"("title":"T","url":"https://e.com/x","role":"primary"})");
  }

  TEST_CASE("JsonlPrinter writes a document record for a document without quotations") {
    std::ostringstream out;
    JsonlPrinter printer(&out);
    DocumentResult empty;
    empty.doc.id = "e.txt";
    printer.OnDocument(empty);
    printer.OnFinish(RunSummary{});
    CHECK(Lines(out.str()).front() == R"({"type":"document","doc":"e.txt"})");
  }
}

}  // namespace quotecheck
