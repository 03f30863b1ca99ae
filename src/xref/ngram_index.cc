#include "xref/ngram_index.h"

#include <algorithm>
#include <span>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "core/hash.h"
#include "core/parallel_slices.h"
#include "core/release_memory.h"
#include "xref/candidate_pair_order.h"
#include "xref/posting_buckets.h"

namespace quotecheck {
namespace {

uint64_t Mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  return h;
}

// Below these sizes a step runs on one thread: starting one costs more than it saves.
constexpr size_t kMinPostingsForTwoThreads = 100000;
constexpr size_t kMinQuotesForThreadedCounting = 4096;

// Candidate pairs in (a, b) order.
bool PairOrder(const CandidatePair& x, const CandidatePair& y) {
  return x.a != y.a ? x.a < y.a : x.b < y.b;
}

// A set of word hashes asked about every word of every quotation (the first words of short
// quotations, ShinglePartition), most of them not in it: a bitmap indexed by the hash's
// scrambled top bits answers them, the set only those whose bit is set.
class WordSet {
 public:
  void Insert(uint64_t word) { words_.insert(word); }
  bool empty() const { return words_.empty(); }
  // Call once every word is in, before Contains.
  void Seal() {
    bits_ = kMinFilterBits;
    while (bits_ < kMaxFilterBits && (size_t{1} << bits_) < kFilterBitsPerWord * words_.size()) {
      ++bits_;
    }
    filter_.assign(((size_t{1} << bits_) + 63) / 64, 0);
    for (uint64_t w : words_) filter_[Slot(w) / 64] |= uint64_t{1} << (Slot(w) % 64);
  }
  bool Contains(uint64_t word) const {
    const size_t slot = Slot(word);
    return (filter_[slot / 64] >> (slot % 64) & 1) != 0 && words_.count(word) != 0;
  }

 private:
  // Bits per word in the set: a word not in it finds its bit set about once in this many.
  static constexpr size_t kFilterBitsPerWord = 32;
  // 512 bits at least, 4 Mi bits (512 KiB, a core's L2 cache) at most.
  static constexpr unsigned kMinFilterBits = 9;
  static constexpr unsigned kMaxFilterBits = 22;
  size_t Slot(uint64_t word) const {
    return static_cast<size_t>((word * 0x9e3779b97f4a7c15ull) >> (64 - bits_));
  }
  std::unordered_set<uint64_t> words_;
  std::vector<uint64_t> filter_;
  unsigned bits_ = kMinFilterBits;
};

// The lists of sorted postings (ShinglePartition): each shingle on two quotations or more,
// with its hubs when it is common.
void AppendLists(std::span<const Posting> postings, const NgramIndexOptions& options,
                 const std::vector<uint32_t>& weights, ShingleLists* lists) {
  auto weight = [&](uint32_t q) { return q < weights.size() ? weights[q] : 1u; };
  std::vector<uint32_t> members;
  for (size_t i = 0; i < postings.size();) {
    size_t j = i;
    while (j < postings.size() && postings[j].shingle == postings[i].shingle) ++j;
    const size_t df = j - i;
    if (df >= 2) {
      lists->shingle.push_back(postings[i].shingle);
      for (size_t k = i; k < j; ++k) lists->members.push_back(postings[k].quote);
      lists->member_end.push_back(static_cast<uint32_t>(lists->members.size()));
      if (df > options.max_document_frequency) {
        members.assign(lists->members.end() - static_cast<std::ptrdiff_t>(df),
                       lists->members.end());
        const size_t hubs = std::min(kHubsPerCommonShingle, members.size());
        std::partial_sort(members.begin(), members.begin() + static_cast<std::ptrdiff_t>(hubs),
                          members.end(), [&](uint32_t x, uint32_t y) {
                            return weight(x) != weight(y) ? weight(x) > weight(y) : x < y;
                          });
        lists->hubs.insert(lists->hubs.end(), members.begin(),
                           members.begin() + static_cast<std::ptrdiff_t>(hubs));
      }
      lists->hub_end.push_back(static_cast<uint32_t>(lists->hubs.size()));
    }
    i = j;
  }
}

// `more` appended to `lists` (whose shingles all come before more's).
void AppendShingleLists(const ShingleLists& more, ShingleLists* lists) {
  const auto members = static_cast<uint32_t>(lists->members.size());
  const auto hubs = static_cast<uint32_t>(lists->hubs.size());
  lists->shingle.insert(lists->shingle.end(), more.shingle.begin(), more.shingle.end());
  lists->members.insert(lists->members.end(), more.members.begin(), more.members.end());
  lists->hubs.insert(lists->hubs.end(), more.hubs.begin(), more.hubs.end());
  for (uint32_t end : more.member_end) lists->member_end.push_back(members + end);
  for (uint32_t end : more.hub_end) lists->hub_end.push_back(hubs + end);
}

// The members of list `l` that quotation `a`, its member at `place` (an index into
// lists.members), counting all of it or a hub, is counted with: all of them, or in a list too
// long for every pair (NgramIndexOptions::neighbours) its neighbours, as [begin, end) into
// lists.members.
std::pair<uint32_t, uint32_t> CountedMembers(const ShingleLists& lists, uint32_t l, uint32_t place,
                                             const NgramIndexOptions& options) {
  const uint32_t begin = l == 0 ? 0 : lists.member_end[l - 1];
  const uint32_t end = lists.member_end[l];
  const size_t around = options.neighbours;
  const bool has_hubs = lists.hub_end[l] != (l == 0 ? 0 : lists.hub_end[l - 1]);
  if (around == 0 || has_hubs || end - begin <= 2 * around + 1) return {begin, end};
  return {place - std::min<uint32_t>(place - begin, static_cast<uint32_t>(around)),
          std::min<uint32_t>(end, place + static_cast<uint32_t>(around) + 1)};
}

}  // namespace

ShingleLists ShinglePartition(const std::vector<std::vector<uint64_t>>& quotes,
                              const NgramIndexOptions& options,
                              const std::vector<uint32_t>& weights, size_t partition,
                              size_t partitions) {
  const size_t n = std::max<size_t>(1, options.ngram);
  auto shingle = [&](const std::vector<uint64_t>& words, size_t i, size_t len) {
    uint64_t h = 0x51ull + len;
    for (size_t k = 0; k < len; ++k) h = Mix(h, words[i + k]);
    return h;
  };
  auto mine = [&](uint64_t h) { return partitions <= 1 || h % partitions == partition; };
  size_t estimate = 0;
  for (const auto& words : quotes) estimate += words.size() >= n ? words.size() - n + 1 : 1;
  const unsigned threads =
      options.jobs > 1 && estimate / std::max<size_t>(1, partitions) > kMinPostingsForTwoThreads
          ? 2
          : 1;
  // Quotations shorter than a shingle are indexed by their whole key; longer ones must meet
  // them through every run of their words of that length, but only runs that start with
  // the first word of some short quotation are hashed (a cheap set test per position).
  WordSet short_firsts;
  // The postings of quotation q: its shingles (`shorts`: the runs that may equal a short
  // quotation's whole key, once short_firsts is known), each given to `post`.
  auto for_each_posting = [&](uint32_t q, bool shorts, auto post) {
    const auto& words = quotes[q];
    if (!shorts) {
      if (words.empty()) return;
      if (words.size() < n) {
        if (const uint64_t h = shingle(words, 0, words.size()); mine(h)) post(h);
        return;
      }
      for (size_t i = 0; i + n <= words.size(); ++i) {
        if (const uint64_t h = shingle(words, i, n); mine(h)) post(h);
      }
      return;
    }
    if (words.size() < 2) return;
    for (size_t i = 0; i < words.size(); ++i) {
      if (!short_firsts.Contains(words[i])) continue;
      for (size_t len = 1; len < n && len < words.size() && i + len <= words.size(); ++len) {
        if (const uint64_t h = shingle(words, i, len); mine(h)) post(h);
      }
    }
  };
  for (const auto& words : quotes) {
    if (!words.empty() && words.size() < n) short_firsts.Insert(words[0]);
  }
  short_firsts.Seal();
  // Every posting written straight into its bucket (the shingle's top bits), slices of the
  // quotations on their own threads; each bucket sorted, deduplicated and made into lists,
  // slices of the buckets on their own threads; the slices' lists joined in slice order
  // (shingle order).
  PostingBuckets postings =
      BucketPostings(quotes.size(), PostingBucketBits(estimate / std::max<size_t>(1, partitions)),
                     threads, [&](size_t q, auto post) {
                       for_each_posting(static_cast<uint32_t>(q), false, post);
                       if (!short_firsts.empty())
                         for_each_posting(static_cast<uint32_t>(q), true, post);
                     });
  std::vector<ShingleLists> lists(threads);
  ForEachSortedBucket(postings, threads, [&](std::span<const Posting> sorted, unsigned slice) {
    AppendLists(sorted, options, weights, &lists[slice]);
  });
  ReleaseMemory(postings);
  for (unsigned t = 1; t < threads; ++t) AppendShingleLists(lists[t], &lists[0]);
  return std::move(lists[0]);
}

CandidateIndex JoinShingleLists(std::vector<ShingleLists> partitions, size_t quotes,
                                const NgramIndexOptions& options) {
  CandidateIndex index;
  ShingleLists& all = index.lists;
  if (partitions.size() == 1) {
    all = std::move(partitions.front());
  } else {
    // The lists in shingle order, as one partition would hold them: the order in which a
    // quotation meets its lists decides which of equally shared candidates it keeps.
    struct Ref {
      uint64_t shingle;
      uint32_t part, list;
    };
    std::vector<Ref> order;
    for (uint32_t p = 0; p < partitions.size(); ++p) {
      for (uint32_t l = 0; l < partitions[p].size(); ++l) {
        order.push_back({partitions[p].shingle[l], p, l});
      }
    }
    std::sort(order.begin(), order.end(),
              [](const Ref& x, const Ref& y) { return x.shingle < y.shingle; });
    for (const Ref& r : order) {
      const ShingleLists& part = partitions[r.part];
      all.shingle.push_back(r.shingle);
      const uint32_t mb = r.list == 0 ? 0 : part.member_end[r.list - 1];
      all.members.insert(all.members.end(), part.members.begin() + mb,
                         part.members.begin() + part.member_end[r.list]);
      all.member_end.push_back(static_cast<uint32_t>(all.members.size()));
      const uint32_t hb = r.list == 0 ? 0 : part.hub_end[r.list - 1];
      all.hubs.insert(all.hubs.end(), part.hubs.begin() + hb,
                      part.hubs.begin() + part.hub_end[r.list]);
      all.hub_end.push_back(static_cast<uint32_t>(all.hubs.size()));
    }
  }
  // Each quotation's lists in list order, one array: counted, then written from each
  // quotation's start.
  index.lists_begin.assign(quotes + 1, 0);
  for (uint32_t member : all.members) ++index.lists_begin[member + 1];
  for (size_t q = 0; q < quotes; ++q) index.lists_begin[q + 1] += index.lists_begin[q];
  index.lists_end.assign(index.lists_begin.begin(), index.lists_begin.end() - 1);
  index.lists_of.resize(all.members.size());
  for (uint32_t l = 0; l < all.size(); ++l) {
    for (uint32_t k = l == 0 ? 0 : all.member_end[l - 1]; k < all.member_end[l]; ++k) {
      index.lists_of[index.lists_end[all.members[k]]++] = {l, k};
    }
  }
  // A quotation on more than max_shingles lists keeps its rarest ones (the fewest members;
  // ties: the smaller shingle): the shingles of its own utterance, which its versions share,
  // rather than the phrases it shares with a growing part of the store. Such a truncated
  // quotation may miss a later one it shares only other shingles with, so the later one
  // counts it too (CountCandidatePairs).
  index.truncated.assign(quotes, false);
  if (options.max_shingles > 0) {
    auto df = [&](uint32_t l) { return all.member_end[l] - (l == 0 ? 0 : all.member_end[l - 1]); };
    std::vector<uint8_t> truncated(quotes, 0);  // bytes: written from several threads
    const unsigned threads =
        quotes < kMinQuotesForThreadedCounting ? 1 : std::max(1u, options.jobs);
    RunInSlices(quotes, threads, [&](size_t begin, size_t end, unsigned) {
      // A quotation's lists ranked by (members, list): lists are in shingle order, so the list
      // number breaks ties as the shingle does. Each list's length is read once, and those of
      // the next quotation asked for ahead: they lie anywhere in memory.
      std::vector<std::pair<uint64_t, CandidateIndex::ListPlace>> ranked;
      auto too_many = [&](size_t q) {
        return index.lists_end[q] - index.lists_begin[q] > options.max_shingles;
      };
      for (size_t q = begin; q < end; ++q) {
        if (q + 1 < end && too_many(q + 1)) {
          for (uint32_t i = index.lists_begin[q + 1]; i < index.lists_end[q + 1]; ++i) {
            const uint32_t l = index.lists_of[i].list;
            __builtin_prefetch(&all.member_end[l == 0 ? 0 : l - 1]);
          }
        }
        if (!too_many(q)) continue;
        const auto first = index.lists_of.begin() + index.lists_begin[q];
        const auto last = index.lists_of.begin() + index.lists_end[q];
        ranked.clear();
        for (auto it = first; it != last; ++it) {
          ranked.push_back({uint64_t{df(it->list)} << 32 | it->list, *it});
        }
        const auto keep = ranked.begin() + static_cast<std::ptrdiff_t>(options.max_shingles);
        std::nth_element(ranked.begin(), keep, ranked.end(),
                         [](const auto& x, const auto& y) { return x.first < y.first; });
        for (auto it = ranked.begin(); it != keep; ++it)
          *(first + (it - ranked.begin())) = it->second;
        index.lists_end[q] = index.lists_begin[q] + static_cast<uint32_t>(options.max_shingles);
        truncated[q] = 1;
      }
    });
    for (size_t q = 0; q < quotes; ++q) index.truncated[q] = truncated[q] != 0;
  }
  return index;
}

namespace {

// Quotation numbers in one cache line of a list's members.
constexpr uint32_t kMembersPerCacheLine = 16;

// CountCandidatePairs with each candidate's shared shingles counted in a `Count`.
template <typename Count>
std::vector<CandidatePair> CountPairsIn(const std::vector<uint32_t>& word_counts,
                                        const CandidateIndex& index,
                                        const NgramIndexOptions& options, size_t begin, size_t end,
                                        size_t* capped) {
  // For each quotation a, count the shingles it shares with each later quotation b; keep
  // the pairs that share enough (two, unless a side is too short to hold two).
  const size_t n = std::max<size_t>(1, options.ngram);
  const ShingleLists& lists = index.lists;
  const std::vector<bool>& truncated = index.truncated;
  std::vector<Count> count(word_counts.size(), 0);
  // Whether each quotation is longer than a shingle, one bit each: asked of every candidate,
  // in random order, it stays in the cache where the counts themselves would not.
  std::vector<bool> longer(word_counts.size());
  for (size_t q = 0; q < word_counts.size(); ++q) longer[q] = word_counts[q] > n;
  std::vector<uint32_t> touched;
  std::vector<CandidatePair> out;      // pairs (a, b) with a later b, in order
  std::vector<CandidatePair> earlier;  // pairs (b, a) with an earlier, truncated b
  std::vector<CandidatePair> mine;     // a's pairs
  // Each list a counts sits somewhere in memory of its own: its ends, then the members a is
  // counted with, are cache misses. They are asked for ahead (the ends two quotations ahead,
  // the members, found from those ends, one ahead), so that the loads overlap rather than
  // wait in turn. Inlined by force: GCC takes a function that only prefetches for one without
  // effects and drops the calls to it (the binary had no prefetch here until 2026-12).
  auto prefetch = [&](size_t q, bool members) __attribute__((always_inline)) {
    if (q >= end) return;
    for (uint32_t i = index.lists_begin[q]; i < index.lists_end[q]; ++i) {
      const auto [l, place] = index.lists_of[i];
      if (!members) {
        __builtin_prefetch(&lists.member_end[l]);
        __builtin_prefetch(&lists.hub_end[l]);
        continue;
      }
      const uint32_t hubs = l == 0 ? 0 : lists.hub_end[l - 1];
      if (hubs != lists.hub_end[l]) {
        __builtin_prefetch(&lists.hubs[hubs]);
        continue;
      }
      const auto [k_begin, k_end] = CountedMembers(lists, l, place, options);
      for (uint32_t k = k_begin; k < k_end; k += kMembersPerCacheLine) {
        __builtin_prefetch(&lists.members[k]);
      }
      __builtin_prefetch(&lists.members[k_end - 1]);
    }
  };
  prefetch(begin, false);
  prefetch(begin + 1, false);
  *capped = 0;
  for (size_t a = begin; a < end; ++a) {
    prefetch(a + 2, false);
    prefetch(a + 1, true);
    touched.clear();
    // Later quotations, and earlier ones whose own count may have missed a.
    auto counts = [&](uint32_t b) { return b > a || (b < a && truncated[b]); };
    for (uint32_t i = index.lists_begin[a]; i < index.lists_end[a]; ++i) {
      const auto [l, place] = index.lists_of[i];
      const auto hubs_begin = lists.hubs.begin() + (l == 0 ? 0 : lists.hub_end[l - 1]);
      const auto hubs_end = lists.hubs.begin() + lists.hub_end[l];
      const bool everyone =
          hubs_begin == hubs_end || std::find(hubs_begin, hubs_end, a) != hubs_end;
      if (!everyone) {  // a common shingle: only its hubs
        for (auto it = hubs_begin; it != hubs_end; ++it) {
          if (counts(*it) && count[*it]++ == 0) touched.push_back(*it);
        }
        continue;
      }
      const auto [k_begin, k_end] = CountedMembers(lists, l, place, options);
      for (uint32_t k = k_begin; k < k_end; ++k) {
        const uint32_t b = lists.members[k];
        if (!counts(b)) continue;
        if (count[b]++ == 0) touched.push_back(b);
      }
    }
    // The pairs that share enough, at most max_candidates of them: those sharing the most
    // shingles (ties: the earlier quotation).
    mine.clear();
    for (uint32_t b : touched) {
      const uint32_t need = longer[a] && longer[b] ? options.min_shared : 1;
      if (count[b] >= need) {
        mine.push_back({std::min(static_cast<uint32_t>(a), b),
                        std::max(static_cast<uint32_t>(a), b), count[b]});
      }
      count[b] = 0;
    }
    if (options.max_candidates > 0 && mine.size() > options.max_candidates) {
      const auto keep = mine.begin() + static_cast<std::ptrdiff_t>(options.max_candidates);
      std::nth_element(mine.begin(), keep, mine.end(),
                       [](const CandidatePair& x, const CandidatePair& y) {
                         return x.shared != y.shared ? x.shared > y.shared : x.b < y.b;
                       });
      mine.erase(keep, mine.end());
      ++*capped;
    }
    // In (a, b) order: the pairs with earlier quotations, (b, a), come first.
    std::sort(mine.begin(), mine.end(), PairOrder);
    const auto later =
        std::find_if(mine.begin(), mine.end(), [&](const CandidatePair& p) { return p.a == a; });
    earlier.insert(earlier.end(), mine.begin(), later);
    out.insert(out.end(), later, mine.end());
  }
  // Sorted here, on the block's own thread, so that merging the blocks is linear. `out` is in
  // order; `earlier` is in (b, a) order, the order its pairs were found in.
  if (earlier.empty()) return out;
  SortPairsByFirst(&earlier);
  std::vector<CandidatePair> merged;
  merged.reserve(out.size() + earlier.size());
  MergeLargerCount(out, earlier, &merged);
  return merged;
}

}  // namespace

std::vector<CandidatePair> CountCandidatePairs(const std::vector<uint32_t>& word_counts,
                                               const CandidateIndex& index,
                                               const NgramIndexOptions& options, size_t begin,
                                               size_t end, size_t* capped) {
  // A count is read at a random place for every candidate: in the narrowest type that holds
  // the most lists one quotation counts, the counts stay in a core's cache longer (1 M
  // quotations: 1 MB of bytes rather than 2 MB of 16-bit counts).
  uint32_t most = 0;
  for (size_t q = begin; q < end; ++q) {
    most = std::max(most, index.lists_end[q] - index.lists_begin[q]);
  }
  if (most <= UINT8_MAX) {
    return CountPairsIn<uint8_t>(word_counts, index, options, begin, end, capped);
  }
  if (most <= UINT16_MAX) {
    return CountPairsIn<uint16_t>(word_counts, index, options, begin, end, capped);
  }
  return CountPairsIn<uint32_t>(word_counts, index, options, begin, end, capped);
}

std::vector<CandidatePair> MergeCandidatePairs(std::vector<std::vector<CandidatePair>> blocks,
                                               bool any_truncated) {
  std::vector<CandidatePair> out;
  size_t pairs = 0;
  for (const auto& block : blocks) pairs += block.size();
  if (!any_truncated) {  // the blocks' pairs are apart, in block order
    out.reserve(pairs);
    for (auto& block : blocks) {
      out.insert(out.end(), block.begin(), block.end());
      ReleaseMemory(block);
    }
    return out;
  }
  // A pair found from both sides once, with the larger count; in (a, b) order. Each block is
  // in that order (CountCandidatePairs), so merges are enough.
  for (auto& block : blocks) {
    if (block.empty()) continue;
    if (out.empty()) {
      out = std::move(block);
      continue;
    }
    std::vector<CandidatePair> merged;
    merged.reserve(out.size() + block.size());
    MergeLargerCount(out, block, &merged);
    ReleaseMemory(block);
    out.swap(merged);
  }
  return out;
}

std::vector<CandidatePair> FindCandidatePairs(const std::vector<std::vector<uint64_t>>& quotes,
                                              const NgramIndexOptions& options,
                                              const std::vector<uint32_t>& weights,
                                              size_t* capped) {
  std::vector<ShingleLists> partitions;
  partitions.push_back(ShinglePartition(quotes, options, weights, 0, 1));
  const CandidateIndex index = JoinShingleLists(std::move(partitions), quotes.size(), options);
  std::vector<uint32_t> word_counts(quotes.size());
  for (size_t q = 0; q < quotes.size(); ++q) {
    word_counts[q] = static_cast<uint32_t>(quotes[q].size());
  }
  // Slices of the quotations counted on their own threads, merged in slice order: the
  // output does not depend on the thread count.
  const unsigned jobs =
      quotes.size() < kMinQuotesForThreadedCounting ? 1 : std::max(1u, options.jobs);
  std::vector<std::vector<CandidatePair>> parts(jobs);
  std::vector<size_t> capped_in(jobs, 0);
  RunInSlices(quotes.size(), jobs, [&](size_t begin, size_t end, unsigned slice) {
    parts[slice] = CountCandidatePairs(word_counts, index, options, begin, end, &capped_in[slice]);
  });
  if (capped != nullptr) {
    *capped = 0;
    for (size_t c : capped_in) *capped += c;
  }
  const bool any_truncated =
      std::find(index.truncated.begin(), index.truncated.end(), true) != index.truncated.end();
  return MergeCandidatePairs(std::move(parts), any_truncated);
}

}  // namespace quotecheck
