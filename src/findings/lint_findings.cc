#include "findings/lint_findings.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <tuple>
#include <unordered_map>

#include "attribute/speaker_key.h"
#include "core/display_text.h"
#include "diff/quote_diff.h"
#include "diff/quote_tokens.h"
#include "findings/finding_rules.h"
#include "findings/quote_evidence.h"
#include "xref/link_decision.h"

namespace quotecheck {
namespace {

constexpr size_t kExemptWords = 3;

size_t WordCount(std::string_view text) {
  const std::string key = MatchKey(text);
  if (key.empty()) return 0;
  return static_cast<size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
}

// Lower-case words of `text` (letters, digits, apostrophes; curly apostrophes made straight).
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (std::isalnum(c) != 0 || c == '\'') {
      word.push_back(static_cast<char>(std::tolower(c)));
    } else if (text.substr(i, 3) == "\xE2\x80\x99") {
      word.push_back('\'');
      i += 2;
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::string Shown(std::string_view text) {
  return "\xE2\x80\x9C" + ShortenForDisplay(text, kMessageQuoteWidth, Elide::kEnd) + "\xE2\x80\x9D";
}

std::string Where(const CheckResult& result, size_t quote) {
  const QuoteRecord& q = result.quotes[quote];
  return fmt::format("{}:{}:{}", result.documents[q.doc].path, q.line, q.col);
}

struct RefLink {
  size_t link = 0;
  size_t from = 0;        // the link's side standing for the draft quotation (it, or its
                          // group's representative: the same words)
  size_t ref = 0;         // the reference quotation
  bool verifies = false;  // verbatim, normalized, or the draft is a fragment of it
  bool fragment = false;  // the draft is a fragment of it
  bool primary = false;
  bool partial = false;  // the reference has only part of the draft's words
  bool exact = false;    // no link: the same words looked up (`link` is not set)
  size_t ref_words = 0;
};

// A qualifying word among the reference words that a fragment leaves out next to it or
// inside it; empty when there is none. `diff` goes from the draft to the reference.
std::string CutQualifier(const QuoteDiff& diff) {
  const auto& ops = diff.ops;
  size_t first_equal = ops.size();
  size_t last_equal = 0;
  for (size_t i = 0; i < ops.size(); ++i) {
    if (ops[i].kind == DiffOp::Kind::kEqual) {
      if (first_equal == ops.size()) first_equal = i;
      last_equal = i;
    }
  }
  if (first_equal == ops.size()) return {};
  auto added = [](const DiffOp& op) -> std::string_view {
    return op.kind == DiffOp::Kind::kInsert || op.kind == DiffOp::Kind::kReplace
               ? std::string_view(op.b)
               : std::string_view();
  };
  // Right before the fragment: the last two words cut away.
  std::string before;
  for (size_t i = 0; i < first_equal; ++i) before.append(added(ops[i])).push_back(' ');
  std::vector<std::string> words = Words(before);
  for (size_t k = 0; k < 2 && k < words.size(); ++k) {
    if (IsQualifyingWord(words[words.size() - 1 - k])) return words[words.size() - 1 - k];
  }
  // Inside it.
  for (size_t i = first_equal; i < last_equal; ++i) {
    for (const std::string& w : Words(added(ops[i]))) {
      if (IsQualifyingWord(w)) return w;
    }
  }
  // Right after it: the first word cut away.
  std::string after;
  for (size_t i = last_equal + 1; i < ops.size(); ++i) after.append(added(ops[i])).push_back(' ');
  words = Words(after);
  if (!words.empty() && IsQualifyingWord(words.front())) return words.front();
  return {};
}

}  // namespace

bool IsQualifyingWord(std::string_view word) {
  static constexpr std::array<std::string_view, 16> kWords = {
      "not",    "no",     "never", "nobody",  "nothing", "none",   "neither", "nor",
      "cannot", "unless", "if",    "without", "except",  "hardly", "barely",  "nowhere"};
  std::string w;
  for (size_t i = 0; i < word.size(); ++i) {
    if (word.substr(i, 3) == "\xE2\x80\x99") {
      w.push_back('\'');
      i += 2;
    } else {
      w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(word[i]))));
    }
  }
  if (w.size() > 3 && w.ends_with("n't")) return true;
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

void ComputeLintFindings(const FindingContext& context, CheckResult* result) {
  const auto& quotes = result->quotes;
  const auto& docs = result->documents;
  auto is_draft = [&](size_t q) { return docs[quotes[q].doc].draft; };

  // Reference links of each draft quotation.
  std::vector<std::vector<RefLink>> refs(quotes.size());
  std::vector<size_t> words(quotes.size(), 0);
  for (size_t q = 0; q < quotes.size(); ++q) {
    if (is_draft(q)) words[q] = WordCount(quotes[q].text);
  }
  // A draft quotation with the same words as an earlier quotation is a member of its group:
  // the links of the group's representative are its links too (xref/cross_reference.h).
  // Likewise the reference side: every member of the group a link reaches (a primary
  // source among them is preferred below).
  std::unordered_map<size_t, std::vector<size_t>> drafts_of_rep, members_of_rep;
  for (const Link& link : result->links) {
    if (!link.member) continue;
    (is_draft(link.b) ? drafts_of_rep : members_of_rep)[link.a].push_back(link.b);
  }
  std::vector<size_t> drafts, targets;
  for (size_t l = 0; l < result->links.size(); ++l) {
    const Link& link = result->links[l];
    for (const auto& [side, ref] : {std::pair(link.a, link.b), std::pair(link.b, link.a)}) {
      drafts.clear();
      if (is_draft(side)) drafts.push_back(side);
      if (auto it = drafts_of_rep.find(side); it != drafts_of_rep.end() && !link.member) {
        drafts.insert(drafts.end(), it->second.begin(), it->second.end());
      }
      targets.assign(1, ref);
      if (auto it = members_of_rep.find(ref); it != members_of_rep.end() && !link.member) {
        targets.insert(targets.end(), it->second.begin(), it->second.end());
      }
      for (size_t draft : drafts) {
        for (size_t ref : targets) {
          if (draft == ref || is_draft(ref)) continue;
          RefLink r;
          r.link = l;
          r.from = side;
          r.ref = ref;
          r.primary = docs[quotes[ref].doc].primary;
          if (link.relation == Relation::kFragment) {
            r.ref_words = WordCount(quotes[ref].text);
            r.fragment = words[draft] <= r.ref_words;
            r.verifies = r.fragment;
            // The reference quotes a few words of the draft's quotation: no evidence.
            if (!r.fragment && r.ref_words <= kExemptWords) continue;
            r.partial = !r.fragment;
          } else {
            r.verifies = link.relation != Relation::kVariant;
          }
          refs[draft].push_back(r);
        }
      }
    }
  }

  // Cross-referencing drops phrases found in many quotations ("and everyone knows it"), so
  // a short quotation whose words are that common is linked to nothing: look its words up.
  std::unordered_map<std::string, std::vector<size_t>> by_key;
  auto same_words = [&](size_t q) -> const std::vector<size_t>* {
    if (by_key.empty()) {
      for (size_t r = 0; r < quotes.size(); ++r) {
        if (!is_draft(r)) by_key[MatchKey(quotes[r].text)].push_back(r);
      }
      by_key[""];  // built
    }
    auto it = by_key.find(MatchKey(quotes[q].text));
    return it == by_key.end() || it->first.empty() ? nullptr : &it->second;
  };

  // The evidence of a link, as check weighs it.
  std::vector<std::string> keys(quotes.size());
  for (const Link& link : result->links) {
    for (size_t side : {link.a, link.b}) {
      if (keys[side].empty()) keys[side] = MatchKey(quotes[side].text);
    }
  }
  const auto speakers_by_key = CountSpeakersByKey(*result, keys);
  auto weigh = [&](size_t link) {
    const Link& l = result->links[link];
    return WeighLink(*result, l, LinkDiff(*result, l), keys, speakers_by_key, context.lexicon);
  };

  std::vector<Finding> findings;
  for (size_t q = 0; q < quotes.size(); ++q) {
    if (!is_draft(q)) continue;
    const QuoteRecord& quote = quotes[q];
    std::vector<RefLink> linked = refs[q];
    if (linked.empty() && quote.kind != QuoteKind::kTerm) {
      if (const std::vector<size_t>* same = same_words(q)) {
        for (size_t r : *same) {
          RefLink link;
          link.ref = r;
          link.verifies = true;
          link.exact = true;
          link.primary = docs[quotes[r].doc].primary;
          linked.push_back(link);
        }
      }
    }
    if (std::any_of(linked.begin(), linked.end(), [](const RefLink& r) { return r.primary; })) {
      std::erase_if(linked, [](const RefLink& r) { return !r.primary; });
    }
    if (quote.kind == QuoteKind::kDirect && !quote.speaker && !quote.speaker_mention) {
      findings.push_back(UnattributedQuoteFinding(q));
    }
    if (linked.empty()) {
      const bool exempt = quote.kind == QuoteKind::kTerm ||
                          (quote.kind == QuoteKind::kPartial && words[q] <= kExemptWords);
      if (!exempt) {
        Finding f;
        f.rule = "unverified-quote";
        f.severity = Severity::kWarning;
        f.quotes = {q};
        f.message = fmt::format("no reference has these words: {}", Shown(quote.text));
        findings.push_back(std::move(f));
      }
      continue;
    }
    // Speakers: explicit attributions of different people, over words that are evidence.
    const SpeakerEvidence speaker = context.keyer.Evidence(quote);
    if (speaker.explicit_name) {
      bool agree = false;
      std::vector<size_t> others;
      double attribution = 0.0;
      std::optional<PairEvidence> shown;
      for (const RefLink& r : linked) {
        const SpeakerEvidence other = context.keyer.Evidence(quotes[r.ref]);
        if (!other.explicit_name) continue;
        if (!SpeakersDisagree(speaker, other)) {
          agree = true;
          continue;
        }
        if (r.exact) continue;  // a few words looked up: others may say them too
        const PairEvidence evidence = weigh(r.link);
        if (!SupportsMisattribution(evidence)) continue;
        if (std::find(others.begin(), others.end(), r.ref) == others.end()) {
          if (others.empty()) {
            shown = evidence;
            attribution = std::min(quote.confidence, quotes[r.ref].confidence);
          }
          others.push_back(r.ref);
        }
      }
      if (!agree && !others.empty()) {
        Finding f;
        f.rule = "misattribution";
        f.quotes = {q};
        f.quotes.insert(f.quotes.end(), others.begin(), others.end());
        f.confidence = FindingConfidence(*shown, attribution);
        f.severity = SeverityForConfidence(Severity::kError, f.confidence);
        f.evidence.shared_words = shown->shared_words;
        f.evidence.speaker_keys = {speaker.key(),
                                   context.keyer.Evidence(quotes[others.front()]).key()};
        f.message = fmt::format("attributed to {} here, but to {} at {}", *quote.speaker,
                                *quotes[others.front()].speaker, Where(*result, others.front()));
        if (f.confidence >= context.min_confidence) findings.push_back(std::move(f));
      }
    }
    // Wording.
    const RefLink* verified = nullptr;
    for (const RefLink& r : linked) {
      if (!r.verifies) continue;
      if (verified == nullptr || (verified->fragment && !r.fragment)) verified = &r;
    }
    if (verified != nullptr) {
      if (!verified->fragment) continue;
      for (const RefLink& r : linked) {
        if (!r.fragment) continue;
        QuoteDiff diff = DiffFor(*result, result->links[r.link], q, r.ref);
        const std::string word = CutQualifier(diff);
        if (word.empty()) continue;
        Finding f;
        f.rule = "truncated-quote";
        f.severity = Severity::kError;
        f.quotes = {q, r.ref};
        f.link = r.link;
        f.diff = std::move(diff);  // as check's: a the draft's quotation, b the reference
        f.message = fmt::format("the quoted fragment leaves out \u201C{}\u201D of {} at {}", word,
                                Shown(quotes[r.ref].text), Where(*result, r.ref));
        findings.push_back(std::move(f));
        break;
      }
      continue;
    }
    // Whole variants before partial matches; then the closest.
    const RefLink* best = &linked.front();
    auto rank = [&](const RefLink& r) {
      return std::tuple(!r.partial, result->links[r.link].similarity, r.ref_words);
    };
    for (const RefLink& r : linked) {
      if (rank(r) > rank(*best)) best = &r;
    }
    if (best->partial) {
      Finding f;
      f.rule = "unverified-quote";
      f.severity = Severity::kWarning;
      f.quotes = {q, best->ref};
      f.link = best->link;
      f.message =
          fmt::format("only part of these words is in the references ({} of {} at {}): {}",
                      best->ref_words, words[q], Where(*result, best->ref), Shown(quote.text));
      findings.push_back(std::move(f));
      continue;
    }
    const PairEvidence evidence = weigh(best->link);
    if (!evidence.changes_wording) continue;  // typography only: the words are verified
    QuoteDiff diff = DiffFor(*result, result->links[best->link], q, best->ref);
    Finding f;
    f.rule = "wording-divergence";
    f.confidence = FindingConfidence(evidence);
    f.severity = SeverityForConfidence(DivergenceSeverity(diff), f.confidence);
    f.evidence.shared_words = evidence.shared_words;
    f.evidence.relation = result->links[best->link].relation;
    f.quotes = {q, best->ref};
    f.link = best->link;
    std::vector<std::string_view> changes = MeaningFlagNames(diff.flags);
    f.message = fmt::format(
        "quoted with other words than {}{}", Where(*result, best->ref),
        changes.empty() ? std::string() : fmt::format(" (changes: {})", fmt::join(changes, ", ")));
    f.diff = std::move(diff);  // as check's: a the draft's quotation, b the reference
    findings.push_back(std::move(f));
  }

  // Unbalanced quote marks of the drafts, carried over from extraction.
  for (Finding& f : UnbalancedQuoteFindings(*result)) {
    if (f.doc && docs[*f.doc].draft) findings.push_back(std::move(f));
  }
  // Draft order: document, then position.
  auto position = [&](const Finding& f) {
    if (!f.quotes.empty()) {
      const QuoteRecord& q = quotes[f.quotes.front()];
      return std::tuple(q.doc, q.line, q.col);
    }
    return std::tuple(f.doc.value_or(0), f.location ? f.location->line : 0u,
                      f.location ? f.location->col : 0u);
  };
  std::stable_sort(findings.begin(), findings.end(),
                   [&](const Finding& a, const Finding& b) { return position(a) < position(b); });
  result->findings = std::move(findings);
}

}  // namespace quotecheck
