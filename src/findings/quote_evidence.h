#pragma once
/// The evidence two linked quotations give for a finding. A finding is a public claim that
/// an outlet misquoted someone or gave the words to someone else, so a false alarm costs
/// more than a miss: every finding rule (findings/finding_rules.h) asks of the one link
/// behind it — never of two quotations that merely share a cluster — that
///   - the shared words are distinctive: at least kMinContentWords content words in common
///     (stop words and title-case name sequences such as "North Korea" do not count);
///   - the words are not a common phrase: a stock phrase or slogan of the "common_phrase"
///     lexicon, words that read as a name (a programme, a bill: every content word
///     capitalised, kMaxTitleWords words at most), or words the input gives to
///     kCommonPhraseSpeakers or more different speakers;
///   - for a divergence, the words differ in substance: joined or split compounds
///     ("work force"/"workforce"), "&"/"and", numerals and number words, house spellings
///     ("memorandums"/"memoranda", the "spelling_variant" lexicon), a marked editorial
///     insertion or substitution ("[Trump]" for "he") and an ellipsis standing for left-out
///     words are typography; so is cleaning up speech: fillers of the "filler" lexicon
///     ("uh", "I mean") and a restart one side prints and the other leaves out ("if she gets
///     to pick, if she gets to pick her judges"), as newsrooms commonly tidy transcribed
///     speech;
///   - for a misattribution, neither quotation lies inside a quotation nested in the other
///     (a memo quoting the president: the inner words are the president's).
/// Lexicons come from rules/evidence.toml (and --rules directories).

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/check_model.h"
#include "core/hash.h"
#include "diff/quote_tokens.h"
#include "xref/link_decision.h"

namespace quotecheck {

/// Content words two quotations must share before any finding compares them: fewer are
/// too little to tell one utterance from a common turn of phrase ("optimistic", "set out
/// in due course").
inline constexpr size_t kMinContentWords = 3;
/// A misattribution names an outlet as wrong about who spoke: it needs more shared words.
inline constexpr size_t kMinMisattributionContentWords = 4;
/// Words the input gives to this many different speakers are a phrase many people say.
inline constexpr size_t kCommonPhraseSpeakers = 3;
/// A capitalised phrase of at most this many words reads as a name (a title, a slogan).
inline constexpr size_t kMaxTitleWords = 8;
/// Below this similarity two linked quotations are too far apart for a divergence claim.
inline constexpr double kMinDivergenceSimilarity = 0.5;
/// Below kCloseVersionSimilarity (xref/link_decision.h: the similarity under which two
/// versions of one statement must keep their words in stretches to be linked at all) a
/// divergence claim also needs kMinDivergenceRun words in a row that both quotations print
/// unchanged, whatever the link's shape (a fragment or overlap too). Versions of one
/// utterance keep long stretches verbatim (a reporter changes a phrase, drops a clause,
/// copies the rest); two different remarks that share half their words share them
/// scattered. Every divergence read by hand on NewsWCL50 below that similarity has such a
/// stretch ("If they restart their nuclear program," before "will have bigger" / "going to
/// have big"); on gen_quote_store_hard.py's store, whose generator tells which copies are one
/// quotation, most divergences between different quotations (made from one real quotation
/// with a third of the words replaced) have none. Six, as the run overlapping excerpts need
/// (kMinOverlapRun).
inline constexpr size_t kMinDivergenceRun = 6;

/// The evidence lexicons, read once.
class EvidenceLexicon {
 public:
  using LexiconLookup = std::function<const std::vector<std::string>&(const std::string&)>;
  explicit EvidenceLexicon(const LexiconLookup& lexicon);

  bool IsStopWord(std::string_view key) const;
  /// The same for a word whose hash the caller has (QuoteToken::hash, Fnv1a64 of `key`):
  /// the content words of every weighed link are looked up, so the hash is not made again.
  bool IsStopWord(std::string_view key, uint64_t hash) const;
  /// Whether the match key `key` (MatchKey) is a stock phrase of the lexicon. A key longer
  /// than every stock phrase is answered without hashing it (every weighed link asks for both
  /// sides' whole keys, most of them sentences).
  bool IsStockPhrase(std::string_view key) const;
  /// The word a typographic variant stands for: spelling variants made standard, number
  /// words made numerals, "&" made "and"; other keys unchanged.
  std::string_view Standard(std::string_view key) const;
  /// How many words a filler of speech of the "filler" lexicon takes at words[i] ("i mean":
  /// 2), or 0 when none starts there. `words` are match keys.
  size_t FillerAt(const std::vector<std::string>& words, size_t i) const;

 private:
  // Words and keys looked up as views (no copy made to look one up), words also with their
  // Fnv1a64 hash.
  struct HashedWord {
    std::string_view text;
    uint64_t hash = 0;
  };
  // core's TextHash, which also takes a word whose hash is known (the same Fnv1a64).
  struct KeyHash : TextHash {
    using TextHash::operator();
    size_t operator()(const HashedWord& word) const { return word.hash; }
  };
  struct KeyEqual {
    using is_transparent = void;
    bool operator()(std::string_view x, std::string_view y) const { return x == y; }
    bool operator()(const HashedWord& x, std::string_view y) const { return x.text == y; }
    bool operator()(std::string_view x, const HashedWord& y) const { return x == y.text; }
  };
  std::unordered_set<std::string, KeyHash, KeyEqual> stop_words_;
  std::unordered_set<std::string, KeyHash, KeyEqual> stock_phrases_;
  size_t longest_stock_phrase_ = 0;  // bytes
  std::unordered_map<std::string, std::string, KeyHash, KeyEqual> standard_;
  std::vector<std::vector<std::string>> fillers_;  // each a filler's match keys, in order
};

/// The content words of the equal parts of `diff`, as match keys, in order.
/// `a_tokens`: the tokens of the text that the ops' `a` parts make up, when the caller has
/// them. An equal part whose bytes are whole tokens of it is read from them, not tokenised
/// again: the same words, since a token is made from its own bytes alone (ElementRangeTokens)
/// and the words read here (keys, capitals, hyphens) are the tokens' own. A part that is not
/// (other bytes, a token across its edge) is tokenised.
std::vector<std::string> SharedContentWords(const QuoteDiff& diff, const EvidenceLexicon& lexicon,
                                            const TokenizedQuote* a_tokens = nullptr);

/// Whether `text` reads as a name: 2..kMaxTitleWords content words, all capitalised.
/// `key`: MatchKey(text) when the caller has it, or empty; an ASCII key with more content
/// words than a name has answers without tokenising the text again.
bool ReadsAsName(std::string_view text, const EvidenceLexicon& lexicon, std::string_view key = {});
/// The same for a text already tokenised (`tokens`); `key` as above.
bool ReadsAsName(const TokenizedQuote& tokens, const EvidenceLexicon& lexicon,
                 std::string_view key = {});

/// Whether some change of `diff` is more than typography (see above).
bool ChangesWording(const QuoteDiff& diff, const EvidenceLexicon& lexicon);

/// Whether the words of `inner` (a quotation's text) lie inside a quotation nested in
/// `outer`'s text (‘…’, “…”, '…' or "…" within it).
bool InsideNestedQuotation(std::string_view outer, std::string_view inner);

/// Whether either side of `link` lies inside a quotation nested in the other's text
/// (InsideNestedQuotation both ways): PairEvidence::nested.
bool SidesNested(const CheckResult& result, const Link& link);

/// What one link says, weighed.
struct PairEvidence {
  std::vector<std::string> shared_words;  // content words both sides have
  bool common_phrase = false;             // see above
  bool nested = false;                    // one side inside a nested quotation of the other
  bool changes_wording = false;           // some change is more than typography
  double similarity = 0.0;
  /// The most words in a row both sides print unchanged (the diff's longest equal stretch).
  size_t longest_equal_run = 0;
};

/// What WeighLink weighs: everything, or all but PairEvidence::nested (left false), which only
/// a misattribution reads (SupportsMisattribution): a caller that weighs a link for a
/// divergence first adds it with SidesNested when it needs it.
enum class Weigh { kAll, kAllButNested };

/// The side of `link` whose words WeighLink asks ReadsAsName of: the shorter text (link.a
/// when the two are as long).
size_t NameSide(const CheckResult& result, const Link& link);

/// What a caller weighing many links of the same quotations already has (a cluster's
/// tokens, a quotation's ReadsAsName worked out once), so that WeighLink does not work it
/// out again for each link; each part is optional and gives the same evidence.
struct KnownSides {
  const TokenizedQuote* a_tokens = nullptr;     // link.a's text tokenised (SharedContentWords)
  std::optional<bool> name_side_reads_as_name;  // ReadsAsName of NameSide(result, link)
};

/// Weighs link `link` of `result` whose word diff, with its ops, is `diff` (LinkDiff:
/// links keep none). `speakers_by_key`: for each quotation, how many different speakers the
/// input gives its match key's words to (CountSpeakersByKey; empty: none known).
PairEvidence WeighLink(const CheckResult& result, const Link& link, const QuoteDiff& diff,
                       const std::vector<std::string>& keys,
                       const std::vector<uint32_t>& speakers_by_key, const EvidenceLexicon& lexicon,
                       Weigh what = Weigh::kAll, const KnownSides& known = {});

/// For each quotation, the number of distinct speakers the input gives its match key in
/// `keys` to, told apart by the last word of their keys (so "Allsop" and "Corina Allsop" are
/// one); quotations without a speaker key do not count, and a quotation without a key gets 0.
/// By quotation rather than by key: a link's weighing reads it for both its sides, and at a
/// million quotations looking the keys up in a table was the one part of the findings that
/// grew twice as fast as the input (cache misses on a table of a million long keys).
std::vector<uint32_t> CountSpeakersByKey(const CheckResult& result,
                                         const std::vector<std::string>& keys);

/// The most words in a row that `diff` keeps equal: words (runs of characters between
/// spaces holding a letter or digit) of its longest equal stretch.
size_t LongestEqualRun(const QuoteDiff& diff);

/// Whether a link's evidence supports a wording divergence (variant, changed in substance,
/// distinctive words, not a common phrase, similar enough: kMinDivergenceSimilarity, and
/// below kCloseVersionSimilarity a stretch of kMinDivergenceRun words unchanged).
bool SupportsDivergence(const Link& link, const PairEvidence& evidence);

/// Whether a link's evidence supports giving its words to one speaker only: distinctive
/// words (kMinMisattributionContentWords), not a common phrase, not nested.
bool SupportsMisattribution(const PairEvidence& evidence);

/// Confidence (0..1) of a finding resting on `evidence`: more shared content words and a
/// closer match raise it; `attribution` (the lower of the two attributions' confidences)
/// multiplies it for a misattribution (pass 1 otherwise).
double FindingConfidence(const PairEvidence& evidence, double attribution = 1.0);

}  // namespace quotecheck
