#pragma once
/// How two quotations of the same words relate (docs/output-contract.md, `link`):
///
/// - verbatim: the same words and punctuation once typography (quote marks, apostrophes,
///   dashes, spaces, NFKC forms) is set aside;
/// - normalized: the same words, differing only in case or punctuation (a final comma against
///   a period, abbreviation dots F.B.I./FBI, compound hyphens, brackets around an unchanged
///   word, an ellipsis that stands for nothing);
/// - variant: the words differ (contractions, Sen./Senator, &/and, two/2, an ellipsis standing
///   for words the other side quotes, an insertion whose words differ from the word it
///   replaces), or both quotations have words of their own at the same edge;
/// - fragment: one is a contiguous part of the other, or the end of one is the start of the
///   other (two excerpts overlapping at their edges), with the same words in the shared part;
///   variant instead when the shared part's words differ.
///
/// The shared part is the local alignment's region (WordAligner::Full). The relation is
/// always one of the four: whether the pair is the same words said once at all (rather than
/// two sentences sharing a phrase) is the matcher's call, from the similarity and stats.

#include <string_view>

#include "core/check_model.h"
#include "diff/quote_diff.h"
#include "diff/quote_tokens.h"
#include "diff/word_alignment.h"

namespace quotecheck {

struct RelationResult {
  Relation relation = Relation::kVariant;
  /// In [0, 1]: 1 - word edit distance / the larger word count, over both quotations; for a
  /// fragment, over the shared part only (so a fragment with the same words is 1). 0 when no
  /// word is shared.
  double similarity = 0.0;
  /// Words outside the shared part, before and after it, in each quotation.
  uint32_t a_before = 0;
  uint32_t a_after = 0;
  uint32_t b_before = 0;
  uint32_t b_after = 0;
};

/// Everything the cross-referencer needs about a candidate pair, from one alignment.
struct QuoteComparison {
  RelationResult relation;
  AlignmentStats stats;
  QuoteDiff diff;  // ops empty unless asked for
};

RelationResult ClassifyRelation(std::string_view a_text, std::string_view b_text);
RelationResult ClassifyRelation(const TokenizedQuote& a, const TokenizedQuote& b,
                                WordAligner& aligner);

/// The relation from an alignment and the diff built from it (BuildQuoteDiff).
RelationResult ClassifyRelation(const TokenizedQuote& a, const TokenizedQuote& b,
                                const WordAlignment& alignment, const QuoteDiff& diff);

/// Align once, then relation, stats and diff (ops only when `with_ops`; packed into
/// `packed_ops` when given, see PackDiffOps). `after_local`: the aligner's last local
/// alignment was Local(a, b), of these very quotations (see WordAligner::Full).
QuoteComparison CompareQuotes(const TokenizedQuote& a, const TokenizedQuote& b,
                              WordAligner& aligner, bool with_ops = true, bool after_local = false,
                              std::string* packed_ops = nullptr);

}  // namespace quotecheck
