#pragma once
/// Title case, as headlines and the names of works are written: every word capitalised but
/// for short function words ("Orange Is the New Black", "Trump Says He Will Win in Ohio").
/// The one list of those words, for every pass that asks whether words read as a headline or
/// a title (speaker names skip headlines; quotation kinds tell titles and headline fragments).

#include <cstddef>
#include <string_view>

namespace quotecheck {

/// What title case reads of one word.
enum class TitleCaseWord {
  kCapitalised,  // its first code point is an upper-case letter
  kFunction,     // a short function word in lower case ("of", "the", "vs.")
  kLower,        // any other word that starts with a lower-case letter
  kOther,        // it starts with no letter ("$15", "2016", "—", "(hashtag)")
};

/// Whether `word` is one of the short function words title case leaves in lower case.
bool IsTitleCaseFunctionWord(std::string_view word);

/// The kind of a word that starts past ASCII (ClassifyTitleCaseWord).
TitleCaseWord ClassifyNonAsciiTitleCaseWord(std::string_view word);

/// The longest function word ("about", "after"): a longer word is none.
inline constexpr size_t kLongestTitleCaseFunctionWord = 5;

/// The kind of `word` (one word, no white space; empty: kOther). Inline for ASCII: headline
/// tests read every line of every document a word at a time.
inline TitleCaseWord ClassifyTitleCaseWord(std::string_view word) {
  if (word.empty()) return TitleCaseWord::kOther;
  const auto c = static_cast<unsigned char>(word[0]);
  if (c >= 0x80) return ClassifyNonAsciiTitleCaseWord(word);
  if (c >= 'A' && c <= 'Z') return TitleCaseWord::kCapitalised;
  if (c < 'a' || c > 'z') return TitleCaseWord::kOther;
  return word.size() <= kLongestTitleCaseFunctionWord && IsTitleCaseFunctionWord(word)
             ? TitleCaseWord::kFunction
             : TitleCaseWord::kLower;
}

}  // namespace quotecheck
