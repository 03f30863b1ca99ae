#include "xref/cross_reference.h"

#include <doctest/doctest.h>


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

}  // namespace

TEST_SUITE("xref") {
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
