#pragma once
/// A small check result shared by the check printer tests: two documents, three quotations,
/// one cluster of two with a variant link (a replace op) whose speakers disagree, a
/// misattribution finding and an unattributed-quote finding.

#include <string>

#include "core/check_model.h"

namespace quotecheck::testing {

inline CheckResult CheckTestResult() {
  CheckResult result;
  DocumentInfo a;
  a.id = "a.txt";
  a.path = "a.txt";
  a.meta.outlet = "Reuters";
  a.meta.date = "2024-01-02";
  result.documents.push_back(a);
  DocumentInfo b;
  b.id = "b.txt";
  b.path = "b.txt";
  b.meta.outlet = "AP";
  b.meta.date = "2024-01-03";
  result.documents.push_back(b);

  QuoteRecord q0;  // the interrupted quotation of printer_test_documents.h
  q0.doc = 0;
  q0.start = 17;
  q0.end = 59;
  q0.spans = {{17, 28}, {52, 59}};
  q0.line = 2;
  q0.col = 4;
  q0.text = "I think so, really.";
  q0.speaker = "Donald Trump";
  q0.speaker_mention = TextRef{{32, 37}, "Trump"};
  q0.cue = TextRef{{38, 47}, "whispered"};
  q0.rule = "after-quote/name-verb";
  q0.confidence = 0.93;
  q0.cluster = "c1";
  result.quotes.push_back(q0);

  QuoteRecord q1;
  q1.doc = 1;
  q1.start = 1;
  q1.end = 19;
  q1.spans = {{1, 19}};
  q1.line = 1;
  q1.col = 2;
  q1.text = "I think so, truly.";
  q1.speaker = "Joe Biden";
  q1.rule = "after-quote/name-verb";
  q1.confidence = 0.8;
  q1.cluster = "c1";
  result.quotes.push_back(q1);

  QuoteRecord q2;
  q2.doc = 1;
  q2.start = 40;
  q2.end = 53;
  q2.spans = {{40, 53}};
  q2.line = 2;
  q2.col = 10;
  q2.text = "We are ready.";
  result.quotes.push_back(q2);

  Link link;
  link.a = 0;
  link.b = 1;
  link.relation = Relation::kVariant;
  link.similarity = 0.8333333;
  link.speakers_agree = false;
  link.diff.ops = {{DiffOp::Kind::kEqual, "I think so, ", "I think so, "},
                   {DiffOp::Kind::kReplace, "really", "truly"},
                   {DiffOp::Kind::kEqual, ".", "."}};
  link.diff.classes = kChangeLexical;
  link.cluster = "c1";
  result.links.push_back(link);

  Cluster cluster;
  cluster.id = "c1";
  cluster.members = {0, 1};
  cluster.canonical = 0;
  cluster.speakers = {"Donald Trump", "Joe Biden"};
  cluster.first = 0;
  result.clusters.push_back(cluster);

  Finding misattribution;
  misattribution.rule = "misattribution";
  misattribution.severity = Severity::kError;
  misattribution.quotes = {1, 0};
  misattribution.message = "attributed to Joe Biden here but to Donald Trump in a.txt (Reuters)";
  misattribution.link = 0;
  result.findings.push_back(misattribution);

  Finding unattributed;
  unattributed.rule = "unattributed-quote";
  unattributed.severity = Severity::kInfo;
  unattributed.quotes = {2};
  unattributed.message = "direct quotation with no speaker";
  result.findings.push_back(unattributed);

  result.documents_read = 2;
  result.bytes = 120;
  result.seconds = 0.0042;
  return result;
}

/// CheckTestResult with its cluster copied `clusters` times (ids c1, c2, …; the same two
/// members, each copy with its own copy of the link); every `agreeing_every`th copy (c3, c6, …
/// for 3) has a verbatim link: members that agree, not shown. For the printers that format
/// clusters on threads.
inline CheckResult ManyClustersResult(size_t clusters, size_t agreeing_every) {
  CheckResult result = CheckTestResult();
  const Cluster cluster = result.clusters[0];
  const Link link = result.links[0];
  result.clusters.clear();
  result.links.clear();
  for (size_t c = 0; c < clusters; ++c) {
    Cluster copy = cluster;
    copy.id = "c" + std::to_string(c + 1);
    result.clusters.push_back(copy);
    Link l = link;
    l.cluster = copy.id;
    if (c % agreeing_every == agreeing_every - 1) l.relation = Relation::kVerbatim;
    result.links.push_back(l);
  }
  return result;
}

}  // namespace quotecheck::testing
