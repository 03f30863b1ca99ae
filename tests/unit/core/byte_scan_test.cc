#include "core/byte_scan.h"

#include <doctest/doctest.h>

#include <array>
#include <string>

namespace quotecheck {

TEST_SUITE("core") {
  TEST_CASE("FindFirstOfBytes: the first of the bytes at every offset, from every start") {
    constexpr std::array<unsigned char, 3> kBytes = {'"', 0xE2, '\n'};
    // Each byte at every offset around the sixteen-byte blocks, after every start before it
    // and with a later one after it; none at all; a start at the end.
    for (const unsigned char wanted : kBytes) {
      for (size_t at = 0; at < 40; ++at) {
        std::string text(at, 'a');
        text += static_cast<char>(wanted);
        text += std::string(at % 19, 'b') + "\n";
        for (size_t from = 0; from <= at; ++from) {
          CAPTURE(at);
          CAPTURE(from);
          CHECK(FindFirstOfBytes(text, from, kBytes) == at);
        }
        CHECK(FindFirstOfBytes(text, at + 1, kBytes) == text.size() - 1);
        CHECK(FindFirstOfBytes(text, text.size(), kBytes) == text.size());
      }
    }
    const std::string none(50, 'x');
    CHECK(FindFirstOfBytes(none, 0, kBytes) == none.size());
    CHECK(FindFirstOfBytes(std::string_view(), 0, kBytes) == 0);
    // Bytes near the ones looked for are not taken for them.
    const std::string near = std::string(20, '\x21') + "\xE1\xE3#\x0B" + "\"";
    CHECK(FindFirstOfBytes(near, 0, kBytes) == near.size() - 1);
  }
}

}  // namespace quotecheck
