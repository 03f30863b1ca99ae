#pragma once
/// Deciding whether two quotations that share words are the same words said once, in the
/// manner of MemeTracker and NIFTY: from the alignment of their words, with explicit
/// thresholds. The numbers, and why:
///
/// - kMinRun = 4 consecutive equal words, for quotations of 4 words or more. Shorter runs
///   ("the end of the", "we are going to") are everyday phrases; the labelled corpora link
///   pairs that share five or more consecutive words, and four leaves room for one changed
///   word in a short quotation.
/// - A quotation of one word (under kMinLinkWords) links only where the two sources name the
///   same speaker, even to another short one: a single word in quotation marks ("low",
///   "new", "Joe") is mostly a term or a scare quote, and two articles printing it have not
///   quoted one utterance (PolNeAR, read by hand: "no" to "no more nonsense", "Joe" to
///   "Morning Joe", "new" to "New Day" and "new low"). A mayor's one-word answer still links
///   to the transcript that gives her the word.
/// - A quotation under 4 words links only when all its words appear in a row in the other
///   (an exact key match, as a whole or inside it), and the two sources name the same
///   speaker, or both are that short: "going well" alone is too common to link on its own.
/// - Same utterance, whole: word edit distance ≤ kMaxEditShare (0.5) of the longer one.
///   Half the words may change (reordering, a clause added) before two quotations stop being
///   versions of one statement; beyond that they merely share a phrase.
/// - Below kCloseVersionSimilarity (0.7), versions of one statement must also keep their
///   words in stretches (KeepsStretches): at least kMinStretchShare (0.5) of the shorter
///   one's words lie in runs of kStretchWords (3) or more words matched in a row, or a third
///   of them (kMinLongestStretchShare) in one run, and at least kMinStretchWords (6) words
///   so (as kMinOverlapRun): a frame of four or five words opens many different sentences
///   ("We have to get over partisan divides", "We have to get these people out"; "I don't
///   believe in firewalls", "I don't believe in the devil": links read by hand on PolNeAR).
///   Versions of one utterance differ in a few places (a clause cut, "they will" smoothed to
///   "they're going to") and keep the rest verbatim; two different remarks in the same frame of
///   words ("I will look at it", "we will look into it") can share as many words, but scattered.
///   This is the minimum-match-length idea of text-reuse detection (greedy string tiling). On the
///   labelled news the lowest variant (0.556) keeps 9 of its 18 words in runs and 6 in one;
///   on a store whose generator tells which records are one quotation (../shared/eval's
///   hard store, 250k), 88% of the variant links below 0.7 between different quotations fail
///   this, and 28 of the 203 between copies of one quotation (measured on the diffs of the
///   links made before the rule).
/// - Fragment: the shorter lies inside the longer (local alignment) with at least
///   kMinFragmentCover (0.8) of its words matched in order and at most kMaxFragmentEdit (0.2)
///   of them changed; under kExactFragmentWords (8) words, none changed. A fragment whose
///   last word ends a sentence (. ! ?) that the longer continues with more words is marked
///   (end_continues): when the same document has another quotation where the fragment's
///   words do end, that one is its source ("wants to make a deal." belongs to "I think he
///   wants to make a deal," rather than to "…make a deal for me").
/// - Overlap at the edges: the end of one and the start of the other share a run of at
///   least kMinOverlapRun (6) words: at five, "wants to make a deal" would join "I think he
///   wants to make a deal," and "wants to make a deal for me.", two utterances.
/// - Speakers: when both sources name different people, the bar rises to kMaxEditShareOther
///   (0.2): a misattribution is the same words given to someone else, not a similar remark
///   by another person.

#include <optional>
#include <span>
#include <vector>

#include "attribute/speaker_key.h"
#include "core/check_model.h"
#include "diff/quote_tokens.h"
#include "diff/word_alignment.h"

namespace quotecheck {

inline constexpr uint32_t kMinRun = 4;
inline constexpr uint32_t kShortQuoteWords = 4;
inline constexpr uint32_t kMinLinkWords = 2;
inline constexpr double kMaxEditShare = 0.5;
inline constexpr double kMaxEditShareOther = 0.2;
inline constexpr double kMinFragmentCover = 0.8;
inline constexpr double kMaxFragmentEdit = 0.2;
inline constexpr uint32_t kMinOverlapRun = 6;
inline constexpr uint32_t kExactFragmentWords = 8;
inline constexpr double kCloseVersionSimilarity = 0.7;
inline constexpr uint32_t kStretchWords = 3;
inline constexpr double kMinStretchShare = 0.5;
inline constexpr double kMinLongestStretchShare = 1.0 / 3;
inline constexpr uint32_t kMinStretchWords = 6;

enum class LinkShape { kNone, kWhole, kFragment, kOverlap };

struct LinkVerdict {
  LinkShape shape = LinkShape::kNone;
  /// The shorter ends a sentence (. ! ?) where the longer goes on with more words. American
  /// style puts the period inside the marks even when the speaker went on, so this alone
  /// does not block a link; it decides between two candidates (see cross_reference.cc).
  bool end_continues = false;
  double similarity = 0.0;  // 1 − edit distance / words of the longer (whole) or shorter (parts)
};

/// Whether quotations a and b are the same words said once. `speakers_agree`: see
/// SpeakersMatch (attribute/speaker_key.h).
LinkVerdict DecideLink(const TokenizedQuote& a, const TokenizedQuote& b, bool speakers_agree,
                       bool both_named, WordAligner& aligner);

/// The link between quotations `a` and `b` (indexes into CheckResult::quotes, a < b), with
/// their tokens and speaker evidence, or nothing when they are not the same words said once:
/// a cheap bound on shared words first, then DecideLink, then the relation, similarity,
/// change classes and meaning flags (for a fragment or overlap, read on the shared part).
/// The link's diff ops are left empty, packed in Link::packed_ops instead (LinkDiff reads
/// them back when the link is printed or weighed). The one place
/// where a pair becomes a link, for cross-referencing and for findings that weigh a pair
/// cross-referencing joined through others.
std::optional<Link> DecidePair(size_t a, size_t b, const TokenizedQuote& ta,
                               const TokenizedQuote& tb, const SpeakerEvidence& sa,
                               const SpeakerEvidence& sb, WordAligner& aligner);

/// The same for a pair already known to pass the bound on shared words (EnoughSharedWords of
/// their word hashes): for a caller that keeps the words and tests every pair before it makes
/// the tokens of those that pass.
std::optional<Link> DecidePairPastWordBound(size_t a, size_t b, const TokenizedQuote& ta,
                                            const TokenizedQuote& tb, const SpeakerEvidence& sa,
                                            const SpeakerEvidence& sb, WordAligner& aligner);

/// The most of the longer quotation's words that may change in versions of one statement:
/// kMaxEditShare, or kMaxEditShareOther when the sources name different people.
double MaxWholeEdit(bool speakers_agree);
/// How an alignment keeps a quotation's words in stretches: the words matched in runs of
/// kStretchWords or more in a row, and the longest run. A bracketed insertion standing for a
/// word continues a run; words an ellipsis stands for neither break nor lengthen it (the
/// omission is marked, the words around it are verbatim).
struct Stretches {
  uint32_t in_runs = 0;
  uint32_t longest = 0;
};
/// The Stretches of alignment `steps` of `a` with another quotation.
Stretches StretchesOf(const TokenizedQuote& a, const std::vector<AlignStep>& steps);
/// Whether `stretches` keep enough of the shorter quotation's `short_words` words for two
/// versions of one statement below kCloseVersionSimilarity (see the top of this file).
bool KeepsStretches(const Stretches& stretches, uint32_t short_words);

/// The most of a fragment's words that may change: none under kExactFragmentWords words,
/// kMaxFragmentEdit, half of it when the sources name different people.
double MaxFragmentEdit(uint32_t short_words, bool speakers_agree);

/// The words of one quotation, counted to compare them with many others: candidate pairs come
/// sorted by their first quotation, so deciding counts a's words once for all of a's pairs.
/// Holds the multiset (word hashes and how often each occurs) and, per distinct word, the
/// positions where a has it as a bit mask (what the common subsequence is computed from).
class WordMultiset {
 public:
  /// These words, forgetting the ones before.
  void Assign(std::span<const uint64_t> words);
  /// How many of `b`'s words can be matched one to one with equal words of the multiset (the
  /// size of the multiset intersection). Leaves the multiset as it was.
  size_t SharedWith(std::span<const uint64_t> b);
  /// The length of the longest common subsequence of the assigned words and `b`: the most
  /// words any alignment of the two can match in order. Bit-parallel (Allison and Dix 1986,
  /// Hyyro 2004): ceil(n / 64) machine words of state, a few operations each per word of b.
  size_t CommonSubsequence(std::span<const uint64_t> b);

 private:
  struct Slot {
    uint64_t word = 0;
    uint32_t count = 0;
    uint32_t stamp = 0;  // the Assign that filled it: no clearing between calls
    uint32_t used = 0;   // matched by the SharedWith call `probe`
    uint32_t probe = 0;
    uint32_t mask = 0;  // its positions: masks_[mask * blocks_ ..], a bit per word of a
  };
  Slot& SlotOf(uint64_t word) {  // inline: called for every word of every pair
    size_t i = static_cast<size_t>(word ^ (word >> 29)) & mask_;
    while (table_[i].stamp == stamp_ && table_[i].word != word) i = (i + 1) & mask_;
    return table_[i];
  }
  std::vector<Slot> table_;
  std::vector<uint64_t> masks_;
  std::vector<uint64_t> state_;  // CommonSubsequence's bit vector
  size_t mask_ = 0;
  size_t size_ = 0;    // words assigned
  size_t blocks_ = 0;  // machine words per position mask
  uint32_t stamp_ = 0;
  uint32_t probe_ = 0;
};

/// What DecidePair's cheap bound knows of a pair besides its words.
struct PairBoundFacts {
  /// Both quotations' elements are words only (no inner ellipsis, no bracketed insertion:
  /// those match words at no cost, so words alone bound their alignment only loosely).
  bool words_only = false;
  /// SpeakersMatch of the two (attribute/speaker_key.h): DecideLink's `speakers_agree`.
  bool speakers_agree = true;
};

/// DecidePair's cheap bound before any alignment, on the word hashes of two quotations in
/// order (WordHashes), with a's words already counted in `a_counted` (WordMultiset::Assign(a)):
/// whether some link shape of DecideLink is still possible. It never rejects a pair that
/// DecideLink links; most candidate pairs end here.
/// - Words only: every alignment matches at most the longest common subsequence L of the
///   words, and the edit distance is at least the unmatched words of either side. So a whole
///   link needs L >= (1 - MaxWholeEdit) of the longer and, when L is under
///   kCloseVersionSimilarity of the longer, KeepsStretches of the runs of kStretchWords words
///   of the shorter that the longer has too; a fragment L >= (1 - MaxFragmentEdit) of the
///   shorter, a quotation under kShortQuoteWords all its words; an overlap needs the
///   speakers to match and the first kMinOverlapRun words of one in a row in the other.
/// - Otherwise (ellipses or insertions), the looser bound of shared words: as many shared
///   (multiset intersection) as a fragment (kMinFragmentCover of the shorter) or versions of
///   one statement (half the longer) need, or an overlap's run at the edges.
bool EnoughSharedWords(WordMultiset* a_counted, std::span<const uint64_t> a,
                       std::span<const uint64_t> b, PairBoundFacts facts);

/// Whether every element of q (TokenizedQuote::elements) is a word: what PairBoundFacts'
/// words_only asks of each side.
bool WordsOnly(const TokenizedQuote& q);

/// The hashes of a quotation's words in order (punctuation, ellipses and insertions left
/// out): what the candidate index shingles and DecidePair's first bound counts.
void WordHashes(const TokenizedQuote& q, std::vector<uint64_t>* out);

/// Whether the lengths of two quotations (in words) leave room for a whole link (versions of
/// one statement): the length difference alone is a lower bound of their edit distance.
bool WholeLinkPossible(uint32_t a_words, uint32_t b_words);

/// How many words of `a` can be matched one to one with equal words of `b` (the size of the
/// multiset intersection): the words two quotations share, which the cheap test before any
/// alignment weighs (see DecidePair).
size_t SharedWordCount(std::span<const uint64_t> a, std::span<const uint64_t> b);

}  // namespace quotecheck
