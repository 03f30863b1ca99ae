#include "core/pass_timer.h"

#include <doctest/doctest.h>

namespace quotecheck {

TEST_CASE("PassTimer records each pass with its count and memory, in order") {
  PassTimer timer;
  timer.Lap("xref tokenise", 3);
  Lap(&timer, "xref decide");
  Lap(nullptr, "ignored");  // no timer: nothing recorded, nothing fails
  REQUIRE(timer.laps().size() == 2);
  CHECK(timer.laps()[0].pass == "xref tokenise");
  CHECK(timer.laps()[0].count == 3);
  CHECK(timer.laps()[1].pass == "xref decide");
  CHECK(timer.laps()[1].seconds >= 0);
  CHECK(timer.laps()[1].resident > 0);  // Linux: /proc/self/statm
  CHECK(timer.laps()[1].peak_resident >= timer.laps()[1].resident / 2);
  const std::string text = FormatLaps(timer.laps());
  CHECK(text.find("xref tokenise") == 0);
  CHECK(text.find(" MB (peak ") != std::string::npos);
}

}  // namespace quotecheck
