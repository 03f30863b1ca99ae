#include "ingest/json_nesting.h"

#include <doctest/doctest.h>

#include <string>

namespace quotecheck {

TEST_CASE("FindExcessNesting finds where a value first nests deeper than the limit") {
  struct Case {
    std::string json;
    size_t max_depth;
    std::optional<size_t> want;
  };
  const Case cases[] = {
      {R"({"a": 1})", 1, std::nullopt},
      {R"({"a": [1]})", 1, 6},
      {R"({"a": [1]})", 2, std::nullopt},
      {R"(  [[[]]])", 2, 4},
      {R"({"a": "[[[[["})", 1, std::nullopt},    // brackets in strings do not count
      {R"({"a": "\"[[[["})", 1, std::nullopt},   // nor after an escaped quote
      {R"({"a": {}} [[[[[[)", 2, std::nullopt},  // only the first value is looked at
      {R"("[[[[")", 0, std::nullopt},            // a string value
      {R"(42)", 0, std::nullopt},                // a number
      {std::string(5000, '[') + std::string(5000, ']'), 1024, 1024},
  };
  for (const Case& c : cases) {
    CAPTURE(c.json.substr(0, 40));
    CHECK(FindExcessNesting(c.json, c.max_depth) == c.want);
  }
}

}  // namespace quotecheck
