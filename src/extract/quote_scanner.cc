#include "extract/quote_scanner.h"

#include <array>
#include <cstdint>

#include "core/byte_scan.h"
#include "core/code_point.h"

namespace quotecheck {
namespace {

enum class Family : uint8_t {
  kDouble,
  kSingle,
  kGuillemet,
  kSingleGuillemet,
  kCorner,
  kWhiteCorner
};
// What the glyph itself says about its role; flanking decides the rest.
enum class Glyph : uint8_t { kOpener, kCloser, kNeutral };

struct Token {
  size_t pos = 0;
  uint8_t len = 0;
  bool line_break = false;
  Family family = Family::kDouble;
  Glyph glyph = Glyph::kNeutral;
  bool left = false;      // left-flanking: may open
  bool right = false;     // right-flanking: may close
  bool straight = false;  // ASCII ' or "
  bool skip = false;      // a paragraph-continuation mark, absorbed by the open quotation
};

// The bytes a token can start with: " ' \n \r and the lead bytes of the other marks.
constexpr std::array<unsigned char, 7> kInterestingBytes = {0x22, 0x27, 0x0A, 0x0D,
                                                            0xC2, 0xE2, 0xE3};
// Recognises a quote mark at `p`; returns its length, or 0.
uint8_t MatchMark(std::string_view text, size_t p, Family* family, Glyph* glyph, bool* straight) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t left = text.size() - p;
  *straight = false;
  switch (s[p]) {
    case '"':
      *family = Family::kDouble, *glyph = Glyph::kNeutral, *straight = true;
      return 1;
    case '\'':
      *straight = true;
      if (left >= 2 && s[p + 1] == '\'') {  // the NYT's '' stands for a double mark
        *family = Family::kDouble, *glyph = Glyph::kNeutral;
        return 2;
      }
      *family = Family::kSingle, *glyph = Glyph::kNeutral;
      return 1;
    case 0xC2:
      if (left < 2) return 0;
      if (s[p + 1] == 0xAB) return *family = Family::kGuillemet, *glyph = Glyph::kOpener, 2;
      if (s[p + 1] == 0xBB) return *family = Family::kGuillemet, *glyph = Glyph::kCloser, 2;
      return 0;
    case 0xE2:
      if (left < 3 || s[p + 1] != 0x80) return 0;
      switch (s[p + 2]) {
        case 0x98:
          return *family = Family::kSingle, *glyph = Glyph::kOpener, 3;  // ‘
        case 0x99:
          return *family = Family::kSingle, *glyph = Glyph::kCloser, 3;  // ’
        case 0x9A:
          return *family = Family::kSingle, *glyph = Glyph::kOpener, 3;  // ‚
        case 0x9C:
          return *family = Family::kDouble, *glyph = Glyph::kOpener, 3;  // “
        case 0x9D:
          return *family = Family::kDouble, *glyph = Glyph::kCloser, 3;  // ”
        case 0x9E:
          return *family = Family::kDouble, *glyph = Glyph::kOpener, 3;  // „
        case 0xB9:
          return *family = Family::kSingleGuillemet, *glyph = Glyph::kOpener, 3;  // ‹
        case 0xBA:
          return *family = Family::kSingleGuillemet, *glyph = Glyph::kCloser, 3;  // ›
        default:
          return 0;
      }
    case 0xE3:
      if (left < 3 || s[p + 1] != 0x80) return 0;
      switch (s[p + 2]) {
        case 0x8C:
          return *family = Family::kCorner, *glyph = Glyph::kOpener, 3;  // 「
        case 0x8D:
          return *family = Family::kCorner, *glyph = Glyph::kCloser, 3;  // 」
        case 0x8E:
          return *family = Family::kWhiteCorner, *glyph = Glyph::kOpener, 3;  // 『
        case 0x8F:
          return *family = Family::kWhiteCorner, *glyph = Glyph::kCloser, 3;  // 』
        default:
          return 0;
      }
    default:
      return 0;
  }
}

// CommonMark-style flanking, from the characters either side of the mark.
void SetFlanking(std::string_view text, Token* t) {
  char32_t before = DecodeBefore(text, t->pos).cp;
  char32_t after = DecodeAt(text, t->pos + t->len).cp;
  bool before_space = before == 0 || IsSpace(before);
  bool after_space = after == 0 || IsSpace(after);
  bool before_punct = !before_space && !IsWordChar(before);
  bool after_punct = !after_space && !IsWordChar(after);
  t->left = !after_space && (!after_punct || before_space || before_punct);
  t->right = !before_space && (!before_punct || after_space || after_punct);
}

// An apostrophe of elision at the start of a word: ’90s, 'em, ’til, rock ’n’ roll.
bool IsElision(std::string_view text, const Token& t) {
  std::string_view rest = text.substr(t.pos + t.len, 6);
  if (!rest.empty() && rest[0] >= '0' && rest[0] <= '9') return true;
  auto word_is = [&](std::string_view w) {
    if (rest.substr(0, w.size()) != w) return false;
    char32_t next = DecodeAt(rest, w.size()).cp;
    return next == 0 || !IsWordChar(next);
  };
  return word_is("em") || word_is("til") || word_is("tis") || word_is("twas") || word_is("cause") ||
         word_is("n") || word_is("Tis") || word_is("Twas");
}

std::vector<Token> Tokenize(std::string_view text, size_t begin) {
  std::vector<Token> tokens;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  for (size_t p = begin; p < n; ++p) {
    p = FindFirstOfBytes(text, p, kInterestingBytes);
    if (p >= n) break;
    if (s[p] == '\n' || s[p] == '\r') {
      if (s[p] == '\r' && p + 1 < n && s[p + 1] == '\n') ++p;
      Token t;
      t.pos = p;
      t.len = 1;
      t.line_break = true;
      tokens.push_back(t);
      continue;
    }
    Token t;
    t.pos = p;
    t.len = MatchMark(text, p, &t.family, &t.glyph, &t.straight);
    if (t.len == 0) continue;
    SetFlanking(text, &t);
    tokens.push_back(t);
    p += t.len - 1;
  }
  return tokens;
}

class Pairer {
 public:
  Pairer(std::string_view text, std::vector<Token>& tokens, ScanResult* out)
      : text_(text), tokens_(tokens), out_(out) {}

  void Run() {
    for (size_t i = 0; i < tokens_.size(); ++i) {
      const Token& t = tokens_[i];
      if (t.line_break) {
        if (!stack_.empty()) EndOfLine(i);
      } else if (!t.skip) {
        Mark(i);
      }
    }
    if (!stack_.empty()) Abandon();
  }

 private:
  // The index of the innermost open mark of `family`, or -1.
  int OpenOf(Family family) const {
    for (int k = static_cast<int>(stack_.size()) - 1; k >= 0; --k) {
      if (tokens_[stack_[k]].family == family) return k;
    }
    return -1;
  }

  void Mark(size_t i) {
    const Token& t = tokens_[i];
    int open = OpenOf(t.family);
    bool single = t.family == Family::kSingle;
    switch (t.glyph) {
      case Glyph::kOpener:
        if (open >= 0 && t.right && !t.left) return Close(open, i);  // German “ closing „
        if (single && IsElision(text_, t)) return;
        if (!t.left && t.right) return;  // a stray opener glued to the end of a word
        return Open(i);
      case Glyph::kCloser:
        if (single && t.left && t.right) return;  // don’t, Trump’s
        if (open >= 0 && (t.right || !t.left || !IsWordChar(DecodeAt(text_, t.pos + t.len).cp))) {
          return Close(open, i);  // also « French spacing », with a space before the closer
        }
        if (!single && t.left && !t.right) return Open(i);  // ”Swedish” or »German« style
        if (!single && stack_.empty()) {
          out_->issues.push_back({t.pos, "closing quotation mark has no opening mark"});
        }
        return;
      case Glyph::kNeutral:
        if (t.left && t.right) {  // inside a word: an apostrophe, or a close glued to text
          if (!single && open >= 0) Close(open, i);
          return;
        }
        if (t.left) {
          if (single && IsElision(text_, t)) return;
          return Open(i);
        }
        if (t.right && open >= 0) return Close(open, i);
        // Spaced off both sides right after a nested quotation's closing mark, it closes the
        // outer one: "… the term 'outreach,' " he told the group.
        if (!single && !t.right && open >= 0 && AfterNestedClose(t)) return Close(open, i);
        return;
    }
  }

  // Whether the last character before `t`, spaces skipped (one at least), is a single mark that
  // closes (' or ’): the end of a nested quotation.
  bool AfterNestedClose(const Token& t) const {
    size_t p = t.pos;
    while (p > 0 && IsSpace(DecodeBefore(text_, p).cp)) p -= DecodeBefore(text_, p).size;
    if (p == t.pos) return false;
    const char32_t before = DecodeBefore(text_, p).cp;
    return before == U'\'' || before == U'\u2019';
  }

  void Open(size_t i) { stack_.push_back(i); }

  void Close(int k, size_t i) {
    size_t open_tok = stack_[k];
    stack_.resize(k);
    if (!stack_.empty()) return;  // a nested quotation stays inside the outer one
    const Token& o = tokens_[open_tok];
    const Token& c = tokens_[i];
    // The words between the marks, without the spaces that pad them: French typography sets
    // « guillemets » off by a (narrow) no-break space, and a stray space before a closing
    // mark (“They see that. ”) is no part of the words. Nothing but spaces: no quotation.
    ByteSpan content{o.pos + o.len, c.pos};
    while (content.start < content.end && IsSpace(DecodeAt(text_, content.start).cp)) {
      content.start += DecodeAt(text_, content.start).size;
    }
    while (content.end > content.start && IsSpace(DecodeBefore(text_, content.end).cp)) {
      content.end -= DecodeBefore(text_, content.end).size;
    }
    std::vector<ByteSpan> parts =
        content.empty() ? std::vector<ByteSpan>{} : ParagraphParts(content);
    continued_.clear();
    if (content.empty()) return;
    out_->quotes.push_back({content, o.pos, c.pos + c.len, std::move(parts)});
  }

  // The words of a quotation continued through paragraphs (continued_), a part a paragraph:
  // each ends before the white space that ends its paragraph, and the next starts past the
  // mark that opens the next paragraph. Empty when the quotation is one paragraph, or when a
  // paragraph holds no words (then the quotation stays whole).
  std::vector<ByteSpan> ParagraphParts(ByteSpan content) const {
    std::vector<ByteSpan> parts;
    if (continued_.empty()) return parts;
    size_t start = content.start;
    auto add = [&](size_t end) {
      if (end <= start) return false;
      while (end > start && IsSpace(DecodeBefore(text_, end).cp)) {
        end -= DecodeBefore(text_, end).size;
      }
      if (end == start) return false;
      parts.push_back({start, end});
      return true;
    };
    for (size_t j : continued_) {
      const Token& mark = tokens_[j];
      if (mark.pos < content.start || mark.pos >= content.end || !add(mark.pos)) return {};
      start = mark.pos + mark.len;
    }
    if (!add(content.end)) return {};
    return parts;
  }

  // A mark that may be left unclosed without a warning: straight single marks are mostly
  // apostrophes, and ‘ is sometimes typed for one.
  bool QuietWhenUnclosed(const Token& t) const { return t.family == Family::kSingle && t.straight; }

  bool CanOpen(const Token& t) const { return t.glyph == Glyph::kOpener || (t.left && !t.right); }
  bool CanClose(const Token& t) const {
    return t.glyph == Glyph::kCloser ? (t.right || !t.left) : (t.right && !t.left);
  }

  // Byte offset where the line after the line break at token i begins.
  size_t LineStartAfter(size_t i) const { return tokens_[i].pos + 1; }

  bool OnlySpaceBetween(size_t from, size_t to) const {
    for (size_t p = from; p < to; ++p) {
      char c = text_[p];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        char32_t cp = DecodeAt(text_, p).cp;
        if (!IsSpace(cp)) return false;
        p += DecodeAt(text_, p).size - 1;
      }
    }
    return true;
  }

  void EndOfLine(size_t i) {
    stack_.erase(stack_.begin() + 1,
                 stack_.end());  // unclosed nested marks end with their paragraph
    const Token& outer = tokens_[stack_[0]];
    if (QuietWhenUnclosed(outer)) {
      stack_.clear();
      continued_.clear();
      return;
    }
    // The newspaper convention: the next paragraph opens with a mark of the same family.
    size_t line_start = LineStartAfter(i);
    size_t j = i + 1;
    while (j < tokens_.size() && tokens_[j].line_break) line_start = LineStartAfter(j++);
    if (j < tokens_.size() && tokens_[j].family == outer.family && CanOpen(tokens_[j]) &&
        OnlySpaceBetween(line_start, tokens_[j].pos)) {
      tokens_[j].skip = true;
      // Once: every line break before the mark (a blank line is two) comes here.
      if (continued_.empty() || continued_.back() != j) continued_.push_back(j);
      return;
    }
    // A quotation that runs through unmarked paragraphs: the next mark of its family, within
    // a few paragraphs, closes it.
    // Two blank lines in a row (a section break, or a blanked code block in a draft) end it.
    constexpr size_t kMaxLooseBytes = 6000;
    size_t blank_run = 0;
    size_t last_break = tokens_[i].pos;
    for (size_t k = i + 1; k < tokens_.size(); ++k) {
      const Token& t = tokens_[k];
      if (t.pos - outer.pos > kMaxLooseBytes) break;
      if (t.line_break) {
        blank_run = OnlySpaceBetween(last_break + 1, t.pos) ? blank_run + 1 : 0;
        last_break = t.pos;
        if (blank_run >= 2) break;
        continue;
      }
      if (t.family != outer.family) continue;
      if (CanClose(t) && !(t.family == Family::kSingle && t.left && t.right)) return;
      break;
    }
    Abandon();
  }

  void Abandon() {
    const Token& outer = tokens_[stack_[0]];
    if (!QuietWhenUnclosed(outer)) {
      out_->issues.push_back({outer.pos, "quotation mark is never closed"});
    }
    stack_.clear();
    continued_.clear();
  }

  std::string_view text_;
  std::vector<Token>& tokens_;
  ScanResult* out_;
  std::vector<size_t> stack_;  // indices of open marks in tokens_
  // Indices in tokens_ of the marks that continue the open outermost quotation into a new
  // paragraph (the newspaper convention), in order.
  std::vector<size_t> continued_;
};

}  // namespace

ScanResult ScanQuotations(std::string_view text, size_t begin) {
  ScanResult result;
  std::vector<Token> tokens = Tokenize(text, begin);
  Pairer(text, tokens, &result).Run();
  return result;
}

}  // namespace quotecheck
