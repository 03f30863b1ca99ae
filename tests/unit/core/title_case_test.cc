#include "core/title_case.h"

#include <doctest/doctest.h>

#include <string_view>

namespace quotecheck {
namespace {

struct WordCase {
  std::string_view word;
  TitleCaseWord want;
};

TEST_CASE("ClassifyTitleCaseWord: capitalised, function words, lower case and the rest") {
  const WordCase cases[] = {
      {"Harbour", TitleCaseWord::kCapitalised},
      {"HARBOUR", TitleCaseWord::kCapitalised},
      {"Étienne", TitleCaseWord::kCapitalised},
      {"of", TitleCaseWord::kFunction},
      {"the", TitleCaseWord::kFunction},
      {"vs.", TitleCaseWord::kFunction},
      {"into", TitleCaseWord::kFunction},
      {"with", TitleCaseWord::kFunction},
      {"ferry", TitleCaseWord::kLower},
      {"Of", TitleCaseWord::kCapitalised},
      {"of,", TitleCaseWord::kLower},
      {"élan", TitleCaseWord::kLower},
      {"$15", TitleCaseWord::kOther},
      {"2016", TitleCaseWord::kOther},
      {"—", TitleCaseWord::kOther},
      {"‘Harbour", TitleCaseWord::kOther},
      {"", TitleCaseWord::kOther},
  };
  for (const WordCase& c : cases) {
    CAPTURE(c.word);
    CHECK(ClassifyTitleCaseWord(c.word) == c.want);
  }
}

}  // namespace
}  // namespace quotecheck
