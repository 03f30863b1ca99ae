#pragma once
/// The options several subcommands share, each registered in one place (CLI11).

#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/report_output.h"

namespace quotecheck {

/// A repeatable option taking one value per occurrence (so it never swallows PATHS).
void AddRepeatable(CLI::App* command, const std::string& name, std::vector<std::string>* values,
                   const std::string& help, const std::string& type_name);

/// How the inputs are read, and where the output goes, in this order: -j, --rules,
/// --text-field, --encoding, --glob, --exclude, -o (with `output_help`).
void AddReadOptions(CLI::App* command, unsigned* jobs, std::vector<std::string>* rule_dirs,
                    std::vector<std::string>* text_fields, Encoding* encoding, PathFilter* walk,
                    std::string* output_path, const std::string& output_help);

/// The report options of check, lint and diff as typed on the command line; ApplyReportFlags
/// turns them into ReportOptions once parsed.
struct ReportFlags {
  std::string format = "text";
  std::string color = "auto";
  std::string fail_level = "error";  // empty: not given (lint then takes its configuration's)
  bool no_color = false;
};

/// --format, one of kReportFormats.
void AddFormatOption(CLI::App* command, ReportFlags* flags, const std::string& help);

/// What check, lint and diff share after their own options, in this order: --fail-level,
/// --no-exit, --min-confidence (when `with_min_confidence`), --color, --no-color, then
/// AddReadOptions.
void AddReportOptions(CLI::App* command, const std::string& fail_level_help,
                      bool with_min_confidence, ReportFlags* flags, ReportOptions* options);

/// Sets the format, colour and fail level of `options` from `flags`.
void ApplyReportFlags(const ReportFlags& flags, ReportOptions* options);

}  // namespace quotecheck
