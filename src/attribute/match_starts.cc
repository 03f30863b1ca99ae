#include "attribute/match_starts.h"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

namespace quotecheck {
namespace {

// The longest unit whose first symbols MatchNeeds reads. Longer units are a speaker's name
// or a sentence's run of tokens: in the built-in rules none of them has a first set that is
// known (every one gave up, from 1,300 to 11,000 characters), and reading them was most of
// MatchNeeds::Of's cost at start-up (6 M instructions of a 71 M start); every unit that gave
// a set is under 250 characters.
constexpr size_t kMaxNeedUnitChars = 1000;

// Reads RE2 text over Latin-1 symbols as Translate writes it: classes of \x{…} escapes and
// ranges, literal escapes, groups. Anything else makes the reader give up (nothing known).
class Reader {
 public:
  explicit Reader(std::string_view re) : re_(re) {}

  // The symbols one escape `\x{H…}` or one plain character at `*i` stands for; advances.
  std::optional<unsigned> Symbol(size_t* i) const {
    if (*i >= re_.size()) return std::nullopt;
    const char c = re_[*i];
    if (c != '\\') {
      if (c == '[' || c == ']' || c == '(' || c == ')' || c == '|' || c == '^' || c == '$' ||
          c == '.' || c == '?' || c == '*' || c == '+' || c == '{' || c == '}') {
        return std::nullopt;
      }
      ++*i;
      return static_cast<unsigned char>(c);
    }
    if (re_.substr(*i, 3) != "\\x{") return std::nullopt;
    size_t j = *i + 3;
    unsigned value = 0;
    while (j < re_.size() && re_[j] != '}') {
      const char h = re_[j];
      unsigned digit;
      if (h >= '0' && h <= '9') {
        digit = h - '0';
      } else if (h >= 'a' && h <= 'f') {
        digit = h - 'a' + 10;
      } else if (h >= 'A' && h <= 'F') {
        digit = h - 'A' + 10;
      } else {
        return std::nullopt;
      }
      value = value * 16 + digit;
      if (value > 0xFF) return std::nullopt;  // no Latin-1 symbol
      ++j;
    }
    if (j >= re_.size() || j == *i + 3) return std::nullopt;
    *i = j + 1;
    return value;
  }

  // The set of a class `[…]` or a literal at `*i`; advances past it.
  std::optional<std::bitset<256>> Atom(size_t* i) const {
    std::bitset<256> set;
    if (*i < re_.size() && re_[*i] == '[') {
      size_t j = *i + 1;
      const bool negated = j < re_.size() && re_[j] == '^';
      if (negated) ++j;
      while (j < re_.size() && re_[j] != ']') {
        std::optional<unsigned> from = Symbol(&j);
        if (!from) return std::nullopt;
        unsigned to = *from;
        if (j < re_.size() && re_[j] == '-' && j + 1 < re_.size() && re_[j + 1] != ']') {
          ++j;
          std::optional<unsigned> last = Symbol(&j);
          if (!last || *last < *from) return std::nullopt;
          to = *last;
        }
        for (unsigned s = *from; s <= to; ++s) set.set(s);
      }
      if (j >= re_.size()) return std::nullopt;
      *i = j + 1;
      return negated ? ~set : set;
    }
    std::optional<unsigned> symbol = Symbol(i);
    if (!symbol) return std::nullopt;
    set.set(*symbol);
    return set;
  }

  // Where the class that opens at `open` closes (its "]"; the text's end if it does not).
  size_t ClassClose(size_t open) const {
    size_t i = open + 1;
    while (i < re_.size() && re_[i] != ']') {
      if (re_[i] == '\\') ++i;
      ++i;
    }
    return std::min(i, re_.size());
  }

  // Walks re_[from, to) past escapes and classes, calling visit(i, c, depth) at every other
  // character with the group depth there (a "(" counts from the character after it, a ")"
  // from itself); stops at the first character whose visit returns false and returns its
  // index, or `to`. The one reader of RE2 text's nesting for the passes below.
  template <typename Visit>
  size_t Walk(size_t from, size_t to, Visit visit) const {
    int depth = 0;
    for (size_t i = from; i < to; ++i) {
      const char c = re_[i];
      if (c == '\\') {
        ++i;
        continue;
      }
      if (c == '[') {
        i = ClassClose(i);
        continue;
      }
      if (c == ')') --depth;
      if (!visit(i, c, depth)) return i;
      if (c == '(') ++depth;
    }
    return to;
  }

  // The end of the group that opens at `open` (one past its ")"), or npos.
  size_t GroupEnd(size_t open) const {
    const size_t close =
        Walk(open, re_.size(), [](size_t, char c, int depth) { return c != ')' || depth != 0; });
    return close < re_.size() ? close + 1 : std::string_view::npos;
  }

  // Whether the text is one concatenation ending with a top-level `$`, with no flags.
  bool EndsAnchored() const {
    bool ok = true;
    size_t last_end = std::string_view::npos;  // the last top-level `$`
    int depth = 0;
    Walk(0, re_.size(), [&](size_t i, char c, int at) {
      depth = at + (c == '(' ? 1 : 0);
      if (c == '(' && re_.substr(i, 2) == "(?" && re_.substr(i, 3) != "(?:" &&
          re_.substr(i, 3) != "(?P") {
        ok = false;  // flags
      } else if (at < 0 || (c == '|' && at == 0)) {
        ok = false;
      } else if (c == '$' && at == 0) {
        last_end = i;
      }
      return ok;
    });
    return ok && depth == 0 && last_end + 1 == re_.size();
  }

  // One unit of a concatenation: the atom re_[start, atom_end) (a group, class, escape or
  // character) and its quantifier re_[atom_end, end).
  struct Unit {
    size_t start = 0, atom_end = 0, end = 0;
  };

  // The units of the concatenation re_[from, to); false when it has a | of its own or a unit
  // cannot be read.
  bool Units(size_t from, size_t to, std::vector<Unit>* out) const {
    for (size_t i = from; i < to;) {
      Unit u;
      u.start = i;
      const char c = re_[i];
      if (c == '|' || c == ')' || c == '?' || c == '*' || c == '+' || c == '{') return false;
      if (c == '(') {
        i = GroupEnd(i);
      } else if (c == '[') {
        size_t j = i;
        if (!Atom(&j)) return false;
        i = j;
      } else if (c == '\\') {
        size_t j = i;
        if (!Symbol(&j)) return false;
        i = j;
      } else {
        ++i;
      }
      if (i == std::string_view::npos || i > to) return false;
      u.atom_end = i;
      if (i < to && (re_[i] == '?' || re_[i] == '*' || re_[i] == '+')) {
        ++i;
      } else if (i < to && re_[i] == '{') {
        const size_t close = re_.find('}', i);
        if (close == std::string_view::npos || close >= to) return false;
        i = close + 1;
      }
      if (i > u.atom_end && i < to && re_[i] == '?') ++i;  // lazy
      u.end = i;
      out->push_back(u);
    }
    return true;
  }

  // Whether a unit may match nothing: ?, *, {0,…} (or their lazy forms).
  bool Optional(const Unit& u) const {
    if (u.end == u.atom_end) return false;
    const char q = re_[u.atom_end];
    return q == '?' || q == '*' || (q == '{' && re_.substr(u.atom_end, 2) == "{0");
  }

  // Where the alternatives of the group re_[u.start, u.atom_end) start and end; false for a
  // group other than (?:…) and (?P<name>…).
  bool Alternatives(const Unit& u, std::vector<std::pair<size_t, size_t>>* out) const {
    size_t body;
    if (re_.substr(u.start, 3) == "(?:") {
      body = u.start + 3;
    } else if (re_.substr(u.start, 4) == "(?P<") {
      body = re_.find('>', u.start);
      if (body == std::string_view::npos || body >= u.atom_end) return false;
      ++body;
    } else {
      return false;
    }
    const size_t close = u.atom_end - 1;
    size_t alt = body;
    Walk(body, close, [&](size_t i, char c, int depth) {
      if (c == '|' && depth == 0) {
        out->emplace_back(alt, i);
        alt = i + 1;
      }
      return true;
    });
    out->emplace_back(alt, close);
    return true;
  }

  // Every symbol that a match of unit `u` can hold (a superset); false when any can be.
  bool SymbolsOf(const Unit& u, std::bitset<256>* set) const {
    if (re_[u.start] == '(') {
      std::vector<std::pair<size_t, size_t>> alts;
      if (!Alternatives(u, &alts)) return false;
      for (const auto& [from, to] : alts) {
        std::vector<Unit> units;
        if (!Units(from, to, &units)) return false;
        for (const Unit& inner : units) {
          if (!SymbolsOf(inner, set)) return false;
        }
      }
      return true;
    }
    size_t i = u.start;
    std::optional<std::bitset<256>> atom = Atom(&i);
    if (!atom) return false;
    *set |= *atom;
    return true;
  }

  // The symbols a match of the required unit `u` can end with (`last`) or start with;
  // false when unknown.
  bool EdgeOf(const Unit& u, bool last, std::bitset<256>* set) const {
    if (re_[u.start] != '(') return SymbolsOf(u, set);
    std::vector<std::pair<size_t, size_t>> alts;
    if (!Alternatives(u, &alts)) return false;
    for (const auto& [from, to] : alts) {
      std::vector<Unit> units;
      if (!Units(from, to, &units) || units.empty()) return false;
      const Unit& edge = last ? units.back() : units.front();
      if (Optional(edge) || !EdgeOf(edge, last, set)) return false;
    }
    return true;
  }

  // Whether the text sets no flags ((?i) and the like).
  bool NoFlags() const {
    for (size_t i = 0; i + 1 < re_.size(); ++i) {
      if (re_[i] == '\\') {
        ++i;
      } else if (re_[i] == '[') {
        i = ClassClose(i);
      } else if (re_.substr(i, 2) == "(?" && re_.substr(i, 3) != "(?:" &&
                 re_.substr(i, 3) != "(?P") {
        return false;
      }
    }
    return true;
  }

  std::string_view text() const { return re_; }

 private:
  std::string_view re_;
};

}  // namespace

std::shared_ptr<const MatchStarts> MatchStarts::Of(std::string_view re) {
  const Reader reader(re);
  std::vector<Reader::Unit> units;
  if (!reader.EndsAnchored() || !reader.Units(0, re.size(), &units) || units.empty()) {
    return nullptr;
  }
  auto starts = std::make_shared<MatchStarts>();
  // One alternative's start: a ^, or a required class or literal.
  auto add_start = [&](const Reader::Unit& u) {
    if (re[u.start] == '^') {
      starts->text_start_ = true;
      return true;
    }
    return re[u.start] != '(' && !reader.Optional(u) && reader.SymbolsOf(u, &starts->first_);
  };
  const Reader::Unit& first = units.front();
  if (re[first.start] != '(') return add_start(first) ? starts : nullptr;
  std::vector<std::pair<size_t, size_t>> alts;
  if (reader.Optional(first) || !reader.Alternatives(first, &alts)) return nullptr;
  for (const auto& [from, to] : alts) {
    std::vector<Reader::Unit> alt_units;
    if (!reader.Units(from, to, &alt_units) || alt_units.empty() || !add_start(alt_units.front())) {
      return nullptr;
    }
  }
  return starts;
}

bool MatchStarts::Search(const re2::RE2& regex, re2::StringPiece symbols,
                         re2::StringPiece* matched) const {
  const std::string_view s(symbols.data(), symbols.size());
  for (size_t pos = 0; pos <= s.size(); ++pos) {
    if (CanStartAt(s, pos) &&
        regex.Match(symbols, pos, symbols.size(), re2::RE2::ANCHOR_BOTH, matched, 1)) {
      return true;
    }
  }
  return false;
}

std::shared_ptr<const MatchEnds> MatchEnds::Of(std::string_view re) {
  const Reader reader(re);
  std::vector<Reader::Unit> units;
  if (!reader.EndsAnchored() || !reader.Units(0, re.size(), &units) || units.size() < 2) {
    return nullptr;
  }
  auto ends = std::make_shared<MatchEnds>();
  for (size_t k = units.size() - 1; k-- > 0;) {
    const Reader::Unit& u = units[k];
    if (reader.Optional(u)) {
      if (!reader.SymbolsOf(u, &ends->skip_)) return nullptr;
      continue;
    }
    return reader.EdgeOf(u, /*last=*/true, &ends->last_) ? ends : nullptr;
  }
  return nullptr;
}

std::shared_ptr<const MatchBegins> MatchBegins::Of(std::string_view re) {
  const Reader reader(re);
  std::vector<Reader::Unit> units;
  if (!reader.NoFlags() || !reader.Units(0, re.size(), &units)) return nullptr;
  auto begins = std::make_shared<MatchBegins>();
  for (size_t k = 0; k < units.size(); ++k) {
    const Reader::Unit& u = units[k];
    if (k == 0 && re[u.start] == '^' && u.end == u.atom_end) continue;  // the window's start
    if (reader.Optional(u)) {
      if (!reader.SymbolsOf(u, &begins->skip_)) return nullptr;
      continue;
    }
    return reader.EdgeOf(u, /*last=*/false, &begins->first_) ? begins : nullptr;
  }
  return nullptr;
}

bool MatchBegins::CanBegin(std::string_view symbols) const {
  for (const char symbol : symbols) {
    const unsigned char c = static_cast<unsigned char>(symbol);
    if (first_[c]) return true;
    if (!skip_[c]) return false;
  }
  return false;
}

bool MatchEnds::CanEnd(std::string_view symbols) const {
  for (size_t p = symbols.size(); p > 0; --p) {
    const unsigned char c = static_cast<unsigned char>(symbols[p - 1]);
    if (last_[c]) return true;
    if (!skip_[c]) return false;
  }
  return false;
}

std::shared_ptr<const MatchNeeds> MatchNeeds::Of(std::string_view re) {
  const Reader reader(re);
  std::vector<Reader::Unit> units;
  if (!reader.NoFlags() || !reader.Units(0, re.size(), &units)) return nullptr;
  auto needs = std::make_shared<MatchNeeds>();
  for (const Reader::Unit& u : units) {
    // ^ and $ read as no symbol: EdgeOf gives up on them, and they need nothing.
    std::bitset<256> first;
    if (reader.Optional(u) || u.end - u.start > kMaxNeedUnitChars ||
        !reader.EdgeOf(u, /*last=*/false, &first) || first.all()) {
      continue;
    }
    if (std::find(needs->needs_.begin(), needs->needs_.end(), first) == needs->needs_.end()) {
      needs->needs_.push_back(first);
    }
  }
  return needs->needs_.empty() ? nullptr : needs;
}

std::bitset<256> MatchNeeds::Present(std::string_view symbols) {
  std::bitset<256> present;
  for (const char symbol : symbols) present.set(static_cast<unsigned char>(symbol));
  return present;
}

}  // namespace quotecheck
