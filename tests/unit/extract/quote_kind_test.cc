#include "extract/quote_kind.h"

#include <doctest/doctest.h>

#include <string>

#include "extract/quote_extractor.h"
#include "unit/builtin_extractor.h"

namespace quotecheck {
namespace {

struct KindCase {
  const char* name;
  std::string text;
  QuoteKind want;
};

}  // namespace

TEST_SUITE("extract") {
  TEST_CASE("Quote kinds: direct, partial and term") {
    const KindCase cases[] = {
        // direct: set off from the writer's words, starting with a capital, digit or ellipsis
        {"paragraph-initial", "“We will rebuild the bridge,” Ada Quell said.", QuoteKind::kDirect},
        {"sentence-initial", "The vote passed. “We will rebuild the bridge,” Ada Quell said.",
         QuoteKind::kDirect},
        {"after a colon", "Ada Quell said: “We will rebuild the bridge.”", QuoteKind::kDirect},
        {"after a colon, starting with a digit", "Ada Quell said: “2027 is the year.”",
         QuoteKind::kDirect},
        {"after a colon, starting with an ellipsis", "Ada Quell said: “…and then it fell.”",
         QuoteKind::kDirect},
        {"after an attribution and a comma", "Ada Quell added, “At the end of the day, we win.”",
         QuoteKind::kDirect},
        {"after a dash", "The answer came quickly — “Never again.”", QuoteKind::kDirect},
        {"interrupted quotation", "“We will rebuild,” Ada Quell said, “and it will last.”",
         QuoteKind::kDirect},
        {"a speech verb a few words before the comma",
         "Ada Quell’s immediate assessment was cautiously optimistic, telling reporters, “We "
         "did not get there, but we have a very good chance.”",
         QuoteKind::kDirect},
        {"continued through paragraphs: read by its first",
         "Ada Quell said the flood would “test us all.\n\n“But we will rebuild,” she added.",
         QuoteKind::kPartial},
        // partial: a fragment woven into the writer's sentence
        {"a speech verb before a comma in a headline in title case",
         "Quell Says Tamm, ‘Harbour Hawks’ Pose A Threat", QuoteKind::kPartial},
        {"woven fragment after 'described as'",
         "Ada Quell described the talks as “productive” on Friday.", QuoteKind::kPartial},
        {"woven fragment mid-sentence", "Ada Quell said the council “wants a deal” and left.",
         QuoteKind::kPartial},
        {"after a colon but starting in lower case", "Ada Quell said: “we will see.”",
         QuoteKind::kPartial},
        {"a comma without an attribution before it", "In the end, “we will rebuild” was the mood.",
         QuoteKind::kPartial},
        {"set off, but the sentence goes on after it in lower case",
         "The vote passed. “We held and hugged” the families of the crew, Ada Quell said.",
         QuoteKind::kPartial},
        {"a paragraph's first words, then the writer's sentence",
         "“Many would call that a setback” if the levy fails, said Ivo Tamm.", QuoteKind::kPartial},
        {"its own punctuation ends it: still direct",
         "“We will rebuild,” the two-term mayor will say on Friday.", QuoteKind::kDirect},
        {"an after-rule's cue without the comma: still direct",
         "“The bridge is safe” said Ada Quell on Friday.", QuoteKind::kDirect},
        {"the sentence goes on in capitals: not woven in",
         "“WE WILL REBUILD” Ada Quell wrote on the banner.", QuoteKind::kDirect},
        // term: a short quoted name that is nobody's speech
        {"so-called", "Residents fear the so-called “iron handshake” between the parties.",
         QuoteKind::kTerm},
        {"dubbed", "The accord, dubbed “the river pact” by locals, was signed.", QuoteKind::kTerm},
        {"determiner and a short quote", "Officials rejected the “coalition of the willing” idea.",
         QuoteKind::kTerm},
        {"possessive and a short quote", "Sunday’s “bridge walk” drew a crowd.", QuoteKind::kTerm},
        {"a show's name in title case before the sentence goes on",
         "“Harbour Lights” star Mira Osk turned down the part.", QuoteKind::kTerm},
        {"a book's name with short function words in lower case",
         "The vote passed. “Salt of the Marsh” was her third novel.", QuoteKind::kTerm},
        {"a title after its kind of work and a comma",
         "Ada Quell told the story in her 2019 memoir, “Salt of the Marsh.”", QuoteKind::kTerm},
        {"a title after its kind of work", "The crew appear in the film “Harbour Lights” too.",
         QuoteKind::kTerm},
        {"a title before its kind of work",
         "Later that month Tarnby Press will publish “Harbour Lights,” a biography written by "
         "Ada Quell.",
         QuoteKind::kTerm},
        {"a title before its kind of work, after a determiner and a year",
         "The vote passed. “Salt of the Marsh,” her 2019 memoir, sold well.", QuoteKind::kTerm},
        {"words in sentence case before a kind of work stay speech",
         "“We never saw the flood coming,” a memoir by Ada Quell begins.", QuoteKind::kDirect},
        {"a title keeps its comma inside the marks",
         "The vote passed. “Harbour Lights,” on Channel Four, is back.", QuoteKind::kTerm},
        {"a nickname inside a name", "The vote passed, and Gov. C.L. “Butch” Otter left early.",
         QuoteKind::kTerm},
        {"a nickname after a first name", "She thanked her aunt, Marta “Cia” Osk, by name.",
         QuoteKind::kTerm},
        {"woven into a headline after a name and a colon",
         "Ada Quell: ‘No Regrets’ Over Harbour Vote Or Levy\n\nThe vote passed.",
         QuoteKind::kPartial},
        {"woven into a headline at its start",
         "‘Missing’ Ferry Crews Might Sway The Vote, But Less So In Selvany.", QuoteKind::kPartial},
        {"woven into a headline that goes on with a figure",
         "Ivo Tamm: ‘It Is Not A Wild Idea’ To Ask For A $20 Toll", QuoteKind::kPartial},
        {"a headline's quotation with punctuation of its own stays direct",
         "Ada Quell: ‘We Will Rebuild!’ Harbour Mayor Vows", QuoteKind::kDirect},
        {"a slogan in sentence case before a capitalised source is no headline",
         "“Save the ferry! Yes to the harbour levy” (2019). (Selvany Gazette Archive.)",
         QuoteKind::kDirect},
        {"a line longer than any headline is prose",
         std::string(500, 'X') + " Ada Quell: ‘No Regrets’ Over Harbour Vote Or Levy",
         QuoteKind::kDirect},
        {"one capitalised word after the marks is no headline",
         "Ada Quell wrote: “We will rebuild the bridge” Tuesday.", QuoteKind::kDirect},
        {"capitalised words around it in a headline say nothing",
         "Quell Calls Tamm ‘A Disgrace’ For Harbour Vote", QuoteKind::kPartial},
        {"words after a kind of work that are not a title",
         "Ada Quell wrote in her memoir, “We never saw the flood coming.”", QuoteKind::kDirect},
        {"a short quote with its own cue is not a term",
         "Ada Quell described the plan as a “disaster” on Friday.", QuoteKind::kPartial},
        {"a determiner before a sentence is not a term",
         "He rejected the “we will never, ever sign it” line.", QuoteKind::kPartial},
        // the lead-in is the line before the mark: a line break ends it
        {"a line feed before the mark", "Residents fear the so-called\n“iron handshake” here.",
         QuoteKind::kPartial},
        {"a carriage return before the mark", "Residents fear the so-called\r“iron handshake”.",
         QuoteKind::kPartial},
        {"a CRLF before the mark", "Residents fear the so-called\r\n“iron handshake”.",
         QuoteKind::kPartial},
        {"a long line: its last bytes are the lead-in",
         std::string(400, 'w') + " fear the so-called “iron handshake” here.", QuoteKind::kTerm},
    };
    for (const KindCase& c : cases) {
      CAPTURE(c.name);
      CAPTURE(c.text);
      const std::vector<Quote> quotes = testing::ExtractQuotes(c.text);
      REQUIRE(!quotes.empty());
      CHECK(QuoteKindName(quotes.front().kind) == QuoteKindName(c.want));
    }
  }

  TEST_CASE("A term is nobody's speech: its attribution is cleared") {
    const std::vector<Quote> quotes =
        testing::ExtractQuotes("Ada Quell said the so-called “iron handshake” was a myth.");
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0].kind == QuoteKind::kTerm);
    CHECK(!quotes[0].speaker);
    CHECK(!quotes[0].speaker_mention);
    CHECK(quotes[0].rule.empty());
  }

  TEST_CASE("QuoteKindClassifier: a determiner makes a term only without an own cue") {
    const QuoteKindClassifier classifier({"so-called"});
    const std::string text = "They discussed the “iron handshake” again.";
    Quote q;
    q.open_mark = text.find("“");
    q.spans.push_back({q.open_mark + 3, text.find("”")});
    q.close_mark_end = q.spans.front().end + 3;
    CHECK(classifier.Classify(text, q) == QuoteKind::kTerm);
    q.rule = "inherited/previous-quote";  // inherited: not a cue of its own
    CHECK(classifier.Classify(text, q) == QuoteKind::kTerm);
    q.rule = "before/cue-in-sentence";
    CHECK(classifier.Classify(text, q) == QuoteKind::kPartial);
  }
}

}  // namespace quotecheck
