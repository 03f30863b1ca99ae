#include "report/check_sarif_printer.h"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <utility>

#include "core/code_point.h"
#include "report/check_report_view.h"
#include "report/finding_fingerprint.h"
#include "report/json_writer.h"
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

// Pretty-prints compact JSON (as JsonWriter writes it: no white space outside strings) with
// two-space indentation; empty arrays and objects stay "[]" and "{}".
std::string IndentJson(std::string_view json) {
  std::string out;
  out.reserve(json.size() + json.size() / 2);
  int depth = 0;
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
  out.push_back('\n');
  return out;
}

class SarifWriter {
 public:
  SarifWriter(const CheckResult& result, const SarifOptions& options, std::string* out)
      : result_(result), options_(options), json_(out) {}

  void Write() {
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

    json_.BeginObject();
    json_.Key("$schema");
    json_.String(kSchemaUri);
    json_.Key("version");
    json_.String("2.1.0");
    json_.Key("runs");
    json_.BeginArray();
    json_.BeginObject();
    json_.Key("tool");
    json_.BeginObject();
    json_.Key("driver");
    json_.BeginObject();
    json_.Key("name");
    json_.String("quotecheck");
    json_.Key("version");
    json_.String(options_.tool_version);
    json_.Key("informationUri");
    json_.String(kQuotecheckInformationUri);
    json_.Key("rules");
    json_.BeginArray();
    for (const RuleInfo& rule : rules) WriteRule(rule);
    json_.EndArray();
    json_.EndObject();  // driver
    json_.EndObject();  // tool
    json_.Key("columnKind");
    json_.String("unicodeCodePoints");
    json_.Key("results");
    json_.BeginArray();
    for (const Finding& finding : result_.findings) WriteResult(finding);
    json_.EndArray();
    json_.EndObject();  // run
    json_.EndArray();
    json_.EndObject();
  }

 private:
  void Text(std::string_view key, std::string_view text) {
    json_.Key(key);
    json_.BeginObject();
    json_.Key("text");
    json_.String(text);
    json_.EndObject();
  }

  void WriteRule(const RuleInfo& rule) {
    json_.BeginObject();
    json_.Key("id");
    json_.String(rule.id);
    json_.Key("name");
    json_.String(rule.name);
    Text("shortDescription", rule.short_description);
    Text("fullDescription", rule.full_description);
    json_.Key("help");
    json_.BeginObject();
    json_.Key("text");
    json_.String(PlainText(rule.help_markdown));
    json_.Key("markdown");
    json_.String(rule.help_markdown);
    json_.EndObject();
    json_.Key("defaultConfiguration");
    json_.BeginObject();
    json_.Key("level");
    json_.String(LevelName(rule.default_severity));
    json_.EndObject();
    json_.EndObject();
  }

  // artifactLocation + region, or false when the document is no file.
  bool WritePhysicalLocation(uint32_t doc, const TextRegion& region) {
    const DocumentInfo& info = result_.documents[doc];
    const std::string& path = info.path.empty() ? info.id : info.path;
    if (!options_.locator.IsFile(path)) return false;
    const std::string relative = options_.locator.RelativePath(path);
    json_.Key("physicalLocation");
    json_.BeginObject();
    json_.Key("artifactLocation");
    json_.BeginObject();
    json_.Key("uri");
    if (!relative.empty() && relative.front() == '/') {
      json_.String("file://" + PercentEncodePath(relative));
    } else {
      json_.String(PercentEncodePath(relative));
      json_.Key("uriBaseId");
      json_.String("%SRCROOT%");
    }
    json_.EndObject();
    if (region.start_line > 0) {
      json_.Key("region");
      json_.BeginObject();
      json_.Key("startLine");
      json_.Uint(region.start_line);
      if (region.start_column > 0) {
        json_.Key("startColumn");
        json_.Uint(region.start_column);
      }
      if (region.end_line > 0) {
        json_.Key("endLine");
        json_.Uint(region.end_line);
        json_.Key("endColumn");
        json_.Uint(region.end_column);
      }
      json_.EndObject();
    }
    json_.EndObject();
    return true;
  }

  // The body of a location object (physical, else logical by document id).
  void WriteLocationBody(uint32_t doc, const TextRegion& region) {
    if (WritePhysicalLocation(doc, region)) return;
    json_.Key("logicalLocations");
    json_.BeginArray();
    json_.BeginObject();
    json_.Key("name");
    json_.String(result_.documents[doc].id);
    json_.Key("kind");
    json_.String("object");
    json_.EndObject();
    json_.EndArray();
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

  void WriteResult(const Finding& finding) {
    json_.BeginObject();
    json_.Key("ruleId");
    json_.String(finding.rule);
    json_.Key("ruleIndex");
    json_.Uint(rule_index_.at(finding.rule));
    json_.Key("level");
    json_.String(LevelName(finding.severity));
    // SARIF's rank: the finding's confidence on its 0–100 scale.
    json_.Key("rank");
    json_.Double(std::round(finding.confidence * 1000) / 10);
    Text("message", FindingMessageWithDiff(finding));

    std::optional<uint32_t> doc;
    TextRegion region;
    const bool has_quote =
        !finding.quotes.empty() && finding.quotes.front() < result_.quotes.size();
    if (has_quote) {
      const QuoteRecord& q = result_.quotes[finding.quotes.front()];
      doc = q.doc;
      region = QuoteRegion(q);
    } else if (finding.doc && *finding.doc < result_.documents.size()) {
      doc = *finding.doc;
      if (finding.location && finding.location->line > 0) {
        region.start_line = finding.location->line;
        region.start_column = finding.location->col;
      }
    }
    if (doc) {
      json_.Key("locations");
      json_.BeginArray();
      json_.BeginObject();
      WriteLocationBody(*doc, region);
      json_.EndObject();
      json_.EndArray();
    }
    if (has_quote && finding.quotes.size() > 1) {
      json_.Key("relatedLocations");
      json_.BeginArray();
      for (size_t i = 1; i < finding.quotes.size(); ++i) {
        const size_t quote = finding.quotes[i];
        if (quote >= result_.quotes.size()) continue;
        json_.BeginObject();
        json_.Key("id");
        json_.Uint(i);
        WriteLocationBody(result_.quotes[quote].doc, QuoteRegion(result_.quotes[quote]));
        Text("message", RelatedMessage(quote, i == 1));
        json_.EndObject();
      }
      json_.EndArray();
    }
    // The fingerprint, numbered within its file as GitHub numbers identical line hashes.
    const std::string fingerprint = FindingFingerprint(result_, finding);
    const std::string file = doc ? result_.documents[*doc].path : std::string();
    const size_t occurrence = ++occurrences_[{file, fingerprint}];
    json_.Key("partialFingerprints");
    json_.BeginObject();
    json_.Key("primaryLocationLineHash");
    json_.String(fmt::format("{}:{}", fingerprint, occurrence));
    json_.EndObject();
    json_.EndObject();
  }

  const CheckResult& result_;
  const SarifOptions& options_;
  JsonWriter json_;
  std::map<std::string, size_t> rule_index_;
  std::map<std::pair<std::string, std::string>, size_t> occurrences_;
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
  std::string compact;
  SarifWriter(result, options, &compact).Write();
  return IndentJson(compact);
}

void PrintCheckSarif(const CheckResult& result, const SarifOptions& options, std::ostream* out) {
  const std::string text = FormatCheckSarif(result, options);
  out->write(text.data(), static_cast<std::streamsize>(text.size()));
  out->flush();
}

}  // namespace quotecheck
