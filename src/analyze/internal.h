// Shared between the files of the analyze stage; not part of the public API.
#ifndef PARALLAX_ANALYZE_INTERNAL_H_
#define PARALLAX_ANALYZE_INTERNAL_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "parallax/analysis.h"

namespace parallax {

// Text between quotation marks within one paragraph.
struct QuotedSpan {
  uint32_t begin = 0;  // first byte inside the marks
  uint32_t end = 0;    // one past the last byte inside the marks
  bool closed = true;  // false: ran to the end of the paragraph (continues in the next one)
  bool at_paragraph_start = false;  // the opening mark is the paragraph's first character
};

// Quotation marks of one paragraph: double (“ ” and "), and single (‘ ’ and ')
// where the closing mark is also the apostrophe. An apostrophe between two
// letters never closes a quote ("can’t", "yesterday’s"); single marks nested
// in a double-quoted span are part of it.
std::vector<QuotedSpan> FindQuotedSpans(std::string_view paragraph);

// People, organisations and places, with aliases and roles merged.
void FindEntities(AnalyzedArticle& doc);

// Quotes and their speakers, into doc.quotes. Needs FindEntities first.
// Returns the spans too short to be quotes (scare quotes), attributed the
// same way: wording inside them is still the speaker's.
std::vector<Quote> FindQuotes(AnalyzedArticle& doc,
                              const std::vector<std::vector<QuotedSpan>>& spans);

// Loaded wording. `scare_quotes` come from FindQuotes.
void FindFraming(AnalyzedArticle& doc, const std::vector<Quote>& scare_quotes);

}  // namespace parallax

#endif  // PARALLAX_ANALYZE_INTERNAL_H_
