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

}  // namespace quotecheck
