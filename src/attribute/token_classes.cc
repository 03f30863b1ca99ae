#include "attribute/token_classes.h"

#include <fmt/format.h>
#include <re2/re2.h>
#include <utf8proc.h>

#include <algorithm>
#include <bit>
#include <map>
#include <set>
#include <tuple>

#include "core/code_point.h"

namespace quotecheck {
namespace {

// A word's shape, worked out one letter at a time as the word is read.
class WordShaper {
 public:
  explicit WordShaper(const LetterTable& letters) : letters_(letters) {}

  void Add(char32_t cp) {
    const bool ascii_lower = cp >= 'a' && cp <= 'z';
    const uint8_t flags = cp < LetterTable::kSize ? letters_.flags[cp] : 0;
    if (count_ == 0) first_flags_ = flags;
    if (count_ > 0 && !ascii_lower) rest_ascii_lower_ = false;
    all_lower_ = all_lower_ && (flags & LetterTable::kLower);
    all_ascii_lower_ = all_ascii_lower_ && ascii_lower;
    before_last_ = last_;
    last_ = cp;
    last_flags_ = flags;
    ++count_;
  }

  // Adds the ASCII letters p[0, n), n >= 1, as n calls of Add would, from what the caller's
  // one reading of them found: `first_kind` is LetterTable::byte_kind of p[0], `rest_kinds`
  // the bitwise and of byte_kind over p[1, n) (all bits set when n == 1).
  void AddAscii(const unsigned char* p, size_t n, uint8_t first_kind, uint8_t rest_kinds) {
    const bool first_ascii_lower = (first_kind & LetterTable::kAsciiAz) != 0;
    const bool rest_ascii_lower = (rest_kinds & LetterTable::kAsciiAz) != 0;  // p[1, n) in a-z
    if (count_ == 0) {
      first_flags_ = first_kind;
    } else if (!first_ascii_lower) {
      rest_ascii_lower_ = false;
    }
    rest_ascii_lower_ = rest_ascii_lower_ && rest_ascii_lower;
    all_lower_ = all_lower_ && (first_kind & rest_kinds & LetterTable::kLower) != 0;
    all_ascii_lower_ = all_ascii_lower_ && first_ascii_lower && rest_ascii_lower;
    before_last_ = n >= 2 ? p[n - 2] : last_;
    last_ = p[n - 1];
    last_flags_ = letters_.byte_kind[p[n - 1]];
    count_ += n;
  }

  uint16_t Shape() const {
    uint16_t shape = kShapeWord;
    if (first_flags_ & LetterTable::kUpper) {
      shape |= kShapeCap;
      if (count_ == 1) shape |= kShapeInitial;
    }
    if (all_lower_) shape |= kShapeLower;
    if (all_ascii_lower_) shape |= kShapeAsciiLower;
    if ((first_flags_ & LetterTable::kLower) && rest_ascii_lower_) shape |= kShapeLower1;
    if (count_ >= 2 && last_ == 's') shape |= kShapeEndsS;
    if (last_flags_ & LetterTable::kUpper) shape |= kShapeEndsUpper;
    if (all_lower_ && count_ >= 3 && before_last_ == 'l' && last_ == 'y') shape |= kShapeLy;
    return shape;
  }

  // The shape of the word p[0, n) of ASCII letters (AddAscii's arguments).
  static uint16_t AsciiShape(const unsigned char* p, size_t n, uint8_t first_kind,
                             uint8_t rest_kinds, const LetterTable& letters) {
    WordShaper shaper(letters);
    shaper.AddAscii(p, n, first_kind, rest_kinds);
    return shaper.Shape();
  }

 private:
  const LetterTable& letters_;
  size_t count_ = 0;
  char32_t last_ = 0, before_last_ = 0;
  // LetterTable flags of the first and last letters (of a byte_kind, only those bits count).
  uint8_t first_flags_ = 0, last_flags_ = 0;
  bool all_lower_ = true, all_ascii_lower_ = true, rest_ascii_lower_ = true;
};

uint16_t WordShape(std::string_view word, const LetterTable& letters) {
  WordShaper shaper(letters);
  for (size_t i = 0; i < word.size();) {
    DecodedCodePoint d = DecodeAt(word, i);
    shaper.Add(d.cp);
    i += d.size;
  }
  return shaper.Shape();
}

// `s` in lower case, into `*out`. An ASCII start is written in place (FoldedSetOf lowers
// every capitalised word of the windows that is no lexicon entry).
void LowerInto(std::string_view s, std::string* out) {
  out->resize(s.size());
  size_t i = 0;
  for (; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) break;
    (*out)[i] = AsciiLower(static_cast<char>(c));
  }
  out->resize(i);
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out->push_back(AsciiLower(static_cast<char>(c)));
      ++i;
      continue;
    }
    DecodedCodePoint d = DecodeAt(s, i);
    AppendUtf8(static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(d.cp))), out);
    i += d.size;
  }
}

std::string Lower(std::string_view s) {
  std::string out;
  LowerInto(s, &out);
  return out;
}

int ShapeBitOf(std::string_view name) {
  static const std::map<std::string_view, int> kBits = {
      {"SP", kShapeSp},           {"NL", kShapeNl},        {"CR", kShapeCr},
      {"WS", kShapeSpace},        {"WORD", kShapeWord},    {"CAP", kShapeCap},
      {"INITIAL", kShapeInitial}, {"LOWER", kShapeLower},  {"ALOWER", kShapeAsciiLower},
      {"LOWER1", kShapeLower1},   {"ENDS_S", kShapeEndsS}, {"ENDS_UPPER", kShapeEndsUpper},
      {"LY", kShapeLy},           {"NUM", kShapeNum},      {"PUNCT", kShapePunct},
  };
  auto it = kBits.find(name);
  return it == kBits.end() ? 0 : it->second;
}

void AppendSymbolEscape(char32_t cp, std::string* out) {
  *out += fmt::format("\\x{{{:x}}}", static_cast<uint32_t>(cp));
}

// The most consecutive groups FewRangeOrder moves at once. With the built-in rules, moving
// up to 3 instead of 1 makes the programs 7% smaller; up to 5 or 8, 1-2% more, for more
// work at every start.
constexpr size_t kMaxMovedGroups = 3;

// What one byte-map colour costs against one range, in FewRangeOrder. RE2 splits the bytes
// into colours at every bound of a range in a program, and each colour costs when a program
// compiles (ComputeByteMap recolours every range it crosses) and in every DFA state (one
// next pointer). With the built-in rules, 0 gave 11% more colours than the order by
// membership alone (1,595 against 1,438 bounds over the 17 programs); 2 gave 1,390 with
// fewer ranges than 0 (6,359 against 6,451); 3 to 30, no fewer colours and more ranges.
constexpr uint64_t kColourWeight = 2;

// An order of `groups` (each a bitset over sets, as 64-bit words) that makes the sets few
// ranges of consecutive groups and the programs few colours: Σ weight(s) × runs(s), each run
// of a set being one range of its RE2 class wherever a pattern uses it, plus kColourWeight
// for each pattern (its sets in `pattern_sets`) and each two neighbours it tells apart. The
// cost of putting b right after a is the weight of the sets b starts (in b, not in a) plus
// kColourWeight for each pattern that tells a from b. Starting from the given order, one to
// three consecutive groups are moved elsewhere while that lowers the sum (or-opt, a local
// search for this path problem).
std::vector<size_t> FewRangeOrder(const std::vector<const std::vector<uint64_t>*>& groups,
                                  const std::vector<size_t>& weights,
                                  const std::vector<std::vector<uint64_t>>& pattern_sets) {
  const size_t n = groups.size(), nodes = n + 1;
  // Node n is the start (no sets); the walk returns to it at no cost. cost_from[a][b] is
  // the cost of b right after a, cost_to[b][a] the same, so that both of the moves' lookups
  // read along a row.
  std::vector<uint32_t> cost_from(nodes * nodes, 0), cost_to(nodes * nodes, 0);
  auto weight_of = [&](const std::vector<uint64_t>& bits_of, const std::vector<uint64_t>* mask) {
    uint64_t sum = 0;
    for (size_t w = 0; w < bits_of.size(); ++w) {
      for (uint64_t bits = bits_of[w] & (mask ? (*mask)[w] : ~uint64_t{0}); bits != 0;
           bits &= bits - 1) {
        sum += weights[w * 64 + static_cast<size_t>(std::countr_zero(bits))];
      }
    }
    return sum;
  };
  // view[g * patterns + p]: which of pattern p's views group g is (groups of the same sets of
  // p share one), so that p tells a from b when their views differ.
  const size_t patterns = pattern_sets.size();
  std::vector<uint16_t> view(n * patterns);  // a view per group at most: n < 2^16 symbols
  for (size_t p = 0; p < patterns; ++p) {
    std::map<std::vector<uint64_t>, uint16_t> views;
    std::vector<uint64_t> seen(pattern_sets[p].size());
    for (size_t g = 0; g < n; ++g) {
      for (size_t w = 0; w < seen.size(); ++w) seen[w] = (*groups[g])[w] & pattern_sets[p][w];
      view[g * patterns + p] =
          views.emplace(seen, static_cast<uint16_t>(views.size())).first->second;
    }
  }
  auto told_apart = [&](size_t a, size_t b) {
    const uint16_t* va = &view[a * patterns];
    const uint16_t* vb = &view[b * patterns];
    uint32_t count = 0;
    for (size_t p = 0; p < patterns; ++p) count += va[p] != vb[p];
    return uint64_t{count};
  };
  // The weight of b's sets less that of the sets b shares with a, worked out once a pair.
  std::vector<uint64_t> all(n);
  for (size_t b = 0; b < n; ++b) all[b] = weight_of(*groups[b], nullptr);
  auto set_cost = [&](size_t a, size_t b, uint64_t c) {
    const auto clipped = static_cast<uint32_t>(std::min<uint64_t>(c, UINT32_MAX / 4));
    cost_from[a * nodes + b] = clipped;
    cost_to[b * nodes + a] = clipped;
  };
  for (size_t b = 0; b < n; ++b) {
    set_cost(n, b, all[b]);
    for (size_t a = 0; a < b; ++a) {
      const uint64_t shared = weight_of(*groups[b], groups[a]);
      const uint64_t colours = kColourWeight * told_apart(a, b);
      set_cost(a, b, all[b] - shared + colours);
      set_cost(b, a, all[a] - shared + colours);
    }
  }
  // tour[0] and tour[nodes] are the start, which stays there.
  std::vector<uint32_t> tour(nodes + 1);
  tour[0] = tour[nodes] = static_cast<uint32_t>(n);
  for (size_t i = 0; i < n; ++i) tour[i + 1] = static_cast<uint32_t>(i);
  std::vector<int64_t> edge(nodes);  // edge[j]: the cost of tour[j + 1] right after tour[j]
  auto edges = [&] {
    for (size_t j = 0; j < nodes; ++j) edge[j] = cost_from[tour[j] * nodes + tour[j + 1]];
  };
  edges();
  // A group whose neighbours have not changed since no move of it helped is not tried again
  // (most of the gain comes in the first sweep; this keeps the later ones short).
  std::vector<bool> active(nodes, true);
  for (bool any = true; any;) {
    any = false;
    for (size_t i = 1; i < nodes; ++i) {
      if (!active[tour[i]]) continue;
      bool moved = false;
      for (size_t length = 1; length <= kMaxMovedGroups && i + length <= nodes && !moved;
           ++length) {
        const uint32_t* to_first = &cost_to[tour[i] * nodes];
        const uint32_t* from_last = &cost_from[tour[i + length - 1] * nodes];
        const int64_t removed =
            edge[i - 1] + edge[i + length - 1] - cost_from[tour[i - 1] * nodes + tour[i + length]];
        // Between tour[j] and tour[j + 1], for j outside [i - 1, i + length - 1].
        auto first_below = [&](size_t from, size_t to) {
          for (size_t j = from; j < to; ++j) {
            if (int64_t{to_first[tour[j]]} + from_last[tour[j + 1]] - edge[j] < removed) return j;
          }
          return nodes;
        };
        size_t best = first_below(0, i - 1);
        if (best == nodes) best = first_below(i + length, nodes);
        if (best == nodes) continue;
        const uint32_t touched[] = {tour[i - 1],    tour[i + length], tour[best],
                                    tour[best + 1], tour[i],          tour[i + length - 1]};
        std::vector<uint32_t> segment(tour.begin() + i, tour.begin() + i + length);
        tour.erase(tour.begin() + i, tour.begin() + i + length);
        const size_t at = best < i ? best + 1 : best + 1 - length;
        tour.insert(tour.begin() + at, segment.begin(), segment.end());
        edges();
        for (uint32_t t : touched) active[t] = true;
        moved = any = true;
      }
      if (!moved) active[tour[i]] = false;
    }
  }
  // The groups between the two starts (tour[nodes] is the start again, no group).
  return std::vector<size_t>(tour.begin() + 1, tour.end() - 1);
}

}  // namespace

LetterTable LetterTable::FromPatterns(const re2::RE2* letter, const re2::RE2* upper,
                                      const re2::RE2* lower) {
  LetterTable table;
  std::string buffer;
  for (char32_t cp = 1; cp < kSize; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    buffer.clear();
    AppendUtf8(cp, &buffer);
    auto test = [&](const re2::RE2* re, bool fallback) {
      return re == nullptr ? fallback : RE2::FullMatch(buffer, *re);
    };
    uint8_t f = 0;
    if (test(letter, IsUpper(cp) || IsLower(cp))) f |= kLetter;
    if (test(upper, IsUpper(cp))) f |= kUpper;
    if (test(lower, IsLower(cp))) f |= kLower;
    table.flags[cp] = f;
  }
  for (unsigned b = 0; b < 0x80; ++b) {
    uint8_t kind = table.flags[b];
    if (b >= 'a' && b <= 'z') kind |= kAsciiAz;
    if (b == ' ' || b == '\t') {
      kind |= kSpaceTab;
    } else if (b >= '0' && b <= '9') {
      kind |= kDigit;
    } else if ((kind & kLetter) && b != '\n' && b != '\r' && b != '\f') {
      kind |= kWordStart;
    }
    table.byte_kind[b] = kind;
  }
  for (unsigned b = 0x80; b < 0x100; ++b) table.byte_kind[b] = kNonAscii;
  return table;
}

namespace {

// The end of the run of ASCII letters from p[i] (i itself when p[i] is none), stopping at
// `end`: the bitwise and of their byte kinds but the first goes into `*rest_kinds`.
size_t AsciiLetterRun(const unsigned char* p, size_t i, size_t end, const LetterTable& letters,
                      uint8_t* rest_kinds) {
  if (i >= end || !(letters.byte_kind[p[i]] & LetterTable::kLetter)) return i;
  uint8_t rest = 0xFF;
  size_t j = i + 1;
  for (; j < end; ++j) {
    const uint8_t kind = letters.byte_kind[p[j]];
    if (!(kind & LetterTable::kLetter)) break;
    rest &= kind;
  }
  *rest_kinds = rest;
  return j;
}

size_t ReadOtherWord(std::string_view t, size_t i, const LetterTable& letters, uint16_t* shape);

// Reads the word that starts at t[i] (a letter) and its shape in one reading: runs of ASCII
// letters (most of news) a byte kind at a time, other letters decoded. Returns its end.
// Inline: the commonest word, ASCII letters only, is read in one pass where it is met (a call a
// word cost a fifth of reading it); any other goes on to ReadOtherWord.
inline size_t ReadWord(std::string_view t, size_t i, const LetterTable& letters, uint16_t* shape) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(t.data());
  const size_t end = t.size();
  uint8_t rest_kinds = 0;
  const size_t j = AsciiLetterRun(bytes, i, end, letters, &rest_kinds);
  if (j > i && (j == end || bytes[j] < 0x80)) {
    *shape =
        WordShaper::AsciiShape(bytes + i, j - i, letters.byte_kind[bytes[i]], rest_kinds, letters);
    return j;
  }
  return ReadOtherWord(t, i, letters, shape);
}

// ReadWord past its commonest case: runs of ASCII letters and other letters, decoded.
size_t ReadOtherWord(std::string_view t, size_t i, const LetterTable& letters, uint16_t* shape) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(t.data());
  const size_t end = t.size();
  WordShaper shaper(letters);
  while (i < end) {
    uint8_t rest_kinds = 0;
    const size_t j = AsciiLetterRun(bytes, i, end, letters, &rest_kinds);
    if (j > i) {
      shaper.AddAscii(bytes + i, j - i, letters.byte_kind[bytes[i]], rest_kinds);
      i = j;
    }
    if (i >= end || bytes[i] < 0x80) break;
    const DecodedCodePoint d = DecodeAt(t, i);
    if (!letters.Is(d.cp, LetterTable::kLetter)) break;
    shaper.Add(d.cp);
    i += d.size;
  }
  *shape = shaper.Shape();
  return i;
}

}  // namespace

void TokeniseWindow(std::string_view text, size_t start, size_t end, const LetterTable& letters,
                    std::vector<WindowToken>* out) {
  const std::string_view t = text.substr(0, end);
  const auto* bytes = reinterpret_cast<const unsigned char*>(t.data());
  size_t i = start;
  auto push = [out](size_t from, size_t to, uint16_t shape) {
    out->push_back({static_cast<uint32_t>(from), static_cast<uint32_t>(to), shape});
  };
  while (i < end) {
    const unsigned char c = bytes[i];
    const uint8_t kind = letters.byte_kind[c];
    const size_t from = i;
    if (kind & LetterTable::kWordStart) {
      uint16_t shape = 0;
      i = ReadWord(t, i, letters, &shape);
      push(from, i, shape);
    } else if (kind & LetterTable::kSpaceTab) {
      while (i < end && (letters.byte_kind[bytes[i]] & LetterTable::kSpaceTab)) ++i;
      push(from, i, kShapeSp);
    } else if (kind & LetterTable::kDigit) {
      while (i < end && (letters.byte_kind[bytes[i]] & LetterTable::kDigit)) ++i;
      push(from, i, kShapeNum);
    } else if (kind & LetterTable::kNonAscii) {
      const DecodedCodePoint d = DecodeAt(t, i);
      if (letters.Is(d.cp, LetterTable::kLetter)) {
        uint16_t shape = 0;
        i = ReadWord(t, i, letters, &shape);
        push(from, i, shape);
      } else {
        i += d.size;
        push(from, i, kShapePunct);
      }
    } else if (c == '\n') {
      push(from, ++i, kShapeNl);
    } else if (c == '\r') {
      push(from, ++i, kShapeCr);
    } else if (c == '\f') {
      push(from, ++i, kShapeOtherSpace);
    } else {
      push(from, ++i, kShapePunct);
    }
  }
}

std::vector<std::string> TokenTexts(std::string_view s, const LetterTable& letters) {
  std::vector<WindowToken> tokens;
  TokeniseWindow(s, 0, s.size(), letters, &tokens);
  std::vector<std::string> out;
  for (const WindowToken& t : tokens) {
    if ((t.shape & kShapeSpace) == 0) out.emplace_back(s.substr(t.start, t.end - t.start));
  }
  return out;
}

namespace {

// The tokens of a lexicon entry but white space, with their shapes, and before each whether
// white space separates it from the one before.
struct EntryTokens {
  std::vector<std::string> words;
  std::vector<bool> space_before;
  std::vector<uint16_t> shapes;
};

EntryTokens EntryTokensOf(std::string_view entry, const LetterTable& letters) {
  std::vector<WindowToken> tokens;
  TokeniseWindow(entry, 0, entry.size(), letters, &tokens);
  EntryTokens out;
  bool space = false;
  for (const WindowToken& t : tokens) {
    if (t.shape & kShapeSpace) {
      space = true;
      continue;
    }
    out.words.emplace_back(entry.substr(t.start, t.end - t.start));
    out.space_before.push_back(space && out.words.size() > 1);
    out.shapes.push_back(t.shape);
    space = false;
  }
  return out;
}

// Whether an entry's tokens are all words ("Vice President", not "Mr." or "co-founder"): only
// those become phrase tokens. A punctuation token stays a token of its own, so that the
// patterns' sentence ends and clause bounds (<^"."|…>, "-") see it as they see any other.
bool AllWords(const EntryTokens& entry) {
  return std::all_of(entry.shapes.begin(), entry.shapes.end(),
                     [](uint16_t shape) { return (shape & kShapeWord) != 0; });
}

// The head of a phrase: the word before its first preposition or article ("chief" of "chief
// of staff", "said" of "said in a statement"), else its last word ("master" of "harbour
// master"), as in English noun and verb phrases.
const std::string& HeadWord(const std::vector<std::string>& words) {
  static const std::set<std::string_view> kBeforeHead = {"of",  "in", "as",  "to", "a",    "an",
                                                         "the", "on", "for", "at", "with", "from"};
  for (size_t k = 1; k < words.size(); ++k) {
    if (kBeforeHead.count(words[k])) return words[k - 1];
  }
  return words.back();
}

// A phrase as a map key: its words, each after ' ' (white space before it) or '\x1f'.
std::string PhraseKey(const std::vector<std::string>& words,
                      const std::vector<bool>& space_before) {
  std::string key;
  for (size_t k = 0; k < words.size(); ++k) {
    if (k > 0) key += space_before[k] ? ' ' : '\x1f';
    key += words[k];
  }
  return key;
}

// A phrase token's shape: a word, capitalised as its first word; lower-case when all its
// words are; ending as its last word ends ("Harbour Masters").
uint16_t PhraseShape(const std::vector<uint16_t>& shapes) {
  uint16_t shape = kShapeWord | (shapes.front() & kShapeCap);
  uint16_t all = kShapeLower | kShapeAsciiLower;
  for (uint16_t s : shapes) all &= (s & kShapeWord) ? s : uint16_t{0};
  shape |= all & (kShapeLower | kShapeAsciiLower);
  if ((shapes.front() & kShapeLower1) && (all & kShapeAsciiLower)) shape |= kShapeLower1;
  if (shapes.back() & kShapeWord) shape |= shapes.back() & (kShapeEndsS | kShapeEndsUpper);
  return shape;
}

}  // namespace

std::string LexiconTokenMacro(std::string_view name, const std::vector<std::string>& entries,
                              const LetterTable& letters) {
  // Entries of several tokens with punctuation, then the set (which holds the phrases of
  // words). Entries with the same tokens after their first ("Mr.", "Dr.", "Sen.": ".") are
  // one set of first tokens and that tail, so that many abbreviations are a few RE2
  // instructions, not a sequence each at every use of the macro. Two entries match at the
  // same token only when one is a prefix of the other; the groups go in decreasing number
  // of tokens, so every entry is tried before its prefixes (longest first, as the character
  // patterns do).
  std::map<std::pair<size_t, std::string>, std::set<std::string>, std::greater<>> groups;
  for (const std::string& entry : entries) {
    EntryTokens tokens = EntryTokensOf(entry, letters);
    if (tokens.words.size() < 2 || AllWords(tokens)) continue;
    std::string tail;
    for (size_t k = 1; k < tokens.words.size(); ++k) {
      if (tokens.space_before[k]) tail += "<WS>+ ";
      tail += QuoteTokenLiteral(tokens.words[k]) + " ";
    }
    groups[{tokens.words.size(), tail}].insert(tokens.words.front());
  }
  std::string out = "(?:";
  for (const auto& [key, firsts] : groups) {
    if (firsts.size() == 1) {
      out += QuoteTokenLiteral(*firsts.begin());
    } else {
      out += "<";
      for (const std::string& first : firsts) {
        out += QuoteTokenLiteral(first) + (&first == &*firsts.rbegin() ? "" : "|");
      }
      out += ">";
    }
    out += " " + key.second + "|";
  }
  out += "<" + std::string(name) + ">)";
  return out;
}

std::unique_ptr<TokenClasses> TokenClasses::Build(const LetterTable& letters, const Uses& uses,
                                                  std::string* error) {
  std::unique_ptr<TokenClasses> tc(new TokenClasses());
  tc->letters_ = letters;
  if (uses.lexicons.size() > kMaxLexicons) {
    *error = fmt::format("token patterns use {} lexicons; at most {}", uses.lexicons.size(),
                         kMaxLexicons);
    return nullptr;
  }
  for (size_t b = 0; b < uses.lexicons.size(); ++b) {
    const auto& [name, entries] = uses.lexicons[b];
    tc->lexicon_bit_[name] = static_cast<int>(b);
    for (const std::string& entry : *entries) {
      std::vector<std::string> texts = TokenTexts(entry, letters);
      if (texts.size() == 1 && texts[0] == entry) tc->vocab_[entry].lexicons |= uint64_t{1} << b;
    }
  }
  // Phrases: the entries of several tokens, with the lexicons they are in.
  std::map<std::string, std::pair<EntryTokens, uint64_t>> phrase_bits;
  for (size_t b = 0; b < uses.lexicons.size(); ++b) {
    for (const std::string& entry : *uses.lexicons[b].second) {
      EntryTokens tokens = EntryTokensOf(entry, letters);
      if (tokens.words.size() < 2 || !AllWords(tokens)) continue;
      auto& [phrase, bits] = phrase_bits[PhraseKey(tokens.words, tokens.space_before)];
      phrase = std::move(tokens);
      bits |= uint64_t{1} << b;
    }
  }
  for (size_t k = 0; k < uses.literals.size(); ++k) {
    tc->literal_id_.emplace(uses.literals[k], static_cast<int>(k));
    tc->vocab_[uses.literals[k]].literal = static_cast<int32_t>(k);
  }
  // Case-insensitive entries, and the distinct sets of lexicons they are in.
  std::unordered_map<std::string, uint64_t> folded_bits;
  for (const std::string& name : uses.folded) {
    auto bit = tc->lexicon_bit_.find(name);
    if (bit == tc->lexicon_bit_.end()) continue;
    for (const auto& [lexicon, entries] : uses.lexicons) {
      if (lexicon != name) continue;
      for (const std::string& entry : *entries) {
        std::vector<std::string> texts = TokenTexts(entry, letters);
        if (texts.size() == 1 && texts[0] == entry) {
          folded_bits[Lower(entry)] |= uint64_t{1} << bit->second;
        }
      }
    }
  }
  tc->folded_sets_.push_back(0);
  std::map<uint64_t, uint32_t> set_index{{0, 0}};
  for (const auto& [word, bits] : folded_bits) {
    auto [it, added] = set_index.emplace(bits, static_cast<uint32_t>(tc->folded_sets_.size()));
    if (added) tc->folded_sets_.push_back(bits);
    tc->folded_.emplace(word, it->second);
    if (!word.empty()) tc->folded_ends_.Add(word.front(), word.back());
  }

  // Every signature a token can have: the vocabulary's, and every word shape with every
  // folded set (the shapes come from all words of up to four letters of a sample alphabet
  // that has each kind of letter the shape bits tell apart).
  std::set<Signature> all;
  std::set<uint16_t> word_shapes;
  const std::vector<char32_t> alphabet = {'A', U'É', 'a', U'é', 's', 'l', 'y', U'ĸ'};
  std::vector<size_t> digits;
  for (size_t len = 1; len <= 4; ++len) {
    digits.assign(len, 0);
    for (;;) {
      std::string word;
      for (size_t d : digits) AppendUtf8(alphabet[d], &word);
      if (letters.Is(DecodeAt(word, 0).cp, LetterTable::kLetter)) {
        word_shapes.insert(WordShape(word, letters));
      }
      size_t k = 0;
      while (k < len && ++digits[k] == alphabet.size()) digits[k++] = 0;
      if (k == len) break;
    }
  }
  for (uint16_t shape : word_shapes) {
    for (uint64_t bits : tc->folded_sets_) all.insert({shape, 0, bits, -1});
  }
  for (uint16_t shape : {kShapeSp, kShapeNl, kShapeCr, kShapeOtherSpace, kShapeNum, kShapePunct}) {
    all.insert({static_cast<uint16_t>(shape), 0, 0, -1});
  }
  std::unordered_map<std::string, Signature> vocab_signature;
  for (const auto& [word, v] : tc->vocab_) {
    std::vector<WindowToken> tokens;
    TokeniseWindow(word, 0, word.size(), letters, &tokens);
    const uint16_t shape = tokens.empty() ? uint16_t{kShapePunct} : tokens[0].shape;
    Signature s{shape, v.lexicons, tc->folded_sets_[tc->FoldedSetOf(word)], v.literal};
    vocab_signature[word] = s;
    all.insert(s);
  }
  std::map<std::string, Signature> phrase_signature;
  for (const auto& [key, phrase] : phrase_bits) {
    // A phrase is also what its head word is, as when its words were tokens of their own:
    // "the harbour master" is a source ("master"), and so is "her chief of staff" ("chief").
    const std::string& head_word = HeadWord(phrase.first.words);
    auto head = tc->vocab_.find(head_word);
    const uint64_t head_bits = head == tc->vocab_.end() ? 0 : head->second.lexicons;
    Signature s{PhraseShape(phrase.first.shapes), phrase.second | head_bits,
                tc->folded_sets_[tc->FoldedSetOf(head_word)], -1};
    phrase_signature[key] = s;
    all.insert(s);
  }
  if (all.size() > kMaxSymbols) {
    *error =
        fmt::format("token patterns need {} token classes; at most {}", all.size(), kMaxSymbols);
    return nullptr;
  }
  // Symbol order: the sets the patterns name most (words, capitalised words, each lexicon)
  // come out as few ranges of symbols, so each set is a short RE2 character class.
  tc->signatures_.assign(all.begin(), all.end());
  auto order = [](const Signature& s) {
    return std::make_tuple((s.shape & kShapeWord) != 0, (s.shape & kShapeCap) != 0, s.lexicons,
                           s.folded, s.shape, s.literal);
  };
  std::sort(tc->signatures_.begin(), tc->signatures_.end(),
            [&](const Signature& a, const Signature& b) { return order(a) < order(b); });
  std::map<Signature, uint16_t> id_of;
  for (size_t i = 0; i < tc->signatures_.size(); ++i) {
    id_of[tc->signatures_[i]] = static_cast<uint16_t>(i);
  }
  // Code points: one byte for the commonest symbols (kOneByteSymbols), in symbol order.
  {
    std::vector<size_t> by_use(tc->signatures_.size());
    for (size_t i = 0; i < by_use.size(); ++i) by_use[i] = i;
    auto use_rank = [&](size_t id) {
      const Signature& s = tc->signatures_[id];
      if (s.literal < 0) return std::make_pair(0, size_t{0});
      const std::string& text = uses.literals[static_cast<size_t>(s.literal)];
      const bool punct = (s.shape & kShapeWord) == 0;
      return std::make_pair(punct ? 1 : 2, text.size());
    };
    std::stable_sort(by_use.begin(), by_use.end(),
                     [&](size_t a, size_t b) { return use_rank(a) < use_rank(b); });
    std::vector<bool> one_byte(by_use.size(), false);
    for (size_t k = 0; k < by_use.size() && k < kOneByteSymbols; ++k) one_byte[by_use[k]] = true;
    tc->code_point_.resize(tc->signatures_.size());
    char32_t next_one = 1, next_two = 0x80;
    for (size_t id = 0; id < tc->signatures_.size(); ++id) {
      if (one_byte[id]) {
        if (next_one == '\n') ++next_one;  // RE2's . would not match it
        tc->code_point_[id] = next_one++;
      } else {
        tc->code_point_[id] = next_two++;
      }
    }
  }
  for (const auto& [word, s] : vocab_signature) tc->token_entry_[word].symbol = id_of[s];
  for (const auto& [key, phrase] : phrase_bits) {
    const uint16_t id = id_of[phrase_signature[key]];
    tc->phrase_symbol_[key] = id;
    TokenEntry& first = tc->token_entry_[phrase.first.words.front()];
    if (first.phrases < 0) {
      first.phrases = static_cast<int32_t>(tc->phrase_lists_.size());
      tc->phrase_lists_.emplace_back();
    }
    tc->phrase_lists_[static_cast<size_t>(first.phrases)].push_back(
        static_cast<uint32_t>(tc->phrases_.size()));
    tc->phrases_.push_back({phrase.first.words, phrase.first.space_before, id});
  }
  // The longest phrase first, as the lexicon macros of character patterns try entries.
  for (std::vector<uint32_t>& list : tc->phrase_lists_) {
    std::stable_sort(list.begin(), list.end(), [&](uint32_t a, uint32_t b) {
      return tc->phrases_[a].words.size() > tc->phrases_[b].words.size();
    });
  }
  tc->generic_by_shape_.fill(kNoSymbol);
  for (const Signature& s : tc->signatures_) {
    if (s.lexicons != 0 || s.literal >= 0) continue;
    const auto set = std::find(tc->folded_sets_.begin(), tc->folded_sets_.end(), s.folded) -
                     tc->folded_sets_.begin();
    tc->generic_symbol_[(uint64_t{s.shape} << 32) | static_cast<uint64_t>(set)] = id_of[s];
    if (set == 0) tc->generic_by_shape_[s.shape] = id_of[s];
  }
  // Each lower-case entry of a lexicon used case-insensitively gets its symbol by the one
  // lookup of its text, so that GenericSymbolOf looks a word of a-z only up in no map.
  for (const auto& [word, set] : tc->folded_) {
    std::vector<WindowToken> tokens;
    TokeniseWindow(word, 0, word.size(), letters, &tokens);
    if (tokens.size() != 1) continue;
    TokenEntry& entry = tc->token_entry_[word];
    if (entry.symbol == kNoSymbol) {
      entry.symbol = tc->generic_symbol_.at((uint64_t{tokens[0].shape} << 32) | set);
    }
  }
  return tc;
}

uint32_t TokenClasses::FoldedSetOf(std::string_view token) const {
  if (folded_.empty() || token.empty()) return 0;
  if (!folded_ends_.MayHold(token.front(), token.back())) return 0;
  thread_local std::string lower;
  LowerInto(token, &lower);
  auto it = folded_.find(std::string_view(lower));
  return it == folded_.end() ? 0 : it->second;
}

inline uint16_t TokenClasses::GenericSymbolOf(std::string_view token, uint16_t shape) const {
  // A word of a-z only that the token entries do not hold is in no folded lexicon (Build
  // gave every such entry its own token entry); nor is any token that is no word. Inline:
  // most tokens that are no entry are such (a call cost as much as the lookup).
  if ((shape & kShapeAsciiLower) || !(shape & kShapeWord)) {
    const uint16_t symbol = generic_by_shape_[shape];
    if (symbol != kNoSymbol) return symbol;
  }
  return FoldedSymbolOf(token, shape);
}

uint16_t TokenClasses::FoldedSymbolOf(std::string_view token, uint16_t shape) const {
  const uint32_t set = (shape & kShapeWord) ? FoldedSetOf(token) : 0;
  auto it = generic_symbol_.find((uint64_t{shape} << 32) | set);
  if (it != generic_symbol_.end()) return it->second;
  // Not reachable: Build made a symbol for every word shape, folded set and other shape.
  return generic_symbol_.at(uint64_t{kShapePunct} << 32);
}

size_t TokenClasses::PhraseEnd(const Phrase& p, std::string_view text,
                               const std::vector<WindowToken>& tokens, size_t i) const {
  size_t j = i + 1;
  for (size_t k = 1; k < p.words.size(); ++k) {
    bool space = false;
    while (j < tokens.size() && (tokens[j].shape & kShapeSpace)) {
      space = true;
      ++j;
    }
    if (j == tokens.size() || space != p.space_before[k] ||
        text.substr(tokens[j].start, tokens[j].end - tokens[j].start) != p.words[k]) {
      return 0;
    }
    ++j;
  }
  return j;
}

void TokenClasses::Classify(std::string_view text, size_t start, size_t end,
                            SymbolWindow* window) const {
  std::vector<WindowToken>& tokens = window->tokens;
  tokens.clear();
  TokeniseWindow(text, start, end, letters_, &tokens);
  // At most two symbol bytes a token, written in place and cut to size at the end (a
  // push_back a byte checked the capacity and wrote a terminator each time).
  window->symbols.resize(tokens.size() * 2);
  window->token_at.resize(tokens.size() * 2 + 1);
  char* symbols = window->symbols.data();
  uint16_t* token_at = window->token_at.data();
  size_t written = 0;
  auto token_text = [&text](const WindowToken& t) {
    return std::string_view(text.data() + t.start, t.end - t.start);
  };
  size_t kept = 0;  // tokens[0, kept) are final: phrases merged
  for (size_t i = 0; i < tokens.size();) {
    WindowToken t = tokens[i];
    size_t next = i + 1;
    uint16_t symbol = kNoSymbol;
    if ((t.shape & kShapeSpace) == 0) {
      auto it = token_entry_.find(token_text(t));
      if (it != token_entry_.end()) {
        symbol = it->second.symbol;
        if (it->second.phrases >= 0) {
          for (uint32_t p : phrase_lists_[static_cast<size_t>(it->second.phrases)]) {
            if (size_t after = PhraseEnd(phrases_[p], text, tokens, i)) {
              symbol = phrases_[p].symbol;
              t.end = tokens[after - 1].end;
              t.shape = signatures_[symbol].shape;
              next = after;
              break;
            }
          }
        }
      }
    }
    if (symbol == kNoSymbol) symbol = GenericSymbolOf(token_text(t), t.shape);
    const uint16_t index = static_cast<uint16_t>(kept);
    tokens[kept++] = t;
    const char32_t cp = code_point_[symbol];
    if (cp < 0x80 || latin1_) {
      symbols[written] = static_cast<char>(cp);
      token_at[written++] = index;
    } else {
      symbols[written] = static_cast<char>(0xC0 | (cp >> 6));
      token_at[written++] = index;
      symbols[written] = static_cast<char>(0x80 | (cp & 0x3F));
      token_at[written++] = index;  // no group starts mid-symbol
    }
    i = next;
  }
  tokens.resize(kept);
  token_at[written] = static_cast<uint16_t>(kept);
  window->symbols.resize(written);
  window->token_at.resize(written + 1);
}

std::string TokenClasses::CharClass(const ClassExpr& expr) {
  // The same sets recur in every pattern (<SP>, "the", {SAME_SENTENCE}'s): each is worked
  // out once.
  std::string key = expr.complement ? "^" : "";
  for (const auto& term : expr.terms) {
    for (const ClassAtom& atom : term) {
      key += static_cast<char>('0' + static_cast<int>(atom.kind));
      if (atom.negated) key += '!';
      if (atom.fold) key += "/i";
      key += atom.name;
      key += '\x1f';
    }
    key += '|';
  }
  if (recording_ != nullptr) {
    // Only which sets are used, and how often: no class text.
    auto recorded = recording_->find(key);
    if (recorded != recording_->end()) {
      RecordUse(&recorded->second);
      return {};
    }
  } else if (auto cached = class_cache_.find(key); cached != class_cache_.end()) {
    return cached->second;
  }

  // Each atom as a test on a signature's fields.
  struct Test {
    ClassAtom::Kind kind;
    uint64_t bits;    // shape or lexicon bits
    int32_t literal;  // literal id; -2 for a literal no pattern declared
    bool fold, negated;
  };
  std::vector<std::vector<Test>> terms;
  for (const auto& term : expr.terms) {
    auto& tests = terms.emplace_back();
    for (const ClassAtom& atom : term) {
      Test t{atom.kind, 0, -2, atom.fold, atom.negated};
      if (atom.kind == ClassAtom::Kind::kShape)
        t.bits = static_cast<uint64_t>(ShapeBitOf(atom.name));
      if (atom.kind == ClassAtom::Kind::kLexicon) {
        auto it = lexicon_bit_.find(atom.name);
        if (it != lexicon_bit_.end()) t.bits = uint64_t{1} << it->second;
      }
      if (atom.kind == ClassAtom::Kind::kLiteral) {
        auto it = literal_id_.find(atom.name);
        if (it != literal_id_.end()) t.literal = it->second;
      }
      tests.push_back(t);
    }
  }
  auto has = [](const Signature& s, const Test& t) {
    bool in = false;
    switch (t.kind) {
      case ClassAtom::Kind::kShape:
        in = (s.shape & t.bits) != 0;
        break;
      case ClassAtom::Kind::kLexicon:
        in = ((t.fold ? s.folded : s.lexicons) & t.bits) != 0;
        break;
      case ClassAtom::Kind::kLiteral:
        in = s.literal == t.literal;
        break;
    }
    return in != t.negated;
  };

  std::vector<uint16_t> ids;
  for (size_t id = 0; id < signatures_.size(); ++id) {
    bool in = false;
    for (const auto& tests : terms) {
      bool all = true;
      for (const Test& t : tests) all = all && has(signatures_[id], t);
      if (all) {
        in = true;
        break;
      }
    }
    if (in != expr.complement) ids.push_back(static_cast<uint16_t>(id));
  }
  if (recording_ != nullptr) {
    SetUse& use = (*recording_)[key];
    use.ids = std::move(ids);
    RecordUse(&use);
    return {};
  }
  std::string out = ClassOf(ids);
  class_cache_.emplace(std::move(key), out);
  return out;
}

std::string TokenClasses::ClassOf(const std::vector<uint16_t>& ids) {
  std::vector<char32_t> members;
  members.reserve(ids.size());
  for (uint16_t id : ids) members.push_back(code_point_[id]);
  std::sort(members.begin(), members.end());
  members.erase(std::unique(members.begin(), members.end()), members.end());
  std::string out = "[";
  for (size_t i = 0; i < members.size();) {
    size_t j = i + 1;
    while (j < members.size() && members[j] == members[j - 1] + 1) ++j;
    AppendSymbolEscape(members[i], &out);
    if (j - 1 > i) {
      out += '-';
      AppendSymbolEscape(members[j - 1], &out);
    }
    i = j;
  }
  if (members.empty()) return latin1_ ? "[^\\x{0}-\\x{ff}]" : "[^\\x{0}-\\x{10ffff}]";  // nothing
  return out + "]";
}

std::string TokenClasses::AnySymbol() {
  std::vector<uint16_t> all(signatures_.size());
  for (size_t id = 0; id < all.size(); ++id) all[id] = static_cast<uint16_t>(id);
  return ClassOf(all);
}

std::string TokenClasses::LiteralPattern(std::string_view literal) {
  // The same literals recur in every pattern ("the", ",", the sequences of {TITLE}): each is
  // worked out once.
  auto cached = literal_cache_.find(std::string(literal));
  if (cached != literal_cache_.end() && recording_ == nullptr) return cached->second;
  // A literal that is a phrase ("told reporters") is one phrase token in a window, or its
  // tokens where a longer phrase does not take them.
  std::string phrase_symbol;
  const EntryTokens entry = EntryTokensOf(literal, letters_);
  if (entry.words.size() > 1) {
    auto phrase = phrase_symbol_.find(PhraseKey(entry.words, entry.space_before));
    if (phrase != phrase_symbol_.end()) {
      phrase_symbol = ClassOf({phrase->second}) + "|";
      if (recording_ != nullptr) {
        SetUse& use = (*recording_)[fmt::format("phrase {}", phrase->second)];
        use.ids = {phrase->second};
        RecordUse(&use);
      }
    }
  }
  std::vector<WindowToken> tokens;
  TokeniseWindow(literal, 0, literal.size(), letters_, &tokens);
  std::string out;
  size_t items = 0;
  bool previous_space = false;
  for (const WindowToken& t : tokens) {
    if (t.shape & kShapeSpace) {
      if (!previous_space) {
        ClassExpr ws;
        ws.terms.push_back({ClassAtom{ClassAtom::Kind::kShape, "WS"}});
        out += CharClass(ws) + "+";
        ++items;
      }
      previous_space = true;
      continue;
    }
    previous_space = false;
    ClassExpr lit;
    lit.terms.push_back({ClassAtom{ClassAtom::Kind::kLiteral,
                                   std::string(literal.substr(t.start, t.end - t.start))}});
    out += CharClass(lit);
    ++items;
  }
  if (!phrase_symbol.empty()) {
    out = "(?:" + phrase_symbol + out + ")";
  } else if (items != 1) {
    out = "(?:" + out + ")";
  }
  literal_cache_.insert_or_assign(std::string(literal), out);
  return out;
}

std::string TokenClasses::Translate(const std::vector<TokenPatternPiece>& pieces) {
  std::string out;
  for (const TokenPatternPiece& piece : pieces) {
    switch (piece.kind) {
      case TokenPatternPiece::Kind::kRe2:
        // RE2's . is any symbol: the line feed is one as well (MergeEquivalentSymbols).
        if (piece.text.find('.') == std::string::npos) {
          out += piece.text;
          break;
        }
        for (size_t i = 0; i < piece.text.size(); ++i) {
          if (piece.text.compare(i, 4, "(?P<") == 0) {
            const size_t close = std::min(piece.text.find('>', i), piece.text.size() - 1);
            out.append(piece.text, i, close + 1 - i);
            i = close;
          } else if (piece.text[i] == '.') {
            out += AnySymbol();
          } else {
            out += piece.text[i];
          }
        }
        break;
      case TokenPatternPiece::Kind::kClass:
        out += CharClass(piece.expr);
        break;
      case TokenPatternPiece::Kind::kLiteral:
        out += LiteralPattern(piece.text);
        break;
    }
  }
  return out;
}

void TokenClasses::RecordUse(SetUse* use) {
  ++use->count;
  if (use->patterns.empty() || use->patterns.back() != recording_pattern_) {
    use->patterns.push_back(recording_pattern_);
  }
}

void TokenClasses::MergeEquivalentSymbols(
    const std::vector<const std::vector<TokenPatternPiece>*>& patterns) {
  // Every set the patterns use, as symbol ids.
  std::unordered_map<std::string, SetUse> recorded;
  class_cache_.clear();
  literal_cache_.clear();
  recording_ = &recorded;
  for (recording_pattern_ = 0; recording_pattern_ < patterns.size(); ++recording_pattern_) {
    Translate(*patterns[recording_pattern_]);
  }
  recording_ = nullptr;
  class_cache_.clear();
  literal_cache_.clear();
  // Distinct sets, the most used first: symbol order below keeps each of them few ranges,
  // those used most the fewest.
  struct Uses {
    size_t count = 0;
    std::set<uint32_t> patterns;
  };
  std::map<std::vector<uint16_t>, Uses> count_of;
  for (auto& [key, use] : recorded) {
    Uses& uses = count_of[std::move(use.ids)];
    uses.count += use.count;
    uses.patterns.insert(use.patterns.begin(), use.patterns.end());
  }
  std::vector<std::pair<size_t, const std::vector<uint16_t>*>> by_count;
  for (const auto& [ids, uses] : count_of) by_count.emplace_back(uses.count, &ids);
  std::stable_sort(by_count.begin(), by_count.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::vector<uint16_t>> sets;
  for (const auto& [count, ids] : by_count) sets.push_back(*ids);

  // A symbol's membership: which sets hold it. Symbols of one membership are one group.
  const size_t words = (sets.size() + 63) / 64;
  std::vector<std::vector<uint64_t>> membership(signatures_.size(),
                                                std::vector<uint64_t>(words, 0));
  for (size_t k = 0; k < sets.size(); ++k) {
    for (uint16_t id : sets[k]) membership[id][k / 64] |= uint64_t{1} << (k % 64);
  }
  // The sets each pattern uses, as the same bits.
  std::vector<std::vector<uint64_t>> pattern_sets(patterns.size(), std::vector<uint64_t>(words, 0));
  for (size_t k = 0; k < sets.size(); ++k) {
    for (uint32_t p : count_of[sets[k]].patterns)
      pattern_sets[p][k / 64] |= uint64_t{1} << (k % 64);
  }
  // When the groups fit in one byte each, symbols are Latin-1 bytes and every class is a set
  // of byte ranges. The line feed is a symbol like any other: Translate writes RE2's . as
  // the class of every symbol, so that no gap at U+000A splits a class in two ranges.
  std::set<std::vector<uint64_t>> distinct(membership.begin(), membership.end());
  latin1_ = distinct.size() <= kLatin1Symbols;
  std::vector<uint16_t> by_code(signatures_.size());
  for (size_t id = 0; id < by_code.size(); ++id) by_code[id] = static_cast<uint16_t>(id);
  // Symbols in the order of their memberships read from the most used set on (members
  // first): the most used set is one range, the next at most two, and so on; then
  // FewRangeOrder improves on that order of the groups.
  auto before = [&](uint16_t a, uint16_t b) {
    for (size_t k = 0; k < sets.size(); ++k) {
      const bool in_a = (membership[a][k / 64] >> (k % 64)) & 1;
      const bool in_b = (membership[b][k / 64] >> (k % 64)) & 1;
      if (in_a != in_b) return in_a;
    }
    return code_point_[a] < code_point_[b];
  };
  std::sort(by_code.begin(), by_code.end(), before);
  std::map<std::vector<uint64_t>, size_t> group_of;
  std::vector<const std::vector<uint64_t>*> groups;
  for (uint16_t id : by_code) {
    if (group_of.emplace(membership[id], groups.size()).second) groups.push_back(&membership[id]);
  }
  std::vector<size_t> weights;
  for (const auto& [count, ids] : by_count) weights.push_back(count);
  const std::vector<size_t> order = FewRangeOrder(groups, weights, pattern_sets);
  std::vector<char32_t> group_code(groups.size());  // order: each group once
  char32_t next_one = 1, next_two = 0x80;
  for (size_t g : order) group_code[g] = next_one < 0x80 || latin1_ ? next_one++ : next_two++;
  std::vector<char32_t> code(signatures_.size());
  for (size_t id = 0; id < code.size(); ++id) code[id] = group_code[group_of[membership[id]]];
  code_point_ = std::move(code);
}

}  // namespace quotecheck
