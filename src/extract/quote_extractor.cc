#include "extract/quote_extractor.h"

namespace quotecheck {

QuoteExtractor::QuoteExtractor(const Attributor* attributor) : attributor_(attributor) {}

// Work in progress: the scanner lands next.
void QuoteExtractor::Process(DocumentResult* result) const { (void)result; }

}  // namespace quotecheck
