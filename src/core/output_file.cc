#include "core/output_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>

namespace quotecheck {

OutputFile::~OutputFile() {
  if (temp_path_.empty()) return;
  stream_.close();
  std::remove(temp_path_.c_str());
}

bool OutputFile::Open(const std::string& path) {
  // Only a regular file (or a new one) is replaced by renaming: a device, a FIFO or a
  // terminal (-o /dev/null, /dev/stderr, /dev/full) is written to directly, as renaming over
  // it would replace the device itself. A symbolic link is followed to the file it names.
  std::string target = path;
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) {
    if (!S_ISREG(st.st_mode)) {
      stream_.open(path, std::ios::binary | std::ios::trunc);
      return static_cast<bool>(stream_);
    }
    if (char* real = ::realpath(path.c_str(), nullptr)) {
      target = real;
      std::free(real);
    }
  }
  std::string temp = target + ".tmp-XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) return false;
  // mkstemp creates the file private (0600); give it the mode the file has or a new one gets.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, S_ISREG(st.st_mode) ? (st.st_mode & 07777) : (0666 & ~mask));
  ::close(fd);
  stream_.open(temp, std::ios::binary | std::ios::trunc);
  if (!stream_) {
    const int saved = errno;
    std::remove(temp.c_str());
    errno = saved;
    return false;
  }
  path_ = std::move(target);
  temp_path_ = std::move(temp);
  return true;
}

bool OutputFile::Commit() {
  if (!stream_.is_open()) return true;
  errno = 0;
  stream_.close();
  if (stream_.fail()) {
    if (errno == 0) errno = EIO;
    return false;
  }
  if (temp_path_.empty()) return true;  // written directly
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) return false;
  temp_path_.clear();
  return true;
}

}  // namespace quotecheck
