#include "ingest/draft_markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/code_point.h"
#include "ingest/front_matter.h"

namespace quotecheck {
namespace {

constexpr size_t npos = std::string_view::npos;

bool IsAsciiPunct(unsigned char c) {
  return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
         (c >= 0x7B && c <= 0x7E);
}

bool IsWhite(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// A character reference at text[pos]: its length (0 when there is none) and what it decodes
// to in `*decoded` (empty when the name is not one this table knows).
size_t ReferenceAt(std::string_view text, size_t pos, std::string* decoded) {
  decoded->clear();
  if (text[pos] != '&') return 0;
  size_t semi = text.find(';', pos + 1);
  if (semi == npos || semi - pos > 32 || semi == pos + 1) return 0;
  std::string_view body = text.substr(pos + 1, semi - pos - 1);
  if (body[0] == '#') {
    bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 7) return 0;
    uint32_t cp = 0;
    for (char c : digits) {
      uint32_t v;
      if (c >= '0' && c <= '9') {
        v = static_cast<uint32_t>(c - '0');
      } else if (hex && c >= 'a' && c <= 'f') {
        v = static_cast<uint32_t>(c - 'a' + 10);
      } else if (hex && c >= 'A' && c <= 'F') {
        v = static_cast<uint32_t>(c - 'A' + 10);
      } else {
        return 0;
      }
      cp = cp * (hex ? 16 : 10) + v;
    }
    AppendUtf8(cp, decoded);
    return semi + 1 - pos;
  }
  for (char c : body) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return 0;
  }
  std::string_view mark;
  if (QuoteReferenceAt(text, pos, &mark) != 0) {
    *decoded = mark;
  } else {
    static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
        {"amp", "&"},        {"lt", "<"},         {"gt", ">"},          {"nbsp", "\u00A0"},
        {"mdash", "\u2014"}, {"ndash", "\u2013"}, {"hellip", "\u2026"}, {"AMP", "&"},
        {"LT", "<"},         {"GT", ">"},
    };
    for (const auto& [name, value] : kNames) {
      if (name == body) *decoded = value;
    }
  }
  return semi + 1 - pos;
}

// Walks the parser's nodes in document order with a cursor into the source.
class MarkdownMasker {
 public:
  explicit MarkdownMasker(std::string_view text)
      : text_(text), line_starts_(LineStarts(text)), writer_(text) {}

  void Run(cmark_node* root, DraftMarkup* out) {
    cmark_iter* iter = cmark_iter_new(root);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
      cmark_node* node = cmark_iter_get_node(iter);
      if (ev == CMARK_EVENT_ENTER) {
        Enter(node, out);
      } else {
        Exit(node, out);
      }
    }
    cmark_iter_free(iter);
    out->scan_text = writer_.Take();
  }

 private:
  enum class LinkKind { kBracket, kImage, kAngle, kBare };

  size_t LineStart(int line) const {
    if (line < 1) return cursor_;
    size_t i = static_cast<size_t>(line) - 1;
    return i < line_starts_.size() ? line_starts_[i] : text_.size();
  }

  // Starts a block: the cursor moves to its first line; text is looked for up to the end
  // of its last line.
  void StartBlock(cmark_node* node) {
    cursor_ = std::max(cursor_, LineStart(cmark_node_get_start_line(node)));
    int end_line = std::max(cmark_node_get_end_line(node), cmark_node_get_start_line(node));
    limit_ = LineStart(end_line + 1);
    if (limit_ <= cursor_) limit_ = text_.size();
  }

  // Where `literal` (as the parser decoded it) is written in the source at `pos`: the end
  // of its source bytes, or npos.
  size_t MatchAt(size_t pos, std::string_view literal) const {
    size_t i = 0, j = pos;
    std::string decoded;
    while (i < literal.size()) {
      if (j >= limit_) return npos;
      char c = text_[j];
      if (c == '\\' && j + 1 < limit_ && IsAsciiPunct(static_cast<unsigned char>(text_[j + 1])) &&
          literal[i] == text_[j + 1]) {
        i += 1, j += 2;
        continue;
      }
      if (c == '&') {
        size_t length = ReferenceAt(text_.substr(0, limit_), j, &decoded);
        if (length != 0 && !decoded.empty() && literal.substr(i, decoded.size()) == decoded) {
          i += decoded.size(), j += length;
          continue;
        }
        if (length != 0 && decoded.empty() && literal[i] != '&') {  // a name we do not know
          i += std::max<size_t>(1, DecodeAt(literal, i).size), j += length;
          continue;
        }
      }
      if (c != literal[i]) return npos;
      ++i, ++j;
    }
    return j;
  }

  // Finds `literal` at or after the cursor: its source span, or an empty span at npos.
  ByteSpan Locate(std::string_view literal) const {
    if (literal.empty()) return {npos, npos};
    for (size_t p = cursor_; p < limit_; ++p) {
      char c = text_[p];
      if (c != literal[0] && c != '\\' && c != '&') continue;
      size_t end = MatchAt(p, literal);
      if (end != npos) return {p, end};
    }
    return {npos, npos};
  }

  size_t Find(std::string_view what, size_t from) const {
    size_t p = text_.substr(0, limit_).find(what, from);
    return p;
  }

  bool Masked() const {
    return std::any_of(links_.begin(), links_.end(),
                       [](LinkKind k) { return k != LinkKind::kBracket; });
  }

  void Text(std::string_view literal) {
    ByteSpan span = Locate(literal);
    if (span.start == npos) return;
    cursor_ = span.end;
    if (Masked()) return;
    if (after_bare_url_) {  // a URL runs to the next white space
      while (span.start < span.end && !IsWhite(text_[span.start])) ++span.start;
    }
    writer_.CopyProse(span, /*markdown_escapes=*/true);
  }

  void CodeSpan() {
    size_t open = Find("`", cursor_);
    if (open == npos) return;
    size_t n = 0;
    while (open + n < limit_ && text_[open + n] == '`') ++n;
    size_t p = open + n;
    while (p < limit_) {
      size_t close = Find("`", p);
      if (close == npos) return;
      size_t m = 0;
      while (close + m < limit_ && text_[close + m] == '`') ++m;
      if (m == n) {
        cursor_ = close + m;
        return;
      }
      p = close + m;
    }
  }

  void HtmlInline(std::string_view literal, DraftMarkup* out) {
    size_t pos = Find(literal, cursor_);
    if (pos == npos) return;
    if (literal.substr(0, 4) == "<!--") out->comments.push_back({pos, pos + literal.size()});
    cursor_ = pos + literal.size();
  }

  void HtmlBlock(std::string_view literal, DraftMarkup* out) {
    limit_ = text_.size();  // cmark's end line of an HTML block is not reliable
    for (const ByteSpan& c : FindCommentsIn(literal)) {
      std::string_view comment = c.in(literal);
      std::string_view first_line = comment.substr(0, comment.find_first_of("\r\n"));
      size_t pos = Find(first_line, cursor_);
      if (pos == npos) continue;
      size_t end = pos + comment.size();
      if (first_line.size() != comment.size()) {
        size_t close = Find("-->", pos + 4);
        end = close == npos ? limit_ : close + 3;
      }
      out->comments.push_back({pos, end});
      cursor_ = end;
    }
  }

  static std::vector<ByteSpan> FindCommentsIn(std::string_view s) {
    std::vector<ByteSpan> out;
    size_t pos = 0;
    while ((pos = s.find("<!--", pos)) != npos) {
      size_t end = s.find("-->", pos + 4);
      end = end == npos ? s.size() : end + 3;
      out.push_back({pos, end});
      pos = end;
    }
    return out;
  }

  void SkipWhite(size_t* i) const {
    while (*i < limit_ && IsWhite(text_[*i])) ++*i;
  }

  // After the text of a [link] or ![image]: the "]" and what follows it — "(destination
  // "title")", "[label]", "[]" or nothing.
  void SkipLinkTail() {
    size_t p = Find("]", cursor_);
    if (p == npos) return;
    size_t i = p + 1;
    if (i < limit_ && text_[i] == '(') {
      ++i;
      SkipWhite(&i);
      if (i < limit_ && text_[i] == '<') {
        size_t close = Find(">", i);
        i = close == npos ? limit_ : close + 1;
      } else {
        int depth = 0;
        while (i < limit_ && !IsWhite(text_[i])) {
          if (text_[i] == '\\') {
            i += 2;
            continue;
          }
          if (text_[i] == '(') ++depth;
          if (text_[i] == ')' && depth-- == 0) break;
          ++i;
        }
      }
      SkipWhite(&i);
      if (i < limit_ && (text_[i] == '"' || text_[i] == '\'' || text_[i] == '(')) {
        char close = text_[i] == '(' ? ')' : text_[i];
        for (++i; i < limit_ && text_[i] != close; ++i) {
          if (text_[i] == '\\') ++i;
        }
        ++i;
        SkipWhite(&i);
      }
      if (i < limit_ && text_[i] == ')') ++i;
    } else if (i < limit_ && text_[i] == '[') {
      size_t close = Find("]", i);
      if (close != npos) i = close + 1;
    }
    cursor_ = std::min(i, limit_);
  }

  void EnterLink(cmark_node* node) {
    const char* url_c = cmark_node_get_url(node);
    std::string_view url = url_c != nullptr ? url_c : "";
    cmark_node* child = cmark_node_first_child(node);
    const char* lit_c = child != nullptr && cmark_node_get_type(child) == CMARK_NODE_TEXT
                            ? cmark_node_get_literal(child)
                            : nullptr;
    std::string_view lit = lit_c != nullptr ? lit_c : "";
    bool autolink =
        !lit.empty() && cmark_node_next(child) == nullptr &&
        (url == lit || url == "mailto:" + std::string(lit) || url == "http://" + std::string(lit));
    if (autolink) {
      ByteSpan span = Locate(lit);
      bool angle = span.start != npos && span.start > 0 && text_[span.start - 1] == '<';
      links_.push_back(angle ? LinkKind::kAngle : LinkKind::kBare);
      return;
    }
    size_t open = Find("[", cursor_);
    if (open != npos) cursor_ = open + 1;
    links_.push_back(LinkKind::kBracket);
  }

  void ExitLink() {
    if (links_.empty()) return;
    LinkKind kind = links_.back();
    links_.pop_back();
    switch (kind) {
      case LinkKind::kAngle: {
        size_t close = Find(">", cursor_);
        if (close != npos) cursor_ = close + 1;
        break;
      }
      case LinkKind::kBare:
        after_bare_url_ = true;
        return;
      case LinkKind::kBracket:
      case LinkKind::kImage:
        SkipLinkTail();
        break;
    }
  }

  void Enter(cmark_node* node, DraftMarkup* out) {
    cmark_node_type type = cmark_node_get_type(node);
    const char* lit_c = cmark_node_get_literal(node);
    std::string_view lit = lit_c != nullptr ? lit_c : "";
    bool was_after_url = after_bare_url_;
    after_bare_url_ = false;
    switch (type) {
      case CMARK_NODE_BLOCK_QUOTE:
        ++block_quotes_;
        break;
      case CMARK_NODE_PARAGRAPH:
      case CMARK_NODE_HEADING:
        StartBlock(node);
        if (type == CMARK_NODE_PARAGRAPH && block_quotes_ > 0) writer_.ResetWritten();
        break;
      case CMARK_NODE_CODE_BLOCK:
      case CMARK_NODE_THEMATIC_BREAK:
        StartBlock(node);
        break;
      case CMARK_NODE_HTML_BLOCK:
        StartBlock(node);
        HtmlBlock(lit, out);
        break;
      case CMARK_NODE_TEXT:
        after_bare_url_ = was_after_url;
        Text(lit);
        after_bare_url_ = false;
        break;
      case CMARK_NODE_CODE:
        CodeSpan();
        break;
      case CMARK_NODE_HTML_INLINE:
        HtmlInline(lit, out);
        break;
      case CMARK_NODE_LINK:
        EnterLink(node);
        break;
      case CMARK_NODE_IMAGE: {
        size_t open = Find("![", cursor_);
        if (open != npos) cursor_ = open + 2;
        links_.push_back(LinkKind::kImage);
        break;
      }
      default:
        break;
    }
  }

  void Exit(cmark_node* node, DraftMarkup* out) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_BLOCK_QUOTE:
        --block_quotes_;
        break;
      case CMARK_NODE_PARAGRAPH:
        if (block_quotes_ > 0 && !writer_.Written().empty()) {
          out->block_quotes.push_back({writer_.Written(), {}});
        }
        break;
      case CMARK_NODE_LINK:
      case CMARK_NODE_IMAGE:
        ExitLink();
        break;
      default:
        break;
    }
  }

  std::string_view text_;
  std::vector<size_t> line_starts_;
  MaskWriter writer_;
  size_t cursor_ = 0;
  size_t limit_ = 0;
  int block_quotes_ = 0;
  std::vector<LinkKind> links_;
  bool after_bare_url_ = false;
};

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};

}  // namespace

Result<DraftMarkup> ReadMarkdownDraft(std::string_view text) {
  DraftMarkup out;
  // Front matter is blanked (line breaks kept) before parsing, so that the parser's line
  // numbers stay the source's and the "---" fences are not read as Markdown.
  size_t body_start = 0;
  if (std::optional<TextHeader> header = ParseFrontMatter(text)) {
    body_start = header->body_start;
    out.meta = std::move(header->meta);
    out.id = std::move(header->id);
  }
  std::string input(text);
  for (size_t i = 0; i < body_start; ++i) {
    if (input[i] != '\n' && input[i] != '\r') input[i] = ' ';
  }

  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(CMARK_OPT_SOURCEPOS));
  if (cmark_syntax_extension* autolink = cmark_find_syntax_extension("autolink")) {
    cmark_parser_attach_syntax_extension(parser.get(), autolink);
  }
  cmark_parser_feed(parser.get(), input.data(), input.size());
  std::unique_ptr<cmark_node, NodeDeleter> root(cmark_parser_finish(parser.get()));
  if (root == nullptr) return Status::Error("cannot parse: out of memory");
  MarkdownMasker(input).Run(root.get(), &out);
  return out;
}

}  // namespace quotecheck
