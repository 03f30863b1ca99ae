#pragma once
/// Reading documents out of one input file, as a pull stream: each Next() yields one
/// DocumentResult, so memory is bounded by the largest document (for JSON Lines, the longest
/// line), not by the corpus. Bad input never stops the run: an unreadable file, a malformed
/// JSON record, or a record without a usable text field yields a *failed* DocumentResult
/// (failed = true, error_message, one error Diagnostic, doc.id naming the record) and the
/// stream continues with the next record where that is possible.
///
/// Formats (see InputFormatForPath):
///  * Text (.txt, .md and anything else): one document; id and path are the path as given.
///    An .html/.htm file is read through its mask (ingest/draft_html.h), as lint reads it.
///    The text is the file's bytes without a UTF-8 BOM (text in UTF-16 or Windows-1252 is
///    converted to UTF-8, see text_decoder.h; UTF-32 is an error); invalid UTF-8 and NUL
///    bytes become warnings "path:line:col: warning: invalid UTF-8 byte 0xFF [invalid-utf8]". YAML
///    front matter or a leading "date YYYY-MM-DD" line fills DocumentMeta and body_start (see
///    front_matter.h); a front matter "id" replaces the path as document id.
///  * JSON Lines (.jsonl, .ndjson): one document per non-blank line; record_line is the
///    1-based line. Each line must hold one JSON object.
///  * JSON (.json): one object, or an array of objects, each a record as for JSON Lines;
///    record_line is the line where the record's "{" is. The file is read whole.
///  * Standard input ("-"): read whole; JSON Lines if its first non-blank byte is "{",
///    else text.
///
/// A JSON record's text is the first present (non-null) of the fields named in
/// IngestOptions::text_fields, then "text", "body", "content". Metadata: "id" (a string, or
/// a number kept as written), "title", "outlet" (else "source"), "url", "date", "role", all
/// strings; other fields are ignored but must be valid JSON. A record without an id gets
/// "path:LINE". The record's text is also scanned for a front matter/date header, which
/// sets body_start and fills metadata the record's fields left empty.
///
/// A record without a text field (tried \"text\", \"body\", \"content\") is no article (a
/// scorer's gold record, an index): it is skipped; the first of a file yields a `skipped`
/// result carrying one warning "path:LINE:1: warning: record has no text field (tried …):
/// skipped, as is every other record of this file without one [no-text-field]".
///
/// Error records ("path:LINE:COL: error: …"; COL in code points, 1 when unknown):
///  * "malformed JSON: <simdjson message>" (id "path:LINE"; for invalid UTF-8 the message
///    names the byte and COL points at it). In a .json file the rest of the file is lost.
///  * "record is not a JSON object"
///  * "field \"text\" is not a string" (COL at the value)
///  * whole file: "path: error: cannot open: <reason>" / "cannot read: <reason>".
/// The reader never throws and never prints. DocumentResult::sequence is left 0 (the caller
/// numbers the documents of the whole run).

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/document_result.h"
#include "ingest/path_filter.h"
#include "ingest/text_decoder.h"

namespace quotecheck {

struct IngestOptions {
  /// Names of the field that holds a JSON record's text (--text-field), tried in order
  /// before the defaults "text", "body", "content".
  std::vector<std::string> text_fields;
  /// Standard input when the caller has already read it (to sniff a quote store): "-" is
  /// then read from these bytes instead of from stdin.
  std::shared_ptr<const std::string> stdin_bytes = nullptr;
  /// Which files a directory walk reads (--glob, --exclude; see ingest/path_filter.h).
  PathFilter walk;
  /// The encoding of text, Markdown and HTML files (--encoding; ingest/text_decoder.h);
  /// JSON is UTF-8.
  Encoding encoding = Encoding::kAuto;
};

enum class InputFormat { kText, kJsonLines, kJson };

/// The format a path is read as, by extension (any letter case): .jsonl/.ndjson → JSON
/// Lines, .json → JSON, anything else → text. ("-" is sniffed instead: SniffInputFormat.)
InputFormat InputFormatForPath(std::string_view path);

/// The format of standard input: JSON Lines if the first byte after an optional BOM and
/// whitespace is "{", else text.
InputFormat SniffInputFormat(std::string_view bytes);

class DocumentReader {
 public:
  /// A reader over the file at `path` ("-" for standard input). Never fails: if the file
  /// cannot be opened, the first Next() yields a failed result saying why.
  static DocumentReader Open(const std::string& path, const IngestOptions& options);

  /// A reader over bytes already in memory, named `path`, read as `format` (for tests and
  /// for callers that already hold the input).
  static DocumentReader FromBytes(std::string path, std::string bytes, InputFormat format,
                                  const IngestOptions& options);

  DocumentReader(DocumentReader&&) noexcept;
  DocumentReader& operator=(DocumentReader&&) noexcept;
  ~DocumentReader();

  /// Fills `*out` (replacing its contents) with the next document or failure and returns
  /// true; returns false, leaving `*out` alone, when the input is exhausted.
  bool Next(DocumentResult* out);

  class Impl;

 private:
  explicit DocumentReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// Every result of one input, in order (convenience for small inputs and tests).
std::vector<DocumentResult> ReadAllDocuments(DocumentReader reader);

}  // namespace quotecheck
