#include "cli/command_line.h"

#include <CLI/CLI.hpp>
#include <string>
#include <utility>
#include <vector>

#include "cli/check_command.h"
#include "cli/command.h"
#include "cli/diff_command.h"
#include "cli/exit_code.h"
#include "cli/extract_command.h"
#include "cli/lint_command.h"
#include "cli/rules_command.h"
#include "core/document_pipeline.h"

namespace quotecheck {
namespace {

constexpr const char* kDescription =
    "quotecheck finds the direct quotations in news text and who said them, and checks them "
    "across sources: the same quotation printed with other words or given to someone else.";
constexpr const char* kFooter =
    "Exit status: 0 clean; 1 findings at or above the fail level; 2 usage error, bad rules or "
    "an input that could not be read (every other input is still processed).";

/// The subcommands, in the order of --help. Each registers its options and returns its runner.
struct Subcommand {
  const char* name;
  const char* description;
  AddCommand add;
};
constexpr Subcommand kSubcommands[] = {
    {"extract",
     "Find each document's quotations with their kind and speaker; print them as text, or as "
     "JSON Lines (--format jsonl) for scripts",
     AddExtractCommand},
    {"check",
     "Cross-reference the quotations of many sources: link each quotation printed in more than "
     "one place, show how the wordings differ and whether the speakers agree, report findings",
     AddCheckCommand},
    {"lint",
     "Check each quotation of draft articles (Markdown, HTML, text) against reference "
     "sources: unverified, reworded, misattributed or truncated quotations",
     AddLintCommand},
    {"diff",
     "Compare the quotations of two documents or two directories: the shared ones with their "
     "relation and word diff, and those only one side has",
     AddDiffCommand},
    {"rules", "Inspect and test the attribution rules", AddRulesCommand},
};

// "extract, check, lint, diff or rules"
std::string SubcommandList() {
  std::string list;
  const size_t n = std::size(kSubcommands);
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) list += i + 1 == n ? " or " : ", ";
    list += kSubcommands[i].name;
  }
  return list;
}

}  // namespace

int RunCommandLine(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
                   bool stdin_is_terminal, bool stdout_is_terminal) {
  CLI::App app(kDescription, "quotecheck");
  app.set_version_flag("--version", std::string("quotecheck ") + QUOTECHECK_VERSION);
  app.require_subcommand(1);
  app.footer(kFooter);
  std::vector<std::pair<CLI::App*, CommandRunner>> commands;
  for (const Subcommand& subcommand : kSubcommands) {
    CLI::App* command = app.add_subcommand(subcommand.name, subcommand.description);
    commands.emplace_back(command, subcommand.add(command));
  }

  // CLI11 would only say "A subcommand is required" for a misspelt one.
  if (argc > 1 && argv[1][0] != '-' &&
      app.get_subcommands([&](CLI::App* command) { return command->get_name() == argv[1]; })
          .empty()) {
    err << "quotecheck: unknown subcommand '" << argv[1] << "' (expected " << SubcommandList()
        << ")\nRun with --help for more information.\n";
    return kExitError;
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::Error& e) {
    // --help and --version are "errors" with exit code 0; they print to `out`.
    return app.exit(e, out, err) == 0 ? kExitOk : kExitError;
  }

  // -j beyond kMaxJobs: ResolveJobCount starts kMaxJobs threads; say so once.
  for (const auto& [command, run] : commands) {
    const CLI::Option* jobs = command->parsed() ? command->get_option_no_throw("-j") : nullptr;
    if (jobs == nullptr || jobs->count() == 0) continue;
    if (const auto n = jobs->as<unsigned long long>(); n > kMaxJobs) {
      err << "quotecheck: warning: -j " << n << ": using " << kMaxJobs << " worker threads\n";
    }
  }
  const CommandContext context{out, err, stdin_is_terminal, stdout_is_terminal};
  for (const auto& [command, run] : commands) {
    if (command->parsed()) return run(context);
  }
  return kExitError;  // not reached: a subcommand is required
}

}  // namespace quotecheck
