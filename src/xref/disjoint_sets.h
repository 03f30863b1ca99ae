#pragma once
/// Union-find over quotation indexes, the root of each set being its smallest (first) member:
/// the connected components that clusters are made of.

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <vector>

namespace quotecheck {

class DisjointSets {
 public:
  explicit DisjointSets(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  /// The set's root (path halving).
  size_t Find(size_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }
  void Join(size_t a, size_t b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);  // the root is the first member
  }
  bool Joined(size_t a, size_t b) { return Find(a) == Find(b); }
  /// Asks the processor for x's parent ahead of a Find of x (sets over a large store are
  /// asked about in random order).
  void Prefetch(size_t x) const { __builtin_prefetch(&parent_[x]); }

 private:
  std::vector<size_t> parent_;
};

}  // namespace quotecheck
