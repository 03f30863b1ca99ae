#include "xref/xref_steps.h"

#include <algorithm>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "core/parallel_slices.h"
#include "core/release_memory.h"
#include "diff/quote_diff.h"
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
// Pairs decided per chunk of work on a thread: enough that taking a chunk costs nothing
// beside aligning its pairs, few enough that a round's chunks even out between threads.
constexpr size_t kPairsPerChunk = 256;
// Pairs tested against the bound on shared words per chunk of work (a test is far cheaper
// than an alignment).
constexpr size_t kBoundPairsPerChunk = 2048;
// How many pairs ahead the bound asks for a pair's second quotation's words: a test takes
// about as long as a load from memory, and the load is two deep (the vector, then its words).
constexpr size_t kBoundPrefetchAhead = 8;

// How many pairs ahead deciding in rounds asks for a pair's second quotation's length and
// set: a test is a few loads, each a miss on a large store, so several are asked at once.
constexpr size_t kJoinedPrefetchAhead = 16;

// Decides the candidate pairs [begin, end) into links: those `passed` (the bound on shared
// words) when it is not empty, every pair otherwise.
void DecideSlice(const std::vector<CandidatePair>& pairs, size_t begin, size_t end,
                 const std::vector<uint8_t>& passed, const PreparedQuotes& prepared,
                 const PairTokens& tokens, WordAligner& aligner, std::vector<Link>* links) {
  const auto& speakers = prepared.speakers;
  auto decided = [&](size_t i) { return passed.empty() || passed[i] != 0; };
  size_t next = begin;  // the next pair decided
  while (next < end && !decided(next)) ++next;
  while (next < end) {
    const size_t i = next;
    const CandidatePair& p = pairs[i];
    // The tokens of the pair after this one asked for while this one is aligned: its second
    // quotation's were made rounds ago and are out of the cache.
    for (++next; next < end && !decided(next);) ++next;
    if (next < end) {
      if (pairs[next].a != p.a) tokens.Prefetch(pairs[next].a);
      tokens.Prefetch(pairs[next].b);
    }
    std::optional<Link> link =
        passed.empty() ? DecidePair(p.a, p.b, tokens.Of(p.a), tokens.Of(p.b), speakers[p.a],
                                    speakers[p.b], aligner)
                       : DecidePairPastWordBound(p.a, p.b, tokens.Of(p.a), tokens.Of(p.b),
                                                 speakers[p.a], speakers[p.b], aligner);
    if (link) links->push_back(std::move(*link));
  }
}

}  // namespace

const SpeakerKeyer& KeyerOrDefault(const SpeakerKeyer* keyer) {
  static const SpeakerKeyer kNoLexicons([](const std::string&) -> const std::vector<std::string>& {
    static const std::vector<std::string> kNone;
    return kNone;
  });
  return keyer != nullptr ? *keyer : kNoLexicons;
}

SpeakerEvidence SpeakerEvidenceFilling(const SpeakerKeyer& keyer, QuoteRecord* quote) {
  SpeakerEvidence evidence = keyer.Evidence(*quote);
  if (quote->speaker && !quote->speaker_key && !evidence.key().empty()) {
    quote->speaker_key = evidence.key();  // a quote store written without keys
  }
  return evidence;
}

void PrepareQuotes(const SpeakerKeyer& keyer, unsigned jobs, const std::vector<bool>* tokenise,
                   CheckResult* result, PreparedQuotes* prepared, bool keep_words) {
  const size_t n = result->quotes.size();
  prepared->words.assign(keep_words ? n : 0, {});
  prepared->word_counts.assign(n, 0);
  prepared->words_only.assign(n, 0);
  prepared->keys.assign(n, std::string());
  prepared->speakers.assign(n, SpeakerEvidence{});
  auto run = [&](size_t begin, size_t end, unsigned) {
    // Only representatives keep their words (RepresentativeWords drops the others), and a
    // quotation whose words an earlier one of the same slice has is none.
    std::unordered_set<std::string_view> seen;
    TokenizedQuote t;  // buffers reused quotation after quotation
    for (size_t i = begin; i < end; ++i) {
      QuoteRecord& q = result->quotes[i];
      prepared->speakers[i] = SpeakerEvidenceFilling(keyer, &q);
      if (tokenise != nullptr && !(*tokenise)[i]) continue;
      TokenizeQuoteInto(q.text, &t);
      prepared->keys[i] = MatchKey(t);
      prepared->word_counts[i] = t.word_count;
      prepared->words_only[i] = WordsOnly(t) ? 1 : 0;
      if (keep_words && q.kind != QuoteKind::kTerm && !prepared->keys[i].empty() &&
          seen.insert(prepared->keys[i]).second) {
        WordHashes(t, &prepared->words[i]);
        prepared->words[i].shrink_to_fit();
      }
    }
  };
  RunInSlices(n, n < kMinQuotesPerThreadedPass ? 1 : std::max(1u, jobs), run);
}

namespace {

// Quotations with the same key (`key_of(i)`), those for which `grouped` is true; and every
// quotation's key numbered.
template <typename Key, typename KeyOf, typename Grouped>
QuoteGroups GroupKeys(size_t n, KeyOf key_of, Grouped grouped) {
  QuoteGroups groups;
  groups.group_of.assign(n, QuoteGroups::kNone);
  groups.key_number.resize(n);
  std::unordered_map<Key, uint32_t> number_of;
  number_of.reserve(n);
  std::vector<uint32_t> group_of_key;  // by key number
  for (size_t i = 0; i < n; ++i) {
    const auto [it, inserted] =
        number_of.emplace(key_of(i), static_cast<uint32_t>(group_of_key.size()));
    if (inserted) group_of_key.push_back(QuoteGroups::kNone);
    groups.key_number[i] = it->second;
    if (!grouped(i)) continue;
    uint32_t& group = group_of_key[it->second];
    if (group == QuoteGroups::kNone) {
      group = static_cast<uint32_t>(groups.members.size());
      groups.representative.push_back(i);
      groups.members.emplace_back();
    }
    groups.group_of[i] = group;
    groups.members[group].push_back(i);
  }
  return groups;
}

}  // namespace

QuoteGroups GroupEqualQuotes(const std::vector<std::string>& keys, const CheckResult& result) {
  return GroupKeys<std::string_view>(
      keys.size(), [&](size_t i) { return std::string_view(keys[i]); },
      [&](size_t i) { return !keys[i].empty() && result.quotes[i].kind != QuoteKind::kTerm; });
}

QuoteGroups GroupEqualQuotes(const ClusterQuotes& quotes) {
  return GroupKeys<uint32_t>(
      quotes.size(), [&](size_t i) { return quotes.key[i]; },
      [&](size_t i) { return quotes.key_size[i] > 0 && quotes.kind[i] != QuoteKind::kTerm; });
}

QuoteKeyWords KeyAndWords(const QuoteRecord& quote) {
  QuoteKeyWords out;
  if (quote.kind == QuoteKind::kTerm) return out;
  thread_local TokenizedQuote t;
  TokenizeQuoteInto(quote.text, &t);
  out.key = MatchKey(t);
  WordHashes(t, &out.words);
  out.words.shrink_to_fit();
  return out;
}

void RepresentativeWords(const QuoteGroups& groups, std::vector<std::vector<uint64_t>>* words,
                         std::vector<std::vector<uint64_t>>* hashes,
                         std::vector<uint32_t>* weights) {
  hashes->assign(groups.representative.size(), {});
  weights->assign(groups.representative.size(), 0);
  for (size_t g = 0; g < groups.representative.size(); ++g) {
    (*hashes)[g] = std::move((*words)[groups.representative[g]]);
    (*weights)[g] = static_cast<uint32_t>(groups.members[g].size());
  }
  // The other quotations' words (first of their key in a slice).
  for (auto& w : *words) ReleaseMemory(w);
}

void GroupPairsToQuotePairs(const QuoteGroups& groups, size_t first_focus_quote,
                            std::vector<CandidatePair>* pairs) {
  std::vector<bool> in_focus(groups.representative.size(), first_focus_quote == 0);
  if (first_focus_quote > 0) {  // lint: a pair without a draft quotation is not decided
    for (size_t g = 0; g < groups.members.size(); ++g) {
      in_focus[g] = groups.members[g].back() >= first_focus_quote;
    }
  }
  std::erase_if(*pairs, [&](const CandidatePair& p) { return !in_focus[p.a] && !in_focus[p.b]; });
  for (CandidatePair& p : *pairs) {  // group ids to quotation indexes (both in input order)
    p.a = static_cast<uint32_t>(groups.representative[p.a]);
    p.b = static_cast<uint32_t>(groups.representative[p.b]);
  }
}

std::vector<Link> DecidePairs(const std::vector<CandidatePair>& pairs,
                              const PreparedQuotes& prepared, PairTokens* tokens, unsigned jobs) {
  const unsigned threads = pairs.size() < kMinPairsPerThreadedPass ? 1 : std::max(1u, jobs);
  // The bound on shared words first, where the words are kept: the pairs it rejects need no
  // tokens.
  std::vector<uint8_t> passed;
  if (!prepared.words.empty()) {
    passed.assign(pairs.size(), 0);
    RunInChunks(
        pairs.size(), kBoundPairsPerChunk, threads, [&](size_t begin, size_t end, unsigned) {
          WordMultiset a_words;  // the words of pairs[i].a, counted once for its pairs in a row
          for (size_t i = begin; i < end; ++i) {
            // What a later pair reads of its second quotation, anywhere in the input, asked
            // for ahead in two steps: where its words are, then the words.
            if (i + kBoundPrefetchAhead < end) {
              const uint32_t b = pairs[i + kBoundPrefetchAhead].b;
              __builtin_prefetch(&prepared.words[b]);
              __builtin_prefetch(&prepared.speakers[b]);
              __builtin_prefetch(&prepared.words_only[b]);
            }
            if (i + kBoundPrefetchAhead / 2 < end) {
              __builtin_prefetch(prepared.words[pairs[i + kBoundPrefetchAhead / 2].b].data());
            }
            const auto& a = prepared.words[pairs[i].a];
            if (i == begin || pairs[i].a != pairs[i - 1].a) a_words.Assign(a);
            const PairBoundFacts facts{
                prepared.words_only[pairs[i].a] != 0 && prepared.words_only[pairs[i].b] != 0,
                SpeakersMatch(prepared.speakers[pairs[i].a], prepared.speakers[pairs[i].b])};
            passed[i] = EnoughSharedWords(&a_words, a, prepared.words[pairs[i].b], facts);
          }
        });
  }
  tokens->Make(pairs, passed, jobs);
  // In chunks taken in turn: a pair's alignment may take a hundred times another's.
  std::vector<std::vector<Link>> parts((pairs.size() + kPairsPerChunk - 1) / kPairsPerChunk);
  std::vector<std::unique_ptr<WordAligner>> aligners(threads);  // apart: no shared cache line
  for (auto& aligner : aligners) aligner = std::make_unique<WordAligner>();
  RunInChunks(
      pairs.size(), kPairsPerChunk, threads, [&](size_t begin, size_t end, unsigned worker) {
        // Into a vector of the thread's own, moved into place once: the chunks'
        // vectors lie side by side, and two threads fill neighbouring chunks.
        std::vector<Link> links;
        DecideSlice(pairs, begin, end, passed, prepared, *tokens, *aligners[worker], &links);
        parts[begin / kPairsPerChunk] = std::move(links);
      });
  std::vector<Link> links;
  for (auto& part : parts) {
    for (Link& link : part) links.push_back(std::move(link));
  }
  return links;
}

void DecideInRounds(const std::vector<CandidatePair>& pairs,
                    const std::vector<uint32_t>& word_counts, bool every_pair, size_t round_size,
                    const RoundDecider& decide, std::vector<Link>* links) {
  // Joined by links that always join clusters: any relation but fragment (a fragment joins
  // only its parent, chosen from all its fragment links: xref/quote_clusters.h).
  DisjointSets joined(every_pair ? 0 : word_counts.size());
  std::vector<CandidatePair> round;
  std::vector<Link> decided;
  round_size = std::max<size_t>(1, round_size);
  for (size_t begin = 0; begin < pairs.size(); begin += round_size) {
    const size_t end = std::min(pairs.size(), begin + round_size);
    round.clear();
    for (size_t i = begin; i < end; ++i) {
      const CandidatePair& p = pairs[i];
      if (!every_pair && i + kJoinedPrefetchAhead < end) {
        // A later pair's second quotation, anywhere in the input: its length and set ahead.
        const uint32_t b = pairs[i + kJoinedPrefetchAhead].b;
        __builtin_prefetch(&word_counts[b]);
        joined.Prefetch(b);
      }
      if (!every_pair && WholeLinkPossible(word_counts[p.a], word_counts[p.b]) &&
          joined.Joined(p.a, p.b)) {
        continue;
      }
      round.push_back(p);
    }
    decided.clear();
    decide(round, end, &decided);
    for (Link& link : decided) {
      if (!every_pair && link.relation != Relation::kFragment) joined.Join(link.a, link.b);
      links->push_back(std::move(link));
    }
  }
}

Link SameWordsLink(const CheckResult& result, size_t a, size_t b, bool speakers_agree,
                   const TokenizedQuote* a_tokens) {
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
    thread_local std::string packed;
    thread_local TokenizedQuote a_own, b_tokens;
    thread_local WordAligner aligner;
    if (a_tokens == nullptr) {
      TokenizeQuoteInto(a_text, &a_own);
      a_tokens = &a_own;
    }
    TokenizeQuoteInto(b_text, &b_tokens);
    link.diff = DiffQuotes(*a_tokens, b_tokens, aligner, /*with_ops=*/false, &packed);
    link.packed_ops = CompactBytes(packed);
    link.relation = SameWordsRelation(link.diff);
  }
  return link;
}

void AddMemberLinks(const QuoteGroups& groups, const std::vector<SpeakerEvidence>& speakers,
                    unsigned jobs, CheckResult* result) {
  const size_t n = groups.members.size();
  const unsigned threads = n < kMinQuotesPerThreadedPass ? 1 : std::max(1u, jobs);
  std::vector<std::vector<Link>> parts(threads);
  RunInSlices(n, threads, [&](size_t begin, size_t end, unsigned slice) {
    TokenizedQuote rep_tokens;  // the representative's, made for its first member of other bytes
    for (size_t g = begin; g < end; ++g) {
      const std::vector<size_t>& members = groups.members[g];
      const size_t rep = members.front();
      bool tokenised = false;
      for (size_t k = 1; k < members.size(); ++k) {
        const size_t m = members[k];
        if (!tokenised && result->quotes[m].text != result->quotes[rep].text) {
          TokenizeQuoteInto(result->quotes[rep].text, &rep_tokens);
          tokenised = true;
        }
        parts[slice].push_back(SameWordsLink(*result, rep, m,
                                             !SpeakersDisagree(speakers[rep], speakers[m]),
                                             tokenised ? &rep_tokens : nullptr));
      }
    }
  });
  for (auto& part : parts) {
    for (Link& link : part) result->links.push_back(std::move(link));
  }
}

void DropExplainedFragments(const ClusterQuotes& quotes, const QuoteGroups& groups,
                            std::vector<Link>* links) {
  // (key number, document) as one number: how many quotations of the document have the key.
  auto key_in = [](uint32_t key, uint32_t doc) { return (static_cast<uint64_t>(key) << 32) | doc; };
  // Counted only for the keys asked about below (the shorter sides of fragment links).
  std::vector<bool> asked;
  for (const Link& link : *links) {
    if (link.relation != Relation::kFragment) continue;
    const uint32_t key =
        quotes.key[quotes.key_size[link.a] <= quotes.key_size[link.b] ? link.a : link.b];
    if (key >= asked.size()) asked.resize(key + 1, false);
    asked[key] = true;
  }
  std::unordered_map<uint64_t, uint32_t> in_doc;
  for (size_t i = 0; i < quotes.size(); ++i) {
    if (quotes.key[i] < asked.size() && asked[quotes.key[i]]) {
      in_doc[key_in(quotes.key[i], quotes.doc[i])]++;
    }
  }
  auto quoted_elsewhere_in = [&](uint32_t doc, size_t quote, size_t other) {
    auto it = in_doc.find(key_in(quotes.key[quote], doc));
    uint32_t same = quotes.doc[other] == doc && quotes.key[other] == quotes.key[quote] ? 1 : 0;
    return it != in_doc.end() && it->second > same;
  };
  // A fragment whose sentence end the longer one runs past yields to a quotation of the same
  // document where its words do end.
  // (shorter, doc of longer)
  std::unordered_map<uint64_t, bool> ends_somewhere;
  auto quote_in = [](size_t quote, uint32_t doc) {
    return (static_cast<uint64_t>(quote) << 32) ^ doc;
  };
  auto shorter_of = [&](const Link& link) {
    return quotes.key_size[link.a] <= quotes.key_size[link.b] ? link.a : link.b;
  };
  // Only fragments that the longer one runs past (end_continues) ask.
  std::vector<bool> asks(quotes.size(), false);
  bool any_asks = false;
  for (const Link& link : *links) {
    if (link.end_continues) asks[shorter_of(link)] = any_asks = true;
  }
  // (shorter, group of the longer), once each
  std::unordered_set<uint64_t> marked;
  for (const Link& link : *links) {
    if (!any_asks) break;
    if (link.end_continues || link.member) continue;  // members: the same words, no fragment
    const size_t s = shorter_of(link), l = s == link.a ? link.b : link.a;
    if (!asks[s]) continue;
    // The longer one stands for its group: its words end the fragment in each member's
    // document.
    const uint32_t g = groups.group_of[l];
    if (g == QuoteGroups::kNone) {
      ends_somewhere[quote_in(s, quotes.doc[l])] = true;
      continue;
    }
    if (!marked.insert(quote_in(s, g)).second) continue;
    for (size_t m : groups.members[g]) ends_somewhere[quote_in(s, quotes.doc[m])] = true;
  }
  std::erase_if(*links, [&](const Link& link) {
    if (!link.end_continues) return false;
    size_t s = shorter_of(link), l = s == link.a ? link.b : link.a;
    return ends_somewhere[quote_in(s, quotes.doc[l])];
  });
  std::erase_if(*links, [&](const Link& link) {
    if (link.relation != Relation::kFragment) return false;
    const bool a_shorter = quotes.key_size[link.a] <= quotes.key_size[link.b];
    const size_t shorter = a_shorter ? link.a : link.b, longer = a_shorter ? link.b : link.a;
    const uint32_t shorter_doc = quotes.doc[shorter], longer_doc = quotes.doc[longer];
    // In one document, two direct quotations are two utterances, even when one begins with
    // the other's words; a fragment woven into a sentence is the same utterance.
    if (shorter_doc == longer_doc) {
      return quotes.kind[shorter] == QuoteKind::kDirect &&
             quotes.kind[longer] == QuoteKind::kDirect;
    }
    return quoted_elsewhere_in(longer_doc, shorter, longer);
  });
}

}  // namespace quotecheck
