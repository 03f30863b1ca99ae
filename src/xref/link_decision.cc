#include "xref/link_decision.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <span>

#include "diff/quote_diff.h"
#include "diff/relation.h"

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

bool CoversAll(const AlignmentStats& st, const TokenizedQuote& a, const TokenizedQuote& b) {
  return st.a_begin == 0 && st.a_end == a.elements.size() && st.b_begin == 0 &&
         st.b_end == b.elements.size();
}

// Both speakers named, not only described ("the chairmen" names nobody: SpeakerEvidence).
bool BothNamed(const SpeakerEvidence& a, const SpeakerEvidence& b) {
  return !a.key().empty() && !b.key().empty() && !a.described && !b.described;
}

}  // namespace

double MaxWholeEdit(bool speakers_agree) {
  return speakers_agree ? kMaxEditShare : kMaxEditShareOther;
}

double MaxFragmentEdit(uint32_t short_words, bool speakers_agree) {
  // A short fragment must be contained exactly: with one word changed, six words are as
  // likely another sentence that opens the same way ("The Iran deal is a disaster").
  if (short_words < kExactFragmentWords) return 0.0;
  return speakers_agree ? kMaxFragmentEdit : kMaxFragmentEdit / 2;
}

Stretches StretchesOf(const TokenizedQuote& a, const std::vector<AlignStep>& steps) {
  Stretches out;
  uint32_t run = 0;
  auto end_run = [&]() {
    if (run >= kStretchWords) out.in_runs += run;
    out.longest = std::max(out.longest, run);
    run = 0;
  };
  for (const AlignStep& step : steps) {
    switch (step.kind) {
      case AlignStep::Kind::kMatch:  // an ellipsis matched with one adds no word
        if (a.Element(static_cast<size_t>(step.a)).word()) ++run;
        break;
      case AlignStep::Kind::kWildcard:
        ++run;
        break;
      case AlignStep::Kind::kElided:
        break;
      case AlignStep::Kind::kDelete:
      case AlignStep::Kind::kInsert:
        end_run();
        break;
    }
  }
  end_run();
  return out;
}

bool KeepsStretches(const Stretches& stretches, uint32_t short_words) {
  // A whole third is a third: 6 of 18 words, whatever 1.0 / 3 rounds to.
  constexpr double kSlack = 1e-9;
  if (stretches.in_runs < kMinStretchWords) return false;
  return static_cast<double>(stretches.in_runs) + kSlack >= kMinStretchShare * short_words ||
         static_cast<double>(stretches.longest) + kSlack >= kMinLongestStretchShare * short_words;
}

namespace {

// A bound on the Stretches of any alignment of x with y (words only): x's words that lie in a
// run of kStretchWords words that y has too, in a row (each run of that length an alignment
// matches is one that y has), and the longest stretch of x such runs chain, or
// kStretchWords - 1 (a shorter run needs no such chain).
Stretches SharedRunsBound(std::span<const uint64_t> x, std::span<const uint64_t> y) {
  using Run = std::array<uint64_t, kStretchWords>;
  Stretches out;
  out.longest = kStretchWords - 1;
  if (x.size() < kStretchWords || y.size() < kStretchWords) return out;
  auto run_at = [](std::span<const uint64_t> words, size_t i) {
    Run run;
    std::copy_n(words.begin() + static_cast<std::ptrdiff_t>(i), kStretchWords, run.begin());
    return run;
  };
  thread_local std::vector<Run> runs;
  runs.clear();
  for (size_t j = 0; j + kStretchWords <= y.size(); ++j) runs.push_back(run_at(y, j));
  std::sort(runs.begin(), runs.end());
  size_t counted_to = 0, stretch_begin = 0;  // x's words before counted_to are counted
  for (size_t i = 0; i + kStretchWords <= x.size(); ++i) {
    if (!std::binary_search(runs.begin(), runs.end(), run_at(x, i))) continue;
    if (i > counted_to) stretch_begin = i;  // not chained to the stretch before
    out.in_runs += static_cast<uint32_t>(i + kStretchWords - std::max(i, counted_to));
    counted_to = i + kStretchWords;
    out.longest = std::max(out.longest, static_cast<uint32_t>(counted_to - stretch_begin));
  }
  return out;
}

}  // namespace

bool EnoughSharedWords(WordMultiset* a_counted, std::span<const uint64_t> a,
                       std::span<const uint64_t> b, PairBoundFacts facts) {
  // An overlap at the edges: the first kMinOverlapRun words of one, in a row in the other.
  auto head_in = [](std::span<const uint64_t> x, std::span<const uint64_t> y) {
    if (x.size() < kMinOverlapRun) return false;
    for (size_t j = 0; j + kMinOverlapRun <= y.size(); ++j) {
      if (std::equal(x.begin(), x.begin() + kMinOverlapRun,
                     y.begin() + static_cast<std::ptrdiff_t>(j))) {
        return true;
      }
    }
    return false;
  };
  const size_t shorter = std::min(a.size(), b.size()), longer = std::max(a.size(), b.size());
  // Shares are compared with a little slack: the bound may only ever be looser than
  // DecideLink's own tests, never stricter by a rounding.
  constexpr double kSlack = 1e-9;
  if (!facts.words_only) {
    const bool overlap = head_in(a, b) || head_in(b, a);
    const size_t shared = a_counted->SharedWith(b);
    const double need = std::min(kMinFragmentCover * static_cast<double>(shorter),
                                 (1.0 - kMaxEditShare) * static_cast<double>(longer));
    return static_cast<double>(shared) + kSlack >= need || overlap;
  }
  if (facts.speakers_agree && (head_in(a, b) || head_in(b, a))) return true;
  const double matched = static_cast<double>(a_counted->CommonSubsequence(b)) + kSlack;
  const double short_words = static_cast<double>(shorter), long_words = static_cast<double>(longer);
  if (shorter < kShortQuoteWords) return matched >= short_words;
  const double max_edit = MaxWholeEdit(facts.speakers_agree);
  if (long_words - short_words <= max_edit * long_words + kSlack &&
      matched >= (1.0 - max_edit) * long_words) {
    // Every alignment's similarity is at most matched / longer; below kCloseVersionSimilarity
    // the words must also be in stretches.
    if (matched >= kCloseVersionSimilarity * long_words) return true;
    const auto s = a.size() <= b.size() ? a : b, l = a.size() <= b.size() ? b : a;
    if (KeepsStretches(SharedRunsBound(s, l), static_cast<uint32_t>(shorter))) return true;
  }
  return matched >= (1.0 - MaxFragmentEdit(static_cast<uint32_t>(shorter), facts.speakers_agree)) *
                        short_words;
}

bool WordsOnly(const TokenizedQuote& q) {
  for (uint32_t e : q.elements) {
    if (!q.tokens[e].word()) return false;
  }
  return true;
}

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
    if ((long_words >= kShortQuoteWords || short_words < kMinLinkWords) &&
        !(both_named && speakers_agree)) {
      return out;
    }
    out.shape = long_words == short_words ? LinkShape::kWhole : LinkShape::kFragment;
    out.similarity = static_cast<double>(short_words) / long_words;
    return out;
  }
  if (st.longest_run < kMinRun) return out;

  const double max_edit = MaxWholeEdit(speakers_agree);
  // Whole: the two are versions of one statement. The length difference alone is a lower
  // bound of the edit distance, so most fragment pairs skip this alignment.
  if (static_cast<double>(long_words - short_words) <= max_edit * long_words) {
    const WordAlignment& global = aligner.Global(s, l);
    const double share = static_cast<double>(global.stats.edit_distance) / long_words;
    if (share <= max_edit && (1.0 - share >= kCloseVersionSimilarity ||
                              KeepsStretches(StretchesOf(s, global.steps), short_words))) {
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
  const double max_fragment_edit = MaxFragmentEdit(short_words, speakers_agree);
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

// An open-addressing table of a's words: deciding calls it for millions of pairs, and
// sorting both lists cost more than the rest of the test.
void WordMultiset::Assign(std::span<const uint64_t> words) {
  size_t capacity = 16;
  while (capacity < 2 * words.size()) capacity *= 2;
  if (table_.size() < capacity) table_.assign(capacity, Slot{});
  if (++stamp_ == 0) {  // wrapped: forget every slot
    std::fill(table_.begin(), table_.end(), Slot{});
    stamp_ = 1;
  }
  mask_ = capacity - 1;
  size_ = words.size();
  blocks_ = (size_ + 63) / 64;
  masks_.clear();
  uint32_t distinct = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    Slot& s = SlotOf(words[i]);
    if (s.stamp != stamp_) {
      s = Slot{words[i], 0, stamp_, 0, 0, distinct++};
      masks_.resize(masks_.size() + blocks_, 0);
    }
    ++s.count;
    masks_[s.mask * blocks_ + i / 64] |= uint64_t{1} << (i % 64);
  }
}

size_t WordMultiset::SharedWith(std::span<const uint64_t> b) {
  if (++probe_ == 0) {  // wrapped: forget every probe's counts
    for (Slot& s : table_) s.probe = s.used = 0;
    probe_ = 1;
  }
  size_t shared = 0;
  for (uint64_t w : b) {
    Slot& s = SlotOf(w);
    if (s.stamp != stamp_) continue;
    if (s.probe != probe_) {
      s.probe = probe_;
      s.used = 0;
    }
    if (s.used < s.count) {
      ++s.used;
      ++shared;
    }
  }
  return shared;
}

size_t WordMultiset::CommonSubsequence(std::span<const uint64_t> b) {
  if (size_ == 0) return 0;
  // V starts all ones; for each word of b with positions M in a: U = V & M,
  // V = (V + U) | (V - U), the addition carried across machine words (V - U is V & ~U, as U
  // lies inside V). The common subsequence's length is the count of zeros among a's n bits.
  if (blocks_ == 1) {  // a of at most 64 words (most quotations): V in one register
    uint64_t v = ~uint64_t{0};
    for (uint64_t w : b) {
      const Slot& s = SlotOf(w);
      if (s.stamp != stamp_) continue;
      const uint64_t u = v & masks_[s.mask];
      v = (v + u) | (v & ~u);
    }
    if (size_ % 64 != 0) v &= (uint64_t{1} << (size_ % 64)) - 1;
    return size_ - static_cast<size_t>(std::popcount(v));
  }
  state_.assign(blocks_, ~uint64_t{0});
  for (uint64_t w : b) {
    const Slot& s = SlotOf(w);
    if (s.stamp != stamp_) continue;  // a word a lacks leaves V as it is
    const uint64_t* m = masks_.data() + static_cast<size_t>(s.mask) * blocks_;
    uint64_t carry = 0;
    for (size_t k = 0; k < blocks_; ++k) {
      const uint64_t v = state_[k], u = v & m[k];
      const uint64_t sum = v + u;
      const uint64_t with_carry = sum + carry;
      carry = static_cast<uint64_t>(sum < v) | static_cast<uint64_t>(with_carry < sum);
      state_[k] = with_carry | (v & ~u);
    }
  }
  size_t ones = 0;
  for (size_t k = 0; k < blocks_; ++k) {
    uint64_t v = state_[k];
    if (k + 1 == blocks_ && size_ % 64 != 0) v &= (uint64_t{1} << (size_ % 64)) - 1;
    ones += static_cast<size_t>(std::popcount(v));
  }
  return size_ - ones;
}

size_t SharedWordCount(std::span<const uint64_t> a, std::span<const uint64_t> b) {
  thread_local WordMultiset counted;
  counted.Assign(a);
  return counted.SharedWith(b);
}

bool WholeLinkPossible(uint32_t a_words, uint32_t b_words) {
  const uint32_t longer = std::max(a_words, b_words), shorter = std::min(a_words, b_words);
  return static_cast<double>(longer - shorter) <= kMaxEditShare * longer;
}

void WordHashes(const TokenizedQuote& q, std::vector<uint64_t>* out) {
  out->clear();
  for (uint32_t e : q.elements) {
    if (q.tokens[e].word()) out->push_back(q.tokens[e].hash);
  }
}

std::optional<Link> DecidePair(size_t a, size_t b, const TokenizedQuote& ta,
                               const TokenizedQuote& tb, const SpeakerEvidence& sa,
                               const SpeakerEvidence& sb, WordAligner& aligner) {
  thread_local std::vector<uint64_t> wa, wb;
  thread_local WordMultiset a_counted;
  WordHashes(ta, &wa);
  WordHashes(tb, &wb);
  a_counted.Assign(wa);
  const PairBoundFacts facts{WordsOnly(ta) && WordsOnly(tb), SpeakersMatch(sa, sb)};
  if (!EnoughSharedWords(&a_counted, wa, wb, facts)) return std::nullopt;
  return DecidePairPastWordBound(a, b, ta, tb, sa, sb, aligner);
}

std::optional<Link> DecidePairPastWordBound(size_t a, size_t b, const TokenizedQuote& ta,
                                            const TokenizedQuote& tb, const SpeakerEvidence& sa,
                                            const SpeakerEvidence& sb, WordAligner& aligner) {
  const LinkVerdict verdict = DecideLink(ta, tb, SpeakersMatch(sa, sb), BothNamed(sa, sb), aligner);
  if (verdict.shape == LinkShape::kNone) return std::nullopt;
  // Classes and flags, and the ops packed: LinkDiff reads them back when the link is
  // printed or weighed, without aligning again.
  // DecideLink aligned (shorter, longer) locally: when a is the shorter, that is Local(a, b).
  const bool after_local = ta.word_count <= tb.word_count;
  thread_local std::string packed;
  QuoteComparison c = CompareQuotes(ta, tb, aligner, /*with_ops=*/false, after_local, &packed);
  Link link;
  link.a = a;
  link.b = b;
  link.relation = c.relation.relation;
  // A pair decided as parts of each other is a fragment unless its words differ.
  if (verdict.shape != LinkShape::kWhole && link.relation != Relation::kVariant) {
    link.relation = Relation::kFragment;
  }
  link.similarity = std::round(c.relation.similarity * 1000) / 1000;
  link.speakers_agree = !SpeakersDisagree(sa, sb);
  link.end_continues = verdict.end_continues;
  link.diff = std::move(c.diff);
  link.packed_ops = CompactBytes(packed);
  if (!CoversAll(c.stats, ta, tb)) {
    // The shared part's tokens are the pair's own (not tokenised again).
    thread_local TokenizedQuote shared_a, shared_b;
    ElementRangeTokens(ta, c.stats.a_begin, c.stats.a_end, &shared_a);
    ElementRangeTokens(tb, c.stats.b_begin, c.stats.b_end, &shared_b);
    QuoteDiff shared = DiffQuotes(shared_a, shared_b, aligner, /*with_ops=*/false);
    link.diff.classes = shared.classes;
    link.diff.flags = shared.flags;
  }
  return link;
}

}  // namespace quotecheck
