#pragma once
/// The findings of `lint`: each quotation of a draft (DocumentInfo::draft) checked against the
/// reference quotations it is linked to (after xref/cross_reference.h). Rule ids, stable:
///   unverified-quote    no reference quotation is linked to it (a term, or a partial of at
///                       most 3 words, is exempt: too short to look up)        warning
///   wording-divergence  the references have these words only with other words
///                                        error when the change can alter the meaning, else warning
///   misattribution      the references, naming the speaker explicitly, give these words
///                       to someone else                                           error
///   truncated-quote     the draft quotes a fragment of a reference quotation and the
///                       reference has a negation or conditional word ("not", "if", …) right
///                       before the fragment, right after it, or in words the fragment
///                       leaves out inside it                                     error
///   unbalanced-quote    a quote mark never closed in the draft                    warning
///   unattributed-quote  a direct quotation of the draft with no speaker           info
/// A draft quotation is verified by a link whose relation is verbatim or normalized, or
/// fragment with the draft the shorter side; a fragment link with the draft the longer side
/// (the reference has only part of its words) and a variant link are divergences. Links to a
/// primary reference are preferred when there are any.

#include <string_view>
#include <vector>

#include "core/check_model.h"
#include "findings/check_findings.h"

namespace quotecheck {

/// Whether `word` (any case, straight or curly apostrophe) negates or conditions what
/// follows: not, never, no, nobody, if, unless, without, …, or ends in n't.
bool IsQualifyingWord(std::string_view word);

/// Replaces result->findings with the lint findings of the draft quotations, in draft
/// order (document, then position). Links, clusters and the other fields are kept.
/// Misattribution and wording-divergence are weighed as in check (findings/quote_evidence.h):
/// explicit attributions of different speakers over distinctive, uncommon, un-nested words;
/// a change that is only typography verifies the quotation.
void ComputeLintFindings(const FindingContext& context, CheckResult* result);

}  // namespace quotecheck
