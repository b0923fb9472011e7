// The first acceptance case: ../shared/seeds/EXPECTED.md, every behaviour
// checked through the JSON report. The seed reports are read from
// ../shared (never copied into the repository). Names below come from the
// expectations file: they are what the output must show, not what the code
// knows — nothing under src/ names them.
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "acceptance/pipeline.h"

namespace parallax::testing {
namespace {

const std::string kSeeds = std::string(PARALLAX_SHARED_DIR) + "/seeds/";
const std::string kBroadcaster = kSeeds + "000_17827e28cb47a082.txt";
const std::string kTabloid = kSeeds + "003_594ec7c239727614.txt";

class SeedsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::ifstream probe(kBroadcaster);
    ASSERT_TRUE(probe.good()) << "the seed reports are missing: expected " << kBroadcaster
                              << " (../shared must sit beside the checkout)";
    out_ = new nlohmann::json(CompareJson({kBroadcaster, kTabloid}));
  }
  static void TearDownTestSuite() { delete out_; }
  static const nlohmann::json& out() { return *out_; }
  static const nlohmann::json& doc(int i) { return (*out_)["documents"][i]; }
  static std::vector<std::string> Lines(const std::string& path) {
    std::ifstream in(path);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
      while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
      if (!line.empty()) lines.push_back(line);
    }
    return lines;
  }
  static inline nlohmann::json* out_ = nullptr;
};

// Folds curly quotes so the two printings of one caption compare equal.
std::string FoldQuotes(std::string s) {
  for (const char* curly : {"\u2018", "\u2019"}) {
    for (size_t p; (p = s.find(curly)) != std::string::npos;) s.replace(p, 3, "'");
  }
  return s;
}

TEST_F(SeedsTest, SchemaAndTwoDocuments) {
  EXPECT_EQ(out()["schema"], "parallax.compare/1");
  ASSERT_EQ(out()["documents"].size(), 2u);
  EXPECT_TRUE(out()["failures"].empty());
}

// Cleaning: widgets gone from the body, each twice-printed caption kept once
// as a caption, nothing of the broadcaster's body lost.
TEST_F(SeedsTest, GalleryWidgetsAreDebris) {
  int widgets = 0;
  for (const auto& p : doc(1)["paragraphs"]) {
    if (p["text"] == "+3" || p["text"] == "View gallery") {
      ++widgets;
      EXPECT_EQ(p["role"], "boilerplate") << p["text"];
    }
  }
  EXPECT_EQ(widgets, 6);
}

TEST_F(SeedsTest, CaptionsPrintedTwiceAreKeptOnceAsCaptions) {
  // The captions are the lines the source prints twice (quote marks aside).
  std::map<std::string, int> seen;
  for (const std::string& line : Lines(kTabloid)) {
    if (line.size() > 30) ++seen[FoldQuotes(line)];
  }
  int captions = 0;
  for (const auto& [text, count] : seen) {
    if (count < 2) continue;
    ++captions;
    int as_caption = 0, as_body = 0;
    for (const auto& p : doc(1)["paragraphs"]) {
      if (FoldQuotes(p["text"]) != text) continue;
      as_caption += p["role"] == "caption";
      as_body += p["role"] == "body";
    }
    EXPECT_EQ(as_caption, 1) << text;
    EXPECT_EQ(as_body, 0) << text;
  }
  EXPECT_EQ(captions, 3);
}

TEST_F(SeedsTest, EveryBroadcasterParagraphSurvives) {
  const std::vector<std::string> lines = Lines(kBroadcaster);
  ASSERT_EQ(doc(0)["paragraphs"].size(), lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    EXPECT_EQ(doc(0)["paragraphs"][i]["text"], lines[i]);
    EXPECT_EQ(doc(0)["paragraphs"][i]["role"], "body") << lines[i];
  }
}

// Same event: one story, with shared entities.
TEST_F(SeedsTest, RecognisedAsOneStory) {
  EXPECT_TRUE(out()["story"]["same_event"].get<bool>());
  EXPECT_GE(out()["story"]["similarity"][0]["score"].get<double>(), 0.25);
  std::set<std::string> shared;
  for (const auto& e : out()["story"]["shared_entities"]) shared.insert(e["name"]);
  EXPECT_TRUE(shared.count("Keir Starmer"));
  EXPECT_TRUE(shared.count("European Convention on Human Rights"));
  EXPECT_TRUE(shared.count("Mette Frederiksen"));
}

TEST_F(SeedsTest, TabloidDriftsOffTopicAfterItsLastConventionParagraph) {
  const auto& paragraphs = doc(1)["paragraphs"];
  int off_topic = 0;
  bool drifted = false;
  for (const auto& p : paragraphs) {
    const std::string text = p["text"];
    if (Contains(text, "customs union") || Contains(text, "Bardella") || Contains(text, "Farage")) {
      EXPECT_EQ(p["role"], "off_topic") << text;
      drifted = true;
    }
    if (p["role"] == "off_topic") ++off_topic;
    // Nothing about the convention is off topic.
    if (Contains(text, "ECHR") || Contains(text, "convention")) {
      EXPECT_NE(p["role"], "off_topic") << text;
    }
  }
  EXPECT_TRUE(drifted);
  EXPECT_EQ(off_topic, 6);
  for (const auto& p : doc(0)["paragraphs"]) EXPECT_NE(p["role"], "off_topic") << p["text"];
  // Off-topic sentences are not coverage of the story.
  for (const auto& fact : out()["facts"]) {
    if (fact["off_topic"].get<bool>()) {
      EXPECT_FALSE(fact["shared"].get<bool>());
    }
  }
}

// What both report.
TEST_F(SeedsTest, BothReportTheCallToReformTheConventionForDeportations) {
  EXPECT_TRUE(SharedFactWith(out(), "d0", "deport", "d1", "deport"));
  EXPECT_TRUE(SharedFactWith(out(), "d0", "European leaders", "d1", "European leaders"));
}

TEST_F(SeedsTest, BothReportTheJointArticleWithFrederiksenInTheGuardian) {
  EXPECT_TRUE(SharedFactWith(out(), "d0", "joint article", "d1", "joint article"));
  EXPECT_TRUE(SharedFactWith(out(), "d0", "Frederiksen", "d1", "Frederiksen"));
  // Each names the Guardian in a different sentence; the newspaper is an
  // entity both reports share.
  std::set<std::string> shared;
  for (const auto& e : out()["story"]["shared_entities"]) shared.insert(e["name"]);
  EXPECT_TRUE(shared.count("Guardian"));
}

TEST_F(SeedsTest, BothReportThatTheOppositionWantsToLeave) {
  EXPECT_TRUE(SharedFactWith(out(), "d0", "Reform UK", "d1", "Reform UK"));
  // The tabloid's sentence states it and adds a view of its own ("does not
  // go far enough", only in 003): one row, the long sentence adding detail.
  bool found = false;
  for (const auto& fact : out()["facts"]) {
    if (!fact["shared"].get<bool>()) continue;
    for (const auto& s : fact["sentences"]) {
      if (!Contains(s["text"], "Reform UK")) continue;
      found = true;
      EXPECT_EQ(s["relation"], s["document"] == "d1" ? "adds_detail" : "same") << s["text"];
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(SeedsTest, BothReportTheTalks) {
  // 000: "ahead of talks in Strasbourg"; 003: "a European summit on Wednesday".
  EXPECT_TRUE(SharedFactWith(out(), "d0", "talks", "d1", "summit"));
}

TEST_F(SeedsTest, BothTargetSmugglingNetworks) {
  // The two sentences differ too much to pair up (003 says it inside a
  // quote), so the link is the shared distinctive term, with its sentences.
  bool found = false;
  for (const auto& term : out()["shared_terms"]) {
    if (term["term"] != "smuggling") continue;
    found = term["documents"] == nlohmann::json({"d0", "d1"});
  }
  EXPECT_TRUE(found);
}

// What only one reports.
TEST_F(SeedsTest, OnlyTheBroadcasterReportsItsDetails) {
  for (const char* person : {"David Lammy", "Lord Hermer", "Kemi Badenoch", "Alain Berset", "Ed Davey"}) {
    const nlohmann::json* e = EntityByAlias(out(), person);
    ASSERT_NE(e, nullptr) << person;
    EXPECT_EQ((*e)["mentions"].size(), 1u) << person;
    EXPECT_TRUE((*e)["mentions"].contains("d0")) << person;
  }
  for (const char* detail : {"Article 8", "returns hubs", "political declaration", "open letter", "next May"}) {
    EXPECT_TRUE(OnlyReportedBy(out(), "d0", detail)) << detail;
  }
}

TEST_F(SeedsTest, OnlyTheTabloidReportsMahmoodAndThePartiesView) {
  const nlohmann::json* mahmood = EntityByAlias(out(), "Shabana Mahmood");
  ASSERT_NE(mahmood, nullptr);
  EXPECT_EQ((*mahmood)["mentions"], nlohmann::json({{"d1", 1}}));
  EXPECT_EQ((*mahmood)["roles"], nlohmann::json({"home secretary"}));
  // "does not go far enough" is the parties' reported view, in 003 only.
  bool reported = false;
  for (const auto& q : out()["quotes"]) {
    if (Contains(q["text"], "does not go far enough")) {
      reported = q["document"] == "d1" && q["kind"] == "reported" && !q["speaker"].is_null();
    }
  }
  EXPECT_TRUE(reported);
  EXPECT_TRUE(OnlyReportedBy(out(), "d1", "customs union"));
  EXPECT_TRUE(OnlyReportedBy(out(), "d1", "Bardella"));
}

// Quotes and voices.
TEST_F(SeedsTest, AliasesOfThePrimeMinisterAreOnePerson) {
  const nlohmann::json* pm = EntityByAlias(out(), "Keir Starmer");
  ASSERT_NE(pm, nullptr);
  EXPECT_EQ((*pm)["type"], "person");
  for (const char* alias : {"Sir Keir Starmer", "Keir Starmer", "Sir Keir", "prime minister", "PM", "Prime Minister"}) {
    EXPECT_EQ(EntityByAlias(out(), alias), pm) << alias;
  }
  const nlohmann::json* lammy = EntityByAlias(out(), "Lammy");
  ASSERT_NE(lammy, nullptr);
  EXPECT_EQ((*lammy)["name"], "David Lammy");
  EXPECT_EQ((*lammy)["roles"], nlohmann::json({"justice secretary"}));
}

TEST_F(SeedsTest, SameOpEdDifferentPassages) {
  const nlohmann::json* pm = EntityByAlias(out(), "Keir Starmer");
  ASSERT_NE(pm, nullptr);
  const nlohmann::json* voice = VoiceOf(out(), (*pm)["id"]);
  ASSERT_NE(voice, nullptr);
  EXPECT_TRUE((*voice)["same_source_different_passages"].get<bool>());
  EXPECT_EQ((*voice)["medium"], "article");
  auto quoted = [&](const std::string& doc_id, const std::string& passage) {
    for (const auto& q : out()["quotes"]) {
      if (q["document"] == doc_id && q["kind"] == "direct" && q["speaker_id"] == (*pm)["id"] &&
          Contains(q["text"], passage)) {
        return q["same_as"].empty();  // a different passage: matched nowhere else
      }
    }
    return false;
  };
  EXPECT_TRUE(quoted("d0", "Listening to legitimate concerns"));
  EXPECT_TRUE(quoted("d0", "not empty populism, it\u2019s democracy"));
  EXPECT_TRUE(quoted("d1", "current asylum framework was created"));
  EXPECT_TRUE(quoted("d1", "always protect those fleeing war"));
  EXPECT_TRUE(quoted("d1", "Migration must be orderly"));
  EXPECT_TRUE(quoted("d1", "calling on our friends"));
}

TEST_F(SeedsTest, SingleQuotesAreNotCutAtApostrophes) {
  bool found = false;
  for (const auto& q : out()["quotes"]) {
    if (Contains(q["text"], "yesterday\u2019s answers do not work")) found = true;
  }
  EXPECT_TRUE(found);
}

TEST_F(SeedsTest, VoicesHeardOnlyInTheBroadcaster) {
  for (const char* person : {"David Lammy", "Alain Berset", "Kemi Badenoch", "Ed Davey"}) {
    const nlohmann::json* e = EntityByAlias(out(), person);
    ASSERT_NE(e, nullptr) << person;
    const nlohmann::json* voice = VoiceOf(out(), (*e)["id"]);
    ASSERT_NE(voice, nullptr) << person << " is quoted";
    EXPECT_EQ((*voice)["quotes"].size(), 1u) << person;
    EXPECT_TRUE((*voice)["quotes"].contains("d0")) << person;
  }
  // The tabloid's other voices: none of those; Bardella in reported speech.
  const nlohmann::json* bardella = EntityByAlias(out(), "Jordan Bardella");
  ASSERT_NE(bardella, nullptr);
  bool reported = false;
  for (const auto& q : out()["quotes"]) {
    if (q["speaker_id"] == (*bardella)["id"]) reported = q["kind"] == "reported" && q["document"] == "d1";
  }
  EXPECT_TRUE(reported);
}

// A short quoted phrase is a fragment of its speaker's words, not dropped:
// Davey's "upholds our freedom", said through "saying" after his "said".
TEST_F(SeedsTest, DaveysShortPhraseIsAFragmentOfHis) {
  const nlohmann::json* davey = EntityByAlias(out(), "Ed Davey");
  ASSERT_NE(davey, nullptr);
  bool fragment = false;
  for (const auto& q : out()["quotes"]) {
    if (Contains(q["text"], "upholds our freedom")) {
      fragment = q["kind"] == "fragment" && q["speaker_id"] == (*davey)["id"] && q["document"] == "d0";
    }
  }
  EXPECT_TRUE(fragment);
}

TEST_F(SeedsTest, BroadcasterGivesTheOtherSideAVoice) {
  bool supporters = false;
  for (const auto& q : out()["quotes"]) {
    if (q["document"] == "d0" && q["kind"] == "reported" && Contains(q["speaker_text"].is_null() ? "" : q["speaker_text"], "supporters")) {
      supporters = Contains(q["text"], "exaggerated");
    }
  }
  EXPECT_TRUE(supporters);
}

// Framing.
TEST_F(SeedsTest, LoadedWordingPerOutlet) {
  auto hit = [&](const std::string& doc_id, const std::string& term, bool in_quote) {
    for (const auto& f : out()["framing"]) {
      if (f["document"] == doc_id && Contains(f["term"], term) && f["in_quote"] == in_quote) return true;
    }
    return false;
  };
  for (const char* term : {"hard-Left", "stunt", "far-Right", "Right-wing", "take back control", "crisis"}) {
    EXPECT_TRUE(hit("d1", term, false)) << term;
  }
  EXPECT_TRUE(hit("d0", "illegal migrants", false));
  EXPECT_TRUE(hit("d0", "mass migration", false));
  EXPECT_TRUE(hit("d0", "forces of hate and division", true));
  // Wording inside a quote is the speaker's.
  for (const auto& f : out()["framing"]) {
    if (Contains(f["term"], "forces of hate")) {
      EXPECT_EQ(f["speaker"], "Keir Starmer");
    }
  }
}

}  // namespace
}  // namespace parallax::testing
