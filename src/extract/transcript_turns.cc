#include "extract/transcript_turns.h"

#include <algorithm>
#include <cctype>

#include "core/code_point.h"

namespace quotecheck {
namespace {

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }

// The label at the start of a paragraph: its length up to and including the colon and the
// following spaces, or 0.
size_t LabelLength(std::string_view p, std::string_view* label) {
  size_t i = 0;
  size_t letters = 0;
  while (i < p.size() &&
         (IsAsciiUpper(p[i]) || p[i] == ' ' || p[i] == '.' || p[i] == '-' || p[i] == '\'')) {
    letters += IsAsciiUpper(p[i]);
    ++i;
  }
  if (letters < 1) return 0;
  size_t name_end = i;
  if (i < p.size() && p[i] == '(') {  // QUESTION (Harnwick Chronicle):
    size_t close = p.find(')', i);
    if (close == std::string_view::npos || close - i > 80) return 0;
    i = close + 1;
  }
  while (i < p.size() && p[i] == ' ') ++i;
  if (i >= p.size() || p[i] != ':') return 0;
  *label = p.substr(0, name_end);
  while (!label->empty() && label->back() == ' ') label->remove_suffix(1);
  ++i;
  while (i < p.size() && p[i] == ' ') ++i;
  return i;
}

bool IsFloorLabel(std::string_view label) {
  static constexpr std::string_view kFloor[] = {"QUESTION",     "Q",       "REPORTER", "AUDIENCE",
                                                "UNIDENTIFIED", "UNKNOWN", "CROSSTALK"};
  std::string_view first = label.substr(0, label.find(' '));
  return std::find(std::begin(kFloor), std::end(kFloor), first) != std::end(kFloor);
}

std::string TitleCase(std::string_view word) {
  std::string out(word);
  bool start = true;
  for (char& c : out) {
    c = start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c)))
              : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    start = c == '-' || c == '\'';
  }
  return out;
}

bool IsAbbreviation(std::string_view text, size_t dot) {
  size_t start = dot;
  while (start > 0 && !IsSpace(static_cast<unsigned char>(text[start - 1]))) --start;
  std::string_view word = text.substr(start, dot - start);
  if (word.empty()) return false;
  if (word.find('.') != std::string_view::npos) return true;   // T.S.B, U.S
  if (word.size() == 1 && IsAsciiUpper(word[0])) return true;  // initials
  static constexpr std::string_view kAbbreviations[] = {
      "Mr",   "Mrs",  "Ms",  "Dr",  "St",   "Gen",  "Sen", "Rep", "Gov", "Lt",  "Col",
      "Sgt",  "Capt", "Jr",  "Sr",  "Prof", "Rev",  "No",  "vs",  "etc", "Inc", "Co",
      "Corp", "Ltd",  "Jan", "Feb", "Aug",  "Sept", "Sep", "Oct", "Nov", "Dec"};
  return std::find(std::begin(kAbbreviations), std::end(kAbbreviations), word) !=
         std::end(kAbbreviations);
}

}  // namespace

std::vector<ByteSpan> SplitSentences(std::string_view text, ByteSpan span) {
  std::vector<ByteSpan> out;
  auto trim_push = [&](size_t s, size_t e) {
    while (s < e && IsSpace(static_cast<unsigned char>(text[s]))) ++s;
    while (e > s && IsSpace(static_cast<unsigned char>(text[e - 1]))) --e;
    if (e > s) out.push_back({s, e});
  };
  size_t start = span.start;
  for (size_t i = span.start; i < span.end; ++i) {
    char c = text[i];
    if (c != '.' && c != '!' && c != '?') continue;
    size_t end = i + 1;
    // Closing marks and brackets stay with the sentence.
    while (end < span.end && (text[end] == '"' || text[end] == '\'' || text[end] == ')')) ++end;
    while (end + 2 < span.end + 1 && static_cast<unsigned char>(text[end]) == 0xE2 &&
           static_cast<unsigned char>(text[end + 1]) == 0x80 &&
           (static_cast<unsigned char>(text[end + 2]) == 0x9D ||
            static_cast<unsigned char>(text[end + 2]) == 0x99)) {
      end += 3;
    }
    if (end < span.end && !IsSpace(static_cast<unsigned char>(text[end]))) continue;
    if (c == '.' && IsAbbreviation(text, i)) continue;
    trim_push(start, end);
    start = end;
  }
  trim_push(start, span.end);
  return out;
}

std::vector<Quote> TranscriptQuotes(std::string_view text, size_t body_start,
                                    const std::vector<std::string>& title_words) {
  std::vector<Quote> quotes;
  std::vector<std::string> titles;
  for (const std::string& t : title_words) titles.push_back(AsciiLowered(t));
  std::vector<std::string> full_names;  // speakers of earlier labels

  std::string speaker;  // of the current turn; empty: none or the floor
  ByteSpan label_span;
  bool any_label = false;
  size_t pos = body_start;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    size_t content = 0;
    while (content < line.size() && (line[content] == ' ' || line[content] == '\t')) ++content;
    std::string_view p = line.substr(content);
    while (!p.empty() && p.back() == '\r') p.remove_suffix(1);
    std::string_view label;
    size_t label_length = p.empty() ? 0 : LabelLength(p, &label);
    if (!p.empty() && p[0] == '#') {
      speaker.clear();  // a heading ends the turn
    } else if (label_length > 0) {
      any_label = true;
      label_span = {pos + content, pos + content + label.size()};
      if (IsFloorLabel(label)) {
        speaker.clear();
      } else {
        // Title-cased words of the label, titles dropped.
        std::vector<std::string> words;
        size_t i = 0;
        while (i < label.size()) {
          size_t j = label.find(' ', i);
          if (j == std::string_view::npos) j = label.size();
          if (j > i) words.push_back(TitleCase(label.substr(i, j - i)));
          i = j + 1;
        }
        size_t first = 0;
        while (first + 1 < words.size() && std::find(titles.begin(), titles.end(),
                                                     AsciiLowered(words[first])) != titles.end()) {
          ++first;
        }
        speaker.clear();
        for (size_t k = first; k < words.size(); ++k) {
          if (!speaker.empty()) speaker += ' ';
          speaker += words[k];
        }
        if (words.size() - first == 1) {  // a surname alone: an earlier full name
          for (const std::string& full : full_names) {
            if (full.size() > speaker.size() &&
                full.compare(full.size() - speaker.size(), speaker.size(), speaker) == 0 &&
                full[full.size() - speaker.size() - 1] == ' ') {
              speaker = full;
              break;
            }
          }
        } else if (std::find(full_names.begin(), full_names.end(), speaker) == full_names.end()) {
          full_names.push_back(speaker);
        }
      }
    }
    if (!speaker.empty() && !p.empty() && p[0] != '#') {
      ByteSpan body{pos + content + label_length, pos + content + p.size()};
      for (const ByteSpan& sentence : SplitSentences(text, body)) {
        Quote q;
        q.spans.push_back(sentence);
        q.open_mark = sentence.start;
        q.close_mark_end = sentence.end;
        q.kind = QuoteKind::kDirect;
        q.speaker = speaker;
        q.speaker_mention = TextRef{label_span, std::string(label_span.in(text))};
        q.rule = "transcript/turn";
        q.confidence = 1.0;
        quotes.push_back(std::move(q));
      }
    }
    pos = eol + 1;
  }
  if (!any_label) quotes.clear();
  return quotes;
}

}  // namespace quotecheck
