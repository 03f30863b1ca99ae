#include "findings/quote_evidence.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "diff/quote_diff.h"
#include "unit/builtin_extractor.h"
#include "unit/check_result_builder.h"

namespace quotecheck {
namespace {

const EvidenceLexicon& Lexicon() { return testing::BuiltinFindingContext().lexicon; }

}  // namespace

TEST_SUITE("findings") {
  TEST_CASE("SharedContentWords: no stop words, no name sequences") {
    QuoteDiff diff = DiffQuotes("North Harbour will keep the ferries running all winter.",
                                "North Harbour will keep the ferries running all winter.");
    std::vector<std::string> words = SharedContentWords(diff, Lexicon());
    CHECK(words == std::vector<std::string>{"keep", "ferries", "running", "winter"});
    CHECK(SharedContentWords(DiffQuotes("optimistic", "optimistic"), Lexicon()).size() == 1);
  }

  TEST_CASE("SharedContentWords from the a side's tokens: the same words") {
    const std::pair<const char*, const char*> cases[] = {
        {"North Harbour will keep the ferries running all winter.",
         "North Harbour will keep the ferries running all winter."},
        {"the left-wing council will keep the ferries", "the left wing council keeps the ferries"},
        {"the Harbour-Master's office said the fares are fair",
         "the Harbour Master’s office said the fares are fair"},
        {"the Tolls' Board will meet the ferrymen", "the Tolls’ board met the ferrymen"},
        {"we don't want the ferry … sold to anyone", "we don’t want the ferry sold to anyone"},
        {"the U.S. fleet of 1,000 ferries [sic] sails on", "the US fleet of 1000 ferries sails on"},
        {"the harbour [Ardelin] built—the harbour we love", "the harbour he built - the harbour"},
        {"the \xff ferry \xe2\x80 sails at $5 a trip . . . daily", "the ferry sails at 5 a trip"},
        {"North Harbour and South Harbour ferries", "Harbour and South ferries"},
    };
    for (const auto& [a_text, b_text] : cases) {
      const std::string a = a_text, b = b_text;
      CAPTURE(a);
      CAPTURE(b);
      const QuoteDiff diff = DiffQuotes(a, b);
      const TokenizedQuote tokens = TokenizeQuote(a);
      CHECK(SharedContentWords(diff, Lexicon(), &tokens) == SharedContentWords(diff, Lexicon()));
      // Tokens of another text: every part is tokenised afresh.
      const TokenizedQuote other = TokenizeQuote(b);
      CHECK(SharedContentWords(diff, Lexicon(), &other) == SharedContentWords(diff, Lexicon()));
    }
    // Parts that cut a token (no diff's, which cut between tokens): tokenised as they are.
    QuoteDiff cut;
    cut.ops = {{DiffOp::Kind::kEqual, "North Harb", "North Harb"},
               {DiffOp::Kind::kEqual, "our tolls stay low", "our tolls stay low"}};
    const TokenizedQuote whole = TokenizeQuote("North Harbour tolls stay low");
    CHECK(SharedContentWords(cut, Lexicon(), &whole) == SharedContentWords(cut, Lexicon()));
  }

  TEST_CASE("ChangesWording: typography is not wording") {
    const struct {
      const char* a;
      const char* b;
      bool changes;
    } cases[] = {
        {"our work force has halved", "our workforce has halved", false},
        {"the ferry & the bridge will be paid", "the ferry and the bridge will be paid", false},
        {"we lost three ferries to the storm", "we lost 3 ferries to the storm", false},
        {"I doubt he understands the accord", "I doubt [Tomas Ardelin] understands the accord",
         false},
        {"the memoranda were released today", "the memorandums were released today", false},
        {"we went towards the harbour", "we went toward the harbour", false},
        {"the harbour, as we know, is closed", "the harbour … is closed", false},
        {"we lost three ferries to the storm", "we lost four ferries to the storm", true},
        {"threats towards the harbour", "threats to the harbour", true},
        {"the Golden Shower thing", "the Golden Showers thing", true},
        {"it is together that we will act", "together we will act", true},
        // Speech tidied: fillers and a restart left out are no change of wording.
        {"we will, uh, reopen the quay in May", "we will reopen the quay in May", false},
        {"we will, you know, double the tolls", "we will double the tolls", false},
        {"and this, I mean, this is unbearable", "and this is unbearable", false},
        {"if the board votes, if the board votes for the tram we build it",
         "if the board votes for the tram we build it", false},
        {"we build it, we build it before winter", "we build it before winter", false},
        // Words left out that say nothing again are a change.
        {"the board, the whole board, voted for it", "the board voted for it", true},
        {"we will, uh, not reopen the quay", "we will reopen the quay", true},
    };
    for (const auto& c : cases) {
      CAPTURE(c.a);
      CHECK(ChangesWording(DiffQuotes(c.a, c.b), Lexicon()) == c.changes);
    }
  }

  TEST_CASE("LongestEqualRun: the words of the diff's longest unchanged stretch") {
    const struct {
      const char* a;
      const char* b;
      size_t run;
    } cases[] = {
        {"the ferry toll will double next spring", "the ferry toll will double next spring", 7},
        {"If they restart the reactor they will have bigger problems than ever",
         "If they restart the reactor they're going to have big problems than ever", 5},
        {"the harbour board met on Monday to vote", "the port board met on Tuesday to vote", 3},
        {"we -- and only we -- decide", "we -- and only we -- decide", 5},  // dashes are no words
        {"tolls", "fares", 0},
    };
    for (const auto& c : cases) {
      CAPTURE(c.a);
      CHECK(LongestEqualRun(DiffQuotes(c.a, c.b)) == c.run);
    }
  }

  TEST_CASE("SupportsDivergence: below the close similarity, a stretch unchanged") {
    Link link;
    link.relation = Relation::kVariant;
    PairEvidence e;
    e.shared_words = {"ferry", "toll", "double", "spring"};
    e.changes_wording = true;
    const struct {
      double similarity;
      size_t run;
      bool supports;
    } cases[] = {
        {0.9, 0, true},                       // close: no run asked for
        {kCloseVersionSimilarity, 2, true},   //
        {0.6, kMinDivergenceRun, true},       // far, one utterance's stretch
        {0.6, kMinDivergenceRun - 1, false},  // far, words scattered
        {kMinDivergenceSimilarity - 0.01, kMinDivergenceRun + 4, false},  // too far
    };
    for (const auto& c : cases) {
      CAPTURE(c.similarity);
      CAPTURE(c.run);
      e.similarity = c.similarity;
      e.longest_equal_run = c.run;
      CHECK(SupportsDivergence(link, e) == c.supports);
    }
    e.similarity = 0.9;
    link.relation = Relation::kFragment;  // a divergence is between versions of one statement
    CHECK_FALSE(SupportsDivergence(link, e));
  }

  TEST_CASE("ReadsAsName and stock phrases") {
    CHECK(ReadsAsName("Morning Harbour Tonight", Lexicon()));
    CHECK(ReadsAsName("Keep Harbour Tolls Low", Lexicon()));
    CHECK_FALSE(ReadsAsName("We will keep the harbour tolls low", Lexicon()));
    CHECK_FALSE(ReadsAsName("optimistic", Lexicon()));
    // With the match key given, the answer is the same (the key only spares tokenising).
    for (std::string_view text : {"Morning Harbour Tonight", "We will keep the harbour tolls low",
                                  "The Harbour And The Ferry Of The North Sound At Dawn Today",
                                  "Keep Harbour Tolls Low Now Or Pay Double Fares By Next May",
                                  "Café Ösel Harbour", "optimistic",
                                  // more content words than a name before the key leaves ASCII,
                                  // and the same words capitalised, with the accent first
                                  "Keep Harbour Tolls Low Now Or Pay Double Fares By Next Café",
                                  "keep harbour tolls low now or pay double fares by next café",
                                  "Café Keep Harbour Tolls Low Now Or Pay Double Fares By Next"}) {
      CAPTURE(text);
      CHECK(ReadsAsName(text, Lexicon(), MatchKey(text)) == ReadsAsName(text, Lexicon()));
      // From tokens, with and without the key: the same.
      const TokenizedQuote tokens = TokenizeQuote(text);
      CHECK(ReadsAsName(tokens, Lexicon()) == ReadsAsName(text, Lexicon()));
      CHECK(ReadsAsName(tokens, Lexicon(), MatchKey(text)) == ReadsAsName(text, Lexicon()));
    }
    CHECK(Lexicon().IsStockPhrase("at the end of the day"));
    CHECK(Lexicon().IsStockPhrase("fake news"));
    CHECK_FALSE(Lexicon().IsStockPhrase("keep the ferries running"));
    // Every phrase of the lexicon is found, the longest too (keys longer than it are not
    // looked up); a phrase with more words after it is none.
    const auto& phrases = testing::BuiltinRules().lexicons.at("common_phrase");
    REQUIRE_FALSE(phrases.empty());
    for (const std::string& phrase : phrases) {
      CAPTURE(phrase);
      CHECK(Lexicon().IsStockPhrase(MatchKey(phrase)));
      CHECK_FALSE(Lexicon().IsStockPhrase(MatchKey(phrase) + " x"));
    }
  }

  TEST_CASE("WeighLink without nested sides; SidesNested") {
    CheckResult result = testing::BuildCheckResult(
        {"2026-03-02"}, {{0, "He said 'the ferry toll will double next spring' and left", nullptr},
                         {0, "the ferry toll will double next spring", nullptr}});
    Link link;  // a = 0: the outer one
    link.b = 1;
    const QuoteDiff diff = DiffQuotes(result.quotes[0].text, result.quotes[1].text);
    const std::vector<std::string> keys = {MatchKey(result.quotes[0].text),
                                           MatchKey(result.quotes[1].text)};
    const std::vector<uint32_t> speakers;
    const PairEvidence all = WeighLink(result, link, diff, keys, speakers, Lexicon());
    const PairEvidence rest =
        WeighLink(result, link, diff, keys, speakers, Lexicon(), Weigh::kAllButNested);
    CHECK(all.nested);
    CHECK(SidesNested(result, link));
    CHECK_FALSE(rest.nested);
    CHECK(rest.shared_words == all.shared_words);
    CHECK(rest.shared_words.size() >= 3);
    CHECK(rest.common_phrase == all.common_phrase);
    CHECK(rest.changes_wording == all.changes_wording);
    CHECK(rest.similarity == all.similarity);
    // What a caller knows of the sides gives the same evidence; the name side is the shorter.
    CHECK(NameSide(result, link) == 1);
    const TokenizedQuote a_tokens = TokenizeQuote(result.quotes[0].text);
    KnownSides known;
    known.a_tokens = &a_tokens;
    known.name_side_reads_as_name = ReadsAsName(result.quotes[1].text, Lexicon());
    const PairEvidence given =
        WeighLink(result, link, diff, keys, speakers, Lexicon(), Weigh::kAll, known);
    CHECK(given.shared_words == all.shared_words);
    CHECK(given.common_phrase == all.common_phrase);
    CHECK(given.nested == all.nested);
    known.name_side_reads_as_name = true;  // it is what decides common_phrase
    CHECK(
        WeighLink(result, link, diff, keys, speakers, Lexicon(), Weigh::kAll, known).common_phrase);
    std::swap(link.a, link.b);  // either side may be the outer one
    CHECK(SidesNested(result, link));
    result.quotes[0].text = "He said the ferry toll will double next spring and left";
    CHECK_FALSE(SidesNested(result, link));
  }

  TEST_CASE("CountSpeakersByKey: distinct speakers by surname, per match key") {
    CheckResult result;
    std::vector<std::string> keys;
    auto add = [&](std::string key, std::optional<std::string> speaker_key) {
      QuoteRecord q;
      q.speaker_key = std::move(speaker_key);
      result.quotes.push_back(q);
      keys.push_back(std::move(key));
    };
    add("keep the ferries running", "corina allsop");
    add("keep the ferries running", "allsop");  // the same surname: one speaker
    add("keep the ferries running", "tomas ardelin");
    add("keep the ferries running", std::nullopt);  // no speaker: not counted
    add("keep the ferries running", "");
    add("the toll will double", "tomas ardelin");
    add("", "corina allsop");  // no key (not clustered): not counted
    add("we will not raise the toll", std::nullopt);
    add("keep the ferries running", "mia ardelin");
    const std::vector<uint32_t> counts = CountSpeakersByKey(result, keys);
    // By quotation: each with its key's count, whatever its own speaker.
    CHECK(counts == std::vector<uint32_t>{2, 2, 2, 2, 2, 1, 0, 0, 2});
  }

  TEST_CASE("InsideNestedQuotation") {
    CHECK(InsideNestedQuotation("He said ‘the guy has serious judgment issues,’ and left",
                                "The guy has serious judgment issues."));
    CHECK(InsideNestedQuotation("He said 'the toll will double' and left", "the toll will double"));
    CHECK(InsideNestedQuotation("He wrote “the toll will double” in the memo",
                                "the toll will double"));
    CHECK_FALSE(
        InsideNestedQuotation("The toll will double, that’s what I said.", "the toll will double"));
    CHECK_FALSE(
        InsideNestedQuotation("He said ‘no’ and the toll will double", "the toll will double"));
    // Straight marks opening at the start, after a non-ASCII letter's neighbour (é), after a
    // dash; none where every apostrophe is inside a word.
    CHECK(InsideNestedQuotation("'the toll will double' he said", "the toll will double"));
    CHECK(InsideNestedQuotation("Café—'the toll will double' is the line", "the toll will double"));
    CHECK(InsideNestedQuotation("He said \"the toll will double\" twice", "the toll will double"));
    CHECK_FALSE(InsideNestedQuotation("It's what we're doing: the toll will double",
                                      "the toll will double"));
    // Marks after other non-ASCII characters and an invalid byte, and a stray E2 byte.
    CHECK(InsideNestedQuotation("Ösel—é “the toll will double” said", "the toll will double"));
    CHECK(InsideNestedQuotation("\xFF\xE2 'the toll will double' said", "the toll will double"));
    CHECK_FALSE(InsideNestedQuotation("\xE2\x80 the toll will double", "the toll will double"));
  }
}

}  // namespace quotecheck
