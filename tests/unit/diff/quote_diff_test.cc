#include "diff/quote_diff.h"

#include <doctest/doctest.h>

#include <string>

namespace quotecheck {
namespace {

// Ops as {op|a|b} joined.
std::string Ops(const QuoteDiff& d) {
  std::string out;
  for (const DiffOp& op : d.ops) {
    out.append("{").append(DiffOpName(op.kind)).append("|").append(op.a).append("|");
    out.append(op.b).append("}");
  }
  return out;
}

// The same for ops read as views.
std::string Ops(const std::vector<DiffOpView>& ops) {
  std::string out;
  for (const DiffOpView& op : ops) {
    out.append("{").append(DiffOpName(op.kind)).append("|").append(op.a).append("|");
    out.append(op.b).append("}");
  }
  return out;
}

void CheckRoundTrip(std::string_view a, std::string_view b) {
  QuoteDiff d = DiffQuotes(a, b);
  std::string ra;
  std::string rb;
  for (const DiffOp& op : d.ops) {
    ra.append(op.a);
    rb.append(op.b);
    if (op.kind == DiffOp::Kind::kInsert) CHECK(op.a.empty());
    if (op.kind == DiffOp::Kind::kDelete) CHECK(op.b.empty());
    if (op.kind == DiffOp::Kind::kEqual) CHECK(op.a == op.b);
  }
  CHECK(ra == a);
  CHECK(rb == b);
}

constexpr const char* kSeed000 =
    "I think he wants to make a deal for me, you understand that? As crazy as it sounds,";
constexpr const char* kSeed001 =
    "I think he wants to make a deal for me. Do you understand? As crazy as it sounds.";

}  // namespace

TEST_SUITE("diff") {
  TEST_CASE("diff of the seed pair: Do inserted, that deleted, punctuation replaced") {
    QuoteDiff d = DiffQuotes(kSeed000, kSeed001);
    CHECK(Ops(d) ==
          "{equal|I think he wants to make a deal for me|I think he wants to make a deal for me}"
          "{replace|,|. Do}{equal| you understand| you understand}{delete| that|}"
          "{equal|? As crazy as it sounds|? As crazy as it sounds}{replace|,|.}");
    CHECK(d.classes == (kChangeLexical | kChangePunctuation));
    CHECK(d.flags == kMeaningSentenceSplit);
  }

  TEST_CASE("diff ops concatenate back to both texts") {
    const std::pair<const char*, const char*> pairs[] = {
        {kSeed000, kSeed001},
        {"", "new words"},
        {"old words", ""},
        {"  spaced   out  ", "spaced out"},
        {"“A,” she said — [sic] … B.", "\"A,\" B."},
        {"In light of the unusual events … the department consulted",
         "In light of the unusual events occurring since then, the department has consulted"},
        {"wants to make a deal.", kSeed000},
        {"The F.B.I. didn’t  say", "the FBI did not say!"},
        {"\xff broken \xc3", "broken"},
    };
    for (const auto& [a, b] : pairs) {
      CAPTURE(a);
      CAPTURE(b);
      CheckRoundTrip(a, b);
      CheckRoundTrip(b, a);
    }
  }

  TEST_CASE("diff ops for small changes") {
    struct Case {
      const char* a;
      const char* b;
      const char* ops;
    };
    const Case cases[] = {
        {"same words", "same words", "{equal|same words|same words}"},
        {"he will go", "he won't go", "{equal|he |he }{replace|will|won't}{equal| go| go}"},
        {"a deal,", "a deal.", "{equal|a deal|a deal}{replace|,|.}"},
        {"make a deal", "make a big deal",
         "{equal|make a |make a }{insert||big }"
         "{equal|deal|deal}"},
        {"The President said", "The president said",
         "{equal|The |The }{replace|President|president}{equal| said| said}"},
        {"energy infrastructure", "energy and infrastructure",
         "{equal|energy |energy }{insert||and }{equal|infrastructure|infrastructure}"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.a);
      CAPTURE(c.b);
      CHECK(Ops(DiffQuotes(c.a, c.b)) == c.ops);
    }
  }

  TEST_CASE("change classes") {
    struct Case {
      const char* a;
      const char* b;
      uint32_t classes;
    };
    const Case cases[] = {
        {"It is fine.", "It is fine.", 0},
        {"It is fine,", "It is fine.", kChangePunctuation},
        {"It is, fine.", "It is fine.", kChangePunctuation},
        {"the F.B.I. said", "the FBI said", kChangePunctuation},
        {"a left-wing plot", "a left wing plot", kChangePunctuation},
        {"The President said", "the president said", kChangeCase},
        {"he said “no”", "he said \"no\"", kChangeTypography},
        {"it’s", "it's", kChangeTypography},
        {"good — big", "good - big", kChangeTypography},
        {"two  spaces", "two spaces", kChangeTypography},
        {"ﬁne", "fine", kChangeTypography},
        {"make a deal", "make a big deal", kChangeLexical},
        {"don't go", "do not go", kChangeLexical},
        {"in light … the department", "in light of events the department", kChangeOmission},
        {"it bothered [him] a lot", "it bothered him a lot", kChangeInsertion},
        {"[He] will go", "She will go", kChangeInsertion},
        {"he said [sic] so", "he said so", kChangeInsertion},
    };
    for (const auto& c : cases) {
      CAPTURE(c.a);
      CAPTURE(c.b);
      CHECK(ChangeClassNames(DiffQuotes(c.a, c.b).classes) == ChangeClassNames(c.classes));
      CHECK(ChangeClassNames(DiffQuotes(c.b, c.a).classes) == ChangeClassNames(c.classes));
    }
  }

  TEST_CASE("meaning flags") {
    struct Case {
      const char* a;
      const char* b;
      uint32_t flags;
    };
    const Case cases[] = {
        // negation
        {"we will agree", "we will not agree", kMeaningNegation},
        {"we do agree", "we don't agree", kMeaningNegation},
        {"we never agree", "we always agree", kMeaningNegation},
        {"we do not agree", "we don't agree", 0},  // both negate
        {"with regret", "without regret", kMeaningNegation},
        // numbers
        {"we paid 150 billion", "we paid 100 billion", kMeaningNumber},
        {"two leaders met", "three leaders met", kMeaningNumber},
        {"two leaders met", "2 leaders met", 0},  // same number
        {"it rose 0.9% today", "it rose 0.8% today", kMeaningNumber},
        // named entities
        {"he told Putin so", "he told Macron so", kMeaningNamedEntity},
        {"he told them so", "he told Macron so", kMeaningNamedEntity},
        {"The talks went well", "Those talks went well", 0},  // sentence start
        {"I told them", "I warned them", 0},
        // modals
        {"details will be set out", "details would be set out", kMeaningModal},
        {"we must go", "we go", kMeaningModal},
        {"I am sure he will do it", "I'm sure he'll do it", 0},
        // sentence split or merge
        {"for me, you understand", "for me. You understand", kMeaningSentenceSplit},
        {"it ended. We left", "it ended and we left", kMeaningSentenceSplit},
        {"the deal,", "the deal.", 0},  // at the end: not a split
    };
    for (const auto& c : cases) {
      CAPTURE(c.a);
      CAPTURE(c.b);
      CHECK(MeaningFlagNames(DiffQuotes(c.a, c.b).flags) == MeaningFlagNames(c.flags));
      CHECK(MeaningFlagNames(DiffQuotes(c.b, c.a).flags) == MeaningFlagNames(c.flags));
    }
  }

  TEST_CASE("an ellipsis standing for a negation flags it") {
    QuoteDiff d = DiffQuotes("we will … agree to it", "we will not ever agree to it");
    CHECK((d.classes & kChangeOmission));
    CHECK((d.flags & kMeaningNegation));
  }

  TEST_CASE("the cheap path gives the same diff") {
    TokenizedQuote a = TokenizeQuote(kSeed000);
    TokenizedQuote b = TokenizeQuote(kSeed001);
    WordAligner aligner;
    QuoteDiff d1 = DiffQuotes(a, b, aligner);
    QuoteDiff d2 = DiffQuotes(kSeed000, kSeed001);
    CHECK(Ops(d1) == Ops(d2));
    QuoteDiff no_text = BuildQuoteDiff(a, b, aligner.Full(a, b), /*with_text=*/false);
    CHECK(no_text.ops.empty());
    CHECK(no_text.classes == d1.classes);
    CHECK(no_text.flags == d1.flags);
  }

  TEST_CASE("ClassifyRespelling") {
    CHECK(ClassifyRespelling("FBI", "FBI") == 0);
    CHECK(ClassifyRespelling("F.B.I.", "FBI") == kChangePunctuation);
    CHECK(ClassifyRespelling("F.B.I.", "fbi") == (kChangePunctuation | kChangeCase));
    CHECK(ClassifyRespelling("Trump", "trump") == kChangeCase);
    CHECK(ClassifyRespelling("don’t", "don't") == kChangeTypography);
  }
}

}  // namespace quotecheck

namespace quotecheck {

TEST_CASE("DiffQuotes: the same bytes give what tokenising and aligning them gives") {
  for (const char* text :
       {"Not now.", "  “Don’t — ever,” [he] said … twice ", "a", "…", kSeed000}) {
    CAPTURE(text);
    const QuoteDiff fast = DiffQuotes(text, text);
    TokenizedQuote a = TokenizeQuote(text), b = TokenizeQuote(text);
    WordAligner aligner;
    const QuoteDiff slow = BuildQuoteDiff(a, b, aligner.Full(a, b));
    CHECK(Ops(fast) == Ops(slow));
    CHECK(fast.classes == slow.classes);
    CHECK(fast.flags == slow.flags);
  }
}

Link LinkOf(size_t a, size_t b) {
  Link link;
  link.a = a;
  link.b = b;
  return link;
}

TEST_CASE("LinkDiffer gives LinkDiff's diffs, whichever quotations it still holds") {
  CheckResult result;
  const std::vector<std::string> texts = {
      "We will not raise the harbour toll this year",
      "We will raise the harbour toll this year",
      "We will not raise the harbour toll this year",  // the same bytes as 0
      "we will not raise the Harbour toll, this year",
      "We won't raise the harbour toll next year",
      "The harbour toll stays where it is",
      "We will not raise the harbour fee this year",
      "We will not raise the toll",
      "Not this year, we will not raise the harbour toll",
      "We will not lower the harbour toll this year",
      "We will not raise the ferry toll this year",
  };
  for (const std::string& text : texts) {
    QuoteRecord q;
    q.text = text;
    result.quotes.push_back(q);
  }
  // Star links from quotation 0, then links among the others, past the differ's memory.
  for (size_t b = 1; b < texts.size(); ++b) result.links.push_back(LinkOf(0, b));
  for (size_t a = 1; a < texts.size(); ++a) {
    for (size_t b = a + 1; b < texts.size(); b += 3) result.links.push_back(LinkOf(a, b));
  }
  result.links.back().diff.ops = {{DiffOp::Kind::kEqual, "set", "set"}};  // ops kept as set
  LinkDiffer differ(result);
  for (const Link& link : result.links) {
    CAPTURE(link.a);
    CAPTURE(link.b);
    const QuoteDiff want = LinkDiff(result, link);
    const QuoteDiff got = differ.Diff(link);
    CHECK(Ops(got) == Ops(want));
    CHECK(got.classes == want.classes);
    CHECK(got.flags == want.flags);
    CHECK(Ops(differ.Ops(link)) == Ops(want));  // as views
  }
}

}  // namespace quotecheck

namespace quotecheck {

TEST_CASE("packed ops read back as the diff's ops, and only over their own texts") {
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {kSeed000, kSeed001},
      {"We will not raise the harbour toll this year", "We will raise the harbour toll"},
      {"“Don’t — ever,” [he] said … twice", "\"Don't - ever,\" she said twice, or thrice"},
      {"The F.B.I. said 100,000", "the FBI said one hundred thousand"},
      {"a", "b"},
      {"", "Something new"},
      {"Words here", ""},
      {"Same bytes.", "Same bytes."},
      {std::string(300, 'x') + " tail", std::string(200, 'y') + " tail end"},
  };
  for (const auto& [a, b] : pairs) {
    CAPTURE(a);
    CAPTURE(b);
    std::string packed, packed_only;
    const QuoteDiff d = DiffQuotes(a, b, /*with_ops=*/true, &packed);
    const QuoteDiff bare = DiffQuotes(a, b, /*with_ops=*/false, &packed_only);
    CHECK(packed == packed_only);
    CHECK(bare.classes == d.classes);
    CHECK(bare.flags == d.flags);
    if (a == b && !a.empty()) {
      CHECK(packed.empty());  // the same bytes need no ops kept
      continue;
    }
    const std::optional<std::vector<DiffOp>> ops = UnpackDiffOps(packed, a, b);
    REQUIRE(ops.has_value());
    QuoteDiff back;
    back.ops = *ops;
    CHECK(Ops(back) == Ops(d));
    std::vector<DiffOpView> views;
    REQUIRE(UnpackDiffOpViews(packed, a, b, &views));
    CHECK(Ops(views) == Ops(d));
    // Other texts: the sizes do not add up.
    CHECK_FALSE(UnpackDiffOps(packed, a + "!", b).has_value());
    CHECK_FALSE(UnpackDiffOps(packed, a, b + " more").has_value());
    CHECK_FALSE(UnpackDiffOpViews(packed, a, b + " more", &views));
    CHECK(views.empty());
  }
  // Not a diff's ops: nothing packed; a cut varint reads as nothing.
  std::string out = "stale";
  PackDiffOps(std::vector<PackedOp>{{DiffOp::Kind::kEqual, 3, 4}}, &out);
  CHECK(out.empty());
  PackDiffOps(std::vector<PackedOp>{{DiffOp::Kind::kReplace, 200, 3}}, &out);
  CHECK(out.size() == 3);
  CHECK_FALSE(UnpackDiffOps(out.substr(0, 1), std::string(200, 'a'), "bcd").has_value());
  CHECK(UnpackDiffOps(out, std::string(200, 'a'), "bcd").has_value());
  std::vector<DiffOpView> views;
  CHECK_FALSE(UnpackDiffOpViews(out.substr(0, 2), std::string(200, 'a'), "bcd", &views));
  CHECK_FALSE(UnpackDiffOpViews(out.substr(0, 1), std::string(200, 'a'), "bcd", &views));
  CHECK(UnpackDiffOpViews(out, std::string(200, 'a'), "bcd", &views));
}

TEST_CASE("LinkDiff reads a link's packed ops; a stale or foreign packing is recomputed") {
  CheckResult result;
  for (const char* text : {"We will not raise the harbour toll this year",
                           "We will raise the harbour toll, this year", "Not this year."}) {
    QuoteRecord q;
    q.text = text;
    result.quotes.push_back(q);
  }
  Link link = LinkOf(0, 1);
  link.diff.classes = kChangeLexical;  // the link's own, kept
  const QuoteDiff want = LinkDiff(result, link);
  std::string packed;
  DiffQuotes(result.quotes[0].text, result.quotes[1].text, true, &packed);
  link.packed_ops = CompactBytes(packed);
  REQUIRE(StoredLinkDiff(result, link).has_value());
  CHECK(Ops(*StoredLinkDiff(result, link)) == Ops(want));
  CHECK(StoredLinkDiff(result, link)->classes == kChangeLexical);
  CHECK(Ops(LinkDiff(result, link)) == Ops(want));
  LinkDiffer differ(result);
  CHECK(Ops(differ.Diff(link)) == Ops(want));
  CHECK(Ops(differ.Ops(link)) == Ops(want));
  // The same packing on another pair of texts does not add up: computed afresh.
  Link other = link;
  other.b = 2;
  CHECK_FALSE(StoredLinkDiff(result, other).has_value());
  CHECK(Ops(differ.Ops(other)) == Ops(LinkDiff(result, other)));  // computed, as views
  other.packed_ops.clear();
  CHECK(Ops(LinkDiff(result, other)) == Ops(differ.Diff(other)));
}

}  // namespace quotecheck
