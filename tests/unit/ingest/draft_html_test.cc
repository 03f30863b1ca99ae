#include "ingest/draft_html.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace quotecheck {
namespace {

DraftMarkup Read(const std::string& text) {
  Result<DraftMarkup> r = ReadHtmlDraft(text);
  REQUIRE(r.ok());
  REQUIRE(r.value().scan_text.size() == text.size());
  return r.take();
}

}  // namespace

TEST_SUITE("ingest") {
  TEST_CASE("ReadHtmlDraft: the mask keeps body text and blanks the rest, byte for byte") {
    // A block element's start tag (<p>, <li>, <h1>, …) is a line break in the mask, so that
    // a quotation opening a paragraph opens its line, as in Markdown.
    struct Case {
      const char* name;
      std::string text;
      std::string mask;
    };
    const Case cases[] = {
        {"tags and attributes", "<p class=\"a\">“Hi,” <b>she</b> said.</p>",
         "\n            “Hi,”    she     said.    "},
        {"script and style", "<p>a</p><script>x=\"“y”\"</script><style>q{content:\"“\"}</style>",
         "\n  a                                                               "},
        {"head and title", "<head><title>“T”</title></head><p>b</p>",
         "                                   \n  b    "},
        {"code and pre", "<p>a <code>\"x\"</code></p><pre>\"y\"</pre>",
         "\n  a                                   "},
        {"comments", "<p>a <!-- “x” --> b</p>", "\n  a                  b    "},
        {"references", "<p>said &ldquo;go&rdquo; now &#8216;x&#x2019;</p>",
         "\n  said     “go”     now     ‘x’         "},
        {"an apostrophe reference inside a word stays", "<p>don&rsquo;t</p>",
         "\n  don&rsquo;t    "},
        {"bare URLs", "<p>see https://ex.com/?q=\"a\" now</p>",
         "\n  see                       now    "},
        {"line breaks kept", "<p>\r\na\n</p>\n", "\n  \r\na\n    \n"},
        {"paragraphs on one line", "<h1>Strike</h1><p>“We will win,” she said.</p>",
         "\n   Strike     \n  “We will win,” she said.    "},
    };
    for (const Case& c : cases) {
      CAPTURE(c.name);
      CHECK(Read(c.text).scan_text == c.mask);
    }
  }

  TEST_CASE("ReadHtmlDraft: <q> and <blockquote> are quotations, outermost, with cite") {
    struct Case {
      const char* name;
      std::string text;
      std::vector<std::string> quotes;
      std::vector<std::string> cites;
    };
    const Case cases[] = {
        {"q", "<p>He called it <q>a fair deal</q>.</p>", {"a fair deal"}, {""}},
        {"blockquote with cite, trimmed",
         "<blockquote cite=\"https://ex.org/s?a=1&amp;b=2\">\n  <p>One.</p>\n  "
         "<p>Two.</p>\n</blockquote>",
         {"One.</p>\n  <p>Two."},
         {"https://ex.org/s?a=1&b=2"}},
        {"q inside blockquote: the outer one",
         "<blockquote><q>x</q> y</blockquote>",
         {"x</q> y"},
         {""}},
        {"empty or code-only: none", "<q></q><blockquote><code>x</code></blockquote>", {}, {}},
        {"q inside script is not an element", "<script>\"<q>x</q>\"</script>", {}, {}},
    };
    for (const Case& c : cases) {
      CAPTURE(c.name);
      DraftMarkup m = Read(c.text);
      std::vector<std::string> quotes, cites;
      for (const BlockQuote& b : m.block_quotes) {
        quotes.emplace_back(b.content.in(c.text));
        cites.push_back(b.cite);
      }
      CHECK(quotes == c.quotes);
      CHECK(cites == c.cites);
    }
  }

  TEST_CASE("ReadHtmlDraft: comments with source spans, title as metadata") {
    const std::string text =
        "<html><head><title> The  ferry </title></head>\n<!-- quotecheck-disable -->\n"
        "<body><p>x<!-- y --></p></body></html>";
    DraftMarkup m = Read(text);
    std::vector<std::string> comments;
    for (const ByteSpan& c : m.comments) comments.emplace_back(c.in(text));
    CHECK(comments == std::vector<std::string>{"<!-- quotecheck-disable -->", "<!-- y -->"});
    CHECK(m.meta.title == "The ferry");
  }
}

}  // namespace quotecheck

namespace quotecheck {

TEST_CASE("FindHtmlCut cuts at the tag that nests too deep, not at void or unclosed <p>") {
  struct Case {
    std::string html;
    std::optional<size_t> want;
  };
  std::string many_p;
  for (int i = 0; i < 50; ++i) many_p += "<p>x<br><img src='a>b'>";
  const Case cases[] = {
      {"<div><div><div>x</div></div></div>", std::nullopt},
      {"<div><div><div><div>x", 15},
      {"<div></div><div></div><div></div><div></div>", std::nullopt},
      {many_p, std::nullopt},
      {"<script><div><div><div><div></script>", std::nullopt},
      {"<!-- <div><div><div><div> -->", std::nullopt},
      {"<div><SPAN><b><i>x", 14},
  };
  for (const Case& c : cases) {
    CAPTURE(c.html);
    std::optional<HtmlCut> cut = FindHtmlCut(c.html, 3, 1 << 20);
    CHECK(cut.has_value() == c.want.has_value());
    if (cut && c.want) CHECK(cut->offset == *c.want);
  }
  std::optional<HtmlCut> big = FindHtmlCut(std::string(100, 'x'), 3, 64);
  REQUIRE(big.has_value());
  CHECK(big->offset == 64);
  CHECK(big->reason == "HTML draft larger than 64 bytes");
}

TEST_CASE("ReadHtmlDraft reads what comes before a cut and leaves the rest blank") {
  std::string html =
      "<p>\xe2\x80\x9c"
      "Kept,\xe2\x80\x9d she said.</p>";
  for (size_t i = 0; i <= kMaxHtmlNesting; ++i) html += "<div>";
  html +=
      "\xe2\x80\x9c"
      "Cut\xe2\x80\x9d";
  Result<DraftMarkup> read = ReadHtmlDraft(html);
  REQUIRE(read.ok());
  REQUIRE(read.value().cut_at.has_value());
  CHECK(read.value().scan_text.size() == html.size());
  CHECK(read.value().scan_text.find("Kept") != std::string::npos);
  CHECK(read.value().scan_text.find("Cut") == std::string::npos);
}

}  // namespace quotecheck
