#pragma once
/// The cross-referencing passes of `check`, in order:
///   tokenise every quotation → find candidate pairs in the n-gram index → decide each
///   pair (xref/link_decision.h) → relation and word diff of each link → drop fragment
///   links that a same-worded quotation of the same document explains better → clusters
///   → findings.
/// Candidate pairs are decided on `jobs` threads; the output does not depend on it.

#include "core/check_model.h"
#include "xref/ngram_index.h"

namespace quotecheck {

struct CrossReferenceOptions {
  unsigned jobs = 1;
  NgramIndexOptions index;
  /// Only candidate pairs with a quotation at or after this index are decided (lint appends
  /// the drafts after the references and needs no reference–reference link); 0: every pair.
  size_t first_focus_quote = 0;
};

/// Fills result->links, clusters (and each quote's cluster) and findings from
/// result->quotes and result->documents.
void CrossReference(const CrossReferenceOptions& options, CheckResult* result);

}  // namespace quotecheck
