#include "extract/quote_extractor.h"

#include "core/line_index.h"
#include "extract/quote_scanner.h"
#include "extract/transcript_turns.h"

namespace quotecheck {

QuoteExtractor::QuoteExtractor(const Attributor* attributor)
    : attributor_(attributor), kinds_(attributor->Lexicon("term_cue")) {
  for (const std::string& title : attributor->Lexicon("title")) {
    size_t i = 0;
    while (i < title.size()) {
      size_t j = title.find(' ', i);
      if (j == std::string::npos) j = title.size();
      if (j > i) title_words_.push_back(title.substr(i, j - i));
      i = j + 1;
    }
  }
}

void QuoteExtractor::Process(DocumentResult* result, bool primary) const {
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

  // Pass 3 (primary sources): the sentences of transcript turns, where no marked quotation
  // covers them.
  if (primary || result->doc.meta.role == "primary") {
    std::vector<Quote> turns = TranscriptQuotes(text, result->doc.body_start, title_words_);
    if (!turns.empty()) {
      std::vector<Quote> merged;
      merged.reserve(quotes.size() + turns.size());
      size_t k = 0;
      for (Quote& t : turns) {
        while (k < quotes.size() && quotes[k].close_mark_end <= t.start()) {
          merged.push_back(std::move(quotes[k++]));
        }
        bool covered = k < quotes.size() && quotes[k].open_mark < t.end();
        if (!covered) merged.push_back(std::move(t));
      }
      while (k < quotes.size()) merged.push_back(std::move(quotes[k++]));
      quotes = std::move(merged);
    }
  }

  // Pass 4: kinds. A term is nobody's speech. Transcript sentences stay direct.
  for (Quote& q : quotes) {
    if (q.rule == "transcript/turn") continue;
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
