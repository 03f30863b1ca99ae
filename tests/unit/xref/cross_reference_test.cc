#include "xref/cross_reference.h"

#include <doctest/doctest.h>

#include "unit/check_result_builder.h"

namespace quotecheck {
namespace {

using Q = testing::TestQuote;

CheckResult Build(const std::vector<const char*>& dates, const std::vector<Q>& quotes) {
  return testing::BuildCheckResult(dates, quotes);
}

}  // namespace

TEST_SUITE("xref") {
  TEST_CASE("CrossReference: clusters, canonical text and first appearance") {
    CheckResult r =
        Build({"2025-03-02", "2025-03-01", ""},
              {{0, "I think he wants to make a deal for me, you understand that?", "Don"},
               {1, "I think he wants to make a deal for me. Do you understand?", "Don"},
               {2, "wants to make a deal for me", "Don"}});
    CrossReference({}, &r);
    REQUIRE(r.clusters.size() == 1);
    const Cluster& c = r.clusters[0];
    CHECK(c.id == "c1");
    CHECK(c.members.size() == 3);
    CHECK(c.first == 1);      // the earliest dated document
    CHECK(c.canonical == 0);  // the longest form
    CHECK(c.speakers == std::vector<std::string>{"Don"});
    for (const QuoteRecord& q : r.quotes) CHECK(q.cluster == "c1");
  }
}

}  // namespace quotecheck
