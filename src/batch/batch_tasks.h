#pragma once
/// The tasks of `quotecheck batch`: each reads the plan and files of DIR, writes its own
/// output file (batch/batch_files.h: complete or absent), and runs the same library steps as
/// `check` (xref/xref_steps.h) on its part, so that the report is byte for byte check's.
///   read S       each shard's inputs read and extracted; each quotation's match key, and
///                the words of the first with each key → read/keys-K.bin, read/shard-K.bin
///   groups 1     groups of equal quotations from the keys, their representatives' words
///                → groups.bin
///   shingles H   each partition of the shingles (by hash): posting lists, document
///                frequency (exact: a shingle lives in one partition), hubs → shingles/part-K.bin
///   count B      the lists joined, each quotation's rarest kept; each block of the groups
///                counts its candidate pairs                     → count/block-K.bin
///   decide B     the blocks' pairs merged (xref/ngram_index.h MergeCandidatePairs); a pair
///                belongs to the pair of quotation ranges (B ranges) its two quotations are
///                in, each task takes a run of range pairs and decides them one at a time on
///                the quotations of two ranges at most (every pair: check's rounds, which skip
///                pairs earlier links joined, are replayed by clusters) → decide/block-K.bin
///   clusters 1   member links + the rounds' links, fragments explained, clusters (check's own
///                steps); the links' connected components cut into B ranges of about as many
///                members → clusters.bin (each quotation's cluster, each cluster's canonical,
///                first, primary, speakers and task), clusters/links-K.bin
///   findings B   range K's quotations and links only: check's findings of its clusters and
///                the links to write, formatted, each record with its place in check's order
///                → findings/links-K.bin, findings/findings-K.bin, findings/tally-K.bin
///   write 1      the report streamed: quote records a read part at a time, the tasks'
///                records merged in order, the findings carried over from extraction, errors,
///                summary → report.jsonl, report.stderr, report.status (written last)
/// A phase's tasks need every task of the phases before it. The candidate steps are
/// FindCandidatePairs' own (xref/ngram_index.h), so the pairs are the same for any S, H, B.

#include <chrono>
#include <ostream>
#include <string>
#include <string_view>

#include "attribute/speaker_key.h"
#include "batch/batch_plan.h"
#include "core/check_model.h"
#include "core/status.h"
#include "findings/check_findings.h"
#include "ingest/document_reader.h"
#include "report/check_report_view.h"
#include "xref/cross_reference.h"
#include "xref/link_output.h"

namespace quotecheck {

class QuoteExtractor;

enum class BatchPhase { kRead, kGroups, kShingles, kCount, kDecide, kClusters, kFindings, kWrite };

struct BatchPhaseName {
  std::string_view name;
  BatchPhase phase;
};
/// The phases in the order they run.
inline constexpr BatchPhaseName kBatchPhases[] = {
    {"read", BatchPhase::kRead},         {"groups", BatchPhase::kGroups},
    {"shingles", BatchPhase::kShingles}, {"count", BatchPhase::kCount},
    {"decide", BatchPhase::kDecide},     {"clusters", BatchPhase::kClusters},
    {"findings", BatchPhase::kFindings}, {"write", BatchPhase::kWrite},
};
std::string_view BatchPhaseNameOf(BatchPhase phase);

/// How many tasks the phase has under `plan` (an array of that size on Slurm).
size_t BatchTaskCount(const BatchPlan& plan, BatchPhase phase);
/// The file whose existence means the task is done.
std::string BatchTaskOutput(const std::string& dir, BatchPhase phase, size_t index);
/// The keys file a read task writes beside its part (batch/batch_files.h ShardKeys).
std::string ShardKeysPath(const std::string& dir, size_t shard);
/// Every file the task writes, its output (BatchTaskOutput) last.
std::vector<std::string> BatchTaskFiles(const BatchPlan& plan, const std::string& dir,
                                        BatchPhase phase, size_t index);
/// The report the write task writes, and what check would print on stderr.
std::string BatchReportPath(const std::string& dir);
std::string BatchReportErrPath(const std::string& dir);
/// The clusters task's evidence links for findings task K.
std::string ClusterLinksPath(const std::string& dir, size_t task);
/// Findings task K's link records (`links`) or finding records.
std::string FindingsRecordsPath(const std::string& dir, size_t task, bool links);
/// Where the task's standard output and error go.
std::string BatchTaskLog(const std::string& dir, BatchPhase phase, size_t index);
/// The plan of a work directory.
std::string BatchPlanPath(const std::string& dir);
/// Makes the directories of the tasks' outputs and logs.
Status MakeBatchDirectories(const std::string& dir);

/// read K: the shard's units read as check reads them (ReadDocuments: references primary),
/// every diagnostic on `err`.
Status RunReadTask(const BatchPlan& plan, const std::string& dir, size_t shard,
                   const QuoteExtractor& extractor, const IngestOptions& ingest, unsigned jobs,
                   std::ostream& err);
/// groups: equal quotations grouped, each group's words, from the read tasks' keys files
/// alone (the quotations are never loaded: its memory is the keys and the representatives'
/// words).
Status RunGroupsTask(const BatchPlan& plan, const std::string& dir);
/// shingles K: the posting lists of partition K.
Status RunShinglesTask(const BatchPlan& plan, const std::string& dir, size_t partition,
                       unsigned jobs);
/// count K: the candidate pairs that block K of the groups counts.
Status RunCountTask(const BatchPlan& plan, const std::string& dir, size_t block);
/// decide K: the links of task K's range pairs.
Status RunDecideTask(const BatchPlan& plan, const std::string& dir, size_t block,
                     const SpeakerKeyer& keyer, unsigned jobs);
/// clusters: check's steps after deciding (member links, the decide rounds replayed over the
/// decide tasks' links, fragments explained, clusters) over the compact table clustering reads
/// (xref/quote_clusters.h ClusterQuotes), then the cluster table and each findings task's links.
Status RunClustersTask(const BatchPlan& plan, const std::string& dir,
                       const CrossReferenceOptions& options);
/// findings K: check's findings (findings/check_findings.h AddClusterFindings) and links to
/// write (xref/link_output.h) of range K's clusters, on its quotations alone, as records.
Status RunFindingsTask(const BatchPlan& plan, const std::string& dir, size_t task,
                       const FindingContext& context, LinkOutput links, unsigned jobs);

/// What the write task tells besides the report: the summary's counts, the diagnostics check
/// prints (at `shown` or above), the capped candidates and clusters.
struct BatchReport {
  CheckCounts counts;
  std::string diagnostics;
  size_t capped_candidates = 0;
  LinkOutputStats capped;
};
/// write: the records of `check --format jsonl` to `output`, in its order, streamed (a read
/// part, a record of each findings task and a buffer in memory at a time); `seconds` counted
/// from `started`.
Status WriteReportFromTasks(const BatchPlan& plan, const std::string& dir,
                            const SpeakerKeyer& keyer, Severity shown,
                            std::chrono::steady_clock::time_point started, std::ostream* output,
                            BatchReport* report);

}  // namespace quotecheck
