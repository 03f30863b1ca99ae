#include "lint/quote_shingles.h"

#include <doctest/doctest.h>

#include <string>

#include "core/check_model.h"
#include "ingest/quote_store.h"

namespace quotecheck {

TEST_SUITE("lint") {
  TEST_CASE("FilterWordHashes folds case, apostrophes, inner dots and dashes") {
    std::vector<uint64_t> a, b;
    FilterWordHashes("Don\xE2\x80\x99t STOP\xE2\x80\x94now, F.B.I. 100,000", &a);
    FilterWordHashes("don't stop now fbi 100000", &b);
    CHECK(a == b);
    CHECK(a.size() == 5);
  }

  TEST_CASE("QuoteShingles takes texts sharing two 4-word runs, or a short quotation whole") {
    QuoteShingles shingles;
    shingles.Add("We will not reopen the viaduct before the spring.");
    shingles.Add("going well");
    CHECK(shingles.Take("\xE2\x80\x9CWe will not reopen the viaduct,\xE2\x80\x9D she said"));
    CHECK(shingles.Take("The conversation is going well and is still ongoing"));
    CHECK_FALSE(shingles.Take("the viaduct before the storm"));  // one 4-gram, long sides
    CHECK_FALSE(shingles.Take("The bus service will run every ten minutes."));
    CHECK_FALSE(shingles.Take("well going"));
  }

  TEST_CASE("A shingle found in too many texts stops taking texts, the very words do not") {
    QuoteShingles shingles(2);
    shingles.Add("and everyone knows it");
    CHECK(shingles.Take("yes, and everyone knows it, he said"));
    CHECK(shingles.Take("and everyone knows it too"));
    CHECK_FALSE(shingles.Take("but then and everyone knows it again"));
    CHECK(shingles.Take("And everyone knows it."));  // the same words: still kept
  }

  TEST_CASE(
      "ReadQuoteStoreBytes-like filtered read keeps matching quotations and their documents") {
    const std::string path = "/tmp/quotecheck-lint-filter-test.jsonl";
    {
      FILE* f = std::fopen(path.c_str(), "wb");
      REQUIRE(f != nullptr);
      const char* store =
          "{\"type\": \"document\", \"doc\": \"a.txt\", \"outlet\": \"Post\", \"role\": "
          "\"primary\"}\n"
          "{\"type\": \"quote\", \"doc\": \"a.txt\", \"start\": 0, \"end\": 10, \"line\": 1, "
          "\"col\": 1, \"text\": \"We will not reopen the viaduct\", \"kind\": \"direct\", "
          "\"speaker\": \"Corina Allsop\"}\n"
          "{\"type\":\"document\",\"doc\":\"b.txt\",\"outlet\":\"Star\"}\n"
          "{\"type\":\"quote\",\"doc\":\"b.txt\",\"start\":0,\"end\":10,\"line\":1,\"col\":1,"
          "\"text\":\"Something else \\u201centirely\\u201d\",\"kind\":\"direct\"}\n"
          "{\"type\":\"quote\",\"doc\":\"a.txt\",\"start\":20,\"end\":30,\"line\":2,\"col\":1,"
          "\"text\":\"we will not reopen the \\\"viaduct\\\"\",\"kind\":\"direct\"}\n";
      std::fputs(store, f);
      std::fclose(f);
    }
    QuoteShingles shingles;
    shingles.Add("We will not reopen the viaduct before the spring.");
    QuoteStoreFilter keep;
    keep.keep = [&](std::string_view text) { return shingles.Take(text); };
    CheckResult result;
    ReadQuoteStoreFiltered(path, keep, &result);
    // The same read with the parallel pre-test: the same quotations, documents and lines.
    QuoteShingles fresh;
    fresh.Add("We will not reopen the viaduct before the spring.");
    keep.keep = [&](std::string_view text) { return fresh.Take(text); };
    keep.probe = [&](std::string_view text, std::vector<uint64_t>* facts) {
      return fresh.Probe(text, facts);
    };
    keep.keep_probed = [&](const std::vector<uint64_t>& facts) { return fresh.TakeProbed(facts); };
    keep.jobs = 3;
    CheckResult parallel;
    ReadQuoteStoreFiltered(path, keep, &parallel);
    std::remove(path.c_str());
    REQUIRE(parallel.quotes.size() == result.quotes.size());
    for (size_t i = 0; i < result.quotes.size(); ++i) {
      CHECK(parallel.quotes[i].text == result.quotes[i].text);
      CHECK(parallel.quotes[i].line == result.quotes[i].line);
    }
    CHECK(parallel.documents.size() == result.documents.size());
    CHECK(parallel.bytes == result.bytes);
    REQUIRE(result.quotes.size() == 2);
    REQUIRE(result.documents.size() == 1);
    CHECK(result.documents[0].id == "a.txt");
    CHECK(result.documents[0].meta.outlet == "Post");
    CHECK(result.documents[0].primary);
    CHECK(result.quotes[1].text == "we will not reopen the \"viaduct\"");
    CHECK(result.quotes[0].speaker == std::optional<std::string>("Corina Allsop"));
    CHECK(result.diagnostics.empty());
  }
}

}  // namespace quotecheck
