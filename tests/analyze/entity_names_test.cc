// Entities that name nobody, and full names against their short forms, on
// invented sentences: a title alone ("Mr", "Dr."), a pronoun glued to a
// name, middle and maiden names, organisations named after people.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyze/analyze_test_util.h"
#include "parallax/analyze.h"

namespace parallax {
namespace {

using testing::AnalyzeParagraphs;
using testing::EntityNamed;

std::string Names(const AnalyzedArticle& doc) {
  std::string out;
  for (const LocalEntity& e : doc.entities) {
    out += " [" + e.name + " (" + EntityTypeName(e.type) + "):";
    for (const std::string& a : e.aliases) out += " " + a + ";";
    out += "]";
  }
  return out;
}

// No entity is named by these words alone, whatever their case.
void ExpectNoEntityNamed(const AnalyzedArticle& doc, const std::vector<std::string>& names) {
  for (const LocalEntity& e : doc.entities) {
    for (const std::string& n : names) EXPECT_NE(e.name, n) << Names(doc);
  }
}

TEST(EntityNames, TitleWithAmericanDotIsNotAnEntity) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Sen. Orla Brannigan said on Tuesday that the ferry levy was unfair.",
      "Mr. Brannigan was joined by Gov. Petra Silvano and Dr. Ines Halloran, the port's physician.",
      "Harbour Director Dr. Tomas Vell said the levy would stay.",
  });
  ExpectNoEntityNamed(doc, {"Sen", "Mr", "Gov", "Dr", "Sen.", "Mr.", "Gov.", "Dr."});
  const int brannigan = EntityNamed(doc, "Orla Brannigan");
  ASSERT_GE(brannigan, 0) << Names(doc);
  EXPECT_EQ(doc.entities[brannigan].type, EntityType::kPerson);
  EXPECT_EQ(doc.entities[brannigan].mentions, 2) << Names(doc);
  EXPECT_EQ(doc.entities[brannigan].gender, 'm');  // "Mr." said so
  EXPECT_GE(EntityNamed(doc, "Petra Silvano"), 0) << Names(doc);
  EXPECT_GE(EntityNamed(doc, "Ines Halloran"), 0) << Names(doc);
  EXPECT_GE(EntityNamed(doc, "Tomas Vell"), 0) << Names(doc);
}

TEST(EntityNames, TitleAloneIsNotAnEntity) {
  // A title cut off from its name by the line's end or a quote.
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "The ferry operator thanked the crew, said Mrs.",
      "\"We will appeal,\" the Dr said, as Ms left the room.",
  });
  ExpectNoEntityNamed(doc, {"Mrs", "Mrs.", "Dr", "Ms"});
}

TEST(EntityNames, PronounIsNeverGluedToAName) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "\"The levy is a mistake,\" said Quentin Marrow. \"I will vote against it,\" Quentin Marrow I said later.",
      "Quentin Marrow He said the council had not listened. Lisa Ormond She agreed.",
      "The ferry museum opened a hall about World War I.",
  });
  for (const LocalEntity& e : doc.entities) {
    EXPECT_EQ(e.name.find("Marrow I"), std::string::npos) << Names(doc);
    EXPECT_EQ(e.name.find(" He"), std::string::npos) << Names(doc);
    EXPECT_EQ(e.name.find(" She"), std::string::npos) << Names(doc);
  }
  ExpectNoEntityNamed(doc, {"I", "He", "She"});
  const int marrow = EntityNamed(doc, "Quentin Marrow");
  ASSERT_GE(marrow, 0) << Names(doc);
  EXPECT_EQ(doc.entities[marrow].mentions, 3) << Names(doc);
  EXPECT_GE(EntityNamed(doc, "Lisa Ormond"), 0) << Names(doc);
  EXPECT_GE(EntityNamed(doc, "World War I"), 0) << Names(doc);
}

TEST(EntityNames, DottedAbbreviationIsOneName) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "The U.S. coast guard and the U.N. agency searched for the ferry on Monday.",
      "Officials in the U.S. said the search would go on.",
  });
  ExpectNoEntityNamed(doc, {"U", "S", "N"});
  const int us = EntityNamed(doc, "U.S");
  ASSERT_GE(us, 0) << Names(doc);
  EXPECT_EQ(doc.entities[us].mentions, 2) << Names(doc);
  EXPECT_GE(EntityNamed(doc, "U.N"), 0) << Names(doc);
}

TEST(EntityNames, CommonWordAloneIsNotAnEntity) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Ferry fares rose across the State on Monday, the Day the levy began.",
  });
  ExpectNoEntityNamed(doc, {"State", "Day"});
  // A common word that is also an organisation's name still names it.
  const AnalyzedArticle uk = AnalyzeParagraphs({"Ferry fares will rise, the Government said on Monday."});
  EXPECT_GE(EntityNamed(uk, "Government"), 0) << Names(uk);
}

TEST(EntityNames, MiddleAndMaidenNamesMergeWithTheShortForms) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "On Monday Harriet Quill Barrowman, the harbour master, met Desmond K. Fairlie.",
      "Harriet Barrowman said the talks went well; Desmond Fairlie disagreed.",
      "Ms. Barrowman will meet Mr Fairlie again, and Barrowman expects a deal.",
  });
  const int barrowman = EntityNamed(doc, "Harriet Quill Barrowman");
  ASSERT_GE(barrowman, 0) << Names(doc);
  EXPECT_EQ(doc.entities[barrowman].mentions, 4) << Names(doc);
  EXPECT_EQ(EntityNamed(doc, "Harriet Barrowman"), -1) << Names(doc);
  const int fairlie = EntityNamed(doc, "Desmond K. Fairlie");
  ASSERT_GE(fairlie, 0) << Names(doc);
  EXPECT_EQ(doc.entities[fairlie].mentions, 3) << Names(doc);
  EXPECT_EQ(EntityNamed(doc, "Desmond Fairlie"), -1) << Names(doc);
  ExpectNoEntityNamed(doc, {"K", "Desmond K"});
}

TEST(EntityNames, SurnameOfTwoPeopleIsNotGuessed) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "The ferry company is run by Harriet Barrowman and her brother Connor Barrowman.",
      "On Monday Mr Barrowman said the company would not close.",
  });
  for (const char* name : {"Harriet Barrowman", "Connor Barrowman"}) {
    const int e = EntityNamed(doc, name);
    ASSERT_GE(e, 0) << name << Names(doc);
    EXPECT_EQ(doc.entities[e].mentions, 1) << name << Names(doc);
  }
}

TEST(EntityNames, OrganisationsNamedAfterPeopleStayOrganisations) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Rosalind Thackery said on Monday that the Thackery Campaign had raised more than expected.",
      "The Marwick Administration and the Thackery Foundation declined to comment, and Marwick did not reply.",
  });
  const int person = EntityNamed(doc, "Rosalind Thackery");
  ASSERT_GE(person, 0) << Names(doc);
  EXPECT_EQ(doc.entities[person].type, EntityType::kPerson);
  for (const char* org : {"Thackery Campaign", "Marwick Administration", "Thackery Foundation"}) {
    const int e = EntityNamed(doc, org);
    ASSERT_GE(e, 0) << org << Names(doc);
    EXPECT_EQ(doc.entities[e].type, EntityType::kOrganization) << org;
    EXPECT_EQ(doc.entities[e].mentions, 1) << org << Names(doc);
  }
  EXPECT_EQ(doc.entities[person].mentions, 1) << Names(doc);
}

}  // namespace
}  // namespace parallax
