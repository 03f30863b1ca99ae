#include "diff/quote_tokens.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/hash.h"

namespace quotecheck {
namespace {

// "text|key" for each token, kinds as W P E I.
std::vector<std::string> Describe(std::string_view text) {
  TokenizedQuote q = TokenizeQuote(text);
  std::vector<std::string> out;
  for (const QuoteToken& t : q.tokens) {
    static constexpr char kKinds[] = {'W', 'P', 'E', 'I'};
    std::string s(1, kKinds[static_cast<int>(t.kind)]);
    s.append(":").append(q.Text(t)).append("|").append(q.Key(t));
    out.push_back(s);
  }
  return out;
}

// Every field of every token of `got` as in `want`.
void CheckSameTokens(const TokenizedQuote& got, const TokenizedQuote& want) {
  CAPTURE(want.text);
  REQUIRE(got.text == want.text);
  CHECK(got.keys == want.keys);
  CHECK(got.elements == want.elements);
  CHECK(got.word_count == want.word_count);
  REQUIRE(got.tokens.size() == want.tokens.size());
  for (size_t k = 0; k < want.tokens.size(); ++k) {
    CAPTURE(k);
    CHECK(static_cast<int>(got.tokens[k].kind) == static_cast<int>(want.tokens[k].kind));
    CHECK(static_cast<int>(got.tokens[k].flags) == static_cast<int>(want.tokens[k].flags));
    CHECK(got.tokens[k].start == want.tokens[k].start);
    CHECK(got.tokens[k].end == want.tokens[k].end);
    CHECK(got.tokens[k].key_start == want.tokens[k].key_start);
    CHECK(got.tokens[k].key_size == want.tokens[k].key_size);
    CHECK(got.tokens[k].hash == want.tokens[k].hash);
  }
}

}  // namespace

TEST_SUITE("diff") {
  TEST_CASE("MatchKey normalises Unicode, case, quote marks, dashes and space") {
    struct Case {
      const char* text;
      const char* want;
    };
    const Case cases[] = {
        {"Hello World", "hello world"},
        {"ﬁnd the ﬂow", "find the flow"},  // ﬁ ﬂ ligatures
        {"ＡＢＣ １２", "abc 12"},         // ＡＢＣ １２
        {"STRASSE Straß"
         "e",
         "strasse strasse"},  // ß case-folds to ss
        {"don’t", "don't"},   // ’
        {"don`t", "don't"},
        {"don´t", "don't"},                 // ´
        {"“Yes”, he said", "yes he said"},  // “ ” set aside
        {"left-wing", "left wing"},
        {"left—wing and right–wing", "left wing and right wing"},
        {"  many \t spaces\n here  ", "many spaces here"},
        {"Café Café", "café café"},  // NFC composition
        {"the F.B.I. and the FBI", "the fbi and the fbi"},
        {"", ""},
    };
    for (const auto& c : cases) {
      CAPTURE(c.text);
      CHECK(MatchKey(c.text) == c.want);
    }
  }

  TEST_CASE("NormalizeForMatch keeps punctuation but unifies typography") {
    CHECK(NormalizeForMatch("“It’s  OK” — fine") == "'it's ok' - fine");
  }

  TEST_CASE("tokens: words, punctuation, ellipses, insertions, abbreviations, numbers") {
    struct Case {
      const char* text;
      std::vector<std::string> want;
    };
    const Case cases[] = {
        {"Yes, sir.", {"W:Yes|yes", "P:,|,", "W:sir|sir", "P:.|."}},
        {"one…two", {"W:one|one", "E:…|...", "W:two|two"}},
        {"one...two", {"W:one|one", "E:...|...", "W:two|two"}},
        {"one . . . two", {"W:one|one", "E:. . .|...", "W:two|two"}},
        {"one […] two", {"W:one|one", "E:[…]|...", "W:two|two"}},
        {"bothered [him] a lot", {"W:bothered|bothered", "I:[him]|him", "W:a|a", "W:lot|lot"}},
        {"their [sic]", {"W:their|their", "I:[sic]|sic"}},
        {"[Russian President] Putin", {"I:[Russian President]|russian president", "W:Putin|putin"}},
        {"a [b", {"W:a|a", "P:[|[", "W:b|b"}},
        {"the U.S. and F.B.I.", {"W:the|the", "W:U.S.|us", "W:and|and", "W:F.B.I.|fbi"}},
        {"Mr. Flynn", {"W:Mr|mr", "P:.|.", "W:Flynn|flynn"}},
        {"0.9% of 24/7", {"W:0.9%|0.9%", "W:of|of", "W:24/7|24/7"}},
        {"$150 billion, 100,000 files",
         {"W:$150|$150", "W:billion|billion", "P:,|,", "W:100,000|100000", "W:files|files"}},
        {"1, 2, 3", {"W:1|1", "P:,|,", "W:2|2", "P:,|,", "W:3|3"}},
        {"they’ve", {"W:they’ve|they've"}},
        {"‘hi’", {"P:‘|'", "W:hi|hi", "P:’|'"}},
        {"big problems—bigger", {"W:big|big", "W:problems|problems", "P:—|-", "W:bigger|bigger"}},
        {"a -- b", {"W:a|a", "P:--|-", "W:b|b"}},
        {"！", {"P:！|!"}},  // full-width !
    };
    for (const auto& c : cases) {
      CAPTURE(c.text);
      CHECK(Describe(c.text) == c.want);
    }
  }

  TEST_CASE("tokens: where a word of ASCII letters ends (apostrophes, dots, other bytes)") {
    struct Case {
      const char* text;
      std::vector<std::string> want;
    };
    const Case cases[] = {
        {"It's Jones' car", {"W:It's|it's", "W:Jones|jones", "P:'|'", "W:car|car"}},
        {"rock'n'roll", {"W:rock'n'roll|rock'n'roll"}},
        {"rock`n`ROLL", {"W:rock`n`ROLL|rock'n'roll"}},
        {"it'5", {"W:it|it", "P:'|'", "W:5|5"}},
        {"o'.", {"W:o|o", "P:'|'", "P:.|."}},
        {"x'é", {"W:x'é|x'é"}},  // the apostrophe joins a letter past ASCII
        {"x’y", {"W:x’y|x'y"}},  // ’ between letters
        {"don't.", {"W:don't|don't", "P:.|."}},
        {"A. Lincoln", {"W:A|a", "P:.|.", "W:Lincoln|lincoln"}},
        {"no.5", {"W:no|no", "P:.|.", "W:5|5"}},
        {"a.b.c", {"W:a.b.|ab", "W:c|c"}},
        {"I.'", {"W:I|i", "P:.|.", "P:'|'"}},
        {"abc123 x", {"W:abc123|abc123", "W:x|x"}},
        {"Straße!", {"W:Straße|strasse", "P:!|!"}},
        {"word\x01word", {"W:word|word", "P:\x01|\x01", "W:word|word"}},
        {"ab\xff", {"W:ab|ab", "P:\xff|\xff"}},
    };
    for (const auto& c : cases) {
      CAPTURE(c.text);
      CHECK(Describe(c.text) == c.want);
    }
  }

  TEST_CASE("token flags: number words and titles found by the word's hash") {
    TokenizedQuote q = TokenizeQuote("Gen. Smith said Two. Percent vs. twofold");
    REQUIRE(q.tokens.size() == 10);
    CHECK((q.tokens[2].flags & kTokenSentenceStart) == 0);  // Smith after Gen.
    CHECK((q.tokens[4].flags & kTokenNumber));              // Two
    CHECK((q.tokens[6].flags & kTokenNumber));              // Percent
    CHECK((q.tokens[6].flags & kTokenSentenceStart));
    CHECK((q.tokens[9].flags & kTokenSentenceStart) == 0);  // after vs.
    CHECK((q.tokens[9].flags & kTokenNumber) == 0);         // twofold
  }

  TEST_CASE("token flags: capitals, sentence starts and ends, numbers, edge ellipses") {
    TokenizedQuote q = TokenizeQuote("… we met Mr. Flynn. Then two left …");
    REQUIRE(q.tokens.size() == 11);
    CHECK((q.tokens[0].flags & kTokenAtEdge));
    CHECK((q.tokens[1].flags & kTokenSentenceStart));       // we
    CHECK((q.tokens[5].flags & kTokenSentenceStart) == 0);  // Flynn after Mr.
    CHECK((q.tokens[5].flags & kTokenCapitalized));
    CHECK((q.tokens[4].flags & kTokenSentenceEnd) == 0);  // Mr.
    CHECK((q.tokens[6].flags & kTokenSentenceEnd));       // Flynn.
    CHECK((q.tokens[7].flags & kTokenSentenceStart));     // Then
    CHECK((q.tokens[8].flags & kTokenNumber));            // two
    CHECK((q.tokens[10].flags & kTokenAtEdge));
    // Elements: words and inner editorial marks only.
    CHECK(q.elements.size() == 7);
    CHECK(q.word_count == 7);
  }

  TEST_CASE("tokens cover the text with only space between them; hashes match the keys") {
    const char* texts[] = {"I think he wants to make a deal for me, you understand that?",
                           "“A,” she said — [sic] … B.", "\xff\xfe broken \xc3 bytes"};
    for (const char* text : texts) {
      CAPTURE(text);
      TokenizedQuote q = TokenizeQuote(text);
      size_t pos = 0;
      for (const QuoteToken& t : q.tokens) {
        CHECK(t.start >= pos);
        for (size_t i = pos; i < t.start; ++i) CHECK((q.text[i] == ' ' || q.text[i] == '\n'));
        CHECK(t.end > t.start);
        CHECK(t.hash == Fnv1a64(q.Key(t)));
        pos = t.end;
      }
    }
  }

  TEST_CASE("HasWord is whether the match key has words") {
    for (std::string_view text : {"", " , ", "…", "...", "[him]", "[…]", "— [sic] —", "[him", "a",
                                  "$5", "“”", "[Trump] said", "-- 5 --", "Ö", "F.B.I."}) {
      CAPTURE(text);
      CHECK(HasWord(text) == !MatchKey(text).empty());
    }
  }

  TEST_CASE("NumberValue maps number words to digits") {
    CHECK(NumberValue("two") == "2");
    CHECK(NumberValue("Two") == "Two");  // keys are case-folded
    CHECK(NumberValue("percent") == "%");
    CHECK(NumberValue("dozens") == "dozens");
    CHECK(NumberValue("") == "");
    CHECK(NumberValue("hundred") == "100");
    CHECK(NumberValue("twofold") == "twofold");
    CHECK(NumberValue("2") == "2");
  }

  TEST_CASE("TokenizeQuoteReusing: TokenizeQuote's tokens, whatever the buffers held before") {
    // A longer quotation, then shorter ones, then a longer again, into the same buffers.
    TokenizedQuote reused;
    for (std::string_view text :
         {"“We will rebuild the harbour wall, every stone of it, by May,” she said. […] Yes.",
          "No.", "", "[The council] will … decide on 3 June.",
          "The F.B.I. paid $1,000 to two firms — and then left the harbour for good."}) {
      TokenizeQuoteReusing(text, &reused);
      CheckSameTokens(reused, TokenizeQuote(text));
    }
  }

  TEST_CASE("ElementRangeTokens: the tokens of a range's text, for every range") {
    // Texts with what the tokeniser carries from one token to the next: sentence starts and
    // ends, titles, abbreviations, numbers, editorial marks at and inside the edges.
    for (std::string_view text :
         {"We met Mr. Flynn. Then two left … and [he] said no. Really?",
          "… the F.B.I. paid $1,000 — 12.5% more — to U.S. firms. […] Done!",
          "[Ministers] will not. . . wait; “Don’t,” she said. [sic] Yes [him].",
          "Élan vital. Ça va? 3/4 of them… we’ll see… [...] end.", "a. b. c. d",
          "[one] two … three. [four]", "We asked Mr [...]. Then he left.", "Dr … . Fine",
          "Mr. [...]. Later"}) {
      const TokenizedQuote q = TokenizeQuote(text);
      TokenizedQuote range;
      for (uint32_t begin = 0; begin < q.elements.size(); ++begin) {
        for (uint32_t end = begin + 1; end <= q.elements.size(); ++end) {
          const uint32_t from = q.tokens[q.elements[begin]].start;
          const uint32_t to = q.tokens[q.elements[end - 1]].end;
          const TokenizedQuote want = TokenizeQuote(q.text.substr(from, to - from));
          ElementRangeTokens(q, begin, end, &range);
          CheckSameTokens(range, want);
        }
      }
      ElementRangeTokens(q, 0, 0, &range);  // an empty range: q's own tokens
      CHECK(range.text == q.text);
      CHECK(range.elements == q.elements);
    }
  }
}

}  // namespace quotecheck
