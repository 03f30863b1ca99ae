#pragma once
/// The built-in rules (rules/ as compiled into quotecheck) and an extractor over them, loaded
/// once for all the unit tests that extract or attribute text.

#include <string>
#include <vector>

#include "attribute/attributor.h"
#include "attribute/rule_set.h"
#include "core/diagnostic.h"
#include "core/document_result.h"
#include "extract/quote_extractor.h"
#include "findings/check_findings.h"
#include "xref/cross_reference.h"

namespace quotecheck::testing {

/// The built-in rule set.
inline const RuleSet& BuiltinRules() {
  static const RuleSet rules = [] {
    RuleSet r;
    Diagnostics diagnostics;
    LoadRuleSet({}, &r, &diagnostics);
    return r;
  }();
  return rules;
}

/// An extractor (scan, attribute, kinds) with the built-in rules.
inline const QuoteExtractor& BuiltinExtractor() {
  static const Attributor attributor(&BuiltinRules());
  static const QuoteExtractor extractor(&attributor);
  return extractor;
}

/// The quotations of `text` as one document, after the extractor's passes (scan,
/// attribute, kinds, speaker keys).
inline std::vector<Quote> ExtractQuotes(const std::string& text) {
  DocumentResult result;
  result.doc.text = text;
  BuiltinExtractor().Process(&result);
  return result.quotes;
}

/// What findings are weighed with, from the built-in rules.
inline const FindingContext& BuiltinFindingContext() {
  static const FindingContext context(BuiltinRules());
  return context;
}

/// Gives `quote` an explicit attribution to `speaker`: the mention names the speaker, as
/// "after/speaker-cue" does.
inline void Attribute(QuoteRecord* quote, const std::string& speaker, double confidence = 0.95) {
  quote->speaker = speaker;
  quote->speaker_mention = TextRef{{}, speaker};
  quote->rule = "after/speaker-cue";
  quote->confidence = confidence;
}

/// Cross-references `result`, then adds check's findings, with the built-in rules.
inline void CheckWithBuiltinRules(CheckResult* result) {
  CrossReferenceOptions options;
  options.keyer = &BuiltinFindingContext().keyer;
  CrossReference(options, result);
  AddCheckFindings(BuiltinFindingContext(), result);
}

}  // namespace quotecheck::testing
