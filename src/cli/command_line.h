#pragma once
/// quotecheck's command line (CLI11): parses the arguments into one subcommand's options
/// and runs it. Parse errors become a message on `err` and kExitError; --help and
/// --version print to `out` and return kExitOk. No exception leaves RunCommandLine.

#include <memory>
#include <ostream>
#include <vector>

namespace quotecheck {

/// Runs `quotecheck argv[1..]`. `stdin_is_terminal` decides what `extract` does without
/// PATHS: read standard input when it is not a terminal, else report a usage error.
/// `stdout_is_terminal` turns colour on for `check --color auto`; `stderr_is_terminal` shows
/// extract's progress line. `kept_until_exit`: CommandContext::kept_until_exit (main's, never
/// freed; null in tests). Returns the process exit code.
int RunCommandLine(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
                   bool stdin_is_terminal, bool stdout_is_terminal = false,
                   bool stderr_is_terminal = false,
                   std::vector<std::shared_ptr<const void>>* kept_until_exit = nullptr);

}  // namespace quotecheck
