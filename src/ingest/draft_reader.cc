#include "ingest/draft_reader.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <system_error>
#include <utility>

#include "core/code_point.h"
#include "core/line_index.h"
#include "core/regular_file.h"
#include "ingest/draft_html.h"
#include "ingest/draft_markdown.h"
#include "ingest/front_matter.h"
#include "ingest/text_decoder.h"

namespace quotecheck {

DraftFormat DraftFormatForPath(std::string_view path) {
  if (EndsWithAsciiNoCase(path, ".md") || EndsWithAsciiNoCase(path, ".markdown")) {
    return DraftFormat::kMarkdown;
  }
  if (EndsWithAsciiNoCase(path, ".html") || EndsWithAsciiNoCase(path, ".htm"))
    return DraftFormat::kHtml;
  return DraftFormat::kPlainText;
}

Result<DraftDocument> ReadDraft(std::string path, std::string bytes, Encoding encoding) {
  DraftDocument draft;
  draft.format = DraftFormatForPath(path);
  DocumentResult& result = draft.result;
  Document& doc = result.doc;
  doc.text = std::move(bytes);
  DecodedText decoded = DecodeText(&doc.text, encoding);
  if (!decoded.error.empty()) return Status::Error(decoded.error);
  result.diagnostics = TextIssueDiagnostics(path, doc.text, decoded.issues);

  std::vector<ByteSpan> comments;
  std::string id;
  if (draft.format == DraftFormat::kPlainText) {
    TextHeader header = ParseTextHeader(doc.text);
    doc.body_start = header.body_start;
    doc.meta = std::move(header.meta);
    id = std::move(header.id);
    comments = FindHtmlComments(doc.text);
  } else {
    Result<DraftMarkup> read = draft.format == DraftFormat::kMarkdown ? ReadMarkdownDraft(doc.text)
                                                                      : ReadHtmlDraft(doc.text);
    if (!read.ok()) return read.status();
    DraftMarkup& markup = read.value();
    doc.scan_text = std::move(markup.scan_text);
    doc.block_quotes = std::move(markup.block_quotes);
    doc.meta = std::move(markup.meta);
    id = std::move(markup.id);
    comments = std::move(markup.comments);
    if (markup.cut_at) {
      LineIndex lines(doc.text);
      result.diagnostics.push_back(
          DiagnosticAt(Severity::kWarning, path, lines, *markup.cut_at,
                       fmt::format("{}: the rest of the draft ({} bytes from here) is not read",
                                   markup.cut_reason, doc.text.size() - *markup.cut_at),
                       "input-cut"));
    }
  }
  doc.id = id.empty() ? path : std::move(id);
  doc.path = path;

  InlineSwitches switches = ParseInlineSwitches(doc.text, comments);
  draft.suppressions = std::move(switches.suppressions);
  if (!switches.warnings.empty()) {
    LineIndex lines(doc.text);
    for (SwitchWarning& w : switches.warnings) {
      result.diagnostics.push_back(DiagnosticAt(Severity::kWarning, path, lines, w.offset,
                                                std::move(w.message), "inline-switch"));
    }
  }
  return draft;
}

Result<DraftDocument> ReadDraftFile(const std::string& path, Encoding encoding) {
  std::string bytes;
  if (path == "-") {
    if (int err = ReadAll(stdin, &bytes)) {
      return Status::Error("cannot read: " + ErrnoMessage(err));
    }
    return ReadDraft(path, std::move(bytes), encoding);
  }
  std::string error;
  if (!ReadRegularFile(path, &bytes, &error)) return Status::Error(std::move(error));
  return ReadDraft(path, std::move(bytes), encoding);
}

}  // namespace quotecheck
