#include "attribute/match_starts.h"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include <random>
#include <string>
#include <vector>

#include "attribute/rule_set.h"
#include "unit/attribute/random_symbols.h"

namespace quotecheck {
namespace {

// How often texts matched and how often a check ruled them out.
struct Tally {
  int matched = 0, ruled_out = 0;
};

// For 4,000 random texts of symbols 1..`symbols`, 0..`max_length` long, a pattern: where
// `can(text)` (a check made from the pattern) is false, `found(regex, text)` must be too.
template <typename Make, typename Found>
Tally CheckRulesOutOnlyMisses(const std::vector<const char*>& patterns, uint32_t seed, int symbols,
                              int max_length, Make make, Found found) {
  RandomSymbols texts(seed, std::vector<double>(symbols, 1.0), max_length);
  Tally tally;
  for (const char* pattern : patterns) {
    CAPTURE(pattern);
    RE2 regex(pattern, Latin1Options());
    REQUIRE(regex.ok());
    const auto can = make(pattern);
    for (int n = 0; n < 4000; ++n) {
      const std::string s = texts.Next();
      const bool hit = found(regex, s);
      if (hit) ++tally.matched;
      if (!can(s)) {
        ++tally.ruled_out;
        REQUIRE_FALSE(hit);
      }
    }
  }
  return tally;
}

TEST_CASE("MatchStarts::Of: the symbols and places a match can start at") {
  auto starts = MatchStarts::Of(R"((?:^|[\x{1}\x{3}-\x{5}][\x{7}]*|[\x{9}]+)[\x{2}]*$)");
  REQUIRE(starts);
  const std::string s = "\x01\x02\x03\x06\x09\x05\x07";
  std::vector<size_t> at;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (starts->CanStartAt(s, i)) at.push_back(i);
  }
  CHECK(at == std::vector<size_t>{0, 2, 4, 5});
  CHECK(starts->CanStartAt("", 0));  // the leading ^

  starts = MatchStarts::Of(R"((?P<speaker>[^\x{1}\x{2}])\x{3}$)");
  REQUIRE(starts);
  CHECK_FALSE(starts->CanStartAt("\x01\x02", 0));
  CHECK(starts->CanStartAt("\x01\x04", 1));
  CHECK_FALSE(starts->CanStartAt("", 0));

  starts = MatchStarts::Of(R"(^[\x{2}]?[\x{3}]$)");
  REQUIRE(starts);
  CHECK(starts->CanStartAt("\x03", 0));
  CHECK_FALSE(starts->CanStartAt("\x02\x03", 1));
}

TEST_CASE("MatchStarts::Of: nothing known when a start could be anywhere") {
  for (const char* re : {
           R"((?:^|[\x{1}])[\x{2}]*)",          // no $ at the end
           R"([\x{1}][\x{2}]*$|[\x{3}]$)",      // top-level |
           R"((?:^|[\x{1}])?[\x{2}]*$)",        // optional leading group
           R"((?:^|[\x{1}])*[\x{2}]*$)",        // repeated leading group
           R"([\x{1}]?[\x{2}]$)",               // optional leading class
           R"([\x{1}]{0,2}[\x{2}]$)",           // counted leading class
           R"((?:^||[\x{1}])[\x{2}]$)",         // an empty alternative
           R"((?:[\x{1}]?[\x{2}]|^)[\x{2}]$)",  // an optional start in an alternative
           R"((?:(?:[\x{1}])|^)[\x{2}]$)",      // a nested group
           R"((?i)[\x{1}]$)",                   // flags
           R"(.[\x{1}]$)",                      // any symbol
           R"([\x{100}]$)",                     // no Latin-1 symbol
           R"(([\x{1}])[\x{2}]$)",              // a plain group
           R"([\x{1}][\x{2}](?:$))",            // the $ is inside a group
       }) {
    CAPTURE(re);
    CHECK_FALSE(MatchStarts::Of(re));
  }
}

TEST_CASE("MatchStarts::Search finds what RE2's unanchored search finds") {
  const char* patterns[] = {
      R"((?:^|[\x{1}\x{2}][\x{3}]*[\x{4}]+|[\x{5}])[\x{4}]?(?P<speaker>[\x{3}\x{6}]+)[\x{4}](?:[^\x{1}\x{2}\x{5}]|[\x{6}][\x{1}])*$)",
      R"((?P<speaker>[\x{1}\x{3}][\x{4}]*?)[\x{2}\x{4}]+$)",
      R"(^[\x{6}]*(?P<speaker>[\x{3}])[^\x{5}]*$)",
  };
  RandomSymbols texts(20261206, std::vector<double>(6, 1.0), 24);
  int matched = 0;
  for (const char* pattern : patterns) {
    RE2 regex(pattern, Latin1Options());
    REQUIRE(regex.ok());
    auto starts = MatchStarts::Of(pattern);
    REQUIRE(starts);
    for (int n = 0; n < 4000; ++n) {
      const std::string s = texts.Next();
      re2::StringPiece expected, found;
      const bool want = regex.Match(s, 0, s.size(), RE2::UNANCHORED, &expected, 1);
      const bool got = starts->Search(regex, s, &found);
      REQUIRE(got == want);
      if (want) {
        ++matched;
        REQUIRE(found.data() == expected.data());
        REQUIRE(found.size() == expected.size());
      }
    }
  }
  CHECK(matched > 500);  // the comparison is not only of misses
}

TEST_CASE("MatchStarts: the built-in rule that gets them") {
  RuleSet rules;
  Diagnostics diagnostics;
  REQUIRE(LoadRuleSet({}, &rules, &diagnostics));
  std::vector<std::string> with_starts;
  for (const AttributionRule& rule : rules.rules) {
    if (rule.match_starts) with_starts.push_back(rule.id);
  }
  CHECK(with_starts == std::vector<std::string>{"weak/sentence-subject"});
}

TEST_CASE("MatchEnds::Of and CanEnd: the last required unit, then only optional ones") {
  // ":" then white space; a group whose alternatives end with "," or ":".
  auto ends = MatchEnds::Of(R"([\x{5}]+[\x{1}](?:[\x{2}]|[\x{3}])*$)");
  REQUIRE(ends);
  CHECK(ends->CanEnd("\x05\x01"));
  CHECK(ends->CanEnd("\x05\x01\x02\x03\x02"));
  CHECK_FALSE(ends->CanEnd("\x01\x04"));
  CHECK_FALSE(ends->CanEnd("\x02\x03"));
  CHECK_FALSE(ends->CanEnd(""));
  ends = MatchEnds::Of(R"((?P<speaker>[\x{5}])(?:[\x{6}][\x{2}][\x{4}]|[\x{1}\x{3}])[\x{2}]?$)");
  REQUIRE(ends);
  CHECK(ends->CanEnd("\x04\x02"));
  CHECK(ends->CanEnd("\x03"));
  CHECK_FALSE(ends->CanEnd("\x06\x02"));
  CHECK(ends->CanEnd("\x01\x02\x02"));  // a necessary condition: it does not count
  // The last required unit may repeat and be lazy; optional groups give all their symbols.
  ends = MatchEnds::Of(R"([\x{5}][\x{1}]+?(?:[\x{2}][\x{7}])?[\x{2}]*?$)");
  REQUIRE(ends);
  CHECK(ends->CanEnd("\x01\x07\x02"));
  CHECK_FALSE(ends->CanEnd("\x01\x08"));
}

TEST_CASE("MatchEnds::Of: nothing known when the end is not read") {
  for (const char* re : {
           R"([\x{1}][\x{2}]*)",               // no $
           R"([\x{1}]$|[\x{2}]$)",             // top-level |
           R"([\x{1}]?[\x{2}]*$)",             // no required unit
           R"([\x{1}](?:[\x{2}]|[\x{3}]?)$)",  // an alternative that may end with nothing
           R"([\x{1}].*$)",                    // any symbol
           R"([\x{1}](?:[\x{2}]|^)$)",         // an assertion
           R"([\x{1}]([\x{2}])$)",             // a plain group
           R"([\x{1}]\b$)",                    // an escape other than \x{…}
       }) {
    CAPTURE(re);
    CHECK_FALSE(MatchEnds::Of(re));
  }
}

TEST_CASE("MatchEnds::CanEnd is false only where RE2's search finds nothing") {
  const Tally tally = CheckRulesOutOnlyMisses(
      {
          R"((?P<speaker>[\x{3}\x{6}]+)(?:[\x{4}][\x{5}]*[\x{1}]|[\x{2}])[\x{4}]*$)",
          R"([\x{1}\x{3}](?P<cue>[\x{5}]|[\x{6}][\x{4}][\x{2}])(?:[\x{4}][\x{3}\x{1}])?[\x{4}]?$)",
          R"([\x{6}][^\x{5}]*[\x{1}][\x{2}\x{4}]*$)",
      },
      20261207, 6, 16,
      [](const char* pattern) {
        auto ends = MatchEnds::Of(pattern);
        REQUIRE(ends);
        return [ends](const std::string& s) { return ends->CanEnd(s); };
      },
      [](const RE2& regex, const std::string& s) { return RE2::PartialMatch(s, regex); });
  CHECK(tally.matched > 300);
  CHECK(tally.ruled_out > 3000);  // the check rules windows out
}

TEST_CASE("MatchEnds: the built-in rules that get them") {
  RuleSet rules;
  Diagnostics diagnostics;
  REQUIRE(LoadRuleSet({}, &rules, &diagnostics));
  std::vector<std::string> with_ends;
  for (const AttributionRule& rule : rules.rules) {
    if (rule.match_ends) with_ends.push_back(rule.id);
  }
  // Not before/according-to and before/participle: they end with optional units only, or with
  // an alternative that does.
  CHECK(with_ends == std::vector<std::string>{
                         "before/cue-colon", "before/cue-speaker-colon", "before/quoted-as-saying",
                         "before/headline-colon", "before/cue-comma", "before/comma-cue-comma",
                         "before/described-as", "before/cue-that", "before/speaker-noun-colon",
                         "before/speaker-noun", "before/cue-in-sentence", "weak/sentence-subject"});
}

TEST_CASE("MatchBegins: optional units, then the first required one") {
  auto begins = MatchBegins::Of(R"(^[\x{2}]?[\x{7}]?(?P<cue>[\x{4}]|[\x{5}][\x{5}])[\x{1}]+$)");
  REQUIRE(begins);
  CHECK(begins->CanBegin("\x04"));
  CHECK(begins->CanBegin("\x02\x07\x05\x03"));
  CHECK_FALSE(begins->CanBegin("\x01\x04"));
  CHECK_FALSE(begins->CanBegin(""));
  for (const char* re : {
           R"(^[\x{1}]?[\x{2}]*)",             // no required unit
           R"(^(?:[\x{1}]?[\x{2}]|[\x{3}]))",  // an alternative that may start with nothing
           R"([\x{1}]|[\x{2}])",               // top-level |
           R"((?i)[\x{1}])",                   // flags
           R"(^.[\x{1}])",                     // any symbol
       }) {
    CAPTURE(re);
    CHECK_FALSE(MatchBegins::Of(re));
  }
}

TEST_CASE("MatchBegins::CanBegin is false only where RE2's anchored search finds nothing") {
  const Tally tally = CheckRulesOutOnlyMisses(
      {
          R"(^[\x{2}]?[\x{6}]?[\x{2}]?(?P<cue>[\x{4}\x{5}])[\x{2}](?P<speaker>[\x{3}]+))",
          R"(^[\x{2}]*(?:[\x{1}][\x{3}]|[\x{5}])(?P<speaker>[\x{6}]))",
      },
      20261208, 6, 12,
      [](const char* pattern) {
        auto begins = MatchBegins::Of(pattern);
        REQUIRE(begins);
        return [begins](const std::string& s) { return begins->CanBegin(s); };
      },
      [](const RE2& regex, const std::string& s) {
        return regex.Match(s, 0, s.size(), RE2::ANCHOR_START, nullptr, 0);
      });
  CHECK(tally.matched > 100);
  CHECK(tally.ruled_out > 2000);
}

TEST_CASE("MatchBegins: the built-in rules that get them") {
  RuleSet rules;
  Diagnostics diagnostics;
  REQUIRE(LoadRuleSet({}, &rules, &diagnostics));
  std::vector<std::string> with_begins;
  for (const AttributionRule& rule : rules.rules) {
    if (rule.match_begins) with_begins.push_back(rule.id);
  }
  // after/speaker-cue starts with its speaker: no short set of symbols.
  CHECK(with_begins == std::vector<std::string>{"after/cue-speaker", "after/role-of-name",
                                                "after/described-name-cue", "after/described-cue",
                                                "after/according-to", "after/dash",
                                                "after/dash-line"});
}

TEST_CASE("MatchNeeds: a symbol of each required unit's first set") {
  // Required: [\x{1}\x{3}], the cue group (first symbols 5 and 6) and [\x{4}]+; the
  // optional units and $ need nothing.
  auto needs = MatchNeeds::Of(
      R"([\x{1}\x{3}](?P<cue>[\x{5}]|[\x{6}][\x{4}][\x{2}])(?:[\x{4}][\x{3}\x{1}])?[\x{4}]+[\x{7}]*$)");
  REQUIRE(needs);
  auto can = [&](std::string_view s) { return needs->CanMatchIn(MatchNeeds::Present(s)); };
  CHECK(can("\x01\x05\x04"));
  CHECK(can("\x04\x06\x03"));  // anywhere in the text, in any order: a necessary condition only
  CHECK_FALSE(can("\x01\x04\x04"));  // no cue
  CHECK_FALSE(can("\x05\x04"));      // no \x{1} or \x{3}
  CHECK_FALSE(can("\x01\x05"));      // no \x{4}
  CHECK_FALSE(can(""));
  for (const char* re : {
           R"(^[\x{1}]?[\x{2}]*$)",           // no required unit
           R"((?:[\x{1}]?[\x{2}]|[\x{3}]))",  // an alternative that may start with nothing
           R"([\x{1}]|[\x{2}])",              // top-level |
           R"((?i)[\x{1}])",                  // flags
           R"(^.[\x{0}-\x{ff}]$)",            // any symbol, written two ways
       }) {
    CAPTURE(re);
    CHECK_FALSE(MatchNeeds::Of(re));
  }
}

TEST_CASE("MatchNeeds::CanMatchIn is false only where RE2's search finds nothing") {
  const Tally tally = CheckRulesOutOnlyMisses(
      {
          R"((?P<speaker>[\x{3}\x{6}]+)(?:[\x{4}][\x{5}]*[\x{1}]|[\x{2}])[\x{4}]*$)",
          R"([\x{1}\x{3}](?P<cue>[\x{5}]|[\x{6}][\x{4}][\x{2}])(?:[\x{4}][\x{3}\x{1}])?[\x{4}]?$)",
          R"(^[\x{2}]?[\x{6}]?[\x{2}]?(?P<cue>[\x{4}\x{5}])[\x{2}](?P<speaker>[\x{3}]+))",
      },
      20261209, 7, 10,
      [](const char* pattern) {
        auto needs = MatchNeeds::Of(pattern);
        REQUIRE(needs);
        return [needs](const std::string& s) { return needs->CanMatchIn(MatchNeeds::Present(s)); };
      },
      [](const RE2& regex, const std::string& s) { return RE2::PartialMatch(s, regex); });
  CHECK(tally.matched > 300);
  CHECK(tally.ruled_out > 3000);  // the check rules texts out
}

TEST_CASE("MatchNeeds: the built-in rules that get them") {
  RuleSet rules;
  Diagnostics diagnostics;
  REQUIRE(LoadRuleSet({}, &rules, &diagnostics));
  std::vector<std::string> without;
  for (const AttributionRule& rule : rules.rules) {
    if (!rule.match_needs) without.push_back(rule.id);
  }
  // Every built-in rule requires some token: at least the space after a cue.
  CHECK(without.empty());
}

}  // namespace
}  // namespace quotecheck
