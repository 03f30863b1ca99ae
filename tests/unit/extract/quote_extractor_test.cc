#include "extract/quote_extractor.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "unit/builtin_extractor.h"

namespace quotecheck {

TEST_SUITE("extract") {
  TEST_CASE("QuoteExtractor: a speaker quoted again in a document gets the same key") {
    // Two speakers in turn: each quotation's key is its own speaker's, as when that
    // speaker is quoted alone.
    const std::vector<Quote> quotes = testing::ExtractQuotes(
        "“The bridge will open in May,” Ada Quell said.\n\n"
        "“The budget is not there,” Tomas Brand said.\n\n"
        "“We have the money,” Ada Quell said.\n\n"
        "“Not for the second span,” Tomas Brand said.\n\n"
        "“It is in the plan,” Ada Quell said.\n");
    REQUIRE(quotes.size() == 5);
    const std::vector<Quote> quell =
        testing::ExtractQuotes("“The bridge will open,” Ada Quell said.");
    const std::vector<Quote> brand =
        testing::ExtractQuotes("“The budget is short,” Tomas Brand said.");
    REQUIRE(quell.size() == 1);
    REQUIRE(brand.size() == 1);
    REQUIRE(quell[0].speaker_key.has_value());
    REQUIRE(brand[0].speaker_key.has_value());
    CHECK(*quell[0].speaker_key != *brand[0].speaker_key);
    for (size_t i = 0; i < quotes.size(); ++i) {
      CAPTURE(i);
      REQUIRE(quotes[i].speaker_key.has_value());
      CHECK(*quotes[i].speaker_key == (i % 2 == 0 ? *quell[0].speaker_key : *brand[0].speaker_key));
    }
  }
}

}  // namespace quotecheck
