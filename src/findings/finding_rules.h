#pragma once
/// The one table of finding rules: every command (check, lint, diff) reports these ids,
/// every printer (text, JSONL, SARIF, HTML, GitHub) describes them from here, and
/// `.quotecheck.toml` severities name them. Ids are stable across versions.

#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace quotecheck {

/// Which commands report a rule (bit set).
enum RuleCommand : unsigned {
  kRuleCheck = 1u << 0,
  kRuleLint = 1u << 1,  // lint and diff
};

/// A finding rule as reports describe it.
struct RuleInfo {
  std::string_view id;    // "wording-divergence"
  std::string_view name;  // "WordingDivergence"
  std::string_view short_description;
  std::string_view full_description;
  std::string_view help_markdown;  // what to do about it
  Severity default_severity = Severity::kWarning;
  unsigned commands = kRuleCheck | kRuleLint;
};

/// Every rule: check's, then lint's own (unverified-quote, truncated-quote).
const std::vector<RuleInfo>& KnownRules();

/// The rule with this id, or a generic description (named from the id) for an unknown one.
RuleInfo DescribeRule(std::string_view id);

/// The ids of the rules a command reports (kRuleCheck or kRuleLint), in table order.
std::vector<std::string_view> RuleIdsFor(RuleCommand command);

/// A finding's severity after its confidence: below kLowConfidence it drops one level
/// (error → warning → info): the evidence is too thin for the full claim.
Severity SeverityForConfidence(Severity severity, double confidence);

/// See SeverityForConfidence.
inline constexpr double kLowConfidence = 0.7;

}  // namespace quotecheck
