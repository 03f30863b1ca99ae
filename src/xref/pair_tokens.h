#pragma once
/// Tokens of the quotations that deciding candidate pairs reads, made when a pair first needs
/// them and dropped after the last pair that names them.
///
/// Why: tokens are most of cross-referencing's memory (about 1.2 KB a distinct wording: a copy
/// of the text, the keys and 32 bytes a token), and a quotation's tokens are read only by its
/// candidate pairs, which deciding walks in a known order (input order of the first
/// quotation: pairs of nearby quotations come together). With every pair known before the
/// first is decided, each quotation's last pair is known and its tokens can go as soon as
/// deciding has passed it. Each quotation is tokenised at most once here (its tokens are kept
/// from its first needed pair to its last pair), as TokenizeQuote makes them from its record's
/// text, so the links are the same as from tokens kept for the whole run.

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "core/check_model.h"
#include "diff/quote_tokens.h"
#include "xref/ngram_index.h"

namespace quotecheck {

class PairTokens {
 public:
  /// For deciding `pairs` (indexes into `result.quotes`), in their order. `result` must
  /// outlive this and keep its quotations' texts unchanged.
  PairTokens(const CheckResult& result, std::span<const CandidatePair> pairs);

  /// Makes, on `jobs` threads, the tokens of both quotations of every pair in `pairs` for
  /// which `needed` is non-zero (all when `needed` is empty) that are not held yet.
  void Make(std::span<const CandidatePair> pairs, const std::vector<uint8_t>& needed,
            unsigned jobs);

  /// The tokens of `quote`; Make must have made them and DropBefore not dropped them.
  const TokenizedQuote& Of(uint32_t quote) const { return held_[slot_[quote]]; }

  /// Drops the tokens of every quotation that no pair at or after `next_pair` (an index into
  /// the constructor's pairs) names. `next_pair` never decreases from one call to the next.
  void DropBefore(size_t next_pair);

  /// Asks the processor for the tokens of `quote` (held, or not: then nothing) ahead of Of:
  /// a pair's second quotation is anywhere in the input, its tokens were made rounds ago
  /// and are no longer in the cache.
  void Prefetch(uint32_t quote) const;

  /// Quotations whose tokens are held now (for tests and memory accounting).
  size_t HeldCount() const { return held_.size() - free_slots_.size(); }

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  const CheckResult& result_;
  std::vector<size_t> last_pair_;  // by quotation: index of the last pair naming it
  // Every quotation some pair names, by its last pair, the soonest first: DropBefore walks it
  // once over the run (a scan of every held quotation a round would be quadratic: on a store
  // in no particular order most are held for most of the run).
  std::vector<uint32_t> by_last_pair_;
  size_t dropped_until_ = 0;    // by_last_pair_[0 .. dropped_until_) are past their last pair
  std::vector<uint32_t> slot_;  // by quotation: index into held_, kNone when not held
  // Slots keep their buffers when their quotation is dropped: the next quotation to take the
  // slot is tokenised into them (TokenizeQuoteReusing). Freeing a dropped quotation's four
  // buffers, cold in the cache, and allocating four for the next (with a heap of the held
  // quotations where by_last_pair_ is now) made dropping grow 13-fold from 250 k to 1 M
  // quotations. The cost: decide's peak on the 1 M hard store rose about 6% (the run's peak,
  // in findings, did not).
  std::vector<TokenizedQuote> held_;
  std::vector<uint32_t> free_slots_;
};

}  // namespace quotecheck
