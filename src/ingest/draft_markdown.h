#pragma once
/// Markdown drafts, read with cmark-gfm (CommonMark plus GFM autolinks).
///
/// Prose is the literal text of the parser's text nodes, found in the source in document
/// order (cmark's own inline positions are not exact: they drift after character
/// references, escapes and extension autolinks, so only block start lines are taken from it
/// and each text literal is matched against the source, allowing for backslash escapes and
/// character references). Everything else stays blank in the mask (see draft_mask.h):
/// YAML front matter, fenced and indented code blocks, inline code, raw HTML (blocks and
/// inline, comments included), link destinations and titles, reference definitions, image
/// descriptions, the text of autolinks and bare URLs (a bare URL runs to the next white
/// space, so a quote mark glued to its end is not prose), and the syntax characters that
/// are not text: heading #, emphasis * and _, list markers, the > of block quotes, the
/// brackets of links, backslashes of escapes.
///
/// Each paragraph inside a block quote ("> …") is a quotation: its BlockQuote spans the
/// paragraph's prose from its first non-space byte to its last, across lines (the > of the
/// continuation lines is inside the span). Comments "<!-- … -->" are listed for inline
/// switches.

#include <string_view>

#include "core/status.h"
#include "ingest/draft_mask.h"

namespace quotecheck {

/// Reads a Markdown draft. `text` is the document text (after the BOM). Fails only when the
/// parser cannot allocate ("cannot parse: out of memory").
Result<DraftMarkup> ReadMarkdownDraft(std::string_view text);

}  // namespace quotecheck
