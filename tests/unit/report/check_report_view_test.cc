#include "report/check_report_view.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace quotecheck {
namespace {

std::vector<Finding> FindingsOf(const std::vector<Severity>& severities) {
  std::vector<Finding> findings;
  for (Severity s : severities) {
    Finding f;
    f.severity = s;
    findings.push_back(f);
  }
  return findings;
}

}  // namespace

TEST_SUITE("check_report_view") {
  TEST_CASE("FormatFindingCount: plurals, severities from error down, none left out") {
    using S = Severity;
    const struct {
      std::vector<Severity> severities;
      std::string want;
    } cases[] = {
        {{}, "0 findings"},
        {{S::kWarning}, "1 finding (1 warning)"},
        {{S::kWarning, S::kWarning}, "2 findings (2 warnings)"},
        {{S::kError, S::kError}, "2 findings (2 errors)"},
        {{S::kInfo, S::kError, S::kInfo}, "3 findings (1 error, 2 info)"},
        {{S::kInfo, S::kWarning, S::kError}, "3 findings (1 error, 1 warning, 1 info)"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.want);
      CHECK(FormatFindingCount(FindingsOf(c.severities)) == c.want);
    }
  }

  TEST_CASE("CountOf: singular for exactly one") {
    CHECK(CountOf(0, "draft", "drafts") == "0 drafts");
    CHECK(CountOf(1, "draft", "drafts") == "1 draft");
    CHECK(CountOf(2, "quote", "quotes") == "2 quotes");
  }
}

}  // namespace quotecheck
