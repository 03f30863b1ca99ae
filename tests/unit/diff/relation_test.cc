#include "diff/relation.h"

#include <doctest/doctest.h>

#include <string>

namespace quotecheck {

TEST_SUITE("diff") {
  TEST_CASE("relations of the seed pairs and the labelling conventions") {
    struct Case {
      const char* a;
      const char* b;
      Relation want;
    };
    const Case cases[] = {
        {"I think he wants to make a deal,", "I think he wants to make a deal,",
         Relation::kVerbatim},
        {"I think he wants to make a deal for me, you understand that? As crazy as it sounds,",
         "I think he wants to make a deal for me. Do you understand? As crazy as it sounds.",
         Relation::kVariant},
        {"wants to make a deal.", "I think he wants to make a deal,", Relation::kFragment},
        {"wants to make a deal for me.",
         "I think he wants to make a deal for me, you understand that? As crazy as it sounds,",
         Relation::kFragment},
        {"going well,", "The conversation is going well and is still ongoing,",
         Relation::kFragment},
        {"The leaders agreed that the move toward peace will begin with a ceasefire on energy "
         "infrastructure, as well as technical negotiations regarding the implementation of a "
         "maritime ceasefire in the Black Sea, a total ceasefire, and a permanent peace,",
         "Today, President Trump and President Putin discussed the need for peace. The leaders "
         "agreed that the move toward peace will begin with a ceasefire on energy and "
         "infrastructure, as well as technical negotiations on implementing a maritime "
         "ceasefire in the Black Sea, a total ceasefire, and a permanent peace. These "
         "negotiations will begin immediately in the Middle East.",
         Relation::kVariant},
        {"He said “no” and it’s over — done.", "He said \"no\" and it's over - done.",
         Relation::kVerbatim},
        {"The F.B.I. should be exempted.", "The FBI should be exempted.", Relation::kNormalized},
        {"North Korea will stop nuclear tests,", "North Korea will stop nuclear tests.",
         Relation::kNormalized},
        {"From April 21, North Korea will stop", "from April 21, North Korea will stop",
         Relation::kNormalized},
        {"a left-wing conspiracy theory", "a left wing conspiracy theory", Relation::kNormalized},
        {"it really bothered [him] if his wife had any doubt",
         "it really bothered him if his wife had any doubt", Relation::kNormalized},
        {"to reach out to Mr. Flynn about seeking immunity",
         "to reach out to Mr Flynn about seeking immunity", Relation::kNormalized},
        {"On this issue, we don't always agree", "On this issue, we do not always agree",
         Relation::kVariant},
        {"Senator Smith will vote for the bill today", "Sen. Smith will vote for the bill today",
         Relation::kVariant},
        {"the United States & the United Kingdom", "the United States and the United Kingdom",
         Relation::kVariant},
        {"the two leaders agreed to meet again", "the 2 leaders agreed to meet again",
         Relation::kVariant},
        {"In light of the unusual events … the department has consulted the parties",
         "In light of the unusual events occurring since then, the department has consulted "
         "the parties",
         Relation::kVariant},
        {"… the department has consulted the parties",
         "In light of the unusual events, the department has consulted the parties",
         Relation::kFragment},
        {"[He] will go to the summit next week", "She will go to the summit next week",
         Relation::kVariant},
        {"[She] will go to the summit next week", "She will go to the summit next week",
         Relation::kNormalized},
        // two excerpts overlapping at their edges
        {"They do have my blessing to discuss", "my blessing to discuss the end of the war.",
         Relation::kFragment},
        // a fragment whose words differ
        {"shut down a nuclear test site to guarantee transparency in suspending nuclear tests.",
         "the North will shut down a nuclear test site to prove the vow to suspend nuclear test,",
         Relation::kVariant},
        {"together we will be able to act effectively for our planet.",
         "It is together that we will be able to act effectively for our planet,",
         Relation::kVariant},
    };
    for (const auto& c : cases) {
      CAPTURE(c.a);
      CAPTURE(c.b);
      CHECK(RelationName(ClassifyRelation(c.a, c.b).relation) == RelationName(c.want));
      CHECK(RelationName(ClassifyRelation(c.b, c.a).relation) == RelationName(c.want));
    }
  }

  TEST_CASE("similarity") {
    RelationResult same = ClassifyRelation("a b c d", "a b c d");
    CHECK(same.similarity == doctest::Approx(1.0));
    RelationResult seed = ClassifyRelation(
        "I think he wants to make a deal for me, you understand that? As crazy as it sounds,",
        "I think he wants to make a deal for me. Do you understand? As crazy as it sounds.");
    CHECK(seed.similarity == doctest::Approx(1.0 - 2.0 / 18.0));
    RelationResult fragment =
        ClassifyRelation("going well,", "The conversation is going well and is still ongoing,");
    CHECK(fragment.similarity == doctest::Approx(1.0));
    CHECK(fragment.a_before == 0);
    CHECK(fragment.b_before == 3);
    CHECK(fragment.b_after == 4);
    RelationResult none = ClassifyRelation("alpha beta", "gamma delta");
    CHECK(none.relation == Relation::kVariant);
    CHECK(none.similarity == doctest::Approx(0.0));
    RelationResult shared = ClassifyRelation("It is together that we will be able to act",
                                             "Yesterday it is together that we shall build");
    CHECK(shared.relation == Relation::kVariant);
    CHECK(shared.similarity < 0.6);
  }

  TEST_CASE("CompareQuotes gives relation, stats and diff from one alignment") {
    TokenizedQuote a = TokenizeQuote("wants to make a deal.");
    TokenizedQuote b = TokenizeQuote("I think he wants to make a deal,");
    WordAligner aligner;
    QuoteComparison c = CompareQuotes(a, b, aligner);
    CHECK(c.relation.relation == Relation::kFragment);
    CHECK(c.stats.longest_run == 5);
    CHECK(c.stats.b_begin == 3);
    CHECK(c.diff.ops.size() == 3);
    QuoteComparison cheap = CompareQuotes(a, b, aligner, /*with_ops=*/false);
    CHECK(cheap.diff.ops.empty());
    CHECK(cheap.relation.relation == Relation::kFragment);
  }
}

}  // namespace quotecheck
