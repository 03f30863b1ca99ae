#include "ingest/front_matter.h"

namespace quotecheck {
namespace {

bool IsHorizontalSpace(char c) { return c == ' ' || c == '\t'; }
bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// Splits off one line at `pos`: sets *line to it without its ending and returns the offset
// of the next line (text.size() at the end).
size_t NextLine(std::string_view text, size_t pos, std::string_view* line) {
  size_t nl = text.find('\n', pos);
  size_t end = nl == std::string_view::npos ? text.size() : nl;
  *line = text.substr(pos, end - pos);
  if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
  return nl == std::string_view::npos ? text.size() : nl + 1;
}

bool IsFence(std::string_view line, bool allow_dots) {
  while (!line.empty() && IsHorizontalSpace(line.back())) line.remove_suffix(1);
  return line == "---" || (allow_dots && line == "...");
}

// A YAML scalar as written on one line: quotes removed, simple escapes resolved, an
// unquoted value's trailing " # comment" dropped.
std::string ScalarValue(std::string_view raw) {
  raw = TrimSpace(raw);
  if (raw.size() >= 2 && raw.front() == '"' && raw.back() == '"') {
    std::string out;
    std::string_view inner = raw.substr(1, raw.size() - 2);
    for (size_t i = 0; i < inner.size(); ++i) {
      char c = inner[i];
      if (c == '\\' && i + 1 < inner.size()) {
        char e = inner[++i];
        switch (e) {
          case 'n':
            out += '\n';
            break;
          case 't':
            out += '\t';
            break;
          default:
            out += e;  // \" \\ \/ and anything else: the character itself
        }
      } else {
        out += c;
      }
    }
    return out;
  }
  if (raw.size() >= 2 && raw.front() == '\'' && raw.back() == '\'') {
    std::string out;
    std::string_view inner = raw.substr(1, raw.size() - 2);
    for (size_t i = 0; i < inner.size(); ++i) {
      out += inner[i];
      if (inner[i] == '\'' && i + 1 < inner.size() && inner[i + 1] == '\'') ++i;  // '' -> '
    }
    return out;
  }
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '#' && (i == 0 || IsHorizontalSpace(raw[i - 1]))) {
      raw = TrimSpace(raw.substr(0, i));
      break;
    }
  }
  return std::string(raw);
}

}  // namespace

std::optional<TextHeader> ParseFrontMatter(std::string_view text) {
  std::string_view line;
  size_t pos = NextLine(text, 0, &line);
  if (!IsFence(line, /*allow_dots=*/false) || pos == text.size()) return std::nullopt;

  TextHeader header;
  std::string source;
  while (pos < text.size()) {
    pos = NextLine(text, pos, &line);
    if (IsFence(line, /*allow_dots=*/true)) {
      if (header.meta.outlet.empty()) header.meta.outlet = std::move(source);
      header.body_start = pos;
      return header;
    }
    if (line.empty() || IsSpace(line.front()) || line.front() == '#') continue;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view key = TrimSpace(line.substr(0, colon));
    std::string_view rest = line.substr(colon + 1);
    if (!rest.empty() && !IsHorizontalSpace(rest.front())) continue;  // "http://…" is no key
    std::string value = ScalarValue(rest);
    if (key == "title") {
      header.meta.title = std::move(value);
    } else if (key == "date") {
      header.meta.date = std::move(value);
    } else if (key == "outlet") {
      header.meta.outlet = std::move(value);
    } else if (key == "source") {
      source = std::move(value);
    } else if (key == "url") {
      header.meta.url = std::move(value);
    } else if (key == "role") {
      header.meta.role = std::move(value);
    } else if (key == "id") {
      header.id = std::move(value);
    }
  }
  return std::nullopt;  // no closing line: not front matter (perhaps a Markdown rule)
}

std::optional<TextHeader> ParseDateLine(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && IsSpace(text[i])) ++i;
  if (text.substr(i, 4) != "date") return std::nullopt;
  i += 4;
  if (i < text.size() && text[i] == ':') ++i;
  size_t spaces = i;
  while (i < text.size() && IsHorizontalSpace(text[i])) ++i;
  if (i == spaces) return std::nullopt;

  // YYYY-MM-DD
  std::string_view date = text.substr(i, 10);
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return std::nullopt;
  for (size_t k : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!IsDigit(date[k])) return std::nullopt;
  }
  int month = (date[5] - '0') * 10 + (date[6] - '0');
  int day = (date[8] - '0') * 10 + (date[9] - '0');
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  i += 10;
  if (i < text.size() && !IsSpace(text[i])) return std::nullopt;  // "2025-08-191"

  // A run of digits that ends the line (" date 2025-08-07 403\n") belongs to the header.
  size_t j = i;
  while (j < text.size() && IsHorizontalSpace(text[j])) ++j;
  size_t digits = j;
  while (j < text.size() && IsDigit(text[j])) ++j;
  if (j > digits) {
    size_t k = j;
    while (k < text.size() && IsHorizontalSpace(text[k])) ++k;
    if (k < text.size() && (text[k] == '\n' || text[k] == '\r')) i = k;
  }
  while (i < text.size() && IsSpace(text[i])) ++i;

  TextHeader header;
  header.meta.date = std::string(date);
  header.body_start = i;
  return header;
}

TextHeader ParseTextHeader(std::string_view text) {
  if (auto front = ParseFrontMatter(text)) return *std::move(front);
  if (auto date = ParseDateLine(text)) return *std::move(date);
  return TextHeader{};
}

}  // namespace quotecheck
