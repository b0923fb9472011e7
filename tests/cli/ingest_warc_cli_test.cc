// `parallax ingest` of WARC files: the same articles as the pages saved as
// loose files, ids that are the pages' addresses, and damaged archives read
// up to the damage.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "parallax/store.h"
#include "parallax/warc.h"
#include "support/run_parallax.h"

namespace parallax {
namespace {

using testing::ReadFile;
using testing::RunParallax;
using testing::RunResult;
using testing::TempDir;
using testing::WriteFile;

std::string Page(int i, const std::string& charset_meta) {
  return "<html><head>" + charset_meta + "<title>Ferry report " + std::to_string(i) +
         " | Emberly Courier</title><meta property=\"og:site_name\" content=\"Emberly Courier\"></head><body>"
         "<article><p>The harbour authority said on Tuesday that ferry number " +
         std::to_string(i) +
         " would sail again once the storm over the strait had passed, and that passengers should come early."
         "</p><p>More than two hundred passengers waited in the terminal through the night, with hot drinks and "
         "blankets handed out by volunteers.</p></article></body></html>";
}

// title -> body text, of every article in `db`.
std::map<std::string, std::string> Articles(const std::string& db, std::map<std::string, std::string>* ids = nullptr) {
  std::map<std::string, std::string> out;
  Result<Store> store = Store::Open(db, OpenMode::kReadOnly);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  if (!store.ok()) return out;
  store->ForEachArticle([&](const Article& a) {
    out[a.title] = BodyText(a);
    if (ids != nullptr) (*ids)[a.title] = a.id + " " + a.url + " " + a.outlet;
    return true;
  });
  return out;
}

TEST(IngestWarcCli, TheSameArticlesAsLoosePages) {
  TempDir dir;
  std::filesystem::create_directories(dir / "pages");
  std::string warc;
  {
    Result<WarcWriter> writer = WarcWriter::Create(dir / "crawl", "parallax-test/1");
    ASSERT_TRUE(writer.ok());
    warc = writer->path();
    for (int i = 0; i < 6; ++i) {
      HttpExchange e;
      e.url = "https://courier.example/news/ferry-" + std::to_string(i);
      e.date = "2026-01-02T03:04:05Z";
      e.request_head = "GET /news/ferry-" + std::to_string(i) + " HTTP/1.1\r\nHost: courier.example\r\n\r\n";
      e.response_head = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n";
      e.body = Page(i, "<meta charset=\"utf-8\">");
      ASSERT_TRUE(writer->Write(e).ok());
      WriteFile(dir / ("pages/ferry-" + std::to_string(i) + ".html"), e.body);
    }
    HttpExchange redirect;
    redirect.url = "https://courier.example/old";
    redirect.request_head = "GET /old HTTP/1.1\r\n\r\n";
    redirect.response_head = "HTTP/1.1 301 Moved\r\nContent-Type: text/html\r\nLocation: /news/\r\n\r\n";
    redirect.body = Page(99, "");
    ASSERT_TRUE(writer->Write(redirect).ok());
  }
  const RunResult from_warc = RunParallax(dir, {"ingest", "--db", dir / "warc.db", warc});
  EXPECT_EQ(from_warc.exit_code, 0) << from_warc.err;
  EXPECT_EQ(from_warc.out.substr(0, 9), "added 6, ") << from_warc.out;
  const RunResult from_files = RunParallax(dir, {"ingest", "--db", dir / "files.db", dir / "pages"});
  EXPECT_EQ(from_files.exit_code, 0) << from_files.err;

  std::map<std::string, std::string> ids;
  const std::map<std::string, std::string> a = Articles(dir / "warc.db", &ids);
  EXPECT_EQ(a, Articles(dir / "files.db"));
  ASSERT_EQ(a.size(), 6u);
  EXPECT_EQ(ids["Ferry report 3"],
            "https://courier.example/news/ferry-3 https://courier.example/news/ferry-3 Emberly Courier");

  // Read again: every article is there already (same id).
  const RunResult again = RunParallax(dir, {"ingest", "--db", dir / "warc.db", warc});
  EXPECT_EQ(again.out.substr(0, 29), "added 0, duplicates 6 (6 same") << again.out;
}

TEST(IngestWarcCli, TheHttpCharsetReachesTheExtractor) {
  TempDir dir;
  // A windows-1251 page that declares nothing itself, and one that declares
  // the wrong charset: the HTTP header decides both.
  const std::string cyrillic = "\xcf\xe0\xf0\xee\xec \xf1\xed\xee\xe2\xe0 \xf5\xee\xe4\xe8\xf2";  // "Паром снова ходит"
  Result<WarcWriter> writer = WarcWriter::Create(dir / "crawl", "parallax-test/1");
  ASSERT_TRUE(writer.ok());
  for (const std::string meta : {"", "<meta charset=\"iso-8859-1\">"}) {
    HttpExchange e;
    e.url = "https://courier.example/ru/" + std::to_string(meta.size());
    e.request_head = "GET / HTTP/1.1\r\n\r\n";
    e.response_head = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1251\r\n\r\n";
    e.body = "<html><head>" + meta + "<title>" + cyrillic + "</title></head><body><article><p>" + cyrillic + ". " +
             cyrillic + ". " + cyrillic + ".</p></article></body></html>";
    ASSERT_TRUE(writer->Write(e).ok());
  }
  const RunResult r = RunParallax(dir, {"ingest", "--db", dir / "a.db", writer->path()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::map<std::string, std::string> a = Articles(dir / "a.db");
  ASSERT_EQ(a.size(), 1u) << "the same text twice: one is a duplicate";
  EXPECT_EQ(a.begin()->first, "\xd0\x9f\xd0\xb0\xd1\x80\xd0\xbe\xd0\xbc \xd1\x81\xd0\xbd\xd0\xbe\xd0\xb2\xd0\xb0 "
                              "\xd1\x85\xd0\xbe\xd0\xb4\xd0\xb8\xd1\x82");
}

TEST(IngestWarcCli, ADamagedArchiveIsNamedAndTheRecordsBeforeItStored) {
  TempDir dir;
  Result<WarcWriter> writer = WarcWriter::Create(dir / "crawl", "parallax-test/1");
  ASSERT_TRUE(writer.ok());
  for (int i = 0; i < 4; ++i) {
    HttpExchange e;
    e.url = "https://courier.example/news/" + std::to_string(i);
    e.request_head = "GET / HTTP/1.1\r\n\r\n";
    e.response_head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n";
    e.body = Page(i, "");
    ASSERT_TRUE(writer->Write(e).ok());
  }
  const std::string bytes = ReadFile(writer->path());
  WriteFile(dir / "cut.warc.gz", bytes.substr(0, bytes.size() - 100));
  const RunResult r = RunParallax(dir, {"ingest", "--db", dir / "a.db", dir / "cut.warc.gz"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out.substr(0, 19), "added 3, duplicates") << r.out;
  EXPECT_NE(r.err.find(dir / "cut.warc.gz: invalid input: gzip member at offset "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("cut short"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace parallax
