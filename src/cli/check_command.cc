#include "cli/check_command.h"

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
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

Diagnostic ErrorDiagnostic(std::string path, std::string message) {
  Diagnostic diagnostic;
  diagnostic.severity = Severity::kError;
  diagnostic.path = std::move(path);
  diagnostic.message = std::move(message);
  return diagnostic;
}

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

bool UseColor(ColorMode mode, bool stdout_is_terminal, bool to_file) {
  switch (mode) {
    case ColorMode::kAlways:
      return true;
    case ColorMode::kNever:
      return false;
    case ColorMode::kAuto:
      break;
  }
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && no_color[0] != '\0') return false;
  return stdout_is_terminal && !to_file;
}

// Paths relative to `root` (the working directory when empty); only regular files are files
// (a JSON record is named by its id, standard input by "-").
SourceLocator MakeSourceLocator(std::string root) {
  namespace fs = std::filesystem;
  SourceLocator locator;
  std::error_code ec;
  locator.working_directory = fs::current_path(ec).string();
  locator.source_root = root.empty() ? locator.working_directory : std::move(root);
  locator.is_file = [](const std::string& path) {
    std::error_code error;
    return std::filesystem::is_regular_file(path, error);
  };
  return locator;
}

// The nearest directory up from the working directory that holds .git; else empty.
std::string RepositoryRoot() {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (fs::path dir = fs::current_path(ec); !ec && !dir.empty(); dir = dir.parent_path()) {
    if (fs::exists(dir / ".git", ec)) return dir.string();
    if (dir == dir.parent_path()) break;
  }
  return {};
}

// The absolute directory `output_path` is in; empty for standard output.
std::string OutputDirectory(const std::string& output_path) {
  namespace fs = std::filesystem;
  if (output_path.empty()) return {};
  std::error_code ec;
  return fs::absolute(fs::path(output_path), ec).lexically_normal().parent_path().string();
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
  std::ostream* output = &out;
  if (!options.output_path.empty()) {
    output_file.open(options.output_path, std::ios::binary | std::ios::trunc);
    if (!output_file) {
      err << FormatDiagnostic(ErrorDiagnostic(
          options.output_path, std::string("cannot open for writing: ") + std::strerror(errno)));
      return kExitError;
    }
    output = &output_file;
  }

  // Passes.
  CheckResult result;
  ReadInputs(options.references, /*primary=*/true, extractor, options, err, &result);
  ReadInputs(options.paths, /*primary=*/false, extractor, options, err, &result);
  CrossReferenceOptions xref;
  xref.jobs = static_cast<unsigned>(ResolveJobCount(options.jobs));
  CrossReference(xref, &result);
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  const bool color = UseColor(options.color, stdout_is_terminal, !options.output_path.empty());
  switch (options.format) {
    case CheckFormat::kJsonl:
      PrintCheckJsonl(result, output);
      break;
    case CheckFormat::kMarkdown:
      PrintCheckMarkdown(result, output);
      break;
    case CheckFormat::kText:
      PrintCheckText(result, color, output);
      break;
    case CheckFormat::kSarif:
      PrintCheckSarif(result, {QUOTECHECK_VERSION, MakeSourceLocator(RepositoryRoot())}, output);
      break;
    case CheckFormat::kGithub: {
      GithubOptions github{MakeSourceLocator(RepositoryRoot()), {}};
      if (const char* summary = std::getenv("GITHUB_STEP_SUMMARY"); summary != nullptr) {
        github.step_summary_path = summary;
      }
      const Status status = PrintCheckGithub(result, github, output);
      if (!status.ok()) {
        err << FormatDiagnostic(ErrorDiagnostic(github.step_summary_path, status.message()));
        return kExitError;
      }
      break;
    }
    case CheckFormat::kHtml:
      PrintCheckHtml(result,
                     {QUOTECHECK_VERSION, MakeSourceLocator(OutputDirectory(options.output_path))},
                     output);
      break;
  }
  output->flush();
  if (!output->good()) {
    err << FormatDiagnostic(ErrorDiagnostic(
        options.output_path.empty() ? "<stdout>" : options.output_path, "cannot write output"));
    return kExitError;
  }
  if (result.documents_failed > 0) return kExitError;
  if (options.no_exit || !options.fail_level) return kExitOk;
  for (const Finding& f : result.findings) {
    if (SeverityRank(f.severity) >= SeverityRank(*options.fail_level)) return kExitFindings;
  }
  return kExitOk;
}

}  // namespace quotecheck
