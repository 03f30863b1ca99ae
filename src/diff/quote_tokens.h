#pragma once

#include "core/hash.h"
/// Tokenising a quotation for comparison with other quotations of the same words.
///
/// A quotation becomes word, punctuation and editorial tokens, each with its byte range in
/// the quotation text and a match key: Unicode NFKC with case folding, every quote mark and
/// apostrophe as ', every dash as -, abbreviation dots dropped (F.B.I. → fbi) and thousands
/// separators dropped from numbers (100,000 → 100000). Words are compared by key; the
/// punctuation tokens are kept apart (TokenKind::kPunct) so that matching can set them aside.
///
/// Compound hyphens split words ("left-wing" is left, -, wing), so "left-wing" and "left wing"
/// have the same words and differ only in punctuation. Editorial marks are tokens of their
/// own: an ellipsis (…, ..., . . ., […]) is kEllipsis, a bracketed insertion ([him], [sic]) is
/// kInsertion, whose key is its content's words.
///
/// Tokenise once per quotation and align many times: TokenizedQuote owns a copy of the text.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace quotecheck {

enum class TokenKind : uint8_t {
  kWord,       // letters, digits, inner apostrophes; numbers with . , / and a trailing %
  kPunct,      // one punctuation mark or symbol (a run of hyphens is one dash)
  kEllipsis,   // … ... . . . […]: words left out
  kInsertion,  // [him] [sic]: the editor's words
};

/// Facts about a token that the diff's meaning flags need (bit set).
enum TokenFlag : uint8_t {
  kTokenCapitalized = 1u << 0,    // a word whose first letter is upper-case
  kTokenSentenceStart = 1u << 1,  // the quotation's first word, or the first after . ! ? …
  kTokenAbbreviation = 1u << 2,   // a word whose key dropped abbreviation dots (F.B.I.)
  kTokenNumber = 1u << 3,         // digits or a number word (two, hundred)
  kTokenSentenceEnd = 1u << 4,    // . ! ? that ends a sentence with more words after it
  kTokenAtEdge = 1u << 5,         // an ellipsis before the first word or after the last
};

struct QuoteToken {
  TokenKind kind = TokenKind::kWord;
  uint8_t flags = 0;   // TokenFlag bits
  uint32_t start = 0;  // byte range in the quotation text
  uint32_t end = 0;
  uint32_t key_start = 0;  // range of the match key in TokenizedQuote::keys
  uint32_t key_size = 0;
  uint64_t hash = 0;  // Fnv1a64(key) (core/hash.h)

  bool punct() const { return kind == TokenKind::kPunct; }
  bool word() const { return kind == TokenKind::kWord; }
};

struct TokenizedQuote {
  std::string text;
  std::string keys;  // every token's key, back to back
  std::vector<QuoteToken> tokens;
  /// Indexes into `tokens` of what alignment compares: words, inner ellipses and insertions
  /// (not punctuation, not an ellipsis at either edge).
  std::vector<uint32_t> elements;
  uint32_t word_count = 0;  // tokens of kind kWord

  std::string_view Key(const QuoteToken& token) const {
    return std::string_view(keys).substr(token.key_start, token.key_size);
  }
  std::string_view Text(const QuoteToken& token) const {
    return std::string_view(text).substr(token.start, token.end - token.start);
  }
  const QuoteToken& Element(size_t i) const { return tokens[elements[i]]; }
};

/// Tokens of `text` (any bytes; invalid UTF-8 is kept as punctuation). Tokens are in text
/// order, do not overlap, and everything between them is white space.
TokenizedQuote TokenizeQuote(std::string_view text);

/// TokenizeQuote's tokens into `out`, copied from per-thread buffers into out's own, which
/// are reused where large enough (no larger than the largest quotation tokenised into them):
/// for tokens held a while in slots that many quotations take in turn (xref/pair_tokens.h).
void TokenizeQuoteReusing(std::string_view text, TokenizedQuote* out);

/// TokenizeQuote into `out`, whose buffers are reused (for tokens needed only for a moment:
/// no allocation once the buffers are large enough).
void TokenizeQuoteInto(std::string_view text, TokenizedQuote* out);

/// The tokens TokenizeQuote gives for the text of q's elements [begin, end) (from the first
/// byte of element `begin` to the last of element `end` − 1), made from q's tokens without
/// tokenising again, into `out` (whose buffers are reused); q's own tokens when the range is
/// empty or past q's elements. For reading the part two quotations share (link decisions).
void ElementRangeTokens(const TokenizedQuote& q, uint32_t begin, uint32_t end, TokenizedQuote* out);

/// The word keys of `text` joined by single spaces, punctuation and editorial marks set aside:
/// “Don’t  STOP—now.” → "don't stop now". For exact-key lookups and n-gram indexing.
std::string MatchKey(std::string_view text);

/// Whether `text` has a word token (MatchKey(text) is not empty); tokenises only when the
/// text holds a bracket (a bracketed insertion's words are not words of the quotation).
bool HasWord(std::string_view text);

/// MatchKey of a quotation already tokenised.
std::string MatchKey(const TokenizedQuote& q);

/// The match-key normalisation of any text: NFKC, case folding, quote marks and apostrophes
/// as ', dashes as -, white space runs as one space, trimmed. (No token rules: dots stay.)
std::string NormalizeForMatch(std::string_view text);

/// Number words as digits ("two" → "2", "hundred" → "100"); other keys unchanged.
std::string_view NumberValue(std::string_view key);

}  // namespace quotecheck
