#pragma once
/// The extraction passes for one document: scan the quote marks into quotations,
/// attribute them, classify their kind. Const and thread-safe; one instance serves all
/// threads.

#include <atomic>
#include <cstdint>

#include "attribute/attributor.h"
#include "attribute/speaker_key.h"
#include "core/document_result.h"
#include "extract/quote_kind.h"

namespace quotecheck {

/// CPU time spent in each extraction pass, in nanoseconds summed over documents and threads:
/// the per-pass breakdown of QUOTECHECK_TIMING=1 (scripts/bench; see core/pass_timer.h).
/// Atomic because worker threads add to it concurrently.
struct ExtractPassTimes {
  std::atomic<uint64_t> scan_ns{0};       // pairing quote marks
  std::atomic<uint64_t> attribute_ns{0};  // rules, joining, speaker resolution
  std::atomic<uint64_t> kinds_ns{0};      // transcript turns and quotation kinds
  std::atomic<uint64_t> keys_ns{0};       // speaker keys
};

class QuoteExtractor {
 public:
  explicit QuoteExtractor(const Attributor* attributor);

  /// Makes Process add the time of each pass to `*times` (which must outlive this
  /// extractor); null, the default, measures nothing.
  void set_pass_times(ExtractPassTimes* times) { times_ = times; }

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
  ExtractPassTimes* times_ = nullptr;
};

}  // namespace quotecheck
