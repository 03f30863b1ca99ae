#include "core/regular_file.h"

#include <doctest/doctest.h>
#include <stdio_ext.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace quotecheck {
namespace {

// A file of `size` bytes in a fresh temporary directory; removed with the object.
struct TempFile {
  explicit TempFile(size_t size) {
    dir = std::filesystem::temp_directory_path() /
          ("quotecheck-read-" + std::to_string(std::random_device()()));
    std::filesystem::create_directories(dir);
    path = (dir / "f.txt").string();
    for (size_t i = 0; i < size; ++i) text += static_cast<char>('a' + i % 26);
    std::ofstream(path, std::ios::binary) << text;
  }
  ~TempFile() { std::filesystem::remove_all(dir); }
  // The file opened for reading, as inputs are (OpenRegularFile).
  std::FILE* Open() const {
    std::string error;
    std::FILE* f = OpenRegularFile(path, &error);
    REQUIRE(f != nullptr);
    return f;
  }
  std::filesystem::path dir;
  std::string path, text;
};

TEST_CASE("ReadAll: a string reserved for the file takes it in place") {
  for (size_t size : {0, 1, 100, 3000, 5000, 70000}) {
    CAPTURE(size);
    TempFile file(size);
    std::FILE* f = file.Open();
    std::string bytes;
    bytes.reserve(size + 64);
    const size_t capacity = bytes.capacity();
    CHECK(ReadAll(f, &bytes) == 0);
    std::fclose(f);
    CHECK(bytes == file.text);
    CHECK(bytes.capacity() == capacity);  // no growth: one read, nothing zeroed beyond it
  }
}

TEST_CASE("ReadAll: an unreserved string grows to the whole file") {
  for (size_t size : {0, 10, 100, 200000}) {
    CAPTURE(size);
    TempFile file(size);
    std::FILE* f = file.Open();
    std::string bytes = "head:";
    CHECK(ReadAll(f, &bytes) == 0);
    std::fclose(f);
    CHECK(bytes == "head:" + file.text);
  }
}

TEST_CASE("ReadWholeFile: the whole file appended, unbuffered, its padding reserved") {
  for (size_t size : {0, 1, 4095, 4096, 4564, 70000}) {
    for (size_t padding : {0, 64, 1000}) {
      CAPTURE(size);
      CAPTURE(padding);
      TempFile file(size);
      std::FILE* f = file.Open();
      std::string bytes = "head:";
      CHECK(ReadWholeFile(f, padding, &bytes) == 0);
      // Read straight into the string (glibc: an unbuffered stream's buffer is one byte), not
      // in 4 KiB blocks through the stream's buffer.
      CHECK(__fbufsize(f) <= 1);
      std::fclose(f);
      CHECK(bytes == "head:" + file.text);
      CHECK(bytes.capacity() >= bytes.size() + padding);  // a parser's padding
    }
  }
}

TEST_CASE("ReadRegularFile: the whole file, or why not") {
  TempFile file(5000);
  std::string bytes, error;
  CHECK(ReadRegularFile(file.path, &bytes, &error));
  CHECK(bytes == file.text);
  CHECK_FALSE(ReadRegularFile((file.dir / "none.txt").string(), &bytes, &error));
  CHECK(error == "cannot open: No such file or directory");
}

}  // namespace
}  // namespace quotecheck
