#pragma once
/// Clusters are the connected components of the links, a fragment joining only the one longer
/// quotation it fits best (its parent: the highest similarity, then the longest). Each
/// cluster gets:
///   - an id "c1", "c2", … in order of its first member in the input;
///   - a canonical quotation: of the forms (match keys) two or more documents print, a whole
///     one — not the shorter side of a fragment link to another such form — printed by the
///     most documents, then the longest; else the longest form;
///   - the distinct speakers its members' sources give;
///   - its first appearance: the earliest document date (documents without a date come
///     after dated ones), then input order;
///   - its primary-source member, when a member comes from a primary document.
/// Sets Link::cluster (and, over a CheckResult, QuoteRecord::cluster).

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/check_model.h"
#include "xref/key_numbers.h"

namespace quotecheck {

/// What clustering (BuildClusters; DropExplainedFragments in xref/xref_steps.h) reads of the
/// quotations and their documents, and no more: a few dozen bytes a quotation, so that
/// `batch`'s clusters task need not hold the quotations' records. Match keys are only
/// compared for equality and length, so each is a number (equal keys, equal numbers) and its
/// length; a speaker is a number into `speakers`.
struct ClusterQuotes {
  static constexpr uint32_t kNoSpeaker = UINT32_MAX;
  // By quotation.
  std::vector<uint32_t> doc;
  std::vector<QuoteKind> kind;
  std::vector<uint32_t> key;        // its match key's number
  std::vector<uint32_t> key_size;   // its match key's bytes
  std::vector<uint32_t> text_size;  // its text's bytes
  std::vector<uint32_t> speaker;    // into `speakers`, or kNoSpeaker
  std::vector<std::string> speakers;
  // By document.
  std::vector<std::string> date;
  std::vector<bool> primary;

  size_t size() const { return doc.size(); }
};

/// Fills a ClusterQuotes a quotation at a time (in input order), then its documents.
class ClusterQuotesBuilder {
 public:
  /// With `keys_outlive`, the keys given to AddQuote outlive the builder and are not copied
  /// (ClusterQuotesOf: check's keys); otherwise each distinct key is kept once.
  explicit ClusterQuotesBuilder(bool keys_outlive = false)
      : keys_outlive_(keys_outlive), key_numbers_(keys_outlive) {}
  /// Room for `quotes` quotations (no copy of the table while it grows).
  void Reserve(size_t quotes);
  void AddQuote(const QuoteRecord& quote, std::string_view key);
  /// The same with the key already numbered by the caller (equal keys, equal numbers, for
  /// every quotation added) and its size in bytes; the builder numbers no key then.
  void AddQuote(const QuoteRecord& quote, uint32_t key_number, size_t key_size);
  /// The documents' dates and primary flags (what clustering reads of a document).
  void SetDocuments(const std::vector<DocumentInfo>& documents);
  /// The table; the builder is empty after.
  ClusterQuotes Take();

 private:
  bool keys_outlive_ = false;
  ClusterQuotes quotes_;
  KeyNumbers key_numbers_;  // each distinct key kept once (unless the keys outlive the builder)
  std::unordered_map<std::string, uint32_t> speaker_numbers_;
};

/// The table of `result`'s quotations, `keys[i]` being quotation i's match key (see
/// diff/quote_tokens.h), numbered here unless `key_numbers` gives each quotation's
/// (QuoteGroups::key_number: the keys hashed once).
ClusterQuotes ClusterQuotesOf(const std::vector<std::string>& keys, const CheckResult& result,
                              const std::vector<uint32_t>* key_numbers = nullptr);

/// The clusters of `links` over `quotes`, each link's cluster set; the clusters' canonical
/// forms, speakers and first appearances found on `jobs` threads (the same for any number).
std::vector<Cluster> BuildClusters(const ClusterQuotes& quotes, std::vector<Link>* links,
                                   unsigned jobs = 1);
/// The same on `result`: its clusters, and each member's QuoteRecord::cluster.
void BuildClusters(const ClusterQuotes& quotes, CheckResult* result, unsigned jobs = 1);

}  // namespace quotecheck
