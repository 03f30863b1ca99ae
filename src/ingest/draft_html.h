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

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "ingest/draft_mask.h"

namespace quotecheck {

/// Hostile input: gumbo's tree construction looks through the stack of open elements at every
/// tag, so n nested elements take O(n²) time (200,000 nested <div>: 90 s). Before parsing,
/// one linear pass estimates the nesting (start tags of elements that need an end tag, minus
/// end tags; comments and raw text skipped); the draft is cut at the tag that would nest
/// deeper than kMaxHtmlNesting, and a draft larger than kMaxHtmlBytes at that size.
/// DraftMarkup::cut_at and cut_reason then say where and why (the reader warns); the cut
/// part stays blank in the mask.
inline constexpr size_t kMaxHtmlNesting = 2000;            // real pages nest < 100; 2000: ~0.1 s
inline constexpr size_t kMaxHtmlBytes = size_t{64} << 20;  // a draft is a few hundred KB

/// Where ReadHtmlDraft cuts `text`, and why; nullopt when nothing is cut.
struct HtmlCut {
  size_t offset = 0;
  std::string reason;
};
std::optional<HtmlCut> FindHtmlCut(std::string_view text, size_t max_nesting, size_t max_bytes);

/// Reads an HTML draft. `text` is the document text (after the BOM). Fails only when the
/// parser cannot allocate ("cannot parse: out of memory").
Result<DraftMarkup> ReadHtmlDraft(std::string_view text);

}  // namespace quotecheck
