#include "core/line_index.h"

#include <algorithm>
#include <cstring>

#include "core/code_point.h"

namespace quotecheck {

LineIndex::LineIndex(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  const char* base = text.data();
  const char* end = base + text.size();
  if (std::memchr(base, '\r', text.size()) == nullptr) {
    // Common case: "\n" line endings only.
    for (const char* p = base; p < end;) {
      const void* nl = std::memchr(p, '\n', end - p);
      if (nl == nullptr) break;
      p = static_cast<const char*>(nl) + 1;
      line_starts_.push_back(p - base);
    }
  } else {
    for (const char* p = base; p < end; ++p) {
      if (*p == '\n' || (*p == '\r' && (p + 1 == end || p[1] != '\n'))) {
        line_starts_.push_back(p - base + 1);
      }
    }
  }
  size_t longest = text.size() - line_starts_.back();
  for (size_t i = 1; i < line_starts_.size(); ++i) {
    longest = std::max(longest, line_starts_[i] - line_starts_[i - 1]);
  }
  if (longest <= kColumnBlock) return;
  block_code_points_.reserve(text.size() / kColumnBlock + 1);
  size_t count = 0;
  for (size_t start = 0; start < text.size(); start += kColumnBlock) {
    block_code_points_.push_back(count);
    count += CountCodePoints(text.substr(start, kColumnBlock));
  }
}

size_t LineIndex::CodePointsBefore(size_t offset) const {
  const size_t block = offset / kColumnBlock;
  const size_t start = block * kColumnBlock;
  return block_code_points_[block] + CountCodePoints(text_.substr(start, offset - start));
}

LineCol LineIndex::At(size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  size_t line = static_cast<size_t>(it - line_starts_.begin());
  size_t start = line_starts_[line - 1];
  size_t col = offset - start <= kColumnBlock || block_code_points_.empty()
                   ? CountCodePoints(text_.substr(start, offset - start))
                   : CodePointsBefore(offset) - CodePointsBefore(start);
  return LineCol{static_cast<uint32_t>(line), static_cast<uint32_t>(col + 1)};
}

std::string_view LineIndex::LineText(size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  size_t start = *(it - 1);
  size_t end = it == line_starts_.end() ? text_.size() : *it;
  while (end > start && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return text_.substr(start, end - start);
}

size_t CountCodePoints(std::string_view bytes) {
  size_t n = 0;
  for (unsigned char c : bytes) n += !IsUtf8Continuation(c);
  return n;
}

}  // namespace quotecheck
