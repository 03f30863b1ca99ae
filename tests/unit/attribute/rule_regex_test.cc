#include "attribute/rule_regex.h"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include <thread>
#include <vector>

namespace quotecheck {
namespace {

constexpr int64_t kMaxMem = int64_t{8} << 20;

TEST_CASE("RuleRegex: an already compiled program and its groups") {
  auto compiled = std::make_shared<const RE2>("(?P<speaker>[A-Z]\\w+) (x)? (?P<cue>said)");
  const RuleRegex regex(compiled);
  CHECK(regex.regex() == compiled.get());
  CHECK(regex.groups().speaker == 1);
  CHECK(regex.groups().cue == 3);
  CHECK(regex.groups().words == -1);
  CHECK(regex.groups().count == 3);
}

TEST_CASE("RuleRegex: compiled on first use, once, from any thread") {
  const RuleRegex regex("(?P<words>\\w+ )*(?P<speaker>\\w+)$", false, kMaxMem);
  std::vector<const RE2*> seen(4, nullptr);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < seen.size(); ++t) {
    threads.emplace_back([&, t] { seen[t] = regex.regex(); });
  }
  for (std::thread& t : threads) t.join();
  REQUIRE(seen[0] != nullptr);
  for (const RE2* r : seen) CHECK(r == seen[0]);
  CHECK(RE2::FullMatch("the mayor", *seen[0]));
  CHECK(regex.groups().words == 1);
  CHECK(regex.groups().speaker == 2);
  CHECK(regex.groups().count == 2);
}

TEST_CASE("RuleRegex: a pattern that does not compile has no program and no groups") {
  const RuleRegex regex("(?P<speaker>x", false, kMaxMem);
  CHECK(regex.regex() == nullptr);
  CHECK(regex.groups().speaker == -1);
  CHECK(regex.groups().count == 0);
}

TEST_CASE("RuleRegex: Latin-1 programs read each byte as one symbol") {
  const RuleRegex latin1("(?P<speaker>[\\x{80}-\\x{ff}])", true, kMaxMem);
  const RuleRegex utf8("(?P<speaker>[\\x{80}-\\x{ff}])", false, kMaxMem);
  REQUIRE(latin1.regex() != nullptr);
  REQUIRE(utf8.regex() != nullptr);
  CHECK(RE2::FullMatch("\xe9", *latin1.regex()));
  CHECK_FALSE(RE2::FullMatch("\xe9", *utf8.regex()));
}

}  // namespace
}  // namespace quotecheck
