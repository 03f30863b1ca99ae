#include "extract/quote_extractor.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "core/hash.h"
#include "core/line_index.h"
#include "core/pass_timer.h"
#include "extract/quote_scanner.h"
#include "extract/transcript_turns.h"

namespace quotecheck {
namespace {

// A mark the mask got from a character reference (&ldquo;) or a Markdown escape (\")
// stands for all of it: the quotation's marks widen to the reference, so that open_mark is
// at its "&" and close_mark_end past its ";" (see ingest/draft_mask.h).
void WidenReferenceMarks(std::string_view text, std::string_view mask, Quote* q) {
  constexpr size_t kMaxReference = 32;
  auto padding = [&](size_t i) { return mask[i] == ' ' && text[i] != ' '; };
  size_t open = q->open_mark;
  if (text[open] != mask[open] && text[open] != '&' && text[open] != '\\') {
    size_t p = open;
    while (p > 0 && open - p < kMaxReference && padding(p - 1)) {
      if (text[--p] == '&' || text[p] == '\\') {
        q->open_mark = p;
        break;
      }
    }
  }
  size_t close = q->spans.back().end;
  if (close < q->close_mark_end && text[close] != mask[close]) {
    if (text[close] == '\\') {
      q->close_mark_end = std::max(q->close_mark_end, close + 2);
    } else if (text[close] == '&') {
      size_t semi = text.find(';', close);
      if (semi != std::string_view::npos && semi - close < kMaxReference) {
        q->close_mark_end = std::max(q->close_mark_end, semi + 1);
      }
    }
  }
}

// Adds the block quotations that no marked quotation overlaps, as quotations without marks
// (open_mark and close_mark_end at the content's ends), keeping `quotes` in text order.
void AddBlockQuotes(const std::vector<BlockQuote>& blocks, std::vector<Quote>* quotes) {
  std::vector<Quote> merged;
  merged.reserve(quotes->size() + blocks.size());
  size_t k = 0;
  for (const BlockQuote& b : blocks) {
    while (k < quotes->size() && (*quotes)[k].close_mark_end <= b.content.start) {
      merged.push_back(std::move((*quotes)[k++]));
    }
    bool covered = k < quotes->size() && (*quotes)[k].open_mark < b.content.end;
    if (covered || b.content.empty()) continue;
    Quote q;
    q.spans.push_back(b.content);
    q.open_mark = b.content.start;
    q.close_mark_end = b.content.end;
    merged.push_back(std::move(q));
  }
  while (k < quotes->size()) merged.push_back(std::move((*quotes)[k++]));
  *quotes = std::move(merged);
}

}  // namespace

QuoteExtractor::QuoteExtractor(const Attributor* attributor)
    : attributor_(attributor),
      keyer_([attributor](const std::string& name) -> const std::vector<std::string>& {
        return attributor->Lexicon(name);
      }),
      kinds_(attributor->Lexicon("term_cue"), attributor->Lexicon("work_noun"),
             attributor->Lexicon("cue")) {
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
  if (result->failed || result->skipped) return;
  // Drafts are scanned on their mask, which has the offsets of the text (see Document).
  const Document& doc = result->doc;
  const bool masked = !doc.scan_text.empty() && doc.scan_text.size() == doc.text.size();
  const std::string& text = masked ? doc.scan_text : doc.text;
  ExtractPassTimes unused;
  ExtractPassTimes& times = times_ != nullptr ? *times_ : unused;
  CpuLapTimer laps(times_ != nullptr);

  // Pass 1: pair the quote marks.
  ScanResult scan = ScanQuotations(text, result->doc.body_start);
  if (!scan.issues.empty()) {
    LineIndex lines(doc.text);
    const size_t first = result->diagnostics.size();
    for (const ScanIssue& issue : scan.issues) {
      result->diagnostics.push_back(DiagnosticAt(Severity::kWarning, result->doc.path, lines,
                                                 issue.offset, issue.message, "unbalanced-quote"));
    }
    PlaceInRecord(doc.id, doc.record_line, first, &result->diagnostics);
  }
  std::vector<Quote>& quotes = result->quotes;
  quotes.clear();
  quotes.reserve(scan.quotes.size());
  for (const ScannedQuote& s : scan.quotes) {
    Quote q;
    if (s.parts.empty()) {
      q.spans.push_back(s.content);
    } else {
      q.spans = s.parts;
    }
    q.open_mark = s.open_mark;
    q.close_mark_end = s.close_mark_end;
    if (masked) WidenReferenceMarks(doc.text, text, &q);
    quotes.push_back(std::move(q));
  }
  if (masked && !doc.block_quotes.empty()) AddBlockQuotes(doc.block_quotes, &quotes);
  laps.LapInto(&times.scan_ns);

  // Pass 2: attribution (may join interrupted quotations).
  attributor_->Attribute(text, quotes);
  laps.LapInto(&times.attribute_ns);

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
    if (q.open_mark == q.start()) continue;  // a block quotation (drafts): direct
    q.kind = kinds_.Classify(text, q);
    if (q.kind == QuoteKind::kTerm) {
      q.speaker.reset();
      q.speaker_mention.reset();
      q.cue.reset();
      q.rule.clear();
      q.confidence = 0;
    }
  }

  laps.LapInto(&times.kinds_ns);

  // Pass 5: each speaker's identity across documents, worked out once a document: most
  // speakers are quoted more than once (real news: 9,245 speakers, 3,836 distinct in their
  // document).
  std::unordered_map<std::string_view, const Quote*, TextHash, std::equal_to<>> keyed;
  for (Quote& q : quotes) {
    q.speaker_key.reset();
    if (!q.speaker) continue;
    if (auto [it, fresh] = keyed.emplace(*q.speaker, &q); !fresh) {
      q.speaker_key = it->second->speaker_key;
      continue;
    }
    std::string key = keyer_.Key(*q.speaker);
    if (!key.empty()) q.speaker_key = std::move(key);
  }
  laps.LapInto(&times.keys_ns);
}

}  // namespace quotecheck
