#include "findings/quote_evidence.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>

#include "core/code_point.h"
#include "diff/quote_tokens.h"

namespace quotecheck {
namespace {

// Capitalised words in a row, this many or more, are a name ("North Korea", "Downing
// Street"): shared, they say who is talked about, not that the words are one utterance.
constexpr size_t kNameRunWords = 2;

std::vector<std::string> SplitSpaces(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

std::string_view Trimmed(std::string_view s) {
  auto edge = [](char c) {
    return c == ' ' || c == ',' || c == '.' || c == ';' || c == ':' || c == '\n' || c == '\t';
  };
  while (!s.empty() && edge(s.front())) s.remove_prefix(1);
  while (!s.empty() && edge(s.back())) s.remove_suffix(1);
  return s;
}

bool IsEditorial(std::string_view side) {
  side = Trimmed(side);
  return side.size() >= 2 && side.front() == '[' && side.back() == ']';
}

bool IsEllipsisOnly(std::string_view side) {
  side = Trimmed(side);
  if (side.empty()) return false;
  for (size_t i = 0; i < side.size();) {
    DecodedCodePoint d = DecodeAt(side, i);
    if (d.cp != U'.' && d.cp != 0x2026 && d.cp != U' ' && d.cp != U'[' && d.cp != U']') {
      return false;
    }
    i += d.size;
  }
  return true;
}

// The words of one side of a change (or of an equal part), as match keys made standard:
// "two" and "2", "&" and "and" come out the same.
std::vector<std::string> StandardWordList(std::string_view side, const EvidenceLexicon& lexicon) {
  std::string text(side);
  for (size_t p = text.find('&'); p != std::string::npos; p = text.find('&', p + 5)) {
    text.replace(p, 1, " and ");
  }
  std::vector<std::string> out;
  for (const std::string& w : SplitSpaces(MatchKey(text))) out.emplace_back(lexicon.Standard(w));
  return out;
}

// Words run together without hyphens and apostrophes: "work force" and "workforce" come out
// the same.
std::string RunTogether(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    for (char c : w) {
      if (c != '-' && c != '\'') out.push_back(c);
    }
  }
  return out;
}

// `words` without the fillers of speech the lexicon lists ("uh", "I mean").
std::vector<std::string> WithoutFillers(const std::vector<std::string>& words,
                                        const EvidenceLexicon& lexicon) {
  std::vector<std::string> out;
  for (size_t i = 0; i < words.size();) {
    const size_t filler = lexicon.FillerAt(words, i);
    if (filler > 0) {
      i += filler;
      continue;
    }
    out.push_back(words[i++]);
  }
  return out;
}

// Whether `words` say again the words right before them (the end of `before`) or right after
// them (the start of `after`): a speaker's restart ("if she gets to pick, if she gets to
// pick her judges") that one outlet prints and another cleans up.
bool RepeatsNeighbours(const std::vector<std::string>& words,
                       const std::vector<std::string>& before,
                       const std::vector<std::string>& after) {
  if (words.empty()) return false;
  const auto n = static_cast<std::ptrdiff_t>(words.size());
  return (after.size() >= words.size() && std::equal(words.begin(), words.end(), after.begin())) ||
         (before.size() >= words.size() &&
          std::equal(words.begin(), words.end(), before.end() - n));
}

}  // namespace

EvidenceLexicon::EvidenceLexicon(const LexiconLookup& lexicon) {
  for (const std::string& w : lexicon("stop_word")) stop_words_.insert(MatchKey(w));
  for (const std::string& p : lexicon("common_phrase")) {
    const auto [it, inserted] = stock_phrases_.insert(MatchKey(p));
    longest_stock_phrase_ = std::max(longest_stock_phrase_, it->size());
  }
  auto pairs = [&](const char* name) {
    for (const std::string& entry : lexicon(name)) {
      // "variant standard"; the standard is the last word ("per cent percent").
      const size_t space = entry.rfind(' ');
      if (space == std::string::npos) continue;
      std::string variant = entry.substr(0, space);
      std::string standard = entry.substr(space + 1);
      // Looked up a word at a time: a variant of several words ("per cent") is found run
      // together, as StandardWords compares the words of a change.
      std::string variant_key;
      for (char c : MatchKey(variant)) {
        if (c != ' ') variant_key.push_back(c);
      }
      standard_[variant_key] = standard;
    }
  };
  pairs("spelling_variant");
  pairs("number_word");
  for (const std::string& filler : lexicon("filler")) {
    std::vector<std::string> words = SplitSpaces(MatchKey(filler));
    if (!words.empty()) fillers_.push_back(std::move(words));
  }
}

size_t EvidenceLexicon::FillerAt(const std::vector<std::string>& words, size_t i) const {
  for (const std::vector<std::string>& filler : fillers_) {
    if (i + filler.size() <= words.size() &&
        std::equal(filler.begin(), filler.end(), words.begin() + static_cast<std::ptrdiff_t>(i))) {
      return filler.size();
    }
  }
  return 0;
}

bool EvidenceLexicon::IsStopWord(std::string_view key) const { return stop_words_.count(key) != 0; }

bool EvidenceLexicon::IsStopWord(std::string_view key, uint64_t hash) const {
  return stop_words_.count(HashedWord{key, hash}) != 0;
}

bool EvidenceLexicon::IsStockPhrase(std::string_view key) const {
  return key.size() <= longest_stock_phrase_ && stock_phrases_.count(key) != 0;
}

std::string_view EvidenceLexicon::Standard(std::string_view key) const {
  auto it = standard_.find(key);
  if (it != standard_.end()) return it->second;
  std::string_view number = NumberValue(key);
  return number;
}

namespace {

// Appends the content words of tokens [begin, end) of `t` (one equal part of a diff) to
// `words`: capitalised words in a row (a hyphen between them keeps the row) are a name and
// do not count, nor do stop words.
void AppendContentWords(const TokenizedQuote& t, size_t begin, size_t end,
                        const EvidenceLexicon& lexicon, std::vector<std::string>* words) {
  std::vector<const QuoteToken*> run;  // capitalised words in a row
  auto flush = [&] {
    const bool name = run.size() >= kNameRunWords;
    for (const QuoteToken* token : run) {
      std::string_view key = t.Key(*token);
      if (!name && !lexicon.IsStopWord(key, token->hash)) words->emplace_back(key);
    }
    run.clear();
  };
  for (size_t i = begin; i < end; ++i) {
    const QuoteToken& token = t.tokens[i];
    if (!token.word()) {
      if (token.kind != TokenKind::kPunct || t.Text(token) != "-") flush();
      continue;
    }
    if ((token.flags & kTokenCapitalized) != 0) {
      run.push_back(&token);
      continue;
    }
    flush();
    std::string_view key = t.Key(token);
    if (!lexicon.IsStopWord(key, token.hash)) words->emplace_back(key);
  }
  flush();
}

// The tokens [first, last) of `t` that are exactly its text's bytes [start, start +
// part.size()) when those bytes are `part` and no token crosses either edge; nothing
// otherwise. `*from`: a token index at or before the part's first token (parts come in text
// order), moved past the part's tokens.
std::optional<std::pair<size_t, size_t>> WholeTokens(const TokenizedQuote& t, size_t start,
                                                     std::string_view part, size_t* from) {
  const size_t end = start + part.size();
  if (end > t.text.size() || std::string_view(t.text).substr(start, part.size()) != part) {
    return std::nullopt;
  }
  size_t first = *from;
  while (first < t.tokens.size() && t.tokens[first].end <= start) ++first;
  if (first < t.tokens.size() && t.tokens[first].start < start) return std::nullopt;
  size_t last = first;
  while (last < t.tokens.size() && t.tokens[last].end <= end) ++last;
  if (last < t.tokens.size() && t.tokens[last].start < end) return std::nullopt;
  *from = last;
  return std::pair(first, last);
}

}  // namespace

std::vector<std::string> SharedContentWords(const QuoteDiff& diff, const EvidenceLexicon& lexicon,
                                            const TokenizedQuote* a_tokens) {
  std::vector<std::string> words;
  size_t start = 0;  // of the op in the `a` text
  size_t from = 0;   // a_tokens' first token not before the op
  for (const DiffOp& op : diff.ops) {
    const size_t op_start = start;
    start += op.a.size();
    if (op.kind != DiffOp::Kind::kEqual) continue;
    if (a_tokens != nullptr) {
      if (auto whole = WholeTokens(*a_tokens, op_start, op.a, &from)) {
        AppendContentWords(*a_tokens, whole->first, whole->second, lexicon, &words);
        continue;
      }
    }
    thread_local TokenizedQuote t;
    TokenizeQuoteInto(op.a, &t);
    AppendContentWords(t, 0, t.tokens.size(), lexicon, &words);
  }
  return words;
}

namespace {

// Content words of a match key, counted up to `limit` + 1, when the words counted are
// ASCII (their words are then exactly the space-separated parts; NFKC may put a space inside
// a word only past ASCII): nothing when a word that is not ASCII comes first. More content
// words than a name has are answered from the first ones, wherever the key leaves ASCII.
std::optional<size_t> ContentWordsOfAsciiKey(std::string_view key, const EvidenceLexicon& lexicon,
                                             size_t limit) {
  size_t content = 0;
  for (size_t start = 0; start < key.size() && content <= limit;) {
    size_t end = key.find(' ', start);
    if (end == std::string_view::npos) end = key.size();
    for (size_t i = start; i < end; ++i) {
      if (static_cast<unsigned char>(key[i]) >= 0x80) return std::nullopt;
    }
    if (!lexicon.IsStopWord(key.substr(start, end - start))) ++content;
    start = end + 1;
  }
  return content;
}

}  // namespace

namespace {

// Whether an ASCII key has more content words than a name has (ContentWordsOfAsciiKey).
bool TooManyWordsForName(std::string_view key, const EvidenceLexicon& lexicon) {
  if (key.empty()) return false;
  std::optional<size_t> content = ContentWordsOfAsciiKey(key, lexicon, kMaxTitleWords);
  return content && *content > kMaxTitleWords;
}

}  // namespace

bool ReadsAsName(const TokenizedQuote& t, const EvidenceLexicon& lexicon, std::string_view key) {
  if (TooManyWordsForName(key, lexicon)) return false;
  size_t content = 0;
  for (const QuoteToken& token : t.tokens) {
    if (!token.word() || lexicon.IsStopWord(t.Key(token), token.hash)) continue;
    if ((token.flags & kTokenCapitalized) == 0 && (token.flags & kTokenNumber) == 0) return false;
    ++content;
  }
  return content >= 2 && content <= kMaxTitleWords;
}

bool ReadsAsName(std::string_view text, const EvidenceLexicon& lexicon, std::string_view key) {
  if (TooManyWordsForName(key, lexicon)) return false;
  thread_local TokenizedQuote t;
  TokenizeQuoteInto(text, &t);
  return ReadsAsName(t, lexicon);
}

bool ChangesWording(const QuoteDiff& diff, const EvidenceLexicon& lexicon) {
  const auto& ops = diff.ops;
  // Words only one side quotes before the first or after the last shared word are a longer
  // excerpt, not a change.
  auto has_word = [](std::string_view s) { return HasWord(s); };
  size_t first = ops.size(), last = 0;
  for (size_t i = 0; i < ops.size(); ++i) {
    if (ops[i].kind == DiffOp::Kind::kEqual && has_word(ops[i].a)) {
      first = std::min(first, i);
      last = i;
    }
  }
  if (first == ops.size()) return true;  // nothing shared: all of it differs
  for (size_t i = 0; i < ops.size();) {
    if (ops[i].kind == DiffOp::Kind::kEqual) {
      ++i;
      continue;
    }
    // One change: the run of non-equal steps.
    std::string a, b;
    const size_t start = i;
    for (; i < ops.size() && ops[i].kind != DiffOp::Kind::kEqual; ++i) {
      a.append(ops[i].a).push_back(' ');
      b.append(ops[i].b).push_back(' ');
    }
    const bool at_edge = start < first || start > last;
    if (at_edge && (!has_word(a) || !has_word(b))) continue;
    if (IsEditorial(a) || IsEditorial(b)) continue;        // [Trump] for "he", [him]
    if (IsEllipsisOnly(a) || IsEllipsisOnly(b)) continue;  // marked omission
    const std::vector<std::string> a_words = WithoutFillers(StandardWordList(a, lexicon), lexicon);
    const std::vector<std::string> b_words = WithoutFillers(StandardWordList(b, lexicon), lexicon);
    if (RunTogether(a_words) == RunTogether(b_words)) continue;
    // A restart one side prints and the other leaves out: the words of the equal parts
    // around the change (either side's: they are equal).
    if (a_words.empty() || b_words.empty()) {
      const std::vector<std::string> before =
          start > 0 ? StandardWordList(ops[start - 1].a, lexicon) : std::vector<std::string>{};
      const std::vector<std::string> after =
          i < ops.size() ? StandardWordList(ops[i].a, lexicon) : std::vector<std::string>{};
      if (RepeatsNeighbours(a_words.empty() ? b_words : a_words, before, after)) continue;
    }
    return true;
  }
  return false;
}

namespace {

// Whether `text` may open a nested quotation: it holds a ‘ or “, a '"', or a '\'' after
// something other than an ASCII letter or digit (an apostrophe inside a word opens nothing).
// A byte scan that clears most quotations without decoding them.
bool MayOpenNestedQuotation(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') return true;
    if (c == '\'' && (i == 0 || !kAsciiWordChar[static_cast<unsigned char>(text[i - 1]) & 0x7F] ||
                      static_cast<unsigned char>(text[i - 1]) >= 0x80)) {
      return true;
    }
    // ‘ and “ are E2 80 98 and E2 80 9C.
    if (c == '\xE2' && i + 2 < text.size() && text[i + 1] == '\x80' &&
        (text[i + 2] == '\x98' || text[i + 2] == '\x9C')) {
      return true;
    }
  }
  return false;
}

// The first position from `i` on of a byte that may start a quote mark: ' or " or the lead
// byte E2 of ‘ ’ “ ”. Decoding from `i` reaches every such byte (a valid sequence steps
// over continuation bytes only, an invalid one over one byte), and at no other code point
// does the scan below open or close anything.
size_t NextQuoteMarkByte(std::string_view text, size_t i) {
  while (i < text.size() && text[i] != '\'' && text[i] != '"' && text[i] != '\xE2') ++i;
  return i;
}

}  // namespace

bool InsideNestedQuotation(std::string_view outer, std::string_view inner) {
  if (!MayOpenNestedQuotation(outer)) return false;
  // inner's key only once outer is seen to hold a nested quotation (most hold none).
  std::optional<std::string> inner_key;
  // Nested quotation marks of outer: curly pairs, and straight ones at word edges.
  struct Open {
    char32_t close;
    size_t after;
  };
  std::vector<Open> open;
  auto letter_at = [&](size_t pos) {
    return pos < outer.size() && IsWordChar(DecodeAt(outer, pos).cp);
  };
  for (size_t i = NextQuoteMarkByte(outer, 0); i < outer.size(); i = NextQuoteMarkByte(outer, i)) {
    DecodedCodePoint d = DecodeAt(outer, i);
    const size_t next = i + d.size;
    // Decoded only at a straight mark: most characters are none.
    auto after_word = [&] { return i > 0 && IsWordChar(DecodeBefore(outer, i).cp); };
    char32_t close = 0;
    bool closes = false;
    if (d.cp == 0x2018 || d.cp == 0x201C) {
      close = d.cp == 0x2018 ? 0x2019 : 0x201D;
    } else if ((d.cp == U'\'' || d.cp == U'"') && !after_word() && letter_at(next)) {
      close = d.cp;
    }
    if (d.cp == 0x2019 || d.cp == 0x201D || d.cp == U'\'' || d.cp == U'"') {
      closes = !letter_at(next);  // an apostrophe (that’s) is followed by a letter
    }
    if (closes && !open.empty() && open.back().close == d.cp) {
      if (!inner_key) {
        inner_key = " " + MatchKey(inner) + " ";
        if (inner_key->size() <= 2) return false;
      }
      const std::string segment_key =
          " " + MatchKey(outer.substr(open.back().after, i - open.back().after)) + " ";
      if (segment_key.find(*inner_key) != std::string::npos) return true;
      open.pop_back();
    } else if (close != 0) {
      open.push_back({close, next});
    }
    i = next;
  }
  return false;
}

std::vector<uint32_t> CountSpeakersByKey(const CheckResult& result,
                                         const std::vector<std::string>& keys) {
  const size_t n = std::min(result.quotes.size(), keys.size());
  // Each key's speakers by surname (most keys have one: the first apart, the others in a
  // list), reached through the key's number; each quotation's key number (kNone: no key).
  constexpr uint32_t kNone = UINT32_MAX;
  struct Surnames {
    std::string_view first;  // empty until a quotation with a speaker has the key
    std::vector<std::string_view> more;
  };
  std::vector<Surnames> surnames;
  std::vector<uint32_t> number(n, kNone);
  std::unordered_map<std::string_view, uint32_t> numbers;
  numbers.reserve(n);
  for (size_t q = 0; q < n; ++q) {
    if (keys[q].empty()) continue;
    auto [it, inserted] = numbers.try_emplace(keys[q], static_cast<uint32_t>(surnames.size()));
    if (inserted) surnames.emplace_back();
    number[q] = it->second;
    const auto& speaker_key = result.quotes[q].speaker_key;
    if (!speaker_key || speaker_key->empty()) continue;
    // People by surname: "Allsop" and "Corina Allsop" are one speaker here.
    const std::string_view surname =
        std::string_view(*speaker_key).substr(speaker_key->rfind(' ') + 1);
    Surnames& s = surnames[it->second];
    if (s.first.empty()) {
      s.first = surname;
    } else if (s.first != surname &&
               std::find(s.more.begin(), s.more.end(), surname) == s.more.end()) {
      s.more.push_back(surname);
    }
  }
  std::vector<uint32_t> counts(n, 0);
  for (size_t q = 0; q < n; ++q) {
    if (number[q] == kNone) continue;
    const Surnames& s = surnames[number[q]];
    counts[q] = s.first.empty() ? 0 : 1 + static_cast<uint32_t>(s.more.size());
  }
  return counts;
}

size_t NameSide(const CheckResult& result, const Link& link) {
  return result.quotes[link.a].text.size() <= result.quotes[link.b].text.size() ? link.a : link.b;
}

PairEvidence WeighLink(const CheckResult& result, const Link& link, const QuoteDiff& diff,
                       const std::vector<std::string>& keys,
                       const std::vector<uint32_t>& speakers_by_key, const EvidenceLexicon& lexicon,
                       Weigh what, const KnownSides& known) {
  PairEvidence e;
  e.shared_words = SharedContentWords(diff, lexicon, known.a_tokens);
  e.similarity = link.similarity;
  e.changes_wording = ChangesWording(diff, lexicon);
  e.longest_equal_run = LongestEqualRun(diff);
  auto speakers = [&](size_t q) {
    return q < speakers_by_key.size() ? size_t{speakers_by_key[q]} : size_t{0};
  };
  auto name_side_reads_as_name = [&] {
    if (known.name_side_reads_as_name) return *known.name_side_reads_as_name;
    const size_t q = NameSide(result, link);
    return ReadsAsName(result.quotes[q].text, lexicon, keys[q]);
  };
  e.common_phrase = lexicon.IsStockPhrase(keys[link.a]) || lexicon.IsStockPhrase(keys[link.b]) ||
                    name_side_reads_as_name() || speakers(link.a) >= kCommonPhraseSpeakers ||
                    speakers(link.b) >= kCommonPhraseSpeakers;
  if (what == Weigh::kAll) e.nested = SidesNested(result, link);
  return e;
}

bool SidesNested(const CheckResult& result, const Link& link) {
  const std::string& a = result.quotes[link.a].text;
  const std::string& b = result.quotes[link.b].text;
  return InsideNestedQuotation(a, b) || InsideNestedQuotation(b, a);
}

size_t LongestEqualRun(const QuoteDiff& diff) {
  size_t longest = 0;
  for (const DiffOp& op : diff.ops) {
    if (op.kind != DiffOp::Kind::kEqual) continue;
    size_t words = 0;
    bool in_word = false, has_alnum = false;
    for (const char c : op.a) {
      if (c == ' ' || c == '\n' || c == '\t') {
        words += in_word && has_alnum ? 1 : 0;
        in_word = has_alnum = false;
        continue;
      }
      in_word = true;
      const auto u = static_cast<unsigned char>(c);
      has_alnum = has_alnum || u >= 0x80 || std::isalnum(u) != 0;
    }
    words += in_word && has_alnum ? 1 : 0;
    longest = std::max(longest, words);
  }
  return longest;
}

bool SupportsDivergence(const Link& link, const PairEvidence& evidence) {
  return link.relation == Relation::kVariant && evidence.changes_wording &&
         evidence.shared_words.size() >= kMinContentWords && !evidence.common_phrase &&
         evidence.similarity >= kMinDivergenceSimilarity &&
         (evidence.similarity >= kCloseVersionSimilarity ||
          evidence.longest_equal_run >= kMinDivergenceRun);
}

bool SupportsMisattribution(const PairEvidence& evidence) {
  return evidence.shared_words.size() >= kMinMisattributionContentWords &&
         !evidence.common_phrase && !evidence.nested;
}

double FindingConfidence(const PairEvidence& evidence, double attribution) {
  // Three content words give 0.775, six or more 1: each shared content word is more
  // evidence that the two are one utterance, and six leave little doubt.
  constexpr double kWordsBase = 0.55;
  constexpr double kPerContentWord = 0.075;
  // An exact match keeps it; a variant at half its words changed takes an eighth off, one
  // with nothing in common a quarter: the words still came from somewhere.
  constexpr double kClosenessFloor = 0.75;
  const double words = std::min(
      1.0, kWordsBase + kPerContentWord * static_cast<double>(evidence.shared_words.size()));
  const double closeness =
      kClosenessFloor + (1.0 - kClosenessFloor) * std::clamp(evidence.similarity, 0.0, 1.0);
  const double c = words * closeness * std::clamp(attribution, 0.0, 1.0);
  return std::round(c * 100) / 100;
}

}  // namespace quotecheck
