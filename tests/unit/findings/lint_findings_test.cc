#include "findings/lint_findings.h"

#include <doctest/doctest.h>

#include "unit/builtin_extractor.h"
#include "xref/cross_reference.h"

namespace quotecheck {
namespace {

struct Q {
  const char* text;
  const char* speaker;
  QuoteKind kind = QuoteKind::kDirect;
};

// One reference document and one draft, cross-referenced, then linted.
CheckResult Lint(const std::vector<Q>& references, const std::vector<Q>& drafts) {
  CheckResult result;
  for (const bool draft : {false, true}) {
    DocumentInfo doc;
    doc.id = doc.path = draft ? "draft.md" : "ref.txt";
    doc.draft = draft;
    const auto index = static_cast<uint32_t>(result.documents.size());
    result.documents.push_back(doc);
    uint32_t line = 1;
    for (const Q& q : draft ? drafts : references) {
      QuoteRecord r;
      r.doc = index;
      r.text = q.text;
      r.line = line++;
      r.col = 1;
      r.kind = q.kind;
      if (q.speaker != nullptr) testing::Attribute(&r, q.speaker);
      result.quotes.push_back(r);
    }
  }
  CrossReferenceOptions options;
  options.keyer = &testing::BuiltinFindingContext().keyer;
  CrossReference(options, &result);
  ComputeLintFindings(testing::BuiltinFindingContext(), &result);
  return result;
}

std::vector<std::string> Rules(const CheckResult& result) {
  std::vector<std::string> rules;
  for (const Finding& f : result.findings) rules.push_back(f.rule);
  return rules;
}

}  // namespace

TEST_SUITE("lint") {
  TEST_CASE("IsQualifyingWord: negations and conditions") {
    for (const char* w : {"not", "Never", "if", "unless", "don't", "won\xE2\x80\x99t", "nobody"}) {
      CHECK_MESSAGE(IsQualifyingWord(w), w);
    }
    for (const char* w : {"note", "the", "n't", "only"})
      CHECK_FALSE_MESSAGE(IsQualifyingWord(w), w);
  }

  TEST_CASE("A verbatim quotation by the same speaker has no finding") {
    CheckResult r = Lint({{"We will not reopen the viaduct before the spring.", "Corina Allsop"}},
                         {{"We will not reopen the viaduct before the spring.", "Allsop"}});
    CHECK(r.findings.empty());
  }

  TEST_CASE("Each finding type") {
    CheckResult r = Lint(
        {{"We will not reopen the viaduct before the spring.", "Corina Allsop"},
         {"The repairs will take at least 18 weeks, and I would rather say so now.",
          "Corina Allsop"},
         {"Nobody will cross that viaduct until I am satisfied it is safe.", "Halvard Tunstead"}},
        {{"reopen the viaduct before the spring.", "Corina Allsop", QuoteKind::kPartial},
         {"The repairs will take at least 28 weeks, and I would rather say so now.",
          "Corina Allsop"},
         {"Nobody will cross that viaduct until I am satisfied it is safe.", "Corina Allsop"},
         {"The line will be back in full service by Christmas.", nullptr},
         {"a national disgrace", "Ewan Pritchley", QuoteKind::kPartial}});
    CHECK(Rules(r) == std::vector<std::string>{"truncated-quote", "wording-divergence",
                                               "misattribution", "unattributed-quote",
                                               "unverified-quote"});
    const Finding& divergence = r.findings[1];
    CHECK(divergence.severity == Severity::kError);  // a number changed
    REQUIRE(divergence.diff.has_value());
    // The draft's quotation (a) to the reference (b), as in check; reports reverse it.
    bool found = false;
    for (const DiffOp& op : divergence.diff->ops) {
      if (op.kind == DiffOp::Kind::kReplace) found = op.a == "28" && op.b == "18";
    }
    CHECK(found);
    CHECK(r.findings[0].message.find("\xE2\x80\x9Cnot\xE2\x80\x9D") != std::string::npos);
  }

  TEST_CASE("A fragment that keeps its qualifying words is not truncated") {
    CheckResult r = Lint({{"We will not reopen the viaduct before the spring.", "Corina Allsop"}},
                         {{"will not reopen the viaduct", "Corina Allsop", QuoteKind::kPartial}});
    CHECK(r.findings.empty());
  }

  TEST_CASE("A short partial is exempt from unverified-quote") {
    CheckResult r = Lint({{"Something else entirely was said here today.", "A"}},
                         {{"a national disgrace", "B", QuoteKind::kPartial}});
    CHECK(r.findings.empty());
  }
}

}  // namespace quotecheck
