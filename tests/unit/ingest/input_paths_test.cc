#include "ingest/input_paths.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "unit/temp_dir.h"

namespace quotecheck {

TEST_SUITE("ingest") {
  TEST_CASE("IsIngestibleFileName chooses by extension") {
    struct Case {
      const char* name;
      bool want;
    };
    const Case cases[] = {
        {"a.txt", true},     {"a.md", true},       {"a.markdown", true}, {"a.json", true},
        {"a.jsonl", true},   {"a.ndjson", true},   {"A.TXT", true},      {"a.Jsonl", true},
        {"a.csv", false},    {"a.txt.bak", false}, {"txt", false},       {".txt", false},
        {"a.jsonld", false}, {"notes", false},
    };
    for (const auto& c : cases) {
      CAPTURE(c.name);
      CHECK(IsIngestibleFileName(c.name) == c.want);
    }
  }

  TEST_CASE("ExpandInputPaths walks directories in name order and keeps named files") {
    testing::TempDir tmp;
    const std::string root = tmp.path();
    tmp.Write("corpus/b.txt", "b");
    tmp.Write("corpus/a.md", "a");
    tmp.Write("corpus/c.jsonl", "{}");
    tmp.Write("corpus/skip.csv", "x");
    tmp.Write("corpus/.hidden.txt", "x");
    tmp.Write("corpus/.git/HEAD.txt", "x");
    tmp.Write("corpus/ab/z.json", "{}");
    tmp.Write("corpus/ab/y.ndjson", "{}");
    tmp.Write("corpus/B/upper.markdown", "x");
    tmp.Write("named.csv", "x");

    const std::vector<std::string> want_walk = {
        root + "/corpus/B/upper.markdown",  // "B" < "a" in byte order
        root + "/corpus/a.md",
        root + "/corpus/ab/y.ndjson",
        root + "/corpus/ab/z.json",
        root + "/corpus/b.txt",
        root + "/corpus/c.jsonl",
    };
    for (const std::string& dir : {root + "/corpus", root + "/corpus/", root + "/corpus//"}) {
      CAPTURE(dir);
      auto got = ExpandInputPaths({dir});
      CHECK(got.files == want_walk);
      CHECK(got.diagnostics.empty());
    }

    // Named files are taken whatever their extension; "-" passes through; order is kept.
    auto got = ExpandInputPaths({root + "/named.csv", "-", root + "/corpus/ab"});
    CHECK(got.files == std::vector<std::string>{root + "/named.csv", "-",
                                                root + "/corpus/ab/y.ndjson",
                                                root + "/corpus/ab/z.json"});
    CHECK(got.diagnostics.empty());
  }

  TEST_CASE("ExpandInputPaths reports a missing path and goes on") {
    testing::TempDir tmp;
    std::string a = tmp.Write("a.txt", "a");
    std::string missing = tmp.path() + "/missing.txt";
    auto got = ExpandInputPaths({missing, a, a + "/inside"});
    CHECK(got.files == std::vector<std::string>{a});
    REQUIRE(got.diagnostics.size() == 2);
    CHECK(FormatDiagnosticHeader(got.diagnostics[0]) ==
          missing + ": error: cannot open: No such file or directory");
    CHECK(FormatDiagnosticHeader(got.diagnostics[1]) ==
          a + "/inside: error: cannot open: Not a directory");
    CHECK(ExpandInputPaths({}).files.empty());
  }
}

}  // namespace quotecheck
