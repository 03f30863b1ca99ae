#pragma once
/// The `--format sarif` output of `check` (and `lint`): one SARIF 2.1.0 log that GitHub code
/// scanning accepts. One run; `tool.driver` names quotecheck and describes every rule id
/// quotecheck can emit (KnownRules, in that order, then any other rule id the result
/// holds). One result per finding, in result order:
///
///   ruleId, ruleIndex, level      error / warning / note from the finding's severity
///   message.text                  the finding's message; for a divergence, a second line
///                                 with the word diff from the reference form to this
///                                 quotation: "We will [-not-] reopen…", "[-wider-]{+deeper+}"
///   locations[0]                  the finding's first quotation: artifactLocation (uri
///                                 relative to the source root, forward slashes,
///                                 percent-encoded, uriBaseId "%SRCROOT%") and region
///                                 (startLine/startColumn of the quotation, endLine/endColumn
///                                 just past its last code point; columns are code points,
///                                 run.columnKind says so)
///   relatedLocations[]            the other quotations (reference, related), ids from 1
///   partialFingerprints           primaryLocationLineHash: FindingFingerprint and ":N", N
///                                 counting the same fingerprint in the same file from 1
///
/// A document that is no file (a JSON record, named by its id; standard input) has no
/// physical location: its location is a logical one named by the document id. Nothing
/// volatile (time, host, absolute paths inside the root) is written, so output is
/// reproducible. The log is indented by two spaces.

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/check_model.h"
#include "findings/finding_rules.h"

namespace quotecheck {

/// Where quotecheck documents itself (SARIF tool.driver.informationUri).
inline constexpr std::string_view kQuotecheckInformationUri =
    "https://github.com/quotecheck/quotecheck";

/// Turns document paths into the paths CI services want: relative to the repository root,
/// with forward slashes.
struct SourceLocator {
  /// Absolute directory that paths are made relative to (the repository root); empty: the
  /// working directory.
  std::string source_root;
  /// Absolute directory that relative document paths start from; empty: paths are taken as
  /// relative to the source root already.
  std::string working_directory;
  /// Whether a document path names a file. Null: every path but "" and "-".
  std::function<bool(const std::string&)> is_file;

  bool IsFile(const std::string& path) const;
  /// "docs/a b.md": the path relative to the source root, lexically normalised, forward
  /// slashes; the absolute normalised path when it lies outside the root.
  std::string RelativePath(const std::string& path) const;
};

/// `path` percent-encoded for a URI: unreserved characters and "/" stay, every other byte
/// becomes %XX (upper-case hex).
std::string PercentEncodePath(std::string_view path);

/// A region in SARIF's terms: 1-based lines, 1-based code point columns, end exclusive.
struct TextRegion {
  uint32_t start_line = 0;
  uint32_t start_column = 0;
  uint32_t end_line = 0;
  uint32_t end_column = 0;
};
/// The region of a quotation, its end computed from its text (for a quotation of several
/// spans, the first span's text: the region never covers words it does not quote).
TextRegion QuoteRegion(const QuoteRecord& quote);

/// The word diff of a finding from its reference form (the finding's second quotation) to
/// the quotation it is reported at, "[-removed-]{+added+}", or "" when it has none.
std::string FindingWordDiff(const Finding& finding);

/// The finding's message, and on a second line its word diff when it has one.
std::string FindingMessageWithDiff(const Finding& finding);

struct SarifOptions {
  std::string tool_version;  // tool.driver.version
  SourceLocator locator;
};

/// The SARIF log, ending with a newline.
std::string FormatCheckSarif(const CheckResult& result, const SarifOptions& options);

/// Writes the log to `out` as it is made and flushes it: the results formatted on up to `jobs`
/// threads a chunk at a time and written in order (the log is the same for any `jobs`), so
/// that no more than a few thousand results are held at once, not the whole log.
void PrintCheckSarif(const CheckResult& result, const SarifOptions& options, std::ostream* out,
                     unsigned jobs = 1);

}  // namespace quotecheck
