#include "ingest/file_identity.h"

#include <sys/stat.h>

namespace quotecheck {

bool FileSet::Insert(const std::string& path) {
  if (path == "-") return true;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return true;
  return ids_.emplace(st.st_dev, st.st_ino).second;
}

}  // namespace quotecheck
