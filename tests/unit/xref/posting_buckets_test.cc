#include "xref/posting_buckets.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <vector>

namespace quotecheck {
namespace {

// Random postings: shingles from a small set (equal shingles on many quotations) and some
// repeated within a quotation (duplicate postings), spread over the whole 64 bits or packed
// into one bucket.
std::vector<std::vector<uint64_t>> RandomShingles(std::mt19937_64& random, size_t quotes,
                                                  bool packed) {
  std::vector<uint64_t> vocabulary(1 + random() % 300);
  for (uint64_t& v : vocabulary) v = packed ? random() >> 20 : random();
  vocabulary[0] = 0;  // the extremes, in the first and the last bucket
  if (vocabulary.size() > 1) vocabulary[1] = ~uint64_t{0};
  std::vector<std::vector<uint64_t>> out(quotes);
  for (auto& shingles : out) {
    const size_t n = random() % 12;  // some quotations have none
    for (size_t i = 0; i < n; ++i) shingles.push_back(vocabulary[random() % vocabulary.size()]);
  }
  return out;
}

}  // namespace

TEST_SUITE("xref") {
  TEST_CASE("SortBucket: large buckets (counted) and small ones as std::sort, without repeats") {
    std::mt19937_64 random(11);
    std::vector<Posting> sorted;
    std::vector<uint32_t> counters;
    for (int round = 0; round < 40; ++round) {
      // Shingles from a vocabulary (equal shingles, repeated postings) spread over the 64
      // bits, or packed into the low ones (every posting in one run of the counting sort).
      const size_t size = random() % 3000;
      std::vector<uint64_t> vocabulary(1 + random() % 500);
      for (uint64_t& v : vocabulary) v = round % 3 == 0 ? random() >> 40 : random();
      std::vector<Posting> bucket;
      for (size_t i = 0; i < size; ++i) {
        bucket.push_back(
            {vocabulary[random() % vocabulary.size()], static_cast<uint32_t>(random() % 50)});
      }
      std::vector<Posting> expected = bucket;
      std::sort(expected.begin(), expected.end());
      expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
      CAPTURE(round);
      SortBucket(bucket, 0, &sorted, &counters);
      CHECK(sorted == expected);
    }
  }

  TEST_CASE("PostingBucketBits: one bucket for few postings, more as they grow, bounded") {
    CHECK(PostingBucketBits(0) == 0);
    CHECK(PostingBucketBits(1000) == 0);
    CHECK(PostingBucketBits(1'000'000) > PostingBucketBits(100'000));
    CHECK(PostingBucketBits(size_t{1} << 50) == PostingBucketBits(size_t{1} << 51));
  }

  TEST_CASE("sorted buckets one after the other are std::sort's order, without repeats") {
    std::mt19937_64 random(10);
    for (int round = 0; round < 40; ++round) {
      const auto shingles = RandomShingles(random, random() % 500, round % 4 == 0);
      std::vector<Posting> expected;
      for (uint32_t q = 0; q < shingles.size(); ++q) {
        for (uint64_t h : shingles[q]) expected.push_back({h, q});
      }
      std::sort(expected.begin(), expected.end());
      expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
      for (unsigned bits : {0u, 1u, 3u, 8u}) {
        for (unsigned threads : {1u, 2u, 3u}) {
          CAPTURE(round);
          CAPTURE(bits);
          CAPTURE(threads);
          PostingBuckets buckets =
              BucketPostings(shingles.size(), bits, threads, [&](size_t q, auto post) {
                for (uint64_t h : shingles[q]) post(h);
              });
          REQUIRE(buckets.buckets() == size_t{1} << bits);
          for (size_t b = 0; b < buckets.buckets(); ++b) {
            const auto bucket = buckets.bucket(b);
            CHECK(std::all_of(bucket.begin(), bucket.end(), [&](const Posting& p) {
              return PostingBucket(p.shingle, bits) == b;
            }));
          }
          std::vector<std::vector<Posting>> slices(threads);
          ForEachSortedBucket(buckets, threads, [&](std::span<const Posting> sorted, unsigned s) {
            slices[s].insert(slices[s].end(), sorted.begin(), sorted.end());
          });
          std::vector<Posting> got;
          for (const auto& slice : slices) got.insert(got.end(), slice.begin(), slice.end());
          CHECK(got == expected);
        }
      }
    }
  }
}

}  // namespace quotecheck
