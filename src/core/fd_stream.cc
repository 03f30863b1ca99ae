#include "core/fd_stream.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace quotecheck {

FdStreamBuf::FdStreamBuf(int fd) : fd_(fd) {
  setp(buffer_.data(), buffer_.data() + buffer_.size());
}

FdStreamBuf::~FdStreamBuf() { Drain(); }

bool FdStreamBuf::WriteAll(const char* data, size_t size) {
  if (error_ != 0) return false;
  while (size > 0) {
    const ssize_t n = ::write(fd_, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      error_ = errno;
      return false;
    }
    data += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

bool FdStreamBuf::Drain() {
  const size_t pending = static_cast<size_t>(pptr() - pbase());
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  return WriteAll(buffer_.data(), pending);
}

FdStreamBuf::int_type FdStreamBuf::overflow(int_type c) {
  if (!Drain()) return traits_type::eof();
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  *pptr() = traits_type::to_char_type(c);
  pbump(1);
  return c;
}

std::streamsize FdStreamBuf::xsputn(const char* s, std::streamsize n) {
  const auto size = static_cast<size_t>(n);
  const auto room = static_cast<size_t>(epptr() - pptr());
  if (size <= room) {
    std::memcpy(pptr(), s, size);
    pbump(static_cast<int>(size));
    return n;
  }
  // Larger than the room left: what is buffered first, then these bytes into the emptied
  // buffer, or straight through when they would fill it.
  if (!Drain()) return 0;
  if (size < buffer_.size()) {
    std::memcpy(pptr(), s, size);
    pbump(static_cast<int>(size));
    return n;
  }
  if (!WriteAll(s, size)) return 0;
  return n;
}

int FdStreamBuf::sync() { return Drain() ? 0 : -1; }

int StreamWriteError(const std::ostream& stream) {
  const auto* buf = dynamic_cast<const FdStreamBuf*>(stream.rdbuf());
  return buf == nullptr ? 0 : buf->error();
}

}  // namespace quotecheck
