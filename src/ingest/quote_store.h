#pragma once
/// The quotations `check` works on, detached from their documents' text: read from a quote
/// store, or taken from a document just extracted (so that its text can be dropped at once).
///
/// A quote store is the output of `extract --format jsonl` (report/jsonl_printer.h), so a
/// large archive is extracted once and checked many times. It is read as a stream, one line
/// at a time with simdjson On Demand: memory grows with the quotations kept, not with the
/// store (document ids are interned, nothing else of a line is kept).
///
/// Records read (by "type"; other types, such as "error" and "summary", are skipped):
///  * "document": {"doc","outlet","date","title","url","role"}: a document and its metadata.
///  * "quote": the contract's quote record, plus the optional "parts" (text of each span).
/// One DocumentInfo per distinct "doc" id, in order of first appearance (a quote whose
/// document record was not seen creates a document without metadata). A second "document"
/// record for an id that already had one starts a new document (the same file given twice).
/// DocumentInfo::path is the document id (the path, for a whole-file input);
/// DocumentInfo::primary is set when the role is "primary".
///
/// QuoteRecord::text is the record's "text" for a quotation of one span; for several spans
/// it is the "parts" joined by one space, else (a store written before "parts") the spans
/// cut out of "text" when that holds exactly the bytes start..end, else "text" as it is.
///
/// Problems never stop the read; each becomes an error Diagnostic in CheckResult::diagnostics
/// and the line is skipped:
///   "store.jsonl:LINE:COL: error: malformed JSON: <simdjson message>"
///   "store.jsonl:LINE:1: error: record is not a JSON object"
///   "store.jsonl:LINE:1: error: record has no \"type\""
///   "store.jsonl:LINE:1: error: quote record: field \"start\" is missing" (or "is not …")
/// A store that cannot be opened or read counts as a failed document (an `error` record
/// with the store's path as id, documents_failed, "path: error: cannot open: <reason>").

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/check_model.h"
#include "core/document_result.h"

namespace quotecheck {

/// Whether `line` is a quote-store record: a JSON object whose "type" is "quote",
/// "document" or "summary". (Article records have no "type".)
bool IsQuoteStoreRecord(std::string_view line);

/// Whether `bytes` (a JSON Lines input) is a quote store: its first non-blank line, after
/// an optional UTF-8 BOM, is a quote-store record.
bool LooksLikeQuoteStore(std::string_view bytes);

/// Whether the file at `path` is a quote store: a JSON Lines file by extension (.jsonl,
/// .ndjson) whose first non-blank line is a quote-store record. False when the file cannot
/// be read (reading it as articles then reports why).
bool IsQuoteStoreFile(const std::string& path);

/// Appends the documents and quotations of the quote store at `path` to `result`, and
/// adds to documents_read (one per document) and bytes (the store's size). With `jobs` > 1
/// a regular file is read in blocks whose lines are parsed on `jobs` threads and added in
/// order: the result is the same for every `jobs`.
void ReadQuoteStore(const std::string& path, CheckResult* result, unsigned jobs = 1);

/// How a document of a store read in pieces (ReadQuoteStorePiece) was opened, so that the
/// pieces can be joined into what reading the whole store gives (ingest/quote_store_pieces.h).
enum class StorePieceOpening : uint8_t {
  kRecord,            // by a "document" record of an id the piece had not met
  kQuote,             // by a quotation of an id the piece had not met (no record before it)
  kRecordAfterQuote,  // (a piece after the first) by a record of an id a kQuote opened
  kAgain,             // by a record of an id whose document had its record: another input
};

/// Like ReadQuoteStore for the piece of the store at `path` that holds bytes [begin, end), cut
/// at line starts, whose first line is line `first_line` of the file (so diagnostics name the
/// file's own lines): appends the piece's documents and quotations to `result`, and how each
/// of its documents was opened to `opened`. A piece after the first (begin > 0) cannot know the
/// documents of the pieces before it: a record of an id a quotation of the piece opened opens
/// another document (kRecordAfterQuote) rather than filling that one, and QuoteStoreJoin sorts
/// it out. Bytes [begin, end) are read into memory at once.
void ReadQuoteStorePiece(const std::string& path, uint64_t begin, uint64_t end, uint32_t first_line,
                         CheckResult* result, std::vector<StorePieceOpening>* opened);

/// Decides from a quotation's text alone whether a filtering read keeps it.
using QuoteTextFilter = std::function<bool(std::string_view text)>;

/// How a filtering read decides which quotations it keeps.
struct QuoteStoreFilter {
  /// Whether the read keeps a quotation: called in store order, on one thread.
  QuoteTextFilter keep;
  /// Optional, with keep_probed: `probe` looks at a text alone and is safe to call from
  /// several threads at once. It returns false only for a text `keep` would reject and for
  /// which calling `keep` would change nothing; otherwise it writes into `facts` what it found
  /// (the filter's own encoding: all that deciding needs of the text), and
  /// `keep_probed(facts)` decides exactly as keep(text) would, in store order, on one thread. The
  /// store is read in blocks of lines, each block's texts probed on `jobs` threads while the
  /// next blocks are read (core/ordered_pipeline.h): the work of reading a text is done in
  /// parallel, only the decision in order.
  std::function<bool(std::string_view text, std::vector<uint64_t>* facts)> probe;
  std::function<bool(std::span<const uint64_t> facts)> keep_probed;
  unsigned jobs = 1;
};

/// Like ReadQuoteStore, but keeps only the quote records whose text passes `keep` (for
/// `lint`, which needs only the quotations that share words with a draft). A quote line that
/// starts as extract writes one ({"type":"quote", or {"type": "quote", ) and has no "parts"
/// is tested before it is parsed: `keep` gets its top-level "text" with the JSON escapes
/// decoded, so a rejected line costs one scan and is never parsed (nor checked: a malformed
/// rejected line gives no diagnostic). Other quote lines are parsed, then `keep` gets
/// QuoteRecord::text. A document gets a DocumentInfo (and is counted in documents_read) only
/// when one of its quotations is kept; `bytes` counts the whole store.
/// With a probe, a regular file is read in blocks by offset on the probing threads, and its
/// document records are remembered by their place in the file, read again (pread) only for
/// the documents of kept quotations; standard input ("-") is read in order with `keep`.
void ReadQuoteStoreFiltered(const std::string& path, const QuoteStoreFilter& filter,
                            CheckResult* result);

/// The same for a store already in memory, named `path` in diagnostics.
void ReadQuoteStoreBytes(const std::string& path, std::string_view bytes, CheckResult* result);

/// Appends one document just extracted to `check`: a DocumentInfo (DocumentInfo::path is
/// Document::path, or the record's id for a record of a JSON file, whose line and column
/// count in its own text) and a QuoteRecord per quotation, with line and col computed from the
/// text and QuoteRecord::text per the rule above (the spans' text joined by one space).
/// Also counts it in documents_read and its text in bytes, and copies its diagnostics. A
/// failed document adds no DocumentInfo: it is counted in documents_failed and gets a
/// DocumentError (its id and error message).
void AppendDocumentQuotes(const DocumentResult& document, CheckResult* check);

}  // namespace quotecheck
