#pragma once
/// "did you mean --format?": the known name nearest a mistyped one, as git and cargo suggest.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quotecheck {

/// Edit distance (insertions, deletions, substitutions and swaps of two neighbours) between
/// `a` and `b`, in bytes.
size_t EditDistance(std::string_view a, std::string_view b);

/// The name of `names` nearest `typed`, when it is near enough to be the one meant: at most
/// a third of the typed length away (at least 1, at most 3 edits), or `typed` is a prefix of
/// it. Ties go to the first. nullopt when none is.
std::optional<std::string> NearestName(std::string_view typed,
                                       const std::vector<std::string>& names);

}  // namespace quotecheck
