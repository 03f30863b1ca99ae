#include "report/json_writer.h"

#include <fmt/compile.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "core/code_point.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace quotecheck {
namespace {

// Doubles with at most this many decimals in (0, 1) are written without fmt (Double).
constexpr double kThousandths = 1000;

using json_detail::kAttention;

// The high bit of each byte of `w` that needs attention (NeedsAttention, the SWAR form): a
// byte below 0x20, '"' (0x22), '\\' (0x5C) or with the high bit set. Borrows can also mark
// a byte after (above) one that needs attention, never one before it: the lowest marked
// byte is the first that needs attention.
inline uint64_t AttentionBits(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  auto has_zero = [](uint64_t x) { return (x - kOnes) & ~x & kHigh; };
  const uint64_t below_space = (w - kOnes * 0x20) & ~w & kHigh;
  return (w & kHigh) | below_space | has_zero(w ^ (kOnes * '"')) | has_zero(w ^ (kOnes * '\\'));
}

// The position of the first byte from `i` on that may need attention, or `n`: sixteen bytes
// at a time (SSE2), then eight. The last bytes are read as the word that ends the string,
// whose earlier bytes were read before: with eight, marks there may leave a stray mark on a
// plain byte (the caller checks the byte it is given).
inline size_t NextAttention(const char* s, size_t i, size_t n) {
#if defined(__SSE2__)
  // Compared as signed bytes, those from 0x80 on are below 0x20 too.
  const __m128i space = _mm_set1_epi8(0x20), quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  auto marks = [&](const char* p) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i hit =
        _mm_or_si128(_mm_cmplt_epi8(v, space),
                     _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
    return static_cast<unsigned>(_mm_movemask_epi8(hit));
  };
  for (; i + 16 <= n; i += 16) {
    if (const unsigned m = marks(s + i); m != 0) return i + static_cast<size_t>(__builtin_ctz(m));
  }
  if (i < n && n >= 16) {
    const unsigned m = marks(s + n - 16) >> (16 - (n - i));  // the bytes from i on
    return m == 0 ? n : i + static_cast<size_t>(__builtin_ctz(m));
  }
#endif
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, s + i, 8);
    if (const uint64_t bits = AttentionBits(w); bits != 0) {
      return i + static_cast<size_t>(__builtin_ctzll(bits) >> 3);
    }
  }
  if (i == n) return n;
  if (n >= 8) {
    uint64_t w;
    std::memcpy(&w, s + n - 8, 8);
    const unsigned seen = static_cast<unsigned>(8 - (n - i));  // bytes before i in the word
    const uint64_t bits = AttentionBits(w) & (~uint64_t{0} << (8 * seen));
    return bits == 0 ? n : n - 8 + static_cast<size_t>(__builtin_ctzll(bits) >> 3);
  }
  while (i < n && !kAttention.table[static_cast<unsigned char>(s[i])]) ++i;
  return i;
}

}  // namespace

void AppendJsonString(std::string* out, std::string_view value) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->append("\"", 1);
  const char* s = value.data();
  const size_t n = value.size();
  size_t run_start = 0;  // bytes from here to i are copied as they are
  for (size_t i = NextAttention(s, 0, n); i < n; i = NextAttention(s, i, n)) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (!kAttention.table[c]) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      const DecodedCodePoint seq = DecodeUtf8(value, i, Utf8Check::kStrict);
      if (seq.valid) {
        i += seq.size;  // stays part of the verbatim run
        continue;
      }
      out->append(s + run_start, i - run_start);
      out->append(kUtf8ReplacementCharacter);
      i += seq.size;
      run_start = i;
      continue;
    }
    out->append(s + run_start, i - run_start);
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      default: {
        const char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        out->append(escape, sizeof escape);
      }
    }
    ++i;
    run_start = i;
  }
  out->append(s + run_start, n - run_start);
  out->append("\"", 1);
}

void JsonWriter::EscapedKey(std::string_view name) {
  BeforeValue();
  AppendJsonString(out_, name);
  out_->append(":", 1);
}

void JsonWriter::String(std::string_view value) {
  BeforeValue();
  AppendJsonString(out_, value);
}

void JsonWriter::Int(int64_t value) {
  BeforeValue();
  const fmt::format_int digits(value);
  out_->append(digits.data(), digits.size());
}

void JsonWriter::Uint(uint64_t value) {
  BeforeValue();
  const fmt::format_int digits(value);
  out_->append(digits.data(), digits.size());
}

void JsonWriter::Double(double value) {
  BeforeValue();
  if (!std::isfinite(value)) {
    out_->append("null");
    return;
  }
  // A value strictly between 0 and 1 with at most three decimals (the confidences, rounded
  // to kThousandths): "0." and its decimals without trailing zeros, which is the shortest
  // form that reads back (any shorter decimal is at least 0.001 away), written at once.
  if (value > 0 && value < 1) {
    const double thousandths = std::round(value * kThousandths);
    if (thousandths / kThousandths == value) {
      unsigned n = static_cast<unsigned>(thousandths);  // 1…999
      char decimals[5] = {'0', '.', static_cast<char>('0' + n / 100),
                          static_cast<char>('0' + n / 10 % 10), static_cast<char>('0' + n % 10)};
      size_t size = sizeof decimals;
      while (decimals[size - 1] == '0') --size;
      out_->append(decimals, size);
      return;
    }
  }
  // fmt's default is the shortest representation that round-trips: 0.93, 0.004, 1e-07.
  // FMT_COMPILE: the format is read at compile time, not at each of a report's numbers.
  char digits[32];
  const auto end = fmt::format_to_n(digits, sizeof digits, FMT_COMPILE("{}"), value);
  out_->append(digits, std::min(end.size, sizeof digits));
}

}  // namespace quotecheck
