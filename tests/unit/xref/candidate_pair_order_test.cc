#include "xref/candidate_pair_order.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <set>
#include <utility>
#include <vector>

namespace quotecheck {
namespace {

bool Same(const std::vector<CandidatePair>& x, const std::vector<CandidatePair>& y) {
  return std::equal(x.begin(), x.end(), y.begin(), y.end(),
                    [](const CandidatePair& p, const CandidatePair& q) {
                      return p.a == q.a && p.b == q.b && p.shared == q.shared;
                    });
}

bool ByPair(const CandidatePair& x, const CandidatePair& y) {
  return x.a != y.a ? x.a < y.a : x.b < y.b;
}

// Distinct random pairs a < b among `quotes` quotations (from `first` on), in (a, b) order.
std::vector<CandidatePair> RandomPairs(std::mt19937& random, size_t pairs, uint32_t first,
                                       uint32_t quotes) {
  std::set<std::pair<uint32_t, uint32_t>> chosen;
  while (chosen.size() < pairs) {
    const uint32_t a = first + random() % quotes;
    const uint32_t b = first + random() % quotes;
    if (a < b) chosen.insert({a, b});
  }
  std::vector<CandidatePair> out;
  for (const auto& [a, b] : chosen) out.push_back({a, b, static_cast<uint32_t>(1 + random() % 5)});
  return out;
}

}  // namespace

TEST_SUITE("xref") {
  TEST_CASE("SortPairsByFirst: pairs in (b, a) order come out in (a, b) order") {
    std::mt19937 random(7);
    for (int round = 0; round < 30; ++round) {
      // Dense (a counting sort) and spread over a wide range (the merge sort).
      const uint32_t quotes = round % 3 == 0 ? 4'000'000'000u : 20 + random() % 300;
      const size_t pairs = random() % std::min<size_t>(400, quotes);
      const uint32_t first = round % 2 == 0 ? 0 : 1000;
      const std::vector<CandidatePair> expected = RandomPairs(random, pairs, first, quotes);
      std::vector<CandidatePair> pairs_by_b = expected;
      std::sort(pairs_by_b.begin(), pairs_by_b.end(),
                [](const CandidatePair& x, const CandidatePair& y) {
                  return x.b != y.b ? x.b < y.b : x.a < y.a;
                });
      CAPTURE(round);
      SortPairsByFirst(&pairs_by_b);
      CHECK(Same(pairs_by_b, expected));
    }
  }

  TEST_CASE("SortPairsByFirst keeps the order of pairs with the same first quotation") {
    std::vector<CandidatePair> pairs = {{5, 9, 1}, {2, 7, 1}, {5, 6, 2}, {2, 3, 3}, {5, 8, 4}};
    SortPairsByFirst(&pairs);
    CHECK(Same(pairs, {{2, 7, 1}, {2, 3, 3}, {5, 9, 1}, {5, 6, 2}, {5, 8, 4}}));
  }

  TEST_CASE(
      "MergeLargerCount: both lists in order, a pair found twice once with the larger count") {
    std::mt19937 random(8);
    for (int round = 0; round < 30; ++round) {
      const uint32_t quotes = 10 + random() % 60;
      const size_t most = quotes * (quotes - 1) / 2;
      std::vector<CandidatePair> x =
          RandomPairs(random, random() % std::min<size_t>(most, 200), 0, quotes);
      std::vector<CandidatePair> y =
          RandomPairs(random, random() % std::min<size_t>(most, 200), 0, quotes);
      // The reference: all of them sorted, the larger count of a pair first, repeats dropped.
      std::vector<CandidatePair> expected = x;
      expected.insert(expected.end(), y.begin(), y.end());
      std::sort(expected.begin(), expected.end(),
                [](const CandidatePair& p, const CandidatePair& q) {
                  return ByPair(p, q) || (!ByPair(q, p) && p.shared > q.shared);
                });
      expected.erase(std::unique(expected.begin(), expected.end(),
                                 [](const CandidatePair& p, const CandidatePair& q) {
                                   return p.a == q.a && p.b == q.b;
                                 }),
                     expected.end());
      CAPTURE(round);
      std::vector<CandidatePair> merged;
      MergeLargerCount(x, y, &merged);
      CHECK(Same(merged, expected));
      std::vector<CandidatePair> swapped;
      MergeLargerCount(y, x, &swapped);
      CHECK(Same(swapped, expected));
    }
  }
}

}  // namespace quotecheck
