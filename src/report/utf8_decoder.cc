#include "report/utf8_decoder.h"

namespace quotecheck {

Utf8Sequence DecodeUtf8(std::string_view text, size_t pos) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) return {lead, 1, true};

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
    if (lead == 0xE0) lo = 0xA0;  // overlong
    if (lead == 0xED) hi = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    need = 3;
    cp = lead & 0x07;
    if (lead == 0xF0) lo = 0x90;  // overlong
    if (lead == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return {U'\uFFFD', 1, false};
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
  if (i <= need) return {U'\uFFFD', i, false};  // the maximal valid prefix is i bytes
  return {cp, need + 1, true};
}

}  // namespace quotecheck
