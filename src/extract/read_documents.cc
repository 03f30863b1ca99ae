#include "extract/read_documents.h"

#include <cstdio>
#include <memory>

#include "core/document_pipeline.h"
#include "core/regular_file.h"
#include "extract/quote_extractor.h"
#include "ingest/input_documents.h"
#include "ingest/input_paths.h"
#include "ingest/quote_store.h"

namespace quotecheck {

void ReadDocuments(const std::vector<std::string>& paths, bool primary, bool draft,
                   Severity min_shown, const QuoteExtractor& extractor, const IngestOptions& ingest,
                   unsigned jobs, const QuoteStoreFilter* keep, std::ostream& err,
                   CheckResult* result, DraftTexts* texts, FileSet* seen) {
  const size_t first_doc = result->documents.size();
  std::vector<std::string> articles;
  IngestOptions article_ingest = ingest;
  auto flush_articles = [&]() {
    if (articles.empty()) return;
    InputDocuments inputs(articles, article_ingest);
    DocumentPipelineSteps steps;
    steps.read = [&](DocumentResult* r) { return inputs.Next(r); };
    steps.process = [&](DocumentResult* r) { extractor.Process(r, primary); };
    steps.deliver = [&](DocumentResult& r) {
      for (const Diagnostic& d : r.diagnostics) {
        if (SeverityRank(d.severity) >= SeverityRank(min_shown)) err << FormatDiagnostic(d);
      }
      const size_t before = result->documents.size();
      AppendDocumentQuotes(r, result);
      if (texts != nullptr && result->documents.size() > before) {
        (*texts)[static_cast<uint32_t>(before)] = std::move(r.doc.text);
      }
      return true;
    };
    RunDocumentPipeline({.jobs = ResolveJobCount(jobs)}, steps);
    articles.clear();
  };
  for (const std::string& path : paths) {
    InputExpansion expansion = ExpandInputPaths({path}, ingest.walk);
    if (!expansion.diagnostics.empty() || !expansion.warnings.empty()) {
      // A missing path or a skipped entry: the article reader reports it.
      articles.push_back(path);
      continue;
    }
    for (const std::string& file : expansion.files) {
      if (seen != nullptr && !seen->Insert(file)) continue;  // one document per file
      if (file == "-" && article_ingest.stdin_bytes == nullptr) {
        // Standard input is read once, whole: a quote store (its first record has a "type")
        // is read as one; anything else goes to the article reader as these bytes.
        std::string bytes;
        if (ReadAll(stdin, &bytes) != 0) {  // the article reader reads again and reports it
          std::clearerr(stdin);
          articles.push_back(file);
          continue;
        }
        if (LooksLikeQuoteStore(bytes)) {
          flush_articles();
          const size_t before = result->diagnostics.size();
          ReadQuoteStoreBytes(file, bytes, result);
          for (size_t i = before; i < result->diagnostics.size(); ++i) {
            const Diagnostic& d = result->diagnostics[i];
            if (SeverityRank(d.severity) >= SeverityRank(min_shown)) err << FormatDiagnostic(d);
          }
          article_ingest.stdin_bytes = std::make_shared<const std::string>();
          continue;
        }
        article_ingest.stdin_bytes = std::make_shared<const std::string>(std::move(bytes));
        articles.push_back(file);
        continue;
      }
      if (file != "-" && IsQuoteStoreFile(file)) {
        flush_articles();
        const size_t before = result->diagnostics.size();
        if (keep != nullptr) {
          ReadQuoteStoreFiltered(file, *keep, result);
        } else {
          ReadQuoteStore(file, result, jobs);
        }
        for (size_t i = before; i < result->diagnostics.size(); ++i) {
          const Diagnostic& d = result->diagnostics[i];
          if (SeverityRank(d.severity) >= SeverityRank(min_shown)) err << FormatDiagnostic(d);
        }
      } else {
        articles.push_back(file);
      }
    }
  }
  flush_articles();
  for (size_t i = first_doc; i < result->documents.size(); ++i) {
    DocumentInfo& doc = result->documents[i];
    doc.primary = primary || doc.meta.role == "primary";
    doc.draft = draft;
  }
}

}  // namespace quotecheck
