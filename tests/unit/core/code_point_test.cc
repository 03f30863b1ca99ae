#include "core/code_point.h"

#include <doctest/doctest.h>

#include <cctype>
#include <string>

namespace quotecheck {

TEST_SUITE("code_point") {
  TEST_CASE("AsciiLower: std::tolower of the \"C\" locale, every byte") {
    for (int b = 0; b < 256; ++b) {
      CAPTURE(b);
      const char c = static_cast<char>(b);
      CHECK(AsciiLower(c) == static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    CHECK(AsciiLower('Q') == 'q');
    CHECK(AsciiLower('\xc3') == '\xc3');  // a UTF-8 lead byte stays
    CHECK(AsciiLowered("Mayor ÉLISE Varga, 2024") == "mayor Élise varga, 2024");
    CHECK(AsciiLowered("").empty());
  }

  TEST_CASE("EndsWithAsciiNoCase: a lower-case suffix in any ASCII case") {
    CHECK(EndsWithAsciiNoCase("wire/2024.JSONL", ".jsonl"));
    CHECK(EndsWithAsciiNoCase("draft.Md", ".md"));
    CHECK(EndsWithAsciiNoCase(".md", ".md"));
    CHECK_FALSE(EndsWithAsciiNoCase("md", ".md"));         // shorter than the suffix
    CHECK_FALSE(EndsWithAsciiNoCase("draft.mdx", ".md"));  // not at the end
    CHECK_FALSE(EndsWithAsciiNoCase("draft.MD", ".MD"));   // the suffix is given lower-case
    CHECK(EndsWithAsciiNoCase("anything", ""));
  }

  TEST_CASE("DecodeUtf8: strict rejects what lenient takes, and measures differently") {
    struct Case {
      std::string in;
      Utf8Check check;
      char32_t cp;
      size_t size;
      bool valid;
    };
    const Utf8Check S = Utf8Check::kStrict;
    const Utf8Check L = Utf8Check::kLenient;
    const Case cases[] = {
        // Well-formed: the same either way.
        {"A", S, U'A', 1, true},
        {"\xC3\xA9", S, U'\u00E9', 2, true},
        {"\xE2\x80\x9C", L, U'\u201C', 3, true},
        {"\xF0\x9F\x98\x80", S, U'\U0001F600', 4, true},
        {"\xF0\x9F\x98\x80", L, U'\U0001F600', 4, true},
        // Truncated: strict takes the maximal valid prefix, lenient one byte.
        {"\xE2\x80", S, U'\uFFFD', 2, false},
        {"\xE2\x80", L, U'\uFFFD', 1, false},
        {"\xF0\x9F\x98"
         "A",
         S, U'\uFFFD', 3, false},
        {"\xF0\x9F\x98"
         "A",
         L, U'\uFFFD', 1, false},
        // Stray bytes: one each.
        {"\x80", S, U'\uFFFD', 1, false},
        {"\xC1\xBF", L, U'\uFFFD', 1, false},
        {"\xF8", S, U'\uFFFD', 1, false},
        // Overlong and surrogate forms: ill-formed when strict, decoded by shape when lenient.
        {"\xE0\x80\xAF", S, U'\uFFFD', 1, false},
        {"\xE0\x80\xAF", L, U'/', 3, true},
        {"\xED\xA0\x80", S, U'\uFFFD', 1, false},
        {"\xED\xA0\x80", L, char32_t{0xD800}, 3, true},
        {"\xF4\x90\x80\x80", S, U'\uFFFD', 1, false},
    };
    for (const auto& c : cases) {
      CAPTURE(c.in);
      CAPTURE(c.check == S);
      const DecodedCodePoint d = DecodeUtf8(c.in, 0, c.check);
      CHECK(d.cp == c.cp);
      CHECK(d.size == c.size);
      CHECK(d.valid == c.valid);
    }
  }

  TEST_CASE("DecodeAt and DecodeBefore step leniently through damaged text") {
    const std::string text = "a\xC3\xA9\x80z";
    CHECK(DecodeAt(text, 0).cp == U'a');
    CHECK(DecodeAt(text, 1).cp == U'\u00E9');
    CHECK(DecodeAt(text, 1).size == 2);
    CHECK(DecodeAt(text, 3).cp == U'\uFFFD');
    CHECK(DecodeAt(text, 3).size == 1);
    CHECK(DecodeAt(text, text.size()).size == 0);
    CHECK(DecodeBefore(text, 3).cp == U'\u00E9');
    CHECK(DecodeBefore(text, 3).size == 2);
    CHECK(DecodeBefore(text, 0).size == 0);
    // ASCII (decoded on the spot), a stray continuation byte, past the end.
    CHECK(DecodeBefore(text, 1).cp == U'a');
    CHECK(DecodeBefore(text, 1).size == 1);
    CHECK(DecodeBefore(text, 1).valid);
    CHECK(DecodeBefore(text, 5).cp == U'z');
    CHECK(DecodeBefore(text, 4).cp == U'\uFFFD');
    CHECK(DecodeBefore(text, 4).size == 1);
    CHECK_FALSE(DecodeBefore(text, 4).valid);
    CHECK(DecodeBefore(text, text.size() + 1).size == 0);
  }
}

}  // namespace quotecheck
