// The progress line: drawn on a terminal only, throttled, and erased before
// other messages. A pseudo-terminal stands in for the user's.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <iostream>
#include <string>

#include "cli/progress.h"

namespace parallax::cli {
namespace {

// Points stderr at a new pseudo-terminal for the test's lifetime, and reads
// back what was written to it.
class StderrOnTerminal {
 public:
  StderrOnTerminal() {
    master_ = posix_openpt(O_RDWR | O_NOCTTY);
    EXPECT_GE(master_, 0);
    EXPECT_EQ(grantpt(master_), 0);
    EXPECT_EQ(unlockpt(master_), 0);
    const int slave = open(ptsname(master_), O_RDWR | O_NOCTTY);
    EXPECT_GE(slave, 0);
    std::cerr.flush();
    saved_ = dup(STDERR_FILENO);
    dup2(slave, STDERR_FILENO);
    close(slave);
  }
  ~StderrOnTerminal() {
    std::cerr.flush();
    dup2(saved_, STDERR_FILENO);
    close(saved_);
    close(master_);
  }
  // Everything written so far (the terminal may turn \n into \r\n).
  std::string Read() {
    std::cerr.flush();
    std::string out;
    const int flags = fcntl(master_, F_GETFL);
    fcntl(master_, F_SETFL, flags | O_NONBLOCK);
    char buffer[4096];
    for (ssize_t n; (n = read(master_, buffer, sizeof buffer)) > 0;) out.append(buffer, n);
    return out;
  }

 private:
  int master_ = -1;
  int saved_ = -1;
};

TEST(ProgressLine, NothingWhenStderrIsNotATerminal) {
  ::testing::internal::CaptureStderr();
  {
    ProgressLine line;
    EXPECT_FALSE(line.Due());
    line.Show("halfway", /*now=*/true);
    line.Clear();
  }
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

TEST(ProgressLine, DrawsInPlaceThrottlesAndErases) {
  StderrOnTerminal terminal;
  ProgressLine line;
  line.Show("phase two", /*now=*/true);
  EXPECT_EQ(terminal.Read(), "\r\033[Kphase two");
  // Within 100 ms of the last drawing nothing is drawn. (Checked only when
  // the machine was quick enough to still be within them.)
  if (!line.Due()) {
    line.Show("too soon");
    EXPECT_EQ(terminal.Read(), "");
  }
  usleep(110 * 1000);
  EXPECT_TRUE(line.Due());
  line.Show("three");
  EXPECT_EQ(terminal.Read(), "\r\033[Kthree");
  line.Clear();
  EXPECT_EQ(terminal.Read(), "\r\033[K");
  line.Clear();  // nothing drawn: nothing to erase
  EXPECT_EQ(terminal.Read(), "");
}

TEST(ProgressLine, CountsShowEvery1024thItemOnly) {
  StderrOnTerminal terminal;
  ProgressLine line;
  usleep(110 * 1000);
  line.ShowCount(1023, "articles read");
  EXPECT_EQ(terminal.Read(), "");
  line.ShowCount(2048, "articles read");
  EXPECT_EQ(terminal.Read(), "\r\033[K2048 articles read");
}

TEST(ProgressLine, DisabledStaysSilentOnATerminal) {
  StderrOnTerminal terminal;
  ProgressLine line(/*enabled=*/false);
  line.Show("hidden", /*now=*/true);
  line.Clear();
  EXPECT_EQ(terminal.Read(), "");
}

}  // namespace
}  // namespace parallax::cli
