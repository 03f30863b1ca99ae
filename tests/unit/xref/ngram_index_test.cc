#include "xref/ngram_index.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "diff/quote_tokens.h"

namespace quotecheck {
namespace {

std::vector<uint64_t> Words(const char* text) {
  std::vector<uint64_t> out;
  TokenizedQuote q = TokenizeQuote(text);
  for (uint32_t e : q.elements) {
    if (q.tokens[e].word()) out.push_back(q.tokens[e].hash);
  }
  return out;
}

// `n` quotations of the same words (as many versions of them would share their shingles).
std::vector<std::vector<uint64_t>> Copies(int n, const char* text) {
  return std::vector<std::vector<uint64_t>>(static_cast<size_t>(n), Words(text));
}

}  // namespace

TEST_SUITE("xref") {
  TEST_CASE("FindCandidatePairs pairs quotations that share enough shingles") {
    std::vector<std::vector<uint64_t>> quotes = {
        Words("We will not reopen the viaduct before the spring."),  // 0
        Words("We will reopen the viaduct before the spring."),      // 1: shares two 4-grams
        Words("The bus service will run every ten minutes."),        // 2: nothing shared
        Words("reopen the viaduct"),                                 // 3: short, inside 0 and 1
        Words("before the spring, the council will meet again."),    // 4: one 4-gram? no
    };
    std::vector<CandidatePair> pairs = FindCandidatePairs(quotes, {});
    auto has = [&](uint32_t a, uint32_t b) {
      for (const CandidatePair& p : pairs) {
        if (p.a == a && p.b == b) return true;
      }
      return false;
    };
    CHECK(has(0, 1));
    CHECK(has(0, 3));
    CHECK(has(1, 3));
    CHECK_FALSE(has(0, 2));
    CHECK_FALSE(has(1, 2));
    CHECK_FALSE(has(0, 4));
    for (const CandidatePair& p : pairs) CHECK(p.a < p.b);
  }

  TEST_CASE("FindCandidatePairs counts a quotation's rarest shingles only, and loses no pair") {
    auto run = [](uint64_t from, uint64_t to) {
      std::vector<uint64_t> words;
      for (uint64_t w = from; w <= to; ++w) words.push_back(w);
      return words;
    };
    std::vector<std::vector<uint64_t>> quotes = {run(1, 30)};  // 0: 27 shingles
    for (int i = 0; i < 5; ++i) quotes.push_back(run(1, 5));   // 1-5: a phrase of 0's start
    quotes.push_back(run(20, 30));                             // 6: 0's end, 8 shingles
    auto find = [&](const std::vector<CandidatePair>& pairs, uint32_t a, uint32_t b) {
      for (const CandidatePair& p : pairs) {
        if (p.a == a && p.b == b) return p.shared;
      }
      return 0u;
    };
    NgramIndexOptions all;
    all.max_shingles = 0;
    NgramIndexOptions rarest;
    rarest.max_shingles = 4;
    const std::vector<CandidatePair> every = FindCandidatePairs(quotes, all);
    const std::vector<CandidatePair> some = FindCandidatePairs(quotes, rarest);
    CHECK(find(every, 0, 6) == 8);
    // 0 keeps 4 of the shingles it shares with 6 alone (2 quotations each), not the phrase 1-5
    // print too (6 each).
    CHECK(find(some, 0, 6) == 4);
    // 0's pairs with 1-5 come from their side: they count the earlier quotation 0 because
    // 0 was truncated.
    CHECK(some.size() == every.size());
    for (uint32_t k = 1; k <= 5; ++k) CHECK(find(some, 0, k) == 2);
    for (size_t i = 1; i < some.size(); ++i) {
      CHECK(
          (some[i - 1].a < some[i].a || (some[i - 1].a == some[i].a && some[i - 1].b < some[i].b)));
    }
  }

  TEST_CASE("FindCandidatePairs counts every shared shingle, past what a byte or 16 bits hold") {
    // Two long quotations of the same words share each of their shingles; counted without
    // the bound on shingles, the count is their number however large.
    for (const uint64_t words : {300ull, 70000ull}) {
      std::vector<uint64_t> run;
      for (uint64_t w = 1; w <= words; ++w) run.push_back(w);
      NgramIndexOptions all;
      all.max_shingles = 0;
      const std::vector<CandidatePair> pairs = FindCandidatePairs({run, run}, all);
      REQUIRE(pairs.size() == 1);
      CHECK(pairs[0].shared == words - 3);
    }
  }

  TEST_CASE("FindCandidatePairs pairs a too common shingle's quotations with its hubs only") {
    const auto quotes = Copies(9, "at the end of the day we will see");
    NgramIndexOptions options;
    options.max_document_frequency = 9;
    CHECK(FindCandidatePairs(quotes, options).size() == 36);  // every pair
    options.max_document_frequency = 4;
    // Each of the 9 pairs with the kHubsPerCommonShingle heaviest (weight 5 for quotation 6).
    std::vector<uint32_t> weights(9, 1);
    weights[6] = 5;
    const std::vector<CandidatePair> pairs = FindCandidatePairs(quotes, options, weights);
    const size_t hubs = kHubsPerCommonShingle;
    CHECK(pairs.size() == hubs * (9 - hubs) + hubs * (hubs - 1) / 2);
    size_t with_heaviest = 0;
    for (const CandidatePair& p : pairs) with_heaviest += p.a == 6 || p.b == 6 ? 1 : 0;
    CHECK(with_heaviest == 8);
  }

  TEST_CASE("FindCandidatePairs pairs each quotation of a long list with its neighbours") {
    // 20 versions of one utterance: under max_document_frequency, over 2 × 4 + 1.
    const auto quotes = Copies(20, "the viaduct will reopen in the spring");
    NgramIndexOptions options;
    options.max_candidates = 0;  // the pairs of the lists alone
    options.neighbours = 0;
    CHECK(FindCandidatePairs(quotes, options).size() == 190);  // every pair
    options.neighbours = 10;                                   // 2 × 10 + 1 > 20: every pair too
    CHECK(FindCandidatePairs(quotes, options).size() == 190);
    options.neighbours = 4;
    const std::vector<CandidatePair> pairs = FindCandidatePairs(quotes, options);
    CHECK(pairs.size() == 16 * 4 + 3 + 2 + 1);
    for (const CandidatePair& p : pairs) CHECK(p.b - p.a <= 4);
    // Each quotation is still in a pair with both its nearest (one chain joins them all).
    for (uint32_t q = 0; q + 1 < 20; ++q) {
      CHECK(std::any_of(pairs.begin(), pairs.end(),
                        [&](const CandidatePair& p) { return p.a == q && p.b == q + 1; }));
    }
    // A common shingle's list keeps its hubs (max_document_frequency comes first).
    options.max_document_frequency = 10;
    CHECK(FindCandidatePairs(quotes, options).size() ==
          kHubsPerCommonShingle * (20 - kHubsPerCommonShingle) +
              kHubsPerCommonShingle * (kHubsPerCommonShingle - 1) / 2);
  }

  TEST_CASE("FindCandidatePairs gives the same pairs on several threads") {
    std::vector<std::vector<uint64_t>> quotes;
    for (int i = 0; i < 5000; ++i) {
      quotes.push_back(Words(i % 2 ? "the repairs will take at least 18 weeks"
                                   : "the repairs will take at least 28 weeks"));
    }
    NgramIndexOptions one, two;
    one.max_document_frequency = two.max_document_frequency = 10000;
    one.neighbours = two.neighbours = 0;
    two.jobs = 2;
    std::vector<CandidatePair> a = FindCandidatePairs(quotes, one);
    std::vector<CandidatePair> b = FindCandidatePairs(quotes, two);
    REQUIRE(a.size() == b.size());
    bool same = true;
    for (size_t i = 0; i < a.size(); ++i) same = same && a[i].a == b[i].a && a[i].b == b[i].b;
    CHECK(same);
  }

  TEST_CASE("FindCandidatePairs: on two threads, the pairs of one, past every thread threshold") {
    // Enough postings and quotations that indexing, sorting and counting all run on two
    // threads; short quotations (indexed by their whole key) and truncated ones among them.
    std::vector<std::vector<uint64_t>> quotes;
    uint64_t state = 12345;
    auto next = [&](uint64_t bound) {
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      return (state >> 33) % bound;
    };
    for (int i = 0; i < 30000; ++i) {
      std::vector<uint64_t> words(1 + next(12));
      for (uint64_t& w : words) w = 1000 + next(40);
      quotes.push_back(std::move(words));
    }
    NgramIndexOptions one, two;
    one.max_shingles = two.max_shingles = 5;
    two.jobs = 2;
    size_t capped_one = 0, capped_two = 0;
    const std::vector<CandidatePair> a = FindCandidatePairs(quotes, one, {}, &capped_one);
    const std::vector<CandidatePair> b = FindCandidatePairs(quotes, two, {}, &capped_two);
    CHECK(a.size() > 30000);
    REQUIRE(a.size() == b.size());
    CHECK(capped_one == capped_two);
    size_t differing = 0;
    for (size_t i = 0; i < a.size(); ++i) {
      differing += a[i].a != b[i].a || a[i].b != b[i].b || a[i].shared != b[i].shared ? 1 : 0;
    }
    CHECK(differing == 0);
  }
}

}  // namespace quotecheck

namespace quotecheck {

TEST_SUITE("xref") {
  // batch (batch/batch_tasks.h) runs FindCandidatePairs' steps with the shingles cut into
  // partitions by hash and the quotations into blocks: the pairs must be exactly the same.
  // Small vocabularies and caps make common shingles (hubs), truncated quotations (rarest
  // shingles), capped candidates and short quotations frequent.
  TEST_CASE("candidate pairs found by partitions and blocks are the pairs found whole") {
    std::mt19937 random(12);
    for (int round = 0; round < 12; ++round) {
      const size_t vocabulary = 8 + random() % 40;
      std::vector<std::vector<uint64_t>> quotes(50 + random() % 250);
      std::vector<uint32_t> weights(quotes.size());
      for (size_t q = 0; q < quotes.size(); ++q) {
        const size_t words = random() % 14;  // some empty, some shorter than a shingle
        for (size_t w = 0; w < words; ++w) quotes[q].push_back(1000 + random() % vocabulary);
        weights[q] = 1 + random() % 3;
      }
      NgramIndexOptions options;
      options.max_document_frequency = 3 + random() % 10;
      options.max_shingles = random() % 6;  // 0: all
      options.max_candidates = random() % 7;
      size_t whole_capped = 0;
      const std::vector<CandidatePair> whole =
          FindCandidatePairs(quotes, options, weights, &whole_capped);
      std::vector<uint32_t> word_counts;
      for (const auto& q : quotes) word_counts.push_back(static_cast<uint32_t>(q.size()));
      for (size_t partitions : {1, 2, 3, 7}) {
        for (size_t blocks : {1, 2, 3, 7}) {
          CAPTURE(round);
          CAPTURE(partitions);
          CAPTURE(blocks);
          std::vector<ShingleLists> parts;
          for (size_t h = 0; h < partitions; ++h) {
            parts.push_back(ShinglePartition(quotes, options, weights, h, partitions));
          }
          const CandidateIndex index = JoinShingleLists(std::move(parts), quotes.size(), options);
          std::vector<std::vector<CandidatePair>> counted;
          size_t capped = 0;
          for (size_t b = 0; b < blocks; ++b) {
            size_t block_capped = 0;
            counted.push_back(CountCandidatePairs(word_counts, index, options,
                                                  quotes.size() * b / blocks,
                                                  quotes.size() * (b + 1) / blocks, &block_capped));
            capped += block_capped;
          }
          const bool any_truncated = std::find(index.truncated.begin(), index.truncated.end(),
                                               true) != index.truncated.end();
          const std::vector<CandidatePair> merged =
              MergeCandidatePairs(std::move(counted), any_truncated);
          REQUIRE(merged.size() == whole.size());
          for (size_t i = 0; i < whole.size(); ++i) {
            CHECK((merged[i].a == whole[i].a && merged[i].b == whole[i].b &&
                   merged[i].shared == whole[i].shared));
          }
          CHECK(capped == whole_capped);
        }
      }
    }
  }
}

}  // namespace quotecheck
