// Entities across reports and the same-event verdict, on invented reports:
// full names against short ones, organisations named after people, leads of
// one event told three ways, and two different events of one beat (two
// invented ferry strikes), as leads and as full reports.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parallax/align.h"
#include "parallax/analyze.h"

namespace parallax {
namespace {

AnalyzedArticle Report(const std::string& id, const std::string& title, const std::vector<std::string>& texts) {
  Article article;
  article.id = id;
  article.outlet = "Outlet " + id;
  article.title = title;
  for (const std::string& t : texts) {
    Paragraph p;
    p.text = t;
    article.paragraphs.push_back(std::move(p));
  }
  return Analyze(std::move(article));
}

// The comparison's entities that hold `word` in their name.
std::vector<const Entity*> EntitiesWith(const Comparison& c, const std::string& word) {
  std::vector<const Entity*> out;
  for (const Entity& e : c.entities) {
    if (e.name.find(word) != std::string::npos) out.push_back(&e);
  }
  return out;
}

std::string Names(const Comparison& c) {
  std::string out;
  for (const Entity& e : c.entities) {
    out += " [" + e.name + " (" + EntityTypeName(e.type) + ") in";
    for (size_t d = 0; d < e.mentions.size(); ++d) out += " " + std::to_string(e.mentions[d]);
    out += "]";
  }
  return out;
}

TEST(EntitiesAcrossReports, FullNameWithMiddleNameMergesWithShortForms) {
  const Comparison c = Align({
      Report("d0", "", {"On Monday Harriet Quill Barrowman, the harbour master, closed the ferry pier."}),
      Report("d1", "", {"The ferry pier was closed on Monday by harbour master Harriet Barrowman."}),
      Report("d2", "", {"The pier is shut, Ms Barrowman told reporters on Monday."}),
      Report("d3", "", {"The pier will reopen next week, Barrowman said."}),
  });
  const std::vector<const Entity*> found = EntitiesWith(c, "Barrowman");
  ASSERT_EQ(found.size(), 1u) << Names(c);
  EXPECT_EQ(found[0]->name, "Harriet Quill Barrowman");
  for (int d = 0; d < 4; ++d) EXPECT_GT(found[0]->mentions[d], 0) << d << Names(c);
}

TEST(EntitiesAcrossReports, DottedAbbreviationIsTheSameAsWithoutDots) {
  const Comparison c = Align({
      Report("d0", "", {"The U.S. coast guard found the ferry on Monday."}),
      Report("d1", "", {"The US coast guard said on Monday it had found the ferry."}),
  });
  int both = 0;
  for (const Entity& e : c.entities) both += e.mentions[0] > 0 && e.mentions[1] > 0;
  EXPECT_EQ(both, 1) << Names(c);
}

TEST(EntitiesAcrossReports, SurnameOfTwoPeopleStaysApart) {
  const Comparison c = Align({
      Report("d0", "", {"Harriet Barrowman and her brother Connor Barrowman run the ferry company."}),
      Report("d1", "", {"Mr Barrowman said the ferry company would not close."}),
  });
  for (const Entity* e : EntitiesWith(c, "Barrowman")) {
    EXPECT_FALSE(e->mentions[0] > 0 && e->mentions[1] > 0) << Names(c);
  }
}

TEST(EntitiesAcrossReports, OrganisationNamedAfterAPersonStaysApart) {
  const Comparison c = Align({
      Report("d0", "", {"Rosalind Thackery spoke at the harbour on Monday."}),
      Report("d1", "", {"The Thackery Campaign spoke for her at the harbour on Monday."}),
  });
  const std::vector<const Entity*> found = EntitiesWith(c, "Thackery");
  ASSERT_EQ(found.size(), 2u) << Names(c);
  for (const Entity* e : found) {
    EXPECT_EQ(e->type, e->name == "Thackery Campaign" ? EntityType::kOrganization : EntityType::kPerson);
    EXPECT_FALSE(e->mentions[0] > 0 && e->mentions[1] > 0) << Names(c);
  }
}

// Three leads of one invented event, headline and one or two sentences each,
// told with different words as outlets do.
std::vector<AnalyzedArticle> LeadsOfOneStrike() {
  return {
      Report("d0", "Ferry crews walk out in Emberly over night-shift pay",
             {"Ferry crews in Emberly stopped work on Tuesday, leaving hundreds of commuters stranded "
              "after talks with the Calder Ferry Company broke down."}),
      Report("d1", "Emberly commuters stranded as ferry strike begins",
             {"Commuters queued for buses on Tuesday as a strike by ferry crews halted every crossing from "
              "Emberly. The union says the company cut night-shift pay."}),
      Report("d2", "Union blames Calder Ferry Company for Emberly walkout",
             {"The crews' union said the Calder Ferry Company had forced the strike, which began on "
              "Tuesday, by refusing to restore night-shift rates."}),
  };
}

// Leads of other events of the same beat: ferries, strikes, a harbour town.
std::vector<AnalyzedArticle> LeadsOfThreeOtherEvents() {
  return {
      Report("d0", "Ferry crews walk out in Emberly over night-shift pay",
             {"Ferry crews in Emberly stopped work on Tuesday, leaving hundreds of commuters stranded "
              "after talks with the Calder Ferry Company broke down."}),
      Report("d1", "New ferry terminal opens in Portwick after two-year delay",
             {"Portwick's new ferry terminal opened on Friday, two years late and over budget, with a "
              "ceremony led by the town's mayor."}),
      Report("d2", "Lighthouse keepers in Skarholm vote to accept pay offer",
             {"Lighthouse keepers on Skarholm voted on Thursday to accept a pay offer, ending a dispute "
              "that had threatened a strike this winter."}),
  };
}

TEST(SameEvent, LeadsOfOneEventAreOneEvent) {
  const Comparison c = Align(LeadsOfOneStrike());
  EXPECT_TRUE(c.same_event) << Names(c);
}

TEST(SameEvent, LeadsOfDifferentEventsOfOneBeatAreNot) {
  const Comparison c = Align(LeadsOfThreeOtherEvents());
  EXPECT_FALSE(c.same_event) << Names(c);
}

// Two full reports of two different strikes of one beat: same kind of
// event, same vocabulary (union, pay, crews, talks, commuters), different
// places, companies, people and days.
AnalyzedArticle FullReportOfFerryStrike() {
  return Report("d0", "Ferry crews walk out in Emberly over night-shift pay", {
      "Ferry crews in Emberly stopped work on Tuesday, leaving hundreds of commuters stranded after "
      "talks with the Calder Ferry Company broke down.",
      "The union said the company had cut night-shift pay by a fifth without consulting its members.",
      "\u201CNobody wants to leave passengers on the quay, but we were given no choice,\u201D said "
      "Mira Calloway, who leads the crews' branch.",
      "The company's operations director, Tobias Wren, said the new rates were fair and that talks "
      "could resume once the strike ended.",
      "Commuters queued for replacement buses along the coast road, where journeys took twice as long.",
      "The strike is due to last 48 hours, and the union has warned of further action next month.",
      "Local businesses on the island said they feared losing trade if the dispute dragged on.",
      "The Calder Ferry Company runs six boats between Emberly and the island, carrying about 4,000 "
      "passengers on a normal weekday.",
      "It said it had offered a one-off payment to crews who worked through the winter, which the "
      "union rejected as too small to make up for the lost shift rates.",
      "Calloway said members had voted by a large margin for the walkout at a meeting in the "
      "harbour hall last week.",
      "Island councillors called on both sides to return to talks and offered to host them.",
      "Schools on the island said pupils who live on the mainland could study from home until the "
      "boats run again.",
      "The last strike on the route, eleven years ago, lasted a week and ended with a two-year pay deal.",
  });
}

AnalyzedArticle FullReportOfRailStrike() {
  return Report("d1", "Signal workers strike on the Halden line over weekend pay", {
      "Signal workers on the Halden line walked out on Saturday, cancelling most trains between "
      "Halden and Millbrook after talks with Northline Rail failed.",
      "Their union said Northline Rail wanted to end extra pay for weekend shifts.",
      "\u201CWe have been patient for a year and got nothing,\u201D said Gregor Ashdown, the union's "
      "regional organiser.",
      "Northline Rail's chief executive, Petra Quill, said the offer on the table was generous and "
      "urged the union to put it to a vote.",
      "Passengers were told to travel only if necessary, and replacement coaches ran every hour.",
      "The strike will last 24 hours; the union has not ruled out further walkouts before Christmas.",
      "Shops in Millbrook said Saturday trade had fallen sharply.",
      "Northline Rail said about 30 of its 110 weekend services ran, most of them with managers "
      "working the signal boxes.",
      "Ashdown said signallers had lost two weekends of pay a month since the timetable changed in "
      "the spring.",
      "The rail regulator said it was watching the dispute and reminded the company of its duty to "
      "keep passengers informed.",
      "Football fans travelling to the derby in Halden were advised to share cars or take the coach.",
      "A second strike day has been called for the last Saturday of the month.",
      "The line last saw a walkout six years ago, over a dispute about staffing at level crossings.",
  });
}

TEST(SameEvent, FullReportsOfDifferentEventsOfOneBeatAreNot) {
  const Comparison c = Align({FullReportOfFerryStrike(), FullReportOfRailStrike()});
  EXPECT_FALSE(c.same_event) << Names(c) << " similarity " << c.similarity[0].score;
  // Alike as two strikes are, and still under the full-length link.
  ASSERT_EQ(c.similarity.size(), 1u);
  EXPECT_GT(c.similarity[0].score, 0.03);
  EXPECT_LT(c.similarity[0].score, 0.2);
}

TEST(SameEvent, FullReportAndLeadsOfOneEventAreOneEvent) {
  std::vector<AnalyzedArticle> docs = LeadsOfOneStrike();
  docs[0] = FullReportOfFerryStrike();
  const Comparison c = Align(std::move(docs));
  EXPECT_TRUE(c.same_event) << Names(c);
}

}  // namespace
}  // namespace parallax
