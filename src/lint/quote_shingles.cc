#include "lint/quote_shingles.h"

#include <array>

#include "core/hash.h"

namespace quotecheck {
namespace {

constexpr size_t kRun = 4;
// Copies of a quotation's very words kept, in max_document_frequency units: a short common
// phrase needs many to find the one with its speaker.
constexpr uint32_t kWholeCopies = 16;

// By byte: its lower case when it is an ASCII letter or digit, else 0. (One table lookup a
// byte: FilterWordHashes reads every byte of a million texts.)
constexpr std::array<unsigned char, 256> kAsciiWordBytes = [] {
  std::array<unsigned char, 256> table{};
  for (int c = '0'; c <= '9'; ++c) table[c] = static_cast<unsigned char>(c);
  for (int c = 'a'; c <= 'z'; ++c) table[c] = static_cast<unsigned char>(c);
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = static_cast<unsigned char>(c - 'A' + 'a');
  return table;
}();

bool IsAsciiWordByte(unsigned char c) { return kAsciiWordBytes[c] != 0; }

uint64_t Combine(uint64_t seed, uint64_t value) {
  return (seed ^ value) * kFnv1a64Prime + 0x9E3779B97F4A7C15ull;
}

// A shingle's hash is its words' hashes chained, then its length: the shingles of 2, 3 and
// 4 words at one place share the chain of their first words (Probe computes it once).
uint64_t ChainStart(uint64_t word) { return Combine(kFnv1a64Offset, word); }
uint64_t Finish(uint64_t chain, size_t count) { return Combine(chain, count); }

// The hash of `count` (at least 1) word hashes starting at `words`.
uint64_t ShingleHash(const uint64_t* words, size_t count) {
  uint64_t h = ChainStart(words[0]);
  for (size_t i = 1; i < count; ++i) h = Combine(h, words[i]);
  return Finish(h, count);
}

// The bit of `hash` in a bit set of `bits` bits.
bool TestBit(const std::vector<uint64_t>& set, size_t bits, uint64_t hash) {
  const size_t bit = (hash >> 20) % bits;
  return (set[bit / 64] & (uint64_t{1} << (bit % 64))) != 0;
}
void SetBit(std::vector<uint64_t>* set, size_t bits, uint64_t hash) {
  const size_t bit = (hash >> 20) % bits;
  (*set)[bit / 64] |= uint64_t{1} << (bit % 64);
}

}  // namespace

void FilterWordHashes(std::string_view text, std::vector<uint64_t>* out) {
  std::vector<uint64_t>& words = *out;
  words.clear();
  uint64_t h = kFnv1a64Offset;
  bool in_word = false;
  auto end_word = [&]() {
    if (in_word) words.push_back(h);
    h = kFnv1a64Offset;
    in_word = false;
  };
  const size_t n = text.size();
  for (size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (const unsigned char lower = kAsciiWordBytes[c]) {
      h = Fnv1a64Step(h, lower);
      in_word = true;
    } else if (c == ' ') {
      end_word();  // the most common separator first
    } else if (c == '\'') {
      // dropped: don't = dont, the same as don’t
    } else if ((c == '.' || c == ',') && in_word && i + 1 < n &&
               IsAsciiWordByte(static_cast<unsigned char>(text[i + 1]))) {
      // F.B.I. = FBI, 100,000 = 100000
    } else if (c < 0x80) {
      end_word();
    } else if (c == 0xE2 && i + 2 < n &&
               (static_cast<unsigned char>(text[i + 1]) == 0x80 ||
                static_cast<unsigned char>(text[i + 1]) == 0x81)) {
      // U+2000..U+207F, General Punctuation: ‘ ’ are apostrophes, the rest separate words.
      const auto c2 = static_cast<unsigned char>(text[i + 2]);
      if (!(static_cast<unsigned char>(text[i + 1]) == 0x80 && (c2 == 0x98 || c2 == 0x99))) {
        end_word();
      }
      i += 2;
    } else if (c == 0xC2 && i + 1 < n && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      end_word();  // no-break space
      ++i;
    } else {
      h = Fnv1a64Step(h, c);  // other non-ASCII: part of the word, as it is
      in_word = true;
    }
  }
  end_word();
}

void QuoteShingles::Add(std::string_view text) {
  FilterWordHashes(text, &words_);
  const std::vector<uint64_t>& words = words_;
  if (words.size() < 2) return;
  wholes_.emplace(ShingleHash(words.data(), words.size()), 0);
  whole_sizes_.insert(words.size());
  if (words.size() < kRun) {
    Insert(words.data(), words.size(), true);
    lengths_[words.size()] = true;
    return;
  }
  for (size_t i = 0; i + kRun <= words.size(); ++i) {
    Insert(words.data() + i, kRun, words.size() == kRun);
  }
  lengths_[kRun] = true;
}

void QuoteShingles::Insert(const uint64_t* words, size_t count, bool whole_short) {
  const uint64_t hash = ShingleHash(words, count);
  hashes_[hash].whole_short |= whole_short;
  SetBit(&bits_, kBits, hash);
  SetBit(&pair_bits_, kPairBits, Combine(ChainStart(words[0]), words[1]));
}

// Probe's facts: [flags, hash of all the words, the added shingles found, in text order].
constexpr uint64_t kFactWhole = 1;  // all the words are an added quotation
constexpr uint64_t kFactShort = 2;  // the text has at most kRun words

bool QuoteShingles::Probe(std::string_view text, std::vector<uint64_t>* facts) const {
  facts->clear();
  if (hashes_.empty()) return false;
  thread_local std::vector<uint64_t> words;
  FilterWordHashes(text, &words);
  uint64_t flags = words.size() <= kRun ? kFactShort : 0;
  uint64_t whole = 0;
  // The very words of an added quotation: only a text of as many words can have them.
  if (!words.empty() && whole_sizes_.count(words.size()) > 0) {
    whole = ShingleHash(words.data(), words.size());
    if (wholes_.count(whole) > 0) flags |= kFactWhole;
  }
  facts->push_back(flags);
  facts->push_back(whole);
  // At each word, the shingles of 2, 3 and 4 words that start there, unless no added
  // shingle starts with its first two words (most places: a cheap first test).
  const size_t n = words.size();
  for (size_t i = 0; i + 2 <= n; ++i) {
    uint64_t chain = Combine(ChainStart(words[i]), words[i + 1]);
    if (!TestBit(pair_bits_, kPairBits, chain)) continue;
    for (size_t len = 2; len <= kRun && i + len <= n; ++len) {
      if (len > 2) chain = Combine(chain, words[i + len - 1]);
      if (!lengths_[len]) continue;
      const uint64_t hash = Finish(chain, len);
      if (!TestBit(bits_, kBits, hash)) continue;
      // A shingle found in max_document_frequency texts already keeps no text, and stays
      // so: left out, a line that shares only such common phrases is not decided in order.
      auto it = hashes_.find(hash);
      if (it != hashes_.end() && !it->second.spent.load(std::memory_order_relaxed)) {
        facts->push_back(hash);
      }
    }
  }
  return (flags & kFactWhole) != 0 || facts->size() > 2;
}

bool QuoteShingles::TakeProbed(std::span<const uint64_t> facts) {
  if (facts.size() < 2) return false;
  if ((facts[0] & kFactWhole) != 0) {
    auto whole = wholes_.find(facts[1]);
    if (whole != wholes_.end() && whole->second++ < kWholeCopies * max_document_frequency_) {
      return true;
    }
  }
  uint32_t shared = 0;
  bool short_side = (facts[0] & kFactShort) != 0;
  for (size_t k = 2; k < facts.size(); ++k) {
    Slot& slot = hashes_.find(facts[k])->second;  // Probe found it; none is added meanwhile
    if (slot.taken < max_document_frequency_) {
      ++shared;
      short_side |= slot.whole_short;
    }
    ++slot.taken;  // a shingle twice in one text counts twice: harmless
    if (slot.taken >= max_document_frequency_) slot.spent.store(true, std::memory_order_relaxed);
  }
  return shared >= 2 || (shared == 1 && short_side);
}

bool QuoteShingles::Take(std::string_view text) {
  std::vector<uint64_t>& facts = words_;  // scratch
  Probe(text, &facts);
  return TakeProbed(facts);
}

}  // namespace quotecheck
