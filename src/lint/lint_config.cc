#include "lint/lint_config.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/regular_file.h"
#include "findings/finding_rules.h"

namespace quotecheck {
namespace fs = std::filesystem;
namespace {

class ConfigParser {
 public:
  ConfigParser(const std::string& path, std::string_view text, LintConfig* config,
               Diagnostics* diagnostics)
      : path_(path), text_(text), config_(config), diagnostics_(diagnostics) {}

  bool Parse() {
    config_->path = path_;
    const fs::path parent = fs::path(path_).parent_path();
    config_->dir = parent.empty() ? "." : parent.generic_string();
    toml::table root;
    try {
      root = toml::parse(text_, path_);
    } catch (const toml::parse_error& e) {
      ErrorAt(e.source().begin.line, e.source().begin.column, std::string(e.description()));
      return false;
    }
    for (auto&& [key, node] : root) {
      const std::string_view name = key.str();
      if (name == "rules") {
        Paths(node, "rules", &config_->rule_dirs);
      } else if (name == "references") {
        Paths(node, "references", &config_->references);
      } else if (name == "primary") {
        Paths(node, "primary", &config_->primary);
      } else if (name == "fail_level") {
        const std::optional<std::string> value = node.value<std::string>();
        if (!value || (*value != "none" && !Level(*value))) {
          Error(node, "fail_level must be \"error\", \"warning\", \"info\" or \"none\"");
        } else {
          config_->fail_level = *value == "none" ? std::nullopt : Level(*value);
        }
      } else if (name == "severity") {
        Severities(node, &config_->severity);
      } else if (name == "overrides") {
        Overrides(node);
      } else {
        ErrorAtKey(key, fmt::format("unknown key '{}' (expected rules, references, primary, "
                                    "fail_level, severity or overrides)",
                                    name));
      }
    }
    return ok_;
  }

 private:
  static std::optional<Severity> Level(std::string_view name) {
    if (name == "error") return Severity::kError;
    if (name == "warning") return Severity::kWarning;
    if (name == "info") return Severity::kInfo;
    return std::nullopt;
  }

  void ErrorAt(uint32_t line, uint32_t col, std::string message) {
    ok_ = false;
    Diagnostic d;
    d.severity = Severity::kError;
    d.path = path_;
    d.line = line;
    d.col = col;
    d.message = std::move(message);
    size_t start = 0;
    for (uint32_t l = 1; l < line && start != std::string_view::npos; ++l) {
      start = text_.find('\n', start);
      if (start != std::string_view::npos) ++start;
    }
    if (line > 0 && start != std::string_view::npos && start <= text_.size()) {
      const size_t end = text_.find('\n', start);
      std::string_view src = text_.substr(start, end == std::string_view::npos ? end : end - start);
      if (!src.empty() && src.back() == '\r') src.remove_suffix(1);
      d.source_line = std::string(src);
    }
    diagnostics_->push_back(std::move(d));
  }
  void Error(const toml::node& node, std::string message) {
    ErrorAt(node.source().begin.line, node.source().begin.column, std::move(message));
  }
  void ErrorAtKey(const toml::key& key, std::string message) {
    ErrorAt(key.source().begin.line, key.source().begin.column, std::move(message));
  }

  void Paths(const toml::node& node, std::string_view what, std::vector<std::string>* out) {
    const toml::array* array = node.as_array();
    if (array == nullptr) {
      Error(node, fmt::format("{} must be an array of paths", what));
      return;
    }
    for (const toml::node& item : *array) {
      const std::optional<std::string> value = item.value<std::string>();
      if (!value || value->empty()) {
        Error(item, fmt::format("{} must be an array of paths", what));
        continue;
      }
      const fs::path p(*value);
      out->push_back(p.is_absolute() || config_->dir == "."
                         ? p.lexically_normal().generic_string()
                         : (fs::path(config_->dir) / p).lexically_normal().generic_string());
    }
  }

  void Severities(const toml::node& node, RuleSeverities* out) {
    const toml::table* table = node.as_table();
    if (table == nullptr) {
      Error(node,
            "severity must be a table of rule = \"error\" | \"warning\" | \"info\" | "
            "\"off\"");
      return;
    }
    const std::vector<std::string_view> rules = RuleIdsFor(kRuleLint);
    for (auto&& [key, value] : *table) {
      const std::string_view rule = key.str();
      if (std::find(rules.begin(), rules.end(), rule) == rules.end()) {
        ErrorAtKey(key,
                   fmt::format("unknown rule '{}' (expected {})", rule, fmt::join(rules, ", ")));
        continue;
      }
      const std::optional<std::string> level = value.value<std::string>();
      if (!level || (*level != "off" && !Level(*level))) {
        Error(value, fmt::format("severity of {} must be \"error\", \"warning\", \"info\" or "
                                 "\"off\"",
                                 rule));
        continue;
      }
      (*out)[std::string(rule)] = *level == "off" ? std::nullopt : Level(*level);
    }
  }

  void Overrides(const toml::node& node) {
    const toml::array* array = node.as_array();
    if (array == nullptr) {
      Error(node, "overrides must be an array of tables ([[overrides]])");
      return;
    }
    for (const toml::node& item : *array) {
      const toml::table* table = item.as_table();
      if (table == nullptr) {
        Error(item, "overrides must be an array of tables ([[overrides]])");
        continue;
      }
      LintConfig::Override o;
      bool has_files = false;
      for (auto&& [key, value] : *table) {
        if (key.str() == "files") {
          const std::optional<std::string> glob = value.value<std::string>();
          if (!glob || glob->empty()) {
            Error(value, "files must be a glob string");
          } else {
            o.files = *glob;
            has_files = true;
          }
        } else if (key.str() == "severity") {
          Severities(value, &o.severity);
        } else {
          ErrorAtKey(key, fmt::format("unknown key '{}' in overrides (expected files or "
                                      "severity)",
                                      key.str()));
        }
      }
      if (!has_files) {
        Error(item, "an override needs files = \"GLOB\"");
        continue;
      }
      config_->overrides.push_back(std::move(o));
    }
  }

  const std::string& path_;
  std::string_view text_;
  LintConfig* config_;
  Diagnostics* diagnostics_;
  bool ok_ = true;
};

// A glob as a sequence of steps, matched by simulating every position at once (a set of
// steps reached so far, updated per path byte): O(glob × path) whatever the glob, where the
// backtracking matcher this replaces took exponential time on globs like "**a**a**a…b".
enum class GlobStep : char {
  kByte,  // one literal byte
  kOne,   // ?: one byte but '/'
  kStar,  // *: any bytes but '/'
  kAny,   // **: any bytes
  // **/: zero or more whole directories ("" or anything ending in '/'), as two steps:
  kDirectories,   // no byte: goes on inside the directories or past them
  kInDirectories  // any bytes, leaving after a '/'
};

struct GlobToken {
  GlobStep step;
  char byte = 0;
};

std::vector<GlobToken> GlobTokens(std::string_view g) {
  std::vector<GlobToken> tokens;
  for (size_t i = 0; i < g.size(); ++i) {
    if (g.substr(i).starts_with("**/")) {
      tokens.push_back({GlobStep::kDirectories});
      tokens.push_back({GlobStep::kInDirectories});
      i += 2;
    } else if (g.substr(i).starts_with("**")) {
      tokens.push_back({GlobStep::kAny});
      ++i;
    } else if (g[i] == '*') {
      tokens.push_back({GlobStep::kStar});
    } else if (g[i] == '?') {
      tokens.push_back({GlobStep::kOne});
    } else {
      tokens.push_back({GlobStep::kByte, g[i]});
    }
  }
  return tokens;
}

// Adds state `i` and every state reachable from it without reading a byte (the wildcards
// may match nothing). A state already there has its closure there too.
void Reach(const std::vector<GlobToken>& tokens, size_t i, std::vector<char>* states) {
  while (!(*states)[i]) {
    (*states)[i] = 1;
    if (i == tokens.size()) return;
    switch (tokens[i].step) {
      case GlobStep::kByte:
      case GlobStep::kOne:
      case GlobStep::kInDirectories:
        return;
      case GlobStep::kDirectories:
        (*states)[i + 1] = 1;  // inside (no closure of its own)
        i += 2;                // or past
        break;
      case GlobStep::kStar:
      case GlobStep::kAny:
        ++i;
        break;
    }
  }
}

bool GlobMatchTokens(const std::vector<GlobToken>& tokens, std::string_view p) {
  // states[i]: the first i tokens match the path read so far.
  std::vector<char> states(tokens.size() + 1, 0);
  std::vector<char> next(tokens.size() + 1, 0);
  Reach(tokens, 0, &states);
  for (char c : p) {
    std::fill(next.begin(), next.end(), 0);
    bool any = false;
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (!states[i]) continue;
      any = true;
      const GlobToken& t = tokens[i];
      switch (t.step) {
        case GlobStep::kByte:
          if (c == t.byte) Reach(tokens, i + 1, &next);
          break;
        case GlobStep::kOne:
          if (c != '/') Reach(tokens, i + 1, &next);
          break;
        case GlobStep::kStar:
          if (c != '/') Reach(tokens, i, &next);
          break;
        case GlobStep::kAny:
          Reach(tokens, i, &next);
          break;
        case GlobStep::kDirectories:  // reads no byte
          break;
        case GlobStep::kInDirectories:
          next[i] = 1;
          if (c == '/') Reach(tokens, i + 1, &next);
          break;
      }
    }
    if (!any) return false;
    states.swap(next);
  }
  return states[tokens.size()] != 0;
}

}  // namespace

bool ParseLintConfig(const std::string& path, std::string_view text, LintConfig* config,
                     Diagnostics* diagnostics) {
  Diagnostics found;
  const bool ok = ConfigParser(path, text, config, &found).Parse();
  // toml++ visits keys in name order: report in source order.
  std::stable_sort(found.begin(), found.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::pair(a.line, a.col) < std::pair(b.line, b.col);
  });
  diagnostics->insert(diagnostics->end(), found.begin(), found.end());
  return ok;
}

bool LoadLintConfig(const std::string& path, LintConfig* config, Diagnostics* diagnostics) {
  std::string text;
  std::string error;
  if (!ReadRegularFile(path, &text, &error)) {
    Diagnostic d;
    d.path = path;
    d.message = std::move(error);
    diagnostics->push_back(std::move(d));
    return false;
  }
  return ParseLintConfig(path, text, config, diagnostics);
}

std::optional<std::string> FindLintConfig(const std::string& file) {
  std::error_code ec;
  fs::path dir = fs::absolute(fs::path(file), ec).parent_path();
  if (ec) return std::nullopt;
  const fs::path cwd = fs::current_path(ec);
  for (;;) {
    const fs::path candidate = dir / kLintConfigName;
    if (fs::is_regular_file(candidate, ec)) {
      // Shown relative to the working directory when it is under it.
      const fs::path relative = candidate.lexically_relative(cwd);
      if (!relative.empty() && !relative.generic_string().starts_with("..")) {
        return relative.generic_string();
      }
      return candidate.generic_string();
    }
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

std::optional<Severity> ConfiguredSeverity(const LintConfig& config, std::string_view rule,
                                           const std::string& draft_path, Severity fallback) {
  std::optional<Severity> severity = fallback;
  if (auto it = config.severity.find(rule); it != config.severity.end()) severity = it->second;
  if (config.overrides.empty()) return severity;
  std::error_code ec;
  const std::string relative = fs::absolute(draft_path, ec)
                                   .lexically_relative(fs::absolute(config.dir, ec))
                                   .generic_string();
  for (const LintConfig::Override& o : config.overrides) {
    if (!GlobMatch(o.files, relative)) continue;
    if (auto it = o.severity.find(rule); it != o.severity.end()) severity = it->second;
  }
  return severity;
}

bool GlobMatch(std::string_view glob, std::string_view path) {
  return GlobMatchTokens(GlobTokens(glob), path);
}

namespace {

void AppendUnique(const std::vector<std::string>& from, std::vector<std::string>* to) {
  for (const std::string& s : from) {
    if (std::find(to->begin(), to->end(), s) == to->end()) to->push_back(s);
  }
}

}  // namespace

bool DraftConfigs::Load(const std::string& config_path, const std::vector<std::string>& draft_files,
                        Diagnostics* diagnostics) {
  const size_t problems_before = diagnostics->size();
  auto load = [&](const std::string& path) {
    if (configs_.count(path) > 0) return;
    LintConfig config;
    LoadLintConfig(path, &config, diagnostics);
    configs_.emplace(path, std::move(config));
  };
  named_ = !config_path.empty();
  if (named_) {
    load(config_path);
    main_ = &configs_.at(config_path);
  } else {
    for (const std::string& file : draft_files) {
      if (std::optional<std::string> path = FindLintConfig(file)) {
        load(*path);
        config_of_[file] = *path;
      }
    }
    if (!draft_files.empty() && config_of_.count(draft_files.front()) > 0) {
      main_ = &configs_.at(config_of_.at(draft_files.front()));
    }
  }
  return diagnostics->size() == problems_before;
}

const LintConfig* DraftConfigs::For(const std::string& draft_path) const {
  if (named_) return main_;
  auto it = config_of_.find(draft_path);
  return it == config_of_.end() ? nullptr : &configs_.at(it->second);
}

void DraftConfigs::AppendSources(std::vector<std::string>* rule_dirs,
                                 std::vector<std::string>* references,
                                 std::vector<std::string>* primary) const {
  for (const auto& [path, config] : configs_) {
    AppendUnique(config.rule_dirs, rule_dirs);
    AppendUnique(config.references, references);
    AppendUnique(config.primary, primary);
  }
}

void ApplyConfiguredSeverities(const DraftConfigs& configs, CheckResult* result) {
  std::vector<Finding> kept;
  for (Finding& f : result->findings) {
    const std::optional<uint32_t> doc =
        !f.quotes.empty() ? std::optional(result->quotes[f.quotes.front()].doc) : f.doc;
    const std::string path = doc ? result->documents[*doc].path : std::string();
    const LintConfig* config = configs.For(path);
    if (config != nullptr) {
      const std::optional<Severity> severity =
          ConfiguredSeverity(*config, f.rule, path, f.severity);
      if (!severity) continue;
      f.severity = *severity;
    }
    kept.push_back(std::move(f));
  }
  result->findings = std::move(kept);
}

}  // namespace quotecheck
