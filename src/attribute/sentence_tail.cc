#include "attribute/sentence_tail.h"

#include <re2/re2.h>

#include "attribute/re2_text.h"

namespace quotecheck {
namespace {

bool IsMacroNameChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

std::string_view TrimEnd(std::string_view s) {
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// What an RE2 pattern text holds outside its character classes and escapes.
struct Re2TextShape {
  bool top_level_alternation = false;  // a | outside every group
  bool end_assertion = false;          // $, \z, \b or \B
  bool start_assertion = false;        // ^ or \A
  bool captures = false;               // a group other than (?: … )
  bool flags = false;                  // (?i) and the like, or \Q…\E
  bool balanced = true;
};

Re2TextShape ShapeOf(std::string_view re) {
  Re2TextShape shape;
  int depth = 0;
  for (size_t i = 0; i < re.size(); ++i) {
    const char c = re[i];
    if (c == '\\') {
      if (i + 1 >= re.size()) break;
      const char e = re[++i];
      if (e == 'z' || e == 'b' || e == 'B') shape.end_assertion = true;
      if (e == 'A') shape.start_assertion = true;
      if (e == 'Q') shape.flags = true;
      continue;
    }
    if (c == '[') {
      i = Re2ClassEnd(re, i);
      continue;
    }
    if (c == '(') {
      ++depth;
      if (re.substr(i, 3) == "(?:") continue;
      if (re.substr(i, 2) == "(?" && re.substr(i, 3) != "(?P") {
        shape.flags = true;
      } else {
        shape.captures = true;
      }
    } else if (c == ')') {
      if (--depth < 0) shape.balanced = false;
    } else if (c == '|' && depth == 0) {
      shape.top_level_alternation = true;
    } else if (c == '$') {
      shape.end_assertion = true;
    } else if (c == '^') {
      shape.start_assertion = true;
    }
  }
  if (depth != 0) shape.balanced = false;
  return shape;
}

}  // namespace

std::optional<SentenceTailText> SplitSentenceTail(std::string_view pattern) {
  std::string_view s = TrimEnd(pattern);
  if (s.empty() || s.back() != '$') return std::nullopt;
  s = TrimEnd(s.substr(0, s.size() - 1));
  if (s.size() < 2 || s.back() != '*') return std::nullopt;
  s.remove_suffix(1);
  if (s.back() != '}') return std::nullopt;
  size_t open = s.size() - 1;
  while (open > 0 && IsMacroNameChar(s[open - 1])) --open;
  if (open == 0 || open == s.size() - 1 || s[open - 1] != '{') return std::nullopt;
  --open;
  SentenceTailText out;
  out.head = std::string(s.substr(0, open));
  out.tail = std::string(s.substr(open)) + "*";
  return out;
}

std::shared_ptr<const SentenceTail> SentenceTail::Make(std::string_view whole, std::string head,
                                                       std::string tail, bool latin1,
                                                       int64_t max_mem) {
  if (whole != head + tail + "$") return nullptr;
  const Re2TextShape h = ShapeOf(head), t = ShapeOf(tail);
  if (!h.balanced || h.top_level_alternation || h.end_assertion || h.flags) return nullptr;
  if (!t.balanced || t.top_level_alternation || t.end_assertion || t.start_assertion ||
      t.captures || t.flags) {
    return nullptr;
  }
  return std::make_shared<SentenceTail>(std::move(head), std::move(tail), latin1, max_mem);
}

SentenceTail::SentenceTail(std::string head, std::string tail, bool latin1, int64_t max_mem)
    : head_(std::move(head), latin1, max_mem), tail_(std::move(tail), latin1, max_mem) {}

const RE2& SentenceTail::head() const { return *head_.regex(); }

bool SentenceTail::HeadMatch(std::string_view symbols, size_t start, size_t end,
                             std::string_view* head) const {
  const RE2* head_regex = head_.regex();
  const RE2* tail_regex = tail_.regex();
  if (head_regex == nullptr || tail_regex == nullptr || end != symbols.size()) return false;
  re2::StringPiece context(symbols.data(), symbols.size()), matched;
  if (!head_regex->Match(context, start, end, RE2::ANCHOR_START, &matched, 1)) return false;
  if (!TailMatches(symbols, start + matched.size(), end)) return false;
  *head = std::string_view(matched.data(), matched.size());
  return true;
}

bool SentenceTail::TailMatches(std::string_view symbols, size_t from, size_t end) const {
  const RE2* tail_regex = tail_.regex();
  if (tail_regex == nullptr || end != symbols.size() || from > end) return false;
  const re2::StringPiece context(symbols.data(), symbols.size());
  return tail_regex->Match(context, from, end, RE2::ANCHOR_BOTH, nullptr, 0);
}

}  // namespace quotecheck
