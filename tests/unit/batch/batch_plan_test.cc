#include "batch/batch_plan.h"

#include <doctest/doctest.h>

#include "../temp_dir.h"

namespace quotecheck {

TEST_SUITE("batch") {
  TEST_CASE("a plan cuts the inputs into shards, in check's order; articles whole") {
    testing::TempDir dir;
    const std::string ref = dir.Write("ref.txt", std::string(100, 'r'));
    dir.Write("in/a.txt", std::string(100, 'a'));
    dir.Write("in/b.txt", std::string(100, 'b'));
    dir.Write("in/c.txt", std::string(100, 'c'));
    const std::string missing = dir.path() + "/missing.txt";
    // The reference named again as a path is read once, as check reads it.
    BatchPlan plan = MakeBatchPlan({ref}, {dir.path() + "/in", ref, missing}, {}, 2, 5, 3);
    REQUIRE(plan.units.size() == 5);
    CHECK(plan.units[0].path == ref);
    CHECK(plan.units[0].primary);
    CHECK(plan.units[1].path == dir.path() + "/in/a.txt");
    CHECK_FALSE(plan.units[1].primary);
    CHECK(plan.units[4].path == missing);  // kept as named: reading reports it
    REQUIRE(plan.shards() == 2);
    CHECK(plan.shard_end.back() == 5);
    CHECK(plan.shard_end[0] >= 2);
    CHECK(plan.shard_end[0] <= 3);
    CHECK(plan.partitions == 5);
    CHECK(plan.blocks == 3);

    // More shards than files: the extra shards are empty, none is lost.
    BatchPlan wide = MakeBatchPlan({}, {dir.path() + "/in"}, {}, 7, 1, 1);
    CHECK(wide.shards() == 7);
    CHECK(wide.shard_end.back() == 3);
  }

  TEST_CASE("a quote store a shard's end falls in is cut at line starts; articles are not") {
    testing::TempDir dir;
    std::string store;
    for (int d = 0; d < 40; ++d) {
      store += "{\"type\":\"document\",\"doc\":\"d" + std::to_string(d) + "\"}\n";
      store += "{\"type\":\"quote\",\"doc\":\"d" + std::to_string(d) +
               "\",\"start\":0,\"end\":3,\"text\":\"abc\"}\n";
    }
    const std::string path = dir.Write("store.jsonl", store);
    const std::string article = dir.Write("z.txt", std::string(store.size(), 'x'));
    BatchPlan plan = MakeBatchPlan({}, {path, article}, {}, 8, 1, 1);
    REQUIRE(plan.shards() == 8);
    // The store (half the bytes) in 4 pieces of about an eighth each, the article whole.
    REQUIRE(plan.units.size() == 5);
    CHECK_FALSE(plan.units.back().piece);
    CHECK(plan.units.back().path == article);
    uint64_t at = 0;
    for (size_t u = 0; u + 1 < plan.units.size(); ++u) {
      const BatchUnit& p = plan.units[u];
      CAPTURE(u);
      REQUIRE(p.piece);
      CHECK(p.path == path);
      CHECK(p.begin == at);
      CHECK((p.begin == 0 || store[p.begin - 1] == '\n'));
      uint32_t line = 1;
      for (size_t i = 0; i < p.begin; ++i) line += store[i] == '\n';
      CHECK(p.first_line == line);
      const uint64_t eighth = 2 * store.size() / 8;
      CHECK(p.end - p.begin + 100 > eighth);
      CHECK(p.end - p.begin < eighth + 100);
      at = p.end;
    }
    CHECK(at == store.size());
    Result<BatchPlan> back = ParseBatchPlan(FormatBatchPlan(plan));
    REQUIRE(back.ok());
    CHECK(FormatBatchPlan(back.value()) == FormatBatchPlan(plan));
    CHECK(back.value().units[1].piece);
    CHECK(back.value().units[1].begin == plan.units[1].begin);
    CHECK(back.value().units[1].first_line == plan.units[1].first_line);

    // One shard: nothing is cut.
    BatchPlan one = MakeBatchPlan({}, {path}, {}, 1, 1, 1);
    REQUIRE(one.units.size() == 1);
    CHECK_FALSE(one.units[0].piece);
  }

  TEST_CASE("a plan's text is read back as the plan") {
    BatchPlan plan;
    plan.settings = {{"rules", "my rules\tdir"}, {"links", "all"}, {"rules", "second\\dir"}};
    plan.units = {{"a\nb.txt", true}, {"c.txt", false}};
    plan.shard_end = {1, 1, 2};
    plan.partitions = 3;
    plan.blocks = 4;
    Result<BatchPlan> back = ParseBatchPlan(FormatBatchPlan(plan));
    REQUIRE(back.ok());
    CHECK(back.value().Values("rules") == std::vector<std::string>{"my rules\tdir", "second\\dir"});
    CHECK(back.value().Value("links") == "all");
    CHECK(back.value().Value("absent", "x") == "x");
    CHECK(back.value().units[0].path == "a\nb.txt");
    CHECK(back.value().units[0].primary);
    CHECK(back.value().shard_end == plan.shard_end);
    CHECK(back.value().partitions == 3);
    CHECK(back.value().blocks == 4);
    CHECK(FormatBatchPlan(back.value()) == FormatBatchPlan(plan));
  }

  TEST_CASE("a damaged plan is an error naming its line") {
    BatchPlan plan;
    plan.units = {{"a.txt", false}};
    plan.shard_end = {1};
    const std::string good = FormatBatchPlan(plan);
    CHECK(ParseBatchPlan(good).ok());
    CHECK_FALSE(ParseBatchPlan("").ok());
    CHECK_FALSE(ParseBatchPlan(good.substr(0, good.rfind("shard"))).ok());        // no last shard
    CHECK_FALSE(ParseBatchPlan(good + "piece\t0\tx\t9\t5\t1\nshard\t2\n").ok());  // end < begin
    CHECK_FALSE(ParseBatchPlan(good + "piece\t0\tx\t0\t5\t0\nshard\t2\n").ok());  // line 0
    CHECK(ParseBatchPlan(good + "piece\t0\tx\t0\t5\t1\nshard\t2\n").ok());
    Result<BatchPlan> bad = ParseBatchPlan(good + "unit\t2\tx\n");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.status().message().find("plan.txt:") == 0);
  }
}

}  // namespace quotecheck
