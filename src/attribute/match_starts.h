#pragma once
/// Where a match of a before-rule can start, so that its search runs forward from those
/// places only. A before-rule's pattern ends with `$`; RE2 searches it with the reverse of
/// its program from the window's end back over the whole window, and for a pattern with many
/// live alternatives (weak/sentence-subject: a sentence start, an optional lead-in of up to
/// twenty tokens, a speaker, a verb, the rest of the sentence) every window of new text
/// builds new states of that reverse DFA: about 23,000 instructions a search on distinct news,
/// the costliest rule. When the pattern starts with a sentence start or another short set of
/// symbols, the forward program anchored at each place where such a symbol stands finds the
/// same match for a fraction of that: a run dies at the first token that cannot follow.
///
/// Why it is the same match: an unanchored search of a pattern that ends with `$` finds the
/// match with the leftmost start s, and every match ends at the end of the text; anchored at
/// both ends from s it is that match. Every start is among the places tried (a match's first
/// symbol is in the pattern's first set, or it starts at the text's start by a leading `^`),
/// and they are tried from the left, so the first that matches is s.

#include <re2/re2.h>

#include <bitset>
#include <memory>
#include <string_view>
#include <vector>

namespace quotecheck {

class MatchStarts {
 public:
  /// From a rule's RE2 text over Latin-1 symbols (TokenClasses::Translate): null unless the
  /// text is one concatenation (no top-level |, no flags) that ends with `$` and starts with
  /// `^`, a symbol class or literal that is not optional, or a group (?:…) or (?P<name>…)
  /// that is not optional and whose every alternative starts so.
  static std::shared_ptr<const MatchStarts> Of(std::string_view re);

  /// Whether a match can start at symbol `pos` of `symbols` (pos == symbols.size(): only at
  /// the start of an empty text).
  bool CanStartAt(std::string_view symbols, size_t pos) const {
    return (pos == 0 && text_start_) ||
           (pos < symbols.size() && first_[static_cast<unsigned char>(symbols[pos])]);
  }

  /// The same as `regex.Match(symbols, 0, symbols.size(), RE2::UNANCHORED, matched, 1)` for
  /// the program of the text it was made from.
  bool Search(const re2::RE2& regex, re2::StringPiece symbols, re2::StringPiece* matched) const;

 private:
  std::bitset<256> first_;   // symbols a match can start with
  bool text_start_ = false;  // a match can start at the start of the text (a leading ^)
};

/// How a match of a before-rule can end, so that a window whose end no match can have is
/// passed over with no search. Most before-rules end with a token that must be there and
/// then tokens that may be (`":" <WS>* $`, `"," <SP>? $`, the cue then `(?: <SP> "that" )?
/// <SP>? $`): a match ends with a symbol of that last required unit followed only by symbols
/// of the optional units after it. Without the check, RE2 sets up a search (about 2,000
/// instructions with its reverse DFA's start) for each such rule at every quotation, though
/// the window's end rules most of them out at its last token or two.
class MatchEnds {
 public:
  /// From a rule's RE2 text over Latin-1 symbols: null unless the text is one concatenation
  /// ending with `$` whose units before it read as classes, literals and groups (?:…),
  /// (?P<name>…), the last required one a class or literal, or a group whose every
  /// alternative ends with a required one.
  static std::shared_ptr<const MatchEnds> Of(std::string_view re);

  /// False only when no match of the pattern can end at the end of `symbols`: no symbol of
  /// the last required unit stands where only symbols of the optional units follow it.
  bool CanEnd(std::string_view symbols) const;

 private:
  std::bitset<256> last_;  // symbols the last required unit can end with
  std::bitset<256> skip_;  // symbols the optional units after it can hold
};

/// How a match of an after-rule (searched anchored at the window's start) can begin: the
/// mirror of MatchEnds. Most after-rules start with optional white space and punctuation,
/// then a token that must be there (the cue of “…,” said Ada Quell, "according", a dash).
class MatchBegins {
 public:
  /// From a rule's RE2 text over Latin-1 symbols: null unless the text is one concatenation
  /// (a leading `^` aside) whose units up to the first required one read as classes, literals
  /// and groups (?:…), (?P<name>…), that one a class or literal, or a group whose every
  /// alternative starts with a required one.
  static std::shared_ptr<const MatchBegins> Of(std::string_view re);

  /// False only when no match anchored at the start of `symbols` can begin there: no symbol
  /// of the first required unit stands where only symbols of the optional units precede it.
  bool CanBegin(std::string_view symbols) const;

 private:
  std::bitset<256> first_;  // symbols the first required unit can start with
  std::bitset<256> skip_;   // symbols the optional units before it can hold
};

/// What every match of a rule holds: for each unit its pattern requires (a class, literal or
/// group that is not optional), the symbols that unit can start with; a match holds one of
/// each set. A window that lacks one of the sets is passed over with no search: "according
/// to" needs "according", a cue rule a cue, a described-as rule "described", and most
/// windows hold none of them. Without the check RE2 sets up a search at every quotation
/// (about 2,000 instructions with its reverse DFA's start) and, on distinct news, builds new
/// DFA states for the window's new text (thousands of instructions each).
class MatchNeeds {
 public:
  /// From a rule's RE2 text over Latin-1 symbols: null unless the text is one concatenation
  /// (no top-level |, no flags) whose units read as classes, literals, escapes and groups,
  /// and some required unit's first symbols are known and are not every symbol.
  static std::shared_ptr<const MatchNeeds> Of(std::string_view re);

  /// False only when no match can lie in a text whose symbols are among `present`.
  bool CanMatchIn(const std::bitset<256>& present) const {
    for (const std::bitset<256>& need : needs_) {
      if ((need & present).none()) return false;
    }
    return true;
  }

  /// The symbols of `symbols` (one Latin-1 symbol a byte), for CanMatchIn.
  static std::bitset<256> Present(std::string_view symbols);

 private:
  std::vector<std::bitset<256>> needs_;  // a match holds a symbol of each
};

}  // namespace quotecheck
