#include "core/diagnostic.h"

#include <doctest/doctest.h>

#include "core/line_index.h"

namespace quotecheck {

TEST_CASE("FormatDiagnostic prints header, source line and caret") {
  std::string text = "first line\nHe said \xe2\x80\x9chello.\n";
  LineIndex lines(text);
  size_t offset = text.find("\xe2\x80\x9c");
  Diagnostic d = DiagnosticAt(Severity::kWarning, "a.txt", lines, offset,
                              "quotation mark is never closed", "unbalanced-quote");
  CHECK(FormatDiagnostic(d) ==
        "a.txt:2:9: warning: quotation mark is never closed [unbalanced-quote]\n"
        "He said \xe2\x80\x9chello.\n"
        "        ^\n");
}

TEST_CASE("FormatDiagnosticHeader leaves out a missing position") {
  Diagnostic d;
  d.path = "missing.txt";
  d.message = "cannot open: No such file or directory";
  CHECK(FormatDiagnosticHeader(d) == "missing.txt: error: cannot open: No such file or directory");
}

}  // namespace quotecheck
