#include "ingest/quote_store_pieces.h"

#include <utility>

namespace quotecheck {

std::vector<uint32_t> QuoteStoreJoin::Add(std::vector<DocumentInfo> piece,
                                          const std::vector<StorePieceOpening>& opened,
                                          bool continues, std::vector<DocumentInfo>* documents,
                                          uint64_t* dropped) {
  if (!continues) slots_.clear();
  std::vector<uint32_t> number(piece.size());
  for (size_t i = 0; i < piece.size(); ++i) {
    DocumentInfo& doc = piece[i];
    const StorePieceOpening how =
        i < opened.size() ? opened[i] : StorePieceOpening::kAgain;  // not a store's
    auto it = slots_.find(doc.id);
    const bool met = it != slots_.end();
    // The whole read's document, when it is one it already has.
    bool into_earlier = false;
    switch (how) {
      case StorePieceOpening::kRecord:  // fills a document that quotations opened
      case StorePieceOpening::kRecordAfterQuote:
        into_earlier = met && !it->second.has_record;
        break;
      case StorePieceOpening::kQuote:  // goes to the document the id has
        into_earlier = met;
        break;
      case StorePieceOpening::kAgain:
        break;
    }
    if (into_earlier) {
      number[i] = it->second.index;
      if (how != StorePieceOpening::kQuote) {
        DocumentInfo& target = (*documents)[it->second.index];
        target.meta = std::move(doc.meta);
        target.primary = doc.primary;
        it->second.has_record = true;
      }
      ++*dropped;
      continue;
    }
    number[i] = static_cast<uint32_t>(documents->size());
    const std::string id = doc.id;
    documents->push_back(std::move(doc));
    slots_[id] = Slot{number[i], how != StorePieceOpening::kQuote};
  }
  return number;
}

}  // namespace quotecheck
