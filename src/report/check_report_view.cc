#include "report/check_report_view.h"

#include <fmt/format.h>

#include <unordered_map>
#include <utility>

#include "core/display_text.h"
#include "diff/quote_diff.h"
#include "report/text_printer.h"

namespace quotecheck {
namespace {

constexpr size_t kNoLimit = static_cast<size_t>(-1);

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Op text on one line: white space runs become one space (edges kept as one space).
std::string OneLine(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (IsSpace(c)) {
      space = true;
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  if (space) out.push_back(' ');
  return out;
}

// The primary source's quotation, else the canonical one unless a draft holds it (lint: a
// draft is never the reference of its cluster), else the first member no draft holds.
size_t ReferenceForm(const CheckResult& result, const Cluster& cluster) {
  if (cluster.primary) return *cluster.primary;
  auto draft = [&](size_t q) { return result.documents[result.quotes[q].doc].draft; };
  if (!draft(cluster.canonical)) return cluster.canonical;
  for (size_t m : cluster.members) {
    if (!draft(m)) return m;
  }
  return cluster.canonical;
}

}  // namespace

bool HasChanges(const std::vector<DiffOp>& ops) {
  for (const DiffOp& op : ops) {
    if (op.kind != DiffOp::Kind::kEqual) return true;
  }
  return false;
}

CheckReportIndex::CheckReportIndex(const CheckResult& result) : result_(result) {
  for (size_t c = 0; c < result.clusters.size(); ++c) cluster_of_id_[result.clusters[c].id] = c;
  // Findings by the quote they are reported at; those outside clusters are loose.
  for (size_t f = 0; f < result.findings.size(); ++f) {
    const Finding& finding = result.findings[f];
    if (!finding.quotes.empty() && ClusterOfQuote(finding.quotes.front())) {
      findings_at_[finding.quotes.front()].push_back(f);
    } else {
      loose_findings_.push_back(f);
    }
  }
  links_of_cluster_.resize(result.clusters.size());
  for (size_t l = 0; l < result.links.size(); ++l) {
    auto it = cluster_of_id_.find(result.links[l].cluster);
    if (it != cluster_of_id_.end()) links_of_cluster_[it->second].push_back(l);
  }
}

std::optional<size_t> CheckReportIndex::ClusterOfQuote(size_t q) const {
  if (q >= result_.quotes.size() || result_.quotes[q].cluster.empty()) return std::nullopt;
  auto it = cluster_of_id_.find(result_.quotes[q].cluster);
  if (it == cluster_of_id_.end()) return std::nullopt;
  return it->second;
}

std::optional<ClusterReport> CheckReportIndex::Report(size_t c) const {
  const CheckResult& result = result_;
  const Cluster& cluster = result.clusters[c];
  ClusterReport report;
  report.cluster = c;
  report.reference = ReferenceForm(result, cluster);
  // The link of each member with the reference, and its first link of any kind.
  std::unordered_map<size_t, size_t> to_reference;
  std::unordered_map<size_t, size_t> any_link;
  for (size_t l : links_of_cluster_[c]) {
    const Link& link = result.links[l];
    if (link.a == report.reference) to_reference.emplace(link.b, l);
    if (link.b == report.reference) to_reference.emplace(link.a, l);
    any_link.emplace(link.a, l);
    any_link.emplace(link.b, l);
  }
  bool shown = false;
  report.members.reserve(cluster.members.size());
  for (size_t m : cluster.members) {
    MemberReport member;
    member.quote = m;
    member.reference = m == report.reference;
    if (auto it = findings_at_.find(m); it != findings_at_.end()) member.findings = it->second;
    std::optional<size_t> reference_link;
    if (!member.reference) {
      if (auto it = to_reference.find(m); it != to_reference.end()) {
        const Link& link = result.links[it->second];
        member.relation = link.relation;
        member.speakers_agree = link.speakers_agree;
        reference_link = it->second;
      } else if (auto any = any_link.find(m); any != any_link.end()) {
        member.relation = result.links[any->second].relation;
      }
    }
    // Two speakers named for the same words are no divergence by themselves (a common
    // word, a pronoun resolved wrongly): only a misattribution finding shows them.
    member.divergent = !member.findings.empty() || member.relation == Relation::kVariant;
    shown = shown || member.divergent;
    // The diff only of a member that is shown: the rest are never printed, and a large
    // cluster's diffs are most of what a report costs.
    if (member.divergent && !member.reference) {
      if (reference_link) {
        const Link& link = result.links[*reference_link];
        std::vector<DiffOp> ops = LinkDiff(result, link).ops;
        member.diff = link.a == report.reference ? std::move(ops) : ReversedDiff(ops);
      }
      for (size_t f : member.findings) {
        const Finding& finding = result.findings[f];
        if (finding.diff && finding.quotes.size() >= 2 && finding.quotes[1] == report.reference) {
          member.diff = ReversedDiff(finding.diff->ops);  // a is this member, b the reference
          break;
        }
      }
    }
    report.members.push_back(std::move(member));
  }
  if (!shown) return std::nullopt;
  return report;
}

CheckReportView BuildCheckReportView(const CheckResult& result) {
  const CheckReportIndex index(result);
  CheckReportView view;
  for (size_t c = 0; c < result.clusters.size(); ++c) {
    if (std::optional<ClusterReport> report = index.Report(c)) {
      view.clusters.push_back(std::move(*report));
    }
  }
  view.loose_findings = index.loose_findings();
  return view;
}

WordDiffStyle TerminalDiffStyle(bool color) {
  WordDiffStyle style;
  style.max_edge_change = 60;
  if (color) {
    style.removed_open = "\x1B[31m[-";
    style.removed_close = "-]\x1B[0m";
    style.added_open = "\x1B[32m{+";
    style.added_close = "+}\x1B[0m";
  }
  return style;
}

std::string FormatWordDiff(const std::vector<DiffOp>& ops, const WordDiffStyle& style) {
  std::string out;
  bool pending_space = false;  // white space seen and not yet written
  auto escaped = [&](std::string_view text) {
    return style.escape != nullptr ? style.escape(text) : std::string(text);
  };
  // Writes a piece: `removed` and `added` (either may be empty) between their markers, or,
  // for equal text, `removed` as it is. White space at the edges goes outside the markers.
  auto put = [&](std::string_view removed, std::string_view added, bool marked) {
    const std::string a = OneLine(removed);
    const std::string b = OneLine(added);
    std::string_view a_body = a;
    std::string_view b_body = b;
    bool lead = false;
    bool trail = false;
    for (std::string_view* body : {&a_body, &b_body}) {
      if (!body->empty() && body->front() == ' ') {
        lead = true;
        body->remove_prefix(1);
      }
      if (!body->empty() && body->back() == ' ') {
        trail = true;
        body->remove_suffix(1);
      }
    }
    pending_space = pending_space || lead;
    if (!a_body.empty() || !b_body.empty()) {
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      if (!marked) {
        out.append(escaped(a_body));
      } else {
        if (!a_body.empty()) {
          out.append(style.removed_open).append(escaped(a_body)).append(style.removed_close);
        }
        if (!b_body.empty()) {
          out.append(style.added_open).append(escaped(b_body)).append(style.added_close);
        }
      }
    }
    pending_space = pending_space || trail;
  };
  // The end of `text` nearest the shared part, cut at a space, behind or before "…".
  auto edge = [&](const std::string& text, bool leading) -> std::string {
    if (style.max_edge_change == 0) return text;
    return CutAtSpace(text, style.max_edge_change, leading ? Keep::kEnd : Keep::kStart);
  };
  // The shared part runs from the first to the last equal op with a word in it.
  auto has_word = [](const std::string& t) {
    for (unsigned char c : t) {
      if (std::isalnum(c) || c >= 0x80) return true;
    }
    return false;
  };
  size_t first_shared = ops.size(), last_shared = 0;
  for (size_t i = 0; i < ops.size(); ++i) {
    if (ops[i].kind == DiffOp::Kind::kEqual && has_word(ops[i].a.empty() ? ops[i].b : ops[i].a)) {
      first_shared = std::min(first_shared, i);
      last_shared = i;
    }
  }
  for (size_t i = 0; i < ops.size(); ++i) {
    const DiffOp& op = ops[i];
    const bool leading = i < first_shared;
    const bool at_edge = leading || (first_shared < ops.size() && i > last_shared);
    switch (op.kind) {
      case DiffOp::Kind::kEqual:
        put(op.b.empty() ? op.a : op.b, {}, /*marked=*/false);
        break;
      case DiffOp::Kind::kDelete:
        put(at_edge ? edge(op.a, leading) : op.a, {}, true);
        break;
      case DiffOp::Kind::kInsert:
        put({}, at_edge ? edge(op.b, leading) : op.b, true);
        break;
      case DiffOp::Kind::kReplace:
        put(at_edge ? edge(op.a, leading) : op.a, at_edge ? edge(op.b, leading) : op.b, true);
        break;
    }
  }
  return out;
}

std::string QuoteLocation(const CheckResult& result, size_t quote) {
  const QuoteRecord& q = result.quotes[quote];
  const DocumentInfo& doc = result.documents[q.doc];
  std::string out = ShortenForDisplay(doc.path.empty() ? doc.id : doc.path, kNoLimit);
  fmt::format_to(std::back_inserter(out), ":{}:{}", q.line, q.col);
  return out;
}

std::string OutletAndDate(const DocumentMeta& meta) {
  std::vector<std::string> about;
  if (!meta.outlet.empty()) about.push_back(ShortenForDisplay(meta.outlet, kNoLimit));
  if (!meta.date.empty()) about.push_back(ShortenForDisplay(meta.date, kNoLimit));
  if (about.empty()) return {};
  return fmt::format("({})", fmt::join(about, ", "));
}

std::string RelationLabel(const CheckResult& result, const ClusterReport& cluster,
                          const MemberReport& member) {
  if (member.reference) {
    return result.clusters[cluster.cluster].primary ? "primary source" : "canonical";
  }
  std::string out(member.relation ? RelationName(*member.relation) : "linked");
  if (!member.speakers_agree) out.append(", speaker differs");
  return out;
}

Diagnostic FindingDiagnostic(const CheckResult& result, const Finding& finding) {
  Diagnostic d;
  if (!finding.quotes.empty() && finding.quotes.front() < result.quotes.size()) {
    const QuoteRecord& q = result.quotes[finding.quotes.front()];
    const DocumentInfo& doc = result.documents[q.doc];
    d.path = doc.path.empty() ? doc.id : doc.path;
    d.line = q.line;
    d.col = q.col;
  } else if (finding.location) {
    d = *finding.location;
  }
  d.severity = finding.severity;
  d.message = finding.message;
  d.code = finding.rule;
  return d;
}

std::string CountOf(size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

SeverityCounts CountBySeverity(const std::vector<Finding>& findings) {
  SeverityCounts by_severity{};
  for (const Finding& f : findings) ++by_severity[SeverityRank(f.severity)];
  return by_severity;
}

std::string FormatFindingCount(const std::vector<Finding>& findings) {
  return FormatFindingCount(CountBySeverity(findings));
}

std::string FormatFindingCount(const SeverityCounts& by_severity) {
  std::vector<std::string> severities;
  if (by_severity[2] > 0) severities.push_back(CountOf(by_severity[2], "error", "errors"));
  if (by_severity[1] > 0) severities.push_back(CountOf(by_severity[1], "warning", "warnings"));
  if (by_severity[0] > 0) severities.push_back(CountOf(by_severity[0], "info", "info"));
  std::string out =
      CountOf(by_severity[0] + by_severity[1] + by_severity[2], "finding", "findings");
  if (!severities.empty()) out += fmt::format(" ({})", fmt::join(severities, ", "));
  return out;
}

std::string FormatCheckSummaryLine(const CheckResult& result) {
  return FormatCheckSummaryLine(CountsOf(result));
}

CheckCounts CountsOf(const CheckResult& result) {
  CheckCounts counts;
  counts.documents_read = result.documents_read;
  counts.documents_failed = result.documents_failed;
  counts.quotes = result.quotes.size();
  counts.clusters = result.clusters.size();
  counts.links = result.links.size();
  counts.findings = CountBySeverity(result.findings);
  counts.bytes = result.bytes;
  counts.seconds = result.seconds;
  return counts;
}

RunSummary SummaryOf(const CheckCounts& counts) {
  RunSummary summary;
  summary.documents = counts.documents_read;
  summary.failed = counts.documents_failed;
  summary.quotes = counts.quotes;
  summary.clusters = counts.clusters;
  summary.findings = counts.findings[0] + counts.findings[1] + counts.findings[2];
  summary.bytes = counts.bytes;
  summary.seconds = counts.seconds;
  return summary;
}

std::string FormatCheckSummaryLine(const CheckCounts& counts) {
  std::string out = fmt::format(
      "{} ({} failed), {}, {}, {}, {}", CountOf(counts.documents_read, "document", "documents"),
      counts.documents_failed, CountOf(counts.quotes, "quote", "quotes"),
      CountOf(counts.clusters, "cluster", "clusters"), CountOf(counts.links, "link", "links"),
      FormatFindingCount(counts.findings));
  fmt::format_to(std::back_inserter(out), ", {} bytes in {:.3f} s", counts.bytes, counts.seconds);
  return out;
}

}  // namespace quotecheck
