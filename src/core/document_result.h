#pragma once
/// What processing one input document produced: the quotes, the warnings, or the error
/// that stopped it. This is the unit that flows from the passes into the sinks.

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/document.h"
#include "core/quote.h"

namespace quotecheck {

struct DocumentResult {
  /// Sequence number in input order; sinks receive results in this order.
  size_t sequence = 0;
  Document doc;
  std::vector<Quote> quotes;
  /// Warnings about the document (invalid UTF-8, unbalanced quotes, …) and, when
  /// `failed`, the error that stopped it.
  Diagnostics diagnostics;
  /// True when the document could not be read or parsed; `doc.id` still names it and
  /// `error_message` says why (it goes into the contract's "error" record).
  bool failed = false;
  std::string error_message;
  /// True when this is no document but a notice in input order: a JSON record without a
  /// text field, skipped, carrying its file's one warning. It is counted nowhere.
  bool skipped = false;
};

/// Totals for the contract's "summary" record.
struct RunSummary {
  size_t documents = 0;  // every input document read, failed ones included
  size_t failed = 0;
  size_t quotes = 0;
  size_t clusters = 0;
  size_t findings = 0;
  size_t bytes = 0;  // bytes of document text processed
  double seconds = 0.0;
};

}  // namespace quotecheck
