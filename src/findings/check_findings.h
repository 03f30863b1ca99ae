#pragma once
/// Findings of `check` (rule ids and descriptions: findings/finding_rules.h):
///   wording-divergence  a member's words differ in substance from the cluster's reference
///                       form (its canonical wording) as another document prints it;
///   inconsistent-quote  one document quotes one utterance two ways;
///   primary-divergence  a member differs from the primary source (transcript, statement);
///   misattribution      another source, naming its speaker explicitly, gives the same
///                       distinctive words to someone else;
///   unbalanced-quote    carried over from extraction (a quote mark never closed);
///   unattributed-quote  a direct quotation with no speaker.
/// Every finding that compares two quotations rests on the one link between them (direct
/// evidence, weighed by findings/quote_evidence.h), never on two members that merely share
/// a cluster: clusters can join different utterances through a fragment of each.
/// Severity: error when the change can alter the meaning (negation, number, named entity,
/// modal) and for a misattribution; warning for other word changes; one level lower when
/// the confidence is below kLowConfidence; findings under FindingContext::min_confidence
/// are not reported.

#include <functional>

#include "attribute/rule_set.h"
#include "attribute/speaker_key.h"
#include "core/check_model.h"
#include "findings/quote_evidence.h"
#include "xref/cross_reference.h"

namespace quotecheck {

/// What findings are weighed with.
struct FindingContext {
  explicit FindingContext(const RuleSet& rules);
  SpeakerKeyer keyer;
  EvidenceLexicon lexicon;
  /// Findings below this confidence are left out (--min-confidence).
  double min_confidence = 0.0;
};

/// Appends the findings of check for the clusters and links of `result` (after
/// CrossReference), then the ones carried over from extraction. Clusters are weighed on
/// `jobs` threads; the output does not depend on it.
/// `facts`: the quotations' keys and speaker evidence from CrossReference (taken, not copied),
/// else computed here.
void AddCheckFindings(const FindingContext& context, CheckResult* result, unsigned jobs = 1,
                      QuoteFacts* facts = nullptr);
/// The two halves of AddCheckFindings, for `batch`, whose tasks weigh ranges of clusters
/// apart (batch/batch_tasks.h) and carry the others over while writing: the findings of the
/// clusters and their links, in cluster order (each cluster's own are about its members);
/// then those carried over from extraction (unbalanced-quote, then unattributed-quote).
void AddClusterFindings(const FindingContext& context, CheckResult* result, unsigned jobs = 1,
                        QuoteFacts* facts = nullptr);
void AddCarriedFindings(CheckResult* result);

/// A direct quotation with no speaker and no speaker mention: an unattributed-quote finding.
bool IsUnattributed(const QuoteRecord& quote);

/// unbalanced-quote findings from the diagnostics of extraction, one per diagnostic.
std::vector<Finding> UnbalancedQuoteFindings(const CheckResult& result);

/// An unattributed-quote finding for quotation `quote`.
Finding UnattributedQuoteFinding(size_t quote);

/// The severity of a divergence with this diff: error when a change can alter the meaning.
Severity DivergenceSeverity(const QuoteDiff& diff);

/// `link`'s diff read from quotation `from` (one of its sides) to the other.
QuoteDiff OrientedDiff(const CheckResult& result, const Link& link, size_t from);

/// The diff from quotation `x` to quotation `y` that `link` stands for: the link's own when
/// they are its sides or have their very texts, else the words of x and y diffed afresh (they are
/// members of the groups the link joins: the same words as its sides, perhaps other typography),
/// with the link's change classes and meaning flags, read on the words both sides share.
/// `link_diff`: the link's diff with its ops when the caller has it (LinkDiff), so that it
/// is not computed again. `diff_afresh`: how the caller diffs x and y when it must (with
/// tokens it keeps; the same diff as DiffQuotes of their texts), else DiffQuotes.
QuoteDiff DiffFor(const CheckResult& result, const Link& link, size_t x, size_t y,
                  const QuoteDiff* link_diff = nullptr,
                  const std::function<QuoteDiff()>& diff_afresh = nullptr);

}  // namespace quotecheck
