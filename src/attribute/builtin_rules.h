#pragma once
/// The rule files of rules/, built into the binary so that it needs no data files at run
/// time. Their paths read "rules/<name>.toml" in diagnostics.

#include <cstddef>
#include <string_view>

namespace quotecheck {

struct EmbeddedFile {
  const char* path;
  std::string_view text;
};

extern const EmbeddedFile kBuiltinRuleFiles[];
extern const size_t kBuiltinRuleFilesCount;

}  // namespace quotecheck
