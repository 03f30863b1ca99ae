#include "ingest/draft_html.h"

#include <fmt/format.h>
#include <gumbo.h>

#include <string>
#include <utility>
#include <vector>

namespace quotecheck {
namespace {

bool IsWhite(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool SkippedElement(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_KBD:
    case GUMBO_TAG_SAMP:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
      return true;
    default:
      return false;
  }
}

// Elements that start a block of prose (a paragraph, a heading, a list item, a cell): the
// mask gets a line break at their start tag, so that a quotation opening one opens its line.
bool BlockElement(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_HR:
      return true;
    default:
      return false;
  }
}

// The source span of a node's original text, or an empty span when gumbo has none.
ByteSpan SourceSpan(std::string_view text, const GumboStringPiece& original) {
  if (original.data == nullptr || original.length == 0 || original.data < text.data() ||
      original.data + original.length > text.data() + text.size()) {
    return {};
  }
  size_t start = static_cast<size_t>(original.data - text.data());
  return {start, start + original.length};
}

// Bare URLs in prose, to the next white space.
void BlankUrls(std::string_view text, ByteSpan span, MaskWriter* writer) {
  static constexpr std::string_view kStarts[] = {"https://", "http://", "www."};
  for (size_t p = span.start; p < span.end; ++p) {
    if (p > span.start && !IsWhite(text[p - 1]) && text[p - 1] != '(') continue;
    for (std::string_view s : kStarts) {
      if (text.substr(p, s.size()) != s) continue;
      size_t end = p;
      while (end < span.end && !IsWhite(text[end])) ++end;
      writer->Blank({p, end});
      p = end;
      break;
    }
  }
}

std::string CollapseWhite(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (IsWhite(c)) {
      space = !out.empty();
    } else {
      if (space) out.push_back(' ');
      space = false;
      out.push_back(c);
    }
  }
  return out;
}

class HtmlMasker {
 public:
  explicit HtmlMasker(std::string_view text) : text_(text), writer_(text) {}

  void Run(const GumboNode* root, DraftMarkup* out) {
    // Iterative walk (documents may nest deeply): (node, index of the next child).
    struct Frame {
      const GumboNode* node;
      unsigned next;
      bool quote;  // this element opened the current quotation
    };
    std::vector<Frame> stack{{root, 0, false}};
    int skipped = 0;
    bool in_quote = false;
    std::string quote_cite;
    while (!stack.empty()) {
      Frame& f = stack.back();
      const GumboVector* children = nullptr;
      if (f.node->type == GUMBO_NODE_DOCUMENT) children = &f.node->v.document.children;
      if (f.node->type == GUMBO_NODE_ELEMENT || f.node->type == GUMBO_NODE_TEMPLATE) {
        children = &f.node->v.element.children;
      }
      if (children == nullptr || f.next >= children->length) {
        // Leaving the node.
        if (f.node->type == GUMBO_NODE_ELEMENT || f.node->type == GUMBO_NODE_TEMPLATE) {
          if (SkippedElement(f.node->v.element.tag)) --skipped;
          if (f.quote) {
            if (!writer_.Written().empty()) {
              out->block_quotes.push_back({writer_.Written(), std::move(quote_cite)});
            }
            in_quote = false;
          }
        }
        stack.pop_back();
        continue;
      }
      const GumboNode* child = static_cast<const GumboNode*>(children->data[f.next++]);
      switch (child->type) {
        case GUMBO_NODE_WHITESPACE:  // already blank; and gumbo's span for the white space
          break;                     // it moves after </body> covers the end tags
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA: {
          ByteSpan span = SourceSpan(text_, child->v.text.original_text);
          if (skipped == 0 && !span.empty()) {
            writer_.CopyProse(span, /*markdown_escapes=*/false);
            BlankUrls(text_, span, &writer_);
          }
          if (child->parent != nullptr && child->parent->type == GUMBO_NODE_ELEMENT &&
              child->parent->v.element.tag == GUMBO_TAG_TITLE && out->meta.title.empty()) {
            out->meta.title = CollapseWhite(child->v.text.text);
          }
          break;
        }
        case GUMBO_NODE_COMMENT: {
          ByteSpan span = SourceSpan(text_, child->v.text.original_text);
          if (!span.empty()) out->comments.push_back(span);
          break;
        }
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE: {
          const GumboElement& el = child->v.element;
          if (skipped == 0 && BlockElement(el.tag)) {
            ByteSpan tag = SourceSpan(text_, el.original_tag);
            if (!tag.empty()) writer_.BreakLine(tag.start);
          }
          if (SkippedElement(el.tag)) ++skipped;
          bool quote = false;
          if (!in_quote && skipped == 0 &&
              (el.tag == GUMBO_TAG_Q || el.tag == GUMBO_TAG_BLOCKQUOTE)) {
            quote = in_quote = true;
            writer_.ResetWritten();
            const GumboAttribute* cite = gumbo_get_attribute(&el.attributes, "cite");
            quote_cite = cite != nullptr ? cite->value : "";
          }
          stack.push_back({child, 0, quote});
          break;
        }
        case GUMBO_NODE_DOCUMENT:
          break;
      }
    }
    out->scan_text = writer_.Take();
  }

 private:
  std::string_view text_;
  MaskWriter writer_;
};

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Elements that never nest: void elements, and those whose end tag may be left out (the
// next sibling closes them), which would otherwise count as nesting in a page without them.
bool NeedsNoEndTag(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "area", "base",  "br",       "col",     "embed",    "hr",    "img",   "input", "link",
      "meta", "param", "source",   "track",   "wbr",      "p",     "li",    "dt",    "dd",
      "tr",   "td",    "th",       "option",  "optgroup", "thead", "tbody", "tfoot", "rb",
      "rt",   "rp",    "colgroup", "caption", "html",     "head",  "body"};
  for (std::string_view n : kNames) {
    if (name == n) return true;
  }
  return false;
}

// Elements whose content is raw text up to their end tag.
bool IsRawTextElement(std::string_view name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" ||
         name == "xmp" || name == "iframe" || name == "noembed" || name == "noframes" ||
         name == "plaintext";
}

// The offset of the first "</name" (any letter case) at or after `from`, or npos.
size_t FindEndTag(std::string_view text, size_t from, std::string_view name) {
  for (size_t i = text.find("</", from); i != std::string_view::npos; i = text.find("</", i + 1)) {
    if (AsciiLower(text.substr(i + 2, name.size())) == name) return i;
  }
  return std::string_view::npos;
}

}  // namespace

std::optional<HtmlCut> FindHtmlCut(std::string_view text, size_t max_nesting, size_t max_bytes) {
  std::optional<HtmlCut> cut;
  if (text.size() > max_bytes) {
    cut = HtmlCut{max_bytes, fmt::format("HTML draft larger than {} bytes", max_bytes)};
    text = text.substr(0, max_bytes);
  }
  size_t depth = 0;
  for (size_t i = text.find('<'); i != std::string_view::npos; i = text.find('<', i + 1)) {
    if (text.substr(i, 4) == "<!--") {
      const size_t end = text.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end + 2;
      continue;
    }
    const bool closing = i + 1 < text.size() && text[i + 1] == '/';
    size_t n = i + (closing ? 2 : 1);
    if (n >= text.size() || !IsAsciiAlpha(text[n])) continue;
    const size_t name_start = n;
    while (n < text.size() && !IsWhite(text[n]) && text[n] != '>' && text[n] != '/') ++n;
    const std::string name = AsciiLower(text.substr(name_start, n - name_start));
    // The tag's end, past quoted attribute values.
    char quote = 0;
    while (n < text.size() && (quote != 0 || text[n] != '>')) {
      if (quote != 0) {
        if (text[n] == quote) quote = 0;
      } else if (text[n] == '"' || text[n] == '\'') {
        quote = text[n];
      }
      ++n;
    }
    if (n >= text.size()) break;
    if (closing) {
      if (!NeedsNoEndTag(name) && depth > 0) --depth;
    } else if (IsRawTextElement(name)) {
      n = FindEndTag(text, n, name);
      if (n == std::string_view::npos) break;
    } else if (!NeedsNoEndTag(name) && text[n - 1] != '/' && ++depth > max_nesting) {
      return HtmlCut{i, fmt::format("HTML nested deeper than {} elements", max_nesting)};
    }
    i = n;
  }
  return cut;
}

Result<DraftMarkup> ReadHtmlDraft(std::string_view text) {
  DraftMarkup out;
  std::string_view parsed = text;
  if (std::optional<HtmlCut> cut = FindHtmlCut(text, kMaxHtmlNesting, kMaxHtmlBytes)) {
    parsed = text.substr(0, cut->offset);
    out.cut_at = cut->offset;
    out.cut_reason = std::move(cut->reason);
  }
  GumboOutput* output =
      gumbo_parse_with_options(&kGumboDefaultOptions, parsed.data(), parsed.size());
  if (output == nullptr) return Status::Error("cannot parse: out of memory");
  HtmlMasker(text).Run(output->document, &out);
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return out;
}

}  // namespace quotecheck
