#pragma once
/// quotecheck's exit codes, shared by every subcommand (as grep and ripgrep use them).

namespace quotecheck {

/// Clean run: every input read, no finding at or above the fail level.
inline constexpr int kExitOk = 0;
/// Findings at or above the fail level (`check`, `lint`).
inline constexpr int kExitFindings = 1;
/// Usage error, bad configuration or rules, or an input that could not be read. The run
/// still processes every other input first.
inline constexpr int kExitError = 2;

}  // namespace quotecheck
