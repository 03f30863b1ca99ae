#pragma once
/// The plan of a `batch` run (phase 0): the inputs cut into shards of about equal bytes, in
/// the order `check` reads them, and the settings every task runs with. A quote store that a
/// shard boundary falls in is cut into pieces at line starts (its documents' records), so that
/// one large store is read by as many tasks as there are shards; every other input is a unit
/// of its own (an article file is one document; other JSON Lines corpora are not cut). Written once
/// to DIR/plan.txt; every task reads it, so a task is named by its phase and index alone.
///
/// The text form, one entry a line (tab-separated, values escaped: \\ \t \n):
///   quotecheck-batch-plan 2
///   set KEY VALUE         a setting (the CLI's options; repeatable keys repeat)
///   partitions H          shingle partitions of the candidate step
///   blocks B              quotation blocks of the counting, pair blocks of the decide phase
///   unit PRIMARY PATH     an input file (or a path the reader reports), 1 when primary
///   piece PRIMARY PATH BEGIN END LINE
///                         bytes [BEGIN, END) of the quote store PATH, its first line LINE
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
  /// A piece of a quote store (ingest/quote_store.h ReadQuoteStorePiece): bytes
  /// [begin, end), cut at line starts, whose first line is line `first_line` of the file.
  bool piece = false;
  uint64_t begin = 0;
  uint64_t end = 0;
  uint32_t first_line = 1;
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
/// reads them, cut into `shards` shards of about equal bytes in that order: a quote store a
/// shard's end falls in is cut at the first line start at or after it (the store is read
/// once, to find the line starts and count the lines before them).
BatchPlan MakeBatchPlan(const std::vector<std::string>& references,
                        const std::vector<std::string>& paths, const PathFilter& walk,
                        size_t shards, size_t partitions, size_t blocks);

std::string FormatBatchPlan(const BatchPlan& plan);
/// The plan of FormatBatchPlan's text; an error names the first bad line.
Result<BatchPlan> ParseBatchPlan(std::string_view text);

}  // namespace quotecheck
