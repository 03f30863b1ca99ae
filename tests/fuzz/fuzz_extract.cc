// libFuzzer target: the quotation scanner and the attribution rules (the built-in rule set)
// over any text, then line:col of every quotation.
#include <cstddef>
#include <cstdint>
#include <string>

#include "attribute/attributor.h"
#include "attribute/rule_set.h"
#include "core/line_index.h"
#include "extract/quote_extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace quotecheck;
  static const RuleSet* rules = [] {
    auto* r = new RuleSet;
    Diagnostics diagnostics;
    if (!LoadRuleSet({}, r, &diagnostics)) __builtin_trap();
    return r;
  }();
  static const Attributor attributor(rules);
  static const QuoteExtractor extractor(&attributor);
  DocumentResult result;
  result.doc.id = "fuzz";
  result.doc.path = "fuzz";
  result.doc.text.assign(reinterpret_cast<const char*>(data), size);
  extractor.Process(&result);
  const LineIndex lines(result.doc.text);
  for (const auto& quote : result.quotes) {
    if (quote.start() > result.doc.text.size()) __builtin_trap();
    lines.At(quote.start());
  }
  return 0;
}
