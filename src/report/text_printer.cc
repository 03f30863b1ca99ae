#include "report/text_printer.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "core/code_point.h"
#include "core/line_index.h"

namespace quotecheck {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";    // …
constexpr std::string_view kOpenQuote = "\xE2\x80\x9C";   // “
constexpr std::string_view kCloseQuote = "\xE2\x80\x9D";  // ”
constexpr std::string_view kUnattributed = "(unattributed)";
constexpr size_t kKindWidth = 7;         // "partial"
constexpr size_t kMaxSpeakerWidth = 32;  // longer names are not padded to

// Shown as a space: whitespace, and control characters that would upset a terminal.
bool ShownAsSpace(char32_t cp) {
  return cp <= 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

// Byte offset of the `n`th code point of valid UTF-8 `text` (text.size() when fewer).
size_t OffsetOfCodePoint(std::string_view text, size_t n) {
  size_t i = 0;
  for (; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (n == 0) return i;
      --n;
    }
  }
  return i;
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

void AppendPadded(std::string* out, std::string_view text, size_t width) {
  out->append(text);
  const size_t shown = CountCodePoints(text);
  if (shown < width) out->append(width - shown, ' ');
}

std::string_view SpeakerShown(const Quote& quote) {
  return quote.speaker ? std::string_view(*quote.speaker) : kUnattributed;
}

}  // namespace

std::string ShortenForDisplay(std::string_view text, size_t max_code_points) {
  std::string clean;
  clean.reserve(text.size());
  size_t code_points = 0;
  bool pending_space = false;
  for (size_t i = 0; i < text.size();) {
    const DecodedCodePoint seq = DecodeUtf8(text, i, Utf8Check::kStrict);
    if (seq.valid && ShownAsSpace(seq.cp)) {
      pending_space = !clean.empty();
    } else {
      if (pending_space) {
        clean.push_back(' ');
        ++code_points;
        pending_space = false;
      }
      if (seq.valid) {
        clean.append(text.substr(i, seq.size));
      } else {
        clean.append(kUtf8ReplacementCharacter);
      }
      ++code_points;
    }
    i += seq.size;
  }
  if (code_points <= max_code_points) return clean;
  if (max_code_points == 0) return {};

  // Keep two thirds from the start and the rest from the end, around one "…".
  const size_t keep = max_code_points - 1;
  const size_t head_points = keep - keep / 3;
  const size_t tail_points = keep / 3;
  const std::string_view all = clean;
  const std::string_view head = TrimSpaces(all.substr(0, OffsetOfCodePoint(all, head_points)));
  const std::string_view tail =
      TrimSpaces(all.substr(OffsetOfCodePoint(all, code_points - tail_points)));
  std::string out;
  out.reserve(head.size() + kEllipsis.size() + tail.size());
  out.append(head);
  out.append(kEllipsis);
  out.append(tail);
  return out;
}

std::string FormatDocumentHeader(const Document& doc) {
  const size_t kNoLimit = static_cast<size_t>(-1);
  std::string out = ShortenForDisplay(doc.id, kNoLimit);
  std::vector<std::string> about;
  if (!doc.meta.outlet.empty()) about.push_back(ShortenForDisplay(doc.meta.outlet, kNoLimit));
  if (!doc.meta.date.empty()) about.push_back(ShortenForDisplay(doc.meta.date, kNoLimit));
  if (!about.empty()) out += fmt::format("  ({})", fmt::join(about, ", "));
  return out;
}

std::string FormatSummaryLine(const RunSummary& summary, size_t unattributed) {
  return fmt::format("{} document{} ({} failed), {} quote{}, {} unattributed, {} bytes in {:.3f} s",
                     summary.documents, summary.documents == 1 ? "" : "s", summary.failed,
                     summary.quotes, summary.quotes == 1 ? "" : "s", unattributed, summary.bytes,
                     summary.seconds);
}

void TextPrinter::OnDocument(const DocumentResult& result) {
  if (result.failed) return;
  const Document& doc = result.doc;
  buffer_.clear();
  buffer_ += FormatDocumentHeader(doc);
  buffer_ += '\n';
  if (result.quotes.empty()) {
    buffer_ += "  (no quotations)\n";
    out_->write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    return;
  }

  // Columns are aligned within the document.
  const LineIndex lines(doc.text);
  std::vector<std::string> positions;
  positions.reserve(result.quotes.size());
  size_t position_width = 0;
  size_t speaker_width = 0;
  for (const Quote& quote : result.quotes) {
    const LineCol lc = quote.spans.empty() ? LineCol{} : lines.At(quote.start());
    positions.push_back(fmt::format("{}:{}", lc.line, lc.col));
    position_width = std::max(position_width, positions.back().size());
    speaker_width = std::max(speaker_width, CountCodePoints(SpeakerShown(quote)));
  }
  speaker_width = std::min(speaker_width, kMaxSpeakerWidth);

  for (size_t i = 0; i < result.quotes.size(); ++i) {
    const Quote& quote = result.quotes[i];
    if (quote.spans.empty()) continue;  // not a quotation; the model says never empty
    if (!quote.speaker) ++unattributed_;
    buffer_ += "  ";
    AppendPadded(&buffer_, positions[i], position_width);
    buffer_ += "  ";
    AppendPadded(&buffer_, ShortenForDisplay(SpeakerShown(quote), kMaxSpeakerWidth * 2),
                 speaker_width);
    buffer_ += "  ";
    AppendPadded(&buffer_, QuoteKindName(quote.kind), kKindWidth);
    buffer_ += "  ";
    // The quoted words only: the parts of an interrupted quotation are joined by " … ".
    std::string words;
    for (const ByteSpan& span : quote.spans) {
      const size_t start = std::min(span.start, doc.text.size());
      const size_t end = std::clamp(span.end, start, doc.text.size());
      if (!words.empty()) words += " … ";
      words.append(doc.text, start, end - start);
    }
    buffer_ += kOpenQuote;
    buffer_ += ShortenForDisplay(words, width_ == 0 ? static_cast<size_t>(-1) : width_);
    buffer_ += kCloseQuote;
    buffer_ += '\n';
  }
  out_->write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
}

void TextPrinter::OnFinish(const RunSummary& summary) {
  buffer_ = FormatSummaryLine(summary, unattributed_);
  buffer_ += '\n';
  out_->write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  out_->flush();
}

}  // namespace quotecheck
