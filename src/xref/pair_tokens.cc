#include "xref/pair_tokens.h"

#include <algorithm>

#include "core/parallel_slices.h"

namespace quotecheck {
namespace {

// Below this many quotations to tokenise, one thread: a few hundred take about 0.1 ms, about
// what starting a thread costs.
constexpr size_t kMinQuotesPerThread = 256;
// Quotations tokenised per chunk of work on a thread (their lengths differ).
constexpr size_t kQuotesPerChunk = 64;

}  // namespace

PairTokens::PairTokens(const CheckResult& result, std::span<const CandidatePair> pairs)
    : result_(result), last_pair_(result.quotes.size(), 0), slot_(result.quotes.size(), kNone) {
  // From the last pair back, a quotation's first sight is its last pair.
  std::vector<bool> seen(result.quotes.size(), false);
  for (size_t i = pairs.size(); i-- > 0;) {
    for (const uint32_t quote : {pairs[i].b, pairs[i].a}) {
      if (seen[quote]) continue;
      seen[quote] = true;
      last_pair_[quote] = i;
      by_last_pair_.push_back(quote);
    }
  }
  std::reverse(by_last_pair_.begin(), by_last_pair_.end());
}

void PairTokens::Make(std::span<const CandidatePair> pairs, const std::vector<uint8_t>& needed,
                      unsigned jobs) {
  std::vector<uint32_t> make;  // quotations to tokenise, each with its slot taken
  auto take = [&](uint32_t quote) {
    if (slot_[quote] != kNone) return;
    if (free_slots_.empty()) {
      free_slots_.push_back(static_cast<uint32_t>(held_.size()));
      held_.emplace_back();
    }
    slot_[quote] = free_slots_.back();
    free_slots_.pop_back();
    make.push_back(quote);
  };
  for (size_t i = 0; i < pairs.size(); ++i) {
    if (!needed.empty() && !needed[i]) continue;
    take(pairs[i].a);
    take(pairs[i].b);
  }
  RunInChunks(make.size(), kQuotesPerChunk,
              make.size() < kMinQuotesPerThread ? 1 : std::max(1u, jobs),
              [&](size_t begin, size_t end, unsigned) {
                for (size_t i = begin; i < end; ++i) {
                  TokenizeQuoteReusing(result_.quotes[make[i]].text, &held_[slot_[make[i]]]);
                }
              });
}

void PairTokens::DropBefore(size_t next_pair) {
  while (dropped_until_ < by_last_pair_.size() &&
         last_pair_[by_last_pair_[dropped_until_]] < next_pair) {
    const uint32_t quote = by_last_pair_[dropped_until_++];
    if (slot_[quote] == kNone) continue;  // never needed
    free_slots_.push_back(slot_[quote]);
    slot_[quote] = kNone;
  }
}

void PairTokens::Prefetch(uint32_t quote) const {
  if (slot_[quote] == kNone) return;
  const TokenizedQuote& t = held_[slot_[quote]];
  // Alignment reads the elements and, through them, the tokens; a quotation's tokens span a
  // few cache lines, asked for all at once.
  constexpr size_t kLine = 64;
  const auto* elements = reinterpret_cast<const char*>(t.elements.data());
  for (size_t at = 0; at < t.elements.size() * sizeof(uint32_t); at += kLine) {
    __builtin_prefetch(elements + at);
  }
  const auto* tokens = reinterpret_cast<const char*>(t.tokens.data());
  for (size_t at = 0; at < t.tokens.size() * sizeof(QuoteToken); at += kLine) {
    __builtin_prefetch(tokens + at);
  }
}

}  // namespace quotecheck
