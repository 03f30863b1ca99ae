#include "xref/cross_reference.h"

#include <algorithm>

#include "core/release_memory.h"
#include "xref/quote_clusters.h"
#include "xref/xref_steps.h"

namespace quotecheck {

void CrossReference(const CrossReferenceOptions& options, CheckResult* result, QuoteFacts* facts) {
  auto lap = [&](const char* pass, size_t count) {
    Lap(options.timer, std::string("xref ") + pass, count);
  };
  const size_t n = result->quotes.size();
  const unsigned jobs = std::max(1u, options.jobs);
  PreparedQuotes prepared;
  PrepareQuotes(KeyerOrDefault(options.keyer), jobs, /*tokenise=*/nullptr, result, &prepared);
  lap("tokenise", n);

  // Equal quotations are one representative (the first) with its members; only
  // representatives are indexed and aligned. Terms are nobody's words: never linked.
  const QuoteGroups groups = GroupEqualQuotes(prepared.keys, *result);
  std::vector<std::vector<uint64_t>> hashes;
  std::vector<uint32_t> weights;
  RepresentativeWords(groups, &prepared.words, &hashes, &weights);
  NgramIndexOptions index = options.index;
  index.jobs = jobs;
  std::vector<CandidatePair> pairs =
      FindCandidatePairs(hashes, index, weights, &result->capped_candidates);
  // The representatives' words go back for deciding.
  for (size_t g = 0; g < hashes.size(); ++g) {
    prepared.words[groups.representative[g]] = std::move(hashes[g]);
  }
  ReleaseMemory(hashes);
  GroupPairsToQuotePairs(groups, options.first_focus_quote, &pairs);
  lap("candidates", pairs.size());

  result->links.clear();
  AddMemberLinks(groups, prepared.speakers, jobs, result);
  {
    PairTokens tokens(*result, pairs);
    DecideInRounds(
        pairs, prepared.word_counts, options.decide_every_pair, options.decide_round,
        [&](const std::vector<CandidatePair>& round, size_t next_pair, std::vector<Link>* links) {
          for (Link& link : DecidePairs(round, prepared, &tokens, jobs)) {
            links->push_back(std::move(link));
          }
          tokens.DropBefore(next_pair);
        },
        &result->links);
  }
  // Every pass after this reads keys: what deciding read goes before clustering's peak.
  ReleaseMemory(pairs);
  ReleaseMemory(prepared.words);
  ReleaseMemory(prepared.word_counts);
  ReleaseMemory(prepared.words_only);
  lap("decide", result->links.size());
  const ClusterQuotes cluster_quotes = ClusterQuotesOf(prepared.keys, *result, &groups.key_number);
  DropExplainedFragments(cluster_quotes, groups, &result->links);
  BuildClusters(cluster_quotes, result, jobs);
  lap("clusters", result->clusters.size());
  if (facts != nullptr) *facts = std::move(static_cast<QuoteFacts&>(prepared));
}

}  // namespace quotecheck
