#pragma once
/// `quotecheck rules …`: inspecting the attribution rules.
///   rules list  — every rule's id, side and where it is defined
///   rules test  — runs every rule's must-match / must-not-match examples

#include <ostream>
#include <string>
#include <vector>

#include "attribute/rule_set.h"
#include "cli/command.h"

namespace quotecheck {

struct RulesOptions {
  /// Extra rule directories (--rules), after the built-in rules.
  std::vector<std::string> rule_dirs;
};

/// Registers `rules list` and `rules test` (each with --rules) under `command`.
CommandRunner AddRulesCommand(CLI::App* command);

/// Prints one line per rule: "id  side  file:line". Returns kExitOk, or kExitError when the
/// rules did not load (diagnostics on `err`).
int RunRulesList(const RulesOptions& options, std::ostream& out, std::ostream& err);

/// Runs the rules' examples (RunRuleExamples): each failure goes to `err` as a
/// `file:line:col: error:` diagnostic at the example, then "N examples passed, M failed" to
/// `out`. Returns kExitOk when every example passes, kExitFindings when
/// some fail, kExitError when the rules did not load.
int RunRulesTest(const RulesOptions& options, std::ostream& out, std::ostream& err);

/// The `rules list` lines for `rules`, each ending in a newline.
std::string FormatRuleList(const RuleSet& rules);

}  // namespace quotecheck
