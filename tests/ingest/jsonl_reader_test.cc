// ReadJsonLines: a plain file is mapped and parsed in place, a gzip file is
// streamed in chunks; both must hand over the same records and the same
// errors, with the same line numbers, wherever the lines fall.
#include <gtest/gtest.h>
#include <zlib.h>

#include <string>
#include <vector>

#include "parallax/ingest.h"
#include "support/compress.h"
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

// A gzip file cut short: at a line boundary, or only its 8-byte trailer
// (CRC and length) missing. gzread ends quietly on both; they must be
// errors, with the records before the cut delivered.
std::string Gzipped(const std::string& bytes) {
  TempDir dir;
  WriteGzip(dir / "x.gz", bytes);
  return testing::ReadFile(dir / "x.gz");
}

TEST(JsonLinesReaderTest, TruncatedGzipIsAnErrorAfterTheRecordsBeforeIt) {
  TempDir dir;
  std::string lines;
  for (int i = 0; i < 400; ++i) lines += "{\"id\": \"d" + std::to_string(i) + "\", \"text\": \"words " + std::to_string(i) + "\"}\n";
  const std::string whole = Gzipped(lines);
  testing::WriteFile(dir / "no-trailer.jsonl.gz", whole.substr(0, whole.size() - 8));
  const Read no_trailer = ReadAll(dir / "no-trailer.jsonl.gz");
  EXPECT_FALSE(no_trailer.status.ok());
  EXPECT_NE(no_trailer.status.message().find("unexpected end of file"), std::string::npos) << no_trailer.status.ToString();
  EXPECT_EQ(no_trailer.records.size(), 400u) << "every line was whole";

  // Cut the stream itself at a line boundary: compress the first half of
  // the lines as a stream that never ends.
  const std::string first = lines.substr(0, lines.find("{\"id\": \"d200\""));
  const std::string out = testing::Deflate(first, 16 + MAX_WBITS, /*finish=*/false);  // flushed, never finished
  testing::WriteFile(dir / "cut.jsonl.gz", out);
  const Read cut = ReadAll(dir / "cut.jsonl.gz");
  EXPECT_FALSE(cut.status.ok());
  EXPECT_NE(cut.status.message().find("after line 200"), std::string::npos) << cut.status.ToString();
  ASSERT_EQ(cut.records.size(), 200u);
  EXPECT_EQ(cut.records.back(), "200:d199:words 199");

  // Whole, the same bytes read without complaint.
  testing::WriteFile(dir / "whole.jsonl.gz", whole);
  EXPECT_TRUE(ReadAll(dir / "whole.jsonl.gz").status.ok());
}

TEST(JsonLinesReaderTest, AByteOrderMarkBeforeTheFirstLineIsSkipped) {
  TempDir dir;
  const std::string bytes = "\xEF\xBB\xBF{\"id\": \"a\", \"text\": \"first\"}\n{\"id\": \"b\", \"text\": \"second\"}\n";
  testing::WriteFile(dir / "bom.jsonl", bytes);
  WriteGzip(dir / "bom.jsonl.gz", bytes);
  for (const char* name : {"bom.jsonl", "bom.jsonl.gz"}) {
    const Read read = ReadAll(dir / name);
    EXPECT_TRUE(read.errors.empty()) << name << ": " << read.errors.front();
    EXPECT_EQ(read.records, (std::vector<std::string>{"1:a:first", "2:b:second"})) << name;
  }
  // Only at the very start: a mark on a later line is not JSON.
  testing::WriteFile(dir / "late.jsonl", "{\"id\": \"a\", \"text\": \"x\"}\n\xEF\xBB\xBF{\"id\": \"b\", \"text\": \"y\"}\n");
  EXPECT_EQ(ReadAll(dir / "late.jsonl").errors.size(), 1u);
}

JsonRecord Parse(const std::string& line) {
  JsonRecord record;
  std::string reason;
  EXPECT_TRUE(ParseJsonRecord(line, record, reason)) << line << ": " << reason;
  return record;
}

TEST(JsonRecordTest, APublishedNumberIsUnixTime) {
  EXPECT_EQ(Parse(R"({"id": "a", "text": "t", "published": 1710405720})").published, "2024-03-14T08:42:00Z");
  EXPECT_EQ(Parse(R"({"id": "a", "text": "t", "published": 1710405720123})").published, "2024-03-14T08:42:00Z")
      << "milliseconds";
  EXPECT_EQ(Parse(R"({"id": "a", "text": "t", "published": 1710405720.9})").published, "2024-03-14T08:42:00Z");
  EXPECT_EQ(Parse(R"({"id": "a", "text": "t", "published": 0})").published, "1970-01-01T00:00:00Z");
  EXPECT_TRUE(Parse(R"({"id": "a", "text": "t", "published": 1710405720})").note.empty());
  const JsonRecord far = Parse(R"({"id": "a", "text": "t", "published": 1e300})");
  EXPECT_EQ(far.published, "");
  EXPECT_NE(far.note.find("\"published\" 1e300 is not a Unix time"), std::string::npos) << far.note;
}

TEST(JsonRecordTest, AFieldOfAnotherTypeIsNamedNotSilentlyDropped) {
  const JsonRecord r = Parse(R"({"id": "a", "text": "t", "published": true, "title": {"x": 1}, "outlet": null})");
  EXPECT_EQ(r.published, "");
  EXPECT_EQ(r.title, "");
  EXPECT_NE(r.note.find("\"published\" is a boolean, not a string; ignored"), std::string::npos) << r.note;
  EXPECT_NE(r.note.find("\"title\" is an object"), std::string::npos) << r.note;
  EXPECT_EQ(r.note.find("outlet"), std::string::npos) << "null means absent: " << r.note;
  EXPECT_TRUE(Parse(R"({"id": "a", "text": "t", "published": "2024-03-14"})").note.empty());
}

}  // namespace
}  // namespace parallax
