#include "xref/posting_buckets.h"

namespace quotecheck {
namespace {

// Postings in a bucket, about: 32 Ki postings of 16 bytes (512 KiB) are sorted inside a
// core's L2 cache (1 MiB on the machines measured), leaving room for what the pass reads
// besides.
constexpr size_t kPostingsPerBucket = size_t{1} << 15;
// Buckets, at most 2^this: writing each posting into its bucket touches one place per
// bucket, and past a few thousand they no longer fit the TLB and the caches' lines.
constexpr unsigned kMaxPostingBucketBits = 12;

}  // namespace

unsigned PostingBucketBits(size_t postings) {
  unsigned bits = 0;
  while (bits < kMaxPostingBucketBits && (postings >> bits) > kPostingsPerBucket) ++bits;
  return bits;
}

}  // namespace quotecheck
