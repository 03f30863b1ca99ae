#include "cli/rule_set_loading.h"

#include "core/diagnostic.h"

namespace quotecheck {

bool LoadRuleSetReportingDiagnostics(const std::vector<std::string>& rule_dirs, RuleSet* rules,
                                     std::ostream& err) {
  Diagnostics diagnostics;
  const bool ok = LoadRuleSet(rule_dirs, rules, &diagnostics);
  for (const Diagnostic& diagnostic : diagnostics) err << FormatDiagnostic(diagnostic);
  return ok && !HasErrors(diagnostics);
}

}  // namespace quotecheck
