#pragma once
/// Loading the attribution rules for a subcommand, with every diagnostic printed.

#include <ostream>
#include <string>
#include <vector>

#include "attribute/rule_set.h"

namespace quotecheck {

/// Loads the built-in rules plus every `--rules` directory (LoadRuleSet). Each diagnostic,
/// warnings included, is written to `err` with FormatDiagnostic. Returns false when any
/// error was reported; the caller then exits with kExitError.
bool LoadRuleSetReportingDiagnostics(const std::vector<std::string>& rule_dirs, RuleSet* rules,
                                     std::ostream& err);

}  // namespace quotecheck
