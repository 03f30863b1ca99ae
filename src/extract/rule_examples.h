#pragma once
/// Runs every rule's examples through the real extraction passes.
///
/// Each example text becomes a one-document input for QuoteExtractor (scan, attribute,
/// kinds) with an Attributor over the whole RuleSet, so that an example checks what the
/// rule does among all the others, priorities included:
///   - a `match` example passes when the FIRST quotation of its text is attributed by its
///     own rule (quote.rule == rule.id) with the speaker mention text it names;
///   - a `no_match` example passes when the first quotation is not attributed by its own
///     rule, or when the text holds no quotation.
/// `quotecheck rules test` prints the failures and the totals.

#include <string>
#include <vector>

#include "attribute/rule_set.h"
#include "core/diagnostic.h"

namespace quotecheck {

/// What one example gave.
struct RuleExampleResult {
  std::string rule_id;  // the rule the example belongs to
  RuleExample example;
  bool passed = false;
  bool found_quote = false;  // whether the example text held a quotation at all
  std::string got_rule;      // rule id on the first quotation ("" when unattributed)
  std::string got_speaker;   // its speaker_mention text ("" when none)
};

struct RuleExampleReport {
  /// One per example, in rule order, then in the order the examples are written.
  std::vector<RuleExampleResult> results;
  size_t passed = 0;
  size_t failed = 0;
  /// One error per failed example, at the example's line:col in its rule file, with the
  /// source line when the file can be read.
  Diagnostics diagnostics;
};

/// Runs the examples of every rule of `rules` (a RuleSet loaded without errors).
RuleExampleReport RunRuleExamples(const RuleSet& rules);

/// The error message for a failed example (without position), e.g.
/// "rule 'after/dash': example did not match: got rule 'after/cue-speaker', speaker 'Ilse
/// Varga' (want 'Ilse Varga')".
std::string RuleExampleFailureMessage(const RuleExampleResult& result);

}  // namespace quotecheck
