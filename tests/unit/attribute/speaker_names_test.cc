#include "attribute/speaker_names.h"

#include <doctest/doctest.h>

#include <string>

#include "unit/builtin_extractor.h"

namespace quotecheck {
namespace {

using testing::BuiltinRules;

const SpeakerNames& Names() {
  static const SpeakerNames names(BuiltinRules());
  return names;
}

}  // namespace

TEST_SUITE("attribute") {
  TEST_CASE("SpeakerNames::CanSpeak: what a speaker can be") {
    struct Case {
      const char* speaker;
      bool can;
    };
    const Case cases[] = {
        {"Ada Quell", true},
        {"Ivo J. Tamm Jr.", true},
        {"Harbour Authority", true},
        {"police", true},
        {"Richmond police", true},
        {"a senior official", true},
        {"Burton and Nick", true},
        {"He", false},
        {"they", false},
        {"I", false},
        {"Washington", false},
        {"the United States", false},
        {"LONDON", false},
        {"Updated", false},
        {"Related Tamm", false},
        {"DESPERATION: DNC", false},
        {"North Korea.” Aides", false},
        {"the fray. Ada Quell", false},
        {"Quell; Ivo Tamm", false},
        {"Trump! Trump", false},
        {"you", false},
        {"TURNS OUT POE WAS RIGHT Crows", false},
        {"FBI Director Ada Quell", true},
    };
    for (const Case& c : cases) {
      CAPTURE(c.speaker);
      CHECK(Names().CanSpeak(c.speaker) == c.can);
    }
  }

  TEST_CASE("SpeakerNames::JoinedByAnd: \"and\", then only words of a role") {
    struct Case {
      const char* between;
      bool joined;
    };
    const Case cases[] = {
        {" and ", true},
        {" & ", true},
        {" and first lady ", true},
        {"  and\tPresident ", true},
        {" and deputy harbour master ", true},       // three role words
        {" and the deputy harbour master ", false},  // four
        {" and Melania ", false},                    // a name, no role
        {" and first lady. ", false},                // a sentence ends
        {" said and ", false},                       // "and" must come first
        {" andrew ", false},
        {"", false},
        {"   ", false},
        {" and President Ada Quell and others ", false},
    };
    for (const Case& c : cases) {
      CAPTURE(c.between);
      CHECK(Names().JoinedByAnd(c.between) == c.joined);
    }
  }

  TEST_CASE("SpeakerNames::ObjectPosition: a speaker right after a preposition or a verb") {
    struct Case {
      const char* text;  // the speaker in [brackets], the cue in {braces}
      bool possessor;
      bool object;
    };
    const Case cases[] = {
        {"No call was planned with [Tamm], {adding}: ", false, true},
        {"He read it from [the Bible], {saying}: ", false, true},
        {"With [the migrants] {on} the doorstep, ", false, true},
        {"He brought up [the port] bombing and later {said}, ", false, true},
        {"Footage of [Ada Quell] {asking}, ", false, false},  // the participle's subject
        {"With [Tamm] reportedly {yelling}: ", false, false},
        {"Half of [the voters] {say} ", false, false},
        {"She released [a statement] {saying}, ", false, true},  // a verb
        {"He supported [Ivo Tamm] and {said}, ", false, true},
        {"Later, [Tamm] {said}, ", false, false},
        {"Then a frustrated [Tamm] {said}, ", false, false},  // an article before
        {"At the briefing [Tamm] {said}, ", false, false},
        {"This morning [Tamm] {said}, ", false, false},                     // not_verb
        {"said undecided [Ada Quell] of Derry, {adding}, ", false, false},  // a cue before
        {"The news prompted [Quell] to {call} it ", false, false},  // an infinitive's subject
        {"a tweet from [Pia Lund] who {tweeted}, ", false, false},  // a relative clause's
        {"because of [Ada Quell's] {remark} that ", true, false},   // a possessor
        {"treating [Ada Quell's] {remark} as ", true, true},
    };
    for (const Case& c : cases) {
      CAPTURE(c.text);
      std::string text;
      ByteSpan speaker, cue;
      for (const char* p = c.text; *p != '\0'; ++p) {
        switch (*p) {
          case '[':
            speaker.start = text.size();
            break;
          case ']':
            speaker.end = text.size();
            break;
          case '{':
            cue.start = text.size();
            break;
          case '}':
            cue.end = text.size();
            break;
          default:
            text += *p;
        }
      }
      CHECK(Names().ObjectPosition(text, 0, speaker, cue, c.possessor) == c.object);
    }
  }

  TEST_CASE("SpeakerNames::SubordinateSubject: the subject of a clause that a conjunction opens") {
    struct Case {
      const char* text;  // the speaker in [brackets]; the quotation opens at the end
      bool subordinate;
    };
    const Case cases[] = {
        {"When [Varga] died in 1998, President Tamm released the following statement: ", true},
        {"As [Tamm] spoke, the harbour board was going into overdrive, whipping votes against ",
         true},
        {"After [Tamm] argued for the plan, Quell said only that his ", true},
        {"When [Varga], the mayor, said: ", false},                         // an appositive
        {"When [Varga] announced her plan, she called the port ", false},   // "she" is Varga
        {"As [Ruth Marcus] puts it, the mayor is trying to make ", false},  // "as" attributes
        {"As [Quell] said, ", false},
        {"Later, [Varga] said, ", false},                  // no conjunction
        {"When [Varga] spoke the crowd chanted ", false},  // no comma: not read
    };
    for (const Case& c : cases) {
      CAPTURE(c.text);
      std::string text;
      ByteSpan speaker;
      for (const char* p = c.text; *p != '\0'; ++p) {
        if (*p == '[') {
          speaker.start = text.size();
        } else if (*p == ']') {
          speaker.end = text.size();
        } else {
          text += *p;
        }
      }
      CHECK(Names().SubordinateSubject(text, 0, speaker, text.size()) == c.subordinate);
    }
  }

  TEST_CASE("SpeakerNames::EndsSentence: abbreviations do not end a sentence") {
    struct Case {
      const char* text;
      bool ends;
    };
    const Case cases[] = {
        {"Mr.", false},
        {"said Gen.", false},
        {"the U.S.", false},
        {"Ivo J.", false},
        {"Sen. Ada Quell (D-Mo.)", false},
        {"on Dec.", false},
        {"a man calling himself Ivo Paul.", true},
        {"the port in Oslo.", true},
        {"the GOP.", true},
        {"Really?", true},
        {"Out!", true},
        {"no stop at all", false},
    };
    for (const Case& c : cases) {
      CAPTURE(c.text);
      CHECK(Names().EndsSentence(c.text) == c.ends);
    }
  }

  TEST_CASE("SpeakerNames::Resolve: names made canonical, pronouns and surnames resolved") {
    struct Case {
      const char* text;     // the document
      const char* mention;  // the speaker mention, found in text after `after`
      const char* after;    // the mention is searched from here ("" = the start)
      const char* want;     // canonical speaker; "" = none
    };
    const Case cases[] = {
        // A full name is its own canonical form; a title before it is not part of it.
        {"\"We will rebuild,\" Mayor Ada Quell said.", "Ada Quell", "", "Ada Quell"},
        // A surname alone: the full name given earlier in the document.
        {"Ada Quell chairs the council. \"Not yet,\" Quell said.", "Quell", "Not yet", "Ada Quell"},
        // Not a full name whose given name is the other sex than the mention's honorific: that
        // is another person of the surname, and the surname stays alone.
        {"Bernard Quell chairs the council. \"Not yet,\" Mrs. Quell said.", "Mrs. Quell", "",
         "Quell"},
        {"Margaret Quell chairs the council. \"Not yet,\" Mrs. Quell said.", "Mrs. Quell", "",
         "Margaret Quell"},
        {"Margaret Quell chairs the council. \"Not yet,\" Mr. Quell said.", "Mr. Quell", "",
         "Quell"},
        // A pronoun: the subject of the sentence before the quotation.
        {"Ivo Tamm walked to the podium. \"It is over,\" he said.", "he", "It is over", "Ivo Tamm"},
        // "I" and "we" name nobody outside the quotation.
        {"\"It is over,\" we said.", "we", "", ""},
        // The subject may be in the paragraph before, past blank lines.
        {"Ivo Tamm walked to the podium.\n\n\n\"It is over,\" he said.", "he", "It is over",
         "Ivo Tamm"},
        {"Ivo Tamm walked in.\r\n\r\n\"It is over,\" he said.", "he", "It is over", "Ivo Tamm"},
        // An adverb or a conjunction that opens the sentence is no part of its subject's name.
        {"Ivo Tamm came late. Maybe Tamm knew. \"It is over,\" he said.", "he", "It is over",
         "Ivo Tamm"},
        {"Ivo Tamm came late. Given Tamm's record, few minded. \"It is over,\" he said.", "he",
         "It is over", "Ivo Tamm"},
        // "He" or "she" never stands for a school, a paper or a region: no speaker rather than
        // a place.
        {"Quell Academy opened on Monday. \"It is over,\" she said.", "she", "It is over", ""},
        {"The Harbour Times printed it first. \"It is over,\" he said.", "he", "It is over", ""},
        {"South Varnia hailed the deal. \"It is over,\" he said.", "he", "It is over", ""},
        {"The Harbour Post printed it first. \"It is over,\" he said.", "he", "It is over", ""},
        {"Varnia City hailed the deal. \"It is over,\" he said.", "he", "It is over", ""},
        {"Varnia Port hailed the deal. \"It is over,\" she said.", "she", "It is over", ""},
        // Nor for an acronym ("GOP", "CIA Benghazi"); a Roman numeral is part of a name.
        {"The VNP leaders met on Monday. \"It is over,\" he said.", "he", "It is over", ""},
        {"Ivo Tamm III hailed the deal. \"It is over,\" he said.", "he", "It is over",
         "Ivo Tamm III"},
        {"Ada West hailed the deal. \"It is over,\" she said.", "she", "It is over", "Ada West"},
        // A pronoun never stands for a name the text's honorifics give the other sex: no
        // speaker rather than a wrong one.
        {"Ms. Ada Quell spoke first. Mr. Ivo Tamm walked to the podium. \"It is over,\" she said.",
         "she", "It is over", ""},
        {"Ms. Ada Quell spoke first. Mr. Ivo Tamm walked to the podium. \"It is over,\" he said.",
         "he", "It is over", "Ivo Tamm"},
        // Nor for a name whose given name is the other sex's (given_name_man, given_name_woman).
        {"Bernard Quell walked to the podium. \"It is over,\" she said.", "she", "It is over", ""},
        {"Margaret Quell walked to the podium. \"It is over,\" he said.", "he", "It is over", ""},
        {"Margaret Quell walked to the podium. \"It is over,\" she said.", "she", "It is over",
         "Margaret Quell"},
        {"Bernard Quell walked to the podium. \"It is over,\" he said.", "he", "It is over",
         "Bernard Quell"},
        // A given name the lexicons do not know tells nothing; nor does a surname alone that
        // is also a given name.
        {"Ivo Tamm walked to the podium. \"It is over,\" she said.", "she", "It is over",
         "Ivo Tamm"},
        {"Warren walked to the podium. \"It is over,\" she said.", "she", "It is over", "Warren"},
        // A given name borne by both sexes refuses no one.
        {"Glenn Quell walked to the podium. \"It is over,\" she said.", "she", "It is over",
         "Glenn Quell"},
        // A capitalised role that opens a sentence is no part of the name, in the mention or
        // in the full name found for a surname.
        {"Actor Ivo Tamm walked in. \"It is over,\" Tamm said.", "Tamm", "It is over", "Ivo Tamm"},
        {"\"Not yet,\" Majority Whip Ada Quell said.", "Majority Whip Ada Quell", "", "Ada Quell"},
        {"\"Not yet,\" Journalist Ada Quell wrote.", "Journalist Ada Quell", "", "Ada Quell"},
        {"\"Not yet,\" Senior Adviser Ada Quell said.", "Senior Adviser Ada Quell", "",
         "Ada Quell"},
        {"\"Not yet,\" Chief Patrol Agent Ivo Tamm said.", "Chief Patrol Agent Ivo Tamm", "",
         "Ivo Tamm"},
        // A title's word in "-ing" is no participle that opens a phrase.
        {"\"Not yet,\" Managing Director Ada Quell said.", "Managing Director Ada Quell", "",
         "Ada Quell"},
        {"\"Not yet,\" Acting Mayor Ivo Tamm said.", "Acting Mayor Ivo Tamm", "", "Ivo Tamm"},
        // The verb that opens a question before a surname is no first name; "Will" that opens
        // a statement may be one.
        {"Game over. Will Tamm come down?\n\nBernard Tamm has one chance left. \"Not yet,\" "
         "Tamm said.",
         "Tamm", "Not yet", "Bernard Tamm"},
        {"Will Tamm spoke first. Bernard Tamm spoke next. \"Not yet,\" Tamm said.", "Tamm",
         "Not yet", "Will Tamm"},
        // A role in lower case, then the name of the person in it: the name.
        {"\"He had plans,\" his friend Marat Olsen said.", "his friend Marat Olsen", "",
         "Marat Olsen"},
        {"\"Not here,\" the Hollywood columnist Ada Quell wrote.",
         "the Hollywood columnist Ada Quell", "", "Ada Quell"},
        {"\"Soon,\" the Democratic candidate Ivo Tamm said.", "the Democratic candidate Ivo Tamm",
         "", "Ivo Tamm"},
        // Not a role before a name: a title's inner word, or a capitalised title that sets one
        // person of the name apart from another.
        {"\"Costly,\" the foreign minister of France said.", "the foreign minister of France", "",
         "the foreign minister of France"},
        {"\"A movement,\" said the younger Mr. Tamm.", "the younger Mr. Tamm", "",
         "the younger Mr. Tamm"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.text);
      const std::string text = c.text;
      std::vector<Quote> quotes;
      SpeakerNames::DocumentNames doc(text, quotes);
      const size_t from = text.find(c.after);
      const size_t at = text.find(c.mention, from);
      REQUIRE(at != std::string::npos);
      const ByteSpan span{at, at + std::string_view(c.mention).size()};
      const SpeakerNames::Resolution r = Names().Resolve(text, span, at, &doc);
      CHECK(r.canonical.value_or("") == std::string(c.want));
    }
  }

  TEST_CASE("SpeakerNames::StripNonNameLead: words that cannot start or be a speaker") {
    struct Case {
      const char* mention;
      const char* want;  // "" = no plausible speaker
    };
    const Case cases[] = {
        {"When President Ada Quell", "President Ada Quell"},
        {"However, Ivo Tamm, ", "Ivo Tamm"},
        {"the fray. Sen. Ivo Tamm", "Sen. Ivo Tamm"},
        {"reporter Dana Kell", "Dana Kell"},
        // A role noun, then a word that never starts a name: no one.
        {"a statement Tuesday", ""},
        {"Tamm called that report Friday", ""},
        // A participle alone opens a phrase; "Ever", "Back" open sentences, not names.
        {"Dashing", ""},
        {"Ever", ""},
        {"Back", ""},
    };
    for (const Case& c : cases) {
      CAPTURE(c.mention);
      const std::string text = c.mention;
      const ByteSpan span = Names().StripNonNameLead(text, ByteSpan{0, text.size()});
      CHECK(std::string(span.in(text)) == std::string(c.want));
    }
  }

  TEST_CASE("SpeakerNames: of collective nouns differing in case, the first listed is kept") {
    for (const bool upper_first : {false, true}) {
      CAPTURE(upper_first);
      RuleSet rules;
      rules.lexicons["collective"] = upper_first ? std::vector<std::string>{"Crew", "crew"}
                                                 : std::vector<std::string>{"crew", "Crew"};
      const SpeakerNames names(rules);
      const std::string text = "\"We sail at dawn,\" crew said.";
      std::vector<Quote> quotes;
      SpeakerNames::DocumentNames doc(text, quotes);
      const size_t at = text.find("crew");
      const SpeakerNames::Resolution r = names.Resolve(text, ByteSpan{at, at + 4}, at, &doc);
      CHECK(r.canonical.value_or("") == (upper_first ? "Crew" : "crew"));
    }
  }

  TEST_CASE("DocumentNames::InHeadline: the line that holds a position, read once") {
    const std::string text =
        "Quell Wades In: Urges Voters To Stay\n"
        "Ada Quell said the viaduct would close.\n"
        "\n"
        "Harnwick Council Meets On The Viaduct";
    std::vector<Quote> quotes;
    SpeakerNames::DocumentNames doc(text, quotes);
    const size_t second = text.find("Ada"), blank = text.find("\n\n") + 1,
                 last = text.find("Harnwick");
    CHECK(doc.InHeadline(0));
    CHECK(doc.InHeadline(second - 1));  // the first line's line feed
    CHECK_FALSE(doc.InHeadline(second));
    CHECK_FALSE(doc.InHeadline(second));  // asked again: the same answer
    CHECK_FALSE(doc.InHeadline(blank - 1));
    CHECK_FALSE(doc.InHeadline(blank));
    CHECK(doc.InHeadline(last));  // the last line, with no line feed after it
    CHECK(doc.InHeadline(text.size() - 1));
  }

  TEST_CASE("SpeakerNames::Resolve: a pronoun takes the last speaker of its kind, if recent") {
    const std::string text =
        "\"The viaduct is closed,\" the council said. The repairs began in May. "
        "\"We knew in March,\" she said.";
    std::vector<Quote> quotes;
    SpeakerNames::DocumentNames doc(text, quotes);
    doc.NoteSpeaker("Ada Quell", 0, SpeakerKind::kPerson, std::string::npos);
    doc.NoteSpeaker("Harnwick Council", 1, SpeakerKind::kBody, std::string::npos);
    const size_t at = text.rfind("she");
    const SpeakerNames::Resolution r = Names().Resolve(text, ByteSpan{at, at + 3}, at, &doc);
    CHECK(r.canonical.value_or("") == "Ada Quell");  // "she": a person, not the body
    CHECK(r.kind == SpeakerKind::kPerson);
    CHECK(r.confidence < 1.0);  // a resolved pronoun is less sure than a name
  }
}

}  // namespace quotecheck
