#include "attribute/sentence_tail.h"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include <random>
#include <string>
#include <vector>

namespace quotecheck {
namespace {

constexpr int64_t kMaxMem = int64_t{8} << 20;

TEST_CASE("SplitSentenceTail: a pattern that ends with {MACRO}* $") {
  auto split = SplitSentenceTail("(?P<speaker>{SPEAKER}) <SP> {SAME_SENTENCE}* $ \n");
  REQUIRE(split);
  CHECK(split->head == "(?P<speaker>{SPEAKER}) <SP> ");
  CHECK(split->tail == "{SAME_SENTENCE}*");
  split = SplitSentenceTail("<CAP>{X_1}*$");
  REQUIRE(split);
  CHECK(split->head == "<CAP>");
  CHECK(split->tail == "{X_1}*");
}

TEST_CASE("SplitSentenceTail: other endings are not split") {
  for (const char* pattern :
       {"(?P<speaker>{SPEAKER}) {SAME_SENTENCE}*? $", "(?P<speaker>{SPEAKER}) {SAME_SENTENCE} $",
        "(?P<speaker>{SPEAKER}) {SAME_SENTENCE}*", "(?P<speaker>x) <SP>* $", "{}* $", "* $", "$",
        ""}) {
    CAPTURE(pattern);
    CHECK_FALSE(SplitSentenceTail(pattern));
  }
}

TEST_CASE("SentenceTail::Make: only a concatenation whose groups lie in the head") {
  CHECK(SentenceTail::Make("(?P<s>a+)b(?:[^.])*$", "(?P<s>a+)b", "(?:[^.])*", true, kMaxMem));
  // The texts must make the whole.
  CHECK_FALSE(SentenceTail::Make("(?P<s>a+)(?:[^.])*$", "(?P<s>a+)b", "(?:[^.])*", true, kMaxMem));
  // A top-level | in the head or the tail: "x|y z*$" is no head "x|y" then "z*".
  CHECK_FALSE(SentenceTail::Make("(?P<s>a)|b(?:[^.])*$", "(?P<s>a)|b", "(?:[^.])*", true, kMaxMem));
  CHECK_FALSE(SentenceTail::Make("(?P<s>a)[^.]|c*$", "(?P<s>a)", "[^.]|c*", true, kMaxMem));
  // A | inside a group or a class is fine.
  CHECK(SentenceTail::Make("(?P<s>a|b)[|](?:[^.]|c)*$", "(?P<s>a|b)[|]", "(?:[^.]|c)*", true,
                           kMaxMem));
  // A group or an assertion in the tail; an end assertion or flags in the head.
  CHECK_FALSE(SentenceTail::Make("(?P<s>a)([^.])*$", "(?P<s>a)", "([^.])*", true, kMaxMem));
  CHECK_FALSE(SentenceTail::Make("(?P<s>a)(?:^[^.])*$", "(?P<s>a)", "(?:^[^.])*", true, kMaxMem));
  CHECK_FALSE(SentenceTail::Make("(?P<s>a)$(?:[^.])*$", "(?P<s>a)$", "(?:[^.])*", true, kMaxMem));
  CHECK_FALSE(
      SentenceTail::Make("(?i)(?P<s>a)(?:[^.])*$", "(?i)(?P<s>a)", "(?:[^.])*", true, kMaxMem));
  // A start assertion in the head is fine (the caller keys on whether the match starts at 0).
  CHECK(SentenceTail::Make("(?:^|\\.)(?P<s>a)(?:[^.])*$", "(?:^|\\.)(?P<s>a)", "(?:[^.])*", true,
                           kMaxMem));
}

TEST_CASE("SentenceTail::HeadMatch: a later parse of the head is left to the whole pattern") {
  auto tail =
      SentenceTail::Make("(?P<s>a|a\\.)(?:[^.])*$", "(?P<s>a|a\\.)", "(?:[^.])*", true, kMaxMem);
  REQUIRE(tail);
  std::string_view head;
  // The head's first parse "a" leaves ".x", which the tail does not match; the whole
  // pattern takes "a.".
  CHECK_FALSE(tail->HeadMatch("a.x", 0, 3, &head));
  REQUIRE(tail->HeadMatch("ax", 0, 2, &head));
  CHECK(head == "a");
  // Not at the end of the symbols: no match of the whole pattern.
  CHECK_FALSE(tail->HeadMatch("axy", 0, 2, &head));
}

TEST_CASE("SentenceTail::TailMatches: all of the rest, to the end of the symbols") {
  auto tail =
      SentenceTail::Make("(?P<s>a)(?:[^.]|b\\.)*$", "(?P<s>a)", "(?:[^.]|b\\.)*", true, kMaxMem);
  REQUIRE(tail);
  struct Case {
    std::string symbols;
    size_t from, end;
    bool matches;
  };
  const Case cases[] = {
      {"axyb.z", 1, 6, true},  // "b." is the tail's, the rest no full stop
      {"ax.z", 1, 4, false},   // a full stop of its own
      {"a", 1, 1, true},       // nothing left: the tail matches empty
      {"axy", 1, 2, false},    // not to the end of the symbols
      {"axy", 3, 2, false},    // from past the end
      {"a.xy", 2, 4, true},    // only from `from` on
  };
  for (const Case& c : cases) {
    CAPTURE(c.symbols);
    CAPTURE(c.from);
    CHECK(tail->TailMatches(c.symbols, c.from, c.end) == c.matches);
  }
}

// Groups of `re` over text[start, end), as offsets from start ("-1" for an unset one).
std::vector<int> GroupsOf(const RE2& re, std::string_view text, size_t start, size_t end) {
  std::vector<re2::StringPiece> g(re.NumberOfCapturingGroups() + 1);
  re2::StringPiece context(text.data(), text.size());
  REQUIRE(re.Match(context, start, end, RE2::ANCHOR_START, g.data(), static_cast<int>(g.size())));
  std::vector<int> out;
  for (size_t i = 1; i < g.size(); ++i) {
    out.push_back(g[i].data() == nullptr ? -1
                                         : static_cast<int>(g[i].data() - text.data() - start));
    out.push_back(static_cast<int>(g[i].size()));
  }
  return out;
}

TEST_CASE("SentenceTail::HeadMatch: the head's groups are the whole pattern's") {
  // Heads with choices and lazy and greedy repeats, tails like SAME_SENTENCE (a "." only
  // after an upper-case letter): on every match of the whole pattern where HeadMatch holds,
  // the head's groups equal RE2's on the whole.
  struct Case {
    const char* head;
    const char* tail;
  };
  const Case cases[] = {
      {"(?P<s>[AB]+)(?: (?P<w>(?:[a-z]+ ){0,3}?))(?P<c>said|told)", "(?:[^.!]|[A-Z]\\.)*"},
      {"(?:^|[.!] )(?P<s>[AB][a-z]*)(?: [a-z]*)*? (?P<c>said)", "(?:[^.!]|[A-Z]\\.)*"},
      {"(?P<s>A|A\\.|AB)(?P<w>[ a-z]*)", "(?:[^.]|B\\.)*"},
  };
  const std::string alphabet = "AB. !abdilst";
  std::mt19937 rng(20261206);
  RE2::Options options(RE2::Quiet);
  options.set_encoding(RE2::Options::EncodingLatin1);
  for (const Case& c : cases) {
    const std::string whole = std::string(c.head) + c.tail + "$";
    auto tail = SentenceTail::Make(whole, c.head, c.tail, true, kMaxMem);
    REQUIRE(tail);
    RE2 re(whole, options);
    REQUIRE(re.ok());
    size_t head_matches = 0;
    for (int n = 0; n < 20000; ++n) {
      std::string text;
      const int length = 1 + static_cast<int>(rng() % 24);
      for (int k = 0; k < length; ++k) text += alphabet[rng() % alphabet.size()];
      if (rng() % 2) text.insert(rng() % text.size(), rng() % 2 ? "A said" : "B told");
      re2::StringPiece context(text), matched;
      if (!re.Match(context, 0, text.size(), RE2::UNANCHORED, &matched, 1)) continue;
      const size_t start = static_cast<size_t>(matched.data() - text.data());
      std::string_view head;
      if (!tail->HeadMatch(text, start, text.size(), &head)) continue;
      ++head_matches;
      CAPTURE(whole);
      CAPTURE(text);
      CHECK(GroupsOf(tail->head(), text, start, start + head.size()) ==
            GroupsOf(re, text, start, text.size()));
    }
    CHECK(head_matches > 100);
  }
}

}  // namespace
}  // namespace quotecheck
