#include "cli/lint_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>

#include "attribute/attributor.h"
#include "attribute/rule_set.h"
#include "cli/document_pipeline.h"
#include "cli/exit_code.h"
#include "cli/read_documents.h"
#include "cli/report_output.h"
#include "cli/rule_set_loading.h"
#include "extract/quote_extractor.h"
#include "findings/lint_findings.h"
#include "ingest/draft_reader.h"
#include "ingest/input_paths.h"
#include "lint/baseline.h"
#include "lint/lint_config.h"
#include "lint/quote_shingles.h"
#include "report/check_github_printer.h"
#include "report/check_html_printer.h"
#include "report/check_jsonl_printer.h"
#include "report/check_markdown_printer.h"
#include "report/check_sarif_printer.h"
#include "xref/cross_reference.h"

namespace quotecheck {
namespace {

void AppendUnique(const std::vector<std::string>& from, std::vector<std::string>* to) {
  for (const std::string& s : from) {
    if (std::find(to->begin(), to->end(), s) == to->end()) to->push_back(s);
  }
}

}  // namespace

void ReadDrafts(const std::vector<std::string>& paths, const QuoteExtractor& extractor,
                const IngestOptions& ingest, std::ostream& err, CheckResult* result,
                DraftTexts* texts, DraftSuppressions* suppressions) {
  for (const std::string& path : paths) {
    InputExpansion expansion = ExpandInputPaths({path});
    for (const Diagnostic& d : expansion.diagnostics) {
      err << FormatDiagnostic(d);
      result->diagnostics.push_back(d);
      result->errors.push_back(DocumentError{d.path, d.message});
      ++result->documents_read;
      ++result->documents_failed;
    }
    for (const Diagnostic& d : expansion.warnings) {
      err << FormatDiagnostic(d);
      result->diagnostics.push_back(d);
    }
    for (const std::string& file : expansion.files) {
      if (file != "-" && InputFormatForPath(file) != InputFormat::kText) {
        // JSON records and quote stores: read as check reads them (no text kept).
        ReadDocuments({file}, /*primary=*/false, /*draft=*/true, Severity::kInfo, extractor, ingest,
                      1, nullptr, err, result, nullptr);
        continue;
      }
      Result<DraftDocument> read = ReadDraftFile(file);
      if (!read.ok()) {
        const Diagnostic d = ErrorDiagnostic(file, read.status().message());
        err << FormatDiagnostic(d);
        result->diagnostics.push_back(d);
        result->errors.push_back(DocumentError{file, read.status().message()});
        ++result->documents_read;
        ++result->documents_failed;
        continue;
      }
      DraftDocument draft = read.take();
      extractor.Process(&draft.result, /*primary=*/false);
      for (const Diagnostic& d : draft.result.diagnostics) {
        if (d.code != "unbalanced-quote") err << FormatDiagnostic(d);  // a finding: reported
      }
      const auto index = static_cast<uint32_t>(result->documents.size());
      AppendDocumentQuotes(draft.result, result);
      if (result->documents.size() == index) continue;
      result->documents[index].draft = true;
      (*texts)[index] = std::move(draft.result.doc.text);
      (*suppressions)[index] = std::move(draft.suppressions);
    }
  }
}

size_t ApplySuppressions(const DraftSuppressions& suppressions, CheckResult* result) {
  const size_t before = result->findings.size();
  std::erase_if(result->findings, [&](const Finding& f) {
    uint32_t doc = 0;
    uint32_t line = 0;
    if (!f.quotes.empty()) {
      doc = result->quotes[f.quotes.front()].doc;
      line = result->quotes[f.quotes.front()].line;
    } else if (f.doc && f.location) {
      doc = *f.doc;
      line = f.location->line;
    } else {
      return false;
    }
    auto it = suppressions.find(doc);
    return it != suppressions.end() && IsSuppressed(it->second, line, f.rule);
  });
  return before - result->findings.size();
}

void AppendCheckResult(CheckResult&& from, DraftTexts&& from_texts,
                       DraftSuppressions&& from_suppressions, CheckResult* to, DraftTexts* to_texts,
                       DraftSuppressions* to_suppressions) {
  const auto offset = static_cast<uint32_t>(to->documents.size());
  for (DocumentInfo& d : from.documents) to->documents.push_back(std::move(d));
  for (QuoteRecord& q : from.quotes) {
    q.doc += offset;
    to->quotes.push_back(std::move(q));
  }
  for (Diagnostic& d : from.diagnostics) to->diagnostics.push_back(std::move(d));
  for (DocumentError& e : from.errors) to->errors.push_back(std::move(e));
  to->documents_read += from.documents_read;
  to->documents_failed += from.documents_failed;
  to->bytes += from.bytes;
  for (auto& [doc, text] : from_texts) (*to_texts)[doc + offset] = std::move(text);
  for (auto& [doc, list] : from_suppressions) (*to_suppressions)[doc + offset] = std::move(list);
}

int RunLint(const LintOptions& options, std::ostream& out, std::ostream& err,
            bool stdout_is_terminal) {
  const auto started = std::chrono::steady_clock::now();

  // Configuration: one named, or the nearest of each draft file.
  InputExpansion drafts = ExpandInputPaths(options.drafts);
  std::map<std::string, LintConfig> configs;     // by path
  std::map<std::string, std::string> config_of;  // draft file → config path
  Diagnostics config_errors;
  auto load = [&](const std::string& path) {
    if (configs.count(path) > 0) return;
    LintConfig config;
    LoadLintConfig(path, &config, &config_errors);
    configs.emplace(path, std::move(config));
  };
  if (!options.config_path.empty()) {
    load(options.config_path);
  } else {
    for (const std::string& file : drafts.files) {
      if (std::optional<std::string> path = FindLintConfig(file)) {
        load(*path);
        config_of[file] = *path;
      }
    }
  }
  if (!config_errors.empty()) {
    for (const Diagnostic& d : config_errors) err << FormatDiagnostic(d);
    return kExitError;
  }
  const LintConfig* main_config = nullptr;
  if (!options.config_path.empty()) {
    main_config = &configs.at(options.config_path);
  } else if (!drafts.files.empty() && config_of.count(drafts.files.front()) > 0) {
    main_config = &configs.at(config_of.at(drafts.files.front()));
  }
  auto config_for = [&](const std::string& draft) -> const LintConfig* {
    if (!options.config_path.empty()) return main_config;
    auto it = config_of.find(draft);
    return it == config_of.end() ? nullptr : &configs.at(it->second);
  };

  std::vector<std::string> rule_dirs = options.rule_dirs;
  std::vector<std::string> references = options.references;
  std::vector<std::string> primary = options.primary;
  for (const auto& [path, config] : configs) {
    AppendUnique(config.rule_dirs, &rule_dirs);
    AppendUnique(config.references, &references);
    AppendUnique(config.primary, &primary);
  }
  if (references.empty() && primary.empty()) {
    err << "quotecheck lint: no references: give --against PATHS, or references in "
        << kLintConfigName << "\nRun with --help for more information.\n";
    return kExitError;
  }

  RuleSet rules;
  if (!LoadRuleSetReportingDiagnostics(rule_dirs, &rules, err)) return kExitError;
  const Attributor attributor(&rules);
  const QuoteExtractor extractor(&attributor);
  const IngestOptions ingest{.text_fields = options.text_fields};

  Baseline baseline;
  if (!options.baseline_path.empty()) {
    Diagnostics problems;
    if (!ReadBaseline(options.baseline_path, &baseline, &problems)) {
      for (const Diagnostic& d : problems) err << FormatDiagnostic(d);
      return kExitError;
    }
  }

  OutputFile output_file;
  std::ostream* output = OpenOutput(options.output_path, out, &output_file, err);
  if (output == nullptr) return kExitError;

  // Drafts first (their shingles filter the references), appended after the references.
  CheckResult draft_result;
  DraftTexts draft_texts;
  DraftSuppressions draft_suppressions;
  ReadDrafts(options.drafts, extractor, ingest, err, &draft_result, &draft_texts,
             &draft_suppressions);
  QuoteShingles shingles;
  for (const QuoteRecord& q : draft_result.quotes) shingles.Add(q.text);
  const QuoteTextFilter keep = [&shingles](std::string_view text) { return shingles.Take(text); };

  CheckResult result;
  DraftTexts texts;
  DraftSuppressions suppressions;
  // References are primary sources only by their role (transcripts, statements): a draft
  // is checked against them first. Their warnings (an unbalanced mark in someone else's
  // article) are not the draft's business; errors are shown.
  ReadDocuments(primary, /*primary=*/true, /*draft=*/false, Severity::kError, extractor, ingest,
                options.jobs, &keep, err, &result, nullptr);
  ReadDocuments(references, /*primary=*/false, /*draft=*/false, Severity::kError, extractor, ingest,
                options.jobs, &keep, err, &result, nullptr);
  // QUOTECHECK_TIMING=1: the time to read everything, then to check, on stderr (scripts/bench).
  const bool timing = std::getenv("QUOTECHECK_TIMING") != nullptr;
  const auto loaded = std::chrono::steady_clock::now();
  if (timing) {
    err << fmt::format("lint: load {:.3f} s\n",
                       std::chrono::duration<double>(loaded - started).count());
  }
  LintSummary summary;
  summary.references = result.documents_read;
  summary.reference_quotes = result.quotes.size();
  summary.drafts = draft_result.documents_read;
  const size_t first_draft_quote = result.quotes.size();
  AppendCheckResult(std::move(draft_result), std::move(draft_texts), std::move(draft_suppressions),
                    &result, &texts, &suppressions);

  CrossReferenceOptions xref;
  xref.jobs = static_cast<unsigned>(ResolveJobCount(options.jobs));
  xref.first_focus_quote = first_draft_quote;
  FindingContext findings(rules);
  findings.min_confidence = options.min_confidence;
  xref.keyer = &findings.keyer;
  CrossReference(xref, &result);
  ComputeLintFindings(findings, &result);
  if (timing) {
    err << fmt::format(
        "lint: check {:.3f} s\n",
        std::chrono::duration<double>(std::chrono::steady_clock::now() - loaded).count());
  }

  // Severities from the configuration; off drops the finding.
  std::vector<Finding> kept;
  for (Finding& f : result.findings) {
    const std::optional<uint32_t> doc =
        !f.quotes.empty() ? std::optional(result.quotes[f.quotes.front()].doc) : f.doc;
    const std::string path = doc ? result.documents[*doc].path : std::string();
    const LintConfig* config = config_for(path);
    if (config != nullptr) {
      const std::optional<Severity> severity =
          ConfiguredSeverity(*config, f.rule, path, f.severity);
      if (!severity) continue;
      f.severity = *severity;
    }
    kept.push_back(std::move(f));
  }
  result.findings = std::move(kept);
  summary.suppressed = ApplySuppressions(suppressions, &result);

  if (!options.write_baseline_path.empty()) {
    OutputFile baseline_file;
    std::ostream* file = OpenOutput(options.write_baseline_path, out, &baseline_file, err);
    if (file == nullptr) return kExitError;
    *file << FormatBaseline(result);
    if (!FinishOutput(file, &baseline_file, options.write_baseline_path, err)) return kExitError;
  }
  summary.accepted = ApplyBaseline(baseline, &result);
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  const bool color = UseColorFor(options.color, stdout_is_terminal, !options.output_path.empty());
  const std::string text = options.format == ReportFormat::kText
                               ? FormatLintText(result, texts, summary, color)
                               : std::string();
  if (!PrintReport(result, options.format, options.output_path, text, output, err)) {
    return kExitError;
  }
  if (!FinishOutput(output, &output_file, options.output_path, err)) return kExitError;
  if (result.documents_failed > 0) return kExitError;
  std::optional<Severity> fail_level = Severity::kError;
  if (options.fail_level) {
    fail_level = *options.fail_level;
  } else if (main_config != nullptr && main_config->fail_level) {
    fail_level = *main_config->fail_level;
  }
  return ExitStatusForFindings(result, fail_level, options.no_exit);
}

}  // namespace quotecheck
