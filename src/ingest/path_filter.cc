#include "ingest/path_filter.h"

#include <fnmatch.h>

namespace quotecheck {
namespace {

PathGlob MakeGlob(std::string_view glob, const std::string& base) {
  PathGlob g;
  g.base = base;
  if (!glob.empty() && glob.back() == '/') {
    g.dirs_only = true;
    glob.remove_suffix(1);
  }
  if (!glob.empty() && glob.front() == '/') glob.remove_prefix(1);  // anchored: a path glob
  g.glob = std::string(glob);
  return g;
}

// Whether `g` matches the entry at `relative` (from the walk's root).
bool Matches(const PathGlob& g, std::string_view relative, bool is_dir) {
  if (g.dirs_only && !is_dir) return false;
  if (relative.substr(0, g.base.size()) != g.base) return false;
  std::string_view path = relative.substr(g.base.size());
  std::string subject;
  if (g.glob.find('/') == std::string::npos) {
    const size_t slash = path.rfind('/');
    subject = std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
  } else {
    subject = std::string(path);
  }
  return fnmatch(g.glob.c_str(), subject.c_str(), 0) == 0;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

}  // namespace

std::vector<PathGlob> ParseIgnoreFile(std::string_view text, const std::string& base) {
  std::vector<PathGlob> out;
  while (!text.empty()) {
    const size_t end = text.find('\n');
    std::string_view line = Trim(text.substr(0, end));
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (line.empty() || line.front() == '#') continue;
    out.push_back(MakeGlob(line, base));
  }
  return out;
}

bool SkipsEntry(const PathFilter& filter, const std::vector<PathGlob>& ignored,
                std::string_view relative, bool is_dir) {
  for (const PathGlob& g : ignored) {
    if (Matches(g, relative, is_dir)) return true;
  }
  for (const std::string& exclude : filter.excludes) {
    if (Matches(MakeGlob(exclude, ""), relative, is_dir)) return true;
  }
  bool any_include = false;
  bool included = false;
  for (const std::string& glob : filter.globs) {
    if (!glob.empty() && glob.front() == '!') {
      if (Matches(MakeGlob(std::string_view(glob).substr(1), ""), relative, is_dir)) return true;
      continue;
    }
    any_include = true;
    included = included || Matches(MakeGlob(glob, ""), relative, is_dir);
  }
  // Include globs choose files; directories are always walked (their files may match).
  return !is_dir && any_include && !included;
}

}  // namespace quotecheck
