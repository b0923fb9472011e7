// `parallax serve`, the real binary: it tells where it listens, answers on
// loopback, stops on SIGTERM with exit 0, and refuses a missing database
// or a bad address with the documented exit codes.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <regex>
#include <string>
#include <thread>

#include "parallax/store.h"
#include "support/run_parallax.h"

namespace parallax {
namespace {

using testing::ReadFile;
using testing::RunParallax;
using testing::TempDir;

TEST(ServeCli, ServesOnLoopbackAndStopsOnSigterm) {
  TempDir dir;
  {
    Result<Store> store = Store::Open(dir / "news.db", OpenMode::kReadWrite);
    ASSERT_TRUE(store.ok());
  }
  const std::string err = dir / "err.txt";
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    freopen(err.c_str(), "w", stderr);
    freopen("/dev/null", "w", stdout);
    execl(PARALLAX_BINARY, PARALLAX_BINARY, "serve", "--db", (dir / "news.db").c_str(), "--listen", "127.0.0.1:0",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  // "parallax serve: http://127.0.0.1:PORT/ ..." once it listens.
  int port = 0;
  const std::regex listening("http://127\\.0\\.0\\.1:([0-9]+)/");
  for (int i = 0; i < 200 && port == 0; ++i) {
    std::smatch m;
    const std::string said = ReadFile(err);
    if (std::regex_search(said, m, listening)) port = std::stoi(m[1]);
    if (port == 0) std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  ASSERT_GT(port, 0) << ReadFile(err);
  httplib::Client client("127.0.0.1", port);
  auto r = client.Get("/api/stories");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("\"total\": 0"), std::string::npos) << r->body;
  auto page = client.Get("/");
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("No stories yet"), std::string::npos);

  ASSERT_EQ(kill(child, SIGTERM), 0);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status)) << "ended by a signal instead of stopping";
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_NE(ReadFile(err).find("stopping"), std::string::npos) << ReadFile(err);
}

TEST(ServeCli, AMissingDatabaseAndBadArgumentsAreRefused) {
  TempDir dir;
  const testing::RunResult missing = RunParallax(dir, {"serve", "--db", dir / "none.db", "--listen", "127.0.0.1:0"});
  EXPECT_EQ(missing.exit_code, 1) << missing.err;
  EXPECT_NE(missing.err.find("none.db"), std::string::npos) << missing.err;
  for (const char* listen : {"8080", "127.0.0.1:", "127.0.0.1:70000", "host:port"}) {
    const testing::RunResult bad = RunParallax(dir, {"serve", "--listen", listen});
    EXPECT_EQ(bad.exit_code, 2) << listen << ": " << bad.err;
    EXPECT_NE(bad.err.find("--listen: takes HOST:PORT"), std::string::npos) << bad.err;
  }
  const testing::RunResult help = RunParallax(dir, {"help", "serve"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("/api/stories"), std::string::npos);
  EXPECT_NE(help.out.find("127.0.0.1:8080"), std::string::npos);
}

}  // namespace
}  // namespace parallax
