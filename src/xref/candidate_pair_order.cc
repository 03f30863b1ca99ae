#include "xref/candidate_pair_order.h"

#include <algorithm>
#include <cstdint>

namespace quotecheck {
namespace {

// A counting sort keeps a counter per value of `a` between the smallest and the largest: past
// this many values per pair it would walk more counters than pairs, and a merge sort is
// cheaper.
constexpr size_t kMaxCountersPerPair = 4;

}  // namespace

void SortPairsByFirst(std::vector<CandidatePair>* pairs) {
  if (pairs->size() < 2) return;
  const auto [low, high] =
      std::minmax_element(pairs->begin(), pairs->end(),
                          [](const CandidatePair& x, const CandidatePair& y) { return x.a < y.a; });
  const uint32_t first = low->a;
  const size_t values = size_t{high->a} - first + 1;
  if (values > kMaxCountersPerPair * pairs->size()) {
    std::stable_sort(pairs->begin(), pairs->end(),
                     [](const CandidatePair& x, const CandidatePair& y) { return x.a < y.a; });
    return;
  }
  std::vector<uint32_t> next(values + 1, 0);  // where the next pair of each `a` goes
  for (const CandidatePair& p : *pairs) ++next[p.a - first + 1];
  for (size_t v = 1; v <= values; ++v) next[v] += next[v - 1];
  std::vector<CandidatePair> sorted(pairs->size());
  for (const CandidatePair& p : *pairs) sorted[next[p.a - first]++] = p;
  pairs->swap(sorted);
}

void MergeLargerCount(const std::vector<CandidatePair>& x, const std::vector<CandidatePair>& y,
                      std::vector<CandidatePair>* out) {
  auto i = x.begin();
  auto j = y.begin();
  while (i != x.end() && j != y.end()) {
    if (i->a != j->a ? i->a < j->a : i->b < j->b) {
      out->push_back(*i++);
    } else if (i->a != j->a || i->b != j->b) {
      out->push_back(*j++);
    } else {
      out->push_back(i->shared >= j->shared ? *i : *j);
      ++i;
      ++j;
    }
  }
  out->insert(out->end(), i, x.end());
  out->insert(out->end(), j, y.end());
}

}  // namespace quotecheck
