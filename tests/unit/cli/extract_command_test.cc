#include "cli/extract_command.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "cli/exit_code.h"
#include "unit/temp_dir.h"

namespace quotecheck {
namespace {

namespace fs = std::filesystem;

using testing::TempDir;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The `document` record of a file without metadata.
std::string DocumentRecord(const std::string& path) {
  std::string record = R"({"type":"document","doc":")";
  record.append(path).append("\"}");
  return record;
}

std::string WithoutSeconds(const std::string& text) {
  return std::regex_replace(text, std::regex(R"("seconds":[0-9.e+-]+)"), R"("seconds":S)");
}

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("RunExtract reads every input, reports a missing one and exits 2") {
    TempDir dir;
    const std::string plain = "No quotation marks in this text.\n";
    const std::string a = dir.Write("a.txt", plain);
    const std::string missing = dir.PathOf("missing.txt");
    const std::string b = dir.Write("b.txt", plain + plain);

    for (unsigned jobs : {1u, 2u}) {
      CAPTURE(jobs);
      ExtractOptions options;
      options.format = OutputFormat::kJsonl;
      options.jobs = jobs;
      options.paths = {a, missing, b};
      std::ostringstream out;
      std::ostringstream err;
      CHECK(RunExtract(options, out, err) == kExitError);

      const std::vector<std::string> lines = Lines(out.str());
      REQUIRE(lines.size() == 4);
      CHECK(lines[0] == DocumentRecord(a));
      CHECK(lines[1].rfind(R"({"type":"error","doc":")" + missing + R"(","message":")", 0) == 0);
      CHECK(lines[2] == DocumentRecord(b));
      CHECK(WithoutSeconds(lines[3]) ==
            R"({"type":"summary","documents":3,"failed":1,"quotes":0,"clusters":0,)"
            R"("findings":0,"bytes":)" +
                std::to_string(3 * plain.size()) + R"(,"seconds":S})");
      // The missing file's diagnostic, on stderr only.
      CHECK(err.str().rfind(missing + ": error: ", 0) == 0);
    }
  }

  TEST_CASE("RunExtract prints the text summary and exits 0 when everything was read") {
    TempDir dir;
    const std::string a = dir.Write("a.txt", "Nothing quoted.\n");
    ExtractOptions options;
    options.paths = {a};
    std::ostringstream out;
    std::ostringstream err;
    CHECK(RunExtract(options, out, err) == kExitOk);
    const std::vector<std::string> lines = Lines(out.str());
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == a);
    CHECK(lines[1] == "  (no quotations)");
    CHECK(lines[2].rfind("1 document (0 failed), 0 quotes, 0 unattributed, 16 bytes in ", 0) == 0);
    CHECK(err.str().empty());
  }

  TEST_CASE("RunExtract writes to the -o file and leaves the stream alone") {
    TempDir dir;
    const std::string a = dir.Write("a.txt", "Nothing quoted.\n");
    const std::string result = dir.PathOf("out.jsonl");
    ExtractOptions options;
    options.format = OutputFormat::kJsonl;
    options.output_path = result;
    options.paths = {a};
    std::ostringstream out;
    std::ostringstream err;
    CHECK(RunExtract(options, out, err) == kExitOk);
    CHECK(out.str().empty());
    std::ifstream in(result, std::ios::binary);
    const std::string written((std::istreambuf_iterator<char>(in)), {});
    const std::string want =
        DocumentRecord(a).append("\n").append(R"({"type":"summary","documents":1,)");
    CHECK(written.rfind(want, 0) == 0);
  }

  TEST_CASE("RunExtract exits 2 when the output file cannot be opened") {
    TempDir dir;
    const std::string a = dir.Write("a.txt", "x\n");
    ExtractOptions options;
    options.output_path = dir.PathOf("no-such-dir/out.txt");
    options.paths = {a};
    std::ostringstream out;
    std::ostringstream err;
    CHECK(RunExtract(options, out, err) == kExitError);
    CHECK(err.str().find("cannot open for writing") != std::string::npos);
  }
}

}  // namespace quotecheck
