#include "xref/quote_clusters.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "unit/check_result_builder.h"

namespace quotecheck {
namespace {

using testing::BuildCheckResult;
using testing::TestQuote;

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

  TEST_CASE("Clusters on several threads are the clusters of one") {
    // Enough clusters for several chunks of work, of uneven sizes, with fragments and
    // variants, dates and speakers that differ: every field the same for 1, 2 and 3 jobs.
    const char* texts[] = {"the quay will close for the winter", "the quay will close",
                           "the quay will shut for the winter", "we were never told"};
    const char* speakers[] = {"Ada Quell", "Ivo Tamm", "Oda Renk"};
    std::vector<TestQuote> quotes;
    for (uint32_t i = 0; i < 3000; ++i) {
      quotes.push_back({i % 7, texts[(i * 7) % 4], speakers[(i / 3) % 3]});
    }
    auto build = [&](unsigned jobs) {
      CheckResult r =
          BuildCheckResult({"2024-05-02", "", "2024-05-01", "2024-05-03", "", "", "2024-04-30"},
                           quotes, /*primary=*/3);
      for (size_t i = 0; i + 1 < quotes.size(); ++i) {
        // Chains of uneven length: a cluster ends where i % 11 == 10, another every 997.
        if (i % 11 == 10 && i % 997 != 0) continue;
        const Relation relation = i % 5 == 0 ? Relation::kFragment : Relation::kVariant;
        r.links.push_back(LinkOf(i, i + 1, relation, 0.5 + 0.01 * static_cast<double>(i % 50)));
      }
      BuildClusters(ClusterQuotesOf(KeysOf(r), r), &r, jobs);
      return r;
    };
    const CheckResult one = build(1);
    REQUIRE(one.clusters.size() > 256);
    for (unsigned jobs : {2u, 3u}) {
      CAPTURE(jobs);
      const CheckResult many = build(jobs);
      REQUIRE(many.clusters.size() == one.clusters.size());
      size_t differing = 0;
      for (size_t c = 0; c < one.clusters.size(); ++c) {
        const Cluster &x = one.clusters[c], &y = many.clusters[c];
        differing += x.id != y.id || x.members != y.members || x.canonical != y.canonical ||
                             x.first != y.first || x.primary != y.primary ||
                             x.speakers != y.speakers
                         ? 1
                         : 0;
      }
      CHECK(differing == 0);
      for (size_t q = 0; q < one.quotes.size(); ++q) {
        if (one.quotes[q].cluster != many.quotes[q].cluster) ++differing;
      }
      for (size_t l = 0; l < one.links.size(); ++l) {
        if (one.links[l].cluster != many.links[l].cluster) ++differing;
      }
      CHECK(differing == 0);
    }
  }
}

}  // namespace quotecheck
