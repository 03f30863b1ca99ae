#include "lint/draft_input.h"

#include <utility>

#include "extract/quote_extractor.h"
#include "extract/read_documents.h"
#include "ingest/draft_reader.h"
#include "ingest/input_paths.h"

namespace quotecheck {

void ReadDrafts(const std::vector<std::string>& paths, const QuoteExtractor& extractor,
                const IngestOptions& ingest, std::ostream& err, CheckResult* result,
                DraftTexts* texts, DraftSuppressions* suppressions, FileSet* seen,
                Severity min_shown) {
  for (const std::string& path : paths) {
    InputExpansion expansion = ExpandInputPaths({path}, ingest.walk);
    for (const Diagnostic& d : expansion.diagnostics) {
      err << FormatDiagnostic(d);
      result->diagnostics.push_back(d);
      result->errors.push_back(DocumentError{d.path, d.message});
      ++result->documents_read;
      ++result->documents_failed;
    }
    for (const Diagnostic& d : expansion.warnings) {  // skipped entries (FIFOs)
      err << FormatDiagnostic(d);
      result->diagnostics.push_back(d);
    }
    for (const std::string& file : expansion.files) {
      if (seen != nullptr && !seen->Insert(file)) continue;  // one document per file
      if (file != "-" && InputFormatForPath(file) != InputFormat::kText) {
        // JSON records and quote stores: read as check reads them (no text kept).
        ReadDocuments({file}, /*primary=*/false, /*draft=*/true, min_shown, extractor, ingest, 1,
                      nullptr, err, result, nullptr);
        continue;
      }
      Result<DraftDocument> read = ReadDraftFile(file, ingest.encoding);
      if (!read.ok()) {
        const Diagnostic d = ErrorDiagnostic(file, read.status().message());
        err << FormatDiagnostic(d);
        result->diagnostics.push_back(d);
        result->errors.push_back(DocumentError{file, read.status().message()});
        ++result->documents_read;
        ++result->documents_failed;
        continue;
      }
      DraftDocument draft = read.take();
      extractor.Process(&draft.result, /*primary=*/false);
      for (const Diagnostic& d : draft.result.diagnostics) {
        // An unbalanced mark is a finding: reported with the others.
        if (d.code != "unbalanced-quote" && SeverityRank(d.severity) >= SeverityRank(min_shown)) {
          err << FormatDiagnostic(d);
        }
      }
      const auto index = static_cast<uint32_t>(result->documents.size());
      AppendDocumentQuotes(draft.result, result);
      if (result->documents.size() == index) continue;
      result->documents[index].draft = true;
      (*texts)[index] = std::move(draft.result.doc.text);
      (*suppressions)[index] = std::move(draft.suppressions);
    }
  }
}

size_t ApplySuppressions(const DraftSuppressions& suppressions, CheckResult* result) {
  const size_t before = result->findings.size();
  std::erase_if(result->findings, [&](const Finding& f) {
    uint32_t doc = 0;
    uint32_t line = 0;
    if (!f.quotes.empty()) {
      doc = result->quotes[f.quotes.front()].doc;
      line = result->quotes[f.quotes.front()].line;
    } else if (f.doc && f.location) {
      doc = *f.doc;
      line = f.location->line;
    } else {
      return false;
    }
    auto it = suppressions.find(doc);
    return it != suppressions.end() && IsSuppressed(it->second, line, f.rule);
  });
  return before - result->findings.size();
}

void AppendCheckResult(CheckResult&& from, DraftTexts&& from_texts,
                       DraftSuppressions&& from_suppressions, CheckResult* to, DraftTexts* to_texts,
                       DraftSuppressions* to_suppressions) {
  const auto offset = static_cast<uint32_t>(to->documents.size());
  for (DocumentInfo& d : from.documents) to->documents.push_back(std::move(d));
  for (QuoteRecord& q : from.quotes) {
    q.doc += offset;
    to->quotes.push_back(std::move(q));
  }
  for (Diagnostic& d : from.diagnostics) to->diagnostics.push_back(std::move(d));
  for (DocumentError& e : from.errors) to->errors.push_back(std::move(e));
  to->documents_read += from.documents_read;
  to->documents_failed += from.documents_failed;
  to->bytes += from.bytes;
  for (auto& [doc, text] : from_texts) (*to_texts)[doc + offset] = std::move(text);
  for (auto& [doc, list] : from_suppressions) (*to_suppressions)[doc + offset] = std::move(list);
}

}  // namespace quotecheck
