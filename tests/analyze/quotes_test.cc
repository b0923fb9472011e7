// Quotes and their speakers, through Analyze(Article), on invented reports
// of an invented dock strike in an invented town ("Emberly").
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "analyze/analyze_test_util.h"
#include "parallax/analyze.h"

namespace parallax {
namespace {

using testing::AnalyzeParagraphs;
using testing::Describe;
using testing::EntityNamed;
using testing::QuotesHolding;
using testing::QuoteWith;

// Whether the quote holding `words` is attributed to the entity named
// `speaker`, written as `speaker_text` where it was said ("": not checked).
::testing::AssertionResult SaidBy(const AnalyzedArticle& doc, const std::string& words,
                                  const std::string& speaker, const std::string& speaker_text = "") {
  const int entity = EntityNamed(doc, speaker);
  if (entity < 0) {
    return ::testing::AssertionFailure() << "no entity '" << speaker << "'" << Describe(doc);
  }
  const Quote* q = QuoteWith(doc, words);
  if (q == nullptr) {
    return ::testing::AssertionFailure() << "no quote holds '" << words << "'" << Describe(doc);
  }
  if (q->speaker != entity) {
    return ::testing::AssertionFailure() << "the quote holding '" << words << "' is not "
                                         << speaker << "'s" << Describe(doc);
  }
  if (!speaker_text.empty() && q->speaker_text != speaker_text) {
    return ::testing::AssertionFailure() << "speaker written '" << q->speaker_text << "', not '"
                                         << speaker_text << "'";
  }
  return ::testing::AssertionSuccess();
}

TEST(Quotes, DoubleCurlyQuoteWithSpeakerAfterIt) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Dock workers in Emberly walked out on Tuesday after pay talks collapsed.",
      "\u201CWe did not want this, but the offer on the table is an insult,\u201D Mira Calloway "
      "said.",
  });
  const int calloway = EntityNamed(doc, "Mira Calloway");
  ASSERT_GE(calloway, 0) << Describe(doc);
  const Quote* q = QuoteWith(doc, "We did not want this");
  ASSERT_NE(q, nullptr) << Describe(doc);
  EXPECT_EQ(q->kind, QuoteKind::kDirect);
  EXPECT_EQ(q->speaker, calloway);
  EXPECT_EQ(q->speaker_text, "Mira Calloway");
  EXPECT_EQ(q->span.paragraph, 1u);
  EXPECT_EQ(q->last_paragraph, 1u);
  // The span is the quoted words without the marks, and `text` is exactly it.
  const std::string& text = doc.article.paragraphs[1].text;
  EXPECT_EQ(text.substr(q->span.begin, q->span.end - q->span.begin), q->text);
  EXPECT_EQ(q->text.rfind("We did not want this", 0), 0u) << q->text;
  EXPECT_EQ(q->text.find("\u201C"), std::string::npos);
  EXPECT_EQ(q->text.find("\u201D"), std::string::npos);
  EXPECT_EQ(q->text.find("said"), std::string::npos);
}

TEST(Quotes, SingleCurlyQuoteIsNotCutAtApostrophes) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Mira Calloway leads the dockers on the picket line in Emberly.",
      "\u2018The port\u2019s owners can\u2019t wait to see us give in,\u2019 she said.",
  });
  const Quote* q = QuoteWith(doc, "owners");
  ASSERT_NE(q, nullptr) << Describe(doc);
  EXPECT_EQ(q->text, "The port\u2019s owners can\u2019t wait to see us give in,");
  EXPECT_EQ(q->kind, QuoteKind::kDirect);
  EXPECT_EQ(q->speaker, EntityNamed(doc, "Mira Calloway")) << Describe(doc);
  EXPECT_EQ(q->speaker_text, "she");
  EXPECT_EQ(doc.quotes.size(), 1u) << Describe(doc);
}

TEST(Quotes, QuoteSplitByTheAttributionGivesBothPartsTheSpeaker) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Tobias Wren runs the harbour authority in Emberly.",
      "\u201CNobody here wants a long and bitter strike,\u201D he said. \u201CBut the offer we "
      "made is fair and it is final.\u201D",
  });
  const int wren = EntityNamed(doc, "Tobias Wren");
  ASSERT_GE(wren, 0) << Describe(doc);
  // One utterance split by its attribution is one quote: both pieces, the
  // attribution left out.
  const Quote* first = QuoteWith(doc, "Nobody here wants");
  const Quote* second = QuoteWith(doc, "But the offer we made");
  ASSERT_NE(first, nullptr) << Describe(doc);
  EXPECT_EQ(first, second) << Describe(doc);
  EXPECT_EQ(first->speaker, wren) << Describe(doc);
  EXPECT_EQ(first->text, "Nobody here wants a long and bitter strike, But the offer we made is fair and it is final.");
  EXPECT_EQ(first->kind, QuoteKind::kDirect);
}

TEST(Quotes, PiecesWithDifferentSpeakersStayApart) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "“The gates open at six,” said Tobias Wren. “Not a minute before,” "
      "Mira Calloway replied.",
  });
  const Quote* first = QuoteWith(doc, "The gates open");
  const Quote* second = QuoteWith(doc, "Not a minute before");
  ASSERT_NE(first, nullptr) << Describe(doc);
  ASSERT_NE(second, nullptr) << Describe(doc);
  EXPECT_NE(first, second);
  EXPECT_EQ(first->speaker, EntityNamed(doc, "Tobias Wren")) << Describe(doc);
  EXPECT_EQ(second->speaker, EntityNamed(doc, "Mira Calloway")) << Describe(doc);
}

TEST(Quotes, QuoteRunningOverTwoParagraphsIsOneQuote) {
  // News style: the first paragraph leaves the quote open, the next one
  // opens it again.
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Mira Calloway addressed the strikers at the main gate in Emberly.",
      "\u201CThe ships can wait in the bay for a week or for a month,\u201D she said. \u201CThe "
      "cranes will stay still,",
      "\u201Cbecause the people who unload them will not be bullied by anyone.\u201D",
      "The authority did not respond.",
  });
  const Quote* q = QuoteWith(doc, "The cranes will stay still");
  ASSERT_NE(q, nullptr) << Describe(doc);
  EXPECT_EQ(q->span.paragraph, 1u);
  EXPECT_EQ(q->last_paragraph, 2u);
  EXPECT_GT(q->last_paragraph, q->span.paragraph);
  EXPECT_EQ(q->text,
            "The ships can wait in the bay for a week or for a month, The cranes will stay still, "
            "because the people who unload them will not be bullied by anyone.");
  EXPECT_EQ(q->speaker, EntityNamed(doc, "Mira Calloway")) << Describe(doc);
  // The continuation is not a quote of its own.
  EXPECT_EQ(QuotesHolding(doc, "bullied"), 1) << Describe(doc);
}

TEST(Quotes, UnattributedQuoteParagraphContinuesThePreviousSpeaker) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Dock workers in Emberly walked out on Tuesday after pay talks collapsed.",
      "\u201CThis will hurt every shop in the town for months to come,\u201D said Tobias Wren.",
      "\u201CWe have put a fair offer on the table and it stays there until the strike ends.\u201D",
  });
  EXPECT_TRUE(SaidBy(doc, "We have put a fair offer", "Tobias Wren"));
  const Quote* q = QuoteWith(doc, "We have put a fair offer");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->span.paragraph, 2u);
}

TEST(Quotes, SpeakerAfterTheVerb) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Dock workers in Emberly walked out on Tuesday after pay talks collapsed.",
      "\u201CEvery one of us has a family to feed and rent to pay,\u201D said Jane Doe, a crane "
      "driver.",
  });
  EXPECT_TRUE(SaidBy(doc, "Every one of us", "Jane Doe", "Jane Doe"));
}

TEST(Quotes, SpeakerWithAnAppositionBeforeTheVerb) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Dock workers in Emberly walked out on Tuesday after pay talks collapsed.",
      "Jane Doe, the head of the Emberly Harbour Council, said: \u201CLocal shops are already "
      "losing trade every single day.\u201D",
  });
  EXPECT_TRUE(SaidBy(doc, "Local shops are already", "Jane Doe", "Jane Doe"));
  // The apposition binds the role "head" to her.
  const int doe = EntityNamed(doc, "Jane Doe");
  ASSERT_GE(doe, 0);
  const auto& roles = doc.entities[doe].roles;
  EXPECT_NE(std::find(roles.begin(), roles.end(), "head"), roles.end());
}

TEST(Quotes, SpeakerWithAnAppositionNamingAnOrganisationWithoutAnOrganisationWord) {
  // "Chamber of Commerce" holds no word of data/organisation_words.tsv; the
  // speaker is still the person before the apposition, not the body inside it.
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Dock workers in Emberly walked out on Tuesday after pay talks collapsed.",
      "Tobias Wren, the head of the Emberly Chamber of Commerce, said: \u201CLocal shops are "
      "already losing trade every single day.\u201D",
  });
  EXPECT_TRUE(SaidBy(doc, "Local shops are already", "Tobias Wren", "Tobias Wren"));
}

TEST(Quotes, PronounResolvesToTheLastNamedPerson) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Tobias Wren met the strikers at the gate on Tuesday.",
      "An hour later Mira Calloway spoke to the crowd outside the harbour office.",
      "\u201CWe will stay out as long as it takes to win,\u201D she said.",
  });
  EXPECT_TRUE(SaidBy(doc, "We will stay out", "Mira Calloway", "she"));
}

TEST(Quotes, SheSkipsAManTheHonorificsIdentify) {
  // LocalEntity::gender: "she said" skips a man named just before.
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Ms Calloway met the strikers at the gate on Tuesday.",
      "Mr Wren arrived an hour later with a new offer.",
      "\u201CWe will read it, but we will not be rushed into anything,\u201D she said.",
  });
  EXPECT_TRUE(SaidBy(doc, "We will read it", "Calloway"));
}

TEST(Quotes, ReportedSpeechOfAGroup) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Dock workers in Emberly walked out on Tuesday after pay talks collapsed.",
      "Critics say the plan to close the night shift would cost hundreds of jobs.",
  });
  ASSERT_EQ(doc.quotes.size(), 1u) << Describe(doc);
  const Quote& q = doc.quotes[0];
  EXPECT_EQ(q.kind, QuoteKind::kReported);
  EXPECT_EQ(q.speaker_text, "Critics");
  EXPECT_EQ(q.speaker, -1);
  EXPECT_EQ(q.text, "the plan to close the night shift would cost hundreds of jobs");
  EXPECT_EQ(q.span.paragraph, 1u);
  const std::string& text = doc.article.paragraphs[1].text;
  EXPECT_EQ(text.substr(q.span.begin, q.span.end - q.span.begin), q.text);
}

TEST(Quotes, ReportedSpeechOfANamedPerson) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Tobias Wren said the offer of a three per cent rise was fair and final.",
  });
  ASSERT_EQ(doc.quotes.size(), 1u) << Describe(doc);
  EXPECT_EQ(doc.quotes[0].kind, QuoteKind::kReported);
  EXPECT_EQ(doc.quotes[0].speaker, EntityNamed(doc, "Tobias Wren"));
  EXPECT_EQ(doc.quotes[0].text, "the offer of a three per cent rise was fair and final");
}

TEST(Quotes, ReportedSpeechAfterToldLeavesOutTheAddressee) {
  // "told strikers that ...": the statement is what she said, not whom to.
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Mira Calloway told strikers the authority had treated crane drivers with contempt.",
  });
  ASSERT_EQ(doc.quotes.size(), 1u) << Describe(doc);
  EXPECT_EQ(doc.quotes[0].kind, QuoteKind::kReported);
  EXPECT_EQ(doc.quotes[0].speaker, EntityNamed(doc, "Mira Calloway"));
  EXPECT_EQ(doc.quotes[0].text, "the authority had treated crane drivers with contempt");
}

TEST(Quotes, ShortQuotedWordsAreAFragmentOfTheirSpeaker) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Dock workers in Emberly walked out on Tuesday after pay talks collapsed.",
      "Some traders called the strike a \u201Chostile takeover\u201D of the harbour.",
  });
  ASSERT_EQ(doc.quotes.size(), 1u) << Describe(doc);
  EXPECT_EQ(doc.quotes[0].kind, QuoteKind::kFragment);
  EXPECT_EQ(doc.quotes[0].text, "hostile takeover");
  EXPECT_EQ(doc.quotes[0].speaker_text, "Some traders");
  // The words are still marked as quoted.
  ASSERT_EQ(doc.quoted_spans.size(), 1u);
  const Span& s = doc.quoted_spans[0];
  EXPECT_EQ(s.paragraph, 1u);
  EXPECT_EQ(doc.article.paragraphs[1].text.substr(s.begin, s.end - s.begin), "hostile takeover");
}

TEST(Quotes, MediumIsTakenFromTheSentence) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "In a speech to strikers, Mira Calloway said: \u201COur grandparents built this harbour "
      "with their own hands.\u201D",
  });
  const Quote* q = QuoteWith(doc, "Our grandparents");
  ASSERT_NE(q, nullptr) << Describe(doc);
  EXPECT_EQ(q->medium, "speech");
  EXPECT_EQ(q->speaker, EntityNamed(doc, "Mira Calloway"));
}

TEST(Quotes, CaptionsAndBoilerplateGiveNoQuotes) {
  Article article;
  Paragraph caption;
  caption.text = "\u201CWe will not be moved from this gate,\u201D said Mira Calloway.";
  caption.role = ParagraphRole::kCaption;
  article.paragraphs.push_back(caption);
  Paragraph body;
  body.text = "Dock workers in Emberly walked out on Tuesday.";
  article.paragraphs.push_back(body);
  const AnalyzedArticle doc = Analyze(std::move(article));
  EXPECT_TRUE(doc.quotes.empty()) << Describe(doc);
  for (const Sentence& s : doc.sentences) EXPECT_EQ(s.span.paragraph, 1u);
}

}  // namespace
}  // namespace parallax
