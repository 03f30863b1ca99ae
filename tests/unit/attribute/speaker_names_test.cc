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
}

}  // namespace quotecheck
