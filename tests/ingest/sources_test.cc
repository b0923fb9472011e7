// ListIngestSources: JSON lines and pages told apart, directories walked in
// name order, and what counts as a failure.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "parallax/ingest.h"
#include "support/run_parallax.h"

namespace parallax {
namespace {

using testing::TempDir;
using testing::WriteFile;

std::vector<std::string> Describe(const IngestSources& listed, const std::string& root) {
  std::vector<std::string> out;
  for (const IngestSource& s : listed.sources) {
    std::string path = s.path.rfind(root, 0) == 0 ? s.path.substr(root.size()) : s.path;
    out.push_back(path + (s.json_lines ? " jsonl" : " page"));
  }
  return out;
}

TEST(IngestSources, JsonLinesAndPagesOfADirectoryInNameOrder) {
  TempDir dir;
  std::filesystem::create_directories(dir / "mixed/day2");
  WriteFile(dir / "mixed/b.html", "<p>x</p>");
  WriteFile(dir / "mixed/a.jsonl", "{}\n");
  WriteFile(dir / "mixed/day2/c.ndjson.gz", "");
  WriteFile(dir / "mixed/notes.pdf", "%PDF");
  const IngestSources listed = ListIngestSources({dir / "mixed", "-", dir / "one.txt"});
  EXPECT_TRUE(listed.failures.empty());
  EXPECT_EQ(Describe(listed, dir.path()),
            (std::vector<std::string>{"/mixed/a.jsonl jsonl", "/mixed/b.html page", "/mixed/day2/c.ndjson.gz jsonl",
                                      "- jsonl", "/one.txt page"}));
}

TEST(IngestSources, ADirectoryWithNothingUsableIsAFailure) {
  TempDir dir;
  std::filesystem::create_directories(dir / "empty");
  std::filesystem::create_directories(dir / "feeds");
  WriteFile(dir / "feeds/x.jsonl", "{}\n");
  const IngestSources listed = ListIngestSources({dir / "empty", dir / "feeds"});
  ASSERT_EQ(listed.failures.size(), 1u) << "JSON lines alone are enough";
  EXPECT_EQ(listed.failures[0].source, dir / "empty");
  EXPECT_TRUE(IsJsonLinesPath("a.jsonl.gz"));
  EXPECT_FALSE(IsJsonLinesPath("a.json"));
}

}  // namespace
}  // namespace parallax
