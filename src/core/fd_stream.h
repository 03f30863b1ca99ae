#pragma once
/// An output stream over a file descriptor that remembers why writing failed.
///
/// Why: std::ofstream and std::cout only say that a write failed; errno is overwritten long
/// before a run finishes its report, so a full disk was reported as "Input/output error". The
/// reports of every command (standard output, -o FILE) go through this buffer, and the error
/// names the cause of the first failed write ("No space left on device").

#include <array>
#include <ostream>
#include <streambuf>

namespace quotecheck {

class FdStreamBuf : public std::streambuf {
 public:
  /// Writes to `fd`, which stays the caller's to close.
  explicit FdStreamBuf(int fd);
  /// Writes what is buffered (an error is then kept, not reported).
  ~FdStreamBuf() override;
  FdStreamBuf(const FdStreamBuf&) = delete;
  FdStreamBuf& operator=(const FdStreamBuf&) = delete;

  /// errno of the first write that failed; 0 when none has.
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  // Writes buffered bytes; false (error_ set) when a write failed.
  bool Drain();
  // Writes [data, data + size) whole, resuming after partial writes and EINTR.
  bool WriteAll(const char* data, size_t size);

  int fd_;
  int error_ = 0;
  std::array<char, 1 << 16> buffer_;
};

/// An std::ostream over FdStreamBuf.
class FdOstream : public std::ostream {
 public:
  explicit FdOstream(int fd) : std::ostream(nullptr), buf_(fd) { rdbuf(&buf_); }
  int error() const { return buf_.error(); }

 private:
  FdStreamBuf buf_;
};

/// errno of the first failed write of `stream` when it writes through an FdStreamBuf; 0
/// otherwise (no failure, or a stream that does not tell).
int StreamWriteError(const std::ostream& stream);

}  // namespace quotecheck
