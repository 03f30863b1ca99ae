#include "attribute/re2_text.h"

#include <doctest/doctest.h>

#include <string>

namespace quotecheck {
namespace {

TEST_CASE("Re2ClassEnd: the ] that closes a class") {
  struct Case {
    std::string_view re;
    size_t open, end;
  };
  const Case cases[] = {
      {"[ab]c", 0, 3},
      {"x[^ab]", 1, 5},
      {"[]a]", 0, 3},       // a ] first is a member
      {"[^]a]b", 0, 4},     // also after ^
      {R"([\]a]b)", 0, 4},  // an escaped ]
      {R"([\x{1}-\x{5}])", 0, 12},
      {"[ab", 0, 3},     // not closed: the end
      {R"([a\)", 0, 3},  // an escape at the end: the end
  };
  for (const Case& c : cases) {
    CAPTURE(c.re);
    CHECK(Re2ClassEnd(c.re, c.open) == c.end);
  }
}

TEST_CASE("ForEachOutsideClasses: the characters outside escapes and classes") {
  struct Case {
    std::string_view re;
    std::string outside;
  };
  const Case cases[] = {
      {R"((?P<s>[(|)]+)\(|x$)", "(?P<s>+)|x$"},
      {R"([\]|]\[|)", "|"},
      {"", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.re);
    std::string seen;
    CHECK(ForEachOutsideClasses(c.re, [&](size_t i, char ch) {
      CHECK(c.re[i] == ch);
      seen += ch;
      return true;
    }));
    CHECK(seen == c.outside);
  }
  // Stops at the first false.
  std::string seen;
  CHECK_FALSE(ForEachOutsideClasses("ab|cd", [&](size_t, char ch) {
    seen += ch;
    return ch != '|';
  }));
  CHECK(seen == "ab|");
}

}  // namespace
}  // namespace quotecheck
