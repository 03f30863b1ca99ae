#include "cli/rule_set_loading.h"

#include <utility>

#include "core/diagnostic.h"

namespace quotecheck {

bool LoadRuleSetReportingDiagnostics(const std::vector<std::string>& rule_dirs, RuleSet* rules,
                                     std::ostream& err, size_t compile_threads,
                                     RuleCompilation compilation) {
  Diagnostics diagnostics;
  const bool ok = LoadRuleSet(rule_dirs, rules, &diagnostics, compile_threads, compilation);
  for (const Diagnostic& diagnostic : diagnostics) err << FormatDiagnostic(diagnostic);
  return ok && !HasErrors(diagnostics);
}

std::unique_ptr<RuleExtraction> LoadRuleExtraction(const std::vector<std::string>& rule_dirs,
                                                   std::ostream& err, size_t compile_threads) {
  RuleSet rules;
  if (!LoadRuleSetReportingDiagnostics(rule_dirs, &rules, err, compile_threads,
                                       RuleCompilation::kOnFirstUse)) {
    return nullptr;
  }
  return std::make_unique<RuleExtraction>(std::move(rules));
}

}  // namespace quotecheck
