#include "xref/cross_reference.h"

#include <doctest/doctest.h>

#include "unit/check_result_builder.h"
#include "xref/key_numbers.h"
#include "xref/quote_clusters.h"
#include "xref/xref_steps.h"

namespace quotecheck {
namespace {

using Q = testing::TestQuote;

CheckResult Build(const std::vector<const char*>& dates, const std::vector<Q>& quotes) {
  return testing::BuildCheckResult(dates, quotes);
}

}  // namespace

TEST_SUITE("xref") {
  TEST_CASE("groups from keys alone (batch) are the groups of the prepared quotations (check)") {
    CheckResult r = Build({"", ""}, {{0, "We will rebuild the harbour wall.", "Ilse"},
                                     {1, "We will rebuild the harbour wall!", "Ilse"},
                                     {0, "harbour wall", nullptr},
                                     {1, "harbour wall", nullptr},
                                     {1, "...", nullptr},
                                     {0, "The tolls will fall in May.", "Tomas"},
                                     {1, "we WILL rebuild the harbour wall", "Ilse"}});
    r.quotes[2].kind = r.quotes[3].kind = QuoteKind::kTerm;  // terms: in no group
    PreparedQuotes prepared;
    PrepareQuotes(KeyerOrDefault(nullptr), 1, nullptr, &r, &prepared);
    const QuoteGroups want = GroupEqualQuotes(prepared.keys, r);
    std::vector<std::vector<uint64_t>> want_words;
    std::vector<uint32_t> weights;
    RepresentativeWords(want, &prepared.words, &want_words, &weights);
    std::vector<std::string> keys;
    std::vector<std::vector<uint64_t>> words;
    for (const QuoteRecord& q : r.quotes) {
      QuoteKeyWords kw = KeyAndWords(q);
      keys.push_back(kw.key);
      words.push_back(kw.words);
    }
    // The groups task's grouping: a group is its key's number, a term's (empty) key in none.
    KeyNumbers numbers;
    std::vector<uint32_t> group_of(keys.size(), QuoteGroups::kNone);
    std::vector<size_t> representative;
    for (size_t i = 0; i < keys.size(); ++i) {
      if (keys[i].empty()) continue;
      group_of[i] = numbers.Number(keys[i]);
      if (group_of[i] == representative.size()) representative.push_back(i);
    }
    CHECK(group_of == want.group_of);
    CHECK(representative == want.representative);
    REQUIRE(want.representative.size() == 2);
    CHECK(want.members[0].size() == 3);
    for (size_t g = 0; g < representative.size(); ++g) {
      CHECK(words[representative[g]] == want_words[g]);
    }
  }

  TEST_CASE("GroupEqualQuotes numbers every quotation's key, terms' and empty keys too") {
    CheckResult r = Build({"", ""}, {{0, "harbour wall", nullptr},
                                     {0, "We will rebuild the harbour wall.", "Ilse"},
                                     {1, "harbour wall", "Ilse"},
                                     {1, "...", nullptr},
                                     {0, "we WILL rebuild the harbour wall", "Ilse"},
                                     {1, "[...]", nullptr}});
    r.quotes[0].kind = QuoteKind::kTerm;  // a term first: its key is numbered, no group
    PreparedQuotes prepared;
    PrepareQuotes(KeyerOrDefault(nullptr), 1, nullptr, &r, &prepared);
    const QuoteGroups groups = GroupEqualQuotes(prepared.keys, r);
    // Numbers in order of first appearance, equal keys equal numbers, whether grouped or not.
    CHECK(groups.key_number == std::vector<uint32_t>{0, 1, 0, 2, 1, 2});
    CHECK(groups.group_of == std::vector<uint32_t>{QuoteGroups::kNone, 0, 1, QuoteGroups::kNone, 0,
                                                   QuoteGroups::kNone});
    CHECK(groups.representative == std::vector<size_t>{1, 2});
    // Clustering's table from these numbers equals the one that numbers the keys itself.
    const ClusterQuotes numbered = ClusterQuotesOf(prepared.keys, r, &groups.key_number);
    const ClusterQuotes own = ClusterQuotesOf(prepared.keys, r);
    CHECK(numbered.key == own.key);
    CHECK(numbered.key_size == own.key_size);
  }

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

  TEST_CASE("CrossReference: pairs already joined are not decided unless every pair is asked") {
    // Four outlets print one statement, each with another small change: every pair shares
    // enough words to be a candidate.
    const std::vector<Q> quotes = {
        {0, "The harbour tunnel will open in March and the tolls will stay at two euros.",
         "Ina Vos"},
        {1, "The harbour tunnel will open in March and the tolls will stay at 2 euros.", "Ina Vos"},
        {2, "The harbour tunnel will open in April and the tolls will stay at two euros.",
         "Ina Vos"},
        {3, "The new harbour tunnel will open in March and the tolls will stay at two euros.",
         "Ina Vos"}};
    CheckResult every = Build({"", "", "", ""}, quotes);
    CrossReference({}, &every);
    CHECK(every.links.size() == 6);  // every pair
    CheckResult joined = Build({"", "", "", ""}, quotes);
    CrossReferenceOptions options;
    options.decide_every_pair = false;
    options.decide_round = 1;  // each pair sees the links before it
    CrossReference(options, &joined);
    CHECK(joined.links.size() == 3);  // 0-1, 0-2, 0-3: the rest were joined through 0
    REQUIRE(joined.clusters.size() == 1);
    CHECK(joined.clusters[0].members == every.clusters[0].members);
    CHECK(joined.clusters[0].canonical == every.clusters[0].canonical);
  }
}

}  // namespace quotecheck
