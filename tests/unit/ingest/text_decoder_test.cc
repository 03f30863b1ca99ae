#include "ingest/text_decoder.h"

#include <doctest/doctest.h>

#include <string>

namespace quotecheck {

TEST_SUITE("ingest") {
  TEST_CASE("FindTextIssues reports invalid UTF-8 and NUL bytes at their offsets") {
    struct Case {
      std::string text;
      std::vector<TextIssue> want;
    };
    const Case cases[] = {
        {"", {}},
        {"plain ASCII text, long enough for the 8-byte path", {}},
        {"caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x98\x80", {}},
        {"ab\xFF", {{2, "invalid UTF-8 byte 0xFF", "invalid-utf8"}}},
        {std::string("a\0b", 3), {{1, "NUL byte", "nul-byte"}}},
        {std::string("0123456789\0\xFF", 12),
         {{10, "NUL byte", "nul-byte"}, {11, "invalid UTF-8 byte 0xFF", "invalid-utf8"}}},
        // Stray continuation byte.
        {"x\x80y", {{1, "invalid UTF-8 byte 0x80", "invalid-utf8"}}},
        // Truncated 3-byte sequence: one issue (maximal subpart), then 'a' is fine.
        {"\xE2\x80"
         "a",
         {{0, "invalid UTF-8 byte 0xE2", "invalid-utf8"}}},
        // Truncated at the end of the text.
        {"ok \xF0\x9F\x98", {{3, "invalid UTF-8 byte 0xF0", "invalid-utf8"}}},
        // Overlong encoding of '/' (C0 AF): two bad bytes.
        {"\xC0\xAF",
         {{0, "invalid UTF-8 byte 0xC0", "invalid-utf8"},
          {1, "invalid UTF-8 byte 0xAF", "invalid-utf8"}}},
        // Overlong 3-byte form and a UTF-16 surrogate (ED A0 80).
        {"\xE0\x80\x80",
         {{0, "invalid UTF-8 byte 0xE0", "invalid-utf8"},
          {1, "invalid UTF-8 byte 0x80", "invalid-utf8"},
          {2, "invalid UTF-8 byte 0x80", "invalid-utf8"}}},
        {"\xED\xA0\x80",
         {{0, "invalid UTF-8 byte 0xED", "invalid-utf8"},
          {1, "invalid UTF-8 byte 0xA0", "invalid-utf8"},
          {2, "invalid UTF-8 byte 0x80", "invalid-utf8"}}},
        // Above U+10FFFF.
        {"\xF4\x90\x80\x80z",
         {{0, "invalid UTF-8 byte 0xF4", "invalid-utf8"},
          {1, "invalid UTF-8 byte 0x90", "invalid-utf8"},
          {2, "invalid UTF-8 byte 0x80", "invalid-utf8"},
          {3, "invalid UTF-8 byte 0x80", "invalid-utf8"}}},
        // Largest valid code point, and Latin-1 text mistaken for UTF-8.
        {"\xF4\x8F\xBF\xBF", {}},
        {"na\xEFve", {{2, "invalid UTF-8 byte 0xEF", "invalid-utf8"}}},
    };
    for (const auto& c : cases) {
      CAPTURE(c.text);
      CHECK(FindTextIssues(c.text) == c.want);
    }
  }

  TEST_CASE("FindTextIssues caps the list and sums up the rest") {
    std::string text = "ok " + std::string(30, '\xFF');
    auto issues = FindTextIssues(text, 5);
    REQUIRE(issues.size() == 6);
    CHECK(issues[4].offset == 7);
    CHECK(issues[5] ==
          TextIssue{8, "25 more encoding problems not reported", "encoding-truncated"});
  }

  TEST_CASE("FindTextIssues finds problems far into a long valid text") {
    std::string text(1 << 20, 'a');
    text += "\xE2\x80\x9C";  // a valid multibyte character
    text += std::string(1000, 'b');
    CHECK(FindTextIssues(text).empty());
    text[700001] = '\xFE';
    auto issues = FindTextIssues(text);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].offset == 700001);
  }

  TEST_CASE("DecodeText drops a BOM and keeps everything else, CRLF included") {
    struct Case {
      std::string bytes;
      std::string want_text;
      size_t want_issues;
    };
    const Case cases[] = {
        {"\xEF\xBB\xBFHello\r\nWorld", "Hello\r\nWorld", 0},
        {"Hello\r\nWorld", "Hello\r\nWorld", 0},
        {"\xEF\xBB\xBF", "", 0},
        // A cut-off BOM in UTF-8 text is invalid UTF-8, not a BOM.
        {"\xEF\xBB caf\xC3\xA9", "\xEF\xBB caf\xC3\xA9", 1},
        {"a\xEF\xBB\xBF", "a\xEF\xBB\xBF", 0},  // U+FEFF inside the text is kept
    };
    for (const auto& c : cases) {
      CAPTURE(c.bytes);
      std::string text = c.bytes;
      auto issues = DecodeText(&text).issues;
      CHECK(text == c.want_text);
      CHECK(issues.size() == c.want_issues);
    }
  }

  TEST_CASE("TextIssueDiagnostics gives exact line and code-point column") {
    // BOM removed; line 2 ends in CRLF; the bad byte is after a 3-byte character.
    std::string text =
        "\xEF\xBB\xBF"
        "first\r\n\xE2\x80\x9C"
        "ab\xFF\r\nthird";
    text.push_back('\0');
    auto issues = DecodeText(&text).issues;
    auto diags = TextIssueDiagnostics("in.txt", text, issues);
    REQUIRE(diags.size() == 2);
    CHECK(FormatDiagnosticHeader(diags[0]) ==
          "in.txt:2:4: warning: invalid UTF-8 byte 0xFF [invalid-utf8]");
    CHECK(FormatDiagnosticHeader(diags[1]) == "in.txt:3:6: warning: NUL byte [nul-byte]");
    CHECK(diags[1].source_line == std::string("third\0", 6));
  }

  TEST_CASE("DecodeText: UTF-16 and Windows-1252 become UTF-8; UTF-32 is refused") {
    const std::string quoted = "\xE2\x80\x9CWe will win,\xE2\x80\x9D she said. caf\xC3\xA9";
    struct Case {
      std::string name;
      std::string bytes;
      Encoding forced;
      Encoding want_encoding;
      std::string want_text;
      size_t want_issues;
    };
    const Case cases[] = {
        {"utf-8", quoted, Encoding::kAuto, Encoding::kUtf8, quoted, 0},
        {"utf-16le bom", std::string("\xFF\xFE\x1C\x20W\0e\0\x1D\x20", 10), Encoding::kAuto,
         Encoding::kUtf16Le, "\xE2\x80\x9CWe\xE2\x80\x9D", 0},
        {"utf-16be bom", std::string("\xFE\xFF\x20\x1C\0W\0e\x20\x1D", 10), Encoding::kAuto,
         Encoding::kUtf16Be, "\xE2\x80\x9CWe\xE2\x80\x9D", 0},
        {"utf-16le, no bom", std::string("H\0i\0 \0t\0h\0e\0r\0e\0", 16), Encoding::kAuto,
         Encoding::kUtf16Le, "Hi there", 0},
        {"utf-16le lone surrogate", std::string("\xFF\xFEh\0\x00\xD8i\0", 8), Encoding::kAuto,
         Encoding::kUtf16Le, "h\xEF\xBF\xBDi", 1},
        {"cp1252 curly quotes", "\x93We will win,\x94 she said. caf\xE9", Encoding::kAuto,
         Encoding::kWindows1252, "\xE2\x80\x9CWe will win,\xE2\x80\x9D she said. caf\xC3\xA9", 0},
        {"latin-1 forced", "caf\xE9 \x93", Encoding::kLatin1, Encoding::kLatin1,
         "caf\xC3\xA9 \xC2\x93", 0},
        {"damaged utf-8 stays utf-8", "\xE2\x80\x9Cok\xE2\x80\x9D \xFF", Encoding::kAuto,
         Encoding::kUtf8, "\xE2\x80\x9Cok\xE2\x80\x9D \xFF", 1},
    };
    for (const Case& c : cases) {
      CAPTURE(c.name);
      std::string text = c.bytes;
      DecodedText decoded = DecodeText(&text, c.forced);
      CHECK(decoded.error.empty());
      CHECK(decoded.encoding == c.want_encoding);
      CHECK(text == c.want_text);
      CHECK(decoded.issues.size() == c.want_issues);
    }
    std::string utf32("\xFF\xFE\0\0W\0\0\0", 8);
    DecodedText refused = DecodeText(&utf32);
    CHECK(refused.error == "UTF-32 text is not supported: convert it to UTF-8");
    CHECK(utf32.size() == 8);
  }

  TEST_CASE("ParseEncodingName takes the names of --encoding") {
    CHECK(ParseEncodingName("UTF-16LE") == Encoding::kUtf16Le);
    CHECK(ParseEncodingName("cp1252") == Encoding::kWindows1252);
    CHECK(ParseEncodingName("ISO-8859-1") == Encoding::kLatin1);
    CHECK(ParseEncodingName("auto") == Encoding::kAuto);
    CHECK_FALSE(ParseEncodingName("ebcdic"));
    for (const std::string& name : EncodingNames()) CHECK(ParseEncodingName(name));
  }
}

}  // namespace quotecheck
