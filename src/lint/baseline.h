#pragma once
/// The lint baseline: findings accepted once, so that a pipeline fails only on new ones.
///
/// A baseline file is JSON Lines, one accepted finding a line, written by --write-baseline:
///   {"fingerprint":"9f0c…","rule":"wording-divergence","speaker":"Corina Allsop",
///    "quote":"The repairs will take at least 28 weeks,","path":"drafts/a.md","line":12}
/// Only "fingerprint" is read back (FindingFingerprint: rule, speaker and the quotation's
/// normalised words, no position); the other fields are for the people reviewing it. Blank
/// lines are skipped.

#include <string>
#include <unordered_set>

#include "core/check_model.h"
#include "core/diagnostic.h"

namespace quotecheck {

struct Baseline {
  std::unordered_set<std::string> fingerprints;
};

/// Reads the baseline at `path`. Problems are error diagnostics ("path: error: cannot open:
/// …", "path:LINE:COL: error: …"); returns false when there was any.
bool ReadBaseline(const std::string& path, Baseline* baseline, Diagnostics* diagnostics);

/// The baseline file accepting every finding of `result` (one line each, in finding order,
/// a fingerprint written once).
std::string FormatBaseline(const CheckResult& result);

/// Removes from result->findings those the baseline accepts; returns how many.
size_t ApplyBaseline(const Baseline& baseline, CheckResult* result);

}  // namespace quotecheck
