#include "xref/pair_tokens.h"

#include <doctest/doctest.h>

#include "unit/check_result_builder.h"
#include "xref/cross_reference.h"
#include "xref/xref_steps.h"

namespace quotecheck {
namespace {

using Q = testing::TestQuote;

CheckResult Quotes(size_t count) {
  static const char* kTexts[] = {
      "The harbour wall will be rebuilt by May.", "the harbour wall will be rebuilt by June",
      "We never promised a new bridge.", "We promised a new bridge.", "rebuilt by May"};
  std::vector<Q> quotes;
  for (size_t i = 0; i < count; ++i) {
    quotes.push_back({static_cast<uint32_t>(i % 3), kTexts[i % 5], "Ilse Marrow"});
  }
  return testing::BuildCheckResult({"", "", ""}, quotes);
}

}  // namespace

TEST_SUITE("xref") {
  TEST_CASE("PairTokens: each quotation's tokens from its first needed pair to its last pair") {
    const CheckResult r = Quotes(6);
    const std::vector<CandidatePair> pairs = {{0, 1, 0}, {0, 4, 0}, {2, 3, 0}, {3, 5, 0}};
    PairTokens tokens(r, pairs);
    CHECK(tokens.HeldCount() == 0);

    // Round one: pairs 0 and 1, the second not needed (rejected on its words).
    tokens.Make(std::span(pairs).first(2), {1, 0}, 1);
    CHECK(tokens.HeldCount() == 2);
    CHECK(tokens.Of(0).text == r.quotes[0].text);
    CHECK(tokens.Of(1).word_count == TokenizeQuote(r.quotes[1].text).word_count);
    tokens.DropBefore(2);  // quotation 0's last pair is 1, quotation 1's is 0: both go
    CHECK(tokens.HeldCount() == 0);

    // Round two, on two threads: quotation 3 is named again by the last pair.
    tokens.Make(std::span(pairs).subspan(2, 1), {}, 2);
    CHECK(tokens.HeldCount() == 2);
    tokens.DropBefore(3);
    CHECK(tokens.HeldCount() == 1);  // 3 stays for pair 3
    const std::string_view kept = tokens.Of(3).text;
    tokens.Make(std::span(pairs).subspan(3, 1), {}, 2);  // made once: 3 is held already
    CHECK(tokens.HeldCount() == 2);
    CHECK(tokens.Of(3).text == kept);
    CHECK(tokens.Of(5).text == r.quotes[5].text);
    tokens.DropBefore(4);
    CHECK(tokens.HeldCount() == 0);
  }

  TEST_CASE("PairTokens: tokens as TokenizeQuote makes them, slots reused") {
    const CheckResult r = Quotes(3000);  // enough to tokenise on two threads
    std::vector<CandidatePair> pairs;
    for (uint32_t i = 0; i + 1 < 3000; i += 2) pairs.push_back({i, i + 1, 0});
    PairTokens tokens(r, pairs);
    tokens.Make(std::span(pairs).first(750), {}, 2);
    CHECK(tokens.HeldCount() == 1500);
    for (uint32_t q = 0; q < 1500; ++q) {
      const TokenizedQuote want = TokenizeQuote(r.quotes[q].text);
      const TokenizedQuote& got = tokens.Of(q);
      REQUIRE(got.tokens.size() == want.tokens.size());
      CHECK(got.keys == want.keys);
      CHECK(got.elements == want.elements);
    }
    tokens.DropBefore(750);
    CHECK(tokens.HeldCount() == 0);
    tokens.Make(std::span(pairs).subspan(750), {}, 2);
    CHECK(tokens.HeldCount() == 1500);
    // Into the slots (and buffers) of quotations of other lengths: as TokenizeQuote makes them.
    for (uint32_t q = 1500; q < 3000; ++q) {
      tokens.Prefetch(q);
      const TokenizedQuote want = TokenizeQuote(r.quotes[q].text);
      const TokenizedQuote& got = tokens.Of(q);
      CHECK(got.text == want.text);
      CHECK(got.keys == want.keys);
      CHECK(got.elements == want.elements);
      REQUIRE(got.tokens.size() == want.tokens.size());
      CHECK(got.tokens.back().hash == want.tokens.back().hash);
    }
    tokens.Prefetch(0);  // not held: nothing
  }

  TEST_CASE("CrossReference: the same links for every decide round size and thread count") {
    // Tokens are made per round and dropped after a quotation's last pair: the links must not
    // depend on where the rounds cut or how many threads make them (every pair decided, so
    // that the rounds do not also change which pairs are skipped).
    CheckResult base = Quotes(40);
    CrossReferenceOptions one;
    one.decide_every_pair = true;
    one.decide_round = 1 << 20;
    CrossReference(one, &base);
    REQUIRE(!base.links.empty());
    for (size_t round : {1, 2, 5, 16}) {
      for (unsigned jobs : {1u, 2u, 3u}) {
        CheckResult r = Quotes(40);
        CrossReferenceOptions options;
        options.decide_every_pair = true;
        options.decide_round = round;
        options.jobs = jobs;
        CrossReference(options, &r);
        REQUIRE(r.links.size() == base.links.size());
        for (size_t i = 0; i < r.links.size(); ++i) {
          CHECK(r.links[i].a == base.links[i].a);
          CHECK(r.links[i].b == base.links[i].b);
          CHECK(r.links[i].relation == base.links[i].relation);
          CHECK(r.links[i].similarity == base.links[i].similarity);
        }
        CHECK(r.clusters.size() == base.clusters.size());
      }
    }
  }
}

}  // namespace quotecheck
