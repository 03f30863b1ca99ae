#include "ingest/document_reader.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "unit/temp_dir.h"

namespace quotecheck {
namespace {

std::vector<DocumentResult> ReadBytes(const std::string& path, const std::string& bytes,
                                      InputFormat format, IngestOptions options = {}) {
  return ReadAllDocuments(DocumentReader::FromBytes(path, bytes, format, options));
}

std::vector<std::string> Headers(const DocumentResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics) out.push_back(FormatDiagnosticHeader(d));
  return out;
}

}  // namespace

TEST_SUITE("ingest") {
  TEST_CASE("InputFormatForPath and SniffInputFormat") {
    CHECK(InputFormatForPath("a/b.jsonl") == InputFormat::kJsonLines);
    CHECK(InputFormatForPath("b.NDJSON") == InputFormat::kJsonLines);
    CHECK(InputFormatForPath("b.json") == InputFormat::kJson);
    CHECK(InputFormatForPath("b.md") == InputFormat::kText);
    CHECK(InputFormatForPath("b.json.txt") == InputFormat::kText);
    CHECK(InputFormatForPath("noext") == InputFormat::kText);
    CHECK(SniffInputFormat("{\"text\":\"a\"}") == InputFormat::kJsonLines);
    CHECK(SniffInputFormat("\xEF\xBB\xBF \n {}") == InputFormat::kJsonLines);
    CHECK(SniffInputFormat(" date 2025-08-19 {x}") == InputFormat::kText);
    CHECK(SniffInputFormat("") == InputFormat::kText);
  }

  TEST_CASE("A text document: BOM dropped, CRLF kept, bad bytes warned at exact line:col") {
    auto results = ReadBytes("news/a.txt", "\xEF\xBB\xBF\"Yes,\" he said.\r\nNo\xC3\xA9\xFF.\r\n\0",
                             InputFormat::kText);
    // (The literal stops before the NUL; see the NUL test below.)
    REQUIRE(results.size() == 1);
    const DocumentResult& r = results[0];
    CHECK_FALSE(r.failed);
    CHECK(r.doc.id == "news/a.txt");
    CHECK(r.doc.path == "news/a.txt");
    CHECK(r.doc.record_line == 0);
    CHECK(r.doc.text == "\"Yes,\" he said.\r\nNo\xC3\xA9\xFF.\r\n");
    CHECK(r.doc.body_start == 0);
    CHECK(Headers(r) == std::vector<std::string>{
                            "news/a.txt:2:4: warning: invalid UTF-8 byte 0xFF [invalid-utf8]"});
    CHECK(r.diagnostics[0].source_line == "No\xC3\xA9\xFF.");

    std::string with_nul("ab\ncd\0e", 7);
    auto nul = ReadBytes("n.txt", with_nul, InputFormat::kText);
    REQUIRE(nul.size() == 1);
    CHECK(nul[0].doc.text == with_nul);
    CHECK(Headers(nul[0]) == std::vector<std::string>{"n.txt:2:3: warning: NUL byte [nul-byte]"});
  }

  TEST_CASE("A text document's header sets metadata and body_start") {
    struct Case {
      std::string text;
      std::string id;
      std::string date;
      std::string title;
      size_t body_start;
    };
    const Case cases[] = {
        {" date 2025-08-19 US President Donald Trump was caught", "s.txt", "2025-08-19", "", 17},
        {" date 2025-08-07 403\nTrump wants", "s.txt", "2025-08-07", "", 21},
        {"---\ntitle: T\nid: x-1\n---\nBody", "x-1", "", "T", 25},
        {"Plain text", "s.txt", "", "", 0},
    };
    for (const auto& c : cases) {
      CAPTURE(c.text);
      auto results = ReadBytes("s.txt", c.text, InputFormat::kText);
      REQUIRE(results.size() == 1);
      CHECK(results[0].doc.id == c.id);
      CHECK(results[0].doc.meta.date == c.date);
      CHECK(results[0].doc.meta.title == c.title);
      CHECK(results[0].doc.body_start == c.body_start);
      CHECK(results[0].doc.text == c.text);  // kept whole
    }
    // With a BOM the offsets count from after it.
    auto bom = ReadBytes("s.txt", "\xEF\xBB\xBF date 2025-08-19 Body", InputFormat::kText);
    CHECK(bom[0].doc.body_start == 17);
  }

  TEST_CASE("JSON Lines: one document per line, bad lines fail alone and reading goes on") {
    const std::string jsonl =
        "{\"id\":\"a1\",\"text\":\"He said \\u201chi\\u201d.\",\"title\":\"T\",\"source\":\"AP\"}\n"
        "\n"
        "{\"text\": \"no id here\", \"url\": \"http://x\", \"date\": \"2025-01-02\"}\r\n"
        "{\"id\": 42, \"text\": \"number id\", \"extra\": [1, {\"k\": null}, true]}\n"
        "{\"id\": \"bad\", \"text\": \"unterminated}\n"
        "   \t  \n"
        "{\"id\": \"m\", \"title\": \"missing text\"}\n"
        "{\"id\": \"n\", \"text\": 5}\n"
        "[1, 2]\n"
        "{\"text\": \"a\"} {\"text\": \"b\"}\n"
        "{\"text\": \"a\", \"x\": tru}\n"
        "{\"text\": \"caf\xC3\xA9 \xFF\"}\n"
        "{\"text\": \"last\", \"id\": 1.5e3 }";  // no final newline
    auto results = ReadBytes("in.jsonl", jsonl, InputFormat::kJsonLines);
    REQUIRE(results.size() == 11);

    struct Want {
      std::string id;
      uint32_t line;
      bool failed;
      std::string text_or_error;
      std::string diagnostic;  // header of the error, if failed
    };
    const std::vector<Want> want = {
        {"a1", 1, false, "He said \xE2\x80\x9Chi\xE2\x80\x9D.", ""},
        {"in.jsonl:3", 3, false, "no id here", ""},
        {"42", 4, false, "number id", ""},
        {"in.jsonl:5", 5, true, "malformed JSON: A string is opened, but never closed.",
         "in.jsonl:5:1: error: malformed JSON"},
        {"m", 7, false, "", ""},  // skipped with a warning, checked below
        {"n", 8, true, "field \"text\" is not a string but a number",
         "in.jsonl:8:21: error: field \"text\" is not a string"},
        {"in.jsonl:9", 9, true, "record is not a JSON object", "in.jsonl:9:1: error: record"},
        {"in.jsonl:10", 10, true,
         "malformed JSON: ", "in.jsonl:10:15: error: malformed JSON: Unexpected trailing content"},
        {"in.jsonl:11", 11, true, "malformed JSON: ",
         "in.jsonl:11:20: error: malformed JSON: Problem while parsing an atom starting with "
         "the letter 't'"},
        {"in.jsonl:12", 12, true, "malformed JSON: ", "in.jsonl:12:16: error: malformed JSON"},
        {"1.5e3", 13, false, "last", ""},
    };
    for (size_t i = 0; i < want.size(); ++i) {
      CAPTURE(i);
      const DocumentResult& r = results[i];
      const Want& w = want[i];
      CHECK(r.doc.id == w.id);
      CHECK(r.doc.path == "in.jsonl");
      CHECK(r.doc.record_line == w.line);
      CHECK(r.failed == w.failed);
      if (w.failed) {
        CHECK(r.error_message.rfind(w.text_or_error, 0) == 0);
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].severity == Severity::kError);
        CHECK(FormatDiagnosticHeader(r.diagnostics[0]).rfind(w.diagnostic, 0) == 0);
        CHECK(r.doc.text.empty());
      } else if (r.skipped) {
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(FormatDiagnosticHeader(r.diagnostics[0]) ==
              "in.jsonl:7:1: warning: record has no text field (tried \"text\", \"body\", "
              "\"content\"): skipped, as is every other record of this file without one "
              "[no-text-field]");
      } else {
        CHECK(r.doc.text == w.text_or_error);
        CHECK(r.diagnostics.empty());
      }
    }
    CHECK(results[0].doc.meta.title == "T");
    CHECK(results[0].doc.meta.outlet == "AP");
    CHECK(results[1].doc.meta.url == "http://x");
    CHECK(results[1].doc.meta.date == "2025-01-02");
    // Invalid UTF-8 inside a JSON string: the message names the byte, the column points at it.
    CHECK(results[9].error_message.find("UTF-8") != std::string::npos);
    CHECK(results[9].error_message.find("0xFF") != std::string::npos);
  }

  TEST_CASE("JSON records: text field choice, --text-field, escapes, NUL, header in text") {
    struct Case {
      std::string json;
      std::vector<std::string> text_fields;
      bool failed;
      std::string text;
    };
    const Case cases[] = {
        {R"({"body": "B", "text": "T"})", {}, false, "T"},
        {R"({"content": "C", "body": "B"})", {}, false, "B"},
        {R"({"text": null, "content": "C"})", {}, false, "C"},
        {R"({"article": "A", "text": "T"})", {"article"}, false, "A"},
        {R"({"text": "T"})", {"article"}, false, "T"},
        {R"({"article": 1})", {"article"}, true, ""},
        {R"({"text": "\ud83d\ude00 \u00e9\n\t\"\\\/"})",
         {},
         false,
         "\xF0\x9F\x98\x80 \xC3\xA9\n\t\"\\/"},
        {R"({"text": "\ud800"})", {}, true, ""},  // lone surrogate
        {R"({"text": ""})", {}, false, ""},
    };
    for (const auto& c : cases) {
      CAPTURE(c.json);
      IngestOptions options;
      options.text_fields = c.text_fields;
      auto results = ReadBytes("-", c.json, InputFormat::kJsonLines, options);
      REQUIRE(results.size() == 1);
      CHECK(results[0].failed == c.failed);
      CHECK(results[0].doc.text == c.text);
      CHECK(results[0].doc.id == "-:1");
    }
    // Ids: numbers are kept as written, even beyond 64 bits; unread fields are still validated.
    struct IdCase {
      std::string json;
      bool failed;
      std::string id;
    };
    const IdCase id_cases[] = {
        {R"({"id": 123456789012345678901234567890, "text": "T"})", false,
         "123456789012345678901234567890"},
        {R"({"id": -0.5E+3, "text": "T"})", false, "-0.5E+3"},
        {R"({"id": true, "text": "T"})", false, "-:1"},
        {R"({"id": "s", "text": "T", "x": [0, -1.5, {"a": [true, false, null]}]})", false, "s"},
        {R"({"id": "s", "text": "T", "x": 01})", true, "-:1"},
        {R"({"id": 01, "text": "T"})", true, "-:1"},
    };
    for (const auto& c : id_cases) {
      CAPTURE(c.json);
      auto results = ReadBytes("-", c.json, InputFormat::kJsonLines);
      REQUIRE(results.size() == 1);
      CHECK(results[0].failed == c.failed);
      CHECK(results[0].doc.id == c.id);
    }

    IngestOptions article;
    article.text_fields = {"article"};
    auto tried = ReadBytes("f.jsonl", "{}\n{\"id\": 2}\n{\"text\": \"x\"}", InputFormat::kJsonLines,
                           article);
    REQUIRE(tried.size() == 2);  // one warning for the two records without text, one document
    CHECK(tried[0].skipped);
    REQUIRE(tried[0].diagnostics.size() == 1);
    CHECK(tried[0].diagnostics[0].message.rfind(
              "record has no text field (tried \"article\", \"text\", \"body\", \"content\")", 0) ==
          0);
    CHECK(tried[1].doc.text == "x");

    auto nul = ReadBytes("f.jsonl", "\n{\"text\": \"a\\u0000b\"}", InputFormat::kJsonLines);
    REQUIRE(nul.size() == 1);
    CHECK(nul[0].doc.text == std::string("a\0b", 3));
    CHECK(Headers(nul[0]) == std::vector<std::string>{
                                 "f.jsonl:2:1: warning: NUL byte in text at offset 1 [nul-byte]"});

    auto header = ReadBytes("f.jsonl", R"({"text": " date 2025-08-19 Body", "date": "x"})",
                            InputFormat::kJsonLines);
    CHECK(header[0].doc.body_start == 17);
    CHECK(header[0].doc.meta.date == "x");  // the record's own field wins
  }

  TEST_CASE(".json: an array of records or a single object") {
    const std::string array =
        "[\n"
        "  {\"id\": \"one\", \"text\": \"First\"},\n"
        "  {\"text\": \"Second\", \"outlet\": \"O\"},\n"
        "  \"not an object\",\n"
        "  {\"title\": \"no text\"},\n"
        "  {\"id\": 7,\n"
        "   \"body\": \"Fifth\"}\n"
        "]\n";
    auto results = ReadBytes("a.json", array, InputFormat::kJson);
    REQUIRE(results.size() == 5);
    CHECK(results[0].doc.id == "one");
    CHECK(results[0].doc.text == "First");
    CHECK(results[0].doc.record_line == 2);
    CHECK(results[1].doc.id == "a.json:3");
    CHECK(results[1].doc.meta.outlet == "O");
    CHECK(results[2].failed);
    CHECK(Headers(results[2]) ==
          std::vector<std::string>{"a.json:4:3: error: record is not a JSON object"});
    CHECK(results[3].skipped);  // no text field: skipped with the file's one warning
    CHECK(results[3].doc.id == "a.json:5");
    CHECK(Headers(results[3]).size() == 1);
    CHECK(results[4].doc.id == "7");
    CHECK(results[4].doc.record_line == 6);
    CHECK(results[4].doc.text == "Fifth");

    auto single = ReadBytes("s.json", "\xEF\xBB\xBF\n {\"text\": \"Only\"}\n", InputFormat::kJson);
    REQUIRE(single.size() == 1);
    CHECK(single[0].doc.text == "Only");
    CHECK(single[0].doc.id == "s.json:2");
    CHECK(single[0].doc.record_line == 2);

    auto empty = ReadBytes("e.json", "[]", InputFormat::kJson);
    CHECK(empty.empty());
  }

  TEST_CASE(".json: malformed input fails once and stops the file") {
    struct Case {
      std::string json;
      size_t good;  // documents read before the failure
      std::string diagnostic_prefix;
    };
    const Case cases[] = {
        {"[{\"text\": \"a\"},\n {\"text\": }]", 1, "m.json:2:"},
        // simdjson rejects a root array not closed by the last token before reading it.
        {"[{\"text\": \"a\"}] x", 0, "m.json:1:1: error: malformed JSON"},
        {"{\"text\": \"a\"", 0, "m.json:1:1: error: malformed JSON"},
        {"", 0, "m.json:1:1: error: malformed JSON"},
        {"42", 0, "m.json:1:1: error: expected a JSON object or an array of objects"},
        {"[{\"text\": \"\xC3\"}]", 0, "m.json:1:12: error: malformed JSON"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.json);
      auto results = ReadBytes("m.json", c.json, InputFormat::kJson);
      REQUIRE(results.size() == c.good + 1);
      for (size_t i = 0; i < c.good; ++i) CHECK_FALSE(results[i].failed);
      const DocumentResult& bad = results.back();
      CHECK(bad.failed);
      REQUIRE(bad.diagnostics.size() == 1);
      CHECK(FormatDiagnosticHeader(bad.diagnostics[0]).rfind(c.diagnostic_prefix, 0) == 0);
    }
  }

  TEST_CASE("DocumentReader::Open reads files from disk, streaming JSON Lines") {
    testing::TempDir tmp;
    std::string txt = tmp.Write("a.md", "---\ntitle: T\n---\nHello");
    // Lines longer than the read chunk, to cross chunk boundaries.
    std::string big(200000, 'x');
    std::string jsonl = tmp.Write("b.jsonl", "{\"text\": \"" + big + "\"}\n\n{\"text\": \"" + big +
                                                 "y\"}\r\n{\"text\": 1}\n");
    std::string missing = tmp.path() + "/missing.txt";

    auto text = ReadAllDocuments(DocumentReader::Open(txt, {}));
    REQUIRE(text.size() == 1);
    CHECK(text[0].doc.id == txt);
    CHECK(text[0].doc.meta.title == "T");
    CHECK(text[0].doc.text.substr(text[0].doc.body_start) == "Hello");

    auto lines = ReadAllDocuments(DocumentReader::Open(jsonl, {}));
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].doc.text == big);
    CHECK(lines[1].doc.text == big + "y");
    CHECK(lines[1].doc.record_line == 3);
    CHECK(lines[2].failed);
    CHECK(lines[2].doc.id == jsonl + ":4");
    CHECK(lines[2].diagnostics[0].source_line == "{\"text\": 1}");

    auto none = ReadAllDocuments(DocumentReader::Open(missing, {}));
    REQUIRE(none.size() == 1);
    CHECK(none[0].failed);
    CHECK(none[0].doc.id == missing);
    CHECK(Headers(none[0]) ==
          std::vector<std::string>{missing + ": error: cannot open: No such file or directory"});

    auto dir = ReadAllDocuments(DocumentReader::Open(tmp.path(), {}));
    REQUIRE(dir.size() == 1);
    CHECK(dir[0].failed);
    CHECK(dir[0].error_message == "cannot open: Is a directory");

    // The reader is movable mid-stream.
    DocumentReader reader = DocumentReader::Open(jsonl, {});
    DocumentResult r;
    REQUIRE(reader.Next(&r));
    DocumentReader moved = std::move(reader);
    REQUIRE(moved.Next(&r));
    CHECK(r.doc.record_line == 3);
  }
}

}  // namespace quotecheck
