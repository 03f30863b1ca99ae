#include "cli/rules_command.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>

#include "cli/command_options.h"
#include "cli/exit_code.h"
#include "cli/report_output.h"
#include "cli/rule_set_loading.h"
#include "core/line_index.h"
#include "extract/rule_examples.h"

namespace quotecheck {
namespace {

std::string_view RuleSideName(RuleSide side) {
  return side == RuleSide::kBefore ? "before" : "after";
}

}  // namespace

CommandRunner AddRulesCommand(CLI::App* command) {
  auto options = std::make_shared<RulesOptions>();
  command->require_subcommand(1);
  CLI::App* list = command->add_subcommand(
      "list", "List every attribution rule: id, side of the quotation it reads, file:line");
  CLI::App* test =
      command->add_subcommand("test", "Run every rule's must-match and must-not-match examples");
  for (CLI::App* subcommand : {list, test}) {
    AddRepeatable(subcommand, "--rules", &options->rule_dirs,
                  "Also load the *.toml rules of DIR after the built-in ones (repeatable)", "DIR");
  }
  return [options, list](const CommandContext& context) {
    return list->parsed() ? RunRulesList(*options, context.out, context.err)
                          : RunRulesTest(*options, context.out, context.err);
  };
}

std::string FormatRuleList(const RuleSet& rules) {
  size_t id_width = 0;
  for (const AttributionRule& rule : rules.rules) {
    id_width = std::max(id_width, CountCodePoints(rule.id));
  }
  std::string out;
  for (const AttributionRule& rule : rules.rules) {
    out += rule.id;
    out.append(id_width - CountCodePoints(rule.id) + 2, ' ');
    out += fmt::format("{:<6}  {}", RuleSideName(rule.side), rule.file);
    if (rule.line > 0) out += fmt::format(":{}", rule.line);
    out += '\n';
  }
  return out;
}

int RunRulesList(const RulesOptions& options, std::ostream& out, std::ostream& err) {
  RuleSet rules;
  if (!LoadRuleSetReportingDiagnostics(options.rule_dirs, &rules, err)) return kExitError;
  out << FormatRuleList(rules);
  return FinishOutput(&out, nullptr, "", err) ? kExitOk : kExitError;
}

int RunRulesTest(const RulesOptions& options, std::ostream& out, std::ostream& err) {
  RuleSet rules;
  if (!LoadRuleSetReportingDiagnostics(options.rule_dirs, &rules, err)) return kExitError;
  const RuleExampleReport report = RunRuleExamples(rules);
  for (const Diagnostic& diagnostic : report.diagnostics) err << FormatDiagnostic(diagnostic);
  err.flush();
  out << fmt::format("{} examples passed, {} failed\n", report.passed, report.failed);
  if (!FinishOutput(&out, nullptr, "", err)) return kExitError;
  return report.failed == 0 ? kExitOk : kExitFindings;
}

}  // namespace quotecheck
