#pragma once
/// Findings of `check`, with rule ids that stay stable across versions:
///   wording-divergence  a member's words differ from the cluster's reference form
///                       (its canonical text) in another document;
///   inconsistent-quote  one document quotes the same words two ways;
///   primary-divergence  a member differs from the primary source (transcript, statement);
///   misattribution      the same words are given to different speakers;
///   unbalanced-quote    carried over from extraction (a quote mark never closed);
///   unattributed-quote  a direct quotation with no speaker.
/// Severity: error when the change can alter the meaning (negation, number, named entity,
/// modal) or for a misattribution; warning for other word changes and for unbalanced
/// marks; info for unattributed quotations.

#include <functional>

#include "core/check_model.h"
#include "diff/relation.h"

namespace quotecheck {

/// Compares two quotations (indexes into CheckResult::quotes): their relation and diff.
using QuoteComparer = std::function<QuoteComparison(size_t a, size_t b)>;

/// Whether two canonical speaker names can be the same source ("Donald Trump" and
/// "Trump"); an unknown speaker agrees with anyone.
bool SpeakersAgree(const std::optional<std::string>& a, const std::optional<std::string>& b);

/// Stricter, for deciding links: two named sources are the same only when their names
/// match or share the last word; a body or group ("the suit") and a person differ.
bool SpeakersMatch(const std::optional<std::string>& a, const std::optional<std::string>& b);

/// Appends the findings for the clusters and quotations of `result` (clusters built).
/// `compare` must be safe to call from `jobs` threads at once.
void AddFindings(const QuoteComparer& compare, CheckResult* result, unsigned jobs = 1);

}  // namespace quotecheck
