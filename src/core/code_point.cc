#include "core/code_point.h"

#include <utf8proc.h>

namespace quotecheck {

DecodedCodePoint DecodeUtf8(std::string_view text, size_t pos, Utf8Check check) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) return {lead, 1, true};
  const bool strict = check == Utf8Check::kStrict;

  size_t need = 0;  // continuation bytes that follow the lead
  char32_t cp = 0;
  unsigned char lo = 0x80;  // valid range of the first continuation byte
  unsigned char hi = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    need = 1;
    cp = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    need = 2;
    cp = lead & 0x0F;
    if (strict && lead == 0xE0) lo = 0xA0;  // overlong
    if (strict && lead == 0xED) hi = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && (lead <= 0xF4 || !strict)) {
    need = 3;
    cp = lead & 0x07;
    if (strict && lead == 0xF0) lo = 0x90;  // overlong
    if (strict && lead == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return {U'\uFFFD', 1, false};  // a stray continuation byte, C0, C1 (or F5..FF, strict)
  }

  size_t i = 1;
  for (; i <= need; ++i) {
    if (pos + i >= text.size()) break;
    const unsigned char c = byte(pos + i);
    const unsigned char min = i == 1 ? lo : 0x80;
    const unsigned char max = i == 1 ? hi : 0xBF;
    if (c < min || c > max) break;
    cp = (cp << 6) | (c & 0x3F);
  }
  // Strict: the maximal valid prefix is i bytes; lenient: one byte.
  if (i <= need) return {U'\uFFFD', strict ? i : 1, false};
  return {cp, need + 1, true};
}

DecodedCodePoint DecodeNonAsciiBefore(std::string_view text, size_t pos) {
  size_t start = pos - 1;
  size_t limit = pos >= 4 ? pos - 4 : 0;
  while (start > limit && IsUtf8Continuation(static_cast<unsigned char>(text[start]))) --start;
  DecodedCodePoint d = DecodeAt(text, start);
  if (start + d.size != pos) return {0xFFFD, 1, false};
  return d;
}

bool IsNonAsciiSpace(char32_t cp) {
  return cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

static utf8proc_category_t Category(char32_t cp) {
  return static_cast<utf8proc_category_t>(utf8proc_category(static_cast<utf8proc_int32_t>(cp)));
}

bool IsNonAsciiWordChar(char32_t cp) {
  if (cp == 0xFFFD) return false;
  switch (Category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

bool IsNonAsciiUpper(char32_t cp) {
  auto c = Category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool IsNonAsciiLower(char32_t cp) { return Category(cp) == UTF8PROC_CATEGORY_LL; }

bool IsNonAsciiDigit(char32_t cp) { return Category(cp) == UTF8PROC_CATEGORY_ND; }

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace quotecheck
