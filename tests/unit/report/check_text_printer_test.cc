#include "report/check_text_printer.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "check_test_result.h"
#include "report/check_report_view.h"

namespace quotecheck {

TEST_SUITE("report") {
  TEST_CASE("FormatCheckText without colour: divergent cluster, loose findings, summary") {
    const CheckResult result = testing::CheckTestResult();
    CHECK(FormatCheckText(result, /*color=*/false) ==
          "c1  \xE2\x80\x9CI think so, really.\xE2\x80\x9D\n"
          "  speakers: Donald Trump, Joe Biden; first: a.txt (Reuters, 2024-01-02)\n"
          "  b.txt:1:2  (AP, 2024-01-03)  Joe Biden  variant, speaker differs\n"
          "    I think so, [-really-]{+truly+}.\n"
          "    error: attributed to Joe Biden here but to Donald Trump in a.txt (Reuters) "
          "[misattribution]\n"
          "\n"
          "b.txt:2:10: info: direct quotation with no speaker [unattributed-quote]\n"
          "\n"
          "2 documents (0 failed), 3 quotes, 1 cluster, 1 link, 2 findings (1 error, 1 info), "
          "120 bytes in 0.004 s\n");
  }

  TEST_CASE("FormatCheckText with colour: bold and dim headers, red and green changes") {
    const CheckResult result = testing::CheckTestResult();
    CHECK(FormatCheckText(result, /*color=*/true) ==
          "\x1B[1mc1  \xE2\x80\x9CI think so, really.\xE2\x80\x9D\x1B[0m\n"
          "  \x1B[2mspeakers: Donald Trump, Joe Biden; first: a.txt (Reuters, 2024-01-02)"
          "\x1B[0m\n"
          "  b.txt:1:2  (AP, 2024-01-03)  Joe Biden  variant, speaker differs\n"
          "    I think so, \x1B[31m[-really-]\x1B[0m\x1B[32m{+truly+}\x1B[0m.\n"
          "    error: attributed to Joe Biden here but to Donald Trump in a.txt (Reuters) "
          "[misattribution]\n"
          "\n"
          "b.txt:2:10: info: direct quotation with no speaker [unattributed-quote]\n"
          "\n"
          "2 documents (0 failed), 3 quotes, 1 cluster, 1 link, 2 findings (1 error, 1 info), "
          "120 bytes in 0.004 s\n");
  }

  TEST_CASE("FormatCheckText leaves out clusters whose members agree") {
    CheckResult result = testing::CheckTestResult();
    result.links[0].relation = Relation::kVerbatim;
    result.links[0].speakers_agree = true;
    result.links[0].diff = QuoteDiff{};
    result.findings.pop_back();
    result.findings.pop_back();
    CHECK(FormatCheckText(result, false) ==
          "2 documents (0 failed), 3 quotes, 1 cluster, 1 link, 0 findings, "
          "120 bytes in 0.004 s\n");
  }

  TEST_CASE("PrintCheckText writes the report") {
    std::ostringstream out;
    PrintCheckText(testing::CheckTestResult(), false, &out);
    CHECK(out.str() == FormatCheckText(testing::CheckTestResult(), false));
  }

  TEST_CASE("PrintCheckText on threads writes the same text as on one") {
    // 500 clusters, every third with members that agree (not shown).
    CheckResult result = testing::ManyClustersResult(500, 3);
    result.findings.clear();
    const std::string one = FormatCheckText(result, false);
    CHECK(one.find("c3  ") == std::string::npos);
    CHECK(one.find("c500  ") != std::string::npos);
    for (unsigned jobs : {2u, 3u}) {
      std::ostringstream out;
      PrintCheckText(result, false, &out, jobs);
      CHECK(out.str() == one);
    }
  }

  TEST_CASE("Only a divergent member carries its diff; a cluster with none is not shown") {
    CheckResult result = testing::CheckTestResult();
    result.findings.clear();
    // The third quotation joins the cluster, its link to the reference normalized (a change
    // of case): not divergent.
    result.quotes[2].cluster = "c1";
    result.clusters[0].members.push_back(2);
    Link normalized = result.links[0];
    normalized.b = 2;
    normalized.relation = Relation::kNormalized;
    normalized.speakers_agree = true;
    normalized.diff.ops = {{DiffOp::Kind::kReplace, "I", "i"}};
    result.links.push_back(normalized);
    {
      const CheckReportIndex index(result);
      const std::optional<ClusterReport> report = index.Report(0);
      REQUIRE(report);
      REQUIRE(report->members.size() == 3);
      CHECK(report->members[1].divergent);
      CHECK(HasChanges(report->members[1].diff));
      CHECK(report->members[2].relation == Relation::kNormalized);
      CHECK_FALSE(report->members[2].divergent);
      CHECK(report->members[2].diff.empty());
    }
    result.links[0].relation = Relation::kNormalized;
    const CheckReportIndex index(result);
    CHECK_FALSE(index.Report(0));
    CHECK(BuildCheckReportView(result).clusters.empty());
  }

  TEST_CASE("FormatWordDiff concatenates the ops, white space outside the markers") {
    const WordDiffStyle style;
    using K = DiffOp::Kind;
    CHECK(FormatWordDiff({{K::kEqual, "a deal for me", "a deal for me"},
                          {K::kReplace, ", you understand that?", ". Do you understand?"},
                          {K::kEqual, " As crazy", " As crazy"}},
                         style) ==
          "a deal for me[-, you understand that?-]{+. Do you understand?+} As crazy");
    CHECK(FormatWordDiff({{K::kEqual, "we will ", "we will "},
                          {K::kDelete, "not ", ""},
                          {K::kEqual, "go", "go"},
                          {K::kInsert, "", " (now)"},
                          {K::kEqual, "\n\n", "\n\n"}},
                         style) == "we will [-not-] go {+(now)+}");
    CHECK(FormatWordDiff({{K::kReplace, "President ", "president "}, {K::kEqual, "Xi", "Xi"}},
                         style) == "[-President-]{+president+} Xi");
    CHECK(FormatWordDiff({}, style).empty());
  }

  TEST_CASE("The reference's view of a link is turned around when the member is side a") {
    CheckResult result = testing::CheckTestResult();
    result.clusters[0].canonical = 1;  // b.txt is now the reference form
    const CheckReportView view = BuildCheckReportView(result);
    REQUIRE(view.clusters.size() == 1);
    const MemberReport& member = view.clusters[0].members[0];
    CHECK(member.quote == 0);
    CHECK(member.divergent);
    CHECK(FormatWordDiff(member.diff, WordDiffStyle{}) == "I think so, [-truly-]{+really+}.");
    CHECK(view.loose_findings == std::vector<size_t>{1});
  }
}

}  // namespace quotecheck
