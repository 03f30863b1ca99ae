#pragma once
/// A document as ingested: its id, where it came from, its text and its metadata.
/// Offsets everywhere in quotecheck are byte offsets into `text`.

#include <cstddef>
#include <cstdint>
#include <string>

namespace quotecheck {

struct DocumentMeta {
  std::string title;
  std::string outlet;  // JSON "outlet" or "source", front matter "outlet"/"source"
  std::string url;
  std::string date;    // as written; ISO YYYY-MM-DD when known
  std::string role;    // "primary" for transcripts and statements, else empty
};

struct Document {
  /// Id per the output contract: the JSON record's "id", else the path as named or found.
  std::string id;
  /// The file it came from ("-" for stdin), for diagnostics.
  std::string path;
  /// For a record of a JSONL file: its 1-based line in `path`; 0 for whole files.
  uint32_t record_line = 0;
  /// The document text: the file's bytes without a UTF-8 BOM, or the decoded JSON text field.
  std::string text;
  /// Where the article body begins: after YAML front matter or a leading "date" line.
  /// Quotes are only searched from here; offsets still count from the start of `text`.
  size_t body_start = 0;
  DocumentMeta meta;
};

}  // namespace quotecheck
