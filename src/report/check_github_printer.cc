#include "report/check_github_printer.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "report/check_markdown_printer.h"
#include "report/check_report_view.h"

namespace quotecheck {
namespace {

std::string_view CommandName(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      break;
  }
  return "notice";
}

std::string Escape(std::string_view text, bool property) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '%':
        out.append("%25");
        break;
      case '\r':
        out.append("%0D");
        break;
      case '\n':
        out.append("%0A");
        break;
      case ':':
        out.append(property ? "%3A" : ":");
        break;
      case ',':
        out.append(property ? "%2C" : ",");
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

void AppendCommand(const CheckResult& result, const SourceLocator& locator, const Finding& finding,
                   std::string* out) {
  std::vector<std::string> properties;
  std::string prefix;  // where, for a document that is no file
  std::optional<uint32_t> doc;
  TextRegion region;
  if (!finding.quotes.empty() && finding.quotes.front() < result.quotes.size()) {
    const QuoteRecord& q = result.quotes[finding.quotes.front()];
    doc = q.doc;
    region = QuoteRegion(q);
  } else if (finding.doc && *finding.doc < result.documents.size()) {
    doc = *finding.doc;
    if (finding.location) {
      region.start_line = finding.location->line;
      region.start_column = finding.location->col;
    }
  }
  if (doc) {
    const DocumentInfo& info = result.documents[*doc];
    const std::string& path = info.path.empty() ? info.id : info.path;
    if (locator.IsFile(path)) {
      properties.push_back("file=" + EscapeGithubProperty(locator.RelativePath(path)));
      if (region.start_line > 0) {
        properties.push_back(fmt::format("line={}", region.start_line));
        if (region.start_column > 0)
          properties.push_back(fmt::format("col={}", region.start_column));
        if (region.end_line > 0) {
          properties.push_back(fmt::format("endLine={}", region.end_line));
          properties.push_back(fmt::format("endColumn={}", region.end_column));
        }
      }
    } else {
      prefix = info.id;
      if (region.start_line > 0)
        prefix.append(fmt::format(":{}:{}", region.start_line, region.start_column));
      prefix.append(": ");
    }
  } else if (finding.location && !finding.location->path.empty()) {
    prefix = finding.location->path + ": ";
  }
  properties.push_back("title=" + EscapeGithubProperty(finding.rule));
  out->append("::").append(CommandName(finding.severity)).push_back(' ');
  out->append(fmt::format("{}", fmt::join(properties, ",")));
  out->append("::").append(EscapeGithubData(prefix + FindingMessageWithDiff(finding)));
  out->push_back('\n');
}

}  // namespace

std::string EscapeGithubData(std::string_view text) { return Escape(text, false); }

std::string EscapeGithubProperty(std::string_view text) { return Escape(text, true); }

std::string FormatCheckGithub(const CheckResult& result, const SourceLocator& locator) {
  std::string out;
  for (const Finding& finding : result.findings) AppendCommand(result, locator, finding, &out);
  return out;
}

Status PrintCheckGithub(const CheckResult& result, const GithubOptions& options,
                        std::ostream* out) {
  const std::string commands = FormatCheckGithub(result, options.locator);
  out->write(commands.data(), static_cast<std::streamsize>(commands.size()));
  out->flush();
  if (options.step_summary_path.empty()) return Status::Ok();
  std::ofstream summary(options.step_summary_path, std::ios::binary | std::ios::app);
  if (!summary) {
    return Status::Error(fmt::format("{}: cannot open the step summary for appending: {}",
                                     options.step_summary_path, std::strerror(errno)));
  }
  const std::string markdown = FormatCheckMarkdown(result) + "\n";
  summary.write(markdown.data(), static_cast<std::streamsize>(markdown.size()));
  summary.flush();
  if (!summary) {
    return Status::Error(
        fmt::format("{}: cannot write the step summary", options.step_summary_path));
  }
  return Status::Ok();
}

}  // namespace quotecheck
