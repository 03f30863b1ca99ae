#include "extract/read_documents.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "unit/builtin_extractor.h"
#include "unit/temp_dir.h"

namespace quotecheck {
namespace {

using testing::BuiltinExtractor;
using testing::TempDir;

const char kArticle[] = "\"We will rebuild the bridge,\" Mayor Ilse Varga said.\n";

std::vector<std::string> DocumentIds(const CheckResult& result) {
  std::vector<std::string> ids;
  for (const DocumentInfo& doc : result.documents) ids.push_back(doc.id);
  return ids;
}

TEST_SUITE("read_documents") {
  TEST_CASE("articles and quote stores keep their input order and their marks") {
    TempDir dir;
    const std::string a = dir.Write("a.txt", kArticle);
    const std::string store =
        dir.Write("store.jsonl",
                  "{\"type\":\"quote\",\"doc\":\"s1\",\"start\":0,\"end\":5,\"text\":\"Ready\"}\n");
    const std::string records =
        dir.Write("r.jsonl", std::string("{\"id\":\"r1\",\"role\":\"primary\",\"text\":") +
                                 "\"\\\"We will rebuild the bridge,\\\" Varga said.\"}\n");
    std::ostringstream err;
    CheckResult result;
    DraftTexts texts;
    ReadDocuments({a, store, records}, /*primary=*/false, /*draft=*/true, Severity::kInfo,
                  BuiltinExtractor(), IngestOptions{}, /*jobs=*/2, /*keep=*/nullptr, err, &result,
                  &texts);

    CHECK(err.str().empty());
    CHECK(DocumentIds(result) == std::vector<std::string>{a, "s1", "r1"});
    CHECK(result.documents_read == 3);
    CHECK(result.documents_failed == 0);
    CHECK_FALSE(result.documents[0].primary);
    CHECK_FALSE(result.documents[1].primary);
    CHECK(result.documents[2].primary);  // role "primary"
    for (const DocumentInfo& doc : result.documents) CHECK(doc.draft);
    // The text of each extracted document, none for the store's.
    REQUIRE(texts.size() == 2);
    CHECK(texts.at(0) == kArticle);
    CHECK(texts.count(1) == 0);
    CHECK(texts.at(2) == "\"We will rebuild the bridge,\" Varga said.");
  }

  TEST_CASE("primary marks every document; keep filters store quotations") {
    TempDir dir;
    const std::string a = dir.Write("a.txt", kArticle);
    const std::string store = dir.Write(
        "store.jsonl",
        "{\"type\":\"quote\",\"doc\":\"s1\",\"start\":0,\"end\":5,\"text\":\"Ready\"}\n"
        "{\"type\":\"quote\",\"doc\":\"s1\",\"start\":9,\"end\":14,\"text\":\"Later\"}\n");
    QuoteStoreFilter keep;
    keep.keep = [](std::string_view text) { return text == "Later"; };
    std::ostringstream err;
    CheckResult result;
    ReadDocuments({store, a}, /*primary=*/true, /*draft=*/false, Severity::kInfo,
                  BuiltinExtractor(), IngestOptions{}, /*jobs=*/1, &keep, err, &result,
                  /*texts=*/nullptr);

    CHECK(DocumentIds(result) == std::vector<std::string>{"s1", a});
    for (const DocumentInfo& doc : result.documents) {
      CHECK(doc.primary);
      CHECK_FALSE(doc.draft);
    }
    std::vector<std::string> quoted;
    for (const QuoteRecord& q : result.quotes) quoted.push_back(q.text);
    CHECK(quoted == std::vector<std::string>{"Later", "We will rebuild the bridge,"});
  }

  TEST_CASE("diagnostics below min_shown are kept but not written; a missing path fails") {
    TempDir dir;
    const std::string unbalanced = dir.Write("u.txt", "\"We will rebuild, Varga said.\n");
    const std::string missing = dir.PathOf("missing.txt");
    std::ostringstream err;
    CheckResult result;
    ReadDocuments({unbalanced, missing}, /*primary=*/false, /*draft=*/false, Severity::kError,
                  BuiltinExtractor(), IngestOptions{}, /*jobs=*/1, /*keep=*/nullptr, err, &result,
                  /*texts=*/nullptr);

    CHECK(result.documents_read == 2);
    CHECK(result.documents_failed == 1);
    CHECK(err.str().find(missing + ": error: ") == 0);
    CHECK(err.str().find("warning") == std::string::npos);
    bool kept_warning = false;
    for (const Diagnostic& d : result.diagnostics) {
      kept_warning = kept_warning || (d.severity == Severity::kWarning && d.path == unbalanced);
    }
    CHECK(kept_warning);
  }
}

}  // namespace
}  // namespace quotecheck
