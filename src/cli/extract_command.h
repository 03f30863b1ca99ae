#pragma once
/// `quotecheck extract`: finds the direct quotations of every input document and prints
/// them with their speakers, as text for people or as the JSON Lines of the output contract.
/// The passes, in order: load rules → expand inputs → read, extract and attribute (in
/// parallel, delivered in input order) → print, with each document's diagnostics on stderr.

#include <ostream>
#include <string>
#include <vector>

#include "cli/command.h"

namespace quotecheck {

enum class OutputFormat { kText, kJsonl };

struct ExtractOptions {
  OutputFormat format = OutputFormat::kText;
  /// Worker threads; 0 = hardware concurrency.
  unsigned jobs = 1;
  /// Extra rule directories (--rules), after the built-in rules.
  std::vector<std::string> rule_dirs;
  /// JSON field names holding the text (--text-field), before the defaults.
  std::vector<std::string> text_fields;
  /// Output file (-o); empty for `out`.
  std::string output_path;
  /// Inputs as named; "-" is standard input.
  std::vector<std::string> paths;
};

/// Registers extract's options on `command`: --format text|jsonl, -j, --rules, --text-field,
/// -o and PATHS (none: standard input unless it is a terminal, then a usage error).
CommandRunner AddExtractCommand(CLI::App* command);

/// Runs the extract command. Results go to `out` (or to options.output_path), diagnostics
/// to `err`. Returns kExitOk, or kExitError when the rules did not load (nothing is read
/// then), an input could not be read (everything else is still processed and printed), or
/// the output could not be written.
int RunExtract(const ExtractOptions& options, std::ostream& out, std::ostream& err);

}  // namespace quotecheck
