#include "core/display_text.h"

#include "core/code_point.h"

namespace quotecheck {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // …

// Shown as a space: whitespace, and control characters that would upset a terminal.
bool ShownAsSpace(char32_t cp) {
  return cp <= 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

// Byte offset of the `n`th code point of valid UTF-8 `text` (text.size() when fewer).
size_t OffsetOfCodePoint(std::string_view text, size_t n) {
  size_t i = 0;
  for (; i < text.size(); ++i) {
    if (!IsUtf8Continuation(static_cast<unsigned char>(text[i]))) {
      if (n == 0) return i;
      --n;
    }
  }
  return i;
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

std::string ShortenForDisplay(std::string_view text, size_t max_code_points, Elide where) {
  std::string clean;
  clean.reserve(text.size());
  size_t code_points = 0;
  bool pending_space = false;
  for (size_t i = 0; i < text.size();) {
    // Past the width, elided at the end: the start read so far is all that is kept.
    if (where == Elide::kEnd && code_points > max_code_points) break;
    const auto byte = static_cast<unsigned char>(text[i]);
    const DecodedCodePoint seq =
        byte < 0x80 ? DecodedCodePoint{byte, 1, true} : DecodeUtf8(text, i, Utf8Check::kStrict);
    if (seq.valid && ShownAsSpace(seq.cp)) {
      pending_space = !clean.empty();
    } else {
      if (pending_space) {
        clean.push_back(' ');
        ++code_points;
        pending_space = false;
      }
      if (seq.size == 1 && seq.valid) {
        clean.push_back(static_cast<char>(byte));
      } else if (seq.valid) {
        clean.append(text.substr(i, seq.size));
      } else {
        clean.append(kUtf8ReplacementCharacter);
      }
      ++code_points;
    }
    i += seq.size;
  }
  if (code_points <= max_code_points) return clean;
  if (max_code_points == 0) return {};

  // Keep two thirds from the start and the rest from the end, around one "…" (at the end:
  // all from the start).
  const size_t keep = max_code_points - 1;
  const size_t tail_points = where == Elide::kMiddle ? keep / 3 : 0;
  const size_t head_points = keep - tail_points;
  const std::string_view all = clean;
  const std::string_view head = TrimSpaces(all.substr(0, OffsetOfCodePoint(all, head_points)));
  const std::string_view tail =
      tail_points == 0 ? std::string_view()
                       : TrimSpaces(all.substr(OffsetOfCodePoint(all, code_points - tail_points)));
  std::string out;
  out.reserve(head.size() + kEllipsis.size() + tail.size());
  out.append(head);
  out.append(kEllipsis);
  out.append(tail);
  return out;
}

std::string CutAtSpace(std::string_view text, size_t max_bytes, Keep keep, size_t slack) {
  if (text.size() <= max_bytes + slack) return std::string(text);
  auto continuation = [&](size_t i) {
    return IsUtf8Continuation(static_cast<unsigned char>(text[i]));
  };
  if (keep == Keep::kEnd) {
    size_t from = text.size() - max_bytes;
    while (from < text.size() && continuation(from)) ++from;
    const size_t space = text.find(' ', from);
    if (space != std::string_view::npos && space + 1 < text.size()) from = space + 1;
    return "\xE2\x80\xA6 " + std::string(text.substr(from));
  }
  size_t to = max_bytes;
  const size_t space = text.rfind(' ', to);
  if (space != std::string_view::npos && space > 0) {
    to = space;
  } else {
    while (to > 0 && continuation(to)) --to;
  }
  return std::string(text.substr(0, to)) + " \xE2\x80\xA6";
}

}  // namespace quotecheck
