#include "ingest/draft_markdown.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace quotecheck {
namespace {

DraftMarkup Read(const std::string& text) {
  Result<DraftMarkup> r = ReadMarkdownDraft(text);
  REQUIRE(r.ok());
  REQUIRE(r.value().scan_text.size() == text.size());
  return r.take();
}

}  // namespace

TEST_SUITE("ingest") {
  TEST_CASE("ReadMarkdownDraft: the mask keeps prose and blanks the rest, byte for byte") {
    struct Case {
      const char* name;
      std::string text;
      std::string mask;
    };
    const Case cases[] = {
        {"heading, emphasis", "# A *big* “day”\n", "  A  big  “day”\n"},
        {"list markers", "- one\n2. two\n", "  one\n   two\n"},
        {"inline code", "He said `x = \"y\"` then “ok”.", "He said           then “ok”."},
        {"double backticks", "a ``b ` \"c\"`` d", "a             d"},
        {"link text kept, destination and title blanked",
         "[the “plan”](https://ex.com/?a=\"b\" \"t\") x",
         " the “plan”                             x"},
        {"reference link", "[one][r]\n\n[r]: https://r.example/\"z\"\n",
         " one    \n\n                          \n"},
        {"angle autolink", "see <https://x.y/\"q\"> now", "see                   now"},
        {"bare URL runs to the next space", "at https://ex.com/p?x=\"y\" now",
         "at                        now"},
        {"www autolink", "at www.ex.com/\"a\" now", "at                now"},
        {"image description", "![a “pic”](i.png) b", "                      b"},
        {"inline comment", "a <!-- “x” --> b", "a                  b"},
        {"fenced code", "```\n\"x\"\n```\nok\n", "   \n   \n   \nok\n"},
        {"indented code", "    \"x\"\n\nok\n", "       \n\nok\n"},
        {"html block", "<div>\n“x”\n</div>\n\nok\n", "     \n       \n      \n\nok\n"},
        {"block quote markers", "> “a”\n> b\n", "  “a”\n  b\n"},
        {"escapes: the character where the text touches it", "say \\\"plan\\\" now \\*",
         "say  \"plan\"  now * "},
        {"references: the mark where the text touches it", "said, &ldquo;We go,&rdquo; she",
         "said,     “We go,”     she"},
        {"numeric and straight references", "&#8220;a&#x201D; &quot;b&quot;",
         "    “a”           \"b\"     "},
        {"an apostrophe reference inside a word stays", "don&rsquo;t", "don&rsquo;t"},
        {"front matter", "---\ntitle: \"x\"\n---\nBody “y”\n", "   \n          \n   \nBody “y”\n"},
        {"CRLF", "# T\r\n\r\n`c` “d”\r\n", "  T\r\n\r\n    “d”\r\n"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.name);
      CHECK(Read(c.text).scan_text == c.mask);
    }
  }

  TEST_CASE("ReadMarkdownDraft: each block-quote paragraph is a quotation") {
    struct Case {
      const char* name;
      std::string text;
      std::vector<std::string> quotes;  // the source text of each span
    };
    const Case cases[] = {
        {"multi-line: one span, first to last content byte",
         "Intro.\n\n> The plan is *good*,\n> and it will hold.  \n\nAfter.\n",
         {"The plan is *good*,\n> and it will hold."}},
        {"two paragraphs, two spans", "> One.\n>\n> Two.\n", {"One.", "Two."}},
        {"lazy continuation", "> One\ntwo.\n", {"One\ntwo."}},
        {"nested in a list", "- item\n  > quoted\n", {"quoted"}},
        {"code inside is not prose", "> `x`\n", {}},
        {"no block quote", "Just text.\n", {}},
    };
    for (const Case& c : cases) {
      CAPTURE(c.name);
      DraftMarkup m = Read(c.text);
      std::vector<std::string> got;
      for (const BlockQuote& b : m.block_quotes) {
        got.emplace_back(b.content.in(c.text));
        CHECK(b.cite.empty());
      }
      CHECK(got == c.quotes);
    }
  }

  TEST_CASE("ReadMarkdownDraft: comments for switches, not those in code; front matter meta") {
    const std::string text =
        "---\nid: d-1\ntitle: T\n---\n"
        "<!-- quotecheck-disable -->\n\n"
        "```\n<!-- quotecheck-enable -->\n```\n\n"
        "A <!-- inline --> b.\n\n"
        "> <!--\n> quotecheck-disable-next-line x\n> -->\n";
    DraftMarkup m = Read(text);
    std::vector<std::string> comments;
    for (const ByteSpan& c : m.comments) comments.emplace_back(c.in(text));
    CHECK(comments == std::vector<std::string>{"<!-- quotecheck-disable -->", "<!-- inline -->",
                                               "<!--\n> quotecheck-disable-next-line x\n> -->"});
    CHECK(m.id == "d-1");
    CHECK(m.meta.title == "T");
  }
}

}  // namespace quotecheck
