// report: the only code that knows JSON, HTML or terminal colours. Each
// renderer is a pure function of a Comparison. Article text is untrusted:
// the HTML renderer escapes every character of it and the page runs no
// script taken from it; the JSON renderer emits valid UTF-8 only.
#ifndef PARALLAX_REPORT_H_
#define PARALLAX_REPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "parallax/comparison.h"

namespace parallax {

// Schema "parallax.compare/1", documented in docs/json.md. `failures` lists
// inputs that could not be used, so a script sees them next to the result.
std::string RenderJson(const Comparison& comparison, const std::vector<LoadFailure>& failures);

// A readable report for a terminal; ANSI colours only when `color`.
std::string RenderTerminal(const Comparison& comparison, bool color);

// A self-contained HTML page (no network): a column per outlet, shared facts
// in aligned rows, unique facts highlighted, a speaker x outlet quote table,
// loaded wording marked, off-topic and debris greyed out.
std::string RenderHtml(const Comparison& comparison);

// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string EscapeHtml(std::string_view text);

}  // namespace parallax

#endif  // PARALLAX_REPORT_H_
