#include "findings/finding_rules.h"

#include <doctest/doctest.h>

#include <set>

namespace quotecheck {

TEST_SUITE("findings") {
  TEST_CASE("KnownRules: one entry per id, each described") {
    std::set<std::string_view> ids;
    for (const RuleInfo& rule : KnownRules()) {
      CAPTURE(rule.id);
      CHECK(ids.insert(rule.id).second);
      CHECK_FALSE(rule.name.empty());
      CHECK_FALSE(rule.short_description.empty());
      CHECK_FALSE(rule.help_markdown.empty());
      CHECK(rule.commands != 0u);
    }
  }

  TEST_CASE("RuleIdsFor: the rules each command reports") {
    const std::vector<std::string_view> lint = RuleIdsFor(kRuleLint);
    const std::vector<std::string_view> want = {"wording-divergence", "misattribution",
                                                "unbalanced-quote",   "unattributed-quote",
                                                "unverified-quote",   "truncated-quote"};
    CHECK(lint == want);
    const std::vector<std::string_view> check = RuleIdsFor(kRuleCheck);
    CHECK(check.size() == 6);
    CHECK(DescribeRule("no-such-rule").id == "no-such-rule");
  }

  TEST_CASE("SeverityForConfidence lowers thin findings one level") {
    CHECK(SeverityForConfidence(Severity::kError, 0.9) == Severity::kError);
    CHECK(SeverityForConfidence(Severity::kError, 0.5) == Severity::kWarning);
    CHECK(SeverityForConfidence(Severity::kWarning, 0.5) == Severity::kInfo);
    CHECK(SeverityForConfidence(Severity::kInfo, 0.1) == Severity::kInfo);
  }
}

}  // namespace quotecheck
