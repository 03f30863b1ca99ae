#pragma once
/// A token rule's groups without RE2's capture engine over its whole match. Every rule's
/// program is larger than the 512 instructions RE2's bit-state engine takes (SPEAKER alone is
/// 515), so RE2 finds a match's groups with its NFA: about 30,000 instructions a match on
/// distinct news, most of RE2's cost after its DFA's. Most patterns read
/// `A (?P<speaker>X) B`, with no group inside X: a SpeakerSplit holds A, X and B as programs of
/// their own, so that the speaker's end comes from X's DFA (whose states recur: speakers are
/// few shapes of names) and the other groups from A and B, small enough for the bit-state
/// engine.
///
/// Why the groups are the same: of all parses of a matched span, RE2 takes the first in
/// leftmost-first (Perl) order, and for a concatenation that is the first parse of A (in A's own
/// order) after which X B can match, then the first of X after which B can, then B's first.
/// Each part anchored where the one before ends gives its own first parse of all (its end
/// found by the DFA when it has no groups); when all three match and B's ends where the match
/// does, that is the whole pattern's parse. When one does not, a later parse of A or X is the
/// one: the caller then finds the groups with the whole pattern, as without a split.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "attribute/rule_regex.h"

namespace quotecheck {

class SpeakerSplit {
 public:
  /// Programs of the same text shared among the splits of a rule set: the X of most rules is
  /// SPEAKER, and compiling it costs about 4 M instructions.
  using Programs = std::unordered_map<std::string, std::shared_ptr<const RuleRegex>>;

  /// From a rule's RE2 text over symbols (TokenClasses::Translate): null unless the text is
  /// one concatenation with no flags holding, at its top level, a (?P<speaker>…) group that
  /// has no quantifier and no group inside. The parts are compiled on first use, with `latin1`
  /// as TokenClasses::latin1() says and the whole pattern's `max_mem`; a part that does not
  /// compile makes Groups() false.
  static std::shared_ptr<const SpeakerSplit> Make(std::string_view re, bool latin1, int64_t max_mem,
                                                  Programs* programs);

  /// The whole pattern's first parse anchored at `start` (its end in `*end`, its groups as
  /// offsets from `start`), where the parts' first parses make it; false when they do not
  /// (then a later parse of A or X is the first, or none matches).
  bool FirstParse(std::string_view symbols, size_t start, size_t* end, GroupOffsets* out) const;

  /// The groups of the whole pattern's match symbols[start, end) (as RE2 finds it: anchored
  /// at `start`, and with the first parse there), as offsets from `start`; false when the
  /// parts do not give them.
  bool Groups(std::string_view symbols, size_t start, size_t end, GroupOffsets* out) const {
    size_t parse_end;
    return FirstParse(symbols, start, &parse_end, out) && parse_end == end;
  }

  SpeakerSplit(std::shared_ptr<const RuleRegex> before, std::shared_ptr<const RuleRegex> speaker,
               std::shared_ptr<const RuleRegex> after);

 private:
  std::shared_ptr<const RuleRegex> before_;   // A; null when empty
  std::shared_ptr<const RuleRegex> speaker_;  // X
  std::shared_ptr<const RuleRegex> after_;    // B
};

}  // namespace quotecheck
