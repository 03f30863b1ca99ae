#include "ingest/draft_html.h"

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

}  // namespace

Result<DraftMarkup> ReadHtmlDraft(std::string_view text) {
  DraftMarkup out;
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, text.data(), text.size());
  if (output == nullptr) return Status::Error("cannot parse: out of memory");
  HtmlMasker(text).Run(output->document, &out);
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return out;
}

}  // namespace quotecheck
