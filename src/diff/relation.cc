#include "diff/relation.h"

#include <algorithm>

namespace quotecheck {
namespace {

// Words (and bracketed insertions other than [sic]) among elements [from, to).
uint32_t WordsIn(const TokenizedQuote& q, uint32_t from, uint32_t to) {
  uint32_t n = 0;
  for (uint32_t i = from; i < to && i < q.elements.size(); ++i) {
    const QuoteToken& t = q.Element(i);
    if (t.kind == TokenKind::kWord || (t.kind == TokenKind::kInsertion && q.Key(t) != "sic")) ++n;
  }
  return n;
}

double Similarity(uint32_t edits, uint32_t a_words, uint32_t b_words) {
  uint32_t longer = std::max(a_words, b_words);
  if (longer == 0) return 1.0;
  return std::clamp(1.0 - static_cast<double>(edits) / longer, 0.0, 1.0);
}

}  // namespace

RelationResult ClassifyRelation(const TokenizedQuote& a, const TokenizedQuote& b,
                                const WordAlignment& alignment, const QuoteDiff& diff) {
  const AlignmentStats& st = alignment.stats;
  RelationResult r;
  if (st.matched == 0 && st.a_end == st.a_begin) {
    bool both_empty = a.word_count == 0 && b.word_count == 0;
    r.relation = both_empty ? Relation::kVerbatim : Relation::kVariant;
    r.similarity = both_empty ? 1.0 : 0.0;
    return r;
  }
  const auto a_n = static_cast<uint32_t>(a.elements.size());
  const auto b_n = static_cast<uint32_t>(b.elements.size());
  r.a_before = WordsIn(a, 0, st.a_begin);
  r.a_after = WordsIn(a, st.a_end, a_n);
  r.b_before = WordsIn(b, 0, st.b_begin);
  r.b_after = WordsIn(b, st.b_end, b_n);
  const bool inside_differs = st.region_edit_distance > 0;
  const bool a_whole = r.a_before == 0 && r.a_after == 0;
  const bool b_whole = r.b_before == 0 && r.b_after == 0;
  if (a_whole && b_whole) {
    r.similarity = Similarity(st.edit_distance, st.a_words, st.b_words);
    if (inside_differs) {
      r.relation = Relation::kVariant;
    } else {
      r.relation = SameWordsRelation(diff);
    }
    return r;
  }
  const bool contained = a_whole || b_whole;
  const bool overlap = (r.a_before == 0 && r.b_after == 0) || (r.b_before == 0 && r.a_after == 0);
  if (contained || overlap) {
    r.similarity = Similarity(st.region_edit_distance, st.region_a_words, st.region_b_words);
    r.relation = inside_differs ? Relation::kVariant : Relation::kFragment;
    return r;
  }
  // Both have words of their own at the same edge.
  r.similarity = Similarity(st.edit_distance, st.a_words, st.b_words);
  r.relation = Relation::kVariant;
  return r;
}

QuoteComparison CompareQuotes(const TokenizedQuote& a, const TokenizedQuote& b,
                              WordAligner& aligner, bool with_ops, bool after_local,
                              std::string* packed_ops) {
  QuoteComparison c;
  const WordAlignment& alignment = aligner.Full(a, b, after_local);
  c.diff = BuildQuoteDiff(a, b, alignment, with_ops, packed_ops);
  c.relation = ClassifyRelation(a, b, alignment, c.diff);
  c.stats = alignment.stats;
  return c;
}

RelationResult ClassifyRelation(const TokenizedQuote& a, const TokenizedQuote& b,
                                WordAligner& aligner) {
  return CompareQuotes(a, b, aligner, /*with_ops=*/false).relation;
}

RelationResult ClassifyRelation(std::string_view a_text, std::string_view b_text) {
  TokenizedQuote a = TokenizeQuote(a_text);
  TokenizedQuote b = TokenizeQuote(b_text);
  WordAligner aligner;
  return ClassifyRelation(a, b, aligner);
}

}  // namespace quotecheck
