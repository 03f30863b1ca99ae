#include "findings/check_findings.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <thread>
#include <unordered_map>

#include "diff/quote_tokens.h"
#include "findings/finding_rules.h"

namespace quotecheck {
namespace {

// Two quotations of one document are one utterance quoted two ways only when they are this
// close: further apart, they are more likely a person saying a line twice (a debater
// repeating "this notion that … doesn't know what he's doing" in other words).
constexpr double kInconsistentSimilarity = 0.8;

std::string Shortened(const std::string& text, size_t max_bytes = 60) {
  if (text.size() <= max_bytes) return text;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "…";
}

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
  const std::vector<std::string>& keys;  // match keys (linked quotes)
  const std::unordered_map<std::string_view, size_t>& speakers_by_key;
  const std::vector<SpeakerEvidence>& speakers;              // by quote
  const std::vector<std::vector<size_t>>& links_of_cluster;  // link indexes
};

class ClusterFindings {
 public:
  ClusterFindings(const Inputs& in, size_t cluster, std::vector<Finding>* out)
      : in_(in),
        cluster_(in.result.clusters[cluster]),
        links_(in.links_of_cluster[cluster]),
        out_(out) {}

  void Run() {
    for (size_t l : links_) weighed_.emplace(l, in_.result.links[l]);
    Divergences();
    Inconsistencies();
    Misattributions();
  }

 private:
  struct Weighed {
    explicit Weighed(const Link& l) : link(&l) {}
    const Link* link;
    std::optional<PairEvidence> evidence;
  };

  const PairEvidence& EvidenceOf(size_t l) {
    Weighed& w = weighed_.at(l);
    if (!w.evidence) {
      w.evidence =
          WeighLink(in_.result, *w.link, in_.keys, in_.speakers_by_key, in_.context.lexicon);
    }
    return *w.evidence;
  }
  const QuoteRecord& Quote(size_t q) const { return in_.result.quotes[q]; }
  bool IsPrimary(size_t q) const { return in_.result.documents[Quote(q).doc].primary; }
  std::string Where(size_t q) const {
    const DocumentInfo& d = in_.result.documents[Quote(q).doc];
    return d.meta.outlet.empty() ? d.id : fmt::format("{} ({})", d.id, d.meta.outlet);
  }
  static size_t Other(const Link& link, size_t q) { return link.a == q ? link.b : link.a; }

  void Add(std::string rule, Severity severity, size_t member, size_t ref, size_t l,
           const PairEvidence& evidence, double attribution, std::string message) {
    Finding f;
    f.rule = std::move(rule);
    f.quotes = {member, ref};
    f.link = l;
    f.confidence = FindingConfidence(evidence, attribution);
    if (f.confidence < in_.context.min_confidence) return;
    f.severity = SeverityForConfidence(severity, f.confidence);
    f.evidence.shared_words = evidence.shared_words;
    f.evidence.relation = in_.result.links[l].relation;
    f.message = std::move(message);
    out_->push_back(std::move(f));
  }

  void AddDivergence(std::string rule, size_t member, size_t ref, size_t l, std::string message) {
    const Link& link = in_.result.links[l];
    QuoteDiff diff = OrientedDiff(link, member);
    const size_t before = out_->size();
    Add(std::move(rule), DivergenceSeverity(diff), member, ref, l, EvidenceOf(l), 1.0,
        std::move(message) + FlagsNote(diff));
    if (out_->size() > before) out_->back().diff = std::move(diff);
  }

  // Each member against the primary source's words, else against the canonical wording as
  // another document prints it: through the link between the two, or not at all.
  void Divergences() {
    const auto& links = in_.result.links;
    if (cluster_.primary) {
      const size_t p = *cluster_.primary;
      for (size_t l : links_) {
        const Link& link = links[l];
        if (link.a != p && link.b != p) continue;
        const size_t m = Other(link, p);
        if (IsPrimary(m) || !SupportsDivergence(link, EvidenceOf(l))) continue;
        AddDivergence("primary-divergence", m, p, l,
                      fmt::format("quotation differs from the primary source {}", Where(p)));
      }
      return;
    }
    const std::string& canon_key = in_.keys[cluster_.canonical];
    std::map<size_t, size_t> best;  // member → link to a canonical-worded quotation
    for (size_t l : links_) {
      const Link& link = links[l];
      for (size_t m : {link.a, link.b}) {
        const size_t r = Other(link, m);
        if (in_.keys[m] == canon_key || in_.keys[r] != canon_key) continue;
        if (Quote(m).doc == Quote(r).doc) continue;
        auto [it, inserted] = best.emplace(m, l);
        if (!inserted && link.similarity > links[it->second].similarity) it->second = l;
      }
    }
    for (const auto& [m, l] : best) {
      if (!SupportsDivergence(links[l], EvidenceOf(l))) continue;
      const size_t r = Other(links[l], m);
      AddDivergence(
          "wording-divergence", m, r, l,
          fmt::format("wording differs from {}: “{}”", Where(r), Shortened(Quote(r).text)));
    }
  }

  // One document quoting one utterance two ways: a close variant, changed in substance.
  void Inconsistencies() {
    std::map<size_t, size_t> first;  // later quotation → link to the earliest
    for (size_t l : links_) {
      const Link& link = in_.result.links[l];
      if (Quote(link.a).doc != Quote(link.b).doc || IsPrimary(link.a)) continue;
      if (link.similarity < kInconsistentSimilarity) continue;
      if (!SupportsDivergence(link, EvidenceOf(l))) continue;
      const size_t later = std::max(link.a, link.b);
      auto [it, inserted] = first.emplace(later, l);
      if (!inserted && Other(link, later) < Other(in_.result.links[it->second], later))
        it->second = l;
    }
    for (const auto& [y, l] : first) {
      const size_t x = Other(in_.result.links[l], y);
      AddDivergence(
          "inconsistent-quote", y, x, l,
          fmt::format("the same quotation is worded differently at line {}", Quote(x).line));
    }
  }

  // The reference speaker is the primary source's, else the one most documents name
  // explicitly (ties: the first appearance); a member naming someone else explicitly is a
  // misattribution when its link to a quotation of the reference speaker bears it out.
  void Misattributions() {
    const auto& speakers = in_.speakers;
    std::optional<size_t> ref;
    if (cluster_.primary && speakers[*cluster_.primary].explicit_name) {
      ref = cluster_.primary;
    } else {
      std::map<std::string_view, std::vector<uint32_t>> docs;  // key → documents naming it
      for (size_t m : cluster_.members) {
        if (!speakers[m].explicit_name) continue;
        auto& d = docs[speakers[m].key];
        if (std::find(d.begin(), d.end(), Quote(m).doc) == d.end()) d.push_back(Quote(m).doc);
      }
      size_t votes = 0;
      for (size_t m : cluster_.members) {
        if (!speakers[m].explicit_name) continue;
        const size_t v = docs[speakers[m].key].size();
        if (!ref || v > votes || (v == votes && m == cluster_.first)) {
          ref = m;
          votes = v;
        }
      }
    }
    if (!ref) return;
    const SpeakerEvidence& reference = speakers[*ref];
    std::map<size_t, size_t> best;  // member → its best link to the reference speaker
    for (size_t l : links_) {
      const Link& link = in_.result.links[l];
      for (size_t m : {link.a, link.b}) {
        const size_t r = Other(link, m);
        if (Quote(m).doc == Quote(r).doc) continue;
        if (!SpeakersDisagree(speakers[m], reference) || !speakers[r].explicit_name ||
            SpeakersDisagree(speakers[r], reference)) {
          continue;
        }
        if (!SpeakersDisagree(speakers[m], speakers[r])) continue;
        if (!SupportsMisattribution(EvidenceOf(l))) continue;
        auto [it, inserted] = best.emplace(m, l);
        if (!inserted &&
            EvidenceOf(l).shared_words.size() > EvidenceOf(it->second).shared_words.size()) {
          it->second = l;
        }
      }
    }
    for (const auto& [m, l] : best) {
      const size_t r = Other(in_.result.links[l], m);
      const double attribution = std::min(Quote(m).confidence, Quote(r).confidence);
      const size_t before = out_->size();
      Add("misattribution", Severity::kError, m, r, l, EvidenceOf(l), attribution,
          fmt::format("attributed to {} here but to {} in {}", *Quote(m).speaker, *Quote(r).speaker,
                      Where(r)));
      if (out_->size() > before)
        out_->back().evidence.speaker_keys = {speakers[m].key, speakers[r].key};
    }
  }

  const Inputs& in_;
  const Cluster& cluster_;
  const std::vector<size_t>& links_;
  std::vector<Finding>* out_;
  std::unordered_map<size_t, Weighed> weighed_;
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

QuoteDiff OrientedDiff(const Link& link, size_t from) {
  if (link.a == from) return link.diff;
  QuoteDiff d = link.diff;
  d.ops = ReversedDiff(link.diff.ops);
  return d;
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

void AddCheckFindings(const FindingContext& context, CheckResult* result, unsigned jobs) {
  const auto& quotes = result->quotes;
  // Match keys of every quotation: the canonical form, and how many speakers say the words.
  std::vector<std::string> keys(quotes.size());
  std::vector<SpeakerEvidence> speakers(quotes.size());
  std::vector<std::thread> threads;
  jobs = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(quotes.size() / 4096 + 1)));
  auto prepare = [&](size_t begin, size_t end) {
    for (size_t q = begin; q < end; ++q) {
      keys[q] = MatchKey(quotes[q].text);
      if (!quotes[q].cluster.empty()) speakers[q] = context.keyer.Evidence(quotes[q]);
    }
  };
  for (unsigned j = 0; j < jobs; ++j) {
    threads.emplace_back(prepare, quotes.size() * j / jobs, quotes.size() * (j + 1) / jobs);
  }
  for (auto& t : threads) t.join();
  threads.clear();
  const auto speakers_by_key = CountSpeakersByKey(*result, keys);

  std::unordered_map<std::string_view, size_t> cluster_index;
  for (size_t c = 0; c < result->clusters.size(); ++c) cluster_index[result->clusters[c].id] = c;
  std::vector<std::vector<size_t>> links_of_cluster(result->clusters.size());
  for (size_t l = 0; l < result->links.size(); ++l) {
    const Link& link = result->links[l];
    // A link joins two quotations of one cluster; one across clusters is not evidence here.
    if (quotes[link.a].cluster != quotes[link.b].cluster) continue;
    auto it = cluster_index.find(quotes[link.a].cluster);
    if (it != cluster_index.end()) links_of_cluster[it->second].push_back(l);
  }
  const Inputs inputs{context, *result, keys, speakers_by_key, speakers, links_of_cluster};

  // Clusters are independent: chunks of them on `jobs` threads, joined in cluster order.
  const size_t clusters = result->clusters.size();
  jobs = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(clusters / 64 + 1)));
  std::vector<std::vector<Finding>> parts(jobs);
  auto run = [&](unsigned j) {
    for (size_t c = clusters * j / jobs; c < clusters * (j + 1) / jobs; ++c) {
      ClusterFindings(inputs, c, &parts[j]).Run();
    }
  };
  for (unsigned j = 0; j < jobs; ++j) threads.emplace_back(run, j);
  for (auto& t : threads) t.join();
  for (auto& part : parts) {
    for (Finding& f : part) result->findings.push_back(std::move(f));
  }

  // Carried over from extraction.
  for (Finding& f : UnbalancedQuoteFindings(*result)) result->findings.push_back(std::move(f));
  for (size_t q = 0; q < quotes.size(); ++q) {
    if (quotes[q].kind == QuoteKind::kDirect && !quotes[q].speaker && !quotes[q].speaker_mention) {
      result->findings.push_back(UnattributedQuoteFinding(q));
    }
  }
}

}  // namespace quotecheck
