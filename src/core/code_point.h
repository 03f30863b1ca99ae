#pragma once
/// The one UTF-8 decoder of quotecheck (single code points around a byte offset, strict or
/// lenient by the caller's explicit choice), and the character classes the scanners need
/// (space, punctuation, letter/digit). Invalid bytes decode as U+FFFD, so scanning never
/// stops on damaged text.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace quotecheck {

/// U+FFFD REPLACEMENT CHARACTER in UTF-8.
inline constexpr std::string_view kUtf8ReplacementCharacter = "\xEF\xBF\xBD";

/// Whether `byte` continues a UTF-8 sequence (10xxxxxx) rather than starting a code point.
constexpr bool IsUtf8Continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

/// How DecodeUtf8 judges a byte sequence.
enum class Utf8Check {
  /// Unicode's well-formed UTF-8 only: overlong forms, surrogates and values above U+10FFFF
  /// are ill-formed, and an ill-formed sequence takes its maximal valid prefix (at least one
  /// byte), so that the same input always gives the same U+FFFDs as browsers and Python's
  /// "replace" handler. For checking input as it is read and for writers that must never
  /// pass invalid UTF-8 on.
  kStrict,
  /// The byte shape only (a lead byte C2..FF and its continuation bytes), and an ill-formed
  /// sequence takes one byte. For the scanners, which step through text already checked
  /// when it was read.
  kLenient,
};

struct DecodedCodePoint {
  char32_t cp = 0;     // 0 when there is no code point (before the start or at the end)
  size_t size = 0;     // bytes taken
  bool valid = false;  // false for U+FFFD standing for ill-formed bytes
};

/// Decodes the sequence starting at `text[pos]` (pos < text.size()) as `check` says; an
/// ill-formed one is U+FFFD, not valid, with the bytes it takes.
DecodedCodePoint DecodeUtf8(std::string_view text, size_t pos, Utf8Check check);

/// The code point starting at `pos`, decoded leniently; {} at or past the end. Inline with
/// ASCII decoded on the spot: the scanners and the attribution call it for every character.
inline DecodedCodePoint DecodeAt(std::string_view text, size_t pos) {
  if (pos >= text.size()) return {};
  const unsigned char c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) return {c, 1, true};
  return DecodeUtf8(text, pos, Utf8Check::kLenient);
}
/// DecodeBefore past its ASCII case: the code point ending just before `pos` (0 < pos <=
/// text.size()), decoded leniently.
DecodedCodePoint DecodeNonAsciiBefore(std::string_view text, size_t pos);
/// The code point ending just before `pos`, decoded leniently; {} at the start. Inline with
/// ASCII decoded on the spot: speaker names read words backwards a character at a time.
inline DecodedCodePoint DecodeBefore(std::string_view text, size_t pos) {
  if (pos == 0 || pos > text.size()) return {};
  const unsigned char c = static_cast<unsigned char>(text[pos - 1]);
  if (c < 0x80) return {c, 1, true};
  return DecodeNonAsciiBefore(text, pos);
}

bool IsNonAsciiSpace(char32_t cp);
/// White space, including no-break and thin spaces. Inline for ASCII, the common case.
inline bool IsSpace(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');
  return IsNonAsciiSpace(cp);
}
/// The classes below for code points past ASCII (Unicode categories by utf8proc).
bool IsNonAsciiWordChar(char32_t cp);
bool IsNonAsciiUpper(char32_t cp);
bool IsNonAsciiLower(char32_t cp);
bool IsNonAsciiDigit(char32_t cp);

/// ASCII letters and digits, by byte (one load where three range tests were).
inline constexpr auto kAsciiWordChar = [] {
  std::array<bool, 128> table{};
  for (int c = 0; c < 128; ++c) {
    table[c] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
  return table;
}();

/// Letters, digits and marks. Inline for ASCII, as the tokenisers call it for every character.
inline bool IsWordChar(char32_t cp) {
  return cp < 0x80 ? kAsciiWordChar[cp] : IsNonAsciiWordChar(cp);
}
/// Punctuation and symbols (quote marks, dashes, brackets, …), not letters or digits.
inline bool IsPunctuation(char32_t cp) { return cp != 0 && !IsSpace(cp) && !IsWordChar(cp); }
inline bool IsUpper(char32_t cp) {
  return cp < 0x80 ? cp >= 'A' && cp <= 'Z' : IsNonAsciiUpper(cp);
}
inline bool IsLower(char32_t cp) {
  return cp < 0x80 ? cp >= 'a' && cp <= 'z' : IsNonAsciiLower(cp);
}
/// `c` with A-Z made a-z, every other byte as it is: std::tolower in the "C" locale (the one
/// quotecheck runs in: it never calls setlocale), without a library call a byte.
inline char AsciiLower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
/// `s` with A-Z made a-z (AsciiLower on every byte).
inline std::string AsciiLowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}
/// Whether `s` ends with `lower_suffix` (given in lower case) in any ASCII case: a file name's
/// extension (".JSONL", ".Md").
inline bool EndsWithAsciiNoCase(std::string_view s, std::string_view lower_suffix) {
  if (s.size() < lower_suffix.size()) return false;
  s.remove_prefix(s.size() - lower_suffix.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (AsciiLower(s[i]) != lower_suffix[i]) return false;
  }
  return true;
}
/// Decimal digits (Unicode Nd).
inline bool IsDigit(char32_t cp) {
  return cp < 0x80 ? cp >= '0' && cp <= '9' : IsNonAsciiDigit(cp);
}

/// Appends the UTF-8 encoding of `cp` (U+FFFD for a surrogate, NUL or a value past U+10FFFF).
void AppendUtf8(char32_t cp, std::string* out);

}  // namespace quotecheck
