#include "diff/word_alignment.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

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

// Every step and every figure of two alignments.
void CheckSame(const WordAlignment& fast, const WordAlignment& plain) {
  REQUIRE(fast.steps.size() == plain.steps.size());
  for (size_t k = 0; k < fast.steps.size(); ++k) {
    CAPTURE(k);
    CHECK(fast.steps[k].kind == plain.steps[k].kind);
    CHECK(fast.steps[k].a == plain.steps[k].a);
    CHECK(fast.steps[k].b == plain.steps[k].b);
  }
  const AlignmentStats& f = fast.stats;
  const AlignmentStats& p = plain.stats;
  CHECK(f.matched == p.matched);
  CHECK(f.longest_run == p.longest_run);
  CHECK(f.edit_distance == p.edit_distance);
  CHECK(f.elided == p.elided);
  CHECK(f.a_begin == p.a_begin);
  CHECK(f.a_end == p.a_end);
  CHECK(f.b_begin == p.b_begin);
  CHECK(f.b_end == p.b_end);
  CHECK(f.region_edit_distance == p.region_edit_distance);
  CHECK(f.region_a_words == p.region_a_words);
  CHECK(f.region_b_words == p.region_b_words);
}

// Global, Local and Full of a and b (both ways round) by the default aligner and by the
// scalar fill alone.
void CheckFastEqualsScalar(const std::string& a_text, const std::string& b_text) {
  CAPTURE(a_text);
  CAPTURE(b_text);
  const TokenizedQuote a = TokenizeQuote(a_text);
  const TokenizedQuote b = TokenizeQuote(b_text);
  WordAligner fast;
  WordAligner scalar(/*vector_fill=*/false);
  for (int round = 0; round < 2; ++round) {
    const TokenizedQuote& x = round == 0 ? a : b;
    const TokenizedQuote& y = round == 0 ? b : a;
    CheckSame(fast.Global(x, y), scalar.Global(x, y));
    CheckSame(fast.Local(x, y), scalar.Local(x, y));
    CheckSame(fast.Full(x, y, /*after_local=*/true), scalar.Full(x, y, /*after_local=*/true));
    CheckSame(fast.Full(x, y), scalar.Full(x, y));
  }
}

// `count` words drawn from a vocabulary of `vocabulary` words: a small one makes repeats
// and ties everywhere. `specials`: about one element in 8 an ellipsis, a bracketed
// insertion or [sic] (the scalar fill's per-cell costs and wildcards).
std::string RandomWords(std::mt19937& random, size_t count, int vocabulary, bool specials = false) {
  std::uniform_int_distribution<int> word(0, vocabulary - 1);
  std::uniform_int_distribution<int> special(0, 23);
  std::string out;
  for (size_t k = 0; k < count; ++k) {
    const int kind = specials ? special(random) : 99;
    if (kind == 0) {
      out.append("… ");
    } else if (kind == 1) {
      out.append("[w" + std::to_string(word(random)) + "] ");
    } else if (kind == 2) {
      out.append("[sic] ");
    } else {
      out.append("w" + std::to_string(word(random)) + " ");
    }
  }
  return out;
}

// b is a with words dropped, replaced, repeated and inserted (a version of one statement).
std::string Mutate(std::mt19937& random, const std::string& a, int vocabulary) {
  std::vector<std::string> words;
  for (size_t start = 0, end; start < a.size(); start = end + 1) {
    end = a.find(' ', start);
    if (end == std::string::npos) end = a.size();
    if (end > start) words.push_back(a.substr(start, end - start));
  }
  std::uniform_int_distribution<int> op(0, 9);
  std::uniform_int_distribution<int> word(0, vocabulary - 1);
  std::string out;
  for (const std::string& w : words) {
    switch (op(random)) {
      case 0:
        break;  // dropped
      case 1:
        out.append("w" + std::to_string(word(random)) + " ");
        break;
      case 2:
        out.append(w + " " + w + " ");
        break;
      case 3:
        out.append("w" + std::to_string(word(random)) + " " + w + " ");
        break;
      default:
        out.append(w + " ");
    }
  }
  return out;
}

}  // namespace

TEST_SUITE("diff") {
  TEST_CASE("the vector fill aligns exactly as the scalar fill: adversarial words") {
    const std::string one_word_many_times = [] {
      std::string s;
      for (int k = 0; k < 70; ++k) s.append("the ");
      return s;
    }();
    const std::pair<std::string, std::string> cases[] = {
        {"", ""},
        {"", "a b c"},
        {"a", ""},
        {"a", "a"},
        {"a", "b"},
        {"a b", "b a"},
        {"a a a a", "a a"},
        {"a b a b a b a b a", "b a b a b a b a b a b"},
        {one_word_many_times, "the the the"},
        {one_word_many_times, one_word_many_times + "end"},
        {"x y z the the the", one_word_many_times},
        // 7, 8, 9, 15, 16 and 17 columns: the last block's spare lanes
        {"a b c d e f g", "a b c d e f g"},
        {"a b c d e f g h", "h g f e d c b a"},
        {"a b c d e f g h i", "i a b c d e f g h"},
        {"q r s", "a b c q d e f g h i j k l m r s o"},
        {"a b c d", "p a b c d p a b c d p a b c d p"},
        {"one two three", "x one two three y z one two three w v u t s r q p"},
        // ellipses and insertions: free gaps, wildcards, [sic]
        {"in light … the department", "in light of events the department"},
        {"[He] will go to the city", "She will go to the city of light"},
        {"… a b … c d e f g h i j …", "a x b y c … d e f g h i j"},
        {"… … …", "a b c d e f g h i j"},
        {"[a] [b] [sic] [c] x y z [w] v u t s r", "a b c x y z w v [u] t … s r"},
        {"a b c … d e f g h i j k l m n o p q r", "[a] b [sic] … q r"},
    };
    for (const auto& [a, b] : cases) CheckFastEqualsScalar(a, b);
  }

  TEST_CASE("the vector fill aligns exactly as the scalar fill: random words") {
    std::mt19937 random(20261205);
    std::uniform_int_distribution<size_t> length(0, 90);
    for (int round = 0; round < 1200; ++round) {
      const int vocabulary = round % 3 == 0 ? 3 : round % 3 == 1 ? 12 : 400;
      const bool specials = round % 4 >= 2;
      const std::string a = RandomWords(random, length(random), vocabulary, specials);
      const std::string b = round % 2 == 0
                                ? Mutate(random, a, vocabulary)
                                : RandomWords(random, length(random), vocabulary, specials);
      CheckFastEqualsScalar(a, b);
      // a fragment inside a longer quotation
      const std::string c = RandomWords(random, length(random) / 3, vocabulary, specials) + a +
                            RandomWords(random, length(random) / 3, vocabulary);
      CheckFastEqualsScalar(a, c);
    }
  }

  TEST_CASE("the vector fill aligns exactly as the scalar fill: long and lopsided pieces") {
    std::mt19937 random(7);
    // one word against more words than the vector fill takes (kMaxVectorSide)
    const std::string many = RandomWords(random, WordAligner::kMaxVectorSide + 3, 50);
    CheckFastEqualsScalar("w7", many);
    const std::string a = RandomWords(random, 700, 40);
    CheckFastEqualsScalar(a, Mutate(random, a, 40));
    CheckFastEqualsScalar(RandomWords(random, 2, 40), a);
  }

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
