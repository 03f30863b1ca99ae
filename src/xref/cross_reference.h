#pragma once
/// The cross-referencing passes of `check`, in order:
///   tokenise every quotation → find candidate pairs in the n-gram index → decide each
///   pair (xref/link_decision.h) → relation and word diff of each link → drop fragment
///   links that a same-worded quotation of the same document explains better → clusters.
/// Findings are the next pass (findings/check_findings.h, findings/lint_findings.h).
/// Candidate pairs are decided on `jobs` threads; the output does not depend on it.

#include "attribute/speaker_key.h"
#include "core/check_model.h"
#include "core/pass_timer.h"
#include "xref/ngram_index.h"

namespace quotecheck {

struct CrossReferenceOptions {
  unsigned jobs = 1;
  NgramIndexOptions index;
  /// Only candidate pairs with a quotation at or after this index are decided (lint appends
  /// the drafts after the references and needs no reference–reference link); 0: every pair.
  size_t first_focus_quote = 0;
  /// Speaker identities (null: a keyer without lexicons): a link between two explicit attributions
  /// of different speakers has speakers_agree false and is decided on the stricter bar. Quotations
  /// read without a speaker_key get one.
  const SpeakerKeyer* keyer = nullptr;
  /// Decide every candidate pair (--links all, lint, diff: every linked pair is wanted).
  /// false: a pair whose quotations earlier links already joined is left undecided when its
  /// lengths allow a whole link (versions of one statement), since it could only join what is
  /// joined: a quotation printed with many variants is decided against a few of them, not all
  /// (findings decide the pairs they weigh: findings/check_findings.h). A fragment-shaped
  /// pair is always decided, since the longer quotation a fragment fits best is its parent.
  bool decide_every_pair = true;
  /// Candidate pairs decided in parallel between two updates of what is joined: only links
  /// of earlier rounds let a pair be skipped. Small enough that the pairs of a quotation's
  /// many copies spread over many rounds, large enough that a round's threads start rarely.
  size_t decide_round = 16384;
  /// Receives a lap per pass (tokenise, candidates, decide, clusters) when given.
  PassTimer* timer = nullptr;
};

/// The link between two quotations with the same match key (a group's member and its
/// representative, or two members): verbatim when only typography differs, normalized
/// otherwise, never aligned; Link::member set, cluster taken from quotation a.
Link SameWordsLink(const CheckResult& result, size_t a, size_t b, bool speakers_agree);

/// What cross-referencing knows of each quotation that findings read again: its match key
/// and its speaker evidence, by quotation index.
struct QuoteFacts {
  std::vector<std::string> keys;
  std::vector<SpeakerEvidence> speakers;
};

/// Fills result->links and clusters (and each quote's cluster) from
/// result->quotes and result->documents; `facts`, when given, receives the quotations' keys
/// and speaker evidence (AddCheckFindings takes them instead of computing them again).
void CrossReference(const CrossReferenceOptions& options, CheckResult* result,
                    QuoteFacts* facts = nullptr);

}  // namespace quotecheck
