#include "core/line_index.h"

#include <doctest/doctest.h>

namespace quotecheck {

TEST_CASE("LineIndex maps byte offsets to 1-based line and code-point column") {
  struct Case {
    const char* text;
    size_t offset;
    LineCol want;
  };
  const Case cases[] = {
      {"abc", 0, {1, 1}},
      {"abc", 3, {1, 4}},
      {"ab\ncd", 3, {2, 1}},
      {"ab\r\ncd", 4, {2, 1}},
      {"ab\r\ncd", 5, {2, 2}},
      {"ab\rcd", 3, {2, 1}},
      {"\xe2\x80\x9cHi\xe2\x80\x9d", 3, {1, 2}},  // “Hi”: H is the 2nd code point
      {"a\n\nb", 3, {3, 1}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CAPTURE(c.offset);
    LineIndex index(c.text);
    CHECK(index.At(c.offset) == c.want);
  }
}

TEST_CASE("LineIndex returns the line's text without its ending") {
  LineIndex index("one\r\ntwo\nthree");
  CHECK(index.LineText(0) == "one");
  CHECK(index.LineText(6) == "two");
  CHECK(index.LineText(12) == "three");
}

}  // namespace quotecheck
