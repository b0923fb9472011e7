// Exports: CSV that a spreadsheet reads back exactly (and never runs as a
// formula), JSON lines, the day and story filters, errors, and a writer
// that stops the export.
#include "parallax/export.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "store/run_util.h"

namespace parallax {
namespace {

using store_test::MakeArticle;

ExportRequest Request(ExportKind kind, ExportFormat format) {
  ExportRequest request;
  request.kind = kind;
  request.format = format;
  return request;
}

class ExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_.emplace(store_test::OpenOrDie(dir_ / "e.db"));
    Article awkward = MakeArticle("k1", "First line, with a comma.", "Kestrel \"Times\"", "=HYPERLINK(\"x\")",
                                  "2026-11-23T08:00:00Z");
    awkward.paragraphs.push_back({"Second paragraph.", ParagraphRole::kBody, ""});
    awkward.paragraphs.push_back({"Read more here", ParagraphRole::kBoilerplate, "share line"});
    ASSERT_TRUE(store_->AddArticles({awkward,
                                     MakeArticle("m1", "Ferry crews walked out.", "Moorland Post", "Walkout",
                                                 "2026-11-23T10:00:00Z"),
                                     MakeArticle("k3", "A school reopened.", "Kestrel Times", "School", "")})
                    .ok());
    ASSERT_TRUE(store_->SaveStoryAssignments({{"k1", "ferry"}, {"m1", "ferry"}}).ok());
    ferry_ = store_->ListStories()->front().id;
    ASSERT_TRUE(store_
                    ->UpdateDigests([](const std::vector<Article>& batch) {
                      std::vector<ArticleDigest> digests(batch.size());
                      for (size_t i = 0; i < batch.size(); ++i) {
                        if (batch[i].id == "m1") digests[i].quotes = {{"Tom Reed", "direct", 0, "-1 boats, \"none\""}};
                      }
                      return digests;
                    })
                    .ok());
  }

  std::string Run(ExportRequest request, Status* status = nullptr) {
    std::string out;
    const Status s = Export(*store_, request, [&](std::string_view piece) {
      out += piece;
      return true;
    });
    if (status != nullptr) *status = s;
    EXPECT_TRUE(status != nullptr || s.ok()) << s.ToString();
    return out;
  }

  store_test::ScratchDir dir_;
  std::optional<Store> store_;
  int64_t ferry_ = 0;
};

TEST_F(ExportTest, CsvQuotesWhatItMustAndDefusesFormulas) {
  const std::string csv = Run(Request(ExportKind::kArticles, ExportFormat::kCsv));
  const std::string header = "id,story,outlet,title,published,url,language,text\r\n";
  ASSERT_EQ(csv.substr(0, header.size()), header);
  const std::string f = std::to_string(ferry_);
  // The outlet's quotes doubled, the title defused with an apostrophe, the
  // body's two paragraphs in one quoted cell, the boilerplate left out.
  EXPECT_NE(csv.find("k1," + f + ",\"Kestrel \"\"Times\"\"\",\"'=HYPERLINK(\"\"x\"\")\",2026-11-23T08:00:00Z,,," +
                     "\"First line, with a comma.\n\nSecond paragraph.\"\r\n"),
            std::string::npos)
      << csv;
  EXPECT_EQ(csv.find("Read more"), std::string::npos);
  EXPECT_NE(csv.find("\r\nk3,,Kestrel Times,School,,,,A school reopened.\r\n"), std::string::npos)
      << "undated and in no story: empty cells, listed last";
}

TEST_F(ExportTest, JsonLinesHaveOneObjectPerLineWithNulls) {
  const std::string jsonl = Run(Request(ExportKind::kStories, ExportFormat::kJsonLines));
  std::istringstream lines(jsonl);
  std::vector<nlohmann::json> rows;
  for (std::string line; std::getline(lines, line);) rows.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].at("id"), ferry_);
  EXPECT_EQ(rows[0].at("articles"), 2);
  EXPECT_EQ(rows[0].at("outlets"), nlohmann::json::array({"Kestrel \"Times\"", "Moorland Post"}));
  EXPECT_EQ(rows[0].at("voices")[0].at("name"), "Tom Reed");

  const std::string quotes = Run(Request(ExportKind::kQuotes, ExportFormat::kJsonLines));
  const nlohmann::json q = nlohmann::json::parse(quotes.substr(0, quotes.find('\n')));
  EXPECT_EQ(q.at("speaker"), "Tom Reed");
  EXPECT_EQ(q.at("text"), "-1 boats, \"none\"");
  EXPECT_EQ(Run(Request(ExportKind::kQuotes, ExportFormat::kCsv)),
            "story,article,outlet,published,speaker,kind,paragraph,text\r\n" + std::to_string(ferry_) +
                ",m1,Moorland Post,2026-11-23T10:00:00Z,Tom Reed,direct,0,\"'-1 boats, \"\"none\"\"\"\r\n");
}

TEST_F(ExportTest, ByDayOrByStory) {
  ExportRequest by_day = Request(ExportKind::kArticles, ExportFormat::kJsonLines);
  by_day.day = "2026-11-23";
  const std::string day = Run(by_day);
  EXPECT_EQ(std::count(day.begin(), day.end(), '\n'), 2);
  by_day.day = "2026-11-24";
  EXPECT_EQ(Run(by_day), "");
  ExportRequest by_story = Request(ExportKind::kArticles, ExportFormat::kJsonLines);
  by_story.story = ferry_;
  const std::string story = Run(by_story);
  EXPECT_EQ(std::count(story.begin(), story.end(), '\n'), 2);
  EXPECT_EQ(story.find("\"k3\""), std::string::npos);
  EXPECT_EQ(ExportFileName(by_story), "parallax-articles-story-" + std::to_string(ferry_) + ".jsonl");
}

TEST_F(ExportTest, BadRequestsAreErrorsAndAWriterMayStop) {
  Status status;
  ExportRequest unknown = Request(ExportKind::kQuotes, ExportFormat::kCsv);
  unknown.story = 999;
  EXPECT_EQ(Run(unknown, &status), "");
  EXPECT_EQ(status.code(), Status::Code::kNotFound);
  ExportRequest bad_day = Request(ExportKind::kStories, ExportFormat::kCsv);
  bad_day.day = "2026-02-30";
  Run(bad_day, &status);
  EXPECT_EQ(status.code(), Status::Code::kUsage);
  bad_day.day = "2026-02-03";
  bad_day.story = ferry_;
  Run(bad_day, &status);
  EXPECT_EQ(status.code(), Status::Code::kUsage);

  int calls = 0;
  EXPECT_TRUE(Export(*store_, Request(ExportKind::kArticles, ExportFormat::kCsv), [&](std::string_view) {
                ++calls;
                return false;
              }).ok());
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace parallax
