#include "attribute/speaker_split.h"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include <random>
#include <string>
#include <vector>

#include "attribute/rule_set.h"
#include "unit/attribute/random_symbols.h"

namespace quotecheck {
namespace {

constexpr int64_t kMaxMem = int64_t{8} << 20;

// The groups of `regex`'s match of `text` searched with `anchor`, by RE2's own capture engine,
// as offsets from the match's start; `*start` and `*end` the match.
bool WholeGroups(const RE2& regex, std::string_view text, RE2::Anchor anchor, size_t* start,
                 size_t* end, GroupOffsets* out) {
  std::vector<re2::StringPiece> groups(regex.NumberOfCapturingGroups() + 1);
  const re2::StringPiece input(text.data(), text.size());
  if (!regex.Match(input, 0, text.size(), anchor, groups.data(), static_cast<int>(groups.size()))) {
    return false;
  }
  *start = static_cast<size_t>(groups[0].data() - input.data());
  *end = *start + groups[0].size();
  const auto& named = regex.NamedCapturingGroups();
  auto offsets = [&](const char* name, int32_t* from, int32_t* to) {
    auto it = named.find(name);
    if (it == named.end() || groups[it->second].data() == nullptr) return;
    *from = static_cast<int32_t>(groups[it->second].data() - groups[0].data());
    *to = *from + static_cast<int32_t>(groups[it->second].size());
  };
  *out = GroupOffsets();
  offsets("speaker", &out->speaker_start, &out->speaker_end);
  offsets("cue", &out->cue_start, &out->cue_end);
  offsets("words", &out->words_start, &out->words_end);
  return true;
}

bool Same(const GroupOffsets& a, const GroupOffsets& b) {
  return a.speaker_start == b.speaker_start && a.speaker_end == b.speaker_end &&
         a.cue_start == b.cue_start && a.cue_end == b.cue_end && a.words_start == b.words_start &&
         a.words_end == b.words_end;
}

TEST_CASE("SpeakerSplit::Groups: the groups RE2 finds for the whole pattern") {
  struct Case {
    const char* pattern;
    RE2::Anchor anchor;
    std::string text;
    GroupOffsets expected;
  };
  // \x{1} a name word, \x{2} a space, \x{3} a cue, \x{4} a colon, \x{5} another word.
  const Case cases[] = {
      // A before-rule: speaker, space, cue, colon, end.
      {R"((?P<speaker>[\x{1}](?:[\x{2}][\x{1}])*)[\x{2}](?P<cue>[\x{3}])[\x{4}]$)",
       RE2::UNANCHORED,
       "\x05\x02\x01\x02\x01\x02\x03\x04",
       {0, 3, 4, 5, -1, -1}},
      // Words between speaker and cue, lazily: the first parse takes as few as it can.
      {R"((?P<speaker>[\x{1}]+)[\x{2}](?P<words>(?:[\x{1}\x{5}][\x{2}])*?)(?P<cue>[\x{3}])$)",
       RE2::UNANCHORED,
       "\x01\x01\x02\x05\x02\x03",
       {0, 2, 5, 6, 3, 5}},
      // An after-rule: a cue first, the speaker last, groups before the speaker's.
      {R"(^[\x{2}]?(?P<cue>[\x{3}])[\x{2}](?P<speaker>[\x{1}](?:[\x{2}][\x{1}])*))",
       RE2::ANCHOR_START,
       "\x02\x03\x02\x01\x02\x01\x02\x05",
       {3, 6, 1, 2, -1, -1}},
  };
  for (const Case& c : cases) {
    const std::string pattern = c.pattern;
    CAPTURE(pattern);
    RE2 regex(c.pattern, Latin1Options());
    REQUIRE(regex.ok());
    size_t start = 0, end = 0;
    GroupOffsets whole;
    REQUIRE(WholeGroups(regex, c.text, c.anchor, &start, &end, &whole));
    CHECK(Same(whole, c.expected));
    SpeakerSplit::Programs programs;
    auto split = SpeakerSplit::Make(c.pattern, /*latin1=*/true, kMaxMem, &programs);
    REQUIRE(split);
    GroupOffsets parts;
    REQUIRE(split->Groups(c.text, start, end, &parts));
    CHECK(Same(parts, c.expected));
    size_t parse_end = 0;
    REQUIRE(split->FirstParse(c.text, start, &parse_end, &parts));
    CHECK(parse_end == end);
    CHECK_FALSE(split->Groups(c.text, start, end - 1, &parts));  // not the match's end
  }
}

TEST_CASE("SpeakerSplit::Groups: false where a later parse of the speaker is the one") {
  // The speaker's first parse takes both words; the pattern needs it to leave one.
  const char* pattern = R"((?P<speaker>[\x{1}](?:[\x{2}][\x{1}])?)[\x{2}][\x{1}][\x{3}]$)";
  RE2 regex(pattern, Latin1Options());
  REQUIRE(regex.ok());
  const std::string text = "\x01\x02\x01\x03";
  size_t start = 0, end = 0;
  GroupOffsets whole;
  REQUIRE(WholeGroups(regex, text, RE2::UNANCHORED, &start, &end, &whole));
  SpeakerSplit::Programs programs;
  auto split = SpeakerSplit::Make(pattern, true, kMaxMem, &programs);
  REQUIRE(split);
  GroupOffsets parts;
  CHECK_FALSE(split->Groups(text, start, end, &parts));
}

TEST_CASE("SpeakerSplit::Groups: random texts, the groups of RE2's own match or none") {
  const char* patterns[] = {
      R"((?:^|[\x{4}][\x{2}]+)(?:[\x{5}]{0,3}[\x{2}])?(?P<speaker>[\x{1}](?:[\x{2}][\x{1}\x{5}])*|[\x{5}][\x{2}][\x{1}]+)[\x{2}](?P<cue>[\x{3}\x{5}])(?:[^\x{4}])*$)",
      R"((?P<speaker>[\x{1}\x{5}]+?(?:[\x{2}][\x{1}])?)(?:[\x{4}][\x{2}][^\x{4}]+?[\x{4}])?[\x{2}](?P<words>(?:[\x{1}\x{5}]+[\x{2}]){0,2}?)(?P<cue>[\x{3}])[\x{2}\x{4}]*$)",
      R"(^[\x{2}]?[\x{4}]?(?P<speaker>(?:[\x{1}][\x{2}]){1,2}[\x{5}]|[\x{1}]+)(?:[\x{4}][\x{2}][\x{5}]+[\x{4}])?[\x{2}](?P<cue>[\x{3}]))",
  };
  // Names and spaces most, as in windows.
  RandomSymbols texts(20261207, {4, 4, 1, 1, 2}, 14);
  int matched = 0, split_found = 0;
  for (const char* pattern : patterns) {
    CAPTURE(pattern);
    RE2 regex(pattern, Latin1Options());
    REQUIRE(regex.ok());
    const RE2::Anchor anchor = pattern[0] == '^' ? RE2::ANCHOR_START : RE2::UNANCHORED;
    SpeakerSplit::Programs programs;
    auto split = SpeakerSplit::Make(pattern, true, kMaxMem, &programs);
    REQUIRE(split);
    for (int n = 0; n < 20000; ++n) {
      const std::string text = texts.Next();
      size_t start = 0, end = 0;
      GroupOffsets whole, parts;
      if (!WholeGroups(regex, text, anchor, &start, &end, &whole)) continue;
      ++matched;
      if (split->Groups(text, start, end, &parts)) {
        ++split_found;
        REQUIRE(Same(parts, whole));
      }
    }
  }
  CHECK(matched > 800);
  CHECK(split_found > matched / 2);  // most matches need no whole-pattern groups
}

TEST_CASE("SpeakerSplit::Make: only a concatenation with a plain speaker group") {
  SpeakerSplit::Programs programs;
  for (const char* pattern : {
           R"([\x{1}][\x{2}]$)",                          // no speaker group
           R"((?P<speaker>[\x{1}])|[\x{2}])",             // a top-level |
           R"((?P<speaker>[\x{1}])?[\x{2}])",             // an optional speaker
           R"((?P<speaker>[\x{1}]){2}[\x{2}])",           // a repeated one
           R"((?P<speaker>(?P<name>[\x{1}]))[\x{2}])",    // a group inside
           R"((?P<speaker>[\x{1}]([\x{2}]))[\x{2}])",     // an unnamed one inside
           R"([\x{3}](?:(?P<speaker>[\x{1}])[\x{2}])$)",  // not at the top level
           R"((?i)(?P<speaker>[\x{1}])[\x{2}])",          // flags
       }) {
    CAPTURE(pattern);
    CHECK_FALSE(SpeakerSplit::Make(pattern, true, kMaxMem, &programs));
  }
  CHECK(SpeakerSplit::Make(R"((?P<speaker>[\x{1}(]+)[)]$)", true, kMaxMem, &programs));
}

TEST_CASE("SpeakerSplit: the built-in rules that get one share their speakers' programs") {
  RuleSet rules;
  Diagnostics diagnostics;
  REQUIRE(LoadRuleSet({}, &rules, &diagnostics));
  int splits = 0, heads = 0;
  for (const AttributionRule& rule : rules.rules) {
    CAPTURE(rule.id);
    if (rule.speaker_split) ++splits;
    if (rule.head_split) {
      ++heads;
      CHECK(rule.sentence_tail);
    }
  }
  CHECK(splits == static_cast<int>(rules.rules.size()));  // every built-in rule reads so
  CHECK(heads == 3);  // the rules that take the rest of the sentence
}

}  // namespace
}  // namespace quotecheck
