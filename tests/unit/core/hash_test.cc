#include "core/hash.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <unordered_set>

namespace quotecheck {

// The function is constexpr: the reference values hold at compile time too.
static_assert(Fnv1a64("") == kFnv1a64Offset);
static_assert(Fnv1a64("a") == 0xaf63dc4c8601ec8cull);

TEST_SUITE("hash") {
  TEST_CASE("Fnv1a64: the reference values of FNV-1a") {
    const struct {
      std::string_view bytes;
      uint64_t hash;
    } cases[] = {
        {"", 14695981039346656037ull},
        {"a", 0xaf63dc4c8601ec8cull},
        {"foobar", 0x85944171f73967e8ull},
    };
    for (const auto& c : cases) {
      CAPTURE(c.bytes);
      CHECK(Fnv1a64(c.bytes) == c.hash);
    }
  }

  TEST_CASE("Fnv1a64Step, byte by byte, is Fnv1a64") {
    const std::string_view text = "Wörter \xff\x00 bytes";
    uint64_t hash = kFnv1a64Offset;
    for (const char c : text) hash = Fnv1a64Step(hash, static_cast<unsigned char>(c));
    CHECK(hash == Fnv1a64(text));
  }

  TEST_CASE("TextHash: a set of std::string found by std::string_view, hashed as Fnv1a64") {
    CHECK(TextHash()(std::string_view("foobar")) == static_cast<size_t>(0x85944171f73967e8ull));
    const std::unordered_set<std::string, TextHash, std::equal_to<>> words = {"said", "told"};
    const std::string_view text = "she told us";
    CHECK(words.count(text.substr(4, 4)) == 1);
    CHECK(words.count(text.substr(0, 3)) == 0);
    CHECK(words.find(std::string_view("said")) != words.end());
  }
}

}  // namespace quotecheck
