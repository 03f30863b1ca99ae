#pragma once
/// A small document with two quotations, shared by the printer tests.

#include "core/document_result.h"

namespace quotecheck::testing {

// Line 2 starts at byte 12; “ is 3 bytes. Offsets:
//   Intro [0,5)  I think so, [17,28)  Trump [32,37)  whispered [38,47)  really. [52,59)
inline constexpr char kPrinterTestText[] =
    "Intro line.\n"
    "  \xE2\x80\x9CI think so,\xE2\x80\x9D Trump whispered, \xE2\x80\x9Creally.\xE2\x80\x9D\n";

inline DocumentResult PrinterTestResult() {
  DocumentResult result;
  result.doc.id = "a.txt";
  result.doc.path = "a.txt";
  result.doc.text = kPrinterTestText;
  result.doc.meta.outlet = "Reuters";
  result.doc.meta.date = "2024-01-02";

  Quote term;
  term.spans = {{0, 5}};
  term.kind = QuoteKind::kTerm;
  result.quotes.push_back(term);

  Quote direct;
  direct.spans = {{17, 28}, {52, 59}};
  direct.kind = QuoteKind::kDirect;
  direct.speaker = "Donald Trump";
  direct.speaker_mention = TextRef{{32, 37}, "Trump"};
  direct.cue = TextRef{{38, 47}, "whispered"};
  direct.rule = "after-quote/name-verb";
  direct.confidence = 0.93;
  result.quotes.push_back(direct);
  return result;
}

}  // namespace quotecheck::testing
