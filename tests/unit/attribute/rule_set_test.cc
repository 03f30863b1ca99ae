#include "attribute/rule_set.h"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "attribute/rule_regex.h"
#include "attribute/sentence_tail.h"

namespace quotecheck {
namespace {

// Parses rule files given as (path, text) and, when they parse cleanly, finishes the set.
struct Loaded {
  RuleSet rules;
  Diagnostics diagnostics;
};

Loaded Load(const std::vector<std::pair<std::string, std::string>>& files) {
  Loaded out;
  for (const auto& [path, text] : files) {
    ParseRuleFile(path, text, &out.rules, &out.diagnostics);
  }
  if (out.diagnostics.empty()) FinishRuleSet(&out.rules, &out.diagnostics);
  return out;
}

std::vector<std::string> Formatted(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics) out.push_back(FormatDiagnostic(d));
  return out;
}

std::vector<std::string> Headers(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics) out.push_back(FormatDiagnosticHeader(d));
  return out;
}

// "source line\n" then a caret under 1-based column `col`.
std::string SourceAndCaret(const std::string& line, size_t col) {
  return line + "\n" + std::string(col - 1, ' ') + "^\n";
}

const AttributionRule* FindRule(const RuleSet& rules, const std::string& id) {
  for (const AttributionRule& rule : rules.rules) {
    if (rule.id == id) return &rule;
  }
  return nullptr;
}

}  // namespace

TEST_SUITE("attribute") {
  TEST_CASE("ParseRuleFile reads lexicons, macros, rules and their examples") {
    const Loaded loaded = Load({{"good.toml", R"(description = "test rules"

[lexicons.title]
entries = ["mayor", "harbour master"]

[macros]
NAME = '''[A-Z][a-z]+'''

[[rules]]
id = "t/name-said"
side = "after"
priority = 12
confidence = 0.5
description = "“Q,” S said."
pattern = '''^, (?P<speaker>{NAME}) (?P<cue>said)'''
match = [{ text = "“Yes,” Ada said.", speaker = "Ada" }]
no_match = ["“Yes,” and so on."]

[[rules]]
id = "t/said-name"
side = "before"
pattern = '''(?P<cue>said) (?P<speaker>{NAME}): $'''
)"}});
    CHECK(Formatted(loaded.diagnostics) == std::vector<std::string>{});
    const RuleSet& rules = loaded.rules;
    CHECK(rules.files == std::vector<std::string>{"good.toml"});
    CHECK(rules.lexicons.at("title") == std::vector<std::string>{"mayor", "harbour master"});
    CHECK(rules.macros.at("NAME") == "[A-Z][a-z]+");
    REQUIRE(rules.rules.size() == 2);
    const AttributionRule& rule = rules.rules[0];
    CHECK(rule.id == "t/name-said");
    CHECK(rule.side == RuleSide::kAfter);
    CHECK(rule.priority == 12);
    CHECK(rule.confidence == doctest::Approx(0.5));
    CHECK(rule.description == "“Q,” S said.");
    CHECK(rule.file == "good.toml");
    CHECK(rule.line == 9);
    CHECK(rule.pattern == "^, (?P<speaker>{NAME}) (?P<cue>said)");
    CHECK(rule.expanded_pattern == "^, (?P<speaker>(?:[A-Z][a-z]+)) (?P<cue>said)");
    CHECK(rule.pattern_line == 15);
    CHECK(rule.pattern_col == 14);
    REQUIRE(rule.regex != nullptr);
    CHECK(rule.regex->ok());
    REQUIRE(rule.examples.size() == 2);
    CHECK(rule.examples[0].must_match);
    CHECK(rule.examples[0].text == "“Yes,” Ada said.");
    CHECK(rule.examples[0].speaker == "Ada");
    CHECK(rule.examples[0].file == "good.toml");
    CHECK(rule.examples[0].line == 16);
    CHECK(rule.examples[0].col == 10);
    CHECK_FALSE(rule.examples[1].must_match);
    CHECK(rule.examples[1].text == "“Yes,” and so on.");
    CHECK(rule.examples[1].line == 17);
    CHECK(rule.examples[1].col == 13);
    CHECK(rules.rules[1].side == RuleSide::kBefore);
    CHECK(rules.rules[1].priority == 0);
    CHECK(rules.rules[1].confidence == doctest::Approx(0.9));
  }

  TEST_CASE("A TOML syntax error is reported at its position with the source line") {
    const Loaded loaded = Load({{"syntax.toml",
                                 "[[rules]]\n"
                                 "id = \"t/x\"\n"
                                 "side = \"after\" priority = 3\n"}});
    REQUIRE(loaded.diagnostics.size() == 1);
    CHECK(FormatDiagnostic(loaded.diagnostics[0]) ==
          "syntax.toml:3:16: error: Error while parsing key-value pair: expected a comment or "
          "whitespace, saw 'p'\n" +
              SourceAndCaret("side = \"after\" priority = 3", 16));
    CHECK(loaded.rules.rules.empty());
    CHECK(loaded.rules.files.empty());
  }

  TEST_CASE("Unknown keys are errors at their value") {
    const Loaded loaded = Load({{"keys.toml", R"(colour = "red"

[[rules]]
id = "t/x"
side = "after"
pattern = '''^(?P<speaker>\w+)'''
flavour = "mild"
)"}});
    CHECK(Formatted(loaded.diagnostics) ==
          std::vector<std::string>{
              "keys.toml:1:10: error: unknown key 'colour' (expected lexicons, macros, "
              "token_macros or rules)\n" +
                  SourceAndCaret("colour = \"red\"", 10),
              "keys.toml:7:11: error: unknown rule key 'flavour'\n" +
                  SourceAndCaret("flavour = \"mild\"", 11),
          });
    CHECK(loaded.rules.rules.empty());  // a rule with an error is left out
  }

  TEST_CASE("An entry twice in one lexicon is an error at the second; files add up") {
    const Loaded loaded = Load({{"lex.toml", R"([lexicons.cue]
entries = ["said", "told",
  "barked", "said"]
)"}});
    CHECK(Formatted(loaded.diagnostics) ==
          std::vector<std::string>{
              "lex.toml:3:13: error: lexicon 'cue': duplicate entry \"said\" (first on line 2)\n" +
                  SourceAndCaret("  \"barked\", \"said\"]", 13),
          });
    // The same entry in another file's lexicon of the same name is no error.
    const Loaded two = Load({{"a.toml", "[lexicons.cue]\nentries = [\"said\"]\n"},
                             {"b.toml", "[lexicons.cue]\nentries = [\"said\", \"pleaded\"]\n"}});
    CHECK(two.diagnostics.empty());
  }

  TEST_CASE("An RE2 error points at the offending text inside a one-line pattern") {
    const std::string line = R"(pattern = '''^(?P<speaker>\w+) (?P<cue>[z-a]aid)''')";
    const Loaded loaded =
        Load({{"re2.toml", "[[rules]]\nid = \"t/bad\"\nside = \"after\"\n" + line + "\n"}});
    CHECK(Headers(loaded.diagnostics) ==
          std::vector<std::string>{
              "re2.toml:4:41: error: rule 't/bad': invalid pattern: invalid character class "
              "range: z-a"});
    REQUIRE(loaded.rules.rules.size() == 1);
    CHECK(loaded.rules.rules[0].regex == nullptr);
  }

  TEST_CASE("An RE2 error points at its line and column inside a multi-line pattern") {
    const Loaded loaded = Load({{"multi.toml", R"([[rules]]
id = "t/bad"
side = "before"
pattern = '''
(?P<speaker>\w+)
[ \t]+(?P<cue>said)[z-a]$'''
)"}});
    CHECK(Headers(loaded.diagnostics) ==
          std::vector<std::string>{
              "multi.toml:6:21: error: rule 't/bad': invalid pattern: invalid character class "
              "range: z-a"});
  }

  TEST_CASE("An RE2 error after a macro still points into the pattern as written") {
    const std::string line = R"(pattern = '''^(?P<speaker>{NAME}) (?P<cue>[z-a]aid)''')";
    const Loaded loaded = Load({{"macro-re2.toml",
                                 "[macros]\nNAME = '''[A-Z][a-z]+'''\n\n[[rules]]\nid = "
                                 "\"t/bad\"\nside = \"after\"\n" +
                                     line + "\n"}});
    CHECK(Headers(loaded.diagnostics) ==
          std::vector<std::string>{
              "macro-re2.toml:7:44: error: rule 't/bad': invalid pattern: invalid character "
              "class range: z-a"});
  }

  TEST_CASE("An unclosed group is reported at its ( without the expanded pattern" *
            doctest::may_fail()) {
    // Today RE2's error_arg for "missing )" is the whole expanded pattern, which is not in the
    // pattern as written: the error lands on the pattern's first column, says "(inside a
    // macro's expansion)" and quotes every macro's expansion.
    const std::string line = R"(pattern = '''^(?P<speaker>{NAME} (?P<cue>said)''')";
    const Loaded loaded = Load({{"open.toml",
                                 "[macros]\nNAME = '''[A-Z][a-z]+'''\n\n[[rules]]\nid = "
                                 "\"t/open\"\nside = \"after\"\n" +
                                     line + "\n"}});
    REQUIRE(loaded.diagnostics.size() == 1);
    const Diagnostic& d = loaded.diagnostics[0];
    CHECK(d.line == 7);
    CHECK(d.col == 15);  // the ( of (?P<speaker>
    CHECK(d.message.find("missing )") != std::string::npos);
    CHECK(d.message.find("inside a macro") == std::string::npos);
    CHECK(d.message.find("[A-Z][a-z]+") == std::string::npos);
  }

  TEST_CASE("An unknown macro is reported at its opening brace") {
    const std::string line = R"(pattern = '''^(?P<speaker>{NOPE})''')";
    const Loaded loaded =
        Load({{"macro.toml", "[[rules]]\nid = \"t/macro\"\nside = \"after\"\n" + line + "\n"}});
    CHECK(Headers(loaded.diagnostics) ==
          std::vector<std::string>{"macro.toml:4:27: error: rule 't/macro': unknown macro {NOPE}"});
  }

  TEST_CASE("Token rules: a broken class, literal or macro is an error at its file:line:col") {
    struct Case {
      std::string file;
      std::string header;
    };
    const std::string head =
        "[lexicons.cue]\nentries = [\"said\", \"told reporters\"]\n"
        "[token_macros]\nNAME = '''<CAP> (?: <SP> <CAP> )*'''\n"
        "[[rules]]\nid = \"t/tok\"\nside = \"after\"\n";
    const std::vector<Case> cases = {
        {head + "tokens = '''^ <SP> (?P<speaker>{NAME}) <SP> <cues>'''\n",
         "t.toml:8:46: error: rule 't/tok': unknown lexicon 'cues' in a token set"},
        {head + "tokens = '''^ <SP> (?P<speaker><CAPS>)'''\n",
         "t.toml:8:33: error: rule 't/tok': unknown token shape 'CAPS'"},
        {head + "tokens = '''^ <SP>\n  (?P<speaker>{NAME}) <\"Mr.\">'''\n",
         "t.toml:9:24: error: rule 't/tok': \"Mr.\" is not one token; a token set holds single "
         "tokens"},
        {head + "tokens = '''^ (?P<speaker>{NAMES})'''\n",
         "t.toml:8:27: error: rule 't/tok': unknown token macro {NAMES}"},
        {head + "pattern = '''^(?P<speaker>x)'''\ntokens = '''^ (?P<speaker><CAP>)'''\n",
         "t.toml:9:10: error: a rule has one 'pattern' or one 'tokens', not both"},
        {head + "tokens = '''^ <SP> (?P<speaker><CAP>)'''\nmax_words = 3\n",
         "t.toml:8:13: error: rule 't/tok': max_words needs a (?P<words>…) group in the pattern"},
        {head + "tokens = '''^ <SP> (?P<speaker><CAP>) (?P<words><SP>)'''\nmax_words = -1\n",
         "t.toml:9:13: error: max_words must be an integer of 0 or more"},
        {"[token_macros]\nNAME = '''<CAP> <SP <CAP>'''\n",
         "t.toml:2:21: error: token macro 'NAME': unexpected '<' in a token set (| or & or >)"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.file);
      Loaded loaded;
      ParseRuleFile("t.toml", c.file, &loaded.rules, &loaded.diagnostics);
      FinishRuleSet(&loaded.rules, &loaded.diagnostics);
      const std::vector<std::string> headers = Headers(loaded.diagnostics);
      REQUIRE(headers.size() == 1);
      CHECK(headers[0] == c.header);
    }
  }

  TEST_CASE("A token rule compiles to RE2 over symbols, its lexicons expanded as token macros") {
    const Loaded loaded = Load({{"t.toml", R"([lexicons.cue]
entries = ["said", "told reporters"]
[[rules]]
id = "t/tok"
side = "after"
tokens = '''^ <SP> (?P<speaker><CAP>) <SP> (?P<cue>{CUE})'''
)"}});
    CHECK(Formatted(loaded.diagnostics) == std::vector<std::string>{});
    REQUIRE(loaded.rules.rules.size() == 1);
    const AttributionRule& rule = loaded.rules.rules[0];
    CHECK(rule.on_tokens);
    REQUIRE(rule.regex != nullptr);
    CHECK(loaded.rules.token_classes != nullptr);
    CHECK(rule.regex->ProgramSize() < 100);
  }

  TEST_CASE("Token macros expanded once serve every rule, within the depth limit") {
    // T0 … T9, each the one below: T1 is expanded (and remembered) for the first rule, then
    // T9 nests ten levels, one past the limit: the memo must not let T9 through.
    std::string file = "[token_macros]\nT0 = \"<CAP>\"\n";
    for (int level = 1; level <= 9; ++level) {
      file += "T" + std::to_string(level) + " = \"{T" + std::to_string(level - 1) + "}\"\n";
    }
    auto rule = [](const std::string& id, const std::string& tokens) {
      return "[[rules]]\nid = \"" + id + "\"\nside = \"after\"\ntokens = \"" + tokens + "\"\n";
    };
    file += rule("t/shallow", "^ (?P<speaker>{T1})");
    file += rule("t/deep", "^ (?P<speaker>{T9})");
    file += rule("t/deep8", "^ (?P<speaker>{T8})");
    const Loaded loaded = Load({{"memo.toml", file}});
    const std::vector<std::string> headers = Headers(loaded.diagnostics);
    REQUIRE(headers.size() == 1);
    CHECK(headers[0].find("rule 't/deep': unknown token macro") != std::string::npos);
    REQUIRE(loaded.rules.rules.size() == 3);
    CHECK(loaded.rules.rules[0].regex != nullptr);
    CHECK(loaded.rules.rules[1].regex == nullptr);
    CHECK(loaded.rules.rules[2].regex != nullptr);
  }

  TEST_CASE("A macro that expands beyond the size cap is an error at its reference") {
    // Each level holds 12 copies of the one below: 12^8 copies of "ab" at the top.
    std::string file = "[macros]\nM0 = 'ab'\n";
    for (int level = 1; level <= 8; ++level) {
      file += "M" + std::to_string(level) + " = '";
      for (int copy = 0; copy < 12; ++copy) file += "{M" + std::to_string(level - 1) + "}";
      file += "'\n";
    }
    file += "\n[[rules]]\nid = \"t/bomb\"\nside = \"after\"\npattern = '^(?P<speaker>x){M8}'\n";
    const Loaded loaded = Load({{"bomb.toml", file}});
    REQUIRE(loaded.diagnostics.size() == 1);
    CHECK(FormatDiagnosticHeader(loaded.diagnostics[0]) ==
          "bomb.toml:15:27: error: rule 't/bomb': macro {M8} expands to more than 1048576 bytes "
          "(macros nested too deeply or too often)");
  }

  TEST_CASE("Macros expand, nested, and \\p{…} classes keep their braces") {
    const Loaded loaded = Load({{"expand.toml", R"([macros]
NAME = '''\p{Lu}\p{Ll}+'''
FULL = '''{NAME}[ \t]+{NAME}'''

[[rules]]
id = "t/expand"
side = "after"
pattern = '''^(?P<speaker>{FULL}) \p{Greek}'''
)"}});
    CHECK(Formatted(loaded.diagnostics) == std::vector<std::string>{});
    const AttributionRule* rule = FindRule(loaded.rules, "t/expand");
    REQUIRE(rule != nullptr);
    CHECK(rule->expanded_pattern ==
          R"(^(?P<speaker>(?:(?:\p{Lu}\p{Ll}+)[ \t]+(?:\p{Lu}\p{Ll}+))) \p{Greek})");
    REQUIRE(rule->regex != nullptr);
    CHECK(RE2::PartialMatch(" Ada Quell \xce\xb1", *rule->regex) == false);  // ^ anchors
    CHECK(RE2::PartialMatch("Ada Quell \xce\xb1", *rule->regex));
  }

  TEST_CASE("A lexicon becomes a macro: longest entries first, spaces match white space") {
    const Loaded loaded = Load({{"lexicon.toml", R"([lexicons.title]
entries = ["mayor", "harbour master", "dr.", "deputy harbour master"]

[lexicons.source_noun]
entries = ["official"]

[[rules]]
id = "t/title"
side = "after"
pattern = '''^(?P<speaker>{TITLE}|{SOURCE_NOUN})'''
)"}});
    CHECK(Formatted(loaded.diagnostics) == std::vector<std::string>{});
    const AttributionRule* rule = FindRule(loaded.rules, "t/title");
    REQUIRE(rule != nullptr);
    CHECK(
        rule->expanded_pattern ==
        R"(^(?P<speaker>(?:(?:deputy\s+harbour\s+master|harbour\s+master|mayor|dr\.))|(?:(?:official))))");
    REQUIRE(rule->regex != nullptr);
    std::string speaker;
    CHECK(RE2::PartialMatch("harbour\n  master", *rule->regex));
    CHECK(RE2::PartialMatch("deputy harbour master", *rule->regex, &speaker));
    CHECK(speaker == "deputy harbour master");
    CHECK_FALSE(RE2::PartialMatch("drx", *rule->regex));
  }

  TEST_CASE("A later file's rule replaces the rule with the same id; lexicons add up") {
    const Loaded loaded = Load({
        {"a.toml", R"([lexicons.title]
entries = ["mayor"]

[[rules]]
id = "t/x"
side = "after"
pattern = '''^(?P<speaker>a)'''

[[rules]]
id = "t/y"
side = "after"
pattern = '''^(?P<speaker>y)'''
)"},
        {"b.toml", R"([lexicons.title]
entries = ["chief"]

[[rules]]
id = "t/x"
side = "before"
pattern = '''(?P<speaker>b)$'''
)"},
    });
    CHECK(Formatted(loaded.diagnostics) == std::vector<std::string>{});
    const RuleSet& rules = loaded.rules;
    CHECK(rules.files == std::vector<std::string>{"a.toml", "b.toml"});
    REQUIRE(rules.rules.size() == 2);
    CHECK(rules.rules[0].id == "t/x");  // keeps its place
    CHECK(rules.rules[0].file == "b.toml");
    CHECK(rules.rules[0].side == RuleSide::kBefore);
    CHECK(rules.rules[0].pattern == "(?P<speaker>b)$");
    CHECK(rules.rules[0].line == 4);
    CHECK(rules.rules[1].id == "t/y");
    CHECK(rules.lexicons.at("title") == std::vector<std::string>{"mayor", "chief"});
  }

  TEST_CASE("Pattern errors of a rule file on disk show the source line and a caret") {
    namespace fs = std::filesystem;
    const fs::path dir =
        fs::temp_directory_path() / ("quotecheck-rules-" + std::to_string(std::random_device()()));
    fs::create_directories(dir);
    const std::string path = (dir / "broken.toml").string();
    const std::string one_line = R"(pattern = '''^(?P<speaker>{SPEAKER}) (?P<cue>[z-a]aid)''')";
    const std::string macro_line = R"(pattern = '''^(?P<speaker>{NO_SUCH}) said''')";
    std::ofstream(path, std::ios::binary) << "[[rules]]\nid = \"t/one-line\"\nside = \"after\"\n"
                                          << one_line << "\n\n"
                                          << R"([[rules]]
id = "t/multi-line"
side = "before"
pattern = '''
(?P<speaker>{SPEAKER})
[ \t]+(?P<cue>said)[z-a]$'''

[[rules]]
id = "t/macro"
side = "after"
)" << macro_line << "\n";
    RuleSet rules;
    Diagnostics diagnostics;
    CHECK_FALSE(LoadRuleSet({path}, &rules, &diagnostics));
    CHECK(Formatted(diagnostics) ==
          std::vector<std::string>{
              path +
                  ":4:47: error: rule 't/one-line': invalid pattern: invalid character class "
                  "range: z-a\n" +
                  SourceAndCaret(one_line, 47),
              path +
                  ":11:21: error: rule 't/multi-line': invalid pattern: invalid character class "
                  "range: z-a\n" +
                  SourceAndCaret("[ \\t]+(?P<cue>said)[z-a]$'''", 21),
              path + ":16:27: error: rule 't/macro': unknown macro {NO_SUCH}\n" +
                  SourceAndCaret(macro_line, 27),
          });
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }

  TEST_CASE("Errors in a rule file parsed from a string show its source line" *
            doctest::may_fail()) {
    // Today FinishRuleSet reads the source line from the built-in files or from disk, not
    // from the text given to ParseRuleFile: pattern errors of in-memory files have no source
    // line and no caret.
    const std::string line = R"(pattern = '''^(?P<speaker>{NOPE})''')";
    const Loaded loaded =
        Load({{"memory.toml", "[[rules]]\nid = \"t/macro\"\nside = \"after\"\n" + line + "\n"}});
    CHECK(
        Formatted(loaded.diagnostics) ==
        std::vector<std::string>{"memory.toml:4:27: error: rule 't/macro': unknown macro {NOPE}\n" +
                                 SourceAndCaret(line, 27)});
  }

  TEST_CASE("The built-in rules load without errors") {
    RuleSet rules;
    Diagnostics diagnostics;
    CHECK(LoadRuleSet({}, &rules, &diagnostics));
    CHECK(Formatted(diagnostics) == std::vector<std::string>{});
    CHECK(!rules.rules.empty());
    for (const AttributionRule& rule : rules.rules) {
      CAPTURE(rule.id);
      CHECK(rule.regex != nullptr);
      REQUIRE(rule.program != nullptr);
      CHECK(rule.program->regex() == rule.regex.get());
    }
  }

  TEST_CASE("The built-in rules that take the rest of the sentence have their head apart") {
    RuleSet rules;
    Diagnostics diagnostics;
    REQUIRE(LoadRuleSet({}, &rules, &diagnostics));
    std::vector<std::string> split;
    for (const AttributionRule& rule : rules.rules) {
      if (rule.sentence_tail) split.push_back(rule.id);
    }
    CHECK(split == std::vector<std::string>{"before/speaker-noun", "before/cue-in-sentence",
                                            "weak/sentence-subject"});
  }

  TEST_CASE("The built-in rules compiled on first use: the same programs, when first asked") {
    RuleSet at_load, on_first_use;
    Diagnostics diagnostics;
    REQUIRE(LoadRuleSet({}, &at_load, &diagnostics));
    REQUIRE(LoadRuleSet({}, &on_first_use, &diagnostics, 1, RuleCompilation::kOnFirstUse));
    CHECK(Formatted(diagnostics) == std::vector<std::string>{});
    REQUIRE(at_load.rules.size() == on_first_use.rules.size());
    for (size_t i = 0; i < at_load.rules.size(); ++i) {
      const AttributionRule& a = at_load.rules[i];
      const AttributionRule& b = on_first_use.rules[i];
      CAPTURE(b.id);
      CHECK(b.regex == nullptr);
      REQUIRE(b.program != nullptr);
      REQUIRE(b.program->regex() != nullptr);
      CHECK(b.program->regex()->pattern() == a.regex->pattern());
      CHECK(b.program->groups().speaker == a.program->groups().speaker);
      CHECK(b.program->groups().cue == a.program->groups().cue);
      CHECK(b.program->groups().words == a.program->groups().words);
      CHECK(b.program->groups().count == a.program->groups().count);
    }
  }

  TEST_CASE("Rules added to the built-in ones are compiled at load, whatever was asked") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() /
                         ("quotecheck-first-use-" + std::to_string(std::random_device()()));
    fs::create_directories(dir);
    std::ofstream((dir / "mine.toml").string(), std::ios::binary)
        << "[[rules]]\nid = \"t/mine\"\nside = \"after\"\n"
        << R"(tokens = '''^ <SP> (?P<speaker><CAP>) <SP> "said"''')"
        << "\n";
    RuleSet rules;
    Diagnostics diagnostics;
    CHECK(LoadRuleSet({dir.string()}, &rules, &diagnostics, 1, RuleCompilation::kOnFirstUse));
    CHECK(Formatted(diagnostics) == std::vector<std::string>{});
    CHECK(rules.rules.size() > 1);
    for (const AttributionRule& rule : rules.rules) {
      CAPTURE(rule.id);
      CHECK(rule.regex != nullptr);
    }
    fs::remove_all(dir);
  }
}

}  // namespace quotecheck
