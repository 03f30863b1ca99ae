#pragma once
/// The result model that every printer reads: the quotations found in one document, with
/// their kind and attribution. Field meanings follow docs/output-contract.md.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/byte_span.h"

namespace quotecheck {

enum class QuoteKind { kDirect, kPartial, kTerm };

std::string_view QuoteKindName(QuoteKind kind);

/// Words of the document that name the speaker or the cue.
struct TextRef {
  ByteSpan span;
  std::string text;
};

struct Quote {
  /// The quoted words without their enclosing marks; several when the attribution
  /// interrupts the quotation (“A,” she said, “B.”). Never empty.
  std::vector<ByteSpan> spans;
  /// Byte offset of the opening quote mark (of the first span).
  size_t open_mark = 0;
  /// Byte offset just past the closing mark of the last span (== its end when unclosed).
  size_t close_mark_end = 0;
  QuoteKind kind = QuoteKind::kDirect;

  std::optional<std::string> speaker;  // canonical name within the document
  /// The speaker's identity across documents (attribute/speaker_key.h); set with `speaker`.
  std::optional<std::string> speaker_key;
  std::optional<TextRef> speaker_mention;
  std::optional<TextRef> cue;
  std::string rule;  // id of the attribution rule, "inherited/…" or empty
  double confidence = 0.0;

  size_t start() const { return spans.front().start; }
  size_t end() const { return spans.back().end; }
};

}  // namespace quotecheck
