#pragma once
/// The extraction passes for one document: scan the quote marks into quotations,
/// attribute them, classify their kind. Const and thread-safe; one instance serves all
/// threads.

#include "attribute/attributor.h"
#include "attribute/speaker_key.h"
#include "core/document_result.h"
#include "extract/quote_kind.h"

namespace quotecheck {

class QuoteExtractor {
 public:
  explicit QuoteExtractor(const Attributor* attributor);

  /// Fills result->quotes and appends warnings (unbalanced-quote) to result->diagnostics.
  /// Does nothing for a failed result. For a primary source (`primary`, or role "primary"
  /// in its metadata) the sentences of its transcript turns are quotations too (see
  /// extract/transcript_turns.h). A draft (Document::scan_text set) is scanned on its
  /// mask, and its block quotations that no marked quotation overlaps become direct
  /// quotations before attribution; a quotation of a reference such as &ldquo;…&rdquo; has
  /// open_mark at the "&" and close_mark_end past the ";". All offsets are into doc.text.
  void Process(DocumentResult* result, bool primary = false) const;

 private:
  const Attributor* attributor_;
  SpeakerKeyer keyer_;
  QuoteKindClassifier kinds_;
  std::vector<std::string> title_words_;
};

}  // namespace quotecheck
