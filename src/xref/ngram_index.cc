#include "xref/ngram_index.h"

#include <algorithm>
#include <string_view>
#include <thread>
#include <unordered_set>

#include "core/hash.h"

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

std::vector<CandidatePair> FindCandidatePairs(const std::vector<std::vector<uint64_t>>& quotes,
                                              const NgramIndexOptions& options,
                                              const std::vector<uint32_t>& weights,
                                              size_t* capped) {
  const size_t n = std::max<size_t>(1, options.ngram);
  auto shingle = [&](const std::vector<uint64_t>& words, size_t i, size_t len) {
    uint64_t h = 0x51ull + len;
    for (size_t k = 0; k < len; ++k) h = Mix(h, words[i + k]);
    return h;
  };
  std::vector<Posting> postings;
  size_t total = 0;
  for (const auto& words : quotes) total += words.size() >= n ? words.size() - n + 1 : 1;
  postings.reserve(total + total / 8);
  // Quotations shorter than a shingle are indexed by their whole key; longer ones must meet
  // them through every run of their words of that length, but only runs that start with
  // the first word of some short quotation are hashed (a cheap set test per position).
  std::unordered_set<uint64_t> short_firsts;
  for (uint32_t q = 0; q < quotes.size(); ++q) {
    const auto& words = quotes[q];
    if (words.empty()) continue;
    if (words.size() < n) {
      postings.push_back({shingle(words, 0, words.size()), q});
      short_firsts.insert(words[0]);
      continue;
    }
    for (size_t i = 0; i + n <= words.size(); ++i) postings.push_back({shingle(words, i, n), q});
  }
  if (!short_firsts.empty()) {
    for (uint32_t q = 0; q < quotes.size(); ++q) {
      const auto& words = quotes[q];
      if (words.size() < 2) continue;
      for (size_t i = 0; i < words.size(); ++i) {
        if (!short_firsts.count(words[i])) continue;
        for (size_t len = 1; len < n && len < words.size() && i + len <= words.size(); ++len) {
          postings.push_back({shingle(words, i, len), q});
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

  // Posting lists, and for each quotation the lists it is on. A list longer than the cap is
  // a common shingle: only its heaviest quotations (hubs) pair with the others.
  struct List {
    uint32_t begin, end;         // into postings
    std::vector<uint32_t> hubs;  // empty: every member pairs with every other
  };
  std::vector<List> lists;
  std::vector<std::vector<uint32_t>> lists_of(quotes.size());
  auto weight = [&](uint32_t q) { return q < weights.size() ? weights[q] : 1u; };
  for (size_t i = 0; i < postings.size();) {
    size_t j = i;
    while (j < postings.size() && postings[j].shingle == postings[i].shingle) ++j;
    const size_t df = j - i;
    if (df >= 2) {
      List list{static_cast<uint32_t>(i), static_cast<uint32_t>(j), {}};
      if (df > options.max_document_frequency) {
        std::vector<uint32_t> members;
        members.reserve(df);
        for (size_t k = i; k < j; ++k) members.push_back(postings[k].quote);
        const size_t hubs = std::min(kHubsPerCommonShingle, members.size());
        std::partial_sort(members.begin(), members.begin() + static_cast<std::ptrdiff_t>(hubs),
                          members.end(), [&](uint32_t x, uint32_t y) {
                            return weight(x) != weight(y) ? weight(x) > weight(y) : x < y;
                          });
        list.hubs.assign(members.begin(), members.begin() + static_cast<std::ptrdiff_t>(hubs));
      }
      const uint32_t index = static_cast<uint32_t>(lists.size());
      for (size_t k = i; k < j; ++k) lists_of[postings[k].quote].push_back(index);
      lists.push_back(std::move(list));
    }
    i = j;
  }

  // A quotation on more than max_shingles lists keeps its rarest ones (the fewest members;
  // ties: the earlier list): the shingles of its own utterance, which its versions share,
  // rather than the phrases it shares with a growing part of the store. Such a truncated
  // quotation may miss a later one it shares only other shingles with, so the later one
  // counts it too (below).
  std::vector<bool> truncated(quotes.size(), false);
  if (options.max_shingles > 0) {
    auto df = [&](uint32_t list) { return lists[list].end - lists[list].begin; };
    for (size_t q = 0; q < quotes.size(); ++q) {
      auto& mine = lists_of[q];
      if (mine.size() <= options.max_shingles) continue;
      const auto keep = mine.begin() + static_cast<std::ptrdiff_t>(options.max_shingles);
      std::nth_element(mine.begin(), keep, mine.end(), [&](uint32_t x, uint32_t y) {
        return df(x) != df(y) ? df(x) < df(y) : x < y;
      });
      mine.erase(keep, mine.end());
      truncated[q] = true;
    }
  }

  // For each quotation a, count the shingles it shares with each later quotation b; keep
  // the pairs that share enough (two, unless a side is too short to hold two). Slices of a
  // run on their own threads; the output is in (a, b) order whatever the thread count.
  const unsigned jobs = std::max(
      1u, std::min<unsigned>(options.jobs,
                             quotes.size() < kMinQuotesForThreadedCounting ? 1 : options.jobs));
  std::vector<std::vector<CandidatePair>> parts(jobs);
  std::vector<size_t> capped_in(jobs, 0);
  auto run = [&](unsigned slice) {
    const size_t begin = quotes.size() * slice / jobs, end = quotes.size() * (slice + 1) / jobs;
    std::vector<uint16_t> count(quotes.size(), 0);
    std::vector<uint32_t> touched;
    auto& out = parts[slice];
    for (size_t a = begin; a < end; ++a) {
      touched.clear();
      // Later quotations, and earlier ones whose own count may have missed a.
      auto counts = [&](uint32_t b) { return b > a || (b < a && truncated[b]); };
      for (uint32_t index : lists_of[a]) {
        const List& list = lists[index];
        const bool everyone = list.hubs.empty() ||
                              std::find(list.hubs.begin(), list.hubs.end(), a) != list.hubs.end();
        if (!everyone) {  // a common shingle: only its hubs
          for (uint32_t b : list.hubs) {
            if (counts(b) && count[b]++ == 0) touched.push_back(b);
          }
          continue;
        }
        for (uint32_t k = list.begin; k < list.end; ++k) {
          const uint32_t b = postings[k].quote;
          if (!counts(b)) continue;
          if (count[b]++ == 0) touched.push_back(b);
        }
      }
      // The pairs that share enough, at most max_candidates of them: those sharing the most
      // shingles (ties: the earlier quotation).
      const size_t first = out.size();
      for (uint32_t b : touched) {
        const size_t shorter = std::min(quotes[a].size(), quotes[b].size());
        const uint32_t need = shorter > n ? options.min_shared : 1;
        if (count[b] >= need) {
          out.push_back({std::min(static_cast<uint32_t>(a), b),
                         std::max(static_cast<uint32_t>(a), b), count[b]});
        }
        count[b] = 0;
      }
      auto begin = out.begin() + static_cast<std::ptrdiff_t>(first);
      if (options.max_candidates > 0 && out.size() - first > options.max_candidates) {
        const auto keep = begin + static_cast<std::ptrdiff_t>(options.max_candidates);
        std::nth_element(begin, keep, out.end(),
                         [](const CandidatePair& x, const CandidatePair& y) {
                           return x.shared != y.shared ? x.shared > y.shared : x.b < y.b;
                         });
        out.erase(keep, out.end());
        ++capped_in[slice];
      }
      std::sort(begin, out.end(), [](const CandidatePair& x, const CandidatePair& y) {
        return x.a != y.a ? x.a < y.a : x.b < y.b;
      });
    }
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
  std::vector<CandidatePair> out;
  size_t pairs = 0;
  for (const auto& part : parts) pairs += part.size();
  out.reserve(pairs);
  for (auto& part : parts) out.insert(out.end(), part.begin(), part.end());
  if (std::find(truncated.begin(), truncated.end(), true) != truncated.end()) {
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

}  // namespace quotecheck
