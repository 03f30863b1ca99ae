#include "report/check_jsonl_printer.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "check_test_result.h"

namespace quotecheck {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_SUITE("report") {
  TEST_CASE("PrintCheckJsonl on several threads writes the same bytes") {
    // Enough records of each kind for several chunks on each thread.
    const CheckResult base = testing::CheckTestResult();
    CheckResult result = base;
    for (size_t copy = 0; result.quotes.size() < 30000; ++copy) {
      for (const QuoteRecord& q : base.quotes) result.quotes.push_back(q);
      for (Link link : base.links) {
        link.a += (copy + 1) * base.quotes.size();
        link.b += (copy + 1) * base.quotes.size();
        result.links.push_back(link);
      }
      for (const Finding& f : base.findings) result.findings.push_back(f);
    }
    std::ostringstream one, three;
    PrintCheckJsonl(result, &one, 1);
    PrintCheckJsonl(result, &three, 3);
    CHECK(one.str().size() > 1000000);
    CHECK(one.str() == three.str());
  }

  TEST_CASE("PrintCheckJsonl writes quote, link, finding, error and summary records") {
    CheckResult result = testing::CheckTestResult();
    result.errors.push_back({"c.txt", "cannot open: No such file or directory"});
    result.documents_read = 3;
    result.documents_failed = 1;
    std::ostringstream out;
    PrintCheckJsonl(result, &out);

    const std::vector<std::string> want = {
        R"({"type":"quote","doc":"a.txt","start":17,"end":59,"line":2,"col":4,)"
        R"("text":"I think so, really.","kind":"direct","spans":[[17,28],[52,59]],)"
        R"("parts":["I think so,","really."],"speaker":"Donald Trump",)"
        R"("speaker_mention":{"start":32,"end":37,"text":"Trump"},)"
        R"("cue":{"start":38,"end":47,"text":"whispered"},)"
        R"("rule":"after-quote/name-verb","confidence":0.93,"cluster":"c1"})",
        R"({"type":"quote","doc":"b.txt","start":1,"end":19,"line":1,"col":2,)"
        R"("text":"I think so, truly.","kind":"direct","spans":[[1,19]],"speaker":"Joe Biden",)"
        R"("speaker_mention":null,"cue":null,"rule":"after-quote/name-verb","confidence":0.8,)"
        R"("cluster":"c1"})",
        R"({"type":"quote","doc":"b.txt","start":40,"end":53,"line":2,"col":10,)"
        R"("text":"We are ready.","kind":"direct","spans":[[40,53]],"speaker":null,)"
        R"("speaker_mention":null,"cue":null,"rule":null,"confidence":0})",
        R"({"type":"link","cluster":"c1","a":{"doc":"a.txt","start":17,"end":59},)"
        R"("b":{"doc":"b.txt","start":1,"end":19},"relation":"variant","similarity":0.833,)"
        R"("speakers_agree":false,"diff":[{"op":"equal","a":"I think so, ","b":"I think so, "},)"
        R"({"op":"replace","a":"really","b":"truly"},{"op":"equal","a":".","b":"."}],)"
        R"("classes":["lexical"],"flags":[]})",
        R"({"type":"finding","rule":"misattribution","severity":"error",)"
        R"("quotes":[{"doc":"b.txt","start":1,"end":19},{"doc":"a.txt","start":17,"end":59}],)"
        R"x("message":"attributed to Joe Biden here but to Donald Trump in a.txt (Reuters)",)x"
        R"("confidence":1,"doc":"b.txt","line":1,"col":2})",
        R"({"type":"finding","rule":"unattributed-quote","severity":"info",)"
        R"("quotes":[{"doc":"b.txt","start":40,"end":53}],)"
        R"("message":"direct quotation with no speaker","confidence":1,"doc":"b.txt","line":2,)"
        R"("col":10})",
        R"({"type":"error","doc":"c.txt","message":"cannot open: No such file or directory"})",
        R"({"type":"summary","documents":3,"failed":1,"quotes":3,"clusters":1,"findings":2,)"
        R"("bytes":120,"seconds":0.0042})",
    };
    CHECK(Lines(out.str()) == want);
    CHECK(out.str().back() == '\n');
  }

  TEST_CASE("AppendLinkRecord: delete has only a, insert only b; flags are named") {
    CheckResult result = testing::CheckTestResult();
    Link& link = result.links[0];
    link.diff.ops = {{DiffOp::Kind::kDelete, "not ", ""}, {DiffOp::Kind::kInsert, "", "ever"}};
    link.diff.classes = kChangeLexical | kChangePunctuation;
    link.diff.flags = kMeaningNegation | kMeaningModal;
    link.cluster.clear();
    std::string out;
    LinkDiffer differ(result);
    AppendLinkRecord(&out, result, 0, differ);
    CHECK(
        out ==
        R"({"type":"link","a":{"doc":"a.txt","start":17,"end":59},)"
        R"("b":{"doc":"b.txt","start":1,"end":19},"relation":"variant","similarity":0.833,)"
        R"("speakers_agree":false,"diff":[{"op":"delete","a":"not "},{"op":"insert","b":"ever"}],)"
        R"("classes":["lexical","punctuation"],"flags":["negation","modal"]})");
  }

  TEST_CASE("AppendCheckQuoteRecord leaves out parts that the text does not hold") {
    CheckResult result = testing::CheckTestResult();
    result.quotes[0].text = "I think so, really";  // one byte short of the spans
    std::string out;
    AppendCheckQuoteRecord(&out, result, 0);
    CHECK(out.find(R"("parts")") == std::string::npos);
    CHECK(out.find(R"("text":"I think so, really")") != std::string::npos);
  }

  TEST_CASE("AppendFindingRecord places a finding without quotes at its location") {
    CheckResult result = testing::CheckTestResult();
    Finding finding;
    finding.rule = "unbalanced-quote";
    finding.message = "quotation mark never closed";
    Diagnostic where;
    where.path = "b.txt";
    where.line = 3;
    where.col = 7;
    finding.location = where;
    finding.doc = 1;
    result.findings = {finding};
    std::string out;
    AppendFindingRecord(&out, result, 0);
    CHECK(
        out ==
        R"({"type":"finding","rule":"unbalanced-quote","severity":"warning","quotes":[],)"
        R"("message":"quotation mark never closed","confidence":1,"doc":"b.txt","line":3,"col":7})");
  }
}

}  // namespace quotecheck
