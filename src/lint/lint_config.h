#pragma once
/// `.quotecheck.toml`: the lint configuration of a tree of drafts. Found by walking up from
/// each draft's directory (the nearest wins), or named with --config. Paths in it are
/// relative to the file's directory.
///
///   rules = ["rules"]                      # attribution rule directories (extra)
///   references = ["../sources", "t.md"]    # reference files or directories
///   primary = ["../statements"]            # references that are primary sources
///                                          # (transcripts, statements) without role metadata
///   fail_level = "warning"                 # error, warning, info or none
///   [severity]                             # per rule: error, warning, info or "off"
///   unattributed-quote = "off"
///   wording-divergence = "error"
///   [[overrides]]                          # later overrides win
///   files = "drafts/opinion/**"            # glob on the draft path relative to the file:
///   severity = { misattribution = "warning" }   # * within a name, ** any directories, ?
///
/// Every problem (TOML syntax, an unknown key, a value of the wrong type, an unknown rule or
/// severity) is an error diagnostic at its position, "file:line:col: error: …".

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/check_model.h"
#include "core/diagnostic.h"

namespace quotecheck {

/// A rule's configured severity: a level, or off (nullopt).
using RuleSeverities = std::map<std::string, std::optional<Severity>, std::less<>>;

struct LintConfig {
  std::string path;                     // the file; empty when there is none
  std::string dir;                      // its directory ("." for a bare file name)
  std::vector<std::string> rule_dirs;   // resolved against dir
  std::vector<std::string> references;  // resolved against dir
  std::vector<std::string> primary;     // resolved against dir
  RuleSeverities severity;
  /// Set when the file names a fail level; the inner nullopt is "none".
  std::optional<std::optional<Severity>> fail_level;
  struct Override {
    std::string files;  // glob
    RuleSeverities severity;
  };
  std::vector<Override> overrides;
};

inline constexpr std::string_view kLintConfigName = ".quotecheck.toml";

/// Parses `text` as the configuration file `path`. Returns false (with diagnostics) on any
/// error.
bool ParseLintConfig(const std::string& path, std::string_view text, LintConfig* config,
                     Diagnostics* diagnostics);

/// Reads and parses the file at `path`.
bool LoadLintConfig(const std::string& path, LintConfig* config, Diagnostics* diagnostics);

/// The nearest .quotecheck.toml in the directory of `file` or above it; nullopt if none.
std::optional<std::string> FindLintConfig(const std::string& file);

/// The severity of `rule` for the draft at `draft_path` under `config` (overrides matched on
/// the path relative to config.dir); `fallback` when the config does not set it; nullopt
/// when the rule is off.
std::optional<Severity> ConfiguredSeverity(const LintConfig& config, std::string_view rule,
                                           const std::string& draft_path, Severity fallback);

/// The configurations of one lint run: the one named by --config, or else the nearest
/// .quotecheck.toml of each draft file (each file loaded once).
class DraftConfigs {
 public:
  DraftConfigs() = default;
  DraftConfigs(const DraftConfigs&) = delete;  // Main() points into configs_
  DraftConfigs& operator=(const DraftConfigs&) = delete;

  /// Loads `config_path` when it is not empty, else the nearest configuration of each of
  /// `draft_files`. False, with every problem in `diagnostics`, when one does not parse.
  bool Load(const std::string& config_path, const std::vector<std::string>& draft_files,
            Diagnostics* diagnostics);

  /// The configuration of the draft at `draft_path`; nullptr when it has none.
  const LintConfig* For(const std::string& draft_path) const;

  /// The configuration of the run as a whole (its fail level): --config's, else that of the
  /// first draft file; nullptr when there is none.
  const LintConfig* Main() const { return main_; }

  /// Appends to each list the rule directories, references and primary references of every
  /// configuration that the list does not hold yet.
  void AppendSources(std::vector<std::string>* rule_dirs, std::vector<std::string>* references,
                     std::vector<std::string>* primary) const;

 private:
  std::map<std::string, LintConfig> configs_;     // by path
  std::map<std::string, std::string> config_of_;  // draft file → config path
  const LintConfig* main_ = nullptr;
  bool named_ = false;  // --config given: every draft takes main_
};

/// Sets each finding's severity from the configuration of its draft (ConfiguredSeverity);
/// drops the findings a configuration turns off.
void ApplyConfiguredSeverities(const DraftConfigs& configs, CheckResult* result);

/// Whether `path` ('/'-separated) matches `glob`: * any characters but '/', ** any
/// directories ("a/**" matches everything under a; "**/x.md" x.md at any depth), ? one
/// character but '/'.
bool GlobMatch(std::string_view glob, std::string_view path);

}  // namespace quotecheck
