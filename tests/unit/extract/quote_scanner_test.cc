#include "extract/quote_scanner.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace quotecheck {
namespace {

struct WantIssue {
  const char* at;  // the text starting at the offending mark (its first occurrence)
  const char* message;
};

struct ScanCase {
  const char* name;
  std::string text;
  std::vector<std::string> quotes;  // content strings, in order
  std::vector<WantIssue> issues = {};
  const char* body_start = nullptr;  // scanning begins at the first occurrence of this text
};

constexpr const char kNeverClosed[] = "quotation mark is never closed";
constexpr const char kNoOpener[] = "closing quotation mark has no opening mark";

void CheckScan(const ScanCase& c) {
  CAPTURE(c.name);
  CAPTURE(c.text);
  size_t begin = 0;
  if (c.body_start != nullptr) {
    begin = c.text.find(c.body_start);
    REQUIRE(begin != std::string::npos);
  }
  const ScanResult result = ScanQuotations(c.text, begin);
  std::vector<std::string> got;
  for (const ScannedQuote& q : result.quotes) {
    got.emplace_back(q.content.in(c.text));
    // The marks enclose the content.
    CHECK(q.open_mark < q.content.start);
    CHECK(q.content.end < q.close_mark_end);
    CHECK(q.close_mark_end <= c.text.size());
  }
  CHECK(got == c.quotes);
  REQUIRE(result.issues.size() == c.issues.size());
  for (size_t i = 0; i < c.issues.size(); ++i) {
    const size_t want_offset = c.text.find(c.issues[i].at);
    REQUIRE(want_offset != std::string::npos);
    CHECK(result.issues[i].offset == want_offset);
    CHECK(result.issues[i].message == c.issues[i].message);
  }
}

}  // namespace

TEST_SUITE("extract") {
  TEST_CASE("ScanQuotations pairs every mark style") {
    const ScanCase cases[] = {
        {"curly double",
         "He said “We will rebuild the bridge.” Then he left.",
         {"We will rebuild the bridge."}},
        {"curly single", "‘We will rebuild,’ she said.", {"We will rebuild,"}},
        {"straight double", "\"We will rebuild,\" she said.", {"We will rebuild,"}},
        {"straight single", "'We will rebuild,' she said.", {"We will rebuild,"}},
        {"NYT double apostrophe", "''We will rebuild,'' she said.", {"We will rebuild,"}},
        {"guillemets", "«Nous reconstruirons», a-t-elle dit.", {"Nous reconstruirons"}},
        {"guillemets with French spacing: the words without the spaces",
         "« Nous reconstruirons », a-t-elle dit.",
         {"Nous reconstruirons"}},
        {"guillemets with narrow no-break spaces",
         "«\u202fNous reconstruirons\u202f», a-t-elle dit.",
         {"Nous reconstruirons"}},
        {"only spaces between the marks: none", "He wrote « » twice.", {}},
        {"reversed guillemets", "Sie sagte »Wir bauen« und ging.", {"Wir bauen"}},
        {"single guillemets", "‹Nous reconstruirons›, a-t-elle dit.", {"Nous reconstruirons"}},
        {"German low-high double",
         "Sie sagte: „Wir bauen die Brücke.“ Dann ging sie.",
         {"Wir bauen die Brücke."}},
        {"German low-high single", "Er sagte: ‚Wir bauen.‘ Dann ging er.", {"Wir bauen."}},
        {"CJK corner brackets", "市長は「橋を再建する」と述べた。", {"橋を再建する"}},
        {"CJK white corner brackets", "市長は『橋を再建する』と述べた。", {"橋を再建する"}},
        {"two quotations in one paragraph", "“One,” she said. “Two,” he said.", {"One,", "Two,"}},
    };
    for (const ScanCase& c : cases) CheckScan(c);
  }

  TEST_CASE("ScanQuotations pairs mixed straight and curly marks") {
    const ScanCase cases[] = {
        {"straight open, curly close",
         "The council \"wants a deal.” Nobody disagreed.",
         {"wants a deal."}},
        {"curly open, straight close",
         "“As strange as it sounds,\" she added.",
         {"As strange as it sounds,"}},
        {"curly open, straight close mid-sentence",
         "It was “as it sounds,\" she added, and left.",
         {"as it sounds,"}},
    };
    for (const ScanCase& c : cases) CheckScan(c);
  }

  TEST_CASE("ScanQuotations does not take apostrophes for quote marks") {
    const ScanCase cases[] = {
        {"contraction", "We don’t know.", {}},
        {"possessive", "Smith’s plan failed.", {}},
        {"decade", "It was built in the ’90s.", {}},
        {"plural possessive", "The leaders’ talks ended.", {}},
        {"rock ’n’ roll", "They played rock ’n’ roll all night.", {}},
        {"straight apostrophes", "We don't know Smith's plan for the '90s.", {}},
        {"apostrophes inside a double quotation",
         "“We don’t know Smith’s plan for the ’90s or the leaders’ talks,” she said.",
         {"We don’t know Smith’s plan for the ’90s or the leaders’ talks,"}},
        {"rock ’n’ roll inside a quotation",
         "“It was rock ’n’ roll,” he said.",
         {"It was rock ’n’ roll,"}},
        {"apostrophes inside a single quotation",
         "‘We don’t know Smith’s plan,’ she said.",
         {"We don’t know Smith’s plan,"}},
    };
    for (const ScanCase& c : cases) CheckScan(c);
  }

  TEST_CASE("ScanQuotations keeps a nested quotation inside the outer one") {
    const ScanCase cases[] = {
        {"single inside double",
         "“She told me ‘never again’ twice,” he said.",
         {"She told me ‘never again’ twice,"}},
        {"double inside single", "‘He wrote “no” on it,’ she said.", {"He wrote “no” on it,"}},
        {"straight single inside straight double",
         "\"She told me 'never again' twice,\" he said.",
         {"She told me 'never again' twice,"}},
        {"nested quotation ending with the outer one",
         "“He said ‘enough.’” She left.",
         {"He said ‘enough.’"}},
        // A space between the nested closing mark and the outer one, as typesetters set it.
        {"straight double spaced off after a nested close",
         "\"I dislike the term 'outreach,' \" she told the board.\n\n\"Fine,\" he said.",
         {"I dislike the term 'outreach,'", "Fine,"}},
        {"curly nested close, straight double spaced off",
         "\"We call it ‘home’ \" she said. \"Fine,\" he said.",
         {"We call it ‘home’", "Fine,"}},
    };
    for (const ScanCase& c : cases) CheckScan(c);
  }

  TEST_CASE("ScanQuotations follows quotations across paragraphs") {
    const ScanCase cases[] = {
        {"newspaper convention",
         "“We will rebuild the bridge.\n\n“It will open in May,” the mayor said.",
         {"We will rebuild the bridge.\n\n“It will open in May,"}},
        {"newspaper convention over three paragraphs",
         "“One.\n\n“Two.\n\n“Three,” she said.\n\nThe end.",
         {"One.\n\n“Two.\n\n“Three,"}},
        {"loose: closed several paragraphs later",
         "“We will rebuild the bridge.\n\nIt will open in May.\n\nAnd it will last,” she "
         "said.",
         {"We will rebuild the bridge.\n\nIt will open in May.\n\nAnd it will last,"}},
        {"a closed quotation does not run on",
         "“One,” she said.\n\n“Two,” he said.",
         {"One,", "Two,"}},
    };
    for (const ScanCase& c : cases) CheckScan(c);
  }

  TEST_CASE("ScanQuotations gives a quotation continued by the newspaper convention in parts") {
    struct PartsCase {
      const char* name;
      std::string text;
      std::vector<std::string> parts;  // of the first quotation; empty: it is one part
    };
    const PartsCase cases[] = {
        {"two paragraphs, a blank line between",
         "“We will rebuild the bridge.\n\n“It will open in May,” the mayor said.",
         {"We will rebuild the bridge.", "It will open in May,"}},
        {"three paragraphs, single line breaks and trailing spaces",
         "“One. \n“Two.\t\n“Three,” she said.",
         {"One.", "Two.", "Three,"}},
        {"CRLF line breaks", "“One.\r\n\r\n“Two,” she said.", {"One.", "Two,"}},
        {"one paragraph: one part", "“We will rebuild,” the mayor said.", {}},
        {"loose paragraphs without marks: one part",
         "“We will rebuild.\n\nIt will open in May,” she said.",
         {}},
        {"a paragraph of no words keeps the quotation whole", "“\n\n“Two,” she said.", {}},
    };
    for (const PartsCase& c : cases) {
      CAPTURE(c.name);
      const ScanResult result = ScanQuotations(c.text);
      REQUIRE(!result.quotes.empty());
      std::vector<std::string> got;
      for (const ByteSpan& part : result.quotes.front().parts) got.emplace_back(part.in(c.text));
      CHECK(got == c.parts);
    }
  }

  TEST_CASE("ScanQuotations reports unbalanced marks and goes on") {
    const ScanCase cases[] = {
        {"unbalanced opener; later paragraphs still scanned",
         "The mayor said “we will rebuild.\n\nLater, she said “It will open in May.”",
         {"It will open in May."},
         {{"“we will", kNeverClosed}}},
        {"unbalanced opener at the end of the text",
         "He said “never closed",
         {},
         {{"“never", kNeverClosed}}},
        {"stray closer", "He left.” Then “Yes,” she said.", {"Yes,"}, {{"” Then", kNoOpener}}},
        {"two blank lines end a loose quotation (a section break, a blanked code block)",
         "A commuter said: “I have taken this train every day.\n\n   \n\nThe minister "
         "disagreed,” the paper wrote.",
         {},
         {{"“I have", kNeverClosed}, {"” the paper", kNoOpener}}},
        {"unclosed straight single mark is quiet", "'Tis the season, 'he said", {}},
    };
    for (const ScanCase& c : cases) CheckScan(c);
  }

  TEST_CASE("ScanQuotations reads CRLF text") {
    const ScanCase cases[] = {
        {"two paragraphs", "“One,” she said.\r\n\r\n“Two,” he said.\r\n", {"One,", "Two,"}},
        {"newspaper convention", "“One.\r\n\r\n“Two,” she said.\r\n", {"One.\r\n\r\n“Two,"}},
        {"unbalanced opener",
         "He said “never.\r\n\r\nShe said “Yes.”\r\n",
         {"Yes."},
         {{"“never", kNeverClosed}}},
    };
    for (const ScanCase& c : cases) CheckScan(c);
  }

  TEST_CASE("ScanQuotations starts at body_start") {
    const ScanCase cases[] = {
        {"front matter skipped",
         "---\ntitle: “A headline quote”\n---\n“Body text,” she said.",
         {"Body text,"},
         {},
         "“Body"},
        {"an unclosed mark in the header is not reported",
         "Headline: “unclosed\n\n“Body text,” she said.",
         {"Body text,"},
         {},
         "“Body"},
        {"offsets still count from the start of the text",
         "“Skipped.”\n“Kept.”",
         {"Kept."},
         {},
         "“Kept"},
    };
    for (const ScanCase& c : cases) CheckScan(c);
  }

  TEST_CASE("ScanQuotations finds marks and line breaks at every offset of a long line") {
    // The scanner skips sixteen plain bytes at a time: each kind of mark, and the line
    // break that ends a paragraph, is put at every offset around those blocks' edges.
    const std::string marks[][2] = {{"\"", "\""}, {"“", "”"}, {"«", "»"}, {"「", "」"}};
    for (const auto& mark : marks) {
      for (size_t before = 0; before < 40; ++before) {
        for (size_t inside = 1; inside < 20; inside += 9) {
          const std::string text =
              std::string(before, 'a') + " " + mark[0] + std::string(inside, 'b') + mark[1] + " c";
          CAPTURE(text);
          const ScanResult result = ScanQuotations(text, 0);
          REQUIRE(result.quotes.size() == 1);
          CHECK(result.quotes[0].open_mark == before + 1);
          CHECK(result.quotes[0].content.in(text) == std::string(inside, 'b'));
        }
        // A mark left open at a paragraph's end is never closed, whatever the offset of
        // the line breaks.
        const std::string broken = "He said " + mark[0] + std::string(before + 1, 'b') +
                                   "\n\nShe said " + mark[0] + "Yes." + mark[1];
        CAPTURE(broken);
        const ScanResult open = ScanQuotations(broken, 0);
        REQUIRE(open.quotes.size() == 1);
        CHECK(open.quotes[0].content.in(broken) == "Yes.");
        CHECK(open.issues.size() == 1);
      }
    }
  }
}

}  // namespace quotecheck
