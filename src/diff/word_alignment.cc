#include "diff/word_alignment.h"

#include <algorithm>
#include <bit>
#include <unordered_map>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace quotecheck {
namespace {

constexpr uint8_t kWordElement = 0;
constexpr uint8_t kEllipsisElement = 1;
constexpr uint8_t kInsertionElement = 2;

constexpr int32_t kMatchScore = 2;
constexpr int32_t kGapScore = -1;
constexpr int32_t kNone = INT32_MIN / 4;
// The vector fill's kNone: below every 16-bit score it meets (those lie within ±2·15,000,
// see kMaxVectorSide), with room to subtract a few gaps without wrapping.
constexpr int16_t kNone16 = -32000;

// Traceback directions.
constexpr uint8_t kStart = 0;
constexpr uint8_t kDiagMatch = 1;
constexpr uint8_t kDiagWildcard = 2;
constexpr uint8_t kUp = 3;    // consume a
constexpr uint8_t kLeft = 4;  // consume b
// The vector fill builds directions from these values: kStart 0, the diagonals one apart,
// kUp's bits cover both diagonals', kLeft above all.
static_assert(kStart == 0 && kDiagWildcard == kDiagMatch + 1 && (kUp | kDiagMatch) == kUp &&
              (kUp | kDiagWildcard) == kUp && kLeft > kUp);

using Kind = AlignStep::Kind;

int32_t StepScore(const AlignStep& s) {
  switch (s.kind) {
    case Kind::kMatch:
      return kMatchScore;
    case Kind::kDelete:
    case Kind::kInsert:
      return kGapScore;
    default:
      return 0;
  }
}

}  // namespace

void WordAligner::Load(const TokenizedQuote& q, Side& side) {
  const size_t count = q.elements.size();
  side.hash.resize(count);
  side.kind.resize(count);
  side.sic.resize(count);
  bool plain = true;
  for (size_t k = 0; k < count; ++k) {
    const QuoteToken& t = q.tokens[q.elements[k]];
    side.hash[k] = t.hash;
    if (t.kind == TokenKind::kWord) {
      side.kind[k] = kWordElement;
      side.sic[k] = 0;
      continue;
    }
    plain = false;
    side.kind[k] = t.kind == TokenKind::kEllipsis ? kEllipsisElement : kInsertionElement;
    side.sic[k] = t.kind == TokenKind::kInsertion && q.Key(t) == "sic";
  }
  side.plain = plain;
}

template <bool kPlain>
void WordAligner::Fill(size_t a_lo, size_t n, size_t b_lo, size_t m, bool local, int32_t& best,
                       size_t& best_i, size_t& best_j) {
  const size_t w = m + 1;
  // Cost of consuming a[ai] when the last b consumed is b_lo + j - 1 (or none), and vice
  // versa: free for an ellipsis or insertion, and next to the other side's ellipsis.
  auto up_cost = [&](size_t ai, size_t j) -> int32_t {
    if constexpr (kPlain) return kGapScore;
    if (a_.kind[ai] != kWordElement) return 0;
    const size_t bp = b_lo + j;  // b element just consumed is bp - 1
    if (bp > 0 && b_.kind[bp - 1] == kEllipsisElement) return 0;
    return kGapScore;
  };
  auto left_cost = [&](size_t i, size_t bj) -> int32_t {
    if constexpr (kPlain) return kGapScore;
    if (b_.kind[bj] != kWordElement) return 0;
    const size_t ap = a_lo + i;
    if (ap > 0 && a_.kind[ap - 1] == kEllipsisElement) return 0;
    return kGapScore;
  };
  if (!local) {
    for (size_t j = 1; j <= m; ++j) {
      prev_[j] = prev_[j - 1] + left_cost(0, b_lo + j - 1);
      dir_[j] = kLeft;
    }
  }
  const uint64_t* bh = b_.hash.data() + b_lo;
  for (size_t i = 1; i <= n; ++i) {
    const size_t ai = a_lo + i - 1;
    const uint8_t ak = kPlain ? kWordElement : a_.kind[ai];
    const uint64_t ah = a_.hash[ai];
    uint8_t* drow = dir_.data() + i * w;
    int32_t* prev = prev_.data();
    int32_t* cur = cur_.data();
    if (local) {
      cur[0] = 0;
      drow[0] = kStart;
    } else {
      cur[0] = prev[0] + up_cost(ai, 0);
      drow[0] = kUp;
    }
    for (size_t j = 1; j <= m; ++j) {
      const uint8_t bk = kPlain ? kWordElement : b_.kind[b_lo + j - 1];
      int32_t v = kNone;
      uint8_t d = kStart;
      if (ak == bk && ah == bh[j - 1]) {
        v = prev[j - 1] + kMatchScore;
        d = kDiagMatch;
      } else if (!kPlain && ((ak == kInsertionElement && bk == kWordElement) ||
                             (ak == kWordElement && bk == kInsertionElement))) {
        v = prev[j - 1];  // a bracketed insertion stands for one word
        d = kDiagWildcard;
      }
      const int32_t up = prev[j] + up_cost(ai, j);
      if (up > v) {
        v = up;
        d = kUp;
      }
      const int32_t left = cur[j - 1] + left_cost(i, b_lo + j - 1);
      if (left > v) {
        v = left;
        d = kLeft;
      }
      if (local) {
        if (v < 0) {
          v = 0;
          d = kStart;
        }
        if (v >= best && v > 0) {
          best = v;
          best_i = i;
          best_j = j;
        }
      }
      cur[j] = v;
      drow[j] = d;
    }
    std::swap(prev_, cur_);
  }
}

template <bool kLocal, bool kPlain>
bool WordAligner::FillVector(size_t a_lo, size_t n, size_t b_lo, size_t m, int32_t& best,
                             size_t& best_i, size_t& best_j) {
#if defined(__SSE2__)
  if (n > kMaxVectorSide || m > kMaxVectorSide) return false;
  constexpr size_t kLanes = 8;
  const size_t w = m + 1;
  const size_t blocks = (m + kLanes - 1) / kLanes;
  const size_t padded = 1 + blocks * kLanes;  // columns 0..m and the last block's spare lanes
  const size_t lanes = blocks * kLanes;       // column j's b element is lane j - 1

  // Piece-local element ids, so that a cell's match is one 16-bit compare: b's elements
  // numbered by first occurrence of (kind, hash), a's by b's number or -1 when b lacks
  // them; b's spare lanes -2, equal to no id of a. Equal ids are what the scalar fill
  // compares: equal kinds and equal hashes.
  size_t bits = 4;
  while ((size_t{1} << bits) < 2 * m) ++bits;
  const size_t mask = (size_t{1} << bits) - 1;
  id_keys_.resize(mask + 1);
  id_kinds_.resize(mask + 1);
  id_values_.assign(mask + 1, -1);
  auto slot_of = [&](uint64_t h, uint8_t kind) {
    size_t slot = static_cast<size_t>(((h + kind) * 0x9E3779B97F4A7C15ull) >> (64 - bits));
    while (id_values_[slot] >= 0 && (id_keys_[slot] != h || id_kinds_[slot] != kind)) {
      slot = (slot + 1) & mask;
    }
    return slot;
  };
  b_ids_.resize(lanes);
  int16_t next_id = 0;
  for (size_t k = 0; k < m; ++k) {
    const uint64_t h = b_.hash[b_lo + k];
    const uint8_t kind = kPlain ? kWordElement : b_.kind[b_lo + k];
    const size_t slot = slot_of(h, kind);
    if (id_values_[slot] < 0) {
      id_keys_[slot] = h;
      id_kinds_[slot] = kind;
      id_values_[slot] = next_id++;
    }
    b_ids_[k] = id_values_[slot];
  }
  std::fill(b_ids_.begin() + static_cast<std::ptrdiff_t>(m), b_ids_.end(), int16_t{-2});
  a_ids_.resize(n);
  for (size_t k = 0; k < n; ++k) {
    a_ids_[k] = id_values_[slot_of(a_.hash[a_lo + k], kPlain ? kWordElement : a_.kind[a_lo + k])];
  }
  // With ellipses and insertions, the costs Fill's up_cost and left_cost give each column
  // (in rows where they depend on the column), the left costs' running sums within each
  // block, and which columns a bracketed insertion (or a word, against one) may stand for.
  if constexpr (!kPlain) {
    col_up_.assign(lanes, kGapScore);
    col_left_.assign(lanes, kGapScore);
    col_left_sum_.resize(lanes);
    col_word_.assign(lanes, 0);
    col_insertion_.assign(lanes, 0);
    for (size_t k = 0; k < m; ++k) {
      const uint8_t kind = b_.kind[b_lo + k];
      if (kind == kEllipsisElement) col_up_[k] = 0;
      if (kind != kWordElement) col_left_[k] = 0;
      col_word_[k] = kind == kWordElement ? -1 : 0;
      col_insertion_[k] = kind == kInsertionElement ? -1 : 0;
    }
    for (size_t k = 0; k < lanes; ++k) {
      col_left_sum_[k] =
          static_cast<int16_t>(col_left_[k] + (k % kLanes == 0 ? 0 : col_left_sum_[k - 1]));
    }
  }

  // Row 0 and column 0 as the scalar fill sets them; every other cell is written below, 8
  // columns at a time (a row's last store runs into the next row's first columns, written
  // after it, or into the table's spare bytes).
  auto up_cost0 = [&](size_t ai) -> int32_t {  // Fill's up_cost(ai, 0)
    if (kPlain) return kGapScore;
    if (a_.kind[ai] != kWordElement) return 0;
    if (b_lo > 0 && b_.kind[b_lo - 1] == kEllipsisElement) return 0;
    return kGapScore;
  };
  prev16_.resize(padded);
  cur16_.resize(padded);
  dir_.resize((n + 1) * w + kLanes);
  prev16_[0] = 0;
  for (size_t j = 1; j < padded; ++j) {
    int32_t left = kGapScore;  // Fill's left_cost(0, b_lo + j - 1)
    if (!kPlain && j <= m &&
        (b_.kind[b_lo + j - 1] != kWordElement ||
         (a_lo > 0 && a_.kind[a_lo - 1] == kEllipsisElement))) {
      left = 0;
    }
    prev16_[j] = kLocal ? int16_t{0} : static_cast<int16_t>(prev16_[j - 1] + left);
  }
  dir_[0] = kStart;
  std::fill(dir_.begin() + 1, dir_.begin() + static_cast<std::ptrdiff_t>(w),
            kLocal ? kStart : kLeft);

  const __m128i none = _mm_set1_epi16(kNone16);
  const __m128i zero = _mm_setzero_si128();
  const __m128i two = _mm_set1_epi16(kMatchScore);
  const __m128i gap = _mm_set1_epi16(kGapScore);
  const __m128i gap_sums = _mm_setr_epi16(-1, -2, -3, -4, -5, -6, -7, -8);
  // What a lane shift brings in: kNone, below every score.
  const __m128i in1 = _mm_setr_epi16(kNone16, 0, 0, 0, 0, 0, 0, 0);
  const __m128i in2 = _mm_setr_epi16(kNone16, kNone16, 0, 0, 0, 0, 0, 0);
  const __m128i in4 = _mm_setr_epi16(kNone16, kNone16, kNone16, kNone16, 0, 0, 0, 0);
  // Directions by bit arithmetic on the masks (see the static_assert above).
  const __m128i dir_diag = _mm_set1_epi16(kDiagMatch);
  const __m128i dir_wildcard = _mm_set1_epi16(kDiagWildcard);
  const __m128i dir_up = _mm_set1_epi16(kUp);
  const __m128i dir_left = _mm_set1_epi16(kLeft);
  // The last block's lanes that are columns of the table (j <= m).
  const __m128i last_lanes =
      _mm_cmpgt_epi16(_mm_set1_epi16(static_cast<int16_t>(m - (blocks - 1) * kLanes)),
                      _mm_setr_epi16(0, 1, 2, 3, 4, 5, 6, 7));
  const uint32_t last_bits = static_cast<uint32_t>(_mm_movemask_epi8(last_lanes));
  auto select = [](__m128i take, __m128i a, __m128i b) {
    return _mm_or_si128(_mm_and_si128(take, a), _mm_andnot_si128(take, b));
  };
  auto load = [](const int16_t* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); };

  for (size_t i = 1; i <= n; ++i) {
    const size_t ai = a_lo + i - 1;
    const int16_t* prev = prev16_.data();
    int16_t* cur = cur16_.data();
    uint8_t* drow = dir_.data() + i * w;
    const __m128i aid = _mm_set1_epi16(a_ids_[i - 1]);
    if (kLocal) {
      cur[0] = 0;
      drow[0] = kStart;
    } else {
      cur[0] = static_cast<int16_t>(prev[0] + up_cost0(ai));
      drow[0] = kUp;
    }
    // Which of the column vectors this row's element takes (kPlain: the constants).
    const uint8_t ak = kPlain ? kWordElement : a_.kind[ai];
    const int16_t* up_costs = !kPlain && ak == kWordElement ? col_up_.data() : nullptr;
    const int16_t* left_costs = !kPlain && ak != kEllipsisElement ? col_left_.data() : nullptr;
    const int16_t* left_sums = !kPlain && ak != kEllipsisElement ? col_left_sum_.data() : nullptr;
    const int16_t* wildcards = kPlain                    ? nullptr
                               : ak == kInsertionElement ? col_word_.data()
                               : ak == kWordElement      ? col_insertion_.data()
                                                         : nullptr;
    // The score left of the block: in every lane (carry) and in lane 7 (last).
    __m128i carry = _mm_set1_epi16(cur[0]);
    __m128i last = carry;
    __m128i row_max = zero;
    for (size_t blk = 0, j = 1; blk < blocks; ++blk, j += kLanes) {
      const size_t lane0 = j - 1;
      __m128i up_cost = gap, left_cost = gap, left_sum = gap_sums, wild = zero;
      if constexpr (!kPlain) {
        up_cost = up_costs ? load(up_costs + lane0) : zero;
        left_cost = left_costs ? load(left_costs + lane0) : zero;
        left_sum = left_sums ? load(left_sums + lane0) : zero;
        if (wildcards) wild = load(wildcards + lane0);
      }
      const __m128i diag = load(prev + lane0);
      const __m128i up = _mm_adds_epi16(load(prev + j), up_cost);
      const __m128i eq = _mm_cmpeq_epi16(aid, load(b_ids_.data() + lane0));
      const __m128i v0 =
          select(eq, _mm_adds_epi16(diag, two), kPlain ? none : select(wild, diag, none));
      const __m128i v1 = _mm_max_epi16(v0, up);
      const __m128i took_up = _mm_cmpgt_epi16(up, v0);
      // h[j] = max(v1[j], h[j-1] + left_cost[j]) (and 0 for local): with S the running sum
      // of left costs in the block, h - S is a running maximum of v1 - S, taken by doubling
      // lane shifts, then with the score left of the block.
      __m128i z = _mm_subs_epi16(kLocal ? _mm_max_epi16(v1, zero) : v1, left_sum);
      z = _mm_max_epi16(z, _mm_or_si128(_mm_slli_si128(z, 2), in1));
      z = _mm_max_epi16(z, _mm_or_si128(_mm_slli_si128(z, 4), in2));
      z = _mm_max_epi16(z, _mm_or_si128(_mm_slli_si128(z, 8), in4));
      z = _mm_max_epi16(z, carry);
      const __m128i h = _mm_adds_epi16(z, left_sum);
      const __m128i left =
          _mm_adds_epi16(_mm_or_si128(_mm_slli_si128(h, 2), _mm_srli_si128(last, 14)), left_cost);
      const __m128i took_left = _mm_cmpgt_epi16(left, v1);
      // kUp where up won, else kDiagMatch (equal ids) or kDiagWildcard (kWildcard + -1 is
      // kDiagMatch); kLeft, the largest, where left won; kStart (0) below zero.
      __m128i d = _mm_or_si128(kPlain ? dir_diag : _mm_add_epi16(dir_wildcard, eq),
                               _mm_and_si128(took_up, dir_up));
      d = _mm_max_epi16(d, _mm_and_si128(took_left, dir_left));
      if (kLocal) {
        d = _mm_andnot_si128(_mm_cmpgt_epi16(zero, _mm_max_epi16(v1, left)), d);
        row_max = _mm_max_epi16(row_max, blk + 1 == blocks ? _mm_and_si128(h, last_lanes) : h);
      }
      _mm_storeu_si128(reinterpret_cast<__m128i*>(cur + j), h);
      _mm_storel_epi64(reinterpret_cast<__m128i*>(drow + j), _mm_packus_epi16(d, d));
      last = h;
      carry = _mm_shufflehi_epi16(h, 0xFF);  // lane 7 into lanes 4..7, then into all
      carry = _mm_unpackhi_epi64(carry, carry);
    }
    if (kLocal) {
      // The scalar fill keeps the last cell (in row order) of the highest score above 0.
      row_max = _mm_max_epi16(row_max, _mm_srli_si128(row_max, 8));
      row_max = _mm_max_epi16(row_max, _mm_srli_si128(row_max, 4));
      row_max = _mm_max_epi16(row_max, _mm_srli_si128(row_max, 2));
      const int32_t top = static_cast<int16_t>(_mm_extract_epi16(row_max, 0));
      if (top > 0 && top >= best) {
        best = top;
        best_i = i;
        // Its last column: the last block holding it, then the last lane (two mask bits a
        // lane); the last block's spare lanes do not count.
        const __m128i wanted = _mm_set1_epi16(static_cast<int16_t>(top));
        for (size_t blk = blocks; blk-- > 0;) {
          uint32_t bits = static_cast<uint32_t>(
              _mm_movemask_epi8(_mm_cmpeq_epi16(load(cur + 1 + blk * kLanes), wanted)));
          if (blk + 1 == blocks) bits &= last_bits;
          if (bits != 0) {
            best_j = 1 + blk * kLanes + static_cast<size_t>(std::bit_width(bits) - 1) / 2;
            break;
          }
        }
      }
    }
    std::swap(prev16_, cur16_);
  }
  return true;
#else
  (void)a_lo, (void)n, (void)b_lo, (void)m, (void)best, (void)best_i, (void)best_j;
  return false;
#endif
}

void WordAligner::Dp(size_t a_lo, size_t a_hi, size_t b_lo, size_t b_hi, bool local,
                     std::vector<AlignStep>& out) {
  const size_t n = a_hi - a_lo;
  const size_t m = b_hi - b_lo;
  const size_t w = m + 1;
  int32_t best = 0;
  size_t best_i = 0;
  size_t best_j = 0;
  const bool plain = a_.plain && b_.plain;
  bool vector_filled = false;
  if (vector_fill_) {
    vector_filled =
        plain ? (local ? FillVector<true, true>(a_lo, n, b_lo, m, best, best_i, best_j)
                       : FillVector<false, true>(a_lo, n, b_lo, m, best, best_i, best_j))
              : (local ? FillVector<true, false>(a_lo, n, b_lo, m, best, best_i, best_j)
                       : FillVector<false, false>(a_lo, n, b_lo, m, best, best_i, best_j));
  }
  if (!vector_filled) {
    dir_.assign((n + 1) * w, kStart);
    prev_.assign(w, 0);
    cur_.assign(w, 0);
    if (plain) {
      Fill<true>(a_lo, n, b_lo, m, local, best, best_i, best_j);
    } else {
      Fill<false>(a_lo, n, b_lo, m, local, best, best_i, best_j);
    }
  }
  size_t i = n;
  size_t j = m;
  if (local) {
    if (best == 0) return;
    i = best_i;
    j = best_j;
  }
  const size_t first = out.size();
  if (out.capacity() < first + i + j) out.reserve(std::max(2 * out.capacity(), first + i + j));
  while (i > 0 || j > 0) {
    uint8_t d = dir_[i * w + j];
    if (d == kStart) {
      if (local) break;
      d = i > 0 ? kUp : kLeft;  // not reached: row and column 0 are set for global
    }
    AlignStep s;
    if (d == kDiagMatch || d == kDiagWildcard) {
      s.kind = d == kDiagMatch ? Kind::kMatch : Kind::kWildcard;
      s.a = static_cast<int32_t>(a_lo + i - 1);
      s.b = static_cast<int32_t>(b_lo + j - 1);
      --i;
      --j;
    } else if (d == kUp) {
      size_t ai = a_lo + i - 1;
      size_t bp = b_lo + j;
      bool elided = a_.kind[ai] == kWordElement && bp > 0 && b_.kind[bp - 1] == kEllipsisElement;
      s.kind = elided ? Kind::kElided : Kind::kDelete;
      s.a = static_cast<int32_t>(ai);
      --i;
    } else {
      size_t bj = b_lo + j - 1;
      size_t ap = a_lo + i;
      bool elided = b_.kind[bj] == kWordElement && ap > 0 && a_.kind[ap - 1] == kEllipsisElement;
      s.kind = elided ? Kind::kElided : Kind::kInsert;
      s.b = static_cast<int32_t>(bj);
      --j;
    }
    out.push_back(s);
  }
  std::reverse(out.begin() + static_cast<std::ptrdiff_t>(first), out.end());
}

void WordAligner::Gaps(size_t a_lo, size_t a_hi, size_t b_lo, size_t b_hi,
                       std::vector<AlignStep>& out) {
  for (size_t i = a_lo; i < a_hi; ++i) out.push_back({Kind::kDelete, static_cast<int32_t>(i), -1});
  for (size_t j = b_lo; j < b_hi; ++j) out.push_back({Kind::kInsert, -1, static_cast<int32_t>(j)});
}

void WordAligner::GlobalRange(size_t a_lo, size_t a_hi, size_t b_lo, size_t b_hi,
                              std::vector<AlignStep>& out) {
  // Common prefix and suffix first: most pairs are nearly the same words.
  while (a_lo < a_hi && b_lo < b_hi && a_.kind[a_lo] == b_.kind[b_lo] &&
         a_.hash[a_lo] == b_.hash[b_lo]) {
    out.push_back({Kind::kMatch, static_cast<int32_t>(a_lo), static_cast<int32_t>(b_lo)});
    ++a_lo;
    ++b_lo;
  }
  size_t suffix_len = 0;
  while (a_lo < a_hi - suffix_len && b_lo < b_hi - suffix_len &&
         a_.kind[a_hi - suffix_len - 1] == b_.kind[b_hi - suffix_len - 1] &&
         a_.hash[a_hi - suffix_len - 1] == b_.hash[b_hi - suffix_len - 1]) {
    ++suffix_len;
  }
  a_hi -= suffix_len;
  b_hi -= suffix_len;
  if (a_lo == a_hi || b_lo == b_hi) {
    Gaps(a_lo, a_hi, b_lo, b_hi, out);
  } else if ((a_hi - a_lo + 1) * (b_hi - b_lo + 1) <= kMaxDpCells) {
    Dp(a_lo, a_hi, b_lo, b_hi, /*local=*/false, out);
  } else {
    Patience(a_lo, a_hi, b_lo, b_hi, out);
  }
  for (size_t k = 0; k < suffix_len; ++k) {
    out.push_back({Kind::kMatch, static_cast<int32_t>(a_hi + k), static_cast<int32_t>(b_hi + k)});
  }
}

void WordAligner::Patience(size_t a_lo, size_t a_hi, size_t b_lo, size_t b_hi,
                           std::vector<AlignStep>& out) {
  // Words that occur once in each range, in a's order, then the longest run of them that is
  // increasing in b too.
  struct Count {
    uint32_t in_a = 0;
    uint32_t in_b = 0;
    size_t pos_a = 0;
    size_t pos_b = 0;
  };
  std::unordered_map<uint64_t, Count> counts;
  counts.reserve((a_hi - a_lo) + (b_hi - b_lo));
  for (size_t i = a_lo; i < a_hi; ++i) {
    if (a_.kind[i] != kWordElement) continue;
    Count& c = counts[a_.hash[i]];
    ++c.in_a;
    c.pos_a = i;
  }
  for (size_t j = b_lo; j < b_hi; ++j) {
    if (b_.kind[j] != kWordElement) continue;
    auto it = counts.find(b_.hash[j]);
    if (it == counts.end()) continue;
    ++it->second.in_b;
    it->second.pos_b = j;
  }
  std::vector<std::pair<size_t, size_t>> unique;
  for (size_t i = a_lo; i < a_hi; ++i) {
    if (a_.kind[i] != kWordElement) continue;
    const Count& c = counts[a_.hash[i]];
    if (c.in_a == 1 && c.in_b == 1) unique.emplace_back(i, c.pos_b);
  }
  // Longest increasing subsequence on b positions (patience sorting).
  std::vector<size_t> tails;  // index into unique
  std::vector<size_t> back(unique.size(), SIZE_MAX);
  for (size_t k = 0; k < unique.size(); ++k) {
    auto it = std::lower_bound(tails.begin(), tails.end(), unique[k].second,
                               [&](size_t t, size_t pos) { return unique[t].second < pos; });
    if (it != tails.begin()) back[k] = *(it - 1);
    if (it == tails.end()) {
      tails.push_back(k);
    } else {
      *it = k;
    }
  }
  std::vector<std::pair<size_t, size_t>> anchors;
  for (size_t k = tails.empty() ? SIZE_MAX : tails.back(); k != SIZE_MAX; k = back[k]) {
    anchors.push_back(unique[k]);
  }
  std::reverse(anchors.begin(), anchors.end());
  if (anchors.empty()) {
    Gaps(a_lo, a_hi, b_lo, b_hi, out);
    return;
  }
  size_t ai = a_lo;
  size_t bj = b_lo;
  for (const auto& [pa, pb] : anchors) {
    GlobalRange(ai, pa, bj, pb, out);
    out.push_back({Kind::kMatch, static_cast<int32_t>(pa), static_cast<int32_t>(pb)});
    ai = pa + 1;
    bj = pb + 1;
  }
  GlobalRange(ai, a_hi, bj, b_hi, out);
}

bool WordAligner::LocalDp(std::vector<AlignStep>& out) {
  const size_t n = a_.kind.size();
  const size_t m = b_.kind.size();
  if (n == 0 || m == 0) return false;
  if ((n + 1) * (m + 1) <= kMaxDpCells) {
    size_t before = out.size();
    Dp(0, n, 0, m, /*local=*/true, out);
    return out.size() > before;
  }
  // Too large for one DP: the best-scoring stretch of a global alignment (Kadane).
  tmp_.clear();
  GlobalRange(0, n, 0, m, tmp_);
  int32_t best = 0;
  int32_t run = 0;
  size_t run_start = 0;
  size_t best_begin = 0;
  size_t best_end = 0;
  for (size_t k = 0; k < tmp_.size(); ++k) {
    if (run <= 0) {
      run = 0;
      run_start = k;
    }
    run += StepScore(tmp_[k]);
    if (run > best) {
      best = run;
      best_begin = run_start;
      best_end = k + 1;
    }
  }
  if (best <= 0) return false;
  out.insert(out.end(), tmp_.begin() + static_cast<std::ptrdiff_t>(best_begin),
             tmp_.begin() + static_cast<std::ptrdiff_t>(best_end));
  return true;
}

void WordAligner::Finish(const TokenizedQuote& a, const TokenizedQuote& b, bool region_from_steps) {
  AlignmentStats& st = result_.stats;
  const AlignmentStats given = st;
  st = AlignmentStats{};
  st.a_begin = given.a_begin;
  st.a_end = given.a_end;
  st.b_begin = given.b_begin;
  st.b_end = given.b_end;
  st.a_words = a.word_count;
  st.b_words = b.word_count;
  const auto& steps = result_.steps;
  if (region_from_steps) {
    st.a_begin = st.b_begin = UINT32_MAX;
    st.a_end = st.b_end = 0;
    for (const AlignStep& s : steps) {
      if (s.a >= 0) {
        st.a_begin = std::min(st.a_begin, static_cast<uint32_t>(s.a));
        st.a_end = std::max(st.a_end, static_cast<uint32_t>(s.a) + 1);
      }
      if (s.b >= 0) {
        st.b_begin = std::min(st.b_begin, static_cast<uint32_t>(s.b));
        st.b_end = std::max(st.b_end, static_cast<uint32_t>(s.b) + 1);
      }
    }
    if (st.a_begin == UINT32_MAX) st.a_begin = st.a_end;
    if (st.b_begin == UINT32_MAX) st.b_begin = st.b_end;
  }
  for (uint32_t i = st.a_begin; i < st.a_end; ++i) st.region_a_words += a_.kind[i] == kWordElement;
  for (uint32_t j = st.b_begin; j < st.b_end; ++j) st.region_b_words += b_.kind[j] == kWordElement;

  auto in_region = [&](const AlignStep& s) {
    return (s.a >= 0 && static_cast<uint32_t>(s.a) >= st.a_begin &&
            static_cast<uint32_t>(s.a) < st.a_end) ||
           (s.b >= 0 && static_cast<uint32_t>(s.b) >= st.b_begin &&
            static_cast<uint32_t>(s.b) < st.b_end);
  };
  uint32_t da = 0, db = 0, rda = 0, rdb = 0, run = 0;
  auto flush = [&]() {
    st.edit_distance += std::max(da, db);
    st.region_edit_distance += std::max(rda, rdb);
    da = db = rda = rdb = 0;
  };
  for (const AlignStep& s : steps) {
    uint32_t ca = 0, cb = 0;
    switch (s.kind) {
      case Kind::kMatch:
        flush();
        if (a_.kind[static_cast<size_t>(s.a)] == kWordElement) {
          ++st.matched;
          st.longest_run = std::max(st.longest_run, ++run);
        }
        continue;
      case Kind::kWildcard: {
        const QuoteToken& ta = a.Element(static_cast<size_t>(s.a));
        const QuoteToken& tb = b.Element(static_cast<size_t>(s.b));
        if (ta.hash != tb.hash) ca = cb = 1;
        break;
      }
      case Kind::kElided:
        ++st.elided;
        (s.a >= 0 ? ca : cb) = 1;
        break;
      case Kind::kDelete:
        ca = a_.kind[static_cast<size_t>(s.a)] == kWordElement ||
             (a_.kind[static_cast<size_t>(s.a)] == kInsertionElement &&
              !a_.sic[static_cast<size_t>(s.a)]);
        break;
      case Kind::kInsert:
        cb = b_.kind[static_cast<size_t>(s.b)] == kWordElement ||
             (b_.kind[static_cast<size_t>(s.b)] == kInsertionElement &&
              !b_.sic[static_cast<size_t>(s.b)]);
        break;
    }
    run = 0;
    da += ca;
    db += cb;
    if (in_region(s)) {
      rda += ca;
      rdb += cb;
    }
  }
  flush();
}

const WordAlignment& WordAligner::Global(const TokenizedQuote& a, const TokenizedQuote& b) {
  Load(a, a_);
  Load(b, b_);
  result_.steps.clear();
  GlobalRange(0, a_.kind.size(), 0, b_.kind.size(), result_.steps);
  Finish(a, b, /*region_from_steps=*/true);
  return result_;
}

const WordAlignment& WordAligner::Local(const TokenizedQuote& a, const TokenizedQuote& b) {
  Load(a, a_);
  Load(b, b_);
  result_.steps.clear();
  last_local_found_ = LocalDp(result_.steps);
  last_local_ = result_.steps;
  Finish(a, b, /*region_from_steps=*/true);
  return result_;
}

const WordAlignment& WordAligner::Full(const TokenizedQuote& a, const TokenizedQuote& b,
                                       bool after_local) {
  Load(a, a_);
  Load(b, b_);
  const size_t n = a_.kind.size();
  const size_t m = b_.kind.size();
  result_.steps.clear();
  // Identical element sequences: skip the DP.
  if (a_.hash == b_.hash && a_.kind == b_.kind) {
    for (size_t i = 0; i < n; ++i) {
      result_.steps.push_back({Kind::kMatch, static_cast<int32_t>(i), static_cast<int32_t>(i)});
    }
    Finish(a, b, /*region_from_steps=*/true);
    return result_;
  }
  std::vector<AlignStep> region;
  const bool found = after_local ? (region = last_local_, last_local_found_) : LocalDp(region);
  if (!found) {
    GlobalRange(0, n, 0, m, result_.steps);
    result_.stats = AlignmentStats{};  // empty region
    Finish(a, b, /*region_from_steps=*/false);
    return result_;
  }
  uint32_t a_begin = UINT32_MAX, a_end = 0, b_begin = UINT32_MAX, b_end = 0;
  for (const AlignStep& s : region) {
    if (s.a >= 0) {
      a_begin = std::min(a_begin, static_cast<uint32_t>(s.a));
      a_end = std::max(a_end, static_cast<uint32_t>(s.a) + 1);
    }
    if (s.b >= 0) {
      b_begin = std::min(b_begin, static_cast<uint32_t>(s.b));
      b_end = std::max(b_end, static_cast<uint32_t>(s.b) + 1);
    }
  }
  GlobalRange(0, a_begin, 0, b_begin, result_.steps);
  result_.steps.insert(result_.steps.end(), region.begin(), region.end());
  GlobalRange(a_end, n, b_end, m, result_.steps);
  result_.stats.a_begin = a_begin;
  result_.stats.a_end = a_end;
  result_.stats.b_begin = b_begin;
  result_.stats.b_end = b_end;
  Finish(a, b, /*region_from_steps=*/false);
  return result_;
}

WordAlignment AlignGlobal(const TokenizedQuote& a, const TokenizedQuote& b) {
  WordAligner aligner;
  return aligner.Global(a, b);
}

WordAlignment AlignLocal(const TokenizedQuote& a, const TokenizedQuote& b) {
  WordAligner aligner;
  return aligner.Local(a, b);
}

}  // namespace quotecheck
