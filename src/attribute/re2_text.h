#pragma once
/// Reading RE2 pattern text as the token rules' translations write it: where a character
/// class ends, and the characters that stand outside escapes and classes (the ones that make
/// groups, alternatives, quantifiers and assertions).

#include <cstddef>
#include <string_view>

namespace quotecheck {

/// The index of the "]" that closes the character class whose "[" is at `open` (a "]" first
/// in the class, after an optional "^", is a member); re.size() when none closes it.
inline size_t Re2ClassEnd(std::string_view re, size_t open) {
  size_t i = open + 1;
  if (i < re.size() && re[i] == '^') ++i;
  if (i < re.size() && re[i] == ']') ++i;
  while (i < re.size() && re[i] != ']') {
    if (re[i] == '\\') ++i;
    ++i;
  }
  return i < re.size() ? i : re.size();
}

/// Calls visit(i, c) at every character of `re` outside escapes and character classes, in
/// order, until it returns false; returns whether it never did.
template <typename Visit>
bool ForEachOutsideClasses(std::string_view re, Visit visit) {
  for (size_t i = 0; i < re.size(); ++i) {
    const char c = re[i];
    if (c == '\\') {
      ++i;
    } else if (c == '[') {
      i = Re2ClassEnd(re, i);
    } else if (!visit(i, c)) {
      return false;
    }
  }
  return true;
}

}  // namespace quotecheck
