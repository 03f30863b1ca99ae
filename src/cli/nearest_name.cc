#include "cli/nearest_name.h"

#include <algorithm>

namespace quotecheck {
namespace {

// Suggestions stop at this many edits, however long the name (a longer miss is another word).
constexpr size_t kMaxEdits = 3;

}  // namespace

size_t EditDistance(std::string_view a, std::string_view b) {
  // Optimal string alignment distance, three rows.
  std::vector<size_t> two(b.size() + 1), one(b.size() + 1), row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) one[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({one[j] + 1, row[j - 1] + 1, one[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        row[j] = std::min(row[j], two[j - 2] + 1);
      }
    }
    two.swap(one);
    one.swap(row);
  }
  return one[b.size()];
}

std::optional<std::string> NearestName(std::string_view typed,
                                       const std::vector<std::string>& names) {
  const size_t limit = std::clamp<size_t>(typed.size() / 3, 1, kMaxEdits);
  std::optional<std::string> best;
  size_t best_distance = limit + 1;
  for (const std::string& name : names) {
    size_t d = EditDistance(typed, name);
    if (typed.size() >= 3 && name.size() > typed.size() &&
        name.compare(0, typed.size(), typed) == 0) {
      d = std::min(d, limit);  // a prefix: "--form" for --format
    }
    if (d < best_distance) {
      best_distance = d;
      best = name;
    }
  }
  return best;
}

}  // namespace quotecheck
