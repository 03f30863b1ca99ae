#include "lint/quote_shingles.h"

#include <doctest/doctest.h>

#include <span>
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

  TEST_CASE("Probe passes over spent shingles: a text sharing only those is not decided") {
    QuoteShingles shingles(2);
    shingles.Add("and everyone knows it");
    std::vector<uint64_t> facts;
    const std::string text = "but then and everyone knows it again";
    CHECK(shingles.Probe(text, &facts));  // not spent yet
    CHECK(shingles.Take("yes, and everyone knows it, he said"));
    CHECK(shingles.Probe(text, &facts));  // found in one text
    CHECK(shingles.Take("and everyone knows it too"));
    CHECK_FALSE(shingles.Probe(text, &facts));  // in two: spent
    CHECK_FALSE(shingles.TakeProbed(facts));
    CHECK(shingles.Probe("And everyone knows it.", &facts));  // the very words still count
    CHECK(shingles.TakeProbed(facts));
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
    keep.keep_probed = [&](std::span<const uint64_t> facts) { return fresh.TakeProbed(facts); };
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
    // The documents of the probed read: the record of a.txt is found again after b.txt's.
    REQUIRE(parallel.documents.size() == 1);
    CHECK(parallel.documents[0].meta.outlet == "Post");
    CHECK(parallel.documents[0].primary);
  }

  TEST_CASE("A probed read in blocks reads every line once, wherever the blocks end") {
    // Blocks are 256 KiB (kProbedBlock in ingest/quote_store.cc): lines are laid out so that
    // one ends on a block's last byte, one on the next block's first byte, and one spans a
    // whole block; a malformed kept line and a blank line come after them.
    constexpr size_t kBlock = size_t{256} << 10;
    const std::string path = "/tmp/quotecheck-lint-blocks-test.jsonl";
    std::string store = "{\"type\": \"document\", \"doc\": \"a.txt\", \"outlet\": \"Post\"}\n";
    auto quote = [](size_t n, std::string_view words) {
      return "{\"type\": \"quote\", \"doc\": \"a.txt\", \"start\": " + std::to_string(n) +
             ", \"end\": " + std::to_string(n + 1) + ", \"line\": " + std::to_string(n) +
             ", \"col\": 1, \"text\": \"" + std::string(words) + "\", \"kind\": \"direct\"}\n";
    };
    const std::string kept = "we will not reopen the viaduct";
    const std::string other = "the bus service will run every ten minutes";
    // One quotation that ends with its '\n' exactly at byte `end` - 1; fill_to pads the
    // store with quotations (every third kept) before it.
    size_t n = 0;
    auto line_to = [&](size_t end) {
      const std::string head = quote(++n, kept);
      store += quote(n, kept + std::string(end - store.size() - head.size(), 'x'));
      REQUIRE(store.size() == end);
    };
    auto fill_to = [&](size_t end) {
      while (store.size() + 400 < end) {
        ++n;
        store += quote(n, n % 3 == 0 ? kept : other);
      }
      line_to(end);
    };
    fill_to(kBlock);          // a '\n' on block 0's last byte
    fill_to(2 * kBlock + 1);  // a '\n' on block 2's first byte
    line_to(4 * kBlock);      // no line starts in block 3: one ends on its last byte
    store += quote(++n, kept + " " + std::string(kBlock + 10, 'y'));  // spans block 5
    store += "{\"type\": \"quote\", \"doc\": \"a.txt\", \"text\": \"" + kept + "\"\n";  // malformed
    store += "\n";
    for (int i = 0; i < 100; ++i) {
      ++n;
      store += quote(n, i % 2 ? kept : other);
    }
    {
      FILE* f = std::fopen(path.c_str(), "wb");
      REQUIRE(f != nullptr);
      std::fwrite(store.data(), 1, store.size(), f);
      std::fclose(f);
    }
    auto read = [&](unsigned jobs, CheckResult* result) {
      QuoteShingles shingles(1000000);
      shingles.Add(kept + " before the spring");
      QuoteStoreFilter keep;
      keep.keep = [&](std::string_view text) { return shingles.Take(text); };
      if (jobs > 0) {
        keep.probe = [&](std::string_view text, std::vector<uint64_t>* facts) {
          return shingles.Probe(text, facts);
        };
        keep.keep_probed = [&](std::span<const uint64_t> facts) {
          return shingles.TakeProbed(facts);
        };
        keep.jobs = jobs;
      }
      ReadQuoteStoreFiltered(path, keep, result);
    };
    CheckResult plain;
    read(0, &plain);
    CHECK(plain.quotes.size() > 1000);
    for (unsigned jobs : {1u, 2u, 3u}) {
      CAPTURE(jobs);
      CheckResult probed;
      read(jobs, &probed);
      REQUIRE(probed.quotes.size() == plain.quotes.size());
      for (size_t i = 0; i < plain.quotes.size(); ++i) {
        CHECK(probed.quotes[i].start == plain.quotes[i].start);
        CHECK(probed.quotes[i].text == plain.quotes[i].text);
      }
      CHECK(probed.bytes == store.size());
      REQUIRE(probed.diagnostics.size() == 1);
      CHECK(probed.diagnostics[0].line == plain.diagnostics[0].line);
      CHECK(probed.diagnostics[0].line ==
            n - 98);  // after the document record and n - 100 quotations
      REQUIRE(probed.documents.size() == 1);
      CHECK(probed.documents[0].meta.outlet == "Post");
    }
    std::remove(path.c_str());
  }
}

}  // namespace quotecheck
