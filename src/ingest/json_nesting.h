#pragma once
/// A guard against hostile nesting in JSON input: a record holding 100,000 nested arrays
/// is valid JSON, but reading it recursively overflows the stack. Before a record is parsed,
/// one linear, non-recursive pass over its bytes finds where (if anywhere) it nests deeper
/// than the limit; such a record becomes an error record and is skipped without descending.

#include <cstddef>
#include <optional>
#include <string_view>

namespace quotecheck {

/// Nesting of arrays and objects a JSON record may have. Real records nest a few levels;
/// 1024 is simdjson's own default maximum depth, and the recursive validation of a record
/// that deep stays far below a thread's stack (even with sanitizers).
inline constexpr size_t kMaxJsonNesting = 1024;

/// The offset in `json` of the "[" or "{" that opens level `max_depth + 1` of the first JSON
/// value in `json` (leading white space allowed), or nullopt when that value nests no deeper
/// than `max_depth`. Stops at the end of that value (what follows is not looked at), so
/// scanning every record of a file this way is linear in the file's size. Strings (with
/// their escapes) are skipped; the JSON is not otherwise validated.
std::optional<size_t> FindExcessNesting(std::string_view json, size_t max_depth);

}  // namespace quotecheck
