#include "xref/quote_findings.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <thread>

#include "core/code_point.h"

namespace quotecheck {
namespace {

std::string LastWordLower(const std::string& name) {
  size_t end = name.size();
  while (end > 0 && (name[end - 1] == '.' || name[end - 1] == ' ')) --end;
  size_t start = name.rfind(' ', end == 0 ? 0 : end - 1);
  start = start == std::string::npos ? 0 : start + 1;
  std::string w = name.substr(start, end - start);
  for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return w;
}

std::string Shortened(const std::string& text, size_t max_bytes = 60) {
  if (text.size() <= max_bytes) return text;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "…";
}

Severity DivergenceSeverity(const QuoteDiff& diff) {
  constexpr uint32_t kMeaning = kMeaningNegation | kMeaningNumber | kMeaningNamedEntity | kMeaningModal;
  if (diff.flags & kMeaning) return Severity::kError;
  return Severity::kWarning;
}

std::string FlagsNote(const QuoteDiff& diff) {
  std::vector<std::string_view> names = MeaningFlagNames(diff.flags);
  if (names.empty()) return "";
  return fmt::format(" ({} changed)", fmt::join(names, ", "));
}

}  // namespace

bool SpeakersAgree(const std::optional<std::string>& a, const std::optional<std::string>& b) {
  if (!a || !b || a->empty() || b->empty()) return true;
  if (*a == *b) return true;
  // Groups and bodies ("a senior official", "White House") are not checked against names.
  auto is_name = [](const std::string& s) {
    return IsUpper(DecodeAt(s, 0).cp) && s.rfind("The ", 0) != 0;
  };
  if (!is_name(*a) || !is_name(*b)) return true;
  return LastWordLower(*a) == LastWordLower(*b);
}

bool SpeakersMatch(const std::optional<std::string>& a, const std::optional<std::string>& b) {
  if (!a || !b || a->empty() || b->empty()) return true;
  return LastWordLower(*a) == LastWordLower(*b);
}

// The findings of one cluster, appended to `out`.
void ClusterFindings(const Cluster& cluster, const QuoteComparer& compare,
                     const CheckResult* result, std::vector<Finding>* out) {
  const auto& quotes = result->quotes;
  const auto& docs = result->documents;
  auto where = [&](size_t q) {
    const DocumentInfo& d = docs[quotes[q].doc];
    return d.meta.outlet.empty() ? d.id : fmt::format("{} ({})", d.id, d.meta.outlet);
  };

  // Whether m is a version of ref with other words: a variant sharing a run of words (a
  // cluster can join two utterances through a fragment of both, so not every pair is).
  auto divergent = [&](size_t m, size_t ref, QuoteComparison* c) {
    *c = compare(m, ref);
    if (c->relation.relation != Relation::kVariant) return false;
    const uint32_t shorter = std::min(c->stats.a_words, c->stats.b_words);
    return c->stats.longest_run >= std::min<uint32_t>(4, shorter) && c->relation.similarity >= 0.5;
  };
  auto same_words = [&](size_t x, size_t y) {
    Relation r = compare(x, y).relation.relation;
    return r == Relation::kVerbatim || r == Relation::kNormalized;
  };
  auto add = [&](std::string rule, size_t m, size_t ref, const QuoteComparison& c,
                 std::string message) {
    Finding f;
    f.rule = std::move(rule);
    f.quotes = {m, ref};
    f.diff = c.diff;
    f.severity = DivergenceSeverity(c.diff);
    f.message = std::move(message);
    out->push_back(std::move(f));
  };

  {
    QuoteComparison c;
    if (cluster.primary) {
      // Every member against the primary source's words.
      const size_t ref = *cluster.primary;
      for (size_t m : cluster.members) {
        if (m == ref || docs[quotes[m].doc].primary || !divergent(m, ref, &c)) continue;
        add("primary-divergence", m, ref, c,
            fmt::format("quotation differs from the primary source {}{}", where(ref),
                        FlagsNote(c.diff)));
      }
    } else {
      // Every member against the canonical wording as another document prints it.
      const size_t canon = cluster.canonical;
      for (size_t m : cluster.members) {
        if (m == canon) continue;
        std::optional<size_t> ref;
        if (quotes[m].doc != quotes[canon].doc) {
          ref = canon;
        } else {
          for (size_t x : cluster.members) {
            if (x != m && quotes[x].doc != quotes[m].doc && same_words(x, canon)) {
              ref = x;
              break;
            }
          }
        }
        if (!ref || !divergent(m, *ref, &c)) continue;
        add("wording-divergence", m, *ref, c,
            fmt::format("wording differs from {}: “{}”{}", where(*ref),
                        Shortened(quotes[*ref].text), FlagsNote(c.diff)));
      }
    }
    // One document quoting the same words two ways.
    for (size_t i = 0; i < cluster.members.size(); ++i) {
      const size_t y = cluster.members[i];
      if (docs[quotes[y].doc].primary) continue;
      for (size_t k = 0; k < i; ++k) {
        const size_t x = cluster.members[k];
        if (quotes[x].doc != quotes[y].doc || !divergent(y, x, &c)) continue;
        add("inconsistent-quote", y, x, c,
            fmt::format("the same quotation is worded differently at line {}{}", quotes[x].line,
                        FlagsNote(c.diff)));
        break;
      }
    }

    // The reference speaker: the primary source's, else the most common one, ties going to
    // the first appearance.
    std::map<std::string, size_t> votes;
    for (size_t m : cluster.members) {
      if (quotes[m].speaker) votes[*quotes[m].speaker]++;
    }
    std::optional<size_t> speaker_ref;
    if (cluster.primary && quotes[*cluster.primary].speaker) {
      speaker_ref = cluster.primary;
    } else {
      size_t best = 0;
      for (size_t m : cluster.members) {
        if (!quotes[m].speaker) continue;
        size_t v = votes[*quotes[m].speaker];
        bool first = m == cluster.first;
        if (!speaker_ref || v > best ||
            (v == best && first)) {
          speaker_ref = m;
          best = v;
        }
      }
    }
    if (!speaker_ref) return;
    for (size_t m : cluster.members) {
      if (m == *speaker_ref || SpeakersAgree(quotes[m].speaker, quotes[*speaker_ref].speaker)) {
        continue;
      }
      Finding f;
      f.rule = "misattribution";
      f.severity = Severity::kError;
      f.quotes = {m, *speaker_ref};
      f.message = fmt::format("attributed to {} here but to {} in {}", *quotes[m].speaker,
                              *quotes[*speaker_ref].speaker, where(*speaker_ref));
      out->push_back(std::move(f));
    }
  }

}

void AddFindings(const QuoteComparer& compare, CheckResult* result, unsigned jobs) {
  const auto& quotes = result->quotes;
  const auto& docs = result->documents;
  // Clusters are independent: chunks of them on `jobs` threads, joined in cluster order.
  jobs = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(result->clusters.size() / 64 + 1)));
  std::vector<std::vector<Finding>> parts(jobs);
  auto run = [&](unsigned j) {
    size_t begin = result->clusters.size() * j / jobs, end = result->clusters.size() * (j + 1) / jobs;
    for (size_t c = begin; c < end; ++c) ClusterFindings(result->clusters[c], compare, result, &parts[j]);
  };
  if (jobs == 1) {
    run(0);
  } else {
    std::vector<std::thread> threads;
    for (unsigned j = 0; j < jobs; ++j) threads.emplace_back(run, j);
    for (auto& t : threads) t.join();
  }
  for (auto& part : parts) {
    for (Finding& f : part) result->findings.push_back(std::move(f));
  }

  // Carried over from extraction.
  for (const Diagnostic& d : result->diagnostics) {
    if (d.code != "unbalanced-quote") continue;
    Finding f;
    f.rule = "unbalanced-quote";
    f.severity = Severity::kWarning;
    f.message = d.message;
    f.location = d;
    for (uint32_t i = 0; i < docs.size(); ++i) {
      if (docs[i].path == d.path) {
        f.doc = i;
        break;
      }
    }
    result->findings.push_back(std::move(f));
  }
  for (size_t q = 0; q < quotes.size(); ++q) {
    if (quotes[q].kind != QuoteKind::kDirect || quotes[q].speaker || quotes[q].speaker_mention) {
      continue;
    }
    Finding f;
    f.rule = "unattributed-quote";
    f.severity = Severity::kInfo;
    f.quotes = {q};
    f.message = "direct quotation with no speaker";
    result->findings.push_back(std::move(f));
  }
}

}  // namespace quotecheck
