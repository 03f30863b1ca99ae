// quotecheck's entry point: everything happens in RunCommandLine; nothing
// throws past here.

#include <malloc.h>
#include <unistd.h>

#include <exception>
#include <iostream>
#include <memory>
#include <vector>

#include "cli/command_line.h"
#include "cli/exit_code.h"
#include "core/fd_stream.h"

int main(int argc, char** argv) {
  // RE2 allocates per-search arrays sized by the program (~170 KB for a rule's NFA
  // thread queues) on every submatch extraction. Above glibc's default mmap threshold
  // each of those is an mmap + page faults + munmap (10x the cost of the search itself);
  // keep such blocks on the heap and do not hand freed memory back to the kernel at once.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  std::ios::sync_with_stdio(false);
  // Reports go to standard output through a buffer that remembers why a write failed (a full
  // disk, a closed pipe: core/fd_stream.h); flushed when it goes out of scope.
  quotecheck::FdOstream out(STDOUT_FILENO);
  // Results left to the process's exit (CommandContext::kept_until_exit): never destroyed,
  // and reachable from here, so that leak checkers do not report them.
  static auto* const kept_until_exit = new std::vector<std::shared_ptr<const void>>();
  try {
    return quotecheck::RunCommandLine(argc, argv, out, std::cerr, isatty(STDIN_FILENO) != 0,
                                      isatty(STDOUT_FILENO) != 0, isatty(STDERR_FILENO) != 0,
                                      kept_until_exit);
  } catch (const std::exception& e) {
    std::cerr << "quotecheck: internal error: " << e.what() << '\n';
  } catch (...) {
    std::cerr << "quotecheck: internal error\n";
  }
  return quotecheck::kExitError;
}
