#include "attribute/rule_regex.h"

#include <re2/re2.h>

namespace quotecheck {
namespace {

RuleGroups GroupsOf(const RE2& regex) {
  RuleGroups groups;
  if (!regex.ok()) return groups;
  const auto& named = regex.NamedCapturingGroups();
  auto group = [&](const char* name) {
    auto it = named.find(name);
    return it == named.end() ? -1 : it->second;
  };
  groups.speaker = group("speaker");
  groups.cue = group("cue");
  groups.words = group("words");
  groups.count = regex.NumberOfCapturingGroups();
  return groups;
}

}  // namespace

RuleRegex::RuleRegex(std::shared_ptr<const RE2> compiled) : regex_(std::move(compiled)) {
  std::call_once(compiled_, [this] {
    groups_ = GroupsOf(*regex_);
    ready_.store(regex_.get(), std::memory_order_release);
  });
}

RuleRegex::RuleRegex(std::string pattern, bool latin1, int64_t max_mem)
    : pattern_(std::move(pattern)), latin1_(latin1), max_mem_(max_mem) {}

RuleRegex::~RuleRegex() = default;

void RuleRegex::Compile() const {
  std::call_once(compiled_, [this] {
    RE2::Options options(RE2::Quiet);
    options.set_max_mem(max_mem_);
    if (latin1_) options.set_encoding(RE2::Options::EncodingLatin1);
    regex_ = std::make_shared<const RE2>(pattern_, options);
    groups_ = GroupsOf(*regex_);
    ready_.store(regex_.get(), std::memory_order_release);
  });
}

const RE2* RuleRegex::regex() const {
  const RE2* regex = ready_.load(std::memory_order_acquire);
  if (regex == nullptr) {
    Compile();
    regex = regex_.get();
  }
  return regex->ok() ? regex : nullptr;
}

const RuleGroups& RuleRegex::groups() const {
  if (ready_.load(std::memory_order_acquire) == nullptr) Compile();
  return groups_;
}

}  // namespace quotecheck
