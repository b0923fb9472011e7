// `parallax export`, the real binary: what it writes, where, and the exit
// code of each kind of mistake.
#include <gtest/gtest.h>

#include <string>

#include "parallax/store.h"
#include "support/run_parallax.h"

namespace parallax {
namespace {

using testing::ReadFile;
using testing::RunResult;
using testing::RunParallax;
using testing::TempDir;

void MakeStore(const TempDir& dir) {
  Result<Store> store = Store::Open(dir / "news.db", OpenMode::kReadWrite);
  ASSERT_TRUE(store.ok());
  Article a;
  a.id = "k1";
  a.outlet = "Kestrel Times";
  a.title = "Ferry strike";
  a.published = "2026-11-23T08:00:00Z";
  a.paragraphs.push_back({"\u201CWe will not sail,\u201D said Ines Varga, the union's secretary.", ParagraphRole::kBody, ""});
  ASSERT_TRUE(store->AddArticles({a}).ok());
  ASSERT_TRUE(store->SaveStoryAssignments({{"k1", "ferry"}}).ok());
}

TEST(ExportCli, WritesEachKindToStdoutOrAFile) {
  TempDir dir;
  MakeStore(dir);
  RunResult r = RunParallax(dir, {"export", "stories", "--db", dir / "news.db"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\r')), "id,headline,articles,outlet_count,outlets,first_published,last_published,voices");
  EXPECT_NE(r.out.find(",Ferry strike,1,1,Kestrel Times,"), std::string::npos) << r.out;

  // Quotes exist once `parallax index` has digested the article.
  r = RunParallax(dir, {"export", "quotes", "--db", dir / "news.db", "--format", "jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  ASSERT_EQ(RunParallax(dir, {"index", "--db", dir / "news.db", "--jobs", "1"}).exit_code, 0);
  r = RunParallax(dir, {"export", "quotes", "--db", dir / "news.db", "--format", "jsonl", "-o", dir / "q.jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "") << "written to the file instead";
  EXPECT_NE(ReadFile(dir / "q.jsonl").find("\"speaker\":\"Ines Varga\""), std::string::npos) << ReadFile(dir / "q.jsonl");
}

TEST(ExportCli, MistakesAreNamedWithTheirExitCodes) {
  TempDir dir;
  MakeStore(dir);
  const std::string db = dir / "news.db";
  RunResult r = RunParallax(dir, {"export", "--db", db});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("say what to export"), std::string::npos) << r.err;
  r = RunParallax(dir, {"export", "tweets", "--db", db});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("tweets not in {stories,articles,quotes}"), std::string::npos) << r.err;
  r = RunParallax(dir, {"export", "stories", "--db", db, "--format", "xml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("Run 'parallax help export'"), std::string::npos) << r.err;
  r = RunParallax(dir, {"export", "stories", "--db", db, "--day", "2026-02-30"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("the day is a date"), std::string::npos) << r.err;
  r = RunParallax(dir, {"export", "stories", "--db", db, "--story", "77"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no story 77"), std::string::npos) << r.err;
  r = RunParallax(dir, {"export", "stories", "--db", dir / "missing.db"});
  EXPECT_EQ(r.exit_code, 1);
  r = RunParallax(dir, {"export", "stories", "--db", db}, "/dev/null", "/dev/full");
  EXPECT_EQ(r.exit_code, 4) << r.err;
  r = RunParallax(dir, {"help", "export"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("stories|articles|quotes"), std::string::npos);
}

}  // namespace
}  // namespace parallax
