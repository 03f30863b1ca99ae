#include "report/json_writer.h"

#include <fmt/format.h>

#include <cmath>

#include "report/utf8_decoder.h"

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

}  // namespace

void AppendJsonString(std::string* out, std::string_view value) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  const size_t n = value.size();
  size_t run_start = 0;
  size_t i = 0;
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(value[i]);
    if (!kAttention.table[c]) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      const Utf8Sequence seq = DecodeUtf8(value, i);
      if (seq.valid) {
        i += seq.length;  // stays part of the verbatim run
        continue;
      }
      out->append(value.data() + run_start, i - run_start);
      out->append(kUtf8ReplacementCharacter);
      i += seq.length;
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
  BeforeValue();
  AppendJsonString(out_, name);
  out_->push_back(':');
  first_ = true;  // the value follows without a comma
}

void JsonWriter::String(std::string_view value) {
  BeforeValue();
  AppendJsonString(out_, value);
}

void JsonWriter::Int(int64_t value) {
  BeforeValue();
  fmt::format_to(std::back_inserter(*out_), "{}", value);
}

void JsonWriter::Uint(uint64_t value) {
  BeforeValue();
  fmt::format_to(std::back_inserter(*out_), "{}", value);
}

void JsonWriter::Double(double value) {
  BeforeValue();
  if (!std::isfinite(value)) {
    out_->append("null");
    return;
  }
  // fmt's default is the shortest representation that round-trips: 0.93, 0.004, 1e-07.
  fmt::format_to(std::back_inserter(*out_), "{}", value);
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
