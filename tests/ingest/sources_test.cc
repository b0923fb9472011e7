// The source interface: which kind reads a locator (one table), and what the
// file, directory and JSON lines kinds yield.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "parallax/ingest.h"
#include "parallax/source.h"
#include "support/run_parallax.h"

namespace parallax {
namespace {

using testing::TempDir;
using testing::WriteFile;

// Every item of a source as "SOURCE ok|note|fail: ...", paths relative to `root`.
std::vector<std::string> Drain(DocumentSource& source, const std::string& root) {
  std::vector<std::string> out;
  SourceItem item;
  while (source.Next(item)) {
    std::string where = item.document.source;
    if (where.rfind(root, 0) == 0) where = where.substr(root.size());
    if (!item.status.ok()) {
      out.push_back(where + (item.part ? " part: " : " fail: ") + item.status.message());
    } else {
      out.push_back(where + " ok");
    }
    if (!item.note.empty()) out.back() += " [" + item.note + "]";
  }
  return out;
}

TEST(Sources, OneTableChoosesTheKind) {
  TempDir dir;
  EXPECT_EQ(SourceKindName("crawl.warc.gz"), "warc");
  EXPECT_EQ(SourceKindName("CRAWL.WARC"), "warc");
  EXPECT_EQ(SourceKindName("feed.jsonl"), "jsonl");
  EXPECT_EQ(SourceKindName("feed.ndjson.gz"), "jsonl");
  EXPECT_EQ(SourceKindName("-"), "jsonl");
  EXPECT_EQ(SourceKindName(dir.path()), "directory");
  EXPECT_EQ(SourceKindName("story.html.gz"), "file");
  EXPECT_EQ(SourceKindName("notes.pdf"), "file");
  EXPECT_TRUE(IsJsonLinesPath("a.jsonl.gz"));
  EXPECT_FALSE(IsJsonLinesPath("a.json"));
}

TEST(Sources, ADirectoryYieldsEveryKindInNameOrder) {
  TempDir dir;
  std::filesystem::create_directories(dir / "mixed/day2");
  std::filesystem::create_directories(dir / "mixed/.git");
  WriteFile(dir / "mixed/b.html", "<p>The harbour opened.</p>");
  WriteFile(dir / "mixed/a.jsonl",
            "{\"id\": \"c-1\", \"text\": \"Ferry back.\", \"outlet\": \"Emberly Courier\"}\nnot json\n");
  WriteFile(dir / "mixed/day2/c.txt", "Storm over the strait.");
  WriteFile(dir / "mixed/day2/d.warc", "");  // an empty archive: nothing
  WriteFile(dir / "mixed/notes.pdf", "%PDF");
  WriteFile(dir / "mixed/.git/e.html", "<p>hidden</p>");
  const std::unique_ptr<DocumentSource> source = OpenSource(dir / "mixed", {});
  EXPECT_EQ(Drain(*source, dir.path()),
            (std::vector<std::string>{"/mixed/a.jsonl:1 ok", "/mixed/a.jsonl:2 part: not a JSON object",
                                      "/mixed/b.html ok", "/mixed/day2/c.txt ok"}));
}

TEST(Sources, ADirectoryWithNothingUsableIsAFailure) {
  TempDir dir;
  std::filesystem::create_directories(dir / "empty");
  WriteFile(dir / "empty/notes.pdf", "%PDF");
  const std::vector<std::string> items = Drain(*OpenSource(dir / "empty", {}), dir.path());
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].rfind("/empty fail: directory holds no", 0), 0u) << items[0];
}

TEST(Sources, JsonLinesRecordsAreArticleTexts) {
  TempDir dir;
  WriteFile(dir / "f.jsonl",
            "{\"id\": 7, \"text\": \"Line one.\\nLine two.\", \"title\": \"Ferry\", \"outlet\": \"Emberly Courier\","
            " \"url\": \"https://courier.example/a\", \"published\": \"2024-03-05\"}\n"
            "{\"id\": \"blank\", \"text\": \"  \", \"title\": 3}\n"
            "{\"id\": \"x\", \"title\": \"Headline only\", \"published\": true}\n");
  const std::unique_ptr<DocumentSource> source = OpenSource(dir / "f.jsonl", {});
  SourceItem item;
  ASSERT_TRUE(source->Next(item));
  ASSERT_TRUE(item.status.ok());
  const RawDocument& doc = item.document;
  EXPECT_EQ(doc.source, dir / "f.jsonl:1");
  EXPECT_EQ(doc.media_type, MediaType::kArticleText);
  EXPECT_EQ(doc.bytes, "Line one.\nLine two.");
  EXPECT_EQ(doc.id, "7");
  EXPECT_EQ(doc.title, "Ferry");
  EXPECT_EQ(doc.outlet_hint, "Emberly Courier");
  EXPECT_EQ(doc.url, "https://courier.example/a");
  EXPECT_EQ(doc.published, "2024-03-05");
  ASSERT_TRUE(source->Next(item));
  EXPECT_FALSE(item.status.ok());
  EXPECT_TRUE(item.part);
  EXPECT_EQ(item.status.message(), "no text and no title");
  EXPECT_NE(item.note.find("\"title\" is a number"), std::string::npos) << item.note;
  ASSERT_TRUE(source->Next(item));
  EXPECT_TRUE(item.status.ok());
  EXPECT_EQ(item.document.title, "Headline only");
  EXPECT_NE(item.note.find("\"published\""), std::string::npos) << item.note;
  EXPECT_FALSE(source->Next(item));
}

TEST(Sources, MissingInputsAreOneFailureEach) {
  TempDir dir;
  for (const std::string name : {"gone.jsonl", "gone.html", "gone.warc.gz"}) {
    const std::vector<std::string> items = Drain(*OpenSource(dir / name, {}), dir.path());
    ASSERT_EQ(items.size(), 1u) << name;
    EXPECT_EQ(items[0], "/" + name + " fail: no such file");
  }
  const std::vector<std::string> failed = Drain(*FailedSource("x", Status::IoError("refused")), "");
  EXPECT_EQ(failed, (std::vector<std::string>{"x fail: refused"}));
}

TEST(Sources, AFileTooLargeIsAFailure) {
  TempDir dir;
  WriteFile(dir / "big.txt", std::string(2000, 'a'));
  SourceOptions options;
  options.max_bytes = 1000;
  SourceItem item;
  ASSERT_TRUE(OpenSource(dir / "big.txt", options)->Next(item));
  EXPECT_EQ(item.status.code(), Status::Code::kTooLarge);
  EXPECT_FALSE(item.part);
}

// A source of `n` numbered documents of `size` bytes each, counting reads.
class Counting : public DocumentSource {
 public:
  Counting(int n, size_t size, int* reads) : n_(n), size_(size), reads_(reads) {}
  bool Next(SourceItem& item) override {
    if (*reads_ == n_) return false;
    item = SourceItem();
    item.document.source = std::to_string((*reads_)++);
    item.document.bytes.assign(size_, 'x');
    return true;
  }

 private:
  int n_;
  size_t size_;
  int* reads_;
};

TEST(Sources, ReadAheadKeepsTheOrderAndItsBounds) {
  int reads = 0;
  {
    const std::unique_ptr<DocumentSource> ahead = ReadAhead(std::make_unique<Counting>(1000, 10, &reads), 8);
    SourceItem item;
    for (int i = 0; i < 1000; ++i) {
      ASSERT_TRUE(ahead->Next(item));
      EXPECT_EQ(item.document.source, std::to_string(i));
    }
    EXPECT_FALSE(ahead->Next(item));
    EXPECT_FALSE(ahead->Next(item));
  }
  EXPECT_EQ(reads, 1000);
  // Left early: the reader stops within its bounds (8 items, or 100 bytes
  // = 4 documents), give or take the one consumed and one read meanwhile.
  for (const auto& [items, bytes] : {std::pair<size_t, size_t>{8, 1 << 20}, {1000, 100}}) {
    reads = 0;
    {
      const std::unique_ptr<DocumentSource> ahead =
          ReadAhead(std::make_unique<Counting>(1000, 25, &reads), items, bytes);
      SourceItem item;
      ASSERT_TRUE(ahead->Next(item));
    }
    EXPECT_LE(reads, 1 + 8 + 1) << items << " " << bytes;
    EXPECT_GE(reads, 1);
  }
}

}  // namespace
}  // namespace parallax
