// What tests that touch the file system share: a scratch directory removed
// afterwards, whole-file reads and writes, and running the real `parallax`
// binary (PARALLAX_BINARY) through the shell with its output captured.
#ifndef PARALLAX_TESTS_SUPPORT_RUN_PARALLAX_H_
#define PARALLAX_TESTS_SUPPORT_RUN_PARALLAX_H_

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace parallax::testing {

// A directory of its own for each test, removed afterwards.
class TempDir {
 public:
  // In the system's temporary folder, or in `parent` when given.
  explicit TempDir(const std::string& parent = "") {
    std::string pattern =
        ((parent.empty() ? std::filesystem::temp_directory_path() : std::filesystem::path(parent)) /
         "parallax_test_XXXXXX")
            .string();
    const char* made = ::mkdtemp(pattern.data());
    EXPECT_NE(made, nullptr);
    path_ = pattern;
  }
  ~TempDir() {
    ::chmod(path_.c_str(), 0700);  // a test may have made it read-only
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

inline void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  ASSERT_TRUE(out.good()) << path;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Single quotes for the shell.
inline std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (const char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

#ifdef PARALLAX_BINARY
// Runs `parallax ARGS...` with stdin from `stdin_path`; stdout and stderr go
// through files in `dir`, unless `stdout_path` names another place for
// stdout (such as /dev/full), which is then not read back.
inline RunResult RunParallax(const TempDir& dir, const std::vector<std::string>& args,
                             const std::string& stdin_path = "/dev/null",
                             const std::string& stdout_path = "") {
  std::string command = ShellQuote(PARALLAX_BINARY);
  for (const std::string& a : args) {
    command += ' ';
    command += ShellQuote(a);
  }
  const bool capture_out = stdout_path.empty();
  const std::string out_path = capture_out ? dir / "stdout.txt" : stdout_path;
  const std::string err_path = dir / "stderr.txt";
  command += " >" + ShellQuote(out_path) + " 2>" + ShellQuote(err_path) + " <" +
             ShellQuote(stdin_path);
  const int status = std::system(command.c_str());
  RunResult result;
  if (status != -1 && WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (capture_out) result.out = ReadFile(out_path);
  result.err = ReadFile(err_path);
  return result;
}
#endif

}  // namespace parallax::testing

#endif  // PARALLAX_TESTS_SUPPORT_RUN_PARALLAX_H_
