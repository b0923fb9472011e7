// ReadJsonLines: a plain file is mapped and parsed in place, a gzip file is
// streamed in chunks; both must hand over the same records and the same
// errors, with the same line numbers, wherever the lines fall.
#include <gtest/gtest.h>
#include <zlib.h>

#include <string>
#include <vector>

#include "parallax/ingest.h"
#include "support/run_parallax.h"

namespace parallax {
namespace {

using testing::TempDir;

struct Read {
  std::vector<std::string> records;  // "line:id:text"
  std::vector<std::string> errors;   // "line:reason"
  Status status;
};

Read ReadAll(const std::string& path) {
  Read read;
  read.status = ReadJsonLines(
      path,
      [&](JsonRecord&& r) {
        read.records.push_back(std::to_string(r.line) + ":" + r.id + ":" + r.text);
      },
      [&](uint64_t line, const std::string& reason) {
        read.errors.push_back(std::to_string(line) + ":" + reason);
      });
  return read;
}

void WriteGzip(const std::string& path, const std::string& bytes) {
  gzFile out = gzopen(path.c_str(), "wb");
  ASSERT_NE(out, nullptr);
  ASSERT_EQ(gzwrite(out, bytes.data(), static_cast<unsigned>(bytes.size())),
            static_cast<int>(bytes.size()));
  gzclose(out);
}

// Lines of growing length, so that some straddle every 1 MiB chunk boundary
// of the streaming reader; blank lines, CRLF ends, a broken line, and a last
// line without its newline.
std::string ManyLines() {
  std::string all;
  for (int i = 0; i < 3000; ++i) {
    if (i % 500 == 7) all += "\n";             // blank: skipped, but counted
    if (i % 700 == 3) all += "{\"id\": 12\n";  // broken: reported
    std::string text(static_cast<size_t>(i % 1900) + 1, static_cast<char>('a' + i % 26));
    all += "{\"id\": \"d" + std::to_string(i) + "\", \"text\": \"" + text + "\"}";
    all += (i % 3 == 0) ? "\r\n" : "\n";
  }
  all += "{\"id\": \"last\", \"text\": \"no newline after me\"}";
  return all;
}

TEST(JsonLinesReaderTest, PlainAndGzipFilesGiveTheSameRecordsAndErrors) {
  TempDir dir;
  const std::string bytes = ManyLines();
  ASSERT_GT(bytes.size(), size_t{2} << 20);  // more than two chunks
  testing::WriteFile(dir / "a.jsonl", bytes);
  WriteGzip(dir / "a.jsonl.gz", bytes);

  const Read plain = ReadAll(dir / "a.jsonl");
  const Read gzip = ReadAll(dir / "a.jsonl.gz");
  ASSERT_TRUE(plain.status.ok()) << plain.status.ToString();
  ASSERT_TRUE(gzip.status.ok()) << gzip.status.ToString();
  ASSERT_EQ(plain.records.size(), 3001u);
  EXPECT_EQ(plain.records, gzip.records);
  EXPECT_EQ(plain.errors, gzip.errors);
  // Line numbers count the blank and broken lines too.
  EXPECT_EQ(plain.records.front(), "1:d0:a");
  EXPECT_EQ(plain.records.back(), "3012:last:no newline after me");
  ASSERT_EQ(plain.errors.size(), 5u);
  EXPECT_EQ(plain.errors.front().substr(0, 2), "4:");
}

TEST(JsonLinesReaderTest, EmptyAndMissingFiles) {
  TempDir dir;
  testing::WriteFile(dir / "empty.jsonl", "");
  const Read empty = ReadAll(dir / "empty.jsonl");
  EXPECT_TRUE(empty.status.ok());
  EXPECT_TRUE(empty.records.empty());
  EXPECT_TRUE(empty.errors.empty());

  const Read missing = ReadAll(dir / "nothing-here.jsonl");
  EXPECT_FALSE(missing.status.ok());
  EXPECT_NE(missing.status.ToString().find("no such file"), std::string::npos)
      << missing.status.ToString();
}

}  // namespace
}  // namespace parallax
