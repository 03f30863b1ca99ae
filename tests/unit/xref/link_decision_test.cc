#include "xref/link_decision.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <vector>

#include "diff/quote_diff.h"

namespace quotecheck {
namespace {

// Two quotations, whether their sources name the same speaker, and the shape they should get.
struct Case {
  const char* a;
  const char* b;
  bool speakers_agree;
  LinkShape want;
};

LinkVerdict Decide(const Case& c) {
  WordAligner aligner;
  return DecideLink(TokenizeQuote(c.a), TokenizeQuote(c.b), c.speakers_agree,
                    /*both_named=*/true, aligner);
}

}  // namespace

TEST_SUITE("xref") {
  TEST_CASE("DecideLink: same words said once, against a shared phrase") {
    const Case cases[] = {
        // Versions of one statement.
        {"I think he wants to make a deal for me, you understand that? As crazy as it sounds,",
         "I think he wants to make a deal for me. Do you understand? As crazy as it sounds.", true,
         LinkShape::kWhole},
        {"We will not reopen the viaduct before the spring.",
         "We will reopen the viaduct before the spring.", true, LinkShape::kWhole},
        {"\xe2\x80\x9cWe don\xe2\x80\x99t close a railway lightly.",
         "\"We don't close a railway lightly.", true, LinkShape::kWhole},
        // A fragment inside the whole.
        {"wants to make a deal for me.",
         "I think he wants to make a deal for me, you understand that? As crazy as it sounds,",
         true, LinkShape::kFragment},
        // The same phrase opening two different sentences.
        {"The Iran deal is a terrible deal. We paid $150 billion. We gave $1.8 billion in cash.",
         "The Iran deal is a disaster,", true, LinkShape::kNone},
        {"At the end of the day, safety comes before the timetable.",
         "At the end of the day, the people of Harnwick deserve a railway.", true,
         LinkShape::kNone},
        // A short quotation links only as an exact run with the same named speaker.
        {"going well,", "The conversation is going well and is still ongoing,", true,
         LinkShape::kFragment},
        {"going well,", "The conversation is going well and is still ongoing,", false,
         LinkShape::kNone},
        // Two short ones link whoever the sources name, unless one is a single word.
        {"low energy", "low energy guy", false, LinkShape::kFragment},
        {"low", "low energy", false, LinkShape::kNone},
        {"ridiculous,", "This toll plan is ridiculous.", true, LinkShape::kFragment},
        {"ridiculous,", "This toll plan is ridiculous.", false, LinkShape::kNone},
        // Different speakers: only near-verbatim words link (a misattribution).
        {"Nobody will cross that viaduct until I am satisfied it is safe,",
         "Nobody will cross that viaduct until I am satisfied it is safe.", false,
         LinkShape::kWhole},
        {"This constituted an act of unprecedented treachery in league with a hostile power",
         "The conspiracy constituted an act of previously unimaginable treachery in league with "
         "a foreign power",
         false, LinkShape::kNone},
    };
    for (const Case& c : cases) {
      CAPTURE(c.a);
      CAPTURE(c.b);
      CHECK(Decide(c).shape == c.want);
    }
  }

  TEST_CASE("DecideLink: below kCloseVersionSimilarity, versions keep their words in stretches") {
    static_assert(kCloseVersionSimilarity == 0.7 && kStretchWords == 3 && kMinStretchShare == 0.5);
    const Case cases[] = {
        // One statement smoothed in two places (similarity about 0.6): the rest verbatim.
        {"If the tide turns tonight, the ferry will have worse delays than it has ever had.",
         "If the tide turns tonight, the ferry is going to have delays, worse than it's ever had.",
         true, LinkShape::kWhole},
        // Two remarks in one frame of words, a third of them other (similarity 0.67, a run
        // of six): the shared words scattered, under half in runs and no third in one.
        {"The council will look at the harbour tolls again in the spring, and the board will "
         "then decide what the ferry fares should be next year.",
         "The council will look at the bridge tolls once more in the autumn, and the mayor will "
         "soon decide what the tram fares could be this year.",
         true, LinkShape::kNone},
        // Two sentences that open alike (similarity 0.55): four words are no stretch.
        {"We have to get the ferry running again before the winter,",
         "We have to get these tolls down before the spring,", true, LinkShape::kNone},
    };
    for (const Case& c : cases) {
      CAPTURE(c.a);
      CAPTURE(c.b);
      CHECK(Decide(c).shape == c.want);
    }
  }

  TEST_CASE("StretchesOf counts the words matched in runs of kStretchWords, and the longest") {
    struct StretchCase {
      const char* a;
      const char* b;
      uint32_t in_runs;
      uint32_t longest;
    };
    const StretchCase cases[] = {
        {"one two three four five six", "one two three four five six", 6, 6},
        // Runs of 3 and 2: the run of 2 does not count.
        {"one two three four five six", "one two three x five six", 3, 3},
        // Every other word changed: no run at all.
        {"one two three four five six", "one x three y five z", 0, 1},
        // An ellipsis on one side: the words around it stay one stretch each.
        {"one two three \xe2\x80\xa6 seven eight nine",
         "one two three four five six seven eight nine", 6, 3},
        // A bracketed word standing for the other's word continues the run.
        {"one two [three] four", "one two three four", 4, 4},
    };
    WordAligner aligner;
    for (const StretchCase& c : cases) {
      const std::string a_text = c.a, b_text = c.b;
      CAPTURE(a_text);
      CAPTURE(b_text);
      const TokenizedQuote a = TokenizeQuote(c.a), b = TokenizeQuote(c.b);
      const Stretches stretches = StretchesOf(a, aligner.Global(a, b).steps);
      CHECK(stretches.in_runs == c.in_runs);
      CHECK(stretches.longest == c.longest);
    }
  }

  TEST_CASE("KeepsStretches: half the words in runs, or a third in one, and six at least") {
    static_assert(kMinStretchShare == 0.5 && kMinLongestStretchShare == 1.0 / 3 &&
                  kMinStretchWords == 6);
    CHECK(KeepsStretches({9, 6}, 18));
    CHECK(KeepsStretches({7, 7}, 16));        // one run of 7: more than a third
    CHECK_FALSE(KeepsStretches({8, 5}, 18));  // under half, and no run of 6
    CHECK_FALSE(KeepsStretches({0, 2}, 9));
    CHECK_FALSE(KeepsStretches({4, 4}, 7));  // a frame of four words: "We have to get …"
    CHECK(KeepsStretches({6, 6}, 9));
  }

  TEST_CASE("DecideLink marks a fragment whose sentence end the longer one runs past") {
    WordAligner aligner;
    LinkVerdict v =
        DecideLink(TokenizeQuote("wants to make a deal."),
                   TokenizeQuote("I think he wants to make a deal for me."), true, true, aligner);
    CHECK(v.shape != LinkShape::kNone);
    CHECK(v.end_continues);
    v = DecideLink(TokenizeQuote("wants to make a deal."),
                   TokenizeQuote("I think he wants to make a deal,"), true, true, aligner);
    CHECK(v.shape != LinkShape::kNone);
    CHECK_FALSE(v.end_continues);
  }

  TEST_CASE("DecideLink: an overlap at the edges needs kMinOverlapRun words and one speaker") {
    // The end of one runs into the start of the other: neither whole nor fragment.
    const char* tail7 =
        "Our engineers looked at every pier and we will rebuild the old stone bridge";
    const char* head7 = "we will rebuild the old stone bridge before the next winter storms arrive";
    // Five shared words only: "wants to make a deal" may open two utterances.
    const char* tail5 = "Our engineers looked at every pier and said we will rebuild the bridge";
    const char* head5 =
        "we will rebuild the bridge before the next winter storms arrive here again";
    const Case cases[] = {
        {tail7, head7, true, LinkShape::kOverlap},
        {head7, tail7, true, LinkShape::kOverlap},  // either order
        {tail7, head7, false, LinkShape::kNone},    // another speaker: not the same words said
        {tail5, head5, true, LinkShape::kNone},
    };
    static_assert(kMinOverlapRun == 6);
    for (const Case& c : cases) {
      CAPTURE(c.a);
      CAPTURE(c.b);
      const LinkVerdict v = Decide(c);
      CHECK(v.shape == c.want);
      if (v.shape == LinkShape::kOverlap) {
        CHECK(v.similarity == doctest::Approx(7.0 / 13.0));  // the run over the shorter's words
      }
    }
  }
  TEST_CASE("SharedWordCount is the size of the multiset intersection") {
    // Against sorting both lists and merging, on lists with repeats, words that collide in
    // the table (equal low bits), empty lists and lists of very different lengths.
    auto merged = [](std::vector<uint64_t> a, std::vector<uint64_t> b) {
      std::sort(a.begin(), a.end());
      std::sort(b.begin(), b.end());
      size_t shared = 0;
      for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
        if (a[i] < b[j]) {
          ++i;
        } else if (b[j] < a[i]) {
          ++j;
        } else {
          ++shared, ++i, ++j;
        }
      }
      return shared;
    };
    CHECK(SharedWordCount({}, {}) == 0);
    const std::vector<uint64_t> some = {1, 2, 2, 3};
    CHECK(SharedWordCount(some, {}) == 0);
    CHECK(SharedWordCount({}, some) == 0);
    CHECK(SharedWordCount(some, std::vector<uint64_t>{2, 2, 2, 5}) == 2);
    std::mt19937_64 random(20261205);
    for (int round = 0; round < 2000; ++round) {
      const size_t na = random() % 70, nb = random() % 70, alphabet = 1 + random() % 40;
      const uint64_t spread = round % 2 == 0 ? 1 : uint64_t{1} << 40;  // same low bits
      std::vector<uint64_t> a(na), b(nb);
      for (auto& w : a) w = (random() % alphabet) * spread;
      for (auto& w : b) w = (random() % alphabet) * spread;
      CAPTURE(round);
      CHECK(SharedWordCount(a, b) == merged(a, b));
      CHECK(SharedWordCount(b, a) == merged(a, b));
    }
    // One multiset counted once and compared with many lists in turn (deciding a's pairs):
    // each comparison leaves it as it was.
    WordMultiset counted;
    for (int round = 0; round < 200; ++round) {
      const size_t na = random() % 70, alphabet = 1 + random() % 20;
      std::vector<uint64_t> a(na);
      for (auto& w : a) w = random() % alphabet;
      counted.Assign(a);
      for (int k = 0; k < 5; ++k) {
        std::vector<uint64_t> b(random() % 70);
        for (auto& w : b) w = random() % alphabet;
        CAPTURE(round);
        CAPTURE(k);
        CHECK(counted.SharedWith(b) == merged(a, b));
      }
    }
  }
  TEST_CASE("WordMultiset::CommonSubsequence is the longest common subsequence") {
    // Against the textbook DP, on lists with repeats, lists longer than one machine word of
    // positions (up to 200 words: carries across words), empty lists and colliding words.
    auto dp = [](const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
      std::vector<size_t> prev(b.size() + 1, 0), cur(b.size() + 1, 0);
      for (size_t i = 1; i <= a.size(); ++i) {
        for (size_t j = 1; j <= b.size(); ++j) {
          cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], cur[j - 1]);
        }
        std::swap(prev, cur);
      }
      return prev[b.size()];
    };
    WordMultiset counted;
    counted.Assign(std::vector<uint64_t>{});
    CHECK(counted.CommonSubsequence(std::vector<uint64_t>{1, 2}) == 0);
    counted.Assign(std::vector<uint64_t>{1, 2, 3, 4});
    CHECK(counted.CommonSubsequence(std::vector<uint64_t>{4, 1, 3, 9, 2}) == 2);
    CHECK(counted.CommonSubsequence(std::vector<uint64_t>{}) == 0);
    std::mt19937_64 random(20261206);
    for (int round = 0; round < 600; ++round) {
      const size_t na = random() % 200, alphabet = 1 + random() % 30;
      const uint64_t spread = round % 2 == 0 ? 1 : uint64_t{1} << 40;  // same low bits
      std::vector<uint64_t> a(na);
      for (auto& w : a) w = (random() % alphabet) * spread;
      counted.Assign(a);
      for (int k = 0; k < 3; ++k) {
        std::vector<uint64_t> b(random() % 200);
        for (auto& w : b) w = (random() % alphabet) * spread;
        CAPTURE(round);
        CAPTURE(k);
        CHECK(counted.CommonSubsequence(b) == dp(a, b));
        CHECK(counted.SharedWith(b) >= dp(a, b));  // the multiset bound is looser
      }
    }
  }
  TEST_CASE("EnoughSharedWords never rejects a pair DecideLink links") {
    // Quotations of a few words drawn from a small vocabulary (so that pairs share much), with
    // and without an ellipsis or a bracketed insertion, in both orders and both speaker
    // relations: whenever DecidePair gives a link, the bound let the pair through; and the
    // bound rejects many pairs, or it would prove nothing.
    const char* vocabulary[] = {"the",  "harbour", "toll", "will", "not",   "rise",
                                "this", "year",    "we",   "said", "mayor", "office"};
    std::mt19937_64 random(61206);
    auto text = [&]() {
      std::string out;
      const size_t words = 2 + random() % 16;
      for (size_t i = 0; i < words; ++i) {
        if (!out.empty()) out += ' ';
        const uint64_t r = random() % 40;
        if (r == 0 && i > 0) out += "\u2026 ";  // an inner ellipsis now and then
        if (r == 1) {
          out += "[the mayor]";
          continue;
        }
        out += vocabulary[random() % std::size(vocabulary)];
      }
      return out + ".";
    };
    WordAligner aligner;
    SpeakerEvidence nobody;
    size_t linked = 0, rejected = 0;
    std::vector<uint64_t> wa, wb;
    WordMultiset counted;
    for (int round = 0; round < 8000; ++round) {
      const std::string a = text();
      const std::string b = random() % 2 == 0 ? a.substr(0, a.size() / 2) + text() : text();
      const TokenizedQuote ta = TokenizeQuote(a), tb = TokenizeQuote(b);
      WordHashes(ta, &wa);
      WordHashes(tb, &wb);
      counted.Assign(wa);
      for (bool agree : {true, false}) {
        CAPTURE(a);
        CAPTURE(b);
        CAPTURE(agree);
        const PairBoundFacts facts{WordsOnly(ta) && WordsOnly(tb), agree};
        const bool passes = EnoughSharedWords(&counted, wa, wb, facts);
        const LinkVerdict verdict = DecideLink(ta, tb, agree, /*both_named=*/true, aligner);
        if (verdict.shape != LinkShape::kNone) {
          ++linked;
          CHECK(passes);
        } else if (!passes) {
          ++rejected;
        }
      }
    }
    CHECK(linked > 400);
    CHECK(rejected > 500);
  }
}

}  // namespace quotecheck

namespace quotecheck {

TEST_CASE("DecidePair keeps the ops that diffing the pair afresh gives, whichever is shorter") {
  const std::vector<std::string> texts = {
      "I think he wants to make a deal for me, you understand that? As crazy as it sounds,",
      "I think he wants to make a deal for me. Do you understand? As crazy as it sounds.",
      "he wants to make a deal for me, you understand that?",
      "We will not raise the harbour toll this year, the mayor's office said on Monday",
      "We will raise the harbour toll this year, the mayor's office said on Monday",
      "“We will not raise the harbour toll … on Monday,” [she] said",
      "the harbour toll this year, the mayor's office said on Monday, and again on Tuesday",
  };
  CheckResult result;
  for (const std::string& text : texts) {
    QuoteRecord q;
    q.text = text;
    result.quotes.push_back(q);
  }
  WordAligner aligner;
  const SpeakerEvidence nobody;
  size_t decided = 0;
  for (size_t a = 0; a < texts.size(); ++a) {
    for (size_t b = 0; b < texts.size(); ++b) {
      if (a == b) continue;
      CAPTURE(a);
      CAPTURE(b);
      const TokenizedQuote ta = TokenizeQuote(texts[a]), tb = TokenizeQuote(texts[b]);
      std::optional<Link> link = DecidePair(a, b, ta, tb, nobody, nobody, aligner);
      if (!link) continue;
      ++decided;
      REQUIRE_FALSE(link->packed_ops.empty());
      const std::optional<QuoteDiff> stored = StoredLinkDiff(result, *link);
      REQUIRE(stored.has_value());
      const QuoteDiff fresh = DiffQuotes(texts[a], texts[b]);
      REQUIRE(stored->ops.size() == fresh.ops.size());
      for (size_t i = 0; i < fresh.ops.size(); ++i) {
        CHECK(stored->ops[i].kind == fresh.ops[i].kind);
        CHECK(stored->ops[i].a == fresh.ops[i].a);
        CHECK(stored->ops[i].b == fresh.ops[i].b);
      }
      CHECK(stored->classes == link->diff.classes);
      CHECK(stored->flags == link->diff.flags);
    }
  }
  CHECK(decided >= 10);  // both orders of several pairs
}

}  // namespace quotecheck
