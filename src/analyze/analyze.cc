// The analyze stage: sentences, entities, quotes, framing.
#include "parallax/analyze.h"

#include <utility>

#include "analyze/internal.h"
#include "parallax/text.h"

namespace parallax {

AnalyzedArticle Analyze(Article article) {
  AnalyzedArticle doc;
  doc.article = std::move(article);
  const std::vector<Paragraph>& paragraphs = doc.article.paragraphs;
  std::vector<std::vector<QuotedSpan>> spans(paragraphs.size());
  for (uint32_t p = 0; p < paragraphs.size(); ++p) {
    if (paragraphs[p].role != ParagraphRole::kBody) continue;
    const std::string& text = paragraphs[p].text;
    for (const auto& [begin, end] : SplitSentences(text)) {
      Sentence sentence;
      sentence.span = {p, begin, end};
      sentence.tokens = Tokenize(text, begin, end);
      doc.sentences.push_back(std::move(sentence));
    }
    spans[p] = FindQuotedSpans(text);
    for (const QuotedSpan& s : spans[p]) doc.quoted_spans.push_back({p, s.begin, s.end});
  }
  FindEntities(doc);
  const std::vector<Quote> scare_quotes = FindQuotes(doc, spans);
  FindFraming(doc, scare_quotes);
  return doc;
}

}  // namespace parallax
