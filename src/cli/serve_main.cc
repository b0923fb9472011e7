// parallax-serve: `parallax serve` as a binary of its own, which the
// parallax binary runs (see serve_launch.cc for why). Its arguments are
// serve's.
#include <csignal>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/large_pages.h"

int main(int argc, char** argv) {
  parallax::cli::UseLargePages();
  std::signal(SIGXFSZ, SIG_IGN);
  try {
    return parallax::cli::RunServe(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const std::exception& e) {
    std::cerr << "parallax serve: internal error: " << e.what() << "\n";
    return 70;
  }
}
