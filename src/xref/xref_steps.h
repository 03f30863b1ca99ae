#pragma once
/// The steps of cross-referencing (xref/cross_reference.h), each callable on its own so that
/// `check` (CrossReference, in one process) and `batch` (batch/batch_phases.h, one step per
/// task on a part of the input) run the same code: one place per decision, and the same
/// bytes out whichever way the steps are run.
///   PrepareQuotes → GroupEqualQuotes → RepresentativeWords → FindCandidatePairs
///   (xref/ngram_index.h) → GroupPairsToQuotePairs → AddMemberLinks, then DecideInRounds
///   (each round's pairs through DecidePairs) → DropExplainedFragments → BuildClusters
///   (xref/quote_clusters.h).

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "attribute/speaker_key.h"
#include "core/check_model.h"
#include "diff/quote_tokens.h"
#include "xref/ngram_index.h"
#include "xref/pair_tokens.h"
#include "xref/quote_clusters.h"

namespace quotecheck {

/// What cross-referencing knows of each quotation that findings read again: its match key
/// and its speaker evidence, by quotation index.
struct QuoteFacts {
  std::vector<std::string> keys;
  std::vector<SpeakerEvidence> speakers;
};

/// What cross-referencing reads of each quotation besides its record: its facts, its word
/// count and the words of representatives. Tokens are not kept here: deciding makes them for
/// the quotations of the pairs it aligns (PairTokens, xref/pair_tokens.h).
struct PreparedQuotes : QuoteFacts {
  /// By quotation: its words (TokenizedQuote::word_count), where tokenised; what deciding in
  /// rounds reads of each pair's quotations.
  std::vector<uint32_t> word_counts;
  /// By quotation: 1 when its elements are words only (WordsOnly, xref/link_decision.h), where
  /// tokenised: what the bound before any alignment reads besides the words.
  std::vector<uint8_t> words_only;
  /// By quotation: its word hashes in order (WordHashes) where kept (see PrepareQuotes; after
  /// the candidate step, representatives only), empty otherwise. Deciding tests a pair's words
  /// here before any tokens are made: most candidate pairs are rejected on their words alone.
  std::vector<std::vector<uint64_t>> words;
};
/// `keyer`, or a keyer without lexicons when it is null.
const SpeakerKeyer& KeyerOrDefault(const SpeakerKeyer* keyer);

/// The speaker evidence of `quote`; a quotation read without a speaker_key (a quote store
/// written without keys) gets the evidence's key, as cross-referencing gives it: the one place
/// of that rule (PrepareQuotes, and `batch`'s findings and write tasks on their quotations).
SpeakerEvidence SpeakerEvidenceFilling(const SpeakerKeyer& keyer, QuoteRecord* quote);

/// Fills `prepared` for every quotation of `result` on `jobs` threads: speaker evidence for
/// all (a quotation read without a speaker_key gets one), key only where `tokenise` is true
/// (null: everywhere; the others stay empty), and, with `keep_words`, word hashes only for
/// those whose words no earlier quotation of the same thread's slice has (so every
/// representative keeps its words, and a store of many copies needs memory for its distinct
/// wordings only). Without `keep_words` `prepared->words` stays empty: what `batch`'s
/// clusters and decide tasks need.
void PrepareQuotes(const SpeakerKeyer& keyer, unsigned jobs, const std::vector<bool>* tokenise,
                   CheckResult* result, PreparedQuotes* prepared, bool keep_words = true);

/// Quotations with the same match key, in input order; the first of each is its
/// representative. Terms (nobody's words) and quotations without words are in no group.
struct QuoteGroups {
  static constexpr uint32_t kNone = UINT32_MAX;
  std::vector<uint32_t> group_of;            // per quotation; kNone: a term or no words
  std::vector<size_t> representative;        // per group, its first member
  std::vector<std::vector<size_t>> members;  // per group, in input order
  /// Per quotation, terms and quotations without words too: its match key's number (equal
  /// keys, equal numbers; in order of first appearance), what clustering's table needs
  /// (ClusterQuotesOf) without hashing the keys again.
  std::vector<uint32_t> key_number;
};
QuoteGroups GroupEqualQuotes(const std::vector<std::string>& keys, const CheckResult& result);
/// The same over the clustering table (xref/quote_clusters.h): `batch`'s clusters task.
QuoteGroups GroupEqualQuotes(const ClusterQuotes& quotes);
/// (`batch`'s groups task groups over keys alone, a shard at a time, with KeyNumbers: a group
/// is its key's number; its read tasks write a term's key empty, in no group.)

/// What grouping and the candidate step read of one quotation: its match key, empty for a term
/// (in no group), and the hashes of its words (what FindCandidatePairs indexes).
struct QuoteKeyWords {
  std::string key;
  std::vector<uint64_t> words;
};
QuoteKeyWords KeyAndWords(const QuoteRecord& quote);

/// Per group, the word hashes of its representative (what FindCandidatePairs indexes), moved
/// out of `words` (PreparedQuotes::words, by quotation), and its weight (how many quotations
/// it stands for). Every other quotation's words are dropped.
void RepresentativeWords(const QuoteGroups& groups, std::vector<std::vector<uint64_t>>* words,
                         std::vector<std::vector<uint64_t>>* hashes,
                         std::vector<uint32_t>* weights);

/// Candidate pairs of groups to pairs of their representatives' quotation indexes (the
/// order is kept: both are in input order). With `first_focus_quote` > 0 (lint), pairs
/// whose groups have no member at or after it are dropped first.
void GroupPairsToQuotePairs(const QuoteGroups& groups, size_t first_focus_quote,
                            std::vector<CandidatePair>* pairs);

/// The links among candidate pairs of quotation indexes (xref/link_decision.h decides each;
/// relation and change classes from diff/), in the order of `pairs`, decided on `jobs`
/// threads. Reads the speakers and kept words (PreparedQuotes::words) of the pairs'
/// quotations; where both are kept, a pair without enough shared words is rejected on them,
/// and `tokens` makes the tokens of the quotations of the other pairs.
std::vector<Link> DecidePairs(const std::vector<CandidatePair>& pairs,
                              const PreparedQuotes& prepared, PairTokens* tokens, unsigned jobs);

/// Decides `round`'s pairs, appending their links in the pairs' order; `next_pair` is the index
/// in the whole list of the first pair after the round (no later round has a pair before it).
using RoundDecider = std::function<void(const std::vector<CandidatePair>& round, size_t next_pair,
                                        std::vector<Link>* links)>;

/// The candidate pairs in rounds of `round_size` (CrossReferenceOptions::decide_round), each
/// decided by `decide`, the links appended to `links`. Unless `every_pair`, a pair whose
/// quotations the links of earlier rounds already joined (any relation but fragment) is left
/// out of its round when its lengths allow a whole link (`word_counts`, by quotation): it could
/// only join what is joined. `check` decides each round as it comes (DecidePairs); `batch`
/// decides every pair in parallel tasks first and replays the rounds over those links, which
/// gives the same links since a pair's link depends on the pair alone.
void DecideInRounds(const std::vector<CandidatePair>& pairs,
                    const std::vector<uint32_t>& word_counts, bool every_pair, size_t round_size,
                    const RoundDecider& decide, std::vector<Link>* links);

/// The link between two quotations with the same match key (a group's member and its
/// representative, or two members): verbatim when only typography differs, normalized
/// otherwise, never aligned; Link::member set, cluster taken from quotation a. `a_tokens`, when
/// given, are a's tokens (a representative diffed with many members is tokenised once).
Link SameWordsLink(const CheckResult& result, size_t a, size_t b, bool speakers_agree,
                   const TokenizedQuote* a_tokens = nullptr);

/// Appends, for each group, each member's link to its representative: the same words, so
/// verbatim when the texts are equal and normalized otherwise, without any alignment; groups
/// on `jobs` threads, the links in group order.
void AddMemberLinks(const QuoteGroups& groups, const std::vector<SpeakerEvidence>& speakers,
                    unsigned jobs, CheckResult* result);

/// A fragment link (shorter x, longer y) is dropped when y's document also quotes x's words
/// on their own: the shorter words were said separately ("I think he wants to make a deal,"
/// before "I think he wants to make a deal for me, …").
/// Reads of the quotations what clustering reads (ClusterQuotes: documents, kinds, keys).
void DropExplainedFragments(const ClusterQuotes& quotes, const QuoteGroups& groups,
                            std::vector<Link>* links);

}  // namespace quotecheck
