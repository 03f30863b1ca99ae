#include "report/finding_fingerprint.h"

#include <fmt/format.h>

#include "core/hash.h"
#include "diff/quote_tokens.h"

namespace quotecheck {

std::string FindingFingerprint(const CheckResult& result, const Finding& finding) {
  std::string input = "v1";
  auto add = [&input](std::string_view part) {
    input.push_back('\0');
    input.append(part);
  };
  add(finding.rule);
  if (!finding.quotes.empty() && finding.quotes.front() < result.quotes.size()) {
    const QuoteRecord& quote = result.quotes[finding.quotes.front()];
    add(quote.speaker ? *quote.speaker : std::string_view());
    add(MatchKey(quote.text));
  } else {
    add({});
    add(finding.location ? MatchKey(finding.location->source_line) : std::string());
  }
  return fmt::format("{:016x}", Fnv1a64(input));
}

}  // namespace quotecheck
