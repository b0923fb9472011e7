// The outlet pages as rendered: what each section shows, links that survive
// any outlet name, the JSON schema, and hostile text kept inert.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "parallax/report.h"

namespace parallax {
namespace {

using nlohmann::json;

const char kHostile[] = "Quill <b>Times</b> & \"Co\"/x";

OutletPage Page() {
  OutletPage page;
  page.html.outlet_href_prefix = "/outlets/";
  page.outlet = {kHostile, 2, "2024-05-13T11:00:00Z", "2024-05-14T09:00:00Z"};
  Outlet listed;
  listed.name = kHostile;
  listed.domains = {"quill.example"};
  listed.groups = {{"leaning", "centre", "Invented Ratings <i>Board</i>", "2024-04"}};
  page.listed = listed;
  page.group_label = "leaning";
  StoredArticle told;
  told.article.id = "quill-1";
  told.article.title = "Strike <script>alert(1)</script> shuts port";
  told.article.published = "2024-05-14T09:00:00Z";
  told.article.url = "javascript:alert(3)";
  told.story = 7;
  StoredArticle alone;
  alone.article.id = "quill-2";
  alone.article.title = "Library fire";
  alone.article.url = "https://quill.example/fire";
  page.recent = {told, alone};
  StorySummary strike;
  strike.id = 7;
  strike.headline = "Dock strike halts Emberly harbour";
  strike.size = 2;
  strike.outlets = {"Coast Ledger", kHostile};
  page.covered = {strike};
  StorySummary bridge;
  bridge.id = 9;
  bridge.headline = "Bridge closed after crack found";
  bridge.size = 3;
  bridge.outlets = {"Coast Ledger", "Emberly Courier", "Harbour Beacon"};
  page.missed = {bridge};
  GroupCoverage coverage;
  coverage.label = "leaning";
  coverage.values = {"left", "centre", "right"};
  coverage.outlets = {2, 0, 1};
  coverage.blindspot = true;
  coverage.weakest = "centre";
  page.missed_coverage = {coverage};
  page.missed_since = "2024-05-13";
  WeekProfile week;
  week.week = "2024-05-13";
  week.articles = 2;
  week.voices = {{"Mira <Calloway>", 3, 2}};
  week.wording = {{"slam", "loaded-verb", "slammed", 1}};
  page.weeks = {week};
  return page;
}

TEST(OutletPage, ShowsWhatItToldMissedQuotedAndPublished) {
  const std::string html = RenderOutletHtml(Page());
  EXPECT_NE(html.find("<a href=\"/stories/7\">Dock strike halts Emberly harbour</a>"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"/stories/9\">Bridge closed after crack found</a>"), std::string::npos);
  EXPECT_NE(html.find("Blindspot: no centre"), std::string::npos);
  EXPECT_NE(html.find("since 2024-05-13, among them one whose leaning is not centre"), std::string::npos);
  EXPECT_NE(html.find("Mira &lt;Calloway&gt;</span> <span class=\"n\">3 quotes in 2 articles"), std::string::npos);
  EXPECT_NE(html.find("<mark class=\"loaded\">slammed</mark>"), std::string::npos);
  EXPECT_NE(html.find("Library fire <span class=\"copy\">(in no story yet)</span>"), std::string::npos);
  EXPECT_NE(html.find("href=\"https://quill.example/fire\""), std::string::npos);
  EXPECT_NE(html.find("centre (Invented Ratings &lt;i&gt;Board&lt;/i&gt;, 2024-04)"), std::string::npos);
}

TEST(OutletPage, HostileTextStaysTextAndLinksSurviveAnyName) {
  const std::string html = RenderOutletHtml(Page());
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_EQ(html.find("<b>Times"), std::string::npos);
  EXPECT_EQ(html.find("<i>Board"), std::string::npos);
  EXPECT_EQ(html.find("href=\"javascript:"), std::string::npos) << "only http(s) addresses become links";
  EXPECT_NE(html.find("Quill &lt;b&gt;Times&lt;/b&gt; &amp; &quot;Co&quot;/x"), std::string::npos);
  // Every byte outside the unreserved set is percent-encoded, '/' too.
  EXPECT_NE(html.find("href=\"/outlets/Quill%20%3Cb%3ETimes%3C%2Fb%3E%20%26%20%22Co%22%2Fx\""), std::string::npos);
}

TEST(OutletPage, JsonFollowsItsSchema) {
  const json j = json::parse(RenderOutletJson(Page()));
  EXPECT_EQ(j.at("schema"), "parallax.outlet/1");
  EXPECT_EQ(j.at("name"), kHostile);
  EXPECT_EQ(j.at("articles"), 2);
  EXPECT_EQ(j.at("listed").at("groups")[0].at("value"), "centre");
  ASSERT_EQ(j.at("recent").size(), 2u);
  EXPECT_EQ(j["recent"][0].at("story"), 7);
  EXPECT_TRUE(j["recent"][1].at("story").is_null());
  EXPECT_TRUE(j["recent"][1].at("published").is_null());
  EXPECT_EQ(j.at("told")[0].at("id"), 7);
  EXPECT_EQ(j.at("missed")[0].at("coverage").at("weakest"), "centre");
  EXPECT_EQ(j.at("missed_since"), "2024-05-13");
  EXPECT_EQ(j.at("weeks")[0].at("voices")[0].at("quotes"), 3);
  EXPECT_EQ(j.at("weeks")[0].at("wording")[0].at("category"), "loaded-verb");

  OutletPage unlisted = Page();
  unlisted.listed.reset();
  EXPECT_TRUE(json::parse(RenderOutletJson(unlisted)).at("listed").is_null());
  EXPECT_NE(RenderOutletHtml(unlisted).find("not in it"), std::string::npos);
}

TEST(OutletsPage, ListsEveryOutletWithItsGroupAndThoseWithNothingStored) {
  OutletsPage page;
  page.outlets = {{"Emberly Courier", 12, "2024-05-01", "2024-05-14"}, {kHostile, 3, "", ""}};
  page.group_label = "leaning";
  page.group_values = {"left", ""};
  page.without_articles = {"Silent Gazette"};
  const std::string html = RenderOutletsHtml(page);
  EXPECT_NE(html.find("<a href=\"/outlets/Emberly%20Courier\">Emberly Courier</a></td><td>left</td><td class=\"size\">12"),
            std::string::npos);
  EXPECT_NE(html.find("<span class=\"empty\">unrated</span>"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"/outlets/Silent%20Gazette\">Silent Gazette</a>"), std::string::npos);
  EXPECT_EQ(html.find("<b>Times"), std::string::npos);
  const json j = json::parse(RenderOutletsJson(page));
  EXPECT_EQ(j.at("schema"), "parallax.outlets/1");
  EXPECT_EQ(j.at("outlets")[0].at("group_value"), "left");
  EXPECT_TRUE(j.at("outlets")[1].at("group_value").is_null());
  EXPECT_TRUE(j.at("outlets")[1].at("first_published").is_null());
  EXPECT_EQ(j.at("without_articles")[0], "Silent Gazette");
}

}  // namespace
}  // namespace parallax
