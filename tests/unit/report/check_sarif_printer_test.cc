#include "report/check_sarif_printer.h"

#include <doctest/doctest.h>
#include <simdjson.h>

#include <sstream>
#include <string>

#include "report/finding_fingerprint.h"
#include "sarif_test_result.h"

namespace quotecheck {
namespace {

// The whole log for SarifTestResult: every rule described, a divergence with its word
// diff, a related location whose path is percent-encoded, fingerprints (checked by hand
// with an independent FNV-1a: "v1\0wording-divergence\0Joe Biden\0i think so truly").
constexpr std::string_view kExpectedLog = R"json({
  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
  "version": "2.1.0",
  "runs": [
    {
      "tool": {
        "driver": {
          "name": "quotecheck",
          "version": "0.1.0",
          "informationUri": "https://github.com/quotecheck/quotecheck",
          "rules": [
            {
              "id": "wording-divergence",
              "name": "WordingDivergence",
              "shortDescription": {
                "text": "A quotation's words differ from the same quotation in another source."
              },
              "fullDescription": {
                "text": "The quotation is printed with other words than the cluster's reference form (its canonical wording as another document prints it). The finding is an error when the change can alter the meaning: a negation, a number, a named entity or a modal verb."
              },
              "help": {
                "text": "Compare the words with the reference quotation (the related location) and with the original recording or transcript. Quote the speaker's exact words, or mark changes: … for words left out, [brackets] for words added.",
                "markdown": "Compare the words with the reference quotation (the related location) and with the original recording or transcript. Quote the speaker's exact words, or mark changes: `…` for words left out, `[brackets]` for words added."
              },
              "defaultConfiguration": {
                "level": "warning"
              }
            },
            {
              "id": "misattribution",
              "name": "Misattribution",
              "shortDescription": {
                "text": "The same words are attributed to different speakers."
              },
              "fullDescription": {
                "text": "Another source, naming its speaker explicitly, gives the same distinctive words to someone else (the primary source's speaker, else the one most sources name). Words quoted inside another person's quotation, common phrases and attributions by pronoun or inheritance are not counted."
              },
              "help": {
                "text": "Check who said these words against the primary source and the other reports (the related location), and correct the attribution.",
                "markdown": "Check who said these words against the primary source and the other reports (the related location), and correct the attribution."
              },
              "defaultConfiguration": {
                "level": "error"
              }
            },
            {
              "id": "inconsistent-quote",
              "name": "InconsistentQuote",
              "shortDescription": {
                "text": "One document quotes the same words two ways."
              },
              "fullDescription": {
                "text": "One utterance appears twice in one document with different words (not a typographic difference such as an editorial [insertion])."
              },
              "help": {
                "text": "Make both quotations match the speaker's words; keep one version, the one the recording or transcript supports.",
                "markdown": "Make both quotations match the speaker's words; keep one version, the one the recording or transcript supports."
              },
              "defaultConfiguration": {
                "level": "warning"
              }
            },
            {
              "id": "primary-divergence",
              "name": "PrimaryDivergence",
              "shortDescription": {
                "text": "A quotation differs from the primary source."
              },
              "fullDescription": {
                "text": "The quotation is printed with other words than the primary source (a transcript or statement) gives. The finding is an error when the change can alter the meaning: a negation, a number, a named entity or a modal verb."
              },
              "help": {
                "text": "Quote the primary source (the related location) word for word, or mark changes: … for words left out, [brackets] for words added.",
                "markdown": "Quote the primary source (the related location) word for word, or mark changes: `…` for words left out, `[brackets]` for words added."
              },
              "defaultConfiguration": {
                "level": "warning"
              }
            },
            {
              "id": "unbalanced-quote",
              "name": "UnbalancedQuote",
              "shortDescription": {
                "text": "A quotation mark is never closed."
              },
              "fullDescription": {
                "text": "An opening quotation mark has no closing mark, so where the quotation ends is unknown."
              },
              "help": {
                "text": "Close the quotation where the speaker's words end. A quotation running over several paragraphs reopens each paragraph without closing the one before; that is not reported.",
                "markdown": "Close the quotation where the speaker's words end. A quotation running over several paragraphs reopens each paragraph without closing the one before; that is not reported."
              },
              "defaultConfiguration": {
                "level": "warning"
              }
            },
            {
              "id": "unattributed-quote",
              "name": "UnattributedQuote",
              "shortDescription": {
                "text": "A direct quotation has no speaker."
              },
              "fullDescription": {
                "text": "No speaker could be found for a direct quotation: no attribution near it and none to inherit from the quotation before it."
              },
              "help": {
                "text": "Say who is speaking, in the sentence of the quotation or the one before it.",
                "markdown": "Say who is speaking, in the sentence of the quotation or the one before it."
              },
              "defaultConfiguration": {
                "level": "note"
              }
            },
            {
              "id": "unverified-quote",
              "name": "UnverifiedQuote",
              "shortDescription": {
                "text": "A quotation is not found in the reference sources."
              },
              "fullDescription": {
                "text": "The draft quotes words that none of the reference sources (transcripts, statements, published articles) contains."
              },
              "help": {
                "text": "Find the source of the quotation and add it to the references, or check the words against the recording.",
                "markdown": "Find the source of the quotation and add it to the references, or check the words against the recording."
              },
              "defaultConfiguration": {
                "level": "warning"
              }
            },
            {
              "id": "truncated-quote",
              "name": "TruncatedQuote",
              "shortDescription": {
                "text": "A quotation leaves out words of its source without marking it."
              },
              "fullDescription": {
                "text": "The quotation matches its source but drops words at its start, its end or inside it, with no ellipsis where they were."
              },
              "help": {
                "text": "Mark left-out words with …, or quote the whole sentence when leaving words out changes what it says.",
                "markdown": "Mark left-out words with `…`, or quote the whole sentence when leaving words out changes what it says."
              },
              "defaultConfiguration": {
                "level": "error"
              }
            }
          ]
        }
      },
      "columnKind": "unicodeCodePoints",
      "results": [
        {
          "ruleId": "wording-divergence",
          "ruleIndex": 0,
          "level": "warning",
          "rank": 100,
          "message": {
            "text": "wording differs from a.txt (Reuters): “I think so, really.”\nI think so, [-really-]{+truly+}."
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "b.txt",
                  "uriBaseId": "%SRCROOT%"
                },
                "region": {
                  "startLine": 1,
                  "startColumn": 2,
                  "endLine": 1,
                  "endColumn": 20
                }
              }
            }
          ],
          "relatedLocations": [
            {
              "id": 1,
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "news/a%20b.txt",
                  "uriBaseId": "%SRCROOT%"
                },
                "region": {
                  "startLine": 2,
                  "startColumn": 4,
                  "endLine": 2,
                  "endColumn": 15
                }
              },
              "message": {
                "text": "reference: “I think so, really.” (Donald Trump, Reuters, 2024-01-02, a.txt)"
              }
            }
          ],
          "partialFingerprints": {
            "primaryLocationLineHash": "6851cfc3802144b4:1"
          }
        },
        {
          "ruleId": "unattributed-quote",
          "ruleIndex": 5,
          "level": "note",
          "rank": 100,
          "message": {
            "text": "direct quotation with no speaker"
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "b.txt",
                  "uriBaseId": "%SRCROOT%"
                },
                "region": {
                  "startLine": 2,
                  "startColumn": 10,
                  "endLine": 2,
                  "endColumn": 23
                }
              }
            }
          ],
          "partialFingerprints": {
            "primaryLocationLineHash": "325068c08e59ff73:1"
          }
        }
      ]
    }
  ]
}
)json";

std::string Sarif(const CheckResult& result, SourceLocator locator = testing::TestLocator()) {
  return FormatCheckSarif(result, {"0.1.0", std::move(locator)});
}

}  // namespace

TEST_SUITE("report") {
  TEST_CASE("FormatCheckSarif: the exact log of a small result") {
    CHECK(Sarif(testing::SarifTestResult()) == kExpectedLog);
  }

  TEST_CASE("PrintCheckSarif on threads writes the same log as on one") {
    // Enough findings for several chunks of results; the same findings again and again, so
    // that their fingerprints count up within each file.
    CheckResult result = testing::SarifTestResult();
    const std::vector<Finding> findings = result.findings;
    while (result.findings.size() < 3000) {
      result.findings.insert(result.findings.end(), findings.begin(), findings.end());
    }
    const std::string one = Sarif(result);
    CHECK(one.find(":" + std::to_string(result.findings.size() / findings.size()) + "\"") !=
          std::string::npos);
    simdjson::dom::parser parser;
    simdjson::dom::element log;
    REQUIRE(parser.parse(one).get(log) == simdjson::SUCCESS);
    simdjson::dom::array results;
    REQUIRE(log["runs"].at(0)["results"].get(results) == simdjson::SUCCESS);
    CHECK(results.size() == result.findings.size());
    for (unsigned jobs : {2u, 3u}) {
      std::ostringstream out;
      PrintCheckSarif(result, {"0.1.0", testing::TestLocator()}, &out, jobs);
      CHECK(out.str() == one);
    }
  }

  TEST_CASE("FormatCheckSarif: every result has the fields code scanning requires") {
    const std::string log = Sarif(testing::CheckTestResult());
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    REQUIRE(parser.parse(log).get(root) == simdjson::SUCCESS);
    CHECK(std::string_view(root["version"]) == "2.1.0");
    simdjson::dom::element run = root["runs"].at(0);
    simdjson::dom::array rules = run["tool"]["driver"]["rules"];
    CHECK(rules.size() == KnownRules().size());
    for (simdjson::dom::element rule : rules) {
      for (const char* key : {"id", "name"}) CHECK(rule[key].is_string());
      for (const char* key : {"shortDescription", "fullDescription", "help"}) {
        CHECK(!std::string_view(rule[key]["text"]).empty());
      }
      CHECK(!std::string_view(rule["help"]["markdown"]).empty());
      const std::string_view level = rule["defaultConfiguration"]["level"];
      CHECK((level == "error" || level == "warning" || level == "note"));
    }
    simdjson::dom::array results = run["results"];
    CHECK(results.size() == 2);
    for (simdjson::dom::element r : results) {
      const std::string_view rule_id = r["ruleId"];
      const uint64_t index = r["ruleIndex"];
      CHECK(std::string_view(rules.at(index)["id"]) == rule_id);
      CHECK(!std::string_view(r["message"]["text"]).empty());
      simdjson::dom::element physical = r["locations"].at(0)["physicalLocation"];
      CHECK(std::string_view(physical["artifactLocation"]["uri"]) == "b.txt");
      CHECK(std::string_view(physical["artifactLocation"]["uriBaseId"]) == "%SRCROOT%");
      for (const char* key : {"startLine", "startColumn", "endLine", "endColumn"}) {
        CHECK(physical["region"][key].is_uint64());
      }
      const std::string_view hash = r["partialFingerprints"]["primaryLocationLineHash"];
      CHECK(hash.size() == 18);
      CHECK(hash.substr(16) == ":1");
    }
    CHECK(std::string_view(results.at(0)["level"]) == "error");
    CHECK(std::string_view(results.at(1)["level"]) == "note");
    CHECK(uint64_t(results.at(0)["relatedLocations"].at(0)["id"]) == 1);
  }

  TEST_CASE("FormatCheckSarif: documents that are no files, paths outside the root, repeats") {
    CheckResult result = testing::CheckTestResult();
    result.documents[1].path = "b-1";  // a JSON record, named by its id
    result.documents[1].id = "b-1";
    result.documents[0].path = "/elsewhere/a.txt";
    result.findings.push_back(result.findings[1]);  // the same finding twice
    SourceLocator locator = testing::TestLocator();
    locator.is_file = [](const std::string& path) { return path != "b-1"; };
    const std::string log = Sarif(result, locator);
    CHECK(log.find(R"("logicalLocations": [
                {
                  "name": "b-1",
                  "kind": "object"
                }
              ])") != std::string::npos);
    CHECK(log.find(R"("uri": "file:///elsewhere/a.txt"
)") != std::string::npos);
    const std::string fingerprint = FindingFingerprint(result, result.findings[1]);
    CHECK(log.find(fingerprint + ":1") != std::string::npos);
    CHECK(log.find(fingerprint + ":2") != std::string::npos);
  }

  TEST_CASE("FormatCheckSarif: an unknown rule id is described and indexed after the known") {
    CheckResult result = testing::CheckTestResult();
    result.findings[1].rule = "new-rule";
    const std::string log = Sarif(result);
    CHECK(log.find(R"("id": "new-rule",
              "name": "NewRule")") != std::string::npos);
    CHECK(log.find(R"("ruleIndex": 8)") != std::string::npos);
  }

  TEST_CASE("QuoteRegion: the end is just past the last code point, lines counted") {
    QuoteRecord q;
    q.line = 3;
    q.col = 5;
    q.text = "Été, dit-il";
    q.spans = {{10, 10 + q.text.size()}};
    TextRegion r = QuoteRegion(q);
    CHECK(r.start_line == 3);
    CHECK(r.start_column == 5);
    CHECK(r.end_line == 3);
    CHECK(r.end_column == 16);  // 11 code points
    q.text = "one\ntwo";
    q.spans = {{10, 17}};
    r = QuoteRegion(q);
    CHECK(r.end_line == 4);
    CHECK(r.end_column == 4);
    q.text = "first part second";  // two spans: the region covers the first only
    q.spans = {{10, 20}, {30, 36}};
    r = QuoteRegion(q);
    CHECK(r.end_line == 3);
    CHECK(r.end_column == 15);
  }

  TEST_CASE("SourceLocator and PercentEncodePath") {
    SourceLocator locator;
    locator.source_root = "/repo";
    locator.working_directory = "/repo/docs";
    CHECK(locator.RelativePath("a.md") == "docs/a.md");
    CHECK(locator.RelativePath("./sub/../b.md") == "docs/b.md");
    CHECK(locator.RelativePath("../c.md") == "c.md");
    CHECK(locator.RelativePath("/repo/d.md") == "d.md");
    CHECK(locator.RelativePath("../../x/e.md") == "/x/e.md");
    CHECK(!locator.IsFile("-"));
    CHECK(!locator.IsFile(""));
    CHECK(locator.IsFile("a.md"));
    CHECK(PercentEncodePath("news/a b#1%.md") == "news/a%20b%231%25.md");
    CHECK(PercentEncodePath("caf\xc3\xa9.md") == "caf%C3%A9.md");
  }
}

}  // namespace quotecheck
