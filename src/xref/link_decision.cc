#include "xref/link_decision.h"

#include <algorithm>

namespace quotecheck {
namespace {

// Whether the quotation's last word is followed by . ! or ? inside the marks.
bool EndsSentence(const TokenizedQuote& q) {
  for (auto it = q.tokens.rbegin(); it != q.tokens.rend(); ++it) {
    if (it->word()) return false;
    if (it->punct()) {
      std::string_view t = q.Text(*it);
      if (t == "." || t == "!" || t == "?") return true;
    }
  }
  return false;
}

// Whether element `e` of q (a word) is followed directly by another word (no punctuation
// between them).
bool WordFollows(const TokenizedQuote& q, uint32_t e) {
  if (e >= q.elements.size()) return false;
  uint32_t t = q.elements[e];
  for (size_t k = t + 1; k < q.tokens.size(); ++k) {
    if (q.tokens[k].punct()) return false;
    return true;
  }
  return false;
}

}  // namespace

LinkVerdict DecideLink(const TokenizedQuote& a, const TokenizedQuote& b, bool speakers_agree,
                       bool both_named, WordAligner& aligner) {
  LinkVerdict out;
  const bool a_shorter = a.word_count <= b.word_count;
  const TokenizedQuote& s = a_shorter ? a : b;
  const TokenizedQuote& l = a_shorter ? b : a;
  const uint32_t short_words = s.word_count, long_words = l.word_count;
  if (short_words == 0) return out;

  const AlignmentStats st = aligner.Local(s, l).stats;  // a copy: the aligner is reused
  if (st.matched == 0) return out;

  // The fragment's end: "wants to make a deal." must not continue in the longer one.
  auto end_respected = [&]() {
    if (!EndsSentence(s) || st.b_end == 0) return true;
    return !WordFollows(l, st.b_end - 1);
  };

  out.end_continues = !end_respected();

  if (short_words < kShortQuoteWords) {
    bool all_in_a_row = st.longest_run == short_words && st.region_edit_distance == 0;
    if (!all_in_a_row) return out;
    if (long_words >= kShortQuoteWords && !(both_named && speakers_agree)) return out;
    out.shape = long_words == short_words ? LinkShape::kWhole : LinkShape::kFragment;
    out.similarity = static_cast<double>(short_words) / long_words;
    return out;
  }
  if (st.longest_run < kMinRun) return out;

  const double max_edit = speakers_agree ? kMaxEditShare : kMaxEditShareOther;
  // Whole: the two are versions of one statement. The length difference alone is a lower
  // bound of the edit distance, so most fragment pairs skip this alignment.
  if (static_cast<double>(long_words - short_words) <= max_edit * long_words) {
    const WordAlignment& global = aligner.Global(s, l);
    const double share = static_cast<double>(global.stats.edit_distance) / long_words;
    if (share <= max_edit) {
      out.shape = LinkShape::kWhole;
      out.similarity = 1.0 - share;
      return out;
    }
  }
  const AlignmentStats& loc = st;
  // Words of the shorter left outside the shared part count as changed.
  const double cover = static_cast<double>(loc.region_a_words) / short_words;
  const double edit =
      static_cast<double>(loc.region_edit_distance + (short_words - loc.region_a_words)) /
      short_words;
  // A short fragment must be contained exactly: with one word changed, six words are as
  // likely another sentence that opens the same way ("The Iran deal is a disaster").
  const double max_fragment_edit = short_words < kExactFragmentWords ? 0.0
                                   : speakers_agree                  ? kMaxFragmentEdit
                                                                     : kMaxFragmentEdit / 2;
  if (cover >= kMinFragmentCover && edit <= max_fragment_edit) {
    out.shape = LinkShape::kFragment;
    out.similarity = 1.0 - edit;
    return out;
  }
  // Overlap at the edges: the region runs to the end of one and from the start of the other.
  const bool s_tail_l_head = loc.a_end == s.elements.size() && loc.b_begin == 0;
  const bool l_tail_s_head = loc.b_end == l.elements.size() && loc.a_begin == 0;
  if ((s_tail_l_head || l_tail_s_head) && loc.longest_run >= kMinOverlapRun &&
      loc.region_edit_distance == 0 && speakers_agree) {
    out.shape = LinkShape::kOverlap;
    out.similarity = static_cast<double>(loc.longest_run) / short_words;
    return out;
  }
  return out;
}

}  // namespace quotecheck
