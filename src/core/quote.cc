#include "core/quote.h"

namespace quotecheck {

std::string_view QuoteKindName(QuoteKind kind) {
  switch (kind) {
    case QuoteKind::kDirect:
      return "direct";
    case QuoteKind::kPartial:
      return "partial";
    case QuoteKind::kTerm:
      return "term";
  }
  return "direct";
}

}  // namespace quotecheck
