#include "xref/quote_clusters.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "core/parallel_slices.h"
#include "core/release_memory.h"
#include "xref/disjoint_sets.h"

namespace quotecheck {

void ClusterQuotesBuilder::Reserve(size_t quotes) {
  quotes_.doc.reserve(quotes);
  quotes_.kind.reserve(quotes);
  quotes_.key.reserve(quotes);
  quotes_.key_size.reserve(quotes);
  quotes_.text_size.reserve(quotes);
  quotes_.speaker.reserve(quotes);
  key_numbers_.Reserve(quotes);
}

void ClusterQuotesBuilder::AddQuote(const QuoteRecord& quote, std::string_view key) {
  AddQuote(quote, key_numbers_.Number(key), key.size());
}

void ClusterQuotesBuilder::AddQuote(const QuoteRecord& quote, uint32_t key_number,
                                    size_t key_size) {
  quotes_.doc.push_back(quote.doc);
  quotes_.kind.push_back(quote.kind);
  quotes_.key.push_back(key_number);
  quotes_.key_size.push_back(static_cast<uint32_t>(key_size));
  quotes_.text_size.push_back(static_cast<uint32_t>(quote.text.size()));
  uint32_t speaker = ClusterQuotes::kNoSpeaker;
  if (quote.speaker) {
    auto [it, inserted] = speaker_numbers_.try_emplace(
        *quote.speaker, static_cast<uint32_t>(quotes_.speakers.size()));
    if (inserted) quotes_.speakers.push_back(*quote.speaker);
    speaker = it->second;
  }
  quotes_.speaker.push_back(speaker);
}

void ClusterQuotesBuilder::SetDocuments(const std::vector<DocumentInfo>& documents) {
  quotes_.date.resize(documents.size());
  quotes_.primary.resize(documents.size());
  for (size_t d = 0; d < documents.size(); ++d) {
    quotes_.date[d] = documents[d].meta.date;
    quotes_.primary[d] = documents[d].primary;
  }
}

ClusterQuotes ClusterQuotesBuilder::Take() {
  key_numbers_ = KeyNumbers(keys_outlive_);
  ReleaseMemory(speaker_numbers_);
  ClusterQuotes quotes = std::move(quotes_);
  quotes_ = ClusterQuotes{};
  return quotes;
}

ClusterQuotes ClusterQuotesOf(const std::vector<std::string>& keys, const CheckResult& result,
                              const std::vector<uint32_t>* key_numbers) {
  ClusterQuotesBuilder builder(/*keys_outlive=*/true);
  builder.Reserve(result.quotes.size());
  for (size_t i = 0; i < result.quotes.size(); ++i) {
    if (key_numbers != nullptr) {
      builder.AddQuote(result.quotes[i], (*key_numbers)[i], keys[i].size());
    } else {
      builder.AddQuote(result.quotes[i], keys[i]);
    }
  }
  builder.SetDocuments(result.documents);
  return builder.Take();
}

namespace {
// Clusters per chunk of work on a thread: most take a microsecond or two, and a giant one is
// a chunk's work of its own.
constexpr size_t kClustersPerChunk = 256;
// Below this many links, their cluster ids are set on the calling thread.
constexpr size_t kMinLinksPerThread = 4096;
}  // namespace

std::vector<Cluster> BuildClusters(const ClusterQuotes& quotes, std::vector<Link>* links,
                                   unsigned jobs) {
  const size_t n = quotes.size();
  // A fragment joins the cluster of the one longer quotation it fits best (its parent, as in
  // MemeTracker's quote graph): a phrase that lies inside two different utterances must not
  // chain them into one cluster. Its other fragment links stay links.
  auto shorter_of = [&](const Link& link) {
    return quotes.key_size[link.a] <= quotes.key_size[link.b] ? link.a : link.b;
  };
  std::unordered_map<size_t, size_t> parent;  // shorter quotation → its fragment link
  for (size_t l = 0; l < links->size(); ++l) {
    const Link& link = (*links)[l];
    if (link.relation != Relation::kFragment) continue;
    const size_t s = shorter_of(link);
    auto [it, inserted] = parent.emplace(s, l);
    if (inserted) continue;
    const Link& best = (*links)[it->second];
    const size_t longer = s == link.a ? link.b : link.a;
    const size_t best_longer = s == best.a ? best.b : best.a;
    if (link.similarity > best.similarity ||
        (link.similarity == best.similarity &&
         quotes.key_size[longer] > quotes.key_size[best_longer])) {
      it->second = l;
    }
  }
  DisjointSets sets(n);
  for (size_t l = 0; l < links->size(); ++l) {
    const Link& link = (*links)[l];
    if (link.relation == Relation::kFragment && parent[shorter_of(link)] != l) continue;
    sets.Join(link.a, link.b);
  }
  ReleaseMemory(parent);

  // Members by root, in input order; roots in order of their first member.
  std::vector<std::vector<size_t>> members;
  {
    std::vector<bool> linked(n, false);
    for (const Link& link : *links) linked[link.a] = linked[link.b] = true;
    std::vector<uint32_t> cluster_of_root(n, UINT32_MAX);
    for (size_t i = 0; i < n; ++i) {
      if (!linked[i]) continue;
      uint32_t& cluster = cluster_of_root[sets.Find(i)];
      if (cluster == UINT32_MAX) {
        cluster = static_cast<uint32_t>(members.size());
        members.emplace_back();
      }
      members[cluster].push_back(i);
    }
  }

  // Forms (key numbers) that are the shorter side of a fragment link: parts of another form.
  std::unordered_map<uint32_t, std::vector<uint32_t>> longer_forms;
  for (const Link& link : *links) {
    if (link.relation != Relation::kFragment) continue;
    const bool a_shorter = quotes.key_size[link.a] <= quotes.key_size[link.b];
    longer_forms[quotes.key[a_shorter ? link.a : link.b]].push_back(
        quotes.key[a_shorter ? link.b : link.a]);
  }

  std::vector<Cluster> clusters(members.size());
  std::vector<uint32_t> cluster_of(n, UINT32_MAX);
  // Each cluster on its own (a chunk of them at a time on `jobs` threads).
  auto make_cluster = [&](size_t c) {
    Cluster& cluster = clusters[c];
    cluster.id = "c" + std::to_string(c + 1);
    cluster.members = std::move(members[c]);
    // Canonical: of the forms two or more documents print, a whole one (not a fragment of
    // another such form) printed most often, then the longest; else the longest form.
    // Attestation counts documents: one article quoting its own words twice is one source.
    // Each step linear in the members (a cluster may hold a quotation's many thousand copies).
    std::unordered_map<uint32_t, size_t> attested;  // key → documents printing it
    {
      std::unordered_set<uint64_t> seen;  // (key, document)
      for (size_t m : cluster.members) {
        if (seen.insert((static_cast<uint64_t>(quotes.key[m]) << 32) | quotes.doc[m]).second) {
          ++attested[quotes.key[m]];
        }
      }
    }
    std::unordered_map<uint32_t, bool> part_memo;
    auto part_of_attested = [&](uint32_t key) {
      auto [memo, inserted] = part_memo.emplace(key, false);
      if (!inserted) return memo->second;
      auto it = longer_forms.find(key);
      if (it == longer_forms.end()) return false;
      memo->second = std::any_of(it->second.begin(), it->second.end(), [&](uint32_t longer) {
        auto a = attested.find(longer);
        return a != attested.end() && a->second >= 2;
      });
      return memo->second;
    };
    auto better = [&](size_t x, size_t y) {  // is x a better canonical than y?
      const uint32_t kx = quotes.key[x], ky = quotes.key[y];
      bool ax = attested[kx] >= 2, ay = attested[ky] >= 2;
      if (ax != ay) return ax;
      // Among attested forms, whole ones before parts of another attested form, then the
      // most printed: a quotation printed by thousands is not measured against a variant
      // that two outlets happen to share.
      if (ax) {
        const bool px = part_of_attested(kx), py = part_of_attested(ky);
        if (px != py) return !px;
        if (attested[kx] != attested[ky]) return attested[kx] > attested[ky];
      }
      if (quotes.text_size[x] != quotes.text_size[y]) {
        return quotes.text_size[x] > quotes.text_size[y];
      }
      return x < y;
    };
    cluster.canonical = cluster.members.front();
    for (size_t m : cluster.members) {
      if (better(m, cluster.canonical)) cluster.canonical = m;
    }
    // First appearance: earliest dated document, then input order.
    auto earlier = [&](size_t x, size_t y) {
      const std::string& dx = quotes.date[quotes.doc[x]];
      const std::string& dy = quotes.date[quotes.doc[y]];
      if (dx.empty() != dy.empty()) return !dx.empty();
      if (dx != dy) return dx < dy;
      return x < y;
    };
    cluster.first = cluster.members.front();
    std::unordered_set<uint32_t> speakers;
    for (size_t m : cluster.members) {
      if (earlier(m, cluster.first)) cluster.first = m;
      if (quotes.primary[quotes.doc[m]] && !cluster.primary) cluster.primary = m;
      const uint32_t speaker = quotes.speaker[m];
      if (speaker != ClusterQuotes::kNoSpeaker && speakers.insert(speaker).second) {
        cluster.speakers.push_back(quotes.speakers[speaker]);
      }
      cluster_of[m] = static_cast<uint32_t>(c);
    }
  };
  RunInChunks(clusters.size(), kClustersPerChunk, members.size() < kClustersPerChunk ? 1 : jobs,
              [&](size_t begin, size_t end, unsigned) {
                for (size_t c = begin; c < end; ++c) make_cluster(c);
              });
  ReleaseMemory(members);
  // A fragment's link to a longer quotation other than its parent joins two clusters: it
  // belongs to the longer one's.
  RunInSlices(links->size(), links->size() < kMinLinksPerThread ? 1 : jobs,
              [&](size_t begin, size_t end, unsigned) {
                for (size_t l = begin; l < end; ++l) {
                  Link& link = (*links)[l];
                  const uint32_t c = cluster_of[link.a] == cluster_of[link.b]
                                         ? cluster_of[link.a]
                                         : cluster_of[shorter_of(link) == link.a ? link.b : link.a];
                  link.cluster = clusters[c].id;
                }
              });
  return clusters;
}

void BuildClusters(const ClusterQuotes& quotes, CheckResult* result, unsigned jobs) {
  result->clusters = BuildClusters(quotes, &result->links, jobs);
  RunInChunks(result->clusters.size(), kClustersPerChunk, jobs,
              [&](size_t begin, size_t end, unsigned) {
                for (size_t c = begin; c < end; ++c) {
                  const Cluster& cluster = result->clusters[c];
                  for (size_t m : cluster.members) result->quotes[m].cluster = cluster.id;
                }
              });
}

}  // namespace quotecheck
