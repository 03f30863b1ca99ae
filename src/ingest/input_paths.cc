#include "ingest/input_paths.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "core/code_point.h"
#include "core/regular_file.h"

namespace quotecheck {
namespace {

namespace fs = std::filesystem;

Diagnostic CannotOpen(const std::string& path, const std::error_code& ec) {
  Diagnostic d;
  d.severity = Severity::kError;
  d.path = path;
  d.message = "cannot open: " + ec.message();
  return d;
}

// Removes trailing slashes ("dir/" -> "dir", "dir//" -> "dir") but keeps "/" itself.
std::string StripTrailingSlashes(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

struct Entry {
  std::string name;
  bool is_dir = false;
};

// The globs of `dir`'s ignore file, if it has one, after `inherited`; `relative` is `dir`
// from the walk's root ("" or ending in "/").
std::vector<PathGlob> IgnoredBelow(const std::string& dir, const std::string& relative,
                                   const std::vector<PathGlob>& inherited) {
  std::vector<PathGlob> out = inherited;
  std::ifstream file(dir + "/" + std::string(kIgnoreFileName), std::ios::binary);
  if (!file) return out;
  std::ostringstream text;
  text << file.rdbuf();
  for (PathGlob& g : ParseIgnoreFile(text.str(), relative)) out.push_back(std::move(g));
  return out;
}

// Walks `dir`, which is `relative` from the walk's root ("" or ending in "/").
void Walk(const std::string& dir, const std::string& relative, const PathFilter& filter,
          const std::vector<PathGlob>& inherited, InputExpansion* out) {
  const std::vector<PathGlob> ignored = IgnoredBelow(dir, relative, inherited);
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    out->diagnostics.push_back(CannotOpen(dir, ec));
    return;
  }
  std::vector<Entry> entries;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    std::string name = it->path().filename().string();
    if (name.empty() || name.front() == '.') continue;
    std::error_code type_ec;
    bool is_link = it->is_symlink(type_ec);
    bool is_dir = it->is_directory(type_ec);  // follows links
    if (type_ec) continue;                    // dangling link or vanished entry
    if (is_dir && is_link) continue;
    if (!is_dir && !IsIngestibleFileName(name)) continue;
    if (SkipsEntry(filter, ignored, relative + name, is_dir)) continue;
    if (!is_dir && !it->is_regular_file(type_ec)) {
      const fs::file_status status = it->status(type_ec);
      Diagnostic d;
      d.severity = Severity::kWarning;
      d.path = (dir == "/" ? dir : dir + "/") + name;
      d.message = "not a regular file (" + std::string(FileKindName(status.type())) + "); skipped";
      out->warnings.push_back(std::move(d));
      continue;
    }
    entries.push_back(Entry{std::move(name), is_dir});
  }
  // A failed increment() leaves `ec` set (and the iterator at its end): report the directory.
  if (ec) out->diagnostics.push_back(CannotOpen(dir, ec));
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.name < b.name; });
  const std::string prefix = dir == "/" ? dir : dir + "/";
  for (const auto& entry : entries) {
    std::string path = prefix + entry.name;
    if (entry.is_dir) {
      Walk(path, relative + entry.name + "/", filter, ignored, out);
    } else {
      out->files.push_back(std::move(path));
    }
  }
}

}  // namespace

bool IsIngestibleFileName(std::string_view name) {
  for (std::string_view ext : {".txt", ".md", ".markdown", ".json", ".jsonl", ".ndjson"}) {
    if (name.size() > ext.size() && EndsWithAsciiNoCase(name, ext)) return true;
  }
  return false;
}

InputExpansion ExpandInputPaths(const std::vector<std::string>& paths, const PathFilter& filter) {
  InputExpansion out;
  for (const auto& path : paths) {
    if (path == "-") {
      out.files.push_back(path);
      continue;
    }
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      if (!ec) ec = std::make_error_code(std::errc::no_such_file_or_directory);
      out.diagnostics.push_back(CannotOpen(path, ec));
      continue;
    }
    if (fs::is_directory(status)) {
      Walk(StripTrailingSlashes(path), "", filter, {}, &out);
    } else {
      out.files.push_back(path);
    }
  }
  return out;
}

uint64_t TotalFileBytes(const std::vector<std::string>& files) {
  uint64_t total = 0;
  for (const std::string& file : files) {
    if (file == "-") continue;
    std::error_code ec;
    const uintmax_t size = fs::file_size(file, ec);
    if (!ec) total += size;
  }
  return total;
}

}  // namespace quotecheck
