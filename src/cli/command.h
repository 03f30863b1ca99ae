#pragma once
/// What a subcommand is to the command line (command_line.cc's table): a function that
/// registers its options on a CLI11 subcommand and returns its runner. As ninja's kTools:
/// one AddXCommand/RunX pair per subcommand, in cli/X_command.{h,cc}.

#include <functional>
#include <ostream>

namespace CLI {
class App;
}  // namespace CLI

namespace quotecheck {

/// The streams a subcommand runs with, and whether they are terminals.
struct CommandContext {
  std::ostream& out;
  std::ostream& err;
  /// `extract` without PATHS reads standard input only when it is not a terminal.
  bool stdin_is_terminal = false;
  /// Colour in --color auto.
  bool stdout_is_terminal = false;
  /// extract's progress line is drawn only on a terminal.
  bool stderr_is_terminal = false;
};

/// Runs a subcommand once the command line has been parsed into its options; returns the
/// process exit code.
using CommandRunner = std::function<int(const CommandContext& context)>;

/// Registers a subcommand's options on `command` (bound to options the runner owns) and
/// returns its runner.
using AddCommand = CommandRunner (*)(CLI::App* command);

}  // namespace quotecheck
