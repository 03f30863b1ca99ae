#include "attribute/speaker_key.h"

#include <doctest/doctest.h>

#include "unit/builtin_extractor.h"

namespace quotecheck {
namespace {

const SpeakerKeyer& Keyer() { return testing::BuiltinFindingContext().keyer; }

SpeakerEvidence Said(const char* speaker, const char* mention,
                     const char* rule = "after/speaker-cue") {
  QuoteRecord q;
  q.speaker = speaker;
  q.speaker_mention = TextRef{{}, mention};
  q.rule = rule;
  return Keyer().Evidence(q);
}

}  // namespace

TEST_SUITE("findings") {
  TEST_CASE("FoldName: NFKC, case folded, marks stripped, one apostrophe and dash") {
    const struct {
      const char* in;
      const char* out;
    } cases[] = {
        {"Ada QUELL", "ada quell"},            // ASCII: lower case only
        {"O'Brien-Lund 2", "o'brien-lund 2"},  // ASCII punctuation and digits as they are
        {"Émile Zoë", "emile zoe"},
        {"O’Brien–Lund", "o'brien-lund"},
        {"ＡＤＡ", "ada"},  // compatibility forms
        {"", ""},
    };
    for (const auto& c : cases) {
      CAPTURE(c.in);
      CHECK(FoldName(c.in) == c.out);
    }
  }

  TEST_CASE("SpeakerKeyer::Key folds one person's spellings") {
    const struct {
      const char* a;
      const char* b;
    } same[] = {
        {"Felipe Calderón", "Felipe Calderon"},
        {"Mike Pompey", "Michael Pompey"},
        {"Bill Harrow", "William Harrow"},
        {"Sen. Orla Venn", "Orla Venn"},
        {"Orla Venn (D-Mo.)", "Orla Venn"},
        {"Orla Venn (R)", "Orla Venn"},
        {"Rep. Orla Venn, R-Calif.", "Orla Venn"},
        {"Kevin K. McAlder", "Kevin McAlder"},
        {"Agent Rodney S. Scarth", "Agent Rodney Scarth"},
        {"Prime Minister Ilona Vastrick", "Ilona Vastrick"},
        {"Tomas Ardelin Jr.", "Tomas Ardelin"},
    };
    for (const auto& c : same) {
      CAPTURE(c.a);
      CHECK(Keyer().Key(c.a) == Keyer().Key(c.b));
      CHECK_FALSE(Keyer().Key(c.a).empty());
    }
    CHECK(Keyer().Key("Felipe Calderón") == "felipe calderon");
    CHECK(Keyer().Key("Melania Trumbull") != Keyer().Key("Donald Trumbull"));
  }

  TEST_CASE("SpeakerKeyer::Key: text that is no name has no key") {
    for (const char* s : {"Harbour.\" Aides", "DESPERATION: DNC", "Updated: Ada", "Who? Ada",
                          "Orla Venn.'' He", "He", ""}) {
      CAPTURE(s);
      CHECK(Keyer().Key(s).empty());
    }
  }

  TEST_CASE("SpeakersDisagree: only explicit attributions of different people") {
    const struct {
      const char* name;
      SpeakerEvidence a, b;
      bool disagree;
    } cases[] = {
        {"two named people", Said("Pete Fallow", "Pete Fallow"),
         Said("Kevin McAlder", "Commissioner Kevin McAlder"), true},
        {"nickname", Said("Mike Pompey", "Mike Pompey"), Said("Michael Pompey", "Michael Pompey"),
         false},
        {"surname mention", Said("Donald Trumbull", "Trumbull"),
         Said("Melania Trumbull", "Mr. Trumbull"), false},
        {"two full names, one surname", Said("Donald Trumbull", "Donald Trumbull"),
         Said("Melania Trumbull", "Melania Trumbull"), true},
        {"pronoun", Said("Pete Fallow", "Pete Fallow"), Said("Nora Phelps", "He"), false},
        {"role noun", Said("Pete Fallow", "Pete Fallow"), Said("Moon Jae", "the president"), false},
        {"inherited", Said("Pete Fallow", "Pete Fallow"),
         Said("Nora Phelps", "Phelps", "inherited/previous-quote"), false},
        {"person and body", Said("Pete Fallow", "Pete Fallow"),
         Said("White House", "the White House"), false},
        {"two bodies", Said("Harbour Agency", "the Harbour Agency"),
         Said("White House", "the White House"), true},
        {"no name at all", Said("Pete Fallow", "Pete Fallow"),
         Said("DESPERATION: DNC", "DESPERATION: DNC"), false},
        {"described bodies", Said("the committee", "the committee"), Said("the suit", "the suit"),
         false},
        {"weak rule", Said("Pete Fallow", "Pete Fallow"),
         Said("Nora Phelps", "Phelps", "weak/sentence-subject"), false},
        {"a given name alone", Said("Orla", "Orla"), Said("Orla Venn", "Orla Venn"), false},
        {"an outlet is a body", Said("Pete Fallow", "Pete Fallow"),
         Said("Harbour Post", "The Harbour Post"), false},
        {"an acronym is no name", Said("Pete Fallow", "Pete Fallow"),
         Said("Former US", "Former US"), false},
    };
    for (const auto& c : cases) {
      CAPTURE(c.name);
      CHECK(SpeakersDisagree(c.a, c.b) == c.disagree);
      CHECK(SpeakersDisagree(c.b, c.a) == c.disagree);
    }
  }

  TEST_CASE("SpeakersMatch: equal surnames, or either unknown or only described") {
    const struct {
      const char* name;
      SpeakerEvidence a, b;
      bool match;
    } cases[] = {
        {"one person", Said("Pete Fallow", "Pete Fallow"), Said("Pete Fallow", "Mr. Fallow"), true},
        {"two people", Said("Pete Fallow", "Pete Fallow"), Said("Nora Phelps", "Nora Phelps"),
         false},
        {"no speaker", Said("Pete Fallow", "Pete Fallow"), SpeakerEvidence{}, true},
        {"a described group may be the named people", Said("the chairmen", "the chairmen"),
         Said("Nora Phelps", "Nora Phelps"), true},
        {"a described speaker", Said("a spokesman", "a spokesman"),
         Said("Harbour Agency", "the Harbour Agency"), true},
        {"a named body and a person", Said("Harbour Agency", "the Harbour Agency"),
         Said("Pete Fallow", "Pete Fallow"), false},
    };
    for (const auto& c : cases) {
      CAPTURE(c.name);
      CHECK(SpeakersMatch(c.a, c.b) == c.match);
      CHECK(SpeakersMatch(c.b, c.a) == c.match);
    }
    CHECK(Said("the chairmen", "the chairmen").described);
    CHECK(Said("officials", "officials").described);
    CHECK_FALSE(Said("the White House", "the White House").described);
    CHECK_FALSE(Said("Pete Fallow", "Pete Fallow").described);
  }

  TEST_CASE("SpeakerKeyer::Evidence: what the mention names") {
    SpeakerEvidence e = Said("Donald Trumbull", "Mr. Trumbull");
    CHECK(e.explicit_name);
    CHECK(e.surname_only);
    CHECK(e.person);
    e = Said("Donald Trumbull", "President Donald Trumbull");
    CHECK(e.explicit_name);
    CHECK_FALSE(e.surname_only);
    e = Said("Harbour Agency", "the Harbour Agency");
    CHECK(e.explicit_name);
    CHECK_FALSE(e.person);
  }
}

}  // namespace quotecheck
