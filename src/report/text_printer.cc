#include "report/text_printer.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "core/code_point.h"
#include "core/display_text.h"
#include "core/line_index.h"

namespace quotecheck {
namespace {

constexpr std::string_view kOpenQuote = "\xE2\x80\x9C";   // “
constexpr std::string_view kCloseQuote = "\xE2\x80\x9D";  // ”
constexpr std::string_view kUnattributed = "(unattributed)";
constexpr size_t kKindWidth = 7;         // "partial"
constexpr size_t kMaxSpeakerWidth = 32;  // longer names are not padded to

void AppendPadded(std::string* out, std::string_view text, size_t width) {
  out->append(text);
  const size_t shown = CountCodePoints(text);
  if (shown < width) out->append(width - shown, ' ');
}

std::string_view SpeakerShown(const Quote& quote) {
  return quote.speaker ? std::string_view(*quote.speaker) : kUnattributed;
}

}  // namespace

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
