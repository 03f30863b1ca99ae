#include "cli/nearest_name.h"

#include <doctest/doctest.h>

namespace quotecheck {
namespace {

TEST_CASE("EditDistance counts insertions, deletions, substitutions and swaps") {
  struct Case {
    const char* a;
    const char* b;
    size_t want;
  };
  const Case cases[] = {
      {"", "", 0},
      {"format", "format", 0},
      {"formt", "format", 1},
      {"fromat", "format", 1},
      {"frmat", "format", 1},
      {"forma", "format", 1},
      {"xyz", "format", 6},
  };
  for (const Case& c : cases) {
    CAPTURE(c.a);
    CHECK(EditDistance(c.a, c.b) == c.want);
  }
}

TEST_CASE("NearestName suggests the near name, or none") {
  const std::vector<std::string> options = {"--format", "--fail-level", "--glob", "--against"};
  const std::vector<std::string> commands = {"extract", "check", "lint", "diff", "rules"};
  struct Case {
    const char* typed;
    const std::vector<std::string>* names;
    std::optional<std::string> want;
  };
  const Case cases[] = {
      {"--formt", &options, "--format"},    {"--fromat", &options, "--format"},
      {"--form", &options, "--format"},     {"--agaisnt", &options, "--against"},
      {"--colour", &options, std::nullopt}, {"extarct", &commands, "extract"},
      {"chek", &commands, "check"},         {"lnt", &commands, "lint"},
      {"publish", &commands, std::nullopt},
  };
  for (const Case& c : cases) {
    CAPTURE(c.typed);
    CHECK(NearestName(c.typed, *c.names) == c.want);
  }
}

}  // namespace
}  // namespace quotecheck
