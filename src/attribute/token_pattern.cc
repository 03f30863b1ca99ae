#include "attribute/token_pattern.h"

#include <fmt/format.h>

#include <algorithm>

namespace quotecheck {
namespace {

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool IsSpaceChar(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

class Parser {
 public:
  Parser(std::string_view text, bool skip_macros) : text_(text), skip_macros_(skip_macros) {}

  std::optional<TokenPatternError> Parse(std::vector<TokenPatternPiece>* out) {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (IsSpaceChar(c)) {
        ++pos_;
      } else if (c == '<' || c == '"') {
        TokenPatternPiece piece;
        piece.kind = c == '<' ? TokenPatternPiece::Kind::kClass : TokenPatternPiece::Kind::kLiteral;
        piece.offset = pos_;
        auto e = c == '<' ? ParseClass(&piece.expr) : ParseLiteral(&piece.text);
        if (e) return e;
        out->push_back(std::move(piece));
      } else if (c == '(') {
        // "(", "(?:", "(?P<name>": group openers are copied whole, so that the "<" of a
        // group's name is no class.
        size_t end = pos_ + 1;
        if (end < text_.size() && text_[end] == '?') {
          if (text_.substr(end, 3) == "?P<") {
            end = text_.find('>', end);
            if (end == std::string_view::npos) return Error(pos_, "unclosed group name");
            ++end;
          } else if (text_.substr(end, 2) == "?:") {
            end += 2;
          } else {
            return Error(pos_, "only ( (?: and (?P<name> open groups in a token pattern");
          }
        }
        Re2(out, text_.substr(pos_, end - pos_));
        pos_ = end;
      } else if (c == '{') {
        size_t close = text_.find('}', pos_);
        if (close == std::string_view::npos) return Error(pos_, "unclosed '{'");
        std::string_view inner = text_.substr(pos_ + 1, close - pos_ - 1);
        if (!inner.empty() && inner[0] >= 'A' && inner[0] <= 'Z') {
          if (!skip_macros_) {
            return Error(pos_, fmt::format("unknown token macro {{{}}}", inner));
          }
        } else if (inner.empty() || inner.find_first_not_of("0123456789,") != inner.npos) {
          return Error(pos_, "'{' starts a repetition {m,n} or a {MACRO}");
        } else {
          Re2(out, text_.substr(pos_, close + 1 - pos_));
        }
        pos_ = close + 1;
      } else if (std::string_view(")|?*+^$.").find(c) != std::string_view::npos) {
        Re2(out, text_.substr(pos_, 1));
        ++pos_;
      } else {
        return Error(pos_, fmt::format("unexpected '{}' in a token pattern (write a token as "
                                       "\"…\", a set of tokens as <…>)",
                                       c));
      }
    }
    return std::nullopt;
  }

 private:
  static std::optional<TokenPatternError> Error(size_t offset, std::string message) {
    return TokenPatternError{offset, std::move(message)};
  }

  static void Re2(std::vector<TokenPatternPiece>* out, std::string_view text) {
    if (!out->empty() && out->back().kind == TokenPatternPiece::Kind::kRe2) {
      out->back().text += text;
      return;
    }
    TokenPatternPiece piece;
    piece.text = std::string(text);
    out->push_back(std::move(piece));
  }

  std::optional<TokenPatternError> ParseLiteral(std::string* out) {
    const size_t start = pos_++;
    while (pos_ < text_.size() && text_[pos_] != '"') {
      if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) ++pos_;
      *out += text_[pos_++];
    }
    if (pos_ >= text_.size()) return Error(start, "unclosed literal token \"…\"");
    ++pos_;
    if (out->empty()) return Error(start, "empty literal token \"\"");
    return std::nullopt;
  }

  void SkipSpaces() {
    while (pos_ < text_.size() && IsSpaceChar(text_[pos_])) ++pos_;
  }

  std::optional<TokenPatternError> ParseClass(ClassExpr* expr) {
    const size_t start = pos_++;
    SkipSpaces();
    if (pos_ < text_.size() && text_[pos_] == '^') {
      expr->complement = true;
      ++pos_;
    }
    expr->terms.emplace_back();
    for (;;) {
      SkipSpaces();
      if (pos_ >= text_.size()) return Error(start, "unclosed token set <…>");
      ClassAtom atom;
      atom.offset = pos_;
      if (text_[pos_] == '!') {
        atom.negated = true;
        ++pos_;
        SkipSpaces();
      }
      if (pos_ < text_.size() && text_[pos_] == '"') {
        atom.kind = ClassAtom::Kind::kLiteral;
        if (auto e = ParseLiteral(&atom.name)) return e;
      } else {
        size_t end = pos_;
        while (end < text_.size() && IsNameChar(text_[end])) ++end;
        if (end == pos_) {
          return Error(pos_, "expected a shape, a lexicon or a \"token\" in <…>");
        }
        atom.name = std::string(text_.substr(pos_, end - pos_));
        pos_ = end;
        const bool upper = std::none_of(atom.name.begin(), atom.name.end(),
                                        [](char ch) { return ch >= 'a' && ch <= 'z'; });
        if (upper) {
          atom.kind = ClassAtom::Kind::kShape;
          if (std::find(std::begin(kShapeNames), std::end(kShapeNames), atom.name) ==
              std::end(kShapeNames)) {
            return Error(atom.offset + (atom.negated ? 1 : 0),
                         fmt::format("unknown token shape '{}'", atom.name));
          }
        } else {
          atom.kind = ClassAtom::Kind::kLexicon;
          if (text_.substr(pos_, 2) == "/i") {
            atom.fold = true;
            pos_ += 2;
          }
        }
      }
      expr->terms.back().push_back(std::move(atom));
      SkipSpaces();
      if (pos_ >= text_.size()) return Error(start, "unclosed token set <…>");
      const char c = text_[pos_++];
      if (c == '>') return std::nullopt;
      if (c == '|') {
        expr->terms.emplace_back();
      } else if (c != '&') {
        return Error(pos_ - 1, fmt::format("unexpected '{}' in a token set (| or & or >)", c));
      }
    }
  }

  std::string_view text_;
  bool skip_macros_;
  size_t pos_ = 0;
};

}  // namespace

std::optional<TokenPatternError> ParseTokenPattern(std::string_view text, bool skip_macros,
                                                   std::vector<TokenPatternPiece>* out) {
  return Parser(text, skip_macros).Parse(out);
}

std::string QuoteTokenLiteral(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace quotecheck
