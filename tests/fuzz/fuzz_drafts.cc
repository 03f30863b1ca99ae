// libFuzzer target: Markdown (cmark-gfm) and HTML (gumbo) drafts, and plain text, read as
// lint reads them. The mask must keep the text's size (every offset is a source offset).
#include <cstddef>
#include <cstdint>
#include <string>

#include "ingest/draft_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace quotecheck;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  for (const char* path : {"fuzz.md", "fuzz.html", "fuzz.txt"}) {
    Result<DraftDocument> draft = ReadDraft(path, bytes);
    if (!draft.ok()) continue;
    const Document& doc = draft.value().result.doc;
    if (!doc.scan_text.empty() && doc.scan_text.size() != doc.text.size()) __builtin_trap();
  }
  return 0;
}
