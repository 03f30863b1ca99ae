#include "xref/posting_buckets.h"

#include <algorithm>

namespace quotecheck {
namespace {

// Postings in a bucket, about: 32 Ki postings of 12 bytes (384 KiB) are sorted inside a
// core's L2 cache (1 MiB on the machines measured), leaving room for what the pass reads
// besides.
constexpr size_t kPostingsPerBucket = size_t{1} << 15;
// Buckets, at most 2^this: writing each posting into its bucket touches one place per
// bucket, and past a few thousand they no longer fit the TLB and the caches' lines.
constexpr unsigned kMaxPostingBucketBits = 12;
// SortBucket counts postings by this many of the shingle's next bits per posting, about: runs
// of one value hold a few postings each, sorted by insertion (few comparisons), and the
// counters of one bucket stay in the L1 cache.
constexpr size_t kPostingsPerRun = 4;
constexpr unsigned kMaxRunBits = 12;
// Buckets smaller than this are sorted by comparison outright.
constexpr size_t kMinPostingsForCounting = 64;

}  // namespace

unsigned PostingBucketBits(size_t postings) {
  unsigned bits = 0;
  while (bits < kMaxPostingBucketBits && (postings >> bits) > kPostingsPerBucket) ++bits;
  return bits;
}

void SortBucket(std::span<const Posting> bucket, unsigned bits, std::vector<Posting>* sorted,
                std::vector<uint32_t>* counters) {
  sorted->resize(bucket.size());
  unsigned run_bits = 0;
  while (run_bits < kMaxRunBits && bits + run_bits < 64 &&
         (bucket.size() >> run_bits) > kPostingsPerRun) {
    ++run_bits;
  }
  if (bucket.size() < kMinPostingsForCounting || run_bits == 0) {
    std::copy(bucket.begin(), bucket.end(), sorted->begin());
    std::sort(sorted->begin(), sorted->end());
  } else {
    const unsigned shift = 64 - bits - run_bits;
    const uint64_t mask = (uint64_t{1} << run_bits) - 1;
    auto run = [&](const Posting& p) { return static_cast<size_t>((p.shingle >> shift) & mask); };
    std::vector<uint32_t>& next = *counters;  // where the next posting of each run goes
    next.assign((size_t{1} << run_bits) + 1, 0);
    for (const Posting& p : bucket) ++next[run(p) + 1];
    for (size_t r = 1; r < next.size(); ++r) next[r] += next[r - 1];
    for (const Posting& p : bucket) (*sorted)[next[run(p)]++] = p;
    // next[r] is now where run r ends (and run r + 1 begins).
    for (size_t r = 0, at = 0; r + 1 < next.size(); at = next[r++]) {
      std::sort(sorted->begin() + static_cast<std::ptrdiff_t>(at),
                sorted->begin() + static_cast<std::ptrdiff_t>(next[r]));
    }
  }
  sorted->erase(std::unique(sorted->begin(), sorted->end()), sorted->end());
}

}  // namespace quotecheck
