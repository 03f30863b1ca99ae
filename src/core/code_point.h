#pragma once
/// Decoding single UTF-8 code points around a byte offset, and the character classes the
/// scanners need (space, punctuation, letter/digit). Invalid bytes decode as U+FFFD, one
/// byte at a time, so scanning never stops on damaged text.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace quotecheck {

struct DecodedCodePoint {
  char32_t cp = 0;  // 0 when there is no code point (before the start or at the end)
  size_t size = 0;  // bytes taken
};

/// The code point starting at `pos`.
DecodedCodePoint DecodeAt(std::string_view text, size_t pos);
/// The code point ending just before `pos`.
DecodedCodePoint DecodeBefore(std::string_view text, size_t pos);

/// White space, including no-break and thin spaces.
bool IsSpace(char32_t cp);
/// Punctuation and symbols (quote marks, dashes, brackets, …), not letters or digits.
bool IsPunctuation(char32_t cp);
/// Letters, digits and marks.
bool IsWordChar(char32_t cp);
bool IsUpper(char32_t cp);
bool IsLower(char32_t cp);
bool IsDigit(char32_t cp);

/// Appends the UTF-8 encoding of `cp` (U+FFFD for a surrogate, NUL or a value past U+10FFFF).
void AppendUtf8(char32_t cp, std::string* out);

}  // namespace quotecheck
