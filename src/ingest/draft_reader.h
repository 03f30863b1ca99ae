#pragma once
/// Drafts for `quotecheck lint`: Markdown and HTML read with real parsers, so that quotation
/// marks are looked for only in prose, while every offset stays a byte offset into the
/// file's own text (line:col and carets are exact, no mapping tables).
///
/// A draft is a DocumentResult whose Document carries, besides `text` (the file's bytes
/// without a BOM):
///  * `scan_text`: the masked copy of `text` (same size) that extraction scans instead:
///    code, comments, markup, URLs, front matter, scripts and styles are spaces; quote-mark
///    character references are marks (ingest/draft_mask.h, draft_markdown.h, draft_html.h);
///  * `block_quotes`: quotations given by structure (Markdown "> …" paragraphs, HTML <q> and
///    <blockquote cite>), which QuoteExtractor::Process adds as direct quotations.
/// and, beside it, the inline switches of its comments (ingest/inline_switches.h).
///
/// Format by extension, any letter case: .md/.markdown → Markdown, .html/.htm → HTML,
/// anything else → plain text (read as `quotecheck extract` reads a text file: front matter
/// or a date line is metadata; no mask, so scan_text is empty and every byte is scanned;
/// inline switches are still read from every "<!-- … -->").

#include <string>
#include <string_view>
#include <vector>

#include "core/document_result.h"
#include "core/status.h"
#include "ingest/inline_switches.h"
#include "ingest/text_decoder.h"

namespace quotecheck {

enum class DraftFormat { kPlainText, kMarkdown, kHtml };

/// The format a draft at `path` is read as (by extension; "-" is plain text).
DraftFormat DraftFormatForPath(std::string_view path);

struct DraftDocument {
  DraftFormat format = DraftFormat::kPlainText;
  /// Ready for QuoteExtractor::Process: never failed. doc.id is the front matter "id", else
  /// the path; doc.path the path. diagnostics holds the encoding warnings (invalid UTF-8,
  /// NUL bytes) and the inline-switch warnings ("path:line:col: warning: … [inline-switch]").
  DocumentResult result;
  /// Lines where findings are switched off; see IsSuppressed.
  std::vector<Suppression> suppressions;
};

/// Reads the draft `bytes` named `path`, in `encoding` (ingest/text_decoder.h). Never prints
/// or throws. Bad input is never an error (it is read as well as it can be, with warnings);
/// the only errors are text that cannot be decoded ("UTF-32 text is not supported: …") and
/// a parser failing to allocate ("cannot parse: out of memory").
Result<DraftDocument> ReadDraft(std::string path, std::string bytes,
                                Encoding encoding = Encoding::kAuto);

/// Reads the file at `path` ("-": standard input, as plain text) and then ReadDraft. Errors:
/// "cannot open: <reason>", "cannot read: <reason>" (the caller adds "path: error: ").
Result<DraftDocument> ReadDraftFile(const std::string& path, Encoding encoding = Encoding::kAuto);

}  // namespace quotecheck
