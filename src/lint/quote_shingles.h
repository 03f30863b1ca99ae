#pragma once
/// A cheap pre-filter for reading a large quote store for `lint`: the word shingles of the
/// draft's quotations, and a test of whether a reference text shares one of them.
///
/// Cross-referencing links two quotations of 4 words or more only when they share a run of
/// kMinRun (4) words, and a shorter quotation only when all its words appear in a row in the
/// other (xref/link_decision.h). So a reference quotation that shares no 4-word run with any
/// draft quotation, and contains no short draft quotation whole, can never be linked to a
/// draft quotation and need not be read. Words here are a lenient approximation of the match
/// keys (diff/quote_tokens.h) computed without Unicode normalisation: ASCII letters lowered,
/// apostrophes and the dots and commas inside a word dropped, dashes, quote marks and other
/// General Punctuation as separators; both sides use the same function, so the test keeps
/// every quotation the linker could link unless two words differ only by non-ASCII case or
/// compatibility forms.

#include <atomic>
#include <cstdint>
#include <span>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace quotecheck {

/// The hashes of `text`'s words in the filter's normalisation, in order (into `*words`).
void FilterWordHashes(std::string_view text, std::vector<uint64_t>* words);

/// Shingles found in more reference quotations than `max_document_frequency` stop keeping
/// quotations (the first ones found are kept), as the n-gram index of cross-referencing
/// drops such common phrases (xref/ngram_index.h): "we will see in" alone never links.
class QuoteShingles {
 public:
  explicit QuoteShingles(uint32_t max_document_frequency = 64)
      : max_document_frequency_(max_document_frequency) {}

  /// Adds a draft quotation: every run of 4 words, or its whole words when it has 2 or 3
  /// (a quotation of one word is not added: it can only verify itself).
  void Add(std::string_view text);

  /// Whether `text` has the very words of an added quotation (kept however common the words
  /// are, up to 16 × max_document_frequency copies),
  /// or shares with the added quotations two shingles, or one when either side has at most
  /// 4 words (the n-gram index's rule), among those not found in max_document_frequency
  /// texts before; counts each shingle it shares.
  bool Take(std::string_view text);

  /// Take in two steps, for a store read on several threads (QuoteStoreFilter::probe):
  /// Probe reads the text alone (safe on several threads at once, and while TakeProbed
  /// runs) and writes into `facts` what Take needs of it; it returns false only when
  /// Take(text) would be false and count nothing that matters (none of its shingles, nor
  /// all its words, were added, or its shingles are spent: found in max_document_frequency
  /// texts already, which no later text changes). TakeProbed then decides exactly as
  /// Take(text), in store order.
  bool Probe(std::string_view text, std::vector<uint64_t>* facts) const;
  bool TakeProbed(std::span<const uint64_t> facts);

  size_t size() const { return hashes_.size(); }

 private:
  void Insert(const uint64_t* words, size_t count, bool whole_short);

  // The bit set of the shingles' hashes, tested wherever a text's two words begin an added
  // shingle: 32 KB stays in a core's nearer caches (a larger one missed them at most tests),
  // and holds the ~5,000 shingles of a 5,000-word draft with 2% of false hits (each costs a
  // look-up in hashes_).
  static constexpr size_t kBits = size_t{1} << 18;
  uint32_t max_document_frequency_;
  std::vector<uint64_t> bits_ = std::vector<uint64_t>(kBits / 64, 0);  // of the hashes
  // Of the chained hashes of the shingles' first two words (quote_shingles.cc), tested at
  // every word of every text: small enough (8 KB) to stay in a core's first cache, where
  // the larger set of the shingles themselves would miss; a few more false hits cost little.
  static constexpr size_t kPairBits = size_t{1} << 16;
  std::vector<uint64_t> pair_bits_ = std::vector<uint64_t>(kPairBits / 64, 0);
  std::vector<uint64_t> words_;  // scratch
  struct Slot {
    uint32_t taken = 0;        // texts taken that share it
    bool whole_short = false;  // the whole of a quotation of at most 4 words
    // taken >= max_document_frequency: set by TakeProbed, read by Probe on other threads.
    std::atomic<bool> spent{false};
  };
  std::unordered_map<uint64_t, Slot> hashes_;
  std::unordered_map<uint64_t, uint32_t> wholes_;          // all the words of a quotation → taken
  std::unordered_set<size_t> whole_sizes_;                 // the word counts of wholes_
  bool lengths_[5] = {false, false, false, false, false};  // shingle word counts present
};

}  // namespace quotecheck
