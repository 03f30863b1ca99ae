#include "ingest/inline_switches.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace quotecheck {

TEST_SUITE("ingest") {
  TEST_CASE("ParseInlineSwitches: the three forms as line ranges") {
    struct Case {
      const char* name;
      std::string text;
      std::vector<Suppression> want;
      std::vector<std::string> warnings;
    };
    const Case cases[] = {
        {"disable…enable covers both comment lines and those between",
         "a\n<!-- quotecheck-disable misquote -->\nb\nc\n<!-- quotecheck-enable -->\nd\n",
         {{"misquote", 2, 5}},
         {}},
        {"disable without rules is every rule; unclosed runs to the last line",
         "a\n<!-- quotecheck-disable -->\nb\nc",
         {{"", 2, 4}},
         {}},
        {"several rules, commas or spaces, a description after --",
         "<!-- quotecheck-disable a, b c -- checked by phone -->\nx\n<!-- quotecheck-enable -->",
         {{"a", 1, 3}, {"b", 1, 3}, {"c", 1, 3}},
         {}},
        {"enable RULE closes that rule only",
         "<!-- quotecheck-disable a b -->\nx\n<!-- quotecheck-enable a -->\ny\n",
         {{"a", 1, 3}, {"b", 1, 5}},
         {}},
        {"disable-next-line: the next non-blank line",
         "<!-- quotecheck-disable-next-line misquote -->\n\n  \nText\nMore\n",
         {{"misquote", 4, 4}},
         {}},
        {"disable-next-line looks past lines that are only switches",
         "<!-- quotecheck-disable-next-line a -->\n<!-- quotecheck-disable-next-line b -->\nText\n",
         {{"a", 3, 3}, {"b", 3, 3}},
         {}},
        {"disable-next-line at the end of a line of text: the line after",
         "Text <!-- quotecheck-disable-next-line -->\nNext\n",
         {{"", 2, 2}},
         {}},
        {"a multi-line comment counts from its last line",
         "<!--\nquotecheck-disable-next-line x\n-->\nText\n",
         {{"x", 4, 4}},
         {}},
        {"CRLF and lone CR end lines as LineIndex counts them",
         "a\r\n<!-- quotecheck-disable-next-line x -->\r\rText\r\n",
         {{"x", 4, 4}},
         {}},
        {"other comments are not switches", "<!-- TODO: quotecheck later -->\nText\n", {}, {}},
        {"unknown directive, nothing to enable, no next line",
         "<!-- quotecheck-disabel x -->\n<!-- quotecheck-enable -->\n"
         "<!-- quotecheck-disable-next-line -->\n",
         {},
         {"unknown inline switch 'quotecheck-disabel' (known: quotecheck-disable, "
          "quotecheck-enable, quotecheck-disable-next-line)",
          "quotecheck-enable: nothing is disabled",
          "quotecheck-disable-next-line: no line follows"}},
    };
    for (const Case& c : cases) {
      CAPTURE(c.name);
      InlineSwitches got = ParseInlineSwitches(c.text, FindHtmlComments(c.text));
      CHECK(got.suppressions == c.want);
      std::vector<std::string> warnings;
      for (const SwitchWarning& w : got.warnings) warnings.push_back(w.message);
      CHECK(warnings == c.warnings);
    }
  }

  TEST_CASE("ParseInlineSwitches reads only the comments it is given") {
    // A switch shown inside a code block is not in the parser's comment list.
    const std::string text =
        "<!-- quotecheck-disable -->\n<!-- quotecheck-disable-next-line x -->\nA\n";
    const size_t second = text.find("<!-- quotecheck-disable-next-line");
    const size_t end = text.find("-->", second) + 3;
    InlineSwitches got = ParseInlineSwitches(text, {ByteSpan{second, end}});
    CHECK(got.suppressions == std::vector<Suppression>{{"x", 3, 3}});
    CHECK(ParseInlineSwitches(text, {}).suppressions.empty());
  }

  TEST_CASE("FindHtmlComments: spans, an unclosed one runs to the end") {
    CHECK(FindHtmlComments("a <!-- b --> c <!-- d") == std::vector<ByteSpan>{{2, 12}, {15, 21}});
    CHECK(FindHtmlComments("no comments").empty());
  }

  TEST_CASE("IsSuppressed: the rule or every rule, on a covered line") {
    const std::vector<Suppression> s = {{"misquote", 3, 5}, {"", 9, 9}};
    struct Case {
      uint32_t line;
      const char* rule;
      bool want;
    };
    const Case cases[] = {{2, "misquote", false}, {3, "misquote", true},
                          {5, "misquote", true},  {4, "unattributed", false},
                          {6, "misquote", false}, {9, "unattributed", true},
                          {10, "misquote", false}};
    for (const Case& c : cases) {
      CAPTURE(c.line);
      CAPTURE(c.rule);
      CHECK(IsSuppressed(s, c.line, c.rule) == c.want);
    }
  }
}

}  // namespace quotecheck
