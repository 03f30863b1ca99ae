#include "core/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>

namespace quotecheck {

OutputFile::~OutputFile() {
  Close();
  if (!temp_path_.empty()) std::remove(temp_path_.c_str());
}

bool OutputFile::Close() {
  if (fd_ < 0) return true;
  stream_->flush();
  const int write_error = stream_->error();
  stream_.reset();
  const int closed = ::close(fd_);
  fd_ = -1;
  if (write_error != 0) {
    errno = write_error;
    return false;
  }
  return closed == 0;
}

bool OutputFile::Open(const std::string& path) {
  // Only a regular file (or a new one) is replaced by renaming: a device, a FIFO or a
  // terminal (-o /dev/null, /dev/stderr, /dev/full) is written to directly, as renaming over
  // it would replace the device itself. A symbolic link is followed to the file it names.
  std::string target = path;
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) {
    if (!S_ISREG(st.st_mode)) {
      fd_ = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
      if (fd_ < 0) return false;
      stream_ = std::make_unique<FdOstream>(fd_);
      return true;
    }
    if (char* real = ::realpath(path.c_str(), nullptr)) {
      target = real;
      std::free(real);
    }
  }
  std::string temp = target + ".tmp-XXXXXX";
  const int fd = ::mkostemp(temp.data(), O_CLOEXEC);
  if (fd < 0) return false;
  // mkstemp creates the file private (0600); give it the mode the file has or a new one gets.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, S_ISREG(st.st_mode) ? (st.st_mode & 07777) : (0666 & ~mask));
  fd_ = fd;
  stream_ = std::make_unique<FdOstream>(fd_);
  path_ = std::move(target);
  temp_path_ = std::move(temp);
  return true;
}

bool OutputFile::Commit() {
  if (fd_ < 0) return true;
  errno = 0;
  const bool failed = stream_->fail();
  if (!Close() || failed) {
    if (errno == 0) errno = EIO;
    return false;
  }
  if (temp_path_.empty()) return true;  // written directly
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) return false;
  temp_path_.clear();
  return true;
}

}  // namespace quotecheck
