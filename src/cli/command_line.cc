#include "cli/command_line.h"

#include <CLI/CLI.hpp>
#include <string>

#include "cli/check_command.h"
#include "cli/diff_command.h"
#include "cli/document_pipeline.h"
#include "cli/exit_code.h"
#include "cli/extract_command.h"
#include "cli/lint_command.h"
#include "cli/rules_command.h"

namespace quotecheck {
namespace {

constexpr const char* kDescription =
    "quotecheck finds the direct quotations in news text and who said them, and checks them "
    "across sources: the same quotation printed with other words or given to someone else.";
constexpr const char* kFooter =
    "Exit status: 0 clean; 1 findings at or above the fail level; 2 usage error, bad rules or "
    "an input that could not be read (every other input is still processed).";

// A repeatable option taking one value per occurrence (so it never swallows PATHS).
template <typename T>
CLI::Option* AddRepeatable(CLI::App* app, const std::string& name, std::vector<T>& values,
                           const std::string& help, const std::string& type_name) {
  return app->add_option(name, values, help)->allow_extra_args(false)->type_name(type_name);
}

// The report options of check, lint and diff as typed on the command line.
struct ReportFlags {
  std::string format = "text";
  std::string color = "auto";
  std::string fail_level;  // empty: not given (lint then takes its configuration's)
  bool no_color = false;
};

// What check, lint and diff share, in this order: --fail-level, --no-exit, --color,
// --no-color, -j, --rules, --text-field, -o.
template <typename Options>
void AddReportOptions(CLI::App* command, const std::string& fail_level_help, ReportFlags& flags,
                      Options& options) {
  CLI::Option* fail_level = command->add_option("--fail-level", flags.fail_level, fail_level_help)
                                ->check(CLI::IsMember({"error", "warning", "info", "none"}));
  if (!flags.fail_level.empty()) fail_level->capture_default_str();
  command->add_flag("--no-exit", options.no_exit, "Exit 0 whatever the findings");
  if constexpr (requires { options.min_confidence; }) {
    command
        ->add_option("--min-confidence", options.min_confidence,
                     "Leave out findings less sure than this (0 to 1; each finding's confidence "
                     "is in every report)")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
  }
  command->add_option("--color", flags.color, "auto, always or never (NO_COLOR is honoured)")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  command->add_flag("--no-color", flags.no_color, "Same as --color never");
  command->add_option("-j,--jobs", options.jobs, "Worker threads; 0 = one per core")
      ->capture_default_str();
  AddRepeatable(command, "--rules", options.rule_dirs,
                "Also load the *.toml rules of DIR after the built-in ones (repeatable)", "DIR");
  AddRepeatable(command, "--text-field", options.text_fields,
                "JSON field holding a record's text, tried before text/body/content "
                "(repeatable)",
                "NAME");
  command->add_option("-o,--output", options.output_path, "Write the report to FILE")
      ->type_name("FILE");
}

ReportFormat ParseReportFormat(const std::string& name) {
  return name == "jsonl"      ? ReportFormat::kJsonl
         : name == "markdown" ? ReportFormat::kMarkdown
         : name == "sarif"    ? ReportFormat::kSarif
         : name == "github"   ? ReportFormat::kGithub
         : name == "html"     ? ReportFormat::kHtml
                              : ReportFormat::kText;
}

ColorMode ParseColorMode(const ReportFlags& flags) {
  return flags.no_color            ? ColorMode::kNever
         : flags.color == "always" ? ColorMode::kAlways
         : flags.color == "never"  ? ColorMode::kNever
                                   : ColorMode::kAuto;
}

std::optional<Severity> ParseFailLevel(const std::string& name) {
  return name == "none"      ? std::nullopt
         : name == "warning" ? std::optional(Severity::kWarning)
         : name == "info"    ? std::optional(Severity::kInfo)
                             : std::optional(Severity::kError);
}

}  // namespace

int RunCommandLine(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
                   bool stdin_is_terminal, bool stdout_is_terminal) {
  CLI::App app(kDescription, "quotecheck");
  app.set_version_flag("--version", std::string("quotecheck ") + QUOTECHECK_VERSION);
  app.require_subcommand(1);
  app.footer(kFooter);

  // extract
  ExtractOptions extract;
  std::string format = "text";
  CLI::App* extract_command = app.add_subcommand(
      "extract",
      "Find each document's quotations with their kind and speaker; print them as text, or as "
      "JSON Lines (--format jsonl) for scripts");
  extract_command
      ->add_option("--format", format, "text (for people) or jsonl (the output contract)")
      ->check(CLI::IsMember({"text", "jsonl"}))
      ->capture_default_str();
  extract_command->add_option("-j,--jobs", extract.jobs, "Worker threads; 0 = one per core")
      ->capture_default_str();
  AddRepeatable(extract_command, "--rules", extract.rule_dirs,
                "Also load the *.toml rules of DIR after the built-in ones (repeatable)", "DIR");
  AddRepeatable(extract_command, "--text-field", extract.text_fields,
                "JSON field holding a record's text, tried before text/body/content "
                "(repeatable)",
                "NAME");
  extract_command
      ->add_option("-o,--output", extract.output_path, "Write results to FILE, not stdout")
      ->type_name("FILE");
  extract_command->add_option(
      "PATHS", extract.paths,
      "Files (.txt, .md, .json, .jsonl, …) and directories to read; - or none for stdin");

  // check
  CheckOptions check;
  ReportFlags check_flags;
  check_flags.fail_level = "error";
  CLI::App* check_command = app.add_subcommand(
      "check",
      "Cross-reference the quotations of many sources: link each quotation printed in more than "
      "one place, show how the wordings differ and whether the speakers agree, report findings");
  check_command
      ->add_option("--format", check_flags.format,
                   "text (for people), jsonl (the output contract), markdown (for a ticket), "
                   "sarif (code scanning), github (Actions annotations) or html (a report page)")
      ->check(CLI::IsMember({"text", "jsonl", "markdown", "sarif", "github", "html"}))
      ->capture_default_str();
  std::string check_links = "parent";
  check_command
      ->add_option("--links", check_links,
                   "Link records to write: parent (each quotation's link to its parent in its "
                   "cluster), all (every linked pair) or none")
      ->check(CLI::IsMember({"parent", "all", "none"}))
      ->capture_default_str();
  AddRepeatable(check_command, "--reference", check.references,
                "A primary source (transcript, statement) every quotation is compared with "
                "(repeatable)",
                "PATH");
  AddReportOptions(check_command,
                   "Exit 1 when a finding is at or above this severity: error, warning, info or "
                   "none",
                   check_flags, check);
  check_command->add_option(
      "PATHS", check.paths,
      "Articles, directories, JSONL corpora and quote stores (extract --format jsonl output)");

  // lint
  LintOptions lint;
  ReportFlags lint_flags;
  CLI::App* lint_command = app.add_subcommand(
      "lint",
      "Check each quotation of draft articles (Markdown, HTML, text) against reference "
      "sources: unverified, reworded, misattributed or truncated quotations");
  lint_command
      ->add_option("--format", lint_flags.format,
                   "text (path:line:col diagnostics), jsonl (the output contract), markdown, "
                   "sarif (code scanning), github (workflow commands) or html")
      ->check(CLI::IsMember({"text", "jsonl", "markdown", "sarif", "github", "html"}))
      ->capture_default_str();
  AddRepeatable(lint_command, "--against", lint.references,
                "A reference: article, transcript, statement, directory or quote store "
                "(repeatable)",
                "PATH");
  AddRepeatable(lint_command, "--primary", lint.primary,
                "A reference that is a primary source (transcript, statement): preferred over "
                "the others (repeatable; role: primary in a document's metadata does the same)",
                "PATH");
  lint_command
      ->add_option("--config", lint.config_path,
                   "Use this configuration instead of the nearest .quotecheck.toml")
      ->type_name("FILE");
  lint_command
      ->add_option("--baseline", lint.baseline_path,
                   "Accept the findings listed in FILE (written by --write-baseline)")
      ->type_name("FILE");
  lint_command
      ->add_option("--write-baseline", lint.write_baseline_path,
                   "Write the findings of this run to FILE as a baseline")
      ->type_name("FILE");
  AddReportOptions(lint_command,
                   "Exit 1 when a finding is at or above this severity: error, warning, info or "
                   "none (default: the configuration's, else error)",
                   lint_flags, lint);
  lint_command->add_option("DRAFTS", lint.drafts, "Draft files and directories to lint");

  // diff
  DiffOptions diff;
  ReportFlags diff_flags;
  diff_flags.fail_level = "error";
  CLI::App* diff_command = app.add_subcommand(
      "diff",
      "Compare the quotations of two documents or two directories: the shared ones with their "
      "relation and word diff, and those only one side has");
  diff_command
      ->add_option("--format", diff_flags.format,
                   "text, jsonl (the output contract), markdown, sarif, github or html")
      ->check(CLI::IsMember({"text", "jsonl", "markdown", "sarif", "github", "html"}))
      ->capture_default_str();
  AddReportOptions(diff_command,
                   "Exit 1 when a finding (A against B) is at or above this severity: error, "
                   "warning, info or none",
                   diff_flags, diff);
  diff_command->add_option("A", diff.a, "The first document or directory")->required();
  diff_command->add_option("B", diff.b, "The second document or directory")->required();

  // rules list / rules test
  RulesOptions rules;
  CLI::App* rules_command = app.add_subcommand("rules", "Inspect and test the attribution rules");
  rules_command->require_subcommand(1);
  CLI::App* rules_list = rules_command->add_subcommand(
      "list", "List every attribution rule: id, side of the quotation it reads, file:line");
  CLI::App* rules_test = rules_command->add_subcommand(
      "test", "Run every rule's must-match and must-not-match examples");
  for (CLI::App* command : {rules_list, rules_test}) {
    AddRepeatable(command, "--rules", rules.rule_dirs,
                  "Also load the *.toml rules of DIR after the built-in ones (repeatable)", "DIR");
  }

  // CLI11 would only say "A subcommand is required" for a misspelt one.
  if (argc > 1 && argv[1][0] != '-' &&
      app.get_subcommands([&](CLI::App* command) { return command->get_name() == argv[1]; })
          .empty()) {
    err << "quotecheck: unknown subcommand '" << argv[1]
        << "' (expected extract, check, lint, diff or rules)\n"
        << "Run with --help for more information.\n";
    return kExitError;
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::Error& e) {
    // --help and --version are "errors" with exit code 0; they print to `out`.
    return app.exit(e, out, err) == 0 ? kExitOk : kExitError;
  }

  // -j beyond kMaxJobs: fewer threads, said once.
  for (unsigned* jobs : {&extract.jobs, &check.jobs, &lint.jobs, &diff.jobs}) {
    if (*jobs <= kMaxJobs) continue;
    err << "quotecheck: warning: -j " << *jobs << ": using " << kMaxJobs << " worker threads\n";
    *jobs = kMaxJobs;
  }

  if (extract_command->parsed()) {
    extract.format = format == "jsonl" ? OutputFormat::kJsonl : OutputFormat::kText;
    if (extract.paths.empty()) {
      if (stdin_is_terminal) {
        err << "quotecheck extract: no input: give PATHS, or pipe text to standard input\n"
               "Run with --help for more information.\n";
        return kExitError;
      }
      extract.paths.push_back("-");
    }
    return RunExtract(extract, out, err);
  }
  if (check_command->parsed()) {
    check.format = ParseReportFormat(check_flags.format);
    check.color = ParseColorMode(check_flags);
    check.fail_level = ParseFailLevel(check_flags.fail_level);
    check.links = check_links == "all"    ? LinkOutput::kAll
                  : check_links == "none" ? LinkOutput::kNone
                                          : LinkOutput::kParent;
    if (check.paths.empty() && check.references.empty()) {
      err << "quotecheck check: no input: give PATHS\nRun with --help for more information.\n";
      return kExitError;
    }
    return RunCheck(check, out, err, stdout_is_terminal);
  }
  if (lint_command->parsed()) {
    lint.format = ParseReportFormat(lint_flags.format);
    lint.color = ParseColorMode(lint_flags);
    if (!lint_flags.fail_level.empty()) lint.fail_level = ParseFailLevel(lint_flags.fail_level);
    if (lint.drafts.empty()) {
      err << "quotecheck lint: no input: give DRAFTS\nRun with --help for more information.\n";
      return kExitError;
    }
    return RunLint(lint, out, err, stdout_is_terminal);
  }
  if (diff_command->parsed()) {
    diff.format = ParseReportFormat(diff_flags.format);
    diff.color = ParseColorMode(diff_flags);
    diff.fail_level = ParseFailLevel(diff_flags.fail_level);
    return RunDiff(diff, out, err, stdout_is_terminal);
  }
  if (rules_list->parsed()) return RunRulesList(rules, out, err);
  if (rules_test->parsed()) return RunRulesTest(rules, out, err);
  return kExitError;  // not reached: a subcommand is required
}

}  // namespace quotecheck
