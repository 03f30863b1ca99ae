#include "attribute/speaker_names.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>

#include "core/code_point.h"
#include "core/title_case.h"

namespace quotecheck {
namespace {

// Words in capitals that make a speaker a headline: more than an acronym or two ("CNN",
// "FBI Director").
constexpr size_t kMinShoutedWords = 3;
// The fewest capitals that make a word an acronym rather than a person's initials ("JR").
constexpr size_t kMinAcronymLetters = 3;
// Shortest capitalised "-ing" word taken for a participle that opens a phrase ("Hosting"),
// not a name ("King").
constexpr size_t kMinParticipleBytes = 6;
// How much a role resolved to a name ("the Russian leader" → Vladimir Putin) lowers the
// rule's confidence.
constexpr double kRoleConfidence = 0.85;
// How far back a role, a body or a document's issuer is looked for.
constexpr size_t kLookBackBytes = 3000;
// Most words of a named owner before a speaker ("Ms. Ada Varga's spokesman").
constexpr size_t kMaxPossessorWords = 4;
// Most words of the one asked before the question word ("asked Mayor Ada Quell whether").
constexpr size_t kMaxAskedObjectWords = 4;
// Bytes read after a mention for an appositive name (", Piet Harrowgate,").
constexpr size_t kAppositiveBytes = 60;
// Most words of a person's name: given names, particles and surname ("Anna Maria van der
// Berg" is five words, but four cover nearly every name and stop a run of capitalised words
// in a headline from reading as one name).
constexpr size_t kMaxNameWords = 4;
// Most words of an attribution after a quotation that ends its sentence (“…” Ada Quell said on
// Monday.): a longer clause that opens with a capital is a sentence of its own.
constexpr size_t kMaxAttributionWordsAfterSentence = 6;
// Most words that may open a quotation's sentence and only join it on to the one before
// ("Then:", "And later,"): more are a sentence of the writer's that may name another speaker.
constexpr size_t kMaxJoiningWords = 2;
// Most words after a role's title before the comma of its appositive name ("The mayor of
// Tarnby, Ada Quell, …"): a short "of" phrase.
constexpr size_t kMaxRoleTailWords = 3;
// The subject of an attribution after a quotation is its first or second word (“…,” Quell
// answers; “…” answers Quell).
constexpr size_t kAttributionSubjectWord = 2;
// Most words of the name after a role, or of the one asked: a title already went before
// ("President Ada Varga"), so given name, middle initial and surname.
constexpr size_t kMaxNameAfterTitleWords = 3;
// Most capitalised words of a document's issuer before its verb ("the Harnwick Port
// Authority Board said in a statement"): bodies' names run longer than people's.
constexpr size_t kMaxIssuerWords = 5;
// Most title words between a role's key word and the name it introduces ("Russian Deputy
// Foreign Minister Ivo Tamm").
constexpr size_t kMaxTitleWords = 4;
// Most lower-case words between an indefinite article and its head ("a senior defence
// official"): more, and the article belongs to another phrase.
constexpr size_t kMaxIndefiniteModifiers = 3;
// How far back a personal pronoun looks for its sentence subject (within this paragraph and
// the one before), and how recent a speaker must be to stand for a pronoun: about two
// paragraphs of news text. Further back, a "he" more likely means someone named since.
constexpr size_t kPronounReachBytes = 1500;
// Paragraph breaks a pronoun's look-back crosses: its own paragraph and the one before.
constexpr int kPronounParagraphs = 2;
// Sentences before the pronoun searched for a subject, last first.
constexpr int kPronounSentences = 3;
// With no subject and no recent speaker, the person most often named in the last this many
// bytes (a paragraph or so) is taken for "he" or "she".
constexpr size_t kProminentNameBytes = 600;
// How far back an indefinite phrase ("a senior official") is looked for, to give a later
// bare head ("the official") its earlier wording.
constexpr size_t kIndefiniteLookBackBytes = 2000;
// How far back a role ("the Russian leader") looks for its key word followed by a name: a
// role is often introduced early in the article and referred to much later.
constexpr size_t kRoleLookBackBytes = 8000;
// Bytes before a body's noun read for the capitalised words of its name ("the Harnwick Port
// Authority" → "Authority"), and before an indefinite head for its article.
constexpr size_t kBodyNameBytes = 80;
constexpr size_t kIndefiniteBytes = 60;
// Most capitalised words after "Mr." or "Ms." read for the surname ("Mr. Ivo J Tamm").
constexpr size_t kMaxHonorificNameWords = 3;
// Bytes after a role's key word read for the title and name that follow.
constexpr size_t kRoleNameBytes = 120;
// The confidence of a pronoun resolved to a speaker: below a named speaker's, since the
// resolution (subject of the sentence before, or the last speaker) can be wrong.
constexpr double kPronounConfidence = 0.9;

// Calls `visit(word)` for each word of `s` split on white space, in order, until it returns
// false; words keep their punctuation except a trailing comma, semicolon or colon.
template <typename Visit>
void ForEachWord(std::string_view s, const Visit& visit) {
  // ASCII above the space is never white space, and a space is: both are read without
  // decoding (the lines of DocumentNames::Unquoted have each quotation blanked to spaces).
  auto printable_ascii = [](char c) { return c > ' ' && static_cast<unsigned char>(c) < 0x80; };
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    for (DecodedCodePoint d; i < s.size() && IsSpace((d = DecodeAt(s, i)).cp);) i += d.size;
    size_t start = i;
    for (DecodedCodePoint d; i < s.size();) {
      if (printable_ascii(s[i])) {
        ++i;
        continue;
      }
      if (IsSpace((d = DecodeAt(s, i)).cp)) break;
      i += d.size;
    }
    if (i > start) {
      std::string_view w = s.substr(start, i - start);
      while (!w.empty() && (w.back() == ',' || w.back() == ';' || w.back() == ':'))
        w.remove_suffix(1);
      if (!w.empty() && !visit(w)) return;
    }
  }
}

// The words of `s` (ForEachWord).
std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  // A word and the space after it take two bytes at least: one allocation, where growing by
  // doubling took five or six for a sentence.
  out.reserve(s.size() / 2 + 1);
  ForEachWord(s, [&](std::string_view w) {
    out.push_back(w);
    return true;
  });
  return out;
}

bool StartsUpper(std::string_view w) { return IsUpper(DecodeAt(w, 0).cp); }

// Whether two canonical names end with the same word ("Donald J. Trump", "Trump").
bool SameSurname(std::string_view a, std::string_view b) {
  auto last = [](std::string_view s) { return s.substr(s.rfind(' ') + 1); };
  return last(a) == last(b);
}

// The word of `text` that ends at `end`, spaces and tabs before `end` skipped, read no
// further back than `from`; its start in `*start`. Empty when a non-word character comes
// first.
std::string_view WordEndingAt(std::string_view text, size_t from, size_t end, size_t* start) {
  while (end > from && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  size_t at = end;
  while (at > from && IsWordChar(DecodeBefore(text, at).cp)) at -= DecodeBefore(text, at).size;
  *start = at;
  return text.substr(at, end - at);
}

bool IsWordAt(std::string_view text, size_t pos, size_t len);

// Whether `word` stands as a word of `text` at least twice.
bool UsedTwice(std::string_view text, std::string_view word) {
  int seen = 0;
  for (size_t pos = text.find(word); pos != std::string_view::npos && seen < 2;
       pos = text.find(word, pos + 1)) {
    if (IsWordAt(text, pos, word.size())) ++seen;
  }
  return seen >= 2;
}

// Whether `word` (capitalised) stands somewhere in `text` after a word or a comma on the same
// line, not only where a sentence, a line or a quotation opens.
bool CapitalisedInsideSentence(std::string_view text, std::string_view word) {
  for (size_t pos = text.find(word); pos != std::string_view::npos;
       pos = text.find(word, pos + 1)) {
    if (!IsWordAt(text, pos, word.size())) continue;
    size_t k = pos;
    while (k > 0 && text[k - 1] == ' ') --k;
    if (k == pos || k == 0) continue;  // no space before it, or the text's start
    const char before = text[k - 1];
    if (before == ',' || IsWordChar(DecodeBefore(text, k).cp)) return true;
  }
  return false;
}

// Whether `text` holds `word` (capitalised, ASCII first letter) with its first letter in
// lower case, as a word of its own.
bool UsedInLowerCase(std::string_view text, std::string_view word) {
  if (word.empty() || word[0] < 'A' || word[0] > 'Z') return false;
  std::string lower(word);
  lower[0] = static_cast<char>(lower[0] - 'A' + 'a');
  for (size_t pos = text.find(lower); pos != std::string_view::npos;
       pos = text.find(lower, pos + 1)) {
    if (IsWordAt(text, pos, lower.size())) return true;
  }
  return false;
}

// Whether Words() dropped a comma, semicolon or colon right after `word`, a view into
// `source`: a name does not go on past it ("DESPERATION: DNC", "Zurich; Gordon Hanson").
bool PunctuationAfter(std::string_view source, std::string_view word) {
  size_t pos = static_cast<size_t>(word.data() - source.data()) + word.size();
  return pos < source.size() && (source[pos] == ',' || source[pos] == ';' || source[pos] == ':');
}

// "Trump’s" → "Trump"
std::string_view WithoutPossessive(std::string_view w) {
  for (std::string_view suffix : {"’s", "'s", "’", "'"}) {
    if (w.size() > suffix.size() && w.substr(w.size() - suffix.size()) == suffix) {
      return w.substr(0, w.size() - suffix.size());
    }
  }
  return w;
}

std::string Join(const std::vector<std::string_view>& words, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to; ++i) {
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

bool IsWordAt(std::string_view text, size_t pos, size_t len) {
  bool left = pos == 0 || !IsWordChar(DecodeBefore(text, pos).cp);
  bool right = pos + len >= text.size() || !IsWordChar(DecodeAt(text, pos + len).cp);
  return left && right;
}

// text.rfind(needle, pos) when that is at `from` or after, else npos: the look-backs below
// walk the occurrences of a word from the last one back to a bound. std::string_view::rfind
// compares at every position down to the start of the text (a memcmp call a byte: a fifth
// of speaker resolution on real news); this looks for the first byte with memrchr and stops
// at `from`.
size_t RFindFrom(std::string_view text, std::string_view needle, size_t pos, size_t from) {
  if (needle.size() > text.size()) return std::string_view::npos;
  size_t i = std::min(text.size() - needle.size(), pos);
  if (needle.empty()) return i >= from ? i : std::string_view::npos;
  while (i >= from) {
    const void* hit = memrchr(text.data() + from, needle[0], i + 1 - from);
    if (hit == nullptr) break;
    i = static_cast<size_t>(static_cast<const char*>(hit) - text.data());
    if (std::memcmp(text.data() + i + 1, needle.data() + 1, needle.size() - 1) == 0) return i;
    if (i == from) break;
    --i;
  }
  return std::string_view::npos;
}

// Fewest capitalised words that make a line of only capitalised words a headline rather
// than a name or a signature ("Julie A. Diaz Martinez").
constexpr size_t kMinHeadlineWords = 5;

// Whether a line is a headline in title case or capitals: at least kMinHeadlineWords words
// that start with a letter, each capitalised but for short function words. Reads the words
// one at a time and stops at the first lower-case word that is no function word, which most
// lines of prose have within a few words (a vector of all the line's words cost ~10% of
// extract's instructions on real news: FullNameFor asks for the line of every occurrence
// of a surname).
bool LooksLikeHeadline(std::string_view line) {
  size_t capitalised = 0;
  bool lower_word = false;
  ForEachWord(line, [&](std::string_view w) {
    switch (ClassifyTitleCaseWord(w)) {
      case TitleCaseWord::kCapitalised:
        ++capitalised;
        return true;
      case TitleCaseWord::kLower:
        lower_word = true;
        return false;
      case TitleCaseWord::kFunction:
      case TitleCaseWord::kOther:
        return true;
    }
    return true;
  });
  return !lower_word && capitalised >= kMinHeadlineWords;
}

}  // namespace

SpeakerNames::SpeakerNames(const RuleSet& rules) {
  auto words_of = [&](const char* lexicon, WordSet* out, bool split) {
    auto it = rules.lexicons.find(lexicon);
    if (it == rules.lexicons.end()) return;
    for (const std::string& entry : it->second) {
      if (!split) {
        out->insert(entry);
        continue;
      }
      for (std::string_view w : Words(entry)) out->insert(std::string(w));
    }
  };
  words_of("pronoun", &pronouns_, false);
  words_of("not_name", &not_name_, false);
  words_of("abbreviation", &abbreviations_, false);
  words_of("place", &places_, false);
  {
    WordSet lower;
    for (const std::string& place : places_) lower.insert(AsciiLowered(place));
    places_ = std::move(lower);
  }
  words_of("furniture", &furniture_, false);
  words_of("addressee_marker", &addressee_markers_, false);
  words_of("object_marker", &object_markers_, false);
  words_of("not_verb", &not_verbs_, false);
  words_of("cue", &cues_, false);
  words_of("subordinator", &subordinators_, false);
  words_of("as_attribution", &as_attributions_, false);
  words_of("question_cue", &question_cues_, false);
  words_of("passive_cue", &passive_cues_, false);
  words_of("document_noun", &document_nouns_, false);
  words_of("issue_verb", &issue_verbs_, false);
  // In the lexicon's order, not a set's: of two entries differing only in case ("Police",
  // "police"), the one listed first is the form kept.
  if (auto it = rules.lexicons.find("collective"); it != rules.lexicons.end()) {
    for (const std::string& noun : it->second) {
      collective_.insert(AsciiLowered(noun));
      collective_forms_.emplace(AsciiLowered(noun), noun);
    }
  }
  words_of("title", &title_words_, true);
  // A role's word before a name: a title's last word ("Minister" of "Prime Minister", not
  // "of" of "Secretary of State") or a lower-case source noun.
  if (auto it = rules.lexicons.find("title"); it != rules.lexicons.end()) {
    for (const std::string& entry : it->second) {
      if (std::vector<std::string_view> w = Words(entry); !w.empty()) {
        role_words_.insert(std::string(w.back()));
      }
    }
  }
  if (auto it = rules.lexicons.find("source_noun"); it != rules.lexicons.end()) {
    for (const std::string& noun : it->second) {
      if (!StartsUpper(noun)) role_words_.insert(noun);
    }
  }
  words_of("organisation", &organisation_words_, true);
  words_of("not_person", &not_person_, false);
  words_of("compass", &compass_, false);
  words_of("given_name_man", &given_names_man_, false);
  words_of("given_name_woman", &given_names_woman_, false);
  for (const char* d :
       {"a",     "an",      "the",  "one", "two", "three", "four", "several", "some", "many",
        "other", "another", "this", "his", "her", "their", "its",  "my",      "our",  "your"}) {
    determiners_.insert(d);
  }
}

void SpeakerNames::DocumentNames::NoteSpeaker(const std::string& canonical, size_t position,
                                              SpeakerKind kind, size_t mention) {
  speakers_.push_back({canonical, position, kind, mention});
}

std::string_view SpeakerNames::DocumentNames::Unquoted() {
  if (!have_unquoted_) {
    unquoted_.assign(text_);
    for (const Quote& q : *quotes_) {
      for (const ByteSpan& span : q.spans) {
        // Spaces up to each line feed, which stays.
        const size_t end = std::min(span.end, unquoted_.size());
        for (size_t i = span.start; i < end;) {
          const void* nl = std::memchr(unquoted_.data() + i, '\n', end - i);
          const size_t stop =
              nl == nullptr ? end
                            : static_cast<size_t>(static_cast<const char*>(nl) - unquoted_.data());
          std::memset(unquoted_.data() + i, ' ', stop - i);
          i = stop + 1;
        }
      }
    }
    // Headlines name no one a pronoun can refer to ("Quell Wades In: Urges Voters To Stay").
    for (size_t start = 0; start < unquoted_.size();) {
      size_t end = unquoted_.find('\n', start);
      if (end == std::string::npos) end = unquoted_.size();
      if (LooksLikeHeadline(std::string_view(unquoted_).substr(start, end - start))) {
        std::fill(unquoted_.begin() + start, unquoted_.begin() + end, ' ');
      }
      start = end + 1;
    }
    have_unquoted_ = true;
  }
  return unquoted_;
}

bool SpeakerNames::DocumentNames::InHeadline(size_t pos) {
  if (line_starts_.empty()) {
    line_starts_.push_back(0);
    for (size_t nl = text_.find('\n'); nl != std::string_view::npos;
         nl = text_.find('\n', nl + 1)) {
      line_starts_.push_back(nl + 1);
    }
    line_headline_.assign(line_starts_.size(), -1);
  }
  const size_t line =
      static_cast<size_t>(std::upper_bound(line_starts_.begin(), line_starts_.end(), pos) -
                          line_starts_.begin()) -
      1;
  if (line_headline_[line] < 0) {
    const size_t start = line_starts_[line];
    const size_t end = line + 1 < line_starts_.size() ? line_starts_[line + 1] - 1 : text_.size();
    line_headline_[line] = LooksLikeHeadline(text_.substr(start, end - start)) ? 1 : 0;
  }
  return line_headline_[line] == 1;
}

bool SpeakerNames::DocumentNames::CapitalisedInside(std::string_view word) {
  auto it = capitalised_inside_.find(word);
  if (it == capitalised_inside_.end()) {
    it = capitalised_inside_.emplace(std::string(word), CapitalisedInsideSentence(text_, word))
             .first;
  }
  return it->second;
}

bool SpeakerNames::DocumentNames::UsedLowerCase(std::string_view word) {
  auto it = used_lower_case_.find(word);
  if (it == used_lower_case_.end()) {
    it = used_lower_case_.emplace(std::string(word), UsedInLowerCase(text_, word)).first;
  }
  return it->second;
}

bool SpeakerNames::IsTitleWord(std::string_view w) const { return title_words_.count(w) > 0; }

bool SpeakerNames::IsRoleWord(std::string_view w) const { return role_words_.count(w) > 0; }

bool SpeakerNames::IsNameWord(std::string_view w) const {
  if (w.empty() || !StartsUpper(w)) return false;
  // A name word ends with a letter or a digit, or is an initial or abbreviation ("J.",
  // "Jr."): not "Democrat,”", "Trump!" or "Harsh?".
  char32_t last = DecodeBefore(w, w.size()).cp;
  if (!IsWordChar(last) && last != '.') return false;
  return !IsTitleWord(w) && not_name_.count(w) == 0 && organisation_words_.count(w) == 0 &&
         pronouns_.count(w) == 0 && determiners_.count(AsciiLowered(w)) == 0;
}

ByteSpan SpeakerNames::StripNonNameLead(std::string_view text, ByteSpan span) const {
  while (span.end > span.start &&
         (IsSpace(DecodeBefore(text, span.end).cp) || text[span.end - 1] == ',')) {
    span.end -= DecodeBefore(text, span.end).size;
  }
  // A speaker is words of one sentence: keep what follows the last sentence end inside the
  // span ("the fray. Sen. Rand Paul" → "Sen. Rand Paul").
  {
    std::string_view s = span.in(text);
    for (size_t i = s.size(); i-- > 1;) {
      char c = s[i - 1];
      bool boundary =
          IsSpace(static_cast<unsigned char>(s[i])) &&
          (c == ';' || c == ':' || c == '!' || c == '?' || (c == '.' && EndsSentenceAt(s, i - 1)));
      if (boundary) {
        span.start += i;
        break;
      }
    }
    while (span.start < span.end && IsSpace(DecodeAt(text, span.start).cp)) {
      span.start += DecodeAt(text, span.start).size;
    }
    if (span.empty()) return {};
  }
  // A role noun and then a word that never starts a name names no one: "a statement Tuesday",
  // "that report Friday".
  if (std::vector<std::string_view> words = Words(span.in(text));
      words.size() >= 2 && not_name_.count(words.back()) && IsRoleWord(words[words.size() - 2])) {
    return {};
  }
  // Drop leading words that cannot start a speaker: capitalised function words ("When",
  // "However,") and lower-case words other than determiners and pronouns ("when President
  // Obama" → "President Obama"). A determiner before a common noun stays: "The Russian
  // leader", "a senior official".
  for (;;) {
    std::string_view s = span.in(text);
    std::vector<std::string_view> words = Words(s);
    if (words.empty()) return {};
    std::string first(words[0]);
    bool upper = StartsUpper(words[0]);
    bool strip = false;
    if (collective_.count(AsciiLowered(words.back()))) {
      // "federal prosecutors", "Officials": keep the head and its modifiers, drop only
      // function words ("and officials", "When police").
      std::string capitalised = first;
      capitalised[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(capitalised[0])));
      bool head = words.size() == 1;
      strip = !head && !determiners_.count(AsciiLowered(first)) &&
              (not_name_.count(capitalised) > 0 || pronouns_.count(first) > 0);
      if (!strip) break;
    } else if (pronouns_.count(first)) {
      return words.size() == 1 ? span : ByteSpan{};
    } else if (determiners_.count(AsciiLowered(first))) {
      if (words.size() == 1) {  // a lone "The" names nobody; "His comment" names him
        std::string l = AsciiLowered(first);
        return l == "his" || l == "her" || l == "their" || l == "its" ? span : ByteSpan{};
      }
      strip = upper && not_name_.count(first) && words.size() >= 2 && StartsUpper(words.back()) &&
              !IsTitleWord(words.back()) && AsciiLowered(first) != "the";
    } else if (upper) {
      // "Hosting President Ada Quell, Tamm said …": a participle opens a phrase whose object
      // is not the speaker, unless the text uses the word again (a name: "Manning") or the
      // word is part of a title ("Managing Director Ada Quell", "Acting Mayor Ivo Tamm"); a
      // participle alone opens such a phrase too ("Dashing into the luncheon, …").
      if (first.size() >= kMinParticipleBytes && first.compare(first.size() - 3, 3, "ing") == 0 &&
          !UsedTwice(text, first) && !IsTitleWord(first)) {
        return {};
      }
      strip = not_name_.count(first) > 0 || s.substr(first.size(), 1) == ",";
      if (strip && words.size() == 1) return {};
    } else {
      strip = true;
    }
    if (!strip) break;
    if (words.size() == 1) return {};
    size_t next = static_cast<size_t>(words[1].data() - text.data());
    span.start = next;
  }
  return span;
}

bool SpeakerNames::IsAbbreviation(std::string_view word) const {
  if (word.empty()) return false;
  if (abbreviations_.empty()) return word.size() <= 4 && StartsUpper(word);  // no lexicon
  if (word.find('.') != std::string_view::npos) return true;                 // U.S., N.Y.
  DecodedCodePoint first = DecodeAt(word, 0);
  if (first.size == word.size() && IsUpper(first.cp)) return true;  // an initial
  return abbreviations_.count(word) > 0;
}

bool SpeakerNames::MayBePerson(const std::string& name) const {
  const std::vector<std::string_view> words = Words(name);
  if (words.empty()) return false;
  const std::string_view last = WithoutPossessive(words.back());
  if (compass_.count(words.front()) || not_person_.count(last) || organisation_words_.count(last)) {
    return false;
  }
  // An acronym or a shouted word ("GOP", "CIA Benghazi", "BORROWING Back") is no part of a
  // person's name; a Roman numeral ("Bozell III") and an initial ("J.", "JR") may be.
  for (std::string_view w : words) {
    w = WithoutPossessive(w);
    bool capitals = w.size() >= kMinAcronymLetters;
    for (char c : w) capitals = capitals && c >= 'A' && c <= 'Z';
    if (capitals && w.find_first_not_of("IVXLCDM") != std::string_view::npos) return false;
  }
  return true;
}

bool SpeakerNames::CanSpeak(std::string_view speaker) const {
  std::vector<std::string_view> words = Words(speaker);
  if (words.empty()) return false;
  std::string first(words[0]);
  if (words.size() == 1 && (pronouns_.count(first) || pronouns_.count(AsciiLowered(first))))
    return false;
  // Words of two sentences, or of a headline ("DESPERATION: DNC"), or a quotation mark.
  for (std::string_view mark : {":", ";", "\"", "“", "”", "«", "»"}) {
    if (speaker.find(mark) != std::string_view::npos) return false;
  }
  if (EndsSentence(speaker)) return false;
  // A headline in capitals ("TURNS OUT POE WAS ONTO SOMETHING Crows").
  size_t shouted = 0;
  for (std::string_view w : words) {
    bool caps = w.size() >= 2;
    for (char c : w) caps = caps && !(c >= 'a' && c <= 'z');
    shouted += caps;
  }
  if (shouted >= kMinShoutedWords) return false;
  // A bare place ("Washington", "the United States") or page furniture ("Updated").
  std::string_view bare = speaker;
  if (bare.substr(0, 4) == "the " || bare.substr(0, 4) == "The ") bare.remove_prefix(4);
  if (places_.count(AsciiLowered(bare))) return false;
  return furniture_.count(bare) == 0 && furniture_.count(first) == 0;
}

bool SpeakerNames::PassiveCue(std::string_view text, ByteSpan cue) const {
  if (cue.empty() || !passive_cues_.count(AsciiLowered(cue.in(text)))) return false;
  // The word before the cue, past adverbs ("was also told", "were repeatedly asked").
  static const std::unordered_set<std::string_view> kBe = {
      "was", "were", "is", "are", "been", "being", "be", "get", "gets", "got", "gotten"};
  size_t end = cue.start;
  for (;;) {
    while (end > 0 && IsSpace(DecodeBefore(text, end).cp)) end -= DecodeBefore(text, end).size;
    size_t start = end;
    while (start > 0 && IsWordChar(DecodeBefore(text, start).cp)) {
      start -= DecodeBefore(text, start).size;
    }
    if (start == end) return false;
    const std::string word = AsciiLowered(text.substr(start, end - start));
    if (kBe.count(word)) return true;
    const bool adverb = word == "also" || word == "then" || word == "later" ||
                        (word.size() > 3 && word.compare(word.size() - 2, 2, "ly") == 0);
    if (!adverb) return false;
    end = start;
  }
}

bool SpeakerNames::SpokenTo(std::string_view text, size_t from, ByteSpan speaker,
                            ByteSpan cue) const {
  // "The mayor was asked, “…”": a speech verb in the passive; its subject is spoken to.
  if (PassiveCue(text, cue)) return true;
  size_t end = speaker.start;
  while (end > from && IsSpace(DecodeBefore(text, end).cp)) end -= DecodeBefore(text, end).size;
  // A marker that ends a cue of several words is part of it ("according to"); a one-word
  // cue that is a marker is not ("“…,” told the Gazette": the Gazette was told).
  if (end == from) return false;
  if (!cue.empty() && cue.end == end &&
      text.substr(cue.start, cue.end - cue.start).find(' ') != std::string_view::npos) {
    return false;
  }
  // The last one or two words before the mention, lower-cased, single-spaced.
  std::vector<std::string> words;
  size_t start = end;
  while (words.size() < 2 && start > from) {
    size_t word_end = start;
    while (start > from && IsWordChar(DecodeBefore(text, start).cp)) {
      start -= DecodeBefore(text, start).size;
    }
    if (start == word_end) break;
    words.insert(words.begin(), AsciiLowered(text.substr(start, word_end - start)));
    if (start == from || text[start - 1] != ' ') break;
    --start;
  }
  if (words.empty()) return false;
  if (addressee_markers_.count(words.back())) return true;
  return words.size() == 2 && addressee_markers_.count(words[0] + " " + words[1]) > 0;
}

bool SpeakerNames::ObjectPosition(std::string_view text, size_t from, ByteSpan speaker,
                                  ByteSpan cue, bool possessor) const {
  auto word_before = [&](size_t end, size_t* at) { return WordEndingAt(text, from, end, at); };
  const std::string_view after = text.substr(speaker.end, 8);
  if (after.substr(0, 5) == " who " || after.substr(0, 6) == ", who ") return false;
  size_t at = 0;
  std::string_view word = word_before(speaker.start, &at);
  if (word.empty()) return false;
  const std::string lower = AsciiLowered(word);
  if (object_markers_.count(lower)) {
    if (possessor) return false;
    if (cue.empty() || cue.start < speaker.end) return true;
    // No punctuation between, and a participle or a speech verb right after the speaker
    // (one adverb at most between).
    const std::string_view between = text.substr(speaker.end, cue.start - speaker.end);
    for (char c : between) {
      const auto u = static_cast<unsigned char>(c);
      if (c != ' ' && c != '\t' && u < 0x80 && !std::isalpha(u)) return true;
    }
    const std::string_view cue_word = cue.in(text);
    const bool participle = cue_word.size() >= 4 && cue_word.substr(cue_word.size() - 3) == "ing";
    return !participle && (!cues_.count(cue_word) || Words(between).size() > 1);
  }
  // A verb: lower case, five letters or more, ending in "ed" or "ing".
  if (word.size() < 5 || lower != word || not_verbs_.count(lower)) return false;
  auto ends_with = [&](std::string_view suffix) {
    return word.size() >= suffix.size() && word.substr(word.size() - suffix.size()) == suffix;
  };
  if (!ends_with("ed") && !ends_with("ing")) return false;
  for (char c : word) {
    if (c < 'a' || c > 'z') return false;
  }
  if (after.substr(0, 4) == " to ") return false;  // "prompted Quell to call it “…”"
  size_t before_at = 0;
  const std::string previous = AsciiLowered(word_before(at, &before_at));
  return !determiners_.count(previous) && !object_markers_.count(previous) &&
         !addressee_markers_.count(previous) && !cues_.count(previous);
}

bool SpeakerNames::SubordinateSubject(std::string_view text, size_t from, ByteSpan speaker,
                                      size_t quote_open) const {
  size_t start = 0;
  const std::string_view word = WordEndingAt(text, from, speaker.start, &start);
  const std::string conjunction = AsciiLowered(word);
  if (word.empty() || !subordinators_.count(conjunction)) return false;
  if (quote_open <= speaker.end) return false;
  const std::string_view rest = text.substr(speaker.end, quote_open - speaker.end);
  // "As Ruth Marcus puts it, Obama is …": the clause attributes what follows.
  if (conjunction == "as") {
    const std::vector<std::string_view> next = Words(rest.substr(0, 24));
    if (!next.empty() && as_attributions_.count(AsciiLowered(next[0]))) return false;
  }
  // The clauses after the speaker's, at commas and dashes.
  std::vector<std::string_view> clauses;
  size_t clause_start = 0;
  for (size_t i = 0; i < rest.size();) {
    const DecodedCodePoint c = DecodeAt(rest, i);
    if (c.cp == ',' || c.cp == ';' || c.cp == U'—' || c.cp == U'―' || c.cp == U'–') {
      clauses.push_back(rest.substr(clause_start, i - clause_start));
      clause_start = i + c.size;
    }
    i += c.size;
  }
  clauses.push_back(rest.substr(clause_start));
  const bool appositive = !rest.empty() && rest[0] == ',';
  for (size_t i = 1; i < clauses.size(); ++i) {
    if (i == 1 && appositive) continue;
    if (EndsSentence(clauses[i])) break;
    const std::vector<std::string_view> words = Words(clauses[i]);
    if (words.size() < 2) continue;
    const std::string first = AsciiLowered(words[0]);
    // "he" or "she" most likely stands for the speaker ("When Trump announced his
    // candidacy, he referred to …").
    if (first == "they" || first == "we" || first == "i" || determiners_.count(first) ||
        (StartsUpper(words[0]) && !not_name_.count(words[0]) && !subordinators_.count(first))) {
      return true;
    }
  }
  return false;
}

bool SpeakerNames::AnotherSpeakerJoined(std::string_view text, size_t from, size_t end) const {
  if (end <= from) return false;
  const std::vector<std::string_view> words = Words(text.substr(from, end - from));
  for (size_t i = 0; i + 2 < words.size(); ++i) {
    if (words[i] != "and" && words[i] != "but") continue;
    size_t k = i + 1;
    const std::string first = AsciiLowered(words[k]);
    if (first == "he" || first == "she" || first == "they") {
      ++k;
    } else {
      size_t names = 0;
      while (k < words.size() && names < kMaxNameWords && StartsUpper(words[k]) &&
             !not_name_.count(words[k])) {
        ++k;
        ++names;
      }
      if (names == 0) continue;
    }
    // An adverb may come between ("and Quell then said").
    if (k < words.size() &&
        (words[k] == "then" || words[k] == "also" ||
         (words[k].size() > 3 && words[k].substr(words[k].size() - 2) == "ly"))) {
      ++k;
    }
    if (k < words.size() && cues_.count(words[k])) return true;
  }
  return false;
}

bool SpeakerNames::NamedAgain(std::string_view text, ByteSpan mention) const {
  std::vector<std::string_view> words = Words(mention.in(text));
  if (words.size() != 1 || !StartsUpper(words[0]) || pronouns_.count(words[0]) ||
      collective_.count(AsciiLowered(words[0]))) {
    return true;
  }
  return UsedTwice(text, WithoutPossessive(words[0]));
}

bool SpeakerNames::EndsSentenceAt(std::string_view s, size_t i) const {
  char c = s[i];
  if (c == '!' || c == '?') return true;
  if (c != '.') return false;
  // The word before the dot: an abbreviation (Mr., Gen., U.S., J., "(D-Mo.)") does not end
  // a sentence.
  size_t j = i;
  while (j > 0 && !IsSpace(static_cast<unsigned char>(s[j - 1])) && s[j - 1] != '(' &&
         s[j - 1] != '-') {
    --j;
  }
  return !IsAbbreviation(s.substr(j, i - j));
}

bool SpeakerNames::OpensQuestion(std::string_view text, size_t pos) const {
  size_t before = pos;
  while (before > 0 && text[before - 1] == ' ') --before;
  if (before > 0 && text[before - 1] != '\n' && !EndsSentenceAt(text, before - 1)) return false;
  for (size_t i = pos; i < text.size() && text[i] != '\n'; ++i) {
    if ((text[i] == '.' || text[i] == '!' || text[i] == '?') &&
        (i + 1 == text.size() || IsSpace(static_cast<unsigned char>(text[i + 1]))) &&
        EndsSentenceAt(text, i)) {
      return text[i] == '?';
    }
  }
  return false;
}

bool SpeakerNames::JoinedByAnd(std::string_view between) const {
  // "and", then at most this many words of a role ("first lady", "President").
  constexpr size_t kMaxRoleWords = 3;
  // Words read only until one fails, or one past the most allowed: `between` can be most of
  // a document (FullNameFor asks about every full name and lone surname of it, far apart or
  // not), and most of the time its first word is no "and".
  size_t words = 0;
  bool joined = true;
  ForEachWord(between, [&](std::string_view w) {
    ++words;
    if (words == 1) {
      joined = w == "and" || w == "&";
    } else if (words <= kMaxRoleWords + 1) {
      joined = !(StartsUpper(w) && !IsTitleWord(w)) && w.back() != ',' && w.back() != '.';
    } else {
      joined = false;
    }
    return joined;
  });
  return joined && words > 0;
}

bool SpeakerNames::EndsSentence(std::string_view s) const {
  for (size_t i = 0; i < s.size(); ++i) {
    if (EndsSentenceAt(s, i)) return true;
  }
  return false;
}

bool SpeakerNames::NamesAnotherSubject(std::string_view text, const Quote& prev, const Quote& next,
                                       const std::string& speaker, DocumentNames* doc) const {
  if (next.open_mark <= prev.close_mark_end) return false;
  // From past the previous quotation's own attribution, when it follows that quotation
  // ("“…,” DoubleLine Capital portfolio manager Bonnie Baha said. “…”").
  size_t from = prev.close_mark_end;
  if (prev.speaker_mention && prev.speaker_mention->span.start >= from &&
      prev.speaker_mention->span.end <= next.open_mark) {
    from = prev.speaker_mention->span.end;
  }
  std::string_view between = text.substr(from, next.open_mark - from);
  // Another person named as the subject of a sentence in between.
  std::vector<std::string_view> words = Words(between);
  std::vector<std::string_view> speaker_words = Words(speaker);
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    std::string_view prev_word = i == 0 ? std::string_view() : words[i - 1];
    // A line feed before the word starts a paragraph, whatever the word before it ends with
    // ("… editor of Harbour.com.\n\nIvo Tamm agreed.").
    const bool new_line =
        i > 0 && std::string_view(
                     prev_word.data() + prev_word.size(),
                     static_cast<size_t>(words[i].data() - (prev_word.data() + prev_word.size())))
                         .find('\n') != std::string_view::npos;
    bool sentence_start = (i == 0 && from == prev.close_mark_end) || new_line ||
                          (i > 0 && prev_word.back() == '.' &&
                           !IsAbbreviation(prev_word.substr(0, prev_word.size() - 1))) ||
                          (prev_word.size() >= 4 && prev_word.substr(prev_word.size() - 4) == ".”");
    if (!sentence_start || !IsNameWord(words[i])) continue;
    std::string_view w = WithoutPossessive(words[i]);
    if (w != words[i]) continue;  // "Trump’s plan …" is not a new speaker
    bool same = std::find(speaker_words.begin(), speaker_words.end(), w) != speaker_words.end();
    if (!same && IsNameWord(words[i + 1]) &&
        (speaker_words.empty() || words[i + 1] != speaker_words.back())) {
      return true;
    }
    if (!same && (words[i + 1] == "said" || words[i + 1] == "says" || words[i + 1] == "told")) {
      return true;
    }
    // A name (capitalised inside sentences too) and the capitalised words after it, then a
    // verb in lower case: "Quintanilla seemed taken aback", "Harbour State University's Ada
    // Quell agreed." None of them may be the speaker's.
    if (same || !doc->CapitalisedInside(w)) continue;
    size_t j = i + 1;
    bool speakers = false;
    for (; j < words.size() && j - i <= kMaxNameWords && StartsUpper(words[j]); ++j) {
      const std::string_view v = WithoutPossessive(words[j]);
      speakers = speakers ||
                 std::find(speaker_words.begin(), speaker_words.end(), v) != speaker_words.end();
    }
    if (!speakers && j < words.size() && IsLower(DecodeAt(words[j], 0).cp)) return true;
  }
  return false;
}

SpeakerNames::Inheritance SpeakerNames::InheritanceInSentence(std::string_view text,
                                                              const Quote& prev, const Quote& next,
                                                              const std::string& speaker,
                                                              size_t after_end,
                                                              DocumentNames* doc) const {
  Inheritance out;
  if (next.open_mark <= prev.close_mark_end) return out;
  // The previous quotation's attribution ends at its closing mark, or past its mention and
  // cue when they follow it.
  size_t bound = prev.close_mark_end;
  for (const std::optional<TextRef>& ref : {prev.speaker_mention, prev.cue}) {
    if (ref && ref->span.start >= prev.close_mark_end && ref->span.end <= next.open_mark) {
      bound = std::max(bound, ref->span.end);
    }
  }
  // The words of `next`'s sentence before its opening mark, when that sentence starts past
  // the attribution (after a sentence's end or a line feed); else the sentence goes on from
  // the attribution ("“…,” Ada Quell said, adding “…”") and says nothing new.
  std::string_view prefix;
  for (size_t start = next.open_mark; start > bound; --start) {
    const char c = text[start - 1];
    if (c == '\n' || (EndsSentenceAt(text, start - 1) && start < next.open_mark &&
                      IsSpace(DecodeAt(text, start).cp))) {
      prefix = text.substr(start, next.open_mark - start);
      break;
    }
  }
  // The clause after the closing mark, to its sentence's end. After a quotation that ends its
  // sentence, a clause that opens with a capital and runs longer than an attribution is a
  // sentence of its own (“…” He said he had asked the engineers twice.).
  std::string_view suffix;
  if (after_end > next.close_mark_end) {
    std::string_view rest = text.substr(next.close_mark_end, after_end - next.close_mark_end);
    bool sentence_ends = false;  // before the window's end
    for (size_t i = 0; i < rest.size(); ++i) {
      if (rest[i] == '\n' || EndsSentenceAt(rest, i)) {
        rest = rest.substr(0, i);
        sentence_ends = true;
        break;
      }
    }
    std::vector<std::string_view> words = Words(rest);
    const ByteSpan last = next.spans.back();
    size_t end = last.end;
    while (end > last.start && IsSpace(DecodeBefore(text, end).cp)) {
      end -= DecodeBefore(text, end).size;
    }
    const char32_t last_char = end > last.start ? DecodeBefore(text, end).cp : 0;
    const bool ends_sentence =
        last_char == '.' || last_char == '!' || last_char == '?' || last_char == U'…';
    // Only a quotation that ends with its own comma or sentence end is followed by its
    // attribution; after a phrase quoted inside a sentence the sentence just goes on (“a
    // 'cratered' market and …”), and a list goes on after a comma with "and".
    // A clause that goes on with a conjunction or preposition is no attribution either
    // (“…,” because the economy …). A clause that runs on to the next quotation introduces
    // that one (“…” South Carolina, he said, was “…”) or joins a list (“amoral,” a “bully”).
    static const std::unordered_set<std::string_view> kGoesOn = {
        "and",   "or", "but", "nor", "as",   "than", "to", "of",   "because", "which", "when",
        "while", "if", "in",  "for", "with", "at",   "on", "from", "about",   "since", "so"};
    const bool runs_into_next =
        !sentence_ends && after_end < text.size() && rest.size() == after_end - next.close_mark_end;
    if (!words.empty() && (ends_sentence || last_char == ',') && !kGoesOn.count(words.front()) &&
        !runs_into_next &&
        !(ends_sentence && StartsUpper(words.front()) &&
          words.size() > kMaxAttributionWordsAfterSentence)) {
      suffix = rest;
    }
  }
  // The previous speaker's words: its name's, and the head of its mention ("the report").
  std::vector<std::string_view> own = Words(speaker);
  std::string_view head;
  if (prev.speaker_mention) {
    std::vector<std::string_view> mention = Words(prev.speaker_mention->text);
    if (!mention.empty() && pronouns_.count(mention.back()) == 0 &&
        pronouns_.count(AsciiLowered(mention.back())) == 0) {
      head = WithoutPossessive(mention.back());
    }
  }
  auto is_pronoun = [](std::string_view w) {
    w = WithoutPossessive(w);  // "He's said …"
    return w == "he" || w == "she" || w == "He" || w == "She";
  };
  auto names_speaker = [&](std::string_view w) {
    if (std::find(own.begin(), own.end(), w) != own.end() && StartsUpper(w)) return true;
    return w.size() >= 3 && w == head;
  };
  // Whether a word may be another subject that a later pronoun stands for: a name, or a
  // determiner that opens a noun ("Another said he …", "for Ban, he …"). A sentence's first
  // word is capitalised anyway: it is a name only when the document writes it so inside a
  // sentence too ("Carson", not "Asked").
  auto other_subject = [&](std::string_view word, bool opens_sentence) {
    const std::string_view w = WithoutPossessive(word);
    static const std::unordered_set<std::string_view> kOwners = {"the", "his", "her", "their",
                                                                 "its", "my",  "our", "your"};
    const std::string lower = AsciiLowered(w);
    if (determiners_.count(lower) && !kOwners.count(lower)) return true;
    if (!IsNameWord(w) || names_speaker(w)) return false;
    return !opens_sentence || doc->CapitalisedInside(w);
  };
  auto span_of = [&](std::string_view w) {
    const size_t at = static_cast<size_t>(w.data() - text.data());
    return ByteSpan{at, at + w.size()};
  };
  std::vector<std::string_view> before = Words(prefix), after = Words(suffix);
  // The sentence's first subject before the quotation: the previous speaker named again (or a
  // pronoun that may stand for it) is where the quotation's speaker is named; anyone else
  // may be its speaker instead.
  for (size_t k = 0; k < before.size(); ++k) {
    if (names_speaker(WithoutPossessive(before[k])) && before[k] == WithoutPossessive(before[k])) {
      out.mention = span_of(before[k]);
      out.named = true;
      return out;
    }
    if (other_subject(before[k], k == 0)) {
      out.inherit = false;
      return out;
    }
    if (is_pronoun(before[k])) {
      const std::string pronoun = AsciiLowered(WithoutPossessive(before[k]));
      if (!speaker.empty() && !Agrees(pronoun, speaker, doc)) {
        out.inherit = false;
        return out;
      }
      // "On television, Axelrod has argued …. And online he has criticized … as “…”": "he"
      // stands for the subject named just before, not for the previous quotation's speaker
      // (a name; a role such as "the Florida senator" is left to agree).
      if (!speaker.empty() && StartsUpper(speaker) && (pronoun == "he" || pronoun == "she")) {
        const size_t at = span_of(before[k]).start;
        const std::optional<std::string> meant =
            ResolvePronoun(pronoun, at, next.open_mark, /*answer=*/false, doc);
        if (meant && !SameSurname(*meant, speaker)) {
          out.inherit = false;
          return out;
        }
      }
      out.mention = span_of(before[k]);
      return out;
    }
  }
  // After the quotation, likewise its attribution's first subject; a pronoun only as its
  // first or second word (“…,” he demurred; “…” answers Quell).
  for (size_t k = 0; k < after.size(); ++k) {
    if (names_speaker(after[k])) {
      out.mention = span_of(after[k]);
      out.named = true;
      return out;
    }
    if (other_subject(after[k], false)) break;
    if (is_pronoun(after[k]) && k < kAttributionSubjectWord &&
        (speaker.empty() || Agrees(AsciiLowered(WithoutPossessive(after[k])), speaker, doc))) {
      out.mention = span_of(after[k]);
      return out;
    }
  }
  // Someone else may be this sentence's speaker: a clause after the quotation that is not the
  // previous speaker's, or a sentence of words before it that never name the previous speaker
  // (a word or two may only join it on: "Then:", "And later,").
  if (!after.empty() || before.size() > kMaxJoiningWords) out.inherit = false;
  return out;
}

bool SpeakerNames::OutsideHeadlines(std::string_view word, DocumentNames* doc) const {
  std::string_view body = doc->Unquoted();  // headlines blanked
  for (size_t pos = body.find(word); pos != std::string_view::npos;
       pos = body.find(word, pos + 1)) {
    if (IsWordAt(body, pos, word.size())) return true;
  }
  return false;
}

std::optional<std::string> SpeakerNames::FullNameFor(std::string_view surname,
                                                     DocumentNames* doc) const {
  std::string key(surname);
  auto cached = doc->full_names_.find(key);
  if (cached != doc->full_names_.end()) return cached->second;
  if (doc->no_full_name_.count(key) != 0) return std::nullopt;
  std::map<std::string, int> counts;
  std::vector<std::pair<size_t, std::string>> named;  // each full name's occurrences
  std::vector<size_t> alone;  // the surname without a first name ("Trump", "Mr. Trump")
  bool titled = false;        // one of them after a title
  std::string_view text = doc->text_;
  for (size_t pos = text.find(surname); pos != std::string_view::npos;
       pos = text.find(surname, pos + 1)) {
    if (!IsWordAt(text, pos, surname.size()) &&
        !(pos + surname.size() < text.size() && !IsWordAt(text, pos, surname.size()) &&
          (text.substr(pos + surname.size(), 3) == "’" || text[pos + surname.size()] == '\''))) {
      continue;
    }
    const bool headline = doc->InHeadline(pos);
    const size_t after = pos + surname.size();
    const bool after_is_lower =
        after + 1 < text.size() && text[after] == ' ' && IsLower(DecodeAt(text, after + 1).cp);
    // Capitalised words right before the surname, back to a title or a non-name word.
    std::vector<std::string_view> before;
    std::string_view previous;  // the word right before the surname
    size_t p = pos;
    while (before.size() < 3 && p > 0) {
      size_t end = p;
      while (end > 0 && text[end - 1] == ' ') --end;
      if (end == p || end == 0) break;
      size_t start = end;
      while (start > 0 && !IsSpace(DecodeBefore(text, start).cp))
        start -= DecodeBefore(text, start).size;
      std::string_view w = text.substr(start, end - start);
      while (!w.empty() && (w.front() == '*' || w.front() == '_')) w.remove_prefix(1);
      while (!w.empty() && (w.back() == '*' || w.back() == '_')) w.remove_suffix(1);
      if (w.empty()) break;
      if (p == pos) previous = w;
      bool initial = w.size() == 2 && w[1] == '.' && StartsUpper(w);
      if (!initial && (!IsNameWord(w) || w.back() == ',' || w.back() == '.')) break;
      // In a headline every word is capitalised: a first name there must also be a word of
      // the text outside the headlines ("Hillary Clinton", not "Urges Britain").
      if (headline && !initial && !OutsideHeadlines(w, doc)) break;
      // The verb that opens a question is no first name: "Will Sanders come down?" (the
      // surname then a lower-case verb; "Thomas Frank’s book …?" keeps its first name).
      if (p == pos && after_is_lower && OpensQuestion(text, start)) break;
      before.insert(before.begin(), w);
      p = start;
    }
    if (before.empty()) {
      alone.push_back(pos);
      // "Mr. Trump", "President Trump": a title and the surname name a person in full.
      titled = titled || (!previous.empty() && IsTitleWord(previous));
      continue;
    }
    std::string name;
    for (std::string_view w : before) name += std::string(w) + " ";
    name += key;
    counts[name]++;
    named.emplace_back(p, name);
  }
  // A full name joined to the surname alone by "and" is another person of that name:
  // "President Trump and Melania Trump, the first lady, …", "Trump and first lady Melania
  // Trump welcomed …". One person is never coordinated with himself.
  for (const auto& [at, name] : named) {
    const size_t name_end = at + name.size();
    for (size_t other : alone) {
      if (other + surname.size() <= at
              ? JoinedByAnd(text.substr(other + surname.size(), at - other - surname.size()))
              : other >= name_end && JoinedByAnd(text.substr(name_end, other - name_end))) {
        counts.erase(name);
        break;
      }
    }
  }
  std::optional<std::string> best;
  int best_count = 0;
  for (const auto& [name, count] : counts) {
    if (count > best_count || (count == best_count && best && name.size() < best->size())) {
      best = name;
      best_count = count;
    }
  }
  if (!best && titled && !named.empty()) best = key;  // every full name was another person
  if (best) {
    doc->full_names_[key] = *best;
  } else {
    doc->no_full_name_.insert(key);
  }
  return best;
}

std::vector<std::string> SpeakerNames::PersonNamesIn(std::string_view window,
                                                     DocumentNames* doc) const {
  std::vector<std::string> out;
  std::vector<std::string_view> words = Words(window);
  for (size_t i = 0; i < words.size();) {
    if (!IsNameWord(words[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < words.size() && IsNameWord(WithoutPossessive(words[j])) && j - i < kMaxNameWords) {
      bool possessive = WithoutPossessive(words[j]) != words[j];
      ++j;
      if (possessive || words[j - 1].back() == '.' || PunctuationAfter(window, words[j - 1])) {
        break;
      }
    }
    if (j == i) {
      ++i;
      continue;
    }
    std::vector<std::string_view> run(words.begin() + i, words.begin() + j);
    run.back() = WithoutPossessive(run.back());
    if (!run.back().empty() && (run.back().back() == '.' || run.back().back() == ',')) {
      run.back().remove_suffix(1);
    }
    if (run.back().empty()) {
      i = j;
      continue;
    }
    if (run.size() >= 2) {
      std::string name = Join(run, 0, run.size());
      if (CanSpeak(name)) out.push_back(std::move(name));
    } else if (auto full = FullNameFor(run[0], doc)) {
      if (CanSpeak(*full)) out.push_back(*full);
    }
    i = j;
  }
  return out;
}

std::optional<std::string> SpeakerNames::SentenceSubject(std::string_view sentence,
                                                         DocumentNames* doc,
                                                         bool* unresolved_role) const {
  static const std::unordered_set<std::string> kPrepositions = {
      "in",   "on",    "at",      "with",    "to",     "for", "from", "by",
      "of",   "about", "against", "between", "and",    "or",  "than", "into",
      "over", "under", "after",   "before",  "during", "like"};
  // Prepositions before a title and a name ("with Mr. Abe"): not those that join a subject on
  // ("And Mr. Trump vows …") or open a clause it is the subject of ("After Mr. Trump spoke").
  static const std::unordered_set<std::string> kNotBeforeTitledObject = {"and", "or", "than",
                                                                         "after", "before"};
  auto titled_preposition = [&](std::string_view w) {
    const std::string lower = AsciiLowered(w);
    return kPrepositions.count(lower) != 0 && kNotBeforeTitledObject.count(lower) == 0;
  };
  std::vector<std::string_view> words = Words(sentence);
  for (size_t i = 0; i < words.size(); ++i) {
    std::string_view w = WithoutPossessive(words[i]);
    bool possessive = w.size() != words[i].size();
    std::string lw = AsciiLowered(words[i]);
    // "the Ukrainian president called …": a role as the subject.
    if ((lw == "the" || lw == "The") && i + 2 < words.size() && i + 3 <= words.size()) {
      size_t k = i + 1;
      while (k < words.size() && k - i <= 2 && StartsUpper(words[k]) && !IsTitleWord(words[k])) ++k;
      if (k < words.size() && IsTitleWord(words[k]) && !StartsUpper(words[k]) &&
          (i == 0 || kPrepositions.count(AsciiLowered(words[i - 1])) == 0)) {
        // The role's name set off by commas after it, past a few words of the role ("The
        // mayor of Tarnby, Ada Quell, met …").
        for (size_t m = k; m < words.size() && m <= k + kMaxRoleTailWords; ++m) {
          if (!PunctuationAfter(sentence, words[m])) continue;
          const size_t comma =
              static_cast<size_t>(words[m].data() - sentence.data()) + words[m].size();
          if (sentence[comma] != ',') break;
          if (auto name = AppositiveName(sentence, comma)) return name;
          break;
        }
        *unresolved_role = true;
        return std::nullopt;
      }
    }
    if (!IsNameWord(w)) continue;
    // Inside a prepositional phrase, titles between ("In his meeting with Mr. Abe, however,
    // Mr. Trump projected optimism."): no subject.
    if (i > 0 && kPrepositions.count(AsciiLowered(words[i - 1]))) continue;
    size_t lead = i;
    while (lead > 0 && StartsUpper(words[lead - 1]) && IsTitleWord(words[lead - 1]) &&
           !PunctuationAfter(sentence, words[lead - 1]) && !(lead - 1 == 0)) {
      --lead;
    }
    // "Secretary of State John F. Kerry": an "of" inside a title is no preposition. A
    // possessive stays ("It starts with Mr. VandeHei's proposition that …").
    if (lead < i && lead > 0 && !possessive && titled_preposition(words[lead - 1]) &&
        !(lead >= 2 && StartsUpper(words[lead - 2]) && IsTitleWord(words[lead - 2]))) {
      continue;
    }
    size_t j = i;
    std::vector<std::string_view> run;
    while (j < words.size() && run.size() < kMaxNameWords) {
      std::string_view x = WithoutPossessive(words[j]);
      if (!IsNameWord(x)) break;
      // A word that ends in punctuation ends the name ("Korea." ends a sentence), unless it
      // is an initial ("J.").
      bool punct_end = !x.empty() && !IsWordChar(DecodeBefore(x, x.size()).cp) &&
                       !(x.size() == 2 && x[1] == '.');
      if (punct_end) {
        while (!x.empty() && !IsWordChar(DecodeBefore(x, x.size()).cp)) {
          x.remove_suffix(DecodeBefore(x, x.size()).size);
        }
        if (!x.empty()) run.push_back(x);
        ++j;
        break;
      }
      run.push_back(x);
      ++j;
      if (x.size() != words[j - 1].size() || PunctuationAfter(sentence, words[j - 1])) break;
    }
    if (run.empty()) {
      i = j - 1;
      continue;
    }
    std::string_view last_raw = words[j - 1];
    possessive = WithoutPossessive(last_raw).size() != last_raw.size();
    // Capitalised words right before a title qualify it ("Former Arizona governor Jan Brewer
    // said", "Clinton's campaign chairman John Podesta told"): the subject is the name after.
    if (j < words.size() && !PunctuationAfter(sentence, last_raw) &&
        IsTitleWord(WithoutPossessive(words[j]))) {
      i = j - 1;
      continue;
    }
    bool followed_by_verb = j < words.size() && !StartsUpper(words[j]) &&
                            kPrepositions.count(AsciiLowered(words[j])) == 0 &&
                            last_raw.back() != ',';
    bool opens_sentence = i == 0 || (i == 1 && not_name_.count(words[0]));
    if (!possessive && !followed_by_verb && !opens_sentence) {
      i = j - 1;
      continue;
    }
    std::optional<std::string> name = run.size() >= 2
                                          ? std::optional<std::string>(Join(run, 0, run.size()))
                                          : FullNameFor(run[0], doc);
    // A lone name that no full name in the document explains, if a verb follows it
    // ("Scott responded …"), unless it is a common word that opens the sentence: one the text
    // also writes in lower case and never capitalised inside a sentence ("Federal mandates
    // are …" beside "a federal department", "Nobody asked …").
    if (!name && run.size() == 1 && followed_by_verb) {
      std::string_view next = words[j];
      bool verb = next.size() > 3 && (next.substr(next.size() - 2) == "ed" || next.back() == 's');
      if (verb && (doc->CapitalisedInside(run[0]) || !doc->UsedLowerCase(run[0]))) {
        name = std::string(run[0]);
      }
    }
    if (name && organisation_words_.count(run.back()) == 0 && CanSpeak(*name)) {
      return name;
    }
    i = j - 1;
  }
  return std::nullopt;
}

std::optional<std::string> SpeakerNames::AnswererIn(std::string_view sentence, size_t position,
                                                    DocumentNames* doc, bool* found) const {
  *found = false;
  std::vector<std::string_view> words = Words(sentence);
  for (size_t i = 1; i + 1 < words.size(); ++i) {
    if (!question_cues_.count(words[i])) continue;
    // "was asked by …", "had been pressed": the subject is the one asked.
    std::string before = AsciiLowered(words[i - 1]);
    if (before == "was" || before == "were" || before == "been" || before == "being") return {};
    // A question follows the one asked ("asked Quell whether …", "asked him about …"), not a
    // request ("asked her to call", the asker goes on) or a doubt ("questioned Tamm's logic").
    std::string_view object = words[i + 1];
    if (WithoutPossessive(object) != object) return std::nullopt;
    static const std::unordered_set<std::string> kQuestionWords = {
        "whether", "if",   "how",   "what",  "why",   "who",
        "whom",    "when", "where", "which", "about", "for"};
    bool question = false;
    for (size_t k = i + 2; k < words.size() && k <= i + kMaxAskedObjectWords + 1; ++k) {
      std::string w = AsciiLowered(words[k]);
      if (w == "to") break;
      if (kQuestionWords.count(w)) {
        question = true;
        break;
      }
    }
    if (!question) return std::nullopt;
    std::string lower = AsciiLowered(object);
    if (lower == "him" || lower == "her" || lower == "them" || lower == "me" || lower == "us") {
      // "… when I asked him how …": the writer asks; the sentence's subject answers.
      if (before == "i" || before == "we") return std::nullopt;
      *found = true;  // the one asked is not named here
      return std::nullopt;
    }
    if (lower == "the" && i + 2 < words.size()) {
      *found = true;
      std::vector<std::string_view> role = {words[i + 1]};
      for (size_t k = i + 2; k < words.size() && k < i + 5; ++k) {
        role.push_back(WithoutPossessive(words[k]));
        if (IsTitleWord(words[k]) && !StartsUpper(words[k])) break;
      }
      return ResolveRole(role, position, doc);
    }
    if (!IsNameWord(WithoutPossessive(object))) return std::nullopt;
    *found = true;
    std::vector<std::string_view> run;
    for (size_t k = i + 1; k < words.size() && run.size() < kMaxNameAfterTitleWords; ++k) {
      std::string_view w = WithoutPossessive(words[k]);
      if (!IsNameWord(w)) break;
      run.push_back(w);
      if (w != words[k] || PunctuationAfter(sentence, words[k])) break;
    }
    if (run.size() == 1) return FullNameFor(run[0], doc);
    return Join(run, 0, run.size());
  }
  return std::nullopt;
}

std::optional<std::string> SpeakerNames::ResolvePronoun(std::string_view pronoun, size_t position,
                                                        size_t quote_open, bool answer,
                                                        DocumentNames* doc) const {
  std::string p = AsciiLowered(pronoun);
  if (p == "i" || p == "we" || p == "you") return std::nullopt;
  bool personal = p == "he" || p == "she";
  std::string_view text = doc->Unquoted();
  if (personal) {
    // The subject of the sentence before the pronoun (or before the quotation, when the
    // pronoun follows it), within this paragraph or the one before.
    size_t end = std::min(position, quote_open);
    size_t para_start = end;
    int breaks = 0;
    // The lowest start within reach; line feeds are found with memrchr (the walk back a
    // byte at a time was a tenth of pronoun resolution).
    const size_t reach_start = end - std::min(end, kPronounReachBytes);
    while (para_start > 0 && end - para_start < kPronounReachBytes) {
      const void* feed = memrchr(text.data() + reach_start, '\n', para_start - reach_start);
      if (feed == nullptr) {
        para_start = reach_start;
        break;
      }
      para_start = static_cast<size_t>(static_cast<const char*>(feed) - text.data()) + 1;
      // Skip blank lines; stop at the start of the previous paragraph.
      size_t k = para_start - 1;
      while (k > 0 && (text[k - 1] == '\n' || text[k - 1] == '\r' || text[k - 1] == ' ')) --k;
      if (k < end &&
          text.substr(k, end - k).find_first_not_of(" \r\n\t") != std::string_view::npos) {
        if (++breaks == kPronounParagraphs) break;
      }
      para_start = k;
    }
    std::string_view region = text.substr(para_start, end - para_start);
    // Sentences of the region, last first.
    size_t stop = region.size();
    for (int n = 0; n < kPronounSentences && stop > 0; ++n) {
      size_t start = stop;
      while (start > 0) {
        char c = region[start - 1];
        if (c == '\n' || ((c == '.' || c == '!' || c == '?') && start < stop &&
                          IsSpace(static_cast<unsigned char>(region[start])) &&
                          EndsSentenceAt(region, start - 1))) {
          break;
        }
        --start;
      }
      std::string_view sentence = region.substr(start, stop - start);
      // "Tamm asked Quell whether …  “In May,” she said.": the answer is the one asked's,
      // never the interviewer's; unnamed ("asked her") it stays unresolved.
      if (answer) {
        bool asked = false;
        std::optional<std::string> answerer = AnswererIn(sentence, position, doc, &asked);
        if (asked) return answerer && CanSpeak(*answerer) ? answerer : std::nullopt;
      }
      // A quotation of this sentence given to a person named after it, in the sentence: a
      // pronoun after it means that person, not the sentence's subject, whose words are the
      // ones reported ("Mrs. Clinton should begin “building bridges,” said David Axelrod, a
      // strategist. “It seems certain …,” he said.").
      for (auto it = doc->speakers_.rbegin(); it != doc->speakers_.rend(); ++it) {
        if (it->position < para_start + start) break;
        if (it->kind == SpeakerKind::kPerson && it->position < para_start + stop &&
            it->mention > it->position && it->mention < para_start + stop) {
          return it->name;
        }
      }
      bool role = false;
      if (auto subject = SentenceSubject(sentence, doc, &role)) return subject;
      if (role) {
        // A role without a name ("the Ukrainian president"): the nearest person named before.
        std::vector<std::string> names = PersonNamesIn(region.substr(0, start), doc);
        if (!names.empty()) return names.back();
        break;
      }
      stop = start > 0 ? start - 1 : 0;
    }
  }
  // The nearest named speaker before, if recent.
  for (auto it = doc->speakers_.rbegin(); it != doc->speakers_.rend(); ++it) {
    if (position - it->position > kPronounReachBytes) break;
    if (personal ? it->kind == SpeakerKind::kPerson : it->kind != SpeakerKind::kPerson) {
      return it->name;
    }
  }
  if (!personal) return std::nullopt;
  // Else the most prominent person named just before.
  size_t from = position > kProminentNameBytes ? position - kProminentNameBytes : 0;
  std::vector<std::string> names = PersonNamesIn(text.substr(from, position - from), doc);
  std::optional<std::string> best;
  size_t best_count = 0;
  for (const std::string& name : names) {
    std::string_view surname = std::string_view(name).substr(name.rfind(' ') + 1);
    size_t count = 0;
    for (size_t pos = text.find(surname); pos != std::string_view::npos;
         pos = text.find(surname, pos + 1)) {
      ++count;
    }
    if (count > best_count) {
      best = name;
      best_count = count;
    }
  }
  if (best) return best;
  for (auto it = doc->speakers_.rbegin(); it != doc->speakers_.rend(); ++it) {
    if (it->kind == SpeakerKind::kPerson) return it->name;
  }
  return std::nullopt;
}

Gender SpeakerNames::GivenNameGender(std::string_view name) const {
  // A surname alone ("Warren") is never read as a given name.
  const std::vector<std::string_view> words = Words(name);
  if (words.size() < 2) return Gender::kUnknown;
  if (given_names_man_.count(words.front())) return Gender::kMan;
  if (given_names_woman_.count(words.front())) return Gender::kWoman;
  return Gender::kUnknown;
}

Gender SpeakerNames::HonorificGender(std::string_view word) {
  if (word == "Mr.") return Gender::kMan;
  if (word == "Mrs." || word == "Ms." || word == "Miss") return Gender::kWoman;
  return Gender::kUnknown;
}

bool SpeakerNames::Agrees(std::string_view pronoun, const std::string& name,
                          DocumentNames* doc) const {
  if (pronoun != "he" && pronoun != "she") return true;
  // The name's own given name: "Bernie Sanders" is no "she".
  if (const Gender given = GivenNameGender(name);
      given != Gender::kUnknown && (given == Gender::kMan) != (pronoun == "he")) {
    return false;
  }
  if (!doc->have_gender_) {
    // The honorifics of the whole text, read once: "Mr. Tamm" and "Mr. Ivo Tamm" make Tamm a
    // man, "Ms.", "Mrs." and "Miss" a woman; a surname given both (a couple, "Mr. and Mrs.
    // Clinton") tells nothing.
    doc->have_gender_ = true;
    const std::string_view text = doc->text_;
    for (std::string_view title : {"Mr. ", "Mrs. ", "Ms. ", "Miss "}) {
      const Gender gender = HonorificGender(title.substr(0, title.size() - 1));
      for (size_t pos = text.find(title); pos != std::string_view::npos;
           pos = text.find(title, pos + 1)) {
        if (pos > 0 && IsWordChar(DecodeBefore(text, pos).cp)) continue;  // inside a word
        // The capitalised words after the title; the last is the surname.
        std::string_view surname;
        size_t at = pos + title.size();
        for (size_t words = 0; words < kMaxHonorificNameWords && at < text.size(); ++words) {
          size_t end = at;
          while (end < text.size() && IsWordChar(DecodeAt(text, end).cp)) {
            end += DecodeAt(text, end).size;
          }
          std::string_view word = text.substr(at, end - at);
          if (word.empty() || !StartsUpper(word)) break;
          surname = word;
          if (end >= text.size() || text[end] != ' ') break;
          at = end + 1;
        }
        if (surname.empty()) continue;
        auto [it, fresh] = doc->gender_.try_emplace(std::string(surname), gender);
        if (!fresh && it->second != gender) it->second = Gender::kUnknown;
      }
    }
  }
  auto it = doc->gender_.find(name.substr(name.rfind(' ') + 1));
  return it == doc->gender_.end() || it->second == Gender::kUnknown ||
         (pronoun == "he") == (it->second == Gender::kMan);
}

std::optional<std::string> SpeakerNames::EarlierNamedBody(std::string_view text,
                                                          std::string_view noun,
                                                          size_t position) const {
  std::string capitalised(noun);
  capitalised[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(capitalised[0])));
  std::string_view before = text.substr(0, position);
  size_t from = before.size() > kLookBackBytes ? before.size() - kLookBackBytes : 0;
  for (size_t pos = RFindFrom(before, capitalised, std::string_view::npos, from);
       pos != std::string_view::npos;
       pos = pos == 0 ? std::string_view::npos : RFindFrom(before, capitalised, pos - 1, from)) {
    if (!IsWordAt(before, pos, capitalised.size())) continue;
    std::vector<std::string_view> words =
        Words(before.substr(pos > kBodyNameBytes ? pos - kBodyNameBytes : 0,
                            pos - (pos > kBodyNameBytes ? pos - kBodyNameBytes : 0)));
    std::vector<std::string_view> run;
    while (!words.empty() && run.size() < kMaxNameWords && IsNameWord(words.back()) &&
           words.back().back() != '.') {
      run.insert(run.begin(), words.back());
      words.pop_back();
    }
    if (run.empty()) continue;
    run.push_back(capitalised);
    return Join(run, 0, run.size());
  }
  return std::nullopt;
}

std::optional<std::string> SpeakerNames::DocumentIssuer(std::string_view noun, size_t position,
                                                        DocumentNames* doc) const {
  std::string_view before = doc->Unquoted().substr(0, position);
  size_t from = before.size() > kLookBackBytes ? before.size() - kLookBackBytes : 0;
  for (size_t pos = RFindFrom(before, noun, std::string_view::npos, from);
       pos != std::string_view::npos;
       pos = pos == 0 ? std::string_view::npos : RFindFrom(before, noun, pos - 1, from)) {
    if (!IsWordAt(before, pos, noun.size())) continue;
    // The sentence up to the noun: "…, the Harbour Board filed the civil suit".
    size_t start = pos;
    while (start > 0 && before[start - 1] != '\n' &&
           !(start >= 2 && before[start - 1] == ' ' && EndsSentenceAt(before, start - 2))) {
      --start;
    }
    std::vector<std::string_view> words = Words(before.substr(start, pos - start));
    for (size_t v = words.size(); v-- > 1;) {
      if (!issue_verbs_.count(words[v])) continue;
      // The capitalised words right before the verb: the issuer.
      std::vector<std::string_view> run;
      for (size_t k = v; k-- > 0 && run.size() < kMaxIssuerWords;) {
        std::string_view w = words[k];
        if (!StartsUpper(w) || determiners_.count(AsciiLowered(w)) || not_name_.count(w) ||
            PunctuationAfter(before, w)) {
          break;
        }
        run.insert(run.begin(), w);
      }
      if (run.empty()) break;
      std::string issuer = Join(run, 0, run.size());
      if (run.size() == 1) {
        if (auto full = FullNameFor(run[0], doc)) issuer = *full;
      }
      if (CanSpeak(issuer)) return issuer;
      break;
    }
  }
  return std::nullopt;
}

std::optional<std::string> SpeakerNames::EarlierIndefinite(std::string_view text,
                                                           std::string_view head,
                                                           size_t position) const {
  std::string_view before = text.substr(0, position);
  size_t from =
      before.size() > kIndefiniteLookBackBytes ? before.size() - kIndefiniteLookBackBytes : 0;
  for (size_t pos = RFindFrom(before, head, std::string_view::npos, from);
       pos != std::string_view::npos;
       pos = pos == 0 ? std::string_view::npos : RFindFrom(before, head, pos - 1, from)) {
    if (!IsWordAt(before, pos, head.size())) continue;
    // Up to three words before the head, back to an indefinite article.
    std::vector<std::string_view> words =
        Words(before.substr(pos > kIndefiniteBytes ? pos - kIndefiniteBytes : 0,
                            pos - (pos > kIndefiniteBytes ? pos - kIndefiniteBytes : 0)));
    for (size_t k = 1; k <= kMaxIndefiniteModifiers && k <= words.size(); ++k) {
      std::string_view w = words[words.size() - k];
      if (w == "a" || w == "an" || w == "A" || w == "An") {
        std::vector<std::string_view> np = {(w.size() == 2 || w == "An") ? "an" : "a"};
        np.insert(np.end(), words.end() - static_cast<std::ptrdiff_t>(k) + 1, words.end());
        np.push_back(head);
        return Join(np, 0, np.size());
      }
      if (!IsLower(DecodeAt(w, 0).cp)) break;
    }
  }
  return std::nullopt;
}

std::optional<std::string> SpeakerNames::ResolveRole(const std::vector<std::string_view>& words,
                                                     size_t position, DocumentNames* doc) const {
  // "the Russian leader": look back for "Russian" (else "leader") followed by a name.
  std::string_view key;
  for (size_t i = 1; i + 1 < words.size(); ++i) {
    if (StartsUpper(words[i])) key = words[i];
  }
  std::string role = words.empty() ? "" : AsciiLowered(words.back());
  std::string_view text = doc->text_.substr(0, position);
  size_t from = text.size() > kRoleLookBackBytes ? text.size() - kRoleLookBackBytes : 0;
  auto name_after = [&](size_t pos) -> std::optional<std::string> {
    std::vector<std::string_view> next = Words(text.substr(pos, kRoleNameBytes));
    size_t i = 1;
    while (i < next.size() && i < kMaxTitleWords && IsTitleWord(next[i])) ++i;
    std::vector<std::string_view> run;
    while (i < next.size() && run.size() < kMaxNameAfterTitleWords &&
           IsNameWord(WithoutPossessive(next[i]))) {
      std::string_view w = WithoutPossessive(next[i]);
      bool ends = w.back() == '.' || w.back() == ',' || w != next[i];
      if (w.back() == '.' && !(w.size() == 2 && StartsUpper(w))) w.remove_suffix(1);
      run.push_back(w);
      if (ends) break;
      ++i;
    }
    if (run.empty() || organisation_words_.count(run.back())) return std::nullopt;
    std::optional<std::string> name =
        run.size() == 1 ? FullNameFor(run[0], doc) : Join(run, 0, run.size());
    if (name && !CanSpeak(*name)) return std::nullopt;  // "Republican National Convention"
    return name;
  };
  std::vector<std::string> needles;
  if (!key.empty()) {
    // "Israel" also as "Israeli", "Russia" as "Russian": the adjective before the title.
    needles.emplace_back(key);
    for (const char* suffix : {"i", "n", "an", "ese"}) needles.push_back(std::string(key) + suffix);
  }
  const size_t key_needles = needles.size();
  if (!role.empty()) {
    needles.push_back(role);
    std::string cap = role;
    cap[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(cap[0])));
    needles.push_back(cap);
  }
  for (size_t n = 0; n < needles.size(); ++n) {
    const std::string& needle = needles[n];
    for (size_t pos = RFindFrom(text, needle, std::string_view::npos, from);
         pos != std::string_view::npos;
         pos = pos == 0 ? std::string_view::npos : RFindFrom(text, needle, pos - 1, from)) {
      if (!IsWordAt(text, pos, needle.size())) continue;
      if (auto name = name_after(pos)) return name;
    }
    // An adjective that names nobody: do not guess by the role alone.
    if (!key.empty() && n + 1 == key_needles) break;
  }
  return std::nullopt;
}

bool SpeakerNames::TitleOnly(const std::vector<std::string_view>& words) const {
  if (words.empty() || !IsTitleWord(words.back())) return false;
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    std::string_view w = words[i];
    bool acronym = w.size() >= 2;
    for (char c : w) acronym = acronym && ((c >= 'A' && c <= 'Z') || c == '.');
    bool demonym = false;
    for (std::string_view suffix : {"an", "ese", "ish", "i", "ch"}) {
      demonym = demonym || (w.size() > suffix.size() + 2 && w.ends_with(suffix));
    }
    if (!IsTitleWord(w) && !acronym && !demonym && !places_.count(AsciiLowered(w))) return false;
  }
  return true;
}

size_t SpeakerNames::PossessorEnd(const std::vector<std::string_view>& words) const {
  for (size_t i = 0; i + 1 < words.size() && i < kMaxPossessorWords; ++i) {
    if (!StartsUpper(words[i])) return 0;
    if (WithoutPossessive(words[i]) != words[i]) return i + 1;
  }
  return 0;
}

std::optional<std::string> SpeakerNames::NameAfterRole(const std::vector<std::string_view>& words,
                                                       DocumentNames* doc) const {
  // The name: the capitalised words that end the mention.
  size_t name = words.size();
  while (name > 1 && IsNameWord(words[name - 1])) --name;
  // The role in lower case: a capitalised title after a determiner sets one person apart
  // from another of the name ("the younger Mr. Trump").
  if (name == words.size() || name < 2 || !IsRoleWord(words[name - 1]) ||
      StartsUpper(words[name - 1])) {
    return std::nullopt;
  }
  if (words.size() - name == 1) {
    auto full = FullNameFor(words[name], doc);
    return full ? *full : std::string(words[name]);
  }
  std::string full = Join(words, name, words.size());
  doc->full_names_.emplace(std::string(words.back()), full);
  return full;
}

std::optional<std::string> SpeakerNames::AppositiveName(std::string_view text,
                                                        size_t mention_end) const {
  std::string_view after = text.substr(mention_end, kAppositiveBytes);
  if (after.empty() || after[0] != ',') return std::nullopt;
  std::vector<std::string_view> next = Words(after.substr(1));
  std::vector<std::string_view> run;
  for (std::string_view w : next) {
    if (!IsNameWord(w) || run.size() == kMaxNameWords) break;
    if (w.back() == '.' && !IsAbbreviation(w.substr(0, w.size() - 1))) {
      run.push_back(w.substr(0, w.size() - 1));  // "…, Johanna Bayer." ends the sentence
      break;
    }
    run.push_back(w);
    if (PunctuationAfter(after, w)) break;
  }
  if (run.size() < 2) return std::nullopt;
  std::string name = Join(run, 0, run.size());
  if (!CanSpeak(name)) return std::nullopt;  // ", South Carolina," is a place
  return name;
}

SpeakerNames::Resolution SpeakerNames::Resolve(std::string_view text, ByteSpan span,
                                               size_t position, DocumentNames* doc) const {
  Resolution r;
  std::vector<std::string_view> words = Words(span.in(text));
  if (words.empty()) return r;
  std::string first(words[0]);
  // Possessives name the speaker too: "His comment about …".
  static const std::unordered_map<std::string, std::string> kPossessive = {
      {"his", "he"},     {"His", "He"}, {"her", "she"}, {"Her", "She"}, {"their", "they"},
      {"Their", "They"}, {"its", "it"}, {"Its", "It"},  {"him", "he"},  {"them", "they"}};
  if (words.size() == 1 && kPossessive.count(first)) first = kPossessive.at(first);
  if (words.size() == 1 && pronouns_.count(first)) {
    // An object ("quoted her as saying") is not the subject of its own sentence: look
    // before that sentence.
    size_t from = span.start;
    std::string original = AsciiLowered(words[0]);
    if ((original == "him" || original == "her" || original == "them") &&
        text.substr(span.end, 4) == " as ") {
      while (from > 0 && text[from - 1] != '\n' &&
             !((text[from - 1] == '.' || text[from - 1] == '!' || text[from - 1] == '?') &&
               from < text.size() && text[from] == ' ' && EndsSentenceAt(text, from - 1))) {
        --from;
      }
    }
    // A question's own speaker asks ("“Why?” he asked"); any other cue may be an answer.
    size_t next = span.end;
    while (next < text.size() && text[next] == ' ') ++next;
    size_t next_end = next;
    while (next_end < text.size() && IsWordChar(DecodeAt(text, next_end).cp)) {
      next_end += DecodeAt(text, next_end).size;
    }
    bool answer = question_cues_.count(text.substr(next, next_end - next)) == 0;
    r.canonical = ResolvePronoun(first, from, std::min(position, from), answer, doc);
    const std::string p = AsciiLowered(first);
    // A name whose given name or whose honorifics in the text are the other sex's is no one
    // this pronoun stands for; no speaker rather than a wrong one.
    if (r.canonical && !Agrees(p, *r.canonical, doc)) r.canonical.reset();
    if (r.canonical && (p == "he" || p == "she") && !MayBePerson(*r.canonical)) {
      r.canonical.reset();
    }
    r.kind = r.canonical ? SpeakerKind::kPerson : SpeakerKind::kUnknown;
    if (p == "they" || p == "it") r.kind = SpeakerKind::kBody;
    r.confidence = kPronounConfidence;
    return r;
  }
  // "police", "Richmond police", "senior administration officials": a collective.
  if (auto head = collective_forms_.find(AsciiLowered(words.back()));
      head != collective_forms_.end() && !determiners_.count(AsciiLowered(first)) &&
      (words.size() == 1 || words.back() == head->second)) {
    r.canonical = words.size() == 1 ? head->second : Join(words, 0, words.size());
    r.kind = SpeakerKind::kGroup;
    return r;
  }
  // "Burton and Nick", "Ada Quell, Ivo Tamm and Pia Lund": each name resolved.
  if (words.size() >= 3 && !determiners_.count(AsciiLowered(first))) {
    std::string_view mention = span.in(text);
    size_t and_at = mention.rfind(" and ");
    if (and_at != std::string_view::npos && and_at > 0) {
      std::vector<ByteSpan> parts;
      size_t part_start = span.start;
      std::string_view head_part = mention.substr(0, and_at);
      for (size_t comma = head_part.find(", "); comma != std::string_view::npos;
           comma = head_part.find(", ", comma + 2)) {
        parts.push_back({part_start, span.start + comma});
        part_start = span.start + comma + 2;
      }
      parts.push_back({part_start, span.start + and_at});
      parts.push_back({span.start + and_at + 5, span.end});
      std::string joined;
      bool all_named = true;
      for (size_t k = 0; k < parts.size() && all_named; ++k) {
        Resolution part = Resolve(text, parts[k], position, doc);
        all_named = part.canonical && part.kind == SpeakerKind::kPerson;
        if (!all_named) break;
        if (k > 0) joined += k + 1 == parts.size() ? " and " : ", ";
        joined += *part.canonical;
      }
      if (all_named) {
        r.canonical = joined;
        r.kind = SpeakerKind::kGroup;
        return r;
      }
    }
  }
  // "Ms. Varga's spokesman", "Gallup’s Ivo Tamm": a named owner before the speaker.
  if (size_t owner = PossessorEnd(words); owner > 0) {
    std::vector<std::string_view> rest(words.begin() + owner, words.end());
    bool named = true;
    for (std::string_view w : rest) named = named && IsNameWord(w);
    // "Trump's campaign manager Brad Parscale": a role, then the name.
    bool role_then_name = false;
    for (size_t i = 0; i + 1 < rest.size(); ++i) {
      role_then_name = role_then_name || (IsRoleWord(rest[i]) && IsNameWord(rest.back()));
    }
    if (named || role_then_name) {
      words = std::move(rest);  // the name path below
    } else if (auto name = AppositiveName(text, span.end)) {
      r.canonical = name;
      r.kind = SpeakerKind::kPerson;
      return r;
    } else {
      // "Israel's prime minister": the person the text names with that role, if any. A
      // person's aide or spokesman is someone else, unnamed.
      if (IsTitleWord(words.back()) &&
          places_.count(AsciiLowered(WithoutPossessive(words[owner - 1])))) {
        std::vector<std::string_view> role = {"the", WithoutPossessive(words[owner - 1])};
        role.insert(role.end(), words.begin() + owner, words.end());
        std::vector<std::string_view> role_only = {"the"};  // the role alone, after the place
        role_only.insert(role_only.end(), words.begin() + owner, words.end());
        // Before the quotation first; a lede names the role before the person, so then the
        // whole text.
        std::optional<std::string> person;
        for (size_t until : {position, doc->text_.size()}) {
          if (!person) person = ResolveRole(role, until, doc);
          if (!person) person = ResolveRole(role_only, until, doc);
        }
        if (person) {
          r.canonical = person;
          r.kind = SpeakerKind::kPerson;
          r.confidence = kRoleConfidence;
          return r;
        }
      }
      r.canonical = Join(words, 0, words.size());
      r.kind = SpeakerKind::kGroup;
      return r;
    }
  }
  std::string lower_first = AsciiLowered(first);
  if (determiners_.count(lower_first)) {
    bool all_caps = words.size() >= 2;
    for (size_t i = 1; i < words.size(); ++i) all_caps = all_caps && StartsUpper(words[i]);
    // "the White House statement": a body speaking through its statement or office.
    static const std::unordered_set<std::string> kVoices = {"statement", "office",  "account",
                                                            "website",   "release", "post"};
    if (lower_first == "the" && words.size() >= 3 && kVoices.count(std::string(words.back())) &&
        StartsUpper(words[1])) {
      size_t end = words.size() - 1;
      bool caps = true;
      for (size_t i = 1; i < end; ++i) caps = caps && StartsUpper(words[i]);
      if (caps) {
        r.canonical = Join(words, 1, end);
        r.kind = SpeakerKind::kBody;
        return r;
      }
    }
    // "The US President": the person named with that title, or no one (a title is no name).
    if (lower_first == "the" && all_caps && words.size() <= 4 &&
        TitleOnly(std::vector<std::string_view>(words.begin() + 1, words.end()))) {
      if (auto name = ResolveRole(words, position, doc)) {
        r.canonical = name;
        r.kind = SpeakerKind::kPerson;
        r.confidence = kRoleConfidence;
      }
      return r;
    }
    if (lower_first == "the" && all_caps) {
      r.canonical = Join(words, 1, words.size());
      r.kind = SpeakerKind::kBody;
      return r;
    }
    // A role noun ("the Russian leader", "the mayor") that stands for a named person.
    if (lower_first == "the" && words.size() <= 4 && IsTitleWord(words.back())) {
      if (auto name = ResolveRole(words, position, doc)) {
        r.canonical = name;
        r.kind = SpeakerKind::kPerson;
        r.confidence = kRoleConfidence;
        return r;
      }
    }
    // "his friend Marat Olsen", "the Hollywood columnist Ada Quell": a role, then the name
    // of the person in it.
    if (auto name = NameAfterRole(words, doc)) {
      r.canonical = name;
      r.kind = SpeakerKind::kPerson;
      return r;
    }
    // "her chief of staff, Piet Harrowgate, said": the appositive names the person.
    if (auto name = AppositiveName(text, span.end)) {
      r.canonical = name;
      r.kind = SpeakerKind::kPerson;
      return r;
    }
    // "the committee" after "the Democratic National Committee …": that body.
    if (lower_first == "the" && words.size() == 2 && IsLower(DecodeAt(words[1], 0).cp) &&
        organisation_words_.count(words[1])) {
      if (auto body = EarlierNamedBody(text, words[1], span.start)) {
        r.canonical = body;
        r.kind = SpeakerKind::kBody;
        return r;
      }
    }
    // "the suit" after "the Harbour Board filed the suit": who issued it.
    if (lower_first == "the" && words.size() <= 3 &&
        document_nouns_.count(AsciiLowered(words.back()))) {
      if (auto issuer = DocumentIssuer(words.back(), span.start, doc)) {
        r.canonical = issuer;
        r.kind = SpeakerKind::kBody;
        return r;
      }
    }
    // "the official" after "A senior official in the ministry said …": the same source.
    if (lower_first == "the" && words.size() <= 3) {
      if (auto earlier = EarlierIndefinite(text, words.back(), span.start)) {
        r.canonical = earlier;
        r.kind = SpeakerKind::kGroup;
        return r;
      }
    }
    std::string group = Join(words, 0, words.size());
    group[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(group[0])));
    r.canonical = group;
    r.kind = SpeakerKind::kGroup;
    return r;
  }
  // "Claire Quell (D-Mo.)": the name without its parenthesis.
  for (size_t i = 1; i < words.size(); ++i) {
    if (words[i].front() == '(') {
      words.resize(i);
      break;
    }
  }
  // "Prime Minister Justin Trudeau of Canada": the person, not the place.
  for (size_t i = 1; i + 1 < words.size(); ++i) {
    if (words[i] == "of" || words[i] == "from" || words[i] == "at") {
      // A name before "of", even one that is also a title ("Peter T. King of New York").
      bool person_before = IsNameWord(words[i - 1]);
      for (size_t k = 0; k + 1 < i && !person_before; ++k) person_before = IsNameWord(words[k]);
      if (person_before) {
        words.resize(i);
        break;
      }
    }
  }
  // A name, perhaps after descriptors and titles: keep the words after the last title.
  size_t start = 0;
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if (IsTitleWord(words[i]) || IsRoleWord(words[i]) ||
        (i + 1 < words.size() && IsTitleWord(words[i + 1]) && StartsUpper(words[i]) &&
         i + 2 < words.size())) {
      start = i + 1;
    }
  }
  std::vector<std::string_view> name(words.begin() + start, words.end());
  // Only a title, no name ("President", "US President", "Israeli Ambassador"): the person the
  // text names with that title, or no one; a title is no name.
  if (!name.empty() && start == 0 && TitleOnly(name) &&
      !(name.size() == 1 && FullNameFor(name[0], doc))) {
    std::vector<std::string_view> role = {"the"};
    role.insert(role.end(), words.begin(), words.end());
    if (auto person = ResolveRole(role, position, doc)) {
      r.canonical = person;
      r.kind = SpeakerKind::kPerson;
      r.confidence = kRoleConfidence;
    }
    return r;
  }
  if (!name.empty() && organisation_words_.count(name.back())) {
    r.canonical = Join(name, 0, name.size());
    r.kind = SpeakerKind::kBody;
    return r;
  }
  if (name.size() == 1) {
    std::string_view surname = name[0];
    auto full = FullNameFor(surname, doc);
    // "Mrs. Clinton" is not "Bill Clinton": a full name whose given name is the other sex
    // than the honorific's is someone else of that surname; the surname alone stays.
    if (full && start > 0) {
      const Gender honorific = HonorificGender(words[start - 1]);
      const Gender given = GivenNameGender(*full);
      if (honorific != Gender::kUnknown && given != Gender::kUnknown && honorific != given) {
        full.reset();
      }
    }
    r.canonical = full ? *full : std::string(surname);
  } else {
    r.canonical = Join(name, 0, name.size());
    std::string_view surname = name.back();
    doc->full_names_.emplace(std::string(surname), *r.canonical);
  }
  r.kind = SpeakerKind::kPerson;
  return r;
}

}  // namespace quotecheck
