// Tests of the ingest stage on files made in a fresh temporary directory.
// Reading stdin ("-") is not tested here: doing it honestly needs a child
// process with its own standard input, which is the CLI's business.
#include "parallax/ingest.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/compress.h"
#include "support/run_parallax.h"

namespace parallax {
namespace {

namespace fs = std::filesystem;

using testing::Gzip;
using testing::TempDir;
using testing::WriteFile;

std::vector<std::string> Sources(const LoadedInputs& loaded) {
  std::vector<std::string> sources;
  for (const RawDocument& doc : loaded.documents) sources.push_back(doc.source);
  return sources;
}

constexpr char kHtmlPage[] = "<!DOCTYPE html><html><body><p>Harbour strike.</p></body></html>";

// --- Status ---------------------------------------------------------------

TEST(StatusTest, ToStringNamesTheCode) {
  EXPECT_EQ(Status::Ok().ToString(), "ok");
  EXPECT_EQ(Status::NotFound("no such file").ToString(), "not found: no such file");
  EXPECT_EQ(Status::IoError("disk").ToString(), "I/O error: disk");
  EXPECT_EQ(Status::TooLarge("").ToString(), "too large");
}

TEST(StatusTest, CodeNames) {
  using Code = Status::Code;
  EXPECT_STREQ(Status::CodeName(Code::kOk), "ok");
  EXPECT_STREQ(Status::CodeName(Code::kNotFound), "not found");
  EXPECT_STREQ(Status::CodeName(Code::kInvalidInput), "invalid input");
  EXPECT_STREQ(Status::CodeName(Code::kEmpty), "empty");
  EXPECT_STREQ(Status::CodeName(Code::kTooLarge), "too large");
  EXPECT_STREQ(Status::CodeName(Code::kIoError), "I/O error");
  EXPECT_STREQ(Status::CodeName(Code::kUsage), "usage");
  EXPECT_STREQ(Status::CodeName(Code::kRefused), "refused");
}

// --- Reading single files -------------------------------------------------

TEST(LoadFileTest, ReadsTextFile) {
  TempDir dir;
  const std::string path = dir / "report.txt";
  WriteFile(path, "First paragraph.\n\nSecond one.\n");
  Result<RawDocument> doc = LoadFile(path, {});
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->source, path);
  EXPECT_EQ(doc->name, "report");
  EXPECT_EQ(doc->bytes, "First paragraph.\n\nSecond one.\n");
  EXPECT_EQ(doc->media_type, MediaType::kText);
  EXPECT_EQ(doc->outlet_hint, "");
}

TEST(LoadFileTest, ReadsHtmlFile) {
  TempDir dir;
  const std::string path = dir / "page.htm";
  WriteFile(path, kHtmlPage);
  Result<RawDocument> doc = LoadFile(path, {});
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->name, "page");
  EXPECT_EQ(doc->bytes, kHtmlPage);
  EXPECT_EQ(doc->media_type, MediaType::kHtml);
}

TEST(LoadFileTest, GunzipsBySuffix) {
  TempDir dir;
  const std::string path = dir / "story.html.gz";
  WriteFile(path, Gzip(kHtmlPage));
  Result<RawDocument> doc = LoadFile(path, {});
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->name, "story");
  EXPECT_EQ(doc->bytes, kHtmlPage);
  EXPECT_EQ(doc->media_type, MediaType::kHtml);
}

TEST(LoadFileTest, GunzipsByMagicNumberAndSniffsContent) {
  TempDir dir;
  const std::string path = dir / "download";
  WriteFile(path, Gzip(kHtmlPage));
  Result<RawDocument> doc = LoadFile(path, {});
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->bytes, kHtmlPage);
  EXPECT_EQ(doc->media_type, MediaType::kHtml);
}

TEST(LoadFileTest, GunzipsConcatenatedMembers) {
  TempDir dir;
  const std::string path = dir / "joined.txt.gz";
  WriteFile(path, Gzip("first half, ") + Gzip("second half"));
  Result<RawDocument> doc = LoadFile(path, {});
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->bytes, "first half, second half");
  EXPECT_EQ(doc->media_type, MediaType::kText);
}

TEST(LoadFileTest, DoesNotValidateUtf8) {
  TempDir dir;
  const std::string path = dir / "latin1.txt";
  const std::string bytes = "Caf\xE9 \xFF\xFE ok";
  WriteFile(path, bytes);
  Result<RawDocument> doc = LoadFile(path, {});
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->bytes, bytes);
}

TEST(LoadFileTest, MissingFileIsNotFound) {
  TempDir dir;
  Result<RawDocument> doc = LoadFile(dir / "absent.txt", {});
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), Status::Code::kNotFound);
  EXPECT_EQ(doc.status().message(), "no such file");

  Result<RawDocument> nested = LoadFile(dir / "absent/inner.txt", {});
  EXPECT_EQ(nested.status().code(), Status::Code::kNotFound);
}

TEST(LoadFileTest, UnreadableFileIsIoErrorWithReason) {
  // A symlink loop cannot be opened even by root, unlike a chmod 000 file.
  TempDir dir;
  const std::string a = dir / "a.txt";
  const std::string b = dir / "b.txt";
  ASSERT_EQ(::symlink(b.c_str(), a.c_str()), 0);
  ASSERT_EQ(::symlink(a.c_str(), b.c_str()), 0);
  Result<RawDocument> doc = LoadFile(a, {});
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), Status::Code::kIoError);
  EXPECT_NE(doc.status().message().find("symbolic links"), std::string::npos)
      << doc.status().message();
}

TEST(LoadFileTest, DirectoryIsNotAFile) {
  TempDir dir;
  Result<RawDocument> doc = LoadFile(dir.path(), {});
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), Status::Code::kInvalidInput);
}

TEST(LoadFileTest, EmptyAndBlankFilesAreEmpty) {
  TempDir dir;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"zero.txt", ""},
      {"blank.txt", " \n\t\r\n  \n"},
      {"bom.txt", "\xEF\xBB\xBF\n  \n"},
      {"blank.html.gz", Gzip("\n\n   \n")},
      {"nothing.txt.gz", Gzip("")},
  };
  for (const auto& [name, bytes] : cases) {
    WriteFile(dir / name, bytes);
    Result<RawDocument> doc = LoadFile(dir / name, {});
    ASSERT_FALSE(doc.ok()) << name;
    EXPECT_EQ(doc.status().code(), Status::Code::kEmpty) << name;
    EXPECT_EQ(doc.status().message(), "empty file") << name;
  }
}

// --- Size limits ----------------------------------------------------------

TEST(LoadFileTest, OversizeFileIsTooLarge) {
  TempDir dir;
  const std::string path = dir / "long.txt";
  WriteFile(path, std::string(2000, 'x'));
  LoadOptions options;
  options.max_bytes = 1000;
  Result<RawDocument> doc = LoadFile(path, options);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), Status::Code::kTooLarge);
  EXPECT_NE(doc.status().message().find("1000 bytes"), std::string::npos) << doc.status().message();
}

TEST(LoadFileTest, FileExactlyAtLimitIsRead) {
  TempDir dir;
  const std::string path = dir / "full.txt";
  WriteFile(path, std::string(1000, 'x'));
  LoadOptions options;
  options.max_bytes = 1000;
  Result<RawDocument> doc = LoadFile(path, options);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->bytes.size(), 1000u);
}

TEST(LoadFileTest, HugeFileIsRefusedFromItsSize) {
  // A sparse 4 GiB file: the message quotes its exact size, which only
  // stat() knows, so the refusal came before reading.
  TempDir dir;
  const std::string path = dir / "huge.txt";
  WriteFile(path, "");
  ASSERT_EQ(::truncate(path.c_str(), off_t{4} << 30), 0);
  Result<RawDocument> doc = LoadFile(path, {});
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), Status::Code::kTooLarge);
  EXPECT_NE(doc.status().message().find("4294967296 bytes"), std::string::npos)
      << doc.status().message();
}

TEST(LoadFileTest, GzipBombStopsAtTheLimit) {
  TempDir dir;
  const std::string path = dir / "bomb.txt.gz";
  const std::string bomb = Gzip(std::string(size_t{10} << 20, '\0'));
  ASSERT_LT(bomb.size(), size_t{100} << 10);  // really a bomb: tiny on disk
  WriteFile(path, bomb);
  LoadOptions options;
  options.max_bytes = size_t{1} << 20;
  Result<RawDocument> doc = LoadFile(path, options);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), Status::Code::kTooLarge);
  EXPECT_NE(doc.status().message().find("1048576"), std::string::npos) << doc.status().message();
}

TEST(LoadFileTest, GzipWithinTheLimitIsRead) {
  TempDir dir;
  const std::string path = dir / "fits.txt.gz";
  WriteFile(path, Gzip(std::string(size_t{1} << 20, 'a')));
  LoadOptions options;
  options.max_bytes = size_t{1} << 20;
  Result<RawDocument> doc = LoadFile(path, options);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->bytes.size(), size_t{1} << 20);
}

// --- Corrupt gzip ---------------------------------------------------------

void ExpectCorruptGzip(const std::string& path) {
  Result<RawDocument> doc = LoadFile(path, {});
  ASSERT_FALSE(doc.ok()) << path;
  EXPECT_EQ(doc.status().code(), Status::Code::kInvalidInput) << path;
  EXPECT_EQ(doc.status().message().rfind("corrupt gzip data: ", 0), 0u) << doc.status().message();
}

TEST(LoadFileTest, CorruptGzipIsInvalidInput) {
  TempDir dir;
  const std::string good = Gzip("A paragraph long enough to compress into several bytes of data.");

  std::string garbage = "\x1f\x8b";
  garbage += "this is not deflate data at all";
  WriteFile(dir / "garbage", garbage);
  ExpectCorruptGzip(dir / "garbage");

  WriteFile(dir / "truncated.txt.gz", good.substr(0, good.size() / 2));
  ExpectCorruptGzip(dir / "truncated.txt.gz");

  std::string bad_crc = good;
  bad_crc[bad_crc.size() - 6] ^= 0x55;  // inside the CRC-32 trailer
  WriteFile(dir / "bad_crc.txt.gz", bad_crc);
  ExpectCorruptGzip(dir / "bad_crc.txt.gz");

  WriteFile(dir / "plain.txt.gz", "named .gz but plain text");
  ExpectCorruptGzip(dir / "plain.txt.gz");
}

// --- Directories and LoadInputs -------------------------------------------

TEST(LoadInputsTest, DirectoryExpandsSortedAndRecursively) {
  TempDir dir;
  fs::create_directory(dir / "sub");
  WriteFile(dir / "b.txt", "b");
  WriteFile(dir / "a.html", kHtmlPage);
  WriteFile(dir / "c.htm.gz", Gzip(kHtmlPage));
  WriteFile(dir / "D.TXT", "upper case suffix");
  WriteFile(dir / "notes.md", "skipped: not a document suffix");
  WriteFile(dir / "image.png.gz", Gzip("skipped"));
  WriteFile(dir / ".hidden.txt", "skipped: hidden");
  WriteFile(dir / "sub/inner.txt", "inner");
  WriteFile(dir / "z.txt", "z");

  LoadedInputs loaded = LoadInputs({dir.path()}, {});
  EXPECT_TRUE(loaded.failures.empty());
  const std::vector<std::string> expected = {dir / "D.TXT",         dir / "a.html",
                                             dir / "b.txt",         dir / "c.htm.gz",
                                             dir / "sub/inner.txt", dir / "z.txt"};
  EXPECT_EQ(Sources(loaded), expected);
  ASSERT_EQ(loaded.documents.size(), expected.size());
  EXPECT_EQ(loaded.documents[3].name, "c");
  EXPECT_EQ(loaded.documents[3].bytes, kHtmlPage);
  EXPECT_EQ(loaded.documents[3].media_type, MediaType::kHtml);
}

TEST(LoadInputsTest, KeepsCommandLineOrder) {
  TempDir dir;
  fs::create_directory(dir / "pages");
  WriteFile(dir / "pages/2.txt", "two");
  WriteFile(dir / "pages/1.txt", "one");
  WriteFile(dir / "z.txt", "z");
  WriteFile(dir / "a.txt", "a");
  LoadedInputs loaded = LoadInputs({dir / "z.txt", dir / "pages", dir / "a.txt"}, {});
  EXPECT_TRUE(loaded.failures.empty());
  const std::vector<std::string> expected = {dir / "z.txt", dir / "pages/1.txt",
                                             dir / "pages/2.txt", dir / "a.txt"};
  EXPECT_EQ(Sources(loaded), expected);
}

TEST(LoadInputsTest, FailuresDoNotStopTheOthers) {
  TempDir dir;
  WriteFile(dir / "good.txt", "good");
  WriteFile(dir / "empty.txt", "");
  LoadedInputs loaded = LoadInputs({dir / "missing.txt", dir / "good.txt", dir / "empty.txt"}, {});
  EXPECT_EQ(Sources(loaded), std::vector<std::string>{dir / "good.txt"});
  ASSERT_EQ(loaded.failures.size(), 2u);
  EXPECT_EQ(loaded.failures[0].source, dir / "missing.txt");
  EXPECT_EQ(loaded.failures[0].status.code(), Status::Code::kNotFound);
  EXPECT_EQ(loaded.failures[1].source, dir / "empty.txt");
  EXPECT_EQ(loaded.failures[1].status.code(), Status::Code::kEmpty);
}

TEST(LoadInputsTest, DirectoryWithoutDocumentsIsAFailure) {
  TempDir dir;
  fs::create_directory(dir / "nothing");
  fs::create_directory(dir / "other");
  WriteFile(dir / "other/readme.md", "not a document");
  LoadedInputs loaded = LoadInputs({dir / "nothing", dir / "other"}, {});
  EXPECT_TRUE(loaded.documents.empty());
  ASSERT_EQ(loaded.failures.size(), 2u);
  for (const LoadFailure& failure : loaded.failures) {
    EXPECT_EQ(failure.status.code(), Status::Code::kEmpty);
    EXPECT_NE(failure.status.message().find("no .txt, .html or .htm files"), std::string::npos)
        << failure.status.message();
  }
  EXPECT_EQ(loaded.failures[0].source, dir / "nothing");
}

TEST(LoadInputsTest, FileFailuresInsideADirectoryNameTheFile) {
  TempDir dir;
  WriteFile(dir / "ok.txt", "fine");
  WriteFile(dir / "blank.txt", "   \n");
  LoadedInputs loaded = LoadInputs({dir.path()}, {});
  EXPECT_EQ(Sources(loaded), std::vector<std::string>{dir / "ok.txt"});
  ASSERT_EQ(loaded.failures.size(), 1u);
  EXPECT_EQ(loaded.failures[0].source, dir / "blank.txt");
  EXPECT_EQ(loaded.failures[0].status.code(), Status::Code::kEmpty);
}

TEST(LoadInputsTest, SymlinkLoopIsWalkedOnce) {
  TempDir dir;
  WriteFile(dir / "a.txt", "a");
  ASSERT_EQ(::symlink(dir.path().c_str(), (dir / "again").c_str()), 0);
  LoadedInputs loaded = LoadInputs({dir.path()}, {});
  EXPECT_EQ(Sources(loaded), std::vector<std::string>{dir / "a.txt"});
}

TEST(ListInputsTest, ListsWhatLoadInputsReadsWithoutReadingIt) {
  TempDir dir;
  fs::create_directory(dir / "pages");
  fs::create_directory(dir / "none");
  WriteFile(dir / "pages/b.html", kHtmlPage);
  WriteFile(dir / "pages/a.txt.gz", Gzip("a"));
  WriteFile(dir / "pages/blank.txt", " ");
  WriteFile(dir / "pages/skip.md", "not a document suffix");
  WriteFile(dir / "z.txt", "z");
  const std::vector<std::string> inputs = {dir / "z.txt", dir / "missing.txt", dir / "none",
                                           dir / "pages", "-"};
  const ListedInputs listed = ListInputs(inputs);
  // Named files are listed unread, even when missing; LoadFile says why.
  const std::vector<std::string> expected = {dir / "z.txt", dir / "missing.txt",
                                             dir / "pages/a.txt.gz", dir / "pages/b.html",
                                             dir / "pages/blank.txt", "-"};
  EXPECT_EQ(listed.paths, expected);
  ASSERT_EQ(listed.failures.size(), 1u);
  EXPECT_EQ(listed.failures[0].source, dir / "none");
  EXPECT_EQ(listed.failures[0].status.code(), Status::Code::kEmpty);
}

// --- Names and media types ------------------------------------------------

TEST(DocumentNameTest, StripsDirectoriesAndSuffixes) {
  EXPECT_EQ(DocumentNameFromPath("dir/a.html.gz"), "a");
  EXPECT_EQ(DocumentNameFromPath("/x/y/report.txt"), "report");
  EXPECT_EQ(DocumentNameFromPath("page.htm"), "page");
  EXPECT_EQ(DocumentNameFromPath("PAGE.HTML"), "PAGE");
  EXPECT_EQ(DocumentNameFromPath("notes.md"), "notes.md");
  EXPECT_EQ(DocumentNameFromPath("archive.tar.gz"), "archive.tar");
  EXPECT_EQ(DocumentNameFromPath("v1.2.txt"), "v1.2");
  EXPECT_EQ(DocumentNameFromPath("dir/sub/"), "sub");
  EXPECT_EQ(DocumentNameFromPath(".txt"), ".txt");
  EXPECT_EQ(DocumentNameFromPath("-"), "stdin");
}

TEST(MediaTypeTest, SuffixDecides) {
  EXPECT_EQ(GuessMediaType("a.html", "plain words"), MediaType::kHtml);
  EXPECT_EQ(GuessMediaType("a.HTM", ""), MediaType::kHtml);
  EXPECT_EQ(GuessMediaType("a.xhtml.gz", ""), MediaType::kHtml);
  EXPECT_EQ(GuessMediaType("d/a.html.gz", ""), MediaType::kHtml);
  EXPECT_EQ(GuessMediaType("a.txt", "<html><body>x</body></html>"), MediaType::kText);
  EXPECT_EQ(GuessMediaType("a.txt.gz", "<html>"), MediaType::kText);
}

TEST(MediaTypeTest, SniffsUnknownSuffixes) {
  EXPECT_EQ(GuessMediaType("page", "<!DOCTYPE html>\n<html>"), MediaType::kHtml);
  EXPECT_EQ(GuessMediaType("page", "\xEF\xBB\xBF \n\t<HTML lang=en>"), MediaType::kHtml);
  EXPECT_EQ(GuessMediaType("page.php", "<!-- cached -->\n<head><title>t</title>"),
            MediaType::kHtml);
  EXPECT_EQ(GuessMediaType("-", "<body>"), MediaType::kHtml);
  EXPECT_EQ(GuessMediaType("story", "The council voted on Tuesday."), MediaType::kText);
  EXPECT_EQ(GuessMediaType("story", ""), MediaType::kText);
  // "<header" is not "<head".
  EXPECT_EQ(GuessMediaType("frag", "<header>Site</header>"), MediaType::kText);
  // Markers are only looked for in the first kilobyte.
  EXPECT_EQ(GuessMediaType("late", std::string(2000, 'x') + "<html>"), MediaType::kText);
  EXPECT_EQ(GuessMediaType("spaced", std::string(2000, ' ') + "<html>"), MediaType::kHtml);
}

}  // namespace
}  // namespace parallax
