#include "diff/quote_diff.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <span>

#include "core/code_point.h"

namespace quotecheck {
namespace {

using StepKind = AlignStep::Kind;

// A word written another way, folded: NFKC always, quote marks as ' and dashes as -, then
// optionally case-folded and without dots.
std::string Fold(std::string_view text, bool casefold, bool drop_dots) {
  std::string tmp;
  tmp.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    DecodedCodePoint d = DecodeAt(text, i);
    char32_t cp = d.cp;
    bool quote = cp == U'"' || cp == U'\'' || cp == U'`' || cp == 0xB4 || cp == 0x2BC ||
                 (cp >= 0x2018 && cp <= 0x201F) || cp == 0xAB || cp == 0xBB;
    bool dash = cp == U'-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212;
    if (quote) {
      tmp.push_back('\'');
    } else if (dash) {
      tmp.push_back('-');
    } else if (cp == U'.' && drop_dots) {
      // dropped
    } else {
      tmp.append(text.substr(i, d.size));
    }
    i += d.size;
  }
  int options = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT;
  if (casefold) options |= UTF8PROC_CASEFOLD;
  utf8proc_uint8_t* mapped = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(tmp.data()),
                                    static_cast<utf8proc_ssize_t>(tmp.size()), &mapped,
                                    static_cast<utf8proc_option_t>(options));
  if (n < 0) return tmp;
  std::string out(reinterpret_cast<const char*>(mapped), static_cast<size_t>(n));
  std::free(mapped);
  return out;
}

bool IsNegation(std::string_view key) {
  static constexpr std::string_view kWords[] = {"not",     "no",   "never",   "nobody", "nothing",
                                                "neither", "nor",  "without", "none",   "nowhere",
                                                "cannot",  "nope", "noone"};
  for (auto w : kWords) {
    if (key == w) return true;
  }
  return key.size() > 3 && key.ends_with("n't");
}

// The modal a word carries, or empty.
std::string_view Modal(std::string_view key) {
  static constexpr std::string_view kModals[] = {"will",  "would", "may",    "might", "can",
                                                 "could", "shall", "should", "must"};
  for (auto m : kModals) {
    if (key == m) return m;
  }
  if (key == "cannot") return "can";
  if (key.ends_with("'ll")) return "will";
  if (key.ends_with("'d")) return "would";
  if (key.ends_with("n't")) {
    std::string_view stem = key.substr(0, key.size() - 3);
    if (stem == "wo") return "will";
    if (stem == "ca") return "can";
    if (stem == "sha") return "shall";
    for (auto m : kModals) {
      if (stem == m) return m;
    }
  }
  return {};
}

bool IsPronounI(std::string_view key) { return key == "i" || key.starts_with("i'"); }

struct Unit {
  bool equal = true;
  uint32_t a_start = 0, a_end = 0, b_start = 0, b_end = 0;
};

// A piece of a gap: a token, or a run of space (token == -1).
struct Piece {
  uint32_t start = 0;
  uint32_t end = 0;
  int32_t token = -1;
};

class DiffBuilder {
 public:
  DiffBuilder(const TokenizedQuote& a, const TokenizedQuote& b, const WordAlignment& alignment)
      : a_(a), b_(b), alignment_(alignment) {}

  QuoteDiff Build(bool with_text, std::string* packed_ops) {
    // Anchors: matched elements, as token indexes.
    std::vector<std::pair<uint32_t, uint32_t>> anchors;
    a_step_.assign(a_.tokens.size(), kNoStep);
    b_step_.assign(b_.tokens.size(), kNoStep);
    for (const AlignStep& s : alignment_.steps) {
      if (s.a >= 0) a_step_[a_.elements[static_cast<size_t>(s.a)]] = static_cast<uint8_t>(s.kind);
      if (s.b >= 0) b_step_[b_.elements[static_cast<size_t>(s.b)]] = static_cast<uint8_t>(s.kind);
      if (s.kind == StepKind::kMatch) {
        anchors.emplace_back(a_.elements[static_cast<size_t>(s.a)],
                             b_.elements[static_cast<size_t>(s.b)]);
      }
    }
    int64_t prev_a = -1;
    int64_t prev_b = -1;
    for (const auto& [ta, tb] : anchors) {
      Gap(prev_a, ta, prev_b, tb);
      Anchor(ta, tb);
      prev_a = ta;
      prev_b = tb;
    }
    Gap(prev_a, static_cast<int64_t>(a_.tokens.size()), prev_b,
        static_cast<int64_t>(b_.tokens.size()));
    if (with_text || packed_ops != nullptr) {
      const std::vector<Unit> merged = Merged();
      if (with_text) Ops(merged);
      if (packed_ops != nullptr) Pack(merged, packed_ops);
    }
    return std::move(diff_);
  }

 private:
  static constexpr uint8_t kNoStep = 0xFF;

  void Push(bool equal, uint32_t as, uint32_t ae, uint32_t bs, uint32_t be) {
    if (as == ae && bs == be) return;
    if (!units_.empty() && units_.back().equal == equal) {
      units_.back().a_end = ae;
      units_.back().b_end = be;
      return;
    }
    units_.push_back({equal, as, ae, bs, be});
  }

  void Anchor(uint32_t ta, uint32_t tb) {
    const QuoteToken& x = a_.tokens[ta];
    const QuoteToken& y = b_.tokens[tb];
    std::string_view xs = a_.Text(x);
    std::string_view ys = b_.Text(y);
    if (xs == ys) {
      Push(true, x.start, x.end, y.start, y.end);
      return;
    }
    diff_.classes |= ClassifyRespelling(xs, ys);
    Push(false, x.start, x.end, y.start, y.end);
  }

  static void Pieces(const TokenizedQuote& q, int64_t prev, int64_t next, std::vector<Piece>& out) {
    out.clear();
    uint32_t pos = prev < 0 ? 0 : q.tokens[static_cast<size_t>(prev)].end;
    uint32_t limit = next >= static_cast<int64_t>(q.tokens.size())
                         ? static_cast<uint32_t>(q.text.size())
                         : q.tokens[static_cast<size_t>(next)].start;
    for (int64_t t = prev + 1; t < next; ++t) {
      const QuoteToken& tok = q.tokens[static_cast<size_t>(t)];
      if (tok.start > pos) out.push_back({pos, tok.start, -1});
      out.push_back({tok.start, tok.end, static_cast<int32_t>(t)});
      pos = tok.end;
    }
    if (limit > pos) out.push_back({pos, limit, -1});
  }

  static bool SameBytes(const TokenizedQuote& a, const Piece& x, const TokenizedQuote& b,
                        const Piece& y) {
    return std::string_view(a.text).substr(x.start, x.end - x.start) ==
           std::string_view(b.text).substr(y.start, y.end - y.start);
  }

  void Gap(int64_t prev_a, int64_t next_a, int64_t prev_b, int64_t next_b) {
    Pieces(a_, prev_a, next_a, pa_);
    Pieces(b_, prev_b, next_b, pb_);
    uint32_t a_pos = prev_a < 0 ? 0 : a_.tokens[static_cast<size_t>(prev_a)].end;
    uint32_t b_pos = prev_b < 0 ? 0 : b_.tokens[static_cast<size_t>(prev_b)].end;
    uint32_t a_limit = pa_.empty() ? a_pos : pa_.back().end;
    uint32_t b_limit = pb_.empty() ? b_pos : pb_.back().end;
    size_t lo = 0;
    while (lo < pa_.size() && lo < pb_.size() && SameBytes(a_, pa_[lo], b_, pb_[lo])) ++lo;
    size_t hi = 0;
    while (hi < pa_.size() - lo && hi < pb_.size() - lo &&
           SameBytes(a_, pa_[pa_.size() - 1 - hi], b_, pb_[pb_.size() - 1 - hi])) {
      ++hi;
    }
    auto a_at = [&](size_t k) { return k < pa_.size() ? pa_[k].start : a_limit; };
    auto b_at = [&](size_t k) { return k < pb_.size() ? pb_[k].start : b_limit; };
    uint32_t a_mid = a_at(lo), b_mid = b_at(lo);
    uint32_t a_suf = a_at(pa_.size() - hi), b_suf = b_at(pb_.size() - hi);
    Push(true, a_pos, a_mid, b_pos, b_mid);
    if (a_mid != a_suf || b_mid != b_suf) {
      Classify(lo, pa_.size() - hi, lo, pb_.size() - hi);
      Push(false, a_mid, a_suf, b_mid, b_suf);
    }
    Push(true, a_suf, a_limit, b_suf, b_limit);
  }

  struct SideWords {
    uint32_t negations = 0;
    uint32_t sentence_ends = 0;
    bool has_words = false;  // words, ellipses or insertions
    std::vector<std::string_view> numbers, entities, modals;
    std::string punct_keys;
    std::string punct_bytes;
  };

  void Collect(const TokenizedQuote& q, const std::vector<Piece>& pieces, size_t from, size_t to,
               const std::vector<uint8_t>& steps, SideWords& out) {
    for (size_t k = from; k < to; ++k) {
      const Piece& p = pieces[k];
      if (p.token < 0) continue;
      const QuoteToken& t = q.tokens[static_cast<size_t>(p.token)];
      uint8_t step = steps[static_cast<size_t>(p.token)];
      switch (t.kind) {
        case TokenKind::kPunct:
          out.punct_keys.append(q.Key(t));
          out.punct_keys.push_back('\0');
          out.punct_bytes.append(q.Text(t));
          out.punct_bytes.push_back('\0');
          if (t.flags & kTokenSentenceEnd) ++out.sentence_ends;
          continue;
        case TokenKind::kEllipsis:
          out.has_words = true;
          diff_.classes |= kChangeOmission;
          continue;
        case TokenKind::kInsertion:
          out.has_words = true;
          diff_.classes |= kChangeInsertion;
          break;
        case TokenKind::kWord:
          out.has_words = true;
          if (step == static_cast<uint8_t>(StepKind::kElided)) {
            diff_.classes |= kChangeOmission;
          } else if (step == static_cast<uint8_t>(StepKind::kWildcard)) {
            diff_.classes |= kChangeInsertion;
          } else {
            diff_.classes |= kChangeLexical;
          }
          break;
      }
      std::string_view key = q.Key(t);
      // Insertions: the words inside the brackets.
      size_t space = key.find(' ');
      if (t.kind == TokenKind::kInsertion && space != std::string_view::npos) {
        key = key.substr(0, space);
      }
      if (IsNegation(key)) ++out.negations;
      if (t.flags & kTokenNumber) out.numbers.push_back(NumberValue(key));
      std::string_view modal = Modal(key);
      if (!modal.empty()) out.modals.push_back(modal);
      bool capital = (t.flags & kTokenCapitalized) != 0;
      if (capital && !(t.flags & kTokenSentenceStart) && !IsPronounI(key) &&
          !(t.flags & kTokenNumber)) {
        out.entities.push_back(key);
      }
    }
  }

  static bool SameMultiset(std::vector<std::string_view>& x, std::vector<std::string_view>& y) {
    if (x.size() != y.size()) return false;
    std::sort(x.begin(), x.end());
    std::sort(y.begin(), y.end());
    return x == y;
  }

  void Classify(size_t a_from, size_t a_to, size_t b_from, size_t b_to) {
    SideWords x, y;
    Collect(a_, pa_, a_from, a_to, a_step_, x);
    Collect(b_, pb_, b_from, b_to, b_step_, y);
    if (x.punct_keys != y.punct_keys) {
      diff_.classes |= kChangePunctuation;
    } else if (x.punct_bytes != y.punct_bytes || (!x.has_words && !y.has_words)) {
      diff_.classes |= kChangeTypography;
    }
    if (x.negations != y.negations) diff_.flags |= kMeaningNegation;
    if (x.sentence_ends != y.sentence_ends) diff_.flags |= kMeaningSentenceSplit;
    if (!SameMultiset(x.numbers, y.numbers)) diff_.flags |= kMeaningNumber;
    if (!SameMultiset(x.entities, y.entities)) diff_.flags |= kMeaningNamedEntity;
    if (!SameMultiset(x.modals, y.modals)) diff_.flags |= kMeaningModal;
  }

  static bool AllSpace(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
      DecodedCodePoint d = DecodeAt(s, i);
      if (!IsSpace(d.cp)) return false;
      i += d.size;
    }
    return true;
  }

  // The units as ops: space-only equal units between two changes join them.
  std::vector<Unit> Merged() const {
    std::vector<Unit> merged;
    for (size_t k = 0; k < units_.size(); ++k) {
      Unit u = units_[k];
      if (u.equal && !merged.empty() && !merged.back().equal && k + 1 < units_.size() &&
          AllSpace(std::string_view(a_.text).substr(u.a_start, u.a_end - u.a_start)) &&
          AllSpace(std::string_view(b_.text).substr(u.b_start, u.b_end - u.b_start))) {
        u.equal = false;
      }
      if (!merged.empty() && merged.back().equal == u.equal) {
        merged.back().a_end = u.a_end;
        merged.back().b_end = u.b_end;
      } else {
        merged.push_back(u);
      }
    }
    return merged;
  }

  static DiffOp::Kind KindOf(const Unit& u) {
    if (u.equal) return DiffOp::Kind::kEqual;
    if (u.a_start == u.a_end) return DiffOp::Kind::kInsert;
    if (u.b_start == u.b_end) return DiffOp::Kind::kDelete;
    return DiffOp::Kind::kReplace;
  }

  void Ops(const std::vector<Unit>& merged) {
    diff_.ops.reserve(merged.size());
    for (const Unit& u : merged) {
      DiffOp op;
      op.kind = KindOf(u);
      op.a.assign(std::string_view(a_.text).substr(u.a_start, u.a_end - u.a_start));
      op.b.assign(std::string_view(b_.text).substr(u.b_start, u.b_end - u.b_start));
      diff_.ops.push_back(std::move(op));
    }
  }

  void Pack(const std::vector<Unit>& merged, std::string* packed) const {
    std::vector<PackedOp> ops;
    ops.reserve(merged.size());
    for (const Unit& u : merged) {
      ops.push_back({KindOf(u), u.a_end - u.a_start, u.b_end - u.b_start});
    }
    PackDiffOps(ops, packed);
  }

  const TokenizedQuote& a_;
  const TokenizedQuote& b_;
  const WordAlignment& alignment_;
  std::vector<uint8_t> a_step_, b_step_;
  std::vector<Piece> pa_, pb_;
  std::vector<Unit> units_;
  QuoteDiff diff_;
};

}  // namespace

uint32_t ClassifyRespelling(std::string_view a, std::string_view b) {
  if (a == b) return 0;
  if (Fold(a, false, false) == Fold(b, false, false)) return kChangeTypography;
  uint32_t classes = 0;
  bool dots = Fold(a, true, false) != Fold(b, true, false);
  if (Fold(a, false, true) != Fold(b, false, true)) classes |= kChangeCase;
  if (dots) classes |= kChangePunctuation;
  if (classes == 0) classes = kChangeTypography;
  return classes;
}

QuoteDiff BuildQuoteDiff(const TokenizedQuote& a, const TokenizedQuote& b,
                         const WordAlignment& alignment, bool with_text, std::string* packed_ops) {
  return DiffBuilder(a, b, alignment).Build(with_text, packed_ops);
}

namespace {

void PutVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

bool GetVarint(std::string_view in, size_t* pos, uint64_t* v) {
  *v = 0;
  for (unsigned shift = 0; *pos < in.size() && shift < 64; shift += 7) {
    const auto byte = static_cast<unsigned char>(in[(*pos)++]);
    *v |= static_cast<uint64_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

}  // namespace

void PackDiffOps(std::span<const PackedOp> ops, std::string* out) {
  out->clear();
  for (const PackedOp& op : ops) {
    // An equal op has the same bytes on both sides, a delete none in b, an insert none in a:
    // one length says it; a replace needs both.
    const bool one_length = (op.kind == DiffOp::Kind::kEqual && op.a_size == op.b_size) ||
                            (op.kind == DiffOp::Kind::kDelete && op.b_size == 0) ||
                            (op.kind == DiffOp::Kind::kInsert && op.a_size == 0);
    if (!one_length && op.kind != DiffOp::Kind::kReplace) {
      out->clear();  // not a diff's ops: nothing packed
      return;
    }
    const uint64_t size = op.kind == DiffOp::Kind::kInsert ? op.b_size : op.a_size;
    PutVarint(size << 2 | static_cast<uint64_t>(op.kind), out);
    if (op.kind == DiffOp::Kind::kReplace) PutVarint(op.b_size, out);
  }
}

bool UnpackDiffOpViews(std::string_view packed, std::string_view a, std::string_view b,
                       std::vector<DiffOpView>* out) {
  out->clear();
  size_t pos = 0, a_at = 0, b_at = 0;
  bool read = true;  // every varint whole, every op within the texts
  while (pos < packed.size()) {
    uint64_t head = 0, b_size = 0;
    if (!GetVarint(packed, &pos, &head)) {
      read = false;
      break;
    }
    const auto kind = static_cast<DiffOp::Kind>(head & 3);
    const uint64_t size = head >> 2;
    uint64_t a_size = size;
    switch (kind) {
      case DiffOp::Kind::kEqual:
        b_size = size;
        break;
      case DiffOp::Kind::kDelete:
        break;
      case DiffOp::Kind::kInsert:
        a_size = 0;
        b_size = size;
        break;
      case DiffOp::Kind::kReplace:
        read = GetVarint(packed, &pos, &b_size);
        break;
    }
    if (!read || a_size > a.size() - a_at || b_size > b.size() - b_at) {
      read = false;
      break;
    }
    out->push_back({kind, a.substr(a_at, a_size), b.substr(b_at, b_size)});
    a_at += a_size;
    b_at += b_size;
  }
  // Every op read, and the sizes add up to these two texts.
  const bool whole = read && a_at == a.size() && b_at == b.size();
  if (!whole) out->clear();
  return whole;
}

std::optional<std::vector<DiffOp>> UnpackDiffOps(std::string_view packed, std::string_view a,
                                                 std::string_view b) {
  thread_local std::vector<DiffOpView> views;
  if (!UnpackDiffOpViews(packed, a, b, &views)) return std::nullopt;
  std::vector<DiffOp> ops;
  ops.reserve(views.size());
  for (const DiffOpView& v : views) ops.push_back({v.kind, std::string(v.a), std::string(v.b)});
  return ops;
}

namespace {

// The diff of a text with the same bytes: one equal op, no change (no alignment needed).
std::optional<QuoteDiff> SameBytesDiff(std::string_view a_text, std::string_view b_text,
                                       bool with_ops) {
  if (a_text != b_text || a_text.empty()) return std::nullopt;
  QuoteDiff same;
  if (with_ops)
    same.ops.push_back({DiffOp::Kind::kEqual, std::string(a_text), std::string(b_text)});
  return same;
}

}  // namespace

QuoteDiff DiffQuotes(const TokenizedQuote& a, const TokenizedQuote& b, WordAligner& aligner,
                     bool with_ops, std::string* packed_ops) {
  if (std::optional<QuoteDiff> same = SameBytesDiff(a.text, b.text, with_ops)) {
    if (packed_ops != nullptr) packed_ops->clear();
    return *same;
  }
  return BuildQuoteDiff(a, b, aligner.Full(a, b), with_ops, packed_ops);
}

QuoteDiff DiffQuotes(std::string_view a_text, std::string_view b_text, bool with_ops,
                     std::string* packed_ops) {
  if (std::optional<QuoteDiff> same = SameBytesDiff(a_text, b_text, with_ops)) {
    if (packed_ops != nullptr) packed_ops->clear();
    return *same;
  }
  thread_local TokenizedQuote a, b;
  TokenizeQuoteInto(a_text, &a);
  TokenizeQuoteInto(b_text, &b);
  thread_local WordAligner aligner;
  return DiffQuotes(a, b, aligner, with_ops, packed_ops);
}

std::optional<QuoteDiff> StoredLinkDiff(const CheckResult& result, const Link& link) {
  if (!link.diff.ops.empty()) return link.diff;
  const std::string_view a = result.quotes[link.a].text, b = result.quotes[link.b].text;
  std::optional<QuoteDiff> diff = SameBytesDiff(a, b, true);
  if (!diff && !link.packed_ops.empty()) {
    if (std::optional<std::vector<DiffOp>> ops = UnpackDiffOps(link.packed_ops.view(), a, b)) {
      diff.emplace();
      diff->ops = std::move(*ops);
    }
  }
  if (diff) {
    diff->classes = link.diff.classes;
    diff->flags = link.diff.flags;
  }
  return diff;
}

QuoteDiff LinkDiff(const CheckResult& result, const Link& link) {
  if (std::optional<QuoteDiff> stored = StoredLinkDiff(result, link)) return std::move(*stored);
  QuoteDiff diff = DiffQuotes(result.quotes[link.a].text, result.quotes[link.b].text);
  diff.classes = link.diff.classes;
  diff.flags = link.diff.flags;
  return diff;
}

QuoteDiff LinkDiff(const Link& link, const TokenizedQuote& a, const TokenizedQuote& b,
                   WordAligner& aligner) {
  if (!link.diff.ops.empty()) return link.diff;
  QuoteDiff diff = DiffQuotes(a, b, aligner);
  diff.classes = link.diff.classes;
  diff.flags = link.diff.flags;
  return diff;
}

QuoteDiff LinkDiffer::Diff(const Link& link) {
  // Ops set or packed, or the same bytes: answered without tokens.
  if (std::optional<QuoteDiff> stored = StoredLinkDiff(result_, link)) return std::move(*stored);
  const size_t slot_a = Slot(link.a, kRecentQuotes);
  const size_t slot_b = Slot(link.b, slot_a);  // a's tokens stay while b's are read
  return LinkDiff(link, recent_tokens_[slot_a], recent_tokens_[slot_b], aligner_);
}

const std::vector<DiffOpView>& LinkDiffer::Ops(const Link& link) {
  // As StoredLinkDiff reads them: ops set, the same bytes, packed; else computed.
  const std::string_view a = result_.quotes[link.a].text, b = result_.quotes[link.b].text;
  views_.clear();
  const std::vector<DiffOp>* ops = nullptr;
  if (!link.diff.ops.empty()) {
    ops = &link.diff.ops;
  } else if (a == b && !a.empty()) {
    views_.push_back({DiffOp::Kind::kEqual, a, b});
    return views_;
  } else if (link.packed_ops.empty() || !UnpackDiffOpViews(link.packed_ops.view(), a, b, &views_)) {
    computed_ = Diff(link);
    ops = &computed_.ops;
  }
  if (ops != nullptr) {
    for (const DiffOp& op : *ops) views_.push_back({op.kind, op.a, op.b});
  }
  return views_;
}

size_t LinkDiffer::Slot(size_t quote, size_t keep) {
  for (size_t i = 0; i < recent_count_; ++i) {
    if (recent_quote_[i] == quote) return i;
  }
  if (next_slot_ == keep) next_slot_ = (next_slot_ + 1) % kRecentQuotes;
  const size_t slot = next_slot_;
  next_slot_ = (next_slot_ + 1) % kRecentQuotes;
  recent_count_ = std::max(recent_count_, slot + 1);
  recent_quote_[slot] = quote;
  recent_tokens_[slot] = TokenizeQuote(result_.quotes[quote].text);
  return slot;
}

Relation SameWordsRelation(const QuoteDiff& diff) {
  constexpr uint32_t kNotTypography =
      kChangePunctuation | kChangeCase | kChangeInsertion | kChangeOmission | kChangeLexical;
  return (diff.classes & kNotTypography) != 0 ? Relation::kNormalized : Relation::kVerbatim;
}

}  // namespace quotecheck
