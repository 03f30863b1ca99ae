#include "extract/rule_examples.h"

#include <fmt/format.h>

#include <fstream>
#include <map>
#include <sstream>

#include "attribute/attributor.h"
#include "attribute/builtin_rules.h"
#include "core/document_result.h"
#include "core/regular_file.h"
#include "extract/quote_extractor.h"

namespace quotecheck {
namespace {

// The text of a rule file, for the source line of a diagnostic: a built-in file, else
// the file on disk; empty when it cannot be read.
std::string RuleFileText(const std::string& path) {
  for (size_t i = 0; i < kBuiltinRuleFilesCount; ++i) {
    if (path == kBuiltinRuleFiles[i].path) return std::string(kBuiltinRuleFiles[i].text);
  }
  std::string text;
  std::string error;
  if (!ReadRegularFile(path, &text, &error)) return {};
  return text;
}

// Line `line` (1-based) of `text` without its line ending.
std::string LineOf(std::string_view text, uint32_t line) {
  size_t start = 0;
  for (uint32_t l = 1; l < line; ++l) {
    start = text.find('\n', start);
    if (start == std::string_view::npos) return {};
    ++start;
  }
  size_t end = text.find('\n', start);
  std::string_view src = text.substr(start, end == std::string_view::npos ? end : end - start);
  if (!src.empty() && src.back() == '\r') src.remove_suffix(1);
  return std::string(src);
}

RuleExampleResult RunExample(const QuoteExtractor& extractor, const AttributionRule& rule,
                             const RuleExample& example) {
  RuleExampleResult r;
  r.rule_id = rule.id;
  r.example = example;
  DocumentResult doc;
  doc.doc.id = example.file;
  doc.doc.path = example.file;
  doc.doc.text = example.text;
  extractor.Process(&doc);
  if (!doc.quotes.empty()) {
    const Quote& first = doc.quotes.front();
    r.found_quote = true;
    r.got_rule = first.rule;
    if (first.speaker_mention) r.got_speaker = first.speaker_mention->text;
  }
  if (example.must_match) {
    r.passed = r.got_rule == rule.id && r.got_speaker == example.speaker;
  } else {
    r.passed = r.got_rule != rule.id;
  }
  return r;
}

}  // namespace

std::string RuleExampleFailureMessage(const RuleExampleResult& r) {
  if (!r.example.must_match) {
    return fmt::format("rule '{}': no_match example was attributed by this rule: got speaker '{}'",
                       r.rule_id, r.got_speaker);
  }
  std::string got;
  if (!r.found_quote) {
    got = "found no quotation";
  } else if (r.got_rule.empty()) {
    got = "got no attribution";
  } else {
    got = fmt::format("got rule '{}', speaker '{}'", r.got_rule, r.got_speaker);
  }
  return fmt::format("rule '{}': example did not match: {} (want '{}')", r.rule_id, got,
                     r.example.speaker);
}

RuleExampleReport RunRuleExamples(const RuleSet& rules) {
  RuleExampleReport report;
  const Attributor attributor(&rules);
  const QuoteExtractor extractor(&attributor);
  std::map<std::string, std::string> file_texts;
  for (const AttributionRule& rule : rules.rules) {
    for (const RuleExample& example : rule.examples) {
      RuleExampleResult result = RunExample(extractor, rule, example);
      if (result.passed) {
        ++report.passed;
      } else {
        ++report.failed;
        auto [it, inserted] = file_texts.try_emplace(example.file);
        if (inserted) it->second = RuleFileText(example.file);
        Diagnostic d;
        d.severity = Severity::kError;
        d.path = example.file;
        d.line = example.line;
        d.col = example.col;
        d.message = RuleExampleFailureMessage(result);
        d.source_line = LineOf(it->second, example.line);
        report.diagnostics.push_back(std::move(d));
      }
      report.results.push_back(std::move(result));
    }
  }
  return report;
}

}  // namespace quotecheck
