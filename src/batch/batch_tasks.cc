#include "batch/batch_tasks.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iterator>
#include <unordered_map>
#include <unordered_set>

#include "batch/batch_files.h"
#include "extract/read_documents.h"
#include "ingest/quote_store.h"
#include "xref/quote_clusters.h"
#include "xref/xref_steps.h"

namespace quotecheck {
namespace {

Status MakeDirectory(const std::string& path) {
  if (mkdir(path.c_str(), 0777) == 0 || errno == EEXIST) return Status::Ok();
  return Status::Error(fmt::format("{}: cannot make directory: {}", path, std::strerror(errno)));
}

// Block `block` of `blocks` over n pairs: [n·block/blocks, n·(block+1)/blocks).
std::pair<size_t, size_t> BlockRange(size_t n, size_t block, size_t blocks) {
  return {n * block / blocks, n * (block + 1) / blocks};
}

// Reads the file at `path` with `decode`, naming the file in an error.
template <typename T>
Status Load(const std::string& path, Status (*decode)(std::string_view, T*), T* value) {
  Result<std::string> bytes = ReadWholeFile(path);
  if (!bytes.ok()) return bytes.status();
  Status s = decode(bytes.value(), value);
  if (!s.ok()) return Status::Error(fmt::format("{}: {}", path, s.message()));
  return Status::Ok();
}

// groups.bin without its words (DecodeGroupHeads).
Status LoadGroupHeads(const std::string& dir, std::vector<uint64_t>* representative,
                      std::vector<uint32_t>* word_counts) {
  const std::string path = BatchTaskOutput(dir, BatchPhase::kGroups, 0);
  Result<std::string> bytes = ReadWholeFile(path);
  if (!bytes.ok()) return bytes.status();
  Status s = DecodeGroupHeads(bytes.value(), representative, word_counts);
  if (!s.ok()) return Status::Error(fmt::format("{}: {}", path, s.message()));
  return Status::Ok();
}

// The candidate pairs as quotation numbers, in the order FindCandidatePairs gives them, and
// how many quotations were capped: every count block merged.
Status LoadPairs(const BatchPlan& plan, const std::string& dir, std::vector<CandidatePair>* pairs,
                 size_t* capped) {
  std::vector<uint64_t> representative;
  std::vector<uint32_t> word_counts;
  Status s = LoadGroupHeads(dir, &representative, &word_counts);
  if (!s.ok()) return s;
  std::vector<std::vector<CandidatePair>> blocks(plan.blocks);
  bool any_truncated = false;
  *capped = 0;
  for (size_t b = 0; b < plan.blocks; ++b) {
    CountedPairs counted;
    s = Load(BatchTaskOutput(dir, BatchPhase::kCount, b), DecodeCountedPairs, &counted);
    if (!s.ok()) return s;
    blocks[b] = std::move(counted.pairs);
    *capped += counted.capped;
    any_truncated = any_truncated || counted.any_truncated;
  }
  *pairs = MergeCandidatePairs(std::move(blocks), any_truncated);
  // GroupPairsToQuotePairs, from the representatives the groups task wrote.
  for (CandidatePair& p : *pairs) {
    if (p.a >= representative.size() || p.b >= representative.size()) {
      return Status::Error("candidate pairs do not match the groups");
    }
    p.a = static_cast<uint32_t>(representative[p.a]);
    p.b = static_cast<uint32_t>(representative[p.b]);
  }
  return Status::Ok();
}

}  // namespace

std::string_view BatchPhaseNameOf(BatchPhase phase) {
  for (const BatchPhaseName& p : kBatchPhases) {
    if (p.phase == phase) return p.name;
  }
  return "?";
}

size_t BatchTaskCount(const BatchPlan& plan, BatchPhase phase) {
  switch (phase) {
    case BatchPhase::kRead:
      return plan.shards();
    case BatchPhase::kShingles:
      return plan.partitions;
    case BatchPhase::kCount:
    case BatchPhase::kDecide:
      return plan.blocks;
    case BatchPhase::kGroups:
    case BatchPhase::kFinish:
      return 1;
  }
  return 1;
}

std::string BatchTaskOutput(const std::string& dir, BatchPhase phase, size_t index) {
  switch (phase) {
    case BatchPhase::kRead:
      return fmt::format("{}/read/shard-{}.bin", dir, index);
    case BatchPhase::kGroups:
      return fmt::format("{}/groups.bin", dir);
    case BatchPhase::kShingles:
      return fmt::format("{}/shingles/part-{}.bin", dir, index);
    case BatchPhase::kCount:
      return fmt::format("{}/count/block-{}.bin", dir, index);
    case BatchPhase::kDecide:
      return fmt::format("{}/decide/block-{}.bin", dir, index);
    case BatchPhase::kFinish:
      return fmt::format("{}/report.status", dir);
  }
  return dir;
}

std::string ShardKeysPath(const std::string& dir, size_t shard) {
  return fmt::format("{}/read/keys-{}.bin", dir, shard);
}

std::string BatchTaskLog(const std::string& dir, BatchPhase phase, size_t index) {
  return fmt::format("{}/logs/{}-{}.log", dir, BatchPhaseNameOf(phase), index);
}

std::string BatchPlanPath(const std::string& dir) { return dir + "/plan.txt"; }

Status MakeBatchDirectories(const std::string& dir) {
  for (const char* sub : {"", "/read", "/shingles", "/count", "/decide", "/logs"}) {
    Status s = MakeDirectory(dir + sub);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Status RunReadTask(const BatchPlan& plan, const std::string& dir, size_t shard,
                   const QuoteExtractor& extractor, const IngestOptions& ingest, unsigned jobs,
                   std::ostream& err) {
  if (shard >= plan.shards()) return Status::Error(fmt::format("no shard {}", shard));
  CheckResult part;
  // Runs of units with the same role, as check reads its references, then its paths. The
  // units are files already filtered and named once: no walk filter, no FileSet.
  IngestOptions unit_ingest = ingest;
  unit_ingest.walk = PathFilter{};
  std::vector<ReadPiece> pieces;
  const size_t end = plan.shard_end[shard];
  for (size_t u = plan.shard_begin(shard); u < end;) {
    const BatchUnit& unit = plan.units[u];
    if (unit.piece) {  // a piece of a quote store, as ReadDocuments reads a whole one
      ReadPiece piece;
      piece.doc_begin = part.documents.size();
      piece.continues = unit.begin > 0;
      const size_t diagnostics = part.diagnostics.size();
      ReadQuoteStorePiece(unit.path, unit.begin, unit.end, unit.first_line, &part, &piece.opened);
      for (size_t i = diagnostics; i < part.diagnostics.size(); ++i) {
        err << FormatDiagnostic(part.diagnostics[i]);
      }
      piece.doc_end = part.documents.size();
      for (size_t d = piece.doc_begin; d < piece.doc_end; ++d) {
        part.documents[d].primary = unit.primary || part.documents[d].meta.role == "primary";
      }
      pieces.push_back(std::move(piece));
      ++u;
      continue;
    }
    std::vector<std::string> run;
    const bool primary = unit.primary;
    for (; u < end && !plan.units[u].piece && plan.units[u].primary == primary; ++u) {
      run.push_back(plan.units[u].path);
    }
    ReadDocuments(run, primary, /*draft=*/false, Severity::kInfo, extractor, unit_ingest, jobs,
                  /*keep=*/nullptr, err, &part, /*texts=*/nullptr, /*seen=*/nullptr);
  }
  // The keys and words the groups task needs, so that it never loads the quotations. Written
  // before the part: a part that exists has its keys.
  ShardKeys keys;
  keys.keys.resize(part.quotes.size());
  keys.words.resize(part.quotes.size());
  std::unordered_set<std::string_view> seen;
  for (size_t i = 0; i < part.quotes.size(); ++i) {
    QuoteKeyWords kw = KeyAndWords(part.quotes[i]);
    keys.keys[i] = std::move(kw.key);
    if (!keys.keys[i].empty() && seen.insert(keys.keys[i]).second) {
      keys.words[i] = std::move(kw.words);
    }
  }
  Status s = WriteFileAtomically(ShardKeysPath(dir, shard), EncodeShardKeys(keys));
  if (!s.ok()) return s;
  return WriteFileAtomically(BatchTaskOutput(dir, BatchPhase::kRead, shard),
                             EncodeReadPart(part, pieces));
}

Status LoadReadParts(const BatchPlan& plan, const std::string& dir, CheckResult* result,
                     const std::vector<bool>* keep, bool drop_others) {
  QuoteStoreJoin join;  // a store cut into pieces may span parts
  size_t seen = result->quotes.size();
  for (size_t s = 0; s < plan.shards(); ++s) {
    const std::string path = BatchTaskOutput(dir, BatchPhase::kRead, s);
    Result<std::string> bytes = ReadWholeFile(path);
    if (!bytes.ok()) return bytes.status();
    Status st = AppendReadPart(bytes.value(), &join, result, keep, drop_others, &seen);
    if (!st.ok()) return Status::Error(fmt::format("{}: {}", path, st.message()));
  }
  return Status::Ok();
}

Status RunGroupsTask(const BatchPlan& plan, const std::string& dir) {
  // The shards' keys (not their quotations): groups as GroupEqualQuotes makes them, each
  // representative's words from the shard that holds it.
  std::vector<std::string> keys;
  std::vector<std::vector<uint64_t>> first_words;  // by quotation; only first of a shard's key
  for (size_t shard = 0; shard < plan.shards(); ++shard) {
    ShardKeys part;
    Status s = Load(ShardKeysPath(dir, shard), DecodeShardKeys, &part);
    if (!s.ok()) return s;
    std::move(part.keys.begin(), part.keys.end(), std::back_inserter(keys));
    std::move(part.words.begin(), part.words.end(), std::back_inserter(first_words));
  }
  const QuoteGroups groups = GroupEqualKeys(keys);
  keys = {};
  GroupWords words;
  words.representative.assign(groups.representative.begin(), groups.representative.end());
  words.words.resize(groups.representative.size());
  words.weights.resize(groups.representative.size());
  for (size_t g = 0; g < groups.representative.size(); ++g) {
    words.words[g] = std::move(first_words[groups.representative[g]]);
    words.weights[g] = static_cast<uint32_t>(groups.members[g].size());
  }
  return WriteFileAtomically(BatchTaskOutput(dir, BatchPhase::kGroups, 0), EncodeGroupWords(words));
}

Status RunShinglesTask(const BatchPlan& plan, const std::string& dir, size_t partition,
                       unsigned jobs) {
  GroupWords words;
  Status s = Load(BatchTaskOutput(dir, BatchPhase::kGroups, 0), DecodeGroupWords, &words);
  if (!s.ok()) return s;
  NgramIndexOptions index;
  index.jobs = jobs;
  return WriteFileAtomically(BatchTaskOutput(dir, BatchPhase::kShingles, partition),
                             EncodeShingleLists(ShinglePartition(words.words, index, words.weights,
                                                                 partition, plan.partitions)));
}

Status RunCountTask(const BatchPlan& plan, const std::string& dir, size_t block) {
  std::vector<uint64_t> representative;
  std::vector<uint32_t> word_counts;
  Status s = LoadGroupHeads(dir, &representative, &word_counts);
  if (!s.ok()) return s;
  representative = {};
  std::vector<ShingleLists> partitions(plan.partitions);
  for (size_t h = 0; h < plan.partitions; ++h) {
    s = Load(BatchTaskOutput(dir, BatchPhase::kShingles, h), DecodeShingleLists, &partitions[h]);
    if (!s.ok()) return s;
  }
  const NgramIndexOptions options;
  const CandidateIndex index = JoinShingleLists(std::move(partitions), word_counts.size(), options);
  const auto [begin, end] = BlockRange(word_counts.size(), block, plan.blocks);
  CountedPairs counted;
  counted.pairs = CountCandidatePairs(word_counts, index, options, begin, end, &counted.capped);
  counted.any_truncated =
      std::find(index.truncated.begin(), index.truncated.end(), true) != index.truncated.end();
  return WriteFileAtomically(BatchTaskOutput(dir, BatchPhase::kCount, block),
                             EncodeCountedPairs(counted));
}

Status RunDecideTask(const BatchPlan& plan, const std::string& dir, size_t block,
                     const SpeakerKeyer& keyer, unsigned jobs) {
  if (block >= plan.blocks) return Status::Error(fmt::format("no block {}", block));
  std::vector<CandidatePair> pairs;
  size_t capped = 0;
  Status s = LoadPairs(plan, dir, &pairs, &capped);
  if (!s.ok()) return s;
  const auto [begin, end] = BlockRange(pairs.size(), block, plan.blocks);
  std::vector<CandidatePair> mine(pairs.begin() + static_cast<std::ptrdiff_t>(begin),
                                  pairs.begin() + static_cast<std::ptrdiff_t>(end));
  pairs = {};
  // Only the quotations of this block's pairs are loaded, numbered densely in input order;
  // the pairs are decided on those numbers and their links given the global ones back (a
  // link depends on its pair's two quotations alone).
  std::vector<bool> needed;
  for (const CandidatePair& p : mine) {
    if (std::max(p.a, p.b) >= needed.size()) needed.resize(std::max(p.a, p.b) + 1, false);
    needed[p.a] = needed[p.b] = true;
  }
  std::vector<uint32_t> global;  // dense number → quotation number
  std::vector<uint32_t> dense(needed.size(), 0);
  for (size_t i = 0; i < needed.size(); ++i) {
    if (!needed[i]) continue;
    dense[i] = static_cast<uint32_t>(global.size());
    global.push_back(static_cast<uint32_t>(i));
  }
  for (CandidatePair& p : mine) {
    p.a = dense[p.a];
    p.b = dense[p.b];
  }
  dense = {};
  CheckResult result;
  s = LoadReadParts(plan, dir, &result, &needed, /*drop_others=*/true);
  if (!s.ok()) return s;
  if (result.quotes.size() != global.size()) {
    return Status::Error("candidate pairs do not match the read parts");
  }
  needed = {};
  PreparedQuotes prepared;
  PrepareQuotes(keyer, jobs, /*tokenise=*/nullptr, &result, &prepared);
  std::vector<Link> links = DecidePairs(mine, prepared, jobs);
  for (Link& link : links) {
    link.a = global[link.a];
    link.b = global[link.b];
  }
  return WriteFileAtomically(BatchTaskOutput(dir, BatchPhase::kDecide, block), EncodeLinks(links));
}

Status CrossReferenceFromTasks(const BatchPlan& plan, const std::string& dir,
                               const CrossReferenceOptions& options, CheckResult* result,
                               QuoteFacts* facts) {
  Status s = LoadReadParts(plan, dir, result);
  if (!s.ok()) return s;
  std::vector<CandidatePair> pairs;
  s = LoadPairs(plan, dir, &pairs, &result->capped_candidates);
  if (!s.ok()) return s;
  PreparedQuotes prepared;
  PrepareQuotes(KeyerOrDefault(options.keyer), std::max(1u, options.jobs), /*tokenise=*/nullptr,
                result, &prepared);
  const QuoteGroups groups = GroupEqualQuotes(prepared.keys, *result);
  for (size_t i = 0; i < result->quotes.size(); ++i) {  // as CrossReference keeps them
    const uint32_t g = groups.group_of[i];
    if (g == QuoteGroups::kNone || groups.representative[g] != i) {
      prepared.tokens[i] = TokenizedQuote{};
    }
  }
  // Every pair's link, as the decide tasks found it.
  std::vector<Link> decided;
  for (size_t b = 0; b < plan.blocks; ++b) {
    const std::string path = BatchTaskOutput(dir, BatchPhase::kDecide, b);
    Result<std::string> bytes = ReadWholeFile(path);
    if (!bytes.ok()) return bytes.status();
    s = AppendLinks(bytes.value(), &decided);
    if (!s.ok()) return Status::Error(fmt::format("{}: {}", path, s.message()));
  }
  auto pair_key = [](size_t a, size_t b) { return (static_cast<uint64_t>(a) << 32) | b; };
  std::unordered_map<uint64_t, size_t> link_of;
  link_of.reserve(decided.size());
  for (size_t k = 0; k < decided.size(); ++k) {
    if (decided[k].a >= result->quotes.size() || decided[k].b >= result->quotes.size()) {
      return Status::Error("decided links do not match the read parts");
    }
    link_of[pair_key(decided[k].a, decided[k].b)] = k;
  }
  result->links.clear();
  AddMemberLinks(groups, prepared.speakers, result);
  // check's rounds replayed: a round's links are those the tasks decided for its pairs.
  DecideInRounds(
      pairs, prepared.tokens, options.decide_every_pair, options.decide_round,
      [&](const std::vector<CandidatePair>& round, std::vector<Link>* links) {
        for (const CandidatePair& p : round) {
          auto it = link_of.find(pair_key(p.a, p.b));
          if (it != link_of.end()) links->push_back(std::move(decided[it->second]));
        }
      },
      &result->links);
  prepared.tokens = {};
  DropExplainedFragments(prepared.keys, groups, result);
  BuildClusters(prepared.keys, result);
  *facts = std::move(static_cast<QuoteFacts&>(prepared));
  return Status::Ok();
}

}  // namespace quotecheck
