#pragma once
/// Finding the next of a few bytes in a long text: the passes that read every byte of every
/// document (the quotation scanner's marks and line breaks, the attributor's fixed-width
/// spaces) look for a handful of byte values that most bytes are not. Sixteen bytes are
/// compared at a time with SSE2 where the compiler targets it (every x86-64), the rest one at
/// a time.

#include <array>
#include <cstddef>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace quotecheck {

/// The position of the first byte of text[from, text.size()) that is one of `bytes`, or
/// text.size().
template <size_t N>
inline size_t FindFirstOfBytes(std::string_view text, size_t from,
                               const std::array<unsigned char, N>& bytes) {
  static_assert(N > 0);
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t p = from;
#if defined(__SSE2__)
  __m128i wanted[N];
  for (size_t k = 0; k < N; ++k) wanted[k] = _mm_set1_epi8(static_cast<char>(bytes[k]));
  for (; p + 16 <= n; p += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + p));
    __m128i hit = _mm_cmpeq_epi8(v, wanted[0]);
    for (size_t k = 1; k < N; ++k) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, wanted[k]));
    if (const unsigned m = static_cast<unsigned>(_mm_movemask_epi8(hit)); m != 0) {
      return p + static_cast<size_t>(__builtin_ctz(m));
    }
  }
#endif
  for (; p < n; ++p) {
    for (const unsigned char b : bytes) {
      if (s[p] == b) return p;
    }
  }
  return n;
}

}  // namespace quotecheck
