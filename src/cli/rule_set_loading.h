#pragma once
/// Loading the attribution rules for a subcommand, with every diagnostic printed, and the
/// extractor over them.

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "attribute/attributor.h"
#include "attribute/rule_set.h"
#include "extract/quote_extractor.h"

namespace quotecheck {

/// Loads the built-in rules plus every `--rules` directory (LoadRuleSet). Each diagnostic,
/// warnings included, is written to `err` with FormatDiagnostic. Returns false when any
/// error was reported; the caller then exits with kExitError. The rules compile on up to
/// `compile_threads` threads (a run's job count: FinishRuleSet), or as `compilation` says.
bool LoadRuleSetReportingDiagnostics(const std::vector<std::string>& rule_dirs, RuleSet* rules,
                                     std::ostream& err, size_t compile_threads = 1,
                                     RuleCompilation compilation = RuleCompilation::kAtLoad);

/// The rules of a run and the extractor over them (each part points at the one before, so
/// the whole stays where it was made).
struct RuleExtraction {
  explicit RuleExtraction(RuleSet loaded)
      : rules(std::move(loaded)), attributor(&rules), extractor(&attributor) {}
  RuleExtraction(const RuleExtraction&) = delete;
  RuleExtraction& operator=(const RuleExtraction&) = delete;

  RuleSet rules;
  Attributor attributor;
  QuoteExtractor extractor;
};

/// LoadRuleSetReportingDiagnostics, then the extractor over the rules; nullptr when the
/// rules did not load (the caller then exits with kExitError). The built-in rules, when
/// nothing is added to them, are compiled on first use (a run that extracts little or
/// nothing, as check over a quote store, does not pay for them).
std::unique_ptr<RuleExtraction> LoadRuleExtraction(const std::vector<std::string>& rule_dirs,
                                                   std::ostream& err, size_t compile_threads = 1);

}  // namespace quotecheck
