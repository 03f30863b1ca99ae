#include "xref/quote_clusters.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "xref/disjoint_sets.h"

namespace quotecheck {
namespace {

struct KeyDocHash {
  size_t operator()(const std::pair<std::string_view, uint32_t>& p) const {
    return std::hash<std::string_view>()(p.first) * 31 + p.second;
  }
};

}  // namespace

void BuildClusters(const std::vector<std::string>& keys, CheckResult* result) {
  std::vector<QuoteRecord>& quotes = result->quotes;
  // A fragment joins the cluster of the one longer quotation it fits best (its parent, as in
  // MemeTracker's quote graph): a phrase that lies inside two different utterances must not
  // chain them into one cluster. Its other fragment links stay links.
  auto shorter_of = [&](const Link& link) {
    return keys[link.a].size() <= keys[link.b].size() ? link.a : link.b;
  };
  std::unordered_map<size_t, size_t> parent;  // shorter quotation → its fragment link
  for (size_t l = 0; l < result->links.size(); ++l) {
    const Link& link = result->links[l];
    if (link.relation != Relation::kFragment) continue;
    const size_t s = shorter_of(link);
    auto [it, inserted] = parent.emplace(s, l);
    if (inserted) continue;
    const Link& best = result->links[it->second];
    const size_t longer = s == link.a ? link.b : link.a;
    const size_t best_longer = s == best.a ? best.b : best.a;
    if (link.similarity > best.similarity ||
        (link.similarity == best.similarity && keys[longer].size() > keys[best_longer].size())) {
      it->second = l;
    }
  }
  DisjointSets sets(quotes.size());
  for (size_t l = 0; l < result->links.size(); ++l) {
    const Link& link = result->links[l];
    if (link.relation == Relation::kFragment && parent[shorter_of(link)] != l) continue;
    sets.Join(link.a, link.b);
  }

  // Members by root, in input order; roots in order of their first member.
  std::unordered_map<size_t, size_t> cluster_of_root;
  std::vector<std::vector<size_t>> members;
  std::vector<bool> linked(quotes.size(), false);
  for (const Link& link : result->links) linked[link.a] = linked[link.b] = true;
  for (size_t i = 0; i < quotes.size(); ++i) {
    if (!linked[i]) continue;
    size_t root = sets.Find(i);
    auto [it, inserted] = cluster_of_root.emplace(root, members.size());
    if (inserted) members.emplace_back();
    members[it->second].push_back(i);
  }

  // Forms that are the shorter side of a fragment link: parts of another form.
  std::unordered_map<std::string_view, std::vector<std::string_view>> longer_forms;
  for (const Link& link : result->links) {
    if (link.relation != Relation::kFragment) continue;
    const bool a_shorter = keys[link.a].size() <= keys[link.b].size();
    longer_forms[keys[a_shorter ? link.a : link.b]].push_back(keys[a_shorter ? link.b : link.a]);
  }

  result->clusters.clear();
  result->clusters.reserve(members.size());
  for (size_t c = 0; c < members.size(); ++c) {
    Cluster cluster;
    cluster.id = "c" + std::to_string(c + 1);
    cluster.members = std::move(members[c]);
    // Canonical: of the forms two or more documents print, a whole one (not a fragment of
    // another such form) printed most often, then the longest; else the longest form.
    // Attestation counts documents: one article quoting its own words twice is one source.
    // Each step linear in the members (a cluster may hold a quotation's many thousand copies).
    std::unordered_map<std::string_view, size_t> attested;  // key → documents printing it
    {
      std::unordered_set<std::pair<std::string_view, uint32_t>, KeyDocHash> seen;
      for (size_t m : cluster.members) {
        if (seen.emplace(keys[m], quotes[m].doc).second) ++attested[keys[m]];
      }
    }
    std::unordered_map<std::string_view, bool> part_memo;
    auto part_of_attested = [&](std::string_view key) {
      auto [memo, inserted] = part_memo.emplace(key, false);
      if (!inserted) return memo->second;
      auto it = longer_forms.find(key);
      if (it == longer_forms.end()) return false;
      memo->second =
          std::any_of(it->second.begin(), it->second.end(), [&](std::string_view longer) {
            auto a = attested.find(longer);
            return a != attested.end() && a->second >= 2;
          });
      return memo->second;
    };
    auto better = [&](size_t x, size_t y) {  // is x a better canonical than y?
      bool ax = attested[keys[x]] >= 2, ay = attested[keys[y]] >= 2;
      if (ax != ay) return ax;
      // Among attested forms, whole ones before parts of another attested form, then the
      // most printed: a quotation printed by thousands is not measured against a variant
      // that two outlets happen to share.
      if (ax) {
        const bool px = part_of_attested(keys[x]), py = part_of_attested(keys[y]);
        if (px != py) return !px;
        if (attested[keys[x]] != attested[keys[y]]) return attested[keys[x]] > attested[keys[y]];
      }
      if (quotes[x].text.size() != quotes[y].text.size()) {
        return quotes[x].text.size() > quotes[y].text.size();
      }
      return x < y;
    };
    cluster.canonical = cluster.members.front();
    for (size_t m : cluster.members) {
      if (better(m, cluster.canonical)) cluster.canonical = m;
    }
    // First appearance: earliest dated document, then input order.
    auto earlier = [&](size_t x, size_t y) {
      const std::string& dx = result->documents[quotes[x].doc].meta.date;
      const std::string& dy = result->documents[quotes[y].doc].meta.date;
      if (dx.empty() != dy.empty()) return !dx.empty();
      if (dx != dy) return dx < dy;
      return x < y;
    };
    cluster.first = cluster.members.front();
    std::unordered_set<std::string_view> speakers;
    for (size_t m : cluster.members) {
      if (earlier(m, cluster.first)) cluster.first = m;
      if (result->documents[quotes[m].doc].primary && !cluster.primary) cluster.primary = m;
      const auto& speaker = quotes[m].speaker;
      if (speaker && speakers.insert(*speaker).second) cluster.speakers.push_back(*speaker);
      quotes[m].cluster = cluster.id;
    }
    result->clusters.push_back(std::move(cluster));
  }
  // A fragment's link to a longer quotation other than its parent joins two clusters: it
  // belongs to the longer one's.
  for (Link& link : result->links) {
    link.cluster = quotes[link.a].cluster == quotes[link.b].cluster
                       ? quotes[link.a].cluster
                       : quotes[shorter_of(link) == link.a ? link.b : link.a].cluster;
  }
}

}  // namespace quotecheck
