#include "xref/cross_reference.h"

#include <doctest/doctest.h>

#include <algorithm>

namespace quotecheck {
namespace {

struct Q {
  uint32_t doc;
  const char* text;
  const char* speaker;
};

CheckResult Build(const std::vector<const char*>& dates, const std::vector<Q>& quotes,
                  std::optional<uint32_t> primary = std::nullopt) {
  CheckResult r;
  for (size_t d = 0; d < dates.size(); ++d) {
    DocumentInfo info;
    info.id = info.path = "doc" + std::to_string(d);
    info.meta.date = dates[d];
    info.primary = primary && *primary == d;
    r.documents.push_back(info);
  }
  size_t offset = 0;
  for (const Q& q : quotes) {
    QuoteRecord rec;
    rec.doc = q.doc;
    rec.text = q.text;
    rec.start = offset;
    rec.end = offset + rec.text.size();
    rec.spans = {{rec.start, rec.end}};
    rec.line = rec.col = 1;
    if (q.speaker) rec.speaker = q.speaker;
    offset = rec.end + 10;
    r.quotes.push_back(rec);
  }
  return r;
}

std::vector<std::string> Rules(const CheckResult& r) {
  std::vector<std::string> out;
  for (const Finding& f : r.findings) {
    if (f.rule != "unattributed-quote") out.push_back(f.rule);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_SUITE("xref") {
  TEST_CASE("CrossReference: findings for each kind of divergence") {
    struct Case {
      const char* name;
      std::vector<const char*> dates;
      std::vector<Q> quotes;
      std::optional<uint32_t> primary;
      std::vector<std::string> want;
    };
    const Case cases[] = {
        {"wording", {"2025-01-01", "2025-01-02"},
         {{0, "We will reopen the viaduct before the spring, and not a day later.", "Ada Brook"},
          {1, "We will reopen the viaduct before summer, and not a day later.", "Ada Brook"}},
         std::nullopt, {"wording-divergence"}},
        {"misattribution", {"2025-01-01", "2025-01-02", "2025-01-03"},
         {{0, "Nobody will cross that viaduct until I am satisfied it is safe.", "Hal Tun"},
          {1, "Nobody will cross that viaduct until I am satisfied it is safe.", "Hal Tun"},
          {2, "Nobody will cross that viaduct until I am satisfied it is safe.", "Cora Allsop"}},
         std::nullopt, {"misattribution"}},
        {"inconsistent", {"2025-01-01"},
         {{0, "This town has been cut in half by a crack in the stone.", "Sas Dun"},
          {0, "This town has been cut in two by a crack in the stone.", "Sas Dun"}},
         std::nullopt, {"inconsistent-quote"}},
        {"primary", {"2025-01-01", "2025-01-02"},
         {{0, "The repairs will take at least 18 weeks, and I would rather say so now.", "Cora Allsop"},
          {1, "The repairs will take at least 28 weeks, and I would rather say so now.", "Cora Allsop"}},
         0u, {"primary-divergence"}},
        {"verbatim and fragment: nothing", {"2025-01-01", "2025-01-02"},
         {{0, "We don't close a railway lightly. Safety comes first.", "Cora Allsop"},
          {1, "We don\xe2\x80\x99t close a railway lightly.", "Cora Allsop"}},
         std::nullopt, {}},
    };
    for (const Case& c : cases) {
      CAPTURE(c.name);
      CheckResult r = Build(c.dates, c.quotes, c.primary);
      CrossReference({}, &r);
      CHECK(Rules(r) == c.want);
      CHECK_FALSE(r.links.empty());
    }
  }

  TEST_CASE("CrossReference: clusters, canonical text and first appearance") {
    CheckResult r = Build({"2025-03-02", "2025-03-01", ""},
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
}

}  // namespace quotecheck
