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
  for (size_t i = 0; i < pairs.size(); ++i) {
    last_pair_[pairs[i].a] = i;
    last_pair_[pairs[i].b] = i;
  }
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
    by_last_pair_.emplace(last_pair_[quote], quote);
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
                  held_[slot_[make[i]]] = TokenizeQuote(result_.quotes[make[i]].text);
                }
              });
}

void PairTokens::DropBefore(size_t next_pair) {
  while (!by_last_pair_.empty() && by_last_pair_.top().first < next_pair) {
    const uint32_t quote = by_last_pair_.top().second;
    by_last_pair_.pop();
    held_[slot_[quote]] = TokenizedQuote{};  // its memory goes now
    free_slots_.push_back(slot_[quote]);
    slot_[quote] = kNone;
  }
}

}  // namespace quotecheck
