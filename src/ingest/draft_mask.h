#pragma once
/// What the draft readers (Markdown, HTML) produce, and the masked copy they build.
///
/// The mask is a copy of the source of the same size: every byte starts as a space (line
/// breaks "\n" and "\r" are kept, so lines stay lines) and only prose is copied back. So a
/// quotation found in the mask has offsets that are valid in the source, and line:col
/// computed on the source are exact.
///
/// Character references that stand for quote marks (&ldquo; &rdquo; &lsquo; &rsquo; &quot;
/// &apos; &laquo; &raquo; &bdquo; &sbquo; &lsaquo; &rsaquo; and the decimal and hexadecimal
/// forms of those code points, e.g. &#8220; &#x201C;) are written as the UTF-8 mark padded
/// with spaces to the reference's length. The mark goes on the side that touches text, so
/// that the scanner sees the same neighbours as in the rendered text: at the end when the
/// reference is followed by a non-space and not preceded by a letter or digit
/// ("said, &ldquo;We" → "said,     “We"), else at the start ("it,&rdquo; she" → "it,”      she").
/// A reference between two letters or digits (don&rsquo;t) is an apostrophe and is left as
/// written. Other references are left as written too. So a quotation found in the mask may
/// have a mark that stands for a whole reference: its source begins with "&" (or, in
/// Markdown, with the "\" of an escape) and ends at the ";" (or after the escaped byte).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/byte_span.h"
#include "core/document.h"

namespace quotecheck {

struct DraftMarkup {
  /// The masked copy of the source (same size).
  std::string scan_text;
  /// Quotations given by structure, in source order, outermost only.
  std::vector<BlockQuote> block_quotes;
  /// Source spans of the HTML comments "<!-- … -->" the parser saw (not those inside code
  /// or scripts), in order: where inline switches are looked for.
  std::vector<ByteSpan> comments;
  /// Metadata: Markdown front matter (see front_matter.h), the HTML <title>.
  DocumentMeta meta;
  /// Front matter "id", else empty.
  std::string id;
  /// Set when the reader left the rest of the source unread from `cut_at` (a guard against
  /// hostile input, see draft_html.h); `cut_reason` says why, for a warning.
  std::optional<size_t> cut_at;
  std::string cut_reason;
};

/// Builds a mask over `source` (which must outlive it).
class MaskWriter {
 public:
  explicit MaskWriter(std::string_view source);

  /// Copies source[span] into the mask as prose, writing quote-mark references as marks.
  /// With `markdown_escapes`, a backslash escape (\" \* …) is written as the escaped
  /// character and a space, placed as a reference's mark is.
  void CopyProse(ByteSpan span, bool markdown_escapes);

  /// Blanks source[span] in the mask again (line breaks kept).
  void Blank(ByteSpan span);

  /// Writes a line break at `pos` when the mask is blank there (markup, not prose): a block
  /// element's start, so that a paragraph starts a line of the mask as it does in Markdown.
  void BreakLine(size_t pos);

  /// The first and last+1 offsets of non-space bytes written by CopyProse since
  /// ResetWritten(); empty when nothing was written.
  ByteSpan Written() const { return written_; }
  void ResetWritten() { written_ = ByteSpan{}; }

  const std::string& mask() const { return mask_; }
  std::string Take() { return std::move(mask_); }

 private:
  void Note(size_t pos);

  std::string_view source_;
  std::string mask_;
  ByteSpan written_;
};

/// If text[pos] starts a character reference that stands for a quote mark, its length and
/// the mark's UTF-8 bytes in `*mark`; else 0.
size_t QuoteReferenceAt(std::string_view text, size_t pos, std::string_view* mark);

/// Byte offsets where each line of `text` begins ("\n", "\r\n" and a lone "\r" end a line,
/// as in LineIndex); element 0 is line 1.
std::vector<size_t> LineStarts(std::string_view text);

}  // namespace quotecheck
