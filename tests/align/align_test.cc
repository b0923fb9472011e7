// Align over three invented reports of one invented event (a dock strike in
// "Emberly"), by three invented outlets, and one unrelated sports report.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "parallax/align.h"
#include "parallax/analyze.h"

namespace parallax {
namespace {

AnalyzedArticle Report(const std::string& id, const std::string& outlet,
                       const std::vector<std::string>& texts) {
  Article article;
  article.id = id;
  article.outlet = outlet;
  for (const std::string& t : texts) {
    Paragraph p;
    p.text = t;
    article.paragraphs.push_back(std::move(p));
  }
  return Analyze(std::move(article));
}

AnalyzedArticle Gazette() {
  return Report("d0", "Harbour Gazette", {
      "Dock workers in Emberly began a 48-hour strike on Tuesday after pay talks with the "
      "Northern Ports Authority (NPA) collapsed.",
      "Nine container ships were left waiting offshore as cranes stood idle along the quay.",
      "\u201CWe did not want this strike, but the offer on the table is an insult to every crane "
      "driver in this town,\u201D said Mira Calloway, the secretary of the dockers\u2019 branch.",
      "In a speech to strikers at the main gate, Calloway said: \u201COur grandparents built this "
      "harbour with their hands and they never once asked for charity.\u201D",
      "The authority\u2019s chief executive, Tobias Wren, said the offer of a 3 per cent rise was "
      "fair and final.",
      "The harbour\u2019s oldest crane, built in 1962, was painted in union colours overnight by "
      "unknown artists.",
  });
}

AnalyzedArticle Ledger() {
  return Report("d1", "Coastal Ledger", {
      "A 48-hour strike by dock workers shut the port of Emberly on Tuesday, after talks between "
      "the union and the Northern Ports Authority broke down.",
      "Cranes were idle and nine container ships waited offshore.",
      "\u201CThe offer on the table is an insult to every crane driver,\u201D said Mira Calloway, "
      "who leads the dockers\u2019 branch.",
      "Addressing strikers in a speech outside the gate, Ms Calloway said: \u201CIf the authority "
      "wants a fight over night shifts, it will find us ready and united.\u201D",
      "Tobias Wren, the authority\u2019s chief executive, said a 3 per cent rise was fair and that "
      "the NPA would not improve it.",
  });
}

AnalyzedArticle Bulletin() {
  return Report("d2", "Evening Bulletin", {
      "Emberly dockers walked out on Tuesday at the start of a 48-hour strike over pay, after "
      "negotiations with the NPA failed.",
      "Nine container ships were stuck offshore while the cranes stood idle.",
      "Ms Calloway, the branch secretary, told strikers the authority had treated crane drivers "
      "with contempt.",
      "Mr Wren, the NPA chief executive, called the 3 per cent pay offer fair and final.",
      "Local shops near the quay said trade had already fallen since the strike began on "
      "Tuesday.",
      "Meanwhile, Rovers Football Club appointed a new goalkeeping coach, Sven Aldous, on a "
      "two-year contract after a difficult season for the youth team.",
  });
}

AnalyzedArticle SportsReport() {
  return Report("d1", "Weekend Sport", {
      "Rovers Football Club beat Halden Athletic 3-1 on Saturday to climb to second place in the "
      "league.",
      "Striker Sven Aldous scored twice in the first half before Halden pulled a goal back from a "
      "corner.",
      "Manager Petra Quill praised the young defenders and said the team had finally found its "
      "rhythm.",
      "A crowd of 8,200 watched the match at Millbrook Park, the biggest home attendance of the "
      "season.",
  });
}

class AlignThree : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    comparison_ = new Comparison(Align({Gazette(), Ledger(), Bulletin()}));
  }
  static void TearDownTestSuite() {
    delete comparison_;
    comparison_ = nullptr;
  }

  const Comparison& c() const { return *comparison_; }

  // The sentence index of document `d` whose text starts with `prefix`.
  int SentenceStarting(int d, const std::string& prefix) const {
    const AnalyzedArticle& doc = c().documents[d];
    for (size_t s = 0; s < doc.sentences.size(); ++s) {
      const Span& span = doc.sentences[s].span;
      const std::string& text = doc.article.paragraphs[span.paragraph].text;
      if (text.compare(span.begin, prefix.size(), prefix) == 0) return static_cast<int>(s);
    }
    return -1;
  }

  const Fact* FactOf(int d, int sentence) const {
    for (const Fact& f : c().facts) {
      for (const SentenceRef& r : f.sentences) {
        if (r.document == d && static_cast<int>(r.sentence) == sentence) return &f;
      }
    }
    return nullptr;
  }

  const QuoteRef* QuoteRefWith(int d, const std::string& words) const {
    for (const QuoteRef& r : c().quotes) {
      if (r.document != d) continue;
      if (c().documents[d].quotes[r.quote].text.find(words) != std::string::npos) return &r;
    }
    return nullptr;
  }

  int EntityNamed(const std::string& name) const {
    for (size_t e = 0; e < c().entities.size(); ++e) {
      if (c().entities[e].name == name) return static_cast<int>(e);
    }
    return -1;
  }

  static Comparison* comparison_;
};

Comparison* AlignThree::comparison_ = nullptr;

TEST_F(AlignThree, EveryDocumentIsKeptInOrder) {
  ASSERT_EQ(c().documents.size(), 3u);
  EXPECT_EQ(c().documents[0].article.outlet, "Harbour Gazette");
  EXPECT_EQ(c().documents[1].article.outlet, "Coastal Ledger");
  EXPECT_EQ(c().documents[2].article.outlet, "Evening Bulletin");
}

TEST_F(AlignThree, FactReportedByAllThreeIsOneFact) {
  const int s0 = SentenceStarting(0, "Nine container ships were left");
  const int s1 = SentenceStarting(1, "Cranes were idle");
  const int s2 = SentenceStarting(2, "Nine container ships were stuck");
  ASSERT_GE(s0, 0);
  ASSERT_GE(s1, 0);
  ASSERT_GE(s2, 0);
  const Fact* fact = FactOf(0, s0);
  ASSERT_NE(fact, nullptr);
  EXPECT_EQ(fact->documents, (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(fact->sentences.size(), 3u);
  EXPECT_EQ(FactOf(1, s1), fact);
  EXPECT_EQ(FactOf(2, s2), fact);
  EXPECT_GT(fact->score, 0.0);
  EXPECT_LE(fact->score, 1.0);
}

TEST_F(AlignThree, LedesOfAllThreeAreOneFact) {
  const Fact* fact = FactOf(0, SentenceStarting(0, "Dock workers in Emberly began"));
  ASSERT_NE(fact, nullptr);
  EXPECT_EQ(fact->documents, (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(FactOf(1, SentenceStarting(1, "A 48-hour strike")), fact);
  EXPECT_EQ(FactOf(2, SentenceStarting(2, "Emberly dockers walked out")), fact);
}

TEST_F(AlignThree, SentenceOnlyOneOutletHasIsAUniqueFact) {
  const int s = SentenceStarting(0, "The harbour\u2019s oldest crane");
  ASSERT_GE(s, 0);
  const Fact* fact = FactOf(0, s);
  ASSERT_NE(fact, nullptr);
  EXPECT_EQ(fact->documents, (std::vector<int>{0}));
  ASSERT_EQ(fact->sentences.size(), 1u);
  EXPECT_DOUBLE_EQ(fact->score, 1.0);
}

TEST_F(AlignThree, EverySentenceIsInExactlyOneFact) {
  size_t sentences = 0;
  for (const AnalyzedArticle& doc : c().documents) sentences += doc.sentences.size();
  size_t counted = 0;
  for (const Fact& f : c().facts) {
    counted += f.sentences.size();
    EXPECT_TRUE(std::is_sorted(f.documents.begin(), f.documents.end()));
    EXPECT_EQ(std::adjacent_find(f.documents.begin(), f.documents.end()), f.documents.end());
  }
  EXPECT_EQ(counted, sentences);
  for (int d = 0; d < 3; ++d) {
    for (size_t s = 0; s < c().documents[d].sentences.size(); ++s) {
      EXPECT_NE(FactOf(d, static_cast<int>(s)), nullptr) << d << "/" << s;
    }
  }
}

TEST_F(AlignThree, TrimmedQuoteIsLinkedBothWays) {
  const QuoteRef* full = QuoteRefWith(0, "We did not want this strike");
  const QuoteRef* trimmed = QuoteRefWith(1, "The offer on the table is an insult");
  ASSERT_NE(full, nullptr);
  ASSERT_NE(trimmed, nullptr);
  EXPECT_EQ(full->same_as, (std::vector<std::string>{trimmed->id}));
  EXPECT_EQ(trimmed->same_as, (std::vector<std::string>{full->id}));
  const int calloway = EntityNamed("Mira Calloway");
  ASSERT_GE(calloway, 0);
  EXPECT_EQ(full->entity, calloway);
  EXPECT_EQ(trimmed->entity, calloway);
}

TEST_F(AlignThree, DifferentPassagesOfOneSpeechAreNotLinked) {
  const QuoteRef* a = QuoteRefWith(0, "Our grandparents built this harbour");
  const QuoteRef* b = QuoteRefWith(1, "If the authority wants a fight");
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_TRUE(a->same_as.empty());
  EXPECT_TRUE(b->same_as.empty());
  EXPECT_EQ(c().documents[0].quotes[a->quote].medium, "speech");
  EXPECT_EQ(c().documents[1].quotes[b->quote].medium, "speech");
}

TEST_F(AlignThree, SpeakerQuotedFromOneSpeechWithDifferentPassages) {
  const int calloway = EntityNamed("Mira Calloway");
  ASSERT_GE(calloway, 0);
  const Voice* voice = nullptr;
  for (const Voice& v : c().voices) {
    if (v.entity == calloway) voice = &v;
  }
  ASSERT_NE(voice, nullptr);
  EXPECT_TRUE(voice->same_source_different_passages);
  EXPECT_EQ(voice->medium, "speech");
  ASSERT_EQ(voice->quotes_by_document.size(), 3u);
  EXPECT_EQ(voice->quotes_by_document[0].size(), 2u);
  EXPECT_EQ(voice->quotes_by_document[1].size(), 2u);
}

TEST_F(AlignThree, QuoteIdsAreUniqueAndPointAtQuotes) {
  std::vector<std::string> ids;
  for (const QuoteRef& r : c().quotes) {
    ids.push_back(r.id);
    ASSERT_GE(r.document, 0);
    ASSERT_LT(r.document, 3);
    ASSERT_GE(r.quote, 0);
    ASSERT_LT(static_cast<size_t>(r.quote), c().documents[r.document].quotes.size());
    for (const std::string& other : r.same_as) EXPECT_NE(other, r.id);
  }
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(std::unique(ids.begin(), ids.end()), ids.end());
}

TEST_F(AlignThree, OffTopicTailIsMarkedAndTheStoryIsNot) {
  const AnalyzedArticle& bulletin = c().documents[2];
  ASSERT_EQ(bulletin.article.paragraphs.size(), 6u);
  const Paragraph& tail = bulletin.article.paragraphs[5];
  EXPECT_EQ(tail.role, ParagraphRole::kOffTopic);
  EXPECT_FALSE(tail.why.empty());
  // "Local shops ..." is about the strike: it stays body.
  EXPECT_EQ(bulletin.article.paragraphs[4].role, ParagraphRole::kBody)
      << bulletin.article.paragraphs[4].why;
  for (int d = 0; d < 3; ++d) {
    const auto& paragraphs = c().documents[d].article.paragraphs;
    for (size_t p = 0; p < paragraphs.size(); ++p) {
      if (d == 2 && p == 5) continue;
      EXPECT_EQ(paragraphs[p].role, ParagraphRole::kBody)
          << "d" << d << " p" << p << ": " << paragraphs[p].why;
    }
  }
}

TEST_F(AlignThree, OffTopicSentencesJoinNoSharedFact) {
  const AnalyzedArticle& bulletin = c().documents[2];
  const int s = SentenceStarting(2, "Meanwhile, Rovers");
  ASSERT_GE(s, 0);
  const Fact* fact = FactOf(2, s);
  ASSERT_NE(fact, nullptr);
  EXPECT_EQ(fact->documents, (std::vector<int>{2}));
  EXPECT_EQ(bulletin.sentences[s].span.paragraph, 5u);
}

TEST_F(AlignThree, SamePersonNamedDifferentlyIsOneEntity) {
  const int calloway = EntityNamed("Mira Calloway");
  ASSERT_GE(calloway, 0);
  const Entity& e = c().entities[calloway];
  EXPECT_EQ(e.type, EntityType::kPerson);
  ASSERT_EQ(e.mentions.size(), 3u);
  for (int d = 0; d < 3; ++d) EXPECT_GT(e.mentions[d], 0) << d;
  std::vector<int> member_documents;
  for (const auto& [d, local] : e.members) member_documents.push_back(d);
  std::sort(member_documents.begin(), member_documents.end());
  EXPECT_EQ(member_documents, (std::vector<int>{0, 1, 2}));
  EXPECT_NE(std::find(e.aliases.begin(), e.aliases.end(), "Ms Calloway"), e.aliases.end());
  // No second entity for her.
  for (size_t x = 0; x < c().entities.size(); ++x) {
    if (static_cast<int>(x) != calloway) {
      EXPECT_EQ(c().entities[x].name.find("Calloway"), std::string::npos) << c().entities[x].name;
    }
  }
}

TEST_F(AlignThree, OrganisationNamedByItsAcronymIsOneEntity) {
  const int npa = EntityNamed("Northern Ports Authority");
  ASSERT_GE(npa, 0);
  const Entity& e = c().entities[npa];
  EXPECT_EQ(e.type, EntityType::kOrganization);
  for (int d = 0; d < 3; ++d) EXPECT_GT(e.mentions[d], 0) << d;
  EXPECT_EQ(EntityNamed("NPA"), -1);
}

TEST_F(AlignThree, EntityIdsAreRenumberedInOrder) {
  for (size_t e = 0; e < c().entities.size(); ++e) {
    EXPECT_EQ(c().entities[e].id, "e" + std::to_string(e));
  }
}

TEST_F(AlignThree, SameEvent) {
  EXPECT_TRUE(c().same_event);
  // Three documents: every pair listed, in order.
  ASSERT_EQ(c().similarity.size(), 3u);
  const std::vector<std::pair<int, int>> pairs = {{0, 1}, {0, 2}, {1, 2}};
  for (size_t i = 0; i < pairs.size(); ++i) {
    EXPECT_EQ(c().similarity[i].a, pairs[i].first);
    EXPECT_EQ(c().similarity[i].b, pairs[i].second);
    EXPECT_GE(c().similarity[i].score, 0.2) << i;
  }
  EXPECT_EQ(c().similarity_summary.pairs, 3u);
  EXPECT_TRUE(c().similarity_summary.all_listed);
  EXPECT_GE(c().shared_entities.size(), 2u);
}

TEST(Align, UnrelatedReportIsNotTheSameEvent) {
  const Comparison c = Align({Gazette(), SportsReport()});
  EXPECT_FALSE(c.same_event);
  ASSERT_EQ(c.similarity.size(), 1u);
  EXPECT_LT(c.similarity[0].score, 0.2);
  for (const Fact& f : c.facts) EXPECT_EQ(f.documents.size(), 1u);
  for (const QuoteRef& q : c.quotes) EXPECT_TRUE(q.same_as.empty());
}

TEST(Align, ThreeReportsPlusAnUnrelatedOneAreNotOneEvent) {
  const Comparison c = Align({Gazette(), Ledger(), SportsReport()});
  EXPECT_FALSE(c.same_event);
}

}  // namespace
}  // namespace parallax
