#include "report/check_html_printer.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "check_test_result.h"
#include "sarif_test_result.h"

namespace quotecheck {
namespace {

std::string Html(const CheckResult& result) {
  return FormatCheckHtml(result, {"0.1.0", testing::TestLocator()});
}

bool Has(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_SUITE("report") {
  TEST_CASE("EscapeHtml") {
    CHECK(EscapeHtml(R"(<a href="x">Tom & 'Jerry'</a>)") ==
          "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
  }

  TEST_CASE("FormatCheckHtml: a self-contained page with summary, side by side diff, filters") {
    const std::string html = Html(testing::SarifTestResult());
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
    CHECK(Has(html, R"(<meta name="viewport" content="width=device-width, initial-scale=1">)"));
    CHECK(Has(html, "@media (max-width: 600px)"));
    CHECK(Has(html, "@media print"));
    // Summary.
    CHECK(Has(html, R"(<section id="summary")"));
    CHECK(Has(html, R"(<span class="n">3</span><span class="l">quotations</span>)"));
    CHECK(Has(html, R"(<td><span class="rule">wording-divergence</span>)"));
    // The reference side strikes the words the member drops, the member side marks its own.
    CHECK(Has(html, "<div class=\"words\">“I think so, <del>really</del>.”</div>"));
    CHECK(Has(html, "<div class=\"words\">“I think so, <ins>truly</ins>.”</div>"));
    // Sources: outlet, date, a link to the path relative to the report, speaker.
    CHECK(Has(
        html,
        R"(<strong>Reuters</strong> · 2024-01-02 · <a href="news/a%20b.txt">/repo/news/a b.txt</a>:2:4)"));
    CHECK(Has(html, R"(Speaker: <span class="who">Joe Biden</span>)"));
    // Filters for every severity and every rule present.
    CHECK(Has(html, R"(data-filter="severity" value="error")"));
    CHECK(Has(html, R"(data-filter="rule" value="unattributed-quote")"));
    CHECK(Has(html, R"(<tr data-findings="wording-divergence:warning">)"));
    // Nothing is fetched.
    CHECK(!Has(html, "<link"));
    CHECK(!Has(html, " src="));
    CHECK(!Has(html, "@import"));
    CHECK(!Has(html, "url("));
  }

  TEST_CASE("FormatCheckHtml: document URLs are links, every input text is escaped") {
    CheckResult result = testing::SarifTestResult();
    result.documents[1].meta.url = "https://example.org/b?x=1&y=2";
    result.documents[0].meta.url = "javascript:alert(1)";             // never a link
    result.quotes[0].text = "I think so, <script>alert(1)</script>";  // the reference form
    result.quotes[1].speaker = "Joe \"Biden\"";
    result.findings[0].message = "a <b>bold</b> claim";
    const std::string html = Html(result);
    CHECK(Has(html, R"(<a href="https://example.org/b?x=1&amp;y=2">b.txt</a>)"));
    CHECK(!Has(html, "javascript:"));
    CHECK(!Has(html, "<script>alert"));
    CHECK(Has(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    CHECK(Has(html, "Joe &quot;Biden&quot;"));
    CHECK(Has(html, "a &lt;b&gt;bold&lt;/b&gt; claim"));
  }

  TEST_CASE("FormatCheckHtml: no clusters and no findings") {
    CheckResult result;
    const std::string html = Html(result);
    CHECK(Has(html, "<p class=\"empty\">None.</p>"));
    CHECK(Has(html, "<p class=\"empty\">No findings.</p>"));
  }

  TEST_CASE("PrintCheckHtml on threads writes the same page as on one") {
    // 300 clusters, every fourth with members that agree (not shown).
    const CheckResult result = testing::ManyClustersResult(300, 4);
    const std::string one = Html(result);
    CHECK(Has(one, "id=\"c300\""));
    CHECK(Has(one, "</html>\n"));
    for (unsigned jobs : {2u, 5u}) {
      std::ostringstream out;
      PrintCheckHtml(result, {"0.1.0", testing::TestLocator()}, &out, jobs);
      CHECK(out.str() == one);
    }
  }
}

}  // namespace quotecheck
