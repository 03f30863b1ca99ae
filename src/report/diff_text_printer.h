#pragma once
/// The text report of `diff` over a result whose side-A documents are marked draft:
///
///   a.md:3:2 = b.txt:7:10  variant  Corina Allsop   (or "speakers differ: X / Y")
///     The repairs will take at least [-28-]{+18+} weeks,
///   only in a.md:9:1  Nils Brandvold  “I have taken this train…”
///   only in b.txt:2:4  (unattributed)  “…”
///   3 shared, 1 only in A, 1 only in B; 2 findings (1 error, 1 warning)
///
/// Each quotation of A with the quotations of B that are the same words (relation and word
/// diff from A to B), then the quotations only A has and those only B has. ANSI colour
/// only when `color` is true.

#include <string>

#include "core/check_model.h"

namespace quotecheck {

/// The text report (see above), ending with a newline.
std::string FormatDiffText(const CheckResult& result, bool color);

}  // namespace quotecheck
