#include "extract/quote_extractor.h"

#include "core/line_index.h"
#include "extract/quote_scanner.h"

namespace quotecheck {

QuoteExtractor::QuoteExtractor(const Attributor* attributor)
    : attributor_(attributor), kinds_(attributor->Lexicon("term_cue")) {}

void QuoteExtractor::Process(DocumentResult* result) const {
  if (result->failed) return;
  const std::string& text = result->doc.text;

  // Pass 1: pair the quote marks.
  ScanResult scan = ScanQuotations(text, result->doc.body_start);
  if (!scan.issues.empty()) {
    LineIndex lines(text);
    for (const ScanIssue& issue : scan.issues) {
      result->diagnostics.push_back(DiagnosticAt(Severity::kWarning, result->doc.path, lines,
                                                 issue.offset, issue.message, "unbalanced-quote"));
    }
  }
  std::vector<Quote>& quotes = result->quotes;
  quotes.clear();
  quotes.reserve(scan.quotes.size());
  for (const ScannedQuote& s : scan.quotes) {
    Quote q;
    q.spans.push_back(s.content);
    q.open_mark = s.open_mark;
    q.close_mark_end = s.close_mark_end;
    quotes.push_back(std::move(q));
  }

  // Pass 2: attribution (may join interrupted quotations).
  attributor_->Attribute(text, quotes);

  // Pass 3: kinds. A term is nobody's speech.
  for (Quote& q : quotes) {
    q.kind = kinds_.Classify(text, q);
    if (q.kind == QuoteKind::kTerm) {
      q.speaker.reset();
      q.speaker_mention.reset();
      q.cue.reset();
      q.rule.clear();
      q.confidence = 0;
    }
  }
}

}  // namespace quotecheck
