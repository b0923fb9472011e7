// ProfileByWeek: an outlet's quoted voices and own wording, by week.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parallax/analyze.h"

namespace parallax {
namespace {

AnalyzedArticle Dated(const std::string& published, const std::vector<std::string>& paragraphs) {
  Article article;
  article.id = published + paragraphs.front().substr(0, 12);
  article.outlet = "Lakeside Courier";
  article.published = published;
  for (const std::string& text : paragraphs) {
    Paragraph p;
    p.text = text;
    article.paragraphs.push_back(std::move(p));
  }
  return Analyze(std::move(article));
}

const VoiceCount* Voice(const WeekProfile& week, const std::string& name) {
  for (const VoiceCount& v : week.voices) {
    if (v.name == name) return &v;
  }
  return nullptr;
}

TEST(ProfileByWeekTest, GroupsArticlesByTheMondayOfTheirWeekLatestFirst) {
  const std::vector<WeekProfile> weeks = ProfileByWeek(
      {Dated("2026-11-26T09:00:00Z", {"The ferry timetable changes on Monday."}),
       Dated("2026-11-30", {"The bridge reopened after repairs."}),
       Dated("2026-11-23", {"The council met on Monday evening."}),
       Dated("", {"An undated piece about the harbour."}),
       Dated("2027-01-01", {"New year fireworks lit the harbour."})},
      5);
  ASSERT_EQ(weeks.size(), 4u);
  EXPECT_EQ(weeks[0].week, "2026-12-28");  // a Friday's week starts in the year before
  EXPECT_EQ(weeks[1].week, "2026-11-30");  // a Monday is its own week's start
  EXPECT_EQ(weeks[2].week, "2026-11-23");
  EXPECT_EQ(weeks[2].articles, 2u);  // the Monday and the Thursday
  EXPECT_EQ(weeks[3].week, "");      // undated last
  EXPECT_EQ(weeks[3].articles, 1u);
}

TEST(ProfileByWeekTest, CountsQuotesAndQuotingArticlesPerSpeaker) {
  const std::vector<WeekProfile> weeks = ProfileByWeek(
      {Dated("2026-11-24", {"\"We will rebuild the pier by spring,\" said Mayor Tomas Brandvik.",
                            "\"The money is already there,\" Brandvik added."}),
       Dated("2026-11-25", {"\"The pier was neglected for years,\" said Ingrid Solhaug, who leads the opposition.",
                            "\"Nobody listened to the fishermen,\" said Tomas Brandvik."})},
      5);
  ASSERT_EQ(weeks.size(), 1u);
  const VoiceCount* mayor = Voice(weeks[0], "Tomas Brandvik");
  const VoiceCount* opposition = Voice(weeks[0], "Ingrid Solhaug");
  ASSERT_NE(mayor, nullptr);
  ASSERT_NE(opposition, nullptr);
  EXPECT_EQ(mayor->quotes, 3u);
  EXPECT_EQ(mayor->articles, 2u);
  EXPECT_EQ(opposition->quotes, 1u);
  EXPECT_EQ(weeks[0].voices.front().name, "Tomas Brandvik");  // quoted by more articles
}

TEST(ProfileByWeekTest, CountsOnlyTheOutletsOwnWordingNotQuotedWords) {
  const std::vector<WeekProfile> weeks = ProfileByWeek(
      {Dated("2026-11-24", {"The crisis at the harbour deepened on Tuesday.",
                            "\"This is a disaster for the town,\" said Ingrid Solhaug.",
                            "Officials called it a crisis of planning."})},
      5);
  ASSERT_EQ(weeks.size(), 1u);
  bool crisis = false;
  for (const WordingCount& w : weeks[0].wording) {
    EXPECT_NE(w.entry, "disaster") << "a quoted word is the speaker's, not the outlet's";
    if (w.entry == "crisis") {
      crisis = true;
      EXPECT_EQ(w.uses, 2u);
      EXPECT_EQ(w.category, "alarm");
    }
  }
  EXPECT_TRUE(crisis);
}

TEST(ProfileByWeekTest, KeepsAtMostTopOfEach) {
  const std::vector<WeekProfile> weeks = ProfileByWeek(
      {Dated("2026-11-24", {"\"The ferry is late,\" said Anna Berg.", "\"The road is closed,\" said Per Lund.",
                            "\"The bus is full,\" said Kari Holm."})},
      2);
  ASSERT_EQ(weeks.size(), 1u);
  EXPECT_EQ(weeks[0].voices.size(), 2u);
}

TEST(ProfileByWeekTest, NoArticlesNoWeeks) { EXPECT_TRUE(ProfileByWeek({}, 5).empty()); }

}  // namespace
}  // namespace parallax
