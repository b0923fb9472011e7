// `parallax extract`, the real binary (PARALLAX_BINARY), on invented pages
// of an invented outlet written to a temporary directory: the JSON lines,
// the --text-dir files, --jobs, failures and exit codes.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support/run_parallax.h"

namespace parallax {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

using ScratchDir = testing::TempDir;
using Outcome = testing::RunResult;
using testing::ReadFile;

void Write(const std::string& path, const std::string& bytes) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  ASSERT_TRUE(out.good()) << path;
}

void WriteGzip(const std::string& path, const std::string& bytes) {
  fs::create_directories(fs::path(path).parent_path());
  gzFile out = gzopen(path.c_str(), "wb");
  ASSERT_NE(out, nullptr) << path;
  ASSERT_EQ(gzwrite(out, bytes.data(), static_cast<unsigned>(bytes.size())),
            static_cast<int>(bytes.size()));
  ASSERT_EQ(gzclose(out), Z_OK);
}

// Runs `parallax ARGS...`; stdin from `stdin_path`, stdout to `stdout_path`
// (a scratch file, unless a test wants /dev/full).
Outcome Parallax(const ScratchDir& dir, const std::vector<std::string>& args,
                 const std::string& stdin_path = "/dev/null", const std::string& stdout_path = "") {
  return testing::RunParallax(dir, args, stdin_path, stdout_path);
}

std::vector<json> JsonLines(const std::string& out) {
  std::vector<json> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    EXPECT_NO_THROW(lines.push_back(json::parse(line))) << line;
  }
  return lines;
}

constexpr const char* kParagraph1 =
    "The harbour authority said on Tuesday that the evening ferry to Skelda would not sail until "
    "the storm over the strait had passed, leaving more than two hundred passengers waiting.";
constexpr const char* kParagraph2 =
    "Passengers were offered places on the first crossing on Wednesday morning, and the waiting "
    "room at the terminal stayed open through the night with hot drinks and blankets.";
constexpr const char* kParagraph3 =
    "A spokeswoman for the authority said the decision had been taken on the advice of the "
    "coastguard, which recorded gusts of more than ninety kilometres an hour.";
constexpr const char* kCaption = "The ferry Skelda Star moored at the east pier on Tuesday.";

// A news page of the invented Skelda Courier: metadata in <head> and
// JSON-LD, navigation and a footer around an <article> with a figure.
// `variant` makes pages of the same shape but different text.
std::string CourierPage(int variant = 0) {
  const std::string v = variant == 0 ? "" : " (update " + std::to_string(variant) + ")";
  return std::string(
             "<html><head><meta charset=\"utf-8\">\n"
             "<title>Evening ferry to Skelda cancelled" + v + " | The Skelda Courier</title>\n"
             "<meta property=\"og:site_name\" content=\"The Skelda Courier\">\n"
             "<link rel=\"canonical\" href=\"https://courier.example/2024/03/05/ferry\">\n"
             "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
             "\"@type\":\"NewsArticle\",\"headline\":\"Evening ferry to Skelda cancelled\","
             "\"datePublished\":\"2024-03-05T08:30:00Z\","
             "\"author\":{\"@type\":\"Person\",\"name\":\"Ilse Marrow\"}}</script>\n"
             "</head><body>\n"
             "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a>"
             "</nav>\n<article>\n<h1>Evening ferry to Skelda cancelled" + v + "</h1>\n") +
         "<p>" + kParagraph1 + v + "</p>\n"
         "<figure><img src=\"ferry.jpg\" alt=\"\"><figcaption>" + kCaption +
         "</figcaption></figure>\n"
         "<p>" + kParagraph2 + "</p>\n"
         "<p>" + kParagraph3 + "</p>\n"
         "</article>\n<footer>Copyright 2024 The Skelda Courier.</footer>\n</body></html>\n";
}

// A bare page: no metadata beyond a title, no <html lang>, in German.
constexpr const char* kBarePage =
    "<html><head><title>Abendfähre nach Skelda fällt aus</title></head><body><main>"
    "<p>Die Hafenbehörde teilte am Dienstag mit, dass die Abendfähre nach Skelda erst nach dem "
    "Ende des Sturms über der Meerenge wieder fahren werde.</p>"
    "<p>Die Fahrgäste erhielten Plätze auf der ersten Überfahrt am Mittwochmorgen, und der "
    "Warteraum im Terminal blieb die ganze Nacht geöffnet.</p></main></body></html>";

// The start of an executable: binary, with NUL bytes.
constexpr char kBinary[] = "\x7F" "ELF\x02\x01\x01\x00\x00\x00\x00\x00\xFF\xFE";

template <size_t N>
std::string Bytes(const char (&literal)[N]) {
  return std::string(literal, N - 1);  // keeps the NULs, drops the terminator
}

std::string ExpectedText() {
  return std::string(kParagraph1) + "\n\n" + kParagraph2 + "\n\n" + kParagraph3;
}

TEST(ExtractCli, JsonLinesCarryMetadataTextAndCaptions) {
  ScratchDir dir;
  Write(dir / "page.html", CourierPage());
  Write(dir / "bare.htm", kBarePage);
  const Outcome r = Parallax(dir, {"extract", "--json", dir / "page.html", dir / "bare.htm"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const std::vector<json> lines = JsonLines(r.out);
  ASSERT_EQ(lines.size(), 2u) << r.out;

  const json& page = lines[0];
  EXPECT_EQ(page.at("name"), "page");
  EXPECT_EQ(page.at("source"), dir / "page.html");
  EXPECT_EQ(page.at("url"), "https://courier.example/2024/03/05/ferry");
  EXPECT_EQ(page.at("site_name"), "The Skelda Courier");
  EXPECT_EQ(page.at("title"), "Evening ferry to Skelda cancelled");
  EXPECT_EQ(page.at("byline"), "Ilse Marrow");
  EXPECT_EQ(page.at("published"), "2024-03-05T08:30:00Z");
  EXPECT_EQ(page.at("published_source"), "json-ld");
  EXPECT_EQ(page.at("language"), "en");  // declared nowhere: detected
  EXPECT_EQ(page.at("text"), ExpectedText());
  EXPECT_EQ(page.at("captions"), json::array({kCaption}));
  EXPECT_EQ(page.at("paragraphs"), 3);

  const json& bare = lines[1];
  EXPECT_EQ(bare.at("name"), "bare");
  EXPECT_EQ(bare.at("title"), "Abendfähre nach Skelda fällt aus");
  EXPECT_EQ(bare.at("language"), "de");
  EXPECT_EQ(bare.at("paragraphs"), 2);
  EXPECT_TRUE(bare.at("captions").empty());
  for (const char* field : {"url", "site_name", "byline", "published", "published_source"}) {
    EXPECT_TRUE(bare.at(field).is_null()) << field << ": " << bare[field];
  }
}

TEST(ExtractCli, DefaultOutputIsASummaryPerPage) {
  ScratchDir dir;
  Write(dir / "page.html", CourierPage());
  const Outcome r = Parallax(dir, {"extract", dir / "page.html"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  for (const char* expected :
       {"page", "Evening ferry to Skelda cancelled", "The Skelda Courier",
        "2024-03-05T08:30:00Z (json-ld)", "language   en", "3 paragraphs", "1 caption\n"}) {
    EXPECT_NE(r.out.find(expected), std::string::npos) << expected << "\n" << r.out;
  }
}

TEST(ExtractCli, TextDirNamesEachFileAfterItsInput) {
  ScratchDir dir;
  WriteGzip(dir / "in/page.html.gz", CourierPage());
  Write(dir / "in/bare.htm", kBarePage);
  Write(dir / "in/notes.txt", "First line of the notes, as a sentence.\nSecond line.\n");
  Write(dir / "in/ignored.json", "{}");
  const std::string out = dir / "out/nested";  // does not exist yet
  const Outcome r = Parallax(dir, {"extract", "--text-dir", out, dir / "in"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "") << "--text-dir alone prints nothing";

  std::vector<std::string> written;
  for (const auto& entry : fs::directory_iterator(out)) {
    written.push_back(entry.path().filename().string());
  }
  std::sort(written.begin(), written.end());
  EXPECT_EQ(written, (std::vector<std::string>{"bare.txt", "notes.txt", "page.txt"}));
  EXPECT_EQ(ReadFile(out + "/page.txt"), ExpectedText() + "\n");
  EXPECT_EQ(ReadFile(out + "/notes.txt"), "First line of the notes, as a sentence.\n\nSecond line.\n");
}

TEST(ExtractCli, JsonAndTextDirTogether) {
  ScratchDir dir;
  Write(dir / "page.html", CourierPage());
  const Outcome r = Parallax(dir, {"extract", "--json", "--text-dir", dir / "out", dir / "page.html"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::vector<json> lines = JsonLines(r.out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(ReadFile(dir / "out/page.txt"), lines[0].at("text").get<std::string>() + "\n");
}

TEST(ExtractCli, StandardInputIsNamedStdin) {
  ScratchDir dir;
  Write(dir / "piped", CourierPage());
  const Outcome r = Parallax(dir, {"extract", "--json", "-"}, dir / "piped");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::vector<json> lines = JsonLines(r.out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].at("name"), "stdin");
  EXPECT_EQ(lines[0].at("source"), "-");
  EXPECT_EQ(lines[0].at("title"), "Evening ferry to Skelda cancelled");
}

TEST(ExtractCli, JobsTwoGivesTheSameOutputAsJobsOne) {
  ScratchDir dir;
  for (int i = 0; i < 12; ++i) {
    const std::string name = "p" + std::to_string(10 + i);
    if (i % 3 == 0) {
      WriteGzip(dir / ("in/" + name + ".html.gz"), CourierPage(i));
    } else {
      Write(dir / ("in/" + name + ".html"), i == 4 ? kBarePage : CourierPage(i));
    }
  }
  Write(dir / "in/p99.html", Bytes(kBinary));  // fails in every run

  const Outcome one = Parallax(dir, {"extract", "--json", "--jobs", "1", "--text-dir", dir / "o1",
                                 dir / "in"});
  const Outcome two = Parallax(dir, {"extract", "--json", "--jobs", "2", "--text-dir", dir / "o2",
                                 dir / "in"});
  const Outcome all = Parallax(dir, {"extract", "--json", "--jobs", "0", dir / "in"});
  EXPECT_EQ(one.exit_code, 1) << one.err;
  EXPECT_EQ(two.exit_code, 1) << two.err;
  EXPECT_EQ(all.exit_code, 1) << all.err;
  EXPECT_EQ(JsonLines(one.out).size(), 12u);
  EXPECT_EQ(two.out, one.out);
  EXPECT_EQ(all.out, one.out);
  EXPECT_EQ(two.err, one.err);
  for (int i = 0; i < 12; ++i) {
    const std::string file = "/p" + std::to_string(10 + i) + ".txt";
    EXPECT_FALSE(ReadFile(dir / "o1" + file).empty()) << file;
    EXPECT_EQ(ReadFile(dir / "o2" + file), ReadFile(dir / "o1" + file)) << file;
  }
}

TEST(ExtractCli, BrokenInputIsNamedAndTheOthersAreStillWritten) {
  ScratchDir dir;
  Write(dir / "in/a.html", CourierPage(1));
  Write(dir / "in/broken.html", Bytes(kBinary));
  Write(dir / "in/c.html", CourierPage(2));
  const Outcome r = Parallax(dir, {"extract", "--text-dir", dir / "out", dir / "in"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(dir / "in/broken.html"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("binary"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("a.html"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::exists(dir / "out/a.txt"));
  EXPECT_TRUE(fs::exists(dir / "out/c.txt"));
  EXPECT_FALSE(fs::exists(dir / "out/broken.txt"));
}

TEST(ExtractCli, PageWithoutArticleTextAndMissingFileAreFailures) {
  ScratchDir dir;
  Write(dir / "menu.html", "<html><body><nav><a href=\"/\">Home</a></nav></body></html>");
  Write(dir / "page.html", CourierPage());
  const Outcome r = Parallax(dir, {"extract", "--json", dir / "menu.html", dir / "missing.html",
                               dir / "page.html"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(dir / "menu.html"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("no article text"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(dir / "missing.html"), std::string::npos) << r.err;
  const std::vector<json> lines = JsonLines(r.out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].at("name"), "page");
}

TEST(ExtractCli, TwoInputsWithOneNameDoNotOverwriteEachOther) {
  ScratchDir dir;
  Write(dir / "a/story.html", CourierPage(1));
  WriteGzip(dir / "b/story.html.gz", CourierPage(2));
  const Outcome r = Parallax(dir, {"extract", "--text-dir", dir / "out", dir / "a", dir / "b"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(dir / "b/story.html.gz"), std::string::npos) << r.err;
  EXPECT_NE(ReadFile(dir / "out/story.txt").find("(update 1)"), std::string::npos);
}

TEST(ExtractCli, UnwritableOutputExitsWithFour) {
  ScratchDir dir;
  Write(dir / "page.html", CourierPage());
  Write(dir / "taken", "a file where the directory should go");
  Outcome r = Parallax(dir, {"extract", "--text-dir", dir / "taken", dir / "page.html"});
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_NE(r.err.find(dir / "taken"), std::string::npos) << r.err;
  r = Parallax(dir, {"extract", "--json", dir / "page.html"}, "/dev/null", "/dev/full");
  EXPECT_EQ(r.exit_code, 4) << r.err;
}

TEST(ExtractCli, TextDirReplacesALinkInsteadOfWritingThroughIt) {
  ScratchDir dir;
  Write(dir / "page.html", CourierPage());
  Write(dir / "precious.txt", "not to be overwritten");
  fs::create_directories(dir / "out");
  fs::create_symlink(dir / "precious.txt", dir / "out/page.txt");
  const Outcome r = Parallax(dir, {"extract", "--text-dir", dir / "out", dir / "page.html"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadFile(dir / "precious.txt"), "not to be overwritten");
  EXPECT_FALSE(fs::is_symlink(dir / "out/page.txt"));
  EXPECT_NE(ReadFile(dir / "out/page.txt").find("harbour authority"), std::string::npos);
}

TEST(ExtractCli, AFailedWriteLeavesNoEmptyOrCutFile) {
  ScratchDir dir;
  // Over 1 KiB of text, the smallest limit ulimit sets.
  std::string page = "<html><body><article>";
  for (int i = 0; i < 12; ++i) {
    page += "<p>On day " + std::to_string(i) +
            " of the storm the harbour authority kept the evening ferry to Skelda in port, and the "
            "passengers waited in the terminal with hot drinks and blankets.</p>";
  }
  Write(dir / "page.html", page + "</article></body></html>");
  fs::create_directories(dir / "out");
  Write(dir / "out/page.txt", "the text of an earlier run");
  // Under a 1 KiB file size limit every text file fails to be written
  // (EFBIG), as on a full disk: the earlier file stays whole, no partial
  // or empty file and no temporary file is left.
  const std::string command = "ulimit -f 1; " + testing::ShellQuote(PARALLAX_BINARY) + " extract --text-dir " +
                              testing::ShellQuote(dir / "out") + " " + testing::ShellQuote(dir / "page.html") +
                              " >/dev/null 2>" + testing::ShellQuote(dir / "err.txt");
  const int status = std::system(("bash -c " + testing::ShellQuote(command)).c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 4) << ReadFile(dir / "err.txt");
  EXPECT_NE(ReadFile(dir / "err.txt").find("cannot write"), std::string::npos) << ReadFile(dir / "err.txt");
  EXPECT_EQ(ReadFile(dir / "out/page.txt"), "the text of an earlier run");
  size_t files = 0;
  for (const auto& entry : fs::directory_iterator(dir / "out")) {
    ++files;
    EXPECT_EQ(entry.path().filename(), "page.txt") << "left behind: " << entry.path();
  }
  EXPECT_EQ(files, 1u);
}

TEST(ExtractCli, UsageErrorsExitWithTwo) {
  ScratchDir dir;
  Write(dir / "page.html", CourierPage());
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"extract"},
           {"extract", "--jobs", "two", dir / "page.html"},
           {"extract", "--jobs", "-1", dir / "page.html"},
           {"extract", "--jobs"},
           {"extract", "--text-dir"},
           {"extract", "--max-bytes", "0", dir / "page.html"},
           {"extract", "--xml", dir / "page.html"}}) {
    const Outcome r = Parallax(dir, args);
    EXPECT_EQ(r.exit_code, 2) << args.back() << ": " << r.err;
    EXPECT_FALSE(r.err.empty()) << args.back();
    EXPECT_EQ(r.out, "");
  }
}

TEST(ExtractCli, MaxBytesRefusesALargerPage) {
  ScratchDir dir;
  Write(dir / "page.html", CourierPage());
  const Outcome r = Parallax(dir, {"extract", "--max-bytes", "100", dir / "page.html"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("too large"), std::string::npos) << r.err;
}

TEST(ExtractCli, HelpTeachesTheFieldsAndTheEvaluationUse) {
  ScratchDir dir;
  const Outcome r = Parallax(dir, {"extract", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* expected : {"Usage:", "--text-dir DIR", "--jobs N", "published_source",
                               "captions", "parallax extract --text-dir out/ pages/",
                               "Exit codes:"}) {
    EXPECT_NE(r.out.find(expected), std::string::npos) << expected;
  }
  const Outcome via_help = Parallax(dir, {"help", "extract"});
  EXPECT_EQ(via_help.exit_code, 0);
  EXPECT_EQ(via_help.out, r.out);
  const Outcome top = Parallax(dir, {"--help"});
  EXPECT_NE(top.out.find("parallax extract"), std::string::npos) << top.out;
}

}  // namespace
}  // namespace parallax
