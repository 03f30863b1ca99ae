#pragma once
/// `quotecheck extract`: finds the direct quotations of every input document and prints
/// them with their speakers, as text for people or as the JSON Lines of the output contract.
/// The passes, in order: load rules → expand inputs → read, extract and attribute (in
/// parallel, delivered in input order) → print, with each document's diagnostics on stderr.

#include <ostream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "ingest/path_filter.h"
#include "ingest/text_decoder.h"
#include "report/text_printer.h"

namespace quotecheck {

enum class OutputFormat { kText, kJsonl, kCsv };

struct ExtractOptions {
  OutputFormat format = OutputFormat::kText;
  /// Text output: quotations cut to this many code points (--width; 0 with -v: whole).
  size_t width = kQuoteDisplayWidth;
  /// Worker threads; 0 (the default) = one per core, as ripgrep and ninja.
  unsigned jobs = 0;
  /// Extra rule directories (--rules), after the built-in rules.
  std::vector<std::string> rule_dirs;
  /// JSON field names holding the text (--text-field), before the defaults.
  std::vector<std::string> text_fields;
  PathFilter walk;                      // --glob, --exclude
  Encoding encoding = Encoding::kAuto;  // --encoding
  /// --quiet: only errors on stderr (no warnings, no progress, no summary line).
  bool quiet = false;
  /// Draw the progress line on stderr (a terminal, not --quiet).
  bool progress = false;
  /// Output file (-o); empty for `out`.
  std::string output_path;
  /// Inputs as named; "-" is standard input.
  std::vector<std::string> paths;
};

/// Registers extract's options on `command`: --format text|jsonl|csv, --width, -v, -j,
/// --rules, --text-field, --glob, --exclude, --encoding, -o and PATHS (none: standard input unless
/// it is a terminal, then a usage error).
CommandRunner AddExtractCommand(CLI::App* command);

/// Runs the extract command. Results go to `out` (or to options.output_path), diagnostics
/// to `err`. Returns kExitOk, or kExitError when the rules did not load (nothing is read
/// then), an input could not be read (everything else is still processed and printed), or
/// the output could not be written.
int RunExtract(const ExtractOptions& options, std::ostream& out, std::ostream& err);

}  // namespace quotecheck
