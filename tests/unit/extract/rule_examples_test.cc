#include "extract/rule_examples.h"

#include <doctest/doctest.h>

#include <string>

namespace quotecheck {
namespace {

// A rule file without macros, so that it loads alone, without the built-in rules.
constexpr const char kRules[] = R"TOML(
[[rules]]
id = "test/name-said"
side = "after"
priority = 30
pattern = '''^[ \t]*,?[ \t]*(?P<speaker>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)*)[ \t]+(?P<cue>said)\b'''
match = [
  { text = "“We will rebuild,” Ada Quell said.", speaker = "Ada Quell" },
  { text = "“We will rebuild,” Ada Quell said.", speaker = "Quell" },
  { text = "No quotation here, Ada Quell said.", speaker = "Ada Quell" },
]
no_match = [
  "“We will rebuild,” and the crowd cheered.",
  "Nothing quoted at all.",
  "“We will rebuild,” Ada Quell said.",
]
)TOML";

RuleSet LoadRules() {
  RuleSet rules;
  Diagnostics diagnostics;
  ParseRuleFile("test.toml", kRules, &rules, &diagnostics);
  FinishRuleSet(&rules, &diagnostics);
  REQUIRE(diagnostics.empty());
  return rules;
}

}  // namespace

TEST_SUITE("extract") {
  TEST_CASE("RunRuleExamples passes and fails each example by the first quotation") {
    const RuleSet rules = LoadRules();
    const RuleExampleReport report = RunRuleExamples(rules);
    struct Want {
      bool passed;
      bool found_quote;
      const char* got_rule;
      const char* got_speaker;
    };
    const Want wants[] = {
        {true, true, "test/name-said", "Ada Quell"},   // match
        {false, true, "test/name-said", "Ada Quell"},  // match, wrong speaker
        {false, false, "", ""},                        // match, no quotation
        {true, true, "", ""},                          // no_match, unattributed
        {true, false, "", ""},                         // no_match, no quotation
        {false, true, "test/name-said", "Ada Quell"},  // no_match, attributed by the rule
    };
    REQUIRE(report.results.size() == std::size(wants));
    for (size_t i = 0; i < std::size(wants); ++i) {
      CAPTURE(i);
      const RuleExampleResult& r = report.results[i];
      CHECK(r.rule_id == "test/name-said");
      CHECK(r.passed == wants[i].passed);
      CHECK(r.found_quote == wants[i].found_quote);
      CHECK(r.got_rule == wants[i].got_rule);
      CHECK(r.got_speaker == wants[i].got_speaker);
    }
    CHECK(report.passed == 3);
    CHECK(report.failed == 3);
  }

  TEST_CASE("A failed example is an error at its own line:col in the rule file") {
    const RuleSet rules = LoadRules();
    const RuleExampleReport report = RunRuleExamples(rules);
    REQUIRE(report.diagnostics.size() == 3);
    // The rule file is not on disk: no source line.
    CHECK(FormatDiagnostic(report.diagnostics[0]) ==
          "test.toml:9:3: error: rule 'test/name-said': example did not match: got rule "
          "'test/name-said', speaker 'Ada Quell' (want 'Quell')\n");
    CHECK(FormatDiagnostic(report.diagnostics[1]) ==
          "test.toml:10:3: error: rule 'test/name-said': example did not match: found no "
          "quotation (want 'Ada Quell')\n");
    CHECK(FormatDiagnostic(report.diagnostics[2]) ==
          "test.toml:15:3: error: rule 'test/name-said': no_match example was attributed by "
          "this rule: got speaker 'Ada Quell'\n");
  }

  TEST_CASE("The failure message names what the first quotation got") {
    RuleExampleResult r;
    r.rule_id = "after/dash";
    r.example.speaker = "Ilse Varga";
    r.found_quote = true;
    CHECK(RuleExampleFailureMessage(r) ==
          "rule 'after/dash': example did not match: got no attribution (want 'Ilse Varga')");
    r.got_rule = "after/speaker-cue";
    r.got_speaker = "Varga";
    CHECK(RuleExampleFailureMessage(r) ==
          "rule 'after/dash': example did not match: got rule 'after/speaker-cue', speaker "
          "'Varga' (want 'Ilse Varga')");
  }

  TEST_CASE("A built-in rule's failure shows the rule file's line and a caret") {
    RuleSet rules;
    Diagnostics diagnostics;
    REQUIRE(LoadRuleSet({}, &rules, &diagnostics));
    // An example that cannot pass, on the first rule of a built-in file.
    AttributionRule& rule = rules.rules.front();
    RuleExample example;
    example.text = "Nothing quoted.";
    example.speaker = "Nobody";
    example.file = rule.file;
    example.line = rule.line;
    example.col = 1;
    rule.examples = {example};
    for (size_t i = 1; i < rules.rules.size(); ++i) rules.rules[i].examples.clear();
    const RuleExampleReport report = RunRuleExamples(rules);
    REQUIRE(report.diagnostics.size() == 1);
    CHECK(report.diagnostics[0].path == rule.file);
    CHECK(report.diagnostics[0].source_line == "[[rules]]");
    CHECK(FormatDiagnostic(report.diagnostics[0]).ends_with("\n[[rules]]\n^\n"));
  }
}

}  // namespace quotecheck
