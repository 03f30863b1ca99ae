#pragma once
/// The check printers' test result (check_test_result.h) reshaped for the CI formats: the
/// Reuters document lives at /repo/news/a b.txt (a path to percent-encode), and the findings
/// are a wording divergence with a diff (b.txt against a.txt) and the unattributed quotation.

#include "check_test_result.h"
#include "report/check_sarif_printer.h"

namespace quotecheck::testing {

inline CheckResult SarifTestResult() {
  CheckResult result = CheckTestResult();
  result.documents[0].path = "/repo/news/a b.txt";
  Finding divergence;
  divergence.rule = "wording-divergence";
  divergence.severity = Severity::kWarning;
  divergence.quotes = {1, 0};
  divergence.message = "wording differs from a.txt (Reuters): “I think so, really.”";
  divergence.link = 0;
  QuoteDiff diff;  // side a: the reported quotation (b.txt), side b: the reference (a.txt)
  diff.ops = {{DiffOp::Kind::kEqual, "I think so, ", "I think so, "},
              {DiffOp::Kind::kReplace, "truly", "really"},
              {DiffOp::Kind::kEqual, ".", "."}};
  diff.classes = kChangeLexical;
  divergence.diff = diff;
  result.findings[0] = divergence;
  return result;
}

/// Paths relative to /repo, every path a file.
inline SourceLocator TestLocator() {
  SourceLocator locator;
  locator.source_root = "/repo";
  locator.working_directory = "/repo";
  return locator;
}

}  // namespace quotecheck::testing
