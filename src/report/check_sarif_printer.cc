#include "report/check_sarif_printer.h"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <optional>
#include <sstream>
#include <utility>

#include "core/code_point.h"
#include "core/parallel_slices.h"
#include "report/check_report_view.h"
#include "report/finding_fingerprint.h"
#include "report/json_writer.h"
#include "report/ordered_records.h"
#include "report/text_printer.h"

namespace quotecheck {
namespace {

constexpr std::string_view kSchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr size_t kRelatedTextLimit = 80;  // code points of a related quotation in its message

std::string_view LevelName(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      break;
  }
  return "note";
}

// "wording-divergence" → "WordingDivergence".
std::string PascalCase(std::string_view id) {
  std::string out;
  bool upper = true;
  for (const char c : id) {
    if (c == '-' || c == '_' || c == '/' || c == ' ') {
      upper = true;
      continue;
    }
    out.push_back(upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    upper = false;
  }
  return out;
}

// The Markdown help as plain text: no emphasis or code marks.
std::string PlainText(std::string_view markdown) {
  std::string out;
  for (const char c : markdown) {
    if (c != '*' && c != '`' && c != '_') out.push_back(c);
  }
  return out;
}

// Appends compact JSON (as JsonWriter writes it: no white space outside strings) pretty-printed
// with two-space indentation, as it reads at nesting `depth`; empty arrays and objects stay
// "[]" and "{}". No line end after the last character.
void AppendIndentedJson(std::string_view json, int depth, std::string* out_string) {
  std::string& out = *out_string;
  out.reserve(out.size() + json.size() + json.size() / 2);
  bool in_string = false;
  auto newline = [&]() {
    out.push_back('\n');
    out.append(static_cast<size_t>(depth) * 2, ' ');
  };
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      out.push_back(c);
      if (c == '\\' && i + 1 < json.size()) {
        out.push_back(json[++i]);
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        out.push_back(c);
        break;
      case '{':
      case '[':
        out.push_back(c);
        if (i + 1 < json.size() && (json[i + 1] == '}' || json[i + 1] == ']')) {
          out.push_back(json[++i]);
        } else {
          ++depth;
          newline();
        }
        break;
      case '}':
      case ']':
        --depth;
        newline();
        out.push_back(c);
        break;
      case ',':
        out.push_back(c);
        newline();
        break;
      case ':':
        out.append(": ");
        break;
      default:
        out.push_back(c);
    }
  }
}

// The results array's place in the log's skeleton: a string no finding writes, replaced by
// the results as they are formatted (SarifWriter::Write).
constexpr std::string_view kResultsPlace = "\x01results";

class SarifWriter {
 public:
  SarifWriter(const CheckResult& result, const SarifOptions& options)
      : result_(result), options_(options) {}

  // The log, written as it is made: the skeleton (tool, rules, run) indented once, then the
  // results formatted on up to `jobs` threads a chunk at a time and written in order
  // (report/ordered_records.h), each indented where the skeleton held its place.
  void Write(std::ostream* out, unsigned jobs) {
    // Rules: every known one, then the unknown ids in order of appearance.
    std::vector<RuleInfo> rules = KnownRules();
    std::vector<std::string> extra_ids;  // keeps the unknown ids' text alive
    for (const Finding& f : result_.findings) {
      bool known = false;
      for (const RuleInfo& r : rules) known = known || r.id == f.rule;
      for (const std::string& id : extra_ids) known = known || id == f.rule;
      if (!known) extra_ids.push_back(f.rule);
    }
    std::vector<std::string> extra_names;
    extra_names.reserve(extra_ids.size());
    for (const std::string& id : extra_ids) {
      RuleInfo info = DescribeRule(id);
      extra_names.push_back(PascalCase(id));
      info.id = id;
      info.name = extra_names.back();
      rules.push_back(info);
    }
    for (size_t i = 0; i < rules.size(); ++i) rule_index_[std::string(rules[i].id)] = i;
    NumberFingerprints(jobs);

    std::string compact;
    JsonWriter json(&compact);
    json.BeginObject();
    json.Key("$schema");
    json.String(kSchemaUri);
    json.Key("version");
    json.String("2.1.0");
    json.Key("runs");
    json.BeginArray();
    json.BeginObject();
    json.Key("tool");
    json.BeginObject();
    json.Key("driver");
    json.BeginObject();
    json.Key("name");
    json.String("quotecheck");
    json.Key("version");
    json.String(options_.tool_version);
    json.Key("informationUri");
    json.String(kQuotecheckInformationUri);
    json.Key("rules");
    json.BeginArray();
    for (const RuleInfo& rule : rules) WriteRule(json, rule);
    json.EndArray();
    json.EndObject();  // driver
    json.EndObject();  // tool
    json.Key("columnKind");
    json.String("unicodeCodePoints");
    json.Key("results");
    json.BeginArray();
    if (!result_.findings.empty()) json.String(kResultsPlace);
    json.EndArray();
    json.EndObject();  // run
    json.EndArray();
    json.EndObject();
    std::string skeleton;
    AppendIndentedJson(compact, 0, &skeleton);
    skeleton.push_back('\n');

    OrderedRecords writer(out, jobs);
    std::string place;
    AppendJsonString(&place, kResultsPlace);
    const size_t at = skeleton.find(place);
    if (at == std::string::npos) {  // no findings: "results": []
      writer.buffer().append(skeleton);
      writer.Finish();
      return;
    }
    // The results' depth: the indentation before their place, two spaces a level.
    const size_t line = skeleton.rfind('\n', at) + 1;
    const int depth = static_cast<int>((at - line) / 2);
    const std::string between = ",\n" + skeleton.substr(line, at - line);
    writer.buffer().append(skeleton, 0, at);
    std::vector<std::string> scratch(std::max(1u, jobs));  // each thread's compact result
    writer.Write(result_.findings.size(), kRecordsPerChunk,
                 [&](std::string* text, size_t f, unsigned worker) {
                   std::string& one = scratch[worker];
                   one.clear();
                   JsonWriter result_json(&one);
                   WriteResult(result_json, f);
                   if (f > 0) text->append(between);
                   AppendIndentedJson(one, depth, text);
                 });
    writer.buffer().append(skeleton, at + place.size());
    writer.Finish();
  }

 private:
  static void Text(JsonWriter& json, std::string_view key, std::string_view text) {
    json.Key(key);
    json.BeginObject();
    json.Key("text");
    json.String(text);
    json.EndObject();
  }

  static void WriteRule(JsonWriter& json, const RuleInfo& rule) {
    json.BeginObject();
    json.Key("id");
    json.String(rule.id);
    json.Key("name");
    json.String(rule.name);
    Text(json, "shortDescription", rule.short_description);
    Text(json, "fullDescription", rule.full_description);
    json.Key("help");
    json.BeginObject();
    json.Key("text");
    json.String(PlainText(rule.help_markdown));
    json.Key("markdown");
    json.String(rule.help_markdown);
    json.EndObject();
    json.Key("defaultConfiguration");
    json.BeginObject();
    json.Key("level");
    json.String(LevelName(rule.default_severity));
    json.EndObject();
    json.EndObject();
  }

  // artifactLocation + region, or false when the document is no file.
  bool WritePhysicalLocation(JsonWriter& json, uint32_t doc, const TextRegion& region) const {
    const DocumentInfo& info = result_.documents[doc];
    const std::string& path = info.path.empty() ? info.id : info.path;
    if (!options_.locator.IsFile(path)) return false;
    const std::string relative = options_.locator.RelativePath(path);
    json.Key("physicalLocation");
    json.BeginObject();
    json.Key("artifactLocation");
    json.BeginObject();
    json.Key("uri");
    if (!relative.empty() && relative.front() == '/') {
      json.String("file://" + PercentEncodePath(relative));
    } else {
      json.String(PercentEncodePath(relative));
      json.Key("uriBaseId");
      json.String("%SRCROOT%");
    }
    json.EndObject();
    if (region.start_line > 0) {
      json.Key("region");
      json.BeginObject();
      json.Key("startLine");
      json.Uint(region.start_line);
      if (region.start_column > 0) {
        json.Key("startColumn");
        json.Uint(region.start_column);
      }
      if (region.end_line > 0) {
        json.Key("endLine");
        json.Uint(region.end_line);
        json.Key("endColumn");
        json.Uint(region.end_column);
      }
      json.EndObject();
    }
    json.EndObject();
    return true;
  }

  // The body of a location object (physical, else logical by document id).
  void WriteLocationBody(JsonWriter& json, uint32_t doc, const TextRegion& region) const {
    if (WritePhysicalLocation(json, doc, region)) return;
    json.Key("logicalLocations");
    json.BeginArray();
    json.BeginObject();
    json.Key("name");
    json.String(result_.documents[doc].id);
    json.Key("kind");
    json.String("object");
    json.EndObject();
    json.EndArray();
  }

  std::string RelatedMessage(size_t quote, bool reference) const {
    const QuoteRecord& q = result_.quotes[quote];
    const DocumentInfo& doc = result_.documents[q.doc];
    std::string out = reference ? "reference: “" : "related: “";
    out.append(ShortenForDisplay(q.text, kRelatedTextLimit)).append("”");
    std::vector<std::string> about;
    if (q.speaker) about.push_back(*q.speaker);
    if (!doc.meta.outlet.empty()) about.push_back(doc.meta.outlet);
    if (!doc.meta.date.empty()) about.push_back(doc.meta.date);
    if (doc.path != doc.id || !options_.locator.IsFile(doc.path)) about.push_back(doc.id);
    if (!about.empty()) out.append(fmt::format(" ({})", fmt::join(about, ", ")));
    return out;
  }

  void WriteResult(JsonWriter& json, size_t f) const {
    const Finding& finding = result_.findings[f];
    json.BeginObject();
    json.Key("ruleId");
    json.String(finding.rule);
    json.Key("ruleIndex");
    json.Uint(rule_index_.at(finding.rule));
    json.Key("level");
    json.String(LevelName(finding.severity));
    // SARIF's rank: the finding's confidence on its 0–100 scale.
    json.Key("rank");
    json.Double(std::round(finding.confidence * 1000) / 10);
    Text(json, "message", FindingMessageWithDiff(finding));

    const std::optional<uint32_t> doc = LocationDocument(finding);
    TextRegion region;
    const bool has_quote =
        !finding.quotes.empty() && finding.quotes.front() < result_.quotes.size();
    if (has_quote) {
      region = QuoteRegion(result_.quotes[finding.quotes.front()]);
    } else if (doc) {
      if (finding.location && finding.location->line > 0) {
        region.start_line = finding.location->line;
        region.start_column = finding.location->col;
      }
    }
    if (doc) {
      json.Key("locations");
      json.BeginArray();
      json.BeginObject();
      WriteLocationBody(json, *doc, region);
      json.EndObject();
      json.EndArray();
    }
    if (has_quote && finding.quotes.size() > 1) {
      json.Key("relatedLocations");
      json.BeginArray();
      for (size_t i = 1; i < finding.quotes.size(); ++i) {
        const size_t quote = finding.quotes[i];
        if (quote >= result_.quotes.size()) continue;
        json.BeginObject();
        json.Key("id");
        json.Uint(i);
        WriteLocationBody(json, result_.quotes[quote].doc, QuoteRegion(result_.quotes[quote]));
        Text(json, "message", RelatedMessage(quote, i == 1));
        json.EndObject();
      }
      json.EndArray();
    }
    json.Key("partialFingerprints");
    json.BeginObject();
    json.Key("primaryLocationLineHash");
    json.String(line_hashes_[f]);
    json.EndObject();
    json.EndObject();
  }

  // Each finding's primaryLocationLineHash: its fingerprint (FindingFingerprint, made on up
  // to `jobs` threads), numbered within its file as GitHub numbers identical line hashes (in
  // result order, on this thread).
  void NumberFingerprints(unsigned jobs) {
    const std::vector<Finding>& findings = result_.findings;
    line_hashes_.assign(findings.size(), std::string());
    RunInChunks(findings.size(), kRecordsPerChunk, std::max(1u, jobs),
                [&](size_t begin, size_t end, unsigned) {
                  for (size_t f = begin; f < end; ++f) {
                    line_hashes_[f] = FindingFingerprint(result_, findings[f]);
                  }
                });
    std::map<std::pair<std::string, std::string>, size_t> occurrences;
    for (size_t f = 0; f < findings.size(); ++f) {
      const std::optional<uint32_t> doc = LocationDocument(findings[f]);
      const std::string file = doc ? result_.documents[*doc].path : std::string();
      const size_t occurrence = ++occurrences[{file, line_hashes_[f]}];
      line_hashes_[f].append(fmt::format(":{}", occurrence));
    }
  }

  // The document of a finding's location: its first quotation's, else its own.
  std::optional<uint32_t> LocationDocument(const Finding& finding) const {
    if (!finding.quotes.empty() && finding.quotes.front() < result_.quotes.size()) {
      return result_.quotes[finding.quotes.front()].doc;
    }
    if (finding.doc && *finding.doc < result_.documents.size()) return *finding.doc;
    return std::nullopt;
  }

  const CheckResult& result_;
  const SarifOptions& options_;
  std::map<std::string, size_t> rule_index_;
  std::vector<std::string> line_hashes_;  // by finding: NumberFingerprints
};

}  // namespace

bool SourceLocator::IsFile(const std::string& path) const {
  if (path.empty() || path == "-") return false;
  return is_file ? is_file(path) : true;
}

std::string SourceLocator::RelativePath(const std::string& path) const {
  namespace fs = std::filesystem;
  fs::path p(path);
  if (p.is_relative() && !working_directory.empty()) p = fs::path(working_directory) / p;
  p = p.lexically_normal();
  const std::string& root = source_root.empty() ? working_directory : source_root;
  if (!root.empty() && p.is_absolute()) {
    const fs::path relative = p.lexically_relative(fs::path(root).lexically_normal());
    if (!relative.empty() && *relative.begin() != "..") p = relative;
  }
  return p.generic_string();
}

std::string PercentEncodePath(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  for (const char c : path) {
    const auto u = static_cast<unsigned char>(c);
    const bool keep = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                      u == '-' || u == '.' || u == '_' || u == '~' || u == '/';
    if (keep) {
      out.push_back(c);
    } else {
      out.append(fmt::format("%{:02X}", u));
    }
  }
  return out;
}

TextRegion QuoteRegion(const QuoteRecord& quote) {
  TextRegion region;
  region.start_line = quote.line;
  region.start_column = quote.col;
  if (quote.line == 0) return region;
  std::string_view text = quote.text;
  if (quote.spans.size() > 1 && quote.spans.front().size() <= text.size()) {
    text = text.substr(0, quote.spans.front().size());
  }
  uint32_t line = quote.line;
  uint32_t column = std::max<uint32_t>(quote.col, 1);
  for (size_t i = 0; i < text.size();) {
    const DecodedCodePoint cp = DecodeAt(text, i);
    i += std::max<size_t>(cp.size, 1);
    if (cp.cp == U'\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  region.end_line = line;
  region.end_column = column;
  return region;
}

std::string FindingWordDiff(const Finding& finding) {
  if (!finding.diff || !HasChanges(finding.diff->ops)) return {};
  return FormatWordDiff(ReversedDiff(finding.diff->ops), WordDiffStyle{});
}

std::string FindingMessageWithDiff(const Finding& finding) {
  std::string out = finding.message;
  const std::string diff = FindingWordDiff(finding);
  if (!diff.empty()) out.append("\n").append(diff);
  return out;
}

std::string FormatCheckSarif(const CheckResult& result, const SarifOptions& options) {
  std::ostringstream out;
  PrintCheckSarif(result, options, &out, /*jobs=*/1);
  return std::move(out).str();
}

void PrintCheckSarif(const CheckResult& result, const SarifOptions& options, std::ostream* out,
                     unsigned jobs) {
  SarifWriter(result, options).Write(out, jobs);
}

}  // namespace quotecheck
