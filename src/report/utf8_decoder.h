#pragma once
/// Decoding of one UTF-8 sequence, for writers that must never pass invalid UTF-8 on.
/// Follows the Unicode "maximal subpart" practice: an ill-formed sequence is replaced by
/// one U+FFFD per maximal valid prefix (or per stray byte), so the same input always gives
/// the same replacement characters as browsers and Python's "replace" handler.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace quotecheck {

/// U+FFFD REPLACEMENT CHARACTER in UTF-8.
inline constexpr std::string_view kUtf8ReplacementCharacter = "\xEF\xBF\xBD";

struct Utf8Sequence {
  char32_t code_point = 0;  // U+FFFD when !valid
  size_t length = 0;        // bytes consumed; at least 1 when pos < text.size()
  bool valid = false;
};

/// Decodes the sequence starting at `text[pos]` (pos < text.size()). Rejects overlong
/// forms, surrogates and values above U+10FFFF.
Utf8Sequence DecodeUtf8(std::string_view text, size_t pos);

}  // namespace quotecheck
