#pragma once
/// Sorting the postings of the n-gram index (xref/ngram_index.h) by (shingle, quotation),
/// bucket by bucket.
///
/// Why: one std::sort of every posting (tens of millions at 1 M quotations) goes to memory at
/// every level of its recursion, and its comparisons grow as n log n. The shingles are
/// hashes, uniform in their top bits, so the postings are written straight into buckets by
/// those bits (counted first, then written from each bucket's offset: one array, no copy), and
/// each bucket, about the size of a core's cache, is sorted on its own. Buckets follow each
/// other in shingle order, so the buckets one after the other are the postings sorted.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <utility>
#include <vector>

#include "core/parallel_slices.h"

namespace quotecheck {

/// One shingle of one quotation, in 12 bytes rather than 16 (packed, aligned on 4): a large
/// store has tens of millions (1 M quotations of gen_quote_store_hard.py: 32 M), and each
/// page of them is faulted in and cleared by the kernel once.
struct __attribute__((packed, aligned(4))) Posting {
  uint64_t shingle;
  uint32_t quote;
  bool operator<(const Posting& o) const {
    return shingle != o.shingle ? shingle < o.shingle : quote < o.quote;
  }
  bool operator==(const Posting& o) const = default;
};
static_assert(sizeof(Posting) == 12);

/// How many top bits of the shingle make the bucket for about `postings` postings: buckets of
/// about kPostingsPerBucket, at most 2^kMaxPostingBucketBits of them.
unsigned PostingBucketBits(size_t postings);

/// Postings bucketed by the top `bits` of their shingle; bucket b is
/// postings[begin[b] .. begin[b + 1]).
struct PostingBuckets {
  unsigned bits = 0;
  std::unique_ptr<Posting[]> postings;  // not value-initialised: every one is written
  std::vector<size_t> begin;            // buckets + 1 entries
  size_t buckets() const { return begin.size() - 1; }
  std::span<const Posting> bucket(size_t b) const {
    return {postings.get() + begin[b], postings.get() + begin[b + 1]};
  }
};

/// The bucket of `shingle` among 2^bits.
inline size_t PostingBucket(uint64_t shingle, unsigned bits) {
  return bits == 0 ? 0 : static_cast<size_t>(shingle >> (64 - bits));
}

/// The postings of quotations [0, quotes) bucketed by `bits`: `for_each(q, post)` calls
/// post(shingle) for each shingle of quotation q, and is called twice for each q (counting,
/// then writing), on `threads` threads (contiguous slices of the quotations, each from its
/// own offsets in every bucket: inside a bucket the postings are in quotation order).
template <typename ForEach>
PostingBuckets BucketPostings(size_t quotes, unsigned bits, unsigned threads, ForEach for_each) {
  PostingBuckets out;
  out.bits = bits;
  const size_t buckets = size_t{1} << bits;
  threads = std::max(1u, threads);
  // Per slice, per bucket: counted, then where the slice's next posting of the bucket goes.
  std::vector<size_t> at(threads * buckets, 0);
  RunInSlices(quotes, threads, [&](size_t begin, size_t end, unsigned slice) {
    size_t* count = at.data() + slice * buckets;
    for (size_t q = begin; q < end; ++q) {
      for_each(q, [&](uint64_t h) { ++count[PostingBucket(h, bits)]; });
    }
  });
  out.begin.assign(buckets + 1, 0);
  size_t total = 0;
  for (size_t b = 0; b < buckets; ++b) {
    out.begin[b] = total;
    for (unsigned t = 0; t < threads; ++t) total += std::exchange(at[t * buckets + b], total);
  }
  out.begin[buckets] = total;
  out.postings.reset(new Posting[total]);
  RunInSlices(quotes, threads, [&](size_t begin, size_t end, unsigned slice) {
    size_t* next = at.data() + slice * buckets;
    Posting* postings = out.postings.get();
    for (size_t q = begin; q < end; ++q) {
      const auto quote = static_cast<uint32_t>(q);
      for_each(q, [&](uint64_t h) { postings[next[PostingBucket(h, bits)]++] = {h, quote}; });
    }
  });
  return out;
}

/// Sorts `bucket` (postings of one bucket of `bits`) by (shingle, quotation) into `sorted`
/// (resized to it), without repeated postings (a quotation holding a shingle twice): a
/// counting sort by the shingle's next bits below the bucket's, then each small run sorted
/// on its own. `counters`: scratch space. A comparison sort of random hashes mispredicts a
/// branch at about every other comparison; the counting sort has no branch on the data.
void SortBucket(std::span<const Posting> bucket, unsigned bits, std::vector<Posting>* sorted,
                std::vector<uint32_t>* counters);

/// Sorts each bucket (SortBucket) and calls fn(sorted, slice) for each: buckets in contiguous
/// slices on `threads` threads, in bucket order within a slice, so that outputs of each slice
/// joined in slice order are in shingle order.
template <typename Fn>
void ForEachSortedBucket(const PostingBuckets& buckets, unsigned threads, Fn fn) {
  RunInSlices(buckets.buckets(), threads, [&](size_t begin, size_t end, unsigned slice) {
    std::vector<Posting> sorted;
    std::vector<uint32_t> counters;
    for (size_t b = begin; b < end; ++b) {
      SortBucket(buckets.bucket(b), buckets.bits, &sorted, &counters);
      fn(std::span<const Posting>(sorted), slice);
    }
  });
}

}  // namespace quotecheck
