#pragma once
/// Classifies a quotation as direct, partial or term (docs/output-contract.md):
///   direct  — speech set off from the writer's words: it opens a paragraph or a sentence,
///             follows a colon or an attribution ("Trump added, “At the…”"), and starts
///             with a capital, a digit or an ellipsis;
///   partial — a fragment woven into the writer's sentence (described the talks as
///             “extremely productive”);
///   term    — a short quoted name or word that is nobody's speech (the so-called “iron
///             handshake”, the “coalition of the willing”).

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/hash.h"
#include "core/quote.h"

namespace quotecheck {

class QuoteKindClassifier {
 public:
  /// `term_cues`: words that announce a term ("so-called", "dubbed", …). `work_nouns`: kinds
  /// of work whose title may follow them ("book", "film", …; a comma may come between).
  /// `speech_cues`: speech verbs in their forms ("telling", "said", …; phrases are not read).
  explicit QuoteKindClassifier(const std::vector<std::string>& term_cues,
                               const std::vector<std::string>& work_nouns = {},
                               const std::vector<std::string>& speech_cues = {});

  /// The kind of `quote` in `text`. Reads the attribution already on the quote (a cue of
  /// its own keeps a short quotation from being a term).
  QuoteKind Classify(std::string_view text, const Quote& quote) const;

 private:
  // Whether one of the last few words before the comma that ends `lower_pre` is a speech
  // verb ("telling reporters,", "he said on Monday,").
  bool SpeechVerbBeforeComma(std::string_view lower_pre) const;
  // Whether the words after the closing mark name a kind of work in apposition: ", a
  // biography written by …", ", his 1987 book", ", the documentary about …".
  bool WorkNounAfter(std::string_view text, size_t close_mark_end) const;

  std::vector<std::string> term_cues_;                                      // lower case
  std::vector<std::string> work_nouns_;                                     // lower case
  std::unordered_set<std::string, WordHash, std::equal_to<>> speech_cues_;  // one word, lower
};

}  // namespace quotecheck
