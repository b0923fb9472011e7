// Fetched pages and feed states (schema v10): a page is stored with its
// article in one transaction, known by its address afterwards, its raw
// bytes kept packed; feed states round-trip; articles per feed per day.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parallax/store.h"
#include "store/run_util.h"

namespace parallax {
namespace {

using store_test::ScratchDir;

FetchedPage Page(const std::string& url, const std::string& day, const std::string& feed, bool with_article) {
  FetchedPage page;
  page.url = url;
  page.final_url = url;
  page.outlet = "Emberly Courier";
  page.found_in = feed;
  page.fetched_at = day + "T10:00:00Z";
  page.http_status = 200;
  page.content_type = "text/html";
  const std::string raw = "<html><body><p>The quay at " + url + " reopened after the storm.</p></body></html>";
  page.packed_page = Store::PackPage(raw);
  if (with_article) {
    page.article.id = url;
    page.article.outlet = page.outlet;
    page.article.url = url;
    page.article.title = "Quay reopens";
    page.article.paragraphs = {{"The quay at " + url + " reopened after the storm.", ParagraphRole::kBody, ""}};
  } else {
    page.error = "HTTP 404";
  }
  return page;
}

TEST(StorePages, APageIsStoredWithItsArticleAndKnownByItsAddress) {
  ScratchDir dir;
  Result<Store> store = Store::Open(dir / "pages.db", OpenMode::kReadWrite);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  const std::string feed = "https://courier.example/rss.xml";
  Result<AddReport> added = store->AddFetchedPages({Page("https://courier.example/a", "2026-12-01", feed, true),
                                                    Page("https://courier.example/gone", "2026-12-01", feed, false),
                                                    Page("https://courier.example/b", "2026-12-02", feed, true)});
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  ASSERT_EQ(added->outcomes.size(), 2u);  // one per page with an article
  EXPECT_EQ(added->counts.added, 2u);
  EXPECT_EQ(*store->CountArticles(), 2u);
  Result<std::vector<bool>> known = store->KnownPages(
      {"https://courier.example/a", "https://courier.example/gone", "https://courier.example/never"});
  ASSERT_TRUE(known.ok());
  EXPECT_EQ(*known, (std::vector<bool>{true, true, false}));
  Result<std::string> raw = store->FetchedPageBytes("https://courier.example/b");
  ASSERT_TRUE(raw.ok()) << raw.status().ToString();
  EXPECT_EQ(*raw, "<html><body><p>The quay at https://courier.example/b reopened after the storm.</p></body></html>");
  EXPECT_EQ(store->FetchedPageBytes("https://courier.example/never").status().code(), Status::Code::kNotFound);
  // Articles per day count pages that gave one, the latest day first.
  Result<std::vector<FeedDay>> days = store->FeedArticlesPerDay(feed, 7);
  ASSERT_TRUE(days.ok());
  ASSERT_EQ(days->size(), 2u);
  EXPECT_EQ((*days)[0].day, "2026-12-02");
  EXPECT_EQ((*days)[0].articles, 1);
  EXPECT_EQ((*days)[1].articles, 1);
}

TEST(StorePages, AnArticleTheStoreRefusesLeavesItsPageWithTheReason) {
  ScratchDir dir;
  Result<Store> store = Store::Open(dir / "pages.db", OpenMode::kReadWrite);
  ASSERT_TRUE(store.ok());
  FetchedPage page = Page("https://courier.example/bad", "2026-12-01", "f", true);
  page.article.paragraphs[0].text = "not UTF-8: \xff";
  Result<AddReport> added = store->AddFetchedPages({page});
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(added->counts.failed, 1u);
  EXPECT_EQ(*store->CountArticles(), 0u);
  EXPECT_TRUE((*store->KnownPages({"https://courier.example/bad"}))[0]);
  EXPECT_TRUE(store->FeedArticlesPerDay("f", 7)->empty());
}

TEST(StorePages, FeedStatesRoundTripAndAreReplacedByAddress) {
  ScratchDir dir;
  Result<Store> store = Store::Open(dir / "pages.db", OpenMode::kReadWrite);
  ASSERT_TRUE(store.ok());
  FeedState s;
  s.url = "https://courier.example/rss.xml";
  s.outlet = "Emberly Courier";
  s.kind = "feed";
  s.etag = "\"v1\"";
  s.last_modified = "Tue, 01 Dec 2026 09:00:00 GMT";
  s.last_attempt = s.last_success = "2026-12-01T09:00:00Z";
  s.items = 30;
  ASSERT_TRUE(store->SaveFeedStates({s}).ok());
  s.etag = "\"v2\"";
  s.last_error = "HTTP 503";
  s.last_error_at = "2026-12-02T09:00:00Z";
  s.failures = 1;
  s.not_modified = 4;
  ASSERT_TRUE(store->SaveFeedStates({s}).ok());
  Result<std::vector<FeedState>> states = store->FeedStates();
  ASSERT_TRUE(states.ok());
  ASSERT_EQ(states->size(), 1u);
  const FeedState& read = (*states)[0];
  EXPECT_EQ(read.etag, "\"v2\"");
  EXPECT_EQ(read.last_modified, s.last_modified);
  EXPECT_EQ(read.last_error, "HTTP 503");
  EXPECT_EQ(read.failures, 1);
  EXPECT_EQ(read.not_modified, 4);
  EXPECT_EQ(read.items, 30);
}

}  // namespace
}  // namespace parallax
