#pragma once
/// Which files a directory walk chooses, as ripgrep and Vale choose them:
///  * `globs` (--glob GLOB, repeatable): when one is given, only files matching one of them
///    are read; a glob that starts with "!" excludes instead (--glob '!gold/*').
///  * `excludes` (--exclude GLOB, repeatable): files and directories matching are skipped.
///  * A `.quotecheckignore` file in a walked directory: one glob a line (blank lines and
///    lines starting with "#" are ignored), for everything below that directory.
/// A glob without "/" is matched against an entry's name ("*.gold.jsonl"); one with "/" is
/// matched against the path relative to the directory named on the command line (or to the
/// directory of the ignore file): "gold/*". A glob ending in "/" matches only directories.
/// Matching is fnmatch(3): *, ? and [...]; "*" also crosses "/" in a path glob. Files named
/// on the command line are always read; only the files a walk finds are filtered.

#include <string>
#include <string_view>
#include <vector>

namespace quotecheck {

/// The name of the per-directory ignore file.
inline constexpr std::string_view kIgnoreFileName = ".quotecheckignore";

/// One glob with the directory its relative paths count from ("" for the walk's root).
struct PathGlob {
  std::string base;  // relative to the walk's root, "" or ending in "/"
  std::string glob;  // without a leading "!" and a trailing "/"
  bool dirs_only = false;
};

struct PathFilter {
  std::vector<std::string> globs;     // --glob
  std::vector<std::string> excludes;  // --exclude

  bool empty() const { return globs.empty() && excludes.empty(); }
};

/// The globs of an ignore file's `text`, their paths counted from `base` (relative to the
/// walk's root, "" or ending in "/").
std::vector<PathGlob> ParseIgnoreFile(std::string_view text, const std::string& base);

/// True when a walk skips the entry at `relative` (its path from the walk's root, "/"
/// separated) given `filter` and the ignore files' globs that apply to it (`ignored`).
bool SkipsEntry(const PathFilter& filter, const std::vector<PathGlob>& ignored,
                std::string_view relative, bool is_dir);

}  // namespace quotecheck
