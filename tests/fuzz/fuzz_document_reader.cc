// libFuzzer target: the document reader on any bytes, read as JSON Lines, as JSON and as
// text. Every record must come back as a document or an error record; nothing may crash,
// recurse without a limit or hang.
#include <cstddef>
#include <cstdint>
#include <string>

#include "ingest/document_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace quotecheck;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  for (InputFormat format : {InputFormat::kJsonLines, InputFormat::kJson, InputFormat::kText}) {
    DocumentReader reader = DocumentReader::FromBytes("fuzz", bytes, format, IngestOptions{});
    DocumentResult result;
    while (reader.Next(&result)) {
      if (result.failed && result.diagnostics.empty()) __builtin_trap();  // an error says why
    }
  }
  return 0;
}
