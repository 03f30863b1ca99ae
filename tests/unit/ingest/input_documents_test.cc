#include "ingest/input_documents.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "unit/temp_dir.h"

namespace quotecheck {
namespace {

namespace fs = std::filesystem;

using testing::TempDir;

}  // namespace

TEST_SUITE("input_documents") {
  TEST_CASE("InputDocuments yields files, walked directories and unusable paths in order") {
    TempDir dir;
    const std::string a = dir.Write("a.txt", "A\n");
    fs::create_directories(dir.PathOf("d"));
    dir.Write("d/y.txt", "Y\n");
    dir.Write("d/x.md", "X\n");
    dir.Write("d/skipped.bin", "?\n");
    const std::string missing = dir.PathOf("missing.txt");
    const std::string jsonl =
        dir.Write("r.jsonl", "{\"id\":\"r1\",\"text\":\"1\"}\n{\"id\":\"r2\"}\n");

    InputDocuments inputs({dir.PathOf("d"), missing, a, jsonl}, IngestOptions{});
    std::vector<std::string> ids;
    std::vector<bool> failed;
    for (DocumentResult result; inputs.Next(&result);) {
      ids.push_back(result.doc.id);
      failed.push_back(result.failed);
      if (result.failed) CHECK(!result.diagnostics.empty());
    }
    const std::vector<std::string> want_ids = {
        dir.PathOf("d") + "/x.md", dir.PathOf("d") + "/y.txt", missing, a, "r1", "r2"};
    CHECK(ids == want_ids);
    // r2 has no text field: skipped, delivered once to carry its file's warning.
    CHECK(failed == std::vector<bool>{false, false, true, false, false, false});
  }
}

}  // namespace quotecheck
