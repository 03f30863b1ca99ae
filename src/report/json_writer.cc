#include "report/json_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "core/code_point.h"

namespace quotecheck {
namespace {

// Bytes that cannot be copied as they are: control characters, '"', '\\' and non-ASCII
// bytes (which are validated).
constexpr bool NeedsAttention(unsigned char c) {
  return c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
}

struct AttentionTable {
  bool table[256] = {};
  constexpr AttentionTable() {
    for (int c = 0; c < 256; ++c) table[c] = NeedsAttention(static_cast<unsigned char>(c));
  }
};
constexpr AttentionTable kAttention;

// Whether any byte of `w` needs attention (the SWAR form of NeedsAttention): a byte
// below 0x20, '"' (0x22), '\\' (0x5C) or with the high bit set.
inline bool HasAttentionByte(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  auto has_zero = [](uint64_t x) { return (x - kOnes) & ~x & kHigh; };
  const uint64_t below_space = (w - kOnes * 0x20) & ~w & kHigh;
  return ((w & kHigh) | below_space | has_zero(w ^ (kOnes * '"')) | has_zero(w ^ (kOnes * '\\'))) !=
         0;
}

}  // namespace

void AppendJsonString(std::string* out, std::string_view value) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  const size_t n = value.size();
  size_t run_start = 0;
  size_t i = 0;
  while (i < n) {
    // Eight plain ASCII bytes at a time: none below 0x20, none '"', '\\' or >= 0x80.
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, value.data() + i, 8);
      if (HasAttentionByte(w)) break;
      i += 8;
    }
    if (i >= n) break;
    const unsigned char c = static_cast<unsigned char>(value[i]);
    if (!kAttention.table[c]) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      const DecodedCodePoint seq = DecodeUtf8(value, i, Utf8Check::kStrict);
      if (seq.valid) {
        i += seq.size;  // stays part of the verbatim run
        continue;
      }
      out->append(value.data() + run_start, i - run_start);
      out->append(kUtf8ReplacementCharacter);
      i += seq.size;
      run_start = i;
      continue;
    }
    out->append(value.data() + run_start, i - run_start);
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      default: {
        const char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        out->append(escape, sizeof escape);
      }
    }
    ++i;
    run_start = i;
  }
  out->append(value.data() + run_start, n - run_start);
  out->push_back('"');
}

void JsonWriter::BeginObject() {
  BeforeValue();
  out_->push_back('{');
  first_ = true;
}

void JsonWriter::EndObject() {
  out_->push_back('}');
  first_ = false;
}

void JsonWriter::BeginArray() {
  BeforeValue();
  out_->push_back('[');
  first_ = true;
}

void JsonWriter::EndArray() {
  out_->push_back(']');
  first_ = false;
}

void JsonWriter::Key(std::string_view name) {
  // Member names are the program's own short ASCII words ("speaker_mention"), written for
  // every field of every record: the comma, the quoted name and the colon in one append when
  // no byte needs escaping.
  constexpr size_t kMaxPlainName = 48;
  const bool plain =
      name.size() <= kMaxPlainName && std::none_of(name.begin(), name.end(), [](char c) {
        return kAttention.table[static_cast<unsigned char>(c)];
      });
  if (plain) {
    char buffer[kMaxPlainName + 4];
    size_t at = 0;
    if (!first_) buffer[at++] = ',';
    buffer[at++] = '"';
    std::memcpy(buffer + at, name.data(), name.size());
    at += name.size();
    buffer[at++] = '"';
    buffer[at++] = ':';
    out_->append(buffer, at);
  } else {
    BeforeValue();
    AppendJsonString(out_, name);
    out_->push_back(':');
  }
  first_ = true;  // the value follows without a comma
}

void JsonWriter::String(std::string_view value) {
  BeforeValue();
  AppendJsonString(out_, value);
}

void JsonWriter::Int(int64_t value) {
  BeforeValue();
  const fmt::format_int digits(value);
  out_->append(digits.data(), digits.size());
}

void JsonWriter::Uint(uint64_t value) {
  BeforeValue();
  const fmt::format_int digits(value);
  out_->append(digits.data(), digits.size());
}

void JsonWriter::Double(double value) {
  BeforeValue();
  if (!std::isfinite(value)) {
    out_->append("null");
    return;
  }
  // fmt's default is the shortest representation that round-trips: 0.93, 0.004, 1e-07.
  char digits[32];
  const auto end = fmt::format_to_n(digits, sizeof digits, "{}", value);
  out_->append(digits, std::min(end.size, sizeof digits));
}

void JsonWriter::Bool(bool value) {
  BeforeValue();
  out_->append(value ? "true" : "false");
}

void JsonWriter::Null() {
  BeforeValue();
  out_->append("null");
}

}  // namespace quotecheck
