// The JSON lines scanner: which fields it decodes, how escapes come out
// wherever they fall, and which lines it refuses and why.
#include <gtest/gtest.h>

#include <string>

#include "parallax/ingest.h"

namespace parallax {
namespace {

JsonRecord Parse(const std::string& line) {
  JsonRecord record;
  std::string reason;
  EXPECT_TRUE(ParseJsonRecord(line, record, reason)) << line << ": " << reason;
  return record;
}

std::string Refusal(const std::string& line) {
  JsonRecord record;
  std::string reason;
  EXPECT_FALSE(ParseJsonRecord(line, record, reason)) << line;
  return reason;
}

TEST(JsonRecordTest, DecodesTheFieldsParallaxUses) {
  const JsonRecord r = Parse(
      R"({"id":"kestrel-1","title":"Ferry fares rise","text":"Fares rise on Monday.",)"
      R"("outlet":"Kestrel Post","url":"https://kestrel.example/1","published":"2031-04-02"})");
  EXPECT_EQ(r.id, "kestrel-1");
  EXPECT_EQ(r.title, "Ferry fares rise");
  EXPECT_EQ(r.text, "Fares rise on Monday.");
  EXPECT_EQ(r.outlet, "Kestrel Post");
  EXPECT_EQ(r.url, "https://kestrel.example/1");
  EXPECT_EQ(r.published, "2031-04-02");
}

TEST(JsonRecordTest, SkipsOtherFieldsOfAnyShape) {
  const JsonRecord r = Parse(
      R"({"cluster":"answer","id":7,"meta":{"tags":["a",{"b":[1,2.5e3,true,null]}],"x":false},)"
      R"("text":"Harbour reopens."})");
  EXPECT_EQ(r.id, "7");  // a number, as written
  EXPECT_EQ(r.text, "Harbour reopens.");
}

// The scanner looks for quotes and backslashes eight bytes at a time, so an
// escape must decode the same at every offset within a word of the text.
TEST(JsonRecordTest, EscapesDecodeAtEveryAlignment) {
  for (size_t before = 0; before < 20; ++before) {
    for (size_t after = 0; after < 12; ++after) {
      const std::string pad_before(before, 'a');
      const std::string pad_after(after, 'z');
      const JsonRecord r = Parse(R"({"id":"x","text":")" + pad_before + R"(\"q\\ \n\u00e9)" +
                                 pad_after + R"("})");
      EXPECT_EQ(r.text, pad_before + "\"q\\ \n\xC3\xA9" + pad_after) << before << " " << after;
    }
  }
}

TEST(JsonRecordTest, KeepsUtf8AndJoinsSurrogatePairs) {
  EXPECT_EQ(Parse(R"({"id":"x","text":"caf\u00e9 \ud83d\ude00 ok"})").text,
            "caf\xC3\xA9 \xF0\x9F\x98\x80 ok");
  EXPECT_EQ(Parse("{\"id\":\"x\",\"text\":\"Zo\xC3\xAB\"}").text, "Zo\xC3\xAB");
  // A lone surrogate is no character: the replacement character stands in.
  EXPECT_EQ(Parse(R"({"id":"x","text":"a\ud83db"})").text, "a\xEF\xBF\xBD" "b");
}

TEST(JsonRecordTest, TitleAloneIsEnough) {
  EXPECT_EQ(Parse(R"({"id":"x","title":"Only a headline"})").title, "Only a headline");
}

TEST(JsonRecordTest, RefusesUnusableLinesWithAReason) {
  EXPECT_EQ(Refusal(R"({"text":"no id here"})"), "no \"id\"");
  EXPECT_EQ(Refusal(R"({"id":"x"})"), "empty text (no \"text\" and no \"title\")");
  EXPECT_EQ(Refusal(R"({"id":"x","text":"open)"), "unterminated or invalid string");
  EXPECT_EQ(Refusal(R"({"id":"x","text":"bad \q escape"})"), "unterminated or invalid string");
  EXPECT_EQ(Refusal(R"({"id":"x","text":"a"} trailing)"), "text after the object");
  EXPECT_EQ(Refusal(R"(["id","x"])"), "not a JSON object");
  EXPECT_FALSE(Refusal(R"({"id":"x","text":"a",})").empty());
}

TEST(JsonRecordTest, DeepNestingIsRefusedWithoutRecursion) {
  const std::string deep = R"({"id":"x","text":"a","n":)" + std::string(1000000, '[') + "}";
  EXPECT_FALSE(Refusal(deep).empty());
}

}  // namespace
}  // namespace parallax
