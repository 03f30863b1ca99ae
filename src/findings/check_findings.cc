#include "findings/check_findings.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <numeric>
#include <span>
#include <unordered_map>

#include "core/display_text.h"
#include "core/parallel_slices.h"
#include "core/release_memory.h"
#include "diff/quote_diff.h"
#include "diff/quote_tokens.h"
#include "findings/finding_rules.h"
#include "xref/link_decision.h"

namespace quotecheck {
namespace {

// Two quotations of one document are one utterance quoted two ways only when they are this
// close: further apart, they are more likely a person saying a line twice (a debater
// repeating "this notion that … doesn't know what he's doing" in other words).
constexpr double kInconsistentSimilarity = 0.8;

// A document printing one utterance in more forms than this is compared on its first ones
// only: pairs of forms grow with the square, and an article quoting the same words this many
// ways is a transcript or a list, not a misquote.
constexpr size_t kGroupsComparedPerDocument = 16;

std::string FlagsNote(const QuoteDiff& diff) {
  std::vector<std::string_view> names = MeaningFlagNames(diff.flags);
  if (names.empty()) return "";
  return fmt::format(" ({} changed)", fmt::join(names, ", "));
}

const std::vector<std::string>& LexiconOf(const RuleSet& rules, const std::string& name) {
  static const std::vector<std::string> kNone;
  auto it = rules.lexicons.find(name);
  return it == rules.lexicons.end() ? kNone : it->second;
}

// Everything one cluster's findings read, shared by all clusters.
struct Inputs {
  const FindingContext& context;
  const CheckResult& result;
  const std::vector<std::string>& keys;                      // match keys (linked quotes)
  const std::vector<uint32_t>& speakers_by_key;              // by quotation (CountSpeakersByKey)
  const std::vector<SpeakerEvidence>& speakers;              // by quote
  const std::vector<std::vector<size_t>>& links_of_cluster;  // link indexes
  const std::vector<uint32_t>& position;  // by quote: its place among its cluster's members
};

// Links that findings decide themselves: pairs that cross-referencing joined through other
// links without deciding them (CrossReferenceOptions::decide_every_pair). Link indexes from
// `base` on are into `links`; they are appended to CheckResult::links once every cluster is
// weighed.
struct DecidedHere {
  size_t base = 0;
  std::vector<Link> links;
  WordAligner aligner;
  // This cluster's tokens by quotation, in storage kept from one cluster to the next
  // (tokenising into it reuses its buffers): pool[0, pool_used) are this cluster's.
  std::vector<TokenizedQuote*> tokens;  // by member position; null until tokenised
  std::vector<std::unique_ptr<TokenizedQuote>> pool;
  size_t pool_used = 0;
  // The cluster's tables, in storage kept from one cluster to the next (37k clusters at the
  // hard 1M store), by member position (Inputs::position) or group rank where they were
  // maps keyed by quotation or group.
  std::unordered_map<std::string_view, uint32_t> seen;  // RankGroups' scratch
  std::vector<std::string_view> distinct;
  std::vector<uint32_t> number, order, rank;
  std::vector<uint32_t> group_of;     // by member position: its group
  std::vector<uint32_t> group_begin;  // group g's members: group_members[begin[g], begin[g+1])
  std::vector<size_t> group_members;  // by group, in cluster order within each
  std::vector<size_t> member_link;    // by member position: its link to the rep, or kNone
  std::vector<int8_t> reads_as_name;  // by member position: ReadsAsName, -1 until asked
  std::vector<std::pair<uint64_t, size_t>> between;  // (group pair, link), sorted by pair
  std::unordered_map<uint64_t, std::optional<size_t>> decided;  // by Between, by group pair
};

class ClusterFindings {
 public:
  ClusterFindings(const Inputs& in, size_t cluster, DecidedHere* here, std::vector<Finding>* out)
      : in_(in),
        cluster_(in.result.clusters[cluster]),
        links_(in.links_of_cluster[cluster]),
        here_(here),
        out_(out) {
    here_->tokens.assign(cluster_.members.size(), nullptr);
    here_->reads_as_name.assign(cluster_.members.size(), -1);
    here_->pool_used = 0;
    here_->decided.clear();
  }

  void Run() {
    const auto& links = in_.result.links;
    RankGroups();
    GroupMembers();
    here_->member_link.assign(cluster_.members.size(), kNone);
    auto& between = here_->between;
    between.clear();
    for (size_t l : links_) {
      const Link& link = links[l];
      if (link.member) {
        here_->member_link[in_.position[link.b]] = l;
        continue;
      }
      between.emplace_back(GroupPair(Key(link.a), Key(link.b)), l);
    }
    // One link per pair of groups: the most similar, the first in link order among equals.
    std::stable_sort(between.begin(), between.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    size_t kept = 0;
    for (size_t i = 0; i < between.size(); ++i) {
      if (kept > 0 && between[kept - 1].first == between[i].first) {
        if (links[between[i].second].similarity > links[between[kept - 1].second].similarity) {
          between[kept - 1].second = between[i].second;
        }
      } else {
        between[kept++] = between[i];
      }
    }
    between.resize(kept);
    const size_t first = out_->size();
    Divergences();
    Inconsistencies();
    Misattributions();
    // In the cluster's order: by the quotation each finding is about.
    std::stable_sort(out_->begin() + static_cast<std::ptrdiff_t>(first), out_->end(),
                     [](const Finding& x, const Finding& y) { return x.quotes[0] < y.quotes[0]; });
  }

 private:
  // Quotations with equal match keys are one group: the same words (xref/cross_reference.h
  // links each member to the group's first quotation and aligns only those). A group is
  // known by its rank among the cluster's match keys in key order, so that the maps below
  // compare integers where they compared the keys (long, and sharing long prefixes in a
  // cluster of variants), in the same order.
  using GroupKey = uint32_t;
  // Two groups as one number, the smaller first: ordered as the pair (smaller, larger).
  using GroupPairKey = uint64_t;
  static GroupPairKey GroupPair(GroupKey x, GroupKey y) {
    return x < y ? (GroupPairKey{x} << 32 | y) : (GroupPairKey{y} << 32 | x);
  }
  static GroupKey First(GroupPairKey pair) { return static_cast<GroupKey>(pair >> 32); }
  static GroupKey Second(GroupPairKey pair) { return static_cast<GroupKey>(pair); }
  static constexpr size_t kNone = SIZE_MAX;
  // Member q's group (q a member of this cluster).
  GroupKey Key(size_t q) const { return here_->group_of[in_.position[q]]; }
  size_t Groups() const { return here_->group_begin.size() - 1; }
  // Group g's members, in cluster order.
  std::span<const size_t> Members(GroupKey g) const {
    const auto& begin = here_->group_begin;
    return std::span<const size_t>(here_->group_members).subspan(begin[g], begin[g + 1] - begin[g]);
  }
  // group_of: each member's group, by the rank of its match key among the distinct ones.
  void RankGroups() {
    auto& seen = here_->seen;  // key → its number, first seen
    auto& distinct = here_->distinct;
    auto& number = here_->number;
    seen.clear();
    distinct.clear();
    number.resize(cluster_.members.size());
    for (size_t i = 0; i < cluster_.members.size(); ++i) {
      const std::string_view key = in_.keys[cluster_.members[i]];
      auto [it, inserted] = seen.emplace(key, static_cast<uint32_t>(distinct.size()));
      if (inserted) distinct.push_back(key);
      number[i] = it->second;
    }
    auto& order = here_->order;
    order.resize(distinct.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(),
              [&](uint32_t x, uint32_t y) { return distinct[x] < distinct[y]; });
    auto& rank = here_->rank;
    rank.resize(distinct.size());
    for (uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
    here_->group_of.resize(cluster_.members.size());
    for (size_t i = 0; i < cluster_.members.size(); ++i) here_->group_of[i] = rank[number[i]];
  }
  // The members by group (a counting sort: cluster order within each group).
  void GroupMembers() {
    auto& begin = here_->group_begin;
    begin.assign(here_->distinct.size() + 1, 0);
    for (uint32_t g : here_->group_of) ++begin[g + 1];
    for (size_t g = 1; g < begin.size(); ++g) begin[g] += begin[g - 1];
    here_->group_members.resize(cluster_.members.size());
    auto& next = here_->order;  // RankGroups is done with it
    next.assign(begin.begin(), begin.end() - 1);
    for (size_t i = 0; i < cluster_.members.size(); ++i) {
      here_->group_members[next[here_->group_of[i]]++] = cluster_.members[i];
    }
  }
  const Link& LinkAt(size_t l) const {
    return l < here_->base ? in_.result.links[l] : here_->links[l - here_->base];
  }
  const TokenizedQuote& TokensOf(size_t q) {
    TokenizedQuote*& tokens = here_->tokens[in_.position[q]];
    if (tokens == nullptr) {
      if (here_->pool_used == here_->pool.size()) {
        here_->pool.push_back(std::make_unique<TokenizedQuote>());
      }
      tokens = here_->pool[here_->pool_used++].get();
      TokenizeQuoteInto(Quote(q).text, tokens);
    }
    return *tokens;
  }
  // The link between the groups of two keys: the one cross-referencing decided between their
  // representatives, else decided here (the two were joined through other links), if they
  // are the same words said once.
  std::optional<size_t> Between(GroupKey x, GroupKey y) {
    const GroupPairKey pair = GroupPair(x, y);
    const auto& between = here_->between;
    auto it = std::lower_bound(between.begin(), between.end(), pair,
                               [](const auto& e, GroupPairKey p) { return e.first < p; });
    if (it != between.end() && it->first == pair) return it->second;
    auto [memo, inserted] = here_->decided.try_emplace(pair);
    if (!inserted) return memo->second;
    const size_t a = std::min(Rep(x), Rep(y)), b = std::max(Rep(x), Rep(y));
    std::optional<Link> link = DecidePair(a, b, TokensOf(a), TokensOf(b), in_.speakers[a],
                                          in_.speakers[b], here_->aligner);
    if (link) {
      link->cluster = cluster_.id;
      memo->second = here_->base + here_->links.size();
      here_->links.push_back(std::move(*link));
    }
    return memo->second;
  }
  // Link l's word diff, computed once (links keep none: LinkDiff).
  const QuoteDiff& DiffOf(size_t l) {
    auto it = diffs_.find(l);
    if (it == diffs_.end()) {
      const Link& link = LinkAt(l);
      std::optional<QuoteDiff> stored = StoredLinkDiff(in_.result, link);
      it = diffs_
               .emplace(l, stored
                               ? std::move(*stored)
                               : LinkDiff(link, TokensOf(link.a), TokensOf(link.b), here_->aligner))
               .first;
    }
    return it->second;
  }
  // Link l's evidence, weighed once, all but whether a side is nested in the other (which
  // only a misattribution reads: MisattributionEvidenceOf).
  const PairEvidence& EvidenceOf(size_t l) { return WeighedOf(l).evidence; }
  // The same, nested sides weighed too.
  const PairEvidence& MisattributionEvidenceOf(size_t l) {
    Weighed& weighed = WeighedOf(l);
    if (!weighed.nested_weighed) {
      weighed.evidence.nested = SidesNested(in_.result, LinkAt(l));
      weighed.nested_weighed = true;
    }
    return weighed.evidence;
  }
  struct Weighed {
    PairEvidence evidence;
    bool nested_weighed = false;
  };
  Weighed& WeighedOf(size_t l) {
    auto it = evidence_.find(l);
    if (it == evidence_.end()) {
      const Link& link = LinkAt(l);
      const QuoteDiff& diff = DiffOf(l);
      it = evidence_
               .emplace(l,
                        Weighed{WeighLink(in_.result, link, diff, in_.keys, in_.speakers_by_key,
                                          in_.context.lexicon, Weigh::kAllButNested, Known(link))})
               .first;
    }
    return it->second;
  }
  // What this cluster knows of a link's sides: link.a's tokens (most links of a cluster
  // share a side, tokenised once) and whether its name side reads as a name (asked once per
  // quotation).
  KnownSides Known(const Link& link) {
    KnownSides known;
    known.a_tokens = &TokensOf(link.a);
    known.name_side_reads_as_name = ReadsAsNameOf(NameSide(in_.result, link));
    return known;
  }
  // ReadsAsName of member q, worked out once (from its tokens when it has them).
  bool ReadsAsNameOf(size_t q) {
    const uint32_t position = in_.position[q];
    int8_t& memo = here_->reads_as_name[position];
    if (memo < 0) {
      const TokenizedQuote* tokens = here_->tokens[position];
      const auto& lexicon = in_.context.lexicon;
      memo = tokens != nullptr ? ReadsAsName(*tokens, lexicon, in_.keys[q])
                               : ReadsAsName(Quote(q).text, lexicon, in_.keys[q]);
    }
    return memo != 0;
  }
  // Whether link l is evidence of a divergence; only a variant close enough is weighed (the
  // weighing computes the link's word diff; the evidence's similarity is the link's).
  bool Diverges(size_t l) {
    const Link& link = LinkAt(l);
    return link.relation == Relation::kVariant && link.similarity >= kMinDivergenceSimilarity &&
           SupportsDivergence(link, EvidenceOf(l));
  }
  // Two members of one group: the same words, weighed as a verbatim link.
  const PairEvidence& SameWordsEvidence(size_t x, size_t y) {
    auto it = same_words_.find(Key(x));
    if (it == same_words_.end()) {
      Link link;
      link.a = x;
      link.b = y;
      link.relation = Relation::kVerbatim;
      link.similarity = 1.0;
      link.diff.ops.push_back({DiffOp::Kind::kEqual, Quote(x).text, Quote(x).text});
      it =
          same_words_
              .emplace(Key(x), WeighLink(in_.result, link, link.diff, in_.keys, in_.speakers_by_key,
                                         in_.context.lexicon, Weigh::kAll, Known(link)))
              .first;
    }
    return it->second;
  }
  const QuoteRecord& Quote(size_t q) const { return in_.result.quotes[q]; }
  bool IsPrimary(size_t q) const { return in_.result.documents[Quote(q).doc].primary; }
  std::string Where(size_t q) const {
    const DocumentInfo& d = in_.result.documents[Quote(q).doc];
    return d.meta.outlet.empty() ? d.id : fmt::format("{} ({})", d.id, d.meta.outlet);
  }
  // A quotation of `members` in another document than `q` (`preferred` first), if any.
  std::optional<size_t> InOtherDocument(std::span<const size_t> members, size_t q,
                                        std::optional<size_t> preferred = std::nullopt) const {
    if (preferred && Quote(*preferred).doc != Quote(q).doc) return preferred;
    for (size_t r : members) {
      if (Quote(r).doc != Quote(q).doc) return r;
    }
    return std::nullopt;
  }

  void Add(std::string rule, Severity severity, size_t member, size_t ref, std::optional<size_t> l,
           const PairEvidence& evidence, double attribution, std::optional<Relation> relation,
           std::string message) {
    Finding f;
    f.rule = std::move(rule);
    f.quotes = {member, ref};
    f.link = l;
    f.confidence = FindingConfidence(evidence, attribution);
    if (f.confidence < in_.context.min_confidence) return;
    f.severity = SeverityForConfidence(severity, f.confidence);
    f.evidence.shared_words = evidence.shared_words;
    f.evidence.relation = relation;
    f.message = std::move(message);
    out_->push_back(std::move(f));
  }

  // Member `member` of one group of link `l` against `ref` of the other.
  void AddDivergence(std::string rule, size_t member, size_t ref, size_t l, std::string message) {
    const Link& link = LinkAt(l);
    // A member with other typography than the link's side: diffed with this cluster's tokens
    // (most such members are diffed against one reference).
    QuoteDiff diff = DiffFor(in_.result, link, member, ref, &DiffOf(l), [&] {
      return DiffQuotes(TokensOf(member), TokensOf(ref), here_->aligner);
    });
    const size_t before = out_->size();
    Add(std::move(rule), DivergenceSeverity(diff), member, ref, l, EvidenceOf(l), 1.0,
        link.relation, std::move(message) + FlagsNote(diff));
    if (out_->size() > before) out_->back().diff = std::move(diff);
  }

  // Each group against the primary source's words, else against the canonical wording as
  // another document prints it: through the link between the two groups, or not at all.
  void Divergences() {
    const size_t ref = cluster_.primary ? *cluster_.primary : cluster_.canonical;
    const GroupKey ref_key = Key(ref);
    for (GroupKey key = 0; key < Groups(); ++key) {
      if (key == ref_key) continue;
      const std::optional<size_t> l = Between(key, ref_key);
      if (!l || !Diverges(*l)) continue;
      for (size_t m : Members(key)) {
        if (cluster_.primary) {
          if (IsPrimary(m)) continue;
          AddDivergence("primary-divergence", m, ref, *l,
                        fmt::format("quotation differs from the primary source {}", Where(ref)));
          continue;
        }
        const std::optional<size_t> r = InOtherDocument(Members(ref_key), m, ref);
        if (!r) continue;
        auto [shown, inserted] = shown_.try_emplace(*r);  // most members name one reference
        if (inserted)
          shown->second = ShortenForDisplay(Quote(*r).text, kMessageQuoteWidth, Elide::kEnd);
        AddDivergence("wording-divergence", m, *r, *l,
                      fmt::format("wording differs from {}: “{}”", Where(*r), shown->second));
      }
    }
  }

  // One document quoting one utterance two ways: a close variant, changed in substance. The
  // groups one document prints are compared pairwise, at most kGroupsComparedPerDocument of
  // them.
  void Inconsistencies() {
    // (doc, group) of every member, sorted: each document's groups in key order, once.
    std::vector<std::pair<uint32_t, GroupKey>> in_doc(cluster_.members.size());
    for (size_t i = 0; i < cluster_.members.size(); ++i) {
      in_doc[i] = {Quote(cluster_.members[i]).doc, here_->group_of[i]};
    }
    std::sort(in_doc.begin(), in_doc.end());
    in_doc.erase(std::unique(in_doc.begin(), in_doc.end()), in_doc.end());
    std::vector<GroupPairKey> pairs;  // in key order, as the groups are
    for (size_t d = 0; d < in_doc.size();) {
      size_t e = d;
      while (e < in_doc.size() && in_doc[e].first == in_doc[d].first) ++e;
      const size_t n = std::min(e - d, kGroupsComparedPerDocument);
      for (size_t i = 0; i < n; ++i) {
        for (size_t j = i + 1; j < n; ++j) {
          pairs.push_back(GroupPair(in_doc[d + i].second, in_doc[d + j].second));
        }
      }
      d = e;
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    std::map<size_t, std::pair<size_t, size_t>> first;  // later quote → (earlier, link)
    for (const GroupPairKey pair : pairs) {
      const std::optional<size_t> l = Between(First(pair), Second(pair));
      if (!l || LinkAt(*l).similarity < kInconsistentSimilarity || !Diverges(*l)) continue;
      std::unordered_map<uint32_t, size_t> in_first;  // doc → its first member of one group
      for (size_t x : Members(First(pair))) in_first.emplace(Quote(x).doc, x);
      for (size_t y : Members(Second(pair))) {
        auto it = in_first.find(Quote(y).doc);
        if (it == in_first.end() || IsPrimary(y)) continue;
        const size_t earlier = std::min(it->second, y), later = std::max(it->second, y);
        auto [f, inserted] = first.emplace(later, std::pair(earlier, *l));
        if (!inserted && earlier < f->second.first) f->second = {earlier, *l};
      }
    }
    for (const auto& [y, found] : first) {
      const auto [x, l] = found;
      AddDivergence(
          "inconsistent-quote", y, x, l,
          fmt::format("the same quotation is worded differently at line {}", Quote(x).line));
    }
  }

  // The reference speaker is the primary source's, else the one most documents name
  // explicitly (ties: the first appearance); a member naming someone else explicitly is a
  // misattribution when a quotation of the same words, or of a linked group, names the
  // reference speaker explicitly in another document, over words that are evidence.
  void Misattributions() {
    const auto& speakers = in_.speakers;
    std::optional<size_t> ref;
    if (cluster_.primary && speakers[*cluster_.primary].explicit_name) {
      ref = cluster_.primary;
    } else {
      std::map<std::string_view, std::vector<uint32_t>> docs;  // key → documents naming it
      for (size_t m : cluster_.members) {
        if (!speakers[m].explicit_name) continue;
        auto& d = docs[speakers[m].key()];
        if (std::find(d.begin(), d.end(), Quote(m).doc) == d.end()) d.push_back(Quote(m).doc);
      }
      size_t votes = 0;
      for (size_t m : cluster_.members) {
        if (!speakers[m].explicit_name) continue;
        const size_t v = docs[speakers[m].key()].size();
        if (!ref || v > votes || (v == votes && m == cluster_.first)) {
          ref = m;
          votes = v;
        }
      }
    }
    if (!ref) return;
    const SpeakerEvidence& reference = speakers[*ref];
    // Only a member that names someone else can be a misattribution (and only for one is a
    // link decided below): most clusters have none.
    if (std::none_of(cluster_.members.begin(), cluster_.members.end(),
                     [&](size_t m) { return SpeakersDisagree(speakers[m], reference); })) {
      return;
    }
    // Per group, its members that name the reference speaker explicitly.
    std::unordered_map<GroupKey, std::vector<size_t>> naming;
    for (GroupKey key = 0; key < Groups(); ++key) {
      for (size_t m : Members(key)) {
        if (speakers[m].explicit_name && !SpeakersDisagree(speakers[m], reference)) {
          naming[key].push_back(m);
        }
      }
    }
    std::unordered_map<GroupKey, std::vector<std::pair<GroupKey, size_t>>> neighbours;
    for (const auto& [pair, l] : here_->between) {  // (other group, link) by group
      neighbours[First(pair)].emplace_back(Second(pair), l);
      neighbours[Second(pair)].emplace_back(First(pair), l);
    }
    const GroupKey ref_key = Key(*ref);
    for (GroupKey key = 0; key < Groups(); ++key) {
      const std::span<const size_t> members = Members(key);
      std::vector<std::pair<GroupKey, size_t>> linked;
      if (auto found = neighbours.find(key); found != neighbours.end()) linked = found->second;
      // The reference's own group, decided here when cross-referencing joined it otherwise.
      if (key != ref_key && std::none_of(linked.begin(), linked.end(),
                                         [&](const auto& x) { return x.first == ref_key; })) {
        bool disagree = false;
        for (size_t m : members) disagree = disagree || SpeakersDisagree(speakers[m], reference);
        if (disagree) {
          if (std::optional<size_t> l = Between(key, ref_key)) linked.emplace_back(ref_key, *l);
        }
      }
      for (size_t m : members) {
        if (!SpeakersDisagree(speakers[m], reference)) continue;
        auto disagreeing = [&](size_t r) { return SpeakersDisagree(speakers[m], speakers[r]); };
        // The same words in another document, naming the reference speaker.
        std::optional<size_t> r;
        for (size_t x : naming[key]) {
          if (Quote(x).doc != Quote(m).doc && disagreeing(x)) {
            r = x;
            break;
          }
        }
        if (r) {
          const PairEvidence& evidence = SameWordsEvidence(m, *r);
          if (SupportsMisattribution(evidence)) {
            const size_t l = here_->member_link[in_.position[m != Rep(key) ? m : *r]];
            AddMisattribution(m, *r, l == kNone ? std::nullopt : std::optional(l), evidence,
                              Relation::kVerbatim);
          }
          continue;
        }
        // A linked group's quotation, the link's words being evidence.
        std::optional<std::pair<size_t, size_t>> best;  // (r, link)
        for (const auto& [other, l] : linked) {
          if (!SupportsMisattribution(MisattributionEvidenceOf(l))) continue;
          for (size_t x : naming[other]) {
            if (Quote(x).doc == Quote(m).doc || !disagreeing(x)) continue;
            if (!best ||
                EvidenceOf(l).shared_words.size() > EvidenceOf(best->second).shared_words.size()) {
              best = std::pair(x, l);
            }
            break;
          }
        }
        if (best) {
          AddMisattribution(m, best->first, best->second, EvidenceOf(best->second),
                            LinkAt(best->second).relation);
        }
      }
    }
  }

  size_t Rep(GroupKey key) const { return Members(key).front(); }

  void AddMisattribution(size_t m, size_t r, std::optional<size_t> l, const PairEvidence& evidence,
                         Relation relation) {
    const double attribution = std::min(Quote(m).confidence, Quote(r).confidence);
    const size_t before = out_->size();
    Add("misattribution", Severity::kError, m, r, l, evidence, attribution, relation,
        fmt::format("attributed to {} here but to {} in {}", *Quote(m).speaker, *Quote(r).speaker,
                    Where(r)));
    if (out_->size() > before) {
      out_->back().evidence.speaker_keys = {in_.speakers[m].key(), in_.speakers[r].key()};
    }
  }

  const Inputs& in_;
  const Cluster& cluster_;
  const std::vector<size_t>& links_;
  DecidedHere* here_;
  std::vector<Finding>* out_;
  std::unordered_map<size_t, Weighed> evidence_;  // by link
  std::unordered_map<size_t, QuoteDiff> diffs_;   // by link
  std::unordered_map<GroupKey, PairEvidence> same_words_;
  std::unordered_map<size_t, std::string> shown_;  // a reference's text as messages show it
};

}  // namespace

FindingContext::FindingContext(const RuleSet& rules)
    : keyer(rules), lexicon([&rules](const std::string& name) -> const std::vector<std::string>& {
        return LexiconOf(rules, name);
      }) {}

Severity DivergenceSeverity(const QuoteDiff& diff) {
  constexpr uint32_t kMeaning =
      kMeaningNegation | kMeaningNumber | kMeaningNamedEntity | kMeaningModal;
  return (diff.flags & kMeaning) != 0 ? Severity::kError : Severity::kWarning;
}

QuoteDiff OrientedDiff(const CheckResult& result, const Link& link, size_t from) {
  QuoteDiff d = LinkDiff(result, link);
  if (link.a != from) d.ops = ReversedDiff(d.ops);
  return d;
}

QuoteDiff DiffFor(const CheckResult& result, const Link& link, size_t x, size_t y,
                  const QuoteDiff* link_diff, const std::function<QuoteDiff()>& diff_afresh) {
  // The link's own sides, or members with the very texts of its sides: the same diff.
  auto same = [&](size_t q, size_t side) {
    return q == side || result.quotes[q].text == result.quotes[side].text;
  };
  const bool forward = same(x, link.a) && same(y, link.b);
  if (forward || (same(x, link.b) && same(y, link.a))) {
    if (link_diff == nullptr) return OrientedDiff(result, link, forward ? link.a : link.b);
    QuoteDiff d = *link_diff;
    if (!forward) d.ops = ReversedDiff(d.ops);
    return d;
  }
  QuoteDiff diff =
      diff_afresh ? diff_afresh() : DiffQuotes(result.quotes[x].text, result.quotes[y].text);
  diff.classes = link.diff.classes;
  diff.flags = link.diff.flags;
  return diff;
}

std::vector<Finding> UnbalancedQuoteFindings(const CheckResult& result) {
  std::vector<Finding> out;
  for (const Diagnostic& d : result.diagnostics) {
    if (d.code != "unbalanced-quote") continue;
    Finding f;
    f.rule = "unbalanced-quote";
    f.severity = Severity::kWarning;
    f.message = d.message;
    f.location = d;
    for (uint32_t i = 0; i < result.documents.size(); ++i) {
      if (result.documents[i].path == d.path) {
        f.doc = i;
        break;
      }
    }
    out.push_back(std::move(f));
  }
  return out;
}

Finding UnattributedQuoteFinding(size_t quote) {
  Finding f;
  f.rule = "unattributed-quote";
  f.severity = Severity::kInfo;
  f.quotes = {quote};
  f.message = "direct quotation with no speaker";
  return f;
}

bool IsUnattributed(const QuoteRecord& quote) {
  return quote.kind == QuoteKind::kDirect && !quote.speaker && !quote.speaker_mention;
}

void AddCheckFindings(const FindingContext& context, CheckResult* result, unsigned jobs,
                      QuoteFacts* facts) {
  AddClusterFindings(context, result, jobs, facts);
  AddCarriedFindings(result);
}

void AddCarriedFindings(CheckResult* result) {
  std::vector<Finding> unbalanced = UnbalancedQuoteFindings(*result);
  // Room for them at once: the findings before them are many, and moved when the vector grows.
  const auto unattributed = static_cast<size_t>(
      std::count_if(result->quotes.begin(), result->quotes.end(), IsUnattributed));
  result->findings.reserve(result->findings.size() + unbalanced.size() + unattributed);
  for (Finding& f : unbalanced) result->findings.push_back(std::move(f));
  for (size_t q = 0; q < result->quotes.size(); ++q) {
    if (IsUnattributed(result->quotes[q])) result->findings.push_back(UnattributedQuoteFinding(q));
  }
}

void AddClusterFindings(const FindingContext& context, CheckResult* result, unsigned jobs,
                        QuoteFacts* facts) {
  const auto& quotes = result->quotes;
  // Match keys of every clustered quotation (the canonical form, and how many speakers say
  // the words) and its speaker evidence: cross-referencing's when given, else computed here.
  std::vector<std::string> keys;
  std::vector<SpeakerEvidence> speakers;
  const bool given = facts != nullptr && facts->keys.size() == quotes.size() &&
                     facts->speakers.size() == quotes.size();
  if (given) {
    keys = std::move(facts->keys);
    speakers = std::move(facts->speakers);
  } else {
    keys.resize(quotes.size());
    speakers.resize(quotes.size());
  }
  // A thread per 4096 quotations at most: fewer are read faster than a thread starts.
  constexpr size_t kQuotesPerThread = 4096;
  jobs = std::max(
      1u, std::min<unsigned>(jobs, static_cast<unsigned>(quotes.size() / kQuotesPerThread + 1)));
  RunInSlices(quotes.size(), jobs, [&](size_t begin, size_t end, unsigned) {
    for (size_t q = begin; q < end; ++q) {  // only clustered quotations are compared
      if (quotes[q].cluster.empty()) {
        keys[q].clear();
      } else if (!given) {
        keys[q] = MatchKey(quotes[q].text);
        speakers[q] = context.keyer.Evidence(quotes[q]);
      }
    }
  });
  const auto speakers_by_key = CountSpeakersByKey(*result, keys);

  // Each quotation's cluster by number (the clusters' members; ids are not looked up).
  constexpr uint32_t kNoCluster = UINT32_MAX;
  std::vector<uint32_t> cluster_of(quotes.size(), kNoCluster);
  for (size_t c = 0; c < result->clusters.size(); ++c) {
    for (size_t m : result->clusters[c].members) cluster_of[m] = static_cast<uint32_t>(c);
  }
  std::vector<std::vector<size_t>> links_of_cluster(result->clusters.size());
  for (size_t l = 0; l < result->links.size(); ++l) {
    const Link& link = result->links[l];
    // A link joins two quotations of one cluster; one across clusters is not evidence here.
    const uint32_t c = cluster_of[link.a];
    if (c != kNoCluster && c == cluster_of[link.b]) links_of_cluster[c].push_back(l);
  }
  ReleaseMemory(cluster_of);
  std::vector<uint32_t> position(quotes.size());  // each member's place in its cluster
  for (const Cluster& cluster : result->clusters) {
    for (size_t i = 0; i < cluster.members.size(); ++i) {
      position[cluster.members[i]] = static_cast<uint32_t>(i);
    }
  }
  const Inputs inputs{context,  *result,          keys,    speakers_by_key,
                      speakers, links_of_cluster, position};

  // Clusters are independent: chunks of them taken in turn by `jobs` threads (a cluster's
  // findings take microseconds, a giant cluster's far longer), joined in cluster order.
  constexpr size_t kClustersPerChunk = 64;
  const size_t clusters = result->clusters.size();
  struct Chunk {
    std::vector<Finding> findings;
    std::vector<Link> links;  // decided here; a finding's link from `base` on is one of these
  };
  std::vector<Chunk> parts((clusters + kClustersPerChunk - 1) / kClustersPerChunk);
  const size_t base = result->links.size();
  std::vector<DecidedHere> decided(jobs);  // each thread's aligner and token buffers
  RunInChunks(clusters, kClustersPerChunk, jobs, [&](size_t begin, size_t end, unsigned worker) {
    DecidedHere& here = decided[worker];
    here.base = base;
    // Findings made into a vector of the thread's own and moved into place once: the chunks
    // lie side by side, and two threads fill neighbouring chunks.
    Chunk part;
    for (size_t c = begin; c < end; ++c) ClusterFindings(inputs, c, &here, &part.findings).Run();
    part.links = std::move(here.links);
    here.links.clear();
    parts[begin / kClustersPerChunk] = std::move(part);
  });
  // Room for them all at once: grown a record at a time, the vectors (hundreds of thousands
  // of findings, and every link) would be moved to fresh pages several times over.
  size_t more_links = 0, more_findings = 0;
  for (const Chunk& part : parts) {
    more_links += part.links.size();
    more_findings += part.findings.size();
  }
  result->links.reserve(result->links.size() + more_links);
  result->findings.reserve(result->findings.size() + more_findings);
  for (Chunk& part : parts) {  // links decided here appended, findings' indexes moved
    const size_t at = result->links.size();
    for (Link& link : part.links) result->links.push_back(std::move(link));
    for (Finding& f : part.findings) {
      if (f.link && *f.link >= base) f.link = at + (*f.link - base);
      result->findings.push_back(std::move(f));
    }
  }
}

}  // namespace quotecheck
