#pragma once
/// Running one function over contiguous slices of a range, one thread per slice: the shape of
/// every data-parallel pass of cross-referencing (tokenising quotations, deciding pairs), where
/// each slice writes only its own outputs and the caller joins them in slice order, so the
/// result does not depend on the number of threads.

#include <cstddef>
#include <thread>
#include <vector>

namespace quotecheck {

/// Calls fn(begin, end, slice) for `jobs` contiguous slices of [0, n) (slice j is
/// [n·j/jobs, n·(j+1)/jobs)), each on its own thread, and returns when all are done. With
/// `jobs` ≤ 1 or n = 0, one call fn(0, n, 0) on the calling thread.
template <typename Fn>
void RunInSlices(size_t n, unsigned jobs, Fn fn) {
  if (jobs <= 1 || n == 0) {
    fn(size_t{0}, n, 0u);
    return;
  }
  std::vector<std::thread> threads;
  for (unsigned j = 0; j < jobs; ++j) {
    threads.emplace_back(fn, n * j / jobs, n * (j + 1) / jobs, j);
  }
  for (auto& t : threads) t.join();
}

}  // namespace quotecheck
