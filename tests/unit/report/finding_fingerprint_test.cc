#include "report/finding_fingerprint.h"

#include <doctest/doctest.h>

#include <string>

#include "check_test_result.h"

namespace quotecheck {

TEST_SUITE("report") {
  TEST_CASE("FindingFingerprint: 16 hex digits, stable under moves and respelling") {
    CheckResult result = testing::CheckTestResult();
    const Finding& finding = result.findings[0];  // misattribution at quote 1
    const std::string before = FindingFingerprint(result, finding);
    CHECK(before.size() == 16);
    CHECK(before.find_first_not_of("0123456789abcdef") == std::string::npos);

    // Lines, columns, offsets, paths and messages are not inputs.
    result.quotes[1].line = 40;
    result.quotes[1].col = 7;
    result.quotes[1].start = 900;
    result.documents[1].path = "moved/b.txt";
    result.findings[0].message = "another message";
    result.findings[0].severity = Severity::kWarning;
    CHECK(FindingFingerprint(result, result.findings[0]) == before);
    // Case, spacing and quote marks are normalised away.
    result.quotes[1].text = "I  THINK so,   truly.";
    CHECK(FindingFingerprint(result, result.findings[0]) == before);

    // The words, the speaker and the rule are inputs.
    result.quotes[1].text = "I think so, surely.";
    CHECK(FindingFingerprint(result, result.findings[0]) != before);
    result.quotes[1].text = "I think so, truly.";
    result.quotes[1].speaker = "Kamala Harris";
    CHECK(FindingFingerprint(result, result.findings[0]) != before);
    result.quotes[1].speaker = "Joe Biden";
    result.findings[0].rule = "wording-divergence";
    CHECK(FindingFingerprint(result, result.findings[0]) != before);
  }

  TEST_CASE("FindingFingerprint: a finding about no quotation keys on its source line") {
    CheckResult result = testing::CheckTestResult();
    Finding unbalanced;
    unbalanced.rule = "unbalanced-quote";
    unbalanced.location = Diagnostic{};
    unbalanced.location->line = 4;
    unbalanced.location->source_line = "He said “we will go.";
    const std::string a = FindingFingerprint(result, unbalanced);
    unbalanced.location->line = 9;
    CHECK(FindingFingerprint(result, unbalanced) == a);
    unbalanced.location->source_line = "She said “we will stay.";
    CHECK(FindingFingerprint(result, unbalanced) != a);
  }
}

}  // namespace quotecheck
