#pragma once
/// Maps byte offsets of a text to 1-based line and column (columns count Unicode code
/// points). "\n", "\r\n" and a lone "\r" each end a line. Built once per text in one pass.
/// A lookup costs O(log lines + kColumnBlock) whatever the line's length: when a line is
/// longer than kColumnBlock bytes, the index also keeps the running code-point count at
/// every kColumnBlock-th byte, so a 200 MB one-line document is not counted from its start
/// for every quotation (which made many lookups on one long line quadratic).

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

  /// Bytes between code-point checkpoints: a lookup counts at most this many bytes twice.
  static constexpr size_t kColumnBlock = 4096;

 private:
  // Code points in text_[0, offset).
  size_t CodePointsBefore(size_t offset) const;

  std::string_view text_;
  std::vector<size_t> line_starts_;
  // Code points in text_[0, i * kColumnBlock); empty when no line is longer than a block.
  std::vector<size_t> block_code_points_;
};

/// Number of code points in `bytes` (UTF-8 continuation bytes are not counted).
size_t CountCodePoints(std::string_view bytes);

}  // namespace quotecheck
