#pragma once
/// The syntax of token patterns: attribution rules written over the tokens of a window
/// (words, numbers, white space, punctuation) instead of its characters. A token pattern is
/// RE2 syntax whose atoms are tokens:
///
///   <cue>            a token of the lexicon `cue` (a single-token entry of it)
///   <cue/i>          the same, case-insensitively
///   <CAP>            a token of a built-in shape (SP, NL, CR, WS, WORD, CAP, …; kShapeNames)
///   "said"           the literal token; a literal of several tokens ("Mr.") is their sequence,
///                    and white space inside it matches one or more white-space tokens
///   <A|B&!C>         a set of tokens: | is union, & intersection, ! complement of one atom
///   <^A|B>           any token that is not in the set
///   {MACRO}          a token macro (expanded before parsing; each lexicon is one: {CUE} is its
///                    multi-token entries, longest first, then <cue>)
///   ( ) (?: (?P<x> | ? * + {m,n} ^ $ .   RE2's, over tokens
///
/// White space between atoms is ignored. This file only parses; TokenClasses
/// (token_classes.h) gives the atoms their meaning and compiles the pattern.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quotecheck {

/// The built-in token shapes, as written in patterns.
inline constexpr std::string_view kShapeNames[] = {
    "SP",          // a run of spaces and tabs
    "NL",          // one line feed
    "CR",          // one carriage return
    "WS",          // SP, NL, CR or a form feed: what RE2's \s matches
    "WORD",        // a run of letters (the rules' {LETTER})
    "CAP",         // a word that starts with an {UPPER} letter
    "INITIAL",     // a word of one {UPPER} letter
    "LOWER",       // a word of {LOWER} letters only
    "ALOWER",      // a word of a-z only
    "LOWER1",      // a word of one {LOWER} letter then a-z only
    "ENDS_S",      // a word of two letters or more whose last is 's'
    "ENDS_UPPER",  // a word whose last letter is {UPPER}
    "LY",          // a LOWER word of three letters or more that ends in "ly"
    "NUM",         // a run of digits 0-9
    "PUNCT",       // any other character, one token each
};

/// One atom of a class expression.
struct ClassAtom {
  enum class Kind { kShape, kLexicon, kLiteral };
  Kind kind = Kind::kShape;
  std::string name;      // shape name, lexicon name, or the literal token's text
  bool fold = false;     // lexicon only: "/i", case-insensitive
  bool negated = false;  // "!"
  size_t offset = 0;     // in the pattern text
};

/// A class expression: any of `terms` (each a conjunction of atoms), or none of them when
/// `complement`.
struct ClassExpr {
  bool complement = false;
  std::vector<std::vector<ClassAtom>> terms;
};

/// A parsed token pattern: RE2 operator text, token sets and literal tokens, in order.
struct TokenPatternPiece {
  enum class Kind { kRe2, kClass, kLiteral };
  Kind kind = Kind::kRe2;
  std::string text;  // kRe2: the RE2 text; kLiteral: the literal's text
  ClassExpr expr;    // kClass
  size_t offset = 0;
};

struct TokenPatternError {
  size_t offset = 0;
  std::string message;
};

/// Parses a token pattern whose macros are expanded. With `skip_macros`, `{NAME}` references
/// are skipped instead (to check a pattern or a macro as written, at its own positions).
/// Errors are values: the first one, with its offset in `text`.
std::optional<TokenPatternError> ParseTokenPattern(std::string_view text, bool skip_macros,
                                                   std::vector<TokenPatternPiece>* out);

/// `s` as a quoted literal of the pattern syntax ("\"" for a quote mark).
std::string QuoteTokenLiteral(std::string_view s);

}  // namespace quotecheck
