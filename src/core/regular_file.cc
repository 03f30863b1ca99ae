#include "core/regular_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

namespace quotecheck {
namespace {

std::filesystem::file_type TypeOfMode(mode_t mode) {
  using std::filesystem::file_type;
  if (S_ISFIFO(mode)) return file_type::fifo;
  if (S_ISSOCK(mode)) return file_type::socket;
  if (S_ISCHR(mode)) return file_type::character;
  if (S_ISBLK(mode)) return file_type::block;
  return file_type::unknown;
}

// Read size when the file's size is unknown; a string reserved for the file's size takes it
// in one read instead (see ReadAll).
constexpr size_t kReadChunk = 1 << 16;
// Less spare room than this in the string is no reservation (a short string's own buffer, or
// a full one): ReadAll then grows it by kReadChunk. ReadWholeFile reserves the file's size and
// at least this much more: a file under 4 KB used to get a 64 KB chunk, zeroed and
// reallocated, which cost more than reading it (a tenth of extract's instructions per small
// file).
constexpr size_t kMinSpareRoom = 64;

}  // namespace

std::string ErrnoMessage(int err) {
  return std::error_code(err, std::generic_category()).message();
}

std::string_view FileKindName(std::filesystem::file_type type) {
  using std::filesystem::file_type;
  switch (type) {
    case file_type::directory:
      return "a directory";
    case file_type::fifo:
      return "a FIFO";
    case file_type::socket:
      return "a socket";
    case file_type::character:
      return "a character device";
    case file_type::block:
      return "a block device";
    case file_type::regular:
      return "a regular file";
    default:
      return "not a regular file";
  }
}

std::FILE* OpenRegularFile(const std::string& path, std::string* error) {
  errno = 0;
  // O_NONBLOCK: opening a FIFO without a writer returns at once instead of waiting.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    *error = "cannot open: " + ErrnoMessage(errno != 0 ? errno : ENOENT);
    return nullptr;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    *error = "cannot open: " + ErrnoMessage(errno);
    ::close(fd);
    return nullptr;
  }
  if (!S_ISREG(st.st_mode)) {
    *error = S_ISDIR(st.st_mode) ? "cannot open: " + ErrnoMessage(EISDIR)
                                 : "cannot open: not a regular file (" +
                                       std::string(FileKindName(TypeOfMode(st.st_mode))) + ")";
    ::close(fd);
    return nullptr;
  }
  // O_NONBLOCK stays: it changes nothing in reading a regular file (Linux reads them through
  // the page cache, blocking or not), and clearing it cost two system calls a file, a
  // noticeable part of reading thousands of small articles.
  std::FILE* file = ::fdopen(fd, "rb");
  if (file == nullptr) {
    *error = "cannot open: " + ErrnoMessage(errno);
    ::close(fd);
  }
  return file;
}

int ReadAll(std::FILE* file, std::string* bytes) {
  for (;;) {
    size_t old = bytes->size();
    size_t chunk = bytes->capacity() - old;
    if (chunk < kMinSpareRoom) chunk = kReadChunk;
    bytes->resize(old + chunk);
    size_t n = std::fread(bytes->data() + old, 1, chunk, file);
    bytes->resize(old + n);
    if (n < chunk) {
      if (std::ferror(file)) return errno != 0 ? errno : EIO;
      return 0;
    }
  }
}

int ReadWholeFile(std::FILE* file, size_t padding, std::string* bytes) {
  struct stat st {};
  if (::fstat(::fileno(file), &st) == 0 && st.st_size > 0) {
    bytes->reserve(bytes->size() + static_cast<size_t>(st.st_size) +
                   std::max(padding, kMinSpareRoom));
  }
  // Unbuffered, fread reads straight into `bytes`, all of it at once; buffered, it read
  // whole blocks of the stream's buffer size (4 KiB) and the rest through that buffer.
  std::setvbuf(file, nullptr, _IONBF, 0);
  return ReadAll(file, bytes);
}

bool ReadRegularFile(const std::string& path, std::string* bytes, std::string* error) {
  std::FILE* file = OpenRegularFile(path, error);
  if (file == nullptr) return false;
  const int err = ReadWholeFile(file, /*padding=*/0, bytes);
  std::fclose(file);
  if (err != 0) {
    *error = "cannot read: " + ErrnoMessage(err);
    return false;
  }
  return true;
}

}  // namespace quotecheck
