#pragma once
/// Numbers for match keys: equal keys get equal numbers, new keys the next number in order of
/// first appearance. Each distinct key is copied once into blocks of packed bytes (a string
/// apiece would cost its own allocation and header per key), unless the caller's keys outlive
/// the numbering. What clustering's table numbers keys with (xref/quote_clusters.h), and how
/// `batch`'s groups task groups equal quotations a shard at a time (a group is the number of
/// its key, its representative the first quotation with it: GroupEqualQuotes' groups).

#include <cstdint>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace quotecheck {

class KeyNumbers {
 public:
  /// With `keys_outlive`, the keys given to Number outlive this object and are not copied.
  explicit KeyNumbers(bool keys_outlive = false) : keys_outlive_(keys_outlive) {}
  /// Room for `keys` distinct keys (no rehash while they are numbered).
  void Reserve(size_t keys) { numbers_.reserve(keys); }
  /// The number of `key`: the one it was given before, or the next (size() before the call).
  uint32_t Number(std::string_view key);
  /// How many distinct keys have been numbered.
  size_t size() const { return numbers_.size(); }

 private:
  // A copy of `text` that lives as long as this object.
  std::string_view Keep(std::string_view text);

  bool keys_outlive_ = false;
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t block_size_ = 0;  // of the last block
  size_t block_used_ = 0;
  std::unordered_map<std::string_view, uint32_t> numbers_;
};

}  // namespace quotecheck
