// analyze: one article at a time. Segments it into sentences and tokens,
// finds people, organisations and places (aliases, honorifics and roles such
// as "the prime minister" merged into one entity), direct and reported quotes
// with their speakers, and loaded wording from the bundled lexicon (marked as
// the speaker's when it stands inside a quote). A pure function of the
// article: safe to run on many articles in parallel.
#ifndef PARALLAX_ANALYZE_H_
#define PARALLAX_ANALYZE_H_

#include "parallax/analysis.h"

namespace parallax {

// Analyses body paragraphs only; captions and boilerplate are kept in the
// article but produce no sentences, mentions, quotes or framing hits.
AnalyzedArticle Analyze(Article article);

// True when [begin, end) of `paragraph` lies inside quotation marks.
// `doc.quoted_spans` must be in (paragraph, begin) order and not overlap,
// as Analyze leaves them; the lookup is a binary search.
bool InsideQuotedSpan(const AnalyzedArticle& doc, uint32_t paragraph, uint32_t begin, uint32_t end);

}  // namespace parallax

#endif  // PARALLAX_ANALYZE_H_
