#pragma once
/// The built-in rules (rules/ as compiled into quotecheck) and an extractor over them, loaded
/// once for all the unit tests that extract or attribute text.

#include "attribute/attributor.h"
#include "attribute/rule_set.h"
#include "core/diagnostic.h"
#include "extract/quote_extractor.h"

namespace quotecheck::testing {

/// The built-in rule set.
inline const RuleSet& BuiltinRules() {
  static const RuleSet rules = [] {
    RuleSet r;
    Diagnostics diagnostics;
    LoadRuleSet({}, &r, &diagnostics);
    return r;
  }();
  return rules;
}

/// An extractor (scan, attribute, kinds) with the built-in rules.
inline const QuoteExtractor& BuiltinExtractor() {
  static const Attributor attributor(&BuiltinRules());
  static const QuoteExtractor extractor(&attributor);
  return extractor;
}

}  // namespace quotecheck::testing
