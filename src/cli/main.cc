// quotecheck's entry point: everything happens in RunCommandLine; nothing
// throws past here.

#include <unistd.h>

#include <exception>
#include <iostream>

#include "cli/command_line.h"
#include "cli/exit_code.h"

int main(int argc, char **argv) {
  std::ios::sync_with_stdio(false);
  try {
    return quotecheck::RunCommandLine(argc, argv, std::cout, std::cerr,
                                      isatty(STDIN_FILENO) != 0);
  } catch (const std::exception &e) {
    std::cerr << "quotecheck: internal error: " << e.what() << '\n';
  } catch (...) {
    std::cerr << "quotecheck: internal error\n";
  }
  return quotecheck::kExitError;
}
