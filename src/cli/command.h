#pragma once
/// What a subcommand is to the command line (command_line.cc's table): a function that
/// registers its options on a CLI11 subcommand and returns its runner. As ninja's kTools:
/// one AddXCommand/RunX pair per subcommand, in cli/X_command.{h,cc}.

#include <functional>
#include <memory>
#include <ostream>
#include <vector>

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
  /// Where a subcommand leaves its large results once its output is written, to be freed with
  /// the process rather than a record at a time: freeing a million quotations' records (their
  /// texts, speakers, links and findings, scattered over gigabytes) takes about 0.7 s after
  /// the output of a 1M-quotation check is complete, while the kernel takes a process's pages
  /// back at once (mold and clang's -disable-free do the same). Null (tests, which run many
  /// commands in one process): results are destroyed as usual.
  std::vector<std::shared_ptr<const void>>* kept_until_exit = nullptr;
};

/// Runs a subcommand once the command line has been parsed into its options; returns the
/// process exit code.
using CommandRunner = std::function<int(const CommandContext& context)>;

/// Registers a subcommand's options on `command` (bound to options the runner owns) and
/// returns its runner.
using AddCommand = CommandRunner (*)(CLI::App* command);

}  // namespace quotecheck
