#pragma once
/// HTML drafts, read with gumbo (an HTML5 parser), which gives every text node, comment and
/// element its source offset.
///
/// Prose is the text of the body, copied from the source bytes of gumbo's text nodes
/// (character references for quote marks are written as marks, see draft_mask.h); bare
/// http://, https:// and www. URLs in it are blanked to the next white space. Everything
/// else stays blank: tags and their attributes, comments, <head> (its <title> becomes
/// DocumentMeta::title), and the content of <script>, <style>, <template>, <noscript>,
/// <textarea>, <pre>, <code>, <kbd>, <samp>, <svg> and <math>.
///
/// Each outermost <q> and <blockquote> is a quotation: its BlockQuote spans the element's
/// prose from the first non-space byte to the last, and keeps the cite="…" attribute.
/// Comments "<!-- … -->" are listed for inline switches.

#include <string_view>

#include "core/status.h"
#include "ingest/draft_mask.h"

namespace quotecheck {

/// Reads an HTML draft. `text` is the document text (after the BOM). Fails only when the
/// parser cannot allocate ("cannot parse: out of memory").
Result<DraftMarkup> ReadHtmlDraft(std::string_view text);

}  // namespace quotecheck
