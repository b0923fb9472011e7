// The bundled demo event (examples/harbour-strike, written by the team):
// the same behaviours as the seed pair, on four invented outlets. Its README
// lists what a reader expects; these tests check the core of it.
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "acceptance/pipeline.h"

namespace parallax::testing {
namespace {

const std::string kDemo = std::string(PARALLAX_SOURCE_DIR) + "/examples/harbour-strike";

class DemoTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { out_ = new nlohmann::json(CompareJson({kDemo})); }
  static void TearDownTestSuite() { delete out_; }
  static const nlohmann::json& out() { return *out_; }
  static std::string DocId(const std::string& source_part) {
    for (const auto& d : (*out_)["documents"]) {
      if (Contains(d["source"], source_part)) return d["id"];
    }
    return "";
  }
  static inline nlohmann::json* out_ = nullptr;
};

TEST_F(DemoTest, FourOutletsOneEvent) {
  ASSERT_EQ(out()["documents"].size(), 4u);
  EXPECT_TRUE(out()["story"]["same_event"].get<bool>());
  std::set<std::string> shared;
  for (const auto& e : out()["story"]["shared_entities"]) shared.insert(e["name"]);
  EXPECT_TRUE(shared.count("Maren Holt"));
  EXPECT_TRUE(shared.count("Alan Rook"));
}

TEST_F(DemoTest, OutletsFromMetadataOrFileName) {
  std::set<std::string> outlets;
  for (const auto& d : out()["documents"]) outlets.insert(d["outlet"]);
  EXPECT_TRUE(outlets.count("The Calder Courier"));  // og:site_name
  EXPECT_TRUE(outlets.count("daily-beacon"));        // a text file: its name
}

TEST_F(DemoTest, TabloidDebrisCaptionsAndOffTopicTail) {
  const std::string beacon = DocId("daily-beacon");
  for (const auto& d : out()["documents"]) {
    if (d["id"] != beacon) continue;
    int captions = 0, off_topic = 0;
    bool seen_off_topic = false;
    for (const auto& p : d["paragraphs"]) {
      if (p["text"] == "View gallery") {
        EXPECT_EQ(p["role"], "boilerplate");
      }
      captions += p["role"] == "caption";
      if (p["role"] == "off_topic") {
        ++off_topic;
        seen_off_topic = true;
      } else if (seen_off_topic) {
        ADD_FAILURE() << "an on-topic paragraph after the off-topic tail: " << p["text"];
      }
    }
    EXPECT_EQ(captions, 2);
    EXPECT_EQ(off_topic, 3);
  }
}

TEST_F(DemoTest, SharedFactsAcrossOutlets) {
  // The ships waiting offshore: three or four outlets in one fact.
  bool ships = false;
  for (const auto& fact : out()["facts"]) {
    if (fact["documents"].size() < 3) continue;
    int with_23 = 0;
    for (const auto& s : fact["sentences"]) with_23 += Contains(s["text"], "23");
    ships |= with_23 >= 3;
  }
  EXPECT_TRUE(ships);
}

TEST_F(DemoTest, SpeakerAliasesMerge) {
  const nlohmann::json* holt = EntityByAlias(out(), "Maren Holt");
  ASSERT_NE(holt, nullptr);
  EXPECT_EQ(EntityByAlias(out(), "Ms Holt"), holt);
  const nlohmann::json* rook = EntityByAlias(out(), "Alan Rook");
  ASSERT_NE(rook, nullptr);
  EXPECT_EQ(EntityByAlias(out(), "Mr Rook"), rook);
  EXPECT_EQ((*rook)["mentions"].size(), 4u);
}

TEST_F(DemoTest, SameSpeechDifferentPassagesAndATrimmedQuote) {
  const nlohmann::json* holt = EntityByAlias(out(), "Maren Holt");
  ASSERT_NE(holt, nullptr);
  const nlohmann::json* voice = VoiceOf(out(), (*holt)["id"]);
  ASSERT_NE(voice, nullptr);
  EXPECT_GE((*voice)["quotes"].size(), 3u);
  EXPECT_TRUE((*voice)["same_source_different_passages"].get<bool>());
  // Rook's statement: two sentences in one outlet, only the second in another.
  bool trimmed = false;
  for (const auto& q : out()["quotes"]) {
    if (q["speaker_id"] == (*EntityByAlias(out(), "Alan Rook"))["id"] && !q["same_as"].empty()) trimmed = true;
  }
  EXPECT_TRUE(trimmed);
}

// Every speaker the JSON names points at the words that name it, in the
// paragraph the documents list: a reader can check each attribution.
TEST_F(DemoTest, SpeakerSpansPointAtTheSpeakerAsWritten) {
  size_t checked = 0;
  for (const auto& q : out()["quotes"]) {
    if (q["speaker_text"].is_null()) {
      EXPECT_TRUE(q["speaker_span"].is_null()) << q.dump();
      continue;
    }
    ASSERT_TRUE(q["speaker_span"].is_object()) << q.dump();
    const nlohmann::json* doc = nullptr;
    for (const auto& d : out()["documents"]) {
      if (d["id"] == q["document"]) doc = &d;
    }
    ASSERT_NE(doc, nullptr);
    const std::string text = (*doc)["paragraphs"][q["speaker_span"]["paragraph"].get<size_t>()]["text"];
    const size_t begin = q["speaker_span"]["begin"], end = q["speaker_span"]["end"];
    ASSERT_LE(end, text.size());
    EXPECT_EQ(text.substr(begin, end - begin), q["speaker_text"].get<std::string>()) << q.dump();
    ++checked;
  }
  EXPECT_GE(checked, 10u);
}

TEST_F(DemoTest, ApostrophesInsideSingleQuotes) {
  bool whole = false;
  for (const auto& q : out()["quotes"]) {
    if (Contains(q["text"], "owners can\u2019t move a single container") && Contains(q["text"], "time they remembered")) {
      whole = true;
    }
  }
  EXPECT_TRUE(whole);
}

TEST_F(DemoTest, WordingInsideAndOutsideQuotes) {
  const std::string beacon = DocId("daily-beacon");
  std::set<std::string> own;
  bool draconian_in_quote = false, fat_cats_in_quote = false;
  for (const auto& f : out()["framing"]) {
    if (f["document"] == beacon && !f["in_quote"].get<bool>()) own.insert(Lower(f["entry"]));
    if (Contains(f["term"], "draconian")) draconian_in_quote = f["in_quote"].get<bool>() && f["speaker"] == "Maren Holt";
    if (Contains(f["term"], "fat cats")) fat_cats_in_quote = f["in_quote"].get<bool>() && f["speaker"] == "Maren Holt";
  }
  for (const char* term : {"militant", "union barons", "chaos", "hold the city to ransom"}) {
    EXPECT_TRUE(own.count(term)) << term;
  }
  EXPECT_TRUE(draconian_in_quote);
  EXPECT_TRUE(fat_cats_in_quote);
}

}  // namespace
}  // namespace parallax::testing
