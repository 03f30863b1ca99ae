#include "ingest/json_nesting.h"

namespace quotecheck {

std::optional<size_t> FindExcessNesting(std::string_view json, size_t max_depth) {
  size_t depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') {
        ++i;  // the escaped character
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    switch (c) {
      case '"':
        if (depth == 0) return std::nullopt;  // the value is a string
        in_string = true;
        break;
      case '[':
      case '{':
        if (++depth > max_depth) return i;
        break;
      case ']':
      case '}':
        if (depth <= 1) return std::nullopt;  // the end of the value (or a stray bracket)
        --depth;
        break;
      case ' ':
      case '\t':
      case '\n':
      case '\r':
        break;
      default:
        if (depth == 0) return std::nullopt;  // a number or an atom
        break;
    }
  }
  return std::nullopt;
}

}  // namespace quotecheck
