#pragma once
/// A document as ingested: its id, where it came from, its text and its metadata.
/// Offsets everywhere in quotecheck are byte offsets into `text`.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/byte_span.h"

namespace quotecheck {

struct DocumentMeta {
  std::string title;
  std::string outlet;  // JSON "outlet" or "source", front matter "outlet"/"source"
  std::string url;
  std::string date;  // as written; ISO YYYY-MM-DD when known
  std::string role;  // "primary" for transcripts and statements, else empty
};

/// A quotation given by a draft's structure rather than by quote marks: a Markdown `>`
/// paragraph, an HTML <blockquote> or <q> element (see ingest/draft_reader.h).
struct BlockQuote {
  /// The quoted words, trimmed: from the first prose byte to the last, offsets into `text`.
  ByteSpan content;
  /// The element's cite="…" URL (HTML), else empty.
  std::string cite;
  friend bool operator==(const BlockQuote&, const BlockQuote&) = default;
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
  /// Drafts read as Markdown or HTML (ingest/draft_reader.h) only, else empty: a copy of
  /// `text` of the same size in which everything that is not prose (markup, code, comments,
  /// URLs, front matter, scripts) is blanked to spaces, newlines kept, and entities for quote
  /// marks are written as the marks. Extraction scans this instead of `text`, so every
  /// offset it reports is still an offset into `text`.
  std::string scan_text;
  /// Drafts only: quotations given by structure, in text order, not nested.
  std::vector<BlockQuote> block_quotes;
};

}  // namespace quotecheck
