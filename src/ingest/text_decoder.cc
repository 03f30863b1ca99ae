#include "ingest/text_decoder.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <cstdint>
#include <cstring>

#include "core/code_point.h"
#include "core/line_index.h"

namespace quotecheck {
namespace {

constexpr uint64_t kHighBits = 0x8080808080808080ULL;
constexpr uint64_t kOnes = 0x0101010101010101ULL;

// True when none of the 8 bytes is >= 0x80 or zero.
inline bool AllAsciiNonZero(uint64_t word) {
  bool has_high = (word & kHighBits) != 0;
  bool has_zero = ((word - kOnes) & ~word & kHighBits) != 0;
  return !has_high && !has_zero;
}

}  // namespace

size_t Utf8BomLength(std::string_view bytes) {
  return bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
}

std::vector<TextIssue> FindTextIssues(std::string_view text, size_t max_issues) {
  std::vector<TextIssue> issues;
  const bool valid = simdjson::validate_utf8(text.data(), text.size());
  if (valid && std::memchr(text.data(), 0, text.size()) == nullptr) return issues;

  size_t unreported = 0;
  size_t first_unreported = 0;
  auto add = [&](size_t offset, std::string message, const char* code) {
    if (issues.size() < max_issues) {
      issues.push_back(TextIssue{offset, std::move(message), code});
    } else if (unreported++ == 0) {
      first_unreported = offset;
    }
  };

  if (valid) {
    // Only NUL bytes to find.
    const char* base = text.data();
    for (size_t i = 0; i < text.size();) {
      const void* nul = std::memchr(base + i, 0, text.size() - i);
      if (nul == nullptr) break;
      i = static_cast<size_t>(static_cast<const char*>(nul) - base);
      add(i, "NUL byte", "nul-byte");
      ++i;
    }
  } else {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const size_t n = text.size();
    size_t i = 0;
    while (i < n) {
      // ASCII fast path: 8 bytes at a time while they are all ASCII and non-zero.
      while (i + 8 <= n) {
        uint64_t word;
        std::memcpy(&word, p + i, 8);
        if (!AllAsciiNonZero(word)) break;
        i += 8;
      }
      if (i >= n) break;
      if (p[i] == 0) {
        add(i, "NUL byte", "nul-byte");
        ++i;
        continue;
      }
      const DecodedCodePoint d = DecodeUtf8(text, i, Utf8Check::kStrict);
      if (!d.valid) add(i, fmt::format("invalid UTF-8 byte 0x{:02X}", p[i]), "invalid-utf8");
      i += d.size;
    }
  }
  if (unreported > 0) {
    issues.push_back(TextIssue{first_unreported,
                               fmt::format("{} more encoding problems not reported", unreported),
                               "encoding-truncated"});
  }
  return issues;
}

std::vector<TextIssue> DecodeText(std::string* bytes, size_t max_issues) {
  size_t bom = Utf8BomLength(*bytes);
  if (bom > 0) bytes->erase(0, bom);
  return FindTextIssues(*bytes, max_issues);
}

Diagnostics TextIssueDiagnostics(const std::string& path, std::string_view text,
                                 const std::vector<TextIssue>& issues) {
  Diagnostics out;
  if (issues.empty()) return out;
  LineIndex lines(text);
  out.reserve(issues.size());
  for (const auto& issue : issues) {
    out.push_back(
        DiagnosticAt(Severity::kWarning, path, lines, issue.offset, issue.message, issue.code));
  }
  return out;
}

}  // namespace quotecheck
