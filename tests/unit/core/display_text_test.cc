#include "core/display_text.h"

#include <doctest/doctest.h>

#include <string>

#include "core/line_index.h"

namespace quotecheck {

TEST_SUITE("display_text") {
  TEST_CASE("ShortenForDisplay collapses whitespace and shortens in the middle") {
    std::string long_e;
    for (int i = 0; i < 20; ++i) long_e += "\xC3\xA9";  // é
    struct Case {
      std::string in;
      size_t max;
      std::string want;
    };
    const Case cases[] = {
        {"  a \n\t b  ", 80, "a b"},
        {"x\x01y\x1b[31mz", 80, "x y [31mz"},
        {"a\xFF"
         "b",
         80,
         "a\xEF\xBF\xBD"
         "b"},
        {"a\xC2\xA0\xE2\x80\x89"
         "b",
         80, "a b"},  // no-break and thin space
        {std::string(100, 'a'), 10,
         "aaaaaa\xE2\x80\xA6"
         "aaa"},
        {long_e, 10,
         "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xE2\x80\xA6\xC3\xA9\xC3\xA9"
         "\xC3\xA9"},
        {"abcd efghij", 8, "abcd\xE2\x80\xA6ij"},  // no space next to the ellipsis
        {"abcdefgh", 8, "abcdefgh"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.in);
      const std::string got = ShortenForDisplay(c.in, c.max);
      CHECK(got == c.want);
      CHECK(CountCodePoints(got) <= c.max);
    }
  }

  TEST_CASE("ShortenForDisplay at the end keeps the start") {
    const struct {
      std::string in;
      size_t max;
      std::string want;
    } cases[] = {
        {"abcdefgh", 8, "abcdefgh"},
        {"abcd efghij", 8, "abcd ef\xE2\x80\xA6"},
        {"abcdef ghij", 8, "abcdef\xE2\x80\xA6"},  // no space before the ellipsis
        {"line one\nline two", 80, "line one line two"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.in);
      CHECK(ShortenForDisplay(c.in, c.max, Elide::kEnd) == c.want);
    }
    // What follows the kept start does not change it: spaces, invalid bytes, more words.
    const std::string start = "We will \xC3\xA9 not  raise\t\xFF the harbour toll";
    for (size_t max = 0; max <= 40; ++max) {
      CAPTURE(max);
      const std::string shown = ShortenForDisplay(start + "  \xFF more words", max, Elide::kEnd);
      CHECK(CountCodePoints(shown) <= max);
      if (CountCodePoints(ShortenForDisplay(start, 100)) > max) {
        CHECK(shown == ShortenForDisplay(start + " other words", max, Elide::kEnd));
        CHECK(shown == ShortenForDisplay(start, max, Elide::kEnd));
      }
    }
  }

  TEST_CASE("CutAtSpace keeps the end or the start, cut at a space, never inside a sequence") {
    const struct {
      std::string in;
      size_t max;
      Keep keep;
      size_t slack;
      std::string want;
    } cases[] = {
        {"short words", 20, Keep::kEnd, 0, "short words"},
        {"one two three four five", 10, Keep::kEnd, 0, "\xE2\x80\xA6 four five"},
        {"one two three four five", 10, Keep::kStart, 0, "one two \xE2\x80\xA6"},
        {"one two three four five", 10, Keep::kStart, 15, "one two three four five"},
        // No space to cut at: a code point boundary.
        {"\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 3, Keep::kStart, 0, "\xC3\xA9 \xE2\x80\xA6"},
        {"\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 3, Keep::kEnd, 0, "\xE2\x80\xA6 \xC3\xA9"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.in);
      CHECK(CutAtSpace(c.in, c.max, c.keep, c.slack) == c.want);
    }
  }
}

}  // namespace quotecheck
