#include "attribute/attributor.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <bitset>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "attribute/match_starts.h"
#include "attribute/rule_regex.h"
#include "attribute/sentence_tail.h"
#include "attribute/speaker_names.h"
#include "attribute/speaker_split.h"
#include "attribute/token_classes.h"
#include "core/byte_scan.h"
#include "core/code_point.h"
#include "core/hash.h"
#include "core/title_case.h"

namespace quotecheck {
namespace {

constexpr size_t kBeforeWindow = 400;  // bytes read before an opening mark
constexpr size_t kAfterWindow = 250;   // bytes read after a closing mark
// Most line feeds between a quotation that ends its line and a signature line ("“…”\n\n-
// Ada Quell."): one blank line; a signature further down belongs to something else.
constexpr int kSignatureBlankLines = 2;
constexpr size_t kMaxGap = 140;  // longest attribution that interrupts a quotation
// Most words of a title quoted in passing before an attribution ("on “Morning Joe,” co-host
// Mika Brzezinski asked"): the longest show and film names in the news are of about six words.
constexpr size_t kMaxTitleInPassingWords = 6;
// An inherited speaker (a quotation with no cue of its own takes the one before's) is less
// sure than the one it comes from: the quotation may be someone else's reply.
constexpr double kInheritedConfidenceShare = 0.85;
// Confidences are reported to three decimals (kConfidenceScale), as in the output contract.
constexpr double kConfidenceScale = 1000;

struct CompiledRule {
  const AttributionRule* rule;
  const RuleRegex* program;  // compiled on first use when the rule set says so
};

// One side's window of a quotation as tokens, classified once for every token rule of
// that side: the tokens and their symbols.
struct TokenWindow {
  bool ready = false;
  ByteSpan span;
  SymbolWindow w;
  std::bitset<256> present;  // the symbols of w (MatchNeeds::Present)
};

// Index of the paragraph holding each quotation's opening mark. Each line is a
// paragraph; blank lines between them do not count.
std::vector<size_t> ParagraphIndexes(std::string_view text, const std::vector<Quote>& quotes) {
  std::vector<size_t> out;
  out.reserve(quotes.size());
  size_t pos = 0, para = 0;
  for (const Quote& q : quotes) {
    const char* p = text.data() + pos;
    const char* end = text.data() + q.open_mark;
    while (p < end) {
      const void* nl = std::memchr(p, '\n', end - p);
      if (nl == nullptr) break;
      p = static_cast<const char*>(nl) + 1;
      while (p < end && (*p == '\n' || *p == '\r' || *p == ' ' || *p == '\t')) ++p;
      ++para;
    }
    pos = q.open_mark;
    out.push_back(para);
  }
  return out;
}

// Whether the words between a speaker and a cue show that the cue has another subject:
// "… reached an understanding on Ukraine and warned …" (the "speaker" is the last word of
// an object). An appositive (", a historian who …,") or a verb ("laughed and said") is fine.
bool CoordinatedBetween(std::string_view between) {
  size_t i = 0;
  while (i < between.size() && (between[i] == ' ' || between[i] == '\t')) ++i;
  std::string_view rest = between.substr(i);
  static constexpr std::string_view kWords[] = {"and ",  "but ",   "or ",     "while ",  "as ",
                                                "when ", "after ", "before ", "because "};
  for (std::string_view w : kWords) {
    if (rest.substr(0, w.size()) == w) return true;
  }
  return false;
}

// Words (runs of characters other than spaces and tabs) in `s`.
size_t CountWords(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// How a quotation ends, for the after-rules.
struct QuoteEnd {
  char32_t last = 0;            // its last character before the closing mark (spaces skipped)
  bool window_to_next = false;  // the after-window ends at the next quotation's opening mark
};

// Longest adjunct that may follow the cue of an after-attribution when the quotation ends
// with a full stop: “… over.” Ada Quell said on Monday in Brussels. A longer sentence is a
// statement of its own (“… over.” He said he had called the mayor and the port authority.)
constexpr size_t kMaxAdjunctWordsAfterFullStop = 6;

// Most words between the cue and the comma or colon of an attribution that introduces the
// next quotation: “… over.” He added, “…” / Ada Quell then wrote back: “…”. More words are
// a clause that goes on (“Out!” she wrote, arguing that the port …, “…”).
constexpr size_t kMaxWordsIntroducingNext = 3;

// Whether an after-attribution belongs to what follows rather than to the quotation before
// it: after a quotation that ends its sentence, “He added, “…” or “Ada Quell said: “…”
// introduces the next quotation, and “He said that …” or a long sentence is reported speech
// of its own. `cue_end` is where the matched cue ends; the after-window ends at `window_end`.
bool AttributesWhatFollows(std::string_view text, size_t cue_end, size_t window_end,
                           const QuoteEnd& quote_end, const SpeakerNames& names) {
  char32_t last = quote_end.last;
  if (last != '.' && last != '!' && last != '?' && last != U'…') return false;
  std::string_view rest = text.substr(cue_end, window_end - cue_end);
  size_t sentence_end = rest.size();
  for (size_t i = 0; i < rest.size(); ++i) {
    if (names.EndsSentenceAt(rest, i)) {
      sentence_end = i;
      break;
    }
  }
  std::string_view sentence = rest.substr(0, sentence_end);
  std::vector<std::string_view> words;
  for (size_t i = 0; i < sentence.size();) {
    while (i < sentence.size() && (sentence[i] == ' ' || sentence[i] == '\t')) ++i;
    size_t start = i;
    while (i < sentence.size() && sentence[i] != ' ' && sentence[i] != '\t') ++i;
    if (i > start) words.push_back(sentence.substr(start, i - start));
  }
  if (sentence_end == rest.size() && quote_end.window_to_next && !words.empty() &&
      (words.back().back() == ',' || words.back().back() == ':') &&
      words.size() <= kMaxWordsIntroducingNext) {
    return true;
  }
  // After a question or an exclamation only a clause right after the cue: “Why?” she asked,
  // adding that … is hers; “What is the worst place?” Tamm joked that his kitchen was is a
  // question put to Tamm, and his answer.
  if (last != '.') {
    std::string_view first = words.empty() ? std::string_view() : words.front();
    while (!first.empty() && (first.back() == ',' || first.back() == ':')) first.remove_suffix(1);
    return first == "that";
  }
  static const std::unordered_set<std::string_view> kClauseStarts = {
      "that", "he", "she", "they", "it", "I", "we", "his", "her", "their", "its"};
  for (size_t k = 0; k < words.size(); ++k) {
    std::string_view word = words[k];
    while (!word.empty() && (word.back() == ',' || word.back() == ':')) word.remove_suffix(1);
    if ((k == 0 && kClauseStarts.count(word)) || word == "that") return true;
  }
  return words.size() > kMaxAdjunctWordsAfterFullStop;
}

}  // namespace

struct Attributor::Impl {
  const RuleSet* rules;
  std::vector<CompiledRule> ordered;  // by priority, then confidence, highest first
  SpeakerNames names;

  explicit Impl(const RuleSet* r) : rules(r), names(*r) {
    for (const AttributionRule& rule : rules->rules) {
      if (rule.program) ordered.push_back({&rule, rule.program.get()});
    }
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const CompiledRule& a, const CompiledRule& b) {
                       if (a.rule->priority != b.rule->priority)
                         return a.rule->priority > b.rule->priority;
                       return a.rule->confidence > b.rule->confidence;
                     });
  }

  // Submatch extraction is the costly part of a match, and attributions repeat ("he said",
  // "said the official"): each thread remembers the groups of the matched texts it has
  // seen, per rule. Bounded: cleared when full.
  struct GroupMemo {
    const Impl* owner = nullptr;
    std::unordered_map<std::string, GroupOffsets> offsets;
    std::string key, head_key;  // reused buffers
    std::vector<re2::StringPiece> groups;
  };
  static constexpr size_t kMemoEntries = 1 << 16;

  // The memo's key for rule `rule_index`'s match `matched`, a span of `context`: what a
  // match's groups are depends on the matched text and, for ^ and $, on whether it starts or
  // ends `context`. A SentenceTail's head match (`head`) is remembered apart.
  static void MemoKey(size_t rule_index, re2::StringPiece context, re2::StringPiece matched,
                      bool head, std::string* key) {
    const size_t start = static_cast<size_t>(matched.data() - context.data());
    const size_t end = start + matched.size();
    const char edges =
        static_cast<char>((start == 0 ? 1 : 0) | (end == context.size() ? 2 : 0) | (head ? 4 : 0));
    key->assign(reinterpret_cast<const char*>(&rule_index), sizeof rule_index);
    key->push_back(edges);
    key->append(matched.data(), matched.size());
  }

  // The groups of `regex`'s match `matched` of `context`, found by the same search over just
  // that span (it finds the same match, now with its groups; RE2 itself finds a search's
  // groups by a second, full match of the span its DFA found, so this costs no second DFA).
  static GroupOffsets MatchGroups(const RuleGroups& groups, const RE2& regex,
                                  re2::StringPiece context, re2::StringPiece matched,
                                  RE2::Anchor anchor, GroupMemo* memo) {
    const size_t start = static_cast<size_t>(matched.data() - context.data());
    GroupOffsets out;
    memo->groups.assign(groups.count + 1, re2::StringPiece());
    if (regex.Match(context, start, start + matched.size(), anchor, memo->groups.data(),
                    static_cast<int>(memo->groups.size()))) {
      auto rel = [&](int g, int32_t* from, int32_t* to) {
        if (g < 0 || memo->groups[g].data() == nullptr) return;
        *from = static_cast<int32_t>(memo->groups[g].data() - matched.data());
        *to = *from + static_cast<int32_t>(memo->groups[g].size());
      };
      rel(groups.speaker, &out.speaker_start, &out.speaker_end);
      rel(groups.cue, &out.cue_start, &out.cue_end);
      rel(groups.words, &out.words_start, &out.words_end);
    }
    return out;
  }

  // The groups of rule `cr`'s match `matched`, a span of `context` that a search of `regex`
  // (the rule's program) anchored with `anchor` found: from the memo, else from the match
  // itself. A rule that takes the rest of the sentence (`tail`, sentence_tail.h) has the
  // groups of its head's part when its SentenceTail says so: the head's part repeats where
  // the whole match does not, so they come from the memo under the head's key, or from the
  // head's match over that part alone. A match not in the memo has the groups of its rule's
  // (or head's) SpeakerSplit where that gives them (speaker_split.h), else RE2's own.
  GroupOffsets Groups(const CompiledRule& cr, const RE2& regex, const SentenceTail* tail,
                      size_t rule_index, re2::StringPiece context, re2::StringPiece matched,
                      RE2::Anchor anchor) const {
    thread_local GroupMemo memo;
    if (memo.owner != this || memo.offsets.size() >= kMemoEntries) {
      memo.offsets.clear();
      memo.owner = this;
    }
    MemoKey(rule_index, context, matched, false, &memo.key);
    auto it = memo.offsets.find(memo.key);
    if (it != memo.offsets.end()) return it->second;
    const RuleGroups& groups = cr.program->groups();
    const size_t start = static_cast<size_t>(matched.data() - context.data());
    const std::string_view symbols(context.data(), context.size());
    const size_t end = start + matched.size();
    std::string_view head;
    GroupOffsets out;
    // The head's first parse from its split, where the tail takes the rest: the head's
    // groups with no search of the head's own program.
    const SpeakerSplit* head_split = tail != nullptr ? cr.rule->head_split.get() : nullptr;
    size_t head_end;
    if (head_split != nullptr && head_split->FirstParse(symbols, start, &head_end, &out) &&
        tail->TailMatches(symbols, head_end, end)) {
      memo.offsets.emplace(memo.key, out);
      return out;
    }
    if (tail != nullptr && tail->HeadMatch(symbols, start, end, &head)) {
      const re2::StringPiece head_match(head.data(), head.size());
      MemoKey(rule_index, context, head_match, true, &memo.head_key);
      auto head_it = memo.offsets.find(memo.head_key);
      if (head_it != memo.offsets.end()) {
        out = head_it->second;
      } else {
        out = MatchGroups(groups, tail->head(), context, head_match, RE2::ANCHOR_START, &memo);
        memo.offsets.emplace(memo.head_key, out);
      }
    } else {
      const SpeakerSplit* split = cr.rule->speaker_split.get();
      if (split == nullptr || !split->Groups(symbols, start, end, &out)) {
        out = MatchGroups(groups, regex, context, matched, anchor, &memo);
      }
    }
    memo.offsets.emplace(memo.key, out);
    return out;
  }

  // Where a rule matched text[from, end): the start of the matched text and its groups,
  // as offsets into the text.
  struct Found {
    size_t base = 0;
    ByteSpan speaker, cue, words;
    bool has_cue = false;
    bool has_words = false;
  };

  // A character rule: the window alone is the input, so that ^ and $ anchor at its ends. The
  // DFA finds the matched text; the groups come from the memo or from a match on that text.
  bool FindChars(const CompiledRule& cr, size_t rule_index, std::string_view text, size_t from,
                 size_t end, Found* found) const {
    re2::StringPiece input(text.data() + from, end - from);
    RE2::Anchor anchor = cr.rule->side == RuleSide::kAfter ? RE2::ANCHOR_START : RE2::UNANCHORED;
    re2::StringPiece matched;
    const RE2* regex = cr.program->regex();
    if (regex == nullptr || !regex->Match(input, 0, input.size(), anchor, &matched, 1)) {
      return false;
    }
    GroupOffsets g = Groups(cr, *regex, nullptr, rule_index, matched, matched, RE2::ANCHOR_BOTH);
    if (g.speaker_start < 0) return false;
    found->base = static_cast<size_t>(matched.data() - text.data());
    found->speaker = {found->base + g.speaker_start, found->base + g.speaker_end};
    found->has_cue = g.cue_start >= 0;
    if (found->has_cue) found->cue = {found->base + g.cue_start, found->base + g.cue_end};
    found->has_words = g.words_start >= 0;
    if (found->has_words) {
      found->words = {found->base + g.words_start, found->base + g.words_end};
    }
    return true;
  }

  // A token rule: its regex runs over the symbols of text[from, end) (`tw` when it holds
  // that window, else a fresh tokenisation); the DFA finds the matched symbols, the groups
  // come from the memo (symbol strings repeat far more than texts: "Ms. Quell said" and
  // "Mr. Tamm said" are one) or from a match on them, and map back from symbols to bytes.
  bool FindTokens(const CompiledRule& cr, size_t rule_index, std::string_view text, size_t from,
                  size_t end, const TokenWindow& tw, Found* found) const {
    thread_local TokenWindow fresh;
    const SymbolWindow* w = &tw.w;
    if (!(tw.ready && tw.span.start == from && tw.span.end == end)) {
      fresh.ready = true;
      fresh.span = {from, end};
      rules->token_classes->Classify(text, from, end, &fresh.w);
      fresh.present = MatchNeeds::Present(fresh.w.symbols);
      w = &fresh.w;
    }
    const std::bitset<256>& present = w == &tw.w ? tw.present : fresh.present;
    RE2::Anchor anchor = cr.rule->side == RuleSide::kAfter ? RE2::ANCHOR_START : RE2::UNANCHORED;
    re2::StringPiece symbols(w->symbols), matched;
    const RE2* regex = cr.program->regex();
    if (regex == nullptr) return false;
    const MatchNeeds* needs = cr.rule->match_needs.get();
    if (needs != nullptr && !needs->CanMatchIn(present)) return false;
    const MatchEnds* ends = cr.rule->match_ends.get();
    if (ends != nullptr && anchor == RE2::UNANCHORED && !ends->CanEnd(w->symbols)) return false;
    const MatchBegins* begins = cr.rule->match_begins.get();
    if (begins != nullptr && anchor == RE2::ANCHOR_START && !begins->CanBegin(w->symbols)) {
      return false;
    }
    const MatchStarts* starts = cr.rule->match_starts.get();
    if (starts != nullptr && anchor == RE2::UNANCHORED
            ? !starts->Search(*regex, symbols, &matched)
            : !regex->Match(symbols, 0, symbols.size(), anchor, &matched, 1)) {
      return false;
    }
    GroupOffsets g =
        Groups(cr, *regex, cr.rule->sentence_tail.get(), rule_index, symbols, matched, anchor);
    if (g.speaker_start < 0) return false;
    const size_t base = static_cast<size_t>(matched.data() - symbols.data());
    auto span_of = [&](int32_t start, int32_t stop) {
      return w->TextSpan(base + start, base + stop, end);
    };
    found->base = w->TextSpan(base, base + matched.size(), end).start;
    found->speaker = span_of(g.speaker_start, g.speaker_end);
    found->has_cue = g.cue_start >= 0;
    if (found->has_cue) found->cue = span_of(g.cue_start, g.cue_end);
    found->has_words = g.words_start >= 0;
    if (found->has_words) found->words = span_of(g.words_start, g.words_end);
    return true;
  }

  // Runs one rule on a window; fills `match` and returns true when it matched with a
  // plausible speaker. Before-side rules retry past a rejected speaker.
  bool Run(const CompiledRule& cr, size_t rule_index, std::string_view text, ByteSpan window,
           const QuoteEnd& quote_end, const TokenWindow& tw, Match* match) const {
    size_t from = window.start;
    for (int attempt = 0; attempt < 4 && from < window.end; ++attempt) {
      Found f;
      const bool hit = cr.rule->on_tokens
                           ? FindTokens(cr, rule_index, text, from, window.end, tw, &f)
                           : FindChars(cr, rule_index, text, from, window.end, &f);
      if (!hit) return false;
      const size_t base = f.base;
      ByteSpan raw_speaker = f.speaker;
      ByteSpan speaker = names.StripNonNameLead(text, raw_speaker);
      ByteSpan cue;
      if (f.has_cue) cue = f.cue;
      if (!speaker.empty() && !cue.empty() && cr.rule->side == RuleSide::kBefore &&
          cue.start >= raw_speaker.end &&
          CoordinatedBetween(text.substr(raw_speaker.end, cue.start - raw_speaker.end))) {
        speaker = {};
      }
      if (!speaker.empty() && names.SpokenTo(text, window.start, speaker, cue)) speaker = {};
      // A speaker that is an object ("planned with Trump, adding:") is no clause's subject.
      if (!speaker.empty() && cr.rule->subject != SubjectCheck::kNone &&
          names.ObjectPosition(text, window.start, speaker, cue,
                               cr.rule->subject == SubjectCheck::kPossessor)) {
        speaker = {};
      }
      // "At one point, a woman asked for a photo and Clinton said, “…”": Clinton's words.
      if (!speaker.empty() && cr.rule->subject == SubjectCheck::kClause && !cue.empty() &&
          names.AnotherSpeakerJoined(text, cue.end, window.end)) {
        speaker = {};
      }
      // "When Wallace died in 1998, President Clinton released the following statement:"
      if (!speaker.empty() && cr.rule->subject == SubjectCheck::kClause &&
          names.SubordinateSubject(text, window.start, speaker, window.end)) {
        speaker = {};
      }
      // A phrase token is one token of the pattern's bound but several words of the text.
      if (!speaker.empty() && cr.rule->max_words >= 0 && f.has_words &&
          CountWords(f.words.in(text)) > static_cast<size_t>(cr.rule->max_words)) {
        speaker = {};
      }
      // A weak rule starts at a sentence start; "Mr." is none ("… adviser to Mr. Trump who
      // …, dismissed it as “…”").
      // A weak rule's "it" is no speaker: "It is strange that Trump would denounce “…”", "It
      // has not helped that her campaign has cycled through … “everyday Americans”".
      if (!speaker.empty() && cr.rule->id.rfind("weak/", 0) == 0 &&
          (speaker.in(text) == "It" || speaker.in(text) == "it")) {
        speaker = {};
      }
      if (!speaker.empty() && cr.rule->id.rfind("weak/", 0) == 0 && text[base] == '.' &&
          !names.EndsSentenceAt(text, base) &&
          text.substr(base, speaker.start - base).find('\n') == std::string_view::npos) {
        speaker = {};
      }
      if (!speaker.empty() && cr.rule->side == RuleSide::kAfter && !cue.empty() &&
          AttributesWhatFollows(text, cue.end, window.end, quote_end, names)) {
        return false;
      }
      if (!speaker.empty()) {
        match->rule = cr.rule;
        match->speaker = speaker;
        match->cue = cue;
        return true;
      }
      if (cr.rule->side == RuleSide::kAfter) return false;
      // Search again past the rejected speaker.
      from = std::max(base + 1, raw_speaker.end);
      while (from < window.end && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) ++from;
    }
    return false;
  }

  // The best rule's match: the highest priority, then the highest confidence, then the
  // first in file order. `ordered` is sorted that way, so the first rule that matches is
  // the best and no later rule needs to run.
  Match MatchRules(std::string_view text, size_t window_start, size_t open_mark,
                   size_t close_mark_end, size_t window_end, const QuoteEnd& quote_end) const {
    thread_local TokenWindow token_windows[2];
    for (TokenWindow& tw : token_windows) tw.ready = false;
    for (size_t index = 0; index < ordered.size(); ++index) {
      const CompiledRule& cr = ordered[index];
      ByteSpan window = cr.rule->side == RuleSide::kAfter ? ByteSpan{close_mark_end, window_end}
                                                          : ByteSpan{window_start, open_mark};
      if (window.empty()) continue;
      TokenWindow& tw = token_windows[static_cast<int>(cr.rule->side)];
      if (cr.rule->on_tokens && !tw.ready) {
        tw.ready = true;
        tw.span = window;
        rules->token_classes->Classify(text, window.start, window.end, &tw.w);
        tw.present = MatchNeeds::Present(tw.w.symbols);
      }
      Match m;
      if (Run(cr, index, text, window, quote_end, tw, &m)) return m;
    }
    return Match();
  }
};

Attributor::Attributor(const RuleSet* rules) : impl_(std::make_unique<Impl>(rules)) {}
Attributor::~Attributor() = default;
Attributor::Attributor(Attributor&&) noexcept = default;

const std::vector<std::string>& Attributor::Lexicon(const std::string& name) const {
  static const std::vector<std::string> kEmpty;
  auto it = impl_->rules->lexicons.find(name);
  return it == impl_->rules->lexicons.end() ? kEmpty : it->second;
}

namespace {

// The last character of a quoted span, past trailing spaces and inner closing marks.
char32_t LastCharOf(std::string_view text, ByteSpan span) {
  size_t end = span.end;
  while (end > span.start) {
    DecodedCodePoint c = DecodeBefore(text, end);
    if (!IsSpace(c.cp) && c.cp != '\'' && c.cp != U'’' && c.cp != '"' && c.cp != U'”') {
      return c.cp;
    }
    end -= c.size;
  }
  return 0;
}

// Where the after-window starts: past one single closing mark left right after the
// quotation's closing mark, as when a quotation ends with a quotation inside it and the
// marks run together (the NYT's ''… 'a special case,''' Mr. Putin said.).
size_t PastInnerClosingMark(std::string_view text, size_t close_mark_end, size_t next_open) {
  for (std::string_view mark : {std::string_view("'"), std::string_view("’")}) {
    if (close_mark_end + mark.size() <= next_open &&
        text.substr(close_mark_end, mark.size()) == mark) {
      return close_mark_end + mark.size();
    }
  }
  return close_mark_end;
}

// Whether `text` at `pos` starts with a dash that may open a signature line: a hyphen, an en,
// em or horizontal-bar dash.
bool StartsWithDash(std::string_view text, size_t pos) {
  for (std::string_view dash : {"-", "–", "—", "―"}) {
    if (text.substr(pos, dash.size()) == dash) return true;
  }
  return false;
}

// The after-window: up to the next quotation, the end of the line, or kAfterWindow bytes.
// A quotation that is a line of its own (opening at `open_mark`) may be signed on the next
// line that is not blank ("“…”\n\n- Ada Quell."): when that line starts with a dash, the
// window takes it in too. A quotation inside a line of prose is not signed so: a dash line
// after it is the credit of the whole piece ("… called him “my friend.”\n\n- Reuters.").
size_t AfterWindowEnd(std::string_view text, size_t open_mark, size_t from, size_t next_open) {
  size_t limit = std::min({next_open, text.size(), from + kAfterWindow});
  const void* nl = std::memchr(text.data() + from, '\n', limit - from);
  if (nl == nullptr) return limit;
  const size_t line_end = static_cast<size_t>(static_cast<const char*>(nl) - text.data());
  if (text.substr(from, line_end - from).find_first_not_of(" \t\r") != std::string_view::npos) {
    return line_end;
  }
  const size_t line_start = text.rfind('\n', open_mark == 0 ? 0 : open_mark - 1);
  const size_t first = line_start == std::string_view::npos ? 0 : line_start + 1;
  if (text.substr(first, open_mark - first).find_first_not_of(" \t") != std::string_view::npos) {
    return line_end;
  }
  size_t next = line_end;
  for (int feeds = 0; next < limit && feeds <= kSignatureBlankLines;) {
    if (text[next] == '\n') {
      ++feeds;
    } else if (text[next] != ' ' && text[next] != '\t' && text[next] != '\r') {
      break;
    }
    ++next;
  }
  if (next >= limit || !StartsWithDash(text, next)) return line_end;
  const void* sig_end = std::memchr(text.data() + next, '\n', limit - next);
  return sig_end == nullptr ? limit
                            : static_cast<size_t>(static_cast<const char*>(sig_end) - text.data());
}

// `text` with every no-break, thin or other fixed-width space (U+00A0, U+2000–U+200A, U+202F,
// U+205F, U+3000) replaced by as many ASCII spaces as it has bytes, so that the patterns'
// [ \t] and the name splitting see one space ("told\u00a0Reuters") and every offset stays the
// same. Returns `text` itself when it has none; else fills and returns `*storage`.
std::string_view WithPlainSpaces(std::string_view text, std::string* storage) {
  auto wide_space = [](std::string_view t, size_t i) -> size_t {
    unsigned char c = static_cast<unsigned char>(t[i]);
    if (c == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xA0) return 2;
    if ((c == 0xE2 || c == 0xE3) && i + 2 < t.size()) {
      char32_t cp = DecodeAt(t, i).cp;
      if ((cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000) return 3;
    }
    return 0;
  };
  // Such a space starts with the byte 0xC2, 0xE2 or 0xE3, which most bytes of any text are
  // not: only those are looked at.
  static constexpr std::array<unsigned char, 3> kLeadBytes = {0xC2, 0xE2, 0xE3};
  size_t i = FindFirstOfBytes(text, 0, kLeadBytes);
  while (i < text.size() && wide_space(text, i) == 0) i = FindFirstOfBytes(text, i + 1, kLeadBytes);
  if (i == text.size()) return text;
  storage->assign(text);
  while (i < storage->size()) {
    if (const size_t n = wide_space(*storage, i)) {
      storage->replace(i, n, n, ' ');
      i += n;
    } else {
      ++i;
    }
    i = FindFirstOfBytes(*storage, i, kLeadBytes);
  }
  return *storage;
}

// Whether the text between two quotations is an attribution that interrupts one sentence:
// “A,” she said, “B.” (no sentence end in the gap, and it ends with a comma or colon).
bool InterruptsOneSentence(std::string_view text, const Quote& a, const Quote& b,
                           const SpeakerNames& names) {
  if (b.open_mark < a.close_mark_end || b.open_mark - a.close_mark_end > kMaxGap) return false;
  std::string_view gap = text.substr(a.close_mark_end, b.open_mark - a.close_mark_end);
  if (gap.find('\n') != std::string_view::npos || gap.find('\r') != std::string_view::npos) {
    return false;
  }
  // The first part must not end a sentence: “A,” or “A” but not “A.”
  ByteSpan first = a.spans.back();
  size_t last = first.end;
  while (last > first.start && IsSpace(DecodeBefore(text, last).cp))
    last -= DecodeBefore(text, last).size;
  char32_t end_char = DecodeBefore(text, last).cp;
  if (end_char == '.' || end_char == '!' || end_char == '?') return false;
  size_t g = gap.size();
  while (g > 0 && (gap[g - 1] == ' ' || gap[g - 1] == '\t')) --g;
  if (g == 0 || (gap[g - 1] != ',' && gap[g - 1] != ':')) return false;
  return !names.EndsSentence(gap.substr(0, g - 1));
}

// Whether `q` is the name of a show or a work quoted in passing right before an attribution
// of the words that follow it: “…,” Sanders questioned Mr. Trump's veracity on “This Week,”
// … — "Later on ''This Week,'' Senator Bernie Sanders questioned …", "on “Morning Joe,”
// co-host Mika Brzezinski asked": one to six words in title case ending with a comma, right
// after a preposition. Its after-rule's speaker is not its speaker.
bool TitleInPassing(std::string_view text, const Quote& q) {
  if (q.spans.size() != 1) return false;
  std::string_view inside = q.spans[0].in(text);
  while (!inside.empty() && IsSpace(DecodeBefore(inside, inside.size()).cp)) {
    inside.remove_suffix(DecodeBefore(inside, inside.size()).size);
  }
  if (inside.empty() || inside.back() != ',') return false;
  inside.remove_suffix(1);
  size_t words = 0;
  bool capitalised = false;
  for (size_t i = 0; i < inside.size();) {
    while (i < inside.size() && (inside[i] == ' ' || inside[i] == '\t')) ++i;
    if (i == inside.size()) break;
    size_t j = i;
    while (j < inside.size() && inside[j] != ' ' && inside[j] != '\t') ++j;
    const TitleCaseWord kind = ClassifyTitleCaseWord(inside.substr(i, j - i));
    if (kind == TitleCaseWord::kLower || (words == 0 && kind != TitleCaseWord::kCapitalised)) {
      return false;
    }
    capitalised = capitalised || kind == TitleCaseWord::kCapitalised;
    ++words;
    i = j;
  }
  if (words == 0 || words > kMaxTitleInPassingWords || !capitalised) return false;
  // The word before the opening mark.
  size_t end = q.open_mark;
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  size_t start = end;
  while (start > 0 && IsWordChar(DecodeBefore(text, start).cp)) {
    start -= DecodeBefore(text, start).size;
  }
  static constexpr std::string_view kPrepositions[] = {"on",   "of",   "in",  "at",    "to",
                                                       "from", "with", "for", "about", "into"};
  const std::string_view before = text.substr(start, end - start);
  for (std::string_view p : kPrepositions) {
    if (before == p) return true;
  }
  return false;
}

}  // namespace

void Attributor::Attribute(std::string_view original, std::vector<Quote>& quotes) const {
  const Impl& impl = *impl_;
  // Rules and names read the text with plain spaces; mentions and cues are cut from the
  // original (the offsets are the same).
  std::string plain;
  const std::string_view text = WithPlainSpaces(original, &plain);
  // 1. Rules on the windows around each quotation.
  std::vector<Match> matches(quotes.size());
  for (size_t i = 0; i < quotes.size(); ++i) {
    const Quote& q = quotes[i];
    size_t prev_close = i > 0 ? quotes[i - 1].close_mark_end : 0;
    size_t window_start =
        std::max(prev_close, q.open_mark > kBeforeWindow ? q.open_mark - kBeforeWindow : 0);
    size_t next_open = i + 1 < quotes.size() ? quotes[i + 1].open_mark : text.size();
    size_t after_start = PastInnerClosingMark(text, q.close_mark_end, next_open);
    size_t window_end = AfterWindowEnd(text, q.open_mark, after_start, next_open);
    QuoteEnd quote_end{LastCharOf(text, q.spans.back()), window_end == next_open};
    matches[i] =
        impl.MatchRules(text, window_start, q.open_mark, after_start, window_end, quote_end);
    if (matches[i].rule != nullptr && matches[i].rule->side == RuleSide::kAfter &&
        TitleInPassing(text, q)) {
      matches[i] = Match();
    }
  }

  // 2. Join interrupted quotations: the first part's after-rule names the speaker and the
  // sentence goes on in the second part.
  std::vector<Quote> joined;
  std::vector<Match> joined_matches;
  joined.reserve(quotes.size());
  for (size_t i = 0; i < quotes.size(); ++i) {
    if (!joined.empty() && joined_matches.back().rule != nullptr &&
        joined_matches.back().rule->side == RuleSide::kAfter &&
        joined_matches.back().speaker.end <= quotes[i].open_mark &&
        joined_matches.back().speaker.start >= joined.back().close_mark_end &&
        (matches[i].rule == nullptr || matches[i].rule->side == RuleSide::kBefore) &&
        InterruptsOneSentence(text, joined.back(), quotes[i], impl.names)) {
      Quote& a = joined.back();
      a.spans.insert(a.spans.end(), quotes[i].spans.begin(), quotes[i].spans.end());
      a.close_mark_end = quotes[i].close_mark_end;
      continue;
    }
    joined.push_back(std::move(quotes[i]));
    joined_matches.push_back(matches[i]);
  }
  quotes = std::move(joined);
  matches = std::move(joined_matches);

  // 3. Speakers: canonical names, pronouns and roles resolved, inheritance.
  std::vector<size_t> paragraphs = ParagraphIndexes(text, quotes);
  SpeakerNames::DocumentNames doc_names(text, quotes);
  // Whether each canonical speaker can speak, asked once a document: speakers recur.
  std::unordered_map<std::string, bool, WordHash, std::equal_to<>> can_speak;
  // For a quotation that did not inherit because its own sentence may name someone else (a
  // title or a phrase quoted in passing), the quotation it would have inherited from: the
  // next one may still inherit from that one past it.
  constexpr size_t kNone = static_cast<size_t>(-1);
  std::vector<size_t> passed_over(quotes.size(), kNone);
  for (size_t i = 0; i < quotes.size(); ++i) {
    Quote& q = quotes[i];
    const Match& m = matches[i];
    if (m.rule != nullptr) {
      q.speaker_mention = TextRef{m.speaker, std::string(m.speaker.in(original))};
      if (!m.cue.empty()) q.cue = TextRef{m.cue, std::string(m.cue.in(original))};
      q.rule = m.rule->id;
      q.confidence = m.rule->confidence;
      SpeakerNames::Resolution r = impl.names.Resolve(text, m.speaker, q.open_mark, &doc_names);
      if (r.canonical) {
        auto [known, fresh] = can_speak.try_emplace(*r.canonical, false);
        if (fresh) known->second = impl.names.CanSpeak(*r.canonical);
        if (!known->second) r.canonical.reset();
      }
      if (r.canonical && m.rule->id.rfind("weak/", 0) == 0 &&
          !impl.names.NamedAgain(text, m.speaker)) {
        r.canonical.reset();
      }
      q.speaker = r.canonical;
      q.confidence = std::round(q.confidence * r.confidence * kConfidenceScale) / kConfidenceScale;
      if (q.speaker) doc_names.NoteSpeaker(*q.speaker, q.open_mark, r.kind, m.speaker.start);
      continue;
    }
    // No cue of its own: inherit from the quotation just before, in the same or the
    // previous paragraph.
    if (i == 0) continue;
    size_t from = i - 1;
    if (!quotes[from].speaker_mention && passed_over[from] != kNone) from = passed_over[from];
    if (quotes[from].speaker_mention && paragraphs[i] - paragraphs[from] <= 1) {
      const Quote& prev = quotes[from];
      const size_t next_open = i + 1 < quotes.size() ? quotes[i + 1].open_mark : text.size();
      const SpeakerNames::Inheritance in_sentence = impl.names.InheritanceInSentence(
          text, prev, q, prev.speaker.value_or(std::string()),
          AfterWindowEnd(text, q.open_mark, q.close_mark_end, next_open), &doc_names);
      // Another subject in between does not matter when the quotation's own sentence names
      // the previous speaker again.
      if (!in_sentence.named &&
          impl.names.NamesAnotherSubject(text, prev, q, prev.speaker.value_or(std::string()),
                                         &doc_names)) {
        continue;
      }
      if (!in_sentence.inherit) {
        passed_over[i] = from;
        continue;
      }
      q.speaker = prev.speaker;
      q.speaker_mention = prev.speaker_mention;
      if (in_sentence.mention) {
        q.speaker_mention =
            TextRef{*in_sentence.mention, std::string(in_sentence.mention->in(original))};
      }
      q.rule = "inherited/previous-quote";
      q.confidence = std::round(prev.confidence * (kConfidenceScale * kInheritedConfidenceShare)) /
                     kConfidenceScale;
    }
  }
}

}  // namespace quotecheck
