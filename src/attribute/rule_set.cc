#include "attribute/rule_set.h"

#include <fmt/format.h>
#include <re2/re2.h>
#include <toml++/toml.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <thread>
#include <unordered_map>

#include "attribute/builtin_rules.h"
#include "attribute/match_starts.h"
#include "attribute/rule_regex.h"
#include "attribute/sentence_tail.h"
#include "attribute/speaker_split.h"
#include "attribute/token_classes.h"
#include "attribute/token_pattern.h"
#include "core/code_point.h"
#include "core/regular_file.h"

namespace quotecheck {
namespace {

Diagnostic ErrorAt(std::string_view path, std::string_view text, uint32_t line, uint32_t col,
                   std::string message) {
  Diagnostic d;
  d.severity = Severity::kError;
  d.path = std::string(path);
  d.line = line;
  d.col = col;
  d.message = std::move(message);
  // The source line, for the caret display.
  size_t start = 0;
  for (uint32_t l = 1; l < line && start != std::string_view::npos; ++l) {
    start = text.find('\n', start);
    if (start != std::string_view::npos) ++start;
  }
  if (start != std::string_view::npos && start <= text.size()) {
    size_t end = text.find('\n', start);
    std::string_view src = text.substr(start, end == std::string_view::npos ? end : end - start);
    if (!src.empty() && src.back() == '\r') src.remove_suffix(1);
    d.source_line = std::string(src);
  }
  return d;
}

Diagnostic ErrorAtNode(std::string_view path, std::string_view text, const toml::node& node,
                       std::string message) {
  const auto& begin = node.source().begin;
  return ErrorAt(path, text, begin.line, begin.column, std::move(message));
}

// The line and column where the characters of a string value start: past its opening
// delimiter, and past the newline that may follow a triple-quote delimiter.
void StringContentStart(std::string_view text, const toml::node& node, uint32_t* line,
                        uint32_t* col) {
  *line = node.source().begin.line;
  *col = node.source().begin.column;
  size_t pos = 0;
  for (uint32_t l = 1; l < *line; ++l) pos = text.find('\n', pos) + 1;
  pos += *col - 1;
  std::string_view rest = text.substr(std::min(pos, text.size()));
  if (rest.substr(0, 3) == "'''" || rest.substr(0, 3) == "\"\"\"") {
    rest.remove_prefix(3);
    if (!rest.empty() && (rest[0] == '\n' || rest.substr(0, 2) == "\r\n")) {
      *line += 1;
      *col = 1;
      return;
    }
    *col += 3;
  } else {
    *col += 1;
  }
}

// Line and column of byte `offset` inside a string that starts at (line, col).
void AdvanceInString(std::string_view s, size_t offset, uint32_t* line, uint32_t* col) {
  for (size_t i = 0; i < offset && i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '\n') {
      ++*line;
      *col = 1;
    } else if (!IsUtf8Continuation(c)) {
      ++*col;
    }
  }
}

std::string MacroNameOf(std::string_view lexicon) {
  std::string name;
  for (char c : lexicon) {
    name += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::toupper(c)) : '_';
  }
  return name;
}

// A lexicon as an RE2 alternation: longest entries first, spaces matching any white space.
std::string LexiconPattern(const std::vector<std::string>& entries) {
  std::vector<std::string> sorted = entries;
  std::sort(sorted.begin(), sorted.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  std::string out = "(?:";
  for (size_t i = 0; i < sorted.size(); ++i) {
    if (i) out += '|';
    std::string quoted = RE2::QuoteMeta(sorted[i]);
    // QuoteMeta writes "\ " for a space; let it match any run of white space.
    std::string spaced;
    for (size_t k = 0; k < quoted.size(); ++k) {
      if (quoted[k] == '\\' && k + 1 < quoted.size() && quoted[k + 1] == ' ') {
        spaced += "\\s+";
        ++k;
      } else {
        spaced += quoted[k];
      }
    }
    out += spaced;
  }
  out += ')';
  return out;
}

bool IsMacroChar(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; }

// Largest pattern a rule may expand to. The built-in rules expand to a few KB (their
// lexicons included); macros that nest copies of each other grow exponentially (12 copies
// over 8 levels is 430 M copies), so expansion stops at this size instead of exhausting
// memory. RE2 would refuse such a pattern anyway (max_mem below).
constexpr size_t kMaxExpandedPattern = size_t{1} << 20;

enum class Expansion { kOk, kUnknownMacro, kTooLarge };

// RE2's memory budget for a token rule's program and its DFA caches.
constexpr int64_t kTokenRuleMaxMem = int64_t{64} << 20;

// Macros expanded once for a rule set: SPEAKER is in most rules, NAME many times in it.
// `height` is how deep the expansion nests macros (0: none), so that a macro expanded
// deeper than ExpandMacros allows still fails as it would without the memo.
struct ExpansionMemo {
  struct Done {
    std::string text;
    int height = 0;
  };
  std::unordered_map<std::string, Done> done;
};
constexpr int kMaxMacroDepth = 8;

// Expands {MACRO} references into `*out`, which may not grow beyond `budget` bytes. On
// failure `bad` is the offset in `pattern` of the reference that failed and `bad_name` the
// macro's name (for an unknown macro inside another, the inner name). With `memo`, each
// macro's expansion is remembered (and `*height` set as ExpansionMemo says).
Expansion ExpandMacros(const std::string& pattern,
                       const std::unordered_map<std::string, std::string>& macros, int depth,
                       size_t budget, std::string* out, size_t* bad, std::string* bad_name,
                       ExpansionMemo* memo = nullptr, int* height = nullptr) {
  out->clear();
  if (height != nullptr) *height = 0;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (out->size() > budget) {
      *bad = i;
      return Expansion::kTooLarge;
    }
    if (pattern[i] == '\\' && i + 1 < pattern.size()) {
      // An escape; \p{L} and \P{Lu} keep their braces.
      size_t len = 2;
      if ((pattern[i + 1] == 'p' || pattern[i + 1] == 'P') && i + 2 < pattern.size() &&
          pattern[i + 2] == '{') {
        size_t close = pattern.find('}', i + 2);
        if (close != std::string::npos) len = close - i + 1;
      }
      *out += pattern.substr(i, len);
      i += len - 1;
      continue;
    }
    if (pattern[i] == '{' && i + 1 < pattern.size() && pattern[i + 1] >= 'A' &&
        pattern[i + 1] <= 'Z') {
      size_t j = i + 1;
      while (j < pattern.size() && IsMacroChar(pattern[j])) ++j;
      if (j < pattern.size() && pattern[j] == '}') {
        std::string name = pattern.substr(i + 1, j - i - 1);
        auto it = macros.find(name);
        *bad = i;
        *bad_name = name;
        if (it == macros.end() || depth > kMaxMacroDepth) return Expansion::kUnknownMacro;
        const size_t room = budget - std::min(budget, out->size());
        if (memo != nullptr) {
          auto done = memo->done.find(name);
          if (done != memo->done.end() && depth + done->second.height <= kMaxMacroDepth) {
            // Its expansion grows monotonically, so it fails for size exactly when too large.
            if (done->second.text.size() > room) return Expansion::kTooLarge;
            *out += "(?:";
            *out += done->second.text;
            *out += ')';
            if (height != nullptr) *height = std::max(*height, done->second.height + 1);
            i = j;
            continue;
          }
        }
        std::string inner;
        size_t inner_bad;
        std::string inner_name;
        int inner_height = 0;
        const Expansion e = ExpandMacros(it->second, macros, depth + 1, room, &inner, &inner_bad,
                                         &inner_name, memo, &inner_height);
        if (e == Expansion::kUnknownMacro) *bad_name = inner_name;
        if (e != Expansion::kOk) return e;
        *out += "(?:" + inner + ")";
        if (height != nullptr) *height = std::max(*height, inner_height + 1);
        if (memo != nullptr) memo->done[name] = {std::move(inner), inner_height};
        i = j;
        continue;
      }
    }
    *out += pattern[i];
  }
  if (out->size() > budget) {
    *bad = pattern.size();
    return Expansion::kTooLarge;
  }
  return Expansion::kOk;
}

// Offset of the last "(" of `pattern` that no ")" closes (escapes and [classes] skipped),
// or npos.
size_t UnclosedParen(const std::string& pattern) {
  std::vector<size_t> open;
  bool in_class = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\') {
      ++i;
    } else if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') ++i;
    } else if (c == '(') {
      open.push_back(i);
    } else if (c == ')' && !open.empty()) {
      open.pop_back();
    }
  }
  return open.empty() ? std::string::npos : open.back();
}

std::optional<std::string> StringOf(const toml::node* node) {
  if (node == nullptr || !node->is_string()) return std::nullopt;
  return std::string(node->as_string()->get());
}

class RuleFileParser {
 public:
  RuleFileParser(std::string_view path, std::string_view text, RuleSet* rules,
                 Diagnostics* diagnostics)
      : path_(path), text_(text), rules_(rules), diagnostics_(diagnostics) {}

  void Parse() {
    toml::table root;
    try {
      root = toml::parse(text_, path_);
    } catch (const toml::parse_error& e) {
      diagnostics_->push_back(ErrorAt(path_, text_, e.source().begin.line, e.source().begin.column,
                                      std::string(e.description())));
      return;
    }
    rules_->files.emplace_back(path_);
    for (auto&& [key, node] : root) {
      if (key == "description") continue;
      if (key == "lexicons") {
        ParseLexicons(node);
      } else if (key == "macros") {
        ParseMacros(node);
      } else if (key == "token_macros") {
        ParseTokenMacros(node);
      } else if (key == "rules") {
        ParseRules(node);
      } else {
        Error(node,
              fmt::format("unknown key '{}' (expected lexicons, macros, token_macros or rules)",
                          key.str()));
      }
    }
  }

 private:
  void Error(const toml::node& node, std::string message) {
    diagnostics_->push_back(ErrorAtNode(path_, text_, node, std::move(message)));
  }

  void ParseLexicons(const toml::node& node) {
    const toml::table* table = node.as_table();
    if (table == nullptr) return Error(node, "'lexicons' must be a table of tables");
    for (auto&& [name, lexicon] : *table) {
      const toml::table* lt = lexicon.as_table();
      if (lt == nullptr) {
        Error(lexicon, fmt::format("lexicon '{}' must be a table with 'entries'", name.str()));
        continue;
      }
      auto& entries = rules_->lexicons[std::string(name.str())];
      for (auto&& [key, value] : *lt) {
        if (key == "description") continue;
        if (key != "entries" || !value.is_array()) {
          Error(value, fmt::format("lexicon '{}': expected 'entries = [\"…\", …]'", name.str()));
          continue;
        }
        // An entry twice in one lexicon table is a slip (the second adds nothing); entries
        // of the same lexicon in other files add up, repeats included.
        std::unordered_map<std::string, uint32_t> first_line;
        for (const toml::node& entry : *value.as_array()) {
          auto s = StringOf(&entry);
          if (!s) {
            Error(entry, "lexicon entries must be strings");
            continue;
          }
          const uint32_t line = entry.source().begin.line;
          if (auto [it, added] = first_line.emplace(*s, line); !added) {
            Error(entry, fmt::format("lexicon '{}': duplicate entry \"{}\" (first on line {})",
                                     name.str(), *s, it->second));
            continue;
          }
          entries.push_back(*s);
        }
      }
    }
  }

  // A table of UPPER_CASE names with string values (`key` is "macros" or "token_macros",
  // `what` names one in messages); `add(name, text, node)` takes each good entry.
  template <typename Add>
  void ParseMacroTable(const toml::node& node, std::string_view key, std::string_view what,
                       const Add& add) {
    const toml::table* table = node.as_table();
    if (table == nullptr) return Error(node, fmt::format("'{}' must be a table of strings", key));
    for (auto&& [name, value] : *table) {
      auto s = StringOf(&value);
      bool good_name = !name.str().empty();
      for (char c : name.str()) good_name = good_name && IsMacroChar(c);
      if (!s || !good_name) {
        Error(value, fmt::format("{} '{}' must be an UPPER_CASE name with a string value", what,
                                 name.str()));
        continue;
      }
      add(std::string(name.str()), *s, value);
    }
  }

  void ParseMacros(const toml::node& node) {
    ParseMacroTable(node, "macros", "macro",
                    [&](std::string name, std::string text, const toml::node&) {
                      rules_->macros[std::move(name)] = std::move(text);
                    });
  }

  void ParseTokenMacros(const toml::node& node) {
    ParseMacroTable(node, "token_macros", "token macro",
                    [&](std::string name, std::string text, const toml::node& value) {
                      RuleSet::TokenMacro macro;
                      macro.text = std::move(text);
                      macro.file = std::string(path_);
                      StringContentStart(text_, value, &macro.line, &macro.col);
                      rules_->token_macros[std::move(name)] = std::move(macro);
                    });
  }

  void ParseRules(const toml::node& node) {
    const toml::array* array = node.as_array();
    if (array == nullptr) return Error(node, "'rules' must be an array of tables ([[rules]])");
    for (const toml::node& item : *array) {
      const toml::table* table = item.as_table();
      if (table == nullptr) {
        Error(item, "each rule must be a table");
        continue;
      }
      ParseRule(*table);
    }
  }

  void ParseRule(const toml::table& table) {
    AttributionRule rule;
    rule.file = std::string(path_);
    rule.line = table.source().begin.line;
    bool ok = true;
    for (auto&& [key, value] : table) {
      std::string_view k = key.str();
      if (k == "id" || k == "description" || k == "side" || k == "pattern" || k == "tokens") {
        auto s = StringOf(&value);
        if (!s) {
          Error(value, fmt::format("'{}' must be a string", k));
          ok = false;
          continue;
        }
        if (k == "id") rule.id = *s;
        if (k == "description") rule.description = *s;
        if (k == "pattern" || k == "tokens") {
          if (!rule.pattern.empty()) {
            Error(value, "a rule has one 'pattern' or one 'tokens', not both");
            ok = false;
            continue;
          }
          rule.on_tokens = k == "tokens";
          rule.pattern = *s;
          StringContentStart(text_, value, &rule.pattern_line, &rule.pattern_col);
        }
        if (k == "side") {
          if (*s == "after") {
            rule.side = RuleSide::kAfter;
          } else if (*s == "before") {
            rule.side = RuleSide::kBefore;
          } else {
            Error(value, fmt::format("side must be \"after\" or \"before\", not \"{}\"", *s));
            ok = false;
          }
        }
      } else if (k == "confidence") {
        auto v = value.value<double>();
        if (!v || *v < 0 || *v > 1) {
          Error(value, "confidence must be a number from 0 to 1");
          ok = false;
        } else {
          rule.confidence = *v;
        }
      } else if (k == "priority") {
        auto v = value.value<int64_t>();
        if (!v) {
          Error(value, "priority must be an integer");
          ok = false;
        } else {
          rule.priority = static_cast<int>(*v);
        }
      } else if (k == "max_words") {
        auto v = value.value<int64_t>();
        if (!v || *v < 0) {
          Error(value, "max_words must be an integer of 0 or more");
          ok = false;
        } else {
          rule.max_words = static_cast<int>(*v);
        }
      } else if (k == "subject") {
        auto v = value.value<std::string>();
        if (v && *v == "clause") {
          rule.subject = SubjectCheck::kClause;
        } else if (v && *v == "possessor") {
          rule.subject = SubjectCheck::kPossessor;
        } else {
          Error(value, "subject must be \"clause\" or \"possessor\"");
          ok = false;
        }
      } else if (k == "match" || k == "no_match") {
        ok = ParseExamples(value, k == "match", &rule) && ok;
      } else {
        Error(value, fmt::format("unknown rule key '{}'", k));
        ok = false;
      }
    }
    if (rule.id.empty()) {
      Error(table, "rule has no 'id'");
      ok = false;
    }
    if (rule.pattern.empty()) {
      Error(table, fmt::format("rule '{}' has no 'pattern' (or 'tokens')", rule.id));
      ok = false;
    }
    if (!ok) return;
    auto same = std::find_if(rules_->rules.begin(), rules_->rules.end(),
                             [&](const AttributionRule& r) { return r.id == rule.id; });
    if (same != rules_->rules.end()) {
      *same = std::move(rule);
    } else {
      rules_->rules.push_back(std::move(rule));
    }
  }

  bool ParseExamples(const toml::node& node, bool must_match, AttributionRule* rule) {
    const toml::array* array = node.as_array();
    if (array == nullptr) {
      Error(node, "examples must be an array");
      return false;
    }
    bool ok = true;
    for (const toml::node& item : *array) {
      RuleExample example;
      example.must_match = must_match;
      example.file = std::string(path_);
      example.line = item.source().begin.line;
      example.col = item.source().begin.column;
      if (auto s = StringOf(&item)) {
        example.text = *s;
      } else if (const toml::table* t = item.as_table()) {
        auto text = StringOf(t->get("text"));
        auto speaker = StringOf(t->get("speaker"));
        if (!text) {
          Error(item, "an example table needs 'text'");
          ok = false;
          continue;
        }
        example.text = *text;
        if (speaker) example.speaker = *speaker;
      } else {
        Error(item, "an example is a string or { text = \"…\", speaker = \"…\" }");
        ok = false;
        continue;
      }
      if (must_match && example.speaker.empty()) {
        Error(item, "a 'match' example needs the speaker it must find: { text, speaker }");
        ok = false;
        continue;
      }
      rule->examples.push_back(std::move(example));
    }
    return ok;
  }

  std::string_view path_;
  std::string_view text_;
  RuleSet* rules_;
  Diagnostics* diagnostics_;
};

// The text of a rule's file, for error positions: built-in files or files on disk.
std::string SourceTextOf(const std::string& path) {
  for (size_t i = 0; i < kBuiltinRuleFilesCount; ++i) {
    if (path == kBuiltinRuleFiles[i].path) return std::string(kBuiltinRuleFiles[i].text);
  }
  std::string text;
  std::string error;
  ReadRegularFile(path, &text, &error);  // empty when unreadable: no source line shown
  return text;
}

// The first class atom of `pieces` that names no lexicon, or a literal of several tokens.
std::optional<TokenPatternError> CheckAtoms(const std::vector<TokenPatternPiece>& pieces,
                                            const RuleSet& rules, const LetterTable& letters) {
  for (const TokenPatternPiece& piece : pieces) {
    if (piece.kind != TokenPatternPiece::Kind::kClass) continue;
    for (const auto& term : piece.expr.terms) {
      for (const ClassAtom& atom : term) {
        const size_t at = atom.offset + (atom.negated ? 1 : 0);
        if (atom.kind == ClassAtom::Kind::kLexicon && rules.lexicons.count(atom.name) == 0) {
          return TokenPatternError{at,
                                   fmt::format("unknown lexicon '{}' in a token set", atom.name)};
        }
        if (atom.kind == ClassAtom::Kind::kLiteral && TokenTexts(atom.name, letters).size() != 1) {
          return TokenPatternError{
              at,
              fmt::format("\"{}\" is not one token; a token set holds single tokens", atom.name)};
        }
      }
    }
  }
  return std::nullopt;
}

// The RE2 classes of the character macros UPPER, LOWER and LETTER, so that token shapes agree
// with the character patterns; null when one is missing or does not compile.
std::unique_ptr<RE2> CharMacroClass(const std::unordered_map<std::string, std::string>& macros,
                                    const std::string& name) {
  auto it = macros.find(name);
  if (it == macros.end()) return nullptr;
  std::string expanded, bad_name;
  size_t bad = 0;
  if (ExpandMacros(it->second, macros, 0, kMaxExpandedPattern, &expanded, &bad, &bad_name) !=
      Expansion::kOk) {
    return nullptr;
  }
  auto re = std::make_unique<RE2>(expanded, RE2::Quiet);
  if (!re->ok()) return nullptr;
  return re;
}

}  // namespace

void ParseRuleFile(std::string_view path, std::string_view text, RuleSet* rules,
                   Diagnostics* diagnostics) {
  rules->sources[std::string(path)] = std::string(text);
  RuleFileParser(path, text, rules, diagnostics).Parse();
}

namespace {

// Compiles the token rules (AttributionRule::on_tokens): checks every token macro and rule
// as written, expands the macros, builds the token classes the rules use, and compiles each
// rule to RE2 over their symbols.
// Runs compile(i) for every i < count on up to `threads` threads, the calling one among them
// (each i once; any order). Threads the system cannot start are done without.
template <typename Compile>
void CompileOnThreads(size_t count, size_t threads, const Compile& compile) {
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < count; i = next++) compile(i);
  };
  std::vector<std::thread> helpers;
  for (size_t t = 1; t < std::min(threads, count); ++t) {
    try {
      helpers.emplace_back(work);
    } catch (const std::system_error&) {
      break;
    }
  }
  work();
  for (std::thread& helper : helpers) helper.join();
}

template <typename RuleErrorAt>
void FinishTokenRules(RuleSet* rules, const std::unordered_map<std::string, std::string>& macros,
                      const RuleErrorAt& rule_error_at, Diagnostics* diagnostics,
                      size_t compile_threads, RuleCompilation compilation) {
  if (rules->token_macros.empty() &&
      std::none_of(rules->rules.begin(), rules->rules.end(),
                   [](const AttributionRule& r) { return r.on_tokens; })) {
    return;
  }
  auto letter = CharMacroClass(macros, "LETTER");
  auto upper = CharMacroClass(macros, "UPPER");
  auto lower = CharMacroClass(macros, "LOWER");
  const LetterTable letters = LetterTable::FromPatterns(letter.get(), upper.get(), lower.get());

  std::unordered_map<std::string, std::string> token_macros;
  for (const auto& [name, entries] : rules->lexicons) {
    token_macros[MacroNameOf(name)] = LexiconTokenMacro(name, entries, letters);
  }
  for (const auto& [name, macro] : rules->token_macros) {
    token_macros[name] = macro.text;
    std::vector<TokenPatternPiece> pieces;
    auto error = ParseTokenPattern(macro.text, /*skip_macros=*/true, &pieces);
    if (!error) error = CheckAtoms(pieces, *rules, letters);
    if (error) {
      uint32_t line = macro.line, col = macro.col;
      AdvanceInString(macro.text, error->offset, &line, &col);
      auto source = rules->sources.find(macro.file);
      diagnostics->push_back(
          ErrorAt(macro.file,
                  source == rules->sources.end() ? SourceTextOf(macro.file)
                                                 : std::string_view(source->second),
                  line, col, fmt::format("token macro '{}': {}", name, error->message)));
    }
  }

  struct Parsed {
    AttributionRule* rule;
    std::vector<TokenPatternPiece> pieces;
  };
  std::vector<Parsed> parsed;
  TokenClasses::Uses uses;
  std::unordered_map<std::string, bool> seen_lexicon, seen_literal, seen_folded;
  ExpansionMemo expansions;
  for (AttributionRule& rule : rules->rules) {
    if (!rule.on_tokens) continue;
    std::vector<TokenPatternPiece> pieces;
    auto error = ParseTokenPattern(rule.pattern, /*skip_macros=*/true, &pieces);
    if (!error) error = CheckAtoms(pieces, *rules, letters);
    if (error) {
      rule_error_at(rule, error->offset, error->message);
      continue;
    }
    std::string expanded, bad_name;
    size_t bad = 0;
    switch (ExpandMacros(rule.pattern, token_macros, 0, kMaxExpandedPattern, &expanded, &bad,
                         &bad_name, &expansions)) {
      case Expansion::kOk:
        break;
      case Expansion::kUnknownMacro:
        rule_error_at(rule, bad, fmt::format("unknown token macro {{{}}}", bad_name));
        continue;
      case Expansion::kTooLarge:
        rule_error_at(rule, bad,
                      fmt::format("token macro {{{}}} expands to more than {} bytes", bad_name,
                                  kMaxExpandedPattern));
        continue;
    }
    pieces.clear();
    error = ParseTokenPattern(expanded, /*skip_macros=*/false, &pieces);
    if (error) {
      // The rule and every macro were checked as written; a macro's text must have
      // combined badly with its surroundings.
      rule_error_at(rule, 0, fmt::format("{} (inside a token macro's expansion)", error->message));
      continue;
    }
    for (const TokenPatternPiece& piece : pieces) {
      if (piece.kind == TokenPatternPiece::Kind::kLiteral) {
        for (std::string& t : TokenTexts(piece.text, letters)) {
          if (!seen_literal[t]) uses.literals.push_back(t);
          seen_literal[t] = true;
        }
      }
      if (piece.kind != TokenPatternPiece::Kind::kClass) continue;
      for (const auto& term : piece.expr.terms) {
        for (const ClassAtom& atom : term) {
          if (atom.kind == ClassAtom::Kind::kLiteral) {
            if (!seen_literal[atom.name]) uses.literals.push_back(atom.name);
            seen_literal[atom.name] = true;
          } else if (atom.kind == ClassAtom::Kind::kLexicon) {
            if (!seen_lexicon[atom.name]) {
              uses.lexicons.emplace_back(atom.name, &rules->lexicons.at(atom.name));
            }
            seen_lexicon[atom.name] = true;
            if (atom.fold && !seen_folded[atom.name]) uses.folded.push_back(atom.name);
            if (atom.fold) seen_folded[atom.name] = true;
          }
        }
      }
    }
    parsed.push_back({&rule, std::move(pieces)});
  }
  if (parsed.empty()) return;
  std::string error;
  std::shared_ptr<TokenClasses> classes = TokenClasses::Build(letters, uses, &error);
  if (!classes) {
    rule_error_at(*parsed.front().rule, 0, error);
    return;
  }
  // Translated in order (Translate remembers sets), compiled in parallel, checked in order.
  std::vector<const std::vector<TokenPatternPiece>*> all_pieces;
  for (const Parsed& p : parsed) all_pieces.push_back(&p.pieces);
  classes->MergeEquivalentSymbols(all_pieces);
  for (Parsed& p : parsed) {
    p.rule->expanded_pattern = classes->Translate(p.pieces);
    if (classes->latin1() && p.rule->side == RuleSide::kBefore) {
      p.rule->match_ends = MatchEnds::Of(p.rule->expanded_pattern);
    } else if (classes->latin1()) {
      p.rule->match_begins = MatchBegins::Of(p.rule->expanded_pattern);
    }
    if (classes->latin1()) p.rule->match_needs = MatchNeeds::Of(p.rule->expanded_pattern);
  }
  // The RE2 text over symbols of a part of a rule's pattern as written (it was checked as a
  // part of the whole): empty when it does not expand or parse on its own.
  auto translate_part = [&](const std::string& part) {
    std::string expanded, bad_name;
    size_t bad = 0;
    std::vector<TokenPatternPiece> pieces;
    if (ExpandMacros(part, token_macros, 0, kMaxExpandedPattern, &expanded, &bad, &bad_name,
                     &expansions) != Expansion::kOk ||
        ParseTokenPattern(expanded, /*skip_macros=*/false, &pieces)) {
      return std::string();
    }
    return classes->Translate(pieces);
  };
  SpeakerSplit::Programs split_programs;
  for (Parsed& p : parsed) {
    p.rule->speaker_split = SpeakerSplit::Make(p.rule->expanded_pattern, classes->latin1(),
                                               kTokenRuleMaxMem, &split_programs);
    std::optional<SentenceTailText> split = SplitSentenceTail(p.rule->pattern);
    if (!split) continue;
    std::string head = translate_part(split->head), tail = translate_part(split->tail);
    if (head.empty() || tail.empty()) continue;
    std::shared_ptr<const SpeakerSplit> head_split =
        SpeakerSplit::Make(head, classes->latin1(), kTokenRuleMaxMem, &split_programs);
    p.rule->sentence_tail =
        SentenceTail::Make(p.rule->expanded_pattern, std::move(head), std::move(tail),
                           classes->latin1(), kTokenRuleMaxMem);
    if (p.rule->sentence_tail) p.rule->head_split = std::move(head_split);
    // The reverse search of a pattern that ends with `{MACRO}* $` walks back over the whole
    // rest of the sentence at every window; one that ends with a required token (":" <WS>* $)
    // stops at once at most windows, and searching forward from its starts costs more.
    if (p.rule->sentence_tail && classes->latin1() && p.rule->side == RuleSide::kBefore) {
      p.rule->match_starts = MatchStarts::Of(p.rule->expanded_pattern);
    }
  }
  if (compilation == RuleCompilation::kOnFirstUse) {
    for (Parsed& p : parsed) {
      p.rule->program = std::make_shared<RuleRegex>(p.rule->expanded_pattern, classes->latin1(),
                                                    kTokenRuleMaxMem);
    }
    rules->token_classes = std::move(classes);
    return;
  }
  std::vector<std::shared_ptr<RE2>> compiled(parsed.size());
  CompileOnThreads(parsed.size(), compile_threads, [&](size_t i) {
    RE2::Options options(RE2::Quiet);
    options.set_max_mem(kTokenRuleMaxMem);
    if (classes->latin1()) options.set_encoding(RE2::Options::EncodingLatin1);
    compiled[i] = std::make_shared<RE2>(parsed[i].rule->expanded_pattern, options);
  });
  for (size_t i = 0; i < parsed.size(); ++i) {
    AttributionRule& rule = *parsed[i].rule;
    std::shared_ptr<RE2>& regex = compiled[i];
    if (!regex->ok()) {
      std::string what = regex->error();
      size_t colon = what.find(": ");
      if (colon != std::string::npos) what.resize(colon);
      size_t at = regex->error_code() == RE2::ErrorMissingParen ? UnclosedParen(rule.pattern) : 0;
      rule_error_at(rule, at == std::string::npos ? 0 : at,
                    fmt::format("invalid token pattern: {}", what));
      continue;
    }
    if (regex->NamedCapturingGroups().count("speaker") == 0) {
      rule_error_at(rule, 0, "pattern has no (?P<speaker>…) group");
      continue;
    }
    if (rule.max_words >= 0 && regex->NamedCapturingGroups().count("words") == 0) {
      rule_error_at(rule, 0, "max_words needs a (?P<words>…) group in the pattern");
      continue;
    }
    rule.regex = std::move(regex);
    rule.program = std::make_shared<RuleRegex>(rule.regex);
  }
  rules->token_classes = std::move(classes);
}

}  // namespace

void FinishRuleSet(RuleSet* rules, Diagnostics* diagnostics, size_t compile_threads,
                   RuleCompilation compilation) {
  std::unordered_map<std::string, std::string> macros;
  for (const auto& [name, entries] : rules->lexicons) {
    macros[MacroNameOf(name)] = LexiconPattern(entries);
  }
  for (const auto& [name, value] : rules->macros) macros[name] = value;

  auto source_of = [&](const std::string& file) -> std::string {
    auto source = rules->sources.find(file);
    return source == rules->sources.end() ? SourceTextOf(file) : source->second;
  };
  auto rule_error_at = [&](const AttributionRule& rule, size_t offset, std::string message) {
    uint32_t line = rule.pattern_line, col = rule.pattern_col;
    AdvanceInString(rule.pattern, offset, &line, &col);
    diagnostics->push_back(ErrorAt(rule.file, source_of(rule.file), line, col,
                                   fmt::format("rule '{}': {}", rule.id, message)));
  };
  for (AttributionRule& rule : rules->rules) {
    if (rule.on_tokens) continue;
    size_t bad = 0;
    std::string bad_name;
    auto error_at = [&](size_t offset, std::string message) {
      rule_error_at(rule, offset, std::move(message));
    };
    switch (ExpandMacros(rule.pattern, macros, 0, kMaxExpandedPattern, &rule.expanded_pattern, &bad,
                         &bad_name)) {
      case Expansion::kOk:
        break;
      case Expansion::kUnknownMacro:
        error_at(bad, fmt::format("unknown macro {{{}}}", bad_name));
        continue;
      case Expansion::kTooLarge:
        rule.expanded_pattern.clear();
        error_at(bad, fmt::format("macro {{{}}} expands to more than {} bytes (macros nested "
                                  "too deeply or too often)",
                                  bad_name, kMaxExpandedPattern));
        continue;
    }
    RE2::Options options(RE2::Quiet);
    options.set_max_mem(64 << 20);
    auto regex = std::make_shared<RE2>(rule.expanded_pattern, options);
    if (!regex->ok()) {
      // error_arg() is the offending piece of the expanded pattern; find it as written.
      // For an unclosed group RE2 names the whole pattern: point at the unclosed "(".
      // RE2's message repeats the offending text; keep only what it says is wrong.
      std::string what = regex->error();
      size_t colon = what.find(": ");
      if (colon != std::string::npos) what.resize(colon);
      std::string message = fmt::format("invalid pattern: {}", what);
      size_t at = std::string::npos;
      if (regex->error_code() == RE2::ErrorMissingParen) {
        at = UnclosedParen(rule.pattern);
      } else if (!regex->error_arg().empty()) {
        at = rule.pattern.find(regex->error_arg());
        if (at != std::string::npos) message += fmt::format(": {}", regex->error_arg());
      }
      if (at == std::string::npos) {
        at = 0;
        message += " (inside a macro's expansion)";
      }
      error_at(at, message);
      continue;
    }
    if (regex->NamedCapturingGroups().count("speaker") == 0) {
      error_at(0, "pattern has no (?P<speaker>…) group");
      continue;
    }
    if (rule.max_words >= 0 && regex->NamedCapturingGroups().count("words") == 0) {
      error_at(0, "max_words needs a (?P<words>…) group in the pattern");
      continue;
    }
    rule.regex = std::move(regex);
    rule.program = std::make_shared<RuleRegex>(rule.regex);
  }
  FinishTokenRules(rules, macros, rule_error_at, diagnostics, compile_threads, compilation);
}

bool LoadRuleSet(const std::vector<std::string>& extra_dirs, RuleSet* rules,
                 Diagnostics* diagnostics, size_t compile_threads, RuleCompilation compilation) {
  for (size_t i = 0; i < kBuiltinRuleFilesCount; ++i) {
    ParseRuleFile(kBuiltinRuleFiles[i].path, kBuiltinRuleFiles[i].text, rules, diagnostics);
  }
  for (const std::string& dir : extra_dirs) {
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    if (std::filesystem::is_regular_file(dir, ec)) {
      files.emplace_back(dir);
    } else {
      std::filesystem::directory_iterator it(dir, ec);
      if (ec) {
        Diagnostic d;
        d.path = dir;
        d.message = fmt::format("cannot read rule directory: {}", ec.message());
        diagnostics->push_back(std::move(d));
        continue;
      }
      for (const auto& entry : it) {
        if (entry.path().extension() != ".toml") continue;
        std::error_code type_ec;
        if (!entry.is_regular_file(type_ec)) {  // a FIFO would block; a directory is no file
          Diagnostic d;
          d.severity = Severity::kWarning;
          d.path = entry.path().string();
          d.message = "not a regular file; skipped";
          diagnostics->push_back(std::move(d));
          continue;
        }
        files.push_back(entry.path());
      }
      std::sort(files.begin(), files.end());
    }
    for (const auto& file : files) {
      std::string text;
      std::string error;
      if (!ReadRegularFile(file.string(), &text, &error)) {
        Diagnostic d;
        d.path = file.string();
        d.message = std::move(error);
        diagnostics->push_back(std::move(d));
        continue;
      }
      ParseRuleFile(file.string(), text, rules, diagnostics);
    }
  }
  // Compile what parsed: report pattern errors too.
  FinishRuleSet(rules, diagnostics, compile_threads,
                extra_dirs.empty() ? compilation : RuleCompilation::kAtLoad);
  return !HasErrors(*diagnostics);
}

}  // namespace quotecheck
