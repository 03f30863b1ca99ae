#pragma once
/// Which links `check` writes. Cross-referencing keeps evidence links only: each member of a
/// group of equal quotations linked to its representative, and the representatives linked
/// to each other (xref/cross_reference.h): linear in the quotations however often one is
/// printed. Output:
///   parent (default)  each cluster as a tree rooted at its canonical quotation: every
///                     member's one link to its parent, n − 1 links for n members, plus the
///                     links findings rest on;
///   all               every linked pair, as deciding each pair would give (members of one
///                     group with each other, and every member pair of two linked groups),
///                     up to kMaxLinksPerCluster pairs a cluster: a larger cluster keeps its
///                     parent links and is counted in LinkOutputStats::capped_clusters;
///   none              no link records.
/// Findings' link indexes are remapped (or cleared with `none`).

#include <string_view>
#include <vector>

#include "attribute/speaker_key.h"
#include "core/check_model.h"

namespace quotecheck {

enum class LinkOutput { kParent, kAll, kNone };

/// A cluster with more member pairs than this writes its parent links under --links all.
inline constexpr size_t kMaxLinksPerCluster = 200000;

struct LinkOutputStats {
  size_t capped_clusters = 0;  // clusters whose pairs were over kMaxLinksPerCluster
  size_t capped_pairs = 0;     // the pairs they did not write
};

/// Replaces result->links with the links to write (after findings). `origins`, when given,
/// receives per link written its index in result->links before, or SIZE_MAX for a pair
/// --links all added (`batch` orders the links of its tasks by it).
LinkOutputStats SelectOutputLinks(LinkOutput mode, const SpeakerKeyer& keyer, CheckResult* result,
                                  std::vector<size_t>* origins = nullptr);

}  // namespace quotecheck
