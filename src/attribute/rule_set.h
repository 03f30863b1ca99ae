#pragma once
/// Attribution rules are data: TOML files in rules/ (built into the binary) and in any
/// directory given with --rules. A RuleSet holds the lexicons (speech cues, titles,
/// pronouns, organisations, …), the macros built from them, and the compiled RE2 patterns
/// with their must-match / must-not-match examples. rules/README.md describes the format.

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/diagnostic.h"
#include "core/status.h"

namespace re2 {
class RE2;
}

namespace quotecheck {

class MatchBegins;
class MatchEnds;
class MatchNeeds;
class MatchStarts;
class RuleRegex;
class SentenceTail;
class SpeakerSplit;
class TokenClasses;

/// Which text a pattern reads: the text right after the quotation's closing mark
/// ("after", anchored with ^) or the text right before its opening mark ("before",
/// anchored with $).
enum class RuleSide { kAfter, kBefore };

/// Whether a before-rule's speaker must be its clause's subject (AttributionRule::subject).
enum class SubjectCheck { kNone, kClause, kPossessor };

struct RuleExample {
  std::string text;     // a small passage holding at least one quotation
  std::string speaker;  // expected speaker mention text (must_match only)
  bool must_match = true;
  std::string file;
  uint32_t line = 0;
  uint32_t col = 0;
};

struct AttributionRule {
  std::string id;  // "after-quote/name-verb"
  RuleSide side = RuleSide::kAfter;
  std::string description;
  std::string pattern;           // as written in the file, before macro expansion
  std::string expanded_pattern;  // after {MACRO} expansion
  /// A token pattern (key `tokens`, token_pattern.h) instead of a character pattern: then
  /// `pattern` holds it, `regex` runs over the window's token symbols (token_classes.h)
  /// and `expanded_pattern` is the regex's RE2 text.
  bool on_tokens = false;
  double confidence = 0.9;
  int priority = 0;  // higher wins when several rules match one quotation
  /// Key `max_words`: most words in the pattern's (?P<words>…) group, counted in the text
  /// (-1: no bound). A token pattern's {m,n} counts tokens, and a phrase token ("State
  /// Department") is one token but several words; a match with more words is rejected like
  /// an implausible speaker, and a before-rule searches again past its speaker.
  int max_words = -1;
  /// Key `subject`: the speaker must be the subject of its clause (a before-rule whose
  /// speaker comes before its cue): "clause" rejects a speaker right after a preposition or
  /// a verb ("planned with Trump, adding:", "sent an email saying,"), "possessor" (a speaker
  /// that owns a speech noun: "because of Ada Quell's remark that") only one right after a
  /// verb ("treating Quell's remark as …"). A rejected speaker is passed over like an
  /// implausible one, and the rule searches again past it (SpeakerNames::ObjectPosition).
  SubjectCheck subject = SubjectCheck::kNone;
  std::shared_ptr<const re2::RE2> regex;  // null until compiled; see `program`
  /// The program the attributor runs: `regex` once compiled at load, or the pattern to
  /// compile on first use (RuleCompilation::kOnFirstUse; `regex` then stays null). Null when
  /// the rule did not compile.
  std::shared_ptr<const RuleRegex> program;
  /// A token rule whose pattern ends with `{MACRO}* $` after its groups: its head and tail
  /// apart, so that its groups come from the head's part of a match (sentence_tail.h); null
  /// for other rules.
  std::shared_ptr<const SentenceTail> sentence_tail;
  /// A token rule whose matches can only start at a few symbols (match_starts.h): where its
  /// search starts; null for other rules.
  std::shared_ptr<const MatchStarts> match_starts;
  /// A token before-rule whose matches can only end in some ways (match_starts.h): checked
  /// on a window before its search; null for other rules.
  std::shared_ptr<const MatchEnds> match_ends;
  /// A token after-rule whose matches can only begin in some ways (match_starts.h): checked
  /// on a window before its search; null for other rules.
  std::shared_ptr<const MatchBegins> match_begins;
  /// A token rule whose matches hold some symbols (match_starts.h): checked on a window
  /// before its search; null for other rules.
  std::shared_ptr<const MatchNeeds> match_needs;
  /// A token rule whose pattern reads `A (?P<speaker>X) B`: the parts, for its matches'
  /// groups (speaker_split.h); null for other rules. `head_split` is the same for the head of
  /// its `sentence_tail`.
  std::shared_ptr<const SpeakerSplit> speaker_split, head_split;
  std::vector<RuleExample> examples;
  std::string file;
  uint32_t line = 0;          // of the rule's table
  uint32_t pattern_line = 0;  // where the pattern's text starts in the file
  uint32_t pattern_col = 0;
};

struct RuleSet {
  /// Lexicons by name ("cue", "title", "pronoun", "organisation", "group", …): lower-case
  /// words or phrases.
  std::unordered_map<std::string, std::vector<std::string>> lexicons;
  /// Macro name → RE2 text, from [macros] tables and from the lexicons.
  std::unordered_map<std::string, std::string> macros;
  /// Token macro name → token pattern text, from [token_macros] tables, with where each is
  /// written (for diagnostics). Each lexicon is a token macro too (LexiconTokenMacro).
  struct TokenMacro {
    std::string text;
    std::string file;
    uint32_t line = 0;
    uint32_t col = 0;
  };
  std::unordered_map<std::string, TokenMacro> token_macros;
  /// The symbols of the token rules' windows; null when no rule is a token rule.
  std::shared_ptr<const TokenClasses> token_classes;
  std::vector<AttributionRule> rules;
  /// The files read, in order, and their text (for the source lines of diagnostics).
  std::vector<std::string> files;
  std::unordered_map<std::string, std::string> sources;
};

/// Parses one rule file's text. `path` is only used in diagnostics. Errors (TOML syntax,
/// unknown keys, RE2 compile errors mapped to the pattern's line:col, undefined macros) are
/// appended to `diagnostics`; parsing goes on past errors to report them all.
/// Patterns are compiled later, by FinishRuleSet, once every file's macros are known.
void ParseRuleFile(std::string_view path, std::string_view text, RuleSet* rules,
                   Diagnostics* diagnostics);

/// When the token rules' RE2 programs are compiled: at load, so that a pattern RE2 refuses
/// is an error at its file:line:col, or on first use (rule_regex.h says why), only for
/// patterns known to compile.
enum class RuleCompilation { kAtLoad, kOnFirstUse };

/// Expands macros and compiles every pattern (RE2::Quiet). Errors go to `diagnostics`.
/// The token rules' RE2 programs are compiled on up to `compile_threads` threads (the
/// calling one among them): compiling is most of the start-up, and a run on several cores
/// would otherwise wait for it on one. Diagnostics come in the same order either way. With
/// RuleCompilation::kOnFirstUse the token rules are checked and translated but not compiled
/// (nor are RE2's complaints about them reported): the caller vouches that they compile.
void FinishRuleSet(RuleSet* rules, Diagnostics* diagnostics, size_t compile_threads = 1,
                   RuleCompilation compilation = RuleCompilation::kAtLoad);

/// The built-in rules (rules/*.toml, embedded at build time), then every *.toml file of
/// each directory in `extra_dirs`, in name order. A later rule with the same id replaces
/// the earlier one; lexicon entries are added. Returns false when any error was reported.
/// `compilation` applies to the built-in rules alone (every one compiles: the unit tests and
/// `quotecheck rules test` see to it); with any `extra_dirs`, every rule is compiled at load.
bool LoadRuleSet(const std::vector<std::string>& extra_dirs, RuleSet* rules,
                 Diagnostics* diagnostics, size_t compile_threads = 1,
                 RuleCompilation compilation = RuleCompilation::kAtLoad);

}  // namespace quotecheck
