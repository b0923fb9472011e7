// Crash safety of `parallax ingest`, with the real binary:
//   * SIGKILL part-way: the store opens, passes an integrity check, holds
//     only whole batches of complete articles, and a re-run completes with
//     every record stored once.
//   * A full disk (a file size limit: writes fail with EFBIG, as they fail
//     with ENOSPC on a full disk): a clear message, exit code 4, and every
//     batch committed before the failure still there.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

#include "parallax/store.h"
#include "store/run_util.h"

namespace parallax {
namespace {

using store_test::Child;
using store_test::Outcome;
using store_test::RunChild;
using store_test::RunOptions;
using store_test::ScratchDir;

// The invented text of record `i`: distinct per record, and checkable
// from the id alone.
std::string RecordText(int i, size_t extra_words) {
  std::string text = "Report " + std::to_string(i) + " from the harbour: the ferry number " +
                     std::to_string(i * 7 % 1000) + " was delayed.";
  for (size_t w = 0; w < extra_words; ++w) text += " word" + std::to_string((i + w) % 97);
  return text;
}

std::string RecordId(int i) { return "rec-" + std::to_string(i); }

// `count` records, one per line, written straight to `path`.
void WriteRecords(const std::string& path, int count, size_t extra_words) {
  FILE* out = std::fopen(path.c_str(), "wb");
  ASSERT_NE(out, nullptr);
  for (int i = 0; i < count; ++i) {
    const std::string line = "{\"id\":\"" + RecordId(i) + "\",\"outlet\":\"Outlet " +
                             std::to_string(i % 10) + "\",\"text\":\"" + RecordText(i, extra_words) +
                             "\"}\n";
    ASSERT_EQ(std::fwrite(line.data(), 1, line.size(), out), line.size());
  }
  ASSERT_EQ(std::fclose(out), 0);
}

size_t CountOrZero(const std::string& db) {
  Result<Store> store = Store::Open(db, OpenMode::kReadOnly);
  if (!store.ok()) return 0;
  Result<size_t> n = store->CountArticles();
  return n.ok() ? *n : 0;
}

// Opens `db` as the next ingest would and checks every article against the
// record it came from.
void ExpectCompleteArticles(const std::string& db, size_t extra_words, size_t* count) {
  Result<Store> store = Store::Open(db, OpenMode::kReadWrite);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  const Status integrity = store->CheckIntegrity();
  ASSERT_TRUE(integrity.ok()) << integrity.ToString();
  size_t seen = 0, wrong = 0;
  const Status read = store->ForEachArticle([&](const Article& a) {
    ++seen;
    const int i = std::stoi(a.id.substr(4));
    if (a.id != RecordId(i) || a.paragraphs.size() != 1 ||
        a.paragraphs[0].text != RecordText(i, extra_words) ||
        a.outlet != "Outlet " + std::to_string(i % 10)) {
      ++wrong;
    }
    return true;
  });
  ASSERT_TRUE(read.ok()) << read.ToString();
  EXPECT_EQ(wrong, 0u);
  EXPECT_EQ(seen, *store->CountArticles());
  *count = seen;
}

TEST(IngestCrash, SigkillPartWayLosesNoCommittedBatchAndRerunCompletes) {
  constexpr int kRecords = 200000;
  constexpr size_t kBatch = 1000;
  ScratchDir dir;
  const std::string input = dir / "records.jsonl";
  const std::string db = dir / "crash.db";
  WriteRecords(input, kRecords, 8);

  {
    Child ingest(dir, {"ingest", "--db", db, "--batch", std::to_string(kBatch), input});
    // Kill once a few batches are committed (about 0.3 s in on a quiet
    // machine), polling as a reader would, while the writer runs.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (CountOrZero(db) < 3 * kBatch && ingest.Running() &&
           std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ASSERT_TRUE(ingest.Running()) << "the ingest ended before it could be killed:\n" << ingest.err();
    ASSERT_EQ(::kill(ingest.pid(), SIGKILL), 0);
    const int status = ingest.Wait();
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
  }

  size_t after_kill = 0;
  ExpectCompleteArticles(db, 8, &after_kill);
  EXPECT_GE(after_kill, 3 * kBatch);
  EXPECT_LT(after_kill, static_cast<size_t>(kRecords));
  EXPECT_EQ(after_kill % kBatch, 0u) << "a batch was stored in part";

  const Outcome rerun = RunChild(dir, {"ingest", "--db", db, input});
  EXPECT_EQ(rerun.exit_code, 0) << rerun.err;
  EXPECT_EQ(rerun.out.substr(0, rerun.out.find(" (")),
            "added " + std::to_string(kRecords - after_kill) + ", duplicates " +
                std::to_string(after_kill))
      << rerun.out;
  size_t final_count = 0;
  ExpectCompleteArticles(db, 8, &final_count);
  EXPECT_EQ(final_count, static_cast<size_t>(kRecords));  // every record once: ids are UNIQUE
}

TEST(IngestCrash, FullDiskStopsWithAClearMessageAndKeepsWhatWasCommitted) {
  constexpr int kRecords = 20000;
  ScratchDir dir;
  const std::string input = dir / "records.jsonl";
  const std::string db = dir / "full.db";
  WriteRecords(input, kRecords, 150);  // about 1 KB each: 20 MB of text

  RunOptions limited;
  limited.file_limit = 4 << 20;
  const Outcome full = RunChild(dir, {"ingest", "--db", db, "--batch", "500", input}, limited);
  EXPECT_EQ(full.exit_code, 4) << full.out << full.err;
  EXPECT_NE(full.err.find("cannot write to " + db), std::string::npos) << full.err;
  EXPECT_NE(full.err.find("file size limit"), std::string::npos) << full.err;
  EXPECT_NE(full.err.find("run the same command again"), std::string::npos) << full.err;
  // The summary's "added" is exactly what is stored.
  ASSERT_EQ(full.out.substr(0, 6), "added ") << full.out;
  const size_t reported = std::stoul(full.out.substr(6));
  EXPECT_GT(reported, 0u);
  size_t stored = 0;
  ExpectCompleteArticles(db, 150, &stored);
  EXPECT_EQ(stored, reported);
  EXPECT_LT(stored, static_cast<size_t>(kRecords));

  // With room again, the same command finishes the job.
  const Outcome rerun = RunChild(dir, {"ingest", "--db", db, input});
  EXPECT_EQ(rerun.exit_code, 0) << rerun.err;
  size_t final_count = 0;
  ExpectCompleteArticles(db, 150, &final_count);
  EXPECT_EQ(final_count, static_cast<size_t>(kRecords));
}

}  // namespace
}  // namespace parallax
