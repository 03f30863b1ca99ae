#include "ingest/line_source.h"

#include <cerrno>
#include <cstring>

namespace quotecheck {
namespace {

constexpr size_t kReadChunk = 1 << 16;

std::string_view WithoutCarriageReturn(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

}  // namespace

LineSource LineSource::Owning(std::string bytes) {
  LineSource source;
  source.buf_ = std::move(bytes);
  source.eof_ = true;
  return source;
}

LineSource LineSource::Viewing(std::string_view bytes) {
  LineSource source;
  source.view_ = bytes;
  source.viewing_ = true;
  source.eof_ = true;
  return source;
}

bool LineSource::Next(std::string_view* line, int* err) {
  for (;;) {
    const std::string_view data = viewing_ ? view_ : std::string_view(buf_);
    const void* nl = std::memchr(data.data() + scan_, '\n', data.size() - scan_);
    if (nl != nullptr) {
      const size_t end = static_cast<size_t>(static_cast<const char*>(nl) - data.data());
      *line = WithoutCarriageReturn(data.substr(pos_, end - pos_));
      pos_ = scan_ = end + 1;
      return true;
    }
    scan_ = data.size();
    if (eof_) {
      if (pos_ >= data.size()) return false;
      *line = WithoutCarriageReturn(data.substr(pos_));
      pos_ = scan_ = data.size();
      return true;
    }
    // Keep the partial line, read more.
    buf_.erase(0, pos_);
    scan_ -= pos_;
    pos_ = 0;
    const size_t old = buf_.size();
    buf_.resize(old + kReadChunk);
    const size_t n = std::fread(buf_.data() + old, 1, kReadChunk, file_);
    buf_.resize(old + n);
    if (n < kReadChunk) {
      eof_ = true;
      if (std::ferror(file_)) {
        *err = errno != 0 ? errno : EIO;
        return false;
      }
    }
  }
}

}  // namespace quotecheck
