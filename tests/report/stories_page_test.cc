// The web app's story list: rows, paging links, JSON, and hostile text.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "parallax/report.h"

namespace parallax {
namespace {

std::vector<StorySummary> Stories() {
  StorySummary strike;
  strike.id = 12;
  strike.headline = "Dock strike halts Emberly harbour";
  strike.size = 3;
  strike.outlets = {"Coast Ledger", "Emberly Courier", "Harbour \"Beacon\" <b>"};
  strike.first_published = "2024-05-14T07:00:00Z";
  strike.voices = {{"Mira <i>Calloway</i>", 3, 2}, {"Tom Reed", 1, 1}};
  StorySummary untitled;
  untitled.id = 40;
  untitled.size = 1;
  for (int i = 0; i < 9; ++i) untitled.outlets.push_back("Outlet " + std::to_string(i));
  return {strike, untitled};
}

TEST(StoriesPage, RowsLinkToEachStoryAndEscapeItsText) {
  StoriesPage page;
  page.total = 120;
  page.first = 50;
  page.previous_href = "/";
  page.next_href = "/?page=2";
  page.html.stylesheet = "/static/parallax.css";
  const std::string html = RenderStoriesHtml(Stories(), page);
  EXPECT_NE(html.find("<a href=\"/stories/12\">Dock strike halts Emberly harbour</a>"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"/stories/40\">Story 40</a>"), std::string::npos) << "no headline: named by id";
  EXPECT_NE(html.find("Harbour &quot;Beacon&quot; &lt;b&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_NE(html.find("and 3 more"), std::string::npos) << "nine outlets: six named";
  EXPECT_NE(html.find("<div class=\"voices\">Heard: <span class=\"name\">Mira &lt;i&gt;Calloway&lt;/i&gt;</span> "
                      "<span class=\"n\" title=\"quoted in 2 of its articles\">2</span>, <span class=\"name\">Tom Reed"),
            std::string::npos);
  EXPECT_EQ(html.find("<i>"), std::string::npos);
  EXPECT_EQ(html.find("Heard:", html.find("/stories/40")), std::string::npos) << "no voices: no line";
  EXPECT_NE(html.find("51&ndash;52 of 120"), std::string::npos);
  EXPECT_NE(html.find("<a rel=\"prev\" href=\"/\">"), std::string::npos);
  EXPECT_NE(html.find("<a rel=\"next\" href=\"/?page=2\">"), std::string::npos);
  EXPECT_EQ(html.find("<style"), std::string::npos) << "styles come from the stylesheet";
  EXPECT_NE(RenderStoriesHtml({}, StoriesPage{}).find("No stories yet"), std::string::npos);
}

TEST(StoriesPage, JsonHoldsEveryField) {
  const nlohmann::json j = nlohmann::json::parse(RenderStoriesJson(Stories(), 120));
  EXPECT_EQ(j.at("schema"), "parallax.stories/1");
  EXPECT_EQ(j.at("total"), 120);
  ASSERT_EQ(j.at("stories").size(), 2u);
  EXPECT_EQ(j["stories"][0].at("outlets")[2], "Harbour \"Beacon\" <b>");
  EXPECT_EQ(j["stories"][0].at("first_published"), "2024-05-14T07:00:00Z");
  EXPECT_TRUE(j["stories"][0].at("last_published").is_null());
  EXPECT_EQ(j["stories"][1].at("headline"), "");
  EXPECT_EQ(j["stories"][0].at("voices")[0].at("name"), "Mira <i>Calloway</i>");
  EXPECT_EQ(j["stories"][0].at("voices")[0].at("quotes"), 3);
  EXPECT_EQ(j["stories"][0].at("voices")[0].at("articles"), 2);
  EXPECT_TRUE(j["stories"][1].at("voices").empty());
}

}  // namespace
}  // namespace parallax
