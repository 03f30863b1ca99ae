#include "attribute/speaker_split.h"

#include <re2/re2.h>

#include <vector>

#include "attribute/re2_text.h"

namespace quotecheck {
namespace {

constexpr std::string_view kSpeakerGroup = "(?P<speaker>";

// Where the top-level speaker group of `re` opens and closes (its "(" and ")"); false unless
// `re` is one concatenation with no flags and such a group.
bool FindSpeakerGroup(std::string_view re, size_t* open, size_t* close) {
  *open = *close = std::string_view::npos;
  int depth = 0;
  const bool read = ForEachOutsideClasses(re, [&](size_t i, char c) {
    if (c == '(') {
      if (re.substr(i, 2) == "(?" && re.substr(i, 3) != "(?:" && re.substr(i, 3) != "(?P") {
        return false;  // flags
      }
      if (depth == 0 && *open == std::string_view::npos &&
          re.substr(i).starts_with(kSpeakerGroup)) {
        *open = i;
      }
      ++depth;
    } else if (c == ')') {
      if (--depth < 0) return false;
      if (depth == 0 && *open != std::string_view::npos && *close == std::string_view::npos) {
        *close = i;
      }
    } else if (c == '|' && depth == 0) {
      return false;
    }
    return true;
  });
  return read && depth == 0 && *close != std::string_view::npos;
}

// Whether `re` has a group other than (?:…).
bool HasGroup(std::string_view re) {
  return !ForEachOutsideClasses(
      re, [&](size_t i, char c) { return c != '(' || re.substr(i, 3) == "(?:"; });
}

}  // namespace

std::shared_ptr<const SpeakerSplit> SpeakerSplit::Make(std::string_view re, bool latin1,
                                                       int64_t max_mem, Programs* programs) {
  size_t open, close;
  if (!FindSpeakerGroup(re, &open, &close)) return nullptr;
  const std::string_view before = re.substr(0, open);
  const std::string_view speaker =
      re.substr(open + kSpeakerGroup.size(), close - open - kSpeakerGroup.size());
  const std::string_view after = re.substr(close + 1);
  if (HasGroup(speaker)) return nullptr;
  if (!after.empty() &&
      (after[0] == '?' || after[0] == '*' || after[0] == '+' || after[0] == '{')) {
    return nullptr;  // a quantified speaker group
  }
  auto program = [&](std::string_view text) {
    std::shared_ptr<const RuleRegex>& p = (*programs)[std::string(text)];
    if (p == nullptr) p = std::make_shared<const RuleRegex>(std::string(text), latin1, max_mem);
    return p;
  };
  return std::make_shared<const SpeakerSplit>(before.empty() ? nullptr : program(before),
                                              program(speaker), program(after));
}

SpeakerSplit::SpeakerSplit(std::shared_ptr<const RuleRegex> before,
                           std::shared_ptr<const RuleRegex> speaker,
                           std::shared_ptr<const RuleRegex> after)
    : before_(std::move(before)), speaker_(std::move(speaker)), after_(std::move(after)) {}

bool SpeakerSplit::FirstParse(std::string_view symbols, size_t start, size_t* end,
                              GroupOffsets* out) const {
  thread_local std::vector<re2::StringPiece> groups;
  const re2::StringPiece text(symbols.data(), symbols.size());
  GroupOffsets found;
  // The cue and words groups of a part's match, from `groups` and the part's group numbers.
  auto take = [&](const RuleGroups& numbers) {
    auto offsets = [&](int g, int32_t* from, int32_t* to) {
      if (g < 0 || groups[g].data() == nullptr) return;
      *from = static_cast<int32_t>(groups[g].data() - text.data() - start);
      *to = *from + static_cast<int32_t>(groups[g].size());
    };
    offsets(numbers.cue, &found.cue_start, &found.cue_end);
    offsets(numbers.words, &found.words_start, &found.words_end);
  };
  // Part `part` anchored at `from`: its first parse's end in `*to`, its groups taken.
  auto match = [&](const RuleRegex& part, size_t from, size_t* to) {
    const RE2* regex = part.regex();
    if (regex == nullptr) return false;
    const RuleGroups& numbers = part.groups();
    groups.assign(numbers.count + 1, re2::StringPiece());
    if (!regex->Match(text, from, text.size(), RE2::ANCHOR_START, groups.data(),
                      numbers.count + 1)) {
      return false;
    }
    *to = from + groups[0].size();
    take(numbers);
    return true;
  };
  size_t speaker_start = start, speaker_end, after_end;
  if (before_ != nullptr && !match(*before_, start, &speaker_start)) return false;
  if (!match(*speaker_, speaker_start, &speaker_end)) return false;
  if (!match(*after_, speaker_end, &after_end)) return false;
  *end = after_end;
  found.speaker_start = static_cast<int32_t>(speaker_start - start);
  found.speaker_end = static_cast<int32_t>(speaker_end - start);
  *out = found;
  return true;
}

}  // namespace quotecheck
