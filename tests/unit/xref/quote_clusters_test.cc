#include "xref/quote_clusters.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "unit/check_result_builder.h"

namespace quotecheck {
namespace {

using testing::BuildCheckResult;

Link LinkOf(size_t a, size_t b, Relation relation, double similarity = 1.0) {
  Link link;
  link.a = a;
  link.b = b;
  link.relation = relation;
  link.similarity = similarity;
  return link;
}

// Match keys as the tests want them: only their lengths and equality matter to clusters.
std::vector<std::string> KeysOf(const CheckResult& result) {
  std::vector<std::string> keys;
  for (const QuoteRecord& q : result.quotes) keys.push_back(q.text);
  return keys;
}

}  // namespace

TEST_SUITE("quote_clusters") {
  TEST_CASE("Clusters are the linked components, numbered by first member; lone quotations none") {
    CheckResult r = BuildCheckResult({"2024-03-02", "2024-03-01", ""},
                                     {
                                         {0, "the bridge will reopen in May", "Ada Quell"},
                                         {0, "nobody asked us", "Ivo Tamm"},
                                         {1, "the bridge will reopen in May", "Ada Quell"},
                                         {2, "nobody asked us at all", "Ivo Tamm"},
                                         {2, "a quotation linked to nothing", "Ada Quell"},
                                     });
    r.links = {LinkOf(1, 3, Relation::kVariant, 0.75), LinkOf(0, 2, Relation::kVerbatim)};
    BuildClusters(ClusterQuotesOf(KeysOf(r), r), &r);
    REQUIRE(r.clusters.size() == 2);
    CHECK(r.clusters[0].id == "c1");
    CHECK(r.clusters[0].members == std::vector<size_t>{0, 2});
    CHECK(r.clusters[1].id == "c2");
    CHECK(r.clusters[1].members == std::vector<size_t>{1, 3});
    CHECK(r.quotes[4].cluster.empty());
    // First appearance by date (doc1 is a day earlier), undated documents last.
    CHECK(r.clusters[0].first == 2);
    CHECK(r.clusters[1].first == 1);
    CHECK(r.links[0].cluster == "c2");
    CHECK(r.links[1].cluster == "c1");
  }

  TEST_CASE("A fragment joins only the longer quotation it fits best") {
    // "make a deal" lies inside two different utterances: it must not chain them.
    CheckResult r = BuildCheckResult(
        {"", "", ""}, {
                          {0, "he wants to make a deal", "Ada Quell"},
                          {1, "I think he wants to make a deal for me", "Ada Quell"},
                          {2, "he wants to make a deal with the council tonight", "Ada Quell"},
                      });
    r.links = {LinkOf(0, 1, Relation::kFragment, 0.9), LinkOf(0, 2, Relation::kFragment, 1.0)};
    BuildClusters(ClusterQuotesOf(KeysOf(r), r), &r);
    REQUIRE(r.clusters.size() == 2);
    // The better fit (similarity 1.0) is the parent: the fragment is in quotation 2's cluster.
    CHECK(r.quotes[0].cluster == r.quotes[2].cluster);
    CHECK(r.quotes[1].cluster != r.quotes[0].cluster);
    // The other fragment link belongs to the longer quotation's cluster.
    CHECK(r.links[0].cluster == r.quotes[1].cluster);
  }

  TEST_CASE("The canonical form: attested by two documents beats longer, whole beats part") {
    CheckResult r = BuildCheckResult(
        {"", "", "", ""}, {
                              {0, "we will rebuild the bridge", "Ada Quell"},
                              {1, "we will rebuild the bridge", "Ada Quell"},
                              {2, "we will rebuild the bridge, whatever it costs us", "Ada Quell"},
                          });
    r.links = {LinkOf(0, 1, Relation::kVerbatim), LinkOf(1, 2, Relation::kVariant, 0.6)};
    BuildClusters(ClusterQuotesOf(KeysOf(r), r), &r);
    REQUIRE(r.clusters.size() == 1);
    CHECK(r.clusters[0].canonical == 0);  // printed by two documents
    CHECK(r.clusters[0].speakers == std::vector<std::string>{"Ada Quell"});

    // Unattested forms: the longest.
    r.links = {LinkOf(1, 2, Relation::kVariant, 0.6)};
    BuildClusters(ClusterQuotesOf(KeysOf(r), r), &r);
    REQUIRE(r.clusters.size() == 1);
    CHECK(r.clusters[0].canonical == 2);
  }

  TEST_CASE("The primary member and the speakers the sources give") {
    CheckResult r = BuildCheckResult({"", ""},
                                     {
                                         {0, "the viaduct is safe", "Ada Quell"},
                                         {1, "the viaduct is safe", "Ivo Tamm"},
                                     },
                                     /*primary=*/1);
    r.links = {LinkOf(0, 1, Relation::kVerbatim)};
    BuildClusters(ClusterQuotesOf(KeysOf(r), r), &r);
    REQUIRE(r.clusters.size() == 1);
    CHECK(r.clusters[0].primary == std::optional<size_t>(1));
    CHECK(r.clusters[0].speakers == std::vector<std::string>{"Ada Quell", "Ivo Tamm"});
  }
}

}  // namespace quotecheck
