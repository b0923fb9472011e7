// Private to report/: the pieces the HTML renderer shares between its two
// files. html_report.cc holds escaping, the page frame, the summary and the
// side-by-side grid; html_sections.cc holds the quote table, the wording
// lists and the full texts.
//
// Every function here treats the Comparison as untrusted: indexes and byte
// offsets are checked and clamped, never trusted, so a malformed Comparison
// yields a page with gaps rather than a crash or an out-of-bounds read.
#ifndef PARALLAX_REPORT_HTML_SECTIONS_H_
#define PARALLAX_REPORT_HTML_SECTIONS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "parallax/comparison.h"
#include "parallax/outlets.h"

namespace parallax::html {

// The document at `index`, or nullptr when out of range.
const AnalyzedArticle* DocumentAt(const Comparison& comparison, int index);

// The outlet's display name: outlet, else site name, else the document id.
std::string OutletName(const Article& article);

// text[begin, end) of one paragraph, clamped to the paragraph; empty when
// the paragraph does not exist.
std::string_view ParagraphSlice(const Article& article, uint32_t paragraph, uint32_t begin,
                                uint32_t end);

// Escaped HTML for paragraph text[begin, end), with every framing hit that
// lies wholly inside the range wrapped in <mark class="loaded">.
std::string MarkedText(const AnalyzedArticle& doc, uint32_t paragraph, uint32_t begin,
                       uint32_t end);

// MarkedText of one sentence; empty when the sentence does not exist.
std::string SentenceHtml(const AnalyzedArticle& doc, uint32_t sentence);

// The name of local entity `local` of document `document`: the merged
// cross-document name when align merged it, else the local name, else "".
std::string SpeakerName(const Comparison& comparison, int document, int local);

// The page sections of html_sections.cc and html_timeline.cc; each
// appends one <section>.
void AppendTimelineSection(const Comparison& comparison, std::string& out);
void AppendQuotesSection(const Comparison& comparison, std::string& out);
void AppendWordingSection(const Comparison& comparison, std::string& out);
void AppendFullTextSection(const Comparison& comparison, std::string& out);

// A story's coverage by one group label as a bar of coloured segments
// (widths as classes w0..w100: no inline style), with its counts spelled
// out for screen readers, and the blindspot mark when lopsided.
std::string CoverageBar(const GroupCoverage& coverage);

// The colour class of value `value` of a group (g0, g1 ...): six colours,
// the values past the sixth share the last.
inline constexpr size_t kGroupColours = 6;
std::string ColourClass(size_t value);

// An http(s) address as a link that sends no referrer and gives the
// opened page no handle on this one; anything else (javascript:, data:)
// as text. `label` is escaped.
std::string SafeLink(const std::string& url, const std::string& label);

}  // namespace parallax::html

#endif  // PARALLAX_REPORT_HTML_SECTIONS_H_
