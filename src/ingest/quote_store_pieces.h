#pragma once
/// A quote store read in pieces (ingest/quote_store.h ReadQuoteStorePiece), each on its own,
/// joined back into what reading the whole store in one go gives: the same documents, in the
/// same order, with the same metadata, and each quotation in the same document.
///
/// Why a join is needed: the reader keeps, per document id, the document its quotations go to
/// and whether a "document" record opened it (a second record of the same id opens another
/// document: the same file given twice). A piece after the first does not know the ids of the
/// pieces before it, so a quotation of an id met before opens a document of its own, and a
/// record of such an id may fill a document of an earlier piece. The piece says how each of
/// its documents opened (StorePieceOpening); the join, holding the ids of the pieces before,
/// maps each document of the piece to the document the whole read uses, copying a record's
/// metadata into an earlier document where the whole read fills it.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/check_model.h"
#include "ingest/quote_store.h"

namespace quotecheck {

class QuoteStoreJoin {
 public:
  /// Adds the documents of one piece (`piece`, as read on its own, and how each opened) to
  /// `documents`, in order. `continues`: the piece follows the pieces last given to this join
  /// (of the same store); otherwise the join starts afresh. Returns, per document of the
  /// piece, its number in `documents`: a document the whole read would not have opened is not
  /// added but mapped to the one it would have used; `*dropped` counts those.
  std::vector<uint32_t> Add(std::vector<DocumentInfo> piece,
                            const std::vector<StorePieceOpening>& opened, bool continues,
                            std::vector<DocumentInfo>* documents, uint64_t* dropped);

 private:
  struct Slot {
    uint32_t index = 0;       // in `documents`
    bool has_record = false;  // a "document" record opened or filled it
  };
  std::unordered_map<std::string, Slot> slots_;  // per id, as the whole read holds it
};

}  // namespace quotecheck
