#include "findings/check_findings.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "unit/builtin_extractor.h"
#include "unit/check_result_builder.h"

namespace quotecheck {
namespace {

using Q = testing::TestQuote;

CheckResult Build(const std::vector<const char*>& dates, const std::vector<Q>& quotes,
                  std::optional<uint32_t> primary = std::nullopt) {
  return testing::BuildCheckResult(dates, quotes, primary);
}

std::vector<std::string> Rules(const CheckResult& r) {
  std::vector<std::string> out;
  for (const Finding& f : r.findings) {
    if (f.rule != "unattributed-quote") out.push_back(f.rule);
  }
  std::sort(out.begin(), out.end());
  return out;
}

struct Case {
  const char* name;
  std::vector<const char*> dates;
  std::vector<Q> quotes;
  std::optional<uint32_t> primary;
  std::vector<std::string> want;
};

void RunCases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    CAPTURE(c.name);
    CheckResult r = Build(c.dates, c.quotes, c.primary);
    testing::CheckWithBuiltinRules(&r);
    CHECK(Rules(r) == c.want);
  }
}

}  // namespace

TEST_SUITE("findings") {
  TEST_CASE("check: one finding for each kind of divergence") {
    RunCases({
        {"wording",
         {"2025-01-01", "2025-01-02"},
         {{0, "We will reopen the viaduct before the spring, and not a day later.", "Ada Brook"},
          {1, "We will reopen the viaduct before summer, and not a day later.", "Ada Brook"}},
         std::nullopt,
         {"wording-divergence"}},
        {"misattribution",
         {"2025-01-01", "2025-01-02", "2025-01-03"},
         {{0, "Nobody will cross that viaduct until I am satisfied it is safe.", "Hal Tun"},
          {1, "Nobody will cross that viaduct until I am satisfied it is safe.", "Hal Tun"},
          {2, "Nobody will cross that viaduct until I am satisfied it is safe.", "Cora Allsop"}},
         std::nullopt,
         {"misattribution"}},
        {"inconsistent",
         {"2025-01-01"},
         {{0, "This town has been cut in half by a crack in the stone.", "Sas Dun"},
          {0, "This town has been cut in two by a crack in the stone.", "Sas Dun"}},
         std::nullopt,
         {"inconsistent-quote"}},
        {"primary",
         {"2025-01-01", "2025-01-02"},
         {{0, "The repairs will take at least 18 weeks, and I would rather say so now.",
           "Cora Allsop"},
          {1, "The repairs will take at least 28 weeks, and I would rather say so now.",
           "Cora Allsop"}},
         0u,
         {"primary-divergence"}},
        {"verbatim and fragment: nothing",
         {"2025-01-01", "2025-01-02"},
         {{0, "We don't close a railway lightly. Safety comes first.", "Cora Allsop"},
          {1, "We don\xe2\x80\x99t close a railway lightly.", "Cora Allsop"}},
         std::nullopt,
         {}},
    });
  }

  // One case for each cause of false alarms seen on real news.
  TEST_CASE("check: no finding without direct evidence") {
    RunCases({
        {"short common word given to two people",
         {"2025-02-01", "2025-02-02"},
         {{0, "optimistic", "Wenna Stroud"}, {1, "optimistic", "Orrin Velt"}},
         std::nullopt,
         {}},
        {"stock phrase given to two people",
         {"2025-02-01", "2025-02-02"},
         {{0, "at the end of the day", "Wenna Stroud"}, {1, "at the end of the day", "Orrin Velt"}},
         std::nullopt,
         {}},
        {"a programme title in title case",
         {"2025-02-01", "2025-02-02"},
         {{0, "Morning Harbour Tonight With Pell Dace", "Wenna Stroud"},
          {1, "Morning Harbour Tonight With Pell Dace", "Orrin Velt"}},
         std::nullopt,
         {}},
        {"words given to three speakers are a phrase",
         {"2025-02-01", "2025-02-02", "2025-02-03"},
         {{0, "keep the ferries running through the winter storms", "Wenna Stroud"},
          {1, "keep the ferries running through the winter storms", "Orrin Velt"},
          {2, "keep the ferries running through the winter storms", "Ilse Marr"}},
         std::nullopt,
         {}},
        {"a pronoun attribution is no evidence of another speaker",
         {"2025-02-01", "2025-02-02"},
         {{0, "The harbour toll will double for every lorry from the first of May.",
           "Wenna Stroud"},
          {1, "The harbour toll will double for every lorry from the first of May.", "Orrin Velt",
           "he"}},
         std::nullopt,
         {}},
        {"an inherited attribution is no evidence either",
         {"2025-02-01", "2025-02-02"},
         {{0, "The harbour toll will double for every lorry from the first of May.",
           "Wenna Stroud"},
          {1, "The harbour toll will double for every lorry from the first of May.", "Orrin Velt",
           "Velt", "inherited/previous-quote"}},
         std::nullopt,
         {}},
        {"a surname mention is the same person",
         {"2025-02-01", "2025-02-02"},
         {{0, "The harbour toll will double for every lorry from the first of May.",
           "Wenna Stroud"},
          {1, "The harbour toll will double for every lorry from the first of May.", "Ada Stroud",
           "Ms. Stroud"}},
         std::nullopt,
         {}},
        {"a nickname and an accent are the same person",
         {"2025-02-01", "2025-02-02"},
         {{0, "The harbour toll will double for every lorry from the first of May.",
           "Mike Calderón"},
          {1, "The harbour toll will double for every lorry from the first of May.",
           "Michael Calderon"}},
         std::nullopt,
         {}},
        {"a party tag and a middle initial are the same person",
         {"2025-02-01", "2025-02-02"},
         {{0, "The harbour toll will double for every lorry from the first of May.",
           "Sen. Orla J. Venn (D-Mo.)"},
          {1, "The harbour toll will double for every lorry from the first of May.", "Orla Venn"}},
         std::nullopt,
         {}},
        {"a quotation nested in another speaker's",
         {"2025-02-01", "2025-02-02"},
         {{0,
           "In the memo he wrote that the mayor said ‘the harbour toll will double for every "
           "lorry,’ and left.",
           "Tobin Harl"},
          {1, "The harbour toll will double for every lorry.", "Edda Quillon"}},
         std::nullopt,
         {}},
        {"a speaker with sentence punctuation inside is no speaker",
         {"2025-02-01", "2025-02-02"},
         {{0, "The harbour toll will double for every lorry from the first of May.",
           "Wenna Stroud"},
          {1, "The harbour toll will double for every lorry from the first of May.",
           "Harbour.\" Aides"}},
         std::nullopt,
         {}},
        {"a line said twice in one document, in other words",
         {"2025-02-01"},
         {{0,
           "Let's dispel the idea that the harbour board doesn't know what it's doing. It knows "
           "exactly what it's doing.",
           "Orla Venn"},
          {0,
           "This notion that the harbour board doesn't know what it's doing is just not true. It "
           "knows exactly what it's doing.",
           "Orla Venn"}},
         std::nullopt,
         {}},
        {"two utterances joined by a fragment of each are not compared",
         {"2025-02-01", "2025-02-02", "2025-02-03"},
         {{0,
           "We will keep the ferries running all winter, whatever the storms bring to the coast.",
           "Wenna Stroud"},
          {1, "keep the ferries running all winter", "Wenna Stroud"},
          {2,
           "Nobody asked us whether we could keep the ferries running all winter on this budget.",
           "Wenna Stroud"}},
         std::nullopt,
         {}},
    });
  }

  TEST_CASE("check: typography is not wording") {
    RunCases({
        {"joined compound",
         {"2025-03-01", "2025-03-02"},
         {{0, "Our work force on the islands has halved since the ferries stopped.", "Ada Brook"},
          {1, "Our workforce on the islands has halved since the ferries stopped.", "Ada Brook"}},
         std::nullopt,
         {}},
        {"ampersand",
         {"2025-03-01", "2025-03-02"},
         {{0, "The ferry & the bridge will both be paid for by the harbour board.", "Ada Brook"},
          {1, "The ferry and the bridge will both be paid for by the harbour board.", "Ada Brook"}},
         std::nullopt,
         {}},
        {"number word",
         {"2025-03-01", "2025-03-02"},
         {{0, "We lost three ferries to the storms and the harbour board did nothing.",
           "Ada Brook"},
          {1, "We lost 3 ferries to the storms and the harbour board did nothing.", "Ada Brook"}},
         std::nullopt,
         {}},
        {"editorial substitution",
         {"2025-03-01"},
         {{0, "I strongly doubt he understands the first thing about the harbour accord.",
           "Ada Brook"},
          {0,
           "I strongly doubt [Tomas Ardelin] understands the first thing about the harbour accord.",
           "Ada Brook"}},
         std::nullopt,
         {}},
        {"house spelling",
         {"2025-03-01", "2025-03-02"},
         {{0, "The board has released the memoranda to the council without any delay at all.",
           "Ada Brook"},
          {1, "The board has released the memorandums to the council without any delay at all.",
           "Ada Brook"}},
         std::nullopt,
         {}},
    });
  }

  TEST_CASE("check: findings carry confidence and evidence") {
    CheckResult r = Build(
        {"2025-01-01", "2025-01-02"},
        {{0, "We will reopen the viaduct before the spring, and not a day later.", "Ada Brook"},
         {1, "We will reopen the viaduct before summer, and not a day later.", "Ada Brook"}});
    testing::CheckWithBuiltinRules(&r);
    REQUIRE(r.findings.size() == 1);
    const Finding& f = r.findings[0];
    CHECK(f.confidence > 0.7);
    CHECK(f.confidence <= 1.0);
    CHECK(f.evidence.relation == Relation::kVariant);
    CHECK(std::find(f.evidence.shared_words.begin(), f.evidence.shared_words.end(), "viaduct") !=
          f.evidence.shared_words.end());
    REQUIRE(f.link.has_value());
  }

  TEST_CASE("check: a pair cross-referencing joined without deciding is decided for findings") {
    // The canonical wording (printed by doc2 and doc3) was never decided against doc1's
    // version: doc0's joined them first. The divergence still rests on their own link.
    const std::vector<Q> quotes = {
        {0, "We will not raise the ferry fares this year, whatever the council says.", "Ada Brook"},
        {1, "We will raise the ferry fares this year, whatever the council says.", "Ada Brook"},
        {2, "We will not raise the ferry fares this year, whatever the council decides.",
         "Ada Brook"},
        {3, "We will not raise the ferry fares this year, whatever the council decides.",
         "Ada Brook"}};
    auto run = [&](bool every_pair) {
      CheckResult r = Build({"2025-01-01", "2025-01-02", "2025-01-03", "2025-01-04"}, quotes);
      CrossReferenceOptions options;
      options.keyer = &testing::BuiltinFindingContext().keyer;
      options.decide_every_pair = every_pair;
      options.decide_round = 1;
      CrossReference(options, &r);
      const size_t decided = r.links.size();
      AddCheckFindings(testing::BuiltinFindingContext(), &r);
      return std::pair(std::move(r), decided);
    };
    auto [every, every_links] = run(true);
    auto [joined, joined_links] = run(false);
    CHECK(joined_links < every_links);
    REQUIRE(every.findings.size() == joined.findings.size());
    for (size_t i = 0; i < every.findings.size(); ++i) {
      CAPTURE(i);
      const Finding& e = every.findings[i];
      const Finding& j = joined.findings[i];
      CHECK(e.rule == j.rule);
      CHECK(e.quotes == j.quotes);
      CHECK(e.message == j.message);
      CHECK(e.severity == j.severity);
      REQUIRE(j.link.has_value());
      const Link& link = joined.links[*j.link];
      CHECK(link.relation == every.links[*e.link].relation);
      CHECK(link.similarity == every.links[*e.link].similarity);
    }
    // doc1 dropped the "not": an error against the canonical wording, on a link that the
    // findings decided (appended after cross-referencing's).
    auto dropped_not = std::find_if(joined.findings.begin(), joined.findings.end(),
                                    [](const Finding& f) { return f.quotes[0] == 1; });
    REQUIRE(dropped_not != joined.findings.end());
    CHECK(dropped_not->rule == "wording-divergence");
    CHECK(dropped_not->severity == Severity::kError);
    CHECK(*dropped_not->link >= joined_links);
  }

  TEST_CASE("check: --min-confidence leaves out less sure findings") {
    CheckResult r = Build(
        {"2025-01-01", "2025-01-02"},
        {{0, "We will reopen the viaduct before the spring, and not a day later.", "Ada Brook"},
         {1, "We will reopen the viaduct before summer, and not a day later.", "Ada Brook"}});
    FindingContext strict(testing::BuiltinRules());
    strict.min_confidence = 1.0;
    CrossReferenceOptions options;
    options.keyer = &strict.keyer;
    CrossReference(options, &r);
    AddCheckFindings(strict, &r);
    CHECK(Rules(r).empty());
  }
}

}  // namespace quotecheck
