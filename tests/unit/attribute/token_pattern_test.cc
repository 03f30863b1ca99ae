#include "attribute/token_pattern.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace quotecheck {
namespace {

// The pieces of a pattern, one line each: "re2 TEXT", "lit TEXT" or "set ^?A|B&!C".
std::vector<std::string> Pieces(std::string_view pattern, bool skip_macros = false) {
  std::vector<TokenPatternPiece> pieces;
  auto error = ParseTokenPattern(pattern, skip_macros, &pieces);
  if (error) return {"error at " + std::to_string(error->offset) + ": " + error->message};
  std::vector<std::string> out;
  for (const TokenPatternPiece& p : pieces) {
    switch (p.kind) {
      case TokenPatternPiece::Kind::kRe2:
        out.push_back("re2 " + p.text);
        break;
      case TokenPatternPiece::Kind::kLiteral:
        out.push_back("lit " + p.text);
        break;
      case TokenPatternPiece::Kind::kClass: {
        std::string s = p.expr.complement ? "set ^" : "set ";
        for (size_t t = 0; t < p.expr.terms.size(); ++t) {
          if (t) s += '|';
          for (size_t a = 0; a < p.expr.terms[t].size(); ++a) {
            const ClassAtom& atom = p.expr.terms[t][a];
            if (a) s += '&';
            if (atom.negated) s += '!';
            s += atom.kind == ClassAtom::Kind::kLiteral ? "\"" + atom.name + "\"" : atom.name;
            if (atom.fold) s += "/i";
          }
        }
        out.push_back(s);
        break;
      }
    }
  }
  return out;
}

}  // namespace

TEST_SUITE("attribute") {
  TEST_CASE("ParseTokenPattern: RE2 operators, token sets and literal tokens") {
    struct Case {
      std::string pattern;
      std::vector<std::string> pieces;
    };
    const std::vector<Case> cases = {
        {R"(^ <SP>? "," (?P<speaker><CAP>) $)",
         {"re2 ^", "set SP", "re2 ?", "lit ,", "re2 (?P<speaker>", "set CAP", "re2 )$"}},
        {R"(<cue/i|"said"> <^NL|","|"\""> <WORD & !LOWER>)",
         {"set cue/i|\"said\"", "set ^NL|\",\"|\"\"\"", "set WORD&!LOWER"}},
        {R"((?: "Mr." <SP> ){0,2}?)", {"re2 (?:", "lit Mr.", "set SP", "re2 ){0,2}?"}},
        {R"("a\\b")", {"lit a\\b"}},
    };
    for (const Case& c : cases) {
      CAPTURE(c.pattern);
      CHECK(Pieces(c.pattern) == c.pieces);
    }
  }

  TEST_CASE("ParseTokenPattern: errors are values at their offset") {
    struct Case {
      std::string pattern;
      std::string error;
    };
    const std::vector<Case> cases = {
        {"<CAP> <CAPS>", "error at 7: unknown token shape 'CAPS'"},
        {"<CAP", "error at 0: unclosed token set <…>"},
        {"<CAP,SP>", "error at 4: unexpected ',' in a token set (| or & or >)"},
        {"said",
         "error at 0: unexpected 's' in a token pattern (write a token as \"…\", a set of "
         "tokens as <…>)"},
        {"\"said", "error at 0: unclosed literal token \"…\""},
        {"<SP> {NAME}", "error at 5: unknown token macro {NAME}"},
        {"(?i:<cue>)", "error at 0: only ( (?: and (?P<name> open groups in a token pattern"},
        {"<> ", "error at 1: expected a shape, a lexicon or a \"token\" in <…>"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.pattern);
      REQUIRE(Pieces(c.pattern).size() == 1);
      CHECK(Pieces(c.pattern)[0] == c.error);
    }
  }

  TEST_CASE("ParseTokenPattern skips {MACRO} references when asked, keeps repetitions") {
    CHECK(Pieces("{NAME} <SP>{1,3}", /*skip_macros=*/true) ==
          std::vector<std::string>{"set SP", "re2 {1,3}"});
  }

  TEST_CASE("QuoteTokenLiteral escapes quote marks and backslashes") {
    CHECK(QuoteTokenLiteral("said") == "\"said\"");
    CHECK(QuoteTokenLiteral("a\"b\\") == "\"a\\\"b\\\\\"");
  }
}

}  // namespace quotecheck
