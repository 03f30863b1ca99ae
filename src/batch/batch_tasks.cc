#include "batch/batch_tasks.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>
#include <queue>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "batch/batch_files.h"
#include "core/release_memory.h"
#include "extract/read_documents.h"
#include "findings/check_findings.h"
#include "ingest/quote_store.h"
#include "report/check_jsonl_printer.h"
#include "report/jsonl_printer.h"
#include "xref/disjoint_sets.h"
#include "xref/key_numbers.h"
#include "xref/link_output.h"
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
    case BatchPhase::kFindings:
      return plan.blocks;
    case BatchPhase::kGroups:
    case BatchPhase::kClusters:
    case BatchPhase::kWrite:
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
    case BatchPhase::kClusters:
      return fmt::format("{}/clusters.bin", dir);
    case BatchPhase::kFindings:
      return fmt::format("{}/findings/tally-{}.bin", dir, index);
    case BatchPhase::kWrite:
      return fmt::format("{}/report.status", dir);
  }
  return dir;
}

std::string ShardKeysPath(const std::string& dir, size_t shard) {
  return fmt::format("{}/read/keys-{}.bin", dir, shard);
}

std::vector<std::string> BatchTaskFiles(const BatchPlan& plan, const std::string& dir,
                                        BatchPhase phase, size_t index) {
  std::vector<std::string> files;
  if (phase == BatchPhase::kRead) files.push_back(ShardKeysPath(dir, index));
  if (phase == BatchPhase::kClusters) {
    for (size_t task = 0; task < BatchTaskCount(plan, BatchPhase::kFindings); ++task) {
      files.push_back(ClusterLinksPath(dir, task));
    }
  }
  if (phase == BatchPhase::kFindings) {
    files.push_back(FindingsRecordsPath(dir, index, /*links=*/true));
    files.push_back(FindingsRecordsPath(dir, index, /*links=*/false));
  }
  if (phase == BatchPhase::kWrite) {
    files.push_back(BatchReportPath(dir));
    files.push_back(BatchReportErrPath(dir));
  }
  files.push_back(BatchTaskOutput(dir, phase, index));
  return files;
}

std::string BatchReportPath(const std::string& dir) { return dir + "/report.jsonl"; }
std::string BatchReportErrPath(const std::string& dir) { return dir + "/report.stderr"; }

std::string ClusterLinksPath(const std::string& dir, size_t task) {
  return fmt::format("{}/clusters/links-{}.bin", dir, task);
}

std::string FindingsRecordsPath(const std::string& dir, size_t task, bool links) {
  return fmt::format("{}/findings/{}-{}.bin", dir, links ? "links" : "findings", task);
}

std::string BatchTaskLog(const std::string& dir, BatchPhase phase, size_t index) {
  return fmt::format("{}/logs/{}-{}.log", dir, BatchPhaseNameOf(phase), index);
}

std::string BatchPlanPath(const std::string& dir) { return dir + "/plan.txt"; }

Status MakeBatchDirectories(const std::string& dir) {
  for (const char* sub :
       {"", "/read", "/shingles", "/count", "/decide", "/clusters", "/findings", "/logs"}) {
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

Status RunGroupsTask(const BatchPlan& plan, const std::string& dir) {
  // Groups as GroupEqualQuotes makes them, from the shards' keys (never the quotations), a
  // shard at a time: a group is its key's number (KeyNumbers numbers keys in order of first
  // appearance, as groups are numbered), its representative the first quotation with it, a
  // term's key empty and in no group. Each distinct key is held once; the words are not held:
  // a second read of the keys files writes each representative's words (the first of its key
  // in its shard, so its shard's keys file has them) as the groups are written.
  auto each_key =
      [&](const std::function<void(size_t, std::string_view, std::vector<uint64_t> &&)>& fn)
      -> Status {
    size_t i = 0;  // the quotation's number in the run
    for (size_t shard = 0; shard < plan.shards(); ++shard) {
      const std::string path = ShardKeysPath(dir, shard);
      Result<std::string> bytes = ReadWholeFile(path);
      if (!bytes.ok()) return bytes.status();
      Status s =
          ForEachShardKey(bytes.value(), [&](std::string_view key, std::vector<uint64_t>&& words) {
            fn(i++, key, std::move(words));
          });
      if (!s.ok()) return Status::Error(fmt::format("{}: {}", path, s.message()));
    }
    return Status::Ok();
  };
  std::vector<uint64_t> representative;  // per group
  std::vector<uint32_t> weight;          // per group, its members
  {
    KeyNumbers groups;
    Status s = each_key([&](size_t i, std::string_view key, std::vector<uint64_t>&&) {
      if (key.empty()) return;
      const uint32_t g = groups.Number(key);
      if (g == representative.size()) {
        representative.push_back(i);
        weight.push_back(0);
      }
      ++weight[g];
    });
    if (!s.ok()) return s;
  }
  const std::string path = BatchTaskOutput(dir, BatchPhase::kGroups, 0);
  GroupWordsWriter writer;
  Status s = writer.Open(path, representative.size());
  if (!s.ok()) return s;
  size_t g = 0;  // representatives come in input order
  s = each_key([&](size_t i, std::string_view, std::vector<uint64_t>&& words) {
    if (g < representative.size() && representative[g] == i) {
      writer.Add(i, weight[g], words);
      ++g;
    }
  });
  if (!s.ok()) return s;
  return writer.Commit();
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
  ReleaseMemory(representative);
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

namespace {

// Decides `pairs` (quotation numbers) on their quotations alone: those are loaded, numbered
// densely in input order, the pairs decided on those numbers and their links given the global
// ones back (a link depends on its pair's two quotations alone); appended to `links`.
Status DecideOnTheirQuotations(const BatchPlan& plan, const std::string& dir,
                               std::vector<CandidatePair> pairs, const SpeakerKeyer& keyer,
                               unsigned jobs, std::vector<Link>* links) {
  std::vector<bool> needed;
  for (const CandidatePair& p : pairs) {
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
  for (CandidatePair& p : pairs) {
    p.a = dense[p.a];
    p.b = dense[p.b];
  }
  ReleaseMemory(dense);
  CheckResult result;  // its quotations alone: deciding reads no document
  size_t seen = 0;
  for (size_t shard = 0; shard < plan.shards(); ++shard) {
    const std::string path = BatchTaskOutput(dir, BatchPhase::kRead, shard);
    Result<std::string> bytes = ReadWholeFile(path);
    if (!bytes.ok()) return bytes.status();
    Status s = ForEachReadPartQuote(bytes.value(), &seen, [&](size_t i, QuoteRecord&& q) {
      if (i < needed.size() && needed[i]) result.quotes.push_back(std::move(q));
    });
    if (!s.ok()) return Status::Error(fmt::format("{}: {}", path, s.message()));
  }
  if (result.quotes.size() != global.size()) {
    return Status::Error("candidate pairs do not match the read parts");
  }
  ReleaseMemory(needed);
  PreparedQuotes prepared;
  PrepareQuotes(keyer, jobs, /*tokenise=*/nullptr, &result, &prepared, /*keep_words=*/false);
  PairTokens tokens(result, pairs);
  for (Link& link : DecidePairs(pairs, prepared, &tokens, jobs)) {
    link.a = global[link.a];
    link.b = global[link.b];
    links->push_back(std::move(link));
  }
  return Status::Ok();
}

}  // namespace

Status RunDecideTask(const BatchPlan& plan, const std::string& dir, size_t block,
                     const SpeakerKeyer& keyer, unsigned jobs) {
  if (block >= plan.blocks) return Status::Error(fmt::format("no block {}", block));
  std::vector<CandidatePair> pairs;
  size_t capped = 0;
  Status s = LoadPairs(plan, dir, &pairs, &capped);
  if (!s.ok()) return s;
  // The quotations cut into B ranges; a pair belongs to the pair of ranges of its two
  // quotations, and the tasks take runs of range pairs of about as many pairs each. A task
  // decides its range pairs one at a time, holding the quotations of two ranges at most.
  const size_t ranges = plan.blocks;
  uint64_t end = 1;
  for (const CandidatePair& p : pairs) end = std::max<uint64_t>(end, std::max(p.a, p.b) + 1);
  auto range_pair = [&](const CandidatePair& p) {
    const uint64_t lo = std::min(p.a, p.b), hi = std::max(p.a, p.b);
    return static_cast<size_t>(lo * ranges / end * ranges + hi * ranges / end);
  };
  std::vector<size_t> count(ranges * ranges, 0);
  for (const CandidatePair& p : pairs) ++count[range_pair(p)];
  std::vector<size_t> task_of(count.size());
  size_t before = 0;
  for (size_t r = 0; r < count.size(); ++r) {
    task_of[r] =
        std::min(plan.blocks - 1, before * plan.blocks / std::max<size_t>(1, pairs.size()));
    before += count[r];
  }
  std::vector<std::vector<CandidatePair>> mine(count.size());
  for (const CandidatePair& p : pairs) {
    const size_t r = range_pair(p);
    if (task_of[r] == block) mine[r].push_back(p);
  }
  ReleaseMemory(pairs);
  std::vector<Link> links;
  for (std::vector<CandidatePair>& range : mine) {
    if (range.empty()) continue;
    s = DecideOnTheirQuotations(plan, dir, std::move(range), keyer, jobs, &links);
    if (!s.ok()) return s;
  }
  return WriteFileAtomically(BatchTaskOutput(dir, BatchPhase::kDecide, block), EncodeLinks(links));
}

namespace {

// Every read part in order: its documents joined into `documents` as every task joins them
// (AppendReadPart, no quotation kept), then each of its quotations given to `fn` with its
// number and its document's number in the run (ForEachReadPartQuote: never held together),
// then `part_read(begin, end)` with the range of the part's documents. The parts'
// diagnostics, errors and counts are added to `documents` too.
Status ForEachQuoteOfTheRun(const BatchPlan& plan, const std::string& dir, CheckResult* documents,
                            const std::function<void(size_t, QuoteRecord&&)>& fn,
                            const std::function<void(size_t, size_t)>& part_read) {
  QuoteStoreJoin join;  // a store cut into pieces may span parts
  const std::vector<bool> none;
  std::vector<uint32_t> doc_numbers;
  {  // Room for every part's documents at once (growing by doubling would hold up to twice).
    size_t documents_in_parts = documents->documents.size();
    for (size_t shard = 0; shard < plan.shards(); ++shard) {
      Result<uint64_t> count =
          ReadPartDocumentCount(BatchTaskOutput(dir, BatchPhase::kRead, shard));
      if (!count.ok()) return count.status();
      documents_in_parts += count.value();
    }
    documents->documents.reserve(documents_in_parts);
  }
  size_t seen = 0;
  for (size_t shard = 0; shard < plan.shards(); ++shard) {
    const size_t documents_before = documents->documents.size();
    const std::string path = BatchTaskOutput(dir, BatchPhase::kRead, shard);
    Result<std::string> bytes = ReadWholeFile(path);
    if (!bytes.ok()) return bytes.status();
    size_t counted = 0;
    Status s = AppendReadPart(bytes.value(), &join, documents, &none, /*drop_others=*/true,
                              &counted, &doc_numbers);
    if (s.ok()) {
      s = ForEachReadPartQuote(bytes.value(), &seen, [&](size_t i, QuoteRecord&& q) {
        q.doc = doc_numbers[q.doc];
        fn(i, std::move(q));
      });
    }
    if (!s.ok()) return Status::Error(fmt::format("{}: {}", path, s.message()));
    part_read(documents_before, documents->documents.size());
  }
  return Status::Ok();
}

// What the clusters task knows after cross-referencing: check's links and clusters. A member
// link (the same words as its group's representative) is only an edge to clustering: it is
// kept without its relation and diff, which the findings task that holds both texts makes
// (SameWordsLink, as AddMemberLinks does).
struct CrossReferenced {
  std::vector<Link> links;
  std::vector<Cluster> clusters;
  size_t quotes = 0;
  size_t capped_candidates = 0;
};

// The steps of CrossReference after deciding, on the tasks' files, over the compact table
// clustering reads (xref/quote_clusters.h ClusterQuotes), never the quotations' records: the
// read parts are read one at a time, each quotation tokenised for its match key and word
// count (what deciding in rounds reads) and reduced to its row of the table. The decide tasks
// decided every pair; check's rounds (xref/xref_steps.h DecideInRounds) are replayed over
// their links, so a pair check leaves undecided is left out here too.
Status CrossReferenceFromTasks(const BatchPlan& plan, const std::string& dir,
                               const CrossReferenceOptions& options, CrossReferenced* out) {
  ClusterQuotesBuilder builder;
  std::vector<uint32_t> word_counts;
  {
    // Each quotation reduced to its row as it is read.
    CheckResult part;
    Status s = ForEachQuoteOfTheRun(
        plan, dir, &part,
        [&](size_t, QuoteRecord&& q) {
          const TokenizedQuote t = TokenizeQuote(q.text);  // as PrepareQuotes tokenises
          builder.AddQuote(q, MatchKey(t));
          word_counts.push_back(t.word_count);
        },
        [&](size_t begin, size_t end) {
          // Of a document, clustering reads its date and whether it is primary.
          for (size_t d = begin; d < end; ++d) {
            DocumentInfo& doc = part.documents[d];
            for (std::string* field :
                 {&doc.id, &doc.path, &doc.meta.title, &doc.meta.outlet, &doc.meta.url}) {
              ReleaseMemory(*field);
            }
          }
          ReleaseMemory(part.diagnostics);
          ReleaseMemory(part.errors);
        });
    if (!s.ok()) return s;
    builder.SetDocuments(part.documents);
  }
  const ClusterQuotes quotes = builder.Take();
  out->quotes = quotes.size();
  std::vector<CandidatePair> pairs;
  Status s = LoadPairs(plan, dir, &pairs, &out->capped_candidates);
  if (!s.ok()) return s;
  QuoteGroups groups = GroupEqualQuotes(quotes);
  // Every pair's link, as the decide tasks found it, sorted by pair (a pair has one link at
  // most: the pairs are distinct) to be found by the rounds without a hash table.
  std::vector<Link> decided;
  for (size_t b = 0; b < plan.blocks; ++b) {
    const std::string path = BatchTaskOutput(dir, BatchPhase::kDecide, b);
    Result<std::string> bytes = ReadWholeFile(path);
    if (!bytes.ok()) return bytes.status();
    s = AppendLinks(bytes.value(), &decided);
    if (!s.ok()) return Status::Error(fmt::format("{}: {}", path, s.message()));
  }
  for (const Link& link : decided) {
    if (link.a >= quotes.size() || link.b >= quotes.size()) {
      return Status::Error("decided links do not match the read parts");
    }
  }
  auto by_pair = [](const Link& x, const Link& y) {
    return std::tie(x.a, x.b) < std::tie(y.a, y.b);
  };
  std::sort(decided.begin(), decided.end(), by_pair);
  std::vector<Link>& links = out->links;
  links.clear();
  size_t members = 0;
  for (const std::vector<size_t>& group : groups.members) members += group.size() - 1;
  links.reserve(members + decided.size());                   // no copy while it grows
  for (const std::vector<size_t>& group : groups.members) {  // AddMemberLinks' edges
    for (size_t k = 1; k < group.size(); ++k) {
      Link link;
      link.a = group.front();
      link.b = group[k];
      link.similarity = 1.0;
      link.member = true;
      links.push_back(std::move(link));
    }
  }
  // check's rounds replayed: a round's links are those the tasks decided for its pairs.
  DecideInRounds(
      pairs, word_counts, options.decide_every_pair, options.decide_round,
      [&](const std::vector<CandidatePair>& round, size_t, std::vector<Link>* round_links) {
        for (const CandidatePair& p : round) {
          Link key;
          key.a = p.a;
          key.b = p.b;
          auto it = std::lower_bound(decided.begin(), decided.end(), key, by_pair);
          if (it != decided.end() && it->a == p.a && it->b == p.b) {
            round_links->push_back(std::move(*it));
          }
        }
      },
      &links);
  ReleaseMemory(decided);
  ReleaseMemory(pairs);
  ReleaseMemory(word_counts);
  DropExplainedFragments(quotes, groups, &links);
  ReleaseMemory(groups);
  out->clusters = BuildClusters(quotes, &links);
  return Status::Ok();
}

std::string ClusterId(size_t cluster) { return "c" + std::to_string(cluster + 1); }

}  // namespace

Status RunClustersTask(const BatchPlan& plan, const std::string& dir,
                       const CrossReferenceOptions& options) {
  CrossReferenced result;
  Status s = CrossReferenceFromTasks(plan, dir, options, &result);
  if (!s.ok()) return s;
  const size_t n = result.quotes;
  ClusterTable table;
  table.capped_candidates = result.capped_candidates;
  table.cluster_of.assign(n, ClusterTable::kNone);
  for (size_t c = 0; c < result.clusters.size(); ++c) {
    for (size_t m : result.clusters[c].members) table.cluster_of[m] = static_cast<uint32_t>(c);
  }
  // The links' connected components: a link may join two clusters (a fragment's link to a
  // longer quotation other than its parent), and the tree of links check writes for a cluster
  // may run through it (xref/link_output.h), so a component's clusters are weighed together.
  // Components go to the tasks in order of their first cluster, about as many members each.
  std::vector<size_t> component_of(result.clusters.size());
  std::vector<size_t> component_members;
  size_t clustered = 0;
  {
    DisjointSets joined(n);
    for (const Link& link : result.links) joined.Join(link.a, link.b);
    std::unordered_map<size_t, size_t> component_of_root;
    for (size_t c = 0; c < result.clusters.size(); ++c) {
      const size_t root = joined.Find(result.clusters[c].members.front());
      auto [it, inserted] = component_of_root.emplace(root, component_members.size());
      if (inserted) component_members.push_back(0);
      component_of[c] = it->second;
      component_members[it->second] += result.clusters[c].members.size();
      clustered += result.clusters[c].members.size();
    }
  }
  const size_t tasks = plan.blocks;
  std::vector<uint32_t> task_of(component_members.size());
  size_t before = 0;
  for (size_t k = 0; k < component_members.size(); ++k) {
    task_of[k] =
        static_cast<uint32_t>(std::min(tasks - 1, before * tasks / std::max<size_t>(1, clustered)));
    before += component_members[k];
  }
  table.clusters.resize(result.clusters.size());
  for (size_t c = 0; c < result.clusters.size(); ++c) {
    Cluster& cluster = result.clusters[c];
    ClusterHead& head = table.clusters[c];
    head.canonical = cluster.canonical;
    head.first = cluster.first;
    if (cluster.primary) head.primary = *cluster.primary;
    head.speakers = std::move(cluster.speakers);
    head.task = task_of[component_of[c]];
  }
  ReleaseMemory(result.clusters);
  std::vector<OrderedLinks> by_task(tasks);
  for (size_t l = 0; l < result.links.size(); ++l) {
    const uint32_t c = table.cluster_of[result.links[l].a];
    if (c == ClusterTable::kNone) return Status::Error("a link to a quotation in no cluster");
    OrderedLinks& mine = by_task[table.clusters[c].task];
    mine.order.push_back(l);
    mine.links.push_back(std::move(result.links[l]));
  }
  ReleaseMemory(result.links);
  for (size_t f = 0; f < tasks; ++f) {
    s = WriteFileAtomically(ClusterLinksPath(dir, f), EncodeOrderedLinks(by_task[f]));
    if (!s.ok()) return s;
    by_task[f] = OrderedLinks{};
  }
  return WriteFileAtomically(BatchTaskOutput(dir, BatchPhase::kClusters, 0),
                             EncodeClusterTable(table));
}

Status RunFindingsTask(const BatchPlan& plan, const std::string& dir, size_t task,
                       const FindingContext& context, LinkOutput links_out, unsigned jobs) {
  ClusterTable table;
  Status s = Load(BatchTaskOutput(dir, BatchPhase::kClusters, 0), DecodeClusterTable, &table);
  if (!s.ok()) return s;
  OrderedLinks links;
  s = Load(ClusterLinksPath(dir, task), DecodeOrderedLinks, &links);
  if (!s.ok()) return s;
  // This task's clusters, and their members numbered densely in input order.
  const size_t n = table.cluster_of.size();
  std::vector<bool> keep(n, false);
  std::vector<uint32_t> global;  // dense number → quotation number
  std::vector<uint32_t> dense(n, 0);
  for (size_t q = 0; q < n; ++q) {
    const uint32_t c = table.cluster_of[q];
    if (c == ClusterTable::kNone || table.clusters[c].task != task) continue;
    keep[q] = true;
    dense[q] = static_cast<uint32_t>(global.size());
    global.push_back(static_cast<uint32_t>(q));
  }
  for (ClusterHead& head : table.clusters) {
    if (head.task != task) ReleaseMemory(head.speakers);  // only its own clusters' are read
  }
  // Its quotations and only their documents, in two reads of the parts: the first finds
  // which documents (as the join numbers them) its quotations name, the second keeps those
  // documents' fields alone as it goes (the others are emptied as soon as they are read).
  std::vector<bool> referenced;
  {
    CheckResult documents;
    s = ForEachQuoteOfTheRun(
        plan, dir, &documents,
        [&](size_t i, QuoteRecord&& q) {
          if (i >= keep.size() || !keep[i]) return;
          if (q.doc >= referenced.size()) referenced.resize(q.doc + 1, false);
          referenced[q.doc] = true;
        },
        [&](size_t begin, size_t end) {
          for (size_t d = begin; d < end; ++d) ReleaseMemory(documents.documents[d]);
          ReleaseMemory(documents.diagnostics);
          ReleaseMemory(documents.errors);
        });
    if (!s.ok()) return s;
    referenced.resize(documents.documents.size(), false);
  }
  CheckResult result;
  result.quotes.reserve(global.size());
  s = ForEachQuoteOfTheRun(
      plan, dir, &result,
      [&](size_t i, QuoteRecord&& q) {
        if (i < keep.size() && keep[i]) result.quotes.push_back(std::move(q));
      },
      [&](size_t begin, size_t end) {
        for (size_t d = begin; d < end; ++d) {
          if (d >= referenced.size() || !referenced[d]) ReleaseMemory(result.documents[d]);
        }
        ReleaseMemory(result.diagnostics);
        ReleaseMemory(result.errors);
      });
  if (!s.ok()) return s;
  if (result.quotes.size() != global.size() || referenced.size() != result.documents.size()) {
    return Status::Error("the cluster table does not match the read parts");
  }
  {  // Its documents alone, numbered densely in order (a record names a document by its id).
    std::vector<uint32_t> number(result.documents.size(), 0);
    size_t kept = 0;
    for (size_t d = 0; d < result.documents.size(); ++d) {
      if (!referenced[d]) continue;
      number[d] = static_cast<uint32_t>(kept);
      if (kept != d) result.documents[kept] = std::move(result.documents[d]);
      ++kept;
    }
    result.documents.resize(kept);
    result.documents.shrink_to_fit();
    for (QuoteRecord& q : result.quotes) q.doc = number[q.doc];
    ReleaseMemory(referenced);
  }
  // The quotations and clusters as check has them after cross-referencing.
  QuoteFacts facts;
  facts.keys.resize(global.size());
  facts.speakers.resize(global.size());
  std::vector<uint32_t> local(table.clusters.size(), ClusterTable::kNone);
  for (size_t i = 0; i < global.size(); ++i) {
    QuoteRecord& q = result.quotes[i];
    facts.speakers[i] = SpeakerEvidenceFilling(context.keyer, &q);
    facts.keys[i] = MatchKey(q.text);
    const uint32_t c = table.cluster_of[global[i]];
    q.cluster = ClusterId(c);
    if (local[c] == ClusterTable::kNone) {
      local[c] = static_cast<uint32_t>(result.clusters.size());
      ClusterHead& head = table.clusters[c];
      Cluster cluster;
      cluster.id = q.cluster;
      cluster.canonical = dense[head.canonical];
      cluster.first = dense[head.first];
      if (head.primary) cluster.primary = dense[*head.primary];
      cluster.speakers = std::move(head.speakers);
      result.clusters.push_back(std::move(cluster));
    }
    result.clusters[local[c]].members.push_back(i);
  }
  ReleaseMemory(table);  // its clusters are result.clusters now, each named by its id
  ReleaseMemory(local);
  result.links = std::move(links.links);
  for (Link& link : result.links) {
    if (link.a >= n || link.b >= n || !keep[link.a] || !keep[link.b]) {
      return Status::Error("the cluster links do not match the cluster table");
    }
    link.a = dense[link.a];
    link.b = dense[link.b];
    if (link.member) {  // the clusters task kept it as an edge: made as AddMemberLinks makes it
      std::string cluster = std::move(link.cluster);
      link = SameWordsLink(result, link.a, link.b,
                           !SpeakersDisagree(facts.speakers[link.a], facts.speakers[link.b]));
      link.cluster = std::move(cluster);
    }
  }
  ReleaseMemory(keep);
  ReleaseMemory(dense);
  ReleaseMemory(global);
  // Each cluster's number (its index in the cluster table), from its id.
  std::unordered_map<std::string_view, uint64_t> cluster_number;
  for (const Cluster& cluster : result.clusters) {
    cluster_number[cluster.id] = std::strtoull(cluster.id.c_str() + 1, nullptr, 10) - 1;
  }
  const size_t evidence = result.links.size();
  AddClusterFindings(context, &result, jobs, &facts);
  std::vector<size_t> origins;
  const LinkOutputStats stats = SelectOutputLinks(links_out, context.keyer, &result, &origins);
  // The records, each with its place in check's order: an evidence link by its index among
  // all, a link findings decided or --links all added after every evidence link, by cluster
  // (all of a cluster's are this task's, in order); a finding by its cluster.
  FindingsTally tally;
  tally.links = result.links.size();
  tally.capped_clusters = stats.capped_clusters;
  tally.capped_pairs = stats.capped_pairs;
  // Written as they are formatted, through a buffer.
  constexpr size_t kFlush = size_t{1} << 20;
  std::string records, record;
  const std::string links_path = FindingsRecordsPath(dir, task, /*links=*/true);
  const std::string findings_path = FindingsRecordsPath(dir, task, /*links=*/false);
  OutputFile links_file, findings_file;
  s = OpenFile(links_path, &links_file);
  if (!s.ok()) return s;
  auto append = [](OutputFile& file, const std::string& bytes) {
    file.stream().write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  };
  {
    LinkDiffer differ(result);
    for (size_t l = 0; l < result.links.size(); ++l) {
      RecordOrder order;
      if (origins[l] < evidence) {
        order.first = links.order[origins[l]];
      } else {
        auto it = cluster_number.find(result.links[l].cluster);
        if (it == cluster_number.end()) return Status::Error("a link of no cluster of the task");
        order.stage = origins[l] == SIZE_MAX ? 2 : 1;
        order.first = it->second;
        order.second = l;
      }
      record.clear();
      AppendLinkRecord(&record, result, l, differ);
      AppendOrderedRecord(order, record, &records);
      if (records.size() >= kFlush) {
        append(links_file, records);
        records.clear();
      }
    }
  }
  append(links_file, records);
  records.clear();
  s = CommitFile(links_path, &links_file);
  if (!s.ok()) return s;
  s = OpenFile(findings_path, &findings_file);
  if (!s.ok()) return s;
  for (size_t k = 0; k < result.findings.size(); ++k) {
    const Finding& f = result.findings[k];
    ++tally.findings[SeverityRank(f.severity)];
    record.clear();
    AppendFindingRecord(&record, result, k);
    auto it = cluster_number.find(result.quotes[f.quotes.front()].cluster);
    if (it == cluster_number.end()) return Status::Error("a finding of no cluster of the task");
    AppendOrderedRecord({0, it->second, k}, record, &records);
    if (records.size() >= kFlush) {
      append(findings_file, records);
      records.clear();
    }
  }
  append(findings_file, records);
  s = CommitFile(findings_path, &findings_file);
  if (!s.ok()) return s;
  return WriteFileAtomically(BatchTaskOutput(dir, BatchPhase::kFindings, task),
                             EncodeFindingsTally(tally));
}

namespace {

// Writes the records of the tasks' files at `paths` to `sink`, merged in their order.
Status MergeRecords(const std::vector<std::string>& paths,
                    const std::function<void(std::string_view)>& sink) {
  std::vector<OrderedRecordReader> readers(paths.size());
  std::vector<std::string> records(paths.size());
  using Head = std::pair<RecordOrder, size_t>;
  std::priority_queue<Head, std::vector<Head>, std::greater<Head>> heads;
  auto advance = [&](size_t k) -> Status {
    RecordOrder order;
    Result<bool> more = readers[k].Next(&order, &records[k]);
    if (!more.ok()) return more.status();
    if (more.value()) heads.emplace(order, k);
    return Status::Ok();
  };
  for (size_t k = 0; k < paths.size(); ++k) {
    Status s = readers[k].Open(paths[k]);
    if (s.ok()) s = advance(k);
    if (!s.ok()) return s;
  }
  while (!heads.empty()) {
    const size_t k = heads.top().second;
    heads.pop();
    sink(records[k]);
    Status s = advance(k);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace

Status WriteReportFromTasks(const BatchPlan& plan, const std::string& dir,
                            const SpeakerKeyer& keyer, Severity shown,
                            std::chrono::steady_clock::time_point started, std::ostream* output,
                            BatchReport* report) {
  ClusterTable table;
  Status s = Load(BatchTaskOutput(dir, BatchPhase::kClusters, 0), DecodeClusterTable, &table);
  if (!s.ok()) return s;
  FindingsTally tally;
  for (size_t f = 0; f < plan.blocks; ++f) {
    FindingsTally part;
    s = Load(BatchTaskOutput(dir, BatchPhase::kFindings, f), DecodeFindingsTally, &part);
    if (!s.ok()) return s;
    tally.links += part.links;
    for (size_t r = 0; r < 3; ++r) tally.findings[r] += part.findings[r];
    tally.capped_clusters += part.capped_clusters;
    tally.capped_pairs += part.capped_pairs;
  }
  std::string buffer;
  constexpr size_t kFlush = size_t{1} << 20;
  auto line = [&](std::string_view record) {
    buffer.append(record);
    buffer.push_back('\n');
    if (buffer.size() >= kFlush) {
      output->write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      buffer.clear();
    }
  };
  // The quote records, a quotation at a time (the run's documents, diagnostics and errors
  // kept in `part`, its quotations never held); the unattributed-quote findings, which come
  // last, spilled to a file meanwhile.
  const std::string spill_path = dir + "/findings/unattributed.tmp";
  std::ofstream spill(spill_path, std::ios::binary | std::ios::trunc);
  if (!spill) return Status::Error(fmt::format("{}: cannot write", spill_path));
  SeverityCounts carried{};
  CheckResult part;
  size_t base = 0;
  std::string record;
  bool too_many = false;
  s = ForEachQuoteOfTheRun(
      plan, dir, &part,
      [&](size_t i, QuoteRecord&& q) {
        if (i >= table.cluster_of.size()) {
          too_many = true;
          return;
        }
        base = i + 1;
        // Printed as the only quotation of `part` (a record names its document by its id).
        part.quotes.assign(1, std::move(q));
        QuoteRecord& quote = part.quotes[0];
        SpeakerEvidenceFilling(keyer, &quote);
        const uint32_t c = table.cluster_of[i];
        if (c != ClusterTable::kNone) quote.cluster = ClusterId(c);
        record.clear();
        AppendCheckQuoteRecord(&record, part, 0);
        line(record);
        if (IsUnattributed(quote)) {
          part.findings.assign(1, UnattributedQuoteFinding(0));
          ++carried[SeverityRank(part.findings[0].severity)];
          record.clear();
          AppendFindingRecord(&record, part, 0);
          spill << record << '\n';
        }
      },
      [&](size_t begin, size_t end) {
        // Of a document, the records print its id, and the unbalanced-quote findings look
        // it up by its path.
        for (size_t d = begin; d < end; ++d) {
          DocumentMeta& meta = part.documents[d].meta;
          for (std::string* field : {&meta.title, &meta.outlet, &meta.url, &meta.date}) {
            ReleaseMemory(*field);
          }
        }
      });
  if (!s.ok()) return s;
  part.quotes.clear();
  spill.close();
  if (!spill) return Status::Error(fmt::format("{}: cannot write", spill_path));
  if (too_many || base != table.cluster_of.size()) {
    return Status::Error("the read parts do not match the cluster table");
  }
  std::vector<std::string> paths;
  for (bool links : {true, false}) {
    paths.clear();
    for (size_t f = 0; f < plan.blocks; ++f) paths.push_back(FindingsRecordsPath(dir, f, links));
    s = MergeRecords(paths, line);
    if (!s.ok()) return s;
  }
  part.findings = UnbalancedQuoteFindings(part);
  for (size_t k = 0; k < part.findings.size(); ++k) {
    ++carried[SeverityRank(part.findings[k].severity)];
    record.clear();
    AppendFindingRecord(&record, part, k);
    line(record);
  }
  {
    std::ifstream in(spill_path, std::ios::binary);
    std::string text;
    while (std::getline(in, text)) line(text);
    if (in.bad()) return Status::Error(fmt::format("{}: cannot read", spill_path));
  }
  std::remove(spill_path.c_str());
  for (const DocumentError& error : part.errors) {
    record.clear();
    AppendErrorRecord(&record, error);
    line(record);
  }
  CheckCounts& counts = report->counts;
  counts.documents_read = part.documents_read;
  counts.documents_failed = part.documents_failed;
  counts.quotes = base;
  counts.clusters = table.clusters.size();
  counts.links = tally.links;
  for (size_t r = 0; r < 3; ++r) counts.findings[r] = tally.findings[r] + carried[r];
  counts.bytes = part.bytes;
  counts.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  record.clear();
  AppendSummaryRecord(&record, SummaryOf(counts));
  line(record);
  output->write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  output->flush();
  for (const Diagnostic& d : part.diagnostics) {
    if (SeverityRank(d.severity) >= SeverityRank(shown)) report->diagnostics += FormatDiagnostic(d);
  }
  report->capped_candidates = table.capped_candidates;
  report->capped.capped_clusters = tally.capped_clusters;
  report->capped.capped_pairs = tally.capped_pairs;
  return Status::Ok();
}

}  // namespace quotecheck
