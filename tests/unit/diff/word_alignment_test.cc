#include "diff/word_alignment.h"

#include <doctest/doctest.h>

#include <string>

namespace quotecheck {
namespace {

// The steps as "=" match, "~" wildcard, "e" elided, "-" delete, "+" insert.
std::string Steps(const WordAlignment& w) {
  std::string out;
  for (const AlignStep& s : w.steps) {
    switch (s.kind) {
      case AlignStep::Kind::kMatch:
        out.push_back('=');
        break;
      case AlignStep::Kind::kWildcard:
        out.push_back('~');
        break;
      case AlignStep::Kind::kElided:
        out.push_back('e');
        break;
      case AlignStep::Kind::kDelete:
        out.push_back('-');
        break;
      case AlignStep::Kind::kInsert:
        out.push_back('+');
        break;
    }
  }
  return out;
}

}  // namespace

TEST_SUITE("diff") {
  TEST_CASE("global alignment: steps, edit distance and longest run") {
    struct Case {
      const char* a;
      const char* b;
      const char* steps;
      uint32_t edit_distance;
      uint32_t longest_run;
    };
    const Case cases[] = {
        {"I think he wants a deal", "I think he wants a deal", "======", 0, 6},
        {"I think he wants a deal", "I think she wants a deal", "==+-===", 1,
         3},  // one word changed
        {"I think he wants a deal", "I THINK, he wants a deal!", "======", 0, 6},  // keys only
        {"for me you understand that as", "for me do you understand as", "==+==-=", 2, 2},
        {"a b c", "x y", "++---", 3, 0},
        {"", "a b", "++", 2, 0},
        {"[He] will go", "She will go", "~==", 1, 2},
        {"[him] will go", "him will go", "~==", 0, 2},
        {"[sic] will go", "will go", "-==", 0, 2},
        {"in light … the department", "in light of events the department", "==-ee==", 2, 2},
    };
    WordAligner aligner;
    for (const auto& c : cases) {
      CAPTURE(c.a);
      CAPTURE(c.b);
      TokenizedQuote a = TokenizeQuote(c.a);
      TokenizedQuote b = TokenizeQuote(c.b);
      const WordAlignment& w = aligner.Global(a, b);
      CHECK(Steps(w) == c.steps);
      CHECK(w.stats.edit_distance == c.edit_distance);
      CHECK(w.stats.longest_run == c.longest_run);
      CHECK(w.stats.a_words == a.word_count);
      CHECK(w.stats.b_words == b.word_count);
    }
  }

  TEST_CASE("local alignment places a fragment, finds edge overlaps and shared phrases") {
    struct Case {
      const char* a;
      const char* b;
      uint32_t a_begin, a_end, b_begin, b_end;
      uint32_t longest_run;
    };
    const Case cases[] = {
        // a fragment inside
        {"wants to make a deal for me.",
         "I think he wants to make a deal for me, you understand that? As crazy as it sounds,", 0,
         7, 3, 10, 7},
        // overlap at the edges: a's end is b's start
        {"They do have my blessing to discuss", "my blessing to discuss the end of the war", 3, 7,
         0, 4, 4},
        // unrelated texts sharing a phrase in the middle of both
        {"It is together that we will be able to act",
         "Yesterday it is together that we shall build", 0, 5, 1, 6, 5},
        // nothing shared
        {"alpha beta", "gamma delta", 0, 0, 0, 0, 0},
    };
    WordAligner aligner;
    for (const auto& c : cases) {
      CAPTURE(c.a);
      CAPTURE(c.b);
      TokenizedQuote a = TokenizeQuote(c.a);
      TokenizedQuote b = TokenizeQuote(c.b);
      const WordAlignment& w = aligner.Local(a, b);
      CHECK(w.stats.a_begin == c.a_begin);
      CHECK(w.stats.a_end == c.a_end);
      CHECK(w.stats.b_begin == c.b_begin);
      CHECK(w.stats.b_end == c.b_end);
      CHECK(w.stats.longest_run == c.longest_run);
      CHECK(w.stats.region_edit_distance == 0);
    }
  }

  TEST_CASE("full alignment covers every element and keeps the local region") {
    TokenizedQuote a = TokenizeQuote("going well,");
    TokenizedQuote b = TokenizeQuote("The conversation is going well and is still ongoing,");
    WordAligner aligner;
    const WordAlignment& w = aligner.Full(a, b);
    CHECK(Steps(w) == "+++==++++");
    CHECK(w.stats.b_begin == 3);
    CHECK(w.stats.b_end == 5);
    CHECK(w.stats.region_edit_distance == 0);
    CHECK(w.stats.edit_distance == 7);
  }

  TEST_CASE("long quotations: capped DP, patience anchors, no blow-up") {
    std::string a;
    std::string b;
    for (int i = 0; i < 5000; ++i) {
      std::string w = "w" + std::to_string(i);
      a.append(w).push_back(' ');
      if (i % 500 == 250)
        b.append("changed ");
      else
        b.append(w).push_back(' ');
      if (i % 97 == 0) a.append("the ");
    }
    TokenizedQuote ta = TokenizeQuote(a);
    TokenizedQuote tb = TokenizeQuote(b);
    WordAligner aligner;
    const WordAlignment& g = aligner.Global(ta, tb);
    CHECK(g.stats.matched == 5000 - 10);
    CHECK(g.stats.edit_distance == 10 + 52);
    const WordAlignment& l = aligner.Local(ta, tb);
    CHECK(l.stats.matched > 4000);
    // Unrelated long texts.
    std::string c;
    for (int i = 0; i < 5000; ++i) c.append("x").append(std::to_string(i)).push_back(' ');
    TokenizedQuote tc = TokenizeQuote(c);
    const WordAlignment& u = aligner.Global(ta, tc);
    CHECK(u.stats.matched == 0);
    CHECK(u.steps.size() == ta.elements.size() + tc.elements.size());
  }
}

}  // namespace quotecheck
