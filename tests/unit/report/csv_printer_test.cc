#include "report/csv_printer.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "check_test_result.h"

namespace quotecheck {
namespace {

TEST_CASE("AppendCsvField quotes only what RFC 4180 says must be quoted") {
  struct Case {
    std::string field;
    std::string want;
  };
  const Case cases[] = {
      {"", ""},
      {"plain words", "plain words"},
      {"a,b", "\"a,b\""},
      {"she said \"no\"", "\"she said \"\"no\"\"\""},
      {"two\nlines", "\"two\nlines\""},
      {"cr\rhere", "\"cr\rhere\""},
      {"\xE2\x80\x9C"
       "curly"
       "\xE2\x80\x9D",
       "\xE2\x80\x9C"
       "curly"
       "\xE2\x80\x9D"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.field);
    std::string out;
    AppendCsvField(&out, c.field);
    CHECK(out == c.want);
  }
}

TEST_CASE("AppendCsvRow ends each row with CRLF") {
  std::string out;
  AppendCsvRow(&out, {"doc", "text"});
  AppendCsvRow(&out, {"a.txt", "\"We will win,\" she said"});
  CHECK(out == "doc,text\r\na.txt,\"\"\"We will win,\"\" she said\"\r\n");
}

TEST_CASE("PrintCheckCsv on threads writes the same rows as on one") {
  // Enough findings for several chunks of rows.
  CheckResult result = testing::CheckTestResult();
  const std::vector<Finding> findings = result.findings;
  REQUIRE_FALSE(findings.empty());
  while (result.findings.size() < 3000) {
    result.findings.insert(result.findings.end(), findings.begin(), findings.end());
  }
  const std::string one = FormatCheckCsv(result);
  size_t rows = 0;
  for (size_t at = one.find("\r\n"); at != std::string::npos; at = one.find("\r\n", at + 2)) {
    ++rows;
  }
  CHECK(rows >= result.findings.size() + 1);  // the header, then a row a finding
  for (unsigned jobs : {2u, 3u}) {
    std::ostringstream out;
    PrintCheckCsv(result, &out, jobs);
    CHECK(out.str() == one);
  }
}

}  // namespace
}  // namespace quotecheck
