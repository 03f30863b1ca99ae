#pragma once
/// A small streaming JSON writer that appends to a std::string. Commas and colons are
/// placed automatically: call Key() before each value inside an object. Strings are escaped
/// per RFC 8259 (`"`, `\\`, control characters as \u00XX) and invalid UTF-8 is written as
/// U+FFFD, so the output is always valid JSON whatever bytes the input holds. The writer
/// does not check nesting; the caller writes well-formed structure.

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace quotecheck {

namespace json_detail {

/// Bytes a JSON string cannot hold as they are: control characters, '"', '\\' and non-ASCII
/// bytes (which are validated).
constexpr bool NeedsAttention(unsigned char c) {
  return c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
}
struct AttentionTable {
  bool table[256] = {};
  constexpr AttentionTable() {
    for (int c = 0; c < 256; ++c) table[c] = NeedsAttention(static_cast<unsigned char>(c));
  }
};
inline constexpr AttentionTable kAttention;

}  // namespace json_detail

class JsonWriter {
 public:
  /// Appends to `*out`, which must outlive the writer.
  explicit JsonWriter(std::string* out) : out_(out) {}

  // The structural calls are inline: a million-record report makes tens of millions of them.
  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  /// An object member's name; the next call writes its value.
  void Key(std::string_view name) {
    // Member names are the program's own short ASCII words ("speaker_mention"), written for
    // every field of every record: the comma, the quoted name and the colon in one append
    // when no byte needs escaping.
    if (name.size() <= kMaxPlainName && IsPlainName(name)) {
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
      EscapedKey(name);
    }
    first_ = true;  // the value follows without a comma
  }

  void String(std::string_view value);
  void Int(int64_t value);
  void Uint(uint64_t value);
  /// Shortest form that reads back exactly (0.93, 0.004, 1e-07); null for NaN and infinity,
  /// which JSON cannot represent.
  void Double(double value);
  void Bool(bool value) { Literal(value ? std::string_view("true") : std::string_view("false")); }
  void Null() { Literal("null"); }

  /// Starts a new top-level value (e.g. after a newline between JSON Lines records).
  void Reset() { first_ = true; }

 private:
  static constexpr size_t kMaxPlainName = 48;
  static bool IsPlainName(std::string_view name) {
    for (char c : name) {
      if (json_detail::kAttention.table[static_cast<unsigned char>(c)]) return false;
    }
    return true;
  }
  void EscapedKey(std::string_view name);
  void BeforeValue() {
    if (!first_) out_->append(",", 1);
    first_ = false;
  }
  // A comma when one is due, then `c` (one append).
  void Open(char c) {
    const char text[2] = {',', c};
    out_->append(text + (first_ ? 1 : 0), first_ ? 1 : 2);
    first_ = true;
  }
  void Close(char c) {
    out_->append(&c, 1);
    first_ = false;
  }
  void Literal(std::string_view text) {
    BeforeValue();
    out_->append(text.data(), text.size());
  }

  std::string* out_;
  bool first_ = true;  // no comma is due before the next key or value
};

/// Appends `value` as a JSON string literal, quotes included.
void AppendJsonString(std::string* out, std::string_view value);

}  // namespace quotecheck
