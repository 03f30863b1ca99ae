#pragma once
/// The extraction passes for one document: scan the quote marks into quotations, classify
/// their kind, attribute them. Const and thread-safe; one instance serves all threads.

#include "attribute/attributor.h"
#include "core/document_result.h"

namespace quotecheck {

class QuoteExtractor {
 public:
  explicit QuoteExtractor(const Attributor* attributor);

  /// Fills result->quotes and appends warnings (unbalanced-quote) to result->diagnostics.
  /// Does nothing for a failed result.
  void Process(DocumentResult* result) const;

 private:
  const Attributor* attributor_;
};

}  // namespace quotecheck
