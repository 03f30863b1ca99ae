#include "xref/cross_reference.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "attribute/speaker_key.h"
#include "diff/quote_diff.h"
#include "diff/quote_tokens.h"
#include "diff/relation.h"
#include "diff/word_alignment.h"
#include "xref/disjoint_sets.h"
#include "xref/link_decision.h"
#include "xref/quote_clusters.h"

namespace quotecheck {
namespace {

// Below these sizes a pass runs on one thread: starting threads would cost more than the
// work (tokenising a few thousand quotations or deciding a thousand pairs takes about a
// millisecond).
constexpr size_t kMinQuotesPerThreadedPass = 4096;
constexpr size_t kMinPairsPerThreadedPass = 1024;

// Runs fn(begin, end, slice) on `jobs` contiguous slices of [0, n), one thread each.
template <typename Fn>
void RunInParallel(size_t n, unsigned jobs, Fn fn) {
  if (jobs <= 1 || n == 0) {
    fn(size_t{0}, n, 0u);
    return;
  }
  std::vector<std::thread> threads;
  for (unsigned j = 0; j < jobs; ++j) {
    threads.emplace_back(fn, n * j / jobs, n * (j + 1) / jobs, j);
  }
  for (auto& t : threads) t.join();
}

// Decides the candidate pairs [begin, end) into links.
void DecidePairs(const std::vector<CandidatePair>& pairs, size_t begin, size_t end,
                 const std::vector<TokenizedQuote>& tokens,
                 const std::vector<SpeakerEvidence>& speakers, std::vector<Link>* links) {
  WordAligner aligner;
  for (size_t i = begin; i < end; ++i) {
    const CandidatePair& p = pairs[i];
    std::optional<Link> link =
        DecidePair(p.a, p.b, tokens[p.a], tokens[p.b], speakers[p.a], speakers[p.b], aligner);
    if (link) links->push_back(std::move(*link));
  }
}

// Decides the candidate pairs into links (CrossReferenceOptions::decide_every_pair) appended to
// `links`, in the pairs' order.
void DecideCandidates(const std::vector<CandidatePair>& pairs,
                      const std::vector<TokenizedQuote>& tokens,
                      const std::vector<SpeakerEvidence>& speakers, unsigned jobs, bool every_pair,
                      size_t round_size, std::vector<Link>* links) {
  // Joined by links that always join clusters: any relation but fragment (a fragment joins
  // only its parent, chosen from all its fragment links: xref/quote_clusters.h).
  DisjointSets joined(every_pair ? 0 : tokens.size());
  std::vector<CandidatePair> round;
  round_size = std::max<size_t>(1, round_size);
  for (size_t begin = 0; begin < pairs.size(); begin += round_size) {
    const size_t end = std::min(pairs.size(), begin + round_size);
    round.clear();
    for (size_t i = begin; i < end; ++i) {
      const CandidatePair& p = pairs[i];
      if (!every_pair && WholeLinkPossible(tokens[p.a].word_count, tokens[p.b].word_count) &&
          joined.Joined(p.a, p.b)) {
        continue;
      }
      round.push_back(p);
    }
    std::vector<std::vector<Link>> parts(round.size() < kMinPairsPerThreadedPass ? 1 : jobs);
    RunInParallel(round.size(), static_cast<unsigned>(parts.size()),
                  [&](size_t from, size_t to, unsigned slice) {
                    DecidePairs(round, from, to, tokens, speakers, &parts[slice]);
                  });
    for (auto& part : parts) {
      for (Link& link : part) {
        if (!every_pair && link.relation != Relation::kFragment) joined.Join(link.a, link.b);
        links->push_back(std::move(link));
      }
    }
  }
}

// Quotations with the same match key, in input order; the first of each is its
// representative.
struct QuoteGroups {
  static constexpr uint32_t kNone = UINT32_MAX;
  std::vector<uint32_t> group_of;            // per quotation; kNone: a term or no words
  std::vector<size_t> representative;        // per group, its first member
  std::vector<std::vector<size_t>> members;  // per group, in input order
};

// A fragment link (shorter x, longer y) is dropped when y's document also quotes x's words
// on their own: the shorter words were said separately ("I think he wants to make a deal,"
// before "I think he wants to make a deal for me, …").
void DropExplainedFragments(const std::vector<std::string>& keys, const QuoteGroups& groups,
                            CheckResult* result) {
  std::map<std::pair<uint32_t, std::string_view>, uint32_t> in_doc;
  for (size_t i = 0; i < result->quotes.size(); ++i) in_doc[{result->quotes[i].doc, keys[i]}]++;
  auto quoted_elsewhere_in = [&](uint32_t doc, size_t quote, size_t other) {
    auto it = in_doc.find({doc, keys[quote]});
    uint32_t same = result->quotes[other].doc == doc && keys[other] == keys[quote] ? 1 : 0;
    return it != in_doc.end() && it->second > same;
  };
  // A fragment whose sentence end the longer one runs past yields to a quotation of the same
  // document where its words do end.
  std::map<std::pair<size_t, uint32_t>, bool> ends_somewhere;  // (shorter, doc of longer)
  auto shorter_of = [&](const Link& link) {
    return keys[link.a].size() <= keys[link.b].size() ? link.a : link.b;
  };
  std::set<std::pair<size_t, uint32_t>> marked;  // (shorter, group of the longer), once each
  for (const Link& link : result->links) {
    if (link.end_continues || link.member) continue;  // members: the same words, no fragment
    const size_t s = shorter_of(link), l = s == link.a ? link.b : link.a;
    // The longer one stands for its group: its words end the fragment in each member's
    // document.
    const uint32_t g = groups.group_of[l];
    if (g == QuoteGroups::kNone) {
      ends_somewhere[{s, result->quotes[l].doc}] = true;
      continue;
    }
    if (!marked.insert({s, g}).second) continue;
    for (size_t m : groups.members[g]) ends_somewhere[{s, result->quotes[m].doc}] = true;
  }
  std::erase_if(result->links, [&](const Link& link) {
    if (!link.end_continues) return false;
    size_t s = shorter_of(link), l = s == link.a ? link.b : link.a;
    return ends_somewhere[{s, result->quotes[l].doc}];
  });
  std::erase_if(result->links, [&](const Link& link) {
    if (link.relation != Relation::kFragment) return false;
    const bool a_shorter = keys[link.a].size() <= keys[link.b].size();
    const size_t shorter = a_shorter ? link.a : link.b, longer = a_shorter ? link.b : link.a;
    const QuoteRecord& s = result->quotes[shorter];
    const QuoteRecord& l = result->quotes[longer];
    // In one document, two direct quotations are two utterances, even when one begins with
    // the other's words; a fragment woven into a sentence is the same utterance.
    if (s.doc == l.doc) return s.kind == QuoteKind::kDirect && l.kind == QuoteKind::kDirect;
    return quoted_elsewhere_in(l.doc, shorter, longer);
  });
}

QuoteGroups GroupEqualQuotes(const std::vector<std::string>& keys, const CheckResult& result) {
  QuoteGroups groups;
  groups.group_of.assign(keys.size(), QuoteGroups::kNone);
  std::unordered_map<std::string_view, uint32_t> by_key;
  by_key.reserve(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i].empty() || result.quotes[i].kind == QuoteKind::kTerm) continue;
    auto [it, inserted] = by_key.emplace(keys[i], static_cast<uint32_t>(groups.members.size()));
    if (inserted) {
      groups.representative.push_back(i);
      groups.members.emplace_back();
    }
    groups.group_of[i] = it->second;
    groups.members[it->second].push_back(i);
  }
  return groups;
}

// Each member of a group linked to its representative: the same words, so verbatim when the
// texts are equal and normalized otherwise, without any alignment of words.
void AddMemberLinks(const QuoteGroups& groups, const std::vector<SpeakerEvidence>& speakers,
                    CheckResult* result) {
  for (const std::vector<size_t>& members : groups.members) {
    const size_t rep = members.front();
    for (size_t k = 1; k < members.size(); ++k) {
      const size_t m = members[k];
      result->links.push_back(
          SameWordsLink(*result, rep, m, !SpeakersDisagree(speakers[rep], speakers[m])));
    }
  }
}

}  // namespace

Link SameWordsLink(const CheckResult& result, size_t a, size_t b, bool speakers_agree) {
  const std::string& a_text = result.quotes[a].text;
  const std::string& b_text = result.quotes[b].text;
  Link link;
  link.a = a;
  link.b = b;
  link.similarity = 1.0;
  link.member = true;
  link.speakers_agree = speakers_agree;
  link.cluster = result.quotes[a].cluster;
  if (a_text == b_text) {
    link.relation = Relation::kVerbatim;
  } else {
    link.diff = DiffQuotes(a_text, b_text, /*with_ops=*/false);
    link.relation = SameWordsRelation(link.diff);
  }
  return link;
}

void CrossReference(const CrossReferenceOptions& options, CheckResult* result, QuoteFacts* facts) {
  auto lap = [&](const char* pass, size_t count) {
    Lap(options.timer, std::string("xref ") + pass, count);
  };
  const size_t n = result->quotes.size();
  std::vector<TokenizedQuote> tokens(n);
  std::vector<std::string> keys(n);
  std::vector<SpeakerEvidence> speakers(n);
  static const SpeakerKeyer kNoLexicons([](const std::string&) -> const std::vector<std::string>& {
    static const std::vector<std::string> kNone;
    return kNone;
  });
  const SpeakerKeyer& keyer = options.keyer != nullptr ? *options.keyer : kNoLexicons;
  const unsigned jobs = std::max(1u, options.jobs);
  auto tokenise = [&](size_t begin, size_t end, unsigned) {
    // Only representatives keep their tokens (below), and a quotation whose words an earlier
    // one of the same slice has is none: its tokens are dropped at once, so that a store of
    // many copies needs memory for its distinct wordings only.
    std::unordered_set<std::string_view> seen;
    for (size_t i = begin; i < end; ++i) {
      QuoteRecord& q = result->quotes[i];
      speakers[i] = keyer.Evidence(q);
      if (q.speaker && !q.speaker_key && !speakers[i].key.empty()) {
        q.speaker_key = speakers[i].key;  // a quote store written without keys
      }
      TokenizedQuote t = TokenizeQuote(q.text);
      keys[i] = MatchKey(t);
      if (q.kind != QuoteKind::kTerm && !keys[i].empty() && seen.insert(keys[i]).second) {
        tokens[i] = std::move(t);
      }
    }
  };
  RunInParallel(n, n < kMinQuotesPerThreadedPass ? 1 : jobs, tokenise);
  lap("tokenise", n);

  // Equal quotations are one representative (the first) with its members; only
  // representatives are indexed and aligned. Terms are nobody's words: never linked.
  const QuoteGroups groups = GroupEqualQuotes(keys, *result);
  std::vector<std::vector<uint64_t>> hashes(groups.representative.size());
  std::vector<uint32_t> weights(groups.representative.size());
  for (size_t g = 0; g < groups.representative.size(); ++g) {
    const TokenizedQuote& t = tokens[groups.representative[g]];
    for (uint32_t e : t.elements) {
      if (t.tokens[e].word()) hashes[g].push_back(t.tokens[e].hash);
    }
    weights[g] = static_cast<uint32_t>(groups.members[g].size());
  }
  for (size_t i = 0; i < n; ++i) {  // members other than representatives keep only their key
    const uint32_t g = groups.group_of[i];
    if (g == QuoteGroups::kNone || groups.representative[g] != i) tokens[i] = TokenizedQuote{};
  }
  NgramIndexOptions index = options.index;
  index.jobs = jobs;
  std::vector<CandidatePair> pairs =
      FindCandidatePairs(hashes, index, weights, &result->capped_candidates);
  hashes.clear();
  hashes.shrink_to_fit();
  std::vector<bool> in_focus(groups.representative.size(), options.first_focus_quote == 0);
  if (options.first_focus_quote > 0) {  // lint: a pair without a draft quotation is not decided
    for (size_t g = 0; g < groups.members.size(); ++g) {
      in_focus[g] = groups.members[g].back() >= options.first_focus_quote;
    }
  }
  std::erase_if(pairs, [&](const CandidatePair& p) { return !in_focus[p.a] && !in_focus[p.b]; });
  for (CandidatePair& p : pairs) {  // group ids to quotation indexes (both in input order)
    p.a = groups.representative[p.a];
    p.b = groups.representative[p.b];
  }
  lap("candidates", pairs.size());

  result->links.clear();
  AddMemberLinks(groups, speakers, result);
  DecideCandidates(pairs, tokens, speakers, jobs, options.decide_every_pair, options.decide_round,
                   &result->links);
  tokens = {};  // the largest part of the memory; every pass after this reads keys
  lap("decide", result->links.size());
  DropExplainedFragments(keys, groups, result);

  BuildClusters(keys, result);
  lap("clusters", result->clusters.size());
  if (facts != nullptr) {
    facts->keys = std::move(keys);
    facts->speakers = std::move(speakers);
  }
}

}  // namespace quotecheck
