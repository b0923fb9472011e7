// analyze: one article at a time. Segments it into sentences and tokens,
// finds people, organisations and places (aliases, honorifics and roles such
// as "the prime minister" merged into one entity), direct and reported quotes
// with their speakers, and loaded wording from the bundled lexicon (marked as
// the speaker's when it stands inside a quote). A pure function of the
// article: safe to run on many articles in parallel. ProfileByWeek sums
// the analyses of one outlet's articles by week.
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

// Who `quote` of `doc` is from, as the article names them (its entity's
// name, else the words that name the speaker); "" when it does not say or
// only a pronoun with no one found for it does.
std::string QuoteSpeakerName(const AnalyzedArticle& doc, const Quote& quote);

// The articles of one outlet, week by week (the latest first): whom they
// quote most and which loaded words they use outside quotes, at most `top`
// of each. Speakers are told apart by their names, case aside: one person
// named two ways in two articles counts twice.
std::vector<WeekProfile> ProfileByWeek(const std::vector<AnalyzedArticle>& docs, size_t top);

}  // namespace parallax

#endif  // PARALLAX_ANALYZE_H_
