#pragma once
/// What the human-readable check reports (text, Markdown) show, worked out once from a
/// CheckResult: the clusters worth showing, each member's relation to the cluster's
/// reference form with its word diff and findings, the findings tied to no cluster, and the
/// rendering of a word diff.
///
/// The reference form of a cluster is its primary source's quotation, else its canonical
/// one, unless a draft holds that (lint): then its first member no draft holds. A member's
/// relation, speaker agreement and diff come from the link between it and the reference; a
/// divergence finding's diff (Finding::diff: side a is the finding's first quote, side b its
/// second) is preferred when the finding is about this member. A member is divergent when its words
/// differ (relation variant) or a finding is reported at it (the finding's first quote); speakers
/// that differ alone do not make it so. A cluster is shown when it has a divergent member or a
/// finding.

#include <array>
#include <atomic>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/check_model.h"
#include "core/document_result.h"
#include "report/ordered_records.h"

namespace quotecheck {

struct MemberReport {
  size_t quote = 0;                  // index into CheckResult::quotes
  bool reference = false;            // the cluster's reference form
  std::optional<Relation> relation;  // to the reference; none for it or when not linked to it
  bool speakers_agree = true;
  /// Word diff from the reference (side a) to this member (side b); empty when unknown or
  /// when the member is not divergent (no report prints it).
  std::vector<DiffOp> diff;
  std::vector<size_t> findings;  // findings reported at this member, in result order
  bool divergent = false;
};

struct ClusterReport {
  size_t cluster = 0;                 // index into CheckResult::clusters
  size_t reference = 0;               // quote index of the reference form
  std::vector<MemberReport> members;  // every member, in cluster order
};

struct CheckReportView {
  std::vector<ClusterReport> clusters;  // only the clusters that are shown, in result order
  std::vector<size_t> loose_findings;   // findings whose first quote is in no cluster
};

/// What the report of one cluster needs from the whole result (each cluster's links, each
/// quotation's findings), gathered once, so that the clusters' reports can be built one at a
/// time, on any thread, and dropped once printed: a large check's report does not fit in
/// memory beside its result. A member's diff is worked out only when the member is divergent
/// (no report prints the others).
class CheckReportIndex {
 public:
  /// `result` must outlive the index.
  explicit CheckReportIndex(const CheckResult& result);
  /// The report of cluster `c`; nullopt when the cluster is not shown. Safe to call from
  /// several threads at once.
  std::optional<ClusterReport> Report(size_t c) const;
  /// Findings whose first quote is in no cluster, in result order.
  const std::vector<size_t>& loose_findings() const { return loose_findings_; }

 private:
  std::optional<size_t> ClusterOfQuote(size_t q) const;

  const CheckResult& result_;
  std::unordered_map<std::string_view, size_t> cluster_of_id_;
  std::unordered_map<size_t, std::vector<size_t>> findings_at_;
  std::vector<std::vector<size_t>> links_of_cluster_;
  std::vector<size_t> loose_findings_;
};

/// Every shown cluster's report (CheckReportIndex::Report) and the loose findings.
CheckReportView BuildCheckReportView(const CheckResult& result);

/// Clusters a report formats per chunk on a thread (OrderedRecords): clusters differ in size
/// by thousands of times, so a chunk is small enough that one large cluster does not leave the
/// other thread idle for long.
inline constexpr size_t kClustersPerChunk = 64;

/// Each shown cluster's report, in cluster order, given to append(report, &text) on the
/// writer's threads and written in order (OrderedRecords::Write); true when any was shown.
template <typename Append>
bool WriteShownClusters(const CheckReportIndex& index, size_t clusters, OrderedRecords* writer,
                        Append append) {
  std::atomic<bool> any_shown{false};
  writer->Write(clusters, kClustersPerChunk, [&](std::string* text, size_t c, unsigned) {
    if (const std::optional<ClusterReport> report = index.Report(c)) {
      append(*report, text);
      any_shown.store(true, std::memory_order_relaxed);
    }
  });
  return any_shown.load();
}

/// True when the diff changes anything (an op other than kEqual).
bool HasChanges(const std::vector<DiffOp>& ops);

/// Markers around the changed words of a word diff, and how op text is written.
struct WordDiffStyle {
  std::string_view removed_open = "[-";
  std::string_view removed_close = "-]";
  std::string_view added_open = "{+";
  std::string_view added_close = "+}";
  /// Applied to each piece of op text (after white space runs became one space).
  std::string (*escape)(std::string_view) = nullptr;
  /// Words only one side quotes, before or after the shared part (a fragment against the
  /// whole statement), are cut to this many bytes next to the shared part, behind "…";
  /// 0 keeps them whole.
  size_t max_edge_change = 0;
};

/// The style of a word diff on a terminal: [-removed-] and {+added+}, in red and green when
/// `color`, with words only one side quotes cut at the edges.
WordDiffStyle TerminalDiffStyle(bool color);

/// The diff as one line: the ops' text concatenated (DiffOp text carries its own spaces:
/// the ops of one side concatenate to that side's text), equal text as the member (side b)
/// writes it, removed (side a) and added (side b) text between the style's markers. White
/// space runs become one space, and white space at the edges of a change is kept outside
/// its markers: "we will [-not-] go".
std::string FormatWordDiff(const std::vector<DiffOp>& ops, const WordDiffStyle& style);

/// "b.txt:3:5": the document's path (its id when the path is empty), line and column.
std::string QuoteLocation(const CheckResult& result, size_t quote);

/// "(AP, 2024-01-03)", "(AP)" or "" from the document's outlet and date.
std::string OutletAndDate(const DocumentMeta& meta);

/// "canonical", "primary source", "variant", "variant, speaker differs", … for a member.
std::string RelationLabel(const CheckResult& result, const ClusterReport& cluster,
                          const MemberReport& member);

/// The finding's place: path, line and col of its first quote, or its own location.
/// (Severity, message and rule are the finding's.)
Diagnostic FindingDiagnostic(const CheckResult& result, const Finding& finding);

/// "1 draft", "2 drafts": `n` and the noun, singular for exactly one.
std::string CountOf(size_t n, std::string_view one, std::string_view many);

/// "2 findings (1 error, 1 warning)", "3 findings (3 warnings)", "0 findings": the number of
/// findings, then, when there are any, how many of each severity from error down (those
/// with none left out; "info" has no plural). The one place the reports count findings.
std::string FormatFindingCount(const std::vector<Finding>& findings);
/// Findings counted by severity (SeverityRank: info, warning, error).
using SeverityCounts = std::array<size_t, 3>;
SeverityCounts CountBySeverity(const std::vector<Finding>& findings);
std::string FormatFindingCount(const SeverityCounts& by_severity);

/// What check's summary line counts (`batch` counts it without holding the records).
struct CheckCounts {
  size_t documents_read = 0;
  size_t documents_failed = 0;
  size_t quotes = 0;
  size_t clusters = 0;
  size_t links = 0;
  SeverityCounts findings{};
  size_t bytes = 0;
  double seconds = 0.0;
};

/// "2 documents (0 failed), 3 quotes, 1 cluster, 1 link, 2 findings (1 error, 1 info),
/// 100 bytes in 0.004 s" (no newline; severities with no finding are left out).
std::string FormatCheckSummaryLine(const CheckResult& result);
std::string FormatCheckSummaryLine(const CheckCounts& counts);
/// What the summary line and the summary record count of `result`.
CheckCounts CountsOf(const CheckResult& result);
/// The summary record's fields from the counts.
RunSummary SummaryOf(const CheckCounts& counts);

}  // namespace quotecheck
