#include "cli/check_command.h"

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <fstream>

#include "attribute/attributor.h"
#include "attribute/rule_set.h"
#include "cli/document_pipeline.h"
#include "cli/exit_code.h"
#include "cli/input_documents.h"
#include "cli/rule_set_loading.h"
#include "core/check_model.h"
#include "extract/quote_extractor.h"
#include "ingest/input_paths.h"
#include "ingest/quote_store.h"
#include "report/check_github_printer.h"
#include "report/check_html_printer.h"
#include "report/check_jsonl_printer.h"
#include "report/check_markdown_printer.h"
#include "report/check_sarif_printer.h"
#include "report/check_text_printer.h"
#include "xref/cross_reference.h"

namespace quotecheck {
namespace {

// Reads `paths` into `result`: quote stores as they are, everything else extracted. Runs of
// article inputs between stores go through the parallel pipeline, in input order.
void ReadInputs(const std::vector<std::string>& paths, bool primary,
                const QuoteExtractor& extractor, const CheckOptions& options, std::ostream& err,
                CheckResult* result) {
  const size_t first_doc = result->documents.size();
  std::vector<std::string> articles;
  auto flush_articles = [&]() {
    if (articles.empty()) return;
    InputDocuments inputs(articles, IngestOptions{.text_fields = options.text_fields});
    DocumentPipelineSteps steps;
    steps.read = [&](DocumentResult* r) { return inputs.Next(r); };
    steps.process = [&](DocumentResult* r) { extractor.Process(r, primary); };
    steps.deliver = [&](DocumentResult& r) {
      for (const Diagnostic& d : r.diagnostics) err << FormatDiagnostic(d);
      AppendDocumentQuotes(r, result);
      return true;
    };
    RunDocumentPipeline({.jobs = ResolveJobCount(options.jobs)}, steps);
    articles.clear();
  };
  for (const std::string& path : paths) {
    InputExpansion expansion = ExpandInputPaths({path});
    if (!expansion.diagnostics.empty()) {  // a missing path: the article reader reports it
      articles.push_back(path);
      continue;
    }
    for (const std::string& file : expansion.files) {
      if (file != "-" && IsQuoteStoreFile(file)) {
        flush_articles();
        const size_t before = result->diagnostics.size();
        ReadQuoteStore(file, result);
        for (size_t i = before; i < result->diagnostics.size(); ++i) {
          err << FormatDiagnostic(result->diagnostics[i]);
        }
      } else {
        articles.push_back(file);
      }
    }
  }
  flush_articles();
  if (primary) {
    for (size_t i = first_doc; i < result->documents.size(); ++i) result->documents[i].primary = true;
  }
  for (size_t i = first_doc; i < result->documents.size(); ++i) {
    if (result->documents[i].meta.role == "primary") result->documents[i].primary = true;
  }
}

}  // namespace

int RunCheck(const CheckOptions& options, std::ostream& out, std::ostream& err,
             bool stdout_is_terminal) {
  const auto started = std::chrono::steady_clock::now();

  RuleSet rules;
  if (!LoadRuleSetReportingDiagnostics(options.rule_dirs, &rules, err)) return kExitError;
  const Attributor attributor(&rules);
  const QuoteExtractor extractor(&attributor);

  std::ofstream output_file;
  std::ostream* output = OpenOutput(options.output_path, out, &output_file, err);
  if (output == nullptr) return kExitError;

  // Passes.
  CheckResult result;
  ReadInputs(options.references, /*primary=*/true, extractor, options, err, &result);
  ReadInputs(options.paths, /*primary=*/false, extractor, options, err, &result);
  CrossReferenceOptions xref;
  xref.jobs = static_cast<unsigned>(ResolveJobCount(options.jobs));
  CrossReference(xref, &result);
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  const bool color = UseColorFor(options.color, stdout_is_terminal, !options.output_path.empty());
  const std::string text =
      options.format == ReportFormat::kText ? FormatCheckText(result, color) : std::string();
  if (!PrintReport(result, options.format, options.output_path, text, output, err)) {
    return kExitError;
  }
  if (!FinishOutput(output, options.output_path, err)) return kExitError;
  if (result.documents_failed > 0) return kExitError;
  return ExitStatusForFindings(result, options.fail_level, options.no_exit);
}

}  // namespace quotecheck
