#pragma once
/// Attribution: gives each quotation its speaker, speaker mention and cue, using the
/// patterns of a RuleSet on a bounded window around the quotation, then
///   - joins interrupted quotations (“A,” she said, “B.”) into one with two spans,
///   - makes names canonical within the document ("Trump", "Mr. Trump" → "Donald Trump"),
///   - resolves pronouns and role nouns ("he", "the Russian leader") to a named speaker,
///   - lets an uncued quotation inherit the speaker of the quotation just before it in the
///     same or the previous paragraph.
/// A name inside a quotation is never its speaker: windows stop at quotation marks. The one
/// spoken to ("told the Times") is never the speaker. A speaker mention whose canonical
/// speaker cannot speak (SpeakerNames::CanSpeak: an unresolved pronoun, a bare place, page
/// furniture, a title without a name, words of two sentences) is kept, with no speaker.
/// Rules whose id starts with "weak/" find a speaker without a speech cue (the subject of
/// the quotation's sentence); like inheritance, they are no cue of the quotation's own.

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "attribute/rule_set.h"
#include "core/quote.h"

namespace quotecheck {

class Attributor {
 public:
  explicit Attributor(const RuleSet* rules);
  ~Attributor();
  Attributor(Attributor&&) noexcept;

  /// Attributes `quotes` (sorted by position, from the scanner) in place; may join
  /// interrupted quotations. `text` is the whole document text; the rules read it with
  /// no-break and other fixed-width spaces as plain spaces. Const and thread-safe.
  void Attribute(std::string_view text, std::vector<Quote>& quotes) const;

  /// The words a RuleSet lexicon holds, for other passes (kinds): empty if absent.
  const std::vector<std::string>& Lexicon(const std::string& name) const;

 private:
  // What the rules found for one quotation, before resolution.
  struct Match {
    const AttributionRule* rule = nullptr;
    ByteSpan speaker;  // offsets into the document text
    ByteSpan cue;
  };
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace quotecheck
