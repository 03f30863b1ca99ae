#include "report/diff_text_printer.h"

#include <fmt/format.h>

#include <string_view>
#include <vector>

#include "findings/check_findings.h"
#include "report/check_report_view.h"
#include "report/text_printer.h"

namespace quotecheck {
namespace {

constexpr size_t kQuoteWidth = 70;

std::string Speaker(const QuoteRecord& q) {
  return q.speaker ? *q.speaker : std::string("(unattributed)");
}

std::string Quoted(std::string_view text) {
  return "\xE2\x80\x9C" + ShortenForDisplay(text, kQuoteWidth) + "\xE2\x80\x9D";
}

}  // namespace

std::string FormatDiffText(const CheckResult& result, bool color) {
  const auto& quotes = result.quotes;
  auto side_a = [&](size_t q) { return result.documents[quotes[q].doc].draft; };
  std::vector<std::vector<size_t>> links_of(quotes.size());
  for (size_t l = 0; l < result.links.size(); ++l) {
    const Link& link = result.links[l];
    if (side_a(link.a) == side_a(link.b)) continue;
    links_of[link.a].push_back(l);
    links_of[link.b].push_back(l);
  }
  const WordDiffStyle style = TerminalDiffStyle(color);

  std::string out;
  size_t shared = 0, only_a = 0, only_b = 0;
  for (size_t q = 0; q < quotes.size(); ++q) {
    if (!side_a(q) || links_of[q].empty()) continue;
    ++shared;
    for (size_t l : links_of[q]) {
      const Link& link = result.links[l];
      const size_t other = link.a == q ? link.b : link.a;
      out.append(fmt::format("{} = {}  {}  {}\n", QuoteLocation(result, q),
                             QuoteLocation(result, other), RelationName(link.relation),
                             link.speakers_agree
                                 ? Speaker(quotes[q])
                                 : fmt::format("speakers differ: {} / {}", Speaker(quotes[q]),
                                               Speaker(quotes[other]))));
      const QuoteDiff diff = OrientedDiff(result, link, q);
      out.append("  ").append(HasChanges(diff.ops) ? FormatWordDiff(diff.ops, style)
                                                   : ShortenForDisplay(quotes[q].text, 200));
      out.push_back('\n');
    }
  }
  for (const bool a : {true, false}) {
    for (size_t q = 0; q < quotes.size(); ++q) {
      if (side_a(q) != a || !links_of[q].empty()) continue;
      ++(a ? only_a : only_b);
      out.append(fmt::format("only in {}  {}  {}\n", QuoteLocation(result, q), Speaker(quotes[q]),
                             Quoted(quotes[q].text)));
    }
  }
  out.append(fmt::format("{} shared, {} only in A, {} only in B; {}", shared, only_a, only_b,
                         FormatFindingCount(result.findings)));
  out.push_back('\n');
  return out;
}

}  // namespace quotecheck
