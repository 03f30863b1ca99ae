#pragma once
/// A temporary directory for the unit tests that touch the disk; removed on destruction.

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

namespace quotecheck::testing {

class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    path_ = std::filesystem::temp_directory_path() /
            ("quotecheck-unit-" + std::to_string(stamp) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(path_);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }

  /// The directory, as a string without a trailing slash.
  std::string path() const { return path_.string(); }

  /// Writes `bytes` to `relative` (creating parent directories); returns its full path.
  std::string Write(const std::string& relative, const std::string& bytes) const {
    auto file = path_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out << bytes;
    return file.string();
  }

  /// The full path of `relative`, which need not exist.
  std::string PathOf(const std::string& relative) const { return (path_ / relative).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace quotecheck::testing
