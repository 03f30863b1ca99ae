#pragma once
/// Maps byte offsets of a text to 1-based line and column (columns count Unicode code
/// points). "\n", "\r\n" and a lone "\r" each end a line. Built once per text in one pass.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace quotecheck {

struct LineCol {
  uint32_t line = 1;
  uint32_t col = 1;
  friend bool operator==(const LineCol&, const LineCol&) = default;
};

class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  /// Line and column of the byte at `offset` (offset may equal text size).
  LineCol At(size_t offset) const;
  /// The text of the line holding `offset`, without its line ending.
  std::string_view LineText(size_t offset) const;

 private:
  std::string_view text_;
  std::vector<size_t> line_starts_;
};

/// Number of code points in `bytes` (UTF-8 continuation bytes are not counted).
size_t CountCodePoints(std::string_view bytes);

}  // namespace quotecheck
