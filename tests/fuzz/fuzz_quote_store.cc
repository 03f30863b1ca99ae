// libFuzzer target: the quote store reader on any bytes. Malformed lines must become
// counted errors (documents_failed), never a crash or an accepted impossible quotation.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/check_model.h"
#include "ingest/quote_store.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace quotecheck;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  CheckResult result;
  ReadQuoteStoreBytes("fuzz.jsonl", bytes, &result);
  for (const auto& quote : result.quotes) {
    if (quote.start > quote.end) __builtin_trap();
  }
  LooksLikeQuoteStore(bytes);
  return 0;
}
