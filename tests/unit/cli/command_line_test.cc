#include "cli/command_line.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "cli/exit_code.h"
#include "unit/temp_dir.h"

namespace quotecheck {
namespace {

struct Run {
  int exit_code = -1;
  std::string out;
  std::string err;
};

Run RunArgs(std::vector<std::string> args, bool stdin_is_terminal = true) {
  args.insert(args.begin(), "quotecheck");
  std::vector<const char*> argv;
  for (const std::string& arg : args) argv.push_back(arg.c_str());
  std::ostringstream out;
  std::ostringstream err;
  Run run;
  run.exit_code =
      RunCommandLine(static_cast<int>(argv.size()), argv.data(), out, err, stdin_is_terminal);
  run.out = out.str();
  run.err = err.str();
  return run;
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("Usage and rule errors print a message on stderr and exit 2") {
    struct Case {
      std::vector<std::string> args;
      std::string message;
    };
    const Case cases[] = {
        {{}, "subcommand"},
        {{"frobnicate"}, "frobnicate"},
        {{"extract", "--no-such-flag", "x"}, "--no-such-flag"},
        {{"extract", "--format", "xml", "x"}, "xml"},
        {{"extract", "-j", "-1", "x"}, "-1"},
        {{"extract", "-j", "many", "x"}, "many"},
        {{"extract"}, "no input"},
        {{"rules"}, "subcommand"},
        // Rule errors: every diagnostic on stderr, nothing read.
        {{"extract", "--rules", "/no/such/rule/dir", "x"}, "/no/such/rule/dir"},
        {{"rules", "list", "--rules", "/no/such/rule/dir"}, "/no/such/rule/dir"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.message);
      const Run run = RunArgs(c.args);
      CHECK(run.exit_code == kExitError);
      CHECK(run.out.empty());
      CHECK(Contains(run.err, c.message));
    }
  }

  TEST_CASE("--help and --version print to stdout and exit 0") {
    struct Case {
      std::vector<std::string> args;
      std::vector<std::string> wants;
    };
    const Case cases[] = {
        {{"--help"}, {"extract", "rules", "Exit status"}},
        {{"extract", "--help"}, {"--format", "--jobs", "--rules", "--text-field", "--output"}},
        {{"rules", "--help"}, {"list", "test"}},
        {{"--version"}, {std::string("quotecheck ") + QUOTECHECK_VERSION}},
    };
    for (const auto& c : cases) {
      CAPTURE(c.args.front());
      const Run run = RunArgs(c.args);
      CHECK(run.exit_code == kExitOk);
      CHECK(run.err.empty());
      for (const std::string& want : c.wants) CHECK(Contains(run.out, want));
    }
  }

  TEST_CASE("Repeatable options take one value each and leave PATHS alone") {
    const Run run = RunArgs(
        {"extract", "--format", "jsonl", "--text-field", "body", "-j", "2", "/no/such/input.txt"});
    CHECK(run.exit_code == kExitError);  // the input is missing; the flags were accepted
    CHECK(Contains(run.out, R"({"type":"error","doc":"/no/such/input.txt")"));
    CHECK(Contains(run.out, R"("documents":1,"failed":1)"));
  }

  TEST_CASE("check leaves its results to the process's exit when given where, after its output") {
    testing::TempDir dir;
    const std::string a = dir.Write(
        "a.txt", "“The ferry will run every hour from May,” harbour master Ilse Varga said.\n");
    const std::string b = dir.Write(
        "b.txt", "“The ferry will run every hour from June,” harbour master Ilse Varga said.\n");
    const std::string args[] = {"quotecheck",   "check",   "--format", "jsonl",
                                "--fail-level", "warning", a,          b};
    std::vector<const char*> argv;
    for (const std::string& arg : args) argv.push_back(arg.c_str());
    for (const bool keep : {false, true}) {
      CAPTURE(keep);
      std::vector<std::shared_ptr<const void>> kept;
      std::ostringstream out, err;
      const int exit_code =
          RunCommandLine(static_cast<int>(argv.size()), argv.data(), out, err,
                         /*stdin_is_terminal=*/true, false, false, keep ? &kept : nullptr);
      CHECK(exit_code == kExitFindings);  // "May" against "June": a warning
      CHECK(Contains(out.str(), R"("type":"finding")"));
      CHECK(Contains(out.str(), R"("type":"summary")"));
      CHECK(kept.size() == (keep ? 1u : 0u));
    }
  }

  TEST_CASE("rules list runs with the built-in rules") {
    const Run run = RunArgs({"rules", "list"});
    CHECK(run.exit_code == kExitOk);
  }
}

}  // namespace quotecheck
