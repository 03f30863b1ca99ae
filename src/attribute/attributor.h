#pragma once
/// Attribution: gives each quotation its speaker, speaker mention and cue, using the
/// patterns of a RuleSet on a bounded window around the quotation, then resolves pronouns,
/// inherits speakers for uncued quotations and makes names canonical within the document.

#include <string_view>
#include <vector>

#include "attribute/rule_set.h"
#include "core/quote.h"

namespace quotecheck {

class Attributor {
 public:
  explicit Attributor(const RuleSet* rules);

  /// Attributes `quotes` (sorted by position, from the scanner) in place. `text` is the
  /// whole document text. Const and thread-safe.
  void Attribute(std::string_view text, std::vector<Quote>& quotes) const;

 private:
  const RuleSet* rules_;
};

}  // namespace quotecheck
