#pragma once
/// Word-level diff of two quotations of the same words.
///
/// The ops are built from a WordAligner::Full alignment. Each op's `a` and `b` are the
/// original characters of its span, punctuation and spaces between words included, so the
/// `a` texts of all ops concatenate to a's text and the `b` texts to b's. Matched words are
/// anchors; what lies between two anchors is compared piece by piece (tokens and runs of
/// space), pieces equal on both sides at its edges stay `equal` and the rest is one change:
/// `delete` (in a only), `insert` (in b only) or `replace`. A matched word written
/// differently (“President”/“president”, F.B.I./FBI, don’t/don't) is a `replace` of that word.
/// Runs of space between two changes join them.
///
/// Change classes (ChangeClass bits): punctuation (the punctuation marks differ, or
/// abbreviation dots), case, typography (quote marks, apostrophes, dashes, spaces, NFKC
/// forms: same keys, other characters), lexical (a word inserted, deleted or replaced),
/// omission (an ellipsis stands for words, or one side has an ellipsis the other lacks),
/// insertion (a bracketed insertion stands for a word, or is added).
///
/// Meaning flags (MeaningFlag bits), from the words of each change: negation (the number of
/// negations differs: not, no, never, n't, nobody, nothing, neither, nor, without, …), number
/// (the numbers differ: digits or number words, "two" and "2" being the same number), named
/// entity (the capitalised words not at a sentence start differ), modal (will, would, may,
/// might, can, could, shall, should, must, with their contractions), sentence split (one side
/// ends a sentence where the other has a comma or nothing, within the quotation).

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/check_model.h"
#include "diff/quote_tokens.h"
#include "diff/word_alignment.h"

namespace quotecheck {

/// The relation of two quotations with the same words (equal match keys) from their diff:
/// verbatim when only typography differs (quote marks, apostrophes, dashes, spaces),
/// normalized when case or punctuation does too (as diff/relation.h decides it).
Relation SameWordsRelation(const QuoteDiff& diff);

/// Diff of two quotation texts (tokenises and aligns them). With `with_ops` false the ops
/// are left empty and only classes and flags are computed. `packed_ops`, when given, gets
/// the ops packed (PackDiffOps; empty for texts with the same bytes).
QuoteDiff DiffQuotes(std::string_view a_text, std::string_view b_text, bool with_ops = true,
                     std::string* packed_ops = nullptr);

/// One op of a diff as the sizes of its spans: a diff's `a` texts concatenate to a's text and
/// its `b` texts to b's, so the sizes and kinds are the whole diff given the two texts.
struct PackedOp {
  DiffOp::Kind kind = DiffOp::Kind::kEqual;
  uint32_t a_size = 0;
  uint32_t b_size = 0;
};
/// Packs ops (a varint a op, 1–3 bytes for most): what Link::packed_ops keeps. Ops that are
/// no diff's (an equal op of two sizes, a delete with b bytes, …) pack to nothing.
void PackDiffOps(std::span<const PackedOp> ops, std::string* out);
/// The ops of `packed` over texts a and b, or nothing when the sizes do not add up to the
/// two texts (not their ops).
std::optional<std::vector<DiffOp>> UnpackDiffOps(std::string_view packed, std::string_view a,
                                                 std::string_view b);

/// One op of a diff as views of its spans, for a caller that only reads them (a printer).
struct DiffOpView {
  DiffOp::Kind kind = DiffOp::Kind::kEqual;
  std::string_view a;
  std::string_view b;
};
/// UnpackDiffOps as views into `a` and `b`, copying no text: false (and `out` empty) when the
/// sizes do not add up to the two texts.
bool UnpackDiffOpViews(std::string_view packed, std::string_view a, std::string_view b,
                       std::vector<DiffOpView>* out);

/// A link's diff with its ops when they are known without aligning: set on the link, packed
/// on it (Link::packed_ops), or one equal op for two texts with the same bytes; classes and
/// flags are the link's own. Nothing otherwise.
std::optional<QuoteDiff> StoredLinkDiff(const CheckResult& result, const Link& link);

/// A link's diff with its ops. Links keep only their classes and flags (Link::diff's ops are
/// empty after cross-referencing, so that a million links hold no copies of their words),
/// and their ops packed when they were decided from an alignment: the ops are read back
/// (StoredLinkDiff), or else computed from the two quotations' texts, when a link is printed
/// or weighed. Classes and flags are the link's own (for a fragment or overlap they describe
/// the shared part only). A link whose ops are set is returned as it is.
QuoteDiff LinkDiff(const CheckResult& result, const Link& link);

/// The same from the two quotations already tokenised (`a` for link.a, `b` for link.b), with
/// the caller's aligner: for a caller that diffs many links of the same quotations.
QuoteDiff LinkDiff(const Link& link, const TokenizedQuote& a, const TokenizedQuote& b,
                   WordAligner& aligner);

/// LinkDiff for many links of one result, one after another (a printer): keeps the tokens of
/// the last few quotations it diffed, since a cluster's reference form is one side of most of
/// its links and they are printed together, and one aligner. The same diffs as LinkDiff.
/// One per thread.
class LinkDiffer {
 public:
  explicit LinkDiffer(const CheckResult& result) : result_(result) {}
  QuoteDiff Diff(const Link& link);
  /// The ops of Diff(link) as views, valid until the next call: packed ops and texts with
  /// the same bytes are read without copying their words.
  const std::vector<DiffOpView>& Ops(const Link& link);

 private:
  // The slot holding `quote`'s tokens, tokenising it into the oldest slot but `keep`.
  size_t Slot(size_t quote, size_t keep);

  // Enough for a link's two sides and the reference forms of the clusters around it.
  static constexpr size_t kRecentQuotes = 8;
  const CheckResult& result_;
  WordAligner aligner_;
  std::array<size_t, kRecentQuotes> recent_quote_{};
  std::array<TokenizedQuote, kRecentQuotes> recent_tokens_{};
  size_t recent_count_ = 0;
  size_t next_slot_ = 0;
  std::vector<DiffOpView> views_;  // what Ops returned last
  QuoteDiff computed_;             // the diff they view when it was computed
};

/// Diff of two tokenised quotations, with the caller's aligner (the cheap path: tokenise each
/// quotation once, keep one aligner per thread); `with_ops` and `packed_ops` as above.
QuoteDiff DiffQuotes(const TokenizedQuote& a, const TokenizedQuote& b, WordAligner& aligner,
                     bool with_ops = true, std::string* packed_ops = nullptr);

/// Diff from an alignment already made by WordAligner::Full(a, b). With `with_text` false the
/// ops are left empty and only classes and flags are computed; `packed_ops`, when given,
/// gets the ops packed (PackDiffOps) either way.
QuoteDiff BuildQuoteDiff(const TokenizedQuote& a, const TokenizedQuote& b,
                         const WordAlignment& alignment, bool with_text = true,
                         std::string* packed_ops = nullptr);

/// The change classes of one word written two ways whose keys are equal: typography, case,
/// punctuation (abbreviation dots) or a combination; 0 when the bytes are equal.
uint32_t ClassifyRespelling(std::string_view a, std::string_view b);

}  // namespace quotecheck
