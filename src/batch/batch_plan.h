#pragma once
/// The plan of a `batch` run (phase 0): the inputs cut into shards at file boundaries, in
/// the order `check` reads them, and the settings every task runs with. Written once to
/// DIR/plan.txt; every task reads it, so a task is named by its phase and index alone.
///
/// The text form, one entry a line (tab-separated, values escaped: \\ \t \n):
///   quotecheck-batch-plan 1
///   set KEY VALUE         a setting (the CLI's options; repeatable keys repeat)
///   partitions H          shingle partitions of the candidate step
///   blocks B              quotation blocks of the counting, pair blocks of the decide phase
///   unit PRIMARY PATH     an input file (or a path the reader reports), 1 when primary
///   shard END             the units before END (after the previous shard's) are a shard

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "ingest/path_filter.h"

namespace quotecheck {

/// One input of the plan: a file found by expanding the paths (named once: a file named
/// twice is read once, as `check` reads it), or a path whose expansion failed, kept as named
/// so that reading reports it as `check` does.
struct BatchUnit {
  std::string path;
  bool primary = false;
};

struct BatchPlan {
  std::vector<std::pair<std::string, std::string>> settings;
  std::vector<BatchUnit> units;
  /// Per shard, the end of its units (the first shard begins at 0); shards may be empty.
  std::vector<size_t> shard_end;
  size_t partitions = 1;
  size_t blocks = 1;

  size_t shards() const { return shard_end.size(); }
  size_t shard_begin(size_t s) const { return s == 0 ? 0 : shard_end[s - 1]; }
  /// The values of setting `key`, in order.
  std::vector<std::string> Values(const std::string& key) const;
  /// The last value of setting `key`, or `fallback`.
  std::string Value(const std::string& key, const std::string& fallback = {}) const;
};

/// The units of `references` (primary) then `paths`, expanded through `walk` as check
/// reads them, cut into `shards` shards of about equal bytes in that order.
BatchPlan MakeBatchPlan(const std::vector<std::string>& references,
                        const std::vector<std::string>& paths, const PathFilter& walk,
                        size_t shards, size_t partitions, size_t blocks);

std::string FormatBatchPlan(const BatchPlan& plan);
/// The plan of FormatBatchPlan's text; an error names the first bad line.
Result<BatchPlan> ParseBatchPlan(std::string_view text);

}  // namespace quotecheck
