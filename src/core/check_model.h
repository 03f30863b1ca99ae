#pragma once
/// The result model of `check` (and later `lint` and `diff`): quotations detached from their
/// documents, the links between quotations that are the same words said once, the clusters
/// those links form, and the findings. Every check printer reads this model and nothing
/// else. Field meanings follow docs/output-contract.md.

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/byte_span.h"
#include "core/diagnostic.h"
#include "core/document.h"
#include "core/quote.h"

namespace quotecheck {

/// The texts of some documents by their index in CheckResult::documents (check drops the
/// texts; lint keeps its drafts' for the source lines of its report).
using DraftTexts = std::unordered_map<uint32_t, std::string>;

/// A document as check keeps it: everything but its text.
struct DocumentInfo {
  std::string id;    // contract document id
  std::string path;  // file, for diagnostics
  DocumentMeta meta;
  bool primary = false;  // a transcript or statement: --reference, or meta.role == "primary"
  /// A draft being linted (`lint` DRAFTS, either side of `diff`): its quotations are the ones
  /// checked; the other documents are references.
  bool draft = false;
};

/// A quotation detached from its document text (a quote store holds only these).
struct QuoteRecord {
  uint32_t doc = 0;  // index into CheckResult::documents
  size_t start = 0;  // contract offsets into the document text
  size_t end = 0;
  std::vector<ByteSpan> spans;
  uint32_t line = 0;  // of start, 1-based
  uint32_t col = 0;   // of start, in code points
  /// The quoted words: the text of each span, joined by a single space when the
  /// attribution interrupts the quotation.
  std::string text;
  QuoteKind kind = QuoteKind::kDirect;
  std::optional<std::string> speaker;      // canonical within its document
  std::optional<std::string> speaker_key;  // identity across documents (attribute/speaker_key.h)
  std::optional<TextRef> speaker_mention;
  std::optional<TextRef> cue;
  std::string rule;
  double confidence = 0.0;
  std::string cluster;  // "c12" once clustered; empty otherwise
};

enum class Relation { kVerbatim, kNormalized, kVariant, kFragment };
std::string_view RelationName(Relation relation);

/// One step of a word diff between quotation a and quotation b (texts as printed).
struct DiffOp {
  enum class Kind { kEqual, kDelete, kInsert, kReplace };
  Kind kind = Kind::kEqual;
  std::string a;  // empty for kInsert
  std::string b;  // empty for kDelete
};
std::string_view DiffOpName(DiffOp::Kind kind);

/// The same diff read from b to a: sides swapped, deletes and inserts exchanged.
std::vector<DiffOp> ReversedDiff(const std::vector<DiffOp>& ops);

/// Change classes of a diff (bit set).
enum ChangeClass : uint32_t {
  kChangePunctuation = 1u << 0,
  kChangeCase = 1u << 1,
  kChangeTypography = 1u << 2,  // quote marks, apostrophes, dashes, spaces
  kChangeLexical = 1u << 3,     // a word inserted, deleted or replaced
  kChangeOmission = 1u << 4,    // an ellipsis stands for words
  kChangeInsertion = 1u << 5,   // a bracketed insertion [him]
};
/// Changes that can alter the meaning (bit set).
enum MeaningFlag : uint32_t {
  kMeaningNegation = 1u << 0,       // a negation added or dropped
  kMeaningNumber = 1u << 1,         // a number changed
  kMeaningNamedEntity = 1u << 2,    // a named entity changed
  kMeaningModal = 1u << 3,          // will/would/may/…
  kMeaningSentenceSplit = 1u << 4,  // sentences split or merged
};
/// Names in the contract's "classes" list, in a fixed order; and the flags' names.
std::vector<std::string_view> ChangeClassNames(uint32_t classes);
std::vector<std::string_view> MeaningFlagNames(uint32_t flags);

struct QuoteDiff {
  std::vector<DiffOp> ops;
  uint32_t classes = 0;  // ChangeClass bits
  uint32_t flags = 0;    // MeaningFlag bits
};

struct Link {
  // Fields ordered by size, so that a link is 96 bytes, not 112 (a million-quotation check
  // holds over a million links).
  size_t a = 0;  // indexes into CheckResult::quotes
  size_t b = 0;
  double similarity = 0.0;  // 0..1
  QuoteDiff diff;
  std::string cluster;
  Relation relation = Relation::kVerbatim;
  bool speakers_agree = true;
  /// Internal to cross-referencing: see LinkVerdict::end_continues.
  bool end_continues = false;
  /// Links a group's member to its representative (the first quotation with the same match
  /// key): the same words, never aligned (xref/cross_reference.h).
  bool member = false;
};
static_assert(sizeof(Link) <= 96, "see the order of Link's fields");

struct Cluster {
  std::string id;                     // "c1", "c2", … in order of first appearance
  std::vector<size_t> members;        // quote indexes
  size_t canonical = 0;               // the longest well-attested form
  std::vector<std::string> speakers;  // distinct canonical speakers the sources give
  size_t first = 0;                   // earliest by document date, then input order
  std::optional<size_t> primary;      // the primary source's quotation, if any
};

/// What a finding rests on, for the reader who must judge it (findings/quote_evidence.h).
struct FindingEvidence {
  std::vector<std::string> shared_words;  // content words both quotations have (match keys)
  std::optional<Relation> relation;       // of the link between the two quotations
  std::vector<std::string> speaker_keys;  // a misattribution's two speaker keys
};

struct Finding {
  std::string rule;  // stable id: wording-divergence, misattribution, …
  Severity severity = Severity::kWarning;
  /// How sure the finding is, 0..1 (findings/quote_evidence.h); 1 for findings about one
  /// document's marks (unbalanced-quote) and for unattributed quotations.
  double confidence = 1.0;
  FindingEvidence evidence;
  std::vector<size_t> quotes;  // quote indexes; the first is where it is reported
  std::string message;
  std::optional<size_t> link;  // the link whose diff explains it, if any
  /// The diff behind a divergence finding (member against the reference form).
  std::optional<QuoteDiff> diff;
  /// For findings carried over from extraction that are not about a whole quotation
  /// (an unbalanced quote mark): where it is, with path, line, col and source line.
  std::optional<Diagnostic> location;
  std::optional<uint32_t> doc;  // with `location`: the document it is in
};

/// Orders severities (info < warning < error) for --fail-level.
inline int SeverityRank(Severity s) { return static_cast<int>(s); }

/// A document that could not be read (the contract's `error` record).
/// (Added for the check printers' `error` records.)
struct DocumentError {
  std::string doc;  // document id (the path, for a whole file)
  std::string message;
};

struct CheckResult {
  std::vector<DocumentInfo> documents;
  std::vector<QuoteRecord> quotes;
  std::vector<Link> links;
  std::vector<Cluster> clusters;
  std::vector<Finding> findings;
  /// Per-document problems (unreadable file, malformed record, unbalanced quote, …).
  Diagnostics diagnostics;
  /// The documents that could not be read, in input order: one `error` record each.
  /// (Added for the check printers; documents_failed counts them.)
  std::vector<DocumentError> errors;
  size_t documents_read = 0;
  size_t documents_failed = 0;
  /// Quotations whose candidate pairs were over NgramIndexOptions::max_candidates: only the
  /// pairs sharing the most words were decided (reported once on stderr).
  size_t capped_candidates = 0;
  size_t bytes = 0;
  double seconds = 0.0;
};

}  // namespace quotecheck
