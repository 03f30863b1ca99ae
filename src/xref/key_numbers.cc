#include "xref/key_numbers.h"

#include <algorithm>

namespace quotecheck {

std::string_view KeyNumbers::Keep(std::string_view text) {
  // Large enough that the blocks' own headers do not count, small beside any table of keys.
  constexpr size_t kBlock = size_t{1} << 20;
  if (blocks_.empty() || text.size() > block_size_ - block_used_) {
    block_size_ = std::max(kBlock, text.size());
    block_used_ = 0;
    blocks_.push_back(std::make_unique<char[]>(block_size_));
  }
  char* at = blocks_.back().get() + block_used_;
  std::copy(text.begin(), text.end(), at);
  block_used_ += text.size();
  return {at, text.size()};
}

uint32_t KeyNumbers::Number(std::string_view key) {
  auto k = numbers_.find(key);
  if (k == numbers_.end()) {
    k = numbers_.emplace(keys_outlive_ ? key : Keep(key), static_cast<uint32_t>(numbers_.size()))
            .first;
  }
  return k->second;
}

}  // namespace quotecheck
