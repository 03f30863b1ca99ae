#include "report/diagnostic_printer.h"

#include <doctest/doctest.h>

#include <sstream>

namespace quotecheck {
namespace {

Diagnostic Make(Severity severity, std::string path, std::string code, uint32_t line) {
  Diagnostic d;
  d.severity = severity;
  d.path = std::move(path);
  d.code = std::move(code);
  d.line = line;
  d.col = 1;
  d.message = "m";
  return d;
}

TEST_CASE("DiagnosticPrinter caps warnings per code and file, never errors") {
  std::ostringstream err;
  DiagnosticPrinter printer(&err, /*quiet=*/false, /*max_per_rule_and_file=*/2);
  for (uint32_t line = 1; line <= 5; ++line) {
    printer.Print(Make(Severity::kWarning, "big.jsonl", "unbalanced-quote", line));
  }
  printer.Print(Make(Severity::kWarning, "big.jsonl", "nul-byte", 9));
  printer.Print(Make(Severity::kWarning, "other.txt", "unbalanced-quote", 1));
  for (uint32_t line = 1; line <= 3; ++line) {
    printer.Print(Make(Severity::kError, "big.jsonl", "", line));
  }
  printer.Finish();
  CHECK(err.str() ==
        "big.jsonl:1:1: warning: m [unbalanced-quote]\n"
        "big.jsonl:2:1: warning: m [unbalanced-quote]\n"
        "big.jsonl:9:1: warning: m [nul-byte]\n"
        "other.txt:1:1: warning: m [unbalanced-quote]\n"
        "big.jsonl:1:1: error: m\n"
        "big.jsonl:2:1: error: m\n"
        "big.jsonl:3:1: error: m\n"
        "big.jsonl: warning: and 3 more unbalanced-quote warnings\n");
}

TEST_CASE("DiagnosticPrinter: quiet prints only errors") {
  std::ostringstream err;
  DiagnosticPrinter printer(&err, /*quiet=*/true);
  CHECK_FALSE(printer.Print(Make(Severity::kWarning, "a.txt", "x", 1)));
  CHECK_FALSE(printer.Print(Make(Severity::kInfo, "a.txt", "x", 1)));
  CHECK(printer.Print(Make(Severity::kError, "a.txt", "", 2)));
  printer.Finish();
  CHECK(err.str() == "a.txt:2:1: error: m\n");
}

}  // namespace
}  // namespace quotecheck
