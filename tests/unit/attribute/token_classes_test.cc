#include "attribute/token_classes.h"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include <algorithm>
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

// "text/SHAPE" for each token of s[start, end) (all of `s` by default), with the shape bits
// named.
std::vector<std::string> Tokens(std::string_view s, size_t start = 0,
                                size_t end = std::string_view::npos) {
  static const std::vector<std::pair<uint16_t, std::string>> kNames = {
      {kShapeSp, "SP"},       {kShapeNl, "NL"},         {kShapeCr, "CR"},
      {kShapeWord, "WORD"},   {kShapeCap, "CAP"},       {kShapeInitial, "INITIAL"},
      {kShapeLower, "LOWER"}, {kShapeAsciiLower, "AL"}, {kShapeLower1, "L1"},
      {kShapeEndsS, "S"},     {kShapeEndsUpper, "EU"},  {kShapeLy, "LY"},
      {kShapeNum, "NUM"},     {kShapePunct, "PUNCT"},
  };
  std::vector<WindowToken> tokens;
  TokeniseWindow(s, start, std::min(end, s.size()), Letters(), &tokens);
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
        // Runs of ASCII letters around other letters (each run is read in one pass).
        {"Müller naïvely aÉ Ös élly",
         {"Müller/WORD/CAP", " /SP", "naïvely/WORD/LOWER/LY", " /SP", "aÉ/WORD/EU", " /SP",
          "Ös/WORD/CAP/S", " /SP", "élly/WORD/LOWER/L1/LY"}},
        // Shapes of short runs: capitals inside, at the end, one letter, two letters.
        {"aBc Éa yY s ly",
         {"aBc/WORD", " /SP", "Éa/WORD/CAP", " /SP", "yY/WORD/EU", " /SP", "s/WORD/LOWER/AL/L1",
          " /SP", "ly/WORD/LOWER/AL/L1"}},
    };
    for (const Case& c : cases) {
      CAPTURE(c.text);
      CHECK(Tokens(c.text) == c.tokens);
    }
  }

  TEST_CASE("TokeniseWindow: a window's edges cut the tokens that cross them") {
    struct Case {
      std::string text;
      size_t start, end;
      std::vector<std::string> tokens;
    };
    const std::vector<Case> cases = {
        // An ASCII word cut at the end; a word read up to the end.
        {"Quell said", 0, 8, {"Quell/WORD/CAP", " /SP", "sa/WORD/LOWER/AL/L1"}},
        {"Quell said", 2, 10, {"ell/WORD/LOWER/AL/L1", " /SP", "said/WORD/LOWER/AL/L1"}},
        // The end inside a letter of two bytes: the word stops before it, its first byte is a
        // character of its own.
        {"Müller", 0, 2, {"M/WORD/CAP/INITIAL/EU", "\xC3/PUNCT"}},
        {"naïve", 0, 3, {"na/WORD/LOWER/AL/L1", "\xC3/PUNCT"}},
        {"naïve", 0, 4, {"naï/WORD/LOWER"}},
        // The start inside a letter of two bytes.
        {"Müller", 2, 7, {"\xBC/PUNCT", "ller/WORD/LOWER/AL/L1"}},
        // Runs of spaces and digits cut at both ends.
        {"a   42  b", 2, 5, {"  /SP", "4/NUM"}},
    };
    for (const Case& c : cases) {
      CAPTURE(c.text);
      CAPTURE(c.start);
      CAPTURE(c.end);
      CHECK(Tokens(c.text, c.start, c.end) == c.tokens);
    }
  }

  TEST_CASE("AsciiEndsFilter: no to a word only when no word of the set has its ends") {
    AsciiEndsFilter filter;
    for (std::string_view word : {"said", "told", "naïve", "éclat", "café"}) {
      filter.Add(word.front(), word.back());
    }
    struct Case {
      std::string word;
      bool may_hold;
    };
    const std::vector<Case> cases = {
        {"said", true},   {"SAID", true},
        {"Told", true},   {"sad", true},  // the same ends as "said": maybe, looked up
        {"nave", true},                   // "naïve" has ASCII ends
        {"Varga", false}, {"Quell", false},
        {"sat", false},   {"Éclat", true},  // a byte from 0x80 up at an end: always maybe
        {"CAFÉ", true},   {"x", false},
    };
    for (const Case& c : cases) {
      CAPTURE(c.word);
      CHECK(filter.MayHold(c.word.front(), c.word.back()) == c.may_hold);
    }
  }

  TEST_CASE("LexiconTokenMacro: entries with punctuation before their prefixes, then the set") {
    // "harbour master" (words only) is a phrase token of the set, not a sequence; entries
    // with the same tokens after the first share one set of first tokens.
    CHECK(LexiconTokenMacro("title",
                            {"Mr.", "Dr.", "mayor", "Lt. Gen.", "harbour master", "Lt. Gen. Sir"},
                            Letters()) ==
          "(?:\"Lt\" \".\" <WS>+ \"Gen\" \".\" <WS>+ \"Sir\" |\"Lt\" \".\" <WS>+ \"Gen\" \".\" "
          "|<\"Dr\"|\"Mr\"> \".\" |<title>)");
    CHECK(LexiconTokenMacro("cue", {"said"}, Letters()) == "(?:<cue>)");
  }

  TEST_CASE("Token classes: an entry of several words is one phrase token, the longest first") {
    const std::vector<std::string> title = {"President", "Vice President", "harbour master",
                                            "chief of staff", "Mr."};
    const std::vector<std::string> source = {"master", "chief"};
    TokenClasses::Uses uses;
    uses.lexicons = {{"title", &title}, {"source_noun", &source}};
    uses.literals = {"of", "."};
    std::string error;
    auto classes = TokenClasses::Build(Letters(), uses, &error);
    REQUIRE(classes != nullptr);
    struct Case {
      std::string pattern;
      std::string text;
      std::string matched;  // group 1; empty: no match
    };
    const std::vector<Case> cases = {
        {"(<title>)", "the Vice  President said", "Vice  President"},
        {"(<title>)", "the Vice\nPresident said", "Vice\nPresident"},
        {"^(<title>)$", "Vice President", "Vice President"},
        {"(<CAP>)", "Vice President", "Vice President"},  // a word, capitalised as its first
        {"(<title>)", "the President said", "President"},
        {"(<title>)", "Vice-President", "President"},  // no white space: no phrase
        // A phrase is in the lexicons of its head word (before "of", else the last).
        {"(<source_noun>)", "the harbour master said", "harbour master"},
        {"(<source_noun>)", "her chief of staff said", "chief of staff"},
        {R"(("of"))", "her chief of staff said", ""},  // inside the phrase
        // A pattern's literal that is a phrase matches the phrase token.
        {R"(("harbour master"))", "the harbour  master said", "harbour  master"},
        // Entries with punctuation stay tokens ("Mr" ".").
        {R"(("."))", "Mr. Varga", "."},
    };
    SymbolWindow window;
    for (const Case& c : cases) {
      CAPTURE(c.pattern);
      CAPTURE(c.text);
      std::vector<TokenPatternPiece> pieces;
      std::string text = c.text;
      REQUIRE_FALSE(ParseTokenPattern(c.pattern, false, &pieces));
      RE2 re(classes->Translate(pieces));
      REQUIRE(re.ok());
      classes->Classify(text, 0, text.size(), &window);
      re2::StringPiece groups[2];
      std::string matched;
      if (re.Match(window.symbols, 0, window.symbols.size(), RE2::UNANCHORED, groups, 2)) {
        const size_t from = groups[1].data() - window.symbols.data();
        matched = std::string(window.TextSpan(from, from + groups[1].size(), text.size()).in(text));
      }
      CHECK(matched == c.matched);
    }
  }

  TEST_CASE("Token classes: patterns over symbols match by lexicon, shape, literal and case") {
    const std::vector<std::string> cue = {"said", "told", "told reporters"};
    const std::vector<std::string> title = {"Mayor", "Mr."};
    TokenClasses::Uses uses;
    uses.lexicons = {{"cue", &cue}, {"title", &title}};
    uses.folded = {"cue"};
    uses.literals = {"told", "reporters", "Mr", ".", ","};
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
    // The same results with symbols as built and with the symbols no pattern tells apart
    // merged (MergeEquivalentSymbols: then Latin-1 bytes).
    for (const bool merged : {false, true}) {
      CAPTURE(merged);
      std::string error;
      auto classes = TokenClasses::Build(Letters(), uses, &error);
      REQUIRE(classes != nullptr);
      CHECK(error.empty());
      std::vector<std::vector<TokenPatternPiece>> parsed(cases.size());
      for (size_t i = 0; i < cases.size(); ++i) {
        REQUIRE_FALSE(ParseTokenPattern(cases[i].pattern, false, &parsed[i]));
      }
      if (merged) {
        std::vector<const std::vector<TokenPatternPiece>*> all;
        for (const auto& pieces : parsed) all.push_back(&pieces);
        classes->MergeEquivalentSymbols(all);
        CHECK(classes->latin1());
      }
      RE2::Options options;
      if (classes->latin1()) options.set_encoding(RE2::Options::EncodingLatin1);
      SymbolWindow window;
      for (size_t i = 0; i < cases.size(); ++i) {
        const Case& c = cases[i];
        CAPTURE(c.pattern);
        CAPTURE(c.text);
        auto re = std::make_unique<RE2>(classes->Translate(parsed[i]), options);
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

  TEST_CASE("Token classes: symbols that no pattern tells apart are merged into one byte") {
    const std::vector<std::string> cue = {"said", "told"};
    TokenClasses::Uses uses;
    uses.lexicons = {{"cue", &cue}};
    uses.literals = {"told", "Mr", "."};
    std::string error;
    auto classes = TokenClasses::Build(Letters(), uses, &error);
    REQUIRE(classes != nullptr);
    const std::string text = "Varga told, Quell said";
    SymbolWindow before, after;
    classes->Classify(text, 0, text.size(), &before);
    // "told" (a literal) and "said" differ as built; the pattern names only <cue>.
    REQUIRE(before.tokens.size() == 8);
    REQUIRE(before.symbols.size() == 8);
    std::vector<TokenPatternPiece> pieces;
    REQUIRE_FALSE(ParseTokenPattern(R"(<CAP> <SP> <cue>)", false, &pieces));
    classes->MergeEquivalentSymbols({&pieces});
    REQUIRE(classes->latin1());
    classes->Classify(text, 0, text.size(), &after);
    REQUIRE(after.symbols.size() == 8);  // one byte a token
    CHECK(before.symbols[2] != before.symbols[7]);
    CHECK(after.symbols[2] == after.symbols[7]);  // "told", "said": both only <cue>
    CHECK(after.symbols[0] == after.symbols[5]);  // "Varga", "Quell"
    CHECK(after.symbols[1] == after.symbols[6]);  // spaces
    CHECK(after.symbols[0] != after.symbols[2]);  // <CAP> tells these apart
    CHECK(after.symbols[3] != after.symbols[1]);  // ",": no <SP>
  }

  TEST_CASE("Token classes: merged symbols keep each set of a chain one range") {
    // "a" is in <"a"|"b"> only, "b" in it and <"b"|"c">, and so on: the order a b c d (then
    // every other token) makes each of the three sets one range of symbols. Ordering by
    // membership of the most used set first would put "b" before "a" and split <"b"|"c">.
    // Each set is used four or five times: a range more would cost more than the byte-map
    // colours it could save.
    TokenClasses::Uses uses;
    uses.literals = {"a", "b", "c", "d"};
    std::string error;
    auto classes = TokenClasses::Build(Letters(), uses, &error);
    REQUIRE(classes != nullptr);
    auto times = [](const std::string& set, int n) {
      std::string out;
      for (int i = 0; i < n; ++i) out += set + " ";
      return out;
    };
    const std::vector<std::string> patterns = {times(R"(<"a"|"b">)", 5), times(R"(<"b"|"c">)", 4),
                                               times(R"(<"c"|"d">)", 4)};
    std::vector<std::vector<TokenPatternPiece>> parsed(patterns.size());
    std::vector<const std::vector<TokenPatternPiece>*> all;
    for (size_t i = 0; i < patterns.size(); ++i) {
      REQUIRE_FALSE(ParseTokenPattern(patterns[i], false, &parsed[i]));
      all.push_back(&parsed[i]);
    }
    classes->MergeEquivalentSymbols(all);
    REQUIRE(classes->latin1());
    // Each class of one range: [\x{H}] or [\x{H}-\x{H}].
    const RE2 one_range_classes(R"((?:\[\\x\{[0-9a-f]+\}(?:-\\x\{[0-9a-f]+\})?\])+)");
    for (const auto& pieces : parsed) {
      const std::string translated = classes->Translate(pieces);
      CAPTURE(translated);
      CHECK(RE2::FullMatch(translated, one_range_classes));
    }
  }

  TEST_CASE("Token classes: merged symbols put tokens no pattern tells apart between sets") {
    // <"a"|"b"> (twice) and <"c"> are one range in any order of the three groups (a and b;
    // c; every other token). The first pattern tells only a, b from the rest and the second
    // only c: with the rest between them, each program has one bound between two symbols
    // (RE2 gives it two byte-map colours) instead of two.
    TokenClasses::Uses uses;
    uses.literals = {"a", "b", "c"};
    std::string error;
    auto classes = TokenClasses::Build(Letters(), uses, &error);
    REQUIRE(classes != nullptr);
    std::vector<std::vector<TokenPatternPiece>> parsed(2);
    REQUIRE_FALSE(ParseTokenPattern(R"(<"a"|"b"> <"a"|"b">)", false, &parsed[0]));
    REQUIRE_FALSE(ParseTokenPattern(R"(<"c">)", false, &parsed[1]));
    classes->MergeEquivalentSymbols({&parsed[0], &parsed[1]});
    REQUIRE(classes->latin1());
    const std::string text = "a x c";
    SymbolWindow window;
    classes->Classify(text, 0, text.size(), &window);
    REQUIRE(window.symbols.size() == 5);
    const unsigned char a = window.symbols[0], x = window.symbols[2], c = window.symbols[4];
    CHECK(window.symbols[1] == window.symbols[2]);  // a space and "x": the rest
    CHECK(((a < x && x < c) || (c < x && x < a)));
  }

  TEST_CASE("Token classes: RE2's . in a pattern matches every symbol, the line feed too") {
    // Twelve literals that patterns tell apart, each its own symbol, so that one of them is
    // the byte of the line feed (no gap is left at it).
    TokenClasses::Uses uses;
    std::string pattern = "<";
    for (char c = 'a'; c <= 'l'; ++c) {
      uses.literals.push_back(std::string(1, c));
      pattern += std::string(c == 'a' ? "" : "|") + '"' + c + '"';
    }
    pattern += ">";
    std::string error;
    auto classes = TokenClasses::Build(Letters(), uses, &error);
    REQUIRE(classes != nullptr);
    std::vector<std::vector<TokenPatternPiece>> parsed(uses.literals.size() + 1);
    std::vector<const std::vector<TokenPatternPiece>*> all;
    for (size_t i = 0; i < uses.literals.size(); ++i) {
      REQUIRE_FALSE(ParseTokenPattern(QuoteTokenLiteral(uses.literals[i]), false, &parsed[i]));
      all.push_back(&parsed[i]);
    }
    REQUIRE_FALSE(ParseTokenPattern("^ . . $", false, &parsed.back()));
    all.push_back(&parsed.back());
    classes->MergeEquivalentSymbols(all);
    REQUIRE(classes->latin1());
    RE2::Options options;
    options.set_encoding(RE2::Options::EncodingLatin1);
    const RE2 any(classes->Translate(parsed.back()), options);
    REQUIRE(any.ok());
    const std::string text = "a b c d e f g h i j k l\n";
    SymbolWindow window;
    classes->Classify(text, 0, text.size(), &window);
    REQUIRE(window.symbols.find('\n') != std::string::npos);
    for (size_t i = 0; i + 1 < window.symbols.size(); ++i) {
      CAPTURE(i);
      CHECK(RE2::FullMatch(window.symbols.substr(i, 2), any));
    }
  }
}

}  // namespace quotecheck
