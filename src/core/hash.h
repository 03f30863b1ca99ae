#pragma once
/// The one byte-string hash of quotecheck: 64-bit FNV-1a (offset basis
/// 14695981039346656037, prime 1099511628211). Quick on the short keys it is used for (words,
/// match keys, document ids), with no state to seed, and stable across runs and builds, so
/// the values it gives may be written out (finding fingerprints, lint baselines).
///
/// Word hashes from diff (Token::hash), xref (the n-gram index) and lint (quotation
/// shingles) must agree: they all come from here.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace quotecheck {

inline constexpr uint64_t kFnv1a64Offset = 14695981039346656037ull;
inline constexpr uint64_t kFnv1a64Prime = 1099511628211ull;

/// Folds one more byte into the FNV-1a state `hash` (start from kFnv1a64Offset): for
/// callers that hash bytes as they scan them.
constexpr uint64_t Fnv1a64Step(uint64_t hash, unsigned char byte) {
  return (hash ^ byte) * kFnv1a64Prime;
}

/// 64-bit FNV-1a of `bytes`.
constexpr uint64_t Fnv1a64(std::string_view bytes) {
  uint64_t hash = kFnv1a64Offset;
  for (const char c : bytes) hash = Fnv1a64Step(hash, static_cast<unsigned char>(c));
  return hash;
}

/// Fnv1a64 as the hash of an unordered container of std::string keys that is looked up by
/// std::string_view, with no std::string made for a lookup (with std::equal_to<> as its
/// equality: `std::unordered_set<std::string, TextHash, std::equal_to<>>`).
struct TextHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return static_cast<size_t>(Fnv1a64(s)); }
};

/// A quicker hash of short byte strings (words, tokens) for lookups in memory only: it reads
/// eight bytes at a time (a string of four to eight bytes as its first and last four,
/// overlapping) where Fnv1a64 takes a multiply a byte. Its values are no contract: they may
/// change, so they must never be written out (use Fnv1a64 for that). Transparent, as
/// TextHash: `std::unordered_map<std::string, V, WordHash, std::equal_to<>>`.
struct WordHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    constexpr uint64_t kMultiplier = 0xD6E8FEB86659FD93ull;
    const char* p = s.data();
    const size_t n = s.size();
    uint64_t h = (n + 1) * 0x9E3779B97F4A7C15ull;
    auto mix = [&](uint64_t word) {
      h = (h ^ word) * kMultiplier;
      h ^= h >> 32;
    };
    if (n >= 8) {
      uint64_t word;
      for (size_t i = 0; i + 8 < n; i += 8) {
        std::memcpy(&word, p + i, 8);
        mix(word);
      }
      std::memcpy(&word, p + n - 8, 8);
      mix(word);
    } else if (n >= 4) {
      uint32_t first, last;
      std::memcpy(&first, p, 4);
      std::memcpy(&last, p + n - 4, 4);
      mix((uint64_t{first} << 32) | last);
    } else if (n > 0) {
      const auto byte = [&](size_t i) { return uint64_t{static_cast<unsigned char>(p[i])}; };
      mix((byte(0) << 16) | (byte(n / 2) << 8) | byte(n - 1));
    }
    return static_cast<size_t>(h);
  }
};

}  // namespace quotecheck
