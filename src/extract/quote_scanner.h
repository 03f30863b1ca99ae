#pragma once
/// Finds quotations by pairing quote marks with a small state machine and a nesting stack.
///
/// - Marks: “ ” ‘ ’ " ' '' « » ‹ › „ ‚ 「 」 『 』. Whether a mark opens or closes is decided
///   from its glyph and its flanking characters (as CommonMark does for emphasis), so mixed
///   pairs such as "…” or “…" pair up, and apostrophes (don’t, Trump’s, the ’90s, the
///   leaders’ talks) are never taken for quotes.
/// - Only outermost quotations are reported; nested ones stay inside them.
/// - A quotation left open at the end of a paragraph continues when the next paragraph opens
///   with a mark of the same family (the newspaper convention) or when a later paragraph
///   closes it before opening anything (a quotation running through unmarked paragraphs).
///   Otherwise it is reported as unbalanced at its opening mark and scanning resumes at the
///   next paragraph. A quotation continued by the newspaper convention is reported in parts,
///   one a paragraph, without the marks that open the later ones.

#include <string>
#include <string_view>
#include <vector>

#include "core/byte_span.h"

namespace quotecheck {

struct ScannedQuote {
  ByteSpan content;       // between the marks
  size_t open_mark = 0;   // offset of the opening mark
  size_t close_mark_end;  // offset just past the closing mark
  /// A quotation continued through paragraphs that each open with a mark: its words in each
  /// paragraph, in order (white space at a paragraph's end left out). Empty otherwise.
  std::vector<ByteSpan> parts;
};

struct ScanIssue {
  size_t offset = 0;  // offset of the offending mark
  std::string message;
};

struct ScanResult {
  std::vector<ScannedQuote> quotes;  // in text order
  std::vector<ScanIssue> issues;     // unbalanced marks
};

/// Scans text[begin..] for quotations. Offsets are into `text`.
ScanResult ScanQuotations(std::string_view text, size_t begin = 0);

}  // namespace quotecheck
