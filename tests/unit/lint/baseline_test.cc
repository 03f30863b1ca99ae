#include "lint/baseline.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>

#include "report/finding_fingerprint.h"

namespace quotecheck {
namespace {

CheckResult TwoFindings() {
  CheckResult result;
  DocumentInfo doc;
  doc.id = doc.path = "draft.md";
  doc.draft = true;
  result.documents.push_back(doc);
  for (const char* text : {"We will reopen the viaduct.", "Nobody will cross that viaduct."}) {
    QuoteRecord q;
    q.text = text;
    q.speaker = "Corina Allsop";
    q.line = 3;
    result.quotes.push_back(q);
  }
  Finding a;
  a.rule = "truncated-quote";
  a.quotes = {0};
  Finding b;
  b.rule = "misattribution";
  b.quotes = {1};
  result.findings = {a, b};
  return result;
}

}  // namespace

TEST_SUITE("lint") {
  TEST_CASE("A baseline written from the findings accepts them all, wherever they move") {
    CheckResult result = TwoFindings();
    const std::string text = FormatBaseline(result);
    CHECK(text.find("\"rule\":\"truncated-quote\"") != std::string::npos);
    const std::string path = "/tmp/quotecheck-baseline-test.jsonl";
    std::ofstream(path) << text;
    Baseline baseline;
    Diagnostics diagnostics;
    REQUIRE(ReadBaseline(path, &baseline, &diagnostics));
    std::remove(path.c_str());
    CHECK(baseline.fingerprints.size() == 2);
    result.quotes[0].line = 40;  // moved; white space and case changed
    result.quotes[0].text = "We will  REOPEN the viaduct.";
    CHECK(ApplyBaseline(baseline, &result) == 2);
    CHECK(result.findings.empty());
  }

  TEST_CASE("A new finding is not in the baseline") {
    CheckResult result = TwoFindings();
    Baseline baseline;
    baseline.fingerprints.insert(FindingFingerprint(result, result.findings[0]));
    CHECK(ApplyBaseline(baseline, &result) == 1);
    REQUIRE(result.findings.size() == 1);
    CHECK(result.findings[0].rule == "misattribution");
  }

  TEST_CASE("ReadBaseline reports a bad line with its number") {
    const std::string path = "/tmp/quotecheck-baseline-bad.jsonl";
    std::ofstream(path) << "{\"fingerprint\":\"ab\"}\n\n{\"rule\":\"x\"}\nnot json\n";
    Baseline baseline;
    Diagnostics diagnostics;
    CHECK_FALSE(ReadBaseline(path, &baseline, &diagnostics));
    std::remove(path.c_str());
    REQUIRE(diagnostics.size() == 2);
    CHECK(diagnostics[0].line == 3);
    CHECK(diagnostics[1].line == 4);
    CHECK(baseline.fingerprints.count("ab") == 1);
  }
}

}  // namespace quotecheck
