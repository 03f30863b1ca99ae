#pragma once
/// A rule's RE2 program and the numbers of its groups, compiled when made or on first use.
///
/// Why on first use: compiling the built-in token rules was half of `extract`'s start-up
/// (about 74 M of 146 M instructions), paid by every run however short its input; a run whose
/// windows never reach a rule never compiles it. Only a rule set whose every pattern is known
/// to compile (the built-in rules, with nothing added to them: `quotecheck rules test` and the
/// unit tests compile each of them) is compiled on first use; rules with anything of a
/// user's in them are compiled when they load, so that an error is reported at its
/// file:line:col (rule_set.h).

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

namespace re2 {
class RE2;
}

namespace quotecheck {

/// The groups a rule reads (-1: the pattern has none) and how many it has.
struct RuleGroups {
  int speaker = -1;
  int cue = -1;
  int words = -1;
  int count = 0;
};

/// Where a rule's groups lie in one of its matches, as offsets from the match's start (-1: the
/// group did not take part).
struct GroupOffsets {
  int32_t speaker_start = -1, speaker_end = -1, cue_start = -1, cue_end = -1;
  int32_t words_start = -1, words_end = -1;
};

class RuleRegex {
 public:
  /// An already compiled program.
  explicit RuleRegex(std::shared_ptr<const re2::RE2> compiled);
  /// A program compiled from `pattern` on first use (RE2::Quiet, Latin-1 when `latin1`,
  /// RE2's `max_mem`).
  RuleRegex(std::string pattern, bool latin1, int64_t max_mem);
  ~RuleRegex();

  /// The program, compiled by the first call from any thread; null when the pattern does
  /// not compile.
  const re2::RE2* regex() const;
  /// Its groups (compiling it first, as regex() does).
  const RuleGroups& groups() const;

 private:
  void Compile() const;

  std::string pattern_;
  bool latin1_ = false;
  int64_t max_mem_ = 0;
  mutable std::once_flag compiled_;
  mutable std::shared_ptr<const re2::RE2> regex_;
  mutable RuleGroups groups_;
  // regex_ once compiled, groups_ set: read first, since call_once costs a few dozen
  // instructions a call and the attributor asks for the program at every rule it runs.
  mutable std::atomic<const re2::RE2*> ready_{nullptr};
};

}  // namespace quotecheck
