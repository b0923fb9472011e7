// The outlets file on invented outlets: what a clean file gives, and every
// kind of problem named with its line.
#include "parallax/outlets.h"

#include <gtest/gtest.h>

#include <string>

namespace parallax {
namespace {

constexpr const char* kClean = R"(# Invented outlets, invented ratings.
[[outlets]]
name = "Emberly Courier"
domains = ["www.Courier.example", "news.courier.example"]
feeds = ["https://courier.example/rss.xml"]
sitemaps = ["https://courier.example/news-sitemap.xml.gz"]
language = "EN"
country = "gb"
[outlets.groups]
leaning = { value = "left", source = "Invented Ratings Agency", as_of = "2026-11" }
ownership = "cooperative"

[[outlets]]
name = "Harbour Beacon"
domains = ["beacon.example"]
[outlets.groups]
leaning = "right"
)";

TEST(Outlets, ACleanFileGivesEveryField) {
  Result<OutletsFile> file = ParseOutlets(kClean, "clean.toml");
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_TRUE(file->problems.empty()) << file->problems.front().message;
  ASSERT_EQ(file->outlets.size(), 2u);
  const Outlet& courier = file->outlets[0];
  EXPECT_EQ(courier.name, "Emberly Courier");
  EXPECT_EQ(courier.line, 2u);
  EXPECT_EQ(courier.domains, (std::vector<std::string>{"courier.example", "news.courier.example"}));
  EXPECT_EQ(courier.feeds.size(), 1u);
  EXPECT_EQ(courier.sitemaps.size(), 1u);
  EXPECT_EQ(courier.language, "en");
  EXPECT_EQ(courier.country, "GB");
  ASSERT_EQ(courier.groups.size(), 2u);
  EXPECT_EQ(courier.groups[0].label, "leaning");
  EXPECT_EQ(courier.groups[0].value, "left");
  EXPECT_EQ(courier.groups[0].source, "Invented Ratings Agency");
  EXPECT_EQ(courier.groups[0].as_of, "2026-11");
  EXPECT_EQ(courier.Group("ownership"), "cooperative");
  EXPECT_EQ(file->outlets[1].Group("leaning"), "right");
  EXPECT_EQ(file->outlets[1].Group("ownership"), "");
  EXPECT_EQ(file->GroupLabels(), (std::vector<std::string>{"leaning", "ownership"}));
  EXPECT_EQ(file->FindByName("emberly courier"), &courier);
  EXPECT_EQ(file->FindByHost("www.courier.example"), &courier);
  EXPECT_EQ(file->FindByHost("sport.courier.example"), &courier);
  EXPECT_EQ(file->FindByHost("notcourier.example"), nullptr);
  EXPECT_EQ(file->FindByHost("beacon.example"), &file->outlets[1]);
}

TEST(Outlets, EveryProblemIsNamedWithItsLine) {
  const char* text = R"([[outlets]]
name = "Emberly Courier"
domains = ["courier.example", "http://x.example/path"]
feeds = ["file:///etc/passwd", 7]
language = "english"
colour = "blue"
[outlets.groups]
leaning = { value = "", source = "x" }
ownership = { value = "public", as_of = "last year", by = "me" }

[[outlets]]
name = "emberly courier"

[[outlets]]
domains = ["nameless.example"]

[[outlets]]
name = "Harbour Beacon"
domains = ["courier.example"]
country = "G"

[settings]
x = 1
)";
  Result<OutletsFile> file = ParseOutlets(text, "bad.toml");
  ASSERT_TRUE(file.ok());
  std::vector<std::pair<uint32_t, std::string>> seen;
  for (const OutletProblem& p : file->problems) seen.emplace_back(p.line, p.message);
  auto has = [&](uint32_t line, const std::string& part) {
    for (const auto& [l, m] : seen) {
      if (l == line && m.find(part) != std::string::npos) return true;
    }
    return false;
  };
  EXPECT_TRUE(has(3, "'http://x.example/path' is not a domain"));
  EXPECT_TRUE(has(4, "'file:///etc/passwd' is not an http:// or https:// address"));
  EXPECT_TRUE(has(4, "every entry of \"feeds\" must be a string"));
  EXPECT_TRUE(has(5, "two-letter ISO 639-1"));
  EXPECT_TRUE(has(6, "unknown key 'colour'"));
  EXPECT_TRUE(has(8, "group 'leaning' has no value"));
  EXPECT_TRUE(has(9, "as_of 'last year' is not a date"));
  EXPECT_TRUE(has(9, "unknown field 'by'"));
  EXPECT_TRUE(has(11, "named twice"));
  EXPECT_TRUE(has(14, "without a name"));
  EXPECT_TRUE(has(19, "'courier.example' belongs to another outlet"));
  EXPECT_TRUE(has(20, "two-letter ISO 3166-1"));
  EXPECT_TRUE(has(22, "unknown key 'settings'"));
  // The usable outlets are kept: the first one and the beacon.
  ASSERT_EQ(file->outlets.size(), 2u);
  EXPECT_EQ(file->outlets[0].domains, (std::vector<std::string>{"courier.example"}));
  EXPECT_TRUE(file->outlets[0].feeds.empty());
  EXPECT_EQ(file->outlets[0].Group("ownership"), "public");
  EXPECT_EQ(file->outlets[1].name, "Harbour Beacon");
  EXPECT_TRUE(file->outlets[1].domains.empty());
}

TEST(Outlets, TextThatIsNotTomlIsAnErrorWithItsLine) {
  Result<OutletsFile> file = ParseOutlets("[[outlets]]\nname = \"A\"\ndomains = [\"a.example\"\n", "broken.toml");
  ASSERT_FALSE(file.ok());
  EXPECT_NE(file.status().message().find("broken.toml:"), std::string::npos) << file.status().message();
  EXPECT_NE(file.status().message().find("not TOML"), std::string::npos);
  Result<OutletsFile> empty = ParseOutlets("", "empty.toml");
  ASSERT_TRUE(empty.ok());
  ASSERT_EQ(empty->problems.size(), 1u);
  EXPECT_NE(empty->problems[0].message.find("no outlets"), std::string::npos);
  EXPECT_FALSE(LoadOutlets("/nonexistent/outlets.toml").ok());
}

}  // namespace
}  // namespace parallax

namespace parallax {
namespace {

constexpr const char* kRated = R"([[outlets]]
name = "Emberly Courier"
groups = { leaning = "left" }
[[outlets]]
name = "Harbour Beacon"
groups = { leaning = "left" }
[[outlets]]
name = "Coast Ledger"
groups = { leaning = "right" }
[[outlets]]
name = "Evening Post"
groups = { leaning = "centre" }
[[outlets]]
name = "Vale Tribune"
groups = { ownership = "trust" }
)";

TEST(CoverageByGroup, CountsEachOutletOnceAndMarksLopsidedStories) {
  const OutletsFile file = *ParseOutlets(kRated, "rated.toml");
  ASSERT_TRUE(file.problems.empty()) << file.problems.front().message;
  // Two left, one right, no centre: the centre is absent.
  GroupCoverage c = CoverageByGroup(file, "leaning", {"Emberly Courier", "harbour beacon", "Coast Ledger",
                                                      "Emberly Courier", "Unknown Gazette", "Vale Tribune"});
  EXPECT_EQ(c.values, (std::vector<std::string>{"left", "right", "centre"}));
  EXPECT_EQ(c.outlets, (std::vector<size_t>{2, 1, 0}));
  EXPECT_EQ(c.unknown, 2u) << "a name not in the file, and an outlet without a leaning";
  EXPECT_TRUE(c.blindspot);
  EXPECT_EQ(c.weakest, "centre");

  // One of each: balanced.
  c = CoverageByGroup(file, "leaning", {"Emberly Courier", "Coast Ledger", "Evening Post"});
  EXPECT_FALSE(c.blindspot);
  // Under the minimum of rated outlets, never a blindspot.
  c = CoverageByGroup(file, "leaning", {"Emberly Courier", "Harbour Beacon"});
  EXPECT_FALSE(c.blindspot);
  // A label with a single value cannot be lopsided.
  c = CoverageByGroup(file, "ownership", {"Vale Tribune", "Vale Tribune"});
  EXPECT_FALSE(c.blindspot);
  EXPECT_EQ(c.outlets, (std::vector<size_t>{1}));
}

TEST(CoverageByGroup, UnderTwentyPercentIsABlindspotAtOrAboveIsNot) {
  std::string text;
  for (int i = 0; i < 9; ++i) text += "[[outlets]]\nname = \"L" + std::to_string(i) + "\"\ngroups = { leaning = \"left\" }\n";
  for (int i = 0; i < 3; ++i) text += "[[outlets]]\nname = \"R" + std::to_string(i) + "\"\ngroups = { leaning = \"right\" }\n";
  const OutletsFile file = *ParseOutlets(text, "many.toml");
  // 8 left and 2 right: right is exactly 20%, not under it.
  std::vector<std::string> names = {"L0", "L1", "L2", "L3", "L4", "L5", "L6", "L7", "R0", "R1"};
  EXPECT_FALSE(CoverageByGroup(file, "leaning", names).blindspot);
  // 9 left and 2 right: 18%.
  names.push_back("L8");
  const GroupCoverage c = CoverageByGroup(file, "leaning", names);
  EXPECT_TRUE(c.blindspot);
  EXPECT_EQ(c.weakest, "right");
}

}  // namespace
}  // namespace parallax
