#pragma once
/// The files `batch` tasks hand each other (batch/batch_tasks.h): the part of a CheckResult
/// that reading gives (documents, quotations, diagnostics, errors and counts), candidate
/// pairs, and links. A compact binary form, written and read by this one pair of functions
/// per kind, so that a value read back is the value written, bit for bit (doubles included):
/// what makes `batch` print the bytes `check` prints.
///
/// Every file is written under a temporary name in its directory and renamed when complete
/// (WriteFileAtomically), so a file that exists is whole: a task whose output exists is done.

#include <array>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/check_model.h"
#include "core/output_file.h"
#include "core/status.h"
#include "ingest/quote_store_pieces.h"
#include "xref/ngram_index.h"

namespace quotecheck {

/// Writes `bytes` to `path` through a temporary file beside it ("path.tmp-XXXXXX") and a
/// rename (core/output_file.h).
Status WriteFileAtomically(const std::string& path, const std::string& bytes);
/// Opens `file` for `path` and commits it (core/output_file.h), their failures as errors
/// naming the path: a file written in pieces.
Status OpenFile(const std::string& path, OutputFile* file);
Status CommitFile(const std::string& path, OutputFile* file);
/// The whole content of the file at `path`.
Result<std::string> ReadWholeFile(const std::string& path);

/// A piece of a quote store that a read task read (ingest/quote_store.h
/// ReadQuoteStorePiece): its documents in the part and how each opened.
struct ReadPiece {
  uint64_t doc_begin = 0;
  uint64_t doc_end = 0;
  bool continues = false;  // pieces of the same store come before it
  std::vector<StorePieceOpening> opened;
};

/// documents, quotes, diagnostics, errors, documents_read, documents_failed and bytes, and
/// the pieces of quote stores among the documents.
std::string EncodeReadPart(const CheckResult& result, const std::vector<ReadPiece>& pieces = {});
/// Appends a read part to `result` (documents and quotations after those it has, with the
/// quotations' document numbers moved by as many; counts added), as reading its inputs
/// after the ones already read would have. The documents of its store pieces go through
/// `join` (ingest/quote_store_pieces.h), which holds the pieces of the parts appended before
/// (a part's first piece may continue the last part's last one): give the same join to the
/// parts of one result, in order.
/// With `keep`, a quotation whose number (counting every quotation of the parts appended so
/// far, `*seen` of them before this part) is not in it is appended as an empty QuoteRecord of
/// its document, so that numbers stay the same and memory holds only the quotations a task
/// reads; or, with `drop_others`, not appended at all (the kept ones numbered densely, in
/// order).
Status AppendReadPart(std::string_view bytes, QuoteStoreJoin* join, CheckResult* result,
                      const std::vector<bool>* keep = nullptr, bool drop_others = false,
                      size_t* seen = nullptr, std::vector<uint32_t>* doc_numbers = nullptr);
/// How many documents the read part at `path` holds, from its header alone: room for the
/// documents of the parts before they are appended (AppendReadPart may join some into
/// documents before them, so it is at most the number appended).
Result<uint64_t> ReadPartDocumentCount(const std::string& path);
/// Each quotation of a read part in order, with its number (from `*seen`, which counts the
/// part's quotations on), given to `fn` without reading the documents: its `doc` is the
/// part's own document number (AppendReadPart's `doc_numbers` gives the run's). What a task
/// that reads quotations one at a time reads (decide keeps those it needs; clusters reduces
/// each to a row), in a fraction of the memory of a whole CheckResult.
Status ForEachReadPartQuote(std::string_view bytes, size_t* seen,
                            const std::function<void(size_t, QuoteRecord&&)>& fn);

/// What a read task gives the groups task, per quotation of its shard: its match key (empty
/// for a term) and, for the first quotation of the shard with each key, its word hashes (a
/// group's representative is the first with its key, so it is the first of its shard).
struct ShardKeys {
  std::vector<std::string> keys;
  std::vector<std::vector<uint64_t>> words;  // per quotation; empty but for the first of a key
};
std::string EncodeShardKeys(const ShardKeys& keys);
/// Each quotation of a keys file in order, its key and its words given to `fn` (never all
/// held at once: the groups task reads the keys a shard at a time).
Status ForEachShardKey(std::string_view bytes,
                       const std::function<void(std::string_view, std::vector<uint64_t>&&)>& fn);

/// What the candidate step indexes: per group of equal quotations, its representative's
/// quotation number, its weight (members) and its word hashes (xref/xref_steps.h).
struct GroupWords {
  std::vector<uint64_t> representative;
  std::vector<uint32_t> weights;
  std::vector<std::vector<uint64_t>> words;
};
std::string EncodeGroupWords(const GroupWords& groups);
/// The same written to a file a group at a time, as it is encoded (as WriteFileAtomically
/// writes: whole or absent): the groups task never holds the words of every group.
class GroupWordsWriter {
 public:
  /// Opens `path` for `groups` groups.
  Status Open(const std::string& path, size_t groups);
  /// The next group.
  void Add(uint64_t representative, uint32_t weight, const std::vector<uint64_t>& words);
  /// Renames the file into place; an error when Add was not called once per group.
  Status Commit();

 private:
  std::string path_;
  OutputFile file_;
  std::string encoded_;  // not yet written
  size_t groups_ = 0;
  size_t added_ = 0;
};
Status DecodeGroupWords(std::string_view bytes, GroupWords* groups);
/// Of the same file, per group its representative and how many words it has, the words
/// skipped: what the count, decide and finish tasks need, without the words' memory.
Status DecodeGroupHeads(std::string_view bytes, std::vector<uint64_t>* representative,
                        std::vector<uint32_t>* word_counts);

/// One partition's posting lists (xref/ngram_index.h).
std::string EncodeShingleLists(const ShingleLists& lists);
Status DecodeShingleLists(std::string_view bytes, ShingleLists* lists);

/// One block's counted candidate pairs, how many of its quotations were capped, and whether
/// any quotation of the whole index was truncated (MergeCandidatePairs needs it).
struct CountedPairs {
  std::vector<CandidatePair> pairs;
  size_t capped = 0;
  bool any_truncated = false;
};
std::string EncodeCountedPairs(const CountedPairs& counted);
Status DecodeCountedPairs(std::string_view bytes, CountedPairs* counted);

/// Links as DecidePairs makes them (every field).
std::string EncodeLinks(const std::vector<Link>& links);
/// Appends the links of `bytes` to `links`.
Status AppendLinks(std::string_view bytes, std::vector<Link>* links);

/// Links with each one's place in an order (the clusters task's evidence links for one
/// findings task, each with its index among all of them).
struct OrderedLinks {
  std::vector<uint64_t> order;
  std::vector<Link> links;
};
std::string EncodeOrderedLinks(const OrderedLinks& links);
Status DecodeOrderedLinks(std::string_view bytes, OrderedLinks* links);

/// A cluster as the findings and write tasks need it (Cluster without its id, which is "c" and
/// its number from 1, and without its members, which are the quotations that name it), and the
/// findings task that weighs it.
struct ClusterHead {
  uint64_t canonical = 0;
  uint64_t first = 0;
  std::optional<uint64_t> primary;
  std::vector<std::string> speakers;
  uint32_t task = 0;
};
/// What the clusters task gives the findings and write tasks: each quotation's cluster (its
/// index, kNone for none), each cluster, and how many quotations had their candidates capped.
struct ClusterTable {
  static constexpr uint32_t kNone = UINT32_MAX;
  std::vector<uint32_t> cluster_of;
  std::vector<ClusterHead> clusters;
  uint64_t capped_candidates = 0;
};
std::string EncodeClusterTable(const ClusterTable& table);
Status DecodeClusterTable(std::string_view bytes, ClusterTable* table);

/// What a findings task counted: its link records, its findings by severity (SeverityRank),
/// and the clusters --links all wrote as parent links (xref/link_output.h LinkOutputStats).
struct FindingsTally {
  uint64_t links = 0;
  std::array<size_t, 3> findings{};
  uint64_t capped_clusters = 0;
  uint64_t capped_pairs = 0;
};
std::string EncodeFindingsTally(const FindingsTally& tally);
Status DecodeFindingsTally(std::string_view bytes, FindingsTally* tally);

/// Where a record goes among the records of all tasks: ordered by stage, then first, then
/// second (records of one task come in that order; the write task merges the tasks' files).
struct RecordOrder {
  uint8_t stage = 0;
  uint64_t first = 0;
  uint64_t second = 0;
  auto operator<=>(const RecordOrder&) const = default;
};
/// Appends one formatted record (a line without its newline) with its order to `out`.
void AppendOrderedRecord(const RecordOrder& order, std::string_view record, std::string* out);
/// Reads a file of AppendOrderedRecord's records one at a time (the file is never held whole).
class OrderedRecordReader {
 public:
  Status Open(const std::string& path);
  /// The next record; false at the end of the file; an error when it is cut short.
  Result<bool> Next(RecordOrder* order, std::string* record);

 private:
  std::string path_;
  std::ifstream in_;
};

}  // namespace quotecheck
