#include "ingest/draft_reader.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/line_index.h"
#include "extract/quote_extractor.h"
#include "unit/builtin_extractor.h"
#include "unit/ingest/drafts_fixture_dir.h"

namespace quotecheck {
namespace {

// A found quotation as the source shows it.
struct Found {
  std::string at;      // "line:col" of the first quoted byte, in the source
  std::string marked;  // source bytes from open_mark to close_mark_end
  std::string quoted;  // source bytes of the spans, joined with "|"
  bool operator==(const Found&) const = default;
};

std::vector<Found> Extract(DocumentResult* result) {
  testing::BuiltinExtractor().Process(result);
  const std::string& text = result->doc.text;
  LineIndex lines(text);
  std::vector<Found> out;
  for (const Quote& q : result->quotes) {
    LineCol lc = lines.At(q.start());
    Found f{std::to_string(lc.line) + ":" + std::to_string(lc.col),
            text.substr(q.open_mark, q.close_mark_end - q.open_mark), ""};
    for (const ByteSpan& s : q.spans)
      f.quoted += (f.quoted.empty() ? "" : "|") + std::string(s.in(text));
    out.push_back(f);
  }
  return out;
}

DraftDocument ReadFixture(const std::string& name) {
  Result<DraftDocument> r = ReadDraftFile(std::string(DRAFTS_FIXTURE_DIR) + "/" + name);
  REQUIRE(r.ok());
  return r.take();
}

}  // namespace

TEST_SUITE("ingest") {
  TEST_CASE("DraftFormatForPath: by extension, any case") {
    struct Case {
      const char* path;
      DraftFormat want;
    };
    const Case cases[] = {
        {"a.md", DraftFormat::kMarkdown},   {"a.MARKDOWN", DraftFormat::kMarkdown},
        {"d/a.html", DraftFormat::kHtml},   {"a.Htm", DraftFormat::kHtml},
        {"a.txt", DraftFormat::kPlainText}, {"a.mdx", DraftFormat::kPlainText},
        {"-", DraftFormat::kPlainText},     {"md", DraftFormat::kPlainText},
    };
    for (const Case& c : cases) {
      CAPTURE(c.path);
      CHECK(DraftFormatForPath(c.path) == c.want);
    }
  }

  TEST_CASE("ReadDraftFile: a missing file is an error value") {
    Result<DraftDocument> r = ReadDraftFile(std::string(DRAFTS_FIXTURE_DIR) + "/missing.md");
    REQUIRE(!r.ok());
    CHECK(r.status().message() == "cannot open: No such file or directory");
  }

  TEST_CASE("ReadDraft: plain text has no mask, reads front matter and still reads switches") {
    Result<DraftDocument> r = ReadDraft("n.txt",
                                        "\xEF\xBB\xBF---\nid: n1\n---\n<!-- "
                                        "quotecheck-disable-next-line x -->\n“A `b`,” she said.\n");
    REQUIRE(r.ok());
    DraftDocument& d = r.value();
    CHECK(d.format == DraftFormat::kPlainText);
    CHECK(d.result.doc.id == "n1");
    CHECK(d.result.doc.text.substr(0, 3) == "---");  // BOM removed
    CHECK(d.result.doc.scan_text.empty());
    CHECK(d.suppressions == std::vector<Suppression>{{"x", 5, 5}});
    CHECK(Extract(&d.result) == std::vector<Found>{{"5:2", "“A `b`,”", "A `b`,"}});
  }

  TEST_CASE("ReadDraft: switch warnings become diagnostics at the comment") {
    Result<DraftDocument> r = ReadDraft("w.md", "Text.\n\n<!-- quotecheck-enable -->\n");
    REQUIRE(r.ok());
    REQUIRE(r.value().result.diagnostics.size() == 1);
    const Diagnostic& d = r.value().result.diagnostics[0];
    CHECK(FormatDiagnosticHeader(d) ==
          "w.md:3:1: warning: quotecheck-enable: nothing is disabled [inline-switch]");
  }

  TEST_CASE("fixtures/drafts/ferry-timetable.md: quotes in prose only, at source positions") {
    DraftDocument d = ReadFixture("ferry-timetable.md");
    CHECK(d.format == DraftFormat::kMarkdown);
    const Document& doc = d.result.doc;
    CHECK(doc.id == "draft-ferry-timetable");
    CHECK(doc.meta.outlet == "Brackwater Courier");
    REQUIRE(doc.scan_text.size() == doc.text.size());
    // Every line keeps its place: the mask has the same line breaks.
    for (size_t i = 0; i < doc.text.size(); ++i) {
      bool text_break = doc.text[i] == '\n' || doc.text[i] == '\r';
      bool mask_break = doc.scan_text[i] == '\n' || doc.scan_text[i] == '\r';
      REQUIRE(text_break == mask_break);
    }
    // Skipped: front matter, inline code, the comment, the URL, the fenced code block.
    for (const char* hidden : {"no more delays", "status = ", "\"draft\" label",
                               "label=", "late shift", "not a quote", "quotecheck-disable"}) {
      CAPTURE(hidden);
      size_t at = doc.text.find(hidden);
      REQUIRE(at != std::string::npos);
      CHECK(doc.scan_text.substr(at, std::string_view(hidden).size()).find_first_not_of(' ') ==
            std::string::npos);
    }
    REQUIRE(doc.block_quotes.size() == 1);
    CHECK(
        doc.block_quotes[0].content.in(doc.text) ==
        "The timetable is a promise to every family on the islands,\n> and we intend to keep it.");
    CHECK(d.suppressions == std::vector<Suppression>{{"misquote", 22, 22}, {"", 27, 29}});
    CHECK(d.result.diagnostics.empty());

    DocumentResult result = d.result;
    const std::vector<Found> want = {
        {"9:35", "“the first crossing will leave at six, every day,”",
         "the first crossing will leave at six, every day,"},
        {"10:59", "\"We have waited for this.\"", "We have waited for this."},
        {"22:31", "“ferries are the spine of this town.”", "ferries are the spine of this town."},
        {"24:3",
         "The timetable is a promise to every family on the islands,\n> and we intend to keep it.",
         "The timetable is a promise to every family on the islands,\n> and we intend to keep it."},
        {"28:28", "“the weather decides, not the timetable.”",
         "the weather decides, not the timetable."},
        {"31:22", "&ldquo;we will publish the winter rota in October,&rdquo;",
         "we will publish the winter rota in October,"},
    };
    CHECK(Extract(&result) == want);
    CHECK(result.quotes[3].kind == QuoteKind::kDirect);  // the block quotation
    CHECK(result.diagnostics.empty());                   // no unbalanced marks
  }

  TEST_CASE("fixtures/drafts/ferry-timetable.html: quotes in the body text, at source positions") {
    DraftDocument d = ReadFixture("ferry-timetable.html");
    CHECK(d.format == DraftFormat::kHtml);
    const Document& doc = d.result.doc;
    CHECK(doc.meta.title == "Ferry crews back the new timetable");
    for (const char* hidden : {"breaking", "content: ", "<p>", "quotecheck-disable-next-line"}) {
      CAPTURE(hidden);
      size_t at = doc.text.find(hidden);
      REQUIRE(at != std::string::npos);
      // Blank, or a line break where a block element starts.
      CHECK(doc.scan_text.substr(at, std::string_view(hidden).size()).find_first_not_of(" \n") ==
            std::string::npos);
    }
    REQUIRE(doc.block_quotes.size() == 2);
    CHECK(doc.block_quotes[0] == BlockQuote{doc.block_quotes[0].content, ""});
    CHECK(doc.block_quotes[0].content.in(doc.text) == "a timetable we can live with");
    CHECK(doc.block_quotes[1].cite == "https://example.org/statements/ferry-rota");
    CHECK(d.suppressions == std::vector<Suppression>{{"unattributed", 19, 19}});

    DocumentResult result = d.result;
    const std::vector<Found> want = {
        {"13:44", "&ldquo;the first crossing will leave at six,&rdquo;",
         "the first crossing will leave at six,"},
        {"14:40", "a timetable we can live with", "a timetable we can live with"},
        {"16:6", "The timetable is a promise to every family on the islands.",
         "The timetable is a promise to every family on the islands."},
        {"19:11", "&#8220;Nobody asked the night crew,&#8221;", "Nobody asked the night crew,"},
    };
    CHECK(Extract(&result) == want);
    for (size_t i : {1, 2}) CHECK(result.quotes[i].kind == QuoteKind::kDirect);
    CHECK(result.diagnostics.empty());
  }
}

}  // namespace quotecheck
