#pragma once
/// Putting candidate pairs (xref/ngram_index.h) in (a, b) order in linear time: the pairs of
/// one quotation are found together, so the pairs of a slice of quotations come out in
/// order but for those with an earlier quotation, and a pair found from both sides must be
/// kept once, with the larger count. A sort of all of them (tens of millions at 1 M
/// quotations) cost n log n; a counting sort and merges are linear.

#include <vector>

#include "xref/ngram_index.h"

namespace quotecheck {

/// Sorts `pairs` by `a`, stable (pairs of equal `a` keep their order): pairs in (b, a) order
/// come out in (a, b) order.
void SortPairsByFirst(std::vector<CandidatePair>* pairs);

/// `x` and `y` (each in (a, b) order, a pair at most once) merged into `out` in (a, b)
/// order, a pair in both once with the larger count.
void MergeLargerCount(const std::vector<CandidatePair>& x, const std::vector<CandidatePair>& y,
                      std::vector<CandidatePair>* out);

}  // namespace quotecheck
