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
/// Sets QuoteRecord::cluster and Link::cluster too.

#include <string>
#include <vector>

#include "core/check_model.h"

namespace quotecheck {

/// `keys[i]` is quotation i's match key (see diff/quote_tokens.h).
void BuildClusters(const std::vector<std::string>& keys, CheckResult* result);

}  // namespace quotecheck
