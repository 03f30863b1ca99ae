#pragma once
/// Rules that take the rest of the sentence: a token pattern `H {MACRO}* $` whose groups all
/// lie in its head H (before/cue-in-sentence: speaker, words, cue, then every token up to the
/// opening mark that does not end the sentence). The whole match carries the rest of the
/// sentence, so it hardly ever repeats, and RE2's capture engine would run over all of it
/// for every quotation; the head's part ("Varga told", "The mayor said") repeats. A
/// SentenceTail holds H and the tail T = `(?:{MACRO})*` as RE2 programs of their own, so that
/// a match's groups come from H alone, over the head's part only.
///
/// Why that gives the whole pattern's groups: of all parses of a matched span [s, e), RE2
/// takes the first in leftmost-first (Perl) order, and for a concatenation H T that is the
/// first parse of H (in H's own order) that ends at some m from which T matches [m, e).
/// H alone, anchored at s, matches with the first of all its parses from s, whatever their
/// end m; when T matches [m, e), that parse is the whole pattern's and its groups are the
/// groups. When T does not, a later parse of H is the one: the caller then finds the groups
/// with the whole pattern, as without a SentenceTail.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "attribute/rule_regex.h"

namespace quotecheck {

/// A token pattern as written split before a final `{MACRO}*` and `$` (white space aside).
struct SentenceTailText {
  std::string head;  // the pattern before `{MACRO}*`
  std::string tail;  // `{MACRO}*`
};

/// The split of `pattern`, or nothing when it does not end with `{MACRO}* $`.
std::optional<SentenceTailText> SplitSentenceTail(std::string_view pattern);

class SentenceTail {
 public:
  /// From the RE2 texts over symbols of the whole pattern and of its head and tail
  /// (TokenClasses::Translate): null unless `whole` is `head` + `tail` + "$" and that is a
  /// concatenation of the three (no top-level |), the head has no end-of-text or
  /// word-boundary assertion and the tail no group and no assertion at all (what decides the
  /// groups must lie in the head's part), neither sets flags. The programs are compiled on
  /// first use, with `latin1` as TokenClasses::latin1() says and the whole pattern's
  /// `max_mem`.
  static std::shared_ptr<const SentenceTail> Make(std::string_view whole, std::string head,
                                                  std::string tail, bool latin1, int64_t max_mem);

  /// Whether the whole pattern's match symbols[start, end) (`end` the end of `symbols`) has
  /// the groups of the head's match from `start`: then `*head` is that match.
  bool HeadMatch(std::string_view symbols, size_t start, size_t end, std::string_view* head) const;

  /// Whether the tail matches symbols[from, end) (`end` the end of `symbols`), all of it:
  /// then a head's first parse that ends at `from` is the whole pattern's.
  bool TailMatches(std::string_view symbols, size_t from, size_t end) const;

  /// The head's program (for its groups; the same group numbers as the whole pattern's).
  const re2::RE2& head() const;

  SentenceTail(std::string head, std::string tail, bool latin1, int64_t max_mem);

 private:
  RuleRegex head_, tail_;
};

}  // namespace quotecheck
