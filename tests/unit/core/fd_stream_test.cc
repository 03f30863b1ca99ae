#include "core/fd_stream.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <string>

#include "core/output_file.h"

namespace quotecheck {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string TempPath(const char* name) {
  return (std::filesystem::temp_directory_path() /
          (std::string("quotecheck-") + name + "-" + std::to_string(std::random_device()())))
      .string();
}

TEST_CASE("FdOstream: writes small and large pieces in order, whole") {
  const std::string path = TempPath("fd-stream");
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  REQUIRE(fd >= 0);
  std::string expected;
  {
    FdOstream out(fd);
    for (int i = 0; i < 5000; ++i) {
      out << "line " << i << '\n';
      expected += "line " + std::to_string(i) + "\n";
    }
    const std::string big(200000, 'x');  // larger than the buffer: written straight through
    out << big;
    expected += big;
    out.put('!');
    expected += '!';
    out.flush();
    CHECK(out.good());
    CHECK(out.error() == 0);
  }
  ::close(fd);
  CHECK(ReadAll(path) == expected);
  std::remove(path.c_str());
}

TEST_CASE("FdOstream: a full device fails the stream and keeps the cause") {
  const int fd = ::open("/dev/full", O_WRONLY);
  if (fd < 0) return;  // no /dev/full here
  FdOstream out(fd);
  out << std::string(100000, 'x');
  out.flush();
  CHECK_FALSE(out.good());
  CHECK(out.error() == ENOSPC);
  CHECK(StreamWriteError(out) == ENOSPC);
  ::close(fd);
}

TEST_CASE("StreamWriteError: 0 for a stream that does not keep it") {
  std::ostringstream out;
  out << "words";
  CHECK(StreamWriteError(out) == 0);
}

TEST_CASE("OutputFile: committed whole, or the cause of a failed write") {
  const std::string path = TempPath("output-file");
  {
    OutputFile file;
    REQUIRE(file.Open(path));
    file.stream() << "first\n" << std::string(100000, 'y');
    CHECK_FALSE(std::filesystem::exists(path));  // written under a temporary name first
    REQUIRE(file.Commit());
  }
  CHECK(ReadAll(path) == "first\n" + std::string(100000, 'y'));
  std::remove(path.c_str());
  if (::access("/dev/full", W_OK) == 0) {
    OutputFile full;
    REQUIRE(full.Open("/dev/full"));
    full.stream() << std::string(100000, 'z');
    errno = 0;
    CHECK_FALSE(full.Commit());
    CHECK(errno == ENOSPC);
  }
}

}  // namespace
}  // namespace quotecheck
