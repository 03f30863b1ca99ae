#pragma once
/// A half-open byte range [start, end) into a document's text.

#include <cstddef>
#include <string_view>

namespace quotecheck {

struct ByteSpan {
  size_t start = 0;
  size_t end = 0;

  size_t size() const { return end - start; }
  bool empty() const { return end <= start; }
  std::string_view in(std::string_view text) const { return text.substr(start, end - start); }
  friend bool operator==(const ByteSpan&, const ByteSpan&) = default;
};

}  // namespace quotecheck
