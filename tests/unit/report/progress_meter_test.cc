#include "report/progress_meter.h"

#include <doctest/doctest.h>

#include <sstream>

namespace quotecheck {
namespace {

TEST_CASE("FormatProgress: documents, MB, quotations, rate and time left") {
  CHECK(FormatProgress(1204, 45'300'000, 120'000'000, 3012, 3.75) ==
        "quotecheck: 1204 documents, 45.3/120.0 MB, 3012 quotations, 12.1 MB/s, 0:06 left");
  CHECK(FormatProgress(1, 2'000'000, 0, 1, 1.0) ==
        "quotecheck: 1 document, 2.0 MB, 1 quotation, 2.0 MB/s");  // no total: no time left
  CHECK(FormatProgress(0, 0, 10'000'000, 0, 0.0) ==
        "quotecheck: 0 documents, 0.0/10.0 MB, 0 quotations");
  CHECK(FormatProgress(5, 1'000'000, 7'201'000'000, 9, 1.0) ==
        "quotecheck: 5 documents, 1.0/7201.0 MB, 9 quotations, 1.0 MB/s, 2:00:00 left");
}

TEST_CASE("ProgressMeter draws only when enabled, and erases its line") {
  std::ostringstream off;
  ProgressMeter quiet(&off, /*enabled=*/false, 100);
  quiet.Add(50, 1);
  quiet.Clear();
  CHECK(off.str().empty());

  std::ostringstream on;
  ProgressMeter meter(&on, /*enabled=*/true, 100);
  meter.Add(50, 1);
  CHECK(on.str().rfind("\r\x1B[Kquotecheck: 1 document, 0.0/0.0 MB, 1 quotation", 0) == 0);
  meter.Clear();
  CHECK(on.str().ends_with("\r\x1B[K"));
}

}  // namespace
}  // namespace quotecheck
