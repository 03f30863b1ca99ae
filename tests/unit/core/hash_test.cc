#include "core/hash.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

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

  TEST_CASE("WordHash: equal strings hash alike; strings that differ in one byte do not") {
    // Each length reads its bytes its own way: up to three bytes, four to eight (two
    // overlapping loads), and longer (eight at a time, the last load overlapping).
    const std::vector<std::string> words = {"",
                                            "a",
                                            "ab",
                                            "abc",
                                            "abcd",
                                            "abcde",
                                            "abcdefg",
                                            "abcdefgh",
                                            "abcdefghi",
                                            "abcdefghijklmnop",
                                            "abcdefghijklmnopq",
                                            "Wörter",
                                            "said",
                                            "told reporters"};
    const WordHash hash;
    std::unordered_set<size_t> seen;
    for (const std::string& w : words) {
      CAPTURE(w);
      CHECK(hash(w) == hash(std::string_view(std::string(w))));
      seen.insert(hash(w));
      for (size_t i = 0; i < w.size(); ++i) {
        std::string other = w;
        other[i] = static_cast<char>(other[i] ^ 0x20);
        CAPTURE(i);
        CHECK(hash(other) != hash(w));
      }
    }
    CHECK(seen.size() == words.size());
    const std::unordered_set<std::string, WordHash, std::equal_to<>> set = {"said", "told"};
    CHECK(set.count(std::string_view("said")) == 1);
    CHECK(set.count(std::string_view("sad")) == 0);
  }
}

}  // namespace quotecheck
