#include "ingest/text_decoder.h"

#include <errno.h>
#include <fmt/format.h>
#include <iconv.h>
#include <simdjson.h>

#include <algorithm>
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

// How much of a file the UTF-16 detection without a byte order mark looks at.
constexpr size_t kSniffBytes = 4096;
// UTF-16 without a BOM: at least this share of the code units have a NUL high (or low) byte
// (ASCII text in UTF-16 has nearly all), and at most kUtf16OtherNuls the other byte.
constexpr double kUtf16Nuls = 0.4;
constexpr double kUtf16OtherNuls = 0.05;

// UTF-16 by the NUL bytes of the first code units; kAuto when it does not look like it.
Encoding SniffUtf16(std::string_view bytes) {
  const size_t n = std::min(bytes.size(), kSniffBytes) & ~size_t{1};
  if (n < 4) return Encoding::kAuto;
  size_t even = 0, odd = 0;
  for (size_t i = 0; i < n; i += 2) {
    even += bytes[i] == '\0';
    odd += bytes[i + 1] == '\0';
  }
  const double units = static_cast<double>(n / 2);
  if (odd >= kUtf16Nuls * units && even <= kUtf16OtherNuls * units) return Encoding::kUtf16Le;
  if (even >= kUtf16Nuls * units && odd <= kUtf16OtherNuls * units) return Encoding::kUtf16Be;
  return Encoding::kAuto;
}

// True when `bytes` holds at least one valid UTF-8 sequence of two bytes or more.
bool HasMultibyteUtf8(std::string_view bytes) {
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (static_cast<unsigned char>(bytes[i]) < 0xC2) continue;
    const DecodedCodePoint d = DecodeUtf8(bytes, i, Utf8Check::kStrict);
    if (d.valid && d.size > 1) return true;
  }
  return false;
}

// Each encoding's name for people and for iconv(3), in one table.
struct EncodingInfo {
  Encoding encoding;
  std::string_view name;
  const char* iconv;
};
constexpr EncodingInfo kEncodingInfo[] = {
    {Encoding::kAuto, "auto", "UTF-8"},
    {Encoding::kUtf8, "UTF-8", "UTF-8"},
    {Encoding::kUtf16Le, "UTF-16LE", "UTF-16LE"},
    {Encoding::kUtf16Be, "UTF-16BE", "UTF-16BE"},
    {Encoding::kWindows1252, "Windows-1252", "CP1252"},
    {Encoding::kLatin1, "Latin-1", "ISO-8859-1"},
};

const EncodingInfo& InfoOf(Encoding encoding) {
  for (const EncodingInfo& info : kEncodingInfo) {
    if (info.encoding == encoding) return info;
  }
  return kEncodingInfo[1];
}

// Converts `bytes` from `encoding` to UTF-8. A sequence iconv has no character for (a
// lone surrogate, 0x81 in Windows-1252) becomes U+FFFD, one issue each; false when iconv
// cannot convert from `encoding` at all.
bool ToUtf8(std::string* bytes, Encoding encoding, std::vector<TextIssue>* issues) {
  iconv_t cd = iconv_open("UTF-8", InfoOf(encoding).iconv);
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  const size_t unit = encoding == Encoding::kUtf16Le || encoding == Encoding::kUtf16Be ? 2 : 1;
  std::string out;
  out.resize(bytes->size() * 3 + 16);  // UTF-16: 2 bytes → at most 3; 8-bit: 1 → at most 3
  char* in = bytes->data();
  size_t in_left = bytes->size();
  size_t used = 0;
  while (in_left > 0) {
    char* to = out.data() + used;
    size_t to_left = out.size() - used;
    const size_t r = iconv(cd, &in, &in_left, &to, &to_left);
    used = out.size() - to_left;
    if (r != static_cast<size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    // EILSEQ or EINVAL (cut off at the end): one unit is no character.
    const auto* bad = reinterpret_cast<const unsigned char*>(in);
    std::string message =
        unit == 2 && in_left >= 2
            ? fmt::format("invalid {} code unit 0x{:02X}{:02X}", EncodingName(encoding),
                          encoding == Encoding::kUtf16Le ? bad[1] : bad[0],
                          encoding == Encoding::kUtf16Le ? bad[0] : bad[1])
            : fmt::format("byte 0x{:02X} is no {} character", bad[0], EncodingName(encoding));
    issues->push_back(TextIssue{used, std::move(message), "invalid-encoding"});
    const std::string_view replacement = kUtf8ReplacementCharacter;
    if (out.size() - used < replacement.size()) out.resize(out.size() * 2);
    std::memcpy(out.data() + used, replacement.data(), replacement.size());
    used += replacement.size();
    const size_t skip = std::min(unit, in_left);
    in += skip;
    in_left -= skip;
  }
  iconv_close(cd);
  out.resize(used);
  *bytes = std::move(out);
  return true;
}

}  // namespace

std::optional<Encoding> ParseEncodingName(std::string_view name) {
  const std::string n = AsciiLowered(name);
  if (n == "auto") return Encoding::kAuto;
  if (n == "utf-8" || n == "utf8") return Encoding::kUtf8;
  if (n == "utf-16le" || n == "utf16le") return Encoding::kUtf16Le;
  if (n == "utf-16be" || n == "utf16be") return Encoding::kUtf16Be;
  if (n == "utf-16" || n == "utf16") return Encoding::kUtf16Le;  // a BOM may still say BE
  if (n == "windows-1252" || n == "cp1252") return Encoding::kWindows1252;
  if (n == "latin-1" || n == "latin1" || n == "iso-8859-1") return Encoding::kLatin1;
  return std::nullopt;
}

const std::vector<std::string>& EncodingNames() {
  static const std::vector<std::string> names = {"auto",     "utf-8",    "utf-16",
                                                 "utf-16le", "utf-16be", "windows-1252",
                                                 "cp1252",   "latin-1",  "iso-8859-1"};
  return names;
}

std::string_view EncodingName(Encoding encoding) { return InfoOf(encoding).name; }

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

DecodedText DecodeText(std::string* bytes, Encoding encoding, size_t max_issues) {
  DecodedText out;
  const std::string_view head(*bytes);
  if (head.substr(0, 4) == std::string_view("\xFF\xFE\0\0", 4) ||
      head.substr(0, 4) == std::string_view("\0\0\xFE\xFF", 4)) {
    out.error = "UTF-32 text is not supported: convert it to UTF-8";
    return out;
  }
  // A UTF-16 byte order mark decides, whatever was asked (it cannot be anything else).
  size_t bom = 0;
  if (head.substr(0, 2) == "\xFF\xFE") {
    encoding = Encoding::kUtf16Le;
    bom = 2;
  } else if (head.substr(0, 2) == "\xFE\xFF") {
    encoding = Encoding::kUtf16Be;
    bom = 2;
  } else if (encoding == Encoding::kAuto || encoding == Encoding::kUtf8) {
    bom = Utf8BomLength(head);
  }
  if (encoding == Encoding::kAuto) {
    encoding = SniffUtf16(head.substr(bom));
    if (encoding == Encoding::kAuto) {
      const std::string_view body = head.substr(bom);
      encoding = !simdjson::validate_utf8(body.data(), body.size()) && !HasMultibyteUtf8(body)
                     ? Encoding::kWindows1252
                     : Encoding::kUtf8;
    }
  }
  out.encoding = encoding;
  if (bom > 0) bytes->erase(0, bom);
  if (encoding != Encoding::kUtf8) {
    std::vector<TextIssue> invalid;
    if (!ToUtf8(bytes, encoding, &invalid)) {
      out.error =
          fmt::format("cannot convert from {}: iconv does not know it", EncodingName(encoding));
      return out;
    }
    out.issues = FindTextIssues(*bytes, max_issues);  // NUL bytes
    for (TextIssue& issue : invalid) {
      if (out.issues.size() >= max_issues) break;
      out.issues.push_back(std::move(issue));
    }
    std::stable_sort(out.issues.begin(), out.issues.end(),
                     [](const TextIssue& a, const TextIssue& b) { return a.offset < b.offset; });
    return out;
  }
  out.issues = FindTextIssues(*bytes, max_issues);
  return out;
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
