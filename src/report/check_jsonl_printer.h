#pragma once
/// The `--format jsonl` output of `check`, per docs/output-contract.md: every `quote`
/// record (the fields of extract's, plus "cluster" when clustered), then the `link`
/// records, the `finding` records, an `error` record per document that could not be read,
/// and the final `summary` record. Output is gathered in a buffer and handed to the stream
/// in large chunks.
///
/// Additions to the contract: a quote of several spans has "parts" (the text of each span)
/// when QuoteRecord::text holds them joined by single spaces, and its "text" is that joined
/// text (check keeps no document text to cut start..end from); a link has "flags" (the
/// meaning flags of its diff); a finding has "doc", "line" and "col" of the place it is
/// reported at. A link's similarity is rounded to 3 decimals.

#include <ostream>
#include <string>

#include "core/check_model.h"
#include "diff/quote_diff.h"

namespace quotecheck {

/// Appends the `quote` record of result.quotes[quote] (without the newline).
void AppendCheckQuoteRecord(std::string* out, const CheckResult& result, size_t quote);
/// Appends the `link` record of result.links[link] (without the newline).
void AppendLinkRecord(std::string* out, const CheckResult& result, size_t link, LinkDiffer& differ);
/// Appends the `finding` record of result.findings[finding] (without the newline).
void AppendFindingRecord(std::string* out, const CheckResult& result, size_t finding);

/// Appends the `error` record of a document that could not be read (without the newline).
void AppendErrorRecord(std::string* out, const DocumentError& error);

/// Writes every record of `result` to `out` and flushes it. With `jobs` > 1, records are
/// formatted in chunks on that many threads (a link record computes its word diff) and
/// written in order: the same bytes.
void PrintCheckJsonl(const CheckResult& result, std::ostream* out, unsigned jobs = 1);

}  // namespace quotecheck
