#pragma once
/// `quotecheck batch`: check, cut into tasks that run on this machine or on a Slurm cluster,
/// printing byte for byte the JSON Lines report of `check --format jsonl` on the same inputs
/// (the summary's seconds aside). The passes:
///   plan (DIR/plan.txt; a rerun must give the same plan) → the engine runs the tasks
///   (batch/batch_engine.h) → the report of the finish task copied to the output, its
///   diagnostics and summary line to stderr, its exit status returned.
/// `quotecheck batch-task --work DIR PHASE INDEX` runs one task (what the engines start).

#include "cli/command.h"

namespace quotecheck {

CommandRunner AddBatchCommand(CLI::App* command);
CommandRunner AddBatchTaskCommand(CLI::App* command);

}  // namespace quotecheck
