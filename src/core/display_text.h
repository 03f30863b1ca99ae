#pragma once
/// The one text shortener: any text (a quotation, a document id) made fit for one line of a
/// report or a finding's message.

#include <cstddef>
#include <string>
#include <string_view>

namespace quotecheck {

/// Where ShortenForDisplay leaves words out.
enum class Elide {
  kMiddle,  // the start and the end stay: "The repairs will … by June"
  kEnd,     // the start stays: "The repairs will take at least…"
};

/// Code points of a quotation quoted in a finding's message ("wording differs from …: “…”"),
/// the "…" included: enough to recognise the quotation, short enough for one line.
inline constexpr size_t kMessageQuoteWidth = 61;

/// `text` made fit for one line: white-space runs (line breaks included) become one space,
/// other control characters become spaces, ill-formed UTF-8 becomes U+FFFD, and the ends
/// are trimmed. When longer than `max_code_points`, the words `where` says are replaced by
/// one "…" so that the result has at most `max_code_points` code points (no space next to
/// the "…"); sequences are never split.
std::string ShortenForDisplay(std::string_view text, size_t max_code_points,
                              Elide where = Elide::kMiddle);

/// Which end of a text CutAtSpace keeps.
enum class Keep { kStart, kEnd };

/// `text` cut to about `max_bytes` at a space, for words next to others that are shown
/// (the words only one side of a diff quotes, before or after the shared part): its end
/// behind "… " (Keep::kEnd) or its start before " …" (Keep::kStart). Whole when it has at
/// most `max_bytes + slack` bytes (slack spares a cut that would save a word or two). Never
/// splits a UTF-8 sequence.
std::string CutAtSpace(std::string_view text, size_t max_bytes, Keep keep, size_t slack = 0);

}  // namespace quotecheck
