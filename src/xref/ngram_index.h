#pragma once

#include "core/hash.h"
/// Candidate generation for cross-referencing: an inverted index of word n-grams.
///
/// Each quotation is given as the hashes of its words' match keys. Every run of
/// `ngram` consecutive words is a shingle; quotations that share a shingle are candidate
/// pairs. No shingle makes every quotation that prints it a candidate of every other: one
/// found in more than `max_document_frequency` quotations ("at the end of the day") pairs
/// them with a few hubs only, and one in more than 2 × `neighbours` + 1 pairs each with its
/// neighbours. No pair is ever compared unless it shares a shingle: the work grows with the
/// number of shared shingles, not with the square of the number of quotations.
/// Quotations shorter than the shingle are indexed by their whole key instead, so they
/// only meet quotations that contain all their words in a row.

#include <cstdint>
#include <string_view>
#include <vector>

namespace quotecheck {

struct NgramIndexOptions {
  size_t ngram = 4;
  size_t max_document_frequency = 64;
  /// In a shingle's list of quotations (input order) that is not common (at most
  /// max_document_frequency), each quotation is paired with the `neighbours` before it and
  /// the `neighbours` after it, not with every other: at most 2 × neighbours pairs a
  /// quotation a list, however many print the shingle. Why: the versions of one utterance
  /// share its rare shingles, and their number grows with the store, so pairing all of them
  /// made the pairs per quotation grow with the store (gen_quote_store_hard.py: 5.1 a
  /// quotation at 250k, 9.8 at 1M; 4.8 and 7.7 with 16 neighbours). Versions that are near
  /// one another in the input (the coverage of one event) still meet, and scattered ones are
  /// joined through the neighbours they share. At 16, NewsWCL50 and the seeds link exactly
  /// as with none; on scripts/gen_quote_store.py's 100k store, 1,042 quotations clustered
  /// only with other stories' quotations through shared phrases are no longer, and 4
  /// clustered with their own story's are not; at 8 NewsWCL50 changed. 0: every pair.
  size_t neighbours = 16;
  /// Shingles two quotations must share to be candidates: a pair that shares a run of
  /// ngram + 1 words shares two. One is enough when a side has at most `ngram` words.
  uint32_t min_shared = 2;
  /// Threads counting shared shingles.
  unsigned jobs = 1;
  /// A quotation's pairs with later quotations, at most this many: those sharing the most
  /// shingles. Versions of one utterance share many; a quotation of a store where many
  /// share phrases would otherwise be aligned with every one of them. 0: no bound.
  /// At 16 rather than 48, on gen_quote_store_hard.py's store, whose generator tells which
  /// copies are one quotation: candidate pairs at 1 M 4.7 M instead of 8.1 M (250 k: 1.0 M
  /// instead of 1.2 M), so that they grow x4.7 rather than x6.7 with the store; copies of one
  /// quotation clustered together 96.3% rather than 96.5% of pairs, links between them 518 k
  /// rather than 515 k, links between different quotations that share phrases 383 k rather
  /// than 409 k. On NewsWCL50 every scored figure and finding is the same; two links of one
  /// word ("optimistic") to a longer quotation are no longer made, one of them to another
  /// event's article. The seeds are unchanged.
  size_t max_candidates = 16;
  /// Shingles of one quotation that count, at most this many: its rarest, those on the
  /// fewest quotations (see FindCandidatePairs). Versions of one utterance share its rare
  /// shingles; what grows with the store is the phrases a quotation shares with others, so
  /// that without this bound the pairs counted per quotation grow with the store (on
  /// gen_quote_store_hard.py: 4 candidates a quotation at 100 k, 8 at 250 k, 15 at 1 M). At 12,
  /// 0.3% of the quotations clustered on that 100 k store lose their cluster (heavily
  /// mutated copies) for 28% fewer pairs; NewsWCL50 and the seeds link exactly as before.
  /// 0: all.
  size_t max_shingles = 12;
};

struct CandidatePair {
  uint32_t a = 0;  // a < b, quotation indexes
  uint32_t b = 0;
  uint32_t shared = 0;  // shingles the two share
};

/// The candidate pairs among `quotes` (each a list of word-key hashes), sorted by (a, b).
/// Pairs inside one document are kept too (they find a document quoting the same words
/// twice).
///
/// A shingle in more than max_document_frequency quotations is not dropped outright: its
/// quotations become candidates of its kHubsPerCommonShingle heaviest ones only (`weights`,
/// e.g. how many copies a representative stands for; empty: all 1), so that a quotation
/// printed by thousands of outlets, whose every shingle is common, still meets its most
/// printed form, and the work stays linear in the list's length.
/// A quotation on more than max_shingles posting lists counts only its rarest; it may then
/// miss a later quotation it shares only other shingles with, so every later quotation also
/// counts the earlier truncated ones (a pair found from both sides is kept once, with the
/// larger count). Without truncation the pairs are exactly those of counting every list.
/// `capped`, when given, receives how many quotations had more than max_candidates pairs.
std::vector<CandidatePair> FindCandidatePairs(const std::vector<std::vector<uint64_t>>& quotes,
                                              const NgramIndexOptions& options,
                                              const std::vector<uint32_t>& weights = {},
                                              size_t* capped = nullptr);

/// See FindCandidatePairs: the heaviest quotations of a common shingle that every other
/// quotation of it is paired with.
inline constexpr size_t kHubsPerCommonShingle = 4;

// The steps of FindCandidatePairs, callable on parts so that `batch` (batch/batch_tasks.h)
// finds exactly the same pairs with the shingles cut into partitions by hash and the
// quotations into blocks: FindCandidatePairs is these steps with one partition, one block
// per thread.
//   ShinglePartition (each partition) → JoinShingleLists (all, in partition order) →
//   CountCandidatePairs (each block of quotations) → MergeCandidatePairs (all, in block order)

/// The posting lists of the shingles in one partition (hash % partitions), each of two
/// quotations or more, in shingle order: members ascending, and for a list longer than
/// max_document_frequency its hubs (kHubsPerCommonShingle heaviest members).
struct ShingleLists {
  std::vector<uint64_t> shingle;     // per list
  std::vector<uint32_t> member_end;  // per list: its members end here in `members`
  std::vector<uint32_t> members;     // quotation numbers
  std::vector<uint32_t> hub_end;     // per list: its hubs end here in `hubs`
  std::vector<uint32_t> hubs;        // quotation numbers; none for a list under the cap
  size_t size() const { return shingle.size(); }
};

/// The lists of the shingles of `quotes` that fall in `partition` of `partitions`, on up to
/// two threads (`options.jobs`).
ShingleLists ShinglePartition(const std::vector<std::vector<uint64_t>>& quotes,
                              const NgramIndexOptions& options,
                              const std::vector<uint32_t>& weights, size_t partition,
                              size_t partitions);

/// The lists of every partition in shingle order (the order of one partition's lists: the
/// order a quotation meets its lists in decides which of equally shared candidates it
/// keeps), and for each quotation the lists it counts: its rarest max_shingles (fewest
/// members; ties: the smaller shingle), with whether it was truncated.
struct CandidateIndex {
  ShingleLists lists;
  /// One list a quotation counts, with the quotation's own place among the list's members
  /// (an index into lists.members): counting pairs it with the neighbours around that place
  /// (NgramIndexOptions::neighbours) without searching a long list for it.
  struct ListPlace {
    uint32_t list = 0;
    uint32_t member = 0;
  };
  /// Per quotation q, the lists it counts: lists_of[lists_begin[q] .. lists_end[q]) (one
  /// array for all: a vector per quotation cost an allocation each).
  std::vector<ListPlace> lists_of;
  std::vector<uint32_t> lists_begin;  // quotations + 1 entries
  std::vector<uint32_t> lists_end;
  std::vector<bool> truncated;
};
CandidateIndex JoinShingleLists(std::vector<ShingleLists> partitions, size_t quotes,
                                const NgramIndexOptions& options);

/// The pairs that quotations [begin, end) count (FindCandidatePairs), sorted by (a, b), a
/// pair found from both sides once with the larger count; `capped` receives how many had
/// more than max_candidates.
/// `word_counts`: each quotation's number of words (all counting reads of the quotations).
std::vector<CandidatePair> CountCandidatePairs(const std::vector<uint32_t>& word_counts,
                                               const CandidateIndex& index,
                                               const NgramIndexOptions& options, size_t begin,
                                               size_t end, size_t* capped);

/// The blocks' pairs (each block as CountCandidatePairs gives it) in block order: a pair
/// found from both sides once, with the larger count, all in (a, b) order when any quotation
/// was truncated (`index.truncated`): then the blocks are merged, linear in the pairs.
std::vector<CandidatePair> MergeCandidatePairs(std::vector<std::vector<CandidatePair>> blocks,
                                               bool any_truncated);

}  // namespace quotecheck
