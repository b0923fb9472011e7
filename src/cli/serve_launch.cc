// `parallax serve` in the parallax binary: runs parallax-serve, the binary
// beside it that holds the web server, in this process (exec).
//
// Why a second binary: the server is built on cpp-httplib, which Debian
// ships as a shared library linked with OpenSSL, zlib and brotli, and
// OpenSSL initialises itself when loaded. In the parallax binary that cost
// every command ~5 ms before main(), more than a whole small `parallax
// compare`; only serve needs it. exec keeps the process id, the terminal
// and the signals as they were, so `parallax serve` behaves as before.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace parallax::cli {

namespace {

constexpr const char* kServeBinary = "parallax-serve";

// The directory of the running binary, "" when /proc is not mounted.
std::string OwnDirectory() {
  std::string path(4096, '\0');
  const ssize_t length = readlink("/proc/self/exe", path.data(), path.size());
  if (length <= 0 || static_cast<size_t>(length) >= path.size()) return "";
  path.resize(static_cast<size_t>(length));
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

}  // namespace

int RunServe(const std::vector<std::string>& args) {
  const std::string directory = OwnDirectory();
  if (directory.empty()) {
    std::cerr << "parallax serve: cannot find the directory of this binary (is /proc mounted?)\n";
    return kExitUsage;
  }
  const std::string server = directory + "/" + kServeBinary;
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(server.c_str()));
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  execv(server.c_str(), argv.data());
  std::cerr << "parallax serve: cannot run " << server << ": " << std::strerror(errno)
            << " (it is built with parallax: cmake --build build --target parallax)\n";
  return kExitUsage;
}

}  // namespace parallax::cli
