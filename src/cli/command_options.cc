#include "cli/command_options.h"

#include <CLI/CLI.hpp>

namespace quotecheck {
namespace {

std::vector<std::string> ReportFormatNames() {
  std::vector<std::string> names;
  for (const ReportFormatName& f : kReportFormats) names.emplace_back(f.name);
  return names;
}

std::optional<Severity> ParseFailLevel(const std::string& name) {
  return name == "none"      ? std::nullopt
         : name == "warning" ? std::optional(Severity::kWarning)
         : name == "info"    ? std::optional(Severity::kInfo)
                             : std::optional(Severity::kError);
}

ColorMode ParseColorMode(const ReportFlags& flags) {
  return flags.no_color            ? ColorMode::kNever
         : flags.color == "always" ? ColorMode::kAlways
         : flags.color == "never"  ? ColorMode::kNever
                                   : ColorMode::kAuto;
}

}  // namespace

void AddRepeatable(CLI::App* command, const std::string& name, std::vector<std::string>* values,
                   const std::string& help, const std::string& type_name) {
  command->add_option(name, *values, help)->allow_extra_args(false)->type_name(type_name);
}

void AddReadOptions(CLI::App* command, unsigned* jobs, std::vector<std::string>* rule_dirs,
                    std::vector<std::string>* text_fields, Encoding* encoding, PathFilter* walk,
                    std::string* output_path, const std::string& output_help) {
  command
      ->add_option("-j,--jobs", *jobs,
                   "Worker threads; 0 = one per core (output keeps the input order)")
      ->capture_default_str();
  AddRepeatable(command, "--rules", rule_dirs,
                "Also load the *.toml rules of DIR after the built-in ones (repeatable)", "DIR");
  AddRepeatable(command, "--text-field", text_fields,
                "JSON field holding a record's text, tried before text/body/content "
                "(repeatable)",
                "NAME");
  command
      ->add_option_function<std::string>(
          "--encoding",
          [encoding](const std::string& name) { *encoding = *ParseEncodingName(name); },
          "Encoding of text, Markdown and HTML files: auto (UTF-8, UTF-16 by its byte order "
          "mark, Windows-1252 when not UTF-8), utf-8, utf-16le, utf-16be, windows-1252 or "
          "latin-1")
      ->check(CLI::IsMember(EncodingNames(), CLI::ignore_case))
      ->type_name("NAME");
  AddRepeatable(command, "--glob", &walk->globs,
                "In directories, read only the files matching GLOB; !GLOB leaves them out "
                "(repeatable; files named on the command line are always read)",
                "GLOB");
  AddRepeatable(command, "--exclude", &walk->excludes,
                "In directories, leave out the files and directories matching GLOB "
                "(repeatable; .quotecheckignore files do the same)",
                "GLOB");
  command->add_option("-o,--output", *output_path, output_help)->type_name("FILE");
}

void AddFormatOption(CLI::App* command, ReportFlags* flags, const std::string& help) {
  command->add_option("--format", flags->format, help)
      ->check(CLI::IsMember(ReportFormatNames()))
      ->capture_default_str();
}

void AddReportOptions(CLI::App* command, const std::string& fail_level_help,
                      bool with_min_confidence, ReportFlags* flags, ReportOptions* options) {
  CLI::Option* fail_level = command->add_option("--fail-level", flags->fail_level, fail_level_help)
                                ->check(CLI::IsMember({"error", "warning", "info", "none"}));
  if (!flags->fail_level.empty()) fail_level->capture_default_str();
  command->add_flag("--no-exit", options->no_exit, "Exit 0 whatever the findings");
  if (with_min_confidence) {
    command
        ->add_option("--min-confidence", options->min_confidence,
                     "Leave out findings less sure than this (0 to 1; each finding's confidence "
                     "is in every report)")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
  }
  command->add_option("--color", flags->color, "auto, always or never (NO_COLOR is honoured)")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  command->add_flag("--no-color", flags->no_color, "Same as --color never");
  command->add_flag("-q,--quiet", options->quiet,
                    "Print only errors on stderr: no warnings, no summary line");
  AddReadOptions(command, &options->jobs, &options->rule_dirs, &options->text_fields,
                 &options->encoding, &options->walk, &options->output_path,
                 "Write the report to FILE");
}

void ApplyReportFlags(const ReportFlags& flags, ReportOptions* options) {
  options->format = FindReportFormat(flags.format).value_or(ReportFormat::kText);
  options->color = ParseColorMode(flags);
  options->fail_level_given = !flags.fail_level.empty();
  if (options->fail_level_given) options->fail_level = ParseFailLevel(flags.fail_level);
}

}  // namespace quotecheck
