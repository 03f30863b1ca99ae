#include "report/claimreview_printer.h"

#include <optional>
#include <string_view>
#include <unordered_map>

#include "report/finding_fingerprint.h"
#include "report/json_writer.h"

namespace quotecheck {
namespace {

struct Verdict {
  int rating = 3;  // 1 (false) … 5 (true)
  std::string_view name;
};

// The rating of a finding a fact-checker reviews; nullopt for the others.
std::optional<Verdict> VerdictOf(const Finding& f) {
  if (f.quotes.empty()) return std::nullopt;
  if (f.rule == "misattribution") return Verdict{1, "Misattributed"};
  if (f.rule == "wording-divergence") {
    return f.severity == Severity::kError ? Verdict{2, "Altered quotation"}
                                          : Verdict{3, "Reworded quotation"};
  }
  if (f.rule == "truncated-quote") return Verdict{3, "Truncated quotation"};
  if (f.rule == "unverified-quote") return Verdict{3, "Unverified quotation"};
  return std::nullopt;
}

void Organization(JsonWriter& json, std::string_view name) {
  json.BeginObject();
  json.Key("@type");
  json.String("Organization");
  json.Key("name");
  json.String(name);
  json.EndObject();
}

// A CreativeWork for the document of quotation `q`.
void Appearance(JsonWriter& json, const CheckResult& result, size_t q) {
  const DocumentInfo& doc = result.documents[result.quotes[q].doc];
  json.BeginObject();
  json.Key("@type");
  json.String("CreativeWork");
  if (!doc.meta.url.empty()) {
    json.Key("url");
    json.String(doc.meta.url);
  }
  json.Key("name");
  json.String(doc.id);
  if (!doc.meta.title.empty()) {
    json.Key("headline");
    json.String(doc.meta.title);
  }
  if (!doc.meta.date.empty()) {
    json.Key("datePublished");
    json.String(doc.meta.date);
  }
  if (!doc.meta.outlet.empty()) {
    json.Key("publisher");
    Organization(json, doc.meta.outlet);
  }
  json.EndObject();
}

}  // namespace

std::string FormatCheckClaimReview(const CheckResult& result) {
  std::unordered_map<std::string_view, size_t> cluster_of_id;
  for (size_t c = 0; c < result.clusters.size(); ++c) cluster_of_id[result.clusters[c].id] = c;
  std::string out = "[";
  bool first = true;
  for (const Finding& f : result.findings) {
    const std::optional<Verdict> verdict = VerdictOf(f);
    if (!verdict) continue;
    const size_t q = f.quotes.front();
    const QuoteRecord& quote = result.quotes[q];
    const DocumentInfo& doc = result.documents[quote.doc];
    size_t first_seen = q;
    if (auto it = cluster_of_id.find(quote.cluster); it != cluster_of_id.end()) {
      first_seen = result.clusters[it->second].first;
    }
    const std::string& date = result.documents[result.quotes[first_seen].doc].meta.date.empty()
                                  ? doc.meta.date
                                  : result.documents[result.quotes[first_seen].doc].meta.date;
    const std::string fingerprint = FindingFingerprint(result, f);

    out.append(first ? "\n" : ",\n");
    first = false;
    JsonWriter json(&out);
    json.BeginObject();
    json.Key("@context");
    json.String("https://schema.org");
    json.Key("@type");
    json.String("ClaimReview");
    json.Key("url");
    json.String(doc.meta.url.empty() ? "urn:quotecheck:finding:" + fingerprint
                                     : doc.meta.url + "#quotecheck-" + fingerprint);
    json.Key("claimReviewed");
    json.String(quote.speaker ? *quote.speaker + " said: \xE2\x80\x9C" + quote.text + "\xE2\x80\x9D"
                              : "\xE2\x80\x9C" + quote.text + "\xE2\x80\x9D");
    json.Key("description");
    json.String(f.message);
    json.Key("author");
    Organization(json, "quotecheck");
    json.Key("reviewRating");
    json.BeginObject();
    json.Key("@type");
    json.String("Rating");
    json.Key("ratingValue");
    json.Int(verdict->rating);
    json.Key("bestRating");
    json.Int(5);
    json.Key("worstRating");
    json.Int(1);
    json.Key("alternateName");
    json.String(verdict->name);
    json.EndObject();
    json.Key("itemReviewed");
    json.BeginObject();
    json.Key("@type");
    json.String("Claim");
    json.Key("author");
    json.BeginObject();
    json.Key("@type");
    json.String("Person");
    json.Key("name");
    json.String(quote.speaker.value_or("Unknown"));
    json.EndObject();
    if (!date.empty()) {
      json.Key("datePublished");
      json.String(date);
    }
    json.Key("appearance");
    json.BeginArray();
    Appearance(json, result, q);
    json.EndArray();
    json.Key("firstAppearance");
    Appearance(json, result, first_seen);
    json.EndObject();
    json.EndObject();
  }
  out.append(first ? "]\n" : "\n]\n");
  return out;
}

void PrintCheckClaimReview(const CheckResult& result, std::ostream* out) {
  const std::string text = FormatCheckClaimReview(result);
  out->write(text.data(), static_cast<std::streamsize>(text.size()));
  out->flush();
}

}  // namespace quotecheck
