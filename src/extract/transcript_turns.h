#pragma once
/// A primary source's own words. A transcript gives them as turns:
///   MINISTER CORINA ALLSOP: Good morning, and thank you for coming.
///   (more paragraphs of the same turn)
///   QUESTION (Harnwick Chronicle): Did the ministry know …?
///   ALLSOP: The cracks are wider than anything we have seen.
/// Each sentence of a turn becomes a quotation of the turn's speaker (direct, rule
/// "transcript/turn"), so that every outlet's quotation can be compared with what was said.
/// Questions from the floor (QUESTION, Q, REPORTER, AUDIENCE, …) are left out. A label is a
/// paragraph-initial run of capital letters (with an optional parenthesis) and a colon;
/// titles in it are dropped from the speaker's name ("MINISTER CORINA ALLSOP" → "Corina
/// Allsop"), and a surname alone takes the full name of an earlier label ("ALLSOP").

#include <string>
#include <string_view>
#include <vector>

#include "core/quote.h"

namespace quotecheck {

/// The quotations of the transcript turns in text[body_start..]; empty when the text has no
/// speaker labels. `title_words`: words of titles to drop from labels (any case).
std::vector<Quote> TranscriptQuotes(std::string_view text, size_t body_start,
                                    const std::vector<std::string>& title_words);

/// Sentence spans of text[span] (trimmed), split after . ! or ? that end a sentence (not
/// after an abbreviation such as "Mr." or "T.S.B.").
std::vector<ByteSpan> SplitSentences(std::string_view text, ByteSpan span);

}  // namespace quotecheck
