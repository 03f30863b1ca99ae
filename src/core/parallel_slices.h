#pragma once
/// Running one function over contiguous slices of a range, one thread per slice: the shape of
/// every data-parallel pass of cross-referencing (tokenising quotations, deciding pairs), where
/// each slice writes only its own outputs and the caller joins them in slice order, so the
/// result does not depend on the number of threads. RunInChunks: the same over small chunks
/// handed out in turn, for items of uneven cost.

#include <algorithm>
#include <atomic>
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

/// Calls fn(begin, end, worker) for the chunks [k·chunk, (k+1)·chunk) ∩ [0, n) of [0, n), each
/// taken in turn by the first of `jobs` threads to be free (worker: which thread, 0..jobs−1):
/// for items whose costs differ widely (clusters: most take microseconds, a giant one far
/// longer), where equal slices would leave a thread idle. Chunk k's outputs are the caller's
/// to join in chunk order. With `jobs` ≤ 1, every chunk in order on the calling thread.
template <typename Fn>
void RunInChunks(size_t n, size_t chunk, unsigned jobs, Fn fn) {
  chunk = chunk == 0 ? 1 : chunk;
  const size_t chunks = (n + chunk - 1) / chunk;
  std::atomic<size_t> next{0};
  const auto threads = static_cast<unsigned>(std::min<size_t>(jobs, chunks));
  RunInSlices(threads, threads, [&](size_t, size_t, unsigned worker) {
    for (size_t k; (k = next.fetch_add(1, std::memory_order_relaxed)) < chunks;) {
      fn(k * chunk, std::min(n, (k + 1) * chunk), worker);
    }
  });
}

}  // namespace quotecheck
