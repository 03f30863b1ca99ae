#include "report/check_markdown_printer.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "check_test_result.h"

namespace quotecheck {

TEST_SUITE("report") {
  TEST_CASE("FormatCheckMarkdown: title, summary table, cluster section, findings table") {
    const std::string md = FormatCheckMarkdown(testing::CheckTestResult());
    CHECK(md ==
          "# Quotation check\n"
          "\n"
          "| | Count |\n"
          "| --- | ---: |\n"
          "| Documents | 2 |\n"
          "| Failed documents | 0 |\n"
          "| Quotations | 3 |\n"
          "| Clusters | 1 |\n"
          "| Findings: misattribution | 1 |\n"
          "| Findings: unattributed-quote | 1 |\n"
          "\n"
          "## Divergent quotations\n"
          "\n"
          "### Cluster c1\n"
          "\n"
          "> I think so, really.\n"
          "\n"
          "Speakers: Donald Trump, Joe Biden. First: a.txt (Reuters, 2024-01-02).\n"
          "\n"
          "| Source | Date | Speaker | Relation |\n"
          "| --- | --- | --- | --- |\n"
          "| a.txt:2:4 (Reuters) | 2024-01-02 | Donald Trump | canonical |\n"
          "| b.txt:1:2 (AP) | 2024-01-03 | Joe Biden | variant, speaker differs |\n"
          "\n"
          "Word differences from the reference form:\n"
          "\n"
          "- b.txt:1:2: I think so, ~~really~~**truly**.\n"
          "\n"
          "## Findings\n"
          "\n"
          "| Location | Severity | Rule | Message |\n"
          "| --- | --- | --- | --- |\n"
          "| b.txt:1:2 | error | misattribution | attributed to Joe Biden here but to Donald "
          "Trump in a.txt (Reuters) |\n"
          "| b.txt:2:10 | info | unattributed-quote | direct quotation with no speaker |\n");
  }

  TEST_CASE("FormatCheckMarkdown escapes Markdown in quotation text") {
    CheckResult result = testing::CheckTestResult();
    result.quotes[0].text = "- *not* a [link] | <b>\n#1 & _x_";
    const std::string md = FormatCheckMarkdown(result);
    CHECK(md.find("> \\- \\*not\\* a \\[link\\] \\| \\<b\\> \\#1 \\& \\_x\\_\n") !=
          std::string::npos);
  }

  TEST_CASE("EscapeMarkdown") {
    CHECK(EscapeMarkdown("plain words.") == "plain words.");
    CHECK(EscapeMarkdown("1. first") == "1\\. first");
    CHECK(EscapeMarkdown("+1") == "\\+1");
    CHECK(EscapeMarkdown("a\\b`c~d") == "a\\\\b\\`c\\~d");
    CHECK(EscapeMarkdown("two\n  lines") == "two lines");
  }

  TEST_CASE("PrintCheckMarkdown on threads writes the same report as on one") {
    // 300 clusters, every fourth with members that agree (not shown).
    const CheckResult result = testing::ManyClustersResult(300, 4);
    const std::string one = FormatCheckMarkdown(result);
    CHECK(one.find("c300") != std::string::npos);
    for (unsigned jobs : {2u, 5u}) {
      std::ostringstream out;
      PrintCheckMarkdown(result, &out, jobs);
      CHECK(out.str() == one);
    }
  }

  TEST_CASE("FormatCheckMarkdown with nothing to report") {
    CheckResult result;
    const std::string md = FormatCheckMarkdown(result);
    CHECK(md.find("## Divergent quotations\n\nNone.\n") != std::string::npos);
    CHECK(md.find("## Findings\n\nNo findings.\n") != std::string::npos);
    CHECK(md.find("| Findings | 0 |\n") != std::string::npos);
  }
}

}  // namespace quotecheck
