#include "ingest/front_matter.h"

#include <doctest/doctest.h>

#include <string>

namespace quotecheck {

TEST_SUITE("ingest") {
  TEST_CASE("ParseDateLine: the seed corpus' leading date header") {
    struct Case {
      std::string text;
      bool found;
      std::string date;
      std::string body;  // text from body_start on
    };
    const Case cases[] = {
        // Article text continues on the same line.
        {" date 2025-08-19 US President Donald Trump was caught on a hot mic.", true, "2025-08-19",
         "US President Donald Trump was caught on a hot mic."},
        // A stray number ends the date line: part of the header.
        {" date 2025-08-07 403\nTrump wants a new census.", true, "2025-08-07",
         "Trump wants a new census."},
        {" date 2025-08-07 403\r\nTrump wants a new census.", true, "2025-08-07",
         "Trump wants a new census."},
        {" date 2025-08-07 403  \n\nTrump wants", true, "2025-08-07", "Trump wants"},
        // Digits followed by more words on the same line are article text.
        {"date 2025-08-07 403 people were arrested.", true, "2025-08-07",
         "403 people were arrested."},
        {"date 2025-08-07\nBody here.", true, "2025-08-07", "Body here."},
        {"\tdate\t2025-01-31   Body", true, "2025-01-31", "Body"},
        {"date: 2025-01-31 Body", true, "2025-01-31", "Body"},
        {"date 2025-01-31", true, "2025-01-31", ""},
        // Not a date header.
        {"dated 2025-01-31 Body", false, "", ""},
        {"date 2025-1-31 Body", false, "", ""},
        {"date 2025-13-01 Body", false, "", ""},
        {"date 2025-08-191 Body", false, "", ""},
        {"date2025-08-19 Body", false, "", ""},
        {"The date 2025-08-19 was set.", false, "", ""},
        {"", false, "", ""},
    };
    for (const auto& c : cases) {
      CAPTURE(c.text);
      auto header = ParseDateLine(c.text);
      REQUIRE(header.has_value() == c.found);
      if (!c.found) continue;
      CHECK(header->meta.date == c.date);
      CHECK(std::string_view(c.text).substr(header->body_start) == c.body);
    }
  }

  TEST_CASE("ParseFrontMatter reads simple key: value lines") {
    const std::string text =
        "---\n"
        "title: \"Hot mic: \\\"a deal\\\"\"\n"
        "date: 2025-08-19\n"
        "source: 'Reuters'\n"
        "url: https://example.com/a?b=c#frag\n"
        "role: primary   # a comment\n"
        "id: story-42\n"
        "tags: [a, b]\n"
        "author:\n"
        "  - Someone\n"
        "---\n"
        "Body starts here.\n";
    auto header = ParseFrontMatter(text);
    REQUIRE(header.has_value());
    CHECK(header->meta.title == "Hot mic: \"a deal\"");
    CHECK(header->meta.date == "2025-08-19");
    CHECK(header->meta.outlet == "Reuters");
    CHECK(header->meta.url == "https://example.com/a?b=c#frag");
    CHECK(header->meta.role == "primary");
    CHECK(header->id == "story-42");
    CHECK(text.substr(header->body_start) == "Body starts here.\n");
  }

  TEST_CASE("ParseFrontMatter: fences, CRLF, quoting and absence") {
    struct Case {
      std::string text;
      bool found;
      std::string title;
      std::string outlet;
      std::string body;
    };
    const Case cases[] = {
        {"---\r\ntitle: A\r\n...\r\nBody", true, "A", "", "Body"},
        {"---\ntitle: 'It''s'\noutlet: AP\nsource: Reuters\n---\n", true, "It's", "AP", ""},
        {"---\nsource: Reuters\n---\nX", true, "", "Reuters", "X"},
        {"---  \ntitle:   spaced   \n---   \nX", true, "spaced", "", "X"},
        {"---\n---\nX", true, "", "", "X"},
        // No closing fence: a Markdown rule, not front matter.
        {"---\ntitle: A\nBody", false, "", "", ""},
        {"---", false, "", "", ""},
        {"Text\n---\ntitle: A\n---\n", false, "", "", ""},
        {" ---\ntitle: A\n---\n", false, "", "", ""},
        {"----\ntitle: A\n---\n", false, "", "", ""},
    };
    for (const auto& c : cases) {
      CAPTURE(c.text);
      auto header = ParseFrontMatter(c.text);
      REQUIRE(header.has_value() == c.found);
      if (!c.found) continue;
      CHECK(header->meta.title == c.title);
      CHECK(header->meta.outlet == c.outlet);
      CHECK(c.text.substr(header->body_start) == c.body);
    }
  }

  TEST_CASE("ParseTextHeader prefers front matter, then a date line, else nothing") {
    auto fm = ParseTextHeader("---\ndate: 2024-01-02\n---\n date 2025-08-19 Body");
    CHECK(fm.meta.date == "2024-01-02");
    CHECK(fm.body_start == 25);
    auto dl = ParseTextHeader(" date 2025-08-19 Body");
    CHECK(dl.meta.date == "2025-08-19");
    CHECK(dl.body_start == 17);
    auto none = ParseTextHeader("Just text.");
    CHECK(none.body_start == 0);
    CHECK(none.meta.date.empty());
  }
}

}  // namespace quotecheck
