// Entities and framing, through Analyze(Article), on invented reports: an
// invented ferry terminal opening and an invented harbour dispute.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "analyze/analyze_test_util.h"
#include "parallax/analyze.h"

namespace parallax {
namespace {

using testing::AnalyzeParagraphs;
using testing::EntityNamed;

// Every mention whose surface is exactly `surface`.
std::vector<const Mention*> MentionsOf(const AnalyzedArticle& doc, const std::string& surface) {
  std::vector<const Mention*> out;
  for (const Mention& m : doc.mentions) {
    if (m.surface == surface) out.push_back(&m);
  }
  return out;
}

// True when some entity's name or alias contains `word` (case-sensitive).
bool AnyEntityUses(const AnalyzedArticle& doc, const std::string& word) {
  for (const LocalEntity& e : doc.entities) {
    if (e.name.find(word) != std::string::npos) return true;
    for (const std::string& a : e.aliases) {
      if (a.find(word) != std::string::npos) return true;
    }
  }
  return false;
}

std::string Describe(const AnalyzedArticle& doc) {
  std::string out;
  for (size_t e = 0; e < doc.entities.size(); ++e) {
    const LocalEntity& le = doc.entities[e];
    out += "\n  e" + std::to_string(e) + " " + le.name + " (" + EntityTypeName(le.type) + ", " +
           std::to_string(le.mentions) + " mentions) aliases:";
    for (const std::string& a : le.aliases) out += " [" + a + "]";
    out += " roles:";
    for (const std::string& r : le.roles) out += " [" + r + "]";
  }
  for (const Mention& m : doc.mentions) {
    out += "\n  mention [" + m.surface + "] -> e" + std::to_string(m.entity);
  }
  return out;
}

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

const std::vector<std::string> kTerminal = {
    "Dame Alice Marwood opened the new ferry terminal in Lisbon on Monday.",
    "Critics questioned the cost of the project, which ran two years late.",
    "Alice Marwood, who chairs the harbour trust, said the delays were regrettable.",
    "Meanwhile, Danish and European investors have asked for an audit.",
    "Transport Minister Alan Rook praised the terminal and promised more money.",
    "Dame Alice thanked the engineers, and Marwood later toured the quay.",
    "Ms Marwood told reporters the first sailings were fully booked.",
    "The minister said the government would fund a second berth.",
    "The Northern Ports Authority (NPA) will run the terminal, and the NPA expects 40 sailings "
    "a week.",
};

TEST(Entities, NameVariantsAndHonorificsMergeIntoOnePerson) {
  const AnalyzedArticle doc = AnalyzeParagraphs(kTerminal);
  const int marwood = EntityNamed(doc, "Alice Marwood");
  ASSERT_GE(marwood, 0) << Describe(doc);
  const LocalEntity& e = doc.entities[marwood];
  EXPECT_EQ(e.type, EntityType::kPerson);
  EXPECT_EQ(e.mentions, 5) << Describe(doc);
  for (const char* surface : {"Dame Alice Marwood", "Alice Marwood", "Dame Alice", "Marwood",
                              "Ms Marwood"}) {
    const auto mentions = MentionsOf(doc, surface);
    ASSERT_EQ(mentions.size(), 1u) << surface << Describe(doc);
    EXPECT_EQ(mentions[0]->entity, marwood) << surface;
    EXPECT_EQ(mentions[0]->form, MentionForm::kName) << surface;
    EXPECT_TRUE(Has(e.aliases, surface)) << surface << Describe(doc);
  }
  // No second entity for any of the variants.
  for (size_t x = 0; x < doc.entities.size(); ++x) {
    if (static_cast<int>(x) == marwood) continue;
    EXPECT_EQ(doc.entities[x].name.find("Marwood"), std::string::npos) << Describe(doc);
    EXPECT_NE(doc.entities[x].name, "Alice") << Describe(doc);
  }
}

TEST(Entities, MentionSpansPointAtTheirSurface) {
  const AnalyzedArticle doc = AnalyzeParagraphs(kTerminal);
  ASSERT_FALSE(doc.mentions.empty());
  for (const Mention& m : doc.mentions) {
    const std::string& text = doc.article.paragraphs[m.span.paragraph].text;
    ASSERT_LE(m.span.end, text.size());
    EXPECT_EQ(text.substr(m.span.begin, m.span.end - m.span.begin), m.surface);
    ASSERT_LT(m.sentence, doc.sentences.size());
    const Span& s = doc.sentences[m.sentence].span;
    EXPECT_EQ(s.paragraph, m.span.paragraph);
    EXPECT_LE(s.begin, m.span.begin);
    EXPECT_LE(m.span.end, s.end);
  }
}

TEST(Entities, RoleTitleBeforeANameBindsTheRole) {
  const AnalyzedArticle doc = AnalyzeParagraphs(kTerminal);
  const int rook = EntityNamed(doc, "Alan Rook");
  ASSERT_GE(rook, 0) << Describe(doc);
  EXPECT_EQ(doc.entities[rook].type, EntityType::kPerson);
  EXPECT_TRUE(Has(doc.entities[rook].roles, "transport minister")) << Describe(doc);
  // A later standalone "the minister" is the transport minister, although
  // Dame Alice is named more often.
  const auto minister = MentionsOf(doc, "minister");
  ASSERT_EQ(minister.size(), 1u) << Describe(doc);
  EXPECT_EQ(minister[0]->form, MentionForm::kRole);
  EXPECT_EQ(minister[0]->entity, rook) << Describe(doc);
  // And the statement of that sentence is his.
  bool found = false;
  for (const Quote& q : doc.quotes) {
    if (q.text.find("second berth") != std::string::npos) {
      found = true;
      EXPECT_EQ(q.speaker, rook);
      EXPECT_EQ(q.kind, QuoteKind::kReported);
    }
  }
  EXPECT_TRUE(found);
}

TEST(Entities, UnboundRoleResolvesToTheMostProminentPerson) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Harriet Okafor defended the harbour plan in a speech on Friday.",
      "Ms Okafor said the port would reopen within a month.",
      "Opposition spokesman Colin Pratt called the closure a shambles.",
      "The prime minister insisted the plan was working.",
  });
  const int okafor = EntityNamed(doc, "Harriet Okafor");
  ASSERT_GE(okafor, 0) << Describe(doc);
  const auto pm = MentionsOf(doc, "prime minister");
  ASSERT_EQ(pm.size(), 1u) << Describe(doc);
  EXPECT_EQ(pm[0]->form, MentionForm::kRole);
  EXPECT_EQ(pm[0]->entity, okafor) << Describe(doc);
  EXPECT_TRUE(Has(doc.entities[okafor].roles, "prime minister"));
}

TEST(Entities, LoneDemonymsAreNotEntities) {
  const AnalyzedArticle doc = AnalyzeParagraphs(kTerminal);
  EXPECT_FALSE(AnyEntityUses(doc, "Danish")) << Describe(doc);
  EXPECT_FALSE(AnyEntityUses(doc, "European")) << Describe(doc);
}

TEST(Entities, SentenceInitialCommonWordsAreNotEntities) {
  const AnalyzedArticle doc = AnalyzeParagraphs(kTerminal);
  EXPECT_FALSE(AnyEntityUses(doc, "Critics")) << Describe(doc);
  EXPECT_FALSE(AnyEntityUses(doc, "Meanwhile")) << Describe(doc);
  EXPECT_FALSE(AnyEntityUses(doc, "The ")) << Describe(doc);
}

TEST(Entities, SentenceInitialAdverbIsNotPartOfAName) {
  // Only the capital of "Later" comes from the sentence start; the name is
  // "Mira Calloway", and she is the one entity.
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Tobias Wren met the strikers at the gate on Tuesday.",
      "Later Mira Calloway spoke to the crowd outside the harbour office.",
      "Ms Calloway said the strike would go on.",
  });
  EXPECT_FALSE(AnyEntityUses(doc, "Later")) << Describe(doc);
  const int calloway = EntityNamed(doc, "Mira Calloway");
  ASSERT_GE(calloway, 0) << Describe(doc);
  EXPECT_EQ(doc.entities[calloway].mentions, 2) << Describe(doc);
}

TEST(Entities, SentenceInitialNameEvidencedElsewhereIsKept) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Officials met Marwood at the quay on Monday.",
      "Marwood said the first sailings were fully booked.",
  });
  const int marwood = EntityNamed(doc, "Marwood");
  ASSERT_GE(marwood, 0) << Describe(doc);
  EXPECT_EQ(doc.entities[marwood].mentions, 2) << Describe(doc);
  EXPECT_FALSE(AnyEntityUses(doc, "Officials")) << Describe(doc);
}

TEST(Entities, AcronymDefinedInBracketsMergesWithLaterUse) {
  const AnalyzedArticle doc = AnalyzeParagraphs(kTerminal);
  const int npa = EntityNamed(doc, "Northern Ports Authority");
  ASSERT_GE(npa, 0) << Describe(doc);
  EXPECT_EQ(doc.entities[npa].type, EntityType::kOrganization);
  EXPECT_TRUE(Has(doc.entities[npa].aliases, "NPA")) << Describe(doc);
  const auto acronyms = MentionsOf(doc, "NPA");
  ASSERT_EQ(acronyms.size(), 2u) << Describe(doc);
  for (const Mention* m : acronyms) EXPECT_EQ(m->entity, npa);
  EXPECT_EQ(doc.entities[npa].mentions, 3) << Describe(doc);
  EXPECT_EQ(EntityNamed(doc, "NPA"), -1) << Describe(doc);
}

TEST(Entities, AcronymMergesInALaterParagraph) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "The Northern Ports Authority (NPA) will run the new terminal.",
      "A spokesman said the NPA expects forty sailings a week by the summer.",
  });
  const int npa = EntityNamed(doc, "Northern Ports Authority");
  ASSERT_GE(npa, 0) << Describe(doc);
  const auto later = MentionsOf(doc, "NPA");
  ASSERT_EQ(later.size(), 2u) << Describe(doc);
  EXPECT_EQ(later[1]->entity, npa);
  EXPECT_EQ(doc.sentences[later[1]->sentence].span.paragraph, 1u);
}

TEST(Entities, CityFromThePlaceListIsAPlace) {
  const AnalyzedArticle doc = AnalyzeParagraphs(kTerminal);
  const int lisbon = EntityNamed(doc, "Lisbon");
  ASSERT_GE(lisbon, 0) << Describe(doc);
  EXPECT_EQ(doc.entities[lisbon].type, EntityType::kPlace);
}

TEST(Entities, CityIsAPlaceWithoutAPrepositionToo) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Ferries from Emberly will dock at a new berth, officials said.",
      "Officials expect Lisbon to take most of the extra traffic next year.",
  });
  const int lisbon = EntityNamed(doc, "Lisbon");
  ASSERT_GE(lisbon, 0) << Describe(doc);
  EXPECT_EQ(doc.entities[lisbon].type, EntityType::kPlace);
}

TEST(Entities, OrganisationWordTypesAnOrganisation) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "The Emberly Harbour Council voted to extend the quay by forty metres.",
  });
  const int council = EntityNamed(doc, "Emberly Harbour Council");
  ASSERT_GE(council, 0) << Describe(doc);
  EXPECT_EQ(doc.entities[council].type, EntityType::kOrganization);
}

// Framing: loaded words from data/framing.tsv.

const FramingHit* HitFor(const AnalyzedArticle& doc, const std::string& entry, bool in_quote) {
  for (const FramingHit& h : doc.framing) {
    if (h.entry == entry && h.in_quote == in_quote) return &h;
  }
  return nullptr;
}

const std::vector<std::string> kDispute = {
    "Harriet Okafor defended the harbour plan on Friday.",
    "The closure has caused chaos for hauliers, and the union barons have threatened more "
    "strikes.",
    "\u201CThis is not chaos, it is a plan that the union barons refuse to read,\u201D said Ms "
    "Okafor.",
};

TEST(Framing, LexiconTermOutsideQuotesIsTheOutletsWording) {
  const AnalyzedArticle doc = AnalyzeParagraphs(kDispute);
  const FramingHit* chaos = HitFor(doc, "chaos", false);
  ASSERT_NE(chaos, nullptr);
  EXPECT_EQ(chaos->speaker, -1);
  EXPECT_EQ(chaos->category, "alarm");
  EXPECT_EQ(chaos->span.paragraph, 1u);
  EXPECT_EQ(chaos->term, "chaos");
  const std::string& text = doc.article.paragraphs[1].text;
  EXPECT_EQ(text.substr(chaos->span.begin, chaos->span.end - chaos->span.begin), "chaos");

  const FramingHit* barons = HitFor(doc, "union barons", false);
  ASSERT_NE(barons, nullptr);
  EXPECT_EQ(barons->term, "union barons");
  EXPECT_EQ(barons->span.paragraph, 1u);
  EXPECT_EQ(barons->speaker, -1);
}

TEST(Framing, LexiconTermInsideAQuoteIsTheSpeakers) {
  const AnalyzedArticle doc = AnalyzeParagraphs(kDispute);
  const int okafor = EntityNamed(doc, "Harriet Okafor");
  ASSERT_GE(okafor, 0) << Describe(doc);
  const FramingHit* chaos = HitFor(doc, "chaos", true);
  ASSERT_NE(chaos, nullptr);
  EXPECT_EQ(chaos->span.paragraph, 2u);
  EXPECT_EQ(chaos->speaker, okafor);
  const FramingHit* barons = HitFor(doc, "union barons", true);
  ASSERT_NE(barons, nullptr);
  EXPECT_EQ(barons->speaker, okafor);
  EXPECT_EQ(doc.framing.size(), 4u);
}

TEST(Framing, TermInScareQuotesIsTheReportedSpeakers) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "Colin Pratt said the dispute was a \u201Cmanufactured crisis\u201D for the town.",
  });
  const int pratt = EntityNamed(doc, "Colin Pratt");
  ASSERT_GE(pratt, 0) << Describe(doc);
  const FramingHit* crisis = HitFor(doc, "crisis", true);
  ASSERT_NE(crisis, nullptr);
  EXPECT_EQ(crisis->speaker, pratt);
}

TEST(Framing, InflectedLastWordOfAPhraseMatchesButNotAPartOfAWord) {
  const AnalyzedArticle doc = AnalyzeParagraphs({
      "A union baron addressed the rally while chaotic scenes unfolded at the gate.",
  });
  EXPECT_NE(HitFor(doc, "union barons", false), nullptr);
  EXPECT_EQ(HitFor(doc, "chaos", false), nullptr);
}

}  // namespace
}  // namespace parallax
