#pragma once
/// Inline switches: HTML comments in a draft (Markdown or HTML alike) that turn lint rules
/// off for some lines.
///
///   <!-- quotecheck-disable -->              every rule, from this line …
///   <!-- quotecheck-disable RULE[, RULE…] --> the named rules, from this line …
///   <!-- quotecheck-enable [RULE…] -->       … to this line (without rules: all that are off)
///   <!-- quotecheck-disable-next-line [RULE…] -->  the next line that is neither blank nor
///                                           only inline switches
///
/// Rules are separated by commas and/or white space; " -- " ends the list (what follows is a
/// free description: <!-- quotecheck-disable-next-line misquote -- checked by phone -->).
/// A disable…enable range covers the lines of both comments and every line between; a
/// disable that is never enabled runs to the last line. Lines are 1-based, as LineIndex
/// counts them ("\n", "\r\n" and a lone "\r" end a line).
///
/// Only comments the draft's parser found are read (ingest/draft_mask.h: DraftMarkup::
/// comments), so a switch shown inside a code block does nothing. A comment that starts with
/// "quotecheck-" but is none of the forms, an enable with nothing to enable and a
/// disable-next-line with no line after it yield a warning (code "inline-switch").

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/byte_span.h"

namespace quotecheck {

struct Suppression {
  /// The rule id; empty for every rule.
  std::string rule;
  /// 1-based, inclusive.
  uint32_t first_line = 0;
  uint32_t last_line = 0;
  friend bool operator==(const Suppression&, const Suppression&) = default;
};

struct SwitchWarning {
  size_t offset = 0;  // of the comment's "<!--"
  std::string message;
  friend bool operator==(const SwitchWarning&, const SwitchWarning&) = default;
};

struct InlineSwitches {
  /// In the order their ranges begin (ties: in the order they were written).
  std::vector<Suppression> suppressions;
  std::vector<SwitchWarning> warnings;
};

/// Reads the switches among `comments` (source spans of "<!-- … -->" in `text`, in order).
InlineSwitches ParseInlineSwitches(std::string_view text, const std::vector<ByteSpan>& comments);

/// Source spans of every "<!-- … -->" in `text` (an unclosed one runs to the end), for plain
/// text drafts, which have no parser to say where comments are.
std::vector<ByteSpan> FindHtmlComments(std::string_view text);

/// Whether a finding of `rule` on `line` is switched off: a suppression covers the line with
/// that rule or with every rule.
bool IsSuppressed(const std::vector<Suppression>& suppressions, uint32_t line,
                  std::string_view rule);

}  // namespace quotecheck
