#include "report/csv_printer.h"

#include <doctest/doctest.h>

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

}  // namespace
}  // namespace quotecheck
