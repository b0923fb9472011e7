// Text from pages and files reaches terminals and TSV escaped, and a
// compressed input cut short is an error naming the file, in every command
// that reads JSON lines. Inputs are invented and written by each test.
#include <gtest/gtest.h>
#include <zlib.h>

#include <string>
#include <vector>

#include "support/compress.h"
#include "support/run_parallax.h"

namespace parallax {
namespace {

using testing::ReadFile;
using testing::RunParallax;
using testing::RunResult;
using testing::TempDir;
using testing::WriteFile;

// Ids a hostile file might carry: a tab, a newline, a terminal escape.
const char* const kHostileLines =
    "{\"id\": \"a\\tb\", \"text\": \"Dock workers in Emberly struck on Tuesday over pay and night shifts at the quay.\"}\n"
    "{\"id\": \"line\\nbreak\", \"text\": \"Dock workers in Emberly struck on Tuesday over pay and night shifts at the quay.\"}\n"
    "{\"id\": \"\\u001b]0;pwned\\u0007\", \"text\": \"Dock workers in Emberly struck on Tuesday over pay and night shifts at the quay.\"}\n";

// The same ids on texts that differ, as the store keeps one copy of a text.
const char* const kHostileDistinctLines =
    "{\"id\": \"a\\tb\", \"text\": \"Dock workers in Emberly struck on Tuesday over pay.\"}\n"
    "{\"id\": \"\\u001b]0;pwned\\u0007\", \"text\": \"Emberly dockers walked out on Tuesday, demanding pay.\"}\n";

void ExpectNoControlCharacters(const std::string& out) {
  for (const char c : out) {
    if (c == '\n' || c == '\t') continue;
    EXPECT_FALSE(static_cast<unsigned char>(c) < 0x20 || c == 0x7f) << "control character in: " << out;
  }
}

TEST(UntrustedOutput, DedupIdsAreEscapedInItsTsv) {
  TempDir dir;
  WriteFile(dir / "hostile.jsonl", kHostileLines);
  const RunResult r = RunParallax(dir, {"dedup", dir / "hostile.jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ExpectNoControlCharacters(r.out);
  EXPECT_EQ(r.out,
            "a\\tb\tline\\nbreak\t1.000\n"
            "a\\tb\t\\x1b]0;pwned\\x07\t1.000\n"
            "line\\nbreak\t\\x1b]0;pwned\\x07\t1.000\n");
}

TEST(UntrustedOutput, ClusterIdsAreEscapedInItsTsv) {
  TempDir dir;
  WriteFile(dir / "hostile.jsonl", kHostileLines);
  const RunResult r = RunParallax(dir, {"cluster", dir / "hostile.jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ExpectNoControlCharacters(r.out);
  EXPECT_EQ(r.out, "a\\tb\t1\nline\\nbreak\t1\n\\x1b]0;pwned\\x07\t1\n");
  // Stored, then clustered from the database: the same escaping.
  WriteFile(dir / "distinct.jsonl", kHostileDistinctLines);
  ASSERT_EQ(RunParallax(dir, {"ingest", "--db", dir / "n.db", dir / "distinct.jsonl"}).exit_code, 0);
  const RunResult db = RunParallax(dir, {"cluster", "--db", dir / "n.db"});
  ASSERT_EQ(db.exit_code, 0) << db.err;
  ExpectNoControlCharacters(db.out);
  EXPECT_NE(db.out.find("\\x1b]0;pwned\\x07\t"), std::string::npos) << db.out;
}

TEST(UntrustedOutput, ExtractSummaryEscapesTitlesAndSiteNames) {
  TempDir dir;
  WriteFile(dir / "page.html",
            "<html><head><title>Strike\x1b]0;owned\x07 ends\x1b[2J</title>"
            "<meta property=\"og:site_name\" content=\"The \x1b[31mRed\x1b[0m Post\"></head>"
            "<body><article><p>Dock workers in Emberly ended their strike on Friday after the port "
            "authority raised its pay offer to five per cent for every crane driver.</p>"
            "<p>Ships queued offshore began to berth within hours of the vote.</p></article></body></html>");
  const RunResult r = RunParallax(dir, {"extract", dir / "page.html"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ExpectNoControlCharacters(r.out);
  EXPECT_NE(r.out.find("Strike\\x1b]0;owned\\x07 ends\\x1b[2J"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("The \\x1b[31mRed\\x1b[0m Post"), std::string::npos) << r.out;
}

TEST(UntrustedOutput, StoriesEscapesHeadlinesAndExplainsAFailedWrite) {
  TempDir dir;
  WriteFile(dir / "a.jsonl",
            "{\"id\": \"1\", \"title\": \"Strike\\u001b[2J ends\\u0007\", \"outlet\": \"Post\\u001b[5m\", "
            "\"text\": \"Dock workers in Emberly ended their strike on Friday after a new pay offer.\"}\n");
  ASSERT_EQ(RunParallax(dir, {"ingest", "--db", dir / "n.db", dir / "a.jsonl"}).exit_code, 0);
  ASSERT_EQ(RunParallax(dir, {"cluster", "--db", dir / "n.db"}).exit_code, 0);
  const RunResult r = RunParallax(dir, {"stories", "--db", dir / "n.db"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ExpectNoControlCharacters(r.out);
  EXPECT_NE(r.out.find("Strike\\x1b[2J ends\\x07"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Post\\x1b[5m"), std::string::npos) << r.out;
  const RunResult full = RunParallax(dir, {"stories", "--db", dir / "n.db"}, "/dev/null", "/dev/full");
  EXPECT_EQ(full.exit_code, 4);
  EXPECT_NE(full.err.find("parallax stories: cannot write to standard output"), std::string::npos) << full.err;
}

// 300 records, gzipped, then cut: the stream stops after whole lines
// (flushed, never finished), or only the 8-byte trailer is missing.
std::string Records() {
  std::string lines;
  for (int i = 0; i < 300; ++i) {
    lines += "{\"id\": \"r" + std::to_string(i) + "\", \"text\": \"Report " + std::to_string(i) +
             " of the Emberly dock strike, told in words of its own: " + std::to_string(i * 7919) + ".\"}\n";
  }
  return lines;
}

class TruncatedGzip : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string lines = Records();
    const std::string first_half = lines.substr(0, lines.find("{\"id\": \"r150\""));
    WriteFile(dir_ / "cut.jsonl.gz", testing::Deflate(first_half, 16 + MAX_WBITS, false));
    const std::string whole = testing::Gzip(lines);
    WriteFile(dir_ / "no-trailer.jsonl.gz", whole.substr(0, whole.size() - 8));
  }
  void ExpectNamedFailure(const RunResult& r, const std::string& name) {
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.err.find(name), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("unexpected end of file"), std::string::npos) << r.err;
  }
  TempDir dir_;
};

TEST_F(TruncatedGzip, IngestStoresWhatCameBeforeAndSaysSo) {
  RunResult r = RunParallax(dir_, {"ingest", "--db", dir_ / "a.db", dir_ / "cut.jsonl.gz"});
  ExpectNamedFailure(r, "cut.jsonl.gz");
  EXPECT_NE((r.out + r.err).find("added 150,"), std::string::npos) << r.out << r.err;
  r = RunParallax(dir_, {"ingest", "--db", dir_ / "b.db", dir_ / "no-trailer.jsonl.gz"});
  ExpectNamedFailure(r, "no-trailer.jsonl.gz");
  EXPECT_NE((r.out + r.err).find("added 300,"), std::string::npos) << r.out << r.err;
}

TEST_F(TruncatedGzip, DedupAndClusterFailOnFilesAndOnStandardInput) {
  for (const char* name : {"cut.jsonl.gz", "no-trailer.jsonl.gz"}) {
    ExpectNamedFailure(RunParallax(dir_, {"dedup", dir_ / name}), name);
    const RunResult cluster = RunParallax(dir_, {"cluster", dir_ / name});
    ExpectNamedFailure(cluster, name);
    EXPECT_FALSE(cluster.out.empty()) << "the records read are still clustered";
    ExpectNamedFailure(RunParallax(dir_, {"cluster", "-"}, dir_ / name), "stdin");
    ExpectNamedFailure(RunParallax(dir_, {"dedup", "-"}, dir_ / name), "stdin");
  }
}

}  // namespace
}  // namespace parallax
