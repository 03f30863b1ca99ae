#include "cli/command_line.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "cli/batch_command.h"
#include "cli/check_command.h"
#include "cli/command.h"
#include "cli/diff_command.h"
#include "cli/exit_code.h"
#include "cli/extract_command.h"
#include "cli/lint_command.h"
#include "cli/nearest_name.h"
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
    {"batch",
     "Run check as tasks on this machine or on a Slurm cluster (--engine local|slurm): the same "
     "JSON Lines report as check --format jsonl, for archives past one machine",
     AddBatchCommand},
    {"batch-task", "Run one task of a batch run (what the batch engines start)",
     AddBatchTaskCommand},
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

// After a parse error: "did you mean --format?" for each argument that looks like an
// option no command of this command line has, naming the nearest option of its command.
void SuggestOptions(const CLI::App& app, int argc, const char* const* argv, std::ostream& err) {
  const CLI::App* command = &app;
  std::vector<std::string> names;
  auto add_names = [&names](const CLI::App* from) {
    for (const CLI::Option* option : from->get_options()) {
      for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
    }
  };
  add_names(&app);
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--") break;
    for (const CLI::App* sub : command->get_subcommands({})) {
      if (sub->get_name() == arg) {
        command = sub;
        add_names(sub);
      }
    }
    if (arg.size() < 3 || arg.compare(0, 2, "--") != 0) continue;
    const std::string name = arg.substr(0, arg.find('='));
    if (std::find(names.begin(), names.end(), name) != names.end()) continue;
    if (auto near = NearestName(name, names)) err << "did you mean " << *near << "?\n";
  }
}

}  // namespace

int RunCommandLine(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
                   bool stdin_is_terminal, bool stdout_is_terminal, bool stderr_is_terminal,
                   std::vector<std::shared_ptr<const void>>* kept_until_exit) {
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
        << ")\n";
    std::vector<std::string> names;
    for (const Subcommand& subcommand : kSubcommands) names.emplace_back(subcommand.name);
    if (auto near = NearestName(argv[1], names)) err << "did you mean '" << *near << "'?\n";
    err << "Run with --help for more information.\n";
    return kExitError;
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::Error& e) {
    // --help and --version are "errors" with exit code 0; they print to `out`.
    if (app.exit(e, out, err) == 0) return kExitOk;
    SuggestOptions(app, argc, argv, err);
    return kExitError;
  }

  // -j beyond kMaxJobs: ResolveJobCount starts kMaxJobs threads; say so once.
  for (const auto& [command, run] : commands) {
    const CLI::Option* jobs = command->parsed() ? command->get_option_no_throw("-j") : nullptr;
    if (jobs == nullptr || jobs->count() == 0) continue;
    if (const auto n = jobs->as<unsigned long long>(); n > kMaxJobs) {
      err << "quotecheck: warning: -j " << n << ": using " << kMaxJobs << " worker threads\n";
    }
  }
  const CommandContext context{
      out, err, stdin_is_terminal, stdout_is_terminal, stderr_is_terminal, kept_until_exit};
  for (const auto& [command, run] : commands) {
    if (command->parsed()) return run(context);
  }
  return kExitError;  // not reached: a subcommand is required
}

}  // namespace quotecheck
