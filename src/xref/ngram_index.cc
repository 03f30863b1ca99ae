#include "xref/ngram_index.h"

#include <algorithm>
#include <string_view>
#include <thread>
#include <unordered_set>

#include "core/hash.h"
#include "core/release_memory.h"

namespace quotecheck {
namespace {

uint64_t Mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  return h;
}

// Below these sizes a step runs on one thread: starting one costs more than it saves.
constexpr size_t kMinPostingsForTwoSortThreads = 100000;
constexpr size_t kMinQuotesForThreadedCounting = 4096;

struct Posting {
  uint64_t shingle;
  uint32_t quote;
  bool operator<(const Posting& o) const {
    return shingle != o.shingle ? shingle < o.shingle : quote < o.quote;
  }
};

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
  std::vector<Posting> postings;
  size_t total = 0;
  for (const auto& words : quotes) total += words.size() >= n ? words.size() - n + 1 : 1;
  total /= std::max<size_t>(1, partitions);
  postings.reserve(total + total / 8);
  // Quotations shorter than a shingle are indexed by their whole key; longer ones must meet
  // them through every run of their words of that length, but only runs that start with
  // the first word of some short quotation are hashed (a cheap set test per position).
  std::unordered_set<uint64_t> short_firsts;
  for (uint32_t q = 0; q < quotes.size(); ++q) {
    const auto& words = quotes[q];
    if (words.empty()) continue;
    if (words.size() < n) {
      const uint64_t h = shingle(words, 0, words.size());
      if (mine(h)) postings.push_back({h, q});
      short_firsts.insert(words[0]);
      continue;
    }
    for (size_t i = 0; i + n <= words.size(); ++i) {
      const uint64_t h = shingle(words, i, n);
      if (mine(h)) postings.push_back({h, q});
    }
  }
  if (!short_firsts.empty()) {
    for (uint32_t q = 0; q < quotes.size(); ++q) {
      const auto& words = quotes[q];
      if (words.size() < 2) continue;
      for (size_t i = 0; i < words.size(); ++i) {
        if (!short_firsts.count(words[i])) continue;
        for (size_t len = 1; len < n && len < words.size() && i + len <= words.size(); ++len) {
          const uint64_t h = shingle(words, i, len);
          if (mine(h)) postings.push_back({h, q});
        }
      }
    }
  }
  // Sorted in two halves by the shingle's top bit, one thread each when asked.
  {
    auto middle = std::partition(postings.begin(), postings.end(),
                                 [](const Posting& p) { return (p.shingle >> 63) == 0; });
    if (options.jobs > 1 && postings.size() > kMinPostingsForTwoSortThreads) {
      std::thread low([&] { std::sort(postings.begin(), middle); });
      std::sort(middle, postings.end());
      low.join();
    } else {
      std::sort(postings.begin(), middle);
      std::sort(middle, postings.end());
    }
  }
  postings.erase(std::unique(postings.begin(), postings.end(),
                             [](const Posting& x, const Posting& y) {
                               return x.shingle == y.shingle && x.quote == y.quote;
                             }),
                 postings.end());

  // Posting lists of two quotations or more. A list longer than the cap is a common
  // shingle: only its heaviest quotations (hubs) pair with the others.
  ShingleLists lists;
  auto weight = [&](uint32_t q) { return q < weights.size() ? weights[q] : 1u; };
  std::vector<uint32_t> members;
  for (size_t i = 0; i < postings.size();) {
    size_t j = i;
    while (j < postings.size() && postings[j].shingle == postings[i].shingle) ++j;
    const size_t df = j - i;
    if (df >= 2) {
      lists.shingle.push_back(postings[i].shingle);
      for (size_t k = i; k < j; ++k) lists.members.push_back(postings[k].quote);
      lists.member_end.push_back(static_cast<uint32_t>(lists.members.size()));
      if (df > options.max_document_frequency) {
        members.assign(lists.members.end() - static_cast<std::ptrdiff_t>(df), lists.members.end());
        const size_t hubs = std::min(kHubsPerCommonShingle, members.size());
        std::partial_sort(members.begin(), members.begin() + static_cast<std::ptrdiff_t>(hubs),
                          members.end(), [&](uint32_t x, uint32_t y) {
                            return weight(x) != weight(y) ? weight(x) > weight(y) : x < y;
                          });
        lists.hubs.insert(lists.hubs.end(), members.begin(),
                          members.begin() + static_cast<std::ptrdiff_t>(hubs));
      }
      lists.hub_end.push_back(static_cast<uint32_t>(lists.hubs.size()));
    }
    i = j;
  }
  return lists;
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
  index.lists_of.resize(quotes);
  for (uint32_t l = 0; l < all.size(); ++l) {
    for (uint32_t k = l == 0 ? 0 : all.member_end[l - 1]; k < all.member_end[l]; ++k) {
      index.lists_of[all.members[k]].push_back(l);
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
    for (size_t q = 0; q < quotes; ++q) {
      auto& mine = index.lists_of[q];
      if (mine.size() <= options.max_shingles) continue;
      const auto keep = mine.begin() + static_cast<std::ptrdiff_t>(options.max_shingles);
      std::nth_element(mine.begin(), keep, mine.end(), [&](uint32_t x, uint32_t y) {
        return df(x) != df(y) ? df(x) < df(y) : all.shingle[x] < all.shingle[y];
      });
      mine.erase(keep, mine.end());
      index.truncated[q] = true;
    }
  }
  return index;
}

std::vector<CandidatePair> CountCandidatePairs(const std::vector<uint32_t>& word_counts,
                                               const CandidateIndex& index,
                                               const NgramIndexOptions& options, size_t begin,
                                               size_t end, size_t* capped) {
  // For each quotation a, count the shingles it shares with each later quotation b; keep
  // the pairs that share enough (two, unless a side is too short to hold two).
  const size_t n = std::max<size_t>(1, options.ngram);
  const ShingleLists& lists = index.lists;
  const std::vector<bool>& truncated = index.truncated;
  std::vector<uint16_t> count(word_counts.size(), 0);
  std::vector<uint32_t> touched;
  std::vector<CandidatePair> out;
  *capped = 0;
  for (size_t a = begin; a < end; ++a) {
    touched.clear();
    // Later quotations, and earlier ones whose own count may have missed a.
    auto counts = [&](uint32_t b) { return b > a || (b < a && truncated[b]); };
    for (uint32_t l : index.lists_of[a]) {
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
      for (uint32_t k = l == 0 ? 0 : lists.member_end[l - 1]; k < lists.member_end[l]; ++k) {
        const uint32_t b = lists.members[k];
        if (!counts(b)) continue;
        if (count[b]++ == 0) touched.push_back(b);
      }
    }
    // The pairs that share enough, at most max_candidates of them: those sharing the most
    // shingles (ties: the earlier quotation).
    const size_t first = out.size();
    for (uint32_t b : touched) {
      const size_t shorter = std::min(word_counts[a], word_counts[b]);
      const uint32_t need = shorter > n ? options.min_shared : 1;
      if (count[b] >= need) {
        out.push_back({std::min(static_cast<uint32_t>(a), b), std::max(static_cast<uint32_t>(a), b),
                       count[b]});
      }
      count[b] = 0;
    }
    auto mine = out.begin() + static_cast<std::ptrdiff_t>(first);
    if (options.max_candidates > 0 && out.size() - first > options.max_candidates) {
      const auto keep = mine + static_cast<std::ptrdiff_t>(options.max_candidates);
      std::nth_element(mine, keep, out.end(), [](const CandidatePair& x, const CandidatePair& y) {
        return x.shared != y.shared ? x.shared > y.shared : x.b < y.b;
      });
      out.erase(keep, out.end());
      ++*capped;
    }
    std::sort(mine, out.end(), [](const CandidatePair& x, const CandidatePair& y) {
      return x.a != y.a ? x.a < y.a : x.b < y.b;
    });
  }
  return out;
}

std::vector<CandidatePair> MergeCandidatePairs(std::vector<std::vector<CandidatePair>> blocks,
                                               bool any_truncated) {
  std::vector<CandidatePair> out;
  size_t pairs = 0;
  for (const auto& block : blocks) pairs += block.size();
  out.reserve(pairs);
  for (auto& block : blocks) {
    out.insert(out.end(), block.begin(), block.end());
    ReleaseMemory(block);
  }
  if (any_truncated) {
    // A pair found from both sides once, with the larger count; in (a, b) order.
    std::sort(out.begin(), out.end(), [](const CandidatePair& x, const CandidatePair& y) {
      return x.a != y.a ? x.a < y.a : x.b != y.b ? x.b < y.b : x.shared > y.shared;
    });
    out.erase(std::unique(out.begin(), out.end(),
                          [](const CandidatePair& x, const CandidatePair& y) {
                            return x.a == y.a && x.b == y.b;
                          }),
              out.end());
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
  const unsigned jobs = std::max(
      1u, std::min<unsigned>(options.jobs,
                             quotes.size() < kMinQuotesForThreadedCounting ? 1 : options.jobs));
  std::vector<std::vector<CandidatePair>> parts(jobs);
  std::vector<size_t> capped_in(jobs, 0);
  auto run = [&](unsigned slice) {
    parts[slice] = CountCandidatePairs(word_counts, index, options, quotes.size() * slice / jobs,
                                       quotes.size() * (slice + 1) / jobs, &capped_in[slice]);
  };
  if (jobs == 1) {
    run(0);
  } else {
    std::vector<std::thread> threads;
    for (unsigned j = 0; j < jobs; ++j) threads.emplace_back(run, j);
    for (auto& t : threads) t.join();
  }
  if (capped != nullptr) {
    *capped = 0;
    for (size_t c : capped_in) *capped += c;
  }
  const bool any_truncated =
      std::find(index.truncated.begin(), index.truncated.end(), true) != index.truncated.end();
  return MergeCandidatePairs(std::move(parts), any_truncated);
}

}  // namespace quotecheck
