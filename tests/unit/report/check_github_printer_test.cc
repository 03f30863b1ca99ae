#include "report/check_github_printer.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "sarif_test_result.h"

namespace quotecheck {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_SUITE("report") {
  TEST_CASE("EscapeGithubData and EscapeGithubProperty") {
    CHECK(EscapeGithubData("50% said:\r\nno, never") == "50%25 said:%0D%0Ano, never");
    CHECK(EscapeGithubProperty("50% said:\r\nno, never") == "50%25 said%3A%0D%0Ano%2C never");
    CHECK(EscapeGithubProperty("docs/a b.md") == "docs/a b.md");
    CHECK(EscapeGithubData("") == "");
  }

  TEST_CASE("FormatCheckGithub: one command per finding, by severity, diff on a second line") {
    const std::string lines = FormatCheckGithub(testing::SarifTestResult(), testing::TestLocator());
    CHECK(lines ==
          "::warning file=b.txt,line=1,col=2,endLine=1,endColumn=20,title=wording-divergence::"
          "wording differs from a.txt (Reuters): “I think so, really.”%0A"
          "I think so, [-really-]{+truly+}.\n"
          "::notice file=b.txt,line=2,col=10,endLine=2,endColumn=23,title=unattributed-quote::"
          "direct quotation with no speaker\n");
  }

  TEST_CASE("FormatCheckGithub: escaped paths, records without a file, located findings") {
    CheckResult result = testing::CheckTestResult();
    result.documents[0].path = "/repo/news/a,b: c.txt";
    result.documents[1].path = "b-1";
    result.documents[1].id = "b-1";
    result.findings[0].quotes = {0, 1};
    result.findings[0].message = "100% sure, he said";
    Finding unbalanced;
    unbalanced.rule = "unbalanced-quote";
    unbalanced.severity = Severity::kWarning;
    unbalanced.message = "quotation mark is never closed";
    unbalanced.doc = 0;
    unbalanced.location = Diagnostic{};
    unbalanced.location->line = 7;
    unbalanced.location->col = 3;
    result.findings.push_back(unbalanced);
    SourceLocator locator = testing::TestLocator();
    locator.is_file = [](const std::string& path) { return path != "b-1"; };
    CHECK(FormatCheckGithub(result, locator) ==
          "::error file=news/a%2Cb%3A c.txt,line=2,col=4,endLine=2,endColumn=15,"
          "title=misattribution::100%25 sure, he said\n"
          "::notice title=unattributed-quote::b-1:2:10: direct quotation with no speaker\n"
          "::warning file=news/a%2Cb%3A c.txt,line=7,col=3,title=unbalanced-quote::"
          "quotation mark is never closed\n");
  }

  TEST_CASE("PrintCheckGithub: appends the Markdown report to the step summary") {
    const std::string path = "github_step_summary_test.md";
    std::remove(path.c_str());
    {
      std::ofstream existing(path);
      existing << "earlier step\n";
    }
    GithubOptions options{testing::TestLocator(), path};
    std::ostringstream out;
    CHECK(PrintCheckGithub(testing::SarifTestResult(), options, &out).ok());
    CHECK(out.str().rfind("::warning file=b.txt,", 0) == 0);
    const std::string summary = ReadFile(path);
    CHECK(summary.rfind("earlier step\n# Quotation check\n", 0) == 0);
    CHECK(summary.find("| b.txt:1:2 | warning | wording-divergence |") != std::string::npos);
    std::remove(path.c_str());

    options.step_summary_path = "no-such-directory/summary.md";
    const Status status = PrintCheckGithub(testing::SarifTestResult(), options, &out);
    CHECK(!status.ok());
    CHECK(status.message().find("no-such-directory/summary.md") != std::string::npos);
  }
}

}  // namespace quotecheck
