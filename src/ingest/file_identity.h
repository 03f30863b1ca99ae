#pragma once
/// One document per file, however it is named: a reference named twice (`--reference X` and
/// `--reference ./X`), or a draft that is also inside a `--against DIR`, is read once. A
/// FileSet remembers the files of a run by their device and inode (what the file system
/// says makes two names one file), so that a symbolic link and its target are one file too.

#include <sys/types.h>

#include <set>
#include <string>
#include <utility>

namespace quotecheck {

class FileSet {
 public:
  /// Adds the file at `path`; false when the set already holds that file. A path that
  /// cannot be looked up (missing, "-" for standard input) is always new: its reader
  /// reports it.
  bool Insert(const std::string& path);

 private:
  std::set<std::pair<dev_t, ino_t>> ids_;
};

}  // namespace quotecheck
