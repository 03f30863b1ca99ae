#include "extract/quote_kind.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "core/code_point.h"
#include "core/title_case.h"

namespace quotecheck {
namespace {

// Most words of a term in scare quotes ("the so-called “bridge walk”"): longer, it is a
// partial quotation of someone's words.
constexpr size_t kMaxTermWords = 5;
// Bytes of the line before an opening mark read for its lead-in (a sentence or so): enough
// for the clause that sets a quotation off, bounded on very long lines.
constexpr size_t kMaxLeadInBytes = 300;
// Most bytes between a cue and the comma and opening mark that follow it ("Trump added,
// “At the…”"): a short phrase may come between ("added on Monday,"); further, the comma
// belongs to another clause and the quotation is woven into the sentence.
constexpr size_t kMaxCueToMarkBytes = 40;
// Most words between a speech verb and the comma before a quotation that it sets off ("told
// the crowd on Monday, “…”"): further, the comma belongs to another clause.
constexpr size_t kMaxWordsAfterSpeechVerb = 3;

// The text before the opening mark on its line, without trailing spaces.
std::string_view LeadIn(std::string_view text, size_t open_mark) {
  // Past the last line feed, then past the last carriage return after it (memrchr: most
  // lines are longer than the bound, and a byte-at-a-time walk back was a quarter of kinds).
  size_t start = open_mark - std::min(open_mark, kMaxLeadInBytes);
  for (char line_break : {'\n', '\r'}) {
    if (const void* hit = memrchr(text.data() + start, line_break, open_mark - start)) {
      start = static_cast<size_t>(static_cast<const char*>(hit) - text.data()) + 1;
    }
  }
  std::string_view pre = text.substr(start, open_mark - start);
  // A Markdown block quote or list item starts the paragraph afresh.
  size_t lead = 0;
  while (lead < pre.size() && (pre[lead] == ' ' || pre[lead] == '\t' || pre[lead] == '>' ||
                               ((pre[lead] == '-' || pre[lead] == '*' || pre[lead] == '+') &&
                                lead + 1 < pre.size() && pre[lead + 1] == ' '))) {
    ++lead;
  }
  pre.remove_prefix(lead);
  while (!pre.empty()) {
    DecodedCodePoint d = DecodeBefore(pre, pre.size());
    if (!IsSpace(d.cp)) break;
    pre.remove_suffix(d.size);
  }
  return pre;
}

bool EndsWithWord(std::string_view lower_pre, std::string_view word) {
  if (lower_pre.size() < word.size() || lower_pre.substr(lower_pre.size() - word.size()) != word) {
    return false;
  }
  size_t before = lower_pre.size() - word.size();
  return before == 0 || !IsWordChar(DecodeBefore(lower_pre, before).cp);
}

// Whether `s` has at most `limit` words (runs of non-space characters). Stops at the word
// past the limit: a quotation of hundreds of words is read only as far as a term's length.
bool AtMostWords(std::string_view s, size_t limit) {
  size_t words = 0;
  bool in_word = false;
  for (size_t i = 0; i < s.size();) {
    DecodedCodePoint d = DecodeAt(s, i);
    bool w = !IsSpace(d.cp);
    if (w && !in_word && ++words > limit) return false;
    in_word = w;
    i += d.size;
  }
  return true;
}

bool HasSentencePunctuation(std::string_view s) {
  for (char c : s) {
    if (c == '.' || c == ',' || c == '!' || c == '?' || c == ';' || c == ':') return true;
  }
  return false;
}

// ", a phrase …", ", a term …", ", the slogan …" right after the closing mark.
bool FollowedByTermNoun(std::string_view text, size_t close_mark_end) {
  std::string after = AsciiLowered(text.substr(close_mark_end, 24));
  size_t i = 0;
  while (i < after.size() && (after[i] == ' ' || after[i] == ',')) ++i;
  std::string_view rest = std::string_view(after).substr(i);
  for (std::string_view article : {"a ", "an ", "the "}) {
    if (rest.substr(0, article.size()) != article) continue;
    rest.remove_prefix(article.size());
    for (std::string_view noun : {"phrase", "term", "word", "slogan", "expression", "catchphrase",
                                  "label", "nickname", "motto"}) {
      if (rest.substr(0, noun.size()) == noun) return true;
    }
  }
  return false;
}

// Whether the writer's sentence goes on right after the closing mark: a space, then a word
// in lower case ("“The Big Short” was nominated", "“I held and hugged” grieving families").
bool SentenceGoesOnAfter(std::string_view text, size_t close_mark_end) {
  size_t i = close_mark_end;
  if (i >= text.size() || text[i] != ' ') return false;
  while (i < text.size() && text[i] == ' ') ++i;
  return i < text.size() && IsLower(DecodeAt(text, i).cp);
}

// Whether a quotation's words end as speech ends: with a full stop, a comma, a question or
// exclamation mark, a colon, a semicolon, a dash or an ellipsis (spaces and closing marks
// of nested quotations before it aside).
bool EndsWithPunctuation(std::string_view content) {
  while (!content.empty()) {
    const DecodedCodePoint d = DecodeBefore(content, content.size());
    if (IsSpace(d.cp) || d.cp == U'’' || d.cp == '\'' || d.cp == U'”' || d.cp == '"') {
      content.remove_suffix(d.size);
      continue;
    }
    return d.cp == '.' || d.cp == ',' || d.cp == '!' || d.cp == '?' || d.cp == ':' || d.cp == ';' ||
           d.cp == U'…' || d.cp == U'—' || d.cp == U'–' || d.cp == '-';
  }
  return false;
}

// Whether one word keeps a run of words in title case: capitalised, a short function word in
// lower case, or a figure ("2016: The Year"); a word in marks or brackets is not read. Sets
// `*any` for a capitalised word or a figure.
bool TitleCaseWordFits(std::string_view word, bool* any) {
  switch (ClassifyTitleCaseWord(word)) {
    case TitleCaseWord::kLower:
      return false;
    case TitleCaseWord::kCapitalised:
      *any = true;
      return true;
    case TitleCaseWord::kFunction:
      return true;
    case TitleCaseWord::kOther:
      if (!IsDigit(DecodeAt(word, 0).cp)) return false;
      *any = true;
      return true;
  }
  return false;
}

// Whether every word of `content` is capitalised but for short function words, as in the
// name of a show, a book or a film ("Orange Is the New Black", "Daily Show") or a headline
// in title case.
bool ReadsAsTitle(std::string_view content) {
  bool any = false;
  size_t i = 0;
  while (i < content.size()) {
    while (i < content.size() && IsSpace(DecodeAt(content, i).cp)) i += DecodeAt(content, i).size;
    if (i >= content.size()) break;
    size_t end = i;
    while (end < content.size() && !IsSpace(DecodeAt(content, end).cp)) {
      end += DecodeAt(content, end).size;
    }
    if (!TitleCaseWordFits(content.substr(i, end - i), &any)) return false;
    i = end;
  }
  return any;
}

// Most words the line of a headline has (headlines run to about fifteen): a longer line of
// capitalised words is not one.
constexpr size_t kMaxHeadlineWords = 25;
// Fewest words a headline must go on with after a quotation for the quotation to be woven into
// it: one capitalised word after the marks is as often a day or a name ("… ” Tuesday.").
constexpr size_t kMinHeadlineWordsAfter = 2;
// Most bytes a headline's line runs before or after its quotation, and its quotation's own:
// kMaxHeadlineWords words and their spaces, generously.
constexpr size_t kMaxHeadlineBytes = 400;

// One part of a headline's line (before, inside or after a quotation) as title case reads it:
// its words that have a letter, each without the quotation marks and punctuation around it
// ("Sanders: ‘Of Course’ $15" reads "Sanders", "Of", "Course"), how many, and whether they
// read as a title (ReadsAsTitle of those words).
struct HeadlinePart {
  size_t words = 0;
  bool title = true;  // no word breaks title case
  bool any = false;   // a capitalised word or a figure among them
  bool ReadsAsTitle() const { return title && any; }
};

HeadlinePart ReadHeadlinePart(std::string_view part) {
  HeadlinePart out;
  size_t i = 0;
  while (i < part.size()) {
    while (i < part.size() && IsSpace(DecodeAt(part, i).cp)) i += DecodeAt(part, i).size;
    size_t end = i;
    while (end < part.size() && !IsSpace(DecodeAt(part, end).cp)) end += DecodeAt(part, end).size;
    std::string_view word = part.substr(i, end - i);
    i = end;
    while (!word.empty() && !IsWordChar(DecodeAt(word, 0).cp)) {
      word.remove_prefix(DecodeAt(word, 0).size);
    }
    while (!word.empty() && !IsWordChar(DecodeBefore(word, word.size()).cp)) {
      word.remove_suffix(DecodeBefore(word, word.size()).size);
    }
    bool letter = false;
    for (size_t k = 0; k < word.size() && !letter; k += DecodeAt(word, k).size) {
      letter = IsUpper(DecodeAt(word, k).cp) || IsLower(DecodeAt(word, k).cp);
    }
    if (!letter) continue;
    ++out.words;
    out.title = out.title && TitleCaseWordFits(word, &out.any);
  }
  return out;
}

// Whether a quotation is woven into a headline in title case, which goes on after its closing
// mark: every word of its line, its own among them, is capitalised but for short function words
// (ReadsAsTitle; quotation marks, the colon after a name and words without letters such as
// "$15" aside), and at least kMinHeadlineWordsAfter words follow it ("Ada Quell: ‘No Regrets’
// Over Harbour Vote", "‘Missing’ Ferry Crews Might Sway The Vote"). In title case the words
// after the marks are capitalised whether the writer's sentence goes on or not, so
// SentenceGoesOnAfter cannot tell.
bool WovenIntoHeadline(std::string_view text, const Quote& quote) {
  if (quote.close_mark_end >= text.size() || text[quote.close_mark_end] != ' ') return false;
  if (quote.close_mark_end - quote.open_mark > kMaxHeadlineBytes) return false;
  // The line around the quotation, read no further than a headline runs: a line longer than
  // that is prose (and a document of one long line is read in linear time).
  size_t line_start = quote.open_mark;
  while (line_start > 0 && text[line_start - 1] != '\n' && text[line_start - 1] != '\r') {
    if (quote.open_mark - line_start >= kMaxHeadlineBytes) return false;
    --line_start;
  }
  size_t line_end = quote.close_mark_end;
  while (line_end < text.size() && text[line_end] != '\n' && text[line_end] != '\r') {
    if (line_end - quote.close_mark_end >= kMaxHeadlineBytes) return false;
    ++line_end;
  }
  const HeadlinePart before =
      ReadHeadlinePart(text.substr(line_start, quote.open_mark - line_start));
  const HeadlinePart after =
      ReadHeadlinePart(text.substr(quote.close_mark_end, line_end - quote.close_mark_end));
  const HeadlinePart quoted =
      ReadHeadlinePart(text.substr(quote.open_mark, quote.close_mark_end - quote.open_mark));
  return after.words >= kMinHeadlineWordsAfter &&
         before.words + quoted.words + after.words <= kMaxHeadlineWords && after.ReadsAsTitle() &&
         quoted.ReadsAsTitle() && (before.words == 0 || before.ReadsAsTitle());
}

// Whether the parts of a quotation are paragraphs (quote_scanner.h): only white space with a
// line break and a quotation mark between each part and the next, no words.
bool ContinuedThroughParagraphs(std::string_view text, const Quote& quote) {
  for (size_t i = 1; i < quote.spans.size(); ++i) {
    const std::string_view gap =
        text.substr(quote.spans[i - 1].end, quote.spans[i].start - quote.spans[i - 1].end);
    if (gap.find('\n') == std::string_view::npos && gap.find('\r') == std::string_view::npos) {
      return false;
    }
    for (size_t p = 0; p < gap.size();) {
      const DecodedCodePoint d = DecodeAt(gap, p);
      if (IsWordChar(d.cp)) return false;
      p += d.size;
    }
  }
  return true;
}

// Most words of a nickname between a first name and a surname (Rep. Robert C. “Bobby” Scott).
constexpr size_t kMaxNicknameWords = 2;

// Whether a quotation stands between two words of a name: the lead-in ends with a
// capitalised word or an initial, and a capitalised word follows the closing mark after one
// space (Gov. C.L. “Butch” Otter).
bool BetweenNameWords(std::string_view pre, std::string_view text, size_t close_mark_end) {
  if (close_mark_end + 1 >= text.size() || text[close_mark_end] != ' ' ||
      !IsUpper(DecodeAt(text, close_mark_end + 1).cp)) {
    return false;
  }
  size_t word = pre.size();
  while (word > 0 && !IsSpace(DecodeBefore(pre, word).cp)) word -= DecodeBefore(pre, word).size;
  const std::string_view last = pre.substr(word);
  if (last.empty() || !IsUpper(DecodeAt(last, 0).cp)) return false;
  const char32_t end = DecodeBefore(last, last.size()).cp;
  return IsWordChar(end) || end == '.';
}

}  // namespace

QuoteKindClassifier::QuoteKindClassifier(const std::vector<std::string>& term_cues,
                                         const std::vector<std::string>& work_nouns,
                                         const std::vector<std::string>& speech_cues) {
  for (const std::string& cue : term_cues) term_cues_.push_back(AsciiLowered(cue));
  for (const std::string& noun : work_nouns) work_nouns_.push_back(AsciiLowered(noun));
  for (const std::string& cue : speech_cues) {
    if (cue.find(' ') == std::string::npos) speech_cues_.insert(AsciiLowered(cue));
  }
}

bool QuoteKindClassifier::SpeechVerbBeforeComma(std::string_view lower_pre) const {
  if (speech_cues_.empty() || !lower_pre.ends_with(',')) return false;
  size_t end = lower_pre.size() - 1;
  for (size_t word = 0; word < kMaxWordsAfterSpeechVerb + 1 && end > 0; ++word) {
    size_t start = end;
    while (start > 0 && lower_pre[start - 1] != ' ' && lower_pre[start - 1] != ',') --start;
    if (speech_cues_.count(lower_pre.substr(start, end - start)) > 0) return true;
    if (start == 0 || lower_pre[start - 1] == ',') return false;  // another clause before
    end = start - 1;
  }
  return false;
}

// Most words between the determiner and the kind of work after a title (", his 1987 book",
// ", a new three-part documentary"): a longer phrase is a clause of its own.
constexpr size_t kMaxWordsBeforeWorkNoun = 2;

bool QuoteKindClassifier::WorkNounAfter(std::string_view text, size_t close_mark_end) const {
  static constexpr size_t kLookAhead = 64;  // bytes: a determiner, two words and a noun
  const std::string after = AsciiLowered(text.substr(close_mark_end, kLookAhead));
  std::string_view rest = after;
  if (!rest.starts_with(" ") && !rest.starts_with(",")) return false;
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == ',')) rest.remove_prefix(1);
  bool determiner = false;
  for (std::string_view d : {"a ", "an ", "the ", "his ", "her ", "their ", "its "}) {
    if (rest.starts_with(d)) {
      rest.remove_prefix(d.size());
      determiner = true;
      break;
    }
  }
  if (!determiner) return false;
  for (size_t word = 0; word <= kMaxWordsBeforeWorkNoun; ++word) {
    size_t end = 0;
    while (end < rest.size() && rest[end] != ' ' && rest[end] != ',' && rest[end] != '.') ++end;
    const std::string_view w = rest.substr(0, end);
    if (std::find(work_nouns_.begin(), work_nouns_.end(), w) != work_nouns_.end()) return true;
    if (end >= rest.size() || rest[end] != ' ') return false;
    rest.remove_prefix(end + 1);
  }
  return false;
}

QuoteKind QuoteKindClassifier::Classify(std::string_view text, const Quote& quote) const {
  // An interrupted quotation (“A,” she said, “B.”) is speech; one continued through
  // paragraphs is read by its first.
  if (quote.spans.size() > 1 && !ContinuedThroughParagraphs(text, quote)) {
    return QuoteKind::kDirect;
  }
  std::string_view content = quote.spans.front().in(text);
  std::string_view pre = LeadIn(text, quote.open_mark);
  std::string lower_pre = AsciiLowered(pre);

  // Terms: short, no sentence punctuation, announced by a term cue or a determiner, and
  // not attributed by a cue of their own. An inherited speaker, or one found by a weak rule
  // (the sentence's subject, without a speech verb), is no cue of its own.
  bool own_cue = !quote.rule.empty() && quote.rule.rfind("inherited/", 0) != 0 &&
                 quote.rule.rfind("weak/", 0) != 0;
  // A term cue is strong enough to allow the comma or period that American style puts
  // inside the marks: the so-called “iron handshake,” …
  std::string_view bare = content;
  while (!bare.empty() && (bare.back() == ',' || bare.back() == '.')) bare.remove_suffix(1);
  const bool bare_is_short = AtMostWords(bare, kMaxTermWords) && !HasSentencePunctuation(bare);
  if (bare_is_short) {
    for (const std::string& cue : term_cues_) {
      if (EndsWithWord(lower_pre, cue)) return QuoteKind::kTerm;
    }
  }
  // The writer names it as a phrase: the “denuclearization of the Korean peninsula,” a
  // phrase that …
  if (bare_is_short && FollowedByTermNoun(text, quote.close_mark_end)) {
    return QuoteKind::kTerm;
  }
  // The title of a work after its kind: in his 2012 book, “An American Son.”
  const bool bare_reads_as_title = bare_is_short && ReadsAsTitle(bare);
  // A nickname inside a name, in a sentence of prose (in a headline in title case, capitalised
  // words on both sides say nothing: Christie Calls Clinton ‘A Disgrace’ For …).
  if (bare_reads_as_title && bare.size() == content.size() &&
      AtMostWords(content, kMaxNicknameWords) &&
      BetweenNameWords(pre, text, quote.close_mark_end) && !ReadsAsTitle(pre)) {
    return QuoteKind::kTerm;
  }
  if (bare_reads_as_title) {
    std::string_view before_comma = lower_pre;
    if (before_comma.ends_with(',')) before_comma.remove_suffix(1);
    for (const std::string& noun : work_nouns_) {
      if (EndsWithWord(before_comma, noun)) return QuoteKind::kTerm;
    }
    // Its kind of work after it: “Trump Revealed,” a biography written by …
    if (WorkNounAfter(text, quote.close_mark_end)) return QuoteKind::kTerm;
  }
  // The same test of the whole content: a comma or full stop cut off `bare` is sentence
  // punctuation, so only a content that is `bare` can pass (and then does as `bare` did).
  const bool content_is_short = bare.size() == content.size() && bare_is_short;
  if (content_is_short) {
    static constexpr std::array<std::string_view, 9> kDeterminers = {
        "the", "a", "an", "this", "that", "its", "their", "our", "these"};
    if (!own_cue) {
      for (std::string_view d : kDeterminers) {
        if (EndsWithWord(lower_pre, d)) return QuoteKind::kTerm;
      }
      // A possessive: "Sunday’s “bridge walk”".
      if (lower_pre.ends_with("’s") || lower_pre.ends_with("'s")) {
        return QuoteKind::kTerm;
      }
    }
  }

  // Set off from the writer's words?
  bool set_off = pre.empty();
  if (!set_off) {
    char32_t last = DecodeBefore(pre, pre.size()).cp;
    // A sentence end, possibly after a closing quotation mark or bracket.
    std::string_view p = pre;
    while (!p.empty()) {
      char32_t c = DecodeBefore(p, p.size()).cp;
      if (c != U'”' && c != U'’' && c != '"' && c != '\'' && c != ')' && c != U'»') break;
      p.remove_suffix(DecodeBefore(p, p.size()).size);
    }
    char32_t before_close = p.empty() ? 0 : DecodeBefore(p, p.size()).cp;
    set_off = last == ':' || before_close == '.' || before_close == '!' || before_close == '?' ||
              last == U'—' || last == U'–';
    // "Trump added, “At the…”": a cue right before the quotation.
    if (!set_off && last == ',' && quote.rule.rfind("before/", 0) == 0 && quote.cue &&
        quote.cue->span.end <= quote.open_mark &&
        quote.open_mark - quote.cue->span.end < kMaxCueToMarkBytes) {
      set_off = true;
    }
    // "…, telling reporters, “We didn’t…”": a speech verb among the last words before the
    // comma, whatever rule found the speaker; not in a headline in title case, whose commas
    // join names (Beck Says Trump, ‘Alt Right’ Pose A Threat).
    if (!set_off && last == ',' && SpeechVerbBeforeComma(lower_pre) && !ReadsAsTitle(pre)) {
      set_off = true;
    }
  }
  if (!set_off) return QuoteKind::kPartial;
  // Set off at its start but woven in at its end: words without punctuation of their own
  // (its last part's, when it has several), and the writer's sentence goes on in lower case
  // after the closing mark. A name of a work in title case is a term (“Broad City” star
  // Ilana Glazer), keeping or not the comma American style puts inside the marks (“Billions,”
  // on Showtime, is …); other words are a fragment (“I held and hugged” grieving families).
  // An after-rule's cue keeps a quotation whose comma the writer left out ("“It is over”
  // said Trump") direct.
  // In a headline in title case, words without punctuation of their own that the headline
  // goes on from are a fragment (“Ada Quell: ‘No Regrets’ Over Harbour Vote”).
  if (quote.rule.rfind("after/", 0) != 0 && !EndsWithPunctuation(quote.spans.back().in(text)) &&
      WovenIntoHeadline(text, quote)) {
    return QuoteKind::kPartial;
  }
  if (SentenceGoesOnAfter(text, quote.close_mark_end) && quote.rule.rfind("after/", 0) != 0) {
    if (!EndsWithPunctuation(quote.spans.back().in(text))) {
      return bare_reads_as_title ? QuoteKind::kTerm : QuoteKind::kPartial;
    }
    if (bare_reads_as_title && content.ends_with(',')) return QuoteKind::kTerm;
  }
  size_t i = 0;
  while (i < content.size() && IsSpace(DecodeAt(content, i).cp)) i += DecodeAt(content, i).size;
  char32_t first = DecodeAt(content, i).cp;
  if (IsUpper(first) || IsDigit(first) || first == U'…' || first == '.' || first == '[' ||
      first == U'‘' || first == '\'' || first == '"' || first == U'“') {
    return QuoteKind::kDirect;
  }
  return QuoteKind::kPartial;
}

}  // namespace quotecheck
