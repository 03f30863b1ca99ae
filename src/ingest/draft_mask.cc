#include "ingest/draft_mask.h"

#include <algorithm>
#include <cstdint>

#include "core/code_point.h"

namespace quotecheck {
namespace {

struct NamedMark {
  std::string_view name;
  std::string_view mark;
};

constexpr NamedMark kNamedMarks[] = {
    {"ldquo", "\u201C"},
    {"rdquo", "\u201D"},
    {"lsquo", "\u2018"},
    {"rsquo", "\u2019"},
    {"quot", "\""},
    {"QUOT", "\""},
    {"apos", "'"},
    {"laquo", "\u00AB"},
    {"raquo", "\u00BB"},
    {"bdquo", "\u201E"},
    {"sbquo", "\u201A"},
    {"lsaquo", "\u2039"},
    {"rsaquo", "\u203A"},
    {"OpenCurlyDoubleQuote", "\u201C"},
    {"CloseCurlyDoubleQuote", "\u201D"},
    {"OpenCurlyQuote", "\u2018"},
    {"CloseCurlyQuote", "\u2019"},
    {"rdquor", "\u201D"},
    {"rsquor", "\u2019"},
    {"ldquor", "\u201E"},
    {"lsquor", "\u201A"},
};

std::string_view MarkForCodePoint(uint32_t cp) {
  switch (cp) {
    case 0x22:
      return "\"";
    case 0x27:
      return "'";
    case 0xAB:
      return "\u00AB";
    case 0xBB:
      return "\u00BB";
    case 0x2018:
      return "\u2018";
    case 0x2019:
      return "\u2019";
    case 0x201A:
      return "\u201A";
    case 0x201C:
      return "\u201C";
    case 0x201D:
      return "\u201D";
    case 0x201E:
      return "\u201E";
    case 0x2039:
      return "\u2039";
    case 0x203A:
      return "\u203A";
    default:
      return {};
  }
}

bool IsAsciiPunct(unsigned char c) {
  return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
         (c >= 0x7B && c <= 0x7E);
}

}  // namespace

size_t QuoteReferenceAt(std::string_view text, size_t pos, std::string_view* mark) {
  if (pos >= text.size() || text[pos] != '&') return 0;
  constexpr size_t kMaxLength = 32;
  size_t semi = text.find(';', pos + 1);
  if (semi == std::string_view::npos || semi - pos > kMaxLength || semi == pos + 1) return 0;
  std::string_view body = text.substr(pos + 1, semi - pos - 1);
  size_t length = semi + 1 - pos;
  if (body[0] == '#') {
    bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 7) return 0;
    uint32_t cp = 0;
    for (char c : digits) {
      int v;
      if (c >= '0' && c <= '9') {
        v = c - '0';
      } else if (hex && c >= 'a' && c <= 'f') {
        v = c - 'a' + 10;
      } else if (hex && c >= 'A' && c <= 'F') {
        v = c - 'A' + 10;
      } else {
        return 0;
      }
      cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(v);
    }
    std::string_view m = MarkForCodePoint(cp);
    if (m.empty()) return 0;
    *mark = m;
    return length;
  }
  for (const NamedMark& n : kNamedMarks) {
    if (n.name == body) {
      *mark = n.mark;
      return length;
    }
  }
  return 0;
}

std::vector<size_t> LineStarts(std::string_view text) {
  std::vector<size_t> starts{0};
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      starts.push_back(i + 1);
    } else if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      starts.push_back(i + 1);
    }
  }
  return starts;
}

MaskWriter::MaskWriter(std::string_view source) : source_(source), mask_(source.size(), ' ') {
  for (size_t i = 0; i < source.size(); ++i) {
    if (source[i] == '\n' || source[i] == '\r') mask_[i] = source[i];
  }
}

void MaskWriter::Note(size_t pos) {
  if (written_.empty()) {
    written_ = ByteSpan{pos, pos + 1};
  } else {
    written_.start = std::min(written_.start, pos);
    written_.end = std::max(written_.end, pos + 1);
  }
}

void MaskWriter::Blank(ByteSpan span) {
  size_t end = std::min(span.end, source_.size());
  for (size_t i = span.start; i < end; ++i) {
    if (source_[i] != '\n' && source_[i] != '\r') mask_[i] = ' ';
  }
}

void MaskWriter::BreakLine(size_t pos) {
  if (pos < mask_.size() && mask_[pos] == ' ') mask_[pos] = '\n';
}

void MaskWriter::CopyProse(ByteSpan span, bool markdown_escapes) {
  size_t end = std::min(span.end, source_.size());
  for (size_t i = span.start; i < end; ++i) {
    unsigned char c = static_cast<unsigned char>(source_[i]);
    std::string_view mark;
    size_t length = 0;
    if (markdown_escapes && c == '\\' && i + 1 < end &&
        IsAsciiPunct(static_cast<unsigned char>(source_[i + 1]))) {
      mark = source_.substr(i + 1, 1);  // an escaped character: placed like a reference
      length = 2;
    } else if (c == '&') {
      length = QuoteReferenceAt(source_.substr(0, end), i, &mark);
    }
    if (length == 0) {
      mask_[i] = source_[i];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') Note(i);
      continue;
    }
    char32_t before = DecodeBefore(source_, i).cp;
    char32_t after = DecodeAt(source_, i + length).cp;
    bool before_word = before != 0 && IsWordChar(before);
    bool after_word = after != 0 && IsWordChar(after);
    bool after_space = after == 0 || IsSpace(after);
    if (before_word && after_word && source_[i] == '&') {  // an apostrophe inside a word:
      for (size_t k = i; k < i + length; ++k) mask_[k] = source_[k];  // left as written
      Note(i);
      Note(i + length - 1);
    } else {
      size_t at = !after_space && !before_word ? i + length - mark.size() : i;
      mask_.replace(at, mark.size(), mark);
      Note(at);
      Note(at + mark.size() - 1);
    }
    i += length - 1;
  }
}

}  // namespace quotecheck
