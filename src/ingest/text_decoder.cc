#include "ingest/text_decoder.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <cstdint>
#include <cstring>

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

// Length of the valid UTF-8 sequence starting at p[0] (1 to 4), or, when it is invalid,
// minus the length of its maximal valid prefix (at least 1). `n` bytes are available.
int SequenceLength(const unsigned char* p, size_t n) {
  unsigned char b = p[0];
  if (b < 0x80) return 1;
  int len;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (b >= 0xC2 && b <= 0xDF) {
    len = 2;
  } else if (b >= 0xE0 && b <= 0xEF) {
    len = 3;
    if (b == 0xE0) lo = 0xA0;  // overlong
    if (b == 0xED) hi = 0x9F;  // surrogates
  } else if (b >= 0xF0 && b <= 0xF4) {
    len = 4;
    if (b == 0xF0) lo = 0x90;  // overlong
    if (b == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return -1;  // stray continuation byte, C0/C1 or F5..FF
  }
  for (int i = 1; i < len; ++i) {
    if (static_cast<size_t>(i) >= n) return -i;
    unsigned char c = p[i];
    unsigned char min = i == 1 ? lo : 0x80;
    unsigned char max = i == 1 ? hi : 0xBF;
    if (c < min || c > max) return -i;
  }
  return len;
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
      int len = SequenceLength(p + i, n - i);
      if (len > 0) {
        i += static_cast<size_t>(len);
      } else {
        add(i, fmt::format("invalid UTF-8 byte 0x{:02X}", p[i]), "invalid-utf8");
        i += static_cast<size_t>(-len);
      }
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
