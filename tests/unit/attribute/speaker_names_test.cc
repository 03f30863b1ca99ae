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
