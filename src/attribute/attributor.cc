#include "attribute/attributor.h"

namespace quotecheck {

Attributor::Attributor(const RuleSet* rules) : rules_(rules) {}

// Work in progress: the rule engine lands next.
void Attributor::Attribute(std::string_view text, std::vector<Quote>& quotes) const {
  (void)text;
  (void)quotes;
  (void)rules_;
}

}  // namespace quotecheck
