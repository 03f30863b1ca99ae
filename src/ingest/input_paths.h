#pragma once
/// Expansion of the PATHS named on the command line into the ordered list of input files.
///  * A file is taken as named, whatever its extension.
///  * A directory is walked recursively; within each directory the entries are visited in
///    byte order of their names, and a directory's files come where its name sorts. Only
///    files ending in .txt, .md, .markdown, .json, .jsonl or .ndjson (any letter case) are
///    chosen; entries whose name starts with "." are skipped, and symbolic links to
///    directories are not followed (no cycles); --glob, --exclude and .quotecheckignore
///    files leave out more (ingest/path_filter.h). A file found this way is named by the path
///    as given plus the relative path ("fixtures/x/a.txt" for "fixtures/x" or "fixtures/x/").
///  * "-" stands for standard input and is passed through.
///  * A path that cannot be used gives an error Diagnostic
///    ("path: error: cannot open: No such file or directory") and the others still expand.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "ingest/path_filter.h"

namespace quotecheck {

struct InputExpansion {
  /// Files to read, in order; duplicates are kept as named.
  std::vector<std::string> files;
  /// One error per path (or directory inside a walk) that could not be read.
  Diagnostics diagnostics;
  /// One warning per entry a walk skipped because it is not a regular file (a FIFO would
  /// block the run, a socket or device is no document): "path: warning: not a regular file
  /// (a FIFO); skipped". (A path named directly is opened as named: the reader then reports
  /// it as an error.)
  Diagnostics warnings;
};

/// True when a directory walk picks a file with this name (by its extension).
bool IsIngestibleFileName(std::string_view name);

/// Expands `paths` in order. An empty list expands to nothing (the caller decides whether
/// that means stdin). A walk leaves out what `filter` and the .quotecheckignore files of the
/// walked directories skip (ingest/path_filter.h). Never throws.
InputExpansion ExpandInputPaths(const std::vector<std::string>& paths,
                                const PathFilter& filter = {});

/// The bytes of the regular files among `files` ("-" and files that cannot be looked up
/// count 0): the total a progress display measures against.
uint64_t TotalFileBytes(const std::vector<std::string>& files);

}  // namespace quotecheck
