// Reported speech, fragments, statements after a colon, and who said them,
// on invented reports: each test is one class of error seen on real news.
#include <gtest/gtest.h>

#include <string>

#include "analyze/analyze_test_util.h"
#include "parallax/analyze.h"

namespace parallax {
namespace {

using testing::AnalyzeParagraphs;
using testing::Describe;
using testing::EntityNamed;
using testing::QuotesHolding;
using testing::QuoteWith;

// The words of `doc` that `quote.speaker_span` points at.
std::string SpeakerAsWritten(const AnalyzedArticle& doc, const Quote& quote) {
  const std::string& text = doc.article.paragraphs[quote.speaker_span.paragraph].text;
  return text.substr(quote.speaker_span.begin, quote.speaker_span.end - quote.speaker_span.begin);
}

TEST(ReportedSpeech, SaidThatAndToldThat) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Harbour master Tobias Wren said that the outer basin would stay closed until Friday.",
      "Mira Calloway told the Emberly Courier that the ferry crews had not been paid since March.",
  });
  const Quote* basin = QuoteWith(doc, "the outer basin would stay closed until Friday");
  ASSERT_NE(basin, nullptr) << Describe(doc);
  EXPECT_EQ(basin->kind, QuoteKind::kReported);
  EXPECT_EQ(basin->speaker, EntityNamed(doc, "Tobias Wren")) << Describe(doc);
  const Quote* crews = QuoteWith(doc, "the ferry crews had not been paid");
  ASSERT_NE(crews, nullptr) << Describe(doc);
  EXPECT_EQ(crews->speaker, EntityNamed(doc, "Mira Calloway")) << Describe(doc);
  // The listener is not part of what was said.
  EXPECT_EQ(crews->text.find("Courier"), std::string::npos) << crews->text;
}

TEST(ReportedSpeech, AccordingToBeforeAndAfter) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "According to the port's own figures, 40 ships were turned away in October.",
      "The dredging will cost twice the first estimate, according to a report by the Emberly council.",
  });
  const Quote* ships = QuoteWith(doc, "40 ships were turned away in October");
  ASSERT_NE(ships, nullptr) << Describe(doc);
  EXPECT_EQ(ships->kind, QuoteKind::kReported);
  EXPECT_EQ(SpeakerAsWritten(doc, *ships), "the port's own figures");
  const Quote* dredging = QuoteWith(doc, "The dredging will cost twice the first estimate");
  ASSERT_NE(dredging, nullptr) << Describe(doc);
  EXPECT_EQ(dredging->text.find("according"), std::string::npos) << dredging->text;
  EXPECT_EQ(SpeakerAsWritten(doc, *dredging), "a report by the Emberly council");
}

TEST(ReportedSpeech, StatementBeforeItsClause) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Tobias Wren runs the harbour authority.",
      "The night shifts will end in spring, Wren said on Tuesday.",
      "The cranes are older than the workers who drive them, said Mira Calloway.",
  });
  const Quote* shifts = QuoteWith(doc, "The night shifts will end in spring");
  ASSERT_NE(shifts, nullptr) << Describe(doc);
  EXPECT_EQ(shifts->speaker, EntityNamed(doc, "Tobias Wren")) << Describe(doc);
  EXPECT_EQ(shifts->text.find("Tuesday"), std::string::npos) << shifts->text;
  const Quote* cranes = QuoteWith(doc, "The cranes are older");
  ASSERT_NE(cranes, nullptr) << Describe(doc);
  EXPECT_EQ(cranes->speaker, EntityNamed(doc, "Mira Calloway")) << Describe(doc);
}

TEST(ReportedSpeech, VerbsBeyondSaid) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Mira Calloway warned that the ferry timetable would collapse by winter.",
      "Tobias Wren argued that the union had walked away from the table.",
  });
  EXPECT_EQ(QuoteWith(doc, "the ferry timetable would collapse")->speaker, EntityNamed(doc, "Mira Calloway"));
  EXPECT_EQ(QuoteWith(doc, "the union had walked away")->speaker, EntityNamed(doc, "Tobias Wren"));
}

TEST(ReportedSpeech, ASpokespersonSpeaksForTheOrganisation) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "A spokeswoman for Calder Shipping Lines said the company would appeal the fine.",
  });
  const Quote* q = QuoteWith(doc, "the company would appeal the fine");
  ASSERT_NE(q, nullptr) << Describe(doc);
  EXPECT_EQ(SpeakerAsWritten(doc, *q), "A spokeswoman for Calder Shipping Lines");
  ASSERT_GE(q->speaker, 0) << Describe(doc);
  EXPECT_EQ(doc.entities[q->speaker].name, "Calder Shipping Lines");
}

TEST(ReportedSpeech, FindingsOfADocumentButNotOfThePolice) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "A new survey shows most dockers would accept a shorter rota.",
      "Police found a van full of stolen copper near the quay.",
  });
  const Quote* survey = QuoteWith(doc, "most dockers would accept a shorter rota");
  ASSERT_NE(survey, nullptr) << Describe(doc);
  EXPECT_EQ(SpeakerAsWritten(doc, *survey), "A new survey");
  EXPECT_EQ(QuoteWith(doc, "a van full of stolen copper"), nullptr) << Describe(doc);
}

TEST(Fragments, AShortQuotedPhraseKeepsItsSpeaker) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Tobias Wren runs the harbour authority.",
      "Wren called the strike \u201Cdeeply cynical\u201D before leaving the quay.",
  });
  const Quote* q = QuoteWith(doc, "deeply cynical");
  ASSERT_NE(q, nullptr) << Describe(doc);
  EXPECT_EQ(q->kind, QuoteKind::kFragment);
  EXPECT_EQ(q->text, "deeply cynical");
  EXPECT_EQ(q->speaker, EntityNamed(doc, "Tobias Wren")) << Describe(doc);
}

TEST(Fragments, AScareQuoteWithoutASpeakerIsNoQuote) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "The so-called \u201Cnight rota\u201D starts in April at the Emberly docks.",
  });
  EXPECT_EQ(QuoteWith(doc, "night rota"), nullptr) << Describe(doc);
}

TEST(Fragments, AMixedQuoteIsOneReportedStatement) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Mira Calloway said the offer was \u201Can insult\u201D to crews who had worked through the storms.",
  });
  const Quote* q = QuoteWith(doc, "the offer was");
  ASSERT_NE(q, nullptr) << Describe(doc);
  EXPECT_EQ(q->kind, QuoteKind::kReported);
  EXPECT_NE(q->text.find("an insult"), std::string::npos) << q->text;
  EXPECT_EQ(q->speaker, EntityNamed(doc, "Mira Calloway"));
  EXPECT_EQ(QuotesHolding(doc, "an insult"), 1) << Describe(doc);
}

TEST(Statements, AParagraphAfterAColonIsTheSpeakersWords) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Mira Calloway posted a statement on the union's page late on Sunday:",
      "We will not sail until every crew member has been paid in full. Not one ferry leaves Emberly.",
      "The ferry company did not reply.",
  });
  const Quote* q = QuoteWith(doc, "We will not sail until every crew member");
  ASSERT_NE(q, nullptr) << Describe(doc);
  EXPECT_EQ(q->kind, QuoteKind::kDirect);
  EXPECT_EQ(q->speaker, EntityNamed(doc, "Mira Calloway")) << Describe(doc);
  EXPECT_TRUE(InsideQuotedSpan(doc, 1, 0, 10));
  EXPECT_EQ(QuoteWith(doc, "did not reply"), nullptr) << Describe(doc);
}

TEST(Statements, AListAfterAColonIsNoQuote) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "The harbour authority published the new berthing fees for the season:",
      "Ferries pay 40 crowns an hour and cargo ships pay 90 crowns an hour at the outer quay.",
  });
  EXPECT_EQ(QuoteWith(doc, "Ferries pay 40 crowns"), nullptr) << Describe(doc);
}

TEST(Speakers, TheSpeakerSpanIsTheWordsAsWritten) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Mira Calloway leads the ferry crews.",
      "\u201CWe have waited long enough for the money,\u201D she said.",
  });
  const Quote* q = QuoteWith(doc, "We have waited long enough");
  ASSERT_NE(q, nullptr) << Describe(doc);
  EXPECT_EQ(q->speaker, EntityNamed(doc, "Mira Calloway"));
  EXPECT_EQ(q->speaker_span.paragraph, 1u);
  EXPECT_EQ(SpeakerAsWritten(doc, *q), "she");
}

TEST(Speakers, PronounsFollowTheSexOfGivenNames) {
  // Tom Hale is named last, but "she" can only be Jane Roe; then "he" is Hale.
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Jane Roe met the shipping minister Tom Hale at the quay on Monday.",
      "\u201CThe crews deserve an answer by the end of the week,\u201D she said.",
      "\u201CThey will get one when the audit is finished,\u201D he replied.",
  });
  const Quote* hers = QuoteWith(doc, "The crews deserve an answer");
  const Quote* his = QuoteWith(doc, "They will get one");
  ASSERT_NE(hers, nullptr) << Describe(doc);
  ASSERT_NE(his, nullptr) << Describe(doc);
  EXPECT_EQ(hers->speaker, EntityNamed(doc, "Jane Roe")) << Describe(doc);
  EXPECT_EQ(his->speaker, EntityNamed(doc, "Tom Hale")) << Describe(doc);
}

TEST(Speakers, AParenthesisAfterTheNameIsSkipped) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "\u201CThe harbour needs a second dredger before the winter storms,\u201D Councillor Ada Brook "
      "(Independent) said in an interview.",
  });
  const Quote* q = QuoteWith(doc, "The harbour needs a second dredger");
  ASSERT_NE(q, nullptr) << Describe(doc);
  EXPECT_EQ(q->speaker, EntityNamed(doc, "Ada Brook")) << Describe(doc);
}

TEST(Speakers, AQuoteWithNobodyToSpeakItSaysSo) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "The harbour was quiet on Monday morning after a week of storms.",
      "\u201CNo ship will sail from this quay until the storm has passed over the islands.\u201D",
  });
  const Quote* q = QuoteWith(doc, "No ship will sail");
  ASSERT_NE(q, nullptr) << Describe(doc);
  EXPECT_EQ(q->speaker, -1);
  EXPECT_TRUE(q->speaker_text.empty()) << q->speaker_text;
  EXPECT_EQ(q->speaker_span.begin, q->speaker_span.end);
  EXPECT_EQ(QuoteSpeakerName(doc, *q), "");
}

TEST(Speakers, ARelativeClauseSpeaksForItsName) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Ada Brook, who chairs the harbour board, said the fees would rise by a tenth next year.",
  });
  const Quote* q = QuoteWith(doc, "the fees would rise");
  ASSERT_NE(q, nullptr) << Describe(doc);
  EXPECT_EQ(q->speaker, EntityNamed(doc, "Ada Brook")) << Describe(doc);
}

TEST(Speakers, DoubledApostrophesAreQuoteMarks) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "''The dredger will be here by the spring,'' said Ada Brook, who chairs the harbour board.",
  });
  const Quote* q = QuoteWith(doc, "The dredger will be here by the spring");
  ASSERT_NE(q, nullptr) << Describe(doc);
  EXPECT_EQ(q->kind, QuoteKind::kDirect);
  EXPECT_EQ(q->text, "The dredger will be here by the spring,");
  EXPECT_EQ(q->speaker, EntityNamed(doc, "Ada Brook")) << Describe(doc);
}

TEST(Speakers, QuotesOfOneSpeakerWithOtherWordsBetweenStayApart) {
  // Same speaker, but the words between are the writer's, not an attribution.
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Mira Calloway said the crews were \u201Cfed up with waiting for the money\u201D because the "
      "company had missed three paydays. \u201CWe will not sail again,\u201D she said.",
  });
  const Quote* sail = QuoteWith(doc, "We will not sail again");
  ASSERT_NE(sail, nullptr) << Describe(doc);
  EXPECT_EQ(sail->text.find("fed up"), std::string::npos) << Describe(doc);
  EXPECT_EQ(sail->speaker, EntityNamed(doc, "Mira Calloway")) << Describe(doc);
}

TEST(ReportedSpeech, AnAttributionInsideTheStatement) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Ada Brook chairs the harbour board.",
      "The new fees, she said on Monday, will pay for the second dredger.",
  });
  const Quote* q = QuoteWith(doc, "The new fees");
  ASSERT_NE(q, nullptr) << Describe(doc);
  EXPECT_EQ(q->text, "The new fees will pay for the second dredger");
  EXPECT_EQ(q->speaker, EntityNamed(doc, "Ada Brook")) << Describe(doc);
  EXPECT_EQ(SpeakerAsWritten(doc, *q), "she");
}

TEST(ReportedSpeech, CoordinatedVerbsShareTheSubject) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Tobias Wren did not apologise, but said the harbour would pay the fishermen's costs.",
  });
  const Quote* q = QuoteWith(doc, "the harbour would pay the fishermen's costs");
  ASSERT_NE(q, nullptr) << Describe(doc);
  EXPECT_EQ(q->speaker, EntityNamed(doc, "Tobias Wren")) << Describe(doc);
}

TEST(Fragments, AListOfFragmentsFromOneSpeakerIsOneQuote) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Tobias Wren called the union leaders \u201Creckless\u201D, \u201Cselfish\u201D and \u201Cout of touch\u201D.",
  });
  const Quote* q = QuoteWith(doc, "reckless");
  ASSERT_NE(q, nullptr) << Describe(doc);
  EXPECT_EQ(q->kind, QuoteKind::kFragment);
  EXPECT_EQ(q->text, "reckless \u2026 selfish \u2026 out of touch");
  EXPECT_EQ(q->speaker, EntityNamed(doc, "Tobias Wren"));
  EXPECT_EQ(doc.quotes.size(), 1u) << Describe(doc);
}

TEST(ReportedSpeech, ADocumentFurtherBackThanASubject) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "A survey of 800 dockers released on Friday by the Emberly port council shows that most would "
      "accept a shorter rota.",
  });
  const Quote* q = QuoteWith(doc, "most would accept a shorter rota");
  ASSERT_NE(q, nullptr) << Describe(doc);
  EXPECT_EQ(SpeakerAsWritten(doc, *q), "A survey");
}

TEST(Speakers, TheOneWhoPostedSpeaksNotThePost) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Mira Calloway posted a tweet saying the ferries would not sail on Sunday.",
  });
  const Quote* q = QuoteWith(doc, "the ferries would not sail on Sunday");
  ASSERT_NE(q, nullptr) << Describe(doc);
  EXPECT_EQ(q->speaker, EntityNamed(doc, "Mira Calloway")) << Describe(doc);
}

TEST(ReportedSpeech, IntentionsOnlyBeforeToOrThat) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Tobias Wren plans to close the outer basin for the whole of the winter.",
      "The fishermen want a new slipway and a bigger ice plant at the quay.",
  });
  EXPECT_NE(QuoteWith(doc, "close the outer basin"), nullptr) << Describe(doc);
  EXPECT_EQ(QuoteWith(doc, "a new slipway"), nullptr) << Describe(doc);
}

TEST(Speakers, APronounPrefersTheSubjectToANameInAnAside) {
  // Tom Hale is named last, but the sentence is about Tobias Wren.
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Tobias Wren, a lawyer for the shipping minister Tom Hale, said the new fees were lawful.",
      "\u201CWe will answer every complaint in court if we have to,\u201D he added.",
  });
  const Quote* q = QuoteWith(doc, "We will answer every complaint");
  ASSERT_NE(q, nullptr) << Describe(doc);
  EXPECT_EQ(q->speaker, EntityNamed(doc, "Tobias Wren")) << Describe(doc);
  EXPECT_EQ(SpeakerAsWritten(doc, *q), "he");
}

TEST(Speakers, ANameAndAnyVerbRightAfterTheQuote) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "\u201CThis is the third storm this month and nobody has paid us a penny,\u201D Ada Brook fumed.",
  });
  const Quote* q = QuoteWith(doc, "This is the third storm");
  ASSERT_NE(q, nullptr) << Describe(doc);
  EXPECT_EQ(q->speaker, EntityNamed(doc, "Ada Brook")) << Describe(doc);
}

TEST(Speakers, DescriptionsWithAPossessorOrANounEndingInLy) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "\u201CThe harbour cannot wait another winter for the money,\u201D Wren's former deputy said.",
      "\u201CThe council has failed the fishermen for a decade,\u201D the daily wrote.",
  });
  const Quote* deputy = QuoteWith(doc, "The harbour cannot wait");
  ASSERT_NE(deputy, nullptr) << Describe(doc);
  EXPECT_EQ(SpeakerAsWritten(doc, *deputy), "Wren's former deputy");
  const Quote* daily = QuoteWith(doc, "The council has failed");
  ASSERT_NE(daily, nullptr) << Describe(doc);
  EXPECT_EQ(SpeakerAsWritten(doc, *daily), "the daily");
}

TEST(ReportedSpeech, AShortDenialIsAStatement) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Tobias Wren has denied the charge.",
  });
  const Quote* q = QuoteWith(doc, "the charge");
  ASSERT_NE(q, nullptr) << Describe(doc);
  EXPECT_EQ(q->speaker, EntityNamed(doc, "Tobias Wren")) << Describe(doc);
}

TEST(ReportedSpeech, AFindingBeforeALongDocumentPhrase) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Ferry fares rose by a third in two years, a review of the council's own accounts shows.",
  });
  const Quote* q = QuoteWith(doc, "Ferry fares rose by a third in two years");
  ASSERT_NE(q, nullptr) << Describe(doc);
  EXPECT_EQ(q->text.find("review"), std::string::npos) << q->text;
  EXPECT_NE(SpeakerAsWritten(doc, *q).find("review"), std::string::npos) << SpeakerAsWritten(doc, *q);
}

TEST(ReportedSpeech, NounsThatLookLikeVerbsAndTheSceneBeforeAComma) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "At the council's urging, the harbour closed the outer basin for a week.",
      "When the dredger broke down in March, the council said enough.",
      "The noted harbour master Tobias Wren continues to insist the basin is safe.",
  });
  EXPECT_EQ(QuoteWith(doc, "the harbour closed the outer basin"), nullptr) << Describe(doc);
  EXPECT_EQ(QuoteWith(doc, "When the dredger broke down"), nullptr) << Describe(doc);
  const Quote* insist = QuoteWith(doc, "the basin is safe");
  ASSERT_NE(insist, nullptr) << Describe(doc);
  EXPECT_EQ(insist->text, "the basin is safe");
}

TEST(ReportedSpeech, AnInvertedSpeakerIsNeverTheStatement) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "The ferries will not run on Sunday, noted the Emberly Courier's harbour reporter.",
  });
  const Quote* q = QuoteWith(doc, "The ferries will not run on Sunday");
  ASSERT_NE(q, nullptr) << Describe(doc);
  EXPECT_EQ(doc.quotes.size(), 1u) << Describe(doc);
}

TEST(Fragments, AnAdverbOfTimeBetweenTheSpeakerAndTheVerb) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Tobias Wren runs the harbour authority.",
      "Wren earlier called the union's demands \"reckless.\" The talks resume on Monday.",
  });
  const Quote* q = QuoteWith(doc, "reckless");
  ASSERT_NE(q, nullptr) << Describe(doc);
  EXPECT_EQ(q->kind, QuoteKind::kFragment);
  EXPECT_EQ(q->speaker, EntityNamed(doc, "Tobias Wren")) << Describe(doc);
}

TEST(Speakers, AFragmentInTheAttributionClauseIsNoSecondPiece) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "\u201CWe need change,\u201D the harbour master said, arguing that he would bring a "
      "\u201Ccommon-sense\u201D approach to the port.",
  });
  const Quote* change = QuoteWith(doc, "We need change");
  ASSERT_NE(change, nullptr) << Describe(doc);
  EXPECT_EQ(change->text.find("common-sense"), std::string::npos) << Describe(doc);
  EXPECT_EQ(SpeakerAsWritten(doc, *change), "the harbour master");
}

TEST(ReportedSpeech, AStatementHoldsTheClauseOfItsOwnPronoun) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Ada Brook says she hopes to reopen the outer basin by the spring.",
      "Tobias Wren wrote in a statement that was published on Monday by the harbour board.",
  });
  const Quote* q = QuoteWith(doc, "she hopes to reopen the outer basin");
  ASSERT_NE(q, nullptr) << Describe(doc);
  EXPECT_EQ(q->speaker, EntityNamed(doc, "Ada Brook")) << Describe(doc);
  EXPECT_EQ(QuoteWith(doc, "was published on Monday"), nullptr) << Describe(doc);
}

TEST(Fragments, TitlesInMarksAreNobodysWords) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "\u201CThe harbour is older than the town,\u201D said Ada Brook, author of the book "
      "\u201CSalt and Stone: A History of the Emberly Docks.\u201D",
      "Dockers joined a \u201CFair Pay for Night Shifts\u201D campaign, Tobias Wren said.",
  });
  EXPECT_NE(QuoteWith(doc, "The harbour is older than the town"), nullptr) << Describe(doc);
  EXPECT_EQ(QuoteWith(doc, "Salt and Stone"), nullptr) << Describe(doc);
  const Quote* campaign = QuoteWith(doc, "Fair Pay for Night Shifts");
  EXPECT_TRUE(campaign == nullptr || campaign->kind == QuoteKind::kReported) << Describe(doc);
}

TEST(Speakers, TheObjectOfAPrepositionIsNoSubject) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Ada Brook took the microphone and, in a low voice said, \u201CWe have waited long enough for this day.\u201D",
  });
  const Quote* q = QuoteWith(doc, "We have waited long enough");
  ASSERT_NE(q, nullptr) << Describe(doc);
  EXPECT_EQ(q->speaker_text.find("voice"), std::string::npos) << Describe(doc);
}

TEST(Speakers, AnOrganisationNamedAfterAPersonSpeaksAsItself) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Tom Hale is standing for mayor of Emberly.",
      "\u201CThe harbour fees will be frozen for two years,\u201D the Tom Hale Campaign said in a statement.",
  });
  const Quote* q = QuoteWith(doc, "The harbour fees will be frozen");
  ASSERT_NE(q, nullptr) << Describe(doc);
  ASSERT_GE(q->speaker, 0) << Describe(doc);
  EXPECT_EQ(doc.entities[q->speaker].type, EntityType::kOrganization) << Describe(doc);
  EXPECT_NE(q->speaker, EntityNamed(doc, "Tom Hale")) << Describe(doc);
}

TEST(ReportedSpeech, ANameOrALabelBeforeAColon) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Tobias Wren runs the harbour authority.",
      "Wren: Outer Basin Will Reopen Before The Storm Season.",
      "BROOK: We have waited for the money since March.",
      "Update: This story was changed on Monday to add the council's reply.",
  });
  const Quote* headline = QuoteWith(doc, "Outer Basin Will Reopen");
  ASSERT_NE(headline, nullptr) << Describe(doc);
  EXPECT_EQ(headline->speaker, EntityNamed(doc, "Tobias Wren")) << Describe(doc);
  const Quote* transcript = QuoteWith(doc, "We have waited for the money");
  ASSERT_NE(transcript, nullptr) << Describe(doc);
  EXPECT_EQ(transcript->speaker_text, "BROOK");
  EXPECT_EQ(QuoteWith(doc, "This story was changed"), nullptr) << Describe(doc);
}

TEST(ReportedSpeech, ACoordinatedStatementIsItsOwn) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Tobias Wren said the fees would rise by a tenth \u2014 and he noted that the ferries would pay less.",
      "His deputies say the basin will reopen in May but noted that the dredger is late.",
  });
  const Quote* fees = QuoteWith(doc, "the fees would rise by a tenth");
  ASSERT_NE(fees, nullptr) << Describe(doc);
  EXPECT_EQ(fees->text.find("ferries"), std::string::npos) << Describe(doc);
  const Quote* ferries = QuoteWith(doc, "the ferries would pay less");
  ASSERT_NE(ferries, nullptr) << Describe(doc);
  EXPECT_EQ(ferries->speaker, EntityNamed(doc, "Tobias Wren")) << Describe(doc);
  const Quote* dredger = QuoteWith(doc, "the dredger is late");
  ASSERT_NE(dredger, nullptr) << Describe(doc);
  EXPECT_EQ(dredger->speaker_text, "His deputies") << Describe(doc);
  const Quote* basin = QuoteWith(doc, "the basin will reopen in May");
  ASSERT_NE(basin, nullptr) << Describe(doc);
  EXPECT_EQ(basin->text.find("dredger"), std::string::npos) << Describe(doc);
}

}  // namespace
}  // namespace parallax
