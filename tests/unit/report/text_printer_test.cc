#include "report/text_printer.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "core/line_index.h"
#include "printer_test_documents.h"

namespace quotecheck {

TEST_SUITE("report") {
  TEST_CASE("TextPrinter writes a header, aligned quote lines and a summary") {
    std::ostringstream out;
    TextPrinter printer(&out);
    printer.OnDocument(testing::PrinterTestResult());

    DocumentResult empty;
    empty.doc.id = "b.txt";
    printer.OnDocument(empty);

    DocumentResult failed;
    failed.doc.id = "c.txt";
    failed.failed = true;
    failed.error_message = "cannot open";
    printer.OnDocument(failed);

    RunSummary summary;
    summary.documents = 3;
    summary.failed = 1;
    summary.quotes = 2;
    summary.bytes = 62;
    summary.seconds = 0.0042;
    printer.OnFinish(summary);

    CHECK(
        out.str() ==
        "a.txt  (Reuters, 2024-01-02)\n"
        "  1:1  (unattributed)  term     \xE2\x80\x9CIntro\xE2\x80\x9D\n"
        "  2:4  Donald Trump    direct   \xE2\x80\x9CI think so, \xE2\x80\xA6 really.\xE2\x80\x9D\n"
        "b.txt\n"
        "  (no quotations)\n"
        "3 documents (1 failed), 2 quotes, 1 unattributed, 62 bytes in 0.004 s\n");
  }

  TEST_CASE("FormatSummaryLine uses the singular for one") {
    RunSummary summary;
    summary.documents = 1;
    summary.quotes = 1;
    summary.bytes = 10;
    CHECK(FormatSummaryLine(summary, 0) ==
          "1 document (0 failed), 1 quote, 0 unattributed, 10 bytes in 0.000 s");
  }

  TEST_CASE("FormatDocumentHeader shows outlet and date when known") {
    Document doc;
    doc.id = "x.json#3";
    CHECK(FormatDocumentHeader(doc) == "x.json#3");
    doc.meta.date = "2025-08-19";
    CHECK(FormatDocumentHeader(doc) == "x.json#3  (2025-08-19)");
    doc.meta.outlet = "AP";
    CHECK(FormatDocumentHeader(doc) == "x.json#3  (AP, 2025-08-19)");
  }
}

}  // namespace quotecheck
