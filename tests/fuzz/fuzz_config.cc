// libFuzzer target: rule files and .quotecheck.toml (toml++), macro expansion and RE2
// compilation, and the override globs: the first line of the input is a glob, the rest a
// path it is matched against; the whole input is also a rule file and a configuration.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "attribute/rule_set.h"
#include "lint/lint_config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace quotecheck;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  {
    RuleSet rules;
    Diagnostics diagnostics;
    ParseRuleFile("fuzz.toml", bytes, &rules, &diagnostics);
    FinishRuleSet(&rules, &diagnostics);
  }
  {
    LintConfig config;
    Diagnostics diagnostics;
    ParseLintConfig("fuzz/.quotecheck.toml", bytes, &config, &diagnostics);
  }
  const size_t newline = bytes.find('\n');
  if (newline != std::string_view::npos) {
    GlobMatch(bytes.substr(0, newline), bytes.substr(newline + 1));
  }
  return 0;
}
