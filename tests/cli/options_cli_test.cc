// Every command's command line, as CLI11 parses it (cli/options.h), on the
// real binary: each mistake is exit 2 and one line on stderr that names
// it, help is the command's own text, and what the hand-written parsers
// took (repeated options, - for standard input, flags in any order) still
// works.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/run_parallax.h"

namespace parallax {
namespace {

using nlohmann::json;
using testing::ReadFile;
using testing::RunParallax;
using testing::RunResult;
using testing::TempDir;
using testing::WriteFile;

const char* const kCommands[] = {"compare", "extract", "ingest", "stories", "index",
                                 "export",  "cluster", "dedup",  "serve",   "outlets"};

// Two invented reports of an invented event.
const char* const kReportA =
    "Dock strike halts Emberly harbour\n"
    "Dock workers in Emberly began a 48-hour strike on Tuesday after pay talks with the Northern "
    "Ports Authority collapsed.\n"
    "Nine container ships were left waiting offshore as cranes stood idle along the quay.\n";
const char* const kReportB =
    "A 48-hour strike by dock workers shut the port of Emberly on Tuesday, after talks with the "
    "Northern Ports Authority broke down.\n"
    "Cranes were idle and nine container ships waited offshore.\n";

// The one line a usage error prints.
std::string UsageLine(const std::string& command, const std::string& message) {
  return "parallax " + command + ": " + message + ". Run 'parallax help " + command + "'.\n";
}

TEST(OptionsCli, HelpIsEachCommandsOwnText) {
  TempDir dir;
  for (const std::string command : kCommands) {
    const RunResult help = RunParallax(dir, {"help", command});
    EXPECT_EQ(help.exit_code, 0) << command << ": " << help.err;
    EXPECT_EQ(help.out.rfind("parallax " + command + " \u2014 ", 0), 0u) << help.out.substr(0, 200);
    EXPECT_NE(help.out.find("Exit codes:"), std::string::npos) << command;
    EXPECT_EQ(help.err, "") << command;
    // -h and --help anywhere before "--" print the same, and do nothing else.
    for (const char* flag : {"-h", "--help"}) {
      const RunResult asked = RunParallax(dir, {command, "--frobnicate", flag});
      EXPECT_EQ(asked.exit_code, 0) << command << " " << flag << ": " << asked.err;
      EXPECT_EQ(asked.out, help.out) << command << " " << flag;
    }
  }
}

TEST(OptionsCli, AnUnknownOptionIsOneLineNamingIt) {
  TempDir dir;
  for (const std::string command : kCommands) {
    const RunResult r = RunParallax(dir, {command, "--frobnicate"});
    EXPECT_EQ(r.exit_code, 2) << command << ": " << r.err;
    EXPECT_EQ(r.err, UsageLine(command, "unknown option '--frobnicate'")) << command;
    EXPECT_EQ(r.out, "") << command;
  }
  // A short one, and a word where the command takes none.
  RunResult r = RunParallax(dir, {"extract", "-x", "-"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, UsageLine("extract", "unknown option '-x'"));
  r = RunParallax(dir, {"stories", "--db", dir / "none.db", "lots"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, UsageLine("stories", "unexpected argument 'lots'"));
  r = RunParallax(dir, {"outlets", "check", dir / "a.toml", dir / "b.toml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, UsageLine("outlets", "unexpected argument '" + dir / "b.toml" + "'"));
  r = RunParallax(dir, {"outlets", "list"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, UsageLine("outlets", "unexpected argument 'list'"));
  r = RunParallax(dir, {"outlets", "check"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "parallax outlets: usage: parallax outlets check FILE | status [--db PATH] (run 'parallax help "
            "outlets')\n");
  r = RunParallax(dir, {"outlets", "check", "-x.toml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, UsageLine("outlets", "unknown option '-x.toml'"));
}

TEST(OptionsCli, AMissingValueIsOneLineNamingTheOption) {
  TempDir dir;
  const std::vector<std::vector<std::string>> lines = {{"compare", "--html"},
                                                       {"compare", "--outlet"},
                                                       {"extract", "--jobs"},
                                                       {"ingest", "--db"},
                                                       {"stories", "--limit"},
                                                       {"index", "--jobs"},
                                                       {"export", "stories", "--format"},
                                                       {"cluster", "--window"},
                                                       {"dedup", "--threshold"},
                                                       {"serve", "--listen"},
                                                       {"serve", "--db="}};
  for (const std::vector<std::string>& args : lines) {
    std::string option = args.back();
    if (option.back() == '=') option.pop_back();
    const RunResult r = RunParallax(dir, args);
    EXPECT_EQ(r.exit_code, 2) << args.front() << " " << args.back() << ": " << r.err;
    EXPECT_EQ(r.err, UsageLine(args.front(), option + " needs a value"));
    EXPECT_EQ(r.out, "");
  }
}

TEST(OptionsCli, ABadValueIsOneLineSayingWhatTheOptionTakes) {
  TempDir dir;
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"cluster", "--window", "0", "-"},
       "--window: takes a number of days above 0 and up to 3650, got '0'"},
      {{"dedup", "--threshold", "1.5", "-"},
       "--threshold: takes a number from 0.05 to 1, got '1.5'"},
      {{"ingest", "--batch", "100001", "-"},
       "--batch: takes a whole number from 1 to 100000, got '100001'"},
      {{"compare", "--max-bytes", "lots", "-", "-"},
       "--max-bytes: takes a whole number from 1, got 'lots'"},
      {{"compare", "--outlet", "Courier", "-", "-"}, "--outlet: takes NAME=PATH, got 'Courier'"},
      {{"index", "--jobs", "-1"},
       "--jobs: takes a number of threads from 0 (one per core) to 1024, got '-1'"},
      {{"stories", "--db", ""}, "--db: needs a file name"},
      {{"extract", "--text-dir", "", "-"}, "--text-dir: needs a directory name"},
      {{"serve", "--threads", "0"}, "--threads: takes a whole number from 1 to 1024, got '0'"},
      {{"serve", "--listen", "8080"},
       "--listen: takes HOST:PORT (for example 127.0.0.1:8080), got '8080'"},
      {{"export", "stories", "--format", "xml"}, "--format: xml not in {csv,jsonl}"},
      {{"export", "stories", "--story", "x"},
       "--story: takes a story ID (a positive number from 'parallax stories'), got 'x'"},
  };
  for (const Case& c : cases) {
    const RunResult r = RunParallax(dir, c.args);
    EXPECT_EQ(r.exit_code, 2) << c.message << ": " << r.err;
    EXPECT_EQ(r.err, UsageLine(c.args.front(), c.message));
    EXPECT_EQ(r.out, "");
  }
  // A value that cannot be shown as it is, is escaped: still one line.
  const RunResult r = RunParallax(dir, {"stories", "--limit", "1\n2"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
}

TEST(OptionsCli, TheLastOfARepeatedOptionCounts) {
  TempDir dir;
  const RunResult r = RunParallax(
      dir, {"ingest", "--db", dir / "first.db", "--batch", "5", "--db", dir / "second.db"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "first.db"));
  EXPECT_TRUE(std::filesystem::exists(dir / "second.db"));
}

TEST(OptionsCli, InputsMayComeAnywhereAndStartWithADashAfterTheOptions) {
  TempDir dir;
  WriteFile(dir / "-gazette.txt", kReportA);
  WriteFile(dir / "ledger.txt", kReportB);
  // Run in the directory, for a relative name that starts with a dash.
  const std::string command =
      "cd " + testing::ShellQuote(dir.path()) + " && " + testing::ShellQuote(PARALLAX_BINARY) +
      " compare ledger.txt --outlet Gazette=-gazette.txt --json --outlet 'Ledger=ledger.txt'"
      " -- -gazette.txt >out.json 2>err.txt </dev/null";
  const int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << ReadFile(dir / "err.txt");
  json j;
  ASSERT_NO_THROW(j = json::parse(ReadFile(dir / "out.json")));
  ASSERT_EQ(j.at("documents").size(), 2u);
  EXPECT_EQ(j["documents"][0].at("source"), "ledger.txt");
  EXPECT_EQ(j["documents"][0].at("outlet"), "Ledger");
  EXPECT_EQ(j["documents"][1].at("source"), "-gazette.txt");
  EXPECT_EQ(j["documents"][1].at("outlet"), "Gazette");
}

TEST(OptionsCli, TheLastOfColorAndNoColorCounts) {
  TempDir dir;
  WriteFile(dir / "a.txt", kReportA);
  WriteFile(dir / "b.txt", kReportB);
  RunResult r =
      RunParallax(dir, {"compare", "--no-color", "--color", dir / "a.txt", dir / "b.txt"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\x1b["), std::string::npos) << "--color last: colours";
  r = RunParallax(dir, {"compare", "--color", dir / "a.txt", "--no-color", dir / "b.txt"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("\x1b["), std::string::npos) << "--no-color last: none";
}

TEST(OptionsCli, StandardInputIsDash) {
  TempDir dir;
  WriteFile(dir / "feed.jsonl",
            "{\"id\":\"k1\",\"title\":\"Ferry strike\",\"text\":\"The ferries stopped.\"}\n");
  const RunResult r =
      RunParallax(dir, {"ingest", "--db", dir / "news.db", "-"}, dir / "feed.jsonl");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("added 1,", 0), 0u) << r.out;
}

}  // namespace
}  // namespace parallax
