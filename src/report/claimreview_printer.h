#pragma once
/// `--format claimreview`: the findings a fact-checker may publish, as schema.org
/// ClaimReview JSON-LD (one JSON array; each element has "@context": "https://schema.org"),
/// with every property Google's fact-check markup requires:
///   claimReviewed   the quotation as the reviewed document prints it, with its speaker
///   reviewRating    a Rating from 1 (false) to 5 (true) with its alternateName:
///                     misattribution                 1 "Misattributed"
///                     wording-divergence (error)     2 "Altered quotation"
///                     wording-divergence (warning)   3 "Reworded quotation"
///                     truncated-quote                3 "Truncated quotation"
///                     unverified-quote               3 "Unverified quotation"
///   itemReviewed    a Claim: author (the speaker the document names, else "Unknown"),
///                   datePublished (of its first appearance), appearance (the reviewed
///                   document: url, headline, outlet, date) and firstAppearance (the
///                   earliest document of its cluster)
///   author          the reviewer: an Organization named "quotecheck"
///   url             the reviewed document's url + "#quotecheck-FINGERPRINT", else
///                   "urn:quotecheck:finding:FINGERPRINT" (report/finding_fingerprint.h)
///   description     the finding's message
/// Findings about no quotation's truth (unattributed-quote, unbalanced-quote) are left out.
/// Nothing volatile (time, host) is written.

#include <ostream>
#include <string>

#include "core/check_model.h"

namespace quotecheck {

std::string FormatCheckClaimReview(const CheckResult& result);
void PrintCheckClaimReview(const CheckResult& result, std::ostream* out);

}  // namespace quotecheck
