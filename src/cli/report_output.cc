#include "cli/report_output.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "cli/exit_code.h"
#include "core/document_pipeline.h"
#include "core/fd_stream.h"
#include "report/check_github_printer.h"
#include "report/check_html_printer.h"
#include "report/check_jsonl_printer.h"
#include "report/check_markdown_printer.h"
#include "report/check_sarif_printer.h"
#include "report/claimreview_printer.h"
#include "report/csv_printer.h"

namespace quotecheck {
namespace {

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

bool UseColorFor(ColorMode mode, bool stdout_is_terminal, bool to_file) {
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

std::ostream* OpenOutput(const std::string& path, std::ostream& out, OutputFile* file,
                         std::ostream& err) {
  if (path.empty()) return &out;
  if (!file->Open(path)) {
    err << FormatDiagnostic(
        ErrorDiagnostic(path, std::string("cannot open for writing: ") + std::strerror(errno)));
    return nullptr;
  }
  return &file->stream();
}

bool FinishOutput(std::ostream* output, OutputFile* file, const std::string& path,
                  std::ostream& err) {
  errno = 0;
  output->flush();
  // The cause of the first failed write when the stream kept it (core/fd_stream.h).
  const int write_error = StreamWriteError(*output);
  if (output->good() && (file == nullptr || file->Commit())) return true;
  const int error = write_error != 0 ? write_error : errno != 0 ? errno : EIO;
  err << FormatDiagnostic(
      ErrorDiagnostic(path.empty() ? "<stdout>" : path,
                      std::string("cannot write output: ") + std::strerror(error)));
  return false;
}

namespace {

// The check printer of `format`; nullopt for text.
std::optional<Status> PrintCheckFormat(const CheckResult& result, ReportFormat format,
                                       const std::string& output_path, std::ostream* out,
                                       unsigned jobs) {
  switch (format) {
    case ReportFormat::kText:
      return std::nullopt;
    case ReportFormat::kJsonl:
      PrintCheckJsonl(result, out, jobs);
      break;
    case ReportFormat::kMarkdown:
      PrintCheckMarkdown(result, out, jobs);
      break;
    case ReportFormat::kSarif:
      PrintCheckSarif(result, {QUOTECHECK_VERSION, MakeSourceLocator(RepositoryRoot())}, out, jobs);
      break;
    case ReportFormat::kGithub: {
      GithubOptions github{MakeSourceLocator(RepositoryRoot()), {}};
      if (const char* summary = std::getenv("GITHUB_STEP_SUMMARY"); summary != nullptr) {
        github.step_summary_path = summary;
      }
      return PrintCheckGithub(result, github, out);
    }
    case ReportFormat::kHtml:
      PrintCheckHtml(result, {QUOTECHECK_VERSION, MakeSourceLocator(OutputDirectory(output_path))},
                     out, jobs);
      break;
    case ReportFormat::kCsv:
      PrintCheckCsv(result, out, jobs);
      break;
    case ReportFormat::kClaimReview:
      PrintCheckClaimReview(result, out);
      break;
  }
  return Status();
}

}  // namespace

bool PrintReport(const CheckResult& result, ReportFormat format, const std::string& output_path,
                 std::ostream* out, std::ostream& err, unsigned jobs) {
  std::optional<Status> printed = PrintCheckFormat(result, format, output_path, out, jobs);
  if (!printed || printed->ok()) return true;
  err << FormatDiagnostic(ErrorDiagnostic("GITHUB_STEP_SUMMARY", printed->message()));
  return false;
}

TextReport WholeTextReport(std::function<std::string(bool color)> format,
                           std::string summary_line) {
  return [format = std::move(format), summary_line = std::move(summary_line) + "\n"](
             bool color, std::ostream* out) {
    const std::string text = format(color);
    out->write(text.data(), static_cast<std::streamsize>(text.size()));
    return text.ends_with(summary_line);
  };
}

std::optional<ReportFormat> FindReportFormat(std::string_view name) {
  for (const ReportFormatName& f : kReportFormats) {
    if (f.name == name) return f.format;
  }
  return std::nullopt;
}

int FinishReport(const CheckResult& result, const ReportOptions& options,
                 const std::optional<Severity>& fail_level, const TextReport& text_report,
                 bool stdout_is_terminal, std::ostream* output, OutputFile* output_file,
                 std::ostream& err, const std::string& summary_line) {
  bool text_ends_with_summary = false;
  if (options.format == ReportFormat::kText) {
    text_ends_with_summary = text_report(
        UseColorFor(options.color, stdout_is_terminal, !options.output_path.empty()), output);
  } else if (!PrintReport(result, options.format, options.output_path, output, err,
                          static_cast<unsigned>(ResolveJobCount(options.jobs)))) {
    return kExitError;
  }
  if (!FinishOutput(output, output_file, options.output_path, err)) return kExitError;
  const bool shown_on_stdout = options.output_path.empty() && text_ends_with_summary;
  if (!options.quiet && !summary_line.empty() && !shown_on_stdout) err << summary_line << '\n';
  if (result.documents_failed > 0) return kExitError;
  return ExitStatusForFindings(result, fail_level, options.no_exit);
}

int ExitStatusForFindings(const CheckResult& result, const std::optional<Severity>& fail_level,
                          bool no_exit) {
  return ExitStatusForSeverities(CountBySeverity(result.findings), fail_level, no_exit);
}

int ExitStatusForSeverities(const SeverityCounts& by_severity,
                            const std::optional<Severity>& fail_level, bool no_exit) {
  if (no_exit || !fail_level) return kExitOk;
  for (int rank = SeverityRank(*fail_level); rank < 3; ++rank) {
    if (by_severity[rank] > 0) return kExitFindings;
  }
  return kExitOk;
}

}  // namespace quotecheck
