#include "attribute/rule_set.h"

namespace quotecheck {

// Work in progress: the TOML rule loader lands next.
bool LoadRuleSet(const std::vector<std::string>& extra_dirs, RuleSet* rules,
                 Diagnostics* diagnostics) {
  (void)extra_dirs;
  (void)rules;
  (void)diagnostics;
  return true;
}

}  // namespace quotecheck
