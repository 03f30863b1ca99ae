#include "findings/finding_rules.h"

namespace quotecheck {

const std::vector<RuleInfo>& KnownRules() {
  static const std::vector<RuleInfo> kRules = {
      {"wording-divergence", "WordingDivergence",
       "A quotation's words differ from the same quotation in another source.",
       "The quotation is printed with other words than the cluster's reference form (its "
       "canonical wording as another document prints it). The finding is an error when the "
       "change can alter the meaning: a negation, a number, a named entity or a modal verb.",
       "Compare the words with the reference quotation (the related location) and with the "
       "original recording or transcript. Quote the speaker's exact words, or mark changes: "
       "`…` for words left out, `[brackets]` for words added.",
       Severity::kWarning, kRuleCheck | kRuleLint},
      {"misattribution", "Misattribution", "The same words are attributed to different speakers.",
       "Another source, naming its speaker explicitly, gives the same distinctive words to "
       "someone else (the primary source's speaker, else the one most sources name). Words "
       "quoted inside another person's quotation, common phrases and attributions by pronoun "
       "or inheritance are not counted.",
       "Check who said these words against the primary source and the other reports (the "
       "related location), and correct the attribution.",
       Severity::kError, kRuleCheck | kRuleLint},
      {"inconsistent-quote", "InconsistentQuote", "One document quotes the same words two ways.",
       "One utterance appears twice in one document with different words (not a typographic "
       "difference such as an editorial [insertion]).",
       "Make both quotations match the speaker's words; keep one version, the one the "
       "recording or transcript supports.",
       Severity::kWarning, kRuleCheck},
      {"primary-divergence", "PrimaryDivergence", "A quotation differs from the primary source.",
       "The quotation is printed with other words than the primary source (a transcript or "
       "statement) gives. The finding is an error when the change can alter the meaning: a "
       "negation, a number, a named entity or a modal verb.",
       "Quote the primary source (the related location) word for word, or mark changes: `…` "
       "for words left out, `[brackets]` for words added.",
       Severity::kWarning, kRuleCheck},
      {"unbalanced-quote", "UnbalancedQuote", "A quotation mark is never closed.",
       "An opening quotation mark has no closing mark, so where the quotation ends is "
       "unknown.",
       "Close the quotation where the speaker's words end. A quotation running over several "
       "paragraphs reopens each paragraph without closing the one before; that is not "
       "reported.",
       Severity::kWarning},
      {"unattributed-quote", "UnattributedQuote", "A direct quotation has no speaker.",
       "No speaker could be found for a direct quotation: no attribution near it and none to "
       "inherit from the quotation before it.",
       "Say who is speaking, in the sentence of the quotation or the one before it.",
       Severity::kInfo},
      {"unverified-quote", "UnverifiedQuote", "A quotation is not found in the reference sources.",
       "The draft quotes words that none of the reference sources (transcripts, statements, "
       "published articles) contains.",
       "Find the source of the quotation and add it to the references, or check the words "
       "against the recording.",
       Severity::kWarning, kRuleLint},
      {"truncated-quote", "TruncatedQuote",
       "A quotation leaves out words of its source without marking it.",
       "The quotation matches its source but drops words at its start, its end or inside "
       "it, with no ellipsis where they were.",
       "Mark left-out words with `…`, or quote the whole sentence when leaving words out "
       "changes what it says.",
       Severity::kError, kRuleLint},
  };
  return kRules;
}

RuleInfo DescribeRule(std::string_view id) {
  for (const RuleInfo& rule : KnownRules()) {
    if (rule.id == id) return rule;
  }
  RuleInfo rule;
  rule.id = id;
  rule.name = id;
  rule.short_description = "A quotecheck finding.";
  rule.full_description = "A finding of a rule this version of the report does not describe.";
  rule.help_markdown = "See the finding's message.";
  return rule;
}

std::vector<std::string_view> RuleIdsFor(RuleCommand command) {
  std::vector<std::string_view> ids;
  for (const RuleInfo& rule : KnownRules()) {
    if ((rule.commands & command) != 0) ids.push_back(rule.id);
  }
  return ids;
}

Severity SeverityForConfidence(Severity severity, double confidence) {
  if (confidence >= kLowConfidence) return severity;
  switch (severity) {
    case Severity::kError:
      return Severity::kWarning;
    case Severity::kWarning:
      return Severity::kInfo;
    default:
      return severity;
  }
}

}  // namespace quotecheck
