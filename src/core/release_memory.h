#pragma once
/// Giving a value's memory back before it goes out of scope.
///
/// Why: `v = {}` on a std::vector (or std::string) assigns an empty initializer list and keeps
/// the capacity, so a pass that "frees" its pairs that way holds them through every later pass
/// (64 MB of candidate pairs at 1M quotations). Swapping with an empty value frees them.

#include <utility>

namespace quotecheck {

/// Leaves `value` empty, its memory given back (a default-constructed T takes its place).
template <typename T>
void ReleaseMemory(T& value) {
  T empty{};
  std::swap(value, empty);
}

}  // namespace quotecheck
