#pragma once
/// Token classes: an attribution window as a short string of class symbols, one per token,
/// so that rules written as token patterns (token_pattern.h) run as small RE2 programs.
///
/// A window is split once into tokens: runs of letters, runs of digits, runs of spaces and
/// tabs, each line feed and carriage return, and every other character on its own; then each
/// occurrence of a lexicon entry of several words (a phrase: "Vice President", "told
/// reporters") becomes one token, the longest phrase first (white space inside a phrase
/// matches any run of white-space tokens); a phrase is also in the lexicons of its head word
/// ("harbour master" is a source as "master" is). Each token gets one symbol by hash lookup: the
/// same symbol for every token with the same signature (its shape, the lexicons it is a one-token
/// entry of, the lexicons its lower-case form is an entry of, and which literal token of the
/// patterns it is). A class (<cue>, <CAP>, "said", <^NL|",">) is then the set of symbols whose
/// signature has it, and compiles to one RE2 character class. Signatures that no set of the
/// patterns tells apart then share one symbol (MergeEquivalentSymbols): with the built-in rules
/// 163 symbols for 285 signatures, each a Latin-1 byte; otherwise symbols are code points of one
/// UTF-8 byte (the commonest) or two (kOneByteSymbols). A match's byte offsets in the symbol
/// string map back to tokens through SymbolWindow::token_at.
///
/// Why: a character-level speaker pattern expands its lexicons at every use (10,000+ RE2
/// instructions, so RE2 runs its slow engines); over symbols the lexicons are hash lookups
/// done once per token and the programs stay small.

#include <array>
#include <bitset>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "attribute/token_pattern.h"
#include "core/byte_span.h"
#include "core/hash.h"

namespace re2 {
class RE2;
}

namespace quotecheck {

/// Token shape bits (kShapeNames in token_pattern.h names them).
enum TokenShape : uint16_t {
  kShapeSp = 1 << 0,
  kShapeNl = 1 << 1,
  kShapeCr = 1 << 2,
  kShapeOtherSpace = 1 << 3,  // form feed: in RE2's \s
  kShapeWord = 1 << 4,
  kShapeCap = 1 << 5,
  kShapeInitial = 1 << 6,
  kShapeLower = 1 << 7,
  kShapeAsciiLower = 1 << 8,
  kShapeLower1 = 1 << 9,
  kShapeEndsS = 1 << 10,
  kShapeEndsUpper = 1 << 11,
  kShapeLy = 1 << 12,
  kShapeNum = 1 << 13,
  kShapePunct = 1 << 14,
};
inline constexpr uint16_t kShapeSpace = kShapeSp | kShapeNl | kShapeCr | kShapeOtherSpace;

/// Which code points are letters, upper-case and lower-case letters, as the rules' {LETTER},
/// {UPPER} and {LOWER} macros say (so that token shapes agree with the character patterns).
/// Code points from kSize up are no letters.
struct LetterTable {
  static constexpr char32_t kSize = 0x800;
  static constexpr uint8_t kLetter = 1, kUpper = 2, kLower = 4;
  std::array<uint8_t, kSize> flags{};

  /// What TokeniseWindow reads of each byte in one lookup: an ASCII byte's flags (kLetter,
  /// kUpper, kLower) with kAsciiAz for a-z, kWordStart for a letter that starts a word (no
  /// space, tab or digit, which make tokens of their own first), kSpaceTab, kDigit; kNonAscii
  /// alone for a byte from 0x80 up (decoded). Any other byte (punctuation, line breaks) has
  /// none of these bits.
  static constexpr uint8_t kAsciiAz = 8, kWordStart = 16, kSpaceTab = 32, kDigit = 64,
                           kNonAscii = 128;
  std::array<uint8_t, 256> byte_kind{};

  /// From three RE2 character classes (each must match one whole code point); a null one
  /// falls back to the Unicode categories of core/code_point.h.
  static LetterTable FromPatterns(const re2::RE2* letter, const re2::RE2* upper,
                                  const re2::RE2* lower);
  bool Is(char32_t cp, uint8_t flag) const { return cp < kSize && (flags[cp] & flag) != 0; }
};

/// Which pairs of ASCII first and last bytes, case folded, a set of words has: a word whose
/// first and last bytes are ASCII is in the set, compared case-insensitively (ASCII letters;
/// other letters lowered keep the ASCII bytes where they are), only if its pair is here. A
/// word with a byte from 0x80 up at either end may always be (a set's word must be looked up).
class AsciiEndsFilter {
 public:
  /// Notes a word of the set by its first and last bytes.
  void Add(char first, char last) {
    if (const int key = Key(first, last); key >= 0) bits_[static_cast<size_t>(key)] = true;
  }
  /// False only when no word of the set has these ends (case folded).
  bool MayHold(char first, char last) const {
    const int key = Key(first, last);
    return key < 0 || bits_[static_cast<size_t>(key)];
  }

 private:
  static int Key(char first, char last) {
    const auto f = static_cast<unsigned char>(first), l = static_cast<unsigned char>(last);
    if (f >= 0x80 || l >= 0x80) return -1;
    auto lower = [](unsigned char c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; };
    return lower(f) * 128 + lower(l);
  }
  std::bitset<128 * 128> bits_;
};

/// One token of a window: byte offsets into the text and its shape bits.
struct WindowToken {
  uint32_t start = 0;
  uint32_t end = 0;
  uint16_t shape = 0;
};

/// A window as tokens and their symbols, as TokenClasses::Classify makes it.
struct SymbolWindow {
  std::vector<WindowToken> tokens;
  std::string symbols;             // one symbol a token: one or two UTF-8 bytes
  std::vector<uint16_t> token_at;  // symbol byte offset of a token's start (or the end) → token

  /// The bytes of the text that symbol bytes [from, to) stand for (both at token starts or
  /// the end); an empty span at `text_end` past the last token.
  ByteSpan TextSpan(size_t from, size_t to, size_t text_end) const {
    const size_t first = token_at[from], last = token_at[to];
    const size_t start = first < tokens.size() ? tokens[first].start : text_end;
    return {start, last > first ? tokens[last - 1].end : start};
  }
};

/// Splits text[start, end) into tokens (appended to `out`).
void TokeniseWindow(std::string_view text, size_t start, size_t end, const LetterTable& letters,
                    std::vector<WindowToken>* out);

/// The non-space tokens of `s`, as text.
std::vector<std::string> TokenTexts(std::string_view s, const LetterTable& letters);

/// A lexicon as a token macro: its entries of several tokens with punctuation ("Mr.",
/// "co-founder"; longest first; white space inside matching one or more white-space tokens),
/// then the set <name>. The set holds the one-token entries and the entries of several words
/// ("Secretary of State", "told reporters"): TokenClasses::Classify makes each occurrence of
/// those one phrase token, so that they are one RE2 class, not token sequences repeated at
/// every use of the macro (that made the speaker patterns twice as large, and RE2's capture
/// engine and compilation cost grow with the program).
std::string LexiconTokenMacro(std::string_view name, const std::vector<std::string>& entries,
                              const LetterTable& letters);

class TokenClasses {
 public:
  /// What the patterns use: the lexicons named in them (with their entries), those named
  /// case-insensitively (<x/i>), and their literal tokens (each one token).
  struct Uses {
    std::vector<std::pair<std::string, const std::vector<std::string>*>> lexicons;
    std::vector<std::string> folded;
    std::vector<std::string> literals;
  };

  /// The symbols of every signature the uses can give; an error message when there are
  /// more than the symbol range holds or more lexicons than kMaxLexicons.
  static std::unique_ptr<TokenClasses> Build(const LetterTable& letters, const Uses& uses,
                                             std::string* error);

  /// Tokenises text[start, end) into `window` (cleared first) with its symbols; phrases
  /// are merged into one token each.
  void Classify(std::string_view text, size_t start, size_t end, SymbolWindow* window) const;

  /// The RE2 pattern over symbols for a parsed token pattern (its atoms must be among the
  /// uses given to Build). Not const: it remembers the sets it has worked out.
  std::string Translate(const std::vector<TokenPatternPiece>& pieces);

  /// Gives one code point to each group of symbols that no set of `patterns` tells apart (a
  /// set is a class or a literal token of a pattern): every pattern then matches the same
  /// tokens, but its classes are fewer and shorter ranges, most of one UTF-8 byte, so its
  /// RE2 program is smaller (RE2's faster capture engine, BitState, takes only small
  /// programs) and compiles sooner. The groups are numbered so that the sets, weighted by
  /// how often the patterns use them, are few ranges, and U+000A is a symbol like any other
  /// (Translate writes RE2's . as the class of every symbol). Call it once, before
  /// Translate, with every pattern that will be translated: a pattern not among them may
  /// need a distinction it erased.
  void MergeEquivalentSymbols(const std::vector<const std::vector<TokenPatternPiece>*>& patterns);

  /// Whether symbols are Latin-1 bytes (after MergeEquivalentSymbols, when every group fits
  /// in one byte): the patterns must then be compiled with RE2's Latin-1 encoding.
  bool latin1() const { return latin1_; }
  static constexpr size_t kLatin1Symbols = 0xFF - 1;

  const LetterTable& letters() const { return letters_; }
  size_t symbol_count() const { return signatures_.size(); }

  static constexpr size_t kMaxLexicons = 64;
  /// As built, symbols are code points U+0001…U+007F but U+000A (one UTF-8 byte: RE2's DFA takes
  /// one step a token) for the commonest tokens, then U+0080…U+07FF (two bytes). The commonest:
  /// every signature that is no literal token (spaces, words by shape, lexicon words), then
  /// literal punctuation, then the shortest literal words ("a", "of", "the").
  static constexpr size_t kOneByteSymbols = 0x7F - 1;
  static constexpr size_t kMaxSymbols = kOneByteSymbols + (0x800 - 0x80);

 private:
  struct Signature {
    uint16_t shape = 0;
    uint64_t lexicons = 0;
    uint64_t folded = 0;
    int32_t literal = -1;
    auto operator<=>(const Signature&) const = default;
  };
  struct Vocab {
    uint64_t lexicons = 0;
    int32_t literal = -1;
  };
  // A lexicon entry of several tokens: its tokens but white space, and before each whether
  // white space separates it from the one before.
  struct Phrase {
    std::vector<std::string> words;
    std::vector<bool> space_before;
    uint16_t symbol = 0;
  };
  // What a token's text says: its own symbol (kNoSymbol: by shape and folded set) and the
  // phrases it starts (an index into phrase_lists_, or -1).
  static constexpr uint16_t kNoSymbol = 0xFFFF;
  struct TokenEntry {
    uint16_t symbol = kNoSymbol;
    int32_t phrases = -1;
  };

  // Lookups by std::string_view, without a std::string made for each token; WordHash
  // (core/hash.h) reads a token of a few letters in one or two loads, looked up once a token.
  template <typename V>
  using TextMap = std::unordered_map<std::string, V, WordHash, std::equal_to<>>;

  TokenClasses() = default;
  uint32_t FoldedSetOf(std::string_view token) const;
  uint16_t GenericSymbolOf(std::string_view token, uint16_t shape) const;
  // GenericSymbolOf past its table of shapes: by shape and folded set.
  uint16_t FoldedSymbolOf(std::string_view token, uint16_t shape) const;
  // The tokens phrase `p` covers from tokens[i] (its last + 1), or 0 when it is not there.
  size_t PhraseEnd(const Phrase& p, std::string_view text, const std::vector<WindowToken>& tokens,
                   size_t i) const;
  std::string CharClass(const ClassExpr& expr);
  // The RE2 class of symbols `ids` (recorded when recording_ is set).
  std::string ClassOf(const std::vector<uint16_t>& ids);
  std::string LiteralPattern(std::string_view literal);
  // The RE2 class of every symbol (RE2's . in a pattern).
  std::string AnySymbol();

  LetterTable letters_;
  std::unordered_map<std::string, int> lexicon_bit_;
  std::unordered_map<std::string, int> literal_id_;
  std::unordered_map<std::string, Vocab> vocab_;
  // Lower-case entry of a lexicon used case-insensitively → index in folded_sets_.
  TextMap<uint32_t> folded_;
  // The first and last bytes of folded_'s entries: most capitalised words of a window (names)
  // are no entry, and this tells so without lowering them and looking them up.
  AsciiEndsFilter folded_ends_;
  std::vector<uint64_t> folded_sets_;  // distinct folded lexicon bits; [0] is none
  std::vector<Signature> signatures_;  // by symbol id
  std::vector<char32_t> code_point_;   // by symbol id
  TextMap<TokenEntry> token_entry_;
  std::vector<Phrase> phrases_;
  std::vector<std::vector<uint32_t>> phrase_lists_;  // phrases by first word, most tokens first
  std::unordered_map<std::string, uint16_t> phrase_symbol_;     // PhraseKey → symbol
  std::unordered_map<uint64_t, uint16_t> generic_symbol_;       // shape << 32 | folded set → id
  std::array<uint16_t, kShapePunct * 2> generic_by_shape_;      // shape → id, no folded set
  std::unordered_map<std::string, std::string> class_cache_;    // set → its RE2 class
  std::unordered_map<std::string, std::string> literal_cache_;  // literal → its RE2 text
  // While merging: each set the patterns use (by class key) and how often.
  struct SetUse {
    std::vector<uint16_t> ids;
    size_t count = 0;
    std::vector<uint32_t> patterns;  // which patterns use it (indices, ascending)
  };
  // Records a use of a set by the pattern being recorded.
  void RecordUse(SetUse* use);
  std::unordered_map<std::string, SetUse>* recording_ = nullptr;
  uint32_t recording_pattern_ = 0;
  bool latin1_ = false;
};

}  // namespace quotecheck
