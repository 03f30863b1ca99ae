#include "core/release_memory.h"

#include <doctest/doctest.h>

#include <string>
#include <unordered_map>
#include <vector>

namespace quotecheck {

TEST_SUITE("core") {
  TEST_CASE("ReleaseMemory gives the memory back where assigning {} keeps it") {
    std::vector<uint64_t> kept(1000, 7);
    kept = {};
    CHECK(kept.empty());
    CHECK(kept.capacity() >= 1000);  // why ReleaseMemory exists

    std::vector<uint64_t> pairs(1000, 7);
    ReleaseMemory(pairs);
    CHECK(pairs.empty());
    CHECK(pairs.capacity() == 0);

    std::string text(1000, 'x');
    ReleaseMemory(text);
    CHECK(text.empty());
    CHECK(text.capacity() < 1000);

    std::unordered_map<int, int> map;
    for (int i = 0; i < 1000; ++i) map[i] = i;
    ReleaseMemory(map);
    CHECK(map.empty());
    CHECK(map.bucket_count() < 1000);
  }
}

}  // namespace quotecheck
