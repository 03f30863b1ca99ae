#pragma once
/// A CheckResult built from a few invented quotations, for the unit tests of
/// cross-referencing and findings.

#include <optional>
#include <string>
#include <vector>

#include "core/check_model.h"

namespace quotecheck::testing {

struct TestQuote {
  uint32_t doc;
  const char* text;
  const char* speaker;            // null: none
  const char* mention = nullptr;  // the mention when it is not the speaker's name ("he")
  const char* rule = "after/speaker-cue";
};

/// Documents "doc0", "doc1", … dated `dates` (document `primary` a primary source) and the
/// quotations, each with an explicit attribution to its speaker (see Attribute in
/// unit/builtin_extractor.h) unless `mention` or `rule` say otherwise.
inline CheckResult BuildCheckResult(const std::vector<const char*>& dates,
                                    const std::vector<TestQuote>& quotes,
                                    std::optional<uint32_t> primary = std::nullopt) {
  CheckResult r;
  for (size_t d = 0; d < dates.size(); ++d) {
    DocumentInfo info;
    info.id = info.path = "doc" + std::to_string(d);
    info.meta.date = dates[d];
    info.primary = primary && *primary == d;
    r.documents.push_back(info);
  }
  size_t offset = 0;
  for (const TestQuote& q : quotes) {
    QuoteRecord rec;
    rec.doc = q.doc;
    rec.text = q.text;
    rec.start = offset;
    rec.end = offset + rec.text.size();
    rec.spans = {{rec.start, rec.end}};
    rec.line = rec.col = 1;
    if (q.speaker) {
      rec.speaker = q.speaker;
      rec.speaker_mention = TextRef{{}, q.mention ? q.mention : q.speaker};
      rec.rule = q.rule;
      rec.confidence = 0.95;
    }
    offset = rec.end + 10;
    r.quotes.push_back(rec);
  }
  return r;
}

}  // namespace quotecheck::testing
