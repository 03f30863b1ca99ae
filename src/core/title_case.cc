#include "core/title_case.h"

#include <algorithm>
#include <array>

#include "core/code_point.h"

namespace quotecheck {
namespace {

// Words that headlines and titles leave in lower case: articles, short prepositions and
// conjunctions, and the short verbs and possessives that AP-style headlines do not capitalise.
// Sorted, for a binary search.
constexpr std::array<std::string_view, 33> kFunctionWords = {
    "a",   "about", "after", "an",   "and", "are",  "as", "at",  "be",  "but", "by",
    "for", "from",  "her",   "his",  "in",  "into", "is", "its", "not", "of",  "on",
    "or",  "out",   "over",  "than", "the", "to",   "up", "via", "vs.", "was", "with"};

static_assert(std::all_of(kFunctionWords.begin(), kFunctionWords.end(), [](std::string_view w) {
  return w.size() <= kLongestTitleCaseFunctionWord;
}));

}  // namespace

bool IsTitleCaseFunctionWord(std::string_view word) {
  return std::binary_search(kFunctionWords.begin(), kFunctionWords.end(), word);
}

TitleCaseWord ClassifyNonAsciiTitleCaseWord(std::string_view word) {
  const char32_t first = DecodeAt(word, 0).cp;
  if (IsUpper(first)) return TitleCaseWord::kCapitalised;
  return IsLower(first) ? TitleCaseWord::kLower : TitleCaseWord::kOther;
}

}  // namespace quotecheck
