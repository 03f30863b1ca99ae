#include "lint/lint_config.h"

#include <doctest/doctest.h>

#include <string>

namespace quotecheck {

TEST_SUITE("lint") {
  TEST_CASE("ParseLintConfig reads every key, paths relative to the file") {
    LintConfig config;
    Diagnostics diagnostics;
    const char* text = R"(rules = ["rules"]
references = ["../sources", "/abs/t.md"]
primary = ["statements"]
fail_level = "warning"
[severity]
unattributed-quote = "off"
wording-divergence = "error"
[[overrides]]
files = "opinion/**"
severity = { misattribution = "warning" }
)";
    REQUIRE(ParseLintConfig("drafts/.quotecheck.toml", text, &config, &diagnostics));
    CHECK(diagnostics.empty());
    CHECK(config.dir == "drafts");
    CHECK(config.rule_dirs == std::vector<std::string>{"drafts/rules"});
    CHECK(config.references == std::vector<std::string>{"sources", "/abs/t.md"});
    CHECK(config.primary == std::vector<std::string>{"drafts/statements"});
    REQUIRE(config.fail_level.has_value());
    CHECK(*config.fail_level == std::optional(Severity::kWarning));
    CHECK(ConfiguredSeverity(config, "unattributed-quote", "drafts/a.md", Severity::kInfo) ==
          std::nullopt);
    CHECK(ConfiguredSeverity(config, "wording-divergence", "drafts/a.md", Severity::kWarning) ==
          std::optional(Severity::kError));
    CHECK(ConfiguredSeverity(config, "misattribution", "drafts/a.md", Severity::kError) ==
          std::optional(Severity::kError));
    CHECK(ConfiguredSeverity(config, "misattribution", "drafts/opinion/x/b.md", Severity::kError) ==
          std::optional(Severity::kWarning));
  }

  TEST_CASE("ParseLintConfig reports each problem at its position, in source order") {
    LintConfig config;
    Diagnostics diagnostics;
    const char* text =
        "fail_levle = \"warning\"\n[severity]\nmisquote = \"error\"\n"
        "truncated-quote = 3\n";
    CHECK_FALSE(ParseLintConfig("c.toml", text, &config, &diagnostics));
    REQUIRE(diagnostics.size() == 3);
    CHECK(FormatDiagnosticHeader(diagnostics[0])
              .starts_with("c.toml:1:1: error: unknown key "
                           "'fail_levle'"));
    CHECK(FormatDiagnosticHeader(diagnostics[1])
              .starts_with("c.toml:3:1: error: unknown rule "
                           "'misquote'"));
    CHECK(FormatDiagnosticHeader(diagnostics[2]) ==
          "c.toml:4:19: error: severity of truncated-quote must be \"error\", \"warning\", "
          "\"info\" or \"off\"");
    CHECK(diagnostics[2].source_line == "truncated-quote = 3");
  }

  TEST_CASE("ParseLintConfig reports a TOML syntax error with its position") {
    LintConfig config;
    Diagnostics diagnostics;
    CHECK_FALSE(
        ParseLintConfig("c.toml", "references = [\"a\"\n[severity]\n", &config, &diagnostics));
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].line == 2);
    CHECK(diagnostics[0].col == 1);
  }

  TEST_CASE("GlobMatch: *, ** and ?") {
    CHECK(GlobMatch("opinion/**", "opinion/a.md"));
    CHECK(GlobMatch("opinion/**", "opinion/x/y/a.md"));
    CHECK_FALSE(GlobMatch("opinion/**", "news/a.md"));
    CHECK(GlobMatch("**/*.md", "a.md"));
    CHECK(GlobMatch("**/*.md", "x/y/a.md"));
    CHECK_FALSE(GlobMatch("*.md", "x/a.md"));
    CHECK(GlobMatch("dr?fts/*.html", "drafts/a.html"));
    CHECK_FALSE(GlobMatch("dr?fts/*.html", "dr/fts/a.html"));
    CHECK(GlobMatch("a/**/b.md", "a/b.md"));
    CHECK(GlobMatch("a/**/b.md", "a/x/y/b.md"));
    CHECK_FALSE(GlobMatch("a/**/b.md", "a/xb.md"));
    CHECK(GlobMatch("**", ""));
    CHECK(GlobMatch("a**", "a/b/c"));
    CHECK(GlobMatch("*a*b", "xaxb"));
    CHECK_FALSE(GlobMatch("*a*b", "xa/xb"));
    CHECK_FALSE(GlobMatch("a", "ab"));
    CHECK_FALSE(GlobMatch("ab", "a"));
  }

  TEST_CASE("GlobMatch takes time linear in the path on globs that made backtracking explode") {
    // "**a**a…**b" against 4,000 a's: no match, found in one pass (was exponential).
    std::string glob;
    for (int i = 0; i < 30; ++i) glob += "**a";
    glob += "**b";
    CHECK_FALSE(GlobMatch(glob, std::string(4000, 'a')));
    CHECK(GlobMatch(glob, std::string(4000, 'a') + "b"));
    std::string stars;
    for (int i = 0; i < 30; ++i) stars += "*a";
    CHECK_FALSE(GlobMatch(stars + "b", std::string(4000, 'a')));
  }
}

}  // namespace quotecheck
