#include "diff/quote_tokens.h"

#include <utf8proc.h>

#include <array>
#include <cstdlib>

#include "core/code_point.h"
#include "core/hash.h"

namespace quotecheck {
namespace {

// ' for every quote mark and apostrophe, - for every dash, 0 otherwise.
char TypographyClass(char32_t cp) {
  if (cp < 0x80) return cp == '"' || cp == '\'' || cp == '`' ? '\'' : cp == '-' ? '-' : 0;
  switch (cp) {
    case 0x00B4:  // ´
    case 0x00AB:  // «
    case 0x00BB:  // »
    case 0x02BC:  // ʼ
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2032:  // ′
    case 0x2033:  // ″
    case 0x2039:  // ‹
    case 0x203A:  // ›
    case 0xFF02:
    case 0xFF07:
      return '\'';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE58:
    case 0xFE63:
    case 0xFF0D:
      return '-';
    default:
      return 0;
  }
}

// Classes of ASCII bytes for the tokeniser's fast paths (bit set; 0 past ASCII).
enum AsciiByteClass : uint8_t {
  kSpaceByte = 1u << 0,   // IsSpace
  kLetterByte = 1u << 1,  // a-z A-Z
  // Ends a word of ASCII letters whatever follows (Tokenizer::LetterWord): not a word character,
  // not an apostrophe that may join two parts, not a dot that may be an abbreviation's
  // (a dot after two or more letters ends the word too). NUL: the text's terminator.
  kEndsLetterRun = 1u << 2,
  // Punctuation that is a token of its own (Tokenizer::Punct) wherever it is: not [ . $.
  kPlainPunctByte = 1u << 3,
};
inline constexpr auto kAsciiByteClass = [] {
  std::array<uint8_t, 256> table{};
  for (int c = 0; c < 128; ++c) {
    uint8_t& t = table[c];
    if (c == ' ' || (c >= '\t' && c <= '\r')) t |= kSpaceByte;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      t |= kLetterByte;
    } else if (!(c >= '0' && c <= '9') && c != '\'' && c != '`' && c != '.') {
      t |= kEndsLetterRun;
    }
    const bool word_char = (c >= '0' && c <= '9') || (t & kLetterByte);
    if (!(t & kSpaceByte) && !word_char && c != '[' && c != '.' && c != '$') t |= kPlainPunctByte;
  }
  return table;
}();

// Apostrophes that may join the parts of a word (don't, Trump’s).
bool IsWordApostrophe(char32_t cp) {
  return cp == U'\'' || cp == 0x2019 || cp == 0x2018 || cp == U'`' || cp == 0x00B4;
}

bool IsCurrency(char32_t cp) { return cp == U'$' || cp == 0x00A3 || cp == 0x20AC || cp == 0x00A5; }

// NFKC + case folding of `in`, appended to `out`, with quote marks and dashes unified after
// the mapping (NFKC turns full-width marks into ASCII ones).
void AppendNfkcCasefold(std::string_view in, std::string& out) {
  utf8proc_uint8_t* mapped = nullptr;
  auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(in.data()),
                                    static_cast<utf8proc_ssize_t>(in.size()), &mapped, options);
  if (n < 0) {  // invalid UTF-8: keep the bytes, lower-cased where ASCII
    for (char c : in) out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c);
    return;
  }
  std::string_view m(reinterpret_cast<const char*>(mapped), static_cast<size_t>(n));
  for (size_t i = 0; i < m.size();) {
    DecodedCodePoint d = DecodeAt(m, i);
    if (char t = TypographyClass(d.cp)) {
      out.push_back(t);
    } else {
      out.append(m.substr(i, d.size));
    }
    i += d.size;
  }
  std::free(mapped);
}

constexpr std::pair<std::string_view, std::string_view> kNumberWords[] = {
    {"zero", "0"},        {"one", "1"},         {"two", "2"},           {"three", "3"},
    {"four", "4"},        {"five", "5"},        {"six", "6"},           {"seven", "7"},
    {"eight", "8"},       {"nine", "9"},        {"ten", "10"},          {"eleven", "11"},
    {"twelve", "12"},     {"thirteen", "13"},   {"fourteen", "14"},     {"fifteen", "15"},
    {"sixteen", "16"},    {"seventeen", "17"},  {"eighteen", "18"},     {"nineteen", "19"},
    {"twenty", "20"},     {"thirty", "30"},     {"forty", "40"},        {"fifty", "50"},
    {"sixty", "60"},      {"seventy", "70"},    {"eighty", "80"},       {"ninety", "90"},
    {"hundred", "100"},   {"thousand", "1000"}, {"million", "1000000"}, {"billion", "1e9"},
    {"trillion", "1e12"}, {"dozen", "12"},      {"half", "0.5"},        {"percent", "%"},
};

// For the word tables below, looked up for every word of every quotation with the hash its
// token has anyway: slots by the hash's low bits (linear probing, mostly empty), so that most
// words are rejected by one empty slot and the rest compared with the entries of equal hash.
class WordHashTable {
 public:
  template <typename Words, typename WordOf>
  constexpr WordHashTable(const Words& words, WordOf word_of) {
    if (std::size(words) * 4 > kSlots) throw "WordHashTable: too full";
    for (size_t i = 0; i < std::size(words); ++i) {
      const uint64_t hash = Fnv1a64(word_of(words[i]));
      size_t slot = hash & (kSlots - 1);
      while (index_[slot] != 0) slot = (slot + 1) & (kSlots - 1);
      index_[slot] = static_cast<uint8_t>(i + 1);
      hash_[slot] = hash;
    }
  }
  /// The index of `key` (whose Fnv1a64 is `hash`) in the table (`word_of(words[i]) ==
  /// key`), or -1.
  template <typename Words, typename WordOf>
  int Find(std::string_view key, uint64_t hash, const Words& words, WordOf word_of) const {
    for (size_t slot = hash & (kSlots - 1); index_[slot] != 0; slot = (slot + 1) & (kSlots - 1)) {
      if (hash_[slot] == hash && word_of(words[index_[slot] - 1]) == key) return index_[slot] - 1;
    }
    return -1;
  }

 private:
  // At least four times the entries of a table: most slots empty, short probes.
  static constexpr size_t kSlots = 256;
  uint8_t index_[kSlots] = {};  // entry + 1; 0: empty
  uint64_t hash_[kSlots] = {};
};

constexpr std::string_view kTitleAbbreviations[] = {
    "mr", "mrs", "ms",  "dr",   "sen", "rep", "gov",  "gen", "st", "jr", "sr",  "prof",
    "lt", "col", "sgt", "capt", "rev", "hon", "pres", "vs",  "mt", "ft", "sec", "adm"};

// Words after which a period does not end the sentence (`hash`: Fnv1a64(key)).
bool IsTitleAbbreviation(std::string_view key, uint64_t hash) {
  static constexpr auto kWord = [](std::string_view w) { return w; };
  static constexpr WordHashTable kTable(kTitleAbbreviations, kWord);
  return kTable.Find(key, hash, kTitleAbbreviations, kWord) >= 0;
}

// The index in kNumberWords of `key` (`hash`: Fnv1a64(key)), or -1.
int NumberWordIndex(std::string_view key, uint64_t hash) {
  static constexpr auto kWord = [](const std::pair<std::string_view, std::string_view>& e) {
    return e.first;
  };
  static constexpr WordHashTable kTable(kNumberWords, kWord);
  return kTable.Find(key, hash, kNumberWords, kWord);
}

// The word count, the ellipses at either edge (kTokenAtEdge) and the elements of tokens
// made in text order: the last step of ElementRangeTokens, and of tokenising when an
// ellipsis may be at an edge (Tokenizer::Finish).
void FinishTokens(TokenizedQuote& out) {
  auto& tokens = out.tokens;
  size_t first = tokens.size();
  size_t last = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].word()) {
      if (first == tokens.size()) first = i;
      last = i;
      ++out.word_count;
    }
  }
  out.elements.reserve(out.word_count + 2);
  for (size_t i = 0; i < tokens.size(); ++i) {
    QuoteToken& t = tokens[i];
    if (t.kind == TokenKind::kEllipsis && (i < first || i > last || first == tokens.size())) {
      t.flags |= kTokenAtEdge;
      continue;
    }
    if (t.kind != TokenKind::kPunct) out.elements.push_back(static_cast<uint32_t>(i));
  }
}

class Tokenizer;
void TokenizeInto(std::string_view text, TokenizedQuote& out);

class Tokenizer {
 public:
  explicit Tokenizer(TokenizedQuote& out) : out_(out), text_(out.text) {}

  void Run() {
    out_.tokens.reserve(text_.size() / 4 + 4);
    out_.keys.reserve(text_.size());
    size_t pos = 0;
    while (pos < text_.size()) {
      const uint8_t byte_class = kAsciiByteClass[static_cast<unsigned char>(text_[pos])];
      if (byte_class & kSpaceByte) {
        ++pos;
        continue;
      }
      if (byte_class & kLetterByte) {
        pos = LetterWord(pos);
        continue;
      }
      if (byte_class & kPlainPunctByte) {
        pos = Punct(pos, DecodedCodePoint{static_cast<unsigned char>(text_[pos]), 1, true});
        continue;
      }
      DecodedCodePoint d = DecodeAt(text_, pos);
      if (IsSpace(d.cp)) {
        pos += d.size;
      } else if (d.cp == U'[' && Bracket(pos)) {
        pos = out_.tokens.back().end;
      } else if (d.cp == 0x2026) {
        Emit(TokenKind::kEllipsis, pos, pos + d.size, "...");
        pos += d.size;
      } else if (d.cp == U'.' && DotEllipsis(pos)) {
        pos = out_.tokens.back().end;
      } else if (IsWordChar(d.cp) ||
                 (IsCurrency(d.cp) && IsDigit(DecodeAt(text_, pos + d.size).cp))) {
        pos = Word(pos);
      } else {
        pos = Punct(pos, d);
      }
    }
    Finish();
  }

 private:
  void Emit(TokenKind kind, size_t start, size_t end, std::string_view key, uint8_t flags = 0) {
    const size_t key_start = out_.keys.size();
    out_.keys.append(key);
    Push(kind, start, end, key_start, Fnv1a64(key), flags);
  }

  // A token whose key is the keys from `key_start` on, and `hash` its Fnv1a64.
  void Push(TokenKind kind, size_t start, size_t end, size_t key_start, uint64_t hash,
            uint8_t flags) {
    QuoteToken t;
    t.kind = kind;
    t.flags = flags;
    t.start = static_cast<uint32_t>(start);
    t.end = static_cast<uint32_t>(end);
    t.key_start = static_cast<uint32_t>(key_start);
    t.key_size = static_cast<uint32_t>(out_.keys.size() - key_start);
    t.hash = hash;
    if (kind != TokenKind::kPunct)
      out_.elements.push_back(static_cast<uint32_t>(out_.tokens.size()));
    if (kind == TokenKind::kWord) ++out_.word_count;
    out_.tokens.push_back(t);
  }

  // [him] → kInsertion; […] → kEllipsis. False when there is no closing bracket nearby.
  bool Bracket(size_t pos) {
    size_t limit = std::min(text_.size(), pos + 120);
    size_t close = pos + 1;
    while (close < limit && text_[close] != ']' && text_[close] != '[' && text_[close] != '\n') {
      ++close;
    }
    if (close >= limit || text_[close] != ']') return false;
    std::string_view inner = text_.substr(pos + 1, close - pos - 1);
    TokenizedQuote content;  // not TokenizeQuote: its buffers hold the text around this
    TokenizeInto(inner, content);
    bool all_ellipsis = !content.tokens.empty();
    std::string key;
    for (const QuoteToken& t : content.tokens) {
      if (t.kind != TokenKind::kEllipsis) all_ellipsis = false;
      if (t.kind != TokenKind::kWord) continue;
      if (!key.empty()) key.push_back(' ');
      key.append(content.Key(t));
    }
    if (all_ellipsis) {
      Emit(TokenKind::kEllipsis, pos, close + 1, "...");
      return true;
    }
    uint8_t flags = 0;
    if (!content.tokens.empty() && (content.tokens[0].flags & kTokenCapitalized)) {
      flags |= kTokenCapitalized;
    }
    if (sentence_start_) flags |= kTokenSentenceStart;
    if (pending_end_ >= 0)
      out_.tokens[static_cast<size_t>(pending_end_)].flags |= kTokenSentenceEnd;
    pending_end_ = -1;
    sentence_start_ = false;
    Emit(TokenKind::kInsertion, pos, close + 1, key, flags);
    return true;
  }

  // "..." (or more dots) or ". . ." at pos.
  bool DotEllipsis(size_t pos) {
    auto at = [&](size_t i) { return i < text_.size() ? text_[i] : '\0'; };
    size_t end = pos;
    if (at(pos + 1) == '.' && at(pos + 2) == '.') {
      end = pos + 3;
      while (at(end) == '.') ++end;
    } else if (at(pos + 1) == ' ' && at(pos + 2) == '.' && at(pos + 3) == ' ' &&
               at(pos + 4) == '.') {
      end = pos + 5;
      while (at(end) == ' ' && at(end + 1) == '.') end += 2;
    } else {
      return false;
    }
    Emit(TokenKind::kEllipsis, pos, end, "...");
    return true;
  }

  size_t Punct(size_t pos, DecodedCodePoint d) {
    size_t end = pos + d.size;
    char typo = TypographyClass(d.cp);
    if (typo == '-') {  // a run of dashes is one dash
      for (DecodedCodePoint n = DecodeAt(text_, end); TypographyClass(n.cp) == '-';
           n = DecodeAt(text_, end)) {
        end += n.size;
      }
    }
    std::string_view bytes = text_.substr(pos, end - pos);
    uint8_t flags = 0;
    if (d.cp == U'.' || d.cp == U'!' || d.cp == U'?') {
      if (d.cp != U'.' || !last_word_title_) {
        sentence_start_ = true;
        pending_end_ = static_cast<int64_t>(out_.tokens.size());
      }
    }
    if (typo) {
      Emit(TokenKind::kPunct, pos, end, std::string_view(&typo, 1), flags);
    } else if (d.cp < 0x80) {
      Emit(TokenKind::kPunct, pos, end, bytes, flags);
    } else {
      scratch_.clear();
      AppendNfkcCasefold(bytes, scratch_);
      Emit(TokenKind::kPunct, pos, end, scratch_, flags);
    }
    return end;
  }

  // Word(start) for a word that starts with an ASCII letter: a word of ASCII letters and
  // the apostrophes between them (don't, I’m), ended by what ends it whatever follows, is
  // copied, lower-cased and hashed in one pass; any other goes to Word. text_ is a
  // std::string's, so text_[text_.size()] is NUL.
  size_t LetterWord(size_t start) {
    const char* text = text_.data();
    auto byte_class = [&](size_t i) {
      return kAsciiByteClass[static_cast<unsigned char>(text[i])];
    };
    size_t p = start + 1;
    while (byte_class(p) & kLetterByte) ++p;
    bool apostrophe = false;  // an apostrophe: a dot after it ends the word, ` keys as '
    bool wide = false;        // an apostrophe past ASCII (’)
    while (!(byte_class(p) & kEndsLetterRun)) {
      const unsigned char c = static_cast<unsigned char>(text[p]);
      if (c == '.') {
        if (apostrophe || p - start > 1) break;
        return Word(start);  // U.S.
      }
      size_t size = 1;  // of the apostrophe at p
      if (c >= 0x80) {
        const DecodedCodePoint d = DecodeAt(text_, p);
        if (!IsWordApostrophe(d.cp)) {
          if (IsWordChar(d.cp)) return Word(start);
          break;
        }
        size = d.size;
        wide = true;
      } else if (c != '\'' && c != '`') {
        return Word(start);  // a digit
      }
      if (!(byte_class(p + size) & kLetterByte)) {
        if (static_cast<unsigned char>(text[p + size]) >= 0x80) return Word(start);
        break;  // no letter after the apostrophe: the word ends before it
      }
      apostrophe = true;  // the apostrophe joins two parts
      p += size + 1;
      while (byte_class(p) & kLetterByte) ++p;
    }
    // The key: letters lower-cased (| 0x20), every apostrophe as ' (past ASCII only
    // apostrophes are in the word), written over a copy of the word's bytes.
    std::string& keys = out_.keys;
    const size_t key_start = keys.size();
    const size_t size = p - start;
    keys.append(text + start, size);
    char* key = keys.data() + key_start;
    uint64_t hash = kFnv1a64Offset;
    if (!apostrophe) {  // letters only
      for (size_t i = 0; i < size; ++i) {
        key[i] = static_cast<char>(key[i] | 0x20);
        hash = Fnv1a64Step(hash, static_cast<unsigned char>(key[i]));
      }
    } else if (!wide) {
      for (size_t i = 0; i < size; ++i) {
        key[i] = key[i] == '`' ? '\'' : static_cast<char>(key[i] | 0x20);
        hash = Fnv1a64Step(hash, static_cast<unsigned char>(key[i]));
      }
    } else {
      size_t written = 0;
      for (size_t i = 0; i < size; ++i) {
        char k = key[i] == '`' ? '\'' : static_cast<char>(key[i] | 0x20);
        if (static_cast<unsigned char>(key[i]) >= 0x80) {
          k = '\'';
          while (i + 1 < size && IsUtf8Continuation(static_cast<unsigned char>(key[i + 1]))) ++i;
        }
        key[written++] = k;
        hash = Fnv1a64Step(hash, static_cast<unsigned char>(k));
      }
      keys.resize(key_start + written);
    }
    const bool capitalized = text[start] <= 'Z';
    FinishWord(start, p, key_start, hash, capitalized ? kTokenCapitalized : 0);
    return p;
  }

  // The word [start, end) whose key is the keys from `key_start` on and `hash` its Fnv1a64,
  // with `flags` (capitalized, abbreviation, number by digits) known from its bytes.
  void FinishWord(size_t start, size_t end, size_t key_start, uint64_t hash, uint8_t flags) {
    const std::string_view key(out_.keys.data() + key_start, out_.keys.size() - key_start);
    if (!(flags & kTokenNumber) && NumberWordIndex(key, hash) >= 0) flags |= kTokenNumber;
    if (sentence_start_) flags |= kTokenSentenceStart;
    if (pending_end_ >= 0)
      out_.tokens[static_cast<size_t>(pending_end_)].flags |= kTokenSentenceEnd;
    pending_end_ = -1;
    sentence_start_ = false;
    last_word_title_ = IsTitleAbbreviation(key, hash);
    Push(TokenKind::kWord, start, end, key_start, hash, flags);
  }

  size_t Word(size_t start) {
    size_t p = start;
    bool ascii = true;
    bool digits = false;
    bool abbreviation = false;
    size_t segment_letters = 0;  // letters since the start or the last abbreviation dot
    bool segment_pure = true;    // the segment has letters only
    char32_t prev = 0;
    DecodedCodePoint first = DecodeAt(text_, start);
    if (IsCurrency(first.cp)) {
      ascii = first.cp < 0x80;
      p += first.size;
      prev = first.cp;
    }
    while (p < text_.size()) {
      const unsigned char c = static_cast<unsigned char>(text_[p]);
      if (c < 0x80 && IsWordChar(c)) {  // most characters: no decoding, no Unicode classes
        if (c <= '9') {
          digits = true;
          segment_pure = false;
        } else {
          ++segment_letters;
        }
        prev = c;
        ++p;
        continue;
      }
      DecodedCodePoint d = DecodeAt(text_, p);
      if (IsWordChar(d.cp)) {
        if (d.cp >= 0x80) ascii = false;
        if (IsDigit(d.cp)) {
          digits = true;
          segment_pure = false;
        } else {
          ++segment_letters;
        }
        prev = d.cp;
        p += d.size;
        continue;
      }
      DecodedCodePoint next = DecodeAt(text_, p + d.size);
      bool prev_digit = IsDigit(prev);
      bool next_digit = IsDigit(next.cp);
      if (IsWordApostrophe(d.cp) && prev != 0 && !IsDigit(prev) && IsWordChar(next.cp) &&
          !IsDigit(next.cp)) {
        if (d.cp >= 0x80) ascii = false;
        prev = d.cp;
        p += d.size;
        segment_pure = false;
        continue;
      }
      if (prev_digit && next_digit && (d.cp == U'.' || d.cp == U'/')) {
        prev = d.cp;
        p += d.size;
        continue;
      }
      if (prev_digit && d.cp == U',' && ThreeDigitsThenEnd(p + 1)) {
        prev = d.cp;
        p += d.size;
        continue;
      }
      if (prev_digit && d.cp == U'%') {
        p += d.size;
        break;
      }
      if (d.cp == U'.' && segment_letters == 1 && segment_pure && IsWordChar(prev)) {
        // U.S., F.B.I.: single letters between dots.
        DecodedCodePoint after = DecodeAt(text_, p + 1 + next.size);
        bool inner = IsWordChar(next.cp) && !IsDigit(next.cp) && after.cp == U'.';
        if (inner) {
          abbreviation = true;
          p += 1;
          prev = U'.';
          segment_letters = 0;
          continue;
        }
        if (abbreviation) {
          p += 1;  // the final dot of F.B.I.
          break;
        }
      }
      break;
    }
    // The key, written straight after the keys before it.
    std::string& keys = out_.keys;
    const size_t key_start = keys.size();
    std::string_view bytes = text_.substr(start, p - start);
    auto keep = [&](char32_t cp) {
      if (cp == U'.' && abbreviation) return false;
      if (cp == U',' && digits) return false;
      return true;
    };
    uint64_t hash = kFnv1a64Offset;
    bool hashed = false;
    if (ascii && !abbreviation && !digits) {  // letters and apostrophes: every byte kept
      keys.append(bytes);
      char* key = keys.data() + key_start;
      for (size_t i = 0; i < bytes.size(); ++i) {
        const char c = key[i];
        key[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c == '`' ? '\'' : c;
        hash = Fnv1a64Step(hash, static_cast<unsigned char>(key[i]));
      }
      hashed = true;
    } else if (ascii) {
      for (char c : bytes) {
        if (!keep(static_cast<unsigned char>(c))) continue;
        if (c == '`') c = '\'';
        keys.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c);
      }
    } else {
      std::string raw;
      raw.reserve(bytes.size());
      for (size_t i = 0; i < bytes.size();) {
        DecodedCodePoint d = DecodeAt(bytes, i);
        if (keep(d.cp)) {
          if (char t = TypographyClass(d.cp)) {
            raw.push_back(t);
          } else {
            raw.append(bytes.substr(i, d.size));
          }
        }
        i += d.size;
      }
      bool raw_ascii = true;
      for (char c : raw) raw_ascii = raw_ascii && static_cast<unsigned char>(c) < 0x80;
      if (raw_ascii) {  // only apostrophes were outside ASCII
        for (char c : raw) keys.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c);
      } else {
        AppendNfkcCasefold(raw, keys);
      }
    }
    if (!hashed) hash = Fnv1a64(std::string_view(keys).substr(key_start));
    uint8_t flags = 0;
    if (IsUpper(first.cp)) flags |= kTokenCapitalized;
    if (abbreviation) flags |= kTokenAbbreviation;
    if (digits) flags |= kTokenNumber;
    FinishWord(start, p, key_start, hash, flags);
    return p;
  }

  bool ThreeDigitsThenEnd(size_t p) const {
    for (size_t i = 0; i < 3; ++i) {
      if (p + i >= text_.size() || text_[p + i] < '0' || text_[p + i] > '9') return false;
    }
    return p + 3 >= text_.size() || text_[p + 3] < '0' || text_[p + 3] > '9';
  }

  // Push made the elements and the word count; an ellipsis is an element unless it is at an
  // edge, which only an element list that does not start and end with words can have.
  void Finish() {
    const auto& elements = out_.elements;
    if (elements.empty() ||
        (out_.tokens[elements.front()].word() && out_.tokens[elements.back()].word())) {
      return;
    }
    out_.elements.clear();
    out_.word_count = 0;
    FinishTokens(out_);
  }

  TokenizedQuote& out_;
  std::string_view text_;
  std::string scratch_;
  bool sentence_start_ = true;
  bool last_word_title_ = false;
  int64_t pending_end_ = -1;
};

}  // namespace

std::string_view NumberValue(std::string_view key) {
  const int i = NumberWordIndex(key, Fnv1a64(key));
  return i >= 0 ? kNumberWords[i].second : key;
}

namespace {

// Tokenises `text` into `out`, whose buffers are reused.
void TokenizeInto(std::string_view text, TokenizedQuote& out) {
  out.text.assign(text);
  out.keys.clear();
  out.tokens.clear();
  out.elements.clear();
  out.word_count = 0;
  Tokenizer(out).Run();
}

}  // namespace

void TokenizeQuoteInto(std::string_view text, TokenizedQuote* out) { TokenizeInto(text, *out); }

void TokenizeQuoteReusing(std::string_view text, TokenizedQuote* out) {
  // Tokenised into buffers kept per thread (reserved for the worst case), then copied at
  // their exact sizes: check keeps a representative's tokens for most of the run, and the
  // worst-case reserve left about half of that memory unused.
  thread_local TokenizedQuote scratch;
  TokenizeInto(text, scratch);
  out->text = scratch.text;
  out->keys = scratch.keys;
  out->tokens = scratch.tokens;
  out->elements = scratch.elements;
  out->word_count = scratch.word_count;
}

TokenizedQuote TokenizeQuote(std::string_view text) {
  TokenizedQuote out;
  TokenizeQuoteReusing(text, &out);
  return out;
}

void ElementRangeTokens(const TokenizedQuote& q, uint32_t begin, uint32_t end,
                        TokenizedQuote* out) {
  out->keys.clear();
  out->tokens.clear();
  out->elements.clear();
  out->word_count = 0;
  if (begin >= end || end > q.elements.size()) {
    out->text = q.text;
    out->keys = q.keys;
    out->tokens = q.tokens;
    out->elements = q.elements;
    out->word_count = q.word_count;
    return;
  }
  const uint32_t first = q.elements[begin], last = q.elements[end - 1];
  const uint32_t from = q.tokens[first].start;
  const std::string_view text = std::string_view(q.text).substr(from, q.tokens[last].end - from);
  if (!q.tokens[first].word()) {  // an editorial mark first: what came before it may count
    TokenizeInto(text, *out);
    return;
  }
  out->text.assign(text);
  // Every token is made from its own bytes alone (tokens end where the text's next token
  // begins, or at white space), so the tokens of the range are q's. Only what the tokeniser
  // carries from one token to the next differs at the range's edges: the range's first word
  // or insertion starts its sentence, a sentence end needs a later word or insertion in the
  // range, and the edges' ellipses are the range's (FinishTokens).
  bool sentence_started = false;  // the first token is a word
  for (uint32_t i = first; i <= last; ++i) {
    QuoteToken t = q.tokens[i];
    t.start -= from;
    t.end -= from;
    t.key_start = static_cast<uint32_t>(out->keys.size());
    out->keys.append(q.Key(q.tokens[i]));
    t.flags &= static_cast<uint8_t>(~(kTokenAtEdge | kTokenSentenceEnd));
    if ((t.kind == TokenKind::kWord || t.kind == TokenKind::kInsertion) && !sentence_started) {
      t.flags |= kTokenSentenceStart;
      sentence_started = true;
    }
    out->tokens.push_back(t);
  }
  // A sentence end keeps its flag when a word or insertion follows it in the range.
  bool word_after = false;
  for (size_t k = out->tokens.size(); k-- > 0;) {
    QuoteToken& t = out->tokens[k];
    if (t.kind == TokenKind::kWord || t.kind == TokenKind::kInsertion) {
      word_after = true;
    } else if (word_after && (q.tokens[first + k].flags & kTokenSentenceEnd)) {
      t.flags |= kTokenSentenceEnd;
    }
  }
  FinishTokens(*out);
}

std::string MatchKey(std::string_view text) {
  thread_local TokenizedQuote t;
  TokenizeInto(text, t);
  return MatchKey(t);
}

bool HasWord(std::string_view text) {
  if (text.find('[') != std::string_view::npos) return !MatchKey(text).empty();
  // Without brackets every word character starts a word token (Tokenizer::Run).
  for (size_t i = 0; i < text.size();) {
    DecodedCodePoint d = DecodeAt(text, i);
    if (IsWordChar(d.cp)) return true;
    i += d.size;
  }
  return false;
}

std::string MatchKey(const TokenizedQuote& q) {
  // Written through a pointer into room for every key and a space each (no append per word).
  std::string key(q.keys.size() + q.word_count, '\0');
  char* out = key.data();
  for (const QuoteToken& t : q.tokens) {
    if (!t.word()) continue;
    if (out != key.data()) *out++ = ' ';
    const char* k = q.keys.data() + t.key_start;
    for (uint32_t i = 0; i < t.key_size; ++i) *out++ = k[i];
  }
  key.resize(static_cast<size_t>(out - key.data()));
  return key;
}

std::string NormalizeForMatch(std::string_view text) {
  std::string raw;
  raw.reserve(text.size());
  bool space = false;
  for (size_t i = 0; i < text.size();) {
    DecodedCodePoint d = DecodeAt(text, i);
    if (IsSpace(d.cp)) {
      space = true;
    } else {
      if (space && !raw.empty()) raw.push_back(' ');
      space = false;
      if (char t = TypographyClass(d.cp)) {
        raw.push_back(t);
      } else if (d.cp == 0xFFFD && d.size == 1) {
        raw.push_back(text[i]);
      } else {
        AppendUtf8(d.cp, &raw);
      }
    }
    i += d.size;
  }
  std::string out;
  out.reserve(raw.size());
  AppendNfkcCasefold(raw, out);
  return out;
}

}  // namespace quotecheck
