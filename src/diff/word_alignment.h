#pragma once
/// Aligning two tokenised quotations on their word keys.
///
/// The sequences aligned are TokenizedQuote::elements: words, inner ellipses and bracketed
/// insertions; punctuation is set aside. Scoring: equal words +2, a word on one side only -1.
/// An ellipsis stands for any number of the other side's words at no cost (the pieces on
/// either side of it must still appear in order); a bracketed insertion matches one word of
/// the other side, or nothing, at no cost.
///
/// Global alignment aligns all of both; local alignment (Smith-Waterman on the same scores)
/// finds the best-scoring stretch, which places a fragment inside a longer quotation or finds
/// where two excerpts overlap. The DP is O(n·m) in time and n·m bytes of memory, for at most
/// kMaxDpCells cells; larger inputs are first cut at words that occur once in each (as in
/// patience diff) and the pieces aligned on their own.
///
/// WordAligner keeps its buffers between calls: keep one per thread to align many pairs.
///
/// Speed: the DP rows are filled 8 cells at a time (SSE2 on x86-64; elsewhere, and for
/// pieces longer than kMaxVectorSide, the scalar fill), with a words-only variant that
/// drops the per-cell tests for ellipses and insertions. The vector fill computes the same
/// recurrences on the same values and takes the same direction in every cell, so scores,
/// tie-breaking, the best local cell and the alignment path are identical to the scalar
/// fill's; the unit tests compare the two on random and adversarial words. (A banded DP was
/// tried and dropped: linked pairs align far from the diagonal.)

#include <cstdint>
#include <vector>

#include "diff/quote_tokens.h"

namespace quotecheck {

struct AlignStep {
  enum class Kind : uint8_t {
    kMatch,     // a[a] and b[b] have the same key (words, ellipses, insertions alike)
    kWildcard,  // a bracketed insertion on one side against a word on the other
    kElided,    // a word on one side (a or b, the other is -1) that the other side's ellipsis
                // stands for
    kDelete,    // a[a] only (a word, or an ellipsis or insertion that matched nothing)
    kInsert,    // b[b] only
  };
  Kind kind = Kind::kMatch;
  int32_t a = -1;  // element index into a.elements, -1 when the step has no a side
  int32_t b = -1;
};

struct AlignmentStats {
  uint32_t a_words = 0;  // word tokens (kWord) in each quotation
  uint32_t b_words = 0;
  uint32_t matched = 0;      // words matched to an equal word
  uint32_t longest_run = 0;  // the longest run of consecutive matched words
  /// Word edit distance: for each stretch between matched words, the larger of the number of
  /// words changed on either side (a replaced word counts once). Words an ellipsis stands for
  /// count; an insertion counts when its words differ from the word it stands in for.
  uint32_t edit_distance = 0;
  uint32_t elided = 0;  // words that an ellipsis on the other side stands for
  /// The aligned region, as half-open element ranges: all of both for a global alignment,
  /// the best-scoring stretch for a local one. For a fragment, the covered part of the
  /// longer quotation.
  uint32_t a_begin = 0;
  uint32_t a_end = 0;
  uint32_t b_begin = 0;
  uint32_t b_end = 0;
  /// edit_distance counted inside the region only.
  uint32_t region_edit_distance = 0;
  /// Words of each side inside the region.
  uint32_t region_a_words = 0;
  uint32_t region_b_words = 0;
};

struct WordAlignment {
  std::vector<AlignStep> steps;  // in order; see WordAligner for which elements they cover
  AlignmentStats stats;
};

class WordAligner {
 public:
  /// Upper bound on DP cells for one piece (4 MiB of traceback).
  static constexpr size_t kMaxDpCells = size_t{1} << 22;
  /// The vector fill keeps scores and word ids in 16 bits: it takes pieces whose sides are
  /// both at most this long (a global score lies within ±(n + m), a local one within
  /// 0..2·min(n, m)); longer ones, rare, take the scalar fill.
  static constexpr size_t kMaxVectorSide = 15000;

  /// `vector_fill` false: always the scalar fill, the straightforward DP that the vector
  /// fill must equal (for tests).
  explicit WordAligner(bool vector_fill = true) : vector_fill_(vector_fill) {}

  /// Every element of a and b, in order.
  const WordAlignment& Global(const TokenizedQuote& a, const TokenizedQuote& b);
  /// Only the best-scoring stretch (steps cover the region; empty when nothing matches).
  const WordAlignment& Local(const TokenizedQuote& a, const TokenizedQuote& b);
  /// The local region, extended by global alignments of what lies before and after it: the
  /// steps cover every element, stats' region is the local one. What diffs are built from.
  /// `after_local`: the caller vouches that the last Local call was Local(a, b) of these very
  /// quotations, unchanged since; its region is reused instead of aligned again.
  const WordAlignment& Full(const TokenizedQuote& a, const TokenizedQuote& b,
                            bool after_local = false);

 private:
  struct Side {
    std::vector<uint64_t> hash;
    std::vector<uint8_t> kind;  // 0 word, 1 ellipsis, 2 insertion
    std::vector<uint8_t> sic;   // insertion [sic]: no words of its own
    bool plain = true;          // words only: no ellipsis, no insertion (Dp's fast path)
  };
  void Load(const TokenizedQuote& q, Side& side);
  // Appends the alignment of a[a_lo, a_hi) with b[b_lo, b_hi).
  void GlobalRange(size_t a_lo, size_t a_hi, size_t b_lo, size_t b_hi, std::vector<AlignStep>& out);
  void Patience(size_t a_lo, size_t a_hi, size_t b_lo, size_t b_hi, std::vector<AlignStep>& out);
  // Local: appends the region's steps, returns false when nothing scores above zero.
  bool LocalDp(std::vector<AlignStep>& out);
  void Dp(size_t a_lo, size_t a_hi, size_t b_lo, size_t b_hi, bool local,
          std::vector<AlignStep>& out);
  // Dp's score and direction tables; kPlain: both ranges hold words only (no ellipsis, no
  // insertion), the per-cell tests for them compiled out. Returns the best local cell.
  template <bool kPlain>
  void Fill(size_t a_lo, size_t n, size_t b_lo, size_t m, bool local, int32_t& best, size_t& best_i,
            size_t& best_j);
  // Fill<kPlain>'s equal, 8 cells at a time; false when this build has no vector fill or
  // the piece is too long for it.
  template <bool kLocal, bool kPlain>
  bool FillVector(size_t a_lo, size_t n, size_t b_lo, size_t m, int32_t& best, size_t& best_i,
                  size_t& best_j);
  void Gaps(size_t a_lo, size_t a_hi, size_t b_lo, size_t b_hi, std::vector<AlignStep>& out);
  void Finish(const TokenizedQuote& a, const TokenizedQuote& b, bool region_from_steps);

  bool vector_fill_ = true;
  Side a_;
  Side b_;
  std::vector<uint8_t> dir_;
  std::vector<int32_t> prev_;
  std::vector<int32_t> cur_;
  // The vector fill's rows, piece-local element ids and the table that numbers them, and
  // (with ellipses or insertions) b's per-column costs and masks.
  std::vector<int16_t> prev16_;
  std::vector<int16_t> cur16_;
  std::vector<int16_t> a_ids_;
  std::vector<int16_t> b_ids_;
  std::vector<uint64_t> id_keys_;
  std::vector<uint8_t> id_kinds_;
  std::vector<int16_t> id_values_;
  std::vector<int16_t> col_up_;
  std::vector<int16_t> col_left_;
  std::vector<int16_t> col_left_sum_;
  std::vector<int16_t> col_word_;
  std::vector<int16_t> col_insertion_;
  std::vector<AlignStep> tmp_;
  std::vector<AlignStep> last_local_;  // the region of the last Local call
  bool last_local_found_ = false;
  WordAlignment result_;
};

/// Convenience wrappers with their own aligner.
WordAlignment AlignGlobal(const TokenizedQuote& a, const TokenizedQuote& b);
WordAlignment AlignLocal(const TokenizedQuote& a, const TokenizedQuote& b);

}  // namespace quotecheck
