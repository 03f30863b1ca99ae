#include "xref/key_numbers.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace quotecheck {

TEST_SUITE("xref") {
  TEST_CASE("key numbers: equal keys one number, new keys numbered in order of appearance") {
    KeyNumbers numbers;
    std::string key = "we will rebuild the harbour wall";
    CHECK(numbers.Number(key) == 0);
    CHECK(numbers.Number("the tolls will fall") == 1);
    key.assign(key.size(), 'x');  // the first key was copied: changing the caller's is harmless
    CHECK(numbers.Number("we will rebuild the harbour wall") == 0);
    CHECK(numbers.Number(key) == 2);
    CHECK(numbers.Number("") == 3);
    CHECK(numbers.size() == 4);
    // A key longer than a block of the copies, and keys after it.
    const std::string long_key((size_t{1} << 20) + 5, 'w');
    CHECK(numbers.Number(long_key) == 4);
    CHECK(numbers.Number("harbour") == 5);
    CHECK(numbers.Number(std::string(long_key)) == 4);
    CHECK(numbers.Number("the tolls will fall") == 1);
  }

  TEST_CASE("key numbers over keys that outlive them are the same numbers") {
    const std::vector<std::string> keys = {"a b", "c", "a b", "", "c", "d"};
    KeyNumbers copied, viewed(/*keys_outlive=*/true);
    for (const std::string& key : keys) CHECK(copied.Number(key) == viewed.Number(key));
    CHECK(viewed.size() == 4);
  }
}

}  // namespace quotecheck
