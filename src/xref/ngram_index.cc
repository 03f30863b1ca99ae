#include "xref/ngram_index.h"

#include <algorithm>
#include <string_view>

namespace quotecheck {
namespace {

uint64_t Mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  return h;
}

struct Posting {
  uint64_t shingle;
  uint32_t quote;
  bool operator<(const Posting& o) const {
    return shingle != o.shingle ? shingle < o.shingle : quote < o.quote;
  }
};

}  // namespace

uint64_t HashWord(std::string_view key) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : key) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

std::vector<CandidatePair> FindCandidatePairs(const std::vector<std::vector<uint64_t>>& quotes,
                                              const NgramIndexOptions& options) {
  const size_t n = std::max<size_t>(1, options.ngram);
  std::vector<Posting> postings;
  size_t total = 0;
  for (const auto& words : quotes) total += words.size() >= n ? words.size() - n + 1 : 1;
  postings.reserve(total);
  // Shingles of a short quotation's whole key are marked so that they only meet the same
  // run of words inside longer quotations: those are indexed with every short length too.
  for (uint32_t q = 0; q < quotes.size(); ++q) {
    const auto& words = quotes[q];
    if (words.empty()) continue;
    if (words.size() < n) {
      uint64_t h = 0x51ull + words.size();
      for (uint64_t w : words) h = Mix(h, w);
      postings.push_back({h, q});
      continue;
    }
    for (size_t i = 0; i + n <= words.size(); ++i) {
      uint64_t h = 0x51ull + n;
      for (size_t k = 0; k < n; ++k) h = Mix(h, words[i + k]);
      postings.push_back({h, q});
    }
  }
  std::sort(postings.begin(), postings.end());
  postings.erase(std::unique(postings.begin(), postings.end(),
                             [](const Posting& x, const Posting& y) {
                               return x.shingle == y.shingle && x.quote == y.quote;
                             }),
                 postings.end());

  // Short quotations must meet longer ones that contain their words: index every run of
  // 1..n-1 words of the longer ones, but only runs whose hash a short quotation has.
  {
    std::vector<uint64_t> short_keys;
    for (const Posting& p : postings) {
      if (quotes[p.quote].size() < n) short_keys.push_back(p.shingle);
    }
    std::sort(short_keys.begin(), short_keys.end());
    short_keys.erase(std::unique(short_keys.begin(), short_keys.end()), short_keys.end());
    if (!short_keys.empty()) {
      std::vector<Posting> extra;
      for (uint32_t q = 0; q < quotes.size(); ++q) {
        const auto& words = quotes[q];
        if (words.size() < 2) continue;
        for (size_t len = 1; len < n && len < words.size(); ++len) {
          for (size_t i = 0; i + len <= words.size(); ++i) {
            uint64_t h = 0x51ull + len;
            for (size_t k = 0; k < len; ++k) h = Mix(h, words[i + k]);
            if (std::binary_search(short_keys.begin(), short_keys.end(), h)) {
              extra.push_back({h, q});
            }
          }
        }
      }
      postings.insert(postings.end(), extra.begin(), extra.end());
      std::sort(postings.begin(), postings.end());
      postings.erase(std::unique(postings.begin(), postings.end(),
                                 [](const Posting& x, const Posting& y) {
                                   return x.shingle == y.shingle && x.quote == y.quote;
                                 }),
                     postings.end());
    }
  }

  // Pairs within each posting list that is not too common.
  std::vector<uint64_t> pairs;  // (a << 32) | b
  for (size_t i = 0; i < postings.size();) {
    size_t j = i;
    while (j < postings.size() && postings[j].shingle == postings[i].shingle) ++j;
    size_t df = j - i;
    if (df >= 2 && df <= options.max_document_frequency) {
      for (size_t x = i; x < j; ++x) {
        for (size_t y = x + 1; y < j; ++y) {
          pairs.push_back((static_cast<uint64_t>(postings[x].quote) << 32) | postings[y].quote);
        }
      }
    }
    i = j;
  }
  std::sort(pairs.begin(), pairs.end());
  std::vector<CandidatePair> out;
  for (size_t i = 0; i < pairs.size();) {
    size_t j = i;
    while (j < pairs.size() && pairs[j] == pairs[i]) ++j;
    out.push_back({static_cast<uint32_t>(pairs[i] >> 32), static_cast<uint32_t>(pairs[i]),
                   static_cast<uint32_t>(j - i)});
    i = j;
  }
  return out;
}

}  // namespace quotecheck
