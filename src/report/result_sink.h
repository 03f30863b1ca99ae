#pragma once
/// Sinks receive results in input order (ripgrep-style): each output format is one sink
/// over the same result model. A sink writes to the stream it was given and never exits.

#include "core/document_result.h"

namespace quotecheck {

class ResultSink {
 public:
  virtual ~ResultSink() = default;
  /// One document, in input order. Failed documents are delivered too.
  virtual void OnDocument(const DocumentResult& result) = 0;
  /// After the last document.
  virtual void OnFinish(const RunSummary& summary) = 0;
};

}  // namespace quotecheck
