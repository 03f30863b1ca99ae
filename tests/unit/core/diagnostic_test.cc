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

TEST_CASE("FormatDiagnosticHeader: a position in a JSON record names the file line") {
  std::string text = "He said \xe2\x80\x9chello.\n";
  LineIndex lines(text);
  Diagnostics diagnostics = {DiagnosticAt(Severity::kWarning, "wire.jsonl", lines, 8,
                                          "quotation mark is never closed", "unbalanced-quote"),
                             DiagnosticAt(Severity::kWarning, "wire.jsonl", lines, 8, "again")};
  PlaceInRecord("wire-7", 27, 1, &diagnostics);
  CHECK(FormatDiagnosticHeader(diagnostics[0]) ==
        "wire.jsonl:1:9: warning: quotation mark is never closed [unbalanced-quote]");
  CHECK(FormatDiagnosticHeader(diagnostics[1]) ==
        "wire.jsonl:27: warning: again (record wire-7, text 1:9)");
  PlaceInRecord("whole-file", 0, 0, &diagnostics);  // record line 0: not a record
  CHECK(diagnostics[0].record_line == 0);
}

}  // namespace quotecheck
