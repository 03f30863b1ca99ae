#pragma once
/// Metadata written at the top of a text document, and where the article body begins.
/// Two forms are recognised:
///  * Markdown YAML front matter: the text starts with a "---" line and the block ends at the
///    next "---" or "..." line. Simple "key: value" lines are read (values may be quoted with
///    ' or "); keys title, date, outlet, source (same as outlet; outlet wins), url, role and
///    id are kept, others ignored. Without a closing line there is no front matter.
///  * A leading date line as in the seed corpus: optional whitespace, the word "date",
///    whitespace, YYYY-MM-DD. The article may continue on the same line
///    (" date 2025-08-19 US President …"); a lone run of digits after the date that ends the
///    line (" date 2025-08-07 403\n") is part of the header. The body starts at the first
///    non-whitespace byte after the header.
/// The text is never changed: offsets, including body_start, count from the start of the
/// text passed in.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/document.h"

namespace quotecheck {

struct TextHeader {
  /// Byte offset where the article text begins (0 when there is no header).
  size_t body_start = 0;
  DocumentMeta meta;
  /// Front matter "id"; empty when absent (the document keeps its path as id).
  std::string id;
};

/// The YAML front matter at the very start of `text`, or nullopt when there is none.
/// body_start is just past the closing "---"/"..." line.
std::optional<TextHeader> ParseFrontMatter(std::string_view text);

/// A leading "date YYYY-MM-DD" header, or nullopt. Only meta.date and body_start are set.
std::optional<TextHeader> ParseDateLine(std::string_view text);

/// Front matter if present, else a date line, else an empty header (body_start 0).
TextHeader ParseTextHeader(std::string_view text);

}  // namespace quotecheck
