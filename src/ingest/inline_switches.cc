#include "ingest/inline_switches.h"

#include <algorithm>

#include "core/line_index.h"
#include "ingest/draft_mask.h"

namespace quotecheck {
namespace {

constexpr std::string_view kPrefix = "quotecheck-";

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

// The words of a comment's body: the directive, then rule ids (commas and white space
// separate them; "--" ends the list).
std::vector<std::string_view> Words(std::string_view body) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < body.size()) {
    while (i < body.size() && (IsBlank(body[i]) || body[i] == ',')) ++i;
    size_t j = i;
    while (j < body.size() && !IsBlank(body[j]) && body[j] != ',') ++j;
    if (j == i) break;
    std::string_view w = body.substr(i, j - i);
    if (w == "--") break;
    words.push_back(w);
    i = j;
  }
  return words;
}

struct Directive {
  enum Kind { kNone, kDisable, kEnable, kDisableNextLine, kUnknown } kind = kNone;
  std::vector<std::string> rules;
};

Directive ReadDirective(std::string_view comment) {
  Directive d;
  if (comment.substr(0, 4) != "<!--") return d;
  std::string_view body = comment.substr(4);
  if (body.size() >= 3 && body.substr(body.size() - 3) == "-->") body.remove_suffix(3);
  body = Trim(body);
  if (body.substr(0, kPrefix.size()) != kPrefix) return d;
  std::vector<std::string_view> words = Words(body);
  if (words[0] == "quotecheck-disable") {
    d.kind = Directive::kDisable;
  } else if (words[0] == "quotecheck-enable") {
    d.kind = Directive::kEnable;
  } else if (words[0] == "quotecheck-disable-next-line") {
    d.kind = Directive::kDisableNextLine;
  } else {
    d.kind = Directive::kUnknown;
    d.rules.emplace_back(words[0]);
    return d;
  }
  for (size_t i = 1; i < words.size(); ++i) d.rules.emplace_back(words[i]);
  return d;
}

struct OpenRange {
  std::string rule;
  uint32_t first_line;
  size_t order;
};

}  // namespace

InlineSwitches ParseInlineSwitches(std::string_view text, const std::vector<ByteSpan>& comments) {
  InlineSwitches out;
  LineIndex lines(text);
  const uint32_t last_line = lines.At(text.size()).line;

  std::vector<std::pair<ByteSpan, Directive>> switches;
  for (const ByteSpan& c : comments) {
    ByteSpan span{c.start, std::min(c.end, text.size())};
    Directive d = ReadDirective(span.in(text));
    if (d.kind != Directive::kNone) switches.emplace_back(span, std::move(d));
  }
  const std::vector<size_t> line_starts = LineStarts(text);
  auto line_span = [&](uint32_t line) {
    size_t start = line_starts[line - 1];
    return ByteSpan{start, start + lines.LineText(start).size()};
  };
  auto blank_line = [&](uint32_t line) { return Trim(line_span(line).in(text)).empty(); };
  // A line holding nothing but inline switches (disable-next-line looks past it).
  auto switch_only = [&](uint32_t line) {
    ByteSpan l = line_span(line);
    size_t pos = l.start;
    bool any = false;
    for (const auto& [span, d] : switches) {
      if (span.end <= l.start || span.start >= l.end) continue;
      if (span.start < l.start || span.end > l.end) return false;
      for (size_t p = pos; p < span.start; ++p) {
        if (!IsBlank(text[p])) return false;
      }
      pos = span.end;
      any = true;
    }
    for (size_t p = pos; p < l.end; ++p) {
      if (!IsBlank(text[p])) return false;
    }
    return any;
  };

  std::vector<OpenRange> open;
  std::vector<std::pair<size_t, Suppression>> done;  // (order, range)
  size_t order = 0;
  auto close = [&](size_t index, uint32_t line) {
    done.emplace_back(open[index].order,
                      Suppression{open[index].rule, open[index].first_line, line});
    open.erase(open.begin() + static_cast<std::ptrdiff_t>(index));
  };
  for (auto& [span, d] : switches) {
    uint32_t start_line = lines.At(span.start).line;
    uint32_t end_line = lines.At(span.end > span.start ? span.end - 1 : span.start).line;
    switch (d.kind) {
      case Directive::kDisable:
        if (d.rules.empty()) d.rules.emplace_back();
        for (std::string& rule : d.rules) {
          bool already = std::any_of(open.begin(), open.end(),
                                     [&](const OpenRange& r) { return r.rule == rule; });
          if (!already) open.push_back({std::move(rule), start_line, order++});
        }
        break;
      case Directive::kEnable: {
        bool any = false;
        if (d.rules.empty()) {
          any = !open.empty();
          while (!open.empty()) close(0, end_line);
        } else {
          for (const std::string& rule : d.rules) {
            for (size_t i = 0; i < open.size(); ++i) {
              if (open[i].rule == rule) {
                close(i, end_line);
                any = true;
                break;
              }
            }
          }
        }
        if (!any) out.warnings.push_back({span.start, "quotecheck-enable: nothing is disabled"});
        break;
      }
      case Directive::kDisableNextLine: {
        uint32_t line = end_line + 1;
        while (line <= last_line && (blank_line(line) || switch_only(line))) ++line;
        if (line > last_line) {
          out.warnings.push_back({span.start, "quotecheck-disable-next-line: no line follows"});
          break;
        }
        if (d.rules.empty()) d.rules.emplace_back();
        for (std::string& rule : d.rules) {
          done.emplace_back(order++, Suppression{std::move(rule), line, line});
        }
        break;
      }
      case Directive::kUnknown:
        out.warnings.push_back({span.start, "unknown inline switch '" + d.rules[0] +
                                                "' (known: quotecheck-disable, quotecheck-enable, "
                                                "quotecheck-disable-next-line)"});
        break;
      case Directive::kNone:
        break;
    }
  }
  while (!open.empty()) close(0, last_line);
  std::stable_sort(done.begin(), done.end(), [](const auto& a, const auto& b) {
    if (a.second.first_line != b.second.first_line)
      return a.second.first_line < b.second.first_line;
    return a.first < b.first;
  });
  out.suppressions.reserve(done.size());
  for (auto& [o, s] : done) out.suppressions.push_back(std::move(s));
  return out;
}

std::vector<ByteSpan> FindHtmlComments(std::string_view text) {
  std::vector<ByteSpan> out;
  size_t pos = 0;
  while ((pos = text.find("<!--", pos)) != std::string_view::npos) {
    size_t end = text.find("-->", pos + 4);
    end = end == std::string_view::npos ? text.size() : end + 3;
    out.push_back({pos, end});
    pos = end;
  }
  return out;
}

bool IsSuppressed(const std::vector<Suppression>& suppressions, uint32_t line,
                  std::string_view rule) {
  for (const Suppression& s : suppressions) {
    if (line >= s.first_line && line <= s.last_line && (s.rule.empty() || s.rule == rule)) {
      return true;
    }
  }
  return false;
}

}  // namespace quotecheck
