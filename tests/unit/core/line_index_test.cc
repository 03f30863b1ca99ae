#include "core/line_index.h"

#include <doctest/doctest.h>

#include <string>

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

namespace quotecheck {

TEST_CASE("LineIndex columns on lines longer than a checkpoint block agree with counting") {
  // One long line of mixed 1-, 2- and 3-byte code points, a short line, another long line.
  std::string text;
  for (int i = 0; i < 3000; ++i)
    text += i % 3 == 0 ? "a" : i % 3 == 1 ? "\xc3\xa9" : "\xe2\x80\x9c";
  const size_t second = text.size() + 1;
  text += "\nshort\n";
  const size_t third = text.size();
  for (int i = 0; i < 5000; ++i) text += i % 2 == 0 ? "b" : "\xc3\xa9";
  LineIndex index(text);
  for (size_t offset :
       {size_t{0}, size_t{1}, size_t{4095}, size_t{4096}, size_t{4097}, size_t{5999}, second,
        second + 3, third, third + 4096, third + 7000, text.size()}) {
    CAPTURE(offset);
    size_t line_start = offset >= third ? third : offset >= second ? second : 0;
    uint32_t line = offset >= third ? 3 : offset >= second ? 2 : 1;
    LineCol want{line, static_cast<uint32_t>(CountCodePoints(std::string_view(text).substr(
                                                 line_start, offset - line_start)) +
                                             1)};
    CHECK(index.At(offset) == want);
  }
}

}  // namespace quotecheck
