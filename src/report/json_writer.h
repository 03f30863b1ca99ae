#pragma once
/// A small streaming JSON writer that appends to a std::string. Commas and colons are
/// placed automatically: call Key() before each value inside an object. Strings are escaped
/// per RFC 8259 (`"`, `\\`, control characters as \u00XX) and invalid UTF-8 is written as
/// U+FFFD, so the output is always valid JSON whatever bytes the input holds. The writer
/// does not check nesting; the caller writes well-formed structure.

#include <cstdint>
#include <string>
#include <string_view>

namespace quotecheck {

class JsonWriter {
 public:
  /// Appends to `*out`, which must outlive the writer.
  explicit JsonWriter(std::string* out) : out_(out) {}

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  /// An object member's name; the next call writes its value.
  void Key(std::string_view name);

  void String(std::string_view value);
  void Int(int64_t value);
  void Uint(uint64_t value);
  /// Shortest form that reads back exactly (0.93, 0.004, 1e-07); null for NaN and infinity,
  /// which JSON cannot represent.
  void Double(double value);
  void Bool(bool value);
  void Null();

  /// Starts a new top-level value (e.g. after a newline between JSON Lines records).
  void Reset() { first_ = true; }

 private:
  void BeforeValue() {
    if (!first_) out_->push_back(',');
    first_ = false;
  }

  std::string* out_;
  bool first_ = true;  // no comma is due before the next key or value
};

/// Appends `value` as a JSON string literal, quotes included.
void AppendJsonString(std::string* out, std::string_view value);

}  // namespace quotecheck
