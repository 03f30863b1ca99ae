#pragma once
/// A file that is never seen half-written (the reports of -o FILE, the files `batch` tasks
/// hand each other): written under a temporary name beside it and renamed over it when whole.

#include <memory>
#include <ostream>
#include <string>

#include "core/fd_stream.h"

namespace quotecheck {

/// The file of -o FILE (or a `batch` task's output), written so that it is never left half-written:
/// the report goes to a temporary file in the same directory ("FILE.tmp-XXXXXX"), which Commit
/// renames over FILE once everything is written; until then FILE keeps its old content, and the
/// temporary file is removed if the run ends without committing (an error, an exception). A FILE
/// that exists and is not a regular file (/dev/null, /dev/stderr, a FIFO) is written directly.
class OutputFile {
 public:
  OutputFile() = default;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();

  /// Creates the temporary file for `path`; false with errno set when it cannot.
  bool Open(const std::string& path);
  /// Writes what is buffered, closes the file and renames the temporary file to the path;
  /// false (errno set: for a write, the cause of the first that failed) when writing, closing
  /// or renaming failed.
  bool Commit();

  /// The stream to write to; Open must have succeeded.
  std::ostream& stream() { return *stream_; }

 private:
  // Closes the file (after its stream); false with errno set when writing or closing failed.
  bool Close();

  int fd_ = -1;
  std::unique_ptr<FdOstream> stream_;
  std::string path_;
  std::string temp_path_;  // empty once committed, or when written directly
};

}  // namespace quotecheck
