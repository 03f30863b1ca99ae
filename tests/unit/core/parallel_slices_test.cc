#include "core/parallel_slices.h"

#include <doctest/doctest.h>

#include <atomic>
#include <cstddef>
#include <vector>

namespace quotecheck {

TEST_SUITE("core") {
  TEST_CASE("RunInSlices: contiguous slices of the range, one call each") {
    for (unsigned jobs : {1u, 2u, 3u}) {
      CAPTURE(jobs);
      std::vector<int> seen(10, 0);
      std::vector<int> slice_of(10, -1);
      RunInSlices(seen.size(), jobs, [&](size_t begin, size_t end, unsigned slice) {
        for (size_t i = begin; i < end; ++i) {
          ++seen[i];
          slice_of[i] = static_cast<int>(slice);
        }
      });
      CHECK(seen == std::vector<int>(10, 1));
      CHECK(slice_of.front() == 0);
      CHECK(slice_of.back() == static_cast<int>(jobs) - 1);
    }
  }

  TEST_CASE("RunInChunks: every item once, in chunks on bounded workers") {
    struct Case {
      size_t n, chunk;
      unsigned jobs;
    };
    for (const Case c : {Case{0, 4, 2}, Case{1, 4, 2}, Case{10, 3, 1}, Case{10, 3, 2},
                         Case{1000, 7, 3}, Case{5, 0, 2}}) {
      CAPTURE(c.n);
      CAPTURE(c.chunk);
      CAPTURE(c.jobs);
      std::vector<std::atomic<int>> seen(c.n);
      std::atomic<bool> aligned{true}, worker_ok{true};
      std::atomic<size_t> calls{0};
      RunInChunks(c.n, c.chunk, c.jobs, [&](size_t begin, size_t end, unsigned worker) {
        ++calls;
        const size_t chunk = c.chunk == 0 ? 1 : c.chunk;
        if (begin % chunk != 0 || end - begin > chunk || end > c.n) aligned = false;
        if (worker >= std::max(1u, c.jobs)) worker_ok = false;
        for (size_t i = begin; i < end; ++i) ++seen[i];
      });
      size_t once = 0;
      for (const auto& s : seen) once += s.load() == 1 ? 1 : 0;
      CHECK(once == c.n);
      CHECK(aligned.load());
      CHECK(worker_ok.load());
      const size_t chunk = c.chunk == 0 ? 1 : c.chunk;
      CHECK(calls.load() == (c.n + chunk - 1) / chunk);
    }
  }
}

}  // namespace quotecheck
