#include "attribute/token_classes.h"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include <string>
#include <vector>

namespace quotecheck {
namespace {

const LetterTable& Letters() {
  static const LetterTable table = [] {
    RE2 letter("[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ]"), upper("[A-ZÀ-ÖØ-Þ]"), lower("[a-zß-öø-ÿ]");
    return LetterTable::FromPatterns(&letter, &upper, &lower);
  }();
  return table;
}

// "text/SHAPE" for each token of `s`, with the shape bits named.
std::vector<std::string> Tokens(std::string_view s) {
  static const std::vector<std::pair<uint16_t, std::string>> kNames = {
      {kShapeSp, "SP"},       {kShapeNl, "NL"},         {kShapeCr, "CR"},
      {kShapeWord, "WORD"},   {kShapeCap, "CAP"},       {kShapeInitial, "INITIAL"},
      {kShapeLower, "LOWER"}, {kShapeAsciiLower, "AL"}, {kShapeLower1, "L1"},
      {kShapeEndsS, "S"},     {kShapeEndsUpper, "EU"},  {kShapeLy, "LY"},
      {kShapeNum, "NUM"},     {kShapePunct, "PUNCT"},
  };
  std::vector<WindowToken> tokens;
  TokeniseWindow(s, 0, s.size(), Letters(), &tokens);
  std::vector<std::string> out;
  for (const WindowToken& t : tokens) {
    std::string item(s.substr(t.start, t.end - t.start));
    for (const auto& [bit, name] : kNames) {
      if (t.shape & bit) item += "/" + name;
    }
    out.push_back(item);
  }
  return out;
}

}  // namespace

TEST_SUITE("attribute") {
  TEST_CASE("TokeniseWindow: letter runs, digit runs, space runs, one token per other character") {
    struct Case {
      std::string text;
      std::vector<std::string> tokens;
    };
    const std::vector<Case> cases = {
        {"Mr. O’Brien",
         {"Mr/WORD/CAP", "./PUNCT", " /SP", "O/WORD/CAP/INITIAL/EU", "’/PUNCT", "Brien/WORD/CAP"}},
        {"quickly said\t 35-year",
         {"quickly/WORD/LOWER/AL/L1/LY", " /SP", "said/WORD/LOWER/AL/L1", "\t /SP", "35/NUM",
          "-/PUNCT", "year/WORD/LOWER/AL/L1"}},
        {"Harris’\r\nNATO", {"Harris/WORD/CAP/S", "’/PUNCT", "\r/CR", "\n/NL", "NATO/WORD/CAP/EU"}},
        {"éclat café", {"éclat/WORD/LOWER/L1", " /SP", "café/WORD/LOWER"}},
        {"“Q”", {"“/PUNCT", "Q/WORD/CAP/INITIAL/EU", "”/PUNCT"}},
    };
    for (const Case& c : cases) {
      CAPTURE(c.text);
      CHECK(Tokens(c.text) == c.tokens);
    }
  }

  TEST_CASE("LexiconTokenMacro: entries of several tokens before their prefixes, then the set") {
    CHECK(LexiconTokenMacro("title", {"Mr.", "mayor", "Lt. Gen.", "harbour master", "Lt. Gen. Sir"},
                            Letters()) ==
          "(?:\"harbour master\"|\"Mr.\"|\"Lt. Gen. Sir\"|\"Lt. Gen.\"|<title>)");
    CHECK(LexiconTokenMacro("cue", {"said"}, Letters()) == "(?:<cue>)");
  }

  TEST_CASE("Token classes: patterns over symbols match by lexicon, shape, literal and case") {
    const std::vector<std::string> cue = {"said", "told", "told reporters"};
    const std::vector<std::string> title = {"Mayor", "Mr."};
    TokenClasses::Uses uses;
    uses.lexicons = {{"cue", &cue}, {"title", &title}};
    uses.folded = {"cue"};
    uses.literals = {"told", "reporters", "Mr", ".", ","};
    std::string error;
    auto classes = TokenClasses::Build(Letters(), uses, &error);
    REQUIRE(classes != nullptr);
    CHECK(error.empty());

    auto compile = [&](std::string_view pattern) {
      std::vector<TokenPatternPiece> pieces;
      REQUIRE_FALSE(ParseTokenPattern(pattern, false, &pieces));
      return std::make_unique<RE2>(classes->Translate(pieces));
    };
    struct Case {
      std::string pattern;
      std::string text;
      std::string speaker;  // empty: no match
    };
    const std::vector<Case> cases = {
        {R"(^<SP>?(?P<speaker>(?:<title>|"Mr.")?<SP>?<CAP>)<SP>(?:"told" <SP> "reporters"|<cue>))",
         " Mayor Varga said", "Mayor Varga"},
        {R"(^<SP>?(?P<speaker>(?:<title>|"Mr.")?<SP>?<CAP>)<SP>(?:"told" <SP> "reporters"|<cue>))",
         " Mr. Varga told  reporters", "Mr. Varga"},
        {R"(^<SP>?(?P<speaker>(?:<title>|"Mr.")?<SP>?<CAP>)<SP>(?:"told" <SP> "reporters"|<cue>))",
         " Varga sang", ""},
        {R"(^(?P<speaker><CAP>)<SP><cue/i>$)", "Varga SAID", "Varga"},
        {R"(^(?P<speaker><CAP>)<SP><cue>$)", "Varga SAID", ""},
        {R"((?P<speaker><CAP & !title>)<^","|NL>*$)", "Mayor Varga said", "Varga"},
    };
    SymbolWindow window;
    for (const Case& c : cases) {
      CAPTURE(c.pattern);
      CAPTURE(c.text);
      auto re = compile(c.pattern);
      REQUIRE(re->ok());
      classes->Classify(c.text, 0, c.text.size(), &window);
      const std::string& symbols = window.symbols;
      CHECK(window.token_at.size() == symbols.size() + 1);
      CHECK(window.token_at.back() == window.tokens.size());
      re2::StringPiece groups[2];
      const bool hit = re->Match(symbols, 0, symbols.size(), RE2::UNANCHORED, groups, 2);
      std::string speaker;
      if (hit) {
        const size_t from = groups[1].data() - symbols.data();
        speaker =
            std::string(window.TextSpan(from, from + groups[1].size(), c.text.size()).in(c.text));
      }
      CHECK(speaker == c.speaker);
    }
  }
}

}  // namespace quotecheck
