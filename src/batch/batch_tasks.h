#pragma once
/// The tasks of `quotecheck batch`: each reads the plan and files of DIR, writes its own
/// output file (batch/batch_files.h: complete or absent), and runs the same library steps as
/// `check` (xref/xref_steps.h) on its part, so that the report is byte for byte check's.
///   read S        each shard's inputs read and extracted    → read/shard-K.bin
///   candidates 1  tokens, groups, candidate pairs           → candidates/pairs.bin
///   decide B      each block of the pairs decided into links → decide/block-K.bin
///   finish 1      member links + the blocks' links, fragments explained, clusters; the
///                 findings and the report are cli/check_command.h's ReportCheck
///                 → report.jsonl, report.stderr, report.status (written last)
/// A phase's tasks need every task of the phases before it. The candidate step runs as one
/// task (its document-frequency cap and rarest-shingle counting are over all quotations).

#include <ostream>
#include <string>
#include <string_view>

#include "attribute/speaker_key.h"
#include "batch/batch_plan.h"
#include "core/check_model.h"
#include "core/status.h"
#include "ingest/document_reader.h"

namespace quotecheck {

class QuoteExtractor;

enum class BatchPhase { kRead, kCandidates, kDecide, kFinish };

struct BatchPhaseName {
  std::string_view name;
  BatchPhase phase;
};
/// The phases in the order they run.
inline constexpr BatchPhaseName kBatchPhases[] = {
    {"read", BatchPhase::kRead},
    {"candidates", BatchPhase::kCandidates},
    {"decide", BatchPhase::kDecide},
    {"finish", BatchPhase::kFinish},
};
std::string_view BatchPhaseNameOf(BatchPhase phase);

/// How many tasks the phase has under `plan` (an array of that size on Slurm).
size_t BatchTaskCount(const BatchPlan& plan, BatchPhase phase);
/// The file whose existence means the task is done.
std::string BatchTaskOutput(const std::string& dir, BatchPhase phase, size_t index);
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
/// Every shard's read part, in order: the result `check` has after reading.
Status LoadReadParts(const BatchPlan& plan, const std::string& dir, CheckResult* result);

/// candidates: the candidate pairs of the quotations (as quotation indexes).
Status RunCandidatesTask(const BatchPlan& plan, const std::string& dir, const SpeakerKeyer& keyer,
                         unsigned jobs);
/// decide K: the links of block K of the pairs.
Status RunDecideTask(const BatchPlan& plan, const std::string& dir, size_t block,
                     const SpeakerKeyer& keyer, unsigned jobs);
/// finish (before the findings): `result` as CrossReference leaves it.
Status CrossReferenceFromTasks(const BatchPlan& plan, const std::string& dir,
                               const SpeakerKeyer& keyer, unsigned jobs, CheckResult* result);

}  // namespace quotecheck
