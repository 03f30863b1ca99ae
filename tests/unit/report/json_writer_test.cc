#include "report/json_writer.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "core/code_point.h"

namespace quotecheck {

TEST_SUITE("report") {
  TEST_CASE("AppendJsonString escapes quotes, backslashes and control characters") {
    struct Case {
      std::string in;
      std::string want;
    };
    const Case cases[] = {
        {"", R"("")"},
        {"plain", R"("plain")"},
        {"say \"hi\"", R"("say \"hi\"")"},
        {"a\\b", R"("a\\b")"},
        {"l1\nl2\r\n\tx", R"("l1\nl2\r\n\tx")"},
        {"\b\f", R"("\b\f")"},
        {std::string("nul\0x", 5), R"("nul\u0000x")"},
        {"\x01\x1f\x7f", "\"\\u0001\\u001f\x7f\""},
        {"\xE2\x80\x9CHi\xE2\x80\x9D", "\"\xE2\x80\x9CHi\xE2\x80\x9D\""},  // “Hi” kept
        {"\xF0\x9F\x98\x80", "\"\xF0\x9F\x98\x80\""},                      // 😀 kept
        {"/", R"("/")"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.in);
      std::string out;
      AppendJsonString(&out, c.in);
      CHECK(out == c.want);
    }
  }

  TEST_CASE("AppendJsonString writes invalid UTF-8 as U+FFFD, one per maximal subpart") {
    const std::string R(kUtf8ReplacementCharacter);
    struct Case {
      std::string in;
      std::string want;
    };
    const Case cases[] = {
        {"a\xFF"
         "b",
         "\"a" + R + "b\""},        // never valid
        {"\xC3", "\"" + R + "\""},  // truncated at the end
        {"\xE2\x80"
         "x",
         "\"" + R + "x\""},  // truncated 3-byte: one U+FFFD
        {"\xE2\x80\xE2\x80\x9D", "\"" + R + "\xE2\x80\x9D\""},
        {"\xC0\xAF", "\"" + R + R + "\""},                  // overlong: two stray bytes
        {"\xE0\x80\x80", "\"" + R + R + R + "\""},          // overlong 3-byte
        {"\xED\xA0\x80", "\"" + R + R + R + "\""},          // surrogate U+D800
        {"\xF4\x90\x80\x80", "\"" + R + R + R + R + "\""},  // above U+10FFFF
        {"\x80\"", "\"" + R + "\\\"\""},                    // stray continuation, then escape
    };
    for (const auto& c : cases) {
      CAPTURE(c.in);
      std::string out;
      AppendJsonString(&out, c.in);
      CHECK(out == c.want);
    }
  }

  // AppendJsonString a byte at a time, as the specification reads.
  std::string JsonStringByBytes(std::string_view value) {
    std::string out = "\"";
    for (size_t i = 0; i < value.size();) {
      const auto c = static_cast<unsigned char>(value[i]);
      if (c >= 0x80) {
        const DecodedCodePoint seq = DecodeUtf8(value, i, Utf8Check::kStrict);
        out.append(seq.valid ? value.substr(i, seq.size) : kUtf8ReplacementCharacter);
        i += seq.size;
        continue;
      }
      const char* escapes[] = {"\\\"", "\\\\", "\\n", "\\r", "\\t", "\\b", "\\f"};
      const std::string_view plain = "\"\\\n\r\t\b\f";
      if (const size_t k = plain.find(static_cast<char>(c)); k != std::string_view::npos) {
        out.append(escapes[k]);
      } else if (c < 0x20) {
        out.append(fmt::format("\\u{:04x}", c));
      } else {
        out.push_back(static_cast<char>(c));
      }
      ++i;
    }
    return out + "\"";
  }

  TEST_CASE("AppendJsonString reads eight bytes at a time as it would read one") {
    // Every length up to 40 and every place of the bytes that need attention, after plain
    // bytes that a borrow of the word-at-a-time test could mark (a space after a control
    // character, '#' after '"', ']' after '\\'), in the last partial word and across words.
    const std::vector<std::string> pieces = {"a",
                                             " ",
                                             "#",
                                             "]",
                                             "\"",
                                             "\\",
                                             "\n",
                                             "\x01",
                                             "\x1f",
                                             std::string("\0", 1),
                                             "\xE2\x80\x9C",
                                             "\xC3\xA9",
                                             "\xF0\x9F\x98\x80",
                                             "\xFF",
                                             "\xE2\x80",
                                             "\x80",
                                             "\x7f"};
    uint64_t state = 12345;
    auto next = [&] {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      return static_cast<size_t>(state >> 33);
    };
    for (size_t length = 0; length <= 40; ++length) {
      for (int round = 0; round < 200; ++round) {
        std::string in;
        while (in.size() < length) {
          const size_t pick = next() % (pieces.size() + 4);
          in += pick < pieces.size() ? pieces[pick] : "x";  // plain bytes most often
        }
        CAPTURE(in);
        std::string out = "prefix";
        AppendJsonString(&out, in);
        CHECK(out == "prefix" + JsonStringByBytes(in));
      }
    }
  }

  TEST_CASE("JsonWriter places commas and colons") {
    std::string out;
    JsonWriter json(&out);
    json.BeginObject();
    json.Key("a");
    json.Int(-3);
    json.Key("b");
    json.BeginArray();
    json.Uint(1);
    json.BeginArray();
    json.EndArray();
    json.BeginObject();
    json.EndObject();
    json.Bool(true);
    json.Bool(false);
    json.Null();
    json.EndArray();
    json.Key("c");
    json.String("x");
    json.EndObject();
    CHECK(out == R"({"a":-3,"b":[1,[],{},true,false,null],"c":"x"})");

    out += '\n';
    json.Reset();
    json.BeginObject();
    json.EndObject();
    CHECK(out == "{\"a\":-3,\"b\":[1,[],{},true,false,null],\"c\":\"x\"}\n{}");
  }

  TEST_CASE("JsonWriter::Key escapes a name that needs it, like a string") {
    const struct {
      const char* name;
      const char* want;
    } cases[] = {
        {"speaker_mention", R"({"speaker_mention":1})"},
        {"", R"({"":1})"},
        {"a\"b", R"({"a\"b":1})"},
        {"tab\there", R"({"tab\there":1})"},
        {"caf\xc3\xa9", "{\"caf\xc3\xa9\":1}"},
        {"a_member_name_of_sixty_bytes_longer_than_any_the_program_uses",
         R"({"a_member_name_of_sixty_bytes_longer_than_any_the_program_uses":1})"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.name);
      std::string out;
      JsonWriter json(&out);
      json.BeginObject();
      json.Key(c.name);
      json.Int(1);
      json.EndObject();
      CHECK(out == c.want);
    }
  }

  TEST_CASE("JsonWriter writes doubles in their shortest form") {
    struct Case {
      double in;
      const char* want;
    };
    const Case cases[] = {
        {0.93, "0.93"},
        {0.004, "0.004"},
        {0.0, "0"},
        {1.0, "1"},
        {0.1 + 0.2, "0.30000000000000004"},
        {1e-7, "1e-07"},
        {std::numeric_limits<double>::quiet_NaN(), "null"},
        {std::numeric_limits<double>::infinity(), "null"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.want);
      std::string out;
      JsonWriter json(&out);
      json.Double(c.in);
      CHECK(out == c.want);
    }
  }

  TEST_CASE("JsonWriter writes thousandths as fmt's shortest form does, and their neighbours") {
    // Values in (0, 1) with three decimals at most take a path of their own: the same text.
    for (int k = -1; k <= 1001; ++k) {
      for (const double value : {k / 1000.0, std::nextafter(k / 1000.0, 2.0),
                                 std::nextafter(k / 1000.0, -2.0), -k / 1000.0}) {
        CAPTURE(value);
        std::string out;
        JsonWriter json(&out);
        json.Double(value);
        CHECK(out == fmt::format("{}", value));
      }
    }
  }
}

}  // namespace quotecheck
