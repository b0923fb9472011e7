// What the store tests share: a scratch directory, files, invented articles,
// SQL run on a file behind the store's back, and running the real
// `parallax` binary (PARALLAX_BINARY) with fork/exec, so a test can kill
// it, lower its file size limit, or run it as another user.
#ifndef PARALLAX_TESTS_STORE_RUN_UTIL_H_
#define PARALLAX_TESTS_STORE_RUN_UTIL_H_

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "parallax/store.h"
#include "support/run_parallax.h"

namespace parallax::store_test {

// The scratch directory and file helpers every file-system test uses.
using ScratchDir = testing::TempDir;
using testing::ReadFile;
using testing::WriteFile;

inline Article MakeArticle(const std::string& id, const std::string& text,
                           const std::string& outlet = "Courier", const std::string& title = "",
                           const std::string& published = "") {
  Article a;
  a.id = id;
  a.source = "test:" + id;
  a.outlet = outlet;
  a.title = title;
  a.published = published;
  a.paragraphs.push_back({text, ParagraphRole::kBody, ""});
  return a;
}

// Runs SQL on the file directly: for tests that damage or inspect it as
// another program would, or make it look like an older version's file.
inline void RawSql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  const std::string message = error != nullptr ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  ASSERT_EQ(rc, SQLITE_OK) << message;
}

inline Store OpenOrDie(const std::string& path, OpenMode mode = OpenMode::kReadWrite) {
  Result<Store> store = Store::Open(path, mode);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return std::move(store).value();
}

struct RunOptions {
  std::string binary;       // the parallax binary to run; empty: PARALLAX_BINARY
  uid_t uid = 0;            // != 0: run as this user (and group), when we are root
  rlim_t file_limit = 0;    // != 0: RLIMIT_FSIZE in bytes, with SIGXFSZ ignored
};

// A started `parallax ARGS...`; stdout and stderr go to files in `dir`.
class Child {
 public:
  Child(const ScratchDir& dir, const std::vector<std::string>& args, RunOptions options = {})
      : out_path_(dir / "stdout.txt"), err_path_(dir / "stderr.txt") {
    std::vector<std::string> argv_storage = {options.binary.empty() ? PARALLAX_BINARY : options.binary};
    argv_storage.insert(argv_storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : argv_storage) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_ = ::fork();
    if (pid_ == 0) {
      // Only async-signal-safe calls from here to exec.
      const int in = ::open("/dev/null", O_RDONLY);
      const int out = ::open(out_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      const int err = ::open(err_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (in < 0 || out < 0 || err < 0) ::_exit(120);
      ::dup2(in, 0);
      ::dup2(out, 1);
      ::dup2(err, 2);
      if (options.file_limit != 0) {
        // The write past the limit then fails with EFBIG instead of the
        // signal killing the process: what a full disk looks like.
        ::signal(SIGXFSZ, SIG_IGN);
        struct rlimit limit = {options.file_limit, options.file_limit};
        if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) ::_exit(121);
      }
      if (options.uid != 0 && (::setgid(options.uid) != 0 || ::setuid(options.uid) != 0)) {
        ::_exit(122);
      }
      ::execv(argv[0], argv.data());
      ::_exit(123);
    }
    EXPECT_GT(pid_, 0);
  }
  ~Child() {
    if (pid_ > 0 && !waited_) {
      ::kill(pid_, SIGKILL);
      Wait();
    }
  }

  pid_t pid() const { return pid_; }
  // The raw wait status.
  int Wait() {
    int status = 0;
    ::waitpid(pid_, &status, 0);
    waited_ = true;
    return status;
  }
  // True while the process runs.
  bool Running() {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == 0) return true;
    waited_ = true;
    return false;
  }
  std::string out() const { return ReadFile(out_path_); }
  std::string err() const { return ReadFile(err_path_); }

 private:
  std::string out_path_, err_path_;
  pid_t pid_ = -1;
  bool waited_ = false;
};

struct Outcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `parallax ARGS...` as a Child (see RunOptions) and waits for it.
// Named apart from testing::RunParallax, the shell-based runner, which
// cannot lower limits or switch users.
inline Outcome RunChild(const ScratchDir& dir, const std::vector<std::string>& args,
                        RunOptions options = {}) {
  Child child(dir, args, options);
  const int status = child.Wait();
  Outcome outcome;
  if (WIFEXITED(status)) outcome.exit_code = WEXITSTATUS(status);
  outcome.out = child.out();
  outcome.err = child.err();
  return outcome;
}

}  // namespace parallax::store_test

#endif  // PARALLAX_TESTS_STORE_RUN_UTIL_H_
