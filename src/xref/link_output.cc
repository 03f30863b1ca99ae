#include "xref/link_output.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <queue>
#include <unordered_map>

#include "diff/quote_tokens.h"
#include "xref/cross_reference.h"

namespace quotecheck {
namespace {

// The links each finding rests on, by index.
std::vector<bool> FindingLinks(const CheckResult& result) {
  std::vector<bool> used(result.links.size(), false);
  for (const Finding& f : result.findings) {
    if (f.link && *f.link < used.size()) used[*f.link] = true;
  }
  return used;
}

// Keeps the links marked in `keep` (in order) and remaps the findings' indexes.
// `origins` (when given) follows the links.
void KeepLinks(const std::vector<bool>& keep, CheckResult* result, std::vector<size_t>* origins) {
  std::vector<size_t> index(result->links.size(), SIZE_MAX);
  std::vector<Link> kept;
  std::vector<size_t> kept_origins;
  for (size_t l = 0; l < result->links.size(); ++l) {
    if (!keep[l]) continue;
    index[l] = kept.size();
    kept.push_back(std::move(result->links[l]));
    if (origins != nullptr) kept_origins.push_back((*origins)[l]);
  }
  result->links = std::move(kept);
  if (origins != nullptr) *origins = std::move(kept_origins);
  for (Finding& f : result->findings) {
    if (f.link) f.link = index[*f.link] == SIZE_MAX ? std::nullopt : std::optional(index[*f.link]);
  }
}

// The tree of each cluster: breadth first from its canonical quotation over the evidence
// links; marks the tree's links in `keep`.
void MarkTrees(const CheckResult& result, const std::vector<size_t>& clusters,
               std::vector<bool>* keep) {
  // Each quotation's links in link order, in one array (adjacent[first[q] .. first[q + 1])).
  const size_t n = result.quotes.size();
  std::vector<uint32_t> first(n + 1, 0);
  for (const Link& link : result.links) {
    ++first[link.a + 1];
    ++first[link.b + 1];
  }
  for (size_t q = 0; q < n; ++q) first[q + 1] += first[q];
  std::vector<uint32_t> adjacent(first[n]);
  {
    std::vector<uint32_t> at(first.begin(), first.end() - 1);
    for (size_t l = 0; l < result.links.size(); ++l) {
      adjacent[at[result.links[l].a]++] = static_cast<uint32_t>(l);
      adjacent[at[result.links[l].b]++] = static_cast<uint32_t>(l);
    }
  }
  std::vector<bool> seen(n, false);
  std::queue<size_t> queue;
  for (size_t c : clusters) {
    const Cluster& cluster = result.clusters[c];
    queue.push(cluster.canonical);
    seen[cluster.canonical] = true;
    while (!queue.empty()) {
      const size_t q = queue.front();
      queue.pop();
      for (uint32_t k = first[q]; k < first[q + 1]; ++k) {
        const size_t l = adjacent[k];
        const Link& link = result.links[l];
        const size_t other = link.a == q ? link.b : link.a;
        if (seen[other]) continue;
        seen[other] = true;
        (*keep)[l] = true;
        queue.push(other);
      }
    }
  }
}

// Every member pair of a cluster, when there are at most kMaxLinksPerCluster.
class PairExpander {
 public:
  PairExpander(const SpeakerKeyer& keyer, CheckResult* result) : keyer_(keyer), result_(result) {
    // Which documents quote which words on their own (the fragment rule of
    // xref/cross_reference.h, applied to each pair).
    for (size_t q = 0; q < result->quotes.size(); ++q) {
      if (result->quotes[q].cluster.empty()) continue;
      in_doc_[{result->quotes[q].doc, Key(q)}]++;
    }
  }

  // Appends the cluster's pairs beyond its evidence links; false (nothing added) when there
  // would be too many.
  bool Expand(const std::vector<size_t>& cluster_links, size_t* pairs_out) {
    const auto& links = result_->links;
    std::map<size_t, std::vector<size_t>> groups;  // representative → members, it first
    auto rep_of = [&](size_t q) {
      auto it = rep_.find(q);
      return it == rep_.end() ? q : it->second;
    };
    for (size_t l : cluster_links) {
      if (links[l].member) rep_[links[l].b] = links[l].a;
    }
    for (size_t l : cluster_links) {
      for (size_t q : {links[l].a, links[l].b}) {
        auto& g = groups[rep_of(q)];
        if (g.empty()) g.push_back(rep_of(q));
        if (q != rep_of(q) && std::find(g.begin(), g.end(), q) == g.end()) g.push_back(q);
      }
    }
    size_t pairs = 0;
    for (const auto& [rep, members] : groups) pairs += members.size() * (members.size() - 1) / 2;
    std::vector<size_t> between;
    for (size_t l : cluster_links) {
      if (links[l].member) continue;
      between.push_back(l);
      pairs += groups[links[l].a].size() * groups[links[l].b].size();
    }
    *pairs_out = pairs;
    if (pairs > kMaxLinksPerCluster) return false;
    for (const auto& [rep, members] : groups) {
      for (size_t i = 1; i < members.size(); ++i) {
        for (size_t j = i + 1; j < members.size(); ++j) AddSame(members[i], members[j]);
      }
    }
    for (size_t l : between) {
      const Link base = links[l];  // a copy: links grows below
      for (size_t x : groups[base.a]) {
        for (size_t y : groups[base.b]) {
          if (x == base.a && y == base.b) continue;
          AddLike(base, x, y);
        }
      }
    }
    return true;
  }

 private:
  std::string_view Key(size_t q) {
    auto [it, inserted] = keys_.emplace(q, std::string());
    if (inserted) it->second = MatchKey(result_->quotes[q].text);
    return it->second;
  }

  bool Agree(size_t x, size_t y) { return !SpeakersDisagree(Speaker(x), Speaker(y)); }

  const SpeakerEvidence& Speaker(size_t q) {
    auto [it, inserted] = speakers_.try_emplace(q);
    if (inserted) it->second = keyer_.Evidence(result_->quotes[q]);
    return it->second;
  }

  void AddSame(size_t x, size_t y) {
    result_->links.push_back(SameWordsLink(*result_, std::min(x, y), std::max(x, y), Agree(x, y)));
  }

  // A pair of two linked groups' members, decided as their representatives were.
  void AddLike(const Link& base, size_t x, size_t y) {
    if (base.relation == Relation::kFragment) {
      const bool x_shorter = Key(x).size() <= Key(y).size();
      const size_t s = x_shorter ? x : y, l = x_shorter ? y : x;
      const QuoteRecord& qs = result_->quotes[s];
      const QuoteRecord& ql = result_->quotes[l];
      if (qs.doc == ql.doc) {
        if (qs.kind == QuoteKind::kDirect && ql.kind == QuoteKind::kDirect) return;
      } else if (in_doc_[{ql.doc, Key(s)}] > 0) {
        return;  // the longer one's document quotes these words on their own
      }
    }
    Link link = base;
    link.member = false;
    link.packed_ops.clear();  // base's ops are of its own two quotations
    link.speakers_agree = Agree(x, y);
    if (x < y) {
      link.a = x;
      link.b = y;
    } else {
      link.a = y;
      link.b = x;
      link.diff.ops = ReversedDiff(base.diff.ops);
    }
    result_->links.push_back(std::move(link));
  }

  const SpeakerKeyer& keyer_;
  CheckResult* result_;
  std::unordered_map<size_t, size_t> rep_;
  std::unordered_map<size_t, std::string> keys_;
  std::unordered_map<size_t, SpeakerEvidence> speakers_;
  std::map<std::pair<uint32_t, std::string_view>, uint32_t> in_doc_;
};

}  // namespace

LinkOutputStats SelectOutputLinks(LinkOutput mode, const SpeakerKeyer& keyer, CheckResult* result,
                                  std::vector<size_t>* origins) {
  LinkOutputStats stats;
  if (origins != nullptr) {
    origins->resize(result->links.size());
    std::iota(origins->begin(), origins->end(), size_t{0});
  }
  if (mode == LinkOutput::kNone) {
    result->links.clear();
    if (origins != nullptr) origins->clear();
    for (Finding& f : result->findings) f.link.reset();
    return stats;
  }
  std::vector<size_t> all_clusters(result->clusters.size());
  for (size_t c = 0; c < all_clusters.size(); ++c) all_clusters[c] = c;
  if (mode == LinkOutput::kParent) {
    std::vector<bool> keep = FindingLinks(*result);
    MarkTrees(*result, all_clusters, &keep);
    KeepLinks(keep, result, origins);
    return stats;
  }
  // All: the evidence links, then each cluster's other pairs.
  std::unordered_map<std::string_view, size_t> cluster_index;
  for (size_t c = 0; c < result->clusters.size(); ++c) cluster_index[result->clusters[c].id] = c;
  std::vector<std::vector<size_t>> links_of(result->clusters.size());
  for (size_t l = 0; l < result->links.size(); ++l) {
    auto it = cluster_index.find(result->links[l].cluster);
    if (it != cluster_index.end()) links_of[it->second].push_back(l);
  }
  const size_t evidence = result->links.size();
  PairExpander expander(keyer, result);
  std::vector<size_t> capped;
  for (size_t c = 0; c < links_of.size(); ++c) {
    size_t pairs = 0;
    if (!expander.Expand(links_of[c], &pairs)) {
      capped.push_back(c);
      ++stats.capped_clusters;
      stats.capped_pairs += pairs;
    }
  }
  if (origins != nullptr) origins->resize(result->links.size(), SIZE_MAX);
  if (!capped.empty()) {  // those clusters keep their tree
    std::vector<bool> keep(result->links.size(), true);
    for (size_t c : capped) {
      for (size_t l : links_of[c]) keep[l] = false;
    }
    std::vector<bool> tree(evidence, false);
    MarkTrees(*result, capped, &tree);
    const std::vector<bool> used = FindingLinks(*result);
    for (size_t l = 0; l < evidence; ++l) keep[l] = keep[l] || tree[l] || used[l];
    KeepLinks(keep, result, origins);
  }
  return stats;
}

}  // namespace quotecheck
