#pragma once
/// A stable identity for a finding, for SARIF's partialFingerprints and for lint baselines:
/// the same finding keeps its fingerprint when lines move, when white space, case or quote
/// marks of the quotation change, and across runs and machines.
///
/// Its inputs are the rule id, the speaker of the finding's first quotation and that
/// quotation's words as MatchKey (diff/quote_tokens.h) normalises them; for a finding about
/// no quotation (an unbalanced quote mark), the rule and the MatchKey of the source line it
/// is on. Line and column numbers, paths and messages are never inputs. The hash is 64-bit
/// FNV-1a over "v1", then each input behind a NUL byte; it must not change, or baselines
/// written by earlier versions stop matching.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/check_model.h"

namespace quotecheck {

/// The finding's fingerprint: 16 lower-case hex digits.
std::string FindingFingerprint(const CheckResult& result, const Finding& finding);

}  // namespace quotecheck
