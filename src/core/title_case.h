#pragma once
/// Title case, as headlines and the names of works are written: every word capitalised but
/// for short function words ("Orange Is the New Black", "Trump Says He Will Win in Ohio").
/// The one list of those words, for every pass that asks whether words read as a headline or
/// a title (speaker names skip headlines; quotation kinds tell titles and headline fragments).

#include <string_view>

namespace quotecheck {

/// What title case reads of one word.
enum class TitleCaseWord {
  kCapitalised,  // its first code point is an upper-case letter
  kFunction,     // a short function word in lower case ("of", "the", "vs.")
  kLower,        // any other word that starts with a lower-case letter
  kOther,        // it starts with no letter ("$15", "2016", "—", "(hashtag)")
};

/// The kind of `word` (one word, no white space; empty: kOther).
TitleCaseWord ClassifyTitleCaseWord(std::string_view word);

}  // namespace quotecheck
