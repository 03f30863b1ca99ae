#include "ingest/file_identity.h"

#include <doctest/doctest.h>

#include <filesystem>

#include "unit/temp_dir.h"

namespace quotecheck {
namespace {

TEST_CASE("FileSet: one file however it is named") {
  testing::TempDir dir;
  const std::string a = dir.Write("refs/a.txt", "A");
  const std::string b = dir.Write("refs/b.txt", "B");
  std::filesystem::create_symlink(a, dir.PathOf("link.txt"));
  struct Case {
    std::string path;
    bool is_new;
  };
  const Case cases[] = {
      {a, true},
      {a, false},                                 // the same name twice
      {dir.PathOf("refs/../refs/a.txt"), false},  // another spelling
      {dir.PathOf("link.txt"), false},            // a link to it
      {b, true},                                  // another file
      {dir.PathOf("missing.txt"), true},          // unknown: its reader reports it
      {dir.PathOf("missing.txt"), true},
      {"-", true},  // standard input
      {"-", true},
  };
  FileSet set;
  for (const Case& c : cases) {
    CAPTURE(c.path);
    CHECK(set.Insert(c.path) == c.is_new);
  }
}

}  // namespace
}  // namespace quotecheck
