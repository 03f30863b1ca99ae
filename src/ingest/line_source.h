#pragma once
/// The lines of a JSON Lines input, read from a file in chunks (memory bounded by the
/// longest line) or taken from bytes in memory. A line comes without its "\n" (and without
/// a "\r" before it) and stays valid until the next call.

#include <cstdio>
#include <string>
#include <string_view>

namespace quotecheck {

class LineSource {
 public:
  /// Lines read from `file` (the caller closes it).
  explicit LineSource(std::FILE* file) : file_(file) {}
  /// Lines of `bytes`, which the LineSource keeps.
  static LineSource Owning(std::string bytes);
  /// Lines of `bytes`, which must outlive the LineSource.
  static LineSource Viewing(std::string_view bytes);

  LineSource(LineSource&&) = default;
  LineSource& operator=(LineSource&&) = default;
  LineSource(const LineSource&) = delete;
  LineSource& operator=(const LineSource&) = delete;

  /// The next line; false at the end of input or on a read error (then *err is its errno).
  bool Next(std::string_view* line, int* err);

 private:
  LineSource() = default;

  std::FILE* file_ = nullptr;
  std::string buf_;        // read from the file, or the owned bytes
  std::string_view view_;  // the viewed bytes
  bool viewing_ = false;
  size_t pos_ = 0;   // start of the next line
  size_t scan_ = 0;  // where to resume looking for '\n'
  bool eof_ = false;
};

}  // namespace quotecheck
