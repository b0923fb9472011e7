// The real parallax binary (PARALLAX_BINARY) on files in a temporary
// directory: exit codes, stderr messages, JSON and HTML output.
//
// Inputs over the size limit are tested with --max-bytes rather than with
// a real 100 MB file: writing and reading that much would make the suite
// slow on CI, and the limit is the same code path whatever its value.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support/run_parallax.h"

namespace parallax {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::ReadFile;
using testing::RunParallax;
using testing::RunResult;
using testing::TempDir;
using testing::WriteFile;


// Two invented reports of an invented event, each under 1,000 bytes.
const char* const kReportA =
    "Dock strike halts Emberly harbour\n"
    "Dock workers in Emberly began a 48-hour strike on Tuesday after pay talks with the Northern "
    "Ports Authority collapsed.\n"
    "Nine container ships were left waiting offshore as cranes stood idle along the quay.\n"
    "\u201CThe offer on the table is an insult to every crane driver in this town,\u201D said Mira "
    "Calloway, the secretary of the dockers\u2019 branch.\n";

const char* const kReportB =
    "A 48-hour strike by dock workers shut the port of Emberly on Tuesday, after talks with the "
    "Northern Ports Authority broke down.\n"
    "Cranes were idle and nine container ships waited offshore.\n"
    "\u201CThe offer on the table is an insult to every crane driver,\u201D said Mira Calloway.\n";

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    a_ = dir_ / "gazette.txt";
    b_ = dir_ / "ledger.txt";
    WriteFile(a_, kReportA);
    WriteFile(b_, kReportB);
  }

  // Checks the common shape of a run with one bad input among two good ones.
  void ExpectGoodPairComparedDespite(const std::string& bad, const RunResult& r,
                                     const std::string& reason) {
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.err.find(bad), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(reason), std::string::npos) << r.err;
    json j;
    ASSERT_NO_THROW(j = json::parse(r.out)) << r.out.substr(0, 500);
    EXPECT_EQ(j.at("schema"), "parallax.compare/1");
    ASSERT_EQ(j.at("documents").size(), 2u);
    EXPECT_EQ(j["documents"][0].at("source"), a_);
    EXPECT_EQ(j["documents"][1].at("source"), b_);
    ASSERT_EQ(j.at("failures").size(), 1u) << j["failures"].dump();
    EXPECT_EQ(j["failures"][0].at("source"), bad);
    EXPECT_NE(j["failures"][0].at("error").get<std::string>().find(reason), std::string::npos)
        << j["failures"][0].dump();
  }

  TempDir dir_;
  std::string a_, b_;
};

TEST_F(Cli, TwoGoodReportsGiveValidJson) {
  const RunResult r = RunParallax(dir_, {"compare", "--json", a_, b_});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.err.empty()) << r.err;
  json j;
  ASSERT_NO_THROW(j = json::parse(r.out)) << r.out.substr(0, 500);
  EXPECT_EQ(j.at("schema"), "parallax.compare/1");
  ASSERT_EQ(j.at("documents").size(), 2u);
  EXPECT_EQ(j["documents"][0].at("id"), "d0");
  EXPECT_EQ(j["documents"][1].at("id"), "d1");
  EXPECT_EQ(j["documents"][0].at("outlet"), "gazette");
  EXPECT_EQ(j["documents"][0].at("title"), "Dock strike halts Emberly harbour");
  EXPECT_TRUE(j.at("failures").empty());
  EXPECT_FALSE(j.at("facts").empty());
  EXPECT_FALSE(j.at("quotes").empty());
}

TEST_F(Cli, OutletOptionNamesTheOutlet) {
  const RunResult r =
      RunParallax(dir_, {"compare", "--json", "--outlet", "Harbour Gazette=" + a_, a_, b_});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  json j;
  ASSERT_NO_THROW(j = json::parse(r.out));
  EXPECT_EQ(j["documents"][0].at("outlet"), "Harbour Gazette");
  EXPECT_EQ(j["documents"][1].at("outlet"), "ledger");
}

TEST_F(Cli, StandardInputIsAnInput) {
  const RunResult r = RunParallax(dir_, {"compare", "--json", "-", b_}, a_);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  json j;
  ASSERT_NO_THROW(j = json::parse(r.out));
  ASSERT_EQ(j.at("documents").size(), 2u);
  EXPECT_EQ(j["documents"][0].at("source"), "-");
  EXPECT_EQ(j["documents"][0].at("outlet"), "stdin");
  EXPECT_EQ(j["documents"][0].at("title"), "Dock strike halts Emberly harbour");
}

TEST_F(Cli, EmptyFileIsNamedAndTheRestCompared) {
  const std::string bad = dir_ / "empty.txt";
  WriteFile(bad, "");
  ExpectGoodPairComparedDespite(bad, RunParallax(dir_, {"compare", "--json", a_, bad, b_}), "empty");
}

TEST_F(Cli, BinaryFileIsNamedAndTheRestCompared) {
  const std::string bad = dir_ / "photo.txt";
  WriteFile(bad, std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0", 20));
  ExpectGoodPairComparedDespite(bad, RunParallax(dir_, {"compare", "--json", a_, bad, b_}), "binary");
}

TEST_F(Cli, InvalidUtf8IsNamedAndTheRestCompared) {
  const std::string bad = dir_ / "latin1.txt";
  WriteFile(bad, "Dock workers in Malm\xF6 walked out on Tuesday.\nThe port was shut.\n");
  ExpectGoodPairComparedDespite(bad, RunParallax(dir_, {"compare", "--json", a_, bad, b_}), "UTF-8");
}

TEST_F(Cli, MissingPathIsNamedAndTheRestCompared) {
  const std::string bad = dir_ / "no-such-report.txt";
  ExpectGoodPairComparedDespite(bad, RunParallax(dir_, {"compare", "--json", a_, bad, b_}),
                                "no such file");
}

TEST_F(Cli, FileOverMaxBytesIsNamedAndTheRestCompared) {
  // Both good reports are under 1,000 bytes; this one is 3,000.
  const std::string bad = dir_ / "long.txt";
  std::string text;
  while (text.size() < 3000) text += "The strike went on and the ships waited offshore. ";
  text.resize(3000);
  WriteFile(bad, text);
  ASSERT_LT(std::string(kReportA).size(), 1000u);
  ASSERT_LT(std::string(kReportB).size(), 1000u);
  const RunResult r = RunParallax(dir_, {"compare", "--json", "--max-bytes", "1000", a_, bad, b_});
  ExpectGoodPairComparedDespite(bad, r, "too large");
  EXPECT_NE(r.err.find("3000"), std::string::npos) << r.err;
}

TEST_F(Cli, AllBadInputsTogether) {
  const std::string empty = dir_ / "empty.txt";
  const std::string binary = dir_ / "binary.txt";
  const std::string latin1 = dir_ / "latin1.txt";
  const std::string missing = dir_ / "missing.txt";
  WriteFile(empty, "");
  WriteFile(binary, std::string("ab\0cd", 5));
  WriteFile(latin1, "caf\xE9 au lait\n");
  const RunResult r = RunParallax(dir_, {"compare", "--json", empty, a_, binary, latin1, missing, b_});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  for (const std::string& bad : {empty, binary, latin1, missing}) {
    EXPECT_NE(r.err.find(bad), std::string::npos) << bad << "\n" << r.err;
  }
  json j;
  ASSERT_NO_THROW(j = json::parse(r.out));
  EXPECT_EQ(j.at("documents").size(), 2u);
  EXPECT_EQ(j.at("failures").size(), 4u);
}

TEST_F(Cli, FewerThanTwoUsableInputs) {
  const std::string bad = dir_ / "empty.txt";
  WriteFile(bad, "");
  const RunResult r = RunParallax(dir_, {"compare", "--json", a_, bad});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("at least two"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(bad), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out.substr(0, 200);

  const RunResult one = RunParallax(dir_, {"compare", a_});
  EXPECT_EQ(one.exit_code, 3) << one.err;
  EXPECT_NE(one.err.find("at least two"), std::string::npos) << one.err;
}

TEST_F(Cli, UnknownOptionIsAUsageError) {
  const RunResult r = RunParallax(dir_, {"compare", "--frobnicate", a_, b_});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--frobnicate"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST_F(Cli, BadOptionValuesAreUsageErrors) {
  EXPECT_EQ(RunParallax(dir_, {"compare", "--max-bytes", "lots", a_, b_}).exit_code, 2);
  EXPECT_EQ(RunParallax(dir_, {"compare", "--max-bytes", "0", a_, b_}).exit_code, 2);
  EXPECT_EQ(RunParallax(dir_, {"compare", "--outlet", "no-equals-sign", a_, b_}).exit_code, 2);
  EXPECT_EQ(RunParallax(dir_, {"compare", a_, b_, "--html"}).exit_code, 2);
  EXPECT_EQ(RunParallax(dir_, {"compare"}).exit_code, 2);
  EXPECT_EQ(RunParallax(dir_, {"frobnicate"}).exit_code, 2);
}

TEST_F(Cli, HelpPrintsUsage) {
  const RunResult r = RunParallax(dir_, {"compare", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("Usage:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("--max-bytes"), std::string::npos);
  EXPECT_NE(r.out.find("Exit codes"), std::string::npos);

  const RunResult top = RunParallax(dir_, {"--help"});
  EXPECT_EQ(top.exit_code, 0);
  EXPECT_NE(top.out.find("Usage:"), std::string::npos);

  const RunResult help_compare = RunParallax(dir_, {"help", "compare"});
  EXPECT_EQ(help_compare.exit_code, 0);
  EXPECT_EQ(help_compare.out, r.out);
}

TEST_F(Cli, HtmlReportIsWritten) {
  const std::string html = dir_ / "report.html";
  const RunResult r = RunParallax(dir_, {"compare", "--no-color", "--html", html, a_, b_});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string page = ReadFile(html);
  EXPECT_NE(page.find("outlet-column"), std::string::npos) << page.substr(0, 300);
  EXPECT_NE(page.find("Mira Calloway"), std::string::npos);
  EXPECT_FALSE(r.out.empty()) << "the terminal report is still printed";
  EXPECT_EQ(r.out.find("\x1b["), std::string::npos) << "--no-color means no escapes";
}

TEST_F(Cli, UnwritableHtmlPathFails) {
  const std::string html = dir_ / "no-such-dir/report.html";
  const RunResult r = RunParallax(dir_, {"compare", "--html", html, a_, b_});
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_NE(r.err.find(html), std::string::npos) << r.err;
}

}  // namespace
}  // namespace parallax

namespace parallax {
namespace {

using testing::ReadFile;
using testing::RunParallax;
using testing::RunResult;
using testing::TempDir;
using testing::WriteFile;

// Two short reports of one invented event, written into `dir`.
std::vector<std::string> TwoReports(const TempDir& dir) {
  WriteFile(dir / "a.txt", "Dock workers in Emberly struck on Tuesday over pay.\nCranes stood idle.\n");
  WriteFile(dir / "b.txt", "Emberly dock workers went on strike on Tuesday, demanding better pay.\n");
  return {dir / "a.txt", dir / "b.txt"};
}

TEST(CompareLimits, MoreReportsThanMaxReportsIsRefusedBeforeReadingWithExit5) {
  TempDir dir;
  const std::string reports = dir / "reports";
  std::filesystem::create_directory(reports);
  for (int i = 0; i < 4; ++i) {
    WriteFile(reports + "/r" + std::to_string(i) + ".txt", "Dock workers in Emberly struck on Tuesday.\n");
  }
  // A dangling link: had the files been read first, it would be named on
  // stderr as "not found".
  ASSERT_EQ(::symlink((dir / "nowhere").c_str(), (reports + "/r9.txt").c_str()), 0);
  const RunResult r = RunParallax(dir, {"compare", "--max-reports", "3", reports});
  EXPECT_EQ(r.exit_code, 5) << r.err;
  EXPECT_NE(r.err.find("4 reports"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("parallax stories"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("r9.txt"), std::string::npos) << "refused before reading: " << r.err;
  EXPECT_TRUE(r.out.empty());
  const RunResult fits = RunParallax(dir, {"compare", "--json", "--max-reports", "2", dir / "none"});
  EXPECT_EQ(fits.exit_code, 3) << "one missing input is within the limit: " << fits.err;
}

TEST(CompareLimits, StoryIdsBeyondAnyIntegerAreRefused) {
  TempDir dir;
  for (const char* id : {"99999999999999999999", "9223372036854775808", "-3", "0", "4x"}) {
    const RunResult r = RunParallax(dir, {"compare", "--db", dir / "x.db", "--story", id});
    EXPECT_EQ(r.exit_code, 2) << id << ": " << r.err;
    EXPECT_NE(r.err.find("--story: takes a story ID"), std::string::npos) << r.err;
  }
}

TEST(CompareOutput, UnwritableStandardOutputIsExplainedOnStderr) {
  TempDir dir;
  const std::vector<std::string> reports = TwoReports(dir);
  const RunResult r = RunParallax(dir, {"compare", "--json", reports[0], reports[1]}, "/dev/null", "/dev/full");
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_NE(r.err.find("parallax compare: cannot write to standard output"), std::string::npos) << r.err;
}

TEST(CompareOutput, HtmlReplacesALinkInsteadOfWritingThroughIt) {
  TempDir dir;
  const std::vector<std::string> reports = TwoReports(dir);
  WriteFile(dir / "precious.txt", "do not overwrite");
  ASSERT_EQ(::symlink((dir / "precious.txt").c_str(), (dir / "report.html").c_str()), 0);
  const RunResult r = RunParallax(dir, {"compare", "--html", dir / "report.html", reports[0], reports[1]});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadFile(dir / "precious.txt"), "do not overwrite");
  struct stat st {};
  ASSERT_EQ(::lstat((dir / "report.html").c_str(), &st), 0);
  EXPECT_TRUE(S_ISREG(st.st_mode)) << "the link itself is replaced by the report";
  EXPECT_NE(ReadFile(dir / "report.html").find("</html>"), std::string::npos);
}

TEST(CompareOutput, AFileSizeLimitLeavesTheEarlierReportWhole) {
  TempDir dir;
  const std::vector<std::string> reports = TwoReports(dir);
  WriteFile(dir / "report.html", "the earlier report");
  // ulimit -f 4: 4 KiB, less than any report; the write fails (EFBIG)
  // instead of leaving a truncated file or killing the process.
  const std::string command = "ulimit -f 4; " + testing::ShellQuote(PARALLAX_BINARY) + " compare --html " +
                              testing::ShellQuote(dir / "report.html") + " " + testing::ShellQuote(reports[0]) +
                              " " + testing::ShellQuote(reports[1]) + " >/dev/null 2>" +
                              testing::ShellQuote(dir / "err.txt");
  const int status = std::system(("bash -c " + testing::ShellQuote(command)).c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 4) << ReadFile(dir / "err.txt");
  EXPECT_NE(ReadFile(dir / "err.txt").find("cannot write"), std::string::npos) << ReadFile(dir / "err.txt");
  EXPECT_EQ(ReadFile(dir / "report.html"), "the earlier report");
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    EXPECT_EQ(entry.path().filename().string().find(".report.html."), std::string::npos)
        << "temporary file left behind: " << entry.path();
  }
}

}  // namespace
}  // namespace parallax
