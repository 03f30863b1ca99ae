#include "report/check_html_printer.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <sstream>

#include "core/display_text.h"
#include "report/check_report_view.h"
#include "report/ordered_records.h"
#include "report/text_printer.h"

namespace quotecheck {
namespace {

constexpr size_t kNoLimit = static_cast<size_t>(-1);
// Code points of a cluster's reference form shown above its table (the table has all words).
constexpr size_t kHeadlineLimit = 320;
// Words only one side quotes, before or after the shared words (a fragment against the whole
// statement), are cut to about this many bytes next to the shared words.
constexpr size_t kEdgeChangeLimit = 80;
// A few words over the limit are shown rather than cut: the "…" would save little.
constexpr size_t kEdgeChangeSlack = 20;

constexpr std::string_view kStyle = R"css(
:root {
  --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --paper: #ffffff;
  --accent: #0b4f8a; --del-bg: #ffebe9; --del-ink: #82071e; --ins-bg: #dafbe1; --ins-ink: #0f5323;
  --error: #b42318; --error-bg: #fef3f2; --warning: #9a6700; --warning-bg: #fff8c5;
  --info: #0b5cad; --info-bg: #ddf4ff;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--soft); color: var(--ink);
  font: 15px/1.55 -apple-system, BlinkMacSystemFont, "Segoe UI", "Helvetica Neue", Arial, sans-serif;
}
header.page { background: #14263d; color: #fff; padding: 22px 0 20px; }
header.page h1 { margin: 0; font-size: 24px; font-weight: 650; letter-spacing: .01em; }
header.page p { margin: 4px 0 0; color: #c8d3e0; font-size: 14px; }
.wrap { max-width: 1120px; margin: 0 auto; padding: 0 20px; }
main.wrap { padding-top: 20px; padding-bottom: 28px; }
h2 { font-size: 18px; margin: 28px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h3 { font-size: 16px; margin: 0; }
section.card, article.cluster {
  background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 16px 18px;
  margin-bottom: 16px;
}
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(104px, 1fr)); gap: 10px; margin: 0 0 16px; }
.stat.error .n { color: var(--error); } .stat.warning .n { color: var(--warning); } .stat.info .n { color: var(--info); }
.stat { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.stat .n { display: block; font-size: 26px; font-weight: 650; line-height: 1.2; font-variant-numeric: tabular-nums; }
.stat .l { color: var(--muted); font-size: 13px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 8px 10px; border-bottom: 1px solid var(--line); }
th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); font-weight: 600; background: var(--soft); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr:last-child td { border-bottom: 0; }
.badge {
  display: inline-block; border-radius: 999px; padding: 1px 9px; font-size: 12px; font-weight: 600;
  line-height: 1.6; white-space: nowrap; border: 1px solid transparent;
}
.sev-error { color: var(--error); background: var(--error-bg); border-color: #fecdca; }
.sev-warning { color: var(--warning); background: var(--warning-bg); border-color: #eed888; }
.sev-info { color: var(--info); background: var(--info-bg); border-color: #b6e3ff; }
.rule { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
.controls { display: flex; flex-wrap: wrap; gap: 10px 28px; align-items: flex-start; }
.controls fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 6px 14px; align-items: center; }
.controls legend { float: left; margin-right: 10px; font-weight: 600; font-size: 13px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.controls label { font-size: 14px; cursor: pointer; white-space: nowrap; }
.controls input { margin: 0 4px 0 0; vertical-align: -1px; }
.cluster-head { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: baseline; margin-bottom: 10px; }
.cluster-head .id { color: var(--muted); font-weight: 600; }
blockquote.reference {
  margin: 0 0 10px; padding: 8px 14px; border-left: 4px solid var(--accent); background: #f0f5fb;
  font-family: Georgia, "Times New Roman", serif; font-size: 17px; line-height: 1.5;
}
p.meta { margin: 0 0 12px; color: var(--muted); font-size: 14px; overflow-wrap: anywhere; }
a { color: var(--accent); text-decoration-color: #9db8d3; text-underline-offset: 2px; }
table.compare { table-layout: fixed; border: 1px solid var(--line); border-radius: 6px; }
table.compare td { width: 50%; }
table.compare td + td { border-left: 1px solid var(--line); }
.words { font-family: Georgia, "Times New Roman", serif; font-size: 16px; line-height: 1.55; margin: 6px 0 4px; overflow-wrap: anywhere; }
.source { font-size: 13px; color: var(--muted); overflow-wrap: anywhere; }
.source a { color: var(--accent); }
.source .who { color: var(--ink); font-weight: 600; }
.relation { font-size: 12px; color: var(--muted); font-style: italic; }
del { background: var(--del-bg); color: var(--del-ink); text-decoration: line-through; text-decoration-thickness: 1px; border-radius: 3px; padding: 0 2px; }
ins { background: var(--ins-bg); color: var(--ins-ink); text-decoration: none; border-radius: 3px; padding: 0 2px; font-weight: 600; }
ul.notes { list-style: none; margin: 8px 0 0; padding: 0; }
ul.notes li { font-size: 13.5px; margin-top: 4px; }
ul.notes .badge { margin-right: 6px; }
table.findings th:nth-child(1) { width: 92px; }
table.findings th:nth-child(2) { width: 170px; }
table.findings th:nth-child(3) { width: 26%; }
table.findings th:nth-child(4) { width: 90px; }
table.findings .evidence, .notes .confidence { color: var(--muted); font-size: 12.5px; }
table.findings td.loc { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; overflow-wrap: anywhere; }
table.findings .diff { display: block; margin-top: 4px; font-size: 13.5px; }
.empty { color: var(--muted); font-style: italic; }
.is-hidden { display: none !important; }
footer { color: var(--muted); font-size: 12.5px; padding: 8px 0 28px; }
@media (max-width: 600px) {
  body { font-size: 14.5px; }
  .wrap { padding: 0 12px; }
  section.card, article.cluster { padding: 12px; }
  table.compare, table.compare tbody, table.compare tr, table.compare td { display: block; width: 100%; }
  table.compare thead { display: none; }
  table.compare td + td { border-left: 0; }
  table.compare td::before { content: attr(data-label); display: block; font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); font-weight: 600; }
  table.compare tr { border-bottom: 2px solid var(--line); }
  table.by-rule .source { display: none; }
  table.by-rule th, table.by-rule td { padding: 6px 5px; }
  table.by-rule th { font-size: 10.5px; letter-spacing: 0; }
  table.findings thead { display: none; }
  table.findings, table.findings tbody, table.findings tr, table.findings td { display: block; width: 100%; }
  table.findings tr { border-bottom: 1px solid var(--line); padding: 6px 0; }
  table.findings td { border: 0; padding: 2px 4px; }
}
@media print {
  body { background: #fff; font-size: 11pt; }
  header.page { background: #fff; color: #000; border-bottom: 2px solid #000; padding: 0 0 8px; }
  header.page p { color: #333; }
  .controls, #filters { display: none !important; }
  section.card, article.cluster, .stat { border-color: #999; break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  del, ins { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)css";

constexpr std::string_view kScript = R"js(
(function () {
  var boxes = document.querySelectorAll('#filters input[type=checkbox]');
  function apply() {
    var on = { severity: {}, rule: {} };
    boxes.forEach(function (b) { on[b.dataset.filter][b.value] = b.checked; });
    document.querySelectorAll('[data-findings]').forEach(function (el) {
      var list = el.dataset.findings.split(' ').filter(Boolean);
      var show = list.length === 0 || list.some(function (pair) {
        var p = pair.split(':');
        return on.rule[p[0]] !== false && on.severity[p[1]] !== false;
      });
      el.classList.toggle('is-hidden', !show);
    });
  }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  apply();
})();
)js";

std::string Esc(std::string_view text) { return EscapeHtml(text); }

// One line of display text, escaped.
std::string EscLine(std::string_view text) { return EscapeHtml(ShortenForDisplay(text, kNoLimit)); }

std::string_view SeverityClass(Severity s) { return SeverityName(s); }

std::string Badge(Severity s) {
  return fmt::format(R"(<span class="badge sev-{0}">{0}</span>)", SeverityClass(s));
}

std::string Pair(const Finding& f) { return f.rule + ":" + std::string(SeverityName(f.severity)); }

bool IsWebUrl(std::string_view url) {
  return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
}

class HtmlWriter {
 public:
  HtmlWriter(const CheckResult& result, const HtmlOptions& options)
      : result_(result), options_(options) {
    for (const DocumentInfo& doc : result_.documents) lint_ = lint_ || doc.draft;
    // The link of each document a cluster quotes (every row names one of them), once: whether
    // its path is a file asks the file system. Not once per row, nor for the documents of a
    // large archive that no cluster quotes.
    document_links_.resize(result_.documents.size());
    std::vector<bool> quoted(result_.documents.size(), false);
    for (const Cluster& cluster : result_.clusters) {
      for (size_t m : cluster.members) quoted[result_.quotes[m].doc] = true;
    }
    for (size_t d = 0; d < quoted.size(); ++d) {
      if (quoted[d]) document_links_[d] = DocumentLink(result_.documents[d]);
    }
  }

  // The page, written as it is made: the clusters formatted on up to `jobs` threads a few at a
  // time and written in order (report/ordered_records.h), the findings a row at a time.
  void Write(std::ostream* out, unsigned jobs) const {
    const CheckReportIndex index(result_);
    OrderedRecords writer(out, jobs);
    std::string& head = writer.buffer();
    head.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    head.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    head.append(fmt::format("<meta name=\"generator\" content=\"quotecheck {}\">\n",
                            Esc(options_.tool_version)));
    head.append("<title>Quotation check</title>\n<style>");
    head.append(kStyle);
    head.append("</style>\n</head>\n<body>\n");
    head.append("<header class=\"page\"><div class=\"wrap\"><h1>Quotation check</h1>");
    head.append(fmt::format("<p>{}</p></div></header>\n", Esc(Subtitle())));
    head.append("<main class=\"wrap\">\n");
    WriteSummary(&head);
    WriteFilters(&head);
    head.append("<section id=\"clusters\">\n<h2>Divergent quotations</h2>\n");
    const bool any_shown = WriteShownClusters(
        index, result_.clusters.size(), &writer,
        [&](const ClusterReport& report, std::string* text) { WriteCluster(report, text); });
    std::string& tail = writer.buffer();
    if (!any_shown) tail.append("<p class=\"empty\">None.</p>\n");
    tail.append("</section>\n");
    WriteFindings(&writer);
    tail.append("</main>\n");
    tail.append(
        fmt::format("<footer class=\"wrap\">Made by quotecheck {}. Removed words are <del>struck "
                    "through</del>, added words <ins>highlighted</ins>.</footer>\n",
                    Esc(options_.tool_version)));
    tail.append("<script>");
    tail.append(kScript);
    tail.append("</script>\n</body>\n</html>\n");
    writer.Finish();
  }

 private:
  std::string Subtitle() const {
    auto plural = [](size_t n, std::string_view one, std::string_view many) {
      return fmt::format("{} {}", n, n == 1 ? one : many);
    };
    return fmt::format("{} · {} · {}", plural(result_.documents_read, "document", "documents"),
                       plural(result_.quotes.size(), "quotation", "quotations"),
                       plural(result_.findings.size(), "finding", "findings"));
  }

  static void Stat(std::string* out, size_t n, std::string_view label, std::string_view kind = {}) {
    out->append(fmt::format(
        R"(<div class="stat{}{}"><span class="n">{}</span><span class="l">{}</span></div>)",
        kind.empty() ? "" : " ", kind, n, label));
    out->push_back('\n');
  }

  void WriteSummary(std::string* out) const {
    std::array<size_t, 3> by_severity{};  // info, warning, error
    std::map<std::string, std::array<size_t, 3>> by_rule;
    for (const Finding& f : result_.findings) {
      ++by_severity[static_cast<size_t>(f.severity)];
      ++by_rule[f.rule][static_cast<size_t>(f.severity)];
    }
    out->append("<section id=\"summary\" aria-label=\"Summary\">\n<div class=\"stats\">\n");
    Stat(out, result_.documents_read, "documents");
    if (result_.documents_failed > 0) Stat(out, result_.documents_failed, "documents failed");
    Stat(out, result_.quotes.size(), "quotations");
    Stat(out, result_.clusters.size(), "clusters");
    Stat(out, result_.links.size(), "links");
    Stat(out, result_.findings.size(), "findings");
    Stat(out, by_severity[2], "errors", "error");
    Stat(out, by_severity[1], "warnings", "warning");
    Stat(out, by_severity[0], "info", "info");
    out->append("</div>\n");
    out->append(
        "<section class=\"card\"><table class=\"by-rule\"><thead><tr><th>Rule</th>"
        "<th class=\"num\">Error</th><th class=\"num\">Warning</th>"
        "<th class=\"num\">Info</th><th class=\"num\">Total</th></tr></thead><tbody>\n");
    if (by_rule.empty()) {
      out->append("<tr><td colspan=\"6\" class=\"empty\">No findings.</td></tr>\n");
    }
    for (const auto& [rule, n] : by_rule) {
      out->append(
          fmt::format("<tr><td><span class=\"rule\">{}</span> <span class=\"source\">{}</span></td>"
                      "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
                      "<td class=\"num\">{}</td></tr>\n",
                      Esc(rule), Esc(DescribeRule(rule).short_description), n[2], n[1], n[0],
                      n[0] + n[1] + n[2]));
    }
    out->append("</tbody></table></section>\n</section>\n");
  }

  void WriteFilters(std::string* out) const {
    std::array<size_t, 3> by_severity{};
    std::map<std::string, size_t> by_rule;
    for (const Finding& f : result_.findings) {
      ++by_severity[static_cast<size_t>(f.severity)];
      ++by_rule[f.rule];
    }
    out->append("<section id=\"filters\" class=\"card controls\" aria-label=\"Filters\">\n");
    out->append("<fieldset><legend>Severity</legend>");
    for (Severity s : {Severity::kError, Severity::kWarning, Severity::kInfo}) {
      out->append(fmt::format(
          "<label><input type=\"checkbox\" data-filter=\"severity\" value=\"{0}\" checked>"
          "<span class=\"badge sev-{0}\">{0}</span> {1}</label>",
          SeverityName(s), by_severity[static_cast<size_t>(s)]));
    }
    out->append("</fieldset>\n<fieldset><legend>Rule</legend>");
    for (const auto& [rule, n] : by_rule) {
      out->append(
          fmt::format("<label><input type=\"checkbox\" data-filter=\"rule\" value=\"{0}\" checked>"
                      "<span class=\"rule\">{0}</span> {1}</label>",
                      Esc(rule), n));
    }
    out->append("</fieldset>\n</section>\n");
  }

  // "rule:severity …" of these findings, for the filter script.
  std::string FindingPairs(const std::vector<size_t>& findings) const {
    std::set<std::string> pairs;
    for (size_t f : findings) pairs.insert(Pair(result_.findings[f]));
    std::string out;
    for (const std::string& p : pairs) {
      if (!out.empty()) out.push_back(' ');
      out.append(Esc(p));
    }
    return out;
  }

  std::string DocumentLink(const DocumentInfo& doc) const {
    if (!doc.meta.url.empty() && IsWebUrl(doc.meta.url)) {
      return fmt::format(R"(<a href="{}">{}</a>)", Esc(doc.meta.url), EscLine(doc.id));
    }
    const std::string& path = doc.path.empty() ? doc.id : doc.path;
    if (!options_.locator.IsFile(path)) return EscLine(doc.id);
    const std::string relative = options_.locator.RelativePath(path);
    const std::string href = !relative.empty() && relative.front() == '/'
                                 ? "file://" + PercentEncodePath(relative)
                                 : PercentEncodePath(relative);
    return fmt::format(R"(<a href="{}">{}</a>)", Esc(href), EscLine(path));
  }

  // Outlet, date, link, line:col; then speaker.
  std::string SourceBlock(size_t quote) const {
    const QuoteRecord& q = result_.quotes[quote];
    const DocumentInfo& doc = result_.documents[q.doc];
    std::vector<std::string> parts;
    if (!doc.meta.outlet.empty())
      parts.push_back("<strong>" + EscLine(doc.meta.outlet) + "</strong>");
    if (!doc.meta.date.empty()) parts.push_back(EscLine(doc.meta.date));
    parts.push_back(fmt::format("{}:{}:{}", document_links_[q.doc], q.line, q.col));
    std::string out = fmt::format("<div class=\"source\">{}</div>", fmt::join(parts, " · "));
    out.append(fmt::format("<div class=\"source\">Speaker: <span class=\"who\">{}</span></div>",
                           q.speaker ? EscLine(*q.speaker) : std::string("(unattributed)")));
    return out;
  }

  // Words only one side quotes before the first shared word or after the last one (a
  // fragment against the whole statement) cut by CutAtSpace; punctuation after them may follow.
  static std::vector<DiffOp> TrimEdges(std::vector<DiffOp> ops) {
    auto cut = [](DiffOp* op, bool keep_end) {
      const Keep keep = keep_end ? Keep::kEnd : Keep::kStart;
      if (op->kind == DiffOp::Kind::kDelete) {
        op->a = CutAtSpace(op->a, kEdgeChangeLimit, keep, kEdgeChangeSlack);
      }
      if (op->kind == DiffOp::Kind::kInsert) {
        op->b = CutAtSpace(op->b, kEdgeChangeLimit, keep, kEdgeChangeSlack);
      }
    };
    if (!ops.empty()) cut(&ops.front(), /*keep_end=*/true);
    size_t tail = 0;  // bytes of the ops after the candidate
    for (size_t i = ops.size(); i-- > 1;) {
      if (ops[i].kind == DiffOp::Kind::kDelete || ops[i].kind == DiffOp::Kind::kInsert) {
        if (tail <= 3) cut(&ops[i], /*keep_end=*/false);
        break;
      }
      tail += std::max(ops[i].a.size(), ops[i].b.size());
      if (tail > 3) break;
    }
    return ops;
  }

  // The two sides of a diff from the reference (a) to a member (b), edges trimmed.
  static std::pair<std::string, std::string> DiffSides(const std::vector<DiffOp>& all_ops) {
    const std::vector<DiffOp> ops = TrimEdges(all_ops);
    WordDiffStyle ref_style;
    ref_style.removed_open = "<del>";
    ref_style.removed_close = "</del>";
    ref_style.escape = &EscapeHtml;
    WordDiffStyle member_style = ref_style;
    // The reference side: equal and removed words; the member side: equal and added words.
    std::vector<DiffOp> ref_ops, member_ops;
    for (const DiffOp& op : ops) {
      DiffOp r = op, m = op;
      switch (op.kind) {
        case DiffOp::Kind::kEqual:
          r.b = op.a;
          m.a = op.b;
          break;
        case DiffOp::Kind::kDelete:
          m.kind = DiffOp::Kind::kEqual;
          m.a.clear();
          m.b.clear();
          break;
        case DiffOp::Kind::kInsert:
          r.kind = DiffOp::Kind::kEqual;
          r.a.clear();
          r.b.clear();
          break;
        case DiffOp::Kind::kReplace:
          r.kind = DiffOp::Kind::kDelete;
          r.b.clear();
          m.kind = DiffOp::Kind::kInsert;
          m.a.clear();
          break;
      }
      auto empty = [](const DiffOp& x) { return x.a.empty() && x.b.empty(); };
      if (!empty(r)) ref_ops.push_back(std::move(r));
      if (!empty(m)) member_ops.push_back(std::move(m));
    }
    member_style.added_open = "<ins>";
    member_style.added_close = "</ins>";
    return {FormatWordDiff(ref_ops, ref_style), FormatWordDiff(member_ops, member_style)};
  }

  void WriteCluster(const ClusterReport& report, std::string* out) const {
    const Cluster& cluster = result_.clusters[report.cluster];
    std::vector<size_t> all_findings;
    for (const MemberReport& m : report.members) {
      all_findings.insert(all_findings.end(), m.findings.begin(), m.findings.end());
    }
    out->append(fmt::format("<article class=\"cluster\" id=\"{}\" data-findings=\"{}\">\n",
                            Esc(cluster.id), FindingPairs(all_findings)));
    out->append(
        fmt::format("<div class=\"cluster-head\"><h3>Cluster <span class=\"id\">{}</span></h3>",
                    Esc(cluster.id)));
    std::set<Severity> severities;
    for (size_t f : all_findings) severities.insert(result_.findings[f].severity);
    for (auto it = severities.rbegin(); it != severities.rend(); ++it) out->append(Badge(*it));
    out->append("</div>\n");
    out->append(
        fmt::format("<blockquote class=\"reference\">“{}”</blockquote>\n",
                    Esc(ShortenForDisplay(result_.quotes[report.reference].text, kHeadlineLimit))));

    std::vector<std::string> speakers;
    for (const std::string& s : cluster.speakers) speakers.push_back(EscLine(s));
    std::string meta = speakers.empty()
                           ? std::string("Speaker: (unattributed)")
                           : fmt::format("{}: {}", speakers.size() == 1 ? "Speaker" : "Speakers",
                                         fmt::join(speakers, ", "));
    auto where = [&](size_t q) {
      const DocumentInfo& doc = result_.documents[result_.quotes[q].doc];
      std::string link = document_links_[result_.quotes[q].doc];
      const std::string about = OutletAndDate(doc.meta);
      if (!about.empty()) link.append(" ").append(Esc(about));
      return link;
    };
    meta.append(". First: ").append(where(cluster.first));
    if (cluster.primary) meta.append(". Primary source: ").append(where(*cluster.primary));
    out->append(fmt::format("<p class=\"meta\">{}.</p>\n", meta));

    const std::string ref_label = cluster.primary ? "Primary source wording" : "Reference wording";
    // lint: the other side is the draft's; check: any member's.
    out->append(
        fmt::format("<table class=\"compare\"><thead><tr><th>{}</th><th>{}</th></tr></thead>"
                    "<tbody>\n",
                    ref_label, lint_ ? "Draft wording" : "Member wording"));
    for (const MemberReport& member : report.members) {
      if (member.reference || !member.divergent) continue;
      const QuoteRecord& q = result_.quotes[member.quote];
      std::string ref_words, member_words;
      if (HasChanges(member.diff)) {
        std::tie(ref_words, member_words) = DiffSides(member.diff);
      } else {
        ref_words = EscLine(result_.quotes[report.reference].text);
        member_words = EscLine(q.text);
      }
      out->append(fmt::format("<tr data-findings=\"{}\">", FindingPairs(member.findings)));
      out->append(fmt::format("<td data-label=\"{}\">{}<div class=\"words\">“{}”</div></td>",
                              ref_label, SourceBlock(report.reference), ref_words));
      const bool draft = result_.documents[q.doc].draft;
      out->append(fmt::format("<td data-label=\"{}\">{}<div class=\"words\">“{}”</div>",
                              draft ? "Draft wording" : "Member wording", SourceBlock(member.quote),
                              member_words));
      out->append(fmt::format("<div class=\"relation\">{}</div>",
                              Esc(RelationLabel(result_, report, member))));
      if (!member.findings.empty()) {
        out->append("<ul class=\"notes\">");
        for (size_t f : member.findings) {
          const Finding& finding = result_.findings[f];
          out->append(
              fmt::format("<li data-findings=\"{}\">{}<span class=\"rule\">{}</span>: {} "
                          "<span class=\"confidence\">(confidence {:.2f})</span>{}</li>",
                          Esc(Pair(finding)), Badge(finding.severity), Esc(finding.rule),
                          EscLine(finding.message), finding.confidence, EvidenceNote(finding)));
        }
        out->append("</ul>");
      }
      out->append("</td></tr>\n");
    }
    out->append("</tbody></table>\n</article>\n");
  }

  // What a finding rests on: the shared words and both speakers, for the reader to judge.
  static std::string EvidenceNote(const Finding& finding) {
    const FindingEvidence& e = finding.evidence;
    if (e.shared_words.empty() && e.speaker_keys.empty()) return {};
    std::string note = "<div class=\"evidence\">";
    if (e.relation) note.append(EscLine(std::string(RelationName(*e.relation)))).append("; ");
    note.append(fmt::format("{} shared words: {}", e.shared_words.size(),
                            EscLine(fmt::format("{}", fmt::join(e.shared_words, ", ")))));
    if (e.speaker_keys.size() == 2) {
      note.append(fmt::format("; speakers: {} / {}", EscLine(e.speaker_keys[0]),
                              EscLine(e.speaker_keys[1])));
    }
    return note + "</div>";
  }

  void WriteFindings(OrderedRecords* writer) const {
    std::string& out = writer->buffer();
    out.append("<section id=\"findings\">\n<h2>Findings</h2>\n");
    if (result_.findings.empty()) {
      out.append("<p class=\"empty\">No findings.</p>\n</section>\n");
      return;
    }
    out.append(
        "<section class=\"card\"><table class=\"findings\"><thead><tr><th>Severity</th>"
        "<th>Rule</th><th>Location</th><th>Confidence</th><th>Message</th></tr></thead><tbody>\n");
    const WordDiffStyle style = HtmlDiffStyle();
    // A row a finding, formatted on the threads.
    writer->Write(
        result_.findings.size(), kRecordsPerChunk, [&](std::string* row, size_t f, unsigned) {
          const Finding& finding = result_.findings[f];
          const Diagnostic d = FindingDiagnostic(result_, finding);
          std::string location;  // a line break may follow each "/"
          for (const char c : EscLine(d.path)) {
            location.push_back(c);
            if (c == '/') location.append("<wbr>");
          }
          if (d.line > 0) location.append(fmt::format(":{}:{}", d.line, d.col));
          std::string message = EscLine(finding.message);
          if (finding.diff && HasChanges(finding.diff->ops)) {
            // Finding::diff runs from the reported quotation (a) to the reference (b).
            std::vector<DiffOp> ops = ReversedDiff(finding.diff->ops);
            message.append(fmt::format("<span class=\"diff words\">{}</span>",
                                       FormatWordDiff(TrimEdges(std::move(ops)), style)));
          }
          message.append(EvidenceNote(finding));
          row->append(fmt::format(
              "<tr data-findings=\"{}\"><td>{}</td><td><span class=\"rule\">{}</span></td>"
              "<td class=\"loc\">{}</td><td class=\"confidence\">{:.2f}</td><td>{}</td></tr>\n",
              Esc(Pair(finding)), Badge(finding.severity), Esc(finding.rule), location,
              finding.confidence, message));
        });
    writer->buffer().append("</tbody></table></section>\n</section>\n");
  }

  const CheckResult& result_;
  const HtmlOptions& options_;
  bool lint_ = false;  // a draft among the documents: the other side of each row is the draft's
  std::vector<std::string> document_links_;  // by document a cluster quotes: DocumentLink
};

}  // namespace

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    switch (c) {
      case '&':
        out.append("&amp;");
        break;
      case '<':
        out.append("&lt;");
        break;
      case '>':
        out.append("&gt;");
        break;
      case '"':
        out.append("&quot;");
        break;
      case '\'':
        out.append("&#39;");
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

WordDiffStyle HtmlDiffStyle() {
  WordDiffStyle style;
  style.removed_open = "<del>";
  style.removed_close = "</del>";
  style.added_open = "<ins>";
  style.added_close = "</ins>";
  style.escape = &EscapeHtml;
  return style;
}

std::string FormatCheckHtml(const CheckResult& result, const HtmlOptions& options) {
  std::ostringstream out;
  PrintCheckHtml(result, options, &out, /*jobs=*/1);
  return std::move(out).str();
}

void PrintCheckHtml(const CheckResult& result, const HtmlOptions& options, std::ostream* out,
                    unsigned jobs) {
  HtmlWriter(result, options).Write(out, jobs);
}

}  // namespace quotecheck
